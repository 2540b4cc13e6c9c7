"""Eligibility: every branch of DOMAIN.md, the 12-month boundary, overrides."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from vcs_app.domain.eligibility import (
    EligibilityDecision,
    decide_eligibility,
    override_eligibility,
)
from vcs_app.domain.model import (
    DomainError,
    Eligibility,
    OffenceCategory,
    SentenceType,
    ValidationError,
)
from vcs_app.domain.rules import rule_set_for

SENTENCED = date(2024, 5, 1)
V, S = OffenceCategory.VIOLENT, OffenceCategory.SEXUAL
DA, ST, OTHER = OffenceCategory.DOMESTIC_ABUSE, OffenceCategory.STALKING, OffenceCategory.OTHER


def decide(
    category: OffenceCategory,
    sentence: SentenceType | None,
    months: float | None,
    *,
    serious_risk: bool = False,
) -> EligibilityDecision:
    return decide_eligibility(
        offence_category=category,
        sentence_type=sentence,
        custody_months=months,
        sentence_date=SENTENCED,
        serious_risk_agreed=serious_risk,
    )


def test_the_example_reason_for_a_violent_offence() -> None:
    decision = decide(V, SentenceType.SDS, 18)
    assert decision == EligibilityDecision(
        Eligibility.STATUTORY,
        "Statutory: 18 months' custody for a violent offence (12 months or more required).",
        "2021-04",
    )


@pytest.mark.parametrize("category", [V, S])
def test_exactly_12_months_is_statutory(category: OffenceCategory) -> None:
    decision = decide(category, SentenceType.SDS, 12)
    assert decision.outcome is Eligibility.STATUTORY
    assert "12 months' custody" in decision.reason


@pytest.mark.parametrize("category", [V, S])
def test_just_under_12_months_is_not_eligible(category: OffenceCategory) -> None:
    decision = decide(category, SentenceType.SDS, 11.9)
    assert decision.outcome is Eligibility.NOT_ELIGIBLE
    assert decision.reason.startswith("Not eligible: 11.9 months' custody for a ")
    assert "(12 months or more required)" in decision.reason
    assert "serious risk" in decision.reason  # tells the VLO the way in


def test_under_12_months_with_serious_risk_agreed_is_discretionary() -> None:
    decision = decide(S, SentenceType.SDS, 6, serious_risk=True)
    assert decision.outcome is Eligibility.DISCRETIONARY
    assert decision.reason == (
        "Discretionary: 6 months' custody for a sexual offence is below the statutory "
        "threshold (12 months or more required), but a manager agreed the victim is at "
        "serious risk."
    )


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        (SentenceType.DTO, "detention and training order"),
        (SentenceType.EDS, "extended determinate sentence"),
        (SentenceType.SOPC, "sentence for offenders of particular concern"),
    ],
)
def test_other_custodial_sentences_of_12_months_are_statutory(
    sentence: SentenceType, words: str
) -> None:
    decision = decide(V, sentence, 24)
    assert decision.outcome is Eligibility.STATUTORY
    assert decision.reason == (
        f"Statutory: 24 months' custody ({words}) for a violent offence "
        "(12 months or more required)."
    )


def test_a_short_detention_and_training_order_is_not_enough() -> None:
    assert decide(V, SentenceType.DTO, 8).outcome is Eligibility.NOT_ELIGIBLE


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        (SentenceType.LIFE, "a life sentence"),
        (SentenceType.IPP, "an indeterminate sentence for public protection (IPP)"),
    ],
)
@pytest.mark.parametrize("months", [None, 6])
def test_life_and_ipp_are_always_statutory_whatever_the_tariff(
    sentence: SentenceType, words: str, months: float | None
) -> None:
    decision = decide(S, sentence, months)
    assert decision.outcome is Eligibility.STATUTORY
    assert decision.reason == f"Statutory: {words} for a sexual offence."


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        (SentenceType.HOSPITAL_ORDER_RESTRICTED, "a hospital order with restrictions"),
        (SentenceType.HOSPITAL_LIMITATION_DIRECTION, "a hospital and limitation direction"),
        (
            SentenceType.TRANSFER_DIRECTION,
            "a transfer to hospital with a restriction direction",
        ),
    ],
)
@pytest.mark.parametrize("category", [V, S])
def test_restricted_hospital_disposals_are_statutory(
    sentence: SentenceType, words: str, category: OffenceCategory
) -> None:
    decision = decide(category, sentence, None)
    assert decision.outcome is Eligibility.STATUTORY
    assert decision.reason == f"Statutory: {words} for a {category.value} offence."


@pytest.mark.parametrize("serious_risk", [False, True])
def test_an_unrestricted_hospital_order_is_for_the_hospital_managers(serious_risk: bool) -> None:
    decision = decide(V, SentenceType.HOSPITAL_ORDER, None, serious_risk=serious_risk)
    assert decision.outcome is Eligibility.NOT_ELIGIBLE
    assert "hospital managers, not probation, inform the victim" in decision.reason


@pytest.mark.parametrize(
    ("category", "words"),
    [(DA, "a domestic abuse offence"), (ST, "a stalking or harassment offence")],
)
def test_domestic_abuse_or_stalking_below_threshold_is_discretionary(
    category: OffenceCategory, words: str
) -> None:
    decision = decide(category, SentenceType.SDS, 11.9)
    assert decision.outcome is Eligibility.DISCRETIONARY
    assert decision.reason == (
        f"Discretionary: {words} below the statutory threshold "
        "(11.9 months' custody; 12 months or more required)."
    )


def test_domestic_abuse_without_custody_is_discretionary_and_notes_serious_risk() -> None:
    decision = decide(DA, None, 0, serious_risk=True)
    assert decision.outcome is Eligibility.DISCRETIONARY
    assert decision.reason.endswith("also a manager agreed the victim is at serious risk.")


@pytest.mark.parametrize("category", [DA, ST])
def test_domestic_abuse_or_stalking_at_12_months_is_treated_as_violent(
    category: OffenceCategory,
) -> None:
    decision = decide(category, SentenceType.SDS, 12)
    assert decision.outcome is Eligibility.STATUTORY
    assert "treated as a violent offence (12 months or more required)." in decision.reason


def test_domestic_abuse_with_a_restricted_hospital_order_is_treated_as_violent() -> None:
    decision = decide(DA, SentenceType.HOSPITAL_ORDER_RESTRICTED, None)
    assert decision.outcome is Eligibility.STATUTORY
    assert decision.reason == (
        "Statutory: a hospital order with restrictions for a domestic abuse offence, "
        "treated as a violent offence."
    )


@pytest.mark.parametrize(
    ("sentence", "months"),
    [
        (SentenceType.SDS, 48),
        (SentenceType.LIFE, None),
        (SentenceType.HOSPITAL_ORDER_RESTRICTED, None),
    ],
)
def test_an_other_offence_is_not_eligible_however_long_the_sentence(
    sentence: SentenceType, months: float | None
) -> None:
    decision = decide(OTHER, sentence, months)
    assert decision.outcome is Eligibility.NOT_ELIGIBLE
    assert decision.reason.startswith("Not eligible: an offence that is not violent or sexual.")


def test_an_other_offence_with_serious_risk_agreed_is_discretionary() -> None:
    decision = decide(OTHER, SentenceType.SDS, 3, serious_risk=True)
    assert decision.outcome is Eligibility.DISCRETIONARY
    assert decision.reason == (
        "Discretionary: a manager agreed the victim is at serious risk (an offence that is "
        "not violent or sexual, so the scheme is not statutory)."
    )


def test_without_the_custody_length_the_decision_is_pending() -> None:
    decision = decide(V, SentenceType.SDS, None)
    assert decision.outcome is Eligibility.PENDING
    assert "record the length of custody" in decision.reason


@pytest.mark.parametrize("months", [-1, float("nan"), float("inf")])
def test_an_impossible_custody_length_is_refused(months: float) -> None:
    with pytest.raises(ValidationError, match="not a valid length"):
        decide(V, SentenceType.SDS, months)


def test_plain_strings_are_accepted_for_the_enums() -> None:
    decision = decide_eligibility(
        offence_category="sexual",  # type: ignore[arg-type]
        sentence_type="EDS",  # type: ignore[arg-type]
        custody_months=60,
        sentence_date=SENTENCED,
    )
    assert decision.outcome is Eligibility.STATUTORY


def test_the_rule_version_in_force_on_the_sentence_date_is_recorded() -> None:
    before = decide_eligibility(
        offence_category=V,
        sentence_type=SentenceType.SDS,
        custody_months=12,
        sentence_date=date(2021, 3, 31),
    )
    after = decide_eligibility(
        offence_category=V,
        sentence_type=SentenceType.SDS,
        custody_months=12,
        sentence_date=date(2021, 4, 1),
    )
    assert before.rules_version == "2013-12"
    assert after.rules_version == "2021-04"


def test_a_sentence_before_any_rules_is_refused() -> None:
    with pytest.raises(DomainError, match="No Victim Contact Scheme rules"):
        decide_eligibility(
            offence_category=V,
            sentence_type=SentenceType.SDS,
            custody_months=12,
            sentence_date=date(2000, 1, 1),
        )


@pytest.mark.parametrize(
    ("sentenced", "version"),
    [(date(2010, 1, 1), "2005-07"), (date(2005, 7, 1), "2005-07"), (date(2003, 6, 2), "2001-04")],
)
def test_lifers_sentenced_in_the_2000s_are_decided_under_the_rules_of_their_day(
    sentenced: date, version: str
) -> None:
    decision = decide_eligibility(
        offence_category=V,
        sentence_type=SentenceType.LIFE,
        custody_months=None,
        sentence_date=sentenced,
    )
    assert (decision.outcome, decision.rules_version) == (Eligibility.STATUTORY, version)


def test_a_restricted_hospital_order_before_july_2005_was_not_in_the_statute() -> None:
    before = decide_eligibility(
        offence_category=V,
        sentence_type=SentenceType.HOSPITAL_ORDER_RESTRICTED,
        custody_months=None,
        sentence_date=date(2004, 3, 1),
    )
    assert before.outcome is Eligibility.NOT_ELIGIBLE
    assert before.reason == (
        "Not eligible by statute: a hospital order with restrictions was not covered by the"
        " scheme in force on 01/03/2004 (rules 2001-04: the statute reached hospital"
        " disposals only from 1 July 2005). It can be offered if a manager agrees the"
        " victim is at serious risk."
    )
    risk = decide_eligibility(
        offence_category=V,
        sentence_type=SentenceType.HOSPITAL_ORDER_RESTRICTED,
        custody_months=None,
        sentence_date=date(2004, 3, 1),
        serious_risk_agreed=True,
    )
    assert risk.outcome is Eligibility.DISCRETIONARY
    after = decide_eligibility(
        offence_category=V,
        sentence_type=SentenceType.HOSPITAL_ORDER_RESTRICTED,
        custody_months=None,
        sentence_date=date(2005, 7, 1),
    )
    assert (after.outcome, after.rules_version) == (Eligibility.STATUTORY, "2005-07")


@pytest.mark.parametrize("category", [V, S, DA])
def test_a_suspended_sentence_is_not_eligible_by_statute_with_the_reason(category) -> None:
    decision = decide(category, SentenceType.SUSPENDED, 18)
    assert decision.outcome is Eligibility.NOT_ELIGIBLE
    assert decision.reason == (
        "Not eligible by statute: a suspended sentence of 18 months is served in the"
        " community unless the court activates it, so it is not the custody the statutory"
        " scheme needs (12 months or more). If it is activated, record the custody and"
        " decide again. It can be offered if a manager agrees the victim is at serious risk."
    )
    risk = decide(category, SentenceType.SUSPENDED, 18, serious_risk=True)
    assert risk.outcome is Eligibility.DISCRETIONARY


def test_rules_given_explicitly_are_used_instead_of_the_date() -> None:
    current = rule_set_for(SENTENCED)
    stricter = replace(
        current,
        version="test-18",
        eligibility=replace(current.eligibility, min_custody_months=18),
    )
    decision = decide_eligibility(
        offence_category=V,
        sentence_type=SentenceType.SDS,
        custody_months=12,
        sentence_date=SENTENCED,
        rules=stricter,
    )
    assert decision.outcome is Eligibility.NOT_ELIGIBLE
    assert decision.rules_version == "test-18"
    assert "(18 months or more required)" in decision.reason


# --- overrides ------------------------------------------------------------------------


def test_an_override_records_who_and_why_and_keeps_the_rule_version() -> None:
    computed = decide(V, SentenceType.SDS, 6)
    overridden = override_eligibility(
        computed,
        outcome=Eligibility.DISCRETIONARY,
        reason="  Victim's family were  threatened at court. ",
        by="A. Manager",
    )
    assert overridden == EligibilityDecision(
        Eligibility.DISCRETIONARY,
        "Override by A. Manager: Victim's family were threatened at court.",
        computed.rules_version,
    )


@pytest.mark.parametrize("reason", ["", "   ", "\n\t"])
def test_an_override_without_a_reason_is_refused(reason: str) -> None:
    computed = decide(V, SentenceType.SDS, 6)
    with pytest.raises(ValidationError, match="needs a reason"):
        override_eligibility(
            computed, outcome=Eligibility.STATUTORY, reason=reason, by="A. Manager"
        )


def test_an_override_must_say_who_made_it() -> None:
    computed = decide(V, SentenceType.SDS, 6)
    with pytest.raises(ValidationError, match="who made it"):
        override_eligibility(computed, outcome=Eligibility.STATUTORY, reason="Because", by=" ")


def test_an_override_must_decide() -> None:
    computed = decide(V, SentenceType.SDS, 6)
    with pytest.raises(ValidationError, match="must decide"):
        override_eligibility(
            computed, outcome=Eligibility.PENDING, reason="Unsure", by="A. Manager"
        )


def test_a_default_term_for_an_unpaid_fine_is_not_a_sentence_for_the_offence():
    """Even 2 years in default for a violent offence's fine: the term is for non-payment."""
    decision = decide(V, SentenceType.FINE_DEFAULT, 24)
    assert decision.outcome is Eligibility.NOT_ELIGIBLE
    assert "default term for not paying a fine is not a sentence for the offence" in decision.reason
    assert decide(V, SentenceType.FINE_DEFAULT, 24, serious_risk=True).outcome is (
        Eligibility.DISCRETIONARY
    )


def test_detention_under_section_250_of_12_months_for_a_violent_offence_is_statutory():
    decision = decide(V, SentenceType.DETENTION_S250, 12)
    assert decision.outcome is Eligibility.STATUTORY
    assert "(detention under section 250)" in decision.reason
