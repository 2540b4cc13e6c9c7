"""One writer per database: an OS lock on a file next to it (DESIGN.md section 3).

The lock is an advisory OS lock (``fcntl.flock`` on POSIX, ``msvcrt.locking`` on
Windows) held on ``<database>.lock`` for as long as the app has the file open. The OS
drops it when the holding process dies, however it dies, so a lock left behind by a
crash is recovered simply by taking it again. The file's text records who holds it
(process, computer, user, since when) so a second copy can say exactly who is in the way.

The file is private to its creator (0600). Another OS user who may use the folder cannot
open it, so cannot take the OS lock on it either: when nothing holds it (Linux lists the
locks held on each file in /proc/locks), that user moves the left-over file out of the
way and takes a lock file of their own; a lock that is held still refuses them.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import secrets
import socket
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from vcs_app.storage.db import DiskFull, StoreError
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
        if not self.pid:  # only the owner of its file is known (a file we could not read)
            return f"a copy run by user {self.user}"
        return f"process {self.pid} of user {self.user} on {self.host}, since {self.since}"


def lock_path_for(db_path: Path | str) -> Path:
    return DatabaseLock(db_path).path


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

    suffix = ".lock"

    def __init__(self, db_path: Path | str) -> None:
        self.db_path = Path(db_path)
        self.path = self.db_path.with_name(self.db_path.name + self.suffix)
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
        self._fd = fd
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            os.ftruncate(fd, 0)
            os.write(fd, payload)
            os.fsync(fd)
        except OSError as exc:
            self.release()
            if exc.errno == errno.ENOSPC:
                raise DiskFull(self.path.parent) from exc
            raise StoreError(f"Cannot write the lock file {self.path} ({exc.strerror}).") from exc
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
            except PermissionError as exc:
                if not self.path.exists():  # the folder itself is not ours to write
                    raise StoreError(
                        f"Cannot create the lock file {self.path} ({exc.strerror}); VCS Desk"
                        " needs to write in the database's folder."
                    ) from exc
                free = self._move_aside_if_free()
                if free:
                    continue  # it was left by a copy that has gone: make our own
                raise (self._refused(None) if free is False else self._stuck()) from exc
            except OSError as exc:
                if exc.errno == errno.ENOSPC:
                    raise DiskFull(self.path.parent) from exc
                raise StoreError(
                    f"Cannot create the lock file {self.path} ({exc.strerror}); VCS Desk"
                    " needs to write in the database's folder."
                ) from exc
            if not _try_os_lock(fd):
                os.close(fd)
                raise self._refused(read_holder(self.path))
            # A holder that was just releasing may have removed the file we locked; then
            # the lock is on a file nobody else will see, so start again with the new one.
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(self.path))
            except OSError:
                same = False
            if same:
                return fd
            os.close(fd)

    def _refused(self, holder: Holder | None) -> DatabaseLocked:
        who = holder.describe() if holder else _owner_of(self.path)
        return DatabaseLocked(
            f"{self.db_path.name} is already open in another copy of VCS Desk"
            f" ({who}). Close that copy first. Lock file: {self.path}",
            self.path,
            holder,
        )

    def _stuck(self) -> StoreError:
        return StoreError(
            f"{self.db_path.name} was left locked by {_owner_of(self.path)} that has"
            f" stopped, and its lock file may not be removed by you: ask that user or an"
            f" administrator to delete {self.path}."
        )

    def _move_aside_if_free(self) -> bool | None:
        """Move another user's lock file (which we may not open) out of the way when no
        process holds a lock on it: True when it is gone and we may make our own, False
        when it is held, None when it is free but we may not move it (e.g. in a folder
        with the sticky bit, such as /tmp, only its owner may).

        It is renamed to a name of ours first and looked at again there: if a copy of its
        owner locked it meanwhile, or it is not the file we checked, it is put back."""
        try:
            before = os.stat(self.path)
        except FileNotFoundError:
            return True
        if _locked_by_anyone(before):
            return False
        aside = self.path.with_name(f".{self.path.name}.{os.getpid()}-{secrets.token_hex(4)}")
        try:
            os.rename(self.path, aside)
        except FileNotFoundError:
            return True
        except OSError:
            return None
        moved = os.stat(aside)
        if os.path.samestat(before, moved) and not _locked_by_anyone(moved):
            with contextlib.suppress(OSError):
                aside.unlink()
            if self.recovered_from is None:
                self.recovered_from = Holder(0, "", _owner_name(before.st_uid), "")
            return True
        with contextlib.suppress(OSError):
            os.link(aside, self.path)  # never over a lock file made meanwhile
        with contextlib.suppress(OSError):
            aside.unlink()
        return False

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


def _owner_name(uid: int) -> str:
    try:
        import pwd

        return pwd.getpwuid(uid).pw_name
    except (ImportError, KeyError):
        return str(uid)


def _owner_of(path: Path) -> str:
    try:
        return Holder(0, "", _owner_name(path.stat().st_uid), "").describe()
    except OSError:
        return "another program"


def _locked_by_anyone(st: os.stat_result) -> bool:
    """Whether any process holds a lock on the file `st` describes. Only Linux can say
    (/proc/locks, which lists every lock with its file's inode); elsewhere the answer is
    yes, so a file we may not open is never taken from a running copy."""
    try:
        with open("/proc/locks", encoding="ascii", errors="replace") as fh:
            lines = fh.read().splitlines()
    except OSError:
        return True
    for line in lines:
        fields = line.split()
        # "1: FLOCK  ADVISORY  WRITE 31640 fe:00:2146603 0 EOF" (a blocked waiter: "->")
        if fields[1:2] == ["->"]:
            fields = fields[:1] + fields[2:]
        if len(fields) > 5 and fields[5].rsplit(":", 1)[-1] == str(st.st_ino):
            return True
    return False


class ImportLock(DatabaseLock):
    """Held while referrals are imported into a caseload (by a command or a window), so a
    second import into it is refused at once, in one line, however long the first takes."""

    suffix = ".import.lock"

    def _refused(self, holder: Holder | None) -> DatabaseLocked:
        who = holder.describe() if holder else _owner_of(self.path)
        return DatabaseLocked(
            f"Nothing imported: another import into {self.db_path.name} is running ({who});"
            " try again when it has finished.",
            self.path,
            holder,
        )


@contextlib.contextmanager
def holding_lock(
    db_path: Path | str, kind: type[DatabaseLock] = DatabaseLock
) -> Iterator[DatabaseLock]:
    """Hold the single-writer lock (or an ImportLock) for the duration of a block."""
    lock = kind(db_path).acquire()
    try:
        yield lock
    finally:
        lock.release()
