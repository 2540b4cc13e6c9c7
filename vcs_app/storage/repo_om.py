"""The offender-manager side: liaison notes (with what waits for a reply), the OM
directory, each case's OM history, and what the VLO is waiting on OMs for."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlite_utils import Database

from vcs_app.domain.conditions import OffenderManager, OMAssignment
from vcs_app.domain.model import ContactDetail, LiaisonEntry, NotFound, normalise_name
from vcs_app.storage.db import utc_now
from vcs_app.storage.repo_cases import _date, _iso, record_change, search_changed

# --- liaison --------------------------------------------------------------------------

_LIAISON_COLUMNS = (
    "id, link_id, happened_on, direction, party, channel, who, summary, follow_up_due,"
    " recorded_by, condition_request_id, awaiting_reply, is_chase, chase_of, is_reply,"
    " answered_on"
)


def insert_liaison_entry(db: Database, entry: LiaisonEntry) -> int:
    entry_id = (
        db["liaison_entry"]
        .insert(
            {
                "link_id": entry.link_id,
                "happened_on": _iso(entry.happened_on),
                "direction": entry.direction.value,
                "party": entry.party.value,
                "channel": entry.channel.value,
                "who": entry.who,
                "summary": entry.summary,
                "follow_up_due": _iso(entry.follow_up_due),
                "condition_request_id": entry.condition_request_id,
                "awaiting_reply": int(entry.awaiting_reply),
                "is_chase": int(entry.is_chase),
                "chase_of": entry.chase_of,
                "is_reply": int(entry.is_reply),
                "recorded_by": entry.recorded_by,
                "recorded_at": utc_now(),
            }
        )
        .last_pk
    )
    search_changed(db, [entry.link_id])  # the note's words now find the case
    return entry_id


def _entry(row: Sequence) -> LiaisonEntry:
    (
        eid,
        link_id,
        happened_on,
        direction,
        party,
        channel,
        who,
        summary,
        follow_up_due,
        recorded_by,
        request_id,
        awaiting_reply,
        is_chase,
        chase_of,
        is_reply,
        answered_on,
    ) = row
    return LiaisonEntry(
        id=eid,
        link_id=link_id,
        happened_on=date.fromisoformat(happened_on),
        direction=direction,
        party=party,
        channel=channel,
        who=who,
        summary=summary,
        follow_up_due=_date(follow_up_due),
        recorded_by=recorded_by,
        condition_request_id=request_id,
        awaiting_reply=bool(awaiting_reply),
        is_chase=bool(is_chase),
        chase_of=chase_of,
        is_reply=bool(is_reply),
        answered_on=_date(answered_on),
    )


def liaison_for_case(db: Database, link_id: int) -> tuple[LiaisonEntry, ...]:
    rows = db.execute(
        f"SELECT {_LIAISON_COLUMNS} FROM liaison_entry WHERE link_id = ?"
        " AND withdrawn_at IS NULL ORDER BY happened_on DESC, id DESC",
        [link_id],
    )
    return tuple(_entry(r) for r in rows)


def get_liaison_entry(db: Database, entry_id: int) -> LiaisonEntry:
    row = db.execute(
        f"SELECT {_LIAISON_COLUMNS} FROM liaison_entry WHERE id = ?", [entry_id]
    ).fetchone()
    if row is None:
        raise NotFound(f"No liaison note with id {entry_id}.")
    return _entry(row)


def open_waits(
    db: Database, link_id: int, party: str, *, request_id: int | None = None
) -> list[LiaisonEntry]:
    """Notes to `party` on a case still waiting for a reply: those about one request, or
    (request_id None) the general ones."""
    sql = (
        f"SELECT {_LIAISON_COLUMNS} FROM liaison_entry WHERE link_id = ? AND party = ?"
        " AND awaiting_reply = 1 AND answered_on IS NULL"
    )
    params: list[object] = [link_id, party]
    if request_id is None:
        sql += " AND condition_request_id IS NULL"
    else:
        sql += " AND condition_request_id = ?"
        params.append(request_id)
    return [_entry(r) for r in db.execute(sql + " ORDER BY id", params)]


def open_follow_ups(db: Database, link_id: int, party: str) -> list[int]:
    """Notes received from `party` on a case (about no request) whose follow-up task is
    still open: they said they would come back and have not yet."""
    return [
        r[0]
        for r in db.execute(
            "SELECT le.id FROM liaison_entry le WHERE le.link_id = ? AND le.party = ?"
            " AND le.direction = 'from' AND le.follow_up_due IS NOT NULL"
            " AND le.condition_request_id IS NULL AND le.withdrawn_at IS NULL"
            " AND EXISTS (SELECT 1 FROM task t WHERE t.link_id = le.link_id"
            "  AND t.source_ref = 'liaison:' || le.id AND t.done_on IS NULL)",
            [link_id, party],
        )
    ]


def mark_answered(db: Database, entry_ids: Sequence[int], on: date, reply_id: int) -> None:
    db.conn.executemany(
        "UPDATE liaison_entry SET answered_on = ?, answered_by = ? WHERE id = ?"
        " AND answered_on IS NULL",
        [(_iso(on), reply_id, entry_id) for entry_id in entry_ids],
    )


def mark_reply(db: Database, entry_id: int) -> None:
    db.execute("UPDATE liaison_entry SET is_reply = 1 WHERE id = ?", [entry_id])


def victim_contacts_for_offender(db: Database, offender_id: int) -> tuple[ContactDetail, ...]:
    """Every contact detail, current or past, of every victim linked to the offender: none
    of them may appear in a document for the offender side."""
    rows = db.execute(
        "SELECT kind, value, safe_alternative, victim_id FROM contact_detail"
        " WHERE victim_id IN (SELECT victim_id FROM link WHERE offender_id = ?)",
        [offender_id],
    )
    return tuple(
        ContactDetail(kind, value, safe_alternative=bool(alt), victim_id=victim_id)
        for kind, value, alt, victim_id in rows
    )


# --- what the VLO waits on OMs for ----------------------------------------------------

_VICTIM = "v.family_name || ', ' || v.given_name"
# A general question to an OM still waiting for its reply (index liaison_entry_questions).
_QUESTION = (
    "le.awaiting_reply = 1 AND le.answered_on IS NULL AND le.condition_request_id IS NULL"
    " AND le.is_chase = 0 AND le.party = 'om'"
)


def waiting_requests(db: Database) -> list[tuple]:
    """Requests sent to an OM and not yet decided, on open cases: (request id, link id,
    case ref, victim, OM, team, kind, sent on, chases, chase due)."""
    return db.execute(
        f"SELECT cr.id, cr.link_id, l.ref, {_VICTIM}, l.om_name, l.om_team, cr.kind,"
        " cr.sent_to_om_on,"
        " (SELECT COUNT(*) FROM liaison_entry le WHERE le.condition_request_id = cr.id"
        "  AND le.is_chase = 1),"
        " (SELECT MIN(t.due_on) FROM task t WHERE t.link_id = cr.link_id AND t.rule = 'om_chase'"
        "  AND t.done_on IS NULL AND (t.source_ref = 'condition:' || cr.id"
        # or the one chase of the document it was sent in: 'conditions:12,13'
        "  OR (t.source_ref LIKE 'conditions:%'"
        "   AND ',' || substr(t.source_ref, 12) || ',' LIKE '%,' || cr.id || ',%')))"
        " FROM condition_request cr JOIN link l ON l.id = cr.link_id"
        " JOIN victim v ON v.id = l.victim_id"
        " WHERE (cr.status = 'sent' OR cr.status = 'acknowledged') AND l.status = 'open'"
    ).fetchall()


# A note received from an OM (about no request) whose follow-up is still open: they said
# they would come back by a date. Starts from the few open chase tasks, not every note.
_FOLLOW_UP_FROM = (
    " FROM task t CROSS JOIN liaison_entry le ON le.id = CAST(substr(t.source_ref, 9) AS INTEGER)"
    " CROSS JOIN link l ON l.id = le.link_id"
)
_FOLLOW_UP = (
    "t.done_on IS NULL AND t.rule = 'om_chase' AND t.source_ref LIKE 'liaison:%'"
    " AND le.direction = 'from' AND le.party = 'om' AND le.condition_request_id IS NULL"
    " AND le.withdrawn_at IS NULL"
)


def waiting_questions(db: Database) -> list[tuple]:
    """General notes to an OM still waiting for a reply, and notes from an OM whose
    follow-up is open, on open cases: (entry id, link id, case ref, victim, OM, team,
    summary, sent on, chases, chase due)."""
    columns = (
        f"SELECT le.id, le.link_id, l.ref, {_VICTIM}, l.om_name, l.om_team, le.summary,"
        " le.happened_on,"
        " (SELECT COUNT(*) FROM liaison_entry c WHERE c.chase_of = le.id),"
        " (SELECT MIN(t.due_on) FROM task t WHERE t.link_id = le.link_id AND t.rule = 'om_chase'"
        "  AND t.source_ref = 'liaison:' || le.id AND t.done_on IS NULL)"
    )
    return db.execute(
        columns
        # CROSS JOIN: start from the few waiting notes (partial index), not every case.
        + " FROM liaison_entry le CROSS JOIN link l ON l.id = le.link_id"
        " JOIN victim v ON v.id = l.victim_id"
        f" WHERE {_QUESTION} AND l.status = 'open'"
        " UNION ALL "
        + columns
        + _FOLLOW_UP_FROM
        + f" JOIN victim v ON v.id = l.victim_id WHERE {_FOLLOW_UP} AND l.status = 'open'"
    ).fetchall()


def waiting_counts(db: Database) -> dict[str, int]:
    """How many requests and questions wait on each OM (by name), on open cases."""
    counts: dict[str, int] = {}
    for sql in (
        "SELECT l.om_name, COUNT(*) FROM condition_request cr JOIN link l ON l.id = cr.link_id"
        " WHERE (cr.status = 'sent' OR cr.status = 'acknowledged') AND l.status = 'open'"
        " GROUP BY l.om_name",
        "SELECT l.om_name, COUNT(*) FROM liaison_entry le CROSS JOIN link l ON l.id = le.link_id"
        f" WHERE {_QUESTION} AND l.status = 'open' GROUP BY l.om_name",
        f"SELECT l.om_name, COUNT(*) {_FOLLOW_UP_FROM} WHERE {_FOLLOW_UP} AND l.status = 'open'"
        " GROUP BY l.om_name",
    ):
        for name, count in db.execute(sql):
            counts[name] = counts.get(name, 0) + count
    return counts


# --- the directory --------------------------------------------------------------------


def _om(row: Sequence) -> OffenderManager:
    return OffenderManager(id=row[0], name=row[1], team=row[2], email=row[3], phone=row[4])


def insert_om(db: Database, om: OffenderManager) -> int:
    now = utc_now()
    return (
        db["om"]
        .insert(
            {
                "name": om.name,
                "team": om.team,
                "email": om.email,
                "phone": om.phone,
                "name_key": normalise_name(om.name),
                "created_at": now,
                "updated_at": now,
            }
        )
        .last_pk
    )


def update_om(db: Database, om: OffenderManager) -> None:
    db["om"].update(
        om.id,
        {
            "name": om.name,
            "team": om.team,
            "email": om.email,
            "phone": om.phone,
            "name_key": normalise_name(om.name),
            "updated_at": utc_now(),
        },
    )


def get_om(db: Database, om_id: int) -> OffenderManager:
    row = db.execute("SELECT id, name, team, email, phone FROM om WHERE id = ?", [om_id]).fetchone()
    if row is None:
        raise NotFound(f"No offender manager with id {om_id} in the directory.")
    return _om(row)


def find_om(db: Database, name: str) -> OffenderManager | None:
    """The directory entry for a name however it is spaced or capitalised."""
    row = db.execute(
        "SELECT id, name, team, email, phone FROM om WHERE name_key = ?", [normalise_name(name)]
    ).fetchone()
    return _om(row) if row else None


def directory(db: Database) -> list[tuple[OffenderManager, int]]:
    """Every OM in the directory and every OM named on a case but not yet in it, each
    with its number of open cases; by name."""
    counts = {
        name: (team, count)
        for name, team, count in db.execute(
            "SELECT om_name, MAX(om_team), SUM(status = 'open') FROM link"
            " WHERE om_name != '' GROUP BY om_name"
        )
    }
    result: list[tuple[OffenderManager, int]] = []
    for row in db.execute("SELECT id, name, team, email, phone FROM om WHERE archived = 0"):
        om = _om(row)
        result.append((om, counts.pop(om.name, ("", 0))[1]))
    known = {normalise_name(om.name) for om, _ in result}
    for name, (team, count) in counts.items():
        if normalise_name(name) not in known:
            result.append((OffenderManager(name=name, team=team), count))
    return sorted(result, key=lambda pair: normalise_name(pair[0].name))


def rename_on_cases(
    db: Database, old_name: str, new_name: str, team: str, *, on: date, who: str
) -> list[int]:
    """Keep the cases of a renamed OM pointing at them (a team change dated `on`);
    returns those case ids."""
    cases = db.execute("SELECT id, om_team FROM link WHERE om_name = ?", [old_name]).fetchall()
    db.execute(
        "UPDATE link SET om_name = ?, om_team = ?, updated_at = ? WHERE om_name = ?",
        [new_name, team, utc_now(), old_name],
    )
    for link_id, old_team in cases:
        record_change(db, link_id, "om_team", old_team, team, on=on, who=who)
    search_changed(db, [link_id for link_id, _ in cases])  # the OM's name finds their cases
    return [link_id for link_id, _ in cases]


def cases_for_om(db: Database, name: str) -> list[tuple]:
    """(link id, ref, victim, offender, status, requests awaiting the OM, open questions,
    next due) for every case of the OM, open cases first."""
    return db.execute(
        f"SELECT l.id, l.ref, {_VICTIM}, o.family_name || ', ' || o.given_name, l.status,"
        " (SELECT COUNT(*) FROM condition_request cr WHERE cr.link_id = l.id"
        "  AND (cr.status = 'sent' OR cr.status = 'acknowledged')),"
        " (SELECT COUNT(*) FROM liaison_entry le WHERE le.link_id = l.id AND le.party = 'om'"
        "  AND le.awaiting_reply = 1 AND le.answered_on IS NULL AND le.is_chase = 0"
        "  AND le.condition_request_id IS NULL)"
        " + (SELECT COUNT(*) FROM task t JOIN liaison_entry le"
        "  ON le.id = CAST(substr(t.source_ref, 9) AS INTEGER) WHERE t.link_id = l.id"
        f"  AND {_FOLLOW_UP}),"
        " l.next_due"
        " FROM link l JOIN victim v ON v.id = l.victim_id JOIN offender o ON o.id = l.offender_id"
        " WHERE l.om_name = ? ORDER BY l.status != 'open', l.sort_victim",
        [name],
    ).fetchall()


# --- a case's OM and its history ------------------------------------------------------


def set_case_om(db: Database, link_id: int, name: str, team: str, *, on: date, who: str) -> None:
    (old_team,) = db.execute("SELECT om_team FROM link WHERE id = ?", [link_id]).fetchone()
    db.execute(
        "UPDATE link SET om_name = ?, om_team = ?, updated_at = ? WHERE id = ?",
        [name, team, utc_now(), link_id],
    )
    record_change(db, link_id, "om_team", old_team, team, on=on, who=who)
    search_changed(db, [link_id])


def current_assignment(db: Database, link_id: int) -> OMAssignment | None:
    rows = om_history(db, link_id)
    return rows[0] if rows and rows[0].to_on is None else None


def close_assignment(db: Database, assignment_id: int, on: date) -> None:
    db.execute("UPDATE case_om SET to_on = ? WHERE id = ?", [_iso(on), assignment_id])


def insert_assignment(db: Database, assignment: OMAssignment) -> int:
    return (
        db["case_om"]
        .insert(
            {
                "link_id": assignment.link_id,
                "om_name": assignment.om_name,
                "om_team": assignment.om_team,
                "from_on": _iso(assignment.from_on),
                "to_on": _iso(assignment.to_on),
                "reason": assignment.reason,
                "recorded_by": assignment.recorded_by,
                "recorded_at": utc_now(),
            }
        )
        .last_pk
    )


def om_history(db: Database, link_id: int) -> tuple[OMAssignment, ...]:
    """The case's OMs, the current one first (an open-ended row), then earlier ones."""
    rows = db.execute(
        "SELECT id, link_id, om_name, om_team, from_on, to_on, reason, recorded_by FROM case_om"
        " WHERE link_id = ? ORDER BY to_on IS NOT NULL, to_on DESC, id DESC",
        [link_id],
    )
    return tuple(
        OMAssignment(
            id=r[0],
            link_id=r[1],
            om_name=r[2],
            om_team=r[3],
            from_on=_date(r[4]),
            to_on=_date(r[5]),
            reason=r[6],
            recorded_by=r[7],
        )
        for r in rows
    )
