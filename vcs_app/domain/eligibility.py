"""Is a victim entitled to the Victim Contact Scheme? Statutory, discretionary or not.

The decision is recorded with the rule version it was made under and a reason in plain
words, because the VLO must be able to tell the referrer (and an inspector) why.

Domestic abuse and stalking cases with 12 months' custody or more (or a restricted
hospital disposal) are treated as violent, so statutory: the offences behind them
(assault, stalking involving fear of violence, ...) are almost always specified violent
offences. A manager can override the rare case where that is wrong.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from vcs_app.domain.model import (
    Eligibility,
    OffenceCategory,
    SentenceType,
    ValidationError,
    clean_text,
)
from vcs_app.domain.rules import RuleSet, rule_set_for


@dataclass(frozen=True)
class EligibilityDecision:
    """What was decided, why in a VLO's words, and under which rule version."""

    outcome: Eligibility
    reason: str
    rules_version: str


_OFFENCE_WORDS = {
    OffenceCategory.VIOLENT: "a violent offence",
    OffenceCategory.SEXUAL: "a sexual offence",
    OffenceCategory.DOMESTIC_ABUSE: "a domestic abuse offence",
    OffenceCategory.STALKING: "a stalking or harassment offence",
    OffenceCategory.OTHER: "an offence that is not violent or sexual",
}

_SENTENCE_WORDS = {
    SentenceType.EDS: "extended determinate sentence",
    SentenceType.SOPC: "sentence for offenders of particular concern",
    SentenceType.DTO: "detention and training order",
    SentenceType.DETENTION_S250: "detention under section 250",
}

_INDETERMINATE_WORDS = {
    SentenceType.LIFE: "a life sentence",
    SentenceType.IPP: "an indeterminate sentence for public protection (IPP)",
}

_HOSPITAL_WORDS = {
    SentenceType.HOSPITAL_ORDER: "an unrestricted hospital order",
    SentenceType.HOSPITAL_ORDER_RESTRICTED: "a hospital order with restrictions",
    SentenceType.HOSPITAL_LIMITATION_DIRECTION: "a hospital and limitation direction",
    SentenceType.TRANSFER_DIRECTION: "a transfer to hospital with a restriction direction",
}

_SERIOUS_RISK = "a manager agreed the victim is at serious risk"


