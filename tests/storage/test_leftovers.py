"""A killed `demo` or backup, and a restore, leave nothing behind that stays in the way:
no half-built caseload, no `.partial-journal`, no `.partial-wal/-shm`. Real processes,
killed for real."""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

import pytest
from cli_run import run_main, start_main, wait_for
from fixed_day import TODAY

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")

ON = TODAY.isoformat()


@pytest.mark.timeout(300)
def test_a_killed_demo_leaves_nothing_in_the_way_of_the_next(tmp_path):
    db = tmp_path / "demo.db"
    killed = start_main("demo", "--db", str(db), "--victims", "20000", "--on", ON)
    # kill it while it is filling the file: after the schema is committed, before the end
    assert wait_for(lambda: any(p.stat().st_size > 0 for p in tmp_path.glob("*-wal")))
    time.sleep(0.5)
    killed.kill()
    killed.communicate()
    assert not db.exists()  # never a half-made file under the caseload's name

    again = run_main("demo", "--db", str(db), "--victims", "40", "--on", ON)
    assert again.returncode == 0, again.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.db"]  # debris swept away
    assert run_main("check", "--db", str(db)).stdout.strip() == "ok"
    refused = run_main("demo", "--db", str(db), "--victims", "40", "--on", ON)
    assert refused.returncode == 1 and "already exists" in refused.stderr


@pytest.fixture(scope="module")
def big_db(tmp_path_factory) -> Path:
    """Big enough that `VACUUM INTO` takes a while."""
    path = tmp_path_factory.mktemp("leftovers") / "big.db"
    made = run_main("demo", "--db", str(path), "--victims", "3000", "--on", ON)
    assert made.returncode == 0, made.stderr
    return path


@pytest.mark.timeout(300)
def test_killed_backups_leave_journals_that_the_next_backup_sweeps_away(tmp_path, big_db):
    folder = tmp_path / "backups"
    for _ in range(20):
        proc = start_main("backup", "--db", str(big_db), "--to", str(folder))
        # kill it while SQLite has the temporary copy's rollback journal open
        wait_for(lambda: folder.is_dir() and any(folder.glob("*.partial-journal")), 30)
        proc.kill()
        proc.communicate()
        if any(folder.glob("*.partial-journal")):
            break
    assert any(folder.glob("*.partial-journal")), "never killed while the journal existed"
    done = run_main("backup", "--db", str(big_db), "--to", str(folder))
    assert done.returncode == 0, done.stderr
    assert [p.name for p in folder.iterdir() if ".partial" in p.name] == []
    assert len(list(folder.glob("big-backup-*.db"))) == 1


def test_restoring_a_copy_of_a_wal_file_leaves_no_temporary_journals(tmp_path, big_db):
    folder = tmp_path / "restore"
    folder.mkdir()
    db = folder / "caseload.db"
    shutil.copyfile(big_db, db)
    copy = tmp_path / "copy-of-a-caseload.db"  # a plain copy: its header says WAL
    shutil.copyfile(big_db, copy)
    result = run_main("restore", "--db", str(db), "--from", str(copy))
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in folder.iterdir())
    assert [n for n in names if ".partial" in n] == []
    assert names[0] == "caseload.db" and names[1].startswith("caseload.replaced-")
