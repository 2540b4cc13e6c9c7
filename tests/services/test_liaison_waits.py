"""What a note from the OM answers, and what a follow-up date on it starts (issue 17,
items 1 and 2), against a real database."""

from __future__ import annotations

from datetime import date

import pytest

from vcs_app.domain.calendar import add_working_days
from vcs_app.domain.conditions import ConditionDraft, ConditionStatus, OffenderManager
from vcs_app.domain.model import LiaisonEntry
from vcs_app.services import cases, conditions, liaison, om, tasks
from vcs_app.storage import repo_conditions

SENT_ON = date(2026, 11, 2)  # a Monday


def _om(ws, case_id) -> None:
    om_id = om.save_om(ws, OffenderManager("Kit Harrowby", "North Team")).record_id
    om.change_om(ws, case_id, om_id, on=date(2026, 10, 1))


def _request(ws, case_id, kind="no_contact") -> int:
    template = conditions.catalogue().get(kind)
    values = {p.key: "the town centre of Anytown" for p in template.placeholders}
    draft = ConditionDraft(
        link_id=case_id,
        kind=kind,
        wording=template.fill(values),
        reason="She shops in the town centre every week.",
        risk="He may wait for her there.",
        requested_on=date(2026, 10, 5),
        values=tuple(values.items()),
    )
    return conditions.request_condition(ws, draft).record_id


@pytest.fixture(autouse=True)
def _qt_for_pdfs(qapp):
    """Sending writes the request PDF through Qt (the run's one QApplication)."""


def _open_chases(ws, case_id):
    return [t for t in cases.open_case(ws, case_id).tasks if t.rule == "om_chase" and not t.done_on]


def test_a_general_reply_from_the_om_does_not_close_a_condition_requests_chase(
    ws, case_id, tmp_path
):
    """The issue's sequence: two conditions sent, one decided, a question to the OM, then a
    note from the OM left as "this answers what we are waiting for" with no request named.
    It answers the question only: the undecided condition keeps its wait and its chase."""
    _om(ws, case_id)
    first = _request(ws, case_id)
    second = _request(ws, case_id, kind="exclusion_zone")
    om.send_to_om(ws, case_id, [first, second], on=SENT_ON, pdf_path=tmp_path / "r.pdf")
    conditions.record_decision(ws, first, on=date(2026, 11, 4), decision="included")
    liaison.log_liaison(
        ws,
        LiaisonEntry(
            case_id,
            date(2026, 11, 5),
            "to",
            "om",
            "email",
            "Is a home visit planned?",
            awaiting_reply=True,
        ),
    )
    liaison.log_liaison(
        ws,
        LiaisonEntry(
            case_id,
            date(2026, 11, 9),
            "from",
            "om",
            "phone",
            "No home visit is planned.",
            is_reply=True,
        ),
    )
    request = repo_conditions.get_condition(ws.store.db, second)
    assert request.status is ConditionStatus.SENT
    (chase,) = _open_chases(ws, case_id)  # the document's one chase, now for the second
    assert chase.source_ref == f"conditions:{first},{second}"
    assert chase.due_on == add_working_days(SENT_ON, 5)
    (wait,) = om.waiting_on_om(ws, on=date(2026, 11, 9))
    assert wait.request_id == second and wait.chase_due == chase.due_on
    sent = [e for e in cases.open_case(ws, case_id).liaison if e.condition_request_id == second]
    assert all(e.answered_on is None for e in sent)
    question = next(e for e in cases.open_case(ws, case_id).liaison if e.summary.startswith("Is"))
    assert question.answered_on == date(2026, 11, 9)


def test_a_follow_up_date_on_a_note_from_the_om_starts_a_task_and_waits(ws, case_id):
    _om(ws, case_id)
    changed = liaison.log_liaison(
        ws,
        LiaisonEntry(
            case_id,
            date(2026, 11, 10),
            "from",
            "om",
            "phone",
            "Will confirm the release address after the MAPPA meeting.",
            follow_up_due=date(2026, 11, 20),
        ),
    )
    (task,) = _open_chases(ws, case_id)
    assert task.due_on == date(2026, 11, 20)
    assert task.source_ref == f"liaison:{changed.record_id}"
    assert task.title.startswith("Follow up with Kit Harrowby (OM)")
    (wait,) = om.waiting_on_om(ws, on=date(2026, 11, 12))
    assert wait.wait_id == changed.record_id and wait.chase_due == date(2026, 11, 20)
    assert wait.what.startswith("Will confirm the release address")
    assert om.directory(ws)[0].waiting == 1
    # Until done: marking the task done takes it off the list.
    tasks.complete_task(ws, task.id, on=date(2026, 11, 20))
    assert om.waiting_on_om(ws) == []


def test_a_from_note_follow_up_is_chased_and_answered_like_a_question(ws, case_id):
    _om(ws, case_id)
    liaison.log_liaison(
        ws,
        LiaisonEntry(
            case_id,
            date(2026, 11, 10),
            "from",
            "om",
            "phone",
            "Will confirm the release address.",
            follow_up_due=date(2026, 11, 13),
        ),
    )
    (wait,) = om.waiting_on_om(ws, on=date(2026, 11, 16))
    om.chase_wait(ws, wait, on=date(2026, 11, 16), summary="Any news?", channel="email")
    (wait,) = om.waiting_on_om(ws, on=date(2026, 11, 16))
    assert wait.chases == 1 and wait.chase_due == add_working_days(date(2026, 11, 16), 5)
    liaison.log_liaison(
        ws,
        LiaisonEntry(
            case_id, date(2026, 11, 18), "from", "om", "email", "Address approved.", is_reply=True
        ),
    )
    assert om.waiting_on_om(ws) == []
    assert _open_chases(ws, case_id) == []


def test_a_follow_up_date_on_a_note_from_another_party_is_a_task(ws, case_id):
    liaison.log_liaison(
        ws,
        LiaisonEntry(
            case_id,
            date(2026, 11, 10),
            "from",
            "prison",
            "phone",
            "The release plan will be ready next week.",
            follow_up_due=date(2026, 11, 19),
        ),
    )
    (task,) = [t for t in cases.open_case(ws, case_id).tasks if not t.done_on]
    assert (task.rule, task.due_on) == ("liaison_follow_up", date(2026, 11, 19))
    assert task.title == "Follow up with prison: The release plan will be ready next week."
    assert om.waiting_on_om(ws) == []


def test_a_reply_about_one_request_leaves_the_other_waiting(ws, case_id, tmp_path):
    _om(ws, case_id)
    first = _request(ws, case_id)
    second = _request(ws, case_id, kind="exclusion_zone")
    om.send_to_om(ws, case_id, [first, second], on=SENT_ON, pdf_path=tmp_path / "r.pdf")
    liaison.log_liaison(
        ws,
        LiaisonEntry(
            case_id,
            date(2026, 11, 4),
            "from",
            "om",
            "email",
            "Will take the no-contact request to the board.",
            condition_request_id=first,
            is_reply=True,
        ),
    )
    (chase,) = _open_chases(ws, case_id)  # the document's one chase, now for the second
    assert chase.source_ref == f"conditions:{first},{second}"
