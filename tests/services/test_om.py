"""The offender-manager side against a real database: the request document (checked
before it is produced), chasing after N working days, replies, the waiting-on-OM
list, the directory and each case's OM history."""

from __future__ import annotations

import json
import string
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vcs_app.domain.calendar import add_working_days
from vcs_app.domain.conditions import ConditionDraft, ConditionStatus, OffenderManager
from vcs_app.domain.model import (
    ContactDetail,
    ContactKind,
    DomainError,
    LiaisonEntry,
    Link,
    ValidationError,
    Victim,
)
from vcs_app.domain.rules import rule_set_for
from vcs_app.domain.safety import check_offender_side_document
from vcs_app.services import cases, conditions, liaison, om, tasks
from vcs_app.storage import audit, repo_conditions

SENT_ON = date(2026, 11, 2)  # a Monday


@pytest.fixture(autouse=True)
def _qt_for_pdfs(qapp):
    """Sending writes the request PDF through Qt: use the test run's one QApplication
    (a bare QGuiApplication made here would break the GUI tests that follow)."""


PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de"
    "0000000c4944415408d763f8cfc0f01f0005000201a2d3a1d20000000049454e44ae426082"
)


def _om(ws, case_id=None, name="Kit Harrowby", team="North Team", on=date(2026, 10, 1)) -> int:
    om_id = om.save_om(
        ws, OffenderManager(name, team, "kit.harrowby@probation.example.org", "0300 555 0101")
    ).record_id
    if case_id is not None:
        om.change_om(ws, case_id, om_id, on=on)
    return om_id


def _request(ws, case_id, kind="no_contact", on=date(2026, 10, 5), **changes) -> int:
    template = conditions.catalogue().get(kind)
    values = {p.key: "the town centre of Anytown" for p in template.placeholders}
    fields = {
        "link_id": case_id,
        "kind": kind,
        "wording": template.fill(values),
        "reason": "She shops in the town centre every week.",
        "risk": "He may wait for her there.",
        "requested_on": on,
        "values": tuple(values.items()),
    }
    fields.update(changes)
    return conditions.request_condition(ws, ConditionDraft(**fields)).record_id


def _send(ws, case_id, request_ids, tmp_path, on=SENT_ON):
    path = tmp_path / f"request-{'-'.join(map(str, request_ids))}.pdf"
    om.send_to_om(ws, case_id, request_ids, on=on, pdf_path=path)
    return path


def _chases(ws, case_id, *, done=False):
    return [
        t
        for t in cases.open_case(ws, case_id).tasks
        if t.rule == "om_chase" and (t.done_on is not None) == done
    ]


# --- the request document -------------------------------------------------------------


def test_sending_produces_the_pdf_logs_the_exchange_and_starts_the_chase(ws, case_id, tmp_path):
    _om(ws, case_id)
    rid = _request(ws, case_id)
    path = _send(ws, case_id, [rid], tmp_path)
    assert path.read_bytes().startswith(b"%PDF")
    request = repo_conditions.get_condition(ws.store.db, rid)
    assert request.status is ConditionStatus.SENT
    assert request.chase_due == add_working_days(SENT_ON, 5)
    note = cases.open_case(ws, case_id).liaison[0]
    assert (note.direction.value, note.party.value, note.who) == ("to", "om", "Kit Harrowby")
    assert note.awaiting_reply and note.condition_request_id == rid
    assert note.follow_up_due == date(2026, 11, 9)
    (chase,) = _chases(ws, case_id)
    assert chase.title == (
        "Chase Kit Harrowby (OM): no reply to licence condition request "
        "(No contact with the victim or named persons)"
    )
    disclosed = [h for h in audit.history_for_case(ws.store.db, case_id) if h.action == "disclose"]
    assert json.loads(disclosed[0].detail)["to"] == "Kit Harrowby"


