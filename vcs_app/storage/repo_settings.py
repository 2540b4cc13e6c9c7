"""Settings that belong to the caseload file (not to one desk): demo flag, office details."""

from __future__ import annotations

from sqlite_utils import Database


def get_setting(db: Database, key: str, default: str | None = None) -> str | None:
    row = db.execute("SELECT value FROM setting WHERE key = ?", [key]).fetchone()
    return row[0] if row else default


def set_setting(db: Database, key: str, value: str) -> None:
    # An upsert, not INSERT OR REPLACE: a replace deletes the row without telling the
    # seal's triggers (storage/seal.py).
    db.execute(
        "INSERT INTO setting (key, value) VALUES (?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, value],
    )
