"""Estimated release points, always labelled as estimates, with how they were reached.

The prison's calculation is the only official source of a release date. VCS Desk
estimates one from the sentence so the VLO is warned early (a parole review starts
months before eligibility) and so a surprising official date stands out. Every
estimate carries its reasoning in plain English and the rule (with its source in law)
it came from; it is never stored as a key date and never reaches a letter to a victim.

The rules are data (resources/rules/release_rules.json, versioned); this module only
interprets them. Day counting follows the prison calculation: a term of N months runs
from the sentence date to the same date N months later; a release point is the days of
the term times the fraction, rounded up, counting the sentence date as day 1; days on
remand then come off.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from fractions import Fraction
from functools import lru_cache
from pathlib import Path
from typing import Any

from vcs_app.domain.model import KEY_DATE_KINDS, DomainError, KeyDate, SentenceType
from vcs_app.domain.sentence import (
    EVENT_RULES,
    HOSPITAL_TYPES,
    INDETERMINATE_TYPES,
    OFFENCE_CLASS_LABELS,
    SENTENCE_TYPE_LABELS,
    DateChange,
    OffenceClass,
    OfficialDate,
    Sentence,
    SentenceEvent,
    add_months,
    date_history,
    describe_months,
    term_days,
)

RELEASE_RULES_PATH = (
    Path(__file__).resolve().parents[2] / "resources" / "rules" / "release_rules.json"
)
ESTIMATE_LABEL = "Estimate"
NOT_FOR_VICTIMS = (
    "This is an estimate, not the official date: check it against the prison's calculation."
    " Never give it to a victim."
)

# --- the rules as values --------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """One release rule: which sentences it covers, the fraction, and where it comes from."""

    id: str
    source: str
    explain: str
    fraction: Fraction | None = None  # release point (automatic)
    ped_fraction: Fraction | None = None  # parole eligibility
    sentenced_from: date | None = None
    sentenced_to: date | None = None
    serving_from: date | None = None
    classes: frozenset[OffenceClass] | None = None  # None = any offence
    excluded_classes: frozenset[OffenceClass] = frozenset()
    min_months: int | None = None
    custodial_below_months: int | None = None
    replaces: frozenset[str] = frozenset()

    def covers(self, sentence: Sentence, months: int) -> bool:
        """Whether the rule's dates, offences and length fit this sentence."""
        passed = sentence.sentence_date
        if self.sentenced_from and passed < self.sentenced_from:
            return False
        if self.sentenced_to and passed > self.sentenced_to:
            return False
        if self.classes is not None and sentence.offence_class not in self.classes:
            return False
        if sentence.offence_class in self.excluded_classes:
            return False
        if self.min_months is not None and months < self.min_months:
            return False
        return self.custodial_below_months is None or months < self.custodial_below_months


@dataclass(frozen=True)
class Tranche:
    starts: date
    below_months: int | None
    name: str


@dataclass(frozen=True)
class EarlyRelease:
    """A change that moved the release point of sentences already being served."""

    rule: Rule
    tranches: tuple[Tranche, ...]
    longer_term_months: int
    longer_term_classes: frozenset[OffenceClass]

    def excludes(self, sentence: Sentence, months: int) -> bool:
        cls = sentence.offence_class
        if cls in self.rule.excluded_classes:
            return True
        return cls in self.longer_term_classes and months >= self.longer_term_months

    def tranche_for(self, months: int) -> Tranche:
        for tranche in self.tranches:
            if tranche.below_months is None or months < tranche.below_months:
                return tranche
        return self.tranches[-1]


@dataclass(frozen=True)
class ReleaseRules:
    version: str
    checked_on: date
    method: str
    known_gaps: tuple[str, ...]
    changes_from: date
    changes_text: str
    sds_base: tuple[Rule, ...]
    sds_terrorist: Rule
    sds_early: EarlyRelease
    eds: tuple[Rule, ...]
    sopc: tuple[Rule, ...]
    dto: Rule
    indeterminate: Rule
    hospital: Rule


# --- reading the file -----------------------------------------------------------------


def load_release_rules(path: Path | str | None = None) -> ReleaseRules:
    """The release rules in the file (read once per path, then cached)."""
    return _load(Path(path) if path is not None else RELEASE_RULES_PATH)


