"""Which Act and which kind of release: the offence date (CJA 1991 before 4 April 2005,
no licence for short terms before 1 February 2015), default terms for fines, s.250
detention, an offender under 18 at release, and hospital disposals in their own words.
Dates worked by hand as HMPPS's calculator counts them."""

from __future__ import annotations

from datetime import date

import pytest
from release_variants import BEFORE_PROGRESSION

from vcs_app.domain.sentence import Sentence
from vcs_app.domain.sentence_dates import estimate_dates


def _dates(sentence, rules=None, dob=None):
    return {e.kind: e.value for e in estimate_dates(sentence, rules, offender_dob=dob).items}


def _sds(passed, offence, months=0, *, weeks=None, days=None, cls="general", remand=0):
    return Sentence(1, "SDS", passed, cls, length_months=months or None, length_weeks=weeks,
                    length_days=days, offence_date=offence, remand_days=remand)  # fmt: skip


# --- the Criminal Justice Act 1991, by offence date (item 20) -------------------------


def test_30_months_for_an_offence_in_january_2004_has_a_licence_to_three_quarters_and_a_sed():
    """ACR: release at half, licence to the three-quarter point, sentence expiry at the end."""
    sentence = _sds(date(2004, 6, 1), date(2004, 1, 10), 30, cls="violent", remand=20)
    assert _dates(sentence) == {
        "CRD": date(2005, 8, 11),  # 913 days: half 457 -> 31/08/2005, less 20 days
        "LED": date(2006, 3, 27),  # three-quarters 685 -> 16/04/2006, less 20 days
        "SED": date(2006, 11, 10),  # 30/11/2006 less 20 days
    }
    crd = estimate_dates(sentence).get("CRD")
    assert crd.rule_id == "sds_cja1991"
    assert "the Criminal Justice Act 1991 rules apply" in crd.explanation
    assert "licence ends at the three-quarter point" in crd.explanation


def test_the_same_sentence_for_an_offence_after_4_april_2005_has_one_licence_to_the_end():
    sentence = _sds(date(2006, 6, 1), date(2005, 4, 4), 30, cls="violent")
    assert _dates(sentence) == {"CRD": date(2007, 8, 31), "SLED": date(2008, 11, 30)}
    assert estimate_dates(sentence).get("CRD").rule_id == "sds_half"


@pytest.mark.parametrize(
    ("months", "expected"),
    [
        (6, {"ARD": date(2004, 8, 31), "SED": date(2004, 11, 30)}),  # no licence
        (60, {"CRD": date(2006, 11, 30), "SLED": date(2009, 5, 31)}),  # 4 years or more
    ],
)
def test_short_and_long_terms_under_the_1991_act(months, expected):
    assert _dates(_sds(date(2004, 6, 1), date(2003, 12, 1), months)) == expected


def test_a_pre_2005_offence_sentenced_after_3_december_2012_is_released_under_the_2003_act():
    sentence = _sds(date(2013, 1, 7), date(2004, 3, 1), 30, cls="violent")
    assert _dates(sentence) == {"CRD": date(2014, 4, 7), "SLED": date(2015, 7, 6)}


def test_without_an_offence_date_a_2008_sentence_is_estimated_under_the_2003_act_and_says_so():
    estimates = estimate_dates(_sds(date(2008, 6, 2), None, 30))
    assert estimates.get("SLED") and estimates.get("LED") is None
    assert "If it was earlier, the Criminal Justice Act 1991 rules apply" in estimates.notes[0]


def test_a_sentence_passed_before_4_april_2005_is_under_the_1991_act_without_an_offence_date():
    assert set(_dates(_sds(date(2005, 3, 1), None, 24))) == {"CRD", "LED", "SED"}


# --- short terms and their licence (Offender Rehabilitation Act 2014) ----------------


def test_six_months_for_an_offence_before_1_february_2015_is_released_without_a_licence():
    assert _dates(_sds(date(2015, 3, 2), date(2015, 1, 31), 6)) == {
        "ARD": date(2015, 6, 1),  # 184 days: half is 92
        "SED": date(2015, 9, 1),
    }


def test_six_months_for_an_offence_from_1_february_2015_has_a_licence():
    assert _dates(_sds(date(2015, 3, 2), date(2015, 2, 1), 6)) == {
        "CRD": date(2015, 6, 1),
        "SLED": date(2015, 9, 1),
    }


def test_a_term_of_one_day_is_served_that_day_with_no_licence():
    assert _dates(_sds(date(2023, 5, 10), date(2023, 5, 1), days=1)) == {
        "ARD": date(2023, 5, 10),
        "SED": date(2023, 5, 10),
    }


