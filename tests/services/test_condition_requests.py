"""Licence-condition requests through their whole life, against a real database:
every step dated, attributed and audited; refusals and amendments become tasks."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from datetime import date

import pytest

from vcs_app.domain.conditions import ConditionDraft, ConditionStatus, Decision, Step
from vcs_app.domain.model import (
    ContactDetail,
    DomainError,
    Link,
    Offender,
    ValidationError,
    Victim,
)
from vcs_app.services import cases, conditions, om
from vcs_app.storage import audit, repo_conditions

PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)


@pytest.fixture(autouse=True)
def _qt_for_pdfs(qapp):
    """Sending writes the request PDF through Qt: use the test run's one QApplication
    (a bare QGuiApplication made here would break the GUI tests that follow)."""


def _om(ws, case_id, name="Kit Harrowby", team="North Team", on=date(2026, 10, 1)):
    om_id = om.save_om(
        ws, om.OffenderManager(name, team, f"{name.split()[0].lower()}@probation.example.org")
    ).record_id
    om.change_om(ws, case_id, om_id, on=on)
    return om_id


def _draft(case_id, kind="no_contact", on=date(2026, 10, 5), **changes) -> ConditionDraft:
    template = conditions.catalogue().get(kind)
    values = {p.key: "Ceri Prydderch" for p in template.placeholders}
    fields = {
        "link_id": case_id,
        "kind": kind,
        "wording": template.fill(values),
        "reason": "She is afraid he will turn up at her work.",
        "risk": "Harassment and intimidation after release.",
        "requested_on": on,
        "values": tuple(values.items()),
    }
    fields.update(changes)
    return ConditionDraft(**fields)


def _request(ws, case_id, **changes) -> int:
    return conditions.request_condition(ws, _draft(case_id, **changes)).record_id


def _sent(ws, tmp_path, case_id, on=date(2026, 11, 2), **changes) -> int:
    request_id = _request(ws, case_id, **changes)
    om.send_to_om(ws, case_id, [request_id], on=on, pdf_path=tmp_path / f"r{request_id}.pdf")
    return request_id


def _get(ws, request_id):
    return repo_conditions.get_condition(ws.store.db, request_id)


def _audit(ws, case_id, entity="condition_request"):
    return [
        (h.action, json.loads(h.detail) if h.detail else {})
        for h in reversed(audit.history_for_case(ws.store.db, case_id))
        if h.entity == entity
    ]


def _open_tasks(ws, case_id, rule):
    return [t for t in cases.open_case(ws, case_id).tasks if t.rule == rule and not t.done_on]


def test_a_request_is_recorded_with_its_reason_risk_and_first_step(ws, case_id):
    changed = conditions.request_condition(ws, _draft(case_id))
    request = _get(ws, changed.record_id)
    assert changed.link_ids == (case_id,)
    assert request.status is ConditionStatus.REQUESTED
    assert request.reason.startswith("She is afraid")
    assert request.risk.startswith("Harassment")
    assert [(s.step, s.on, s.by) for s in request.steps] == [
        (Step.REQUESTED, date(2026, 10, 5), "test.vlo")
    ]
    assert _audit(ws, case_id)[0] == (
        "create",
        {"kind": "no_contact", "requested_on": "2026-10-05", "map": False},
    )
    assert cases.open_case(ws, case_id).conditions[0].id == request.id


def test_the_full_flow_to_inclusion_keeps_every_step_dated_and_attributed(ws, case_id, tmp_path):
    _om(ws, case_id)
    rid = _sent(ws, tmp_path, case_id)
    conditions.record_acknowledgement(ws, rid, on=date(2026, 11, 3), who="Kit Harrowby")
    conditions.record_decision(ws, rid, on=date(2026, 11, 10), decision=Decision.INCLUDED)
    conditions.record_victim_informed(ws, rid, on=date(2026, 11, 12), note="Phoned her.")
    request = _get(ws, rid)
    assert request.status is ConditionStatus.VICTIM_INFORMED
    assert request.licence_wording == request.wording
    assert (request.om_name, request.om_team) == ("Kit Harrowby", "North Team")
    assert [(s.step, s.on) for s in request.steps] == [
        (Step.REQUESTED, date(2026, 10, 5)),
        (Step.SENT, date(2026, 11, 2)),
        (Step.ACKNOWLEDGED, date(2026, 11, 3)),
        (Step.DECIDED, date(2026, 11, 10)),
        (Step.VICTIM_INFORMED, date(2026, 11, 12)),
    ]
    assert {s.by for s in request.steps} == {"test.vlo"}
    updates = [detail for action, detail in _audit(ws, case_id) if action == "update"]
    assert updates[0]["status"] == ["requested", "sent"]
    assert updates[0]["sent_to_om_on"] == [None, "2026-11-02"]
    assert updates[2]["decision"] == [None, "included"]
    assert updates[3]["status"] == ["decided", "victim_informed"]
    assert _open_tasks(ws, case_id, conditions.EXPLAIN_RULE) == []  # nothing to explain


def test_a_refusal_needs_a_reason_and_makes_a_task_to_explain_it(ws, case_id, tmp_path):
    _om(ws, case_id)
    rid = _sent(ws, tmp_path, case_id)
    with pytest.raises(ValidationError, match="OM's reason must not be empty"):
        conditions.record_decision(ws, rid, on=date(2026, 11, 9), decision=Decision.REFUSED)
    assert _get(ws, rid).status is ConditionStatus.SENT  # nothing saved
    conditions.record_decision(
        ws,
        rid,
        on=date(2026, 11, 9),
        decision=Decision.REFUSED,
        reason="The offender has no known link to her workplace.",
    )
    request = _get(ws, rid)
    assert (request.decision, request.licence_wording) == (Decision.REFUSED, "")
    (task,) = _open_tasks(ws, case_id, conditions.EXPLAIN_RULE)
    assert task.title.startswith("Explain to the victim why 'No contact")
    assert "refused" in task.title
    assert task.due_on == date(2026, 11, 16)  # 5 working days
    assert "5 working days" in task.rule_text
    reply = cases.open_case(ws, case_id).liaison[0]
    assert reply.is_reply and reply.condition_request_id == rid
    assert "no known link to her workplace" in reply.summary
    conditions.record_victim_informed(ws, rid, on=date(2026, 11, 13), note="Letter sent.")
    assert _open_tasks(ws, case_id, conditions.EXPLAIN_RULE) == []


def test_an_amended_condition_keeps_the_wording_used_and_makes_a_task(ws, case_id, tmp_path):
    _om(ws, case_id)
    rid = _sent(ws, tmp_path, case_id, kind="exclusion_zone")
    with pytest.raises(ValidationError, match="wording on the licence"):
        conditions.record_decision(
            ws, rid, on=date(2026, 11, 9), decision="amended", reason="Smaller area"
        )
    conditions.record_decision(
        ws,
        rid,
        on=date(2026, 11, 9),
        decision="amended",
        reason="Smaller area is enough.",
        licence_wording="Not to enter the High Street of Anytown.",
    )
    request = _get(ws, rid)
    assert request.licence_wording == "Not to enter the High Street of Anytown."
    assert "amended" in _open_tasks(ws, case_id, conditions.EXPLAIN_RULE)[0].title


def test_a_variation_and_an_end_date_are_kept_with_old_and_new_wording(ws, case_id, tmp_path):
    _om(ws, case_id)
    rid = _sent(ws, tmp_path, case_id)
    conditions.record_decision(ws, rid, on=date(2026, 11, 9), decision="included")
    old = _get(ws, rid).licence_wording
    conditions.record_variation(
        ws,
        rid,
        on=date(2026, 11, 16),
        licence_wording="Not to contact Ceri Prydderch or her children.",
        note="Varied at the OM's review.",
    )
    conditions.record_end(ws, rid, on=date(2026, 11, 20), note="Licence revoked.")
    request = _get(ws, rid)
    assert request.status is ConditionStatus.ENDED
    assert (request.varied_on, request.ended_on) == (date(2026, 11, 16), date(2026, 11, 20))
    variation = next(d for _, d in _audit(ws, case_id) if d.get("step") == "varied")
    assert variation["licence_wording"] == [old, "Not to contact Ceri Prydderch or her children."]
    with pytest.raises(ValidationError, match="cannot be recorded on a request that is 'Ended'"):
        conditions.record_variation(ws, rid, on=date(2026, 11, 21), licence_wording="x", note="y")


def test_steps_out_of_order_are_refused_and_change_nothing(ws, case_id):
    rid = _request(ws, case_id)
    before = len(audit.history_for_case(ws.store.db, case_id))
    with pytest.raises(ValidationError, match="Send the request to the offender manager first"):
        conditions.record_acknowledgement(ws, rid, on=date(2026, 11, 2))
    with pytest.raises(ValidationError, match="decision first"):
        conditions.record_victim_informed(ws, rid, on=date(2026, 11, 2))
    assert len(audit.history_for_case(ws.store.db, case_id)) == before
    assert _get(ws, rid).status is ConditionStatus.REQUESTED


def test_withdrawing_a_sent_request_cancels_its_chase(ws, case_id, tmp_path):
    _om(ws, case_id)
    rid = _sent(ws, tmp_path, case_id)
    assert _open_tasks(ws, case_id, "om_chase")
    conditions.record_end(ws, rid, on=date(2026, 11, 3), note="Victim withdrew the request.")
    assert _open_tasks(ws, case_id, "om_chase") == []
    assert om.waiting_on_om(ws) == []


def test_a_request_holding_the_victims_contact_details_is_refused(ws, case_id):
    with pytest.raises(ValidationError, match=r"victim's address \(ZZ99 1AA\)"):
        _request(ws, case_id, reason="He knows she lives at zz99   1aa.")
    assert cases.open_case(ws, case_id).conditions == ()


def test_a_map_is_copied_into_the_data_folder_never_linked_in_place(ws, case_id, tmp_path):
    picture = tmp_path / "chosen" / "zone.PNG"
    picture.parent.mkdir()
    picture.write_bytes(PNG)
    rid = _request(ws, case_id, kind="exclusion_zone", map_source=str(picture))
    request = _get(ws, rid)
    stored = conditions.map_file(ws, request)
    assert request.map_path.startswith("attachments/maps/map-")
    assert stored.parent == ws.path.parent / "attachments" / "maps"
    assert stored.read_bytes() == PNG
    picture.unlink()
    assert stored.exists()


def test_a_map_that_is_not_a_picture_or_on_the_wrong_condition_is_refused(ws, case_id, tmp_path):
    text = tmp_path / "zone.png"
    text.write_text("12 Example Road")
    with pytest.raises(ValidationError, match="not a readable picture"):
        _request(ws, case_id, kind="exclusion_zone", map_source=str(text))
    with pytest.raises(ValidationError, match="only be attached to an area condition"):
        _draft(case_id, map_source=str(text))
    with pytest.raises(ValidationError, match="Cannot read the map"):
        _request(ws, case_id, kind="exclusion_zone", map_source=str(tmp_path / "gone.png"))
    assert not (ws.path.parent / "attachments").exists()


def test_a_closed_case_takes_no_new_requests(ws, case_id):
    link = cases.open_case(ws, case_id).link
    cases.update_link(ws, replace(link, status="closed"))
    with pytest.raises(ValidationError, match="not open"):
        _request(ws, case_id)


# --- statistics -----------------------------------------------------------------------


def _second_case(ws) -> int:
    victim = cases.create_victim(ws, Victim("Wren", "Quixwell"))
    offender = cases.create_offender(ws, Offender("Percy", "Greatorex", crn="X654321"))
    cases.add_contact_detail(ws, ContactDetail("phone", "07700 900456", victim_id=victim))
    return cases.create_link(
        ws, Link(victim, offender, "Stalking", date(2026, 10, 1), offence_category="stalking")
    )


def test_statistics_give_inclusion_rate_median_days_and_chases_by_team(ws, case_id, tmp_path):
    other = _second_case(ws)
    _om(ws, case_id, "Kit Harrowby", "North Team")
    _om(ws, other, "Drew Pellow", "South Team")
    included = _sent(ws, tmp_path, case_id, on=date(2026, 10, 12), requested_on=date(2026, 10, 5))
    refused = _sent(ws, tmp_path, case_id, on=date(2026, 10, 12), requested_on=date(2026, 10, 5))
    south = _sent(ws, tmp_path, other, on=date(2026, 10, 12), requested_on=date(2026, 10, 6))
    om.chase_wait(
        ws, om.waiting_on_om(ws)[0], on=date(2026, 10, 20), summary="Any news?", channel="email"
    )
    conditions.record_decision(ws, included, on=date(2026, 10, 15), decision="included")
    conditions.record_decision(
        ws, refused, on=date(2026, 10, 25), decision="refused", reason="Not needed."
    )
    conditions.record_decision(ws, south, on=date(2026, 11, 5), decision="included")
    rows = {(r.period, r.team): r for r in conditions.condition_statistics(ws)}
    north = rows[("2026 Q4", "North Team")]
    assert (north.requested, north.decided, north.included, north.refused) == (2, 2, 1, 1)
    assert north.inclusion_rate == 0.5
    assert north.median_days == 15  # 10 and 20 days
    assert rows[("2026 Q4", "South Team")].inclusion_rate == 1.0
    total = rows[("All", "All")]
    assert total.inclusion_rate == pytest.approx(2 / 3)
    assert total.chases == 1
    by_month = conditions.condition_statistics(ws, "month", start=date(2026, 10, 6))
    assert by_month[-1].requested == 1


def test_statistics_export_to_csv_with_formula_cells_made_harmless(ws, case_id, tmp_path):
    _om(ws, case_id, "Kit Harrowby", "=cmd|' /C calc'!A0")
    rid = _sent(ws, tmp_path, case_id)
    conditions.record_decision(ws, rid, on=date(2026, 11, 9), decision="included")
    out = tmp_path / "stats.csv"
    assert conditions.export_statistics_csv(ws, out) == 2
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][:3] == ["Period requested", "Team", "Requested"]
    assert rows[1][1] == "'=cmd|' /C calc'!A0"
    assert rows[1][8] == "100.0%"
    assert rows[-1][:2] == ["All", "All"]
    actions = ws.store.db.execute(
        "SELECT action, detail FROM audit WHERE entity = 'condition_statistics'"
    ).fetchall()
    assert actions[0][0] == "export" and json.loads(actions[0][1])["rows"] == 2
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".stats")] == []


def test_an_export_to_a_missing_folder_fails_with_a_message(ws, tmp_path):
    with pytest.raises(DomainError, match="Cannot write to"):
        conditions.export_statistics_csv(ws, tmp_path / "no" / "such" / "stats.csv")
