"""The liaison log: every exchange with the OM, prison, hospital, Parole Board or police.

Information sharing with offender managers is where requests get lost, so a note to
the OM that waits for an answer starts the `om_chase` clock (a chase task after the rule
set's working days), a chase restarts it, and a reply from the OM stops it. A note to
anyone else with a follow-up date becomes a task on that date.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from vcs_app.domain.conditions import (
    ConditionRequest,
    Step,
    chase_cause,
    check_step,
    requests_chased_by,
)
from vcs_app.domain.model import (
    Direction,
    LiaisonChannel,
    LiaisonEntry,
    Party,
    ValidationError,
    label,
)
from vcs_app.services import clocks, undo
from vcs_app.services.cases import Changed
from vcs_app.services.workspace import Workspace
from vcs_app.storage import audit, repo_cases, repo_conditions, repo_events, repo_om, repo_undo

CHASE_RULE = "om_chase"
FOLLOW_UP_RULE = "liaison_follow_up"


def log_liaison(ws: Workspace, entry: LiaisonEntry) -> Changed:
    """Save a liaison note, with the waiting, chasing and replying it implies."""
    with ws.store.atomic():
        entry_id = record_entry(ws, entry)
    return Changed((entry.link_id,), "liaison_entry", entry_id)


def chase(
    ws: Workspace,
    link_id: int,
    *,
    on: date,
    summary: str,
    channel: LiaisonChannel = LiaisonChannel.EMAIL,
    request_id: int | None = None,
    wait_id: int | None = None,
) -> Changed:
    """Chase the OM about a condition request or an earlier question: the chase is logged
    and the chase clock starts again from today."""
    with ws.store.atomic() as db:
        link = repo_cases.get_link(db, link_id)
        if request_id is not None:
            request = repo_conditions.get_condition(db, request_id)
            check_step(request, Step.CHASED, on, today=ws.today())
        if wait_id is not None:
            wait = repo_om.get_liaison_entry(db, wait_id)
            if wait.link_id != link_id or wait.answered_on is not None:
                raise ValidationError("That question has been answered or is on another case.")
        entry_id = record_entry(
            ws,
            LiaisonEntry(
                link_id=link_id,
                happened_on=on,
                direction=Direction.TO,
                party=Party.OM,
                channel=channel,
                summary=summary,
                who=link.om_name,
                condition_request_id=request_id,
                awaiting_reply=True,
                is_chase=True,
                chase_of=wait_id,
            ),
        )
    return Changed((link_id,), "liaison_entry", entry_id)


def _chase_ref(entry: LiaisonEntry, entry_id: int) -> str:
    if entry.condition_request_id is not None:
        return f"condition:{entry.condition_request_id}"
    return f"liaison:{entry.chase_of or entry_id}"


def record_entry(ws: Workspace, entry: LiaisonEntry, *, sent_with: tuple[int, ...] = ()) -> int:
    """Inside the caller's transaction: save the note, start/stop what it waits for, and
    audit it. Used by every use case that logs an exchange (sending a request to the OM,
    recording their decision). `sent_with`: the requests sent to the OM in one document
    with this one, which share one chase task."""
    entry.check_dates(ws.today())
    db = ws.store.db
    link = repo_cases.get_link(db, entry.link_id)
    request = None
    if entry.condition_request_id is not None:
        request = repo_conditions.get_condition(db, entry.condition_request_id)
        if request.link_id != entry.link_id:
            raise ValidationError("That licence condition request belongs to another case.")
    to_om = entry.direction is Direction.TO and entry.party is Party.OM
    if to_om and request is not None and request.waiting_on_om:
        # Writing to the OM about a request they have not decided is chasing it.
        entry = replace(entry, awaiting_reply=True, is_chase=True)
    entry = replace(entry, recorded_by=ws.user, who=entry.who or (link.om_name if to_om else ""))
    waits_for_om = to_om and entry.awaiting_reply
    if waits_for_om and entry.follow_up_due is None:
        clock, _ = clocks.clock_for(CHASE_RULE, entry.happened_on)
        entry = replace(entry, follow_up_due=clock.due_from(entry.happened_on))
    entry_id = repo_om.insert_liaison_entry(db, entry)
    answered: list[int] = []
    if waits_for_om:
        _start_chase_clock(ws, link.om_name, entry, entry_id, request, sent_with)
    elif entry.direction is Direction.TO and entry.awaiting_reply and entry.follow_up_due:
        clocks.add_task(
            ws,
            entry.link_id,
            FOLLOW_UP_RULE,
            f"Follow up with {label(entry.party).lower()}: no reply yet",
            entry.follow_up_due,
            source_ref=f"liaison:{entry_id}",
            rule_text="Follow-up date set by the VLO on the liaison note",
        )
    elif entry.direction is Direction.FROM:
        answered = _answer_waits(ws, entry, entry_id)
        if entry.follow_up_due:
            _start_follow_up(ws, link.om_name, entry, entry_id)
    audit.record(
        db,
        who=ws.user,
        action="create",
        entity="liaison_entry",
        entity_id=entry_id,
        link_id=entry.link_id,
        detail={
            "party": entry.party.value,
            "direction": entry.direction.value,
            "condition_request_id": entry.condition_request_id,
            "awaiting_reply": entry.awaiting_reply,
            "chase": entry.is_chase,
            "answers": answered,
        },
    )
    return entry_id


def _start_chase_clock(
    ws: Workspace,
    om_name: str,
    entry: LiaisonEntry,
    entry_id: int,
    request: ConditionRequest | None,
    sent_with: tuple[int, ...] = (),
) -> None:
    db = ws.store.db
    source = _chase_ref(entry, entry_id)
    if entry.is_chase:  # the chase task that asked for this is done; a new wait begins
        clocks.stop_clock(ws, entry.link_id, CHASE_RULE, entry.happened_on, source_ref=source)
    about = f"licence condition request ({request.title})" if request else "our question"
    if request is not None and len(set(sent_with)) > 1:  # one document: one chase
        source = chase_cause(sent_with)
        titles = [repo_conditions.get_condition(db, i).title for i in sorted(set(sent_with))]
        about = f"licence condition requests ({'; '.join(titles)})"
    who = om_name or "the offender manager"
    task = clocks.start_clock(
        ws,
        entry.link_id,
        CHASE_RULE,
        entry.happened_on,
        title=f"Chase {who} (OM): no reply to {about}",
        source_ref=source,
    )
    if entry.follow_up_due and entry.follow_up_due != task.due_on:
        repo_events.move_task(
            db, task.id, entry.follow_up_due, "Follow-up date set by the VLO on the liaison note"
        )
        audit.record(
            db,
            who=ws.user,
            action="update",
            entity="task",
            entity_id=task.id,
            link_id=entry.link_id,
            detail={
                "rule": CHASE_RULE,
                "due_on": [task.due_on.isoformat(), entry.follow_up_due.isoformat()],
            },
        )
    if request is not None and entry.is_chase:
        repo_conditions.insert_step(
            db, request.id, entry.link_id, Step.CHASED, entry.happened_on, entry.summary, ws.user
        )
        settle_document_chases(ws, entry.link_id, entry.happened_on)


def settle_document_chases(
    ws: Workspace, link_id: int, on: date, outcome: str = "done"
) -> list[int]:
    """Close a document's one chase task once none of its requests is left to chase
    through it: the OM has answered each (or it ended), or it was chased on its own."""
    db = ws.store.db
    closed = []
    for task in repo_events.open_tasks(db, link_id, CHASE_RULE):
        ids = requests_chased_by(task.source_ref)
        if len(ids) < 2:
            continue
        waiting = [
            i
            for i in ids
            if repo_conditions.get_condition(db, i).waiting_on_om
            and repo_om.open_waits(db, link_id, Party.OM.value, request_id=i)
            and not repo_events.open_tasks(db, link_id, CHASE_RULE, f"condition:{i}")
        ]
        if not waiting:
            closed += clocks.stop_clock(
                ws, link_id, CHASE_RULE, on, source_ref=task.source_ref, outcome=outcome
            )
    return closed


def _start_follow_up(ws: Workspace, om_name: str, entry: LiaisonEntry, entry_id: int) -> None:
    """A note *from* someone with a follow-up date (they said they would come back by
    then) is a task on that date. From the OM it is a wait on them like a question: it
    shows in Waiting on OM until the task is done, a chase restarts it and their reply
    ends it. About a licence condition request, it is that request's next chase."""
    rule = CHASE_RULE if entry.party is Party.OM else FOLLOW_UP_RULE
    source = (
        f"condition:{entry.condition_request_id}"
        if entry.condition_request_id is not None and entry.party is Party.OM
        else f"liaison:{entry_id}"
    )
    who = f"{om_name or 'the offender manager'} (OM)" if entry.party is Party.OM else ""
    what = entry.summary if len(entry.summary) <= 80 else entry.summary[:79] + "…"
    clocks.stop_clock(ws, entry.link_id, rule, entry.happened_on, source_ref=source)
    clocks.add_task(
        ws,
        entry.link_id,
        rule,
        f"Follow up with {who or label(entry.party).lower()}: {what}",
        entry.follow_up_due,  # type: ignore[arg-type]
        source_ref=source,
        rule_text="Follow-up date set by the VLO on a note received (they said they would"
        " come back by then)",
    )


