"""The management report's figures, each counted in SQL over the real tables.

Every figure is one "metric": a query yielding (case id, group, sub-group[, extra]) rows.
The report counts those rows per group; a drill-down lists the case refs behind one
group from the very same query, so a figure and its cases can never disagree.
Filters (period, OM team, VLO) are bound parameters; metric SQL is written here only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlite_utils import Database

# "{cases}" in a metric is where `_sql` narrows it to one OM team and/or VLO: fixed
# fragments, not `(:team IS NULL OR ...)`, which stops SQLite using an index.
_OFFER_CLOCK = "referral_to_offer"


@dataclass(frozen=True)
class Metric:
    """What is counted (`counted`: rows or distinct victims) and the rows behind it."""

    sql: str
    counted: str = "COUNT(*)"


METRICS: dict[str, Metric] = {
    # Referrals received in the period, by how they reached us (intake form, import...).
    "referrals": Metric(
        "SELECT l.id AS link_id, COALESCE(NULLIF(r.source, ''), 'not recorded') AS grp,"
        " '' AS sub FROM link l LEFT JOIN referral r ON r.link_id = l.id"
        " WHERE l.referral_date BETWEEN :start AND :end{cases}"
    ),
    "eligibility": Metric(
        "SELECT l.id AS link_id, l.eligibility AS grp, '' AS sub FROM link l"
        " WHERE l.referral_date BETWEEN :start AND :end{cases}"
    ),
    # Initial offers made in the period: the offer clock's task closed as done, on time
    # when done on or before its due date. (CROSS JOIN: read tasks first, then their case.)
    "offers": Metric(
        "SELECT l.id AS link_id, CASE WHEN t.done_on <= t.due_on THEN 'within'"
        " ELSE 'outside' END AS grp, '' AS sub, l.referral_date AS started, t.done_on AS done"
        f" FROM task t CROSS JOIN link l ON l.id = t.link_id WHERE t.rule = '{_OFFER_CLOCK}'"
        " AND t.outcome = 'done' AND t.done_on BETWEEN :start AND :end{cases}"
    ),
    # The same offers by month (the chart of offers within and outside the limit).
    "offers_by_month": Metric(
        "SELECT l.id AS link_id, substr(t.done_on, 1, 7) AS grp, CASE WHEN t.done_on <="
        " t.due_on THEN 'within' ELSE 'outside' END AS sub FROM task t CROSS JOIN link l"
        f" ON l.id = t.link_id WHERE t.rule = '{_OFFER_CLOCK}' AND t.outcome = 'done'"
        " AND t.done_on BETWEEN :start AND :end{cases}"
    ),
    # Cases referred in the period that have been offered contact or answered: did the
    # victim ever opt in?
    "opt_in": Metric(
        "SELECT l.id AS link_id, CASE WHEN EXISTS (SELECT 1 FROM opt_history h"
        " WHERE h.link_id = l.id AND h.state = 'opted_in') THEN 'opted_in'"
        " ELSE 'not_opted_in' END AS grp, '' AS sub FROM link l"
        " WHERE l.referral_date BETWEEN :start AND :end AND EXISTS (SELECT 1 FROM opt_history"
        " h WHERE h.link_id = l.id AND h.state != 'referred' AND h.state != 'reopened'){cases}"
    ),
    # Victims in contact now (open case, opted in), by level and by language. (+status:
    # most cases are open, so reading the table in order beats the status index.)
    "contact_level": Metric(
        "SELECT l.id AS link_id, l.contact_level AS grp, '' AS sub, l.victim_id AS victim"
        " FROM link l WHERE +l.status = 'open' AND l.opt_state = 'opted_in'{cases}",
        "COUNT(DISTINCT victim)",
    ),
    "language": Metric(
        "SELECT l.id AS link_id, v.language AS grp, '' AS sub, l.victim_id AS victim"
        " FROM link l JOIN victim v ON v.id = l.victim_id WHERE +l.status = 'open'"
        " AND l.opt_state = 'opted_in'{cases}",
        "COUNT(DISTINCT victim)",
    ),
    # Letters printed or saved (returned ones were sent too), dated in the period.
    "letters": Metric(
        "SELECT l.id AS link_id, x.template AS grp, x.language AS sub FROM letter x"
        " JOIN link l ON l.id = x.link_id WHERE (x.status = 'printed' OR x.status ="
        " 'returned') AND x.letter_date BETWEEN :start AND :end{cases}"
    ),
    # Letters that came back undelivered in the period (the date the VLO recorded).
    "returned": Metric(
        "SELECT l.id AS link_id, x.template AS grp, x.language AS sub FROM letter_event e"
        " JOIN letter x ON x.id = e.letter_id JOIN link l ON l.id = x.link_id"
        " WHERE e.event = 'returned' AND json_extract(e.detail, '$.on') BETWEEN :start AND"
        " :end{cases}"
    ),
    "conditions": Metric(
        "SELECT l.id AS link_id, COALESCE(cr.decision, 'awaiting') AS grp, '' AS sub"
        " FROM condition_request cr JOIN link l ON l.id = cr.link_id"
        " WHERE cr.requested_on BETWEEN :start AND :end{cases}"
    ),
    # Requests by the month they were made and the decision (inclusion rate over time).
    "conditions_by_month": Metric(
        "SELECT l.id AS link_id, substr(cr.requested_on, 1, 7) AS grp,"
        " COALESCE(cr.decision, 'awaiting') AS sub FROM condition_request cr"
        " JOIN link l ON l.id = cr.link_id WHERE cr.requested_on BETWEEN :start AND :end{cases}"
    ),
    # Questions to OMs still unanswered at the end of the period, past their follow-up
    # (index liaison_entry_om_follow_up, migration 0009).
    "om_unanswered": Metric(
        "SELECT l.id AS link_id, COALESCE(NULLIF(l.om_team, ''), 'no team recorded') AS grp,"
        " '' AS sub FROM liaison_entry e CROSS JOIN link l ON l.id = e.link_id"
        " WHERE e.party = 'om' AND e.direction = 'to' AND e.awaiting_reply = 1"
        " AND e.is_chase = 0 AND e.follow_up_due < :end AND e.happened_on <= :end"
        " AND (e.answered_on IS NULL OR e.answered_on > :end){cases}"
    ),
    # Tasks overdue at the end of the period: due before it, not closed by it.
    "overdue_clock": Metric(
        "SELECT l.id AS link_id, t.rule AS grp, '' AS sub FROM task t CROSS JOIN link l"
        " ON l.id = t.link_id WHERE t.due_on < :end AND (t.done_on IS NULL OR t.done_on > :end)"
        " AND l.status = 'open'{cases}"
    ),
    "overdue_vlo": Metric(
        "SELECT l.id AS link_id, COALESCE(NULLIF(l.vlo, ''), 'unassigned') AS grp, '' AS sub"
        " FROM task t CROSS JOIN link l ON l.id = t.link_id WHERE t.due_on < :end"
        " AND (t.done_on IS NULL OR t.done_on > :end) AND l.status = 'open'{cases}"
    ),
    "caseload": Metric(
        "SELECT l.id AS link_id, COALESCE(NULLIF(l.vlo, ''), 'unassigned') AS grp, '' AS sub"
        " FROM link l WHERE l.status = 'open'{cases}"
    ),
}


def _sql(metric: str, team: str | None, vlo: str | None) -> str:
    """The metric's query narrowed to the chosen team and VLO (fixed fragments only)."""
    cases = (" AND l.om_team = :team" if team else "") + (" AND l.vlo = :vlo" if vlo else "")
    return METRICS[metric].sql.replace("{cases}", cases)