@lru_cache(maxsize=4)
def _load(path: Path) -> ReleaseRules:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DomainError(f"Cannot read the release rules {path}: {exc.strerror}.") from exc
    except json.JSONDecodeError as exc:
        raise DomainError(
            f"The release rules {path} are not valid JSON (line {exc.lineno}: {exc.msg})."
        ) from exc
    try:
        return _parse(document)
    except (KeyError, TypeError, ValueError, ZeroDivisionError) as exc:
        raise DomainError(f"The release rules {path} are not usable: {exc!r}.") from None


def _fraction(text: str | None) -> Fraction | None:
    if text is None:
        return None
    value = Fraction(text)
    if not 0 < value <= 1:
        raise ValueError(f"fraction {text} must be above 0 and at most 1")
    return value


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _classes(values: Any) -> frozenset[OffenceClass]:
    return frozenset(OffenceClass(v) for v in values)


_RULE_KEYS = {
    "id",
    "source",
    "explain",
    "fraction",
    "ped_fraction",
    "release_fraction",
    "sentenced_from",
    "sentenced_to",
    "serving_from",
    "classes",
    "excluded_classes",
    "min_months",
    "custodial_below_months",
    "replaces",
    "tranches",
    "excluded_from_months",
}


def _rule(raw: dict[str, Any]) -> Rule:
    unknown = raw.keys() - _RULE_KEYS
    if unknown:
        raise ValueError(f"rule {raw.get('id')} has unknown field(s) {sorted(unknown)}")
    classes = raw.get("classes", "any")
    return Rule(
        id=raw["id"],
        source=raw["source"],
        explain=raw["explain"],
        fraction=_fraction(raw.get("fraction") or raw.get("release_fraction")),
        ped_fraction=_fraction(raw.get("ped_fraction")),
        sentenced_from=_day(raw.get("sentenced_from")),
        sentenced_to=_day(raw.get("sentenced_to")),
        serving_from=_day(raw.get("serving_from")),
        classes=None if classes == "any" else _classes(classes),
        excluded_classes=_classes(raw.get("excluded_classes", ())),
        min_months=raw.get("min_months"),
        custodial_below_months=raw.get("custodial_below_months"),
        replaces=frozenset(raw.get("replaces", ())),
    )


def _parse(doc: dict[str, Any]) -> ReleaseRules:
    sds = doc["sds"]
    early = sds["early_release"]
    longer = early["excluded_from_months"]
    tranches = tuple(
        Tranche(date.fromisoformat(t["from"]), t.get("below_months"), t["name"])
        for t in early["tranches"]
    )
    rules = ReleaseRules(
        version=doc["version"],
        checked_on=date.fromisoformat(doc["checked_on"]),
        method=doc["method"],
        known_gaps=tuple(doc["known_gaps"]),
        changes_from=date.fromisoformat(doc["changes_ahead"]["from"]),
        changes_text=doc["changes_ahead"]["text"],
        sds_base=tuple(_rule(r) for r in sds["base"]),
        sds_terrorist=_rule(sds["terrorist"]),
        sds_early=EarlyRelease(
            _rule(early), tranches, int(longer["months"]), _classes(longer["classes"])
        ),
        eds=tuple(_rule(r) for r in doc["eds"]),
        sopc=tuple(_rule(r) for r in doc["sopc"]),
        dto=_rule(doc["dto"]),
        indeterminate=_rule(doc["indeterminate"]),
        hospital=_rule(doc["hospital"]),
    )
    if not tranches or any(r.fraction is None for r in rules.sds_base):
        raise ValueError("every standard rule needs a fraction and SDS40 needs tranches")
    return rules


# --- estimates ------------------------------------------------------------------------


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


def _d(value: date) -> str:
    return value.strftime("%d/%m/%Y")


_FRACTION_WORDS = {Fraction(1, 2): "half", Fraction(2, 3): "two-thirds", Fraction(2, 5): "40%"}


def fraction_words(value: Fraction) -> str:
    return _FRACTION_WORDS.get(value, f"{float(value) * 100:g}%")


