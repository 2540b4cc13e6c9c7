"""Licence-condition requests, the dated steps of each, and what the statistics read."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from sqlite_utils import Database

from vcs_app.domain.conditions import (
    DOCUMENT_CHASE,
    ConditionOutcome,
    ConditionRequest,
    ConditionStepRecord,
    Step,
    requests_chased_by,
)
from vcs_app.domain.model import NotFound
from vcs_app.storage.db import utc_now
from vcs_app.storage.repo_cases import _date, _iso

# Columns a use case may change after the request is made (a whitelist: names below are
# put into SQL, values always go in as parameters).
_UPDATABLE = frozenset(
    {
        "status",
        "sent_to_om_on",
        "om_name",
        "om_team",
        "acknowledged_on",
        "decision",
        "decision_on",
        "decision_reason",
        "licence_wording",
        "victim_informed_on",
        "varied_on",
        "ended_on",
    }
)
_COLUMNS = (
    "id, link_id, kind, wording, reason, risk, status, requested_on, sent_to_om_on,"
    " acknowledged_on, decision, decision_on, decision_reason, victim_informed_on, ended_on,"
    " recorded_by, field_values, map_path, om_name, om_team, licence_wording, varied_on"
)


def insert_condition(db: Database, request: ConditionRequest) -> int:
    return (
        db["condition_request"]
        .insert(
            {
                "link_id": request.link_id,
                "kind": request.kind,
                "wording": request.wording,
                "reason": request.reason,
                "risk": request.risk,
                "status": request.status.value,
                "requested_on": _iso(request.requested_on),
                "field_values": json.dumps(dict(request.values), ensure_ascii=False),
                "map_path": request.map_path,
                "recorded_by": request.recorded_by,
            }
        )
        .last_pk
    )


def update_condition(db: Database, request_id: int, changes: dict[str, object]) -> None:
    unknown = set(changes) - _UPDATABLE
    if unknown:
        raise ValueError(f"not updatable: {sorted(unknown)}")
    row = {k: (_iso(v) if isinstance(v, date) else v) for k, v in changes.items()}
    db["condition_request"].update(request_id, row)


def insert_step(
    db: Database, request_id: int, link_id: int, step: Step, on: date, note: str, by: str
) -> int:
    return (
        db["condition_event"]
        .insert(
            {
                "condition_request_id": request_id,
                "link_id": link_id,
                "step": step.value,
                "on_date": _iso(on),
                "note": note,
                "recorded_by": by,
                "recorded_at": utc_now(),
            }
        )
        .last_pk
    )


def _request(row: Sequence, steps: tuple, chases: int, chase_due: date | None) -> ConditionRequest:
    (
        rid,
        link_id,
        kind,
        wording,
        reason,
        risk,
        status,
        requested_on,
        sent_on,
        acknowledged_on,
        decision,
        decision_on,
        decision_reason,
        informed_on,
        ended_on,
        recorded_by,
        field_values,
        map_path,
        om_name,
        om_team,
        licence_wording,
        varied_on,
    ) = row
    return ConditionRequest(
        id=rid,
        link_id=link_id,
        kind=kind,
        wording=wording,
        reason=reason,
        risk=risk,
        status=status,
        requested_on=date.fromisoformat(requested_on),
        sent_to_om_on=_date(sent_on),
        acknowledged_on=_date(acknowledged_on),
        decision=decision,
        decision_on=_date(decision_on),
        decision_reason=decision_reason,
        victim_informed_on=_date(informed_on),
        ended_on=_date(ended_on),
        recorded_by=recorded_by,
        values=tuple(json.loads(field_values or "{}").items()),
        map_path=map_path,
        om_name=om_name,
        om_team=om_team,
        licence_wording=licence_wording,
        varied_on=_date(varied_on),
        steps=steps,
        chases=chases,
        chase_due=chase_due,
    )


def _requests(db: Database, where: str, params: list[object]) -> tuple[ConditionRequest, ...]:
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM condition_request WHERE {where}"
        " ORDER BY requested_on DESC, id DESC",
        params,
    ).fetchall()
    if not rows:
        return ()
    ids = [r[0] for r in rows]
    marks = ", ".join("?" for _ in ids)
    steps: dict[int, list[ConditionStepRecord]] = defaultdict(list)
    for rid, eid, step, on, note, by in db.execute(
        "SELECT condition_request_id, id, step, on_date, note, recorded_by FROM condition_event"
        f" WHERE condition_request_id IN ({marks}) ORDER BY on_date, id",
        ids,
    ):
        steps[rid].append(ConditionStepRecord(Step(step), date.fromisoformat(on), by, note, eid))
    chases = dict(
        db.execute(
            "SELECT condition_request_id, COUNT(*) FROM liaison_entry"
            f" WHERE condition_request_id IN ({marks}) AND is_chase = 1"
            " GROUP BY condition_request_id",
            ids,
        ).fetchall()
    )
    due: dict[int, date] = {}
    refs = [f"condition:{i}" for i in ids]
    for ref, due_on in db.execute(
        "SELECT source_ref, due_on FROM task WHERE rule = 'om_chase' AND done_on IS NULL"
        f" AND (source_ref IN ({marks}) OR source_ref LIKE ?)"
        f" AND link_id IN (SELECT link_id FROM condition_request WHERE id IN ({marks}))",
        [*refs, DOCUMENT_CHASE + "%", *ids],
    ):
        for rid in requests_chased_by(ref):  # a document's chase covers each request in it
            day = date.fromisoformat(due_on)
            if rid in ids and (rid not in due or day < due[rid]):
                due[rid] = day
    return tuple(_request(r, tuple(steps[r[0]]), chases.get(r[0], 0), due.get(r[0])) for r in rows)


def get_condition(db: Database, request_id: int) -> ConditionRequest:
    found = _requests(db, "id = ?", [request_id])
    if not found:
        raise NotFound(f"No licence condition request with id {request_id}.")
    return found[0]


def conditions_for_case(db: Database, link_id: int) -> tuple[ConditionRequest, ...]:
    return _requests(db, "link_id = ?", [link_id])


def outcomes(db: Database, start: date | None, end: date | None) -> list[ConditionOutcome]:
    """One record per request made between `start` and `end` (inclusive) on any case."""
    where, params = ["1"], []
    if start is not None:
        where.append("cr.requested_on >= ?")
        params.append(start.isoformat())
    if end is not None:
        where.append("cr.requested_on <= ?")
        params.append(end.isoformat())
    sql = (
        "SELECT cr.requested_on, cr.om_team, cr.decision, cr.decision_on, COALESCE(ch.n, 0)"
        " FROM condition_request cr LEFT JOIN (SELECT condition_request_id AS rid,"
        "  COUNT(*) AS n FROM liaison_entry WHERE is_chase = 1"
        "  AND condition_request_id IS NOT NULL GROUP BY condition_request_id) ch"
        f" ON ch.rid = cr.id WHERE {' AND '.join(where)}"
    )
    return [
        ConditionOutcome(
            requested_on=date.fromisoformat(requested),
            team=team,
            decision=decision,
            decision_on=_date(decided),
            chases=chases,
        )
        for requested, team, decision, decided, chases in db.execute(sql, params)
    ]


# --- undo of a step -------------------------------------------------------------------


def last_step(db: Database, request_id: int) -> ConditionStepRecord | None:
    """The step recorded last (by when it was saved, not by its date)."""
    row = db.execute(
        "SELECT id, step, on_date, note, recorded_by FROM condition_event"
        " WHERE condition_request_id = ? ORDER BY id DESC LIMIT 1",
        [request_id],
    ).fetchone()
    if row is None:
        return None
    eid, step, on, note, by = row
    return ConditionStepRecord(Step(step), date.fromisoformat(on), by, note, eid)


def delete_step(db: Database, event_id: int) -> None:
    """Remove an undone step from the request's timeline (the audit keeps its record)."""
    db.execute("DELETE FROM condition_event WHERE id = ?", [event_id])