def test_someone_under_18_when_released_from_8_months_has_no_licence():
    """HMPPS custom-examples/crs-1168-ac1: born 01/04/2005, released at 17."""
    sentence = _sds(date(2022, 10, 27), date(2022, 6, 21), 8, remand=62)
    without = BEFORE_PROGRESSION
    assert _dates(sentence, without) == {"CRD": date(2022, 12, 25), "SLED": date(2023, 4, 25)}
    young = estimate_dates(sentence, without, offender_dob=date(2005, 4, 1))
    assert {e.kind: e.value for e in young.items} == {
        "ARD": date(2022, 12, 25),
        "SED": date(2023, 4, 25),
    }
    assert "They turn 18 on 01/04/2023" in young.get("ARD").explanation
    adult = _dates(sentence, without, dob=date(2004, 12, 1))
    assert set(adult) == {"CRD", "SLED"}


# --- terms in weeks and days, default terms for fines (item 18) -----------------------


def test_26_weeks_passed_on_2_march_2026_releases_at_40_percent_and_expires_after_182_days():
    assert _dates(_sds(date(2026, 3, 2), date(2026, 1, 5), weeks=26)) == {
        "CRD": date(2026, 5, 13),  # 182 x 40% = 72.8 -> 73 days, counting 02/03/2026 as day 1
        "SLED": date(2026, 8, 30),
    }


def test_a_default_term_of_28_days_for_a_950_pound_fine_releases_unconditionally_at_half():
    fine = Sentence(1, "FINE_DEFAULT", date(2021, 4, 29), length_days=28, fine_amount=950)
    estimates = estimate_dates(fine)
    assert {e.kind: e.value for e in estimates.items} == {
        "ARD": date(2021, 5, 12),  # HMPPS custom-examples/crs-1059-single-ersed-ac7
        "SED": date(2021, 5, 26),
    }
    assert "there is no licence" in estimates.get("ARD").explanation
    assert estimates.get("ARD").rule_id == "fine_default_half"


def test_a_default_term_for_a_fine_of_10_million_or_more_is_served_in_full():
    big = Sentence(1, "FINE_DEFAULT", date(2022, 6, 5), length_months=84, fine_amount=11_000_000)
    assert _dates(big) == {"ARD": date(2029, 6, 4), "SED": date(2029, 6, 4)}
    assert "the whole term is served" in estimate_dates(big).get("ARD").explanation
    before = Sentence(
        1, "FINE_DEFAULT", date(2015, 5, 29), length_months=12, fine_amount=11_000_000
    )
    assert _dates(before)["ARD"] == date(2015, 11, 27)  # before 1 June 2015: half


# --- detention under s.250 ------------------------------------------------------------


def test_s250_detention_of_7_years_for_rape_from_2022_is_two_thirds_not_the_progression_model():
    """HMPPS progression-model/crs-2649-ac3-1."""
    detention = Sentence(1, "S250", date(2022, 8, 30), "sexual_max_life", length_months=84)
    estimates = estimate_dates(detention)
    assert estimates.get("CRD").value == date(2027, 4, 30)  # 2,557 days x 2/3 -> 1,705
    assert estimates.get("CRD").rule_id == "sds_plus_2022_youth"
    assert "does not apply to detention under section 250" in estimates.get("CRD").explanation


def test_s250_detention_of_5_years_for_rape_is_not_sds_plus_as_an_adult_sentence_would_be():
    detention = Sentence(1, "S250", date(2023, 1, 6), "sexual_max_life", length_months=60)
    adult = Sentence(1, "SDS", date(2023, 1, 6), "sexual_max_life", length_months=60)
    assert estimate_dates(detention).get("CRD").value == date(2025, 7, 6)  # half
    assert estimate_dates(adult).get("CRD").value == date(2026, 5, 7)  # two-thirds


# --- hospital disposals (item 22) -----------------------------------------------------

HOSPITAL = {
    "HOSPITAL_ORDER": ("s.37 (no restriction order)", "hospital managers, not probation"),
    "HOSPITAL_ORDER_RESTRICTED": ("ss.37 and 41", "discharge is decided by the Secretary"),
    "HOSPITAL_LIMITATION_DIRECTION": ("s.45A", "sent to prison to serve the rest"),
    "TRANSFER_DIRECTION": ("ss.47 and 49", "returns to prison and is released under"),
}


@pytest.mark.parametrize("kind", HOSPITAL)
def test_each_hospital_disposal_is_explained_in_its_own_words_with_its_section(kind):
    section, words = HOSPITAL[kind]
    (note,) = estimate_dates(Sentence(1, kind, date(2024, 6, 1))).notes
    assert f"Mental Health Act 1983 {section}" in note and words in note
    others = [k for k in HOSPITAL if k != kind]
    assert all(HOSPITAL[k][1] not in note for k in others)
    assert ("hospital order with restrictions has no release date" in note) == (
        kind == "HOSPITAL_ORDER_RESTRICTED"
    )
