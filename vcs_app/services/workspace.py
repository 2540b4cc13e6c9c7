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
from vcs_app.storage.db import SQLITE_HEADER, Store, is_interrupted, open_store, read_header
from vcs_app.storage.lock import DatabaseLock
from vcs_app.storage.lock import DatabaseLocked as DatabaseLocked  # for the GUI


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
) -> Workspace:
    """Open the file (with `key`, an encrypted one); raises a DomainError subclass with a
    one-line reason if it is unusable. `on` fixes the workspace's today."""
    store = open_store(path, create=create, key=key)
    return Workspace(store, user or current_os_user(), role, on)


def check_file(path: Path | str, key: str | None = None) -> list[str]:
    """Problems found by integrity, foreign-key and audit-chain checks (empty = healthy);
    an encrypted file is opened with `key`."""
    store = open_store(path, key=key)
    try:
        problems = store.integrity_problems()
        chain = audit.chain_problem(store.db)
        return problems + ([chain] if chain else [])
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
