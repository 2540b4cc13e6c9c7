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

from vcs_app.domain import disclosure
from vcs_app.storage import db as store_db

# Full-text tables whose rowid is a case (link) id.
_SEARCH_TABLES = ("case_names", "case_search")


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
    ids: dict[str, list[int]] = field(default_factory=dict)  # what went, per table
    links: list[tuple[int, str]] = field(default_factory=list)  # (id, created_at)
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
    counts.ids.setdefault(table, []).extend(rowids)
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
    counts.links = [
        (r[0], r[1])
        for r in db.execute(
            "SELECT id, created_at FROM link WHERE id IN (SELECT value FROM json_each(?))", [ids]
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


def erase_audit_details(db: Database, counts: PurgeCounts, purge_id: int) -> int:
    """Blank the detail (old and new values) of every audit row written before the purge
    about an erased case or an erased row; the rows themselves stay, so the chain (which
    holds only a salted digest of each detail) still verifies. What was erased is listed
    by id in `erased_row`, which is how `check` tells this from tampering and how the
    backups still holding an erased case are found. Returns the rows blanked."""
    links = _ids(i for i, _ in counts.links)
    db.conn.executemany(
        "INSERT INTO erased_row (tbl, row_id, created_at, purge_id) VALUES ('link', ?, ?, ?)",
        [(link_id, created, purge_id) for link_id, created in counts.links],
    )
    for table, rowids in counts.ids.items():
        if table == "link":
            continue
        db.execute(
            "INSERT INTO erased_row (tbl, row_id, purge_id) SELECT DISTINCT entity, entity_id, ?"
            " FROM audit WHERE entity = ? AND entity_id IN (SELECT value FROM json_each(?))"
            " AND id < ? AND detail_salt IS NOT NULL",
            [purge_id, table, _ids(rowids), purge_id],
        )
    return db.execute(
        "UPDATE audit SET detail = '', detail_salt = NULL WHERE id < :purge"
        " AND detail_salt IS NOT NULL AND (link_id IN (SELECT value FROM json_each(:links))"
        " OR EXISTS (SELECT 1 FROM erased_row e WHERE e.purge_id = :purge"
        " AND e.tbl = audit.entity AND e.row_id = audit.entity_id))",
        {"purge": purge_id, "links": links},
    ).rowcount


def erased_cases(db: Database) -> list[tuple[int, str]]:
    """(id, created_at) of every case a purge erased from this file."""
    return [
        (r[0], r[1])
        for r in db.execute("SELECT row_id, created_at FROM erased_row WHERE tbl = 'link'")
    ]


def cases_still_in(db: Database, erased: list[tuple[int, str]]) -> int:
    """How many of these erased cases a copy of the file (a backup) still holds."""
    found = 0
    for link_id, created in erased:
        row = db.execute(
            "SELECT 1 FROM link WHERE id = ? AND created_at IS ?", [link_id, created]
        ).fetchone()
        found += row is not None
    return found


def backup_files_logged(db: Database) -> list[str]:
    """The backup files the audit log says were written (wherever they went)."""
    return [
        r[0]
        for r in db.execute(
            "SELECT DISTINCT json_extract(detail, '$.file') FROM audit"
            " WHERE action = 'backup' AND json_valid(detail)"
        )
        if r[0]
    ]


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
    hidden = disclosure.THIRD_PARTY_FIELDS.get(table, ())
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
        if table not in disclosure.OTHER_PEOPLES_TABLES
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


def _strings(value) -> list[str]:
    """Every text leaf of an audit row's JSON detail."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    if isinstance(value, dict):
        return [s for k, v in value.items() if k != "cases" for s in _strings(v)]
    return []


def _audit_strings(db: Database, where: str, params: list, key: str | None = None) -> list[str]:
    """The text in matching audit rows' details (only under `key` when given)."""
    found = []
    for (detail,) in db.execute(f"SELECT detail FROM audit WHERE {where}", params):
        try:
            values = json.loads(detail) if detail.startswith("{") else {}
        except ValueError:
            continue
        found += _strings(values if key is None else values.get(key))
    return found


def others_named_about_victim(db: Database, victim_id: int) -> dict[str, set[str]]:
    """The offenders' and offender managers' names, dates of birth, references and prisons
    (now and before any correction) that may appear in the victim's records, by the label
    that replaces them (disclosure.Redactor)."""
    links = _ids(r[0] for r in db.execute("SELECT id FROM link WHERE victim_id = ?", [victim_id]))
    offender_ids = _ids(
        r[0] for r in db.execute("SELECT offender_id FROM link WHERE victim_id = ?", [victim_id])
    )
    offender: set[str] = set()
    for given, family, dob, crn, nomis, establishment in db.execute(
        "SELECT given_name, family_name, dob, crn, nomis, establishment FROM offender"
        " WHERE id IN (SELECT value FROM json_each(?))",
        [offender_ids],
    ):
        offender |= {given, family, f"{given} {family}", crn or "", nomis or "", establishment}
        offender |= set(disclosure.date_forms(dob)) if dob else set()
    for value in _audit_strings(
        db, "entity = 'offender' AND entity_id IN (SELECT value FROM json_each(?))", [offender_ids]
    ):
        offender |= set(disclosure.date_forms(value))
    managers: set[str] = set()
    for sql in (
        "SELECT om_name, om_team FROM link WHERE id IN (SELECT value FROM json_each(?))",
        "SELECT om_name, om_team FROM case_om WHERE link_id IN (SELECT value FROM json_each(?))",
        "SELECT om_name, om_team FROM condition_request"
        " WHERE link_id IN (SELECT value FROM json_each(?))",
        "SELECT who, '' FROM liaison_entry WHERE party = 'om'"
        " AND link_id IN (SELECT value FROM json_each(?))",
    ):
        for name, team in db.execute(sql, [links]):
            managers |= {name, team}
    for entity, key in (("link", "om_name"), ("link", "om_team"), ("om_request", "to")):
        managers |= set(
            _audit_strings(
                db,
                "entity = ? AND link_id IN (SELECT value FROM json_each(?))",
                [entity, links],
                key=key,
            )
        )
    om_ids = _ids(
        r[0]
        for r in db.execute(
            "SELECT id FROM om WHERE name IN (SELECT value FROM json_each(?))",
            [json.dumps(sorted(managers))],
        )
    )
    for name, team, email, phone in db.execute(
        "SELECT name, team, email, phone FROM om WHERE id IN (SELECT value FROM json_each(?))",
        [om_ids],
    ):
        managers |= {name, team, email, phone}
    renamed = "entity = 'om' AND entity_id IN (SELECT value FROM json_each(?))"
    managers |= set(_audit_strings(db, renamed, [om_ids]))
    return {disclosure.OFFENDER_LABEL: offender, disclosure.OM_LABEL: managers - {""}}
