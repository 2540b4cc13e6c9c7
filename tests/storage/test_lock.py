"""One writer per database: a second copy is refused by name; a crashed copy's lock is
taken over."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from vcs_app.storage.db import StoreError
from vcs_app.storage.lock import (
    DatabaseLock,
    DatabaseLocked,
    holding_lock,
    lock_path_for,
    pid_alive,
    read_holder,
)

ROOT = Path(__file__).resolve().parents[2]
HOLD = (
    "import sys, time\n"
    "from vcs_app.storage.lock import DatabaseLock\n"
    "DatabaseLock(sys.argv[1]).acquire()\n"
    "print('locked', flush=True)\n"
    "time.sleep(60)\n"
)


@pytest.fixture
def holder(tmp_path):
    """Another process holding the lock on tmp_path/vcs.db until it is killed."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(tmp_path / "vcs.db")],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
    yield proc
    proc.kill()
    proc.wait()


def test_lock_file_sits_beside_the_database_and_says_who_holds_it(tmp_path):
    db = tmp_path / "vcs.db"
    with holding_lock(db) as lock:
        assert lock.path == lock_path_for(db) == tmp_path / "vcs.db.lock"
        data = json.loads(lock.path.read_text(encoding="utf-8"))
        assert data["pid"] == os.getpid()
        assert {"host", "user", "since"} <= data.keys()
    assert not lock.path.exists()  # a clean exit leaves nothing behind


def test_a_second_copy_is_refused_with_the_lock_file_and_holder_named(tmp_path, holder):
    with pytest.raises(DatabaseLocked) as refused:
        DatabaseLock(tmp_path / "vcs.db").acquire()
    message = str(refused.value)
    assert "already open in another copy of VCS Desk" in message
    assert str(tmp_path / "vcs.db.lock") in message
    assert f"process {holder.pid}" in message
    assert refused.value.holder is not None and refused.value.holder.pid == holder.pid
    assert "\n" not in message


def test_two_locks_in_one_process_also_exclude_each_other(tmp_path):
    first = DatabaseLock(tmp_path / "vcs.db").acquire()
    with pytest.raises(DatabaseLocked):
        DatabaseLock(tmp_path / "vcs.db").acquire()
    first.release()
    DatabaseLock(tmp_path / "vcs.db").acquire().release()


def test_a_lock_left_by_a_crashed_copy_is_recovered(tmp_path, holder):
    holder.kill()  # SIGKILL: no chance to remove its lock file
    holder.wait()
    lock_file = tmp_path / "vcs.db.lock"
    assert lock_file.exists() and read_holder(lock_file).pid == holder.pid
    assert not pid_alive(holder.pid)
    lock = DatabaseLock(tmp_path / "vcs.db").acquire()
    try:
        assert lock.recovered_from is not None and lock.recovered_from.pid == holder.pid
        assert read_holder(lock_file).pid == os.getpid()
    finally:
        lock.release()


def test_an_unreadable_lock_file_does_not_block_anyone(tmp_path):
    (tmp_path / "vcs.db.lock").write_bytes(b"\x00garbage\xff")
    with holding_lock(tmp_path / "vcs.db") as lock:
        assert lock.recovered_from is None
        assert read_holder(lock.path).pid == os.getpid()


def test_a_lock_in_a_missing_folder_says_there_is_no_database(tmp_path):
    with pytest.raises(StoreError, match=r"No database at .* does not exist"):
        DatabaseLock(tmp_path / "no-such-folder" / "vcs.db").acquire()


def test_a_lock_that_cannot_be_created_says_why(tmp_path):
    (tmp_path / "vcs.db.lock").mkdir()  # something in the way that is not a file
    with pytest.raises(StoreError, match="Cannot create the lock file"):
        DatabaseLock(tmp_path / "vcs.db").acquire()


def test_pid_alive_knows_this_process():
    assert pid_alive(os.getpid())
    assert not pid_alive(0)
