"""What is due, for the dashboard: open tasks on open cases.

At national scale the list runs to tens of thousands of tasks, so the dashboard never
reads it whole. Its figures come from `due_tally` (open tasks of open cases per due date
and VLO, kept by triggers: migration 0028), so counting costs the same whatever the size
of the list. Its rows are read a page at a time in the order of the `task_open_due_link`
index, each page starting after the last row of the one before (keyset: a page deep in
the list costs what the first one does). The join to `link` goes through the small
partial index `link_open_vlo` (open cases only, with their VLO), not the wide link rows.
"""

from __future__ import annotations

import json
from datetime import date

from sqlite_utils import Database

COUNT_SQL = (
    "SELECT ifnull(sum(n) FILTER (WHERE due_on < :on), 0),"
    " ifnull(sum(n) FILTER (WHERE due_on = :on), 0), ifnull(sum(n), 0)"
    " FROM due_tally WHERE due_on BETWEEN :first AND :last"
)
_FROM = (
    " FROM task t CROSS JOIN link l INDEXED BY link_open_vlo ON l.id = t.link_id"
    " WHERE t.done_on IS NULL AND t.due_on BETWEEN :first AND :last AND l.status = 'open'"
)
PAGE_SQL = "SELECT t.id" + _FROM
_ROWS = (
    "SELECT t.id, l.id, l.ref, v.family_name || ', ' || v.given_name, t.title, t.due_on,"
    " l.vlo, t.rule_text FROM task t JOIN link l ON l.id = t.link_id"
    " JOIN victim v ON v.id = l.victim_id WHERE t.id IN (SELECT value FROM json_each(:ids))"
)
ORDER = " ORDER BY t.due_on, t.link_id, t.id"

DueKey = tuple[str, int, int]  # (due ISO date, case id, task id) of a row: where a page ends


def _params(first: date, last: date, vlo: str | None) -> tuple[str, dict]:
    params = {"first": first.isoformat(), "last": last.isoformat(), "vlo": vlo}
    return (" AND l.vlo = :vlo" if vlo else ""), params


def due_counts(
    db: Database, on: date, first: date, last: date, vlo: str | None
) -> tuple[int, int, int]:
    """(before `on`, on `on`, all) open tasks due from `first` to `last`."""
    params = {"first": first.isoformat(), "last": last.isoformat(), "on": on.isoformat()}
    where = ""
    if vlo:
        where, params["vlo"] = " AND vlo = :vlo", vlo
    return tuple(db.execute(COUNT_SQL + where, params).fetchone())


def due_page(
    db: Database,
    first: date,
    last: date,
    vlo: str | None,
    after: DueKey | None,
    limit: int,
    skip: int = 0,
) -> list[tuple]:
    """Up to `limit` rows of the list after the row `after` (None: from the start),
    leaving out the first `skip` of them (a jump ahead), oldest first: (task id, case id,
    case ref, victim, title, due ISO date, VLO, rule in words)."""
    where, params = _params(first, last, vlo)
    params.update(limit=limit, skip=skip)
    if after is not None:
        where += " AND (t.due_on, t.link_id, t.id) > (:day, :link, :task)"
        params.update(day=after[0], link=after[1], task=after[2])
    sql = "SELECT t.id" + _FROM + where + ORDER + " LIMIT :limit OFFSET :skip"
    ids = [r[0] for r in db.execute(sql, params)]
    if not ids:
        return []
    rows = {r[0]: r for r in db.execute(_ROWS, {"ids": json.dumps(ids)})}
    return [rows[i] for i in ids if i in rows]