def test_the_document_names_the_request_but_no_contact_details(ws, case_id):
    _om(ws, case_id)
    rid = _request(ws, case_id)
    document = om.om_request_document(ws, case_id, [rid], on=SENT_ON)
    assert document.problems == ()
    assert "To Kit Harrowby, North Team" in document.text
    assert "Offender Dorian Quayle, CRN X123456" in document.text
    assert "She shops in the town centre every week." in document.text
    assert "reply by 9 November 2026" in document.text
    assert "Example Road" not in document.text and "ZZ99" not in document.text


def test_a_document_holding_a_victims_contact_detail_is_refused_and_nothing_is_saved(
    ws, case_id, tmp_path
):
    _om(ws, case_id)
    rid = _request(ws, case_id, reason="She can be reached on 07700 900 777 after 6pm.")
    # The phone number is recorded only after the request was written.
    victim_id = cases.open_case(ws, case_id).victim.id
    cases.add_contact_detail(ws, ContactDetail("phone", "+44 7700-900777", victim_id=victim_id))
    before = len(audit.history_for_case(ws.store.db, case_id))
    with pytest.raises(DomainError, match=r"not produced: .*victim's phone number"):
        _send(ws, case_id, [rid], tmp_path)
    assert list(tmp_path.glob("*.pdf")) == []
    assert repo_conditions.get_condition(ws.store.db, rid).status is ConditionStatus.REQUESTED
    assert len(audit.history_for_case(ws.store.db, case_id)) == before
    assert _chases(ws, case_id) == []


def test_another_victim_of_the_same_offender_is_protected_too(ws, case_id, tmp_path):
    _om(ws, case_id)
    rid = _request(ws, case_id, reason="Her sister lives at 4 Quiet Street, Othertown.")
    offender_id = cases.open_case(ws, case_id).offender.id
    sister = cases.create_victim(ws, Victim("Sam", "Prydderch"))
    cases.add_contact_detail(
        ws, ContactDetail("address", "4 Quiet Street\nOthertown\nZZ98 2BB", victim_id=sister)
    )
    cases.create_link(ws, Link(sister, offender_id, "Wounding", date(2026, 10, 1)))
    problems = om.om_request_document(ws, case_id, [rid], on=SENT_ON).problems
    assert problems == ("Blocked: the document contains a victim's address (4 Quiet Street).",)


def test_a_case_without_an_om_cannot_send(ws, case_id, tmp_path):
    rid = _request(ws, case_id)
    with pytest.raises(ValidationError, match="no offender manager"):
        _send(ws, case_id, [rid], tmp_path)


def test_the_map_goes_into_the_pdf(ws, case_id, tmp_path):
    _om(ws, case_id)
    picture = tmp_path / "zone.png"
    picture.write_bytes(PNG_1PX)
    with_map = _request(ws, case_id, kind="exclusion_zone", map_source=str(picture))
    without = _request(ws, case_id, kind="exclusion_zone")
    document = om.om_request_document(ws, case_id, [with_map, without], on=SENT_ON)
    # Inline, so the document reads no file by itself (a sealed map is opened first).
    assert document.html.count('<img src="data:image/png;base64,') == 1
    assert "Map for condition 1: Exclusion zone" in document.text
    pdf = _send(ws, case_id, [with_map], tmp_path).read_bytes()
    assert b"/Image" in pdf


# Contact details as a victim's record might hold them, and as someone might retype them
# into a free-text field of the request: the rendered document (HTML, escaping, tags,
# folded white space) must still be caught by the offender-side check.
_digits = st.text(alphabet=string.digits, min_size=9, max_size=9)