def _params(start: date, end: date, team: str | None, vlo: str | None) -> dict[str, object]:
    return {"start": start.isoformat(), "end": end.isoformat(), "team": team, "vlo": vlo}


def counts(
    db: Database, metric: str, start: date, end: date, team: str | None, vlo: str | None
) -> list[tuple[str, str, int]]:
    """(group, sub-group, count) of one metric, largest first."""
    sql = (
        f"SELECT grp, sub, {METRICS[metric].counted} AS n FROM ({_sql(metric, team, vlo)})"
        " GROUP BY grp, sub ORDER BY n DESC, grp, sub"
    )
    return [tuple(r) for r in db.execute(sql, _params(start, end, team, vlo))]


def offer_days(
    db: Database, start: date, end: date, team: str | None, vlo: str | None
) -> list[tuple[str, str]]:
    """(referral date, offer date) of each initial offer made in the period."""
    sql = f"SELECT started, done FROM ({_sql('offers', team, vlo)})"
    return [tuple(r) for r in db.execute(sql, _params(start, end, team, vlo))]


def case_refs(
    db: Database,
    metric: str,
    group: str,
    sub: str,
    start: date,
    end: date,
    team: str | None,
    vlo: str | None,
) -> list[str]:
    """The case refs behind one figure, in ref order."""
    sql = (
        "SELECT ref FROM link WHERE id IN (SELECT link_id FROM"
        f" ({_sql(metric, team, vlo)}) WHERE grp = :grp AND sub = :sub) ORDER BY ref"
    )
    params = {**_params(start, end, team, vlo), "grp": group, "sub": sub}
    return [r[0] for r in db.execute(sql, params)]


def case_lines(
    db: Database,
    metric: str,
    group: str,
    sub: str,
    start: date,
    end: date,
    team: str | None,
    vlo: str | None,
) -> list[tuple[str, str, str, str, str, str]]:
    """(ref, victim's name, VLO, OM team, referral date, status) of the cases behind one
    figure, in ref order: the drill-down export, where personal data is disclosed."""
    sql = (
        "SELECT l.ref, v.given_name || ' ' || v.family_name, l.vlo, l.om_team,"
        " l.referral_date, l.status FROM link l JOIN victim v ON v.id = l.victim_id"
        f" WHERE l.id IN (SELECT link_id FROM ({_sql(metric, team, vlo)})"
        " WHERE grp = :grp AND sub = :sub) ORDER BY l.ref"
    )
    params = {**_params(start, end, team, vlo), "grp": group, "sub": sub}
    return [tuple(r) for r in db.execute(sql, params)]


def teams(db: Database) -> list[str]:
    """OM teams named on cases, for the report's filter."""
    return [
        r[0]
        for r in db.execute(
            "SELECT DISTINCT om_team FROM link WHERE om_team != '' ORDER BY om_team"
        )
    ]
