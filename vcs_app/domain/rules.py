"""Victim Contact Scheme rules as versioned data (resources/rules/vcs_rules.json).

Clock lengths and eligibility thresholds change with the Victims' Code and probation
policy. Keeping each version with its in-force date and source lets a case be judged by
the rules of its day, and lets every task show the rule it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any, TypeVar

from vcs_app.domain.calendar import add_working_days
from vcs_app.domain.data_files import read_json
from vcs_app.domain.model import (
    DomainError,
    OffenceCategory,
    SentenceType,
    ValidationError,
)
from vcs_app.resource_files import resource_path

RULES_PATH = resource_path("rules", "vcs_rules.json")

_KEY = re.compile(r"[a-z][a-z0-9_]*")
_E = TypeVar("_E", bound=StrEnum)


class ClockUnit(StrEnum):
    WORKING_DAYS = "working_days"
    CALENDAR_DAYS = "calendar_days"


class ClockDirection(StrEnum):
    """How the clock reads: a deadline, a wait before acting, or a warning ahead of a date.

    WITHIN and AFTER give the same due date; they differ in the words on the task.
    """

    WITHIN = "within"
    AFTER = "after"
    BEFORE = "before"


@dataclass(frozen=True)
class Clock:
    """One deadline of the scheme: how long, in which days, counted from what."""

    key: str
    label: str
    length: int
    unit: ClockUnit
    starts_from: str
    source: str
    direction: ClockDirection = ClockDirection.WITHIN
    note: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.key, str) or not _KEY.fullmatch(self.key):
            raise ValidationError(
                f"clock key {self.key!r} should be lower-case words joined by '_'."
            )
        for name in ("label", "starts_from", "source"):
            if not isinstance(getattr(self, name), str) or not getattr(self, name).strip():
                raise ValidationError(f"clock '{self.key}' needs a {name.replace('_', ' ')}.")
        if not isinstance(self.note, str):
            raise ValidationError(f"clock '{self.key}': the note must be text.")
        if isinstance(self.length, bool) or not isinstance(self.length, int) or self.length < 0:
            raise ValidationError(
                f"clock '{self.key}': length must be a whole number of days, 0 or more "
                f"(got {self.length!r})."
            )
        unit = _choice(self.unit, ClockUnit, f"clock '{self.key}': unit")
        direction = _choice(self.direction, ClockDirection, f"clock '{self.key}': direction")
        if direction is ClockDirection.BEFORE and unit is ClockUnit.WORKING_DAYS:
            raise ValidationError(
                f"clock '{self.key}': a clock that counts back must use calendar days."
            )
        object.__setattr__(self, "unit", unit)
        object.__setattr__(self, "direction", direction)

    def due_from(self, start: date) -> date:
        """The due date when the clock starts on ``start`` (the event it counts from)."""
        if self.unit is ClockUnit.WORKING_DAYS:
            return add_working_days(start, self.length)
        if self.direction is ClockDirection.BEFORE:
            return start - timedelta(days=self.length)
        return start + timedelta(days=self.length)

    def describe(self) -> str:
        """The rule in words, shown on every task it produces."""
        if self.length == 0:
            return f"{self.label} on {self.starts_from} ({self.source})"
        unit = "working day" if self.unit is ClockUnit.WORKING_DAYS else "calendar day"
        span = f"{self.length} {unit}{'' if self.length == 1 else 's'}"
        if self.direction is ClockDirection.WITHIN:
            return f"{self.label} within {span} of {self.starts_from} ({self.source})"
        return f"{self.label} {span} {self.direction} {self.starts_from} ({self.source})"


@dataclass(frozen=True)
class EligibilityRules:
    """Who must (statutory) or may (discretionary) be offered the scheme."""

    min_custody_months: float
    statutory_offence_categories: frozenset[OffenceCategory]
    statutory_hospital_disposals: frozenset[SentenceType]
    discretionary_offence_categories: frozenset[OffenceCategory]

    def __post_init__(self) -> None:
        months = self.min_custody_months
        if isinstance(months, bool) or not isinstance(months, int | float) or not months > 0:
            raise ValidationError(
                f"eligibility: min_custody_months must be a number above 0 (got {months!r})."
            )
        both = self.statutory_offence_categories & self.discretionary_offence_categories
        if both:
            names = ", ".join(sorted(both))
            raise ValidationError(
                f"eligibility: {names} cannot be both statutory and discretionary."
            )


@dataclass(frozen=True)
class RuleSet:
    """The rules in force from one date until the next version starts."""

    version: str
    in_force_from: date
    source: str
    clocks: tuple[Clock, ...]
    eligibility: EligibilityRules

    def __post_init__(self) -> None:
        keys = [clock.key for clock in self.clocks]
        repeated = sorted({key for key in keys if keys.count(key) > 1})
        if repeated:
            raise ValidationError(f"clock {', '.join(repeated)} is defined more than once.")

    def clock(self, key: str) -> Clock:
        for clock in self.clocks:
            if clock.key == key:
                return clock
        raise DomainError(f"Rule set {self.version} has no clock called '{key}'.")


def load_rule_sets(path: Path | str | None = None) -> tuple[RuleSet, ...]:
    """All rule sets in the file, oldest first; read once per path, then cached."""
    return _load(Path(path) if path is not None else RULES_PATH)


def rule_set_for(on: date) -> RuleSet:
    """The newest rule set already in force on ``on``."""
    rule_sets = load_rule_sets()
    for rule_set in reversed(rule_sets):
        if rule_set.in_force_from <= on:
            return rule_set
    raise DomainError(
        f"No Victim Contact Scheme rules are in force on {on:%d/%m/%Y}: the earliest rules "
        f"start on {rule_sets[0].in_force_from:%d/%m/%Y}."
    )


# --- reading the file -----------------------------------------------------------------

_FILE_KEYS = {"about", "rule_sets"}
_SET_KEYS = {"version", "in_force_from", "source", "clocks", "eligibility"}
_CLOCK_KEYS = {"key", "label", "length", "unit", "starts_from", "source", "direction", "note"}
_ELIGIBILITY_KEYS = {
    "min_custody_months",
    "statutory_offence_categories",
    "statutory_hospital_disposals",
    "discretionary_offence_categories",
}


@lru_cache(maxsize=8)
def _load(path: Path) -> tuple[RuleSet, ...]:
    document = read_json(path, "the rules file")
    try:
        return _parse_document(document)
    except ValidationError as exc:
        raise DomainError(f"The rules file {path} is not usable: {exc}") from None


def _parse_document(document: Any) -> tuple[RuleSet, ...]:
    _object(document, _FILE_KEYS, "the file", required={"rule_sets"})
    raw_sets = document["rule_sets"]
    if not isinstance(raw_sets, list) or not raw_sets:
        raise ValidationError("'rule_sets' must be a non-empty list.")
    rule_sets = sorted(
        (_parse_rule_set(raw, number) for number, raw in enumerate(raw_sets, start=1)),
        key=lambda rule_set: rule_set.in_force_from,
    )
    for earlier, later in pairwise(rule_sets):
        if earlier.in_force_from == later.in_force_from:
            raise ValidationError(
                f"rule sets {earlier.version} and {later.version} both start on "
                f"{later.in_force_from.isoformat()}."
            )
    versions = [rule_set.version for rule_set in rule_sets]
    if len(set(versions)) != len(versions):
        raise ValidationError("each rule set needs its own version.")
    # Old cases are judged by old rules, so every version must define every clock.
    expected = {clock.key for clock in rule_sets[-1].clocks}
    for rule_set in rule_sets:
        missing = expected - {clock.key for clock in rule_set.clocks}
        if missing:
            raise ValidationError(
                f"rule set {rule_set.version} lacks clock(s) {', '.join(sorted(missing))}."
            )
    return tuple(rule_sets)


def _parse_rule_set(raw: Any, number: int) -> RuleSet:
    _object(raw, _SET_KEYS, f"rule set {number}", required=_SET_KEYS)
    try:
        version = _text(raw, "version")
    except ValidationError as exc:
        raise ValidationError(f"rule set {number}, {exc}") from None
    try:
        try:
            in_force_from = date.fromisoformat(_text(raw, "in_force_from"))
        except ValueError:
            raise ValidationError("in_force_from must be a date written YYYY-MM-DD.") from None
        clocks = raw["clocks"]
        if not isinstance(clocks, list) or not clocks:
            raise ValidationError("'clocks' must be a non-empty list.")
        return RuleSet(
            version=version,
            in_force_from=in_force_from,
            source=_text(raw, "source"),
            clocks=tuple(_parse_clock(clock) for clock in clocks),
            eligibility=_parse_eligibility(raw["eligibility"]),
        )
    except ValidationError as exc:
        raise ValidationError(f"rule set {version}, {exc}") from None


def _parse_clock(raw: Any) -> Clock:
    named = isinstance(raw, dict) and isinstance(raw.get("key"), str)
    where = f"clock '{raw['key']}'" if named else "a clock"
    _object(raw, _CLOCK_KEYS, where, required=_CLOCK_KEYS - {"direction", "note"})
    return Clock(**raw)


def _parse_eligibility(raw: Any) -> EligibilityRules:
    _object(raw, _ELIGIBILITY_KEYS, "eligibility", required=_ELIGIBILITY_KEYS)
    return EligibilityRules(
        min_custody_months=raw["min_custody_months"],
        statutory_offence_categories=_members(raw, "statutory_offence_categories", OffenceCategory),
        statutory_hospital_disposals=_members(raw, "statutory_hospital_disposals", SentenceType),
        discretionary_offence_categories=_members(
            raw, "discretionary_offence_categories", OffenceCategory
        ),
    )


def _object(raw: Any, allowed: set[str], where: str, *, required: set[str]) -> None:
    if not isinstance(raw, dict):
        raise ValidationError(f"{where} must be a JSON object.")
    missing = required - raw.keys()
    if missing:
        raise ValidationError(f"{where} is missing {', '.join(sorted(missing))}.")
    unknown = raw.keys() - allowed
    if unknown:
        raise ValidationError(f"{where} has unknown field(s) {', '.join(sorted(unknown))}.")


def _text(raw: dict[str, Any], name: str) -> str:
    value = raw[name]
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(f"{name} must be non-empty text.")
    return value.strip()


def _choice(value: Any, kind: type[_E], what: str) -> _E:
    try:
        return kind(value)
    except ValueError:
        *others, last = (member.value for member in kind)
        known = f"{', '.join(others)} or {last}" if others else last
        raise ValidationError(f"{what} must be {known} (got {value!r}).") from None


def _members(raw: dict[str, Any], name: str, kind: type[_E]) -> frozenset[_E]:
    values = raw[name]
    if not isinstance(values, list):
        raise ValidationError(f"eligibility: {name} must be a list.")
    try:
        return frozenset(kind(value) for value in values)
    except ValueError:
        known = ", ".join(member.value for member in kind)
        raise ValidationError(
            f"eligibility: {name} holds an unknown value (known: {known})."
        ) from None
