"""Victims, offenders, contact details and the victim-offender links (cases)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict
from datetime import date

from sqlite_utils import Database

from vcs_app.domain.model import (
    ContactDetail,
    Link,
    NotFound,
    Offender,
    Victim,
    normalise_name,
)
from vcs_app.storage.db import BEFORE_COMMIT, ON_ROLLBACK, utc_now
from vcs_app.storage.migrations import (
    SEARCH_CONTACT,
    SEARCH_FROM,
    SEARCH_NAMES,
    SEARCH_NOTES,
    SEARCH_PEOPLE,
    SEARCH_REFS,
    SEARCH_TAGS,
)
from vcs_app.storage.rows import insert_row, select_rows, update_row


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def sort_key(family: str, given: str) -> str:
    return normalise_name(f"{family} {given}")


# --- victim ---------------------------------------------------------------------------


def _victim_row(v: Victim) -> dict:
    return {
        "given_name": v.given_name,
        "family_name": v.family_name,
        "dob": _iso(v.dob),
        "role": v.role.value,
        "language": v.language.value,
        "accessibility": v.accessibility,
        "phone_first": int(v.phone_first),
        "guardian_name": v.guardian_name,
        "name_key": normalise_name(v.full_name),
    }


def _victim(row: dict) -> Victim:
    return Victim(
        id=row["id"],
        given_name=row["given_name"],
        family_name=row["family_name"],
        dob=_date(row["dob"]),
        role=row["role"],
        language=row["language"],
        accessibility=row["accessibility"],
        phone_first=bool(row["phone_first"]),
        guardian_name=row["guardian_name"],
    )


def insert_victim(db: Database, victim: Victim) -> int:
    return insert_row(db, "victim", {**_victim_row(victim), "created_at": utc_now()})


def update_victim(db: Database, victim: Victim) -> None:
    update_row(db, "victim", victim.id, _victim_row(victim))
    _sync_sort_keys(db, "victim_id", victim.id, "sort_victim", victim)


def get_victim(db: Database, victim_id: int) -> Victim:
    rows = list(select_rows(db, "victim", "id = ?", [victim_id]))
    if not rows:
        raise NotFound(f"No victim with id {victim_id}.")
    return _victim(rows[0])


def find_victims(db: Database, victim: Victim) -> list[Victim]:
    """Possible duplicates: same normalised name and date of birth."""
    rows = select_rows(
        db,
        "victim",
        "name_key = ? AND (dob IS ? OR dob IS NULL OR ? IS NULL) AND archived = 0",
        [normalise_name(victim.full_name), _iso(victim.dob), _iso(victim.dob)],
    )
    return [_victim(r) for r in rows]


# --- offender -------------------------------------------------------------------------


def _offender_row(o: Offender) -> dict:
    return {
        "given_name": o.given_name,
        "family_name": o.family_name,
        "dob": _iso(o.dob),
        "crn": o.crn or None,
        "nomis": o.nomis or None,
        "establishment": o.establishment,
        "name_key": normalise_name(o.full_name),
    }


def _offender(row: dict) -> Offender:
    return Offender(
        id=row["id"],
        given_name=row["given_name"],
        family_name=row["family_name"],
        dob=_date(row["dob"]),
        crn=row["crn"] or "",
        nomis=row["nomis"] or "",
        establishment=row["establishment"],
    )


def insert_offender(db: Database, offender: Offender) -> int:
    return insert_row(db, "offender", {**_offender_row(offender), "created_at": utc_now()})


def update_offender(db: Database, offender: Offender) -> None:
    update_row(db, "offender", offender.id, _offender_row(offender))
    _sync_sort_keys(db, "offender_id", offender.id, "sort_offender", offender)


def get_offender(db: Database, offender_id: int) -> Offender:
    rows = list(select_rows(db, "offender", "id = ?", [offender_id]))
    if not rows:
        raise NotFound(f"No offender with id {offender_id}.")
    return _offender(rows[0])


def find_offenders(db: Database, offender: Offender) -> list[Offender]:
    """Possible duplicates: same CRN, or same normalised name and date of birth."""
    rows = select_rows(
        db,
        "offender",
        "(crn IS NOT NULL AND crn = ?) OR (name_key = ? AND dob IS ?)",
        [offender.crn or None, normalise_name(offender.full_name), _iso(offender.dob)],
    )
    return [_offender(r) for r in rows]


def _sync_sort_keys(db: Database, fk: str, pk: int | None, column: str, person) -> None:
    """Keep the caseload's denormalised sort column and search index in step."""
    key = sort_key(person.family_name, person.given_name)
    db.execute(f"UPDATE link SET {column} = ? WHERE {fk} = ?", [key, pk])
    ids = [r[0] for r in db.execute(f"SELECT id FROM link WHERE {fk} = ?", [pk])]
    search_changed(db, ids)


