"""Writing a file completely or not at all: a temporary file beside it (named with this
process's id first, so a run that was killed can be told from one still writing),
flushed to disk, then renamed over the target. Readable by its owner only."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO


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
