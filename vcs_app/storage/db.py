"""Opening the SQLite file safely: PRAGMAs checked, schema migrated, bad files refused.

This module and its siblings are the only code that talks SQL; a second storage
implementation (a shared PostgreSQL server) would replace this package, not the app.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

from sqlite_utils import Database

from vcs_app.domain.accounts import check_password_rules
from vcs_app.domain.model import DomainError
from vcs_app.domain.search import contact_words
from vcs_app.storage.files import (
    create_private_file,
    disk_is_full,
    make_private_folder,
    not_regular,
    open_regular,
)
from vcs_app.storage.migrations import MIGRATIONS, SCHEMA_VERSION, migrate

# Errors of either driver, so an encrypted file fails exactly like a plain one. SQLCipher
# (the optional extra `encrypted`) is loaded only when a key is given: it carries its own
# SQLite, which has no business in a process that only opens plain files.
DB_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error,)
DB_DATABASE_ERRORS: tuple[type[Exception], ...] = (sqlite3.DatabaseError,)


def _sqlcipher():
    """The SQLCipher driver, or None when the extra is not installed."""
    global DB_ERRORS, DB_DATABASE_ERRORS
    try:
        from sqlcipher3 import dbapi2
    except ImportError:
        return None
    DB_ERRORS = (sqlite3.Error, dbapi2.Error)
    DB_DATABASE_ERRORS = (sqlite3.DatabaseError, dbapi2.DatabaseError)
    return dbapi2


SQLITE_HEADER = b"SQLite format 3\x00"

# PRAGMA -> value it must read back as (DESIGN.md section 3).
REQUIRED_PRAGMAS: dict[str, object] = {
    "journal_mode": "wal",
    "synchronous": 2,  # FULL: a committed write survives power loss
    "foreign_keys": 1,
    "secure_delete": 1,  # erased victim data is overwritten, not left in free pages
    "trusted_schema": 0,
}


# --- files this process has open through SQLite ------------------------------------------
#
# Closing *any* descriptor of a file drops every POSIX lock this process holds on it,
# SQLite's included; another process may then checkpoint and delete the WAL under our
# connections. So the live file is never opened outside SQLite while SQLite has it open
# here: each connection is counted (before it connects, under the same guard as the
# header read), and `read_header` refuses to open a file that is counted.

_in_use: Counter[tuple[int, int]] = Counter()
_in_use_guard = threading.RLock()


def _file_id(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


@contextlib.contextmanager
def sqlite_user(path: Path) -> Iterator[None]:
    """Count a connection to `path` for as long as the block runs (it connects inside)."""
    token = _use(path)
    try:
        yield
    finally:
        _release(token)


def _use(path: Path) -> tuple[int, int] | None:
    with _in_use_guard:
        file_id = _file_id(path)
        if file_id is not None:
            _in_use[file_id] += 1
        return file_id


def _release(file_id: tuple[int, int] | None) -> None:
    if file_id is None:
        return
    with _in_use_guard:
        _in_use[file_id] -= 1
        if _in_use[file_id] <= 0:
            del _in_use[file_id]


def in_use_here(path: Path) -> bool:
    """True while this process has `path` open through SQLite."""
    with _in_use_guard:
        file_id = _file_id(path)
        return file_id is not None and _in_use[file_id] > 0


def read_header(path: Path, size: int = 100) -> bytes | None:
    """The first `size` bytes of `path`, or None when this process has it open through
    SQLite (opening it here would drop SQLite's locks; it was checked when first opened).
    Raises OSError when it cannot be read, or is not a regular file (a pipe would block)."""
    with _in_use_guard:
        if in_use_here(path):
            return None
        with open_regular(path) as fh:
            return fh.read(size)


def may_be_encrypted(path: Path) -> bool:
    """Whether `path` looks like an SQLCipher file: not starting as a plain SQLite file
    does, and a whole number of pages long (an SQLCipher file always is; a stray document
    almost never). False when unreadable or open here (its kind was checked on opening)."""
    try:
        size = path.stat().st_size
        header = read_header(path, len(SQLITE_HEADER))
    except OSError:
        return False
    return header is not None and size > 0 and size % 512 == 0 and header != SQLITE_HEADER


class StoreError(DomainError):
    """The database file cannot be used; the message says why in one line."""


class DiskFull(StoreError):
    """The disk holding the database has no room left: nothing is wrong with the file, so
    nothing should be restored over it."""

    def __init__(self, folder: Path, what: str = "") -> None:
        super().__init__(
            f"The disk is full: {folder} has no space left{what}. Free some space and try"
            " again; nothing was changed."
        )


class TrailKeyMissingError(StoreError):
    """The file's audit trail is sealed with a key that is not on this computer."""


_KNOWN_REFUSALS = {
    "UNIQUE constraint failed: offender.crn": "an offender with this CRN is already on file",
    "UNIQUE constraint failed: link.victim_id, link.offender_id": (
        "this victim is already linked to this offender"
    ),
    "FOREIGN KEY constraint failed": "it refers to a record that does not exist",
    "the audit log is append-only": "the audit log is append-only",
    "database or disk is full": "the disk is full",
    "attempt to write a readonly database": "the database file is read-only",
    "database is locked": "another task is writing to the database; try again in a moment",
}


class Busy(StoreError):
    """Another connection held the write lock for longer than busy_timeout."""


class _TransactionLost(Exception):
    """Internal: unwinds the outermost block whose transaction SQLite discarded."""


def _explain(exc: sqlite3.Error, folder: Path | None = None) -> str:
    text = str(exc)
    if folder is not None and "disk I/O error" in text and disk_is_full(folder):
        text = "database or disk is full"  # e.g. the -shm file could not grow
    for known, meaning in _KNOWN_REFUSALS.items():
        if known in text:
            return f"Not saved: {meaning}."
    if text.startswith("CHECK constraint failed"):
        return f"Not saved: a value is not allowed ({text})."
    return f"Not saved: the database reported '{text}'."


def is_interrupted(exc: BaseException) -> bool:
    """True when `exc` is SQLite stopping a statement because `Store.interrupt` asked."""
    return isinstance(exc, DB_ERRORS) and "interrupted" in str(exc)


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# Work a repository leaves to the end of the use case's transaction (rebuilding the search
# rows of the cases it touched once, however many of their records it wrote): each hook is
# called with the connection just before COMMIT, or when the transaction rolls back.
BEFORE_COMMIT: list[Callable[[Database], None]] = []
ON_ROLLBACK: list[Callable[[Database], None]] = []


class Store:
    """An open database file. Use from the thread that opened it."""

    def __init__(
        self,
        db: Database,
        path: Path,
        key: str | None = None,
        file_id: tuple[int, int] | None = None,
    ) -> None:
        self.db = db
        self.path = path
        self._file_id = file_id  # counted in `_in_use` until closed
        self.key = key  # an encrypted file's key, so a worker's connection can open it too
        self._sealer = None
        self._depth = 0
        self._lost: str | None = None  # why SQLite threw the open transaction away
        self.replaced_anchor = None  # opened for a restore: the head it no longer reaches
        self._changes = 0  # rows changed on this connection when the transaction began

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Database]:
        """One use case = one transaction (nested blocks become savepoints).

        A database refusal rolls the whole transaction back and surfaces as a StoreError
        whose message a user can read; nothing of the use case is left half-written.

        On a full disk or an I/O error SQLite may roll back the whole transaction by
        itself, savepoints and all. A caller that catches a nested block's error and
        carries on (an import skipping a bad row) would then write outside any
        transaction, each statement committing alone. So the loss is remembered: later
        nested blocks fail at once, stray statements land in a fresh transaction, and the
        outermost block rolls that back and fails with the original reason.
        """
        if self._lost is not None:
            raise StoreError(self._lost)
        if self._depth == 0:
            self._changes = self.db.conn.total_changes
        self._depth += 1
        try:
            with self._outermost() if self._depth == 1 else self.db.atomic():
                yield self.db
                if self._depth == 1 and self._lost is not None:
                    raise _TransactionLost
                if self._depth == 1 and self.db.conn.total_changes != self._changes:
                    self._finish_seals()
        except _TransactionLost:
            raise StoreError(self._lost or "Not saved.") from None
        except DB_ERRORS as exc:
            message = _explain(exc, self.path.parent)
            if self._depth > 1 and not self.db.conn.in_transaction:
                self._lost = message
                self.db.execute("BEGIN")  # catch whatever the caller writes next
            if "database is locked" in str(exc):
                raise Busy(message) from exc
            raise StoreError(message) from exc
        finally:
            self._depth -= 1
            if self._depth == 0:
                self._lost = None
        if self._depth == 0 and self.db.conn.total_changes != self._changes:
            self.remember_head()

    def _finish_seals(self) -> None:
        """The table seals the row triggers changed get their MAC, inside the commit."""
        if getattr(self.db, "trail", None) is not None:
            from vcs_app.storage.seal import finish_states

            finish_states(self.db)

    def remember_head(self, *, force: bool = False, first_only: bool = False) -> None:
        """Move this computer's anchor of the file's audit trail to its head (after a
        commit); a failure to write it is logged, never fails the user's action."""
        from vcs_app.storage.integrity import remember_head

        try:
            remember_head(self.db, force=force, first_only=first_only)
        except OSError as exc:
            logging.getLogger(__name__).warning("audit anchor not written: %s", exc)

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[Database]:
        """Many reads that must agree with each other (a report): one deferred, read-only
        transaction, so every query sees the same committed state while the window and
        commands go on writing beside it (WAL), where `atomic` would hold the write lock
        for as long as the counting takes. Inside a transaction it is that transaction."""
        if self._depth or self.db.conn.in_transaction:
            yield self.db
            return
        try:
            self.db.execute("BEGIN")
            try:
                yield self.db
            finally:
                if self.db.conn.in_transaction:
                    self.db.execute("ROLLBACK")  # nothing was written: nothing to keep
        except DB_ERRORS as exc:
            raise StoreError(_explain(exc)) from exc

    @contextlib.contextmanager
    def _outermost(self) -> Iterator[None]:
        """The use case's transaction, begun IMMEDIATE: it takes the write lock at once,
        waiting (busy_timeout) while another connection or process writes. A deferred
        BEGIN that reads first and then writes fails at once with "database is locked"
        when anyone else committed in between (SQLite cannot wait for that), which made
        the window's saves and commands run beside it fail at random."""
        if self.db.conn.in_transaction:  # a caller's own transaction: nest in it
            with self.db.atomic():
                yield
            return
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
            for hook in BEFORE_COMMIT:
                hook(self.db)
        except BaseException:
            for hook in ON_ROLLBACK:
                hook(self.db)
            if self.db.conn.in_transaction:
                self.db.execute("ROLLBACK")
            raise
        try:
            self.db.execute("COMMIT")
        except BaseException:
            if self.db.conn.in_transaction:
                self.db.execute("ROLLBACK")
            raise

    @property
    def sealer(self):
        """Seals the files kept beside an encrypted caseload (storage/sealed.py); None for
        a plain one."""
        if self.key is None:
            return None
        if self._sealer is None:
            from vcs_app.storage.sealed import Sealer  # it needs StoreError from here

            self._sealer = Sealer(self.key)
        return self._sealer

    def interrupt(self) -> None:
        """Stop the statement running on this connection (from any thread); it fails with
        an error `is_interrupted` recognises. A no-op when nothing runs."""
        self.db.conn.interrupt()

    def close(self) -> None:
        with contextlib.suppress(*DB_ERRORS):
            # Statistics from a sample of each index (analysis_limit), as SQLite advises:
            # the full analysis took 0.8 s at each close of a 100,000-victim file (0.02 s
            # sampled), ten times that at a million.
            self.db.execute("PRAGMA analysis_limit = 400")
            self.db.execute("PRAGMA optimize")
        self.db.close()
        _release(self._file_id)
        self._file_id = None

    def schema_version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def quick_damage(self) -> str | None:
        """What `PRAGMA quick_check` finds wrong with the file's structure, or None. It
        reads every page but skips the index-content checks of integrity_check (about 3 s
        at 100,000 victims, against 8 s), enough to stop a write into a damaged file."""
        try:
            rows = check_rows(self.db.execute("PRAGMA quick_check"))
        except DB_DATABASE_ERRORS as exc:
            return str(exc)
        return rows[0] if rows else None

    def tables(self) -> list[str]:
        """The file's own tables (a full-text table is checked through the tables it keeps
        its index in), for an integrity check made a table at a time."""
        rows = self.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
            " AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name"
        ).fetchall()
        return [r[0] for r in rows]

    def table_problems(self, table: str) -> list[str]:
        """Empty when `PRAGMA integrity_check` finds nothing wrong in this table and its
        indexes (the check of the whole file, a table at a time)."""
        if table not in self.tables():
            return []  # dropped since it was listed
        try:
            quoted = '"' + table.replace('"', '""') + '"'
            rows = [r[0] for r in self.db.execute(f"PRAGMA integrity_check({quoted})")]
        except DB_DATABASE_ERRORS as exc:
            if is_interrupted(exc):
                raise
            return [f"the file is damaged ({exc})"]
        return [] if rows == ["ok"] else rows

    def integrity_problems(self) -> list[str]:
        """Empty when PRAGMA integrity_check and foreign_key_check are clean."""
        try:
            problems = check_rows(self.db.execute("PRAGMA integrity_check"))
            fk = self.db.execute("PRAGMA foreign_key_check").fetchall()
        except DB_DATABASE_ERRORS as exc:
            return [f"the file is damaged ({exc})"]
        return problems + [f"foreign key broken in {r[0]} row {r[1]}" for r in fk]


