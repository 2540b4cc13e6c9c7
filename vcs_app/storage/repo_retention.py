"""Reading everything held about a victim, and erasing closed cases for good.

Both walk the schema's own foreign keys instead of a hand-kept list of tables, so a
table added by a later migration (a new kind of note about a case) is exported and
erased with the rest without anyone remembering to add it here. Full-text rows, which
have no foreign keys, are named explicitly (`_SEARCH_TABLES`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlite_utils import Database

from vcs_app.storage import db as store_db

# Full-text tables whose rowid is a case (link) id.
_SEARCH_TABLES = ("case_names", "case_search")
# Columns that say something about someone other than the person asking for their data.
_THIRD_PARTY_COLUMNS = {"link": ("sort_offender", "offender_id")}


@dataclass(frozen=True)
class ClosedCase:
    """A closed or archived case and how long it has been untouched."""

    link_id: int
    ref: str
    victim_id: int
    victim_name: str
    offender_name: str
    status: str
    last_changed: str  # UTC ISO time of the case's last change (closing is one)
    other_cases: int  # the victim's cases that stay (open, or not yet due)


@dataclass
class PurgeCounts:
    """How many rows went from each table, and the files the rows pointed to."""

    rows: dict[str, int] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    victims: int = 0
    offenders: int = 0


def _ids(values) -> str:
    return json.dumps(sorted(set(values)))


def closed_cases_before(db: Database, cutoff: str) -> list[ClosedCase]:
    """Closed/archived cases last changed before `cutoff` (UTC ISO), oldest first."""
    rows = db.execute(
        "SELECT l.id, l.ref, l.victim_id, v.given_name || ' ' || v.family_name,"
        " o.given_name || ' ' || o.family_name, l.status, l.updated_at,"
        " (SELECT count(*) FROM link x WHERE x.victim_id = l.victim_id AND x.id != l.id"
        "  AND NOT ((x.status = 'closed' OR x.status = 'archived') AND x.updated_at < :cutoff))"
        " FROM link l JOIN victim v ON v.id = l.victim_id JOIN offender o ON o.id = l.offender_id"
        " WHERE (l.status = 'closed' OR l.status = 'archived') AND l.updated_at < :cutoff"
        " ORDER BY l.updated_at, l.id",
        {"cutoff": cutoff},
    ).fetchall()
    return [ClosedCase(*r) for r in rows]


def _references(db: Database, table: str) -> list[tuple[str, str]]:
    """(child table, column) pairs whose foreign key points at `table`."""
    return [
        (r[0], r[1])
        for r in db.execute(
            'SELECT m.name, p."from" FROM sqlite_master m, pragma_foreign_key_list(m.name) p'
            " WHERE m.type = 'table' AND p.\"table\" = ? ORDER BY m.name, p.id",
            [table],
        )
    ]


def _delete(db: Database, table: str, rowids: list[int], counts: PurgeCounts) -> None:
    """Delete these rows and, first, every row that refers to them (recursively)."""
    if not rowids:
        return
    ids = _ids(rowids)
    for child, column in _references(db, table):
        if child == table:  # a row pointing at another row of its own table
            db.execute(
                f"UPDATE {table} SET {column} = NULL WHERE {column} IN"
                " (SELECT value FROM json_each(:ids)) AND rowid NOT IN"
                " (SELECT value FROM json_each(:ids))",
                {"ids": ids},
            )
            continue
        children = [
            r[0]
            for r in db.execute(
                f"SELECT rowid FROM {child} WHERE {column} IN (SELECT value FROM json_each(?))",
                [ids],
            )
        ]
        _delete(db, child, children, counts)
    for column in ("pdf_path", "map_path"):
        if column in _columns(db, table):
            counts.files += [
                r[0]
                for r in db.execute(
                    f"SELECT {column} FROM {table} WHERE rowid IN (SELECT value FROM json_each(?))"
                    f" AND {column} IS NOT NULL AND {column} != ''",
                    [ids],
                )
            ]
    deleted = db.execute(
        f"DELETE FROM {table} WHERE rowid IN (SELECT value FROM json_each(?))", [ids]
    ).rowcount
    counts.rows[table] = counts.rows.get(table, 0) + deleted


def _columns(db: Database, table: str) -> set[str]:
    return {r[1] for r in db.execute(f"PRAGMA table_info({table})")}


def purge_cases(db: Database, link_ids: list[int]) -> PurgeCounts:
    """Erase these cases, everything recorded under them, and the victims and offenders
    left with no case at all. Run inside a transaction with secure_delete on.

    The audit log is append-only and is not touched; `files` lists the kept letter PDFs
    and maps the erased rows pointed to (the caller deletes those no remaining row uses).
    """
    counts = PurgeCounts()
    ids = _ids(link_ids)
    people = db.execute(
        "SELECT DISTINCT victim_id, offender_id FROM link"
        " WHERE id IN (SELECT value FROM json_each(?))",
        [ids],
    ).fetchall()
    refs = [
        r[0]
        for r in db.execute(
            "SELECT ref FROM link WHERE id IN (SELECT value FROM json_each(?))", [ids]
        )
    ]
    for table in _SEARCH_TABLES:
        db.execute(f"DELETE FROM {table} WHERE rowid IN (SELECT value FROM json_each(?))", [ids])
    _delete(db, "link", list(link_ids), counts)
    victims = [v for v in {p[0] for p in people} if not _has_case(db, "victim_id", v)]
    offenders = [o for o in {p[1] for p in people} if not _has_case(db, "offender_id", o)]
    _delete(db, "victim", victims, counts)
    _delete(db, "offender", offenders, counts)
    counts.victims, counts.offenders = len(victims), len(offenders)
    _forget_refs_in_batches(db, set(refs))
    for table in _SEARCH_TABLES:
        # Deleted full-text rows leave their words in the index until segments merge.
        db.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")
    return counts


def _has_case(db: Database, column: str, person_id: int) -> bool:
    return (
        db.execute(f"SELECT 1 FROM link WHERE {column} = ? LIMIT 1", [person_id]).fetchone()
        is not None
    )


def _forget_refs_in_batches(db: Database, refs: set[str]) -> None:
    """A batch's list of blocked letters names cases by reference: drop the erased ones."""
    for batch_id, detail in db.execute(
        "SELECT id, blocked_detail FROM letter_batch WHERE blocked > 0"
    ).fetchall():
        blocked = json.loads(detail or "[]")
        kept = [b for b in blocked if b.get("case") not in refs]
        if len(kept) != len(blocked):
            db.execute(
                "UPDATE letter_batch SET blocked_detail = ? WHERE id = ?",
                [json.dumps(kept, ensure_ascii=False), batch_id],
            )


