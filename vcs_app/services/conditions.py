"""Licence-condition requests: what the victim asked for, through the OM's decision, to
the victim being told, and the statistics that show whether requests were included.

Each step is one transaction: the request row, a dated and attributed step row, an
audit row with old and new values, and whatever the step means for the clocks (a
decision to refuse or amend gives the VLO a task to explain it to the victim).
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import os
import tempfile
from datetime import date
from pathlib import Path

from vcs_app.domain.conditions import (
    STATS_HEADERS,
    ConditionCatalogue,
    ConditionDraft,
    ConditionRequest,
    ConditionStatus,
    Decision,
    Granularity,
    StatsRow,
    Step,
    check_decision,
    check_map_image,
    check_step,
    check_variation,
    condition_label,
    load_condition_catalogue,
    spreadsheet_safe,
    status_after,
    summarise,
)
from vcs_app.domain.model import (
    CaseStatus,
    Direction,
    DomainError,
    LiaisonChannel,
    LiaisonEntry,
    Party,
    ValidationError,
)
from vcs_app.domain.safety import check_offender_side_document
from vcs_app.services import clocks, documents, liaison, undo
from vcs_app.services.cases import Changed
from vcs_app.services.workspace import Workspace
from vcs_app.storage import audit, repo_cases, repo_conditions, repo_events, repo_om, repo_undo
from vcs_app.storage.files import open_regular

EXPLAIN_RULE = "condition_decision_to_victim"
MAPS_FOLDER = Path("attachments") / "maps"


def catalogue() -> ConditionCatalogue:
    return load_condition_catalogue()


def map_file(ws: Workspace, request: ConditionRequest) -> Path | None:
    """Where the request's map picture is kept (beside the database, in the data folder)."""
    return ws.path.parent / request.map_path if request.map_path else None


def _store_map(ws: Workspace, source: str) -> str:
    """Copy the VLO's map picture into the data folder, named by its content, and return
    its path relative to the database's folder (so the folder can move as a whole)."""
    path = Path(source)
    try:
        with open_regular(path) as fh:  # never a pipe or a device that does not end
            size = os.fstat(fh.fileno()).st_size
            head = fh.read(16)
            check_map_image(path.name, head, size)
            data = head + fh.read()
    except OSError as exc:
        raise ValidationError(f"Cannot read the map '{path.name}': {exc.strerror or exc}.") from exc
    name = MAPS_FOLDER / f"map-{hashlib.sha256(data).hexdigest()[:20]}{path.suffix.lower()}"
    target = documents.kept_name(ws, ws.path.parent / name)
    if not target.exists():  # named by content: the same picture is kept once
        try:
            target = documents.keep(ws, ws.path.parent / name, data)
        except OSError as exc:
            raise DomainError(f"The map could not be saved: {exc.strerror}.") from exc
    return target.relative_to(ws.path.parent).as_posix()


def _contact_check(db, link_id: int, texts: list[str], what: str) -> None:
    """Refuse text bound for the offender side that holds any victim's contact details."""
    link = repo_cases.get_link(db, link_id)
    contacts = repo_om.victim_contacts_for_offender(db, link.offender_id)
    reasons = check_offender_side_document("\n".join(texts), contacts)
    if reasons:
        raise ValidationError(
            f"{what} goes to the offender manager, so it must not contain a victim's contact "
            "details. " + " ".join(reasons)
        )


def request_condition(ws: Workspace, draft: ConditionDraft) -> Changed:
    """Record a condition the victim asks for (nothing is sent to the OM yet)."""
    draft.check_dates(ws.today())
    with ws.store.atomic() as db:
        link = repo_cases.get_link(db, draft.link_id)
        if link.status is not CaseStatus.OPEN:
            raise ValidationError("The case is not open: reopen it before requesting conditions.")
        values = [v for _, v in draft.values]
        _contact_check(
            db, link.id, [draft.wording, draft.reason, draft.risk, *values], "The request"
        )
        map_path = _store_map(ws, draft.map_source) if draft.map_source else ""
        request = ConditionRequest(
            link_id=draft.link_id,
            kind=draft.kind,
            wording=draft.wording,
            reason=draft.reason,
            risk=draft.risk,
            requested_on=draft.requested_on,
            values=draft.values,
            map_path=map_path,
            recorded_by=ws.user,
        )
        request_id = repo_conditions.insert_condition(db, request)
        repo_conditions.insert_step(
            db, request_id, link.id, Step.REQUESTED, draft.requested_on, "", ws.user
        )
        audit.record(
            db,
            who=ws.user,
            action="create",
            entity="condition_request",
            entity_id=request_id,
            link_id=link.id,
            detail={
                "kind": draft.kind,
                "requested_on": draft.requested_on.isoformat(),
                "map": bool(map_path),
            },
        )
    return Changed((link.id,), "condition_request", request_id)


