"""An open caseload file plus the person working on it: what every use case needs."""

from __future__ import annotations

import contextlib
import getpass
import importlib.util
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from vcs_app.domain.model import Role
from vcs_app.storage import audit
from vcs_app.storage.db import SQLITE_HEADER, Store, open_store, read_header
from vcs_app.storage.db import DiskFull as DiskFull  # for the GUI: offer no restore
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


def current_os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def open_workspace(
    path: Path | str,
    *,
    user: str | None = None,
    create: bool = False,
    role: Role = Role.VLO,
    key: str | None = None,
    on: date | None = None,
    verify: bool = False,
) -> Workspace:
    """Open the file (with `key`, an encrypted one); raises a DomainError subclass with a
    one-line reason if it is unusable. `on` fixes the workspace's today. `verify`: the
    caller is about to write, so a damaged file is refused first (a quick check)."""
    store = open_store(path, create=create, key=key, verify=verify)
    return Workspace(store, user or current_os_user(), role, on)


@dataclass(frozen=True)
class FileCheck:
    problems: list[str]  # empty: healthy
    schema: int  # the file's schema version; below SCHEMA_VERSION it awaits an upgrade

    @property
    def needs_upgrade(self) -> bool:
        return self.schema < SCHEMA_VERSION


def check_file(path: Path | str, key: str | None = None) -> FileCheck:
    """Integrity, foreign-key and audit-chain checks of the file as it is, through a
    read-only connection: checking never changes it, not even to upgrade an older
    caseload. An encrypted file is opened with `key`."""
    store = open_store(path, key=key, read_only=True)
    try:
        problems = store.integrity_problems()
        chain = audit.chain_problem(store.db)
        return FileCheck(problems + ([chain] if chain else []), store.schema_version())
    finally:
        store.close()


def may_need_key(path: Path | str) -> bool:
    """True when the file may be an encrypted caseload, so its key should be asked for:
    the `encrypted` extra is installed, the file does not start as a plain SQLite file
    does, and its size is whole pages (an SQLCipher file always is; a stray document
    almost never). Otherwise opening it gives the usual "not an SQLite file" message."""
    if importlib.util.find_spec("sqlcipher3") is None:
        return False
    path = Path(path).expanduser()
    try:
        size = path.stat().st_size
        header = read_header(path, len(SQLITE_HEADER))
    except OSError:
        return False  # opening it says what is wrong
    if header is None:
        return False  # open in this process already, so its key is known
    return size > 0 and size % 512 == 0 and header != SQLITE_HEADER


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
