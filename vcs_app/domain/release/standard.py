"""Standard determinate sentences: which Act's rules apply, then each later change in turn.

The offence date picks the regime (Criminal Justice Act 1991 for offences before 4 April
2005 sentenced before 3 December 2012; otherwise the 2003 Act). Under the 2003 Act the
release point starts at the base rule for the sentence date (half, or two-thirds for
SDS+), then each change that reached sentences already being served is applied in date
order, as HMPPS's calculator applies them: 40% release (SDS40, by tranche), the offences
taken out of it on 16 December 2024, and the progression model (by tranche from
1 October 2026). Each step is written into the explanation with the rule it used.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from fractions import Fraction

from vcs_app.domain.model import eighteenth_birthday
from vcs_app.domain.release.rules import ReleaseRules, Rule, Tranche
from vcs_app.domain.release.working import (
    Estimate,
    Working,
    basis,
    day_text,
    estimate,
    intro,
    why,
)
from vcs_app.domain.sentence import OffenceClass, Sentence

TWO_THIRDS = Fraction(2, 3)


@dataclass(frozen=True)
class Release:
    """The release point as it stands after one rule, with the working so far."""

    kind: str  # CRD (on licence), ARD (no licence) or PED (Parole Board)
    value: date
    rule: Rule
    parts: tuple[str, ...]
    basis: str
    caveat: str = ""

    def then(self, *parts: str, **changes: object) -> Release:
        """The same release with more working (and any of its fields changed)."""
        return replace(self, parts=(*self.parts, *parts), **changes)  # type: ignore[arg-type]


def standard(
    sentence: Sentence, rules: ReleaseRules, offender_dob: date | None = None
) -> tuple[list[Estimate], list[str]]:
    """Estimated release and expiry dates of a standard determinate sentence (or s.250
    detention); the offender's date of birth decides whether a short term has a licence."""
    work = Working(sentence, sentence.length, rules, sentence.remand_days)
    if _under_1991_act(sentence, rules):
        return _cja1991(sentence, work), []
    notes = _assumptions(sentence, rules, work)
    licence = _has_licence(sentence, rules, work)
    base_rules = [r for r in rules.sds_base if r.covers(sentence, work.term)]
    if sentence.offence_class is OffenceClass.UNKNOWN:
        return [_expiry(sentence, work, "SLED" if licence else "SED", rules.sds_base[0])], [
            *notes,
            "Release point not estimated: the type of offence is not recorded, and the"
            " release point depends on it (one-third, 40%, half or two-thirds). Record the"
            " sentence again with the offence type.",
        ]
    if not base_rules:
        return [], [
            f"No estimate: the rules file has no rule for a standard sentence passed on"
            f" {day_text(sentence.sentence_date)}."
        ]
    release = _release(sentence, work, licence, max(base_rules, key=_fraction_of))
    release = _under_18(work, release, offender_dob)
    expiry = "SED" if release.kind == "ARD" else "SLED"
    items = [
        estimate(
            release.kind,
            release.value,
            release.rule,
            rules,
            intro(sentence),
            work.term_text(),
            *release.parts,
            basis=release.basis,
            caveat=release.caveat,
        ),
        _expiry(sentence, work, expiry, release.rule),
    ]
    return items, notes


def _fraction_of(rule: Rule) -> Fraction:
    return rule.fraction or Fraction(0)


def _expiry(sentence: Sentence, work: Working, kind: str, rule: Rule) -> Estimate:
    end, end_text = work.end()
    what = (
        "The licence (and the sentence) runs to the end of the term."
        if kind == "SLED"
        else "There is no licence: the sentence expires at the end of the term."
    )
    return estimate(
        kind,
        end,
        rule,
        work.rules,
        intro(sentence),
        work.term_text(),
        what,
        end_text,
        basis=basis(work, None),
    )


# --- which Act ------------------------------------------------------------------------


def _under_1991_act(sentence: Sentence, rules: ReleaseRules) -> bool:
    old = rules.sds_1991
    if sentence.sentence_date >= old.sentenced_before:
        return False
    offence = sentence.offence_date or sentence.sentence_date
    return offence < old.offences_before


def _assumptions(sentence: Sentence, rules: ReleaseRules, work: Working) -> list[str]:
    """What VCS Desk assumed because the offence date is not recorded."""
    if sentence.offence_date is not None:
        return []
    old, short = rules.sds_1991, rules.sds_no_licence
    notes = []
    if sentence.sentence_date < old.sentenced_before:
        notes.append(
            f"The offence date is not recorded: VCS Desk assumed the offence was committed on or"
            f" after {day_text(old.offences_before)}. If it was earlier, the Criminal Justice"
            " Act 1991 rules apply instead: record the offence date."
        )
    short_term = not work.term.at_least_months(short.below_months, work.start)
    if short_term and sentence.sentence_date >= short.offences_before:
        notes.append(
            f"The offence date is not recorded: VCS Desk assumed the offence was committed on or"
            f" after {day_text(short.offences_before)}, so the short term has a licence. If it"
            " was earlier, release is unconditional with no licence: record the offence date."
        )
    return notes


