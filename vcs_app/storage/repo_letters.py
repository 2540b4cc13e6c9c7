"""The letter log, letter batches, kept template wording, and the case facts a letter
needs to be checked against (other victims, establishments, sentences, conditions)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date, datetime

from sqlite_utils import Database

from vcs_app.domain.model import LetterEvent, LetterRecord, LetterStatus, NotFound
from vcs_app.storage.db import utc_now
from vcs_app.storage.repo_cases import _date, _iso

# --- letters --------------------------------------------------------------------------


def insert_letter(
    db: Database,
    *,
    link_id: int,
    template: str,
    template_version: str,
    title: str,
    language: str,
    content_hash: str,
    status: LetterStatus,
    recipient: str,
    address_id: int | None,
    letter_date: date,
    context: str,
    created_by: str,
    batch_id: int | None = None,
    task_id: int | None = None,
) -> int:
    return (
        db["letter"]
        .insert(
            {
                "link_id": link_id,
                "template": template,
                "template_version": template_version,
                "title": title,
                "language": language,
                "content_hash": content_hash,
                "status": LetterStatus(status).value,
                "recipient": recipient,
                "address_id": address_id,
                "letter_date": _iso(letter_date),
                "context": context,
                "batch_id": batch_id,
                "task_id": task_id,
                "created_by": created_by,
                "created_at": utc_now(),
            }
        )
        .last_pk
    )


def add_event(
    db: Database,
    letter_id: int,
    event: str,
    *,
    who: str,
    content_hash: str,
    template_version: str,
    pdf_path: str | None = None,
    detail: dict | str = "",
) -> int:
    text = detail if isinstance(detail, str) else json.dumps(detail, ensure_ascii=False)
    return (
        db["letter_event"]
        .insert(
            {
                "letter_id": letter_id,
                "event": event,
                "at": utc_now(),
                "who": who,
                "content_hash": content_hash,
                "template_version": template_version,
                "pdf_path": pdf_path,
                "detail": text,
            }
        )
        .last_pk
    )


def set_status(
    db: Database, letter_id: int, status: LetterStatus, *, pdf_path: str | None = None
) -> None:
    values: dict[str, object] = {"status": LetterStatus(status).value}
    if pdf_path is not None:
        values["pdf_path"] = pdf_path
    db["letter"].update(letter_id, values)


def letter_row(db: Database, letter_id: int) -> dict:
    """The stored letter with its context JSON, as a plain row."""
    rows = list(db["letter"].rows_where("id = ?", [letter_id]))
    if not rows:
        raise NotFound(f"No letter with id {letter_id}.")
    return rows[0]


def _events(db: Database, letter_ids: Sequence[int]) -> dict[int, list[LetterEvent]]:
    found: dict[int, list[LetterEvent]] = {i: [] for i in letter_ids}
    cursor = db.execute(
        "SELECT letter_id, event, at, who, content_hash, pdf_path, detail FROM letter_event"
        " WHERE letter_id IN (SELECT value FROM json_each(?)) ORDER BY id",
        [json.dumps(list(letter_ids))],
    )
    for letter_id, event, at, who, content_hash, pdf_path, detail in cursor:
        found[letter_id].append(
            LetterEvent(
                event=event,
                at=datetime.fromisoformat(at),
                who=who,
                content_hash=content_hash,
                pdf_path=pdf_path or "",
                detail=detail,
            )
        )
    return found


def _record(row: dict, events: Iterable[LetterEvent], awaiting: str = "") -> LetterRecord:
    return LetterRecord(
        id=row["id"],
        link_id=row["link_id"],
        template=row["template"],
        title=row["title"],
        language=row["language"],
        status=LetterStatus(row["status"]),
        content_hash=row["content_hash"],
        template_version=row["template_version"],
        recipient=row["recipient"],
        letter_date=_date(row["letter_date"]),
        pdf_path=row["pdf_path"] or "",
        created_by=row["created_by"],
        created_at=datetime.fromisoformat(row["created_at"]),
        batch_id=row["batch_id"],
        task_id=row["task_id"],
        events=tuple(events),
        awaiting_printer=awaiting,
    )


def get_letter(db: Database, letter_id: int) -> LetterRecord:
    row = letter_row(db, letter_id)
    awaiting = _awaiting_printer(db, [letter_id])
    return _record(row, _events(db, [letter_id])[letter_id], awaiting.get(letter_id, ""))


def letters_for_case(db: Database, link_id: int) -> tuple[LetterRecord, ...]:
    rows = list(db["letter"].rows_where("link_id = ?", [link_id], order_by="id DESC"))
    ids = [r["id"] for r in rows]
    events, awaiting = _events(db, ids), _awaiting_printer(db, ids)
    return tuple(_record(r, events[r["id"]], awaiting.get(r["id"], "")) for r in rows)


# --- print jobs: what the print system said about each print ---------------------------


def _awaiting_printer(db: Database, letter_ids: Sequence[int]) -> dict[int, str]:
    """Letters whose sending print job has not finished: "printer (job N)"."""
    cursor = db.execute(
        "SELECT letter_id, printer, job_id FROM print_job WHERE settled_at IS NULL AND sends = 1"
        " AND letter_id IN (SELECT value FROM json_each(?)) ORDER BY id",
        [json.dumps(list(letter_ids))],
    )
    return {
        letter_id: printer + (f" (job {job_id})" if job_id is not None else "")
        for letter_id, printer, job_id in cursor
    }


def add_print_job(
    db: Database,
    letter_id: int,
    *,
    printer: str,
    job_id: int | None,
    state: str,
    sends: bool,
    on: date,
    who: str,
    settled: bool,
) -> int:
    now = utc_now()
    return (
        db["print_job"]
        .insert(
            {
                "letter_id": letter_id,
                "printer": printer,
                "job_id": job_id,
                "state": state,
                "sends": int(sends),
                "on_date": on.isoformat(),
                "submitted_by": who,
                "submitted_at": now,
                "settled_at": now if settled else None,
            }
        )
        .last_pk
    )


def unsettled_print_jobs(db: Database, letter_ids: Sequence[int] | None = None) -> list[dict]:
    """Print jobs whose end the print system has not told yet, oldest first."""
    sql = "SELECT * FROM print_job WHERE settled_at IS NULL"
    params: list[object] = []
    if letter_ids is not None:
        sql += " AND letter_id IN (SELECT value FROM json_each(?))"
        params.append(json.dumps(list(letter_ids)))
    cursor = db.execute(sql + " ORDER BY id", params)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def update_print_job(
    db: Database, print_job_id: int, *, state: str, settled: bool, sends: bool | None = None
) -> None:
    values: dict[str, object] = {"state": state}
    if settled:
        values["settled_at"] = utc_now()
    if sends is not None:
        values["sends"] = int(sends)
    db["print_job"].update(print_job_id, values)


def other_live_print_job(db: Database, letter_id: int, print_job_id: int) -> dict | None:
    """The oldest other print of the letter that has not failed (to send it instead)."""
    cursor = db.execute(
        "SELECT * FROM print_job WHERE letter_id = ? AND id != ?"
        " AND state NOT IN ('canceled', 'aborted', 'refused') ORDER BY id LIMIT 1",
        [letter_id, print_job_id],
    )
    row = cursor.fetchone()
    return None if row is None else dict(zip([c[0] for c in cursor.description], row, strict=True))


def printed_before(db: Database, letter_id: int) -> bool:
    """Whether the letter has been on paper already: a print that did not fail (or, for a
    letter printed before print jobs were kept, a "printed" step in its log)."""
    row = db.execute(
        "SELECT EXISTS (SELECT 1 FROM print_job WHERE letter_id = :id"
        "   AND state NOT IN ('canceled', 'aborted', 'refused'))"
        " OR (NOT EXISTS (SELECT 1 FROM print_job WHERE letter_id = :id)"
        "   AND EXISTS (SELECT 1 FROM letter_event WHERE letter_id = :id"
        "     AND event IN ('printed', 'reprinted')))",
        {"id": letter_id},
    ).fetchone()
    return bool(row[0])


def letter_ids(db: Database, *, status: LetterStatus, batch_id: int | None = None) -> list[int]:
    """Letters in one status (of one batch), oldest first: e.g. approved, not yet produced."""
    sql = "SELECT id FROM letter WHERE status = ?"
    params: list[object] = [LetterStatus(status).value]
    if batch_id is not None:
        sql += " AND batch_id = ?"
        params.append(batch_id)
    return [r[0] for r in db.execute(sql + " ORDER BY id", params)]


def status_counts(db: Database, batch_id: int) -> dict[str, int]:
    return dict(
        db.execute(
            "SELECT status, COUNT(*) FROM letter WHERE batch_id = ? GROUP BY status", [batch_id]
        ).fetchall()
    )


def path_used_by_other(db: Database, path: str, letter_id: int) -> bool:
    """Whether another logged letter's kept PDF is at `path` (so it must not be overwritten)."""
    row = db.execute(
        "SELECT 1 FROM letter WHERE pdf_path = ? AND id != ? LIMIT 1", [path, letter_id]
    ).fetchone()
    return row is not None