@st.composite
def _detail_and_retyping(draw) -> tuple[ContactDetail, str]:
    kind = draw(st.sampled_from(["phone", "postcode", "email", "street"]))
    if kind == "phone":
        rest = draw(_digits)
        stored = ContactDetail(ContactKind.PHONE, f"07{rest[:3]} {rest[3:]}")
        prefix = draw(st.sampled_from(["07", "+44 7", "+44 (0)7", "0044 7", "(07"]))
        gaps = draw(st.lists(st.sampled_from(["", " ", "-", ".", ") "]), min_size=9, max_size=9))
        return stored, prefix + "".join(g + d for g, d in zip(gaps, rest, strict=True))
    letters = draw(st.text(alphabet=string.ascii_uppercase, min_size=2, max_size=2))
    number = draw(st.integers(1, 99))
    postcode = f"ZZ{number} {number % 10}{letters}"
    street = draw(st.text(alphabet=string.ascii_letters, min_size=4, max_size=10)).title()
    stored = ContactDetail(ContactKind.ADDRESS, f"{number} {street} Road\nAnytown\n{postcode}")
    if kind == "postcode":
        split = draw(st.sampled_from(["", " ", "\n", "\r\n", "  \n  ", "\t"]))
        written = postcode.replace(" ", split)
        return stored, draw(st.sampled_from([written, written.lower()]))
    if kind == "street":
        spacing = draw(st.sampled_from([" ", "  ", "\n", "\t"]))
        written = f"{number}{spacing}{street}{spacing}ROAD"
        return stored, draw(st.sampled_from([written, written.lower(), written.swapcase()]))
    local = draw(st.text(alphabet=string.ascii_lowercase, min_size=2, max_size=8))
    stored = ContactDetail(ContactKind.EMAIL, f"{local}.{number}@example.org")
    written = draw(st.sampled_from([stored.value.upper(), stored.value.title(), stored.value]))
    return stored, written.replace("@", draw(st.sampled_from(["@", " @ "])))


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(_detail_and_retyping(), st.sampled_from(["wording", "reason", "risk"]))
def test_a_retyped_contact_detail_never_survives_into_the_om_request(case, field) -> None:
    stored, written = case
    item = {
        "number": 1,
        "title": "Exclusion zone",
        "wording": "Not to enter the area of Anytown town centre.",
        "reason": "She goes there weekly.",
        "risk": "He may wait for her.",
        "requested_on": "5 October 2026",
        "map_src": "",
    }
    item[field] = f"As she said: {written} & <that> matters."
    html, text = om.render_om_request(
        {
            "om_name": "Kit Harrowby",
            "om_team": "North Team",
            "om_email": "",
            "om_phone": "",
            "vlo_name": "Alex Morgan",
            "sent_on": "2 November 2026",
            "case_ref": "VCS-000001",
            "offender_name": "Dorian Quayle",
            "crn": "X123456",
            "nomis": "",
            "offence": "Wounding",
            "victim_name": "Ceri Prydderch",
            "items": [item],
            "reply_by": "9 November 2026",
        }
    )
    assert "&lt;that&gt;" in html  # values are escaped, never markup
    assert check_offender_side_document(text, [stored]) != [], (written, text)


# --- chasing --------------------------------------------------------------------------


def test_an_unanswered_request_becomes_a_chase_task_after_n_working_days(ws, case_id, tmp_path):
    _om(ws, case_id)
    # Thursday 27 August 2026; Monday 31 August is the summer bank holiday.
    rid = _request(ws, case_id, on=date(2026, 8, 20))
    _send(ws, case_id, [rid], tmp_path, on=date(2026, 8, 27))
    length = rule_set_for(date(2026, 8, 27)).clock("om_chase").length
    due = add_working_days(date(2026, 8, 27), length)
    assert (length, due) == (5, date(2026, 9, 4))

    def chase_tasks(on):
        return [t for t in tasks.due_tasks(ws, on=on) if t.rule == "om_chase"]

    assert chase_tasks(date(2026, 9, 3)) == []
    (task,) = chase_tasks(due)
    assert task.case_ref == "VCS-000001" and task.title.startswith("Chase Kit Harrowby")
    (wait,) = om.waiting_on_om(ws, on=date(2026, 9, 7))
    assert (wait.age_working_days, wait.chase_due, wait.chases) == (6, due, 0)
    assert wait.chase_is_due(date(2026, 9, 7))