def check_rows(cursor: Iterable[tuple[str]]) -> list[str]:
    """The problems an integrity_check or quick_check reports, each on one line (SQLite
    starts its first one with "*** in database main ***" and a line break); [] for ok."""
    rows = [" ".join(r[0].replace("*** in database main ***", "").split()) for r in cursor]
    return [] if rows == ["ok"] else rows


def _check_header(path: Path) -> None:
    try:
        header = read_header(path)
        size = path.stat().st_size
    except OSError as exc:
        raise StoreError(f"Cannot read {path}: {exc.strerror or exc}.") from exc
    if header is None:
        return  # open here already: it passed this check then
    if header and not header.startswith(SQLITE_HEADER):
        raise StoreError(f"{path} is not a VCS Desk database (not an SQLite file).")
    if len(header) == 100 and not _has_journal(path):
        # Bytes 16-17: page size (1 means 65536); 28-31: pages, valid when the change
        # counter (24-27) matches 92-95. A file shorter than that lost its end (unless a
        # journal is there to complete it, e.g. after a crash during a checkpoint).
        page_size = int.from_bytes(header[16:18], "big")
        page_size = 65536 if page_size == 1 else page_size
        pages = int.from_bytes(header[28:32], "big")
        if header[24:28] == header[92:96] and size < pages * page_size:
            raise StoreError(
                f"{path} is truncated ({size:,} of {pages * page_size:,} bytes): part of"
                " the file is missing."
            )