def last_letter_date(db: Database, link_id: int, templates: Sequence[str]) -> date | None:
    """The date of the latest letter of these kinds that went out (printed or returned)."""
    row = db.execute(
        "SELECT MAX(letter_date) FROM letter WHERE link_id = ? AND status IN"
        " ('printed', 'returned') AND template IN (SELECT value FROM json_each(?))",
        [link_id, json.dumps(list(templates))],
    ).fetchone()
    return _date(row[0]) if row and row[0] else None


# --- batches --------------------------------------------------------------------------


def insert_batch(
    db: Database, *, template: str, on: date, letters: int, blocked: list, created_by: str
) -> int:
    return (
        db["letter_batch"]
        .insert(
            {
                "template": template,
                "on_date": _iso(on),
                "letters": letters,
                "blocked": len(blocked),
                "blocked_detail": json.dumps(blocked, ensure_ascii=False),
                "created_by": created_by,
                "created_at": utc_now(),
            }
        )
        .last_pk
    )


def batch_row(db: Database, batch_id: int) -> dict:
    rows = list(db["letter_batch"].rows_where("id = ?", [batch_id]))
    if not rows:
        raise NotFound(f"No letter batch with id {batch_id}.")
    return rows[0]


# --- template wording -----------------------------------------------------------------


