"""An estimate and the arithmetic behind it, written down step by step as it is done.

Every estimate carries its reasoning in plain English and the rule (with its source in
law) it came from; it is labelled an estimate and is never shown to a victim as fact.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

from vcs_app.domain.model import KEY_DATE_KINDS
from vcs_app.domain.release.rules import ReleaseRules, Rule
from vcs_app.domain.sentence import OFFENCE_CLASS_LABELS, Sentence, Term

ESTIMATE_LABEL = "Estimate"
NOT_FOR_VICTIMS = (
    "This is an estimate, not the official date: check it against the prison's calculation."
    " Never give it to a victim."
)


@dataclass(frozen=True)
class Estimate:
    """An estimated key date: never official, always with its reasoning."""

    kind: str
    value: date
    explanation: str
    rule_id: str
    rules_version: str
    basis: str = ""  # the reasoning in a few words: "40% of the term of 4 years (SDS40)"
    label: str = ESTIMATE_LABEL

    @property
    def title(self) -> str:
        return f"{KEY_DATE_KINDS.get(self.kind, self.kind)} ({self.label.lower()})"

    @property
    def summary(self) -> str:
        """'40% of the term of 4 years (SDS40) - estimate, rules 2026-11'."""
        return f"{self.basis[:1].upper()}{self.basis[1:]} - estimate, rules {self.rules_version}"


@dataclass(frozen=True)
class Estimates:
    """What could be estimated, and why anything could not."""

    items: tuple[Estimate, ...] = ()
    notes: tuple[str, ...] = ()
    rules_version: str = ""

    def get(self, kind: str) -> Estimate | None:
        return next((e for e in self.items if e.kind == kind), None)


def day_text(value: date) -> str:
    return value.strftime("%d/%m/%Y")


_FRACTION_WORDS = {
    Fraction(1, 3): "one-third",
    Fraction(1, 2): "half",
    Fraction(2, 3): "two-thirds",
    Fraction(3, 4): "three-quarters",
    Fraction(2, 5): "40%",
    Fraction(1): "the whole",
}


def fraction_words(value: Fraction) -> str:
    return _FRACTION_WORDS.get(value, f"{float(value) * 100:g}%")


def why(rule: Rule) -> str:
    """A rule's explanation with its source in law, as one sentence of the working."""
    return f"{rule.explain} ({rule.source})."


class Working:
    """The arithmetic of one term of a sentence (PSI 03/2015 para 5.5, as HMPPS counts)."""

    def __init__(self, sentence: Sentence, term: Term, rules: ReleaseRules, remand: int) -> None:
        self.sentence = sentence
        self.start = sentence.sentence_date
        self.term = term
        self.days = term.days_from(self.start)
        self.remand = remand
        self.rules = rules

    def term_text(self, what: str = "term") -> str:
        span = f"{day_text(self.start)} to {day_text(self.term.end(self.start))}"
        if self.term == Term(days=self.days):  # a term given in days: no need to count it
            return f"The {what} of {self.term.describe()} runs from {span}."
        return f"The {what} of {self.term.describe()} is {self.days:,} days ({span})."

    def point(self, fraction: Fraction) -> tuple[date, str]:
        """The point at `fraction` of the term, after remand, with the working."""
        served = math.ceil(self.days * fraction)
        raw = self.start + timedelta(days=served - 1)
        text = (
            f"{fraction_words(fraction).capitalize()} of {self.days:,} days is {served:,} days"
            f"{' (rounded up)' if self.days * fraction != served else ''}; counting"
            f" {day_text(self.start)} as day 1 that is {day_text(raw)}."
        )
        return self._less_remand(raw, text)

    def end(self) -> tuple[date, str]:
        raw = self.term.end(self.start)
        return self._less_remand(raw, f"The term ends on {day_text(raw)}.")

    def _less_remand(self, raw: date, text: str) -> tuple[date, str]:
        if not self.remand:
            return raw, text
        value = raw - timedelta(days=self.remand)
        if value < self.start:
            return self.start, (
                f"{text} Less {self.remand:,} days on remand would be before the sentence date,"
                f" so the date is the sentence date, {day_text(self.start)}."
            )
        return value, f"{text} Less {self.remand:,} days on remand: {day_text(value)}."


def intro(sentence: Sentence) -> str:
    cls = OFFENCE_CLASS_LABELS[sentence.offence_class]
    return f"{sentence.describe()}. Offence type recorded: {cls[:1].lower()}{cls[1:]}."


def explanation(*parts: str, caveat: str = "") -> str:
    return " ".join(p for p in (*parts, caveat, NOT_FOR_VICTIMS) if p)


def estimate(
    kind: str,
    value: date,
    rule: Rule,
    rules: ReleaseRules,
    *parts: str,
    basis: str,
    caveat: str = "",
) -> Estimate:
    return Estimate(kind, value, explanation(*parts, caveat=caveat), rule.id, rules.version, basis)


def basis(work: Working, fraction: Fraction | None, what: str = "term", note: str = "") -> str:
    """The reasoning in a few words: '40% of the term of 4 years (SDS40)'."""
    term = f"the {what} of {work.term.describe()}"
    point = f"{fraction_words(fraction)} of {term}" if fraction else f"end of {term}"
    remand = f", less {work.remand:,} days on remand" if work.remand else ""
    return f"{point}{note}{remand}"