def _has_licence(sentence: Sentence, rules: ReleaseRules, work: Working) -> bool:
    """Terms of one day, and terms under 12 months for offences before 1 February 2015,
    are served without a licence."""
    short = rules.sds_no_licence
    if work.days <= 1:
        return False
    if work.term.at_least_months(short.below_months, work.start):
        return True
    offence = sentence.offence_date or sentence.sentence_date
    return offence >= short.offences_before


def _cja1991(sentence: Sentence, work: Working) -> list[Estimate]:
    """ARD (under 12 months), CRD with a licence to three-quarters (12 months to under
    4 years), or CRD with a licence to the end (4 years or more)."""
    rules = work.rules
    old = rules.sds_1991
    rule = old.rule
    assert rule.fraction is not None
    head = (intro(sentence), work.term_text(), why(rule))
    release, release_text = work.point(rule.fraction)
    end, end_text = work.end()
    release_basis = basis(work, rule.fraction, note=" (CJA 1991)")
    end_basis = basis(work, None, note=" (CJA 1991)")
    if not work.term.at_least_months(old.short_below_months, work.start):
        return [
            estimate("ARD", release, rule, rules, *head, old.explain_short, release_text,
                     basis=release_basis),
            estimate("SED", end, rule, rules, *head, old.explain_short, end_text,
                     basis=end_basis),
        ]  # fmt: skip
    if work.term.at_least_months(old.long_from_months, work.start):
        return [
            estimate("CRD", release, rule, rules, *head, old.explain_long, release_text,
                     basis=release_basis),
            estimate("SLED", end, rule, rules, *head, old.explain_long, end_text,
                     basis=end_basis),
        ]  # fmt: skip
    licence, licence_text = work.point(old.licence_fraction)
    return [
        estimate("CRD", release, rule, rules, *head, old.explain_medium, release_text,
                 basis=release_basis),
        estimate("LED", licence, rule, rules, *head, old.explain_medium, licence_text,
                 basis=basis(work, old.licence_fraction, note=" (CJA 1991)")),
        estimate("SED", end, rule, rules, *head, old.explain_medium, end_text,
                 basis=end_basis),
    ]  # fmt: skip


def _under_18(work: Working, release: Release, offender_dob: date | None) -> Release:
    """Someone under 18 on the day of release from a term under 12 months has no licence."""
    short = work.rules.sds_no_licence
    if offender_dob is None or release.kind != "CRD":
        return release
    if work.term.at_least_months(short.below_months, work.start):
        return release
    adult = eighteenth_birthday(offender_dob)
    if release.value >= adult:
        return release
    return release.then(
        f"{short.explain_under_18} (They turn 18 on {day_text(adult)}; {short.rule.source}.)",
        kind="ARD",
    )


# --- the 2003 Act and the changes since ----------------------------------------------


def _release(sentence: Sentence, work: Working, licence: bool, base: Rule) -> Release:
    rules = work.rules
    assert base.fraction is not None
    value, text = work.point(base.fraction)
    plus = base.fraction == TWO_THIRDS
    if licence:
        release = Release("CRD", value, base, (why(base), text), _base_basis(work, base, plus))
    else:
        short = rules.sds_no_licence.rule
        release = Release("ARD", value, short, (why(short), text), basis(work, base.fraction))
    if sentence.offence_class is OffenceClass.TERRORIST and base.id in rules.sds_terrorist.replaces:
        return _progression(sentence, work, _terrorist(work, release), plus)
    release = _sds40(sentence, work, release)
    return _progression(sentence, work, release, plus)


def _base_basis(work: Working, base: Rule, plus: bool) -> str:
    return basis(work, base.fraction, note=" (SDS+)" if plus else "")


def _terrorist(work: Working, release: Release) -> Release:
    rule = work.rules.sds_terrorist
    if rule.serving_from and release.value < rule.serving_from:
        return release.then(
            f"The restriction on early release of terrorist offenders came in on"
            f" {day_text(rule.serving_from)}, after this half-way point."
        )
    assert rule.ped_fraction is not None
    value, text = work.point(rule.ped_fraction)
    note = " (terrorist offence: Parole Board)"
    return Release("PED", value, rule, (why(rule), text), basis(work, rule.ped_fraction, note=note))


