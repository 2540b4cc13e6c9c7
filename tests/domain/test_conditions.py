"""Licence conditions as data, the order of a request's steps, the statistics an
inspector reads, and the OM directory's work-only contact routes."""

from __future__ import annotations

import csv
import io
import json
import string
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vcs_app.domain.conditions import (
    ALL,
    ConditionOutcome,
    ConditionRequest,
    ConditionStatus,
    Decision,
    Granularity,
    OffenderManager,
    OMWait,
    Step,
    check_decision,
    check_map_image,
    check_step,
    inclusion_rate,
    load_condition_catalogue,
    period_of,
    spreadsheet_safe,
    summarise,
    summarise_waits,
)
from vcs_app.domain.model import DomainError, ValidationError

TODAY = date(2026, 11, 26)


# --- the catalogue --------------------------------------------------------------------


def test_the_catalogue_holds_every_condition_a_victim_may_ask_for() -> None:
    catalogue = load_condition_catalogue()
    assert {t.key for t in catalogue.templates} == {
        "no_contact",
        "exclusion_zone",
        "named_place",
        "workplace_school",
        "residence",
        "curfew",
        "em_curfew",
        "em_exclusion",
        "em_trail",
        "other",
    }
    assert catalogue.get("exclusion_zone").map_allowed
    assert not catalogue.get("no_contact").map_allowed
    assert {t.key for t in catalogue.templates if t.electronic_monitoring} == {
        "em_curfew",
        "em_exclusion",
        "em_trail",
    }


def test_filling_a_template_puts_each_value_in_its_place() -> None:
    template = load_condition_catalogue().get("workplace_school")
    wording = template.fill({"place": "Anytown  High School", "persons": "Ceri Prydderch"})
    assert wording == (
        "Not to approach or attempt to approach Anytown High School, the place of work or "
        "education of Ceri Prydderch, without the prior approval of your supervising officer."
    )


def test_a_blank_placeholder_is_named_in_the_refusal() -> None:
    template = load_condition_catalogue().get("curfew")
    with pytest.raises(ValidationError, match="Fill in Until \\(time\\) for 'Curfew'"):
        template.fill({"start": "7pm", "end": "  "})


@given(st.text(min_size=1, max_size=40).filter(lambda s: s.strip()))
def test_any_value_is_inserted_literally_never_as_a_placeholder(value: str) -> None:
    template = load_condition_catalogue().get("named_place")
    wording = template.fill({"place": value + " {place}"})
    assert wording.count("{place}") == 1  # the value's own braces, not re-expanded
    assert wording.startswith("Not to enter ")


def test_an_unknown_condition_is_refused() -> None:
    with pytest.raises(ValidationError, match="not a licence condition"):
        load_condition_catalogue().get("house_arrest")


def _catalogue_file(tmp_path, conditions: list[dict]) -> str:
    path = tmp_path / "conditions.json"
    path.write_text(json.dumps({"version": "t", "conditions": conditions}), encoding="utf-8")
    return str(path)


def test_a_catalogue_whose_wording_and_placeholders_disagree_is_refused(tmp_path) -> None:
    bad = {"key": "x", "title": "X", "wording": "Not to enter {area}.", "placeholders": []}
    with pytest.raises(DomainError, match="declares placeholders"):
        load_condition_catalogue(_catalogue_file(tmp_path, [bad]))


def test_a_catalogue_with_a_repeated_key_is_refused(tmp_path) -> None:
    entry = {"key": "x", "title": "X", "wording": "Be good.", "placeholders": []}
    with pytest.raises(DomainError, match="unique"):
        load_condition_catalogue(_catalogue_file(tmp_path, [entry, entry]))


# --- the order of steps ---------------------------------------------------------------


def _request(**changes) -> ConditionRequest:
    values = {
        "link_id": 1,
        "kind": "no_contact",
        "wording": "Not to approach or communicate with Ceri Prydderch.",
        "reason": "Fear of contact",
        "risk": "Harassment",
        "requested_on": date(2026, 10, 1),
        "id": 1,
    }
    values.update(changes)
    return ConditionRequest(**values)


SENT = {"status": "sent", "sent_to_om_on": date(2026, 10, 2)}
DECIDED = {**SENT, "status": "decided", "decision": "included", "decision_on": date(2026, 10, 9)}