def decide_eligibility(
    *,
    offence_category: OffenceCategory,
    sentence_type: SentenceType | None,
    custody_months: float | None,
    sentence_date: date,
    serious_risk_agreed: bool = False,
    rules: RuleSet | None = None,
) -> EligibilityDecision:
    """Decide under the rules in force on the sentence date (or the ``rules`` given).

    ``custody_months`` is the custodial length; it is ignored for life, IPP and hospital
    disposals. Without it (for other sentences) the decision stays pending. An unrestricted
    hospital order is never for probation, even with serious risk agreed: the hospital
    managers hold that duty, so the referral belongs with them.
    """
    rules = rules or rule_set_for(sentence_date)
    thresholds = rules.eligibility
    category = OffenceCategory(offence_category)
    sentence = SentenceType(sentence_type) if sentence_type is not None else None
    offence = _OFFENCE_WORDS[category]
    minimum = f"{_number(thresholds.min_custody_months)} months or more required"
    violent_or_sexual = category in thresholds.statutory_offence_categories
    treated_as_violent = category in thresholds.discretionary_offence_categories
    qualifying = violent_or_sexual or treated_as_violent
    as_violent = ", treated as a violent offence" if treated_as_violent else ""

    def decided(outcome: Eligibility, reason: str) -> EligibilityDecision:
        return EligibilityDecision(outcome, reason, rules.version)

    def not_qualifying() -> EligibilityDecision:
        if serious_risk_agreed:
            return decided(
                Eligibility.DISCRETIONARY,
                f"Discretionary: {_SERIOUS_RISK} ({offence}, so the scheme is not statutory).",
            )
        return decided(
            Eligibility.NOT_ELIGIBLE,
            f"Not eligible: {offence}. The scheme is statutory only for violent or sexual "
            f"offences; it can be offered if a manager agrees the victim is at serious risk.",
        )

    if sentence in thresholds.statutory_hospital_disposals:
        if not qualifying:
            return not_qualifying()
        disposal = _HOSPITAL_WORDS.get(sentence, str(sentence))
        return decided(Eligibility.STATUTORY, f"Statutory: {disposal} for {offence}{as_violent}.")
    if sentence is SentenceType.HOSPITAL_ORDER:
        return decided(
            Eligibility.NOT_ELIGIBLE,
            f"Not eligible for the probation scheme: {_HOSPITAL_WORDS[sentence]}. The hospital "
            f"managers, not probation, inform the victim; tell the referrer.",
        )
    if sentence is SentenceType.FINE_DEFAULT:
        default = "a default term for not paying a fine is not a sentence for the offence"
        if serious_risk_agreed:
            return decided(
                Eligibility.DISCRETIONARY, f"Discretionary: {_SERIOUS_RISK} ({default})."
            )
        return decided(
            Eligibility.NOT_ELIGIBLE,
            f"Not eligible: {default}. It can be offered if a manager agrees the victim is at"
            " serious risk.",
        )
    if sentence in _HOSPITAL_WORDS:  # a restricted disposal the rules of the day left out
        return _discretionary_or_not(
            f"{_HOSPITAL_WORDS[sentence]} was not covered by the scheme in force on"
            f" {sentence_date:%d/%m/%Y} (rules {rules.version}: the statute reached hospital"
            " disposals only from 1 July 2005)",
            serious_risk_agreed,
            decided,
        )
    if sentence is SentenceType.SUSPENDED:
        length = f" of {_number(custody_months)} months" if custody_months else ""
        return _discretionary_or_not(
            f"a suspended sentence{length} is served in the community unless the court"
            " activates it, so it is not the custody the statutory scheme needs (12 months or"
            " more). If it is activated, record the custody and decide again",
            serious_risk_agreed,
            decided,
        )
    if sentence in _INDETERMINATE_WORDS:
        if not qualifying:
            return not_qualifying()
        indeterminate = _INDETERMINATE_WORDS[sentence]
        return decided(
            Eligibility.STATUTORY, f"Statutory: {indeterminate} for {offence}{as_violent}."
        )
    if custody_months is None:
        return decided(
            Eligibility.PENDING,
            "Pending: record the length of custody (or the hospital disposal) to decide.",
        )
    if isinstance(custody_months, bool) or not math.isfinite(custody_months) or custody_months < 0:
        raise ValidationError(
            f"The custody length {custody_months!r} months is not a valid length."
        )
    if not qualifying:
        return not_qualifying()

    custody = f"{_number(custody_months)} months' custody"
    if sentence in _SENTENCE_WORDS:
        custody += f" ({_SENTENCE_WORDS[sentence]})"
    if custody_months >= thresholds.min_custody_months:
        return decided(
            Eligibility.STATUTORY, f"Statutory: {custody} for {offence}{as_violent} ({minimum})."
        )
    if treated_as_violent:
        risk = f"; also {_SERIOUS_RISK}" if serious_risk_agreed else ""
        return decided(
            Eligibility.DISCRETIONARY,
            f"Discretionary: {offence} below the statutory threshold ({custody}; {minimum}){risk}.",
        )
    if serious_risk_agreed:
        return decided(
            Eligibility.DISCRETIONARY,
            f"Discretionary: {custody} for {offence} is below the statutory threshold "
            f"({minimum}), but {_SERIOUS_RISK}.",
        )
    return decided(
        Eligibility.NOT_ELIGIBLE,
        f"Not eligible: {custody} for {offence} ({minimum}). It can be offered if a manager "
        f"agrees the victim is at serious risk.",
    )


def _discretionary_or_not(why: str, serious_risk_agreed: bool, decided) -> EligibilityDecision:
    """Not statutory for `why`: discretionary when a manager agreed the victim is at
    serious risk, else not eligible (and it can be offered if a manager agrees)."""
    if serious_risk_agreed:
        return decided(Eligibility.DISCRETIONARY, f"Discretionary: {_SERIOUS_RISK}; {why}.")
    return decided(
        Eligibility.NOT_ELIGIBLE,
        f"Not eligible by statute: {why}. It can be offered if a manager agrees the victim is"
        " at serious risk.",
    )


def override_eligibility(
    decision: EligibilityDecision, *, outcome: Eligibility, reason: str, by: str
) -> EligibilityDecision:
    """A person's decision replacing the computed one; it must say who and why."""
    reason, by = clean_text(reason), clean_text(by)
    if not reason:
        raise ValidationError("An eligibility override needs a reason.")
    if not by:
        raise ValidationError("An eligibility override must record who made it.")
    outcome = Eligibility(outcome)
    if outcome is Eligibility.PENDING:
        raise ValidationError("An override must decide: statutory, discretionary or not eligible.")
    return EligibilityDecision(outcome, f"Override by {by}: {reason}", decision.rules_version)


def _number(value: float) -> str:
    """12.0 -> '12', 11.9 -> '11.9': months as a VLO would write them."""
    return f"{value:g}"