class _Working:
    """The arithmetic of one sentence, written down step by step as it is done."""

    def __init__(self, sentence: Sentence, months: int, rules: ReleaseRules) -> None:
        self.sentence = sentence
        self.start = sentence.sentence_date
        self.months = months
        self.days = term_days(self.start, months)
        self.remand = sentence.remand_days
        self.rules = rules

    def term_text(self, what: str = "term") -> str:
        end = add_months(self.start, self.months) - timedelta(days=1)
        return (
            f"The {what} of {describe_months(self.months)} is {self.days:,} days"
            f" ({_d(self.start)} to {_d(end)})."
        )

    def point(self, fraction: Fraction) -> tuple[date, str]:
        """The release point at `fraction` of the term, after remand, with the working."""
        served = math.ceil(self.days * fraction)
        raw = self.start + timedelta(days=served - 1)
        text = (
            f"{fraction_words(fraction).capitalize()} of {self.days:,} days is {served:,} days"
            f"{' (rounded up)' if self.days * fraction != served else ''}; counting"
            f" {_d(self.start)} as day 1 that is {_d(raw)}."
        )
        return self._less_remand(raw, text)

    def end(self) -> tuple[date, str]:
        raw = self.start + timedelta(days=self.days - 1)
        return self._less_remand(raw, f"The term ends on {_d(raw)}.")

    def _less_remand(self, raw: date, text: str) -> tuple[date, str]:
        if not self.remand:
            return raw, text
        value = raw - timedelta(days=self.remand)
        if value < self.start:
            return self.start, (
                f"{text} Less {self.remand:,} days on remand would be before the sentence date,"
                f" so the date is the sentence date, {_d(self.start)}."
            )
        return value, f"{text} Less {self.remand:,} days on remand: {_d(value)}."


def _intro(sentence: Sentence) -> str:
    cls = OFFENCE_CLASS_LABELS[sentence.offence_class]
    return f"{sentence.describe()}. Offence type recorded: {cls.lower()}."


def _explain(*parts: str, caveat: str = "") -> str:
    return " ".join(p for p in (*parts, caveat, NOT_FOR_VICTIMS) if p)


def estimate_dates(sentence: Sentence | None, rules: ReleaseRules | None = None) -> Estimates:
    """Estimated key dates for a sentence under the rules that applied to it."""
    rules = rules or load_release_rules()
    if sentence is None:
        return Estimates(notes=("No sentence recorded: nothing to estimate.",))
    kind = sentence.type
    if kind is SentenceType.SDS:
        items, notes = _sds(sentence, rules)
    elif kind is SentenceType.EDS:
        items, notes = _extended(sentence, rules, rules.eds, "extended sentence (EDS)")
    elif kind is SentenceType.SOPC:
        items, notes = _extended(sentence, rules, rules.sopc, "SOPC")
    elif kind is SentenceType.DTO:
        items, notes = _dto(sentence, rules)
    elif kind in INDETERMINATE_TYPES:
        items, notes = _indeterminate(sentence, rules)
    else:  # hospital disposals
        assert kind in HOSPITAL_TYPES
        items, notes = [], [f"{rules.hospital.explain} ({rules.hospital.source})."]
    return Estimates(tuple(items), tuple(notes), rules.version)


def _estimate(
    kind: str, value: date, rule: Rule, rules: ReleaseRules, *parts: str, basis: str
) -> Estimate:
    caveat = ""
    if kind in ("CRD", "PED", "MTD") and value >= rules.changes_from:
        caveat = rules.changes_text
    explanation = _explain(*parts, caveat=caveat)
    return Estimate(kind, value, explanation, rule.id, rules.version, basis)


def _basis(work: _Working, fraction: Fraction | None, what: str = "term", note: str = "") -> str:
    """The reasoning in a few words: '40% of the term of 4 years (SDS40)'."""
    term = f"the {what} of {describe_months(work.months)}"
    point = f"{fraction_words(fraction)} of {term}" if fraction else f"end of {term}"
    remand = f", less {work.remand:,} days on remand" if work.remand else ""
    return f"{point}{note}{remand}"


def _sds(sentence: Sentence, rules: ReleaseRules) -> tuple[list[Estimate], list[str]]:
    months = sentence.length_months or 0
    work = _Working(sentence, months, rules)
    end, end_text = work.end()
    base_rules = [r for r in rules.sds_base if r.covers(sentence, months)]
    expiry_rule = base_rules[0] if base_rules else rules.sds_base[0]
    items = [
        _estimate(
            "SLED",
            end,
            expiry_rule,
            rules,
            _intro(sentence),
            work.term_text(),
            "The licence (and the sentence) runs to the end of the term.",
            end_text,
            basis=_basis(work, None),
        )
    ]
    if sentence.offence_class is OffenceClass.UNKNOWN:
        return items, [
            "Release point not estimated: the type of offence is not recorded, and the"
            " release point depends on it (40%, half or two-thirds). Record the sentence"
            " again with the offence type."
        ]
    if not base_rules:
        return items, [
            f"Release point not estimated: the rules file has no rule for a standard sentence"
            f" passed on {_d(sentence.sentence_date)}."
        ]
    return [*items, *_sds_release(sentence, work, max(base_rules, key=_fraction_of))], []


