"""One writer per database: an OS lock on a file next to it (DESIGN.md section 3).

The lock is an advisory OS lock (``fcntl.flock`` on POSIX, ``msvcrt.locking`` on
Windows) held on ``<database>.lock`` for as long as the app has the file open. The OS
drops it when the holding process dies, however it dies, so a lock left behind by a
crash is recovered simply by taking it again. The file's text records who holds it
(process, computer, user, since when) so a second copy can say exactly who is in the way.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from vcs_app.storage.db import StoreError
from vcs_app.storage.identity import real_os_user

# Windows locks are mandatory on the locked bytes, so the holder's details (read by a
# second copy) sit before the locked byte, never on it.
_WINDOWS_LOCK_OFFSET = 4096


class DatabaseLocked(StoreError):
    """Another running copy of VCS Desk holds the database; the message names it."""

    def __init__(self, message: str, lock_path: Path, holder: Holder | None) -> None:
        super().__init__(message)
        self.lock_path = lock_path
        self.holder = holder


@dataclass(frozen=True)
class Holder:
    """Who holds (or last held) a lock file."""

    pid: int
    host: str
    user: str
    since: str  # ISO time, UTC

    def describe(self) -> str:
        return f"process {self.pid} of user {self.user} on {self.host}, since {self.since}"


def lock_path_for(db_path: Path | str) -> Path:
    path = Path(db_path)
    return path.with_name(path.name + ".lock")


def pid_alive(pid: int) -> bool:
    """Whether a process with this id is running on this computer."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _windows_pid_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, but belongs to someone else
        return True
    return True


def _windows_pid_alive(pid: int) -> bool:
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def _this_user() -> str:
    return real_os_user()


def read_holder(lock_path: Path) -> Holder | None:
    """The details written by the lock's (last) holder, or None if unreadable."""
    try:
        with lock_path.open("rb") as fh:
            text = fh.read(_WINDOWS_LOCK_OFFSET).decode("utf-8")
        data = json.loads(text)
        return Holder(int(data["pid"]), str(data["host"]), str(data["user"]), str(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _try_os_lock(fd: int) -> bool:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except (BlockingIOError, PermissionError):
        return False
    return True


def _os_unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


class DatabaseLock:
    """The single-writer lock for one database file; `acquire()` before opening it."""

    def __init__(self, db_path: Path | str) -> None:
        self.db_path = Path(db_path)
        self.path = lock_path_for(self.db_path)
        self._fd: int | None = None
        # The previous holder when its lock was left behind by a process that has gone.
        self.recovered_from: Holder | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> DatabaseLock:
        """Take the lock or raise DatabaseLocked naming the lock file and its holder."""
        if self._fd is not None:
            return self
        fd = self._open_locked()
        previous = read_holder(self.path)
        if previous is not None and (previous.pid, previous.host) != (os.getpid(), _host()):
            self.recovered_from = previous  # it held the OS lock once and is gone now
        me = Holder(os.getpid(), _host(), _this_user(), datetime.now(UTC).isoformat("T", "seconds"))
        payload = json.dumps(me.__dict__).encode("utf-8")
        os.lseek(fd, 0, os.SEEK_SET)
        os.ftruncate(fd, 0)
        os.write(fd, payload)
        os.fsync(fd)
        self._fd = fd
        return self

    def _open_locked(self) -> int:
        """A descriptor of the lock file with the OS lock held on it."""
        if not self.path.parent.is_dir():
            raise StoreError(
                f"No database at {self.db_path} (the folder {self.path.parent} does not exist)."
            )
        while True:
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            except OSError as exc:
                raise StoreError(
                    f"Cannot create the lock file {self.path} ({exc.strerror}); VCS Desk"
                    " needs to write in the database's folder."
                ) from exc
            if not _try_os_lock(fd):
                os.close(fd)
                holder = read_holder(self.path)
                who = holder.describe() if holder else "another program"
                raise DatabaseLocked(
                    f"{self.db_path.name} is already open in another copy of VCS Desk"
                    f" ({who}). Close that copy first. Lock file: {self.path}",
                    self.path,
                    holder,
                )
            # A holder that was just releasing may have removed the file we locked; then
            # the lock is on a file nobody else will see, so start again with the new one.
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(self.path))
            except OSError:
                same = False
            if same:
                return fd
            os.close(fd)

    def release(self) -> None:
        """Let go; the file is removed so a clean exit leaves nothing behind."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        # Empty it and remove it while still holding the lock, so no other copy can have
        # taken it meanwhile (Windows cannot remove an open file: empty says "clean exit").
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
        with contextlib.suppress(OSError):
            self.path.unlink()
        with contextlib.suppress(OSError):
            _os_unlock(fd)
        os.close(fd)

    def __enter__(self) -> DatabaseLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


def _host() -> str:
    return socket.gethostname() or "this computer"


@contextlib.contextmanager
def holding_lock(db_path: Path | str) -> Iterator[DatabaseLock]:
    """Hold the single-writer lock for the duration of a block."""
    lock = DatabaseLock(db_path).acquire()
    try:
        yield lock
    finally:
        lock.release()
