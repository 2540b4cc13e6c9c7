"""Files that cannot be used are refused with one line that says why, and a full disk
rolls the whole action back with a message."""

from __future__ import annotations

import pytest
from fixed_day import TODAY
from full_disk import files_cannot_grow, older_caseload

from vcs_app.domain.model import LiaisonEntry
from vcs_app.services import cases, referral_import
from vcs_app.services.workspace import open_workspace
from vcs_app.storage.db import DiskFull, StoreError, open_store


def _refusal(path) -> str:
    with pytest.raises(StoreError) as refused:
        open_store(path)
    message = str(refused.value)
    assert "\n" not in message
    return message


def test_read_only_file_is_named_as_such_and_left_alone(tmp_path):
    path = tmp_path / "vcs.db"
    open_store(path, create=True).close()
    path.chmod(0o444)
    before = path.read_bytes()
    try:
        assert "is read-only" in _refusal(path)
    finally:
        path.chmod(0o644)
    assert path.read_bytes() == before


def test_empty_file_is_refused_not_turned_into_a_new_caseload(tmp_path):
    path = tmp_path / "vcs.db"
    path.write_bytes(b"")
    assert "empty" in _refusal(path)
    assert path.read_bytes() == b""


def test_file_cut_short_at_a_page_boundary_is_called_truncated(tmp_path, ws, case_id):
    path = ws.path
    ws.close()  # checkpoints the WAL into the file
    data = path.read_bytes()
    assert len(data) > 8 * 4096
    path.write_bytes(data[: len(data) // 2 // 4096 * 4096])
    assert "truncated" in _refusal(path)


def test_folder_given_as_database_is_refused(tmp_path):
    assert "is a folder" in _refusal(tmp_path)


def _fill_disk(ws) -> None:
    """Let the file grow by no more than a page: the next sizeable write finds it full."""
    pages = ws.store.db.execute("PRAGMA page_count").fetchone()[0]
    ws.store.db.execute(f"PRAGMA max_page_count = {pages + 1}")


def _counts(ws) -> tuple[int, ...]:
    return tuple(
        ws.store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("victim", "offender", "link", "liaison_entry", "task", "audit")
    )


def test_disk_full_rolls_the_note_back_and_says_so(ws, case_id):
    _fill_disk(ws)
    before = _counts(ws)
    entry = LiaisonEntry(case_id, TODAY, "to", "om", "email", summary="x" * 9000)
    with pytest.raises(StoreError, match="the disk is full"):
        cases.add_liaison_entry(ws, entry)
    assert _counts(ws) == before
    assert ws.store.integrity_problems() == []
    assert not ws.store.db.conn.in_transaction


def test_disk_full_during_an_import_keeps_nothing_of_it(ws, case_id):
    _fill_disk(ws)
    before = _counts(ws)
    data = referral_import.write_csv(referral_import.synthetic_rows(40, seed=7, today=TODAY))
    report = referral_import.import_referrals(ws, data, file_name="referrals.csv")
    assert not report.committed
    assert any("the disk is full" in row.message for row in report.problems)
    assert _counts(ws) == before
    assert ws.store.integrity_problems() == []


def test_after_a_full_disk_is_freed_the_same_write_succeeds(ws, case_id):
    _fill_disk(ws)
    entry = LiaisonEntry(case_id, TODAY, "to", "om", "email", summary="y" * 9000)
    with pytest.raises(StoreError):
        cases.add_liaison_entry(ws, entry)
    ws.store.db.execute("PRAGMA max_page_count = 1073741823")
    cases.add_liaison_entry(ws, entry)
    path = ws.path
    ws.close()
    again = open_workspace(path)
    try:
        summaries = [r[0] for r in again.store.db.execute("SELECT summary FROM liaison_entry")]
        assert summaries.count("y" * 9000) == 1
    finally:
        again.close()


def test_writes_after_sqlite_discarded_the_transaction_are_not_committed_one_by_one(ws, case_id):
    """A caller that catches a failed row and carries on (as an import does) must not end
    up writing outside the transaction SQLite threw away on a full disk."""
    _fill_disk(ws)
    before = _counts(ws)
    failures = []
    with pytest.raises(StoreError, match="the disk is full"), ws.store.atomic() as db:
        for n in range(5):
            entry = LiaisonEntry(case_id, TODAY, "to", "om", "email", summary=f"{n}" * 9000)
            try:
                cases.add_liaison_entry(ws, entry)
            except StoreError as exc:
                failures.append(str(exc))
        db.execute("INSERT INTO setting (key, value) VALUES ('stray', 'write')")
    assert len(failures) == 5
    assert _counts(ws) == before
    assert (
        ws.store.db.execute("SELECT count(*) FROM setting WHERE key = 'stray'").fetchone()[0] == 0
    )
    assert not ws.store.db.conn.in_transaction
    # The store is usable again once there is room.
    ws.store.db.execute("PRAGMA max_page_count = 1073741823")
    cases.add_liaison_entry(
        ws, LiaisonEntry(case_id, TODAY, "to", "om", "email", summary="room again")
    )


def test_a_disk_too_full_to_upgrade_the_file_says_the_disk_is_full(tmp_path, monkeypatch):
    path = tmp_path / "older.db"
    older_caseload(path)
    files_cannot_grow(monkeypatch)
    with pytest.raises(DiskFull) as refused:
        open_store(path)
    assert str(refused.value).startswith(f"The disk is full: {tmp_path} has no space left")
    assert "damaged" not in str(refused.value)