def _has_journal(path: Path) -> bool:
    for suffix in ("-wal", "-journal"):
        companion = path.with_name(path.name + suffix)
        with contextlib.suppress(OSError):
            if companion.stat().st_size > 0:
                return True
    return False


def _check_writable(path: Path) -> None:
    """A read-only file or folder is named as such, not reported as damaged."""
    if not path.stat().st_mode & 0o222 or not os.access(path, os.W_OK):
        raise StoreError(
            f"{path} is read-only: VCS Desk needs to save changes to it. Make it writable,"
            " or copy it to a folder of your own and open the copy."
        )
    if not os.access(path.parent, os.W_OK):
        raise StoreError(
            f"The folder {path.parent} is read-only: VCS Desk needs to write its journal"
            " beside the database. Move the database to a folder of your own."
        )


def _apply_pragmas(db: Database) -> None:
    db.execute("PRAGMA journal_mode = WAL")
    for name in ("synchronous = FULL", "foreign_keys = ON", "secure_delete = ON"):
        db.execute(f"PRAGMA {name}")
    db.execute("PRAGMA trusted_schema = OFF")
    # Debian's SQLite turns recursive triggers on by default, others off: one behaviour.
    db.execute("PRAGMA recursive_triggers = OFF")
    db.execute("PRAGMA busy_timeout = 5000")
    db.execute("PRAGMA cache_size = -32000")  # 32 MB page cache
    for name, expected in REQUIRED_PRAGMAS.items():
        actual = db.execute(f"PRAGMA {name}").fetchone()[0]
        if actual != expected:
            raise StoreError(f"SQLite refused PRAGMA {name}={expected} (got {actual}).")