def _fraction_of(rule: Rule) -> Fraction:
    return rule.fraction or Fraction(0)


def _sds_release(sentence: Sentence, work: _Working, base: Rule) -> list[Estimate]:
    """The release point: the base rule's, unless a later change moved it."""
    rules, months, intro, term = work.rules, work.months, _intro(sentence), work.term_text()
    assert base.fraction is not None
    base_date, base_text = work.point(base.fraction)
    base_why = f"{base.explain} ({base.source})."
    if sentence.offence_class is OffenceClass.TERRORIST and base.id in rules.sds_terrorist.replaces:
        return _sds_terrorist(sentence, work, base, base_date, base_text)
    early = rules.sds_early
    if base.id not in early.rule.replaces:
        basis = _basis(work, base.fraction, note=" (SDS+)")
        return [
            _estimate("CRD", base_date, base, rules, intro, term, base_why, base_text, basis=basis)
        ]
    if early.excludes(sentence, months):
        at_length = " at this length" if sentence.offence_class in early.longer_term_classes else ""
        why_not = (
            f"This offence type is excluded from 40% release (SDS40){at_length}, so it stays"
            " at half way."
        )
        basis = _basis(work, base.fraction, note=" (excluded from 40% release)")
        parts = (intro, term, base_why, why_not, base_text)
        return [_estimate("CRD", base_date, base, rules, *parts, basis=basis)]
    tranche = early.tranche_for(months)
    if base_date < tranche.starts:
        too_late = (
            f"40% release (SDS40) came in for this length of sentence on"
            f" {_d(tranche.starts)}, after this half-way point, so it did not change it."
        )
        parts = (intro, term, base_why, base_text, too_late)
        return [_estimate("CRD", base_date, base, rules, *parts, basis=_basis(work, base.fraction))]
    assert early.rule.fraction is not None
    value, text = work.point(early.rule.fraction)
    parts = [intro, term, f"{early.rule.explain} ({early.rule.source}).", text]
    basis = _basis(work, early.rule.fraction, note=" (SDS40)")
    if value < tranche.starts:
        parts.append(
            f"That point had passed when 40% release came in for this length of sentence"
            f" ({tranche.name}, {_d(tranche.starts)}), so release is on {_d(tranche.starts)}."
        )
        value = tranche.starts
        basis = f"start of SDS40 {tranche.name}"
    return [_estimate("CRD", value, early.rule, rules, *parts, basis=basis)]


def _sds_terrorist(
    sentence: Sentence, work: _Working, base: Rule, base_date: date, base_text: str
) -> list[Estimate]:
    rules = work.rules
    rule = rules.sds_terrorist
    if rule.serving_from and base_date < rule.serving_from:
        return [
            _estimate(
                "CRD",
                base_date,
                base,
                rules,
                _intro(sentence),
                work.term_text(),
                f"{base.explain} ({base.source}).",
                base_text,
                f"The restriction on early release of terrorist offenders came in on"
                f" {_d(rule.serving_from)}, after this half-way point.",
                basis=_basis(work, base.fraction),
            )
        ]
    assert rule.ped_fraction is not None
    value, text = work.point(rule.ped_fraction)
    return [
        _estimate(
            "PED",
            value,
            rule,
            rules,
            _intro(sentence),
            work.term_text(),
            f"{rule.explain} ({rule.source}).",
            text,
            basis=_basis(work, rule.ped_fraction, note=" (terrorist offence: Parole Board)"),
        )
    ]