def file_still_used(db: Database, path: str) -> bool:
    """Whether a remaining letter or condition request still points at this file."""
    for table, column in (("letter", "pdf_path"), ("letter_event", "pdf_path")):
        if db.execute(f"SELECT 1 FROM {table} WHERE {column} = ? LIMIT 1", [path]).fetchone():
            return True
    return (
        db.execute("SELECT 1 FROM condition_request WHERE map_path = ? LIMIT 1", [path]).fetchone()
        is not None
    )


def checkpoint(db: Database) -> bool:
    """Fold the write-ahead log into the file and empty it, so erased pages' old copies
    do not linger in the -wal file. False when a reader kept it from finishing (the
    next checkpoint will)."""
    try:
        busy = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    except store_db.DB_ERRORS:
        return False
    return busy == 0


# --- subject access -------------------------------------------------------------------


@dataclass(frozen=True)
class RecordSet:
    """Rows of one table about the person: column names and values."""

    table: str
    columns: tuple[str, ...]
    rows: tuple[tuple, ...]


def _rows(db: Database, table: str, where: str, params: list) -> RecordSet:
    hidden = _THIRD_PARTY_COLUMNS.get(table, ())
    columns = tuple(c for c in _ordered_columns(db, table) if c not in hidden)
    select = ", ".join(f'"{c}"' for c in columns)
    rows = db.execute(f"SELECT {select} FROM {table} WHERE {where} ORDER BY rowid", params)
    return RecordSet(table, columns, tuple(tuple(r) for r in rows))


def _ordered_columns(db: Database, table: str) -> list[str]:
    return [r[1] for r in db.execute(f"PRAGMA table_info({table})")]


def records_about_victim(db: Database, victim_id: int) -> list[RecordSet]:
    """Every row held about the victim: their own row and every row under it (contact
    details, cases and all that hangs off a case), found through the foreign keys, then
    the audit rows of their cases. The offender's records (reached from a case upwards,
    never downwards) are not theirs and are left out."""
    if db.execute("SELECT 1 FROM victim WHERE id = ?", [victim_id]).fetchone() is None:
        return []
    held: dict[str, set[int]] = {"victim": {victim_id}}
    frontier = [("victim", {victim_id})]
    while frontier:  # a table reached from two parents (a letter: case and address)
        table, rowids = frontier.pop(0)  # gets the union of both
        ids = _ids(rowids)
        for child, column in _references(db, table):
            found = {
                r[0]
                for r in db.execute(
                    f"SELECT rowid FROM {child} WHERE {column} IN (SELECT value FROM json_each(?))",
                    [ids],
                )
            }
            new = found - held.setdefault(child, set())
            if new:
                held[child] |= new
                frontier.append((child, new))
    found_sets = [
        _rows(db, table, "rowid IN (SELECT value FROM json_each(?))", [_ids(rowids)])
        for table, rowids in held.items()
    ]
    links = [r[0] for r in db.execute("SELECT id FROM link WHERE victim_id = ?", [victim_id])]
    found_sets.append(
        _rows(
            db,
            "audit",
            "link_id IN (SELECT value FROM json_each(?)) OR (entity = 'victim' AND entity_id = ?)",
            [_ids(links), victim_id],
        )
    )
    return found_sets