def _foreign_tables(db: Database) -> list[str]:
    """The tables that make this file another program's: empty when the file is new
    (no tables) or a caseload (its `_sqlite_migrations` are ours alone)."""
    tables = [
        r[0]
        for r in db.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')"
            " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"
        )
    ]
    if MIGRATIONS.migrations_table in tables:
        try:
            sets = {
                r[0]
                for r in db.execute(
                    f"SELECT DISTINCT migration_set FROM {MIGRATIONS.migrations_table}"
                )
            }
        except DB_DATABASE_ERRORS:
            sets = {None}
        if sets <= {MIGRATIONS.name}:
            return []  # a caseload, or a new file stopped before its first migration
    return tables


def _refuse_foreign(db: Database, path: Path) -> None:
    """Another application's SQLite file is never migrated (that would write 30 tables
    into it) nor written to: it is refused before anything else touches it."""
    tables = _foreign_tables(db)
    if tables:
        shown = ", ".join(tables[:3]) + (", …" if len(tables) > 3 else "")
        raise StoreError(
            f"{path} is not a VCS Desk caseload: it is another program's SQLite file"
            f" (tables {shown}). It was left unchanged."
        )


def _connect(path: Path, key: str | None, *, read_only: bool = False):
    """A plain sqlite3 connection, or with `key` an SQLCipher one already unlocked;
    `read_only` opens it so that nothing can be written to the file. Either knows the
    functions the schema's SQL calls (`add_functions`)."""
    target, uri = str(path), False
    if read_only:
        target, uri = f"file:{quote(str(path.resolve()))}?mode=ro", True
    if key is None:
        return add_functions(sqlite3.connect(target, uri=uri))
    sqlcipher = _sqlcipher()
    if sqlcipher is None:
        raise StoreError(
            "Encrypted databases need the optional extra: pip install 'vcs-desk[encrypted]'."
        )
    if not key:
        raise StoreError(
            "Enter the database key: an encrypted database cannot be opened without it."
        )
    conn = sqlcipher.connect(target, uri=uri)
    conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is reported below, once
    # PRAGMA takes no parameters: the key goes in as a quoted literal.
    conn.execute("PRAGMA key = '" + key.replace("'", "''") + "'")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError as exc:
        conn.close()
        raise StoreError(
            f"{path} cannot be opened with this key: the key is wrong, or the file is not an"
            " encrypted VCS Desk database."
        ) from exc
    return add_functions(conn)


