"""The management report's figures, each counted in SQL over the real tables.

Every figure is one "metric": a query yielding (case id, group, sub-group[, extra]) rows.
The report counts those rows per group; a drill-down lists the case refs behind one
group from the very same query, so a figure and its cases can never disagree.
Filters (period, OM team, VLO) are bound parameters; metric SQL is written here only.

Every figure is as it stood at the end of the period (`:end`), from dated records: the
opt-in history, offer and task dates, condition decision dates, OM replies, and the
dated changes of a case's status, contact level, VLO and OM team (`case_history`). So a
closed period counts the same when it is run again after later events. Archived cases
are deleted referrals and are in no figure of any period.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlite_utils import Database

_OFFER_CLOCK = "referral_to_offer"
# The victim's answers; an offer recorded after one of them is not an initial offer.
_ANSWERS = "('opted_in', 'declined', 'opted_out', 'no_response')"


def _at_end(field: str) -> str:
    """A case's `field` at the end of the period: the value its first change after the
    end replaced, or (no change since: nearly every case) its value now. The set of
    cases changed since is read once, not probed case by case."""
    return (
        f"CASE WHEN l.id IN (SELECT link_id FROM case_history WHERE field = '{field}' AND"
        " on_date > :end) THEN (SELECT h.old FROM case_history h WHERE h.link_id = l.id"
        f" AND h.field = '{field}' AND h.on_date > :end ORDER BY h.on_date, h.id LIMIT 1)"
        f" ELSE l.{field} END"
    )


# Not archived (a deleted referral counts nowhere); `+` keeps SQLite from choosing the
# status index, which reads most of the table in a worse order.
_LIVE = "+l.status != 'archived'"
# On file and open at the end of the period.
# (`+`: nearly every case was referred before the end, so the date index only costs.)
_OPEN_AT_END = f"+l.referral_date <= :end AND {_LIVE} AND {_at_end('status')} = 'open'"
# The last opt-in step recorded on or before the end of the period (the case's state
# now when nothing was recorded after it, as for _at_end).
_OPT_AT_END = (
    "CASE WHEN l.id IN (SELECT link_id FROM opt_history WHERE on_date > :end) THEN"
    " (SELECT h.state FROM opt_history h WHERE h.link_id = l.id AND h.on_date <= :end"
    " ORDER BY h.on_date DESC, h.id DESC LIMIT 1) ELSE l.opt_state END"
)
# An offer of contact: a step "offered", or the offer clock's task marked done before
# any answer (a VLO closing it from the dashboard). The clock closed by an answer is no
# offer: an opt-in recorded before any offer is not an offer made within the limit.
_FIRST_OFFER = (
    "MIN(COALESCE((SELECT MIN(h.on_date) FROM opt_history h WHERE h.link_id = c.link_id"
    " AND h.state = 'offered'), '9999-12-31'), COALESCE((SELECT MIN(t.done_on) FROM task t"
    f" WHERE t.link_id = c.link_id AND t.rule = '{_OFFER_CLOCK}' AND t.outcome = 'done'"
    " AND NOT EXISTS (SELECT 1 FROM opt_history a WHERE a.link_id = t.link_id AND a.state"
    f" IN {_ANSWERS} AND a.on_date <= t.done_on)), '9999-12-31'))"
)
# Cases with an offer in the period (indexes of migration 0025): only these can have
# their first offer in it.
_OFFERED_IN_PERIOD = (
    "SELECT link_id FROM opt_history WHERE state = 'offered' AND on_date BETWEEN :start"
    " AND :end UNION SELECT link_id FROM task WHERE rule = 'referral_to_offer'"
    " AND outcome = 'done' AND done_on BETWEEN :start AND :end"
)
# Each such case's first offer, and its first answer (NULL when none).
_FIRSTS = (
    f"SELECT c.link_id, {_FIRST_OFFER} AS offered_on, (SELECT MIN(a.on_date) FROM"
    f" opt_history a WHERE a.link_id = c.link_id AND a.state IN {_ANSWERS}) AS answered_on"
    f" FROM ({_OFFERED_IN_PERIOD}) c"
)
# Level order for a victim with cases at two levels: counted under the widest.
_LEVEL_RANK = (
    "CASE level WHEN 'key_stages' THEN 1 WHEN 'release_and_licence' THEN 2"
    " WHEN 'annual' THEN 3 ELSE 4 END"
)
_IN_CONTACT = f"{_OPEN_AT_END} AND {_OPT_AT_END} = 'opted_in'"
# A condition request's outcome at the end of the period.
_DECISION_AT_END = (
    "CASE WHEN cr.decision IS NOT NULL AND COALESCE(cr.decision_on, cr.requested_on) <= :end"
    " THEN cr.decision WHEN cr.ended_on <= :end THEN 'withdrawn' ELSE 'awaiting' END"
)
# Tasks overdue at the end of the period: due before its last day, not closed by it.
_OVERDUE = (
    "FROM task t CROSS JOIN link l ON l.id = t.link_id WHERE t.due_on < :end"
    f" AND (t.done_on IS NULL OR t.done_on > :end) AND {_OPEN_AT_END}"
)


@dataclass(frozen=True)
class Metric:
    """What is counted (`counted`: rows or distinct victims) and the rows behind it."""

    sql: str
    counted: str = "COUNT(*)"


METRICS: dict[str, Metric] = {
    # Referrals received in the period, by who referred them (never by how they were
    # typed in: an import's file name may name a person).
    "referrals": Metric(
        "SELECT l.id AS link_id, COALESCE(NULLIF(l.referrer, ''), 'not recorded') AS grp,"
        f" '' AS sub FROM link l WHERE l.referral_date BETWEEN :start AND :end AND {_LIVE}"
        "{cases}"
    ),
    "eligibility": Metric(
        "SELECT l.id AS link_id, l.eligibility AS grp, '' AS sub FROM link l"
        f" WHERE l.referral_date BETWEEN :start AND :end AND {_LIVE}{{cases}}"
    ),
    # Offers outside the initial-offer figures: offered again after a reopening, and
    # answered (opted in or declined) before any offer was recorded.
    "offers_not_initial": Metric(
        "SELECT DISTINCT l.id AS link_id, 'reoffered' AS grp, '' AS sub FROM opt_history o"
        " CROSS JOIN link l ON l.id = o.link_id WHERE o.state = 'offered' AND o.on_date"
        " BETWEEN :start AND :end AND EXISTS (SELECT 1 FROM opt_history r WHERE r.link_id ="
        f" o.link_id AND r.state = 'reopened' AND r.on_date <= o.on_date) AND {_LIVE}{{cases}}"
        " UNION ALL SELECT DISTINCT l.id, 'answered_first', '' FROM opt_history a"
        " CROSS JOIN link l ON l.id = a.link_id WHERE a.state IN ('opted_in', 'declined')"
        " AND a.on_date BETWEEN :start AND :end AND NOT EXISTS (SELECT 1 FROM opt_history e"
        f" WHERE e.link_id = a.link_id AND (e.state IN {_ANSWERS} OR e.state = 'offered')"
        " AND (e.on_date < a.on_date OR (e.on_date = a.on_date AND e.state = 'offered')))"
        " AND NOT EXISTS (SELECT 1 FROM task t WHERE t.link_id = l.id AND t.rule ="
        f" '{_OFFER_CLOCK}' AND t.outcome = 'done' AND t.done_on < a.on_date) AND {_LIVE}"
        "{cases}"
    ),
    # Cases referred in the period that by its end were offered contact or answered:
    # had the victim opted in by then?
    "opt_in": Metric(
        "SELECT l.id AS link_id, CASE WHEN EXISTS (SELECT 1 FROM opt_history h"
        " WHERE h.link_id = l.id AND h.state = 'opted_in' AND h.on_date <= :end)"
        " THEN 'opted_in' ELSE 'not_opted_in' END AS grp, '' AS sub FROM link l"
        " WHERE l.referral_date BETWEEN :start AND :end AND EXISTS (SELECT 1 FROM opt_history"
        " h WHERE h.link_id = l.id AND h.state != 'referred' AND h.state != 'reopened'"
        f" AND h.on_date <= :end) AND {_LIVE}{{cases}}"
    ),
    # Victims in contact (opted in, on an open case) at the end of the period, each once:
    # a victim with cases at two levels under the widest of them.
    "contact_level": Metric(
        "SELECT link_id, level AS grp, '' AS sub, victim FROM (SELECT link_id, level, victim,"
        f" {_LEVEL_RANK} AS level_rank, MIN({_LEVEL_RANK}) OVER (PARTITION BY victim) AS"
        f" widest FROM (SELECT l.id AS link_id, {_at_end('contact_level')} AS level,"
        f" l.victim_id AS victim FROM link l WHERE {_IN_CONTACT}{{cases}}))"
        " WHERE level_rank = widest",
        "COUNT(DISTINCT victim)",
    ),
    "language": Metric(
        "SELECT l.id AS link_id, v.language AS grp, '' AS sub, l.victim_id AS victim"
        f" FROM link l CROSS JOIN victim v ON v.id = l.victim_id WHERE {_IN_CONTACT}{{cases}}",
        "COUNT(DISTINCT victim)",
    ),
    # Letters printed or saved (returned ones were sent too), by the date on the letter.
    "letters": Metric(
        "SELECT l.id AS link_id, x.template AS grp, x.language AS sub FROM letter x"
        " JOIN link l ON l.id = x.link_id WHERE (x.status = 'printed' OR x.status ="
        f" 'returned') AND x.letter_date BETWEEN :start AND :end AND {_LIVE}{{cases}}"
    ),
    # Letters that came back undelivered in the period (the date the VLO recorded).
    "returned": Metric(
        "SELECT l.id AS link_id, x.template AS grp, x.language AS sub FROM letter_event e"
        " JOIN letter x ON x.id = e.letter_id JOIN link l ON l.id = x.link_id"
        " WHERE e.event = 'returned' AND json_extract(e.detail, '$.on') BETWEEN :start AND"
        f" :end AND {_LIVE}{{cases}}"
    ),
    "conditions": Metric(
        f"SELECT l.id AS link_id, {_DECISION_AT_END} AS grp, '' AS sub"
        " FROM condition_request cr JOIN link l ON l.id = cr.link_id"
        f" WHERE cr.requested_on BETWEEN :start AND :end AND {_LIVE}{{cases}}"
    ),
    # Requests by the month they were made and the decision (inclusion rate over time).
    "conditions_by_month": Metric(
        "SELECT l.id AS link_id, substr(cr.requested_on, 1, 7) AS grp,"
        f" {_DECISION_AT_END} AS sub FROM condition_request cr JOIN link l ON l.id ="
        f" cr.link_id WHERE cr.requested_on BETWEEN :start AND :end AND {_LIVE}{{cases}}"
    ),
    # Questions to OMs still unanswered at the end of the period, past their follow-up
    # (index liaison_entry_om_follow_up, migration 0009); a withdrawn note never was.
    "om_unanswered": Metric(
        f"SELECT l.id AS link_id, COALESCE(NULLIF({_at_end('om_team')}, ''),"
        " 'no team recorded') AS grp, '' AS sub FROM liaison_entry e CROSS JOIN link l"
        " ON l.id = e.link_id WHERE e.party = 'om' AND e.direction = 'to'"
        " AND e.awaiting_reply = 1 AND e.is_chase = 0 AND e.follow_up_due < :end"
        " AND e.happened_on <= :end AND (e.answered_on IS NULL OR e.answered_on > :end)"
        f" AND e.withdrawn_at IS NULL AND {_LIVE}{{cases}}"
    ),
    "overdue_clock": Metric(
        f"SELECT l.id AS link_id, t.rule AS grp, '' AS sub {_OVERDUE}{{cases}}"
    ),
    "overdue_vlo": Metric(
        f"SELECT l.id AS link_id, COALESCE(NULLIF({_at_end('vlo')}, ''), 'unassigned') AS grp,"
        f" '' AS sub {_OVERDUE}{{cases}}"
    ),
    "caseload": Metric(
        f"SELECT l.id AS link_id, COALESCE(NULLIF({_at_end('vlo')}, ''), 'unassigned') AS grp,"
        f" '' AS sub FROM link l WHERE {_OPEN_AT_END}{{cases}}"
    ),
}


def _narrowed(sql: str, team: str | None, vlo: str | None) -> str:
    """`sql` narrowed to the chosen team and VLO as at the end of the period (fixed
    fragments only: the values are bound parameters)."""
    cases = (f" AND {_at_end('om_team')} = :team" if team else "") + (
        f" AND {_at_end('vlo')} = :vlo" if vlo else ""
    )
    return sql.replace("{cases}", cases)


def _params(start: date, end: date, team: str | None, vlo: str | None) -> dict[str, object]:
    return {"start": start.isoformat(), "end": end.isoformat(), "team": team, "vlo": vlo}


def counts(
    db: Database, metric: str, start: date, end: date, team: str | None, vlo: str | None
) -> list[tuple[str, str, int]]:
    """(group, sub-group, count) of one metric, largest first."""
    sql = (
        f"SELECT grp, sub, {METRICS[metric].counted} AS n"
        f" FROM ({_narrowed(METRICS[metric].sql, team, vlo)})"
        " GROUP BY grp, sub ORDER BY n DESC, grp, sub"
    )
    return [tuple(r) for r in db.execute(sql, _params(start, end, team, vlo))]


def first_offers(
    db: Database, start: date, end: date, team: str | None, vlo: str | None
) -> list[tuple[int, str, str]]:
    """(case id, referral date, first offer date) of every case whose first offer of
    contact was made in the period, before any answer from the victim."""
    # MATERIALIZED: each case's first offer is worked out once, not once per mention.
    sql = _narrowed(
        f"WITH f AS MATERIALIZED ({_FIRSTS}) SELECT l.id, l.referral_date, f.offered_on"
        " FROM f CROSS JOIN link l ON l.id = f.link_id WHERE f.offered_on BETWEEN :start AND :end"
        f" AND (f.answered_on IS NULL OR f.answered_on >= f.offered_on) AND {_LIVE}{{cases}}",
        team,
        vlo,
    )
    return [tuple(r) for r in db.execute(sql, _params(start, end, team, vlo))]


def figure_cases(
    db: Database,
    metric: str,
    group: str,
    sub: str,
    start: date,
    end: date,
    team: str | None,
    vlo: str | None,
) -> list[int]:
    """The ids of the cases behind one figure of a metric."""
    sql = (
        f"SELECT DISTINCT link_id FROM ({_narrowed(METRICS[metric].sql, team, vlo)})"
        " WHERE grp = :grp AND sub = :sub"
    )
    params = {**_params(start, end, team, vlo), "grp": group, "sub": sub}
    return [r[0] for r in db.execute(sql, params)]


def case_refs(db: Database, link_ids: list[int]) -> list[str]:
    """The refs of these cases, in ref order."""
    return [
        r[0]
        for r in db.execute(
            "SELECT ref FROM link WHERE id IN (SELECT value FROM json_each(?)) ORDER BY ref",
            [_json_ids(link_ids)],
        )
    ]


def case_lines(db: Database, link_ids: list[int]) -> list[tuple[str, str, str, str, str, str]]:
    """(ref, victim's name, VLO, OM team, referral date, status) of these cases, in ref
    order: the drill-down export, where personal data is disclosed."""
    sql = (
        "SELECT l.ref, v.given_name || ' ' || v.family_name, l.vlo, l.om_team,"
        " l.referral_date, l.status FROM link l JOIN victim v ON v.id = l.victim_id"
        " WHERE l.id IN (SELECT value FROM json_each(?)) ORDER BY l.ref"
    )
    return [tuple(r) for r in db.execute(sql, [_json_ids(link_ids)])]


def _json_ids(link_ids: list[int]) -> str:
    return "[" + ",".join(str(int(i)) for i in link_ids) + "]"


def teams(db: Database) -> list[str]:
    """OM teams named on cases, for the report's filter."""
    return [
        r[0]
        for r in db.execute(
            "SELECT DISTINCT om_team FROM link WHERE om_team != '' ORDER BY om_team"
        )
    ]
