"""What is due, for the dashboard: open tasks on open cases.

At national scale the list runs to tens of thousands of tasks, so the dashboard never
reads it whole: one COUNT per filter for the figures, then rows a page at a time in the
order of the `task_open_due_link` index. The join to `link` goes through the small
partial index `link_open_vlo` (open cases only, with their VLO) rather than the wide
link rows, which is what keeps the counts fast at 100k cases.
"""

from __future__ import annotations

from datetime import date

from sqlite_utils import Database

_FROM = (
    " FROM task t CROSS JOIN link l INDEXED BY link_open_vlo ON l.id = t.link_id"
    " WHERE t.done_on IS NULL AND t.due_on BETWEEN :first AND :last AND l.status = 'open'"
)
COUNT_SQL = (
    "SELECT count(*) FILTER (WHERE t.due_on < :on), count(*) FILTER (WHERE t.due_on = :on),"
    " count(*)" + _FROM
)
PAGE_SQL = "SELECT t.id" + _FROM
_ROWS = (
    "SELECT t.id, l.id, l.ref, v.family_name || ', ' || v.given_name, t.title, t.due_on,"
    " l.vlo, t.rule_text FROM task t JOIN link l ON l.id = t.link_id"
    " JOIN victim v ON v.id = l.victim_id WHERE t.id IN ({ids})"
)
_ORDER = " ORDER BY t.due_on, t.link_id, t.id"


def _params(first: date, last: date, vlo: str | None) -> tuple[str, dict]:
    params = {"first": first.isoformat(), "last": last.isoformat(), "vlo": vlo}
    return (" AND l.vlo = :vlo" if vlo else ""), params


def due_counts(
    db: Database, on: date, first: date, last: date, vlo: str | None
) -> tuple[int, int, int]:
    """(before `on`, on `on`, all) open tasks due from `first` to `last`."""
    where, params = _params(first, last, vlo)
    params["on"] = on.isoformat()
    return tuple(db.execute(COUNT_SQL + where, params).fetchone())


def due_page(
    db: Database, first: date, last: date, vlo: str | None, offset: int, limit: int
) -> list[tuple]:
    """One page of the list, oldest first: (task id, case id, case ref, victim, title, due
    ISO date, VLO, rule in words)."""
    where, params = _params(first, last, vlo)
    params.update(offset=offset, limit=limit)
    ids = PAGE_SQL + where + _ORDER + " LIMIT :limit OFFSET :offset"
    return db.execute(_ROWS.format(ids=ids) + _ORDER, params).fetchall()
