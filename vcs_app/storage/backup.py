"""Verified backups and restore of the database file (DESIGN.md section 3).

A backup is written by `VACUUM INTO` under a temporary name that no listing treats as
a backup, flushed to disk, checked with `PRAGMA integrity_check`, and only then renamed
to its final name. So a backup killed midway leaves at most a ``.partial`` file (and the
``.partial-journal`` SQLite wrote beside it) that is never offered for restore and is
swept away by the next backup; every file with a backup's name has passed verification.
Backups and their folders are private to their owner (0600 / 0700), like the database.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import sqlite3
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

from sqlite_utils import Database

from vcs_app.storage import db as _db
from vcs_app.storage.db import SQLITE_HEADER, StoreError, _explain, _sqlcipher
from vcs_app.storage.files import (
    create_private_file,
    make_private_folder,
    not_regular,
    open_regular,
)
from vcs_app.storage.lock import pid_alive
from vcs_app.storage.migrations import SCHEMA_VERSION
from vcs_app.storage.trail import Anchor, TrailKey, read_anchor, write_anchor

_STAMP = "%Y%m%dT%H%M%SZ"
_BACKUP_NAME = re.compile(r"^(?P<stem>.+)-backup-(?P<stamp>\d{8}T\d{6}Z)(?:-(?P<n>\d+))?\.db$")
# A temporary file, or one of the journal files SQLite keeps beside it while it is open.
_PARTIAL_NAME = re.compile(r"^\..+\.(?P<pid>\d+)-[0-9a-f]+\.partial(?:-journal|-wal|-shm)?$")


@dataclass(frozen=True)
class BackupFile:
    """A finished (hence verified) backup of one database."""

    path: Path
    stem: str  # the database file's stem it was taken from
    taken_at: datetime  # UTC
    size: int
    n: int = 0  # tells apart backups taken in the same second

    @property
    def order(self) -> tuple[datetime, int]:
        return (self.taken_at, self.n)


def backup_name(stem: str, at: datetime, n: int = 0) -> str:
    stamp = at.astimezone(UTC).strftime(_STAMP)
    return f"{stem}-backup-{stamp}{f'-{n}' if n else ''}.db"


def _parse(path: Path) -> BackupFile | None:
    match = _BACKUP_NAME.match(path.name)
    if match is None:
        return None
    try:
        taken = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
        size = path.stat().st_size
    except (ValueError, OSError):
        return None
    return BackupFile(path, match["stem"], taken, size, int(match["n"] or 0))


def list_backups(folder: Path, stem: str) -> list[BackupFile]:
    """Backups of the database called `stem` in `folder`, newest first."""
    if not folder.is_dir():
        return []
    found = [b for p in folder.iterdir() if (b := _parse(p)) and b.stem == stem]
    return sorted(found, key=lambda b: b.order, reverse=True)


def _open_encrypted_readonly(uri: str, key: str):
    """A read-only SQLCipher connection unlocked with `key` (raises its driver's error)."""
    sqlcipher = _sqlcipher()
    if sqlcipher is None:
        raise StoreError(
            "Encrypted databases need the optional extra: pip install 'vcs-desk[encrypted]'."
        )
    conn = sqlcipher.connect(uri, uri=True)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute("PRAGMA key = '" + key.replace("'", "''") + "'")
    return conn


def verify_copy(path: Path, key: str | None = None) -> list[str]:
    """Why `path` is not a usable VCS Desk database (empty list when it is).

    With `key` the file must be an SQLCipher database that this key opens: a backup of
    an encrypted caseload is itself encrypted, with the same key."""
    try:
        header = _db.read_header(path, len(SQLITE_HEADER))
    except OSError as exc:
        return [f"cannot read it ({exc.strerror or exc})"]
    # None: this process has the file open (the live caseload), so its header was
    # checked when it was opened and must not be read outside SQLite now.
    if header is not None and key is None and header != SQLITE_HEADER:
        return ["it is not an SQLite file"]
    if header is not None and key is not None and header == SQLITE_HEADER:
        return ["it is not encrypted (a backup of an encrypted database must be)"]
    with _db.sqlite_user(path):
        return _verify(path, key)


def _verify(path: Path, key: str | None) -> list[str]:
    """The checks made through a read-only connection (counted as one of this process's)."""
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True) if key is None else _open_encrypted_readonly(uri, key)
    except StoreError as exc:
        return [str(exc)]
    except _db.DB_ERRORS as exc:
        return [f"it cannot be opened ({exc})"]
    try:
        if key is not None:
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except _db.DB_ERRORS:
                return ["this key does not open it"]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            return [f"it was written by a newer VCS Desk (schema {version})"]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not {"link", "audit"} <= tables:
            return ["it is not a VCS Desk database"]
        rows = _db.check_rows(conn.execute("PRAGMA integrity_check"))
        return [f"integrity check failed: {rows[0]}"] if rows else []
    except _db.DB_ERRORS as exc:
        return [f"it is damaged ({exc})"]
    finally:
        conn.close()


