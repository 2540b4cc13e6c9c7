"""Extended sentences (EDS, SOPC), detention and training orders, default terms for fines,
life and IPP, and hospital disposals."""

from __future__ import annotations

from fractions import Fraction

from vcs_app.domain.release.rules import ReleaseRules, Rule
from vcs_app.domain.release.working import (
    Estimate,
    Working,
    basis,
    day_text,
    estimate,
    intro,
    why,
)
from vcs_app.domain.sentence import Sentence, Term


def extended(
    sentence: Sentence, rules: ReleaseRules, choices: tuple[Rule, ...], what: str
) -> tuple[list[Estimate], list[str]]:
    """EDS and SOPC: parole eligibility (or automatic release) in the custodial term, the
    end of the custodial term, and the extended licence to the end of the whole."""
    custodial = Term(sentence.custodial_months or 0)
    whole = Term((sentence.custodial_months or 0) + (sentence.extension_months or 0))
    custody = Working(sentence, custodial, rules, sentence.remand_days)
    total = Working(sentence, whole, rules, sentence.remand_days)
    rule = next((r for r in choices if r.covers(sentence, custodial)), None)
    if rule is None:
        return [], [
            f"No estimate: the rules file has no rule for an {what} passed on"
            f" {day_text(sentence.sentence_date)}."
        ]
    head = (intro(sentence), custody.term_text("custodial term"), why(rule))
    licence_end, licence_text = total.end()
    items = [
        estimate(
            "SLED",
            licence_end,
            rule,
            rules,
            intro(sentence),
            total.term_text("whole sentence"),
            "The extended licence runs to the end of the whole sentence.",
            licence_text,
            basis=basis(total, None, "whole sentence"),
        )
    ]
    if rule.ped_fraction is not None:
        ped, ped_text = custody.point(rule.ped_fraction)
        crd, crd_text = custody.end()
        items += [
            estimate("PED", ped, rule, rules, *head, ped_text,
                     basis=basis(custody, rule.ped_fraction, "custodial term")),
            estimate("CRD", crd, rule, rules, *head,
                     "Without a Parole Board direction, release is at the end of the custodial"
                     f" term. {crd_text}", basis=basis(custody, None, "custodial term")),
        ]  # fmt: skip
    else:
        assert rule.fraction is not None
        crd, crd_text = custody.point(rule.fraction)
        items.append(
            estimate("CRD", crd, rule, rules, *head, crd_text,
                     basis=basis(custody, rule.fraction, "custodial term"))
        )  # fmt: skip
    return items, []


def dto(sentence: Sentence, rules: ReleaseRules) -> tuple[list[Estimate], list[str]]:
    """Mid-term (release to supervision) and the end of the order."""
    rule = rules.dto
    if not rule.covers(sentence, sentence.length):
        return [], [f"No estimate: no DTO rule covers {day_text(sentence.sentence_date)}."]
    assert rule.fraction is not None
    credited = sentence.sentence_date >= rules.dto_remand_from
    work = Working(sentence, sentence.length, rules, sentence.remand_days if credited else 0)
    head = (intro(sentence), work.term_text("order"), why(rule))
    if sentence.remand_days and not credited:
        head += (
            f"Days on remand are not taken off an order made before"
            f" {day_text(rules.dto_remand_from)}: the court allowed for them when it set the"
            " length.",
        )
    mid, mid_text = work.point(rule.fraction)
    end, end_text = work.end()
    return [
        estimate("MTD", mid, rule, rules, *head, mid_text,
                 basis=basis(work, rule.fraction, "order")),
        estimate("SED", end, rule, rules, *head, "Supervision runs to the end of the order.",
                 end_text, basis=basis(work, None, "order")),
    ], []  # fmt: skip


def fine_default(sentence: Sentence, rules: ReleaseRules) -> tuple[list[Estimate], list[str]]:
    """Automatic unconditional release at half the default term (the whole, for a fine of
    £10 million or more from 1 June 2015); no licence."""
    fine = rules.fine_default
    rule = fine.rule
    assert rule.fraction is not None
    work = Working(sentence, sentence.length, rules, sentence.remand_days)
    head = (intro(sentence), work.term_text("default term"), why(rule))
    fraction = rule.fraction
    large = (sentence.fine_amount or 0) >= fine.full_term_from_pounds
    if large and sentence.sentence_date >= fine.full_term_sentenced_from:
        fraction = Fraction(1)
        head += (
            f"The fine is £{fine.full_term_from_pounds:,} or more and the term was imposed from"
            f" {day_text(fine.full_term_sentenced_from)}, so the whole term is served.",
        )
    release, release_text = work.point(fraction)
    end, end_text = work.end()
    return [
        estimate("ARD", release, rule, rules, *head, release_text,
                 basis=basis(work, fraction, "default term")),
        estimate("SED", end, rule, rules, *head, end_text,
                 basis=basis(work, None, "default term")),
    ], []  # fmt: skip


def indeterminate(sentence: Sentence, rules: ReleaseRules) -> tuple[list[Estimate], list[str]]:
    """Life and IPP: the end of the minimum term (tariff), from which the Parole Board may
    direct release."""
    rule = rules.indeterminate
    work = Working(sentence, Term(sentence.tariff_months or 0), rules, sentence.remand_days)
    value, text = work.end()
    remand = (
        " VCS Desk takes off the days on remand you recorded: if the judge's minimum term"
        " already allowed for them, record 0 days."
        if sentence.remand_days
        else ""
    )
    return [
        estimate(
            "TARIFF",
            value,
            rule,
            rules,
            intro(sentence),
            work.term_text("minimum term"),
            why(rule),
            text + remand,
            basis=basis(work, None, "minimum term"),
        )
    ], []


def hospital(sentence: Sentence, rules: ReleaseRules) -> tuple[list[Estimate], list[str]]:
    """No release date: who decides leave, transfer and discharge, in words, per disposal."""
    return [], [why(rules.hospital[sentence.type])]