def add_functions(conn):
    """What a case is found by is made in SQL (repo_cases.refresh_search); the words of a
    contact detail come from the domain's rule, the same one a search's words follow."""
    conn.create_function("vcs_contact_words", 2, contact_words, deterministic=True)
    return conn


def open_store(
    path: Path | str,
    *,
    create: bool = False,
    key: str | None = None,
    verify: bool = False,
    read_only: bool = False,
    rollback_ok: bool = False,
) -> Store:
    """Open (and migrate) the database at `path`.

    A missing file is created only when `create` is true, so a mistyped path or a
    vanished file never silently becomes a new, empty caseload; it is created private
    (0600), and SQLite gives its journal files the same mode. With `key` the file is an
    SQLCipher (encrypted) database: nothing in it is readable without the key.

    Only a new file or a caseload is migrated: another program's SQLite file is refused
    untouched. `verify` runs a quick integrity check first and refuses a damaged file (a
    command about to write); an upgrade always checks first. `read_only` opens it so
    nothing can change it, not even an upgrade (the `check` command).

    Refused (StoreError): a structure that differs from what the migrations build, an
    audit trail sealed with a key this computer lacks, and a trail that ends before the
    anchor this computer keeps (cut, or rolled back), unless `rollback_ok` (a restore
    made through the app, which records it). A read-only open checks none of these: its
    caller (`check`) reports them.
    """
    path = Path(path).expanduser()
    if not path.exists():
        if not create or read_only:
            raise StoreError(f"No database at {path}.")
        if key is not None:  # a new encrypted file: its key is as strong as a password
            try:
                check_password_rules(key, what="database key")
            except DomainError as exc:
                raise StoreError(str(exc)) from None
        try:
            make_private_folder(path.parent)
            create_private_file(path)
        except OSError as exc:
            if disk_is_full(path.parent):
                raise DiskFull(path.parent) from exc
            raise StoreError(f"Cannot create {path}: {exc.strerror or exc}.") from exc
    else:
        kind = not_regular(path)
        if kind is not None:
            raise StoreError(f"{path} is {kind}, not a database file.")
        if key is None:  # an encrypted file has no readable header to check
            _check_header(path)
        if not create and path.stat().st_size == 0:
            raise StoreError(f"{path} is empty (0 bytes): it is not a caseload any more.")
        if not read_only:
            _check_writable(path)
    conn = None
    file_id = _use(path)  # counted before connecting: see read_header
    try:
        conn = _connect(path, key, read_only=read_only)
        db = Database(conn, execute_plugins=False)
        db.execute("PRAGMA busy_timeout = 5000")
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{path} was written by a newer VCS Desk (schema {version}, this version "
                f"knows {SCHEMA_VERSION}); update VCS Desk to open it."
            )
        _refuse_foreign(db, path)
        if read_only:
            db.execute("PRAGMA trusted_schema = OFF")
            return Store(db, path, key, file_id)
        if verify or 0 < version < SCHEMA_VERSION:
            damage = Store(db, path, key).quick_damage()
            if damage is not None:
                raise StoreError(
                    f"{path} is damaged ({damage}): nothing was changed. Restore the last"
                    " verified backup (`restore`), or open it in the app to be offered one."
                )
        _apply_pragmas(db)
        if key is not None:
            # Every page read from disk is decrypted and checked: keep the working set of
            # a large caseload decrypted in memory (grows only as used) so searching and
            # opening cases stay as fast as on a plain file.
            db.execute("PRAGMA cache_size = -131072")  # 128 MB
        if version < SCHEMA_VERSION:
            _attach_trail(db, path, before_migrating=True)
            migrate(db)
        anchor_moved, replaced = _check_trail(db, path, rollback_ok)
    except (*DB_DATABASE_ERRORS, StoreError) as exc:
        # A refused file is let go at once: a connection left open would later tidy up
        # (checkpoint, delete) journal files that by then may belong to a restored file.
        if conn is not None:
            with contextlib.suppress(*DB_ERRORS):
                conn.close()
        _release(file_id)
        if isinstance(exc, StoreError):
            raise
        if "disk is full" in str(exc) or disk_is_full(path.parent):
            raise DiskFull(path.parent, f", so {path.name} cannot be opened") from exc
        if "readonly" in str(exc):
            raise StoreError(f"{path} cannot be written to ({exc}).") from exc
        raise StoreError(f"{path} is damaged or unreadable ({exc}).") from exc
    except BaseException:
        if conn is not None:
            with contextlib.suppress(*DB_ERRORS):
                conn.close()
        _release(file_id)
        raise
    store = Store(db, path, key, file_id)
    store.replaced_anchor = replaced
    store.remember_head(force=anchor_moved, first_only=not anchor_moved)
    return store