@contextlib.contextmanager
def open_copy(path: Path, key: str | None = None):
    """A read-only connection (as a Database) to a backup or other copy of a caseload,
    counted as one of this process's SQLite users while it is open."""
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    with _db.sqlite_user(path):
        conn = sqlite3.connect(uri, uri=True) if key is None else _open_encrypted_readonly(uri, key)
        try:
            yield Database(conn, execute_plugins=False)
        finally:
            conn.close()


def _fsync_file(path: Path) -> None:
    with path.open("rb+") as fh:
        os.fsync(fh.fileno())


def _fsync_dir(folder: Path) -> None:
    """Make a rename durable (a no-op where directories cannot be opened, e.g. Windows)."""
    if sys.platform == "win32":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def partial_path(folder: Path, final_name: str) -> Path:
    """A name no listing takes for a backup; the process id lets a later run see that
    the writer has died, the random part keeps two threads of one process apart."""
    return folder / f".{final_name}.{os.getpid()}-{secrets.token_hex(4)}.partial"


_COMPANIONS = ("-wal", "-shm", "-journal")


def remove_with_companions(path: Path) -> None:
    """Delete a temporary database file and any journal SQLite left beside it (the
    caller knows no connection has it open any more)."""
    for suffix in ("", *_COMPANIONS):
        with contextlib.suppress(OSError):
            path.with_name(path.name + suffix).unlink(missing_ok=True)


def publish(temp: Path, final: Path) -> None:
    """Give a finished, closed temporary database its final name, never over a file
    that is already there (hard-linked, so two builders cannot both win)."""
    for suffix in ("-wal", "-journal"):
        journal = temp.with_name(temp.name + suffix)
        if journal.exists() and journal.stat().st_size:
            raise StoreError(f"{temp.name} was not closed cleanly; it was not put in place.")
    _fsync_file(temp)
    try:
        os.link(temp, final)
    except FileExistsError as exc:
        raise StoreError(f"{final} already exists; it was left as it is.") from exc
    except OSError:  # a file system without hard links (a FAT USB stick)
        if final.exists():
            raise StoreError(f"{final} already exists; it was left as it is.") from None
        os.replace(temp, final)
    else:
        temp.unlink()
    _fsync_dir(final.parent)


def remove_stale_partials(folder: Path, prefix: str = "") -> list[Path]:
    """Delete temporary files (and their journals) left by a backup, restore or demo
    whose process has died."""
    removed = []
    if not folder.is_dir():
        return removed
    for path in folder.iterdir():
        match = _PARTIAL_NAME.match(path.name)
        if match and path.name.startswith(f".{prefix}") and not pid_alive(int(match["pid"])):
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed


