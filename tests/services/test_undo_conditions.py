"""Undo and redo of a licence-condition request's last step, as service calls: the
request, its tasks and its liaison log are as they were before the step, the audit shows
the step, its undo and its redo, and an undo over a later step is refused."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

import pytest
from fixed_day import TODAY

from vcs_app.domain.conditions import ConditionDraft, ConditionStatus, Decision, Step
from vcs_app.domain.model import ValidationError
from vcs_app.services import cases, conditions, liaison, om
from vcs_app.services.undo import UNDO, ChangedSince
from vcs_app.storage import audit, repo_conditions


@pytest.fixture(autouse=True)
def _qt_for_pdfs(qapp):
    """Sending writes the request PDF through Qt (the test run's one QApplication)."""


def _sent(ws, tmp_path, case_id: int, kinds: tuple[str, ...] = ("no_contact",)):
    """Requests of these kinds, sent to the OM in one document (the id of the first)."""
    om_id = om.save_om(
        ws, om.OffenderManager("Kit Harrowby", "North Team", "kit@probation.example.org")
    ).record_id
    om.change_om(ws, case_id, om_id, on=date(2026, 10, 1))
    ids = []
    for kind in kinds:
        template = conditions.catalogue().get(kind)
        values = {p.key: "Ceri Prydderch" for p in template.placeholders}
        draft = ConditionDraft(
            link_id=case_id,
            kind=kind,
            wording=template.fill(values),
            reason="She is afraid he will turn up at her work.",
            risk="Harassment and intimidation after release.",
            requested_on=date(2026, 10, 5),
            values=tuple(values.items()),
        )
        ids.append(conditions.request_condition(ws, draft).record_id)
    om.send_to_om(ws, case_id, ids, on=date(2026, 11, 2), pdf_path=tmp_path / "r.pdf")
    return ids[0]


def _state(ws, case_id: int, rid: int):
    """Everything a step may change: the request with its timeline, the open tasks, and
    the liaison log as the VLO sees it (with what is answered)."""
    case = cases.open_case(ws, case_id)
    open_tasks = sorted((t.id, t.rule, t.due_on) for t in case.tasks if not t.done_on)
    log = [(e.id, e.summary, e.answered_on) for e in case.liaison]
    return repo_conditions.get_condition(ws.store.db, rid), open_tasks, log


def _audit(ws, case_id: int, entity: str) -> list[tuple[str, dict]]:
    return [
        (r.action, json.loads(r.detail) if r.detail else {})
        for r in reversed(audit.history_for_case(ws.store.db, case_id))
        if r.entity == entity
    ]


ACK = date(2026, 11, 3)
DECIDED = date(2026, 11, 9)
LATER = date(2026, 11, 16)


def _ack(ws, rid):
    return conditions.record_acknowledgement(ws, rid, on=ACK, who="Kit Harrowby")


def _refuse(ws, rid):
    return conditions.record_decision(
        ws, rid, on=DECIDED, decision=Decision.REFUSED, reason="No known link to her work."
    )


def _include(ws, rid):
    return conditions.record_decision(ws, rid, on=DECIDED, decision=Decision.INCLUDED)


def _inform(ws, rid):
    return conditions.record_victim_informed(ws, rid, on=LATER, note="Phoned her.")


def _vary(ws, rid):
    return conditions.record_variation(
        ws, rid, on=LATER, licence_wording="Not to contact Ceri or her children.", note="Review."
    )


def _end(ws, rid):
    return conditions.record_end(ws, rid, on=LATER, note="Victim withdrew the request.")


Call = Callable[..., object]

# the steps that lead up to it, the step undone, and its forward call (also its redo)
CASES: dict[str, tuple[tuple[Call, ...], Step, Call]] = {
    "acknowledged": ((), Step.ACKNOWLEDGED, _ack),
    "refused after acknowledgement": ((_ack,), Step.DECIDED, _refuse),
    "included straight after sending": ((), Step.DECIDED, _include),
    "victim informed of a refusal": ((_refuse,), Step.VICTIM_INFORMED, _inform),
    "varied": ((_include,), Step.VARIED, _vary),
    "withdrawn while waiting on the OM": ((), Step.ENDED, _end),
    "ended after the victim was told": ((_include, _inform), Step.ENDED, _end),
}


@pytest.mark.parametrize("name", list(CASES))
def test_undo_puts_the_request_tasks_and_log_back_and_redo_steps_again(ws, case_id, tmp_path, name):
    before_steps, step, forward = CASES[name]
    rid = _sent(ws, tmp_path, case_id)
    for call in before_steps:
        call(ws, rid)
    before = _state(ws, case_id, rid)
    forward(ws, rid)
    after = _state(ws, case_id, rid)
    assert after != before

    changed = conditions.undo_step(ws, rid, step)
    assert changed.link_ids == (case_id,) and changed.record_id == rid
    assert _state(ws, case_id, rid) == before

    forward(ws, rid)  # redo is the same forward call
    redone, tasks, log = _state(ws, case_id, rid)
    assert redone.status is after[0].status
    assert [(s.step, s.on) for s in redone.steps] == [(s.step, s.on) for s in after[0].steps]
    assert [(rule, due) for _, rule, due in tasks] == [(rule, due) for _, rule, due in after[1]]
    assert [(summary, answered) for _, summary, answered in log] == [
        (summary, answered) for _, summary, answered in after[2]
    ]

    actions = _audit(ws, case_id, "condition_request")
    assert [a for a, d in actions if d.get("step") == step.value][-3:] == [
        "update",
        UNDO,
        "update",
    ]
    step_row, undo_row = [d for a, d in actions if d.get("step") == step.value][-3:-1]
    restored = {k: v for k, v in undo_row.items() if k not in ("step", "on")}
    changed_by_step = {k: v for k, v in step_row.items() if k != "step"}
    assert restored == {k: [new, old] for k, (old, new) in changed_by_step.items()}
    assert audit.verify_chain(ws.store.db) is None


def test_undoing_a_refusal_cancels_the_task_to_explain_it_and_withdraws_the_reply(
    ws, case_id, tmp_path
):
    rid = _sent(ws, tmp_path, case_id)
    _refuse(ws, rid)
    reply = cases.open_case(ws, case_id).liaison[0]
    assert reply.is_reply and reply.condition_request_id == rid

    conditions.undo_step(ws, rid, Step.DECIDED)
    case = cases.open_case(ws, case_id)
    request = repo_conditions.get_condition(ws.store.db, rid)
    assert (request.status, request.decision, request.decision_on) == (
        ConditionStatus.SENT,
        None,
        None,
    )
    assert (request.decision_reason, request.licence_wording) == ("", "")
    explain = [t for t in case.tasks if t.rule == conditions.EXPLAIN_RULE]
    assert [(t.outcome, t.done_on) for t in explain] == [("cancelled", TODAY)]
    chase = [t for t in case.tasks if t.rule == liaison.CHASE_RULE and not t.done_on]
    assert len(chase) == 1  # the chase the reply had stopped runs again
    assert reply.id not in [e.id for e in case.liaison]  # withdrawn, kept on file
    assert len(om.waiting_on_om(ws)) == 1  # the request waits on the OM again
    notes = _audit(ws, case_id, "liaison_entry")
    assert notes[-1][0] == UNDO and notes[-1][1]["withdrawn"] is True
    tasks = _audit(ws, case_id, "task")
    assert (UNDO, {"reopened": True, "why": "undo of 'Decided'"}) in tasks


def test_undo_is_refused_once_the_request_moved_on(ws, case_id, tmp_path):
    rid = _sent(ws, tmp_path, case_id)
    _ack(ws, rid)
    _include(ws, rid)
    before = _state(ws, case_id, rid)
    rows = len(audit.history_for_case(ws.store.db, case_id))
    with pytest.raises(ChangedSince, match=r"changed after this edit.*Nothing was undone"):
        conditions.undo_step(ws, rid, Step.ACKNOWLEDGED)
    assert len(audit.history_for_case(ws.store.db, case_id)) == rows  # nothing written
    assert _state(ws, case_id, rid) == before

    conditions.undo_step(ws, rid, Step.DECIDED)
    with pytest.raises(ChangedSince):  # the same undo twice
        conditions.undo_step(ws, rid, Step.DECIDED)


def test_undo_is_refused_after_a_chase(ws, case_id, tmp_path):
    rid = _sent(ws, tmp_path, case_id)
    _ack(ws, rid)
    liaison.chase(ws, case_id, on=date(2026, 11, 5), summary="Any news?", request_id=rid)
    with pytest.raises(ChangedSince):
        conditions.undo_step(ws, rid, Step.ACKNOWLEDGED)
    assert repo_conditions.get_condition(ws.store.db, rid).status is ConditionStatus.ACKNOWLEDGED


def test_sending_to_the_om_is_not_undone_and_says_why(ws, case_id, tmp_path):
    rid = _sent(ws, tmp_path, case_id)
    with pytest.raises(ValidationError, match="cannot be undone: the request document"):
        conditions.undo_step(ws, rid, Step.SENT)
    assert repo_conditions.get_condition(ws.store.db, rid).status is ConditionStatus.SENT


def test_undoing_the_decision_that_closed_a_documents_chase_reopens_it(ws, case_id, tmp_path):
    """Two requests sent in one document share one chase task (issue 18 item 10): the
    decision that closed it, undone, opens it again."""
    first = _sent(ws, tmp_path, case_id, ("no_contact", "exclusion_zone"))
    second = first + 1
    (chase,) = _open_chases(ws, case_id)
    _include(ws, first)
    assert _open_chases(ws, case_id) == [chase]  # the other still waits on the OM
    _refuse(ws, second)
    assert _open_chases(ws, case_id) == []
    conditions.undo_step(ws, second, Step.DECIDED)
    assert _open_chases(ws, case_id) == [chase]
    assert [w.request_id for w in om.waiting_on_om(ws)] == [second]


def _open_chases(ws, case_id):
    case = cases.open_case(ws, case_id)
    return [t.source_ref for t in case.tasks if t.rule == liaison.CHASE_RULE and not t.done_on]