def test_a_chase_is_counted_and_starts_the_clock_again(ws, case_id, tmp_path):
    _om(ws, case_id)
    rid = _request(ws, case_id)
    _send(ws, case_id, [rid], tmp_path)
    (wait,) = om.waiting_on_om(ws, on=date(2026, 11, 10))
    om.chase_wait(ws, wait, on=date(2026, 11, 10), summary="Chased by email.", channel="email")
    (open_chase,) = _chases(ws, case_id)
    assert open_chase.due_on == add_working_days(date(2026, 11, 10), 5)
    assert len(_chases(ws, case_id, done=True)) == 1
    request = repo_conditions.get_condition(ws.store.db, rid)
    assert request.chases == 1 and request.steps[-1].step.value == "chased"
    (wait,) = om.waiting_on_om(ws, on=date(2026, 11, 10))
    assert wait.chases == 1 and wait.sent_on == SENT_ON  # age still counts from sending


def test_writing_to_the_om_about_a_waiting_request_is_a_chase(ws, case_id, tmp_path):
    _om(ws, case_id)
    rid = _request(ws, case_id)
    _send(ws, case_id, [rid], tmp_path)
    cases.add_liaison_entry(
        ws,
        LiaisonEntry(
            case_id,
            date(2026, 11, 11),
            "to",
            "om",
            "phone",
            "Left a voicemail.",
            condition_request_id=rid,
        ),
    )
    assert repo_conditions.get_condition(ws.store.db, rid).chases == 1


def test_a_reply_from_the_om_linked_to_the_request_stops_the_chase(ws, case_id, tmp_path):
    _om(ws, case_id)
    rid = _request(ws, case_id)
    _send(ws, case_id, [rid], tmp_path)
    changed = cases.add_liaison_entry(
        ws,
        LiaisonEntry(
            case_id,
            date(2026, 11, 4),
            "from",
            "om",
            "email",
            "Will raise it at the board.",
            who="Kit Harrowby",
            condition_request_id=rid,
        ),
    )
    assert _chases(ws, case_id) == []
    assert _chases(ws, case_id, done=True)[0].done_on == date(2026, 11, 4)
    case = cases.open_case(ws, case_id)
    reply, sent = case.liaison[0], case.liaison[1]
    assert reply.id == changed.record_id and reply.is_reply
    assert sent.answered_on == date(2026, 11, 4)
    # Still undecided, so still on the waiting list, but with no chase pending.
    (wait,) = om.waiting_on_om(ws)
    assert wait.request_id == rid and wait.chase_due is None


def test_a_general_question_waits_for_a_reply_and_is_answered_by_one(ws, case_id):
    _om(ws, case_id)
    liaison.log_liaison(
        ws,
        LiaisonEntry(
            case_id,
            SENT_ON,
            "to",
            "om",
            "email",
            "Is a home visit planned before release?",
            awaiting_reply=True,
        ),
    )
    (wait,) = om.waiting_on_om(ws, on=date(2026, 11, 4))
    assert wait.what == "Is a home visit planned before release?" and wait.age_working_days == 2
    om.chase_wait(ws, wait, on=date(2026, 11, 10), summary="Second email.", channel="email")
    (wait,) = om.waiting_on_om(ws)
    assert wait.chases == 1 and wait.chase_due == add_working_days(date(2026, 11, 10), 5)
    liaison.log_liaison(
        ws,
        LiaisonEntry(
            case_id, date(2026, 11, 12), "from", "om", "phone", "No visit.", is_reply=True
        ),
    )
    assert om.waiting_on_om(ws) == []
    assert _chases(ws, case_id) == []


