"""The changes that reached sentences already being served, in the order HMPPS's
calculator applies them: 40% release (SDS40) and its exclusions, the offences taken out
of it on 16 December 2024, and the progression model by tranche from 1 October 2026."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from release_variants import BEFORE_PROGRESSION

from vcs_app.domain.sentence import Sentence
from vcs_app.domain.sentence_dates import estimate_dates
from vcs_app.domain.term import term_days


def _sds(passed, months, cls, *, remand=0, kind="SDS", excluded=False):
    return Sentence(1, kind, passed, cls, length_months=months, remand_days=remand,
                    progression_excluded=excluded)  # fmt: skip


def _crd(sentence, rules=None):
    estimate = estimate_dates(sentence, rules).get("CRD")
    assert estimate is not None
    return estimate


# --- SDS40 exclusions (item 19) -------------------------------------------------------


def test_a_national_security_offence_of_2_years_stays_at_half_where_another_gets_40_percent():
    passed = date(2025, 1, 6)
    general = _crd(_sds(passed, 24, "general"), BEFORE_PROGRESSION)
    security = _crd(_sds(passed, 24, "national_security"), BEFORE_PROGRESSION)
    assert general.value == date(2025, 10, 24)  # 730 x 40% = 292 days
    assert (security.value, security.rule_id) == (date(2026, 1, 5), "sds_half")  # 365 days
    assert "excluded from 40% release (SDS40)" in security.explanation


def test_murder_of_any_length_passed_after_16_december_2024_stays_at_half():
    crd = _crd(_sds(date(2025, 3, 3), 36, "murder"), BEFORE_PROGRESSION)
    assert crd.value == date(2026, 9, 1)  # 1,095 / 2 = 547.5 -> 548 days
    assert "excluded from 40% release since 16/12/2024" in crd.explanation


def test_a_breach_of_a_restraining_order_in_custody_on_16_december_2024_goes_back_to_half():
    """Passed 03/06/2024 for 2 years: 40% fell on 21/03/2025, after the exclusion began."""
    crd = _crd(_sds(date(2024, 6, 3), 24, "excluded_from_dec_2024"), BEFORE_PROGRESSION)
    assert (crd.value, crd.rule_id) == (date(2025, 6, 2), "sds40_exclusions_dec_2024")
    assert "40% release would have been on 21/03/2025" in crd.explanation


def test_a_breach_of_a_restraining_order_released_at_40_percent_before_16_december_stays_released():
    """Passed 01/10/2023 for 2 years: half on 30/09/2024, so released when SDS40 tranche 1
    began (10/09/2024), before the December 2024 exclusion: that release stood."""
    crd = _crd(_sds(date(2023, 10, 1), 24, "excluded_from_dec_2024"), BEFORE_PROGRESSION)
    assert (crd.value, crd.rule_id) == (date(2024, 9, 10), "sds40")
    assert "after this release, so the release stood" in crd.explanation


def test_murder_under_4_years_released_at_40_percent_before_16_december_2024_stays_released():
    crd = _crd(_sds(date(2023, 10, 1), 24, "murder"), BEFORE_PROGRESSION)
    assert crd.value == date(2024, 9, 10)
    assert _crd(_sds(date(2023, 10, 1), 48, "murder"), BEFORE_PROGRESSION).rule_id == "sds_half"


# --- the progression model (item 21) --------------------------------------------------


def test_a_4_year_sentence_from_january_2025_moves_to_the_start_of_progression_tranche_4():
    crd = _crd(_sds(date(2025, 1, 6), 48, "violent"))
    assert (crd.value, crd.rule_id) == (date(2026, 12, 8), "sds_progression_2026")
    assert "Sentencing Act 2026, the progression model" in crd.explanation
    assert "tranche 4 (terms up to 1,561 days), 08/12/2026" in crd.explanation


def test_a_sentence_passed_after_1_october_2026_is_served_one_third():
    """HMPPS progression-model/crs-2506-ac1-1: 2 years from 24/10/2026."""
    crd = _crd(_sds(date(2026, 10, 24), 24, "general"))
    assert crd.value == date(2027, 6, 24)  # 731 / 3 = 243.7 -> 244 days
    assert "One-third of 731 days is 244 days (rounded up)" in crd.explanation


def test_an_sds_plus_sentence_is_served_half_from_its_tranche():
    """HMPPS progression-model/crs-2503-ac1-5: SDS+ of 5 years from 01/01/2024."""
    crd = _crd(_sds(date(2024, 1, 1), 60, "homicide_related"))
    assert crd.value == date(2027, 1, 12)  # half (02/07/2026) had passed: tranche 5
    assert crd.basis == "start of progression model tranche 5 (terms up to 2,121 days)"


def test_a_release_due_before_its_tranche_reaches_it_is_not_moved():
    """3 years from 04/08/2025 (1,096 days) is in tranche 3 (10/11/2026). Under SDS40 the
    release on 16/10/2026 comes before it, so it stands; for a sexual offence (half, on
    02/02/2027) it moves to the tranche date, one-third having passed."""
    general = _crd(_sds(date(2025, 8, 4), 36, "general"))
    assert (general.value, general.rule_id) == (date(2026, 10, 16), "sds40")
    assert "after this release point, so it did not change it" in general.explanation
    sexual = _crd(_sds(date(2025, 8, 4), 36, "sexual"))
    assert (sexual.value, sexual.rule_id) == (date(2026, 11, 10), "sds_progression_2026")


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        (_sds(date(2026, 5, 1), 36, "sexual", excluded=True), "Sentencing Act 2026 exclusion list"),
        (_sds(date(2024, 10, 25), 48, "national_security"), "sentences passed before 01/10/2026"),
        (_sds(date(2020, 1, 28), 180, "violent_max_life"), "would be if passed now"),
        (_sds(date(2026, 8, 28), 20, "general", kind="S250"), "detention under section 250"),
        (_sds(date(2022, 1, 6), 96, "terrorist"), "does not apply to this offence type"),
    ],
)
def test_the_progression_model_does_not_apply_and_the_estimate_says_why(sentence, reason):
    estimates = estimate_dates(sentence)
    release = estimates.get("CRD") or estimates.get("PED")
    assert release.rule_id != "sds_progression_2026"
    assert "The progression model (from 01/10/2026) does not apply: " in release.explanation
    assert reason in release.explanation


def test_a_national_security_offence_passed_after_1_october_2026_is_served_one_third():
    """HMPPS progression-model/crs-2656-ac8-1a."""
    assert _crd(_sds(date(2026, 10, 10), 36, "national_security")).value == date(2027, 10, 10)


@settings(deadline=None)
@given(
    passed=st.dates(date(2026, 10, 1), date(2028, 12, 31)),
    months=st.integers(6, 300),
    remand=st.integers(0, 60),
    cls=st.sampled_from(["general", "violent", "sexual", "domestic_abuse_listed"]),
)
def test_sentences_passed_under_the_progression_model_serve_exactly_one_third_less_remand(
    passed, months, remand, cls
):
    crd = _crd(_sds(passed, months, cls, remand=remand))
    served = -(-term_days(passed, months) // 3)
    assert crd.value == passed + timedelta(days=served - 1 - remand)


@settings(deadline=None)
@given(
    passed=st.dates(date(2022, 6, 28), date(2026, 9, 30)),
    months=st.integers(1, 300),
    cls=st.sampled_from(["general", "violent", "sexual", "violent_max_life", "sexual_max_life"]),
)
def test_the_progression_model_never_releases_later_or_before_the_tranche_that_moved_it(
    passed, months, cls
):
    sentence = _sds(passed, months, cls)
    before = _crd(sentence, BEFORE_PROGRESSION).value
    after = _crd(sentence)
    assert after.value <= before
    if after.value != before:
        assert after.value >= date(2026, 10, 1)
        assert after.rule_id == "sds_progression_2026"
