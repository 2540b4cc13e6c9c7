"""Killing the app at random moments loses nothing it acknowledged and leaves no half
import and no half backup (the harness itself is tests/storage/crash_child.py)."""

from __future__ import annotations

import sys
from datetime import date

import pytest
from cli_run import wait_for
from crash_child import _child, run_harness

from vcs_app.services import backups
from vcs_app.services.demo import build_demo
from vcs_app.services.workspace import open_workspace
from vcs_app.storage.backup import list_backups, verify_copy

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")

CI_ROUNDS = 50


@pytest.mark.slow
@pytest.mark.timeout(180)
def test_fifty_kills_lose_no_acknowledged_write_and_leave_no_partial_import(tmp_path):
    figures = run_harness(tmp_path / "crash.db", CI_ROUNDS, seed=20261126)
    assert figures.failures == []
    assert figures.rounds == CI_ROUNDS
    assert figures.kills == CI_ROUNDS
    # The harness really exercised all three kinds of write across the rounds.
    assert figures.acknowledged > CI_ROUNDS
    assert figures.batches_seen > 0


@pytest.fixture
def big_db(tmp_path):
    """A database big enough that `VACUUM INTO` takes a while (several MB)."""
    path = tmp_path / "big.db"
    ws = open_workspace(path, create=True)
    build_demo(ws, victims=2000, seed=3, today=date(2026, 11, 26))
    ws.close()
    return path


@pytest.mark.timeout(120)
def test_killing_a_backup_midway_leaves_no_file_that_looks_like_a_backup(tmp_path, big_db):
    folder = tmp_path / "backups"
    midway = 0
    seen: set[str] = set()
    for _ in range(5):
        proc = _child("backup", "--db", str(big_db), "--to", str(folder))
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"

        def new_partial(seen: set[str] = seen) -> bool:
            return folder.is_dir() and any(p.name not in seen for p in folder.glob("*.partial"))

        # Kill the moment this child's temporary copy exists: VACUUM INTO is writing it.
        if wait_for(new_partial):
            midway += 1
        proc.kill()
        proc.communicate()
        partials = list(folder.glob("*.partial"))
        seen |= {p.name for p in partials}
        finished = list_backups(folder, big_db.stem)
        # Every file named as a backup verifies; a half copy is never named as one.
        assert all(verify_copy(b.path) == [] for b in finished)
        assert all(p.name.startswith(".") for p in partials)
        assert not {p.name for p in partials} & {b.path.name for b in finished}
    assert midway >= 4
    assert any(folder.glob("*.partial"))  # the kill did leave debris behind...

    ws = open_workspace(big_db)
    try:
        backups.back_up(ws, folder, keep_rotation=False)
    finally:
        ws.close()
    assert not list(folder.glob("*.partial"))  # ...which the next backup sweeps away
    assert backups.latest_verified_backup(big_db, folder) is not None
