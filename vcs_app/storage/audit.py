"""Append-only audit rows (DPA 2018 Part 3 s.62), written inside the same transaction as
the action they record so neither can exist without the other.

Each row's MAC is an HMAC-SHA256, under a key kept outside the file (storage/trail.py), of
the row and the previous row's MAC: a row changed, inserted or removed, or a chain
recomputed by someone without the key, breaks it. The row's `detail` (which may hold old
and new personal values) enters the chain only as a salted digest, so erasing a case can
blank its rows' details (detail and salt together) and the chain still verifies, while
the digest left behind says nothing about what was erased.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import sqlite3
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from vcs_app.domain.model import AuditEntry
from vcs_app.storage.db import utc_now
from vcs_app.storage.seal import Sealer
from vcs_app.storage.trail import TrailKey

GENESIS = "0" * 64
SALT_BYTES = 16


@dataclass
class FileTrail:
    """The key a connection's file is sealed with, and the file's identity."""

    key: TrailKey
    file_id: str
    anchored: object = None  # the last anchor written from this connection

    def __post_init__(self) -> None:
        self._chain = self.key.derive("audit chain")
        self.sealer = Sealer(self.key)

    def chain_mac(self, prev: str, row: dict) -> str:
        payload = json.dumps(row, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hmac.new(self._chain, (prev + payload).encode("utf-8"), hashlib.sha256).hexdigest()


def trail_of(db: Database) -> FileTrail:
    trail = getattr(db, "trail", None)
    if trail is None:
        raise RuntimeError("this connection was not opened by storage.db.open_store")
    return trail


def detail_digest(salt: bytes, detail: str) -> str:
    return hashlib.sha256(salt + detail.encode("utf-8")).hexdigest()


def _chained_row(rid: int, at, who, action, entity, entity_id, link_id, digest) -> dict:
    return {
        "id": rid,
        "at": at,
        "who": who,
        "action": action,
        "entity": entity,
        "entity_id": entity_id,
        "link_id": link_id,
        "detail": digest,
    }


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
    trail = trail_of(db)
    text = (
        detail if isinstance(detail, str) else json.dumps(detail, ensure_ascii=False, default=str)
    )
    last = db.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    rid, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
    salt = secrets.token_bytes(SALT_BYTES)
    digest = detail_digest(salt, text)
    at = utc_now()
    row = _chained_row(rid, at, who, action, entity, entity_id, link_id, digest)
    db.execute(
        "INSERT INTO audit (id, at, who, action, entity, entity_id, link_id, detail,"
        " detail_salt, detail_digest, prev_hash, hash) VALUES (:id, :at, :who, :action,"
        " :entity, :entity_id, :link_id, :text, :salt, :detail, :prev, :hash)",
        {**row, "text": text, "salt": salt, "prev": prev, "hash": trail.chain_mac(prev, row)},
    )
    return rid


def head(db: Database) -> tuple[int, str]:
    """(id, MAC) of the newest row; (0, GENESIS) for an empty log."""
    row = db.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    return (row[0], row[1]) if row else (0, GENESIS)


def _erased_keys(db: Database) -> dict[tuple[str, int], int]:
    """(table, row id) -> the purge's audit row id, for every row a purge erased."""
    found: dict[tuple[str, int], int] = {}
    for tbl, row_id, purge_id in db.execute("SELECT tbl, row_id, purge_id FROM erased_row"):
        key = (tbl, row_id)
        found[key] = max(found.get(key, 0), purge_id)
    return found


def _legitimately_erased(erased, rid: int, entity: str, entity_id, link_id) -> bool:
    for key in (("link", link_id), (entity, entity_id)):
        if key[1] is not None and erased.get(key, 0) > rid:
            return True
    return False


def verify_chain(db: Database, trail: FileTrail | None = None) -> int | None:
    """Id of the first audit row that does not follow from its predecessor under the
    key, else None. Raises sqlite3.DatabaseError if the table cannot be read."""
    return _first_break(db, trail or trail_of(db))[0]


_CHAIN_COLUMNS = (
    "id, at, who, action, entity, entity_id, link_id, detail, detail_salt, detail_digest,"
    " prev_hash, hash"
)


