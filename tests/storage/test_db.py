"""Opening files: PRAGMAs, migrations, reopening from disk, refusing bad files."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from vcs_app.domain.model import Victim
from vcs_app.storage import audit, repo_cases
from vcs_app.storage.db import REQUIRED_PRAGMAS, StoreError, open_store
from vcs_app.storage.migrations import SCHEMA_VERSION


def test_new_file_has_required_pragmas_and_schema_version(tmp_path):
    store = open_store(tmp_path / "a.db", create=True)
    for name, expected in REQUIRED_PRAGMAS.items():
        assert store.db.execute(f"PRAGMA {name}").fetchone()[0] == expected
    assert store.schema_version() == SCHEMA_VERSION
    assert store.integrity_problems() == []
    store.close()


def test_missing_file_is_not_silently_created(tmp_path):
    with pytest.raises(StoreError, match="No database"):
        open_store(tmp_path / "missing.db")
    assert not (tmp_path / "missing.db").exists()


def test_written_data_survives_reopening_from_disk(tmp_path):
    path = tmp_path / "a.db"
    store = open_store(path, create=True)
    with store.atomic() as db:
        victim_id = repo_cases.insert_victim(db, Victim("Ceri", "Prydderch", dob=date(1980, 1, 2)))
    store.close()
    again = open_store(path)
    assert repo_cases.get_victim(again.db, victim_id).full_name == "Ceri Prydderch"
    assert again.schema_version() == SCHEMA_VERSION
    again.close()


def test_newer_schema_is_refused_before_anything_runs(tmp_path):
    path = tmp_path / "future.db"
    open_store(path, create=True).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer VCS Desk"):
        open_store(path)


def test_non_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("not a database", encoding="utf-8")
    with pytest.raises(StoreError, match="not an SQLite file"):
        open_store(path)
    assert path.read_text(encoding="utf-8") == "not a database"


def test_truncated_file_is_refused_with_one_line(tmp_path):
    path = tmp_path / "a.db"
    store = open_store(path, create=True)
    store.close()
    data = path.read_bytes()
    path.write_bytes(data[:100])
    with pytest.raises(StoreError) as err:
        open_store(path)
    assert "\n" not in str(err.value)


def test_dates_must_be_iso_text(tmp_path):
    store = open_store(tmp_path / "a.db", create=True)
    with pytest.raises(StoreError), store.atomic() as db:
        db.execute(
            "INSERT INTO victim (given_name, family_name, dob, name_key, created_at)"
            " VALUES ('A', 'B', '31/12/1999', 'a b', 'x')"
        )
    store.close()


def test_foreign_keys_are_enforced(tmp_path):
    store = open_store(tmp_path / "a.db", create=True)
    with pytest.raises(StoreError), store.atomic() as db:
        db.execute(
            "INSERT INTO contact_detail (victim_id, kind, value) VALUES (999, 'phone', '01632')"
        )
    store.close()


def test_audit_log_refuses_update_and_delete_and_chain_detects_tampering(tmp_path):
    store = open_store(tmp_path / "a.db", create=True)
    with store.atomic() as db:
        audit.record(db, who="a", action="create", entity="victim", entity_id=1)
        audit.record(db, who="a", action="view", entity="link", entity_id=1, link_id=1)
    assert audit.verify_chain(store.db) is None
    with pytest.raises(StoreError, match="append-only"), store.atomic() as db:
        db.execute("UPDATE audit SET who = 'b'")
    with pytest.raises(StoreError, match="append-only"), store.atomic() as db:
        db.execute("DELETE FROM audit")
    with store.atomic() as db:  # forge a row around the triggers
        db.execute("DROP TRIGGER audit_no_update")
        db.execute("UPDATE audit SET who = 'mallory' WHERE id = 1")
    assert audit.verify_chain(store.db) == 1
    store.close()


def test_audit_record_outside_a_transaction_is_a_programming_error(tmp_path):
    store = open_store(tmp_path / "a.db", create=True)
    with pytest.raises(RuntimeError):
        audit.record(store.db, who="a", action="view", entity="link")
    store.close()


def test_impossible_dates_are_refused(tmp_path):
    store = open_store(tmp_path / "a.db", create=True)
    for bad in ("2023-02-29", "2026-13-01", "", "yesterday"):
        with pytest.raises(StoreError), store.atomic() as db:
            db.execute(
                "INSERT INTO victim (given_name, family_name, dob, name_key, created_at)"
                " VALUES ('A', 'B', ?, 'a b', 'x')",
                [bad],
            )
    store.close()
