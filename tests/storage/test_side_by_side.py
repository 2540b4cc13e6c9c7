"""The open caseload keeps its write journal when commands run beside it.

Closing any descriptor of a file drops every POSIX lock the process holds on it,
SQLite's included. A process that opened the live file with `open()` while it had a
connection lost its locks, and a command run beside it then deleted its WAL. These tests
run real processes side by side and look at the window process's descriptors in /proc.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from cli_run import run_main
from fixed_day import TODAY

from vcs_app.domain.model import LiaisonEntry
from vcs_app.services import backups, cases, liaison
from vcs_app.services.workspace import open_workspace, worker_workspace
from vcs_app.storage.backup import verify_copy

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/fd").is_dir(), reason="needs /proc to look at open descriptors"
)


def deleted_journals(db: Path) -> list[str]:
    """Files of this caseload that this process holds open but that are gone from disk."""
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith(str(db)) and target.endswith("(deleted)"):
            found.append(target)
    return found


def _note(ws, case_id: int, text: str) -> None:
    liaison.log_liaison(ws, LiaisonEntry(case_id, TODAY, "to", "om", "email", summary=text))


@pytest.fixture
def open_caseload(tmp_path):
    path = tmp_path / "side.db"
    demo = run_main("demo", "--db", str(path), "--victims", "20", "--on", TODAY.isoformat())
    assert demo.returncode == 0, demo.stderr
    ws = open_workspace(path, user="window.vlo", on=TODAY)
    yield ws
    ws.close()


@pytest.mark.parametrize("second_connection", ["worker", "start-up check", "backup"])
def test_a_command_beside_the_open_file_leaves_its_journal_in_place(
    open_caseload, second_connection, tmp_path
):
    ws = open_caseload
    case_id = cases.caseload_ids(ws)[0]
    _note(ws, case_id, "before the second connection")
    if second_connection == "worker":
        with worker_workspace(ws) as other:
            _note(other, case_id, "from a worker")
    elif second_connection == "start-up check":
        assert backups.damage_in(ws.path) is None
        assert verify_copy(ws.path) == []
    else:
        backups.back_up(ws, tmp_path / "copies")
    beside = run_main("due", "--db", str(ws.path), "--on", TODAY.isoformat())
    assert beside.returncode == 0, beside.stderr
    assert deleted_journals(ws.path) == []
    _note(ws, case_id, "after the command beside")
    # Another process sees that last write: it went into the journal everyone shares.
    check = run_main("check", "--db", str(ws.path))
    assert check.returncode == 0 and check.stdout.strip() == "ok", check.stdout + check.stderr
    other = open_workspace(ws.path, user="reader", on=TODAY)
    try:
        notes = [e.summary for e in cases.open_case(other, case_id).liaison]
    finally:
        other.close()
    assert "after the command beside" in notes


STRESS_ROUNDS = 200


@pytest.mark.slow
@pytest.mark.timeout(1200)  # about 100 s on an idle 2-core machine
def test_commands_beside_a_writing_window_lose_nothing(tmp_path):
    """200 headless commands, two at a time, beside a process that keeps the caseload
    open the way the window does (its lock, a long-lived connection writing notes,
    worker connections writing key dates, start-up checks, automatic backups): every
    acknowledged write is there, the file is intact, no journal was deleted under the
    window, and each command runs (or, restore, is refused in one line)."""
    from side_by_side import COMMANDS, run_harness

    figures = run_harness(tmp_path / "side.db", STRESS_ROUNDS, seed=20261207)
    print(figures.summary())
    assert figures.failures == []
    assert figures.rounds == STRESS_ROUNDS
    assert set(figures.by_command) == set(COMMANDS)
    assert figures.refused["restore"] == figures.by_command["restore"] > 0
    assert figures.notes > 0 and figures.key_dates > 0 and figures.imported > 0
    assert figures.window_refusals == []  # the window's own saves were never refused
