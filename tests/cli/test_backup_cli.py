"""`backup` and `restore` as a user runs them: one line, the right exit code, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_run import run_main as run

from vcs_app.services import backups
from vcs_app.storage.lock import DatabaseLock


@pytest.fixture
def demo_db(tmp_path) -> Path:
    path = tmp_path / "demo.db"
    result = run("demo", "--db", str(path), "--victims", "40", "--seed", "3", "--on", "2026-11-26")
    assert result.returncode == 0, result.stderr
    return path


def test_backup_then_restore_round_trip(tmp_path, demo_db):
    folder = tmp_path / "backups"
    made = run("backup", "--db", str(demo_db), "--to", str(folder))
    assert made.returncode == 0, made.stderr
    [backup] = backups.backups_of(demo_db, folder)
    assert made.stdout.startswith(f"backed up to {backup.path} (")
    assert "integrity checked" in made.stdout

    restored = run("restore", "--db", str(demo_db), "--from", str(backup.path))
    assert restored.returncode == 0, restored.stderr
    assert "the replaced file is kept at" in restored.stdout
    kept = Path(restored.stdout.rsplit("kept at ", 1)[1].strip())
    assert kept.exists() and kept.parent == demo_db.parent
    assert run("check", "--db", str(demo_db)).stdout.strip() == "ok"


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path, demo_db):
    notes = tmp_path / "notes.db"
    notes.write_text("not a database", encoding="utf-8")
    before = demo_db.read_bytes()
    result = run("restore", "--db", str(demo_db), "--from", str(notes))
    assert result.returncode == 1
    assert "not an SQLite file" in result.stderr and "not touched" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert demo_db.read_bytes() == before


def test_restore_is_refused_while_the_app_has_the_database_open(tmp_path, demo_db):
    folder = tmp_path / "backups"
    assert run("backup", "--db", str(demo_db), "--to", str(folder)).returncode == 0
    [backup] = backups.backups_of(demo_db, folder)
    with DatabaseLock(demo_db) as lock:
        result = run("restore", "--db", str(demo_db), "--from", str(backup.path))
    assert result.returncode == 1
    assert "already open in another copy" in result.stderr and str(lock.path) in result.stderr
    assert "Traceback" not in result.stderr


def test_backup_of_a_missing_database_says_so(tmp_path):
    result = run("backup", "--db", str(tmp_path / "nope.db"), "--to", str(tmp_path / "b"))
    assert result.returncode == 1
    assert "No database" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "nope.db").exists() and not (tmp_path / "b").exists()


def test_help_lists_backup_and_restore():
    result = run("--help")
    assert "backup" in result.stdout and "restore" in result.stdout
