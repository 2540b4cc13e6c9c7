"""Files and folders the app makes or reads, outside SQLite: private, and only real files.

Everything VCS Desk writes names victims, so it is created for its owner only (files
0600, folders 0700) whatever the umask. Anything it reads must be a regular file: a named
pipe would block the reader for ever and a device such as /dev/zero never ends.

Writing a file completely or not at all (`atomic_file`): a temporary file beside it
(named with this process's id first, so a run that was killed can be told from one still
writing), flushed to disk, then renamed over the target.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, BinaryIO

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
# Less free space than this when a write fails means the disk is full: SQLite then often
# reports only "disk I/O error" (its shared-memory file could not grow).
FULL_BELOW_BYTES = 1024 * 1024

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
)


class NotARegularFile(OSError):
    """The path names a pipe, socket, device or folder; str() says which, in one line."""


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def not_regular(path: Path) -> str | None:
    """Why `path` is not a regular file ("a named pipe", ...), or None when it is one.
    Raises OSError when it cannot be looked at (e.g. it does not exist)."""
    mode = os.stat(path).st_mode
    return None if stat.S_ISREG(mode) else _kind(mode)


def open_regular(path: Path) -> BinaryIO:
    """`path` opened for reading, refused unless it is a regular file. Opening does not
    wait for a pipe's writer (O_NONBLOCK), and the descriptor itself is checked, so a pipe
    put in the file's place after a check cannot block the reader either."""
    nonblocking = getattr(os, "O_NONBLOCK", 0)  # POSIX; Windows has no pipes in folders
    fd = os.open(path, os.O_RDONLY | nonblocking | getattr(os, "O_BINARY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotARegularFile(f"it is {_kind(mode)}, not a file")
        if nonblocking:
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def make_private_folder(folder: Path) -> None:
    """Create `folder` and any missing parents for this user only (0700); folders that
    already exist are left as they are."""
    missing = []
    for parent in (folder, *folder.parents):
        if parent.is_dir():
            break
        missing.append(parent)
    for part in reversed(missing):
        with contextlib.suppress(FileExistsError):
            part.mkdir(mode=PRIVATE_FOLDER)


def create_private_file(path: Path) -> None:
    """Create `path` empty and private (0600); FileExistsError if it is already there.
    SQLite gives a database's journal, -wal and -shm files the database file's mode, so a
    database (or a backup) made this way keeps all of them private."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    os.close(os.open(path, flags, PRIVATE_FILE))


def open_private_for_append(path: Path) -> BinaryIO:
    """`path` opened for appending, created private (0600) if it is new."""
    fd = os.open(
        path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0), PRIVATE_FILE
    )
    return os.fdopen(fd, "ab")


def disk_is_full(folder: Path) -> bool:
    """Whether the disk holding `folder` has (next to) no space left for this user."""
    try:
        return shutil.disk_usage(folder).free < FULL_BELOW_BYTES
    except OSError:
        return False


@contextlib.contextmanager
def atomic_file(path: Path, mode: str = "wb", **open_args) -> Iterator[IO]:
    """The open temporary file; on leaving the block it replaces `path`, or on an error
    it is removed and `path` is untouched."""
    handle, temp = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.{os.getpid()}.", suffix=".part"
    )
    try:
        with os.fdopen(handle, mode, **open_args) as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
