"""Migration 0023 on a file made before it: every sentence and its history is kept, the new
facts (offence date, weeks, days, fine, progression exclusion) can be stored, and the new
offence types pass the offence-type check, which still refuses anything else."""

from __future__ import annotations

from datetime import date

import pytest
from sqlite_utils import Database

from vcs_app.domain.sentence import Sentence
from vcs_app.storage import repo_sentences
from vcs_app.storage.db import StoreError, open_store
from vcs_app.storage.migrations import MIGRATIONS, SCHEMA_VERSION, m0023_sentence_release_facts

BEFORE = "0023_sentence_release_facts"


@pytest.fixture
def old_file(tmp_path):
    """A caseload file as VCS Desk wrote it before migration 0023, with a corrected sentence."""
    path = tmp_path / "old.db"
    db = Database(path)
    db.execute("PRAGMA foreign_keys = ON")
    MIGRATIONS.apply(db, stop_before=BEFORE)
    db.execute(f"PRAGMA user_version = {len(MIGRATIONS.applied(db))}")
    with db.conn:
        db.execute(
            "INSERT INTO offender (id, given_name, family_name, name_key, created_at)"
            " VALUES (1, 'Jordan', 'Sample', 'sample jordan', '2026-01-01T00:00:00Z')"
        )
        for sentence_id, months, cls in ((1, 24, "general"), (2, 30, "domestic_abuse_listed")):
            db.execute(
                "INSERT INTO sentence (id, offender_id, type, length_months, sentence_date,"
                " offence_class, recorded_by, recorded_at) VALUES (?, 1, 'SDS', ?, '2025-01-06',"
                " ?, 'test', '2026-01-01T00:00:00Z')",
                [sentence_id, months, cls],
            )
        db.execute("UPDATE sentence SET superseded_by = 2 WHERE id = 1")
    db.close()
    return path


def test_old_sentences_are_kept_with_their_history_and_the_file_checks_clean(old_file):
    store = open_store(old_file)
    try:
        assert store.schema_version() == SCHEMA_VERSION
        rows = store.db.execute(
            "SELECT id, length_months, offence_class, superseded_by, offence_date, length_weeks,"
            " length_days, fine_amount, progression_excluded FROM sentence ORDER BY id"
        ).fetchall()
        assert rows == [
            (1, 24, "general", 2, None, None, None, None, 0),
            (2, 30, "domestic_abuse_listed", None, None, None, None, None, 0),
        ]
        assert store.integrity_problems() == []
        indexes = {
            name
            for (name,) in store.db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'sentence'"
            )
        }
        assert {"sentence_offender", "sentence_superseded_by"} <= indexes
        file = repo_sentences.sentence_file(store.db, 1)
        assert file.sentence.length_months == 30 and len(file.previous_sentences) == 1
    finally:
        store.close()


def test_the_new_facts_and_offence_types_are_stored_and_an_unknown_type_is_still_refused(old_file):
    store = open_store(old_file)
    try:
        sentence = Sentence(
            1,
            "SDS",
            date(2025, 2, 3),
            "national_security",
            length_months=12,
            length_weeks=2,
            length_days=3,
            offence_date=date(2024, 12, 1),
            progression_excluded=True,
        )
        with store.atomic() as db:
            new_id, old_id = repo_sentences.insert_sentence(db, sentence)
        assert old_id == 2
        back = repo_sentences.sentence_file(store.db, 1).sentence
        assert (back.offence_date, back.length_weeks, back.length_days) == (
            date(2024, 12, 1),
            2,
            3,
        )
        assert back.offence_class.value == "national_security" and back.progression_excluded
        with store.atomic() as db:
            repo_sentences.insert_sentence(
                db, Sentence(1, "FINE_DEFAULT", date(2025, 3, 3), length_days=28, fine_amount=950)
            )
        assert repo_sentences.sentence_file(store.db, 1).sentence.fine_amount == 950
        with pytest.raises(StoreError, match="not allowed"), store.atomic() as db:
            db.execute("UPDATE sentence SET offence_class = 'shoplifting' WHERE id = ?", [new_id])
    finally:
        store.close()


def test_running_the_migration_again_changes_nothing(old_file):
    """sqlite-utils records it after its own commit: an interruption in between repeats it."""
    store = open_store(old_file)
    try:
        schema = store.db.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
        m0023_sentence_release_facts(store.db)
        assert store.db.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall() == schema
        assert store.db.execute("PRAGMA foreign_keys").fetchone() == (1,)
    finally:
        store.close()
