"""`retention` lists closed cases past the period; `subject-access` writes a victim's
PDF and CSV bundle; both answer a bad request with one line, never a traceback."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest
from cli_run import run_main as run

from vcs_app.services.demo import build_demo
from vcs_app.services.workspace import open_workspace

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
