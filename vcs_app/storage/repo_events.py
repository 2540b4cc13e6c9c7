"""Things that happen on a case over time: key dates, tasks, contacts, opt changes.

(Liaison notes live in repo_om.py, beside the offender-manager requests they answer.)"""

from __future__ import annotations

from datetime import date

from sqlite_utils import Database

from vcs_app.domain.model import ContactEvent, KeyDate, NotFound, OptState, Task
from vcs_app.storage.db import utc_now
from vcs_app.storage.repo_cases import _date, _iso, refresh_next_due
from vcs_app.storage.rows import insert_row, select_rows, update_row

# --- key dates ------------------------------------------------------------------------


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


def current_key_date(db: Database, offender_id: int, kind: str, source: str) -> KeyDate | None:
    rows = list(
        select_rows(
            db,
            "key_date",
            "offender_id = ? AND kind = ? AND source = ? AND superseded_by IS NULL",
            [offender_id, kind, source],
        )
    )
    return _key_date(rows[0]) if rows else None


def insert_key_date(db: Database, key_date: KeyDate) -> int:
    """Record a date; an earlier current date of the same kind and source is superseded."""
    previous = current_key_date(db, key_date.offender_id, key_date.kind, key_date.source.value)
    new_id = insert_row(
        db,
        "key_date",
        {
            "offender_id": key_date.offender_id,
            "kind": key_date.kind,
            "value": _iso(key_date.value),
            "source": key_date.source.value,
            "received_on": _iso(key_date.received_on),
            "recorded_by": key_date.recorded_by,
            "recorded_at": utc_now(),
        },
    )
    if previous:
        update_row(db, "key_date", previous.id, {"superseded_by": new_id})
    return new_id


def key_dates_for_offender(db: Database, offender_id: int) -> tuple[KeyDate, ...]:
    """All key dates, current and superseded, newest first within each kind."""
    rows = select_rows(
        db,
        "key_date",
        "offender_id = ? AND withdrawn_at IS NULL",
        [offender_id],
        order_by="kind, id DESC",
    )
    return tuple(_key_date(r) for r in rows)


# --- tasks ----------------------------------------------------------------------------


def _task(r: dict) -> Task:
    return Task(
        id=r["id"],
        link_id=r["link_id"],
        rule=r["rule"],
        title=r["title"],
        due_on=date.fromisoformat(r["due_on"]),
        done_on=_date(r["done_on"]),
        source_ref=r["source_ref"],
        rule_text=r["rule_text"],
        outcome=r["outcome"] or "",
        outcome_note=r.get("outcome_note") or "",
    )


def insert_task(db: Database, task: Task, rules_version: str = "") -> int:
    task_id = insert_row(
        db,
        "task",
        {
            "link_id": task.link_id,
            "rule": task.rule,
            "title": task.title,
            "due_on": _iso(task.due_on),
            "done_on": _iso(task.done_on),
            "source_ref": task.source_ref,
            "rule_text": task.rule_text,
            "rules_version": rules_version,
            "outcome": "done" if task.done_on else None,
            "created_at": utc_now(),
        },
    )
    refresh_next_due(db, task.link_id)
    return task_id


def open_tasks(db: Database, link_id: int, rule: str, source_ref: str | None = None) -> list[Task]:
    """Open tasks of one rule on a case (of one cause, when `source_ref` is given)."""
    where = "link_id = ? AND rule = ? AND done_on IS NULL"
    params: list[object] = [link_id, rule]
    if source_ref is not None:
        where += " AND source_ref = ?"
        params.append(source_ref)
    return [_task(r) for r in select_rows(db, "task", where, params, order_by="id")]


def move_task(db: Database, task_id: int, due_on: date, rule_text: str) -> None:
    update_row(db, "task", task_id, {"due_on": _iso(due_on), "rule_text": rule_text})
    row = db.execute("SELECT link_id FROM task WHERE id = ?", [task_id]).fetchone()
    refresh_next_due(db, row[0])


def tasks_for_case(db: Database, link_id: int) -> tuple[Task, ...]:
    rows = select_rows(db, "task", "link_id = ?", [link_id], order_by="done_on IS NOT NULL, due_on")
    return tuple(_task(r) for r in rows)


# --- opt-in history -------------------------------------------------------------------


def insert_opt_change(
    db: Database, link_id: int, state: OptState, on: date, source: str, by: str
) -> int:
    return insert_row(
        db,
        "opt_history",
        {
            "link_id": link_id,
            "state": state.value,
            "on_date": _iso(on),
            "source": source,
            "recorded_by": by,
            "recorded_at": utc_now(),
        },
    )


def open_tasks_due(db: Database, until: date, vlo: str | None = None) -> list[dict]:
    """Open tasks due on or before `until`, oldest first, with what a list needs to show."""
    sql = (
        "SELECT t.id, t.link_id, l.ref, t.rule, t.title, t.due_on, l.vlo, t.rule_text,"
        " v.family_name || ', ' || v.given_name AS victim"
        " FROM task t JOIN link l ON l.id = t.link_id JOIN victim v ON v.id = l.victim_id"
        " WHERE t.done_on IS NULL AND t.due_on <= ? AND l.status = 'open'"
    )
    params: list[object] = [until.isoformat()]
    if vlo:
        sql += " AND l.vlo = ?"
        params.append(vlo)
    sql += " ORDER BY t.due_on, t.id"
    cursor = db.execute(sql, params)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def complete_task(
    db: Database, task_id: int, on: date, by: str, outcome: str = "done", note: str = ""
) -> int:
    """Close a task (done or cancelled, with what came of it); returns its case id."""
    row = db.execute("SELECT link_id FROM task WHERE id = ?", [task_id]).fetchone()
    if row is None:
        raise NotFound(f"No task with id {task_id}.")
    db.execute(
        "UPDATE task SET done_on = ?, done_by = ?, outcome = ?, outcome_note = ?"
        " WHERE id = ? AND done_on IS NULL",
        [on.isoformat(), by, outcome, note, task_id],
    )
    refresh_next_due(db, row[0])
    return row[0]


def get_task(db: Database, task_id: int) -> Task:
    rows = select_rows(db, "task", "id = ?", [task_id])
    if not rows:
        raise NotFound(f"No task with id {task_id}.")
    return _task(rows[0])


def reopen_task(db: Database, task_id: int) -> int:
    """Open a closed task again (undo of marking it done); returns its case id."""
    task = get_task(db, task_id)
    db.execute(
        "UPDATE task SET done_on = NULL, done_by = NULL, outcome = NULL, outcome_note = ''"
        " WHERE id = ?",
        [task_id],
    )
    refresh_next_due(db, task.link_id)
    return task.link_id


def contacts_for_case(db: Database, link_id: int) -> tuple[ContactEvent, ...]:
    rows = select_rows(
        db, "contact", "link_id = ?", [link_id], order_by="happened_on DESC, id DESC"
    )
    return tuple(
        ContactEvent(
            id=r["id"],
            link_id=r["link_id"],
            happened_on=date.fromisoformat(r["happened_on"]),
            kind=r["kind"],
            outcome=r["outcome"],
            summary=r["summary"],
            recorded_by=r["recorded_by"],
        )
        for r in rows
    )


def opt_history(db: Database, link_id: int) -> tuple[tuple[date, OptState, str, str], ...]:
    rows = db.execute(
        "SELECT on_date, state, source, recorded_by FROM opt_history WHERE link_id = ?"
        " ORDER BY on_date DESC, id DESC",
        [link_id],
    )
    return tuple((date.fromisoformat(r[0]), OptState(r[1]), r[2], r[3]) for r in rows)