def _row_problem(trail: FileTrail, prev: str | None, record: tuple) -> str | None:
    """Why one audit row (columns as _CHAIN_COLUMNS) is not authentic, else None; with
    `prev` None its link to the row before is not checked. An erased detail (no salt)
    is left to the caller."""
    rid, at, who, action, entity, entity_id, link_id, detail, salt, digest, prev_hash, mac = record
    if prev is not None and prev_hash != prev:
        return "does not follow the row before it (rows removed or inserted)"
    row = _chained_row(rid, at, who, action, entity, entity_id, link_id, digest)
    if mac != trail.chain_mac(prev_hash, row):
        return "does not match its MAC"
    if salt is not None and digest != detail_digest(bytes(salt), detail):
        return "had its detail changed"
    return None


def authentic_details(db: Database, trail: FileTrail, action: str) -> list[str]:
    """The details of this action's rows that verify under the key on their own (a row
    forged without the key is skipped)."""
    rows = db.execute(
        f"SELECT {_CHAIN_COLUMNS} FROM audit WHERE action = ? ORDER BY id", [action]
    ).fetchall()
    return [r[7] for r in rows if r[8] is not None and _row_problem(trail, None, r) is None]


def _first_break(db: Database, trail: FileTrail) -> tuple[int | None, str]:
    prev = GENESIS
    erased = _erased_keys(db)
    for record in db.execute(f"SELECT {_CHAIN_COLUMNS} FROM audit ORDER BY id"):
        problem = _row_problem(trail, prev, record)
        if problem:
            return record[0], problem
        rid, entity, entity_id, link_id, detail, salt = (
            record[0],
            record[4],
            record[5],
            record[6],
            record[7],
            record[8],
        )
        if salt is None and (
            detail != "" or not _legitimately_erased(erased, rid, entity, entity_id, link_id)
        ):
            return rid, "had its detail removed outside VCS Desk"
        prev = record[11]
    return None, ""


def chain_problem(db: Database, trail: FileTrail | None = None) -> str | None:
    """One line describing a broken or unreadable audit chain, else None."""
    try:
        broken, why = _first_break(db, trail or trail_of(db))
    except sqlite3.DatabaseError as exc:
        return f"the audit log cannot be read ({exc})"
    return None if broken is None else f"audit log chain broken at row {broken} (it {why})"


def legacy_chain_break(db: Database) -> int | None:
    """Where the unkeyed SHA-256 chain of a file made before keys broke, if it did."""
    prev = GENESIS
    sql = (
        "SELECT id, at, who, action, entity, entity_id, link_id, detail, prev_hash, hash"
        " FROM audit ORDER BY id"
    )
    for rid, at, who, action, entity, entity_id, link_id, detail, prev_hash, digest in db.execute(
        sql
    ):
        row = _chained_row(rid, at, who, action, entity, entity_id, link_id, detail)
        del row["id"]  # the unkeyed chain did not cover it
        payload = json.dumps(row, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        if prev_hash != prev or digest != hashlib.sha256((prev + payload).encode()).hexdigest():
            return rid
        prev = digest
    return None


def rekey_rows(db: Database, trail: FileTrail) -> int:
    """Seal the rows of a file made before the trail was keyed: each gets a salted detail
    digest and an HMAC chained to the one before (the append-only trigger allows this
    once per row, while its digest is still empty). Returns how many rows."""
    prev = GENESIS
    rows = db.execute(
        "SELECT id, at, who, action, entity, entity_id, link_id, detail FROM audit ORDER BY id"
    ).fetchall()
    updates = []
    for rid, at, who, action, entity, entity_id, link_id, detail in rows:
        salt = secrets.token_bytes(SALT_BYTES)
        digest = detail_digest(salt, detail)
        row = _chained_row(rid, at, who, action, entity, entity_id, link_id, digest)
        mac = trail.chain_mac(prev, row)
        updates.append((salt, digest, prev, mac, rid))
        prev = mac
    db.conn.executemany(
        "UPDATE audit SET detail_salt = ?, detail_digest = ?, prev_hash = ?, hash = ? WHERE id = ?",
        updates,
    )
    return len(rows)


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