def last_change(db: Database, request_id: int) -> tuple[int, str, dict]:
    """The newest audit row that changed the request (a step or an undo): its id, action
    and detail, which holds each changed column as [old, new]."""
    row = db.execute(
        "SELECT id, action, detail FROM audit WHERE entity = 'condition_request'"
        " AND entity_id = ? AND (action = 'update' OR action = 'undo')"
        " ORDER BY id DESC LIMIT 1",
        [request_id],
    ).fetchone()
    if row is None:
        return 0, "", {}
    return row[0], row[1], json.loads(row[2] or "{}")


def last_note(db: Database, request_id: int) -> tuple[int, str, str, date] | None:
    """The request's newest liaison note still in the log: id, direction, party, date."""
    row = db.execute(
        "SELECT id, direction, party, happened_on FROM liaison_entry"
        " WHERE condition_request_id = ? AND withdrawn_at IS NULL ORDER BY id DESC LIMIT 1",
        [request_id],
    ).fetchone()
    if row is None:
        return None
    return row[0], row[1], row[2], date.fromisoformat(row[3])


def unanswer(db: Database, reply_id: int) -> list[int]:
    """The notes a reply answered wait for an answer again; returns their ids."""
    ids = [
        r[0]
        for r in db.execute(
            "SELECT id FROM liaison_entry WHERE answered_by = ? ORDER BY id", [reply_id]
        )
    ]
    db.execute(
        "UPDATE liaison_entry SET answered_on = NULL, answered_by = NULL WHERE answered_by = ?",
        [reply_id],
    )
    return ids


def tasks_closed_since(
    db: Database, audit_id: int, link_id: int, rule: str, request_id: int, outcome: str
) -> list[int]:
    """Tasks of `rule` about request `request_id` (its own, or the one of the document it
    was sent in) that were closed with `outcome` after audit row `audit_id` (by the step
    audited there) and are still closed that way."""
    ids = []
    for task_id, detail in db.execute(
        "SELECT entity_id, detail FROM audit WHERE entity = 'task' AND action = 'update'"
        " AND link_id = ? AND id > ? ORDER BY id",
        [link_id, audit_id],
    ):
        change = json.loads(detail or "{}")
        if change.get("rule") == rule and change.get("outcome") == outcome:
            ids.append(task_id)
    if not ids:
        return []
    marks = ", ".join("?" for _ in ids)
    return [
        r[0]
        for r in db.execute(
            f"SELECT id, source_ref FROM task WHERE id IN ({marks}) AND outcome = ? ORDER BY id",
            [*ids, outcome],
        )
        if request_id in requests_chased_by(r[1])
    ]
