"""Sentences (with history), key-date provenance, sentence events and date batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from sqlite_utils import Database

from vcs_app.domain.model import KeyDate, ValidationError
from vcs_app.domain.sentence import OfficialDate, Sentence, SentenceEvent
from vcs_app.domain.sentence_dates import SentenceFile
from vcs_app.storage.db import utc_now
from vcs_app.storage.repo_cases import _date, _iso

CHUNK = 500  # ids per IN (...) list: well under SQLite's variable limit

# --- sentences ------------------------------------------------------------------------


def _sentence_row(s: Sentence) -> dict:
    return {
        "offender_id": s.offender_id,
        "type": s.type.value,
        "offence_class": s.offence_class.value,
        "length_months": s.length_months,
        "custodial_months": s.custodial_months,
        "extension_months": s.extension_months,
        "tariff_months": s.tariff_months,
        "remand_days": s.remand_days,
        "sentence_date": _iso(s.sentence_date),
        "offence_date": _iso(s.offence_date),
        "length_weeks": s.length_weeks,
        "length_days": s.length_days,
        "fine_amount": s.fine_amount,
        "progression_excluded": int(s.progression_excluded),
        "court": s.court,
        "offences": s.offences,
        "recorded_by": s.recorded_by,
    }


def _whole(value: float | int | None) -> int | None:
    return None if value is None else int(value)


def _sentence(r: dict) -> Sentence:
    """A stored sentence; raises ValidationError if the stored values are incomplete."""
    values = {
        "id": r["id"],
        "offender_id": r["offender_id"],
        "type": r["type"],
        "offence_class": r["offence_class"],
        "sentence_date": date.fromisoformat(r["sentence_date"]),
        "offence_date": _date(r["offence_date"]),
        "length_weeks": r["length_weeks"],
        "length_days": r["length_days"],
        "fine_amount": r["fine_amount"],
        "progression_excluded": bool(r["progression_excluded"]),
        "length_months": _whole(r["length_months"]),
        "custodial_months": _whole(r["custodial_months"]),
        "extension_months": _whole(r["extension_months"]),
        "tariff_months": _whole(r["tariff_months"]),
        "remand_days": r["remand_days"],
        "court": r["court"],
        "offences": r["offences"],
        "recorded_by": r["recorded_by"],
        "superseded_by": r["superseded_by"],
    }
    if values["type"] in ("EDS", "SOPC") and values["custodial_months"]:
        values["length_months"] = None  # recomputed from the custodial term and extension
    return Sentence(**values)


def current_sentence_row(db: Database, offender_id: int) -> dict | None:
    rows = list(
        db["sentence"].rows_where(
            "offender_id = ? AND superseded_by IS NULL", [offender_id], order_by="id DESC"
        )
    )
    return rows[0] if rows else None


def insert_sentence(db: Database, sentence: Sentence) -> tuple[int, int | None]:
    """Record a sentence; the offender's current one is superseded. Returns (new, old) ids."""
    previous = current_sentence_row(db, sentence.offender_id)
    row = {**_sentence_row(sentence), "recorded_at": utc_now()}
    new_id = db["sentence"].insert(row).last_pk
    if previous:
        db["sentence"].update(previous["id"], {"superseded_by": new_id})
    return new_id, previous["id"] if previous else None


def describe_stored_sentence(db: Database, sentence_id: int | None) -> str:
    """A stored sentence in words, for the audit trail (even an incomplete old record)."""
    if sentence_id is None:
        return ""
    row = db["sentence"].get(sentence_id)
    try:
        return _sentence(row).describe()
    except ValidationError:
        return f"{row['type']} passed {row['sentence_date']} (incomplete record)"


# --- official dates with provenance ---------------------------------------------------


def set_key_date_origin(
    db: Database, key_date_id: int, origin: str, batch_id: int | None = None
) -> None:
    db["key_date"].update(key_date_id, {"origin": origin, "batch_id": batch_id})


def _key_date(r: dict) -> KeyDate:
    return KeyDate(
        id=r["id"],
        offender_id=r["offender_id"],
        kind=r["kind"],
        value=date.fromisoformat(r["value"]),
        source=r["source"],
        received_on=_date(r["received_on"]),
        recorded_by=r["recorded_by"],
        superseded_by=r["superseded_by"],
    )


def official_dates(db: Database, offender_id: int) -> tuple[OfficialDate, ...]:
    """Every official date (current and superseded), newest first within each kind."""
    rows = db["key_date"].rows_where(
        "offender_id = ? AND source = 'official' AND withdrawn_at IS NULL",
        [offender_id],
        order_by="kind, id DESC",
    )
    return tuple(OfficialDate(_key_date(r), r["origin"], r["batch_id"]) for r in rows)


