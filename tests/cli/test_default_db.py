"""The headless commands find the window's file by themselves (issue 18 item 13): `--db`
is optional (and the command says on stderr which file it used), accepted before the
command too, and `subject-access` takes the case reference the window shows."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from cli_run import data_folder_with_key
from cli_run import run_main as run

from vcs_app.services import cases
from vcs_app.services.demo import build_demo
from vcs_app.services.workspace import open_workspace

ON = date(2026, 11, 26)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("default-db") / "demo.db"
    ws = open_workspace(path, user="test.vlo", create=True)
    build_demo(ws, victims=30, seed=4, today=ON)
    ws.close()
    return path


@pytest.fixture
def data_home(tmp_path, demo_db) -> dict[str, str]:
    """A user data folder whose default caseload is the demo file."""
    home = data_folder_with_key(tmp_path / "data")  # with the run's audit key
    (home / "vcs-desk").mkdir(parents=True, exist_ok=True)
    shutil.copy(demo_db, home / "vcs-desk" / "vcs-desk.db")
    return {"XDG_DATA_HOME": str(home)}


def test_db_may_come_before_the_command(demo_db):
    after = run("due", "--db", str(demo_db), "--on", "2026-11-26")
    before = run("--db", str(demo_db), "due", "--on", "2026-11-26")
    assert before.returncode == 0, before.stderr
    assert before.stdout == after.stdout and before.stdout.strip()
    assert before.stderr == ""  # the file was named: nothing to say about it


def test_without_db_a_command_uses_the_windows_file_and_says_so(data_home, demo_db):
    default = Path(data_home["XDG_DATA_HOME"]) / "vcs-desk" / "vcs-desk.db"
    done = run("due", "--on", "2026-11-26", env=data_home)
    assert done.returncode == 0, done.stderr
    assert done.stdout == run("due", "--db", str(demo_db), "--on", "2026-11-26").stdout
    assert done.stderr.strip() == (
        f"vcs-desk: using {default} (the window's file; --db PATH for another)"
    )
    check = run("check", env=data_home)
    assert (check.returncode, check.stdout.strip()) == (0, "ok")


def test_a_command_that_makes_a_file_still_needs_it_named(data_home):
    done = run("demo", env=data_home)
    assert done.returncode == 1
    assert done.stderr.strip() == "vcs-desk: demo needs --db PATH: it creates a new file."


def test_subject_access_takes_the_case_reference(demo_db, tmp_path):
    ws = open_workspace(demo_db, user="test.vlo")
    case_id = cases.caseload_ids(ws)[3]
    case = cases.open_case(ws, case_id)
    ws.close()
    out = tmp_path / "out"
    done = run("--db", str(demo_db), "subject-access", "--victim", case.link.ref, "--out", str(out))
    assert done.returncode == 0, done.stderr
    (pdf,) = out.glob(f"subject-access-V{case.victim.id:06d}-*.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    unknown = run(
        "--db", str(demo_db), "subject-access", "--victim", "VCS-999999", "--out", str(out)
    )
    assert unknown.returncode == 1
    assert unknown.stderr.strip() == (
        "vcs-desk: There is no case VCS-999999 (give a case reference such as VCS-000123)."
    )
