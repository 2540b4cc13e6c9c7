"""An open caseload file plus the person working on it: what every use case needs."""

from __future__ import annotations

import contextlib
import importlib.util
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from vcs_app.domain.model import Role
from vcs_app.storage import audit, integrity
from vcs_app.storage.backup import backup_anchors
from vcs_app.storage.db import DiskFull as DiskFull  # for the GUI: offer no restore
from vcs_app.storage.db import (
    Store,
    StoreError,
    TrailKeyMissingError,
    is_interrupted,
    may_be_encrypted,
    open_store,
)
from vcs_app.storage.identity import real_os_user
from vcs_app.storage.lock import DatabaseLock
from vcs_app.storage.lock import DatabaseLocked as DatabaseLocked  # for the GUI
from vcs_app.storage.migrations import SCHEMA_VERSION


@dataclass
class Workspace:
    store: Store
    user: str
    # What the person may do. Services check it (services/access.py), not just the GUI.
    role: Role = Role.VLO
    # The day the work is done on: fixed by `--on` and by tests, else the computer's date.
    on: date | None = None

    def today(self) -> date:
        """The one clock every service reads "today" from (never `date.today()` itself),
        so a command run `--on` a date, and every test, sees the same day throughout."""
        return self.on or date.today()

    @property
    def path(self) -> Path:
        return self.store.path

    def close(self) -> None:
        self.store.close()


def was_interrupted(exc: BaseException) -> bool:
    """True when a read failed only because `Store.interrupt` stopped it (a newer request
    made it pointless), not because anything is wrong."""
    return is_interrupted(exc)


def current_os_user() -> str:
    """The real OS user running this process (never LOGNAME/USER, which anyone can set)."""
    return real_os_user()


def open_workspace(
    path: Path | str,
    *,
    user: str | None = None,
    create: bool = False,
    role: Role = Role.VLO,
    key: str | None = None,
    on: date | None = None,
    verify: bool = False,
    rollback_ok: bool = False,
) -> Workspace:
    """Open the file (with `key`, an encrypted one); raises a DomainError subclass with a
    one-line reason if it is unusable. `on` fixes the workspace's today. `verify`: the
    caller is about to write, so a damaged file is refused first (a quick check).
    `rollback_ok`: only for a restore, which records that the file went back."""
    store = open_store(path, create=create, key=key, verify=verify, rollback_ok=rollback_ok)
    return Workspace(store, user or current_os_user(), role, on)


@dataclass(frozen=True)
class FileCheck:
    problems: list[str]  # empty: healthy
    schema: int  # the file's schema version; below SCHEMA_VERSION it awaits an upgrade

    @property
    def needs_upgrade(self) -> bool:
        return self.schema < SCHEMA_VERSION


def check_file(path: Path | str, key: str | None = None) -> FileCheck:
    """Through a read-only connection (checking never changes the file, not even to
    upgrade an older caseload): integrity and foreign keys, the structure against the
    migrations, and under the audit key the trail, the row seals and the anchors of this
    computer and of the file's backups. A file made before keyed trails has its old
    chain checked; it is sealed when the app next opens it to work. An encrypted file is
    opened with `key`."""
    from vcs_app.services.backups import backup_folder_for

    store = open_store(path, key=key, read_only=True)
    try:
        problems = store.integrity_problems()
        schema = store.schema_version()
        if schema == SCHEMA_VERSION:  # (said as opening the file to work says it)
            changed = integrity.schema_problems(store.db)
            if changed:
                more = f" (and {len(changed) - 1} more)" if changed[1:] else ""
                raise StoreError(f"{store.path}: {changed[0]}{more}; restore a verified backup.")
        try:
            trail = integrity.read_trail(store.db)
        except integrity.TrailKeyMissing as exc:
            raise TrailKeyMissingError(
                f"{store.path}: cannot verify its audit trail: {exc}"
            ) from None
        if trail is None:
            broken = audit.legacy_chain_break(store.db)
            if broken is not None:
                problems.append(f"audit log chain broken at row {broken}")
            return FileCheck(problems, schema)
        folder = backup_folder_for(store.path)
        sidecars = backup_anchors(folder, store.path.stem, trail.key, trail.file_id)
        problems += integrity.trail_problems(store.db, trail, sidecars)
        return FileCheck(problems, schema)
    finally:
        store.close()


def make_separate(path: Path | str, *, key: str | None = None, user: str | None = None) -> None:
    """Make a copy of a caseload (a file copied while closed, or with SQLite's backup)
    a separate caseload: it gets an id of its own, so work in it never looks like the
    original rolled back (or the other way round). Recorded in its audit trail."""
    ws = open_workspace(path, key=key, user=user)
    try:
        with ws.store.atomic() as db:
            old, _ = integrity.new_identity(db)
            audit.record(db, who=ws.user, action="copy", entity="database", detail={"copy_of": old})
    finally:
        ws.close()


def may_need_key(path: Path | str) -> bool:
    """True when the file may be an encrypted caseload, so its key should be asked for:
    the `encrypted` extra is installed, the file does not start as a plain SQLite file
    does, and its size is whole pages (an SQLCipher file always is; a stray document
    almost never). Otherwise opening it gives the usual "not an SQLite file" message."""
    if importlib.util.find_spec("sqlcipher3") is None:
        return False
    return may_be_encrypted(Path(path).expanduser())


@contextlib.contextmanager
def worker_workspace(ws: Workspace) -> Iterator[Workspace]:
    """A second connection to the same file for a background thread (SQLite connections
    are per thread); closed when the work ends."""
    other = open_workspace(ws.path, user=ws.user, role=ws.role, key=ws.store.key, on=ws.on)
    try:
        yield other
    finally:
        other.close()


def lock_database(path: Path | str) -> DatabaseLock:
    """Take the single-writer lock before opening the file for the GUI.

    Raises DatabaseLocked (a DomainError) naming the lock file and the copy holding it;
    a lock left behind by a crashed copy is taken over (see `DatabaseLock.recovered_from`).
    """
    return DatabaseLock(path).acquire()
