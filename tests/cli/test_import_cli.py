"""`python main.py import`: all or nothing, bad rows by line on stderr, exit codes."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from cli_run import run_main as run

from vcs_app.services.referral_import import synthetic_rows, write_csv

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample_referrals.csv"


def dump(path: Path) -> list[str]:
    """Every row of the file; planner statistics (PRAGMA optimize on close) are not data."""
    conn = sqlite3.connect(path)
    try:
        return [line for line in conn.iterdump() if "sqlite_stat" not in line]
    finally:
        conn.close()


@pytest.fixture
def db(tmp_path) -> Path:
    path = tmp_path / "demo.db"
    result = run("demo", "--db", str(path), "--victims", "30", "--on", "2026-11-26")
    assert result.returncode == 0, result.stderr
    return path


def test_the_sample_imports_in_one_go(db):
    result = run("import", "--db", str(db), str(SAMPLE))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("imported 7 referrals from sample_referrals.csv (UTF-8)")
    due = run("due", "--db", str(db))
    assert due.returncode == 0


def test_bad_rows_are_listed_by_line_and_nothing_is_imported(db, tmp_path):
    rows = synthetic_rows(6, seed=31, today=date(2026, 11, 26))
    rows[1]["referral_date"] = "2026-13-01"
    rows[4]["email"] = "not-an-email"
    path = tmp_path / "referrals.csv"
    path.write_bytes(write_csv(rows, encoding="cp1252"))
    before = dump(db)
    result = run("import", "--db", str(db), str(path))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith("line 3: referral_date '2026-13-01' is not a date")
    assert lines[1] == "line 6: 'not-an-email' does not look like an email address."
    assert lines[2].startswith("nothing imported: 2 of 6 rows have problems")
    assert "Traceback" not in result.stderr
    assert dump(db) == before


def test_a_match_on_file_needs_a_choice(db):
    assert run("import", "--db", str(db), str(SAMPLE)).returncode == 0
    again = run("import", "--db", str(db), str(SAMPLE))
    assert again.returncode == 1
    assert "line 2: The victim may already be on file" in again.stderr
    merged = run("import", "--db", str(db), str(SAMPLE), "--on-match", "merge")
    assert merged.returncode == 1  # the same victim and offender: already a case
    assert "already linked to this offender" in merged.stderr


def test_an_unreadable_file_is_one_line(db, tmp_path):
    missing = run("import", "--db", str(db), str(tmp_path / "nope.csv"))
    assert missing.returncode == 1
    assert missing.stderr.strip().count("\n") == 0 and "Cannot read" in missing.stderr
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("name,shoe_size\nx,9\n")
    result = run("import", "--db", str(db), str(wrong))
    assert result.returncode == 1 and "Unknown column(s): name, shoe_size" in result.stderr
