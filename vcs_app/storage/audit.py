"""Append-only audit rows (DPA 2018 Part 3 s.62), hash-chained, written inside the
same transaction as the action they record so neither can exist without the other."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import datetime

from sqlite_utils import Database

from vcs_app.domain.model import AuditEntry
from vcs_app.storage.db import utc_now

GENESIS = "0" * 64


def _digest(prev_hash: str, row: dict) -> str:
    payload = json.dumps(row, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256((prev_hash + payload).encode("utf-8")).hexdigest()


def record(
    db: Database,
    *,
    who: str,
    action: str,
    entity: str,
    entity_id: int | None = None,
    link_id: int | None = None,
    detail: dict | str = "",
) -> int:
    """Append one audit row; call inside the action's transaction."""
    if not db.conn.in_transaction:
        raise RuntimeError("audit.record must run inside the action's transaction")
    text = (
        detail if isinstance(detail, str) else json.dumps(detail, ensure_ascii=False, default=str)
    )
    last = db.execute("SELECT hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    prev = last[0] if last else GENESIS
    row = {
        "at": utc_now(),
        "who": who,
        "action": action,
        "entity": entity,
        "entity_id": entity_id,
        "link_id": link_id,
        "detail": text,
    }
    cursor = db.execute(
        "INSERT INTO audit (at, who, action, entity, entity_id, link_id, detail, prev_hash, hash)"
        " VALUES (:at, :who, :action, :entity, :entity_id, :link_id, :detail, :prev, :hash)",
        {**row, "prev": prev, "hash": _digest(prev, row)},
    )
    return cursor.lastrowid


def verify_chain(db: Database) -> int | None:
    """Id of the first audit row whose hash does not follow from its predecessor, else None.

    Raises sqlite3.DatabaseError if the table itself cannot be read (see `chain_problem`).
    """
    prev = GENESIS
    sql = (
        "SELECT id, at, who, action, entity, entity_id, link_id, detail, prev_hash, hash"
        " FROM audit ORDER BY id"
    )
    for rid, at, who, action, entity, entity_id, link_id, detail, prev_hash, digest in db.execute(
        sql
    ):
        row = {
            "at": at,
            "who": who,
            "action": action,
            "entity": entity,
            "entity_id": entity_id,
            "link_id": link_id,
            "detail": detail,
        }
        if prev_hash != prev or digest != _digest(prev, row):
            return rid
        prev = digest
    return None


def _entry(r: tuple) -> AuditEntry:
    return AuditEntry(
        id=r[0],
        at=datetime.fromisoformat(r[1]),
        who=r[2],
        action=r[3],
        entity=r[4],
        entity_id=r[5],
        link_id=r[6],
        detail=r[7],
    )


def history_for_case(db: Database, link_id: int, limit: int = 200) -> tuple[AuditEntry, ...]:
    rows = db.execute(
        "SELECT id, at, who, action, entity, entity_id, link_id, detail FROM audit"
        " WHERE link_id = ? ORDER BY id DESC LIMIT ?",
        [link_id, limit],
    ).fetchall()
    return tuple(_entry(r) for r in rows)


def chain_problem(db: Database) -> str | None:
    """One line describing a broken or unreadable audit chain, else None."""
    try:
        broken = verify_chain(db)
    except sqlite3.DatabaseError as exc:
        return f"the audit log cannot be read ({exc})"
    return None if broken is None else f"audit log chain broken at row {broken}"


# --- reading the log (the audit viewer and its export) ----------------------------------

_COLUMNS = "id, at, who, action, entity, entity_id, link_id, detail"


def _where(
    who: str | None,
    link_id: int | None,
    since: str | None,
    until: str | None,
    action: str | None,
) -> tuple[str, dict]:
    clauses, params = [], {}
    for column, value in (("who", who), ("link_id", link_id), ("action", action)):
        if value is not None:
            clauses.append(f"{column} = :{column}")
            params[column] = value
    if since is not None:
        clauses.append("at >= :since")
        params["since"] = since
    if until is not None:
        clauses.append("at < :until")
        params["until"] = until
    return " AND ".join(clauses) or "1", params


def find_entries(
    db: Database,
    *,
    who: str | None = None,
    link_id: int | None = None,
    since: str | None = None,
    until: str | None = None,
    action: str | None = None,
    before_id: int | None = None,
    limit: int | None = 500,
) -> tuple[AuditEntry, ...]:
    """Matching rows newest first; page on with `before_id` (keyset, never OFFSET).

    `since` and `until` are UTC ISO times (`until` exclusive), compared as stored text.
    """
    where, params = _where(who, link_id, since, until, action)
    if before_id is not None:
        where += " AND id < :before_id"
        params["before_id"] = before_id
    sql = f"SELECT {_COLUMNS} FROM audit WHERE {where} ORDER BY id DESC"
    if limit is not None:
        sql += " LIMIT :limit"
        params["limit"] = limit
    return tuple(_entry(r) for r in db.execute(sql, params))


def count_entries(
    db: Database,
    *,
    who: str | None = None,
    link_id: int | None = None,
    since: str | None = None,
    until: str | None = None,
    action: str | None = None,
) -> int:
    where, params = _where(who, link_id, since, until, action)
    return db.execute(f"SELECT count(*) FROM audit WHERE {where}", params).fetchone()[0]


def distinct_values(db: Database, column: str) -> list[str]:
    """The users (`who`) or actions seen in the log, for the viewer's filters."""
    if column not in ("who", "action"):
        raise ValueError(column)
    return [r[0] for r in db.execute(f"SELECT DISTINCT {column} FROM audit ORDER BY {column}")]


def case_id_for_ref(db: Database, ref: str) -> int | None:
    row = db.execute("SELECT id FROM link WHERE ref = ?", [ref]).fetchone()
    return row[0] if row else None


def latest_id(db: Database) -> int:
    """The newest row's id (0 for an empty log): a cheap 'has anything happened' mark."""
    return db.execute("SELECT COALESCE(MAX(id), 0) FROM audit").fetchone()[0]