def _answer_waits(ws: Workspace, entry: LiaisonEntry, entry_id: int) -> list[int]:
    """A note from the OM about a request answers what waits on that request; a note
    marked as a reply without a request answers the case's open general questions to that
    party (and the follow-ups its earlier notes set), never a condition request's wait:
    a reply answers only what it names."""
    db = ws.store.db
    party = entry.party.value
    if entry.condition_request_id is not None and entry.party is Party.OM:
        waits = repo_om.open_waits(db, entry.link_id, party, request_id=entry.condition_request_id)
        refs = {f"condition:{entry.condition_request_id}"}
    elif entry.is_reply:
        waits = repo_om.open_waits(db, entry.link_id, party)
        refs = {_chase_ref(w, w.id) for w in waits if w.id is not None}
        refs |= {f"liaison:{i}" for i in repo_om.open_follow_ups(db, entry.link_id, party)}
    else:
        return []
    ids = [w.id for w in waits if w.id is not None]
    repo_om.mark_answered(db, ids, entry.happened_on, entry_id)
    repo_om.mark_reply(db, entry_id)
    rule = CHASE_RULE if entry.party is Party.OM else FOLLOW_UP_RULE
    for ref in sorted(refs):
        clocks.stop_clock(ws, entry.link_id, rule, entry.happened_on, source_ref=ref)
    if entry.party is Party.OM:
        settle_document_chases(ws, entry.link_id, entry.happened_on)
    return ids


