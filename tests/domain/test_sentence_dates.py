"""Estimated release points: worked examples per sentence type (dates counted by hand,
as the prison calculation counts them), the rules as data, and estimates that are
always labelled, explained and kept apart from official dates."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from fixed_day import TODAY
from hypothesis import given, settings
from hypothesis import strategies as st
from release_variants import BEFORE_PROGRESSION

from vcs_app.domain.model import DomainError, KeyDate, ValidationError
from vcs_app.domain.sentence import (
    EventKind,
    OffenceClass,
    OfficialDate,
    Sentence,
    SentenceEvent,
    Stage,
    update_decision,
)
from vcs_app.domain.sentence_dates import (
    ESTIMATE,
    EVENT,
    OFFICIAL,
    RELEASE_RULES_PATH,
    Agreement,
    SentenceFile,
    compare_dates,
    estimate_dates,
    load_release_rules,
    official_release_date,
)
from vcs_app.domain.term import term_days


def _sds(passed, months, offence, remand=0):
    return Sentence(1, "SDS", passed, offence, length_months=months, remand_days=remand)


def _est(sentence, kind, rules=None):
    estimate = estimate_dates(sentence, rules).get(kind)
    assert estimate is not None, estimate_dates(sentence, rules).notes
    return estimate


# --- standard determinate sentences ---------------------------------------------------


def test_sds_4_years_from_6_jan_2025_general_offence_releases_at_40_percent_on_13_aug_2026():
    # 1,461 days; 40% = 584.4 -> 585 days counting 6 Jan 2025 as day 1.
    crd = _est(_sds(date(2025, 1, 6), 48, "general"), "CRD")
    assert crd.value == date(2026, 8, 13)
    assert crd.rule_id == "sds40"
    assert "585 days (rounded up)" in crd.explanation


def test_sds_4_years_from_6_jan_2025_sled_is_5_jan_2029():
    assert _est(_sds(date(2025, 1, 6), 48, "general"), "SLED").value == date(2029, 1, 5)


def test_sds_4y_from_6_jan_2025_violent_excluded_from_40_percent_half_on_6_jan_2027():
    """Before the progression model: its tranche 4 brings this release forward (see
    test_release_changes)."""
    crd = _est(_sds(date(2025, 1, 6), 48, "violent"), "CRD", BEFORE_PROGRESSION)
    assert crd.value == date(2027, 1, 6)  # 1,461 / 2 = 730.5 -> 731 days
    assert crd.rule_id == "sds_half"
    assert "excluded from 40% release (SDS40) at this length" in crd.explanation


def test_sds_3y_from_6_jan_2025_violent_under_4y_releases_at_40_percent_on_19_mar_2026():
    crd = _est(_sds(date(2025, 1, 6), 36, "violent"), "CRD")
    assert crd.value == date(2026, 3, 19)  # 1,095 days x 40% = 438 days
    assert crd.rule_id == "sds40"


@pytest.mark.parametrize("offence", ["sexual", "domestic_abuse_listed"])
def test_sds_2_years_from_6_jan_2025_sexual_or_listed_domestic_abuse_releases_at_half_on_5_jan_2026(
    offence,
):
    crd = _est(_sds(date(2025, 1, 6), 24, offence), "CRD")
    assert crd.value == date(2026, 1, 5)  # 730 / 2 = 365 days
    assert crd.rule_id == "sds_half"


def test_sds_5_years_from_6_jan_2023_rape_is_sds_plus_two_thirds_on_7_may_2026():
    crd = _est(_sds(date(2023, 1, 6), 60, "sexual_max_life"), "CRD")
    assert crd.value == date(2026, 5, 7)  # 1,826 x 2/3 = 1,217.3 -> 1,218 days
    assert crd.rule_id == "sds_plus_2022_4y"


def test_sds_5_years_from_6_jan_2021_rape_before_28_june_2022_releases_at_half_on_7_jul_2023():
    crd = _est(_sds(date(2021, 1, 6), 60, "sexual_max_life"), "CRD")
    assert crd.value == date(2023, 7, 7)  # 4 to 7 years only became two-thirds in June 2022
    assert crd.rule_id == "sds_half"


def test_sds_8y_from_6_jan_2021_violent_carrying_life_two_thirds_on_7_may_2026():
    crd = _est(_sds(date(2021, 1, 6), 96, "violent_max_life"), "CRD")
    assert crd.value == date(2026, 5, 7)  # 2,922 x 2/3 = 1,948 days
    assert crd.rule_id == "sds_plus_2020"


def test_sds_5y_from_6_jan_2023_wounding_with_intent_below_7y_half_on_6_jul_2025():
    crd = _est(_sds(date(2023, 1, 6), 60, "violent_max_life"), "CRD")
    assert crd.rule_id == "sds_half"
    assert crd.value == date(2025, 7, 6)  # 1,826 / 2 = 913 days


def test_sds_8y_from_6_jan_2021_terrorist_parole_eligible_at_two_thirds_on_7_may_2026():
    estimates = estimate_dates(_sds(date(2021, 1, 6), 96, "terrorist"))
    assert estimates.get("CRD") is None  # no automatic release part way
    ped = estimates.get("PED")
    assert ped.value == date(2026, 5, 7) and ped.rule_id == "sds_terrorist"
    assert "Parole Board" in ped.explanation


def test_sds_3y_from_1_mar_2023_released_at_half_on_29_aug_2024_before_sds40():
    crd = _est(_sds(date(2023, 3, 1), 36, "general"), "CRD")
    assert crd.value == date(2024, 8, 29)
    assert "after this release point, so it did not change it" in crd.explanation


def test_sds_4y_from_1_oct_2022_40_percent_passed_released_in_tranche_1_on_10_sep_2024():
    # 40% fell on 7 May 2024, half on 30 Sep 2024: released when SDS40 began for < 5 years.
    crd = _est(_sds(date(2022, 10, 1), 48, "general"), "CRD")
    assert crd.value == date(2024, 9, 10)
    assert "tranche 1" in crd.explanation


def test_sds_6_years_from_1_nov_2021_was_released_in_tranche_2_on_22_oct_2024():
    # 40% fell on 26 Mar 2024, half on 31 Oct 2024; 5 years or more waited for tranche 2.
    crd = _est(_sds(date(2021, 11, 1), 72, "general"), "CRD")
    assert crd.value == date(2024, 10, 22)
    assert "tranche 2" in crd.explanation


def test_sds_4_years_from_6_jan_2025_with_100_days_remand_releases_on_5_may_2026_sled_27_sep_2028():
    estimates = estimate_dates(_sds(date(2025, 1, 6), 48, "general", remand=100))
    assert estimates.get("CRD").value == date(2026, 5, 5)
    assert estimates.get("SLED").value == date(2028, 9, 27)
    assert "Less 100 days on remand" in estimates.get("CRD").explanation


def test_remand_longer_than_the_time_to_release_gives_release_on_the_sentence_date():
    crd = _est(_sds(date(2025, 1, 6), 12, "general", remand=200), "CRD")
    assert crd.value == date(2025, 1, 6)
    assert "would be before the sentence date" in crd.explanation


def test_sds_with_the_offence_type_not_known_gives_no_release_estimate_and_says_why():
    estimates = estimate_dates(_sds(date(2025, 1, 6), 48, "unknown"))
    assert [e.kind for e in estimates.items] == ["SLED"]
    assert "type of offence is not recorded" in estimates.notes[0]


# --- extended, SOPC, DTO, indeterminate, hospital -------------------------------------


def test_eds_6y_custody_4y_extension_from_1_may_2020_parole_eligible_on_30_apr_2024():
    sentence = Sentence(
        1, "EDS", date(2020, 5, 1), "violent", custodial_months=72, extension_months=48
    )
    estimates = estimate_dates(sentence)
    assert estimates.get("PED").value == date(2024, 4, 30)  # 2,191 x 2/3 -> 1,461 days
    assert estimates.get("CRD").value == date(2026, 4, 30)  # end of the custodial term
    assert estimates.get("SLED").value == date(2030, 4, 30)  # custody + extension
    assert {e.rule_id for e in estimates.items} == {"eds_2015"}


def test_eds_6y_custody_from_1_mar_2014_automatic_release_at_two_thirds_on_1_mar_2018():
    sentence = Sentence(
        1, "EDS", date(2014, 3, 1), "violent", custodial_months=72, extension_months=36
    )
    estimates = estimate_dates(sentence)
    assert estimates.get("PED") is None
    assert estimates.get("CRD").value == date(2018, 3, 1)  # 2,192 x 2/3 -> 1,462 days
    assert estimates.get("CRD").rule_id == "eds_2012_automatic"


def test_sopc_5_years_from_1_may_2021_parole_eligible_at_half_on_30_oct_2023():
    estimates = estimate_dates(Sentence(1, "SOPC", date(2021, 5, 1), "sexual", custodial_months=60))
    assert estimates.get("PED").value == date(2023, 10, 30)  # 1,826 / 2 = 913 days
    assert estimates.get("CRD").value == date(2026, 4, 30)
    assert estimates.get("SLED").value == date(2027, 4, 30)  # plus 12 months on licence


def test_sopc_5_years_from_1_may_2023_parole_eligible_at_two_thirds_on_30_aug_2026():
    estimates = estimate_dates(Sentence(1, "SOPC", date(2023, 5, 1), "sexual", custodial_months=60))
    assert estimates.get("PED").value == date(2026, 8, 30)  # 1,827 x 2/3 -> 1,218 days
    assert estimates.get("PED").rule_id == "sopc_2022"


def test_life_15y_minimum_term_from_1_mar_2010_200_days_remand_tariff_expiry_12_aug_2024():
    sentence = Sentence(
        1, "LIFE", date(2010, 3, 1), "homicide_related", tariff_months=180, remand_days=200
    )
    tariff = _est(sentence, "TARIFF")
    assert tariff.value == date(2024, 8, 12)
    assert "if the judge's minimum term already allowed for them" in tariff.explanation


def test_ipp_with_2_year_tariff_from_1_jun_2010_has_tariff_expiry_31_may_2012():
    assert _est(Sentence(1, "IPP", date(2010, 6, 1), tariff_months=24), "TARIFF").value == date(
        2012, 5, 31
    )


def test_dto_12_months_from_1_mar_2026_mid_term_date_30_aug_2026_and_end_28_feb_2027():
    estimates = estimate_dates(Sentence(1, "DTO", date(2026, 3, 1), length_months=12))
    assert estimates.get("MTD").value == date(2026, 8, 30)  # 365 / 2 = 182.5 -> 183 days
    assert estimates.get("SED").value == date(2027, 2, 28)


@pytest.mark.parametrize(
    "kind",
    [
        "HOSPITAL_ORDER",
        "HOSPITAL_ORDER_RESTRICTED",
        "HOSPITAL_LIMITATION_DIRECTION",
        "TRANSFER_DIRECTION",
    ],
)
def test_hospital_disposals_have_no_release_estimate_and_say_who_decides(kind):
    estimates = estimate_dates(Sentence(1, kind, date(2024, 6, 1)))
    assert estimates.items == ()
    assert "Mental Health Act 1983" in estimates.notes[0]
    assert "leave" in estimates.notes[0] and "release date" in estimates.notes[0]


# --- every estimate is labelled and explained -----------------------------------------

_EXAMPLES = [
    _sds(date(2025, 1, 6), 48, "general"),
    _sds(date(2021, 1, 6), 96, "terrorist"),
    Sentence(1, "EDS", date(2020, 5, 1), "violent", custodial_months=72, extension_months=48),
    Sentence(1, "SOPC", date(2023, 5, 1), "sexual", custodial_months=60),
    Sentence(1, "LIFE", date(2010, 3, 1), tariff_months=180),
    Sentence(1, "DTO", date(2026, 3, 1), length_months=12),
]


@pytest.mark.parametrize("sentence", _EXAMPLES, ids=lambda s: s.type.value)
def test_every_estimate_says_estimate_explains_itself_and_warns_it_is_not_for_victims(sentence):
    estimates = estimate_dates(sentence)
    assert estimates.items
    for estimate in estimates.items:
        assert estimate.label == "Estimate" and "(estimate)" in estimate.title
        assert estimate.rules_version == load_release_rules().version
        assert sentence.sentence_date.strftime("%d/%m/%Y") in estimate.explanation
        assert "not the official date" in estimate.explanation
        assert "Never give it to a victim" in estimate.explanation


def test_a_release_under_the_progression_model_warns_bad_behaviour_can_move_it_later():
    crd = _est(_sds(date(2025, 1, 6), 48, "violent"), "CRD")
    assert crd.rule_id == "sds_progression_2026"
    assert "release moves later for bad behaviour" in crd.explanation
    assert "bad behaviour" not in _est(_sds(date(2023, 3, 1), 36, "general"), "CRD").explanation


# --- properties -----------------------------------------------------------------------

_CLASSES = [c for c in OffenceClass if c not in (OffenceClass.UNKNOWN, OffenceClass.TERRORIST)]


@settings(deadline=None)  # no timing assertions: a busy machine is not a failure
@given(
    passed=st.dates(date(2024, 10, 22), date(2026, 11, 1)),
    months=st.integers(1, 300),
    offence=st.sampled_from(_CLASSES),
)
def test_a_standard_release_point_lies_between_one_third_and_two_thirds_of_the_term(
    passed, months, offence
):
    estimates = estimate_dates(_sds(passed, months, offence))
    crd, sled = estimates.get("CRD").value, estimates.get("SLED").value
    days = term_days(passed, months)
    assert passed + timedelta(days=days // 3 - 1) <= crd <= sled
    assert crd <= passed + timedelta(days=-(-days * 2 // 3))
    assert sled == passed + timedelta(days=days - 1)


@settings(deadline=None)  # no timing assertions: a busy machine is not a failure
@given(
    passed=st.dates(date(2024, 10, 22), date(2026, 11, 1)),
    months=st.integers(6, 300),
    remand=st.integers(0, 60),
)
def test_days_on_remand_bring_release_and_expiry_forward_by_exactly_those_days(
    passed, months, remand
):
    """Under SDS40 for sentences passed after its tranches; the progression model's own
    property (sentences passed after it began) is in test_release_changes."""
    plain = estimate_dates(_sds(passed, months, "general"), BEFORE_PROGRESSION)
    credited = estimate_dates(_sds(passed, months, "general", remand), BEFORE_PROGRESSION)
    for kind in ("CRD", "SLED"):
        assert plain.get(kind).value - credited.get(kind).value == timedelta(days=remand)


@settings(deadline=None)  # no timing assertions: a busy machine is not a failure
@given(passed=st.dates(date(2024, 10, 22), date(2026, 11, 1)), months=st.integers(1, 299))
def test_a_longer_sentence_never_releases_earlier(passed, months):
    shorter = estimate_dates(_sds(passed, months, "violent")).get("CRD").value
    longer = estimate_dates(_sds(passed, months + 1, "violent")).get("CRD").value
    assert shorter <= longer


# --- the sentence record --------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"type": "EDS", "custodial_months": 72}, "An EDS needs its extension period"),
        ({"type": "EDS", "custodial_months": 72, "extension_months": 120}, "between 1 and 8"),
        ({"type": "SOPC", "custodial_months": 60, "extension_months": 24}, "always has a further"),
        ({"type": "SDS"}, "needs its length"),
        ({"type": "DTO", "length_months": 30}, "from 4 to 24 months"),
        ({"type": "LIFE"}, "minimum term"),
        ({"type": "SDS", "length_months": 12, "remand_days": 400}, "check the figure"),
        ({"type": "SDS", "length_months": 2.5}, "whole number of months"),
        ({"type": "IPP", "tariff_months": 24, "sentence_date": date(2013, 1, 1)}, "IPP"),
        ({"type": "XYZ"}, "not a known type of sentence"),
    ],
)
def test_an_incomplete_or_impossible_sentence_is_refused_with_a_clear_message(values, message):
    values = {"sentence_date": date(2025, 1, 6), **values}
    with pytest.raises(ValidationError, match=message):
        Sentence(1, **values)


def test_a_sentence_date_after_the_workspace_today_is_a_problem_only_when_recorded():
    """Read back from the file, a record is never refused for the day it is read on."""
    later = Sentence(1, "SDS", TODAY + timedelta(1), length_months=12)
    assert later.problems() == []
    assert later.problems(TODAY) == [
        f"The sentence date {TODAY + timedelta(1):%d/%m/%Y} is in the future."
    ]


def test_an_sopc_gets_its_12_months_licence_and_a_description_in_words():
    sopc = Sentence(1, "SOPC", date(2023, 5, 1), "sexual", custodial_months=60)
    assert sopc.extension_months == 12 and sopc.length_months == 72
    assert sopc.describe() == (
        "Sentence for an offender of particular concern (SOPC), 5 years custodial term +"
        " 1 year extended licence, passed 01/05/2023"
    )


# --- beside the official dates --------------------------------------------------------


def _official(kind, value, kid=1, superseded_by=None, source="official"):
    return KeyDate(
        1, kind, value, source, received_on=date(2026, 1, 5), id=kid, superseded_by=superseded_by
    )


def test_an_official_date_that_differs_from_the_estimate_is_flagged_in_words():
    estimates = estimate_dates(_sds(date(2025, 1, 6), 48, "general"))
    rows = compare_dates(
        (
            _official("CRD", date(2026, 8, 1), 1, superseded_by=2),
            _official("CRD", date(2026, 8, 20), 2),
            _official("SLED", date(2029, 1, 5), 3),
            _official("HDCED", date(2026, 4, 1), 4),
        ),
        estimates,
    )
    assert [(r.kind, r.agreement, r.check_text) for r in rows] == [
        ("SLED", Agreement.SAME, "Same as estimate"),
        ("CRD", Agreement.DIFFERS, "DIFFERS: official is 7 days later"),
        ("HDCED", Agreement.OFFICIAL_ONLY, "No estimate"),
    ]


def test_the_release_date_for_a_letter_is_only_ever_official():
    estimate_like = _official("CRD", date(2026, 8, 13), 9, source="estimate")
    assert official_release_date((estimate_like,)) is None
    official = _official("CRD", date(2026, 9, 1), 10)
    assert official_release_date((estimate_like, official)) == official


def test_the_timeline_puts_sentence_dates_estimates_and_events_in_order_with_word_labels():
    sentence = _sds(date(2025, 1, 6), 48, "general")
    file = SentenceFile.build(
        sentence,
        (OfficialDate(_official("CRD", date(2026, 8, 20)), "Prison OMU email"),),
        (SentenceEvent(1, EventKind.HDC_ELIGIBILITY, date(2026, 4, 1), date(2026, 3, 2)),),
    )
    rows = [(e.on, e.category, e.title) for e in file.timeline()]
    assert rows == [
        (date(2025, 1, 6), "Sentence", "Standard determinate sentence (SDS)"),
        (date(2026, 4, 1), EVENT, "Home detention curfew eligibility"),
        (date(2026, 8, 13), ESTIMATE, "Conditional release date"),
        (date(2026, 8, 20), OFFICIAL, "Conditional release date"),
        (date(2029, 1, 5), ESTIMATE, "Sentence and licence expiry date"),
    ]
    assert ESTIMATE == "Estimate (not official)"


# --- who is told ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stage", "opt", "level", "status", "told"),
    [
        (Stage.RELEASE, "opted_in", "key_stages", "open", True),
        (Stage.RELEASE, "opted_in", "release_and_licence", "open", True),
        (Stage.KEY_STAGE, "opted_in", "release_and_licence", "open", False),
        (Stage.RELEASE, "opted_in", "annual", "open", False),
        (Stage.RELEASE, "opted_out", "none", "open", False),
        (Stage.RELEASE, "declined", "key_stages", "open", False),
        (Stage.RELEASE, "opted_in", "key_stages", "closed", False),
        (Stage.KEY_STAGE, "reopened", "key_stages", "open", True),
    ],
)
def test_who_is_told_depends_on_opt_in_contact_level_and_case_status(
    stage, opt, level, status, told
):
    assert update_decision(stage, opt, level, status)[0] is told


# --- the rules file -------------------------------------------------------------------


def test_the_rules_file_is_versioned_and_every_rule_cites_its_source():
    rules = load_release_rules()
    assert rules.version == "2026-12" and rules.checked_on == date(2026, 11, 26)
    every = rules.every_rule()
    assert len({rule.id for rule in every}) == len(every) == 23
    for rule in every:
        assert rule.source and rule.explain, rule.id
    assert [t.starts for t in rules.sds_early.tranches] == [date(2024, 9, 10), date(2024, 10, 22)]
    assert load_release_rules() is load_release_rules()


def test_a_broken_rules_file_is_refused_with_a_reason(tmp_path):
    document = json.loads(RELEASE_RULES_PATH.read_text(encoding="utf-8"))
    document["sds"]["base"][0]["fraction"] = "3/2"
    bad = tmp_path / "rules.json"
    bad.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(DomainError, match="not usable"):
        load_release_rules(bad)
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(DomainError, match="not valid JSON"):
        load_release_rules(bad)