def _extended(
    sentence: Sentence, rules: ReleaseRules, choices: tuple[Rule, ...], what: str
) -> tuple[list[Estimate], list[str]]:
    custodial = sentence.custodial_months or 0
    total = custodial + (sentence.extension_months or 0)
    custody = _Working(sentence, custodial, rules)
    whole = _Working(sentence, total, rules)
    rule = next((r for r in choices if r.covers(sentence, custodial)), None)
    licence_end, licence_text = whole.end()
    intro = _intro(sentence)
    if rule is None:
        return [], [
            f"No estimate: the rules file has no rule for an {what} passed on"
            f" {_d(sentence.sentence_date)}."
        ]
    why = f"{rule.explain} ({rule.source})."
    items = [
        _estimate(
            "SLED",
            licence_end,
            rule,
            rules,
            intro,
            whole.term_text("whole sentence"),
            "The extended licence runs to the end of the whole sentence.",
            licence_text,
            basis=_basis(whole, None, "whole sentence"),
        )
    ]
    if rule.ped_fraction is not None:
        ped, ped_text = custody.point(rule.ped_fraction)
        items.append(
            _estimate(
                "PED",
                ped,
                rule,
                rules,
                intro,
                custody.term_text("custodial term"),
                why,
                ped_text,
                basis=_basis(custody, rule.ped_fraction, "custodial term"),
            )
        )
        crd, crd_text = custody.end()
        items.append(
            _estimate(
                "CRD",
                crd,
                rule,
                rules,
                intro,
                custody.term_text("custodial term"),
                why,
                f"Without a Parole Board direction, release is at the end of the custodial"
                f" term. {crd_text}",
                basis=_basis(custody, None, "custodial term"),
            )
        )
    else:
        assert rule.fraction is not None
        crd, crd_text = custody.point(rule.fraction)
        items.append(
            _estimate(
                "CRD",
                crd,
                rule,
                rules,
                intro,
                custody.term_text("custodial term"),
                why,
                crd_text,
                basis=_basis(custody, rule.fraction, "custodial term"),
            )
        )
    return items, []


def _dto(sentence: Sentence, rules: ReleaseRules) -> tuple[list[Estimate], list[str]]:
    rule = rules.dto
    months = sentence.length_months or 0
    if not rule.covers(sentence, months):
        return [], [f"No estimate: no DTO rule covers {_d(sentence.sentence_date)}."]
    assert rule.fraction is not None
    work = _Working(sentence, months, rules)
    intro, why = _intro(sentence), f"{rule.explain} ({rule.source})."
    mid, mid_text = work.point(rule.fraction)
    end, end_text = work.end()
    return [
        _estimate(
            "MTD",
            mid,
            rule,
            rules,
            intro,
            work.term_text("order"),
            why,
            mid_text,
            basis=_basis(work, rule.fraction, "order"),
        ),
        _estimate(
            "SED",
            end,
            rule,
            rules,
            intro,
            work.term_text("order"),
            "Supervision runs to the end of the order.",
            end_text,
            basis=_basis(work, None, "order"),
        ),
    ], []


def _indeterminate(sentence: Sentence, rules: ReleaseRules) -> tuple[list[Estimate], list[str]]:
    rule = rules.indeterminate
    work = _Working(sentence, sentence.tariff_months or 0, rules)
    value, text = work.end()
    remand = (
        " VCS Desk takes off the days on remand you recorded: if the judge's minimum term"
        " already allowed for them, record 0 days."
        if sentence.remand_days
        else ""
    )
    return [
        _estimate(
            "TARIFF",
            value,
            rule,
            rules,
            _intro(sentence),
            work.term_text("minimum term"),
            f"{rule.explain} ({rule.source}).",
            text + remand,
            basis=_basis(work, None, "minimum term"),
        )
    ], []


# --- estimates beside official dates --------------------------------------------------


class Agreement(StrEnum):
    SAME = "same"
    DIFFERS = "differs"
    OFFICIAL_ONLY = "official_only"
    ESTIMATE_ONLY = "estimate_only"


@dataclass(frozen=True)
class DateComparison:
    """One key date kind: the official value beside the estimate, and whether they agree."""

    kind: str
    official: KeyDate | None
    estimate: Estimate | None

    @property
    def agreement(self) -> Agreement:
        if self.official and self.estimate:
            same = self.official.value == self.estimate.value
            return Agreement.SAME if same else Agreement.DIFFERS
        return Agreement.OFFICIAL_ONLY if self.official else Agreement.ESTIMATE_ONLY

    @property
    def difference_days(self) -> int | None:
        if self.official and self.estimate:
            return (self.official.value - self.estimate.value).days
        return None

    @property
    def check_text(self) -> str:
        """In words (never colour alone): do the two agree, and by how much not?"""
        agreement = self.agreement
        if agreement is Agreement.SAME:
            return "Same as estimate"
        if agreement is Agreement.OFFICIAL_ONLY:
            return "No estimate"
        if agreement is Agreement.ESTIMATE_ONLY:
            return "No official date yet"
        days = self.difference_days or 0
        way = "later" if days > 0 else "earlier"
        return f"DIFFERS: official is {abs(days):,} day{'s' * (abs(days) != 1)} {way}"