@pytest.mark.parametrize(
    ("state", "allowed"),
    [
        ({}, (Step.SENT, Step.ENDED)),
        (SENT, (Step.ACKNOWLEDGED, Step.DECIDED, Step.CHASED, Step.ENDED)),
        (
            {**SENT, "status": "acknowledged", "acknowledged_on": date(2026, 10, 3)},
            (Step.DECIDED, Step.CHASED, Step.ENDED),
        ),
        (DECIDED, (Step.VICTIM_INFORMED, Step.VARIED, Step.ENDED)),
        ({**DECIDED, "decision": "refused"}, (Step.VICTIM_INFORMED,)),
        (
            {**DECIDED, "status": "victim_informed", "victim_informed_on": date(2026, 10, 12)},
            (Step.VARIED, Step.ENDED),
        ),
        ({**DECIDED, "status": "ended", "ended_on": date(2026, 11, 1)}, ()),
    ],
)
def test_the_steps_a_request_may_take_next(state: dict, allowed: tuple[Step, ...]) -> None:
    assert _request(**state).allowed_steps() == allowed


def test_nothing_comes_back_from_the_om_before_the_request_is_sent() -> None:
    with pytest.raises(ValidationError, match="Send the request to the offender manager first"):
        check_step(_request(), Step.DECIDED, date(2026, 10, 5), today=TODAY)


def test_a_request_is_sent_once() -> None:
    with pytest.raises(ValidationError, match="already sent to the offender manager on 02/10"):
        check_step(_request(**SENT), Step.SENT, date(2026, 10, 5), today=TODAY)


def test_the_victim_is_told_only_after_a_decision() -> None:
    with pytest.raises(ValidationError, match="decision first"):
        check_step(_request(**SENT), Step.VICTIM_INFORMED, date(2026, 10, 5), today=TODAY)


def test_a_refused_condition_cannot_be_varied_or_ended() -> None:
    refused = _request(**{**DECIDED, "decision": "refused"})
    for step in (Step.VARIED, Step.ENDED):
        with pytest.raises(ValidationError, match="not on the licence"):
            check_step(refused, step, date(2026, 10, 20), today=TODAY)


def test_a_step_cannot_be_dated_before_the_last_one_or_in_the_future() -> None:
    with pytest.raises(ValidationError, match=r"cannot be before the request's last step \(02/10"):
        check_step(_request(**SENT), Step.DECIDED, date(2026, 10, 1), today=TODAY)
    with pytest.raises(ValidationError, match="cannot be in the future"):
        check_step(_request(**SENT), Step.DECIDED, TODAY + timedelta(days=1), today=TODAY)


def test_a_refusal_or_amendment_needs_the_oms_reason() -> None:
    with pytest.raises(ValidationError, match="The OM's reason must not be empty"):
        check_decision(Decision.REFUSED, " ", "")
    with pytest.raises(ValidationError, match="wording on the licence must not be empty"):
        check_decision(Decision.AMENDED, "Narrower area", "")
    assert check_decision(Decision.INCLUDED, "", "") == ("", "")
    assert check_decision(Decision.REFUSED, "Not proportionate", "ignored") == (
        "Not proportionate",
        "",
    )


# --- maps -----------------------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 8


def test_a_map_must_be_a_picture_of_sensible_size() -> None:
    check_map_image("zone.png", PNG, 2_000)
    check_map_image("zone.JPG", b"\xff\xd8\xff\xe0", 2_000)
    with pytest.raises(ValidationError, match="not a picture"):
        check_map_image("zone.pdf", b"%PDF-1.7", 2_000)
    with pytest.raises(ValidationError, match="not a readable picture"):
        check_map_image("zone.png", b"<html>", 2_000)
    with pytest.raises(ValidationError, match="limit is 10 MB"):
        check_map_image("zone.png", PNG, 11 * 1024 * 1024)


# --- the OM directory -----------------------------------------------------------------


def test_an_om_entry_holds_work_contact_routes_only() -> None:
    om = OffenderManager(" Kit  Harrowby ", "North Team", "kit.harrowby@probation.example.org")
    assert om.name == "Kit Harrowby"
    with pytest.raises(ValidationError, match="personal address"):
        OffenderManager("Kit Harrowby", email="kit.harrowby@Gmail.com")
    with pytest.raises(ValidationError, match="does not look like a phone number"):
        OffenderManager("Kit Harrowby", phone="call me")
    with pytest.raises(ValidationError, match="name must not be empty"):
        OffenderManager("  ")


def test_waiting_items_are_summarised_per_om_oldest_first() -> None:
    def wait(om: str, age: int, due: date | None) -> OMWait:
        return OMWait(1, "VCS-000001", "V", om, "North", "x", TODAY, age, chase_due=due)

    summary = summarise_waits(
        [
            wait("Kit Harrowby", 3, TODAY),
            wait("Lee Farrant", 12, None),
            wait("Kit Harrowby", 7, TODAY + timedelta(days=2)),
        ],
        TODAY,
    )
    assert [(s.om_name, s.waiting, s.oldest_age, s.chases_due) for s in summary] == [
        ("Lee Farrant", 1, 12, 0),
        ("Kit Harrowby", 2, 7, 1),
    ]


