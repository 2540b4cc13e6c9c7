"""Estimates beside the official dates, and the whole sentence file for the case view.

An official date always wins: an estimate sits beside it, labelled, and a difference is
said in words ("DIFFERS: official is 7 days later"), never shown by colour alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from vcs_app.domain.model import KEY_DATE_KINDS, KeyDate
from vcs_app.domain.release import estimate_dates
from vcs_app.domain.release.working import Estimate, Estimates
from vcs_app.domain.release.working import day_text as _d
from vcs_app.domain.sentence import (
    EVENT_RULES,
    SENTENCE_TYPE_LABELS,
    DateChange,
    OfficialDate,
    Sentence,
    SentenceEvent,
    date_history,
)

if TYPE_CHECKING:
    from vcs_app.domain.release.rules import ReleaseRules


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
        offender_dob: date | None = None,
    ) -> SentenceFile:
        """Bundle the records and work out the estimates once."""
        return cls(
            sentence=sentence,
            sentence_problem=sentence_problem,
            previous_sentences=previous_sentences,
            official_dates=official_dates,
            events=events,
            estimates=(
                estimate_dates(sentence, rules, offender_dob=offender_dob)
                if sentence
                else Estimates()
            ),
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