def _plain(value: object) -> object:
    if isinstance(value, date):
        return value.isoformat()
    return getattr(value, "value", value)


def apply_step(
    ws: Workspace,
    request: ConditionRequest,
    step: Step,
    on: date,
    changes: dict[str, object],
    note: str = "",
) -> ConditionRequest:
    """Inside the caller's transaction: check the step's order and date, save it with a
    step row and an audit row of old and new values; returns the request as it now is."""
    db = ws.store.db
    check_step(request, step, on, today=ws.today())
    status = status_after(request, step)
    if status is not request.status:
        changes = {"status": status, **changes}
    old = {name: _plain(getattr(request, name)) for name in changes}
    new = {name: _plain(value) for name, value in changes.items()}
    repo_conditions.update_condition(db, request.id, new)
    repo_conditions.insert_step(db, request.id, request.link_id, step, on, note, ws.user)
    audit.record(
        db,
        who=ws.user,
        action="update",
        entity="condition_request",
        entity_id=request.id,
        link_id=request.link_id,
        detail={
            "step": step.value,
            **{name: [old[name], new[name]] for name in new if old[name] != new[name]},
        },
    )
    return repo_conditions.get_condition(db, request.id)


def _from_om(
    ws: Workspace,
    request: ConditionRequest,
    on: date,
    channel: LiaisonChannel | str,
    who: str,
    text: str,
) -> None:
    """Log what the OM told us about the request: it is their reply, so it stops the chase."""
    link = repo_cases.get_link(ws.store.db, request.link_id)
    liaison.record_entry(
        ws,
        LiaisonEntry(
            link_id=request.link_id,
            happened_on=on,
            direction=Direction.FROM,
            party=Party.OM,
            channel=LiaisonChannel(channel),
            summary=text,
            who=who or link.om_name,
            condition_request_id=request.id,
            is_reply=True,
        ),
    )


def record_acknowledgement(
    ws: Workspace,
    request_id: int,
    *,
    on: date,
    channel: LiaisonChannel = LiaisonChannel.EMAIL,
    who: str = "",
    note: str = "",
) -> Changed:
    with ws.store.atomic() as db:
        request = repo_conditions.get_condition(db, request_id)
        apply_step(ws, request, Step.ACKNOWLEDGED, on, {"acknowledged_on": on}, note)
        text = f"Acknowledged the licence condition request ({request.title})."
        _from_om(ws, request, on, channel, who, f"{text} {note}".strip())
    return Changed((request.link_id,), "condition_request", request_id)


def record_decision(
    ws: Workspace,
    request_id: int,
    *,
    on: date,
    decision: Decision,
    reason: str = "",
    licence_wording: str = "",
    channel: LiaisonChannel = LiaisonChannel.EMAIL,
    who: str = "",
) -> Changed:
    """The OM's decision. A refusal or an amendment gives the VLO a task to explain the
    reason to the victim (the clock `condition_decision_to_victim`)."""
    decision = Decision(decision)
    reason, licence_wording = check_decision(decision, reason, licence_wording)
    with ws.store.atomic() as db:
        request = repo_conditions.get_condition(db, request_id)
        if decision is Decision.INCLUDED:
            licence_wording = licence_wording or request.wording
        if licence_wording or reason:
            _contact_check(db, request.link_id, [licence_wording, reason], "The decision")
        request = apply_step(
            ws,
            request,
            Step.DECIDED,
            on,
            {
                "decision": decision,
                "decision_on": on,
                "decision_reason": reason,
                "licence_wording": licence_wording,
            },
            reason,
        )
        text = f"Decision on the licence condition request ({request.title}): "
        text += condition_label(decision).lower() + (f". Reason: {reason}" if reason else ".")
        _from_om(ws, request, on, channel, who, text)
        if decision is not Decision.INCLUDED:
            clocks.start_clock(
                ws,
                request.link_id,
                EXPLAIN_RULE,
                on,
                title=f"Explain to the victim why '{request.title}' was "
                f"{condition_label(decision).lower()}, with the OM's reason",
                source_ref=f"condition:{request.id}",
            )
    return Changed((request.link_id,), "condition_request", request_id)