# --- contact details ------------------------------------------------------------------


def _contact_row(c: ContactDetail) -> dict:
    row = asdict(c)
    row.pop("id")
    row["kind"] = c.kind.value
    for name in ("safe_to_use", "do_not_post", "safe_alternative"):
        row[name] = int(row[name])
    row["valid_from"] = _iso(c.valid_from)
    row["valid_to"] = _iso(c.valid_to)
    return row


def _contact(row: dict) -> ContactDetail:
    return ContactDetail(
        id=row["id"],
        victim_id=row["victim_id"],
        kind=row["kind"],
        value=row["value"],
        safe_to_use=bool(row["safe_to_use"]),
        do_not_post=bool(row["do_not_post"]),
        safe_alternative=bool(row["safe_alternative"]),
        valid_from=_date(row["valid_from"]),
        valid_to=_date(row["valid_to"]),
        note=row["note"],
    )


def insert_contact_detail(db: Database, detail: ContactDetail) -> int:
    detail_id = insert_row(db, "contact_detail", _contact_row(detail))
    refresh_search_for_victim(db, detail.victim_id)  # a phone or postcode finds the case
    return detail_id


def update_contact_detail(db: Database, detail: ContactDetail) -> None:
    update_row(db, "contact_detail", detail.id, _contact_row(detail))
    refresh_search_for_victim(db, detail.victim_id)


def contact_details(db: Database, victim_id: int) -> tuple[ContactDetail, ...]:
    rows = select_rows(db, "contact_detail", "victim_id = ?", [victim_id], order_by="kind, id")
    return tuple(_contact(r) for r in rows)


def get_contact_detail(db: Database, detail_id: int) -> ContactDetail:
    rows = list(select_rows(db, "contact_detail", "id = ?", [detail_id]))
    if not rows:
        raise NotFound(f"No contact detail with id {detail_id}.")
    return _contact(rows[0])


# --- link (case) ----------------------------------------------------------------------

_LINK_FIELDS = (
    "victim_id",
    "offender_id",
    "offence",
    "referrer",
    "eligibility_reason",
    "rules_version",
    "vlo",
    "om_name",
    "om_team",
)
_LINK_ENUMS = ("offence_category", "eligibility", "opt_state", "contact_level", "channel", "status")


def _link_row(link: Link) -> dict:
    row = {name: getattr(link, name) for name in _LINK_FIELDS}
    row.update({name: getattr(link, name).value for name in _LINK_ENUMS})
    row["referral_date"] = _iso(link.referral_date)
    row["sentence_date"] = _iso(link.sentence_date)
    row["updated_at"] = utc_now()
    return row


def _link(row: dict) -> Link:
    values = {name: row[name] for name in (*_LINK_FIELDS, *_LINK_ENUMS)}
    return Link(
        id=row["id"],
        ref=row["ref"],
        referral_date=date.fromisoformat(row["referral_date"]),
        sentence_date=_date(row["sentence_date"]),
        **values,
    )


def link_ref(link_id: int) -> str:
    return f"VCS-{link_id:06d}"


def insert_link(db: Database, link: Link) -> int:
    victim = get_victim(db, link.victim_id)
    offender = get_offender(db, link.offender_id)
    next_id = db.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM link").fetchone()[0]
    row = {
        **_link_row(link),
        "id": next_id,
        "ref": link_ref(next_id),
        "sort_victim": sort_key(victim.family_name, victim.given_name),
        "sort_offender": sort_key(offender.family_name, offender.given_name),
        "created_at": utc_now(),
    }
    insert_row(db, "link", row)
    search_changed(db, [next_id])
    return next_id


# What a report counts a case by; each change is kept with its date (case_history, 0024)
# so a period's figures are as they stood at its end.
HISTORY_FIELDS = ("status", "contact_level", "vlo", "om_team")
# Archiving deletes a case from every figure of every period, so it is not a dated change.
_ARCHIVED = "archived"


def update_link(db: Database, link: Link, *, on: date, who: str) -> None:
    """Save the case; a change of a HISTORY_FIELDS value is kept as happening `on`."""
    row = _link_row(link)
    old = db.execute(
        f"SELECT {', '.join(HISTORY_FIELDS)} FROM link WHERE id = ?", [link.id]
    ).fetchone()
    update_row(db, "link", link.id, row)
    search_changed(db, [link.id])  # its status, VLO and OM are searched and counted
    if old is not None:
        for field, before in zip(HISTORY_FIELDS, old, strict=True):
            record_change(db, link.id, field, before, row[field], on=on, who=who)