def _attach_trail(db: Database, path: Path, *, before_migrating: bool = False):
    """The file's key and the seal triggers on this connection. Before migrating, only a
    file sealed already: a migration that writes sealed rows then keeps their seals."""
    from vcs_app.storage import integrity

    if before_migrating and not integrity.is_sealed(db):
        return None
    try:
        return integrity.attach_trail(db)
    except integrity.TrailKeyMissing as exc:
        raise TrailKeyMissingError(f"{path}: cannot verify its audit trail: {exc}") from None


def _check_trail(db: Database, path: Path, rollback_ok: bool):
    """Structure, key and anchor (see open_store). Returns whether the anchor moves now
    (an authentic restore row explains the difference) and, with `rollback_ok`, the
    anchor the file no longer reaches (the restore records it, then moves the anchor)."""
    from vcs_app.storage import integrity

    problems = integrity.schema_problems(db)
    if problems:
        more = f" (and {len(problems) - 1} more)" if problems[1:] else ""
        raise StoreError(f"{path}: {problems[0]}{more}; restore a verified backup.")
    trail = _attach_trail(db, path)
    try:
        anchor = integrity.own_anchor(trail)
    except ValueError:
        anchor = None  # damaged: `check` names it; this open writes a fresh one
    if integrity.reaches(db, anchor):
        return False, None
    if integrity.restored_past(db, trail, anchor):
        return True, None
    if rollback_ok:
        return False, anchor
    raise StoreError(
        f"{path}: {integrity.anchor_problem(db, trail, anchor)}. If you put an older copy"
        " there on purpose, restore it through VCS Desk (restore --from FILE) so that the"
        " change is recorded."
    )