def record_victim_informed(ws: Workspace, request_id: int, *, on: date, note: str = "") -> Changed:
    """The victim was told the decision (and the reason): the explaining task is done."""
    with ws.store.atomic() as db:
        request = repo_conditions.get_condition(db, request_id)
        apply_step(ws, request, Step.VICTIM_INFORMED, on, {"victim_informed_on": on}, note)
        clocks.stop_clock(
            ws, request.link_id, EXPLAIN_RULE, on, source_ref=f"condition:{request_id}"
        )
    return Changed((request.link_id,), "condition_request", request_id)


def record_variation(
    ws: Workspace, request_id: int, *, on: date, licence_wording: str, note: str
) -> Changed:
    """The condition on the licence was varied later: the new wording, with why."""
    with ws.store.atomic() as db:
        request = repo_conditions.get_condition(db, request_id)
        wording, note = check_variation(licence_wording, note)
        _contact_check(db, request.link_id, [wording, note], "The variation")
        apply_step(
            ws, request, Step.VARIED, on, {"licence_wording": wording, "varied_on": on}, note
        )
    return Changed((request.link_id,), "condition_request", request_id)


def record_end(ws: Workspace, request_id: int, *, on: date, note: str = "") -> Changed:
    """The condition ended (licence ended or condition removed), or the request was
    withdrawn before a decision; any chase still open is cancelled."""
    with ws.store.atomic() as db:
        request = repo_conditions.get_condition(db, request_id)
        apply_step(ws, request, Step.ENDED, on, {"ended_on": on}, note)
        if request.status in (ConditionStatus.SENT, ConditionStatus.ACKNOWLEDGED):
            clocks.stop_clock(
                ws,
                request.link_id,
                liaison.CHASE_RULE,
                on,
                source_ref=f"condition:{request_id}",
                outcome="cancelled",
            )
            liaison.settle_document_chases(ws, request.link_id, on, outcome="cancelled")
    return Changed((request.link_id,), "condition_request", request_id)


# --- statistics -----------------------------------------------------------------------


def condition_statistics(
    ws: Workspace,
    granularity: Granularity = Granularity.QUARTER,
    *,
    start: date | None = None,
    end: date | None = None,
) -> list[StatsRow]:
    """Inclusion rate, median days to decision and chases, per period and team."""
    return summarise(repo_conditions.outcomes(ws.store.db, start, end), Granularity(granularity))


def export_statistics_csv(
    ws: Workspace,
    path: Path | str,
    granularity: Granularity = Granularity.QUARTER,
    *,
    start: date | None = None,
    end: date | None = None,
) -> int:
    """Write the statistics to a CSV file (complete or not at all); returns the row count.
    Cells that a spreadsheet would run as a formula are written as text."""
    rows = condition_statistics(ws, granularity, start=start, end=end)
    target = Path(path)
    try:
        handle, temp = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".part"
        )
    except OSError as exc:
        raise DomainError(f"Cannot write to {target.parent}: {exc.strerror}.") from exc
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow([spreadsheet_safe(h) for h in STATS_HEADERS])
            for row in rows:
                writer.writerow([spreadsheet_safe(cell) for cell in row.cells()])
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise DomainError(
            f"The statistics could not be saved to {target}: {exc.strerror}."
        ) from exc
    with ws.store.atomic() as db:
        audit.record(
            db,
            who=ws.user,
            action="export",
            entity="condition_statistics",
            detail={
                "path": str(target),
                "rows": len(rows),
                "granularity": Granularity(granularity).value,
                "start": start.isoformat() if start else None,
                "end": end.isoformat() if end else None,
            },
        )
    return len(rows)


# --- undo of a step -------------------------------------------------------------------

# What each undoable step did beyond the request row: the clock whose tasks it closed (and
# how), and whether it logged the OM's reply in the liaison log. Its redo is the forward
# call again (record_acknowledgement, record_decision...), so only the inverse is here.
_CLOSED_BY_STEP: dict[Step, tuple[str, str]] = {
    Step.ACKNOWLEDGED: (liaison.CHASE_RULE, "done"),
    Step.DECIDED: (liaison.CHASE_RULE, "done"),
    Step.VICTIM_INFORMED: (EXPLAIN_RULE, "done"),
    Step.ENDED: (liaison.CHASE_RULE, "cancelled"),
}
_LOGS_OM_REPLY = (Step.ACKNOWLEDGED, Step.DECIDED)
UNDOABLE_STEPS = (
    Step.ACKNOWLEDGED,
    Step.DECIDED,
    Step.VICTIM_INFORMED,
    Step.VARIED,
    Step.ENDED,
)


