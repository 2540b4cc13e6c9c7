"""Referral intake: what a referral said, possible duplicates of people, follow-up contacts."""

from __future__ import annotations

import json

from sqlite_utils import Database

from vcs_app.domain.model import (
    ContactEvent,
    Offender,
    ReferralRecord,
    SentenceType,
    Victim,
    normalise_name,
)
from vcs_app.storage.db import utc_now
from vcs_app.storage.repo_cases import _iso, _offender, _victim, search_changed

# --- the referral beside its case -----------------------------------------------------


def save_referral_record(db: Database, record: ReferralRecord) -> None:
    """Insert or replace the referral details of one case."""
    db.execute(
        "INSERT OR REPLACE INTO referral (link_id, sentence_type, custody_months,"
        " serious_risk_agreed, eligibility_overridden, acting_for, relationship, source)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            record.link_id,
            record.sentence_type.value if record.sentence_type else None,
            record.custody_months,
            int(record.serious_risk_agreed),
            int(record.eligibility_overridden),
            record.acting_for,
            record.relationship,
            record.source,
        ],
    )
    search_changed(db, [record.link_id])  # the person acted for finds the case


def referral_record(db: Database, link_id: int) -> ReferralRecord | None:
    row = db.execute(
        "SELECT sentence_type, custody_months, serious_risk_agreed, eligibility_overridden,"
        " acting_for, relationship, source FROM referral WHERE link_id = ?",
        [link_id],
    ).fetchone()
    if row is None:
        return None
    return ReferralRecord(
        link_id=link_id,
        sentence_type=SentenceType(row[0]) if row[0] else None,
        custody_months=row[1],
        serious_risk_agreed=bool(row[2]),
        eligibility_overridden=bool(row[3]),
        acting_for=row[4],
        relationship=row[5],
        source=row[6],
    )


def add_sentence_if_none(
    db: Database,
    offender_id: int,
    *,
    sentence_type: str,
    custody_months: float | None,
    sentence_date: str,
    offence_class: str,
    recorded_by: str,
) -> int | None:
    """Record the referral's sentence when the offender has none on file yet (else None)."""
    if db.execute("SELECT 1 FROM sentence WHERE offender_id = ?", [offender_id]).fetchone():
        return None
    cursor = db.execute(
        "INSERT INTO sentence (offender_id, type, length_months, custodial_months,"
        " sentence_date, offence_class, recorded_by, recorded_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            offender_id,
            sentence_type,
            custody_months,
            custody_months,
            sentence_date,
            offence_class,
            recorded_by,
            utc_now(),
        ],
    )
    return cursor.lastrowid


# --- possible duplicates --------------------------------------------------------------


_VICTIM_COLUMNS = (
    "id, given_name, family_name, dob, role, language, accessibility, phone_first, guardian_name"
)
_OFFENDER_COLUMNS = "id, given_name, family_name, dob, crn, nomis, establishment"


def _rows(db: Database, sql: str, params: list[object]) -> list[dict]:
    cursor = db.execute(sql, params)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def victims_like(db: Database, victim: Victim) -> list[tuple[Victim, str]]:
    """Victims with the same normalised name and date of birth (or no date to compare)."""
    rows = _rows(
        db,
        f"SELECT {_VICTIM_COLUMNS} FROM victim WHERE name_key = ? AND archived = 0 ORDER BY id",
        [normalise_name(victim.full_name)],
    )
    found = []
    for row in rows:
        if victim.dob is None or row["dob"] is None:
            found.append((_victim(row), "same name; date of birth not known on both"))
        elif row["dob"] == victim.dob.isoformat():
            found.append((_victim(row), "same name and date of birth"))
    return found


def offenders_like(db: Database, offender: Offender) -> list[tuple[Offender, str, bool]]:
    """Offenders with the same CRN or prison number (the same person: True), or with the
    same normalised name and date of birth (possibly the same: False)."""
    found: dict[int, tuple[Offender, str, bool]] = {}
    select = f"SELECT {_OFFENDER_COLUMNS} FROM offender WHERE "
    for column, value, what in (
        ("crn", offender.crn, "same CRN"),
        ("nomis", offender.nomis, "same prison number"),
    ):
        if value:
            for row in _rows(db, select + f"{column} = ? ORDER BY id", [value]):
                found.setdefault(row["id"], (_offender(row), what, True))
    if offender.dob is not None:
        for row in _rows(
            db,
            select + "name_key = ? AND dob = ? AND archived = 0 ORDER BY id",
            [normalise_name(offender.full_name), _iso(offender.dob)],
        ):
            found.setdefault(row["id"], (_offender(row), "same name and date of birth", False))
    return list(found.values())


def link_between(db: Database, victim_id: int, offender_id: int) -> tuple[int, str] | None:
    """The case (id, reference) already joining this victim and offender, if any."""
    row = db.execute(
        "SELECT id, ref FROM link WHERE victim_id = ? AND offender_id = ?",
        [victim_id, offender_id],
    ).fetchone()
    return (row[0], row[1]) if row else None


def open_links_for_victim(db: Database, victim_id: int) -> list[int]:
    return [
        r[0]
        for r in db.execute(
            "SELECT id FROM link WHERE victim_id = ? AND status = 'open' ORDER BY id", [victim_id]
        )
    ]


# --- contacts with the victim ---------------------------------------------------------


def insert_contact_event(db: Database, event: ContactEvent) -> int:
    cursor = db.execute(
        "INSERT INTO contact (link_id, happened_on, kind, outcome, summary, recorded_by,"
        " recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            event.link_id,
            event.happened_on.isoformat(),
            event.kind,
            event.outcome,
            event.summary,
            event.recorded_by,
            utc_now(),
        ],
    )
    return cursor.lastrowid


def offenders_linked_by_name(
    db: Database, victim_ids: list[int], offender: Offender
) -> list[Offender]:
    """Offenders with the same normalised name already linked to one of these victims."""
    rows = _rows(
        db,
        f"SELECT DISTINCT {', '.join('o.' + c.strip() for c in _OFFENDER_COLUMNS.split(','))}"
        " FROM offender o JOIN link l ON l.offender_id = o.id"
        " WHERE o.name_key = ? AND o.archived = 0"
        " AND l.victim_id IN (SELECT value FROM json_each(?)) ORDER BY o.id",
        [normalise_name(offender.full_name), json.dumps(victim_ids)],
    )
    return [_offender(row) for row in rows]
