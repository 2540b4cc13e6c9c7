"""What undo needs from the database: withdrawing a liaison note or an official key date
(both stay on file as evidence, see migration 0013_undo) and what depends on them."""

from __future__ import annotations

from sqlite_utils import Database

from vcs_app.domain.model import KeyDate, NotFound
from vcs_app.storage.db import utc_now
from vcs_app.storage.repo_cases import search_changed
from vcs_app.storage.repo_events import _key_date
from vcs_app.storage.rows import select_rows, update_row

# --- liaison notes --------------------------------------------------------------------


def liaison_withdrawn(db: Database, entry_id: int) -> bool:
    row = db.execute("SELECT withdrawn_at FROM liaison_entry WHERE id = ?", [entry_id]).fetchone()
    if row is None:
        raise NotFound(f"No liaison note with id {entry_id}.")
    return row[0] is not None


def liaison_dependants(db: Database, entry_id: int) -> int:
    """How many later notes answer or chase this one (it cannot be withdrawn then)."""
    row = db.execute(
        "SELECT COUNT(*) FROM liaison_entry WHERE (answered_by = ? OR chase_of = ?)"
        " AND withdrawn_at IS NULL",
        [entry_id, entry_id],
    ).fetchone()
    return row[0]


def withdraw_liaison_entry(db: Database, entry_id: int, by: str) -> None:
    """Hide the note from the log; it no longer waits for anyone's reply."""
    update_row(
        db,
        "liaison_entry",
        entry_id,
        {"withdrawn_at": utc_now(), "withdrawn_by": by, "awaiting_reply": 0},
    )
    (link_id,) = db.execute("SELECT link_id FROM liaison_entry WHERE id = ?", [entry_id]).fetchone()
    search_changed(db, [link_id])  # its words no longer find the case


# --- official key dates ---------------------------------------------------------------


def get_key_date(db: Database, key_date_id: int) -> KeyDate:
    rows = select_rows(db, "key_date", "id = ? AND withdrawn_at IS NULL", [key_date_id])
    if not rows:
        raise NotFound(f"No key date with id {key_date_id} (it may have been withdrawn).")
    return _key_date(rows[0])


def replaced_by(db: Database, key_date_id: int) -> KeyDate | None:
    """The date this one superseded when it was recorded, if any."""
    rows = select_rows(
        db,
        "key_date",
        "superseded_by = ? AND id != ? AND withdrawn_at IS NULL",
        [key_date_id, key_date_id],
    )
    return _key_date(rows[0]) if rows else None


def withdraw_key_date(db: Database, key_date: KeyDate, previous: KeyDate | None, by: str) -> None:
    """Withdraw a date (superseded by itself) and make the one it replaced current again."""
    update_row(
        db,
        "key_date",
        key_date.id,
        {"superseded_by": key_date.id, "withdrawn_at": utc_now(), "withdrawn_by": by},
    )
    if previous is not None:
        update_row(db, "key_date", previous.id, {"superseded_by": None})