def _sds40(sentence: Sentence, work: Working, release: Release) -> Release:
    """40% release, by tranche for sentences already being served, and the offences taken
    out of it on 16 December 2024 for anyone still in custody then."""
    early = work.rules.sds_early
    if release.rule.id not in early.rule.replaces:
        return release
    if early.excludes(sentence, work.term):
        longer = sentence.offence_class in early.longer_term_classes
        at_length = " at this length" if longer else ""
        return release.then(
            f"This offence type is excluded from 40% release (SDS40){at_length}, so it stays"
            " at half way.",
            basis=basis(work, Fraction(1, 2), note=" (excluded from 40% release)"),
        )
    amendment = early.amendment
    if sentence.offence_class in amendment.classes and sentence.sentence_date >= amendment.starts:
        return release.then(
            f"This offence type has been excluded from 40% release since"
            f" {day_text(amendment.starts)}, before this sentence was passed, so it stays at"
            f" half way ({amendment.rule.source}).",
            basis=basis(work, Fraction(1, 2), note=" (excluded from 40% release)"),
        )
    assert early.rule.fraction is not None
    value, text = work.point(early.rule.fraction)
    parts = [why(early.rule), text]
    note = basis(work, early.rule.fraction, note=" (SDS40)")
    if sentence.sentence_date < early.starts:
        tranche = early.tranche_for(work.term, work.start)
        if release.value <= tranche.starts:
            return release.then(_too_late("40% release (SDS40)", tranche))
        value, note = _from_tranche(value, note, parts, "40% release (SDS40)", tranche)
    forty = Release(release.kind, value, early.rule, tuple(parts), note)
    if sentence.offence_class not in amendment.classes:
        return forty
    if value < amendment.starts:
        return forty.then(
            f"This offence type was excluded from 40% release from"
            f" {day_text(amendment.starts)}, after this release, so the release stood."
        )
    return release.then(
        f"40% release would have been on {day_text(value)}, but from"
        f" {day_text(amendment.starts)}, while still in custody, this offence type was excluded"
        f" from it ({amendment.rule.explain} {amendment.rule.source}), so release is at half"
        " way.",
        rule=amendment.rule,
    )


def _progression(sentence: Sentence, work: Working, release: Release, plus: bool) -> Release:
    """The progression model: one-third (SDS+ half) from the sentence's tranche."""
    pm = work.rules.sds_progression
    if pm is None:
        return release
    new_sentence = sentence.sentence_date >= pm.starts
    if not new_sentence and release.value < pm.starts:
        return release  # released before it began
    reason = pm.exclusion(sentence)
    if not reason and not plus and _would_be_plus(sentence, work, pm.starts):
        reason = "the sentence was not SDS+ when passed but would be if passed now"
    if reason:
        return release.then(f"The progression model (from {day_text(pm.starts)}) does not"
                            f" apply: {reason}.")  # fmt: skip
    fraction = pm.plus_fraction if plus else pm.rule.fraction
    assert fraction is not None
    value, text = work.point(fraction)
    parts = [why(pm.rule), text]
    note = basis(
        work, fraction, note=" (progression model, SDS+)" if plus else " (progression model)"
    )
    if not new_sentence:
        tranche = pm.tranche_for(work.term, work.start)
        if release.value <= tranche.starts:
            return release.then(_too_late("The progression model", tranche))
        value, note = _from_tranche(value, note, parts, "the progression model", tranche)
    if release.kind == "ARD":
        parts.append("Under the progression model this short term is served on licence.")
    return Release("CRD", value, pm.rule, tuple(parts), note, caveat=pm.caveat)


def _too_late(change: str, tranche: Tranche) -> str:
    """A change reached this length of term only after the release it would have moved."""
    return (
        f"{change} reached this length of term on {day_text(tranche.starts)} ({tranche.name}),"
        " after this release point, so it did not change it."
    )


def _from_tranche(
    value: date, note: str, parts: list[str], change: str, tranche: Tranche
) -> tuple[date, str]:
    """A sentence already being served is released no earlier than its tranche's date."""
    if value >= tranche.starts:
        return value, note
    parts.append(
        f"That point had passed when {change} reached this length of term ({tranche.name},"
        f" {day_text(tranche.starts)}), so release is on {day_text(tranche.starts)}."
    )
    return tranche.starts, f"start of {change.removeprefix('the ')} {tranche.name}"


def _would_be_plus(sentence: Sentence, work: Working, today: date) -> bool:
    """Whether the sentence would be SDS+ (two-thirds) if it were passed on `today`."""
    return any(
        r.fraction == TWO_THIRDS and r.covers(sentence, work.term, passed=today)
        for r in work.rules.sds_base
    )