def compare_dates(
    official: tuple[KeyDate, ...], estimates: Estimates
) -> tuple[DateComparison, ...]:
    """Current official dates beside the estimates, in catalogue order."""
    current = {
        k.kind: k for k in official if k.superseded_by is None and k.source.value == "official"
    }
    kinds = [k for k in KEY_DATE_KINDS if k in current or estimates.get(k)]
    return tuple(DateComparison(k, current.get(k), estimates.get(k)) for k in kinds)


# --- everything about the sentence, for the case view ---------------------------------


@dataclass(frozen=True)
class TimelineEntry:
    """One row of the case timeline. `category` is a word, so nothing relies on colour."""

    on: date
    category: str  # "Official date", "Estimate", "Event", "Sentence"
    title: str
    detail: str = ""


OFFICIAL = "Official date"
ESTIMATE = "Estimate (not official)"
EVENT = "Event"
SENTENCE = "Sentence"


@dataclass(frozen=True)
class SentenceFile:
    """The offender's sentence, official dates (with history), events and estimates."""

    sentence: Sentence | None = None
    sentence_problem: str = ""  # why a stored sentence could not be read as valid
    previous_sentences: tuple[Sentence, ...] = ()
    official_dates: tuple[OfficialDate, ...] = ()
    events: tuple[SentenceEvent, ...] = ()
    estimates: Estimates = field(default_factory=Estimates)

    @classmethod
    def build(
        cls,
        sentence: Sentence | None,
        official_dates: tuple[OfficialDate, ...] = (),
        events: tuple[SentenceEvent, ...] = (),
        *,
        sentence_problem: str = "",
        previous_sentences: tuple[Sentence, ...] = (),
        rules: ReleaseRules | None = None,
    ) -> SentenceFile:
        """Bundle the records and work out the estimates once."""
        return cls(
            sentence=sentence,
            sentence_problem=sentence_problem,
            previous_sentences=previous_sentences,
            official_dates=official_dates,
            events=events,
            estimates=estimate_dates(sentence, rules) if sentence else Estimates(),
        )

    @property
    def current_official(self) -> tuple[KeyDate, ...]:
        return tuple(d.key_date for d in self.official_dates if d.current)

    @property
    def comparisons(self) -> tuple[DateComparison, ...]:
        return compare_dates(self.current_official, self.estimates)

    @property
    def history(self) -> tuple[DateChange, ...]:
        return date_history(self.official_dates)

    def timeline(self) -> tuple[TimelineEntry, ...]:
        """Past and future: the sentence, current official dates, estimates and events."""
        entries: list[TimelineEntry] = []
        if self.sentence:
            entries.append(
                TimelineEntry(
                    self.sentence.sentence_date,
                    SENTENCE,
                    SENTENCE_TYPE_LABELS[self.sentence.type],
                    self.sentence.describe(),
                )
            )
        for entry in self.official_dates:
            if entry.current:
                k = entry.key_date
                source = f"from {entry.origin}" if entry.origin else "source not given"
                received = f", received {_d(k.received_on)}" if k.received_on else ""
                entries.append(
                    TimelineEntry(k.value, OFFICIAL, KEY_DATE_KINDS[k.kind], f"{source}{received}")
                )
        for estimate in self.estimates.items:
            entries.append(
                TimelineEntry(
                    estimate.value,
                    ESTIMATE,
                    KEY_DATE_KINDS[estimate.kind],
                    estimate.summary,
                )
            )
        for event in self.events:
            told = f"told {_d(event.notified_on)}"
            entries.append(
                TimelineEntry(
                    event.event_on,
                    EVENT,
                    EVENT_RULES[event.kind].label,
                    f"{event.detail} ({told})" if event.detail else told.capitalize(),
                )
            )
        order = {SENTENCE: 0, EVENT: 1, OFFICIAL: 2, ESTIMATE: 3}
        return tuple(sorted(entries, key=lambda e: (e.on, order[e.category], e.title)))


def official_release_date(dates: tuple[KeyDate, ...]) -> KeyDate | None:
    """The official date a victim letter may speak of (as a month): never an estimate."""
    for kind in ("APD", "HDCAD", "CRD", "ARD", "PRRD"):
        for key_date in dates:
            if (
                key_date.kind == kind
                and key_date.superseded_by is None
                and key_date.source.value == "official"
            ):
                return key_date
    return None