def test_a_follow_up_date_to_another_party_becomes_a_task(ws, case_id):
    liaison.log_liaison(
        ws,
        LiaisonEntry(
            case_id,
            SENT_ON,
            "to",
            "prison",
            "email",
            "Asked for the release plan.",
            follow_up_due=date(2026, 11, 20),
            awaiting_reply=True,
        ),
    )
    (task,) = [t for t in cases.open_case(ws, case_id).tasks if t.rule == "liaison_follow_up"]
    assert (task.title, task.due_on) == ("Follow up with prison: no reply yet", date(2026, 11, 20))
    assert om.waiting_on_om(ws) == []  # the prison is not an OM
    liaison.log_liaison(
        ws,
        LiaisonEntry(
            case_id, date(2026, 11, 5), "from", "prison", "email", "Plan attached.", is_reply=True
        ),
    )
    assert [t for t in cases.open_case(ws, case_id).tasks if not t.done_on] == []


def test_a_note_cannot_claim_to_be_both_sent_and_a_reply():
    with pytest.raises(ValidationError, match="Only a note sent to someone"):
        LiaisonEntry(1, SENT_ON, "from", "om", "email", "x", awaiting_reply=True)
    with pytest.raises(ValidationError, match="A reply is a note received"):
        LiaisonEntry(1, SENT_ON, "to", "om", "email", "x", is_reply=True)


def test_closed_cases_drop_off_the_waiting_list(ws, case_id, tmp_path):
    _om(ws, case_id)
    _send(ws, case_id, [_request(ws, case_id)], tmp_path)
    assert len(om.waiting_on_om(ws)) == 1
    cases.update_link(ws, replace(cases.open_case(ws, case_id).link, status="closed"))
    assert om.waiting_on_om(ws) == []


# --- the directory and a case's OM history --------------------------------------------


def test_changing_a_cases_om_keeps_the_history(ws, case_id):
    link = cases.open_case(ws, case_id).link
    # A case recorded before the directory existed: the OM is only text on the case.
    cases.update_link(ws, replace(link, om_name="Lee Farrant", om_team="North Team"))
    kit = _om(ws, name="Kit Harrowby", team="North Team")
    drew = om.save_om(ws, OffenderManager("Drew Pellow", "South Team")).record_id
    om.change_om(ws, case_id, kit, on=date(2026, 10, 10), reason="Lee left the team.")
    om.change_om(ws, case_id, drew, on=date(2026, 11, 2), reason="Offender moved south.")
    case = cases.open_case(ws, case_id)
    assert (case.link.om_name, case.link.om_team) == ("Drew Pellow", "South Team")
    assert [(h.om_name, h.from_on, h.to_on) for h in case.om_history] == [
        ("Drew Pellow", date(2026, 11, 2), None),
        ("Kit Harrowby", date(2026, 10, 10), date(2026, 11, 2)),
        ("Lee Farrant", None, date(2026, 10, 10)),
    ]
    assert case.om_history[0].reason == "Offender moved south."
    change = next(json.loads(h.detail) for h in case.history if "om_name" in h.detail)
    assert change["om_name"] == ["Kit Harrowby", "Drew Pellow"]
    with pytest.raises(ValidationError, match="already this case's offender manager"):
        om.change_om(ws, case_id, drew, on=date(2026, 11, 3))
    with pytest.raises(ValidationError, match="cannot be dated before"):
        om.change_om(ws, case_id, kit, on=date(2026, 11, 1))


def test_the_directory_lists_oms_on_cases_and_their_outstanding_work(ws, case_id, tmp_path):
    other_victim = cases.create_victim(ws, Victim("Wren", "Quixwell"))
    offender_id = cases.open_case(ws, case_id).offender.id
    other = cases.create_link(ws, Link(other_victim, offender_id, "Affray", date(2026, 10, 1)))
    cases.update_link(ws, replace(cases.open_case(ws, other).link, om_name="Pat Overton"))
    _om(ws, case_id)
    _send(ws, case_id, [_request(ws, case_id)], tmp_path)
    rows = {r.om.name: r for r in om.directory(ws)}
    assert rows["Kit Harrowby"].om.email == "kit.harrowby@probation.example.org"
    assert (rows["Kit Harrowby"].open_cases, rows["Kit Harrowby"].waiting) == (1, 1)
    assert rows["Pat Overton"].om.id is None  # named on a case, not yet in the directory
    (mine,) = om.cases_of_om(ws, "Kit Harrowby")
    assert mine.case_ref == "VCS-000001"
    assert mine.outstanding == "1 condition request(s) awaiting decision"


