"""Rule sets: the shipped file, choosing a version by date, clocks, and refusing bad files."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from vcs_app.domain.model import DomainError, OffenceCategory, SentenceType, ValidationError
from vcs_app.domain.rules import (
    RULES_PATH,
    Clock,
    ClockDirection,
    ClockUnit,
    load_rule_sets,
    rule_set_for,
)

ALL_CLOCKS = {
    "sentence_to_referral",
    "referral_to_offer",
    "offer_follow_up",
    "follow_up_to_no_response",
    "hdc_representations",
    "parole_reconsideration",
    "om_chase",
    "condition_decision_to_victim",
    "turning_18",
    "key_date_update",
    "parole_review_vps",
    "parole_decision_due",
    "parole_decision_tell",
    "sentence_event_update",
    "parole_review_lead",
}


def test_the_shipped_file_lives_in_resources_and_loads() -> None:
    project_root = Path(__file__).resolve().parents[2]
    assert project_root / "resources" / "rules" / "vcs_rules.json" == RULES_PATH
    rule_sets = load_rule_sets()
    assert [rule_set.version for rule_set in rule_sets] == [
        "2001-04",
        "2005-07",
        "2013-12",
        "2021-04",
    ]
    assert [rule_set.in_force_from for rule_set in rule_sets] == [
        date(2001, 4, 1),
        date(2005, 7, 1),
        date(2013, 12, 10),
        date(2021, 4, 1),
    ]
    for rule_set in rule_sets:
        assert {clock.key for clock in rule_set.clocks} == ALL_CLOCKS
        assert rule_set.source


def test_loading_is_cached() -> None:
    assert load_rule_sets() is load_rule_sets()
    assert load_rule_sets(RULES_PATH) is load_rule_sets(str(RULES_PATH))


def test_the_2020_code_clocks() -> None:
    rules = rule_set_for(date(2024, 1, 1))
    assert rules.version == "2021-04"
    assert rules.source == "Code of Practice for Victims of Crime 2020, in force 1 April 2021"
    expected = {
        "sentence_to_referral": (10, ClockUnit.WORKING_DAYS),
        "referral_to_offer": (20, ClockUnit.WORKING_DAYS),
        "offer_follow_up": (20, ClockUnit.WORKING_DAYS),
        "follow_up_to_no_response": (20, ClockUnit.WORKING_DAYS),
        "hdc_representations": (14, ClockUnit.CALENDAR_DAYS),
        "parole_reconsideration": (21, ClockUnit.CALENDAR_DAYS),
        "om_chase": (5, ClockUnit.WORKING_DAYS),
        "condition_decision_to_victim": (5, ClockUnit.WORKING_DAYS),
        "turning_18": (0, ClockUnit.CALENDAR_DAYS),
        "key_date_update": (10, ClockUnit.WORKING_DAYS),
        "parole_review_vps": (10, ClockUnit.WORKING_DAYS),
        "parole_decision_due": (14, ClockUnit.CALENDAR_DAYS),
        "parole_decision_tell": (3, ClockUnit.WORKING_DAYS),
        "sentence_event_update": (10, ClockUnit.WORKING_DAYS),
        "parole_review_lead": (183, ClockUnit.CALENDAR_DAYS),
    }
    assert {c.key: (c.length, c.unit) for c in rules.clocks} == expected
    assert rules.clock("parole_review_lead").direction is ClockDirection.BEFORE


def test_the_older_guidance_gave_40_working_days_to_offer_contact() -> None:
    older = rule_set_for(date(2021, 3, 31))
    assert older.version == "2013-12"
    assert older.clock("referral_to_offer").length == 40
    assert older.clock("sentence_to_referral").length == 20


def test_the_eligibility_thresholds() -> None:
    thresholds = rule_set_for(date(2024, 1, 1)).eligibility
    assert thresholds.min_custody_months == 12
    assert thresholds.statutory_offence_categories == {
        OffenceCategory.VIOLENT,
        OffenceCategory.SEXUAL,
    }
    assert thresholds.statutory_hospital_disposals == {
        SentenceType.HOSPITAL_ORDER_RESTRICTED,
        SentenceType.HOSPITAL_LIMITATION_DIRECTION,
        SentenceType.TRANSFER_DIRECTION,
    }
    assert thresholds.discretionary_offence_categories == {
        OffenceCategory.DOMESTIC_ABUSE,
        OffenceCategory.STALKING,
    }


def test_rule_set_for_switches_on_the_in_force_date() -> None:
    assert rule_set_for(date(2021, 4, 1)).version == "2021-04"
    assert rule_set_for(date(2021, 3, 31)).version == "2013-12"
    assert rule_set_for(date(2013, 12, 10)).version == "2013-12"


def test_rule_set_for_a_date_before_any_rules_is_refused() -> None:
    with pytest.raises(
        DomainError, match="No Victim Contact Scheme rules are in force on 31/03/2001"
    ):
        rule_set_for(date(2001, 3, 31))


def test_the_earlier_rule_sets_are_keyed_on_their_dates_with_their_sources() -> None:
    """Issue 17 item 13: the statutory scheme from 1 July 2005 (DVCVA 2004 s.35) and the
    s.69 CJCSA 2000 arrangements from 1 April 2001 before it."""
    assert rule_set_for(date(2013, 12, 9)).version == "2005-07"
    assert rule_set_for(date(2005, 7, 1)).version == "2005-07"
    assert rule_set_for(date(2005, 6, 30)).version == "2001-04"
    assert rule_set_for(date(2001, 4, 1)).version == "2001-04"
    statutory = rule_set_for(date(2005, 7, 1))
    assert "Domestic Violence, Crime and Victims Act 2004 s.35" in statutory.source
    assert statutory.eligibility.statutory_hospital_disposals  # ss.36-44
    before = rule_set_for(date(2001, 4, 1))
    assert "Criminal Justice and Court Services Act 2000 s.69" in before.source
    assert "Probation Circular 62/2001" in before.source
    assert before.eligibility.statutory_hospital_disposals == frozenset()
    assert before.clock("referral_to_offer").length == 40
    assert "eight weeks" in before.clock("referral_to_offer").source


def test_asking_for_an_unknown_clock_is_refused() -> None:
    with pytest.raises(DomainError, match="Rule set 2021-04 has no clock called 'nope'"):
        rule_set_for(date(2024, 1, 1)).clock("nope")


def test_working_day_clocks_skip_weekends_and_bank_holidays() -> None:
    rules = rule_set_for(date(2024, 1, 1))
    # Referral Thu 28 Mar 2024: Good Friday and Easter Monday do not count.
    assert rules.clock("referral_to_offer").due_from(date(2024, 3, 28)) == date(2024, 4, 29)
    # OM request on Thu 24 Dec 2026: Fri 25 Dec, Mon 28 Dec (Boxing Day substitute) and
    # Fri 1 Jan 2027 are bank holidays, so the 5th working day is Tue 5 Jan.
    assert rules.clock("om_chase").due_from(date(2026, 12, 24)) == date(2027, 1, 5)


def test_calendar_day_clocks_count_every_day() -> None:
    rules = rule_set_for(date(2024, 1, 1))
    assert rules.clock("hdc_representations").due_from(date(2024, 12, 20)) == date(2025, 1, 3)
    assert rules.clock("parole_reconsideration").due_from(date(2024, 3, 1)) == date(2024, 3, 22)
    assert rules.clock("turning_18").due_from(date(2025, 6, 7)) == date(2025, 6, 7)


def test_the_parole_review_lead_counts_back_from_the_eligibility_date() -> None:
    lead = rule_set_for(date(2024, 1, 1)).clock("parole_review_lead")
    assert lead.due_from(date(2025, 6, 30)) == date(2024, 12, 29)
    assert "6 months" in lead.note


def test_describe_says_the_rule_in_words() -> None:
    rules = rule_set_for(date(2024, 1, 1))
    assert rules.clock("referral_to_offer").describe() == (
        "Offer contact within 20 working days of the referral (Victims' Code 2020)"
    )
    assert rules.clock("offer_follow_up").describe() == (
        "If there is no reply, send a follow-up letter or call 20 working days after the offer "
        "(VCS practice)"
    )
    assert (
        rules.clock("parole_review_lead")
        .describe()
        .startswith(
            "Start preparing the victim for the parole review 183 calendar days before the parole "
            "eligibility or tariff expiry date"
        )
    )
    assert rules.clock("turning_18").describe() == (
        "Offer contact to the victim directly on the victim's 18th birthday (VCS practice)"
    )
    one_day = Clock("x", "Ring back", 1, ClockUnit.CALENDAR_DAYS, "the call", "test")
    assert one_day.describe() == "Ring back within 1 calendar day of the call (test)"


def test_a_clock_refuses_to_count_back_in_working_days() -> None:
    with pytest.raises(ValidationError, match="must use calendar days"):
        Clock("x", "Warn", 5, ClockUnit.WORKING_DAYS, "the date", "test", ClockDirection.BEFORE)


# --- malformed files ------------------------------------------------------------------


def shipped() -> dict[str, Any]:
    return json.loads(RULES_PATH.read_text(encoding="utf-8"))


def write(tmp_path: Path, document: Any) -> Path:
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def broken(change: Any) -> dict[str, Any]:
    document = copy.deepcopy(shipped())
    change(document)
    return document


def _set(path: str, value: Any) -> Any:
    """A change that sets document[...][...] = value along a '/'-separated path."""

    def change(document: dict[str, Any]) -> None:
        *parents, last = path.split("/")
        target: Any = document
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        target[int(last) if last.isdigit() else last] = value

    return change


def test_a_copy_of_the_shipped_file_loads_from_another_path(tmp_path: Path) -> None:
    rule_sets = load_rule_sets(write(tmp_path, shipped()))
    assert [rule_set.version for rule_set in rule_sets] == [
        "2001-04",
        "2005-07",
        "2013-12",
        "2021-04",
    ]


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DomainError, match="Cannot read the rules file"):
        load_rule_sets(tmp_path / "absent.json")


def test_a_file_that_is_not_json_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "rules.json"
    path.write_text('{"rule_sets": [', encoding="utf-8")
    with pytest.raises(DomainError, match=r"is not valid JSON \(line 1"):
        load_rule_sets(path)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_set("rule_sets", []), "'rule_sets' must be a non-empty list"),
        (_set("rule_sets/1/in_force_from", "1st April 2021"), "rule set 2005-07, in_force_from"),
        (_set("rule_sets/1/version", ""), "rule set 2, version must be non-empty text"),
        (_set("rule_sets/1/clocks/1/length", "20"), "rule set 2005-07, clock 'referral_to_offer'"),
        (_set("rule_sets/1/clocks/1/length", -1), "0 or more"),
        (
            _set("rule_sets/1/clocks/1/unit", "weeks"),
            "unit must be working_days or calendar_days (got 'weeks')",
        ),
        (
            lambda d: d["rule_sets"][1]["clocks"][1].pop("length"),
            "'referral_to_offer' is missing length",
        ),
        (_set("rule_sets/1/clocks/1/lenght", 20), "unknown field"),
        (_set("rule_sets/1/clocks/1/label", " "), "needs a label"),
        (_set("rule_sets/1/clocks/1/key", "Offer Contact"), "lower-case words"),
        (_set("rule_sets/1/clocks/2/key", "referral_to_offer"), "defined more than once"),
        (_set("rule_sets/1/eligibility/min_custody_months", 0), "number above 0"),
        (_set("rule_sets/1/eligibility/statutory_offence_categories", ["arson"]), "unknown value"),
        (
            _set("rule_sets/1/eligibility/discretionary_offence_categories", ["violent"]),
            "violent cannot be both statutory and discretionary",
        ),
        (_set("rule_sets/0/in_force_from", "2021-04-01"), "both start on 2021-04-01"),
        (_set("rule_sets/0/version", "2021-04"), "each rule set needs its own version"),
        (lambda d: d["rule_sets"][0]["clocks"].pop(), "2001-04 lacks clock(s) parole_review_lead"),
        (lambda d: d["rule_sets"][1].pop("eligibility"), "missing eligibility"),
    ],
)
def test_a_malformed_file_is_refused_with_a_clear_message(
    tmp_path: Path, change: Any, message: str
) -> None:
    path = write(tmp_path, broken(change))
    with pytest.raises(DomainError, match=r"The rules file .* is not usable") as raised:
        load_rule_sets(path)
    assert message in str(raised.value)
