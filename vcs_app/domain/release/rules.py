"""The release rules as values, read from resources/rules/release_rules.json.

Each rule carries its source in law and a plain-English explanation, so every estimate
can name the rule it came from. The file is versioned: a change in the law adds a rule
with its dates rather than editing one that estimates were made under.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from vcs_app.domain.data_files import read_json
from vcs_app.domain.model import DomainError, SentenceType
from vcs_app.domain.sentence import HOSPITAL_TYPES, OffenceClass, Sentence, Term
from vcs_app.resource_files import resource_path

RELEASE_RULES_PATH = resource_path("rules", "release_rules.json")


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
    section_250: bool | None = None  # only for (True) or never for (False) s.250 detention

    def covers(self, sentence: Sentence, term: Term, passed: date | None = None) -> bool:
        """Whether the rule's dates, offences and length fit this sentence (as if passed
        on `passed`, when given: 'would it be SDS+ if sentenced today?')."""
        passed = passed or sentence.sentence_date
        youth = sentence.type is SentenceType.DETENTION_S250
        if self.section_250 is not None and youth != self.section_250:
            return False
        if self.sentenced_from and passed < self.sentenced_from:
            return False
        if self.sentenced_to and passed > self.sentenced_to:
            return False
        if self.classes is not None and sentence.offence_class not in self.classes:
            return False
        if sentence.offence_class in self.excluded_classes:
            return False
        start = sentence.sentence_date
        if self.min_months is not None and not term.at_least_months(self.min_months, start):
            return False
        below = self.custodial_below_months
        return below is None or not term.at_least_months(below, start)


@dataclass(frozen=True)
class Tranche:
    """When a change reached the sentences of one length that were already being served."""

    starts: date
    name: str
    below_years: int | None = None  # SDS40: terms shorter than this many years
    max_days: int | None = None  # progression model: terms of at most this many days

    def fits(self, term: Term, start: date) -> bool:
        if self.below_years is not None:
            return term.whole_years_from(start) < self.below_years
        if self.max_days is not None:
            return term.days_from(start) <= self.max_days
        return True  # the last tranche takes the rest


def _tranche_for(tranches: tuple[Tranche, ...], term: Term, start: date) -> Tranche:
    return next((t for t in tranches if t.fits(term, start)), tranches[-1])


@dataclass(frozen=True)
class Amendment:
    """Offences taken out of a change later, for everyone still in custody on that day."""

    rule: Rule
    starts: date
    classes: frozenset[OffenceClass]


@dataclass(frozen=True)
class EarlyRelease:
    """SDS40: a change that moved the release point of sentences already being served."""

    rule: Rule
    tranches: tuple[Tranche, ...]
    longer_term_months: int
    longer_term_classes: frozenset[OffenceClass]
    amendment: Amendment

    @property
    def starts(self) -> date:
        return self.tranches[0].starts

    def excludes(self, sentence: Sentence, term: Term) -> bool:
        cls = sentence.offence_class
        if cls in self.rule.excluded_classes:
            return True
        return cls in self.longer_term_classes and term.at_least_months(
            self.longer_term_months, sentence.sentence_date
        )

    def tranche_for(self, term: Term, start: date) -> Tranche:
        return _tranche_for(self.tranches, term, start)


@dataclass(frozen=True)
class Progression:
    """The progression model: one-third (SDS+ half), phased in by tranches of length."""

    rule: Rule
    plus_fraction: Fraction
    tranches: tuple[Tranche, ...]
    excluded_before_start: frozenset[OffenceClass]
    excluded_types: frozenset[SentenceType]
    caveat: str

    @property
    def starts(self) -> date:
        return self.tranches[0].starts

    def tranche_for(self, term: Term, start: date) -> Tranche:
        return _tranche_for(self.tranches, term, start)

    def exclusion(self, sentence: Sentence) -> str:
        """Why the progression model does not apply to this sentence ('' if it does)."""
        cls = sentence.offence_class
        if sentence.type in self.excluded_types:
            return "it does not apply to detention under section 250 (offenders under 18)"
        if cls in self.rule.excluded_classes:
            return "it does not apply to this offence type"
        if sentence.progression_excluded:
            return "the offence is on the Sentencing Act 2026 exclusion list"
        if cls in self.excluded_before_start and sentence.sentence_date < self.starts:
            return (
                "it does not apply to this offence type for sentences passed before"
                f" {self.starts:%d/%m/%Y}"
            )
        return ""


@dataclass(frozen=True)
class OldAct:
    """The Criminal Justice Act 1991 rules for offences committed before 4 April 2005."""

    rule: Rule
    offences_before: date
    sentenced_before: date
    licence_fraction: Fraction
    short_below_months: int
    long_from_months: int
    explain_short: str
    explain_medium: str
    explain_long: str


@dataclass(frozen=True)
class NoLicence:
    """Short terms for offences before the Offender Rehabilitation Act 2014: no licence."""

    rule: Rule
    below_months: int
    offences_before: date
    explain_under_18: str


@dataclass(frozen=True)
class FineDefault:
    rule: Rule
    full_term_from_pounds: int
    full_term_sentenced_from: date


@dataclass(frozen=True)
class ReleaseRules:
    version: str
    checked_on: date
    method: str
    reference: str
    known_gaps: tuple[str, ...]
    sds_1991: OldAct
    sds_no_licence: NoLicence
    sds_base: tuple[Rule, ...]
    sds_terrorist: Rule
    sds_early: EarlyRelease
    sds_progression: Progression | None
    eds: tuple[Rule, ...]
    sopc: tuple[Rule, ...]
    dto: Rule
    dto_remand_from: date
    fine_default: FineDefault
    indeterminate: Rule
    hospital: dict[SentenceType, Rule]

    def every_rule(self) -> tuple[Rule, ...]:
        early = self.sds_early
        return (
            self.sds_1991.rule,
            self.sds_no_licence.rule,
            *self.sds_base,
            self.sds_terrorist,
            early.rule,
            early.amendment.rule,
            *((self.sds_progression.rule,) if self.sds_progression else ()),
            *self.eds,
            *self.sopc,
            self.dto,
            self.fine_default.rule,
            self.indeterminate,
            *self.hospital.values(),
        )


# --- reading the file -----------------------------------------------------------------


def load_release_rules(path: Path | str | None = None) -> ReleaseRules:
    """The release rules in the file (read once per path, then cached)."""
    return _load(Path(path) if path is not None else RELEASE_RULES_PATH)


@lru_cache(maxsize=8)
def _load(path: Path) -> ReleaseRules:
    document = read_json(path, "the release rules")
    try:
        return parse_release_rules(document)
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


# Fields a rule may carry; anything else is a typing mistake in the file.
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
    "section_250",
}
# Fields that belong to the structure around a rule (tranches, bands), read elsewhere.
_STRUCTURE_KEYS = {
    "tranches",
    "excluded_from_months",
    "amendment",
    "sds_plus_fraction",
    "excluded_if_sentenced_before",
    "excluded_types",
    "explain_under_18",
    "caveat",
    "offences_before",
    "sentenced_before",
    "licence_fraction",
    "short_below_months",
    "long_from_months",
    "explain_short",
    "explain_medium",
    "explain_long",
    "below_months",
    "remand_credited_from",
    "full_term_from_pounds",
    "full_term_sentenced_from",
    "from",
}


def _rule(raw: dict[str, Any]) -> Rule:
    unknown = raw.keys() - _RULE_KEYS - _STRUCTURE_KEYS
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
        section_250=raw.get("section_250"),
    )


def _tranches(raw: list[dict[str, Any]]) -> tuple[Tranche, ...]:
    tranches = tuple(
        Tranche(date.fromisoformat(t["from"]), t["name"], t.get("below_years"), t.get("max_days"))
        for t in raw
    )
    if not tranches or any(a.starts > b.starts for a, b in pairwise(tranches)):
        raise ValueError("tranches must be given, in date order")
    return tranches


def _early(raw: dict[str, Any]) -> EarlyRelease:
    longer = raw["excluded_from_months"]
    amendment = raw["amendment"]
    return EarlyRelease(
        _rule(raw),
        _tranches(raw["tranches"]),
        int(longer["months"]),
        _classes(longer["classes"]),
        Amendment(
            _rule(amendment), date.fromisoformat(amendment["from"]), _classes(amendment["classes"])
        ),
    )


def _progression(raw: dict[str, Any] | None) -> Progression | None:
    if raw is None:
        return None
    plus = _fraction(raw["sds_plus_fraction"])
    assert plus is not None
    return Progression(
        _rule(raw),
        plus,
        _tranches(raw["tranches"]),
        _classes(raw.get("excluded_if_sentenced_before", ())),
        frozenset(SentenceType(t) for t in raw.get("excluded_types", ())),
        raw.get("caveat", ""),
    )


def _old_act(raw: dict[str, Any]) -> OldAct:
    licence = _fraction(raw["licence_fraction"])
    assert licence is not None
    return OldAct(
        _rule(raw),
        date.fromisoformat(raw["offences_before"]),
        date.fromisoformat(raw["sentenced_before"]),
        licence,
        int(raw["short_below_months"]),
        int(raw["long_from_months"]),
        raw["explain_short"],
        raw["explain_medium"],
        raw["explain_long"],
    )


def parse_release_rules(doc: dict[str, Any]) -> ReleaseRules:
    """The rules in a parsed release_rules.json document."""
    sds = doc["sds"]
    no_licence, dto, fine = sds["no_licence"], doc["dto"], doc["fine_default"]
    rules = ReleaseRules(
        version=doc["version"],
        checked_on=date.fromisoformat(doc["checked_on"]),
        method=doc["method"],
        reference=doc.get("reference", ""),
        known_gaps=tuple(doc["known_gaps"]),
        sds_1991=_old_act(sds["cja1991"]),
        sds_no_licence=NoLicence(
            _rule(no_licence),
            int(no_licence["below_months"]),
            date.fromisoformat(no_licence["offences_before"]),
            no_licence["explain_under_18"],
        ),
        sds_base=tuple(_rule(r) for r in sds["base"]),
        sds_terrorist=_rule(sds["terrorist"]),
        sds_early=_early(sds["early_release"]),
        sds_progression=_progression(sds.get("progression")),
        eds=tuple(_rule(r) for r in doc["eds"]),
        sopc=tuple(_rule(r) for r in doc["sopc"]),
        dto=_rule(dto),
        dto_remand_from=date.fromisoformat(dto["remand_credited_from"]),
        fine_default=FineDefault(
            _rule(fine),
            int(fine["full_term_from_pounds"]),
            date.fromisoformat(fine["full_term_sentenced_from"]),
        ),
        indeterminate=_rule(doc["indeterminate"]),
        hospital={SentenceType(k): _rule(v) for k, v in doc["hospital"].items()},
    )
    if any(r.fraction is None for r in rules.sds_base) or rules.sds_early.rule.fraction is None:
        raise ValueError("every standard rule needs a fraction")
    if set(rules.hospital) != set(HOSPITAL_TYPES):
        raise ValueError("every hospital disposal needs its rule")
    return rules
