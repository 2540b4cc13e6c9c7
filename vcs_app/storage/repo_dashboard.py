"""What is due, for the dashboard: open tasks on open cases, as a light index plus rows
fetched a page at a time (the full list can be tens of thousands at national scale)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date

from sqlite_utils import Database

_DUE = (
    "SELECT t.due_on, t.id, t.link_id FROM task t JOIN link l ON l.id = t.link_id"
    " WHERE t.done_on IS NULL AND t.due_on <= :until AND l.status = 'open'"
)


def due_index(
    db: Database, until: date, vlo: str | None, link_ids: Sequence[int] | None = None
) -> list[tuple[str, int, int]]:
    """(due ISO date, task id, case id) of open tasks due by `until`, oldest first; only
    for `link_ids` when given (to refresh just the cases a change touched)."""
    sql, params = _DUE, {"until": until.isoformat(), "vlo": vlo}
    if vlo:
        sql += " AND l.vlo = :vlo"
    if link_ids is not None:
        sql += " AND t.link_id IN (SELECT value FROM json_each(:ids))"
        params["ids"] = json.dumps(list(link_ids))
    return db.execute(sql + " ORDER BY t.due_on, t.link_id, t.id", params).fetchall()


def due_rows(db: Database, task_ids: Sequence[int]) -> list[tuple]:
    """(task id, case id, case ref, victim, title, due ISO date, VLO, rule in words)."""
    return db.execute(
        "SELECT t.id, l.id, l.ref, v.family_name || ', ' || v.given_name, t.title, t.due_on,"
        " l.vlo, t.rule_text FROM task t JOIN link l ON l.id = t.link_id"
        " JOIN victim v ON v.id = l.victim_id WHERE t.id IN (SELECT value FROM json_each(?))",
        [json.dumps(list(task_ids))],
    ).fetchall()
