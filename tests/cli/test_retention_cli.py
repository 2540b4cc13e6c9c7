"""`retention` lists closed cases past the period; `subject-access` writes a victim's
PDF and CSV bundle; both answer a bad request with one line, never a traceback."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest
from cli_run import run_main as run

from vcs_app.services.demo import build_demo
from vcs_app.services.workspace import make_separate, open_workspace

SENIOR_PW = "a senior's long password"

ON = date(2026, 11, 26)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("retention") / "demo.db"
    ws = open_workspace(path, user="test.vlo", create=True)
    build_demo(ws, victims=40, seed=3, today=ON)
    ws.close()
    return path


def test_retention_lists_the_cases_closed_long_ago_and_more_years_on(demo_db):
    # The demo has cases closed years ago (as a caseload does), and more close later.
    today = run("retention", "--db", str(demo_db), "--on", ON.isoformat())
    assert today.returncode == 0, today.stderr
    now_lines = today.stdout.strip().splitlines()
    assert now_lines[-1].endswith("closed case(s) past the 6-year retention period")
    assert all(line.split("last changed ")[1][:10] < "2020-11-26" for line in now_lines[:-1])
    later = run("retention", "--db", str(demo_db), "--on", "2040-01-01")
    assert later.returncode == 0, later.stderr
    lines = later.stdout.strip().splitlines()
    assert len(lines) > len(now_lines) and all(line.startswith("VCS-") for line in lines[:-1])
    assert all(" closed " in line or " archived " in line for line in lines[:-1])


def test_subject_access_writes_a_pdf_and_a_csv_bundle(demo_db, tmp_path):
    done = run("subject-access", "--db", str(demo_db), "--victim", "2", "--out", str(tmp_path))
    assert done.returncode == 0, done.stderr
    (pdf,) = tmp_path.glob("subject-access-V000002-*.pdf")
    (bundle,) = tmp_path.glob("subject-access-V000002-*.zip")
    assert pdf.read_bytes().startswith(b"%PDF")
    assert "victim.csv" in zipfile.ZipFile(bundle).namelist()


def test_an_unknown_victim_is_one_line_and_exit_1(demo_db, tmp_path):
    done = run("subject-access", "--db", str(demo_db), "--victim", "999", "--out", str(tmp_path))
    assert done.returncode == 1
    assert done.stderr.strip().count("\n") == 0 and "no victim 999" in done.stderr
    assert "Traceback" not in done.stderr


def test_purge_from_the_command_line_needs_a_senior_s_password(demo_db, tmp_path):
    """Issue 16 §2: `retention --purge` signs in `--as` a senior VLO (password on stdin;
    the demo's own account is a VLO, issue 16 §8). Its backups still holding the cases
    are named, then erased."""
    import shutil

    from vcs_app.domain.model import Role
    from vcs_app.services import accounts

    path = tmp_path / "copy.db"
    shutil.copyfile(demo_db, path)
    make_separate(path)  # the other tests go on using the original
    office = open_workspace(path, user="ada.admin", role=Role.ADMIN)
    try:
        accounts.create_account(office, "sam.senior", "Sam Senior", Role.SENIOR, SENIOR_PW)
    finally:
        office.close()
    db, later = str(path), "2040-01-01"
    assert run("backup", "--db", db).returncode == 0
    refused = run("retention", "--db", db, "--on", later, "--purge")
    assert refused.returncode == 1
    assert refused.stderr.strip() == (
        "vcs-desk: retention --purge needs a senior VLO's sign-in: add --as USERNAME"
    )

    def as_demo_senior(*flags: str, password: str = SENIOR_PW):
        return run(
            "retention", "--db", db, "--on", later, *flags, "--as", "sam.senior",
            "--password-stdin", stdin=f"{password}\n",
        )  # fmt: skip

    wrong = as_demo_senior("--purge", password="not the password")
    assert wrong.returncode == 1 and "Wrong username or password" in wrong.stderr
    done = as_demo_senior("--purge")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert lines[0].startswith("erased ") and " case(s)" in lines[0]
    assert lines[1].startswith("warning: 1 backup(s) still hold the erased cases: ")
    assert lines[2] == "run again with --purge-backups to delete those backups"
    cleared = as_demo_senior("--purge-backups")
    assert cleared.returncode == 0, cleared.stderr
    assert cleared.stdout.strip() == "deleted 1 backup(s) that held erased cases"
    assert run("check", "--db", db).stdout.strip() == "ok"
