"""Backups are verified before they get their name, rotate, and restore keeps the old file."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fixed_day import TODAY
from hypothesis import given, settings
from hypothesis import strategies as st

from vcs_app.domain.model import LiaisonEntry
from vcs_app.services import backups, cases
from vcs_app.services.workspace import open_workspace
from vcs_app.storage.backup import (
    BackupFile,
    backup_name,
    choose_kept,
    list_backups,
    make_backup,
    restore_file,
    rotate,
    verify_copy,
)
from vcs_app.storage.db import StoreError
from vcs_app.storage.lock import DatabaseLock, DatabaseLocked
from vcs_app.storage.migrations import SCHEMA_VERSION


def _note(ws, case_id: int, text: str) -> None:
    cases.add_liaison_entry(ws, LiaisonEntry(case_id, TODAY, "to", "om", "email", summary=text))


def _notes(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT summary FROM liaison_entry")}
    finally:
        conn.close()


def test_backup_is_a_verified_copy_with_its_final_name(ws, case_id, tmp_path):
    _note(ws, case_id, "Told the OM about the exclusion zone.")
    folder = tmp_path / "backups"
    done = backups.back_up(ws, folder)
    assert done.backup.path.parent == folder
    assert done.backup.path.name.startswith("vcs-backup-")
    assert verify_copy(done.backup.path) == []
    assert "Told the OM about the exclusion zone." in _notes(done.backup.path)
    # no temp file left; beside the backup, its anchor (the trail's head, keyed)
    assert sorted(p.name for p in folder.iterdir()) == [
        done.backup.path.name,
        done.backup.path.name + ".anchor",
    ]
    last = ws.store.db.execute("SELECT action, who FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    assert last == ("backup", "test.vlo")


def test_two_backups_in_the_same_second_do_not_overwrite_each_other(ws, tmp_path):
    at = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
    first = make_backup(ws.store.db, ws.path, tmp_path, at=at)
    second = make_backup(ws.store.db, ws.path, tmp_path, at=at)
    assert first.path != second.path
    assert [b.path for b in list_backups(tmp_path, "vcs")] == [second.path, first.path]


def test_backup_refuses_to_run_inside_a_transaction(ws, tmp_path):
    with pytest.raises(RuntimeError), ws.store.atomic() as db:
        make_backup(db, ws.path, tmp_path)


def test_backup_into_an_unusable_folder_says_so_and_leaves_nothing(ws, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    with pytest.raises(StoreError, match="Backup failed"):
        backups.back_up(ws, blocker / "backups")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not-a-folder", "vcs.db", "vcs.db-shm",
                                                          "vcs.db-wal"]  # fmt: skip


def test_listing_ignores_temporary_files_other_databases_and_strangers(tmp_path):
    at = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
    (tmp_path / backup_name("vcs", at)).write_bytes(b"x")
    (tmp_path / backup_name("other", at)).write_bytes(b"x")
    (tmp_path / f".{backup_name('vcs', at)}.999999-ab.partial").write_bytes(b"x")
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    assert [b.path.name for b in list_backups(tmp_path, "vcs")] == [backup_name("vcs", at)]
    assert list_backups(tmp_path / "missing", "vcs") == []


_moments = st.lists(
    st.datetimes(
        min_value=datetime(2026, 1, 1), max_value=datetime(2026, 6, 1), timezones=st.just(UTC)
    ),
    min_size=1,
    max_size=60,
    unique=True,
)


def _files(moments: list[datetime]) -> list[BackupFile]:
    return [BackupFile(Path(backup_name("vcs", m)), "vcs", m, 1) for m in moments]


@settings(max_examples=200, deadline=None)
@given(_moments)
def test_rotation_keeps_the_newest_of_each_recent_day_and_week(moments):
    files = _files(moments)
    kept = choose_kept(files, recent=3, daily=7, weekly=4)
    newest_three = sorted(files, key=lambda b: b.taken_at, reverse=True)[:3]
    assert {b.path for b in newest_three} <= kept
    assert len(kept) <= 3 + 7 + 4
    days = sorted({b.taken_at.date() for b in files}, reverse=True)[:7]
    for day in days:
        of_day = [b for b in files if b.taken_at.date() == day]
        assert max(of_day, key=lambda b: b.taken_at).path in kept
    weeks = sorted({b.taken_at.isocalendar()[:2] for b in files}, reverse=True)[:4]
    for week in weeks:
        of_week = [b for b in files if b.taken_at.isocalendar()[:2] == week]
        assert max(of_week, key=lambda b: b.taken_at).path in kept
    # Rotating again changes nothing.
    assert choose_kept([b for b in files if b.path in kept], recent=3, daily=7, weekly=4) == kept


def test_rotate_deletes_only_what_the_rotation_drops(tmp_path):
    start = datetime(2026, 11, 26, 18, 0, tzinfo=UTC)
    for hours in range(0, 24 * 40, 6):  # four a day for 40 days
        (tmp_path / backup_name("vcs", start - timedelta(hours=hours))).write_bytes(b"x")
    (tmp_path / backup_name("other", start)).write_bytes(b"x")
    removed = rotate(tmp_path, "vcs", recent=3, daily=7, weekly=4)
    left = list_backups(tmp_path, "vcs")
    assert len(left) + len(removed) == 160
    # 3 newest (all from today), then one for each of the 6 days before, then weeks.
    days = [b.taken_at.date() for b in left]
    assert days[:3] == [start.date()] * 3
    assert days[3:9] == [start.date() - timedelta(days=n) for n in range(1, 7)]
    assert 3 + 6 <= len(left) <= 3 + 7 + 4
    assert left[0].taken_at == start
    assert len(list_backups(tmp_path, "other")) == 1


def test_restore_verifies_then_replaces_and_keeps_the_old_file(ws, case_id, tmp_path):
    _note(ws, case_id, "Before the backup.")
    done = backups.back_up(ws, tmp_path / "backups")
    _note(ws, case_id, "After the backup.")
    db_path = ws.path
    ws.close()

    result = backups.restore(db_path, done.backup.path, user="test.vlo")
    assert result.kept is not None and result.kept.parent == db_path.parent
    assert "After the backup." in _notes(result.kept)
    restored = open_workspace(db_path)
    try:
        notes = {r[0] for r in restored.store.db.execute("SELECT summary FROM liaison_entry")}
        assert "Before the backup." in notes and "After the backup." not in notes
        last = restored.store.db.execute(
            "SELECT action, detail FROM audit ORDER BY id DESC LIMIT 1"
        ).fetchone()
        assert last[0] == "restore" and done.backup.path.name in last[1]
        assert restored.store.integrity_problems() == []
    finally:
        restored.close()


def test_restore_moves_an_uncheckpointed_wal_aside_with_the_old_file(tmp_path, ws, case_id):
    done = backups.back_up(ws, tmp_path / "backups")
    # A crashed copy's state: the main file plus a WAL holding committed work.
    crashed = tmp_path / "crashed.db"
    ws.store.db.execute("PRAGMA wal_autocheckpoint = 0")
    _note(ws, case_id, "Only in the WAL.")
    shutil.copyfile(ws.path, crashed)
    shutil.copyfile(ws.path.with_name("vcs.db-wal"), tmp_path / "crashed.db-wal")
    kept = restore_file(done.backup.path, crashed)
    assert kept is not None
    assert not (tmp_path / "crashed.db-wal").exists()
    assert (tmp_path / f"{kept.name}-wal").exists()
    assert "Only in the WAL." in _notes(kept)  # the old file is whole, WAL and all
    assert "Only in the WAL." not in _notes(crashed)


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda p: p.write_text("not a database", encoding="utf-8"), "not an SQLite file"),
        (lambda p: p.write_bytes(p.read_bytes()[:8192]), "damaged|integrity"),
        (lambda p: _set_version(p, SCHEMA_VERSION + 1), "newer VCS Desk"),
        (lambda p: p.unlink(), "No such file"),
    ],
)
def test_restore_refuses_a_bad_backup_and_leaves_the_database_alone(ws, tmp_path, damage, reason):
    done = backups.back_up(ws, tmp_path / "backups")
    damage(done.backup.path)
    db_path = ws.path
    ws.close()
    before = db_path.read_bytes()
    with pytest.raises(StoreError, match=reason):
        backups.restore(db_path, done.backup.path)
    assert db_path.read_bytes() == before
    assert not list(db_path.parent.glob("*.partial")) and not list(
        db_path.parent.glob("*replaced*")
    )


def _set_version(path: Path, version: int) -> None:
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.close()


def test_restore_is_refused_while_another_copy_has_the_database_open(ws, tmp_path):
    done = backups.back_up(ws, tmp_path / "backups")
    with DatabaseLock(ws.path), pytest.raises(DatabaseLocked, match="already open"):
        backups.restore(ws.path, done.backup.path)


def test_latest_verified_backup_skips_one_damaged_since_it_was_taken(ws, tmp_path):
    folder = tmp_path / "backups"
    older = make_backup(ws.store.db, ws.path, folder, at=datetime(2026, 11, 25, tzinfo=UTC))
    newer = make_backup(ws.store.db, ws.path, folder, at=datetime(2026, 11, 26, tzinfo=UTC))
    assert backups.latest_verified_backup(ws.path, folder) == newer
    data = bytearray(newer.path.read_bytes())
    data[4096:8192] = b"\xff" * 4096
    newer.path.write_bytes(bytes(data))
    assert backups.latest_verified_backup(ws.path, folder) == older


def test_each_database_has_its_own_backup_folder(tmp_path):
    one = backups.backup_folder_for(tmp_path / "a" / "vcs.db", root=tmp_path / "b")
    two = backups.backup_folder_for(tmp_path / "c" / "vcs.db", root=tmp_path / "b")
    assert one != two and one.parent == two.parent == tmp_path / "b"
    assert one.name.startswith("vcs-")