def undo_step(ws: Workspace, request_id: int, step: Step) -> Changed:
    """Undo of the request's last step: the request is as it was before (status and the
    step's fields), the step leaves its timeline, tasks the step started are cancelled and
    tasks it closed are open again, and the OM reply it logged is withdrawn. One audit
    row "undo" holds each restored field as [from, to]. Refused (ChangedSince) if the
    request has moved on since. Sending to the OM is not undone: the document went out."""
    step = Step(step)
    if step is Step.SENT:
        raise ValidationError(
            "Sending a request to the offender manager cannot be undone: the request"
            " document was produced and recorded as disclosed. If it was sent by mistake,"
            " tell the OM, then record the end of the request."
        )
    if step not in UNDOABLE_STEPS:
        raise ValidationError(f"'{condition_label(step)}' cannot be undone.")
    with ws.store.atomic() as db:
        request = repo_conditions.get_condition(db, request_id)
        what = f"The licence condition request ({request.title})"
        last = repo_conditions.last_step(db, request_id)
        audit_id, action, change = repo_conditions.last_change(db, request_id)
        undo.check_unchanged(
            (last and last.step, action, change.get("step")), (step, "update", step.value), what
        )
        fields = {name: pair for name, pair in change.items() if name != "step"}
        current = {name: _plain(getattr(request, name)) for name in fields}
        undo.check_unchanged(current, {name: new for name, (_, new) in fields.items()}, what)
        note = _om_reply_of(db, request_id, step, last.on, what)
        reopen = _tasks_to_reopen(ws, request, step, audit_id, what)

        repo_conditions.update_condition(db, request_id, {n: old for n, (old, _) in fields.items()})
        repo_conditions.delete_step(db, last.id)
        if step is Step.DECIDED:
            clocks.stop_clock(
                ws,
                request.link_id,
                EXPLAIN_RULE,
                ws.today(),
                source_ref=f"condition:{request_id}",
                outcome="cancelled",
            )
        for task_id in reopen:
            repo_events.reopen_task(db, task_id)
            audit.record(
                db,
                who=ws.user,
                action=undo.UNDO,
                entity="task",
                entity_id=task_id,
                link_id=request.link_id,
                detail={"reopened": True, "why": f"undo of '{condition_label(step)}'"},
            )
        if note is not None:
            waiting = repo_conditions.unanswer(db, note)
            repo_undo.withdraw_liaison_entry(db, note, ws.user)
            audit.record(
                db,
                who=ws.user,
                action=undo.UNDO,
                entity="liaison_entry",
                entity_id=note,
                link_id=request.link_id,
                detail={
                    "withdrawn": True,
                    "waiting_again": waiting,
                    "why": f"The OM's reply logged with '{condition_label(step)}', withdrawn"
                    " by its undo: kept on file, hidden from the liaison log.",
                },
            )
        audit.record(
            db,
            who=ws.user,
            action=undo.UNDO,
            entity="condition_request",
            entity_id=request_id,
            link_id=request.link_id,
            detail={
                "step": step.value,
                "on": last.on.isoformat(),
                **{name: [new, old] for name, (old, new) in fields.items()},
            },
        )
    return Changed((request.link_id,), "condition_request", request_id)


def _om_reply_of(db, request_id: int, step: Step, on: date, what: str) -> int | None:
    """The OM reply a step logged (the request's newest note), or None for other steps."""
    if step not in _LOGS_OM_REPLY:
        return None
    note = repo_conditions.last_note(db, request_id)
    shape = note and (note[1], note[2], note[3])
    undo.check_unchanged(shape, (Direction.FROM.value, Party.OM.value, on), f"{what}'s liaison log")
    return note[0]


def _tasks_to_reopen(
    ws: Workspace, request: ConditionRequest, step: Step, audit_id: int, what: str
) -> list[int]:
    """The tasks the step closed; refused if that clock has an open task again."""
    if step not in _CLOSED_BY_STEP:
        return []
    rule, outcome = _CLOSED_BY_STEP[step]
    db = ws.store.db
    closed = repo_conditions.tasks_closed_since(
        db, audit_id, request.link_id, rule, request.id, outcome
    )
    refs = {t.source_ref for t in repo_events.tasks_for_case(db, request.link_id) if t.id in closed}
    if any(repo_events.open_tasks(db, request.link_id, rule, ref) for ref in refs):
        raise undo.ChangedSince(
            f"{what} has an open task again since this step, so its undo would reopen a"
            " second one. Nothing was undone: look at the case's tasks and correct by hand."
        )
    return closed