def test_an_om_is_in_the_directory_once_and_a_rename_follows_their_cases(ws, case_id):
    om_id = _om(ws, case_id)
    with pytest.raises(ValidationError, match="already in the directory"):
        om.save_om(ws, OffenderManager("kit  HARROWBY", "South Team"))
    changed = om.save_om(ws, OffenderManager("Kit Harrowby-Jones", "North Team", id=om_id))
    assert changed.link_ids == (case_id,)
    assert cases.open_case(ws, case_id).link.om_name == "Kit Harrowby-Jones"
    rows = ws.store.db.execute("SELECT action, detail FROM audit WHERE entity = 'om'").fetchall()
    assert json.loads(rows[-1][1])["name"] == ["Kit Harrowby", "Kit Harrowby-Jones"]


def test_a_decided_request_is_not_chased(ws, case_id, tmp_path):
    _om(ws, case_id)
    rid = _request(ws, case_id)
    _send(ws, case_id, [rid], tmp_path)
    conditions.record_decision(ws, rid, on=date(2026, 11, 5), decision="included")
    with pytest.raises(ValidationError, match="cannot be recorded on a request that is 'Decided'"):
        liaison.chase(ws, case_id, on=date(2026, 11, 6), summary="Any news?", request_id=rid)


# --- one document, one chase (issue 18 item 10) ----------------------------------------


def test_requests_sent_in_one_document_have_one_chase_task(ws, case_id, tmp_path):
    _om(ws, case_id)
    first = _request(ws, case_id)
    second = _request(ws, case_id, kind="exclusion_zone")
    _send(ws, case_id, [first, second], tmp_path)
    (chase,) = _chases(ws, case_id)
    assert chase.title == (
        "Chase Kit Harrowby (OM): no reply to licence condition requests "
        "(No contact with the victim or named persons; Exclusion zone)"
    )
    due = add_working_days(SENT_ON, 5)
    waits = {w.request_id: w.chase_due for w in om.waiting_on_om(ws)}
    assert waits == {first: due, second: due}
    assert repo_conditions.get_condition(ws.store.db, second).chase_due == due
    # The OM decides one: the chase stays for the other; deciding both ends it.
    conditions.record_decision(
        ws, first, on=date(2026, 11, 4), decision="included", who="Kit Harrowby"
    )
    assert _chases(ws, case_id) == [chase]
    conditions.record_decision(
        ws, second, on=date(2026, 11, 5), decision="refused", reason="Not needed.", who="Kit"
    )
    assert _chases(ws, case_id) == []
    assert _chases(ws, case_id, done=True)[0].done_on == date(2026, 11, 5)


def test_a_request_chased_on_its_own_leaves_the_document_chase_to_the_other(ws, case_id, tmp_path):
    _om(ws, case_id)
    first = _request(ws, case_id)
    second = _request(ws, case_id, kind="exclusion_zone")
    _send(ws, case_id, [first, second], tmp_path)
    liaison.chase(ws, case_id, on=date(2026, 11, 10), summary="Any news?", request_id=first)
    assert sorted(t.source_ref for t in _chases(ws, case_id)) == [
        f"condition:{first}",
        f"conditions:{first},{second}",
    ]
    conditions.record_end(ws, second, on=date(2026, 11, 11), note="Withdrawn by the victim.")
    assert [t.source_ref for t in _chases(ws, case_id)] == [f"condition:{first}"]