def make_backup(
    db: Database,
    source: Path,
    folder: Path,
    *,
    at: datetime | None = None,
    key: str | None = None,
) -> BackupFile:
    """Copy the open database `db` (the file `source`) into `folder` as a verified backup.

    On an encrypted connection (`key`) VACUUM INTO writes the copy encrypted with the
    same key, so the backup is verified with it."""
    if db.conn.in_transaction:
        raise RuntimeError("a backup cannot run inside a transaction")
    at = at or datetime.now(UTC)
    try:
        make_private_folder(folder)
    except OSError as exc:
        raise StoreError(f"Backup failed: cannot create {folder} ({exc.strerror}).") from exc
    remove_stale_partials(folder, source.stem)
    n = 0
    while (folder / backup_name(source.stem, at, n)).exists():
        n += 1
    final = folder / backup_name(source.stem, at, n)
    partial = partial_path(folder, final.name)
    try:
        create_private_file(partial)  # VACUUM INTO fills an empty file, keeping its mode
        db.execute("VACUUM INTO ?", [str(partial)])
        _fsync_file(partial)
        problems = verify_copy(partial, key)
        if problems:
            raise StoreError(f"Backup failed: the copy did not verify ({problems[0]}).")
        head = _copy_anchor(db, partial, key)
        os.replace(partial, final)
        _fsync_dir(folder)
        if head is not None:
            write_anchor(sidecar_path(final), head, db.trail.key)
    except _db.DB_ERRORS as exc:
        reason = _explain(exc).removeprefix("Not saved: ")
        raise StoreError(f"Backup failed: {reason}") from exc
    except OSError as exc:
        raise StoreError(f"Backup failed: cannot write in {folder} ({exc.strerror}).") from exc
    finally:
        remove_with_companions(partial)
    backup = _parse(final)
    assert backup is not None
    return backup


def sidecar_path(backup: Path) -> Path:
    """The backup's anchor: its trail's head when it was taken, MACed with the key, so a
    backup whose audit rows were later cut is refused, and `check` knows the live file
    must still reach that row."""
    return backup.with_name(backup.name + ".anchor")


def _copy_anchor(db: Database, copy: Path, key: str | None) -> Anchor | None:
    """The head of the copy's trail (read from the copy itself: a writer elsewhere may
    have moved the live file's on since)."""
    trail = getattr(db, "trail", None)
    if trail is None:
        return None
    with open_copy(copy, key) as conn:
        row = conn.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
        seals = dict(conn.execute("SELECT tbl, state FROM table_seal").fetchall())
    head_id, head_mac = row if row else (0, "0" * 64)
    return Anchor(trail.file_id, head_id, head_mac, seals)


def backup_anchors(folder: Path, stem: str, key: TrailKey, file_id: str) -> list[Anchor]:
    """The anchors of this file's backups in `folder` that verify with the key."""
    found = []
    for backup in list_backups(folder, stem):
        try:
            anchor = read_anchor(sidecar_path(backup.path), key)
        except ValueError:
            continue
        if anchor is not None and anchor.file_id == file_id:
            found.append(anchor)
    return found


def choose_kept(
    backups: list[BackupFile], *, recent: int = 3, daily: int = 7, weekly: int = 4
) -> set[Path]:
    """The backups a rotation keeps: the `recent` newest (cover for today's work), the
    newest of each of the last `daily` days that have one, and the newest of each of the
    last `weekly` ISO weeks that have one."""
    newest_first = sorted(backups, key=lambda b: b.order, reverse=True)
    kept: set[Path] = {b.path for b in newest_first[:recent]}
    days: set[object] = set()
    weeks: set[object] = set()
    for backup in newest_first:
        day = backup.taken_at.date()
        week = day.isocalendar()[:2]
        if day not in days and len(days) < daily:
            days.add(day)
            kept.add(backup.path)
        if week not in weeks and len(weeks) < weekly:
            weeks.add(week)
            kept.add(backup.path)
    return kept