# --- statistics -----------------------------------------------------------------------


def test_periods_are_named_for_reading_and_sorting() -> None:
    assert period_of(date(2026, 11, 3), Granularity.MONTH) == "2026-11"
    assert period_of(date(2026, 11, 3), Granularity.QUARTER) == "2026 Q4"
    assert period_of(date(2026, 1, 3), Granularity.YEAR) == "2026"


def test_inclusion_rate_is_included_over_decided_by_team_and_period() -> None:
    q4 = date(2026, 10, 1)
    outcomes = [
        ConditionOutcome(q4, "North", Decision.INCLUDED, q4 + timedelta(days=10), chases=1),
        ConditionOutcome(q4, "North", Decision.REFUSED, q4 + timedelta(days=20)),
        ConditionOutcome(q4, "North", None, chases=2),  # awaiting decision: not in the rate
        ConditionOutcome(q4, "South", Decision.AMENDED, q4 + timedelta(days=4)),
        ConditionOutcome(date(2027, 1, 5), "South", Decision.INCLUDED, date(2027, 1, 6)),
    ]
    rows = {(r.period, r.team): r for r in summarise(outcomes, Granularity.QUARTER)}
    north = rows[("2026 Q4", "North")]
    assert (north.requested, north.decided, north.pending, north.chases) == (3, 2, 1, 3)
    assert north.inclusion_rate == 0.5
    assert north.median_days == 15
    assert rows[("2026 Q4", "South")].inclusion_rate == 0.0  # amended is not included
    quarter = rows[("2026 Q4", ALL)]
    assert (quarter.requested, quarter.decided, quarter.included) == (4, 3, 1)
    assert quarter.median_days == 10
    assert ("2027 Q1", ALL) not in rows  # one team only: no subtotal row
    overall = rows[(ALL, ALL)]
    assert overall.inclusion_rate == 2 / 4
    assert list(rows)[-1] == (ALL, ALL)


_outcomes = st.lists(
    st.builds(
        lambda start, team, decision, days, chases: ConditionOutcome(
            start,
            team,
            decision,
            start + timedelta(days=days) if decision else None,
            chases,
        ),
        st.dates(date(2020, 1, 1), date(2026, 12, 31)),
        st.sampled_from(["North", "South", "", "=East"]),
        st.one_of(st.none(), st.sampled_from(list(Decision))),
        st.integers(0, 400),
        st.integers(0, 5),
    ),
    max_size=40,
)


@given(_outcomes, st.sampled_from(list(Granularity)))
def test_the_total_row_adds_up_whatever_the_grouping(outcomes, granularity) -> None:
    rows = summarise(outcomes, granularity)
    if not outcomes:
        assert rows == []
        return
    total = rows[-1]
    decided = [o for o in outcomes if o.decision]
    assert (total.period, total.team) == (ALL, ALL)
    assert total.requested == len(outcomes)
    assert total.decided == len(decided) == total.included + total.amended + total.refused
    assert total.inclusion_rate == inclusion_rate(total.included, len(decided))
    assert total.chases == sum(o.chases for o in outcomes)
    detail = [r for r in rows if r.team != ALL]
    assert sum(r.requested for r in detail) == len(outcomes)


@given(st.text(max_size=30))
def test_a_spreadsheet_never_sees_a_cell_it_would_run_as_a_formula(value: str) -> None:
    cell = spreadsheet_safe(value)
    assert not cell.lstrip().startswith(("=", "+", "-", "@"))
    assert not cell.startswith(("\t", "\r"))
    assert cell in (value, "'" + value)
    out = io.StringIO()
    csv.writer(out).writerow([cell])
    assert next(csv.reader(io.StringIO(out.getvalue()))) == [cell]


@pytest.mark.parametrize(
    "dangerous",
    ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(1)", " =1+1", "\t=1", "\r=1"],
)
def test_formula_looking_cells_are_written_as_text(dangerous: str) -> None:
    assert spreadsheet_safe(dangerous) == "'" + dangerous
    assert spreadsheet_safe("North Team") == "North Team"
    assert spreadsheet_safe(string.digits) == string.digits


def test_a_request_knows_when_it_is_waiting_on_the_om() -> None:
    assert _request(**SENT).waiting_on_om
    assert not _request(**DECIDED).waiting_on_om
    assert _request(**DECIDED).title == "No contact with the victim or named persons"
    assert _request(status=ConditionStatus.REQUESTED).status is ConditionStatus.REQUESTED