# --- undo -----------------------------------------------------------------------------


def withdraw_entry(ws: Workspace, entry_id: int) -> Changed:
    """Undo of a liaison note. The log is evidence, so the note is withdrawn, not deleted:
    it stays on file, leaves the log view, the audit says it was withdrawn, and the chase
    or follow-up task it started is cancelled. Refused once the exchange has moved on."""
    with ws.store.atomic() as db:
        entry = repo_om.get_liaison_entry(db, entry_id)
        if repo_undo.liaison_withdrawn(db, entry_id):
            raise undo.ChangedSince("That liaison note has already been withdrawn.")
        if entry.condition_request_id is not None:
            raise ValidationError(
                "A note about a licence condition request is part of that request's record"
                " and cannot be withdrawn; add a note that corrects it instead."
            )
        if entry.answered_on is not None or repo_undo.liaison_dependants(db, entry_id):
            raise undo.ChangedSince(
                "Later notes answer or chase this liaison note, so it cannot be withdrawn;"
                " add a note that corrects it instead."
            )
        repo_undo.withdraw_liaison_entry(db, entry_id, ws.user)
        today = ws.today()
        for rule in (CHASE_RULE, FOLLOW_UP_RULE):
            clocks.stop_clock(
                ws,
                entry.link_id,
                rule,
                today,
                source_ref=f"liaison:{entry_id}",
                outcome="cancelled",
            )
        audit.record(
            db,
            who=ws.user,
            action=undo.UNDO,
            entity="liaison_entry",
            entity_id=entry_id,
            link_id=entry.link_id,
            detail={
                "withdrawn": True,
                "why": "Withdrawn by undo: kept on file, hidden from the liaison log.",
            },
        )
    return Changed((entry.link_id,), "liaison_entry", entry_id)


def log_again(ws: Workspace, entry: LiaisonEntry, withdrawn_id: int) -> Changed:
    """Redo of a withdrawn note: the same note is logged again (a new entry, with its
    clocks), and the audit ties it to the withdrawn one."""
    with ws.store.atomic() as db:
        if not repo_undo.liaison_withdrawn(db, withdrawn_id):
            raise undo.ChangedSince("That liaison note is in the log already.")
        entry_id = record_entry(ws, replace(entry, id=None, answered_on=None))
        audit.record(
            db,
            who=ws.user,
            action=undo.REDO,
            entity="liaison_entry",
            entity_id=entry_id,
            link_id=entry.link_id,
            detail={"logged_again": withdrawn_id},
        )
    return Changed((entry.link_id,), "liaison_entry", entry_id)
