"""A full disk for tests, two ways, and a caseload as the previous version left it.

- `files_cannot_grow`: every new SQLite connection gets `max_page_count` = the file's
  size, the simulation tests/storage/test_unusable_files.py uses for one connection: a
  write that needs another page fails with SQLITE_FULL, as on a full disk.
- `full_tmpfs`: a real, tiny tmpfs filled to the last byte (only where the tests may
  mount one, e.g. as root in a container; skipped elsewhere). There SQLite cannot even
  grow its shared-memory file and says only "disk I/O error".
"""

from __future__ import annotations

import contextlib
import errno
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database

from vcs_app.storage.migrations import MIGRATIONS, SCHEMA_VERSION


def files_cannot_grow(monkeypatch: pytest.MonkeyPatch) -> None:
    real = sqlite3.connect

    def connect(*args, **kwargs):
        conn = real(*args, **kwargs)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {max(pages, 1)}")
        return conn

    monkeypatch.setattr(sqlite3, "connect", connect)


@contextlib.contextmanager
def full_tmpfs(where: Path, size_kb: int = 4096) -> Iterator[Path]:
    """A tmpfs mounted at `where`; fill it with `fill` once the files are in place."""
    where.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(where)],
        capture_output=True,
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root in a container that allows it)")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def fill(folder: Path) -> None:
    """Write into `folder` until the disk refuses another byte."""
    with (folder / "filler").open("wb", buffering=0) as fh:
        for size in (1 << 20, 1 << 12, 1):
            try:
                while True:
                    fh.write(b"\0" * size)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC


def older_caseload(path: Path) -> None:
    """An empty caseload as the previous version made it: every migration but the last."""
    db = Database(path)
    db.execute("PRAGMA journal_mode = WAL")
    MIGRATIONS.apply(db, stop_before=MIGRATIONS._migrations[-1].name)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    db.close()