def save_template(
    db: Database,
    *,
    template: str,
    language: str,
    version: str,
    base_source: str,
    body_source: str,
    origin: str,
    who: str,
    note: str = "",
    pending: bool = False,
) -> bool:
    """Keep this wording under its version (`pending` a second senior's approval); False
    if that version was already kept."""
    cursor = db.execute(
        "INSERT OR IGNORE INTO letter_template (template, language, version, base_source,"
        " body_source, origin, note, saved_by, saved_at, status)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            template,
            language,
            version,
            base_source,
            body_source,
            origin,
            note,
            who,
            utc_now(),
            "pending" if pending else "approved",
        ],
    )
    return cursor.rowcount == 1


def approve_template(db: Database, template_id: int, who: str) -> None:
    db.execute(
        "UPDATE letter_template SET status = 'approved', approved_by = ?, approved_at = ?"
        " WHERE id = ? AND status = 'pending'",
        [who, utc_now(), template_id],
    )


def template_row(db: Database, template: str, language: str, version: str) -> dict | None:
    rows = list(
        db["letter_template"].rows_where(
            "template = ? AND language = ? AND version = ?", [template, language, version]
        )
    )
    return rows[0] if rows else None


def template_versions(db: Database, template: str, language: str) -> list[dict]:
    """Every kept version of one letter's wording, newest first (without the sources)."""
    cursor = db.execute(
        "SELECT t.id, t.version, t.origin, t.note, t.saved_by, t.saved_at, t.status,"
        " t.approved_by,"
        " (SELECT COUNT(*) FROM letter l WHERE l.template = t.template"
        "  AND l.language = t.language AND l.template_version = t.version) AS letters"
        " FROM letter_template t WHERE t.template = ? AND t.language = ? ORDER BY t.id DESC",
        [template, language],
    )
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


# --- what a letter is checked against -------------------------------------------------


def other_victims(
    db: Database, offender_id: int, victim_id: int
) -> list[tuple[str, tuple[str, ...]]]:
    """Every other victim of this offender: name and contact values (never to be shown)."""
    found: dict[int, tuple[str, list[str]]] = {}
    cursor = db.execute(
        "SELECT v.id, v.given_name || ' ' || v.family_name, c.value FROM link l"
        " JOIN victim v ON v.id = l.victim_id"
        " LEFT JOIN contact_detail c ON c.victim_id = v.id"
        " WHERE l.offender_id = ? AND v.id != ? ORDER BY v.id, c.id",
        [offender_id, victim_id],
    )
    for vid, name, value in cursor:
        entry = found.setdefault(vid, (name, []))
        if value:
            entry[1].append(value)
    return [(name, tuple(values)) for name, values in found.values()]


