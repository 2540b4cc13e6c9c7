"""`python main.py import`: all or nothing, bad rows by line on stderr (the first 100,
then a count), exit codes; only a regular file, streamed; one import at a time."""

from __future__ import annotations

import os
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from cli_run import rows_of as dump
from cli_run import run_main as run
from cli_run import start_main, wait_for
from fixed_day import TODAY

from vcs_app.services.referral_import import PROBLEMS_KEPT, synthetic_rows, write_csv

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample_referrals.csv"


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


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_importing_a_device_or_a_pipe_is_refused_in_one_line(db, tmp_path):
    pipe = tmp_path / "referrals.csv"
    os.mkfifo(pipe)
    for source, kind in (("/dev/zero", "a device"), (str(pipe), "a named pipe")):
        result = run("import", "--db", str(db), source, timeout=60)
        assert result.returncode == 1
        assert result.stderr.strip().count("\n") == 0
        assert f"it is {kind}, not a file" in result.stderr


def test_thousands_of_bad_rows_list_the_first_hundred_and_count_the_rest(db, tmp_path):
    rows = synthetic_rows(20, seed=8, today=TODAY)
    good = write_csv(rows)
    bad_line = b"2026-10-01,too,few,values\r\n"
    path = tmp_path / "bad.csv"
    path.write_bytes(good + bad_line * 4980)
    before = dump(db)
    result = run("import", "--db", str(db), str(path))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == PROBLEMS_KEPT + 1
    assert lines[0] == "line 22: has 4 values but the header has 32 columns"
    assert lines[-1] == (
        "nothing imported: 4,980 of 5,000 rows have problems (the first 100 listed above by"
        " line); the database is unchanged"
    )
    assert dump(db) == before


def test_a_second_import_while_one_runs_is_refused_in_one_line(tmp_path):
    db = tmp_path / "two.db"
    assert run("new", "--db", str(db)).returncode == 0
    csv_file = tmp_path / "referrals.csv"
    csv_file.write_bytes(write_csv(synthetic_rows(3000, seed=21, today=TODAY)))
    first = start_main("import", "--db", str(db), str(csv_file))
    try:
        lock = db.with_name(db.name + ".import.lock")
        wait_for(lambda: lock.exists() and lock.stat().st_size > 0)
        assert first.poll() is None, first.communicate()
        second = run("import", "--db", str(db), str(csv_file))
        assert first.poll() is None  # the first was still running when refused
    finally:
        out, err = first.communicate(timeout=600)
    assert second.returncode == 1 and second.stderr.strip().count("\n") == 0
    assert second.stderr.startswith(
        "vcs-desk: Nothing imported: another import into two.db is running"
    )
    assert first.returncode == 0, err
    assert out.startswith("imported 3,000 referrals")
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM link").fetchone()[0] == 3000
    conn.close()
    assert not lock.exists()