def record_change(
    db: Database, link_id: int, field: str, old: str, new: str, *, on: date, who: str
) -> None:
    """Keep one dated change of a HISTORY_FIELDS value (nothing when it did not change)."""
    if old == new or (field == "status" and _ARCHIVED in (old, new)):
        return
    insert_row(
        db,
        "case_history",
        {
            "link_id": link_id,
            "field": field,
            "old": old,
            "new": new,
            "on_date": on.isoformat(),
            "recorded_by": who,
            "recorded_at": utc_now(),
        },
    )


def get_link(db: Database, link_id: int) -> Link:
    rows = list(select_rows(db, "link", "id = ?", [link_id]))
    if not rows:
        raise NotFound(f"No case with id {link_id}.")
    return _link(rows[0])


def links_for_victim(db: Database, victim_id: int) -> list[int]:
    return [r[0] for r in db.execute("SELECT id FROM link WHERE victim_id = ?", [victim_id])]


def links_for_offender(db: Database, offender_id: int) -> list[int]:
    return [r[0] for r in db.execute("SELECT id FROM link WHERE offender_id = ?", [offender_id])]


# One row per case in each full-text table (migration 0029 says what each holds).
_NAME_VALUES = f"{SEARCH_NAMES}, {SEARCH_REFS}, {SEARCH_PEOPLE}, {SEARCH_CONTACT}"
_SEARCH_ROWS = {
    "case_names": (
        "INSERT INTO case_names (rowid, names, refs, people, contact, tags)"
        f" SELECT l.id, {_NAME_VALUES}, {SEARCH_TAGS}{SEARCH_FROM}"
    ),
    "case_search": (
        "INSERT INTO case_search (rowid, names, refs, people, contact, notes, tags)"
        f" SELECT l.id, {_NAME_VALUES}, {SEARCH_NOTES}, {SEARCH_TAGS}{SEARCH_FROM}"
    ),
}


def refresh_search(db: Database, link_ids: Iterable[int] | None = None) -> None:
    """Rebuild the full-text rows of these cases (all cases when None) from their tables:
    after any change to what a case is found by (names, references, guardian, person
    acted for, OM, phone numbers, postcodes, notes) or counted by (status, VLO)."""
    if link_ids is None:
        for table, insert in _SEARCH_ROWS.items():
            db.execute(f"DELETE FROM {table}")
            db.execute(insert)
            db.execute(f"INSERT INTO {table} ({table}) VALUES ('optimize')")
        return
    ids = json.dumps(sorted(set(link_ids)))
    for table, insert in _SEARCH_ROWS.items():
        db.execute(f"DELETE FROM {table} WHERE rowid IN (SELECT value FROM json_each(?))", [ids])
        db.execute(insert + " WHERE l.id IN (SELECT value FROM json_each(?))", [ids])


def search_changed(db: Database, link_ids: Iterable[int]) -> None:
    """These cases' search rows need rebuilding: done once for each, just before the use
    case's transaction commits (an import of 10,000 referrals, each with a case, contact
    details and a referral record, rebuilds 10,000 rows, not 50,000)."""
    if db.conn.in_transaction:
        _pending(db).update(link_ids)
    else:
        refresh_search(db, link_ids)


def _pending(db: Database) -> set[int]:
    pending = getattr(db, "search_pending", None)
    if pending is None:
        pending = db.search_pending = set()  # type: ignore[attr-defined]
    return pending


def _rebuild_pending(db: Database) -> None:
    pending = _pending(db)
    if pending:
        refresh_search(db, pending)
        pending.clear()


BEFORE_COMMIT.append(_rebuild_pending)
ON_ROLLBACK.append(lambda db: _pending(db).clear())


def refresh_search_for_victim(db: Database, victim_id: int) -> None:
    """After a change to a victim's contact details (phones, postcodes)."""
    search_changed(db, links_for_victim(db, victim_id))


def refresh_next_due(db: Database, link_id: int | None = None) -> None:
    """Recompute the denormalised earliest open task date (all cases when None)."""
    sql = (
        "UPDATE link SET next_due = (SELECT MIN(due_on) FROM task"
        " WHERE task.link_id = link.id AND done_on IS NULL)"
    )
    if link_id is None:
        db.execute(sql)
    else:
        db.execute(sql + " WHERE id = ?", [link_id])