def establishments_for_victim(db: Database, victim_id: int) -> list[str]:
    """Where every offender linked to this victim is held: never named in their letters."""
    return [
        r[0]
        for r in db.execute(
            "SELECT DISTINCT o.establishment FROM link l JOIN offender o ON o.id = l.offender_id"
            " WHERE l.victim_id = ? AND o.establishment != ''",
            [victim_id],
        )
    ]


def latest_sentence(db: Database, offender_id: int) -> dict | None:
    cursor = db.execute(
        "SELECT type, length_months, length_weeks, length_days, custodial_months, tariff_months"
        " FROM sentence WHERE offender_id = ? AND superseded_by IS NULL"
        " ORDER BY sentence_date DESC, id DESC LIMIT 1",
        [offender_id],
    )
    row = cursor.fetchone()
    if row is None:
        return None
    return dict(zip([c[0] for c in cursor.description], row, strict=True))


def condition_requests(db: Database, link_id: int) -> list[dict]:
    """The victim's licence-condition requests with their decisions, oldest first."""
    cursor = db.execute(
        "SELECT id, kind, field_values, wording, licence_wording, decision, decision_reason"
        " FROM condition_request WHERE link_id = ? ORDER BY id",
        [link_id],
    )
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def due_letter_tasks(db: Database, until: date, rules: Sequence[str]) -> list[dict]:
    """Open tasks on open cases, due by `until`, whose rule is answered by a letter and
    that no letter has been logged for yet (a withdrawn letter does not count)."""
    cursor = db.execute(
        "SELECT t.id AS task_id, t.link_id, t.rule, t.due_on FROM task t"
        " JOIN link l ON l.id = t.link_id"
        " WHERE t.done_on IS NULL AND t.due_on <= ? AND l.status = 'open'"
        " AND t.rule IN (SELECT value FROM json_each(?))"
        " AND NOT EXISTS (SELECT 1 FROM letter x WHERE x.task_id = t.id"
        "  AND x.status != 'withdrawn')"
        " ORDER BY t.due_on, t.id",
        [until.isoformat(), json.dumps(list(rules))],
    )
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def open_letter_task(db: Database, link_id: int, rules: Sequence[str]) -> int | None:
    """The case's oldest open task that a letter of these rules answers and no letter has
    been logged for yet (a withdrawn letter does not count), if any."""
    row = db.execute(
        "SELECT t.id FROM task t WHERE t.link_id = ? AND t.done_on IS NULL"
        " AND t.rule IN (SELECT value FROM json_each(?))"
        " AND NOT EXISTS (SELECT 1 FROM letter x WHERE x.task_id = t.id"
        "  AND x.status != 'withdrawn')"
        " ORDER BY t.due_on, t.id LIMIT 1",
        [link_id, json.dumps(list(rules))],
    ).fetchone()
    return row[0] if row else None


def letters_sent(db: Database, link_id: int, template: str, *, other_than: int) -> int:
    """How many letters of this kind a case has sent (printed or saved), besides one."""
    return db.execute(
        "SELECT COUNT(*) FROM letter WHERE link_id = ? AND template = ? AND id != ?"
        " AND status IN ('printed', 'returned')",
        [link_id, template, other_than],
    ).fetchone()[0]


def log_letter_contact(db: Database, link_id: int, on: date, summary: str, who: str) -> int:
    """A letter that went out is a contact with the victim (the case's contact log)."""
    return (
        db["contact"]
        .insert(
            {
                "link_id": link_id,
                "happened_on": _iso(on),
                "kind": "letter",
                "outcome": "sent",
                "summary": summary,
                "recorded_by": who,
                "recorded_at": utc_now(),
            }
        )
        .last_pk
    )


def task_key_date(db: Database, task_id: int) -> tuple[str, date] | None:
    """The key date a task was made for (its source is "key_date:<id>"), if any."""
    # The id is read out of the reference, so the date is found by its key: a join on
    # 'key_date:' || k.id read every key date for every letter (155 ms at a million).
    row = db.execute(
        "SELECT k.kind, k.value FROM task t JOIN key_date k"
        " ON k.id = CAST(substr(t.source_ref, 10) AS INTEGER)"
        " WHERE t.id = ? AND t.source_ref LIKE 'key_date:%'",
        [task_id],
    ).fetchone()
    return (row[0], date.fromisoformat(row[1])) if row else None