def rotate(
    folder: Path, stem: str, *, recent: int = 3, daily: int = 7, weekly: int = 4
) -> list[Path]:
    """Delete the backups of `stem` that the rotation does not keep; returns them."""
    backups = list_backups(folder, stem)
    kept = choose_kept(backups, recent=recent, daily=daily, weekly=weekly)
    removed = []
    for backup in backups:
        if backup.path not in kept:
            with contextlib.suppress(OSError):
                backup.path.unlink()
                removed.append(backup.path)
            with contextlib.suppress(OSError):
                sidecar_path(backup.path).unlink(missing_ok=True)
    return removed


_COMPANIONS = ("-wal", "-shm", "-journal")


def _plain_sqlite(path: Path) -> bool:
    try:
        return _db.read_header(path, len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def restore_file(
    backup: Path, db_path: Path, *, at: datetime | None = None, key: str | None = None
) -> Path | None:
    """Put a copy of `backup` in place of `db_path`; the file it replaces (with its
    journal files) is kept beside it under a dated name, which is returned.

    The copy is verified before anything is replaced; a backup that fails leaves the
    current database untouched. The caller must hold the database's lock.
    """
    at = at or datetime.now(UTC)
    folder = db_path.parent
    if not folder.is_dir():
        raise StoreError(f"Cannot restore: the folder {folder} does not exist.")
    with contextlib.suppress(OSError):  # a missing one is the usual "no database" case
        kind = not_regular(db_path)
        if kind is not None:
            raise StoreError(f"Cannot restore: {db_path} is {kind}, not a database file.")
    if key is None and _db.may_be_encrypted(db_path):
        raise StoreError(
            f"Cannot restore: {db_path.name} is encrypted and {backup.name} would replace it"
            " with a plain file. Give the caseload's key (--key-stdin) to restore one of its"
            " encrypted backups; the current database was not touched."
        )
    if key is not None and _plain_sqlite(db_path):
        raise StoreError(
            f"Cannot restore: {db_path.name} is a plain (unencrypted) caseload; an encrypted"
            " backup does not replace it. The current database was not touched."
        )
    remove_stale_partials(folder, db_path.name)
    staging = partial_path(folder, db_path.name)
    try:
        try:
            create_private_file(staging)
            with open_regular(backup) as source, staging.open("r+b") as copy:
                shutil.copyfileobj(source, copy)
            _fsync_file(staging)
        except OSError as exc:
            raise StoreError(
                f"Cannot restore from {backup.name} ({exc.strerror or exc}); the current database"
                " was not touched."
            ) from exc
        problems = verify_copy(staging, key)
        if problems:
            raise StoreError(
                f"Cannot restore from {backup.name}: {problems[0]}. The current database"
                " was not touched."
            )
        kept = None
        if db_path.exists():
            stamp = at.astimezone(UTC).strftime(_STAMP)
            kept = db_path.with_name(f"{db_path.stem}.replaced-{stamp}{db_path.suffix}")
            n = 1
            while kept.exists():
                n += 1
                kept = db_path.with_name(f"{db_path.stem}.replaced-{stamp}-{n}{db_path.suffix}")
            try:
                for suffix in _COMPANIONS:  # a WAL must never meet the restored file
                    companion = db_path.with_name(db_path.name + suffix)
                    if companion.exists():
                        os.replace(companion, kept.with_name(kept.name + suffix))
                os.replace(db_path, kept)
            except OSError as exc:
                raise StoreError(
                    f"Cannot restore: could not move {db_path.name} aside ({exc.strerror})."
                ) from exc
        try:
            os.replace(staging, db_path)
            _fsync_dir(folder)
        except OSError as exc:
            raise StoreError(
                f"Cannot restore: could not write {db_path} ({exc.strerror}); the previous"
                f" file is at {kept}."
            ) from exc
        return kept
    finally:
        remove_with_companions(staging)  # checking a copy of a WAL file leaves -wal/-shm