def _chunks(values: Iterable[int]) -> Iterator[list[int]]:
    ids = sorted(set(values))
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def current_official_dates(
    db: Database, offender_ids: Iterable[int]
) -> dict[tuple[int, str], KeyDate]:
    """(offender id, kind) -> the current official date, for many offenders at once."""
    found: dict[tuple[int, str], KeyDate] = {}
    for chunk in _chunks(offender_ids):
        marks = ", ".join("?" * len(chunk))
        rows = db.query(
            f"SELECT * FROM key_date WHERE offender_id IN ({marks})"
            " AND source = 'official' AND superseded_by IS NULL ORDER BY id",
            chunk,
        )
        for r in rows:
            found[(r["offender_id"], r["kind"])] = _key_date(r)
    return found


# --- events ---------------------------------------------------------------------------


def insert_event(db: Database, event: SentenceEvent) -> int:
    return (
        db["sentence_event"]
        .insert(
            {
                "offender_id": event.offender_id,
                "kind": event.kind.value,
                "event_on": _iso(event.event_on),
                "notified_on": _iso(event.notified_on),
                "detail": event.detail,
                "recorded_by": event.recorded_by,
                "recorded_at": utc_now(),
            }
        )
        .last_pk
    )


def events_for_offender(db: Database, offender_id: int) -> tuple[SentenceEvent, ...]:
    rows = db["sentence_event"].rows_where(
        "offender_id = ?", [offender_id], order_by="event_on, id"
    )
    return tuple(
        SentenceEvent(
            id=r["id"],
            offender_id=r["offender_id"],
            kind=r["kind"],
            event_on=date.fromisoformat(r["event_on"]),
            notified_on=date.fromisoformat(r["notified_on"]),
            detail=r["detail"],
            recorded_by=r["recorded_by"],
        )
        for r in rows
    )


# --- the bundle the case view shows ---------------------------------------------------


def sentence_file(db: Database, offender_id: int) -> SentenceFile:
    """Sentence (and earlier ones), official dates with history, events, estimates."""
    rows = list(db["sentence"].rows_where("offender_id = ?", [offender_id], order_by="id DESC"))
    current, problem, previous = None, "", []
    for r in rows:
        try:
            sentence = _sentence(r)
        except ValidationError as exc:
            if r["superseded_by"] is None:
                problem = (
                    f"The recorded {r['type']} sentence is incomplete ({exc}) Record the"
                    " sentence again to see estimates."
                )
            continue
        if r["superseded_by"] is None:
            current = sentence
        else:
            previous.append(sentence)
    dob = db.execute("SELECT dob FROM offender WHERE id = ?", [offender_id]).fetchone()
    return SentenceFile.build(
        current,
        official_dates(db, offender_id),
        events_for_offender(db, offender_id),
        sentence_problem=problem,
        previous_sentences=tuple(previous),
        offender_dob=_date(dob[0]) if dob else None,
    )


# --- who is linked, for alerts and the bulk review ------------------------------------


def cases_of_offenders(db: Database, offender_ids: Iterable[int]) -> list[dict]:
    """Every case (any status) of these offenders, with what the alert rules need."""
    found: list[dict] = []
    for chunk in _chunks(offender_ids):
        marks = ", ".join("?" * len(chunk))
        found.extend(
            db.query(
                "SELECT l.id AS link_id, l.ref, l.offender_id, l.opt_state, l.contact_level,"
                " l.status, l.vlo, v.given_name || ' ' || v.family_name AS victim"
                f" FROM link l JOIN victim v ON v.id = l.victim_id WHERE l.offender_id IN ({marks})"
                " ORDER BY l.offender_id, l.id",
                chunk,
            )
        )
    return found


def offenders_by_reference(
    db: Database, crns: Iterable[str], nomis: Iterable[str]
) -> tuple[dict[str, dict], dict[str, dict]]:
    """Offenders found by CRN and by prison number: ({crn: row}, {nomis: row})."""
    out: list[dict[str, dict]] = []
    for column, values in (("crn", crns), ("nomis", nomis)):
        wanted = sorted({v for v in values if v})
        found: dict[str, dict] = {}
        for start in range(0, len(wanted), CHUNK):
            chunk = wanted[start : start + CHUNK]
            marks = ", ".join("?" * len(chunk))
            for r in db.query(
                f"SELECT id, crn, nomis, given_name || ' ' || family_name AS name FROM offender"
                f" WHERE {column} IN ({marks})",
                chunk,
            ):
                found[r[column]] = r
        out.append(found)
    return out[0], out[1]


def open_case_count(db: Database) -> int:
    return db.execute("SELECT COUNT(*) FROM link WHERE status = 'open'").fetchone()[0]


def insert_date_batch(
    db: Database,
    *,
    file_name: str,
    content_hash: str,
    row_count: int,
    changes: int,
    cases: int,
    open_cases: int,
    tasks: int,
    second_confirmation: bool,
    by: str,
) -> int:
    return (
        db["date_batch"]
        .insert(
            {
                "file_name": file_name,
                "content_hash": content_hash,
                "row_count": row_count,
                "changes": changes,
                "cases": cases,
                "open_cases": open_cases,
                "tasks": tasks,
                "second_confirmation": int(second_confirmation),
                "created_by": by,
                "created_at": utc_now(),
            }
        )
        .last_pk
    )


def set_batch_tasks(db: Database, batch_id: int, tasks: int) -> None:
    db["date_batch"].update(batch_id, {"tasks": tasks})
