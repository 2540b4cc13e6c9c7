"""The sentence, what happens through it, and who is told.

A victim hears about the offender through the sentence: its release points, parole,
home detention curfew, release, recall and the end of the licence. This module holds
the sentence as a validated value, the events that can happen during it, and the policy
of which victims are told which kind of update (their contact level). Pure Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from vcs_app.domain.model import (
    KEY_DATE_KINDS,
    CaseStatus,
    ContactLevel,
    KeyDate,
    OffenceCategory,
    OptState,
    SentenceType,
    ValidationError,
    clean_text,
)
from vcs_app.domain.term import Term, describe_months

# --- offence classes ------------------------------------------------------------------


class OffenceClass(StrEnum):
    """What the release rules need to know about the offence (not the offence itself).

    Early release differs for sexual, violent, terrorist, national-security and some
    domestic abuse offences, and for offences that carry a life maximum; the VLO picks the
    class from the indictment or the prison's calculation. UNKNOWN is allowed: estimates
    that depend on it are then withheld rather than guessed.
    """

    UNKNOWN = "unknown"
    GENERAL = "general"
    VIOLENT = "violent"
    VIOLENT_MAX_LIFE = "violent_max_life"
    HOMICIDE_RELATED = "homicide_related"
    MURDER = "murder"
    SEXUAL = "sexual"
    SEXUAL_MAX_LIFE = "sexual_max_life"
    DOMESTIC_ABUSE_LISTED = "domestic_abuse_listed"
    EXCLUDED_FROM_DEC_2024 = "excluded_from_dec_2024"
    NATIONAL_SECURITY = "national_security"
    TERRORIST = "terrorist"


OFFENCE_CLASS_LABELS: dict[OffenceClass, str] = {
    OffenceClass.UNKNOWN: "Not known yet",
    OffenceClass.GENERAL: "Other offence (not violent, sexual, terrorist, national security or"
    " a listed domestic abuse offence)",
    OffenceClass.VIOLENT: "Violent offence (Schedule 15), maximum below life",
    OffenceClass.VIOLENT_MAX_LIFE: "Violent offence with a life maximum (e.g. wounding with"
    " intent)",
    OffenceClass.HOMICIDE_RELATED: "Manslaughter, attempted or conspiracy to murder, or"
    " soliciting murder",
    OffenceClass.MURDER: "Murder with a determinate sentence (e.g. one transferred from abroad)",
    OffenceClass.SEXUAL: "Sexual offence, maximum below life",
    OffenceClass.SEXUAL_MAX_LIFE: "Sexual offence with a life maximum (e.g. rape)",
    OffenceClass.DOMESTIC_ABUSE_LISTED: "Domestic abuse offence excluded from 40% release"
    " (stalking, coercive control, non-fatal strangulation)",
    OffenceClass.EXCLUDED_FROM_DEC_2024: "Breach of a restraining, stalking protection or sexual"
    " harm prevention order, or sharing private sexual images (excluded from 40% release from"
    " 16 December 2024)",
    OffenceClass.NATIONAL_SECURITY: "National security offence (e.g. National Security Act 2023,"
    " Official Secrets Acts)",
    OffenceClass.TERRORIST: "Terrorist offence",
}


def offence_class_of_referral(category: OffenceCategory) -> OffenceClass:
    """The release rules' offence type a referral's offence type (asked at intake for
    eligibility) already says, so the VLO is not asked twice: violent and sexual carry
    over as the classes with a maximum below life (the Record sentence dialog corrects a
    life maximum); the others say too little, so stay not known."""
    return {
        OffenceCategory.VIOLENT: OffenceClass.VIOLENT,
        OffenceCategory.SEXUAL: OffenceClass.SEXUAL,
    }.get(OffenceCategory(category), OffenceClass.UNKNOWN)


SENTENCE_TYPE_LABELS: dict[SentenceType, str] = {
    SentenceType.SDS: "Standard determinate sentence (SDS)",
    SentenceType.EDS: "Extended determinate sentence (EDS)",
    SentenceType.SOPC: "Sentence for an offender of particular concern (SOPC)",
    SentenceType.LIFE: "Life sentence",
    SentenceType.IPP: "Imprisonment for public protection (IPP)",
    SentenceType.DTO: "Detention and training order (DTO)",
    SentenceType.DETENTION_S250: "Detention under s.250 (offender under 18; before December 2020"
    " s.91)",
    SentenceType.FINE_DEFAULT: "Imprisonment in default of paying a fine (default term)",
    SentenceType.SUSPENDED: "Suspended sentence (not served in custody unless activated)",
    SentenceType.HOSPITAL_ORDER: "Hospital order without restrictions (Mental Health Act s.37)",
    SentenceType.HOSPITAL_ORDER_RESTRICTED: "Hospital order with restrictions (s.37/41)",
    SentenceType.HOSPITAL_LIMITATION_DIRECTION: "Hospital and limitation direction (s.45A)",
    SentenceType.TRANSFER_DIRECTION: "Transfer from prison to hospital with a restriction"
    " direction (s.47/49)",
}

HOSPITAL_TYPES = frozenset(
    {
        SentenceType.HOSPITAL_ORDER,
        SentenceType.HOSPITAL_ORDER_RESTRICTED,
        SentenceType.HOSPITAL_LIMITATION_DIRECTION,
        SentenceType.TRANSFER_DIRECTION,
    }
)
INDETERMINATE_TYPES = frozenset({SentenceType.LIFE, SentenceType.IPP})
SOPC_LICENCE_MONTHS = 12  # an SOPC always adds one year on licence (Sentencing Act 2020 s.278)
IPP_ABOLISHED = date(2012, 12, 3)  # LASPO 2012 s.123: no IPP sentence passed from this day
MAX_TERM_MONTHS = 50 * 12


# --- the sentence ---------------------------------------------------------------------


def _whole(value: object, what: str, unit: str = "months") -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
        raise ValidationError(f"{what} must be a whole number of {unit}.")
    return int(value)


# Standard sentences: released under the same rules (s.250 detention with a few differences).
STANDARD_TYPES = frozenset({SentenceType.SDS, SentenceType.DETENTION_S250})
# Types whose length may be given in weeks and days as well as months.
WEEKS_AND_DAYS_TYPES = STANDARD_TYPES | {SentenceType.FINE_DEFAULT}
# Types with one whole term (years, months and for some weeks and days).
LENGTH_TYPES = WEEKS_AND_DAYS_TYPES | {SentenceType.DTO}
FINE_DEFAULT_MAX_MONTHS = 10 * 12  # Sentencing Act 2020 s.129: at most 10 years (over £1m)


@dataclass(frozen=True)
class Sentence:
    """What the court passed. Lengths are calendar months (plus weeks and days for a
    standard sentence or a default term); remand in days.

    - SDS, s.250 detention, DTO and a default term for a fine: `length_months` (all but a
      DTO also `length_weeks` and `length_days`, e.g. 26 weeks or 14 days).
    - EDS and SOPC: `custodial_months` plus `extension_months` (SOPC: always 12).
    - Life and IPP: `tariff_months`, the minimum term the judge set.
    - Hospital disposals: no term is needed (a sentence length may be kept for a hospital
      and limitation or transfer direction).
    `offence_date` (the last day, if the offence ran over a period) decides which release
    regime applies; `progression_excluded` marks an offence on the Sentencing Act 2026
    list of offences the progression model does not apply to.
    """

    offender_id: int
    type: SentenceType
    sentence_date: date
    offence_class: OffenceClass = OffenceClass.UNKNOWN
    length_months: int | None = None
    custodial_months: int | None = None
    extension_months: int | None = None
    tariff_months: int | None = None
    remand_days: int = 0
    court: str = ""
    offences: str = ""
    recorded_by: str = ""
    superseded_by: int | None = None
    id: int | None = None
    offence_date: date | None = None
    length_weeks: int | None = None
    length_days: int | None = None
    fine_amount: int | None = None  # whole pounds, for a default term
    progression_excluded: bool = False

    def __post_init__(self) -> None:
        try:
            kind = SentenceType(self.type)
        except ValueError:
            raise ValidationError(f"'{self.type}' is not a known type of sentence.") from None
        try:
            offence_class = OffenceClass(self.offence_class)
        except ValueError:
            raise ValidationError(f"'{self.offence_class}' is not a known offence type.") from None
        object.__setattr__(self, "type", kind)
        object.__setattr__(self, "offence_class", offence_class)
        object.__setattr__(self, "court", clean_text(self.court))
        object.__setattr__(self, "offences", clean_text(self.offences))
        object.__setattr__(self, "progression_excluded", bool(self.progression_excluded))
        for name, what, unit in (
            ("length_months", "The sentence length", "months"),
            ("custodial_months", "The custodial term", "months"),
            ("extension_months", "The extension period", "months"),
            ("tariff_months", "The minimum term (tariff)", "months"),
            ("length_weeks", "The weeks of the sentence", "weeks"),
            ("length_days", "The days of the sentence", "days"),
            ("fine_amount", "The fine", "pounds"),
        ):
            object.__setattr__(self, name, _whole(getattr(self, name), what, unit))
        for name in ("length_weeks", "length_days"):
            if getattr(self, name) == 0:
                object.__setattr__(self, name, None)
        if kind is SentenceType.SOPC and self.extension_months is None:
            object.__setattr__(self, "extension_months", SOPC_LICENCE_MONTHS)
        if kind in (SentenceType.EDS, SentenceType.SOPC) and self.custodial_months:
            total = self.custodial_months + (self.extension_months or 0)
            object.__setattr__(self, "length_months", total)
        if isinstance(self.remand_days, bool) or not isinstance(self.remand_days, int):
            raise ValidationError("Days on remand must be a whole number.")
        problems = self.problems()
        if problems:
            raise ValidationError(" ".join(problems))

    @property
    def length(self) -> Term:
        """The whole term (SDS, DTO, default term; EDS and SOPC: custody plus extension)."""
        return Term(self.length_months or 0, self.length_weeks or 0, self.length_days or 0)

    def problems(self, today: date | None = None) -> list[str]:
        """Everything wrong with the record, each in words a VLO can act on; with `today`
        (the workspace's, when it is recorded) also a sentence date after it."""
        kind, found = self.type, []
        if today is not None and self.sentence_date > today:
            found.append(f"The sentence date {self.sentence_date:%d/%m/%Y} is in the future.")
        if self.sentence_date.year < 1950:
            found.append(f"The sentence date {self.sentence_date:%d/%m/%Y} is before 1950.")
        if self.offence_date is not None:
            if self.offence_date > self.sentence_date:
                found.append(
                    f"The offence date {self.offence_date:%d/%m/%Y} is after the sentence date."
                )
            elif self.offence_date.year < 1900:
                found.append(f"The offence date {self.offence_date:%d/%m/%Y} is not plausible.")
        for name, what in (
            ("length_months", "The sentence length"),
            ("custodial_months", "The custodial term"),
            ("extension_months", "The extension period"),
            ("tariff_months", "The minimum term (tariff)"),
        ):
            value = getattr(self, name)
            if value is not None and not 0 <= value <= MAX_TERM_MONTHS:
                found.append(f"{what} must be between 1 month and 50 years.")
        for name, what, most in (("length_weeks", "weeks", 2_600), ("length_days", "days", 18_300)):
            value = getattr(self, name)
            if value is not None and not 0 <= value <= most:
                found.append(f"The {what} of the sentence must be between 0 and {most:,}.")
        if kind in LENGTH_TYPES and self._longer_than(MAX_TERM_MONTHS):
            found.append("The sentence length must be at most 50 years.")
        if (self.length_weeks or self.length_days) and kind not in WEEKS_AND_DAYS_TYPES:
            found.append(
                f"Only a standard sentence, detention or a default term can be given in weeks"
                f" or days: record the {kind.value} in years and months."
            )
        if self.remand_days < 0:
            found.append("Days on remand cannot be negative.")
        if kind in LENGTH_TYPES and not self.length:
            what = (
                "years and months" if kind is SentenceType.DTO else "years, months, weeks or days"
            )
            found.append(f"A {kind.value} needs its length ({what}).")
        if kind is SentenceType.SUSPENDED and not 1 <= (self.length_months or 0) <= 24:
            found.append("A suspended sentence needs its length: up to 2 years (24 months).")
        if kind is SentenceType.DTO and self.length_months and not 4 <= self.length_months <= 24:
            found.append("A detention and training order lasts from 4 to 24 months.")
        if kind is SentenceType.FINE_DEFAULT:
            if self._longer_than(FINE_DEFAULT_MAX_MONTHS):
                found.append("A default term for a fine is at most 10 years.")
            if self.fine_amount is not None and self.fine_amount < 0:
                found.append("The fine cannot be negative.")
        elif self.fine_amount is not None:
            found.append("A fine amount is recorded only for a default term.")
        if kind in (SentenceType.EDS, SentenceType.SOPC) and not self.custodial_months:
            found.append(f"An {kind.value} needs its custodial term.")
        if kind is SentenceType.EDS:
            if self.extension_months is None:
                found.append(
                    "An EDS needs its extension period (the extra time on licence, 1 to 8 years)."
                )
            elif not 12 <= self.extension_months <= 96:
                found.append("An EDS extension period is between 1 and 8 years.")
        if kind is SentenceType.SOPC and self.extension_months != SOPC_LICENCE_MONTHS:
            found.append(
                "An SOPC always has a further 12 months on licence after the custodial term."
            )
        if kind in INDETERMINATE_TYPES and not self.tariff_months:
            found.append(
                f"A {'life sentence' if kind is SentenceType.LIFE else 'IPP'} needs the"
                " minimum term (tariff) the judge set."
            )
        if kind is SentenceType.IPP and self.sentence_date >= IPP_ABOLISHED:
            found.append("IPP sentences could not be passed from 3 December 2012 (LASPO 2012).")
        custody = self.custody_days()
        if custody is not None and self.remand_days >= custody:
            found.append(
                f"{self.remand_days} days on remand is as long as the whole custodial period:"
                " check the figure."
            )
        return found

    def _longer_than(self, months: int) -> bool:
        start = self.sentence_date
        return self.length.end(start) > Term(months).end(start)

    def custody_term(self) -> Term | None:
        """The custodial part of the sentence, if it has one (for release points)."""
        if self.type in LENGTH_TYPES:
            return self.length or None
        months = {
            SentenceType.EDS: self.custodial_months,
            SentenceType.SOPC: self.custodial_months,
            SentenceType.LIFE: self.tariff_months,
            SentenceType.IPP: self.tariff_months,
        }.get(self.type)
        return Term(months) if months else None

    def custody_days(self) -> int | None:
        """Days of the custodial part (for checking remand against it), if it has one."""
        term = self.custody_term()
        return term.days_from(self.sentence_date) if term else None

    def describe(self) -> str:
        """One line a VLO reads: type, length and date."""
        kind = SENTENCE_TYPE_LABELS[self.type]
        if self.type in (SentenceType.EDS, SentenceType.SOPC) and self.custodial_months:
            term = (
                f"{describe_months(self.custodial_months)} custodial term + "
                f"{describe_months(self.extension_months)} extended licence"
            )
        elif self.type in INDETERMINATE_TYPES and self.tariff_months:
            term = f"minimum term {describe_months(self.tariff_months)}"
        elif self.length:
            term = self.length.describe()
        else:
            term = ""
        if self.type is SentenceType.FINE_DEFAULT and self.fine_amount is not None:
            term += f" (fine of £{self.fine_amount:,})"
        text = f"{kind}{', ' + term if term else ''}, passed {self.sentence_date:%d/%m/%Y}"
        if self.offence_date:
            text += f"; offence {self.offence_date:%d/%m/%Y}"
        if self.remand_days:
            text += f"; {self.remand_days} days on remand"
        return text


# --- events through the sentence ------------------------------------------------------


class Stage(StrEnum):
    """The kind of update: victims choose which kinds they hear about (contact level)."""

    KEY_STAGE = "key_stage"  # parole, open conditions, moves: key stages only
    RELEASE = "release"  # release, licence, recall, licence end: also "release and licence"


class EventKind(StrEnum):
    PAROLE_REVIEW_START = "parole_review_start"
    PAROLE_HEARING = "parole_hearing"
    PAROLE_DECISION = "parole_decision"
    HDC_ELIGIBILITY = "hdc_eligibility"
    ROTL = "rotl"
    OPEN_CONDITIONS = "open_conditions"
    RELEASE = "release"
    RECALL = "recall"
    LICENCE_END = "licence_end"
    HOSPITAL_LEAVE = "hospital_leave"
    HOSPITAL_TRANSFER = "hospital_transfer"
    HOSPITAL_DISCHARGE = "hospital_discharge"


class CountsFrom(StrEnum):
    EVENT = "event"  # the date the event happens (a hearing, a decision)
    NOTICE = "notice"  # the date the VLO was told of it


@dataclass(frozen=True)
class EventRule:
    """What an event means for the VLO: who is told, which clocks start and stop."""

    label: str
    stage: Stage
    starts: tuple[tuple[str, CountsFrom], ...]
    stops: tuple[str, ...] = ()
    title: str = ""


EVENT_RULES: dict[EventKind, EventRule] = {
    EventKind.PAROLE_REVIEW_START: EventRule(
        "Parole review started",
        Stage.KEY_STAGE,
        (("parole_review_vps", CountsFrom.NOTICE),),
        stops=("parole_review_lead",),
        title="Tell the victim the parole review has started; offer a victim personal"
        " statement (it may be disclosed to the offender)",
    ),
    EventKind.PAROLE_HEARING: EventRule(
        "Parole hearing",
        Stage.KEY_STAGE,
        (("parole_decision_due", CountsFrom.EVENT),),
        title="Check for the Parole Board decision after the hearing",
    ),
    EventKind.PAROLE_DECISION: EventRule(
        "Parole Board decision",
        Stage.RELEASE,
        (
            ("parole_decision_tell", CountsFrom.NOTICE),
            ("parole_reconsideration", CountsFrom.EVENT),
        ),
        stops=("parole_decision_due",),
    ),
    EventKind.HDC_ELIGIBILITY: EventRule(
        "Home detention curfew eligibility",
        Stage.RELEASE,
        (("hdc_representations", CountsFrom.NOTICE),),
        title="Send the victim's representations on home detention curfew",
    ),
    EventKind.ROTL: EventRule(
        "Release on temporary licence",
        Stage.RELEASE,
        (("sentence_event_update", CountsFrom.NOTICE),),
    ),
    EventKind.OPEN_CONDITIONS: EventRule(
        "Move to open conditions",
        Stage.KEY_STAGE,
        (("sentence_event_update", CountsFrom.NOTICE),),
    ),
    EventKind.RELEASE: EventRule(
        "Release on licence", Stage.RELEASE, (("sentence_event_update", CountsFrom.NOTICE),)
    ),
    EventKind.RECALL: EventRule(
        "Recall to custody", Stage.RELEASE, (("sentence_event_update", CountsFrom.NOTICE),)
    ),
    EventKind.LICENCE_END: EventRule(
        "End of licence", Stage.RELEASE, (("sentence_event_update", CountsFrom.NOTICE),)
    ),
    EventKind.HOSPITAL_LEAVE: EventRule(
        "Hospital leave (community leave)",
        Stage.RELEASE,
        (("sentence_event_update", CountsFrom.NOTICE),),
    ),
    EventKind.HOSPITAL_TRANSFER: EventRule(
        "Transfer to another hospital",
        Stage.KEY_STAGE,
        (("sentence_event_update", CountsFrom.NOTICE),),
    ),
    EventKind.HOSPITAL_DISCHARGE: EventRule(
        "Discharge from hospital",
        Stage.RELEASE,
        (("sentence_event_update", CountsFrom.NOTICE),),
    ),
}


@dataclass(frozen=True)
class SentenceEvent:
    """Something that happened (or is set to happen) during the sentence."""

    offender_id: int
    kind: EventKind
    event_on: date
    notified_on: date
    detail: str = ""
    recorded_by: str = ""
    id: int | None = None

    def __post_init__(self) -> None:
        try:
            object.__setattr__(self, "kind", EventKind(self.kind))
        except ValueError:
            raise ValidationError(f"'{self.kind}' is not a known event.") from None
        object.__setattr__(self, "detail", clean_text(self.detail))
        if len(self.detail) > 2000:
            raise ValidationError("An event's details are limited to 2,000 characters.")
        if self.event_on.year < 1950:
            raise ValidationError(f"The event date {self.event_on:%d/%m/%Y} is not plausible.")

    def check_dates(self, today: date) -> None:
        if self.notified_on > today:
            raise ValidationError("The date you were told of the event cannot be in the future.")
        if self.event_on > today + timedelta(days=20 * 366):
            raise ValidationError(f"The event date {self.event_on:%d/%m/%Y} is not plausible.")

    @property
    def label(self) -> str:
        return EVENT_RULES[self.kind].label


# --- who is told what -----------------------------------------------------------------

# Key dates and the kind of update a change to them is. PED and tariff start the parole
# process (key stages); the rest say when the offender may be out (release and licence).
KEY_STAGE_DATES = frozenset({"PED", "TARIFF"})
PAROLE_DATES = KEY_STAGE_DATES

# Contact level -> the kinds of update the victim asked for. Annual-update victims hear
# at their yearly update, so a change makes no separate task; "none" hears nothing.
LEVEL_STAGES: dict[ContactLevel, frozenset[Stage]] = {
    ContactLevel.KEY_STAGES: frozenset({Stage.KEY_STAGE, Stage.RELEASE}),
    ContactLevel.RELEASE_AND_LICENCE: frozenset({Stage.RELEASE}),
    ContactLevel.ANNUAL: frozenset(),
    ContactLevel.NONE: frozenset(),
}
RECEIVING_STATES = frozenset({OptState.OPTED_IN, OptState.REOPENED})


def stage_of_date(kind: str) -> Stage:
    if kind not in KEY_DATE_KINDS:
        raise ValidationError(f"'{kind}' is not a known key date.")
    return Stage.KEY_STAGE if kind in KEY_STAGE_DATES else Stage.RELEASE


def update_decision(
    stage: Stage, opt_state: OptState, level: ContactLevel, status: CaseStatus
) -> tuple[bool, str]:
    """Whether a victim gets a task for an update of `stage`, and why (or why not)."""
    if CaseStatus(status) is not CaseStatus.OPEN:
        return False, f"case {CaseStatus(status).value}"
    if OptState(opt_state) not in RECEIVING_STATES:
        return False, f"not opted in ({OptState(opt_state).value.replace('_', ' ')})"
    level = ContactLevel(level)
    if stage not in LEVEL_STAGES[level]:
        reasons = {
            ContactLevel.NONE: "contact level: none",
            ContactLevel.ANNUAL: "annual update only",
            ContactLevel.RELEASE_AND_LICENCE: "release and licence updates only",
        }
        return False, reasons.get(level, "not this kind of update")
    return True, "will be told"


# --- official dates with where they came from -----------------------------------------


@dataclass(frozen=True)
class OfficialDate:
    """A recorded key date with its provenance (who sent it, how it arrived)."""

    key_date: KeyDate
    origin: str = ""  # e.g. "Prison OMU email", "Bulk import batch 3"
    batch_id: int | None = None

    @property
    def current(self) -> bool:
        return self.key_date.superseded_by is None


@dataclass(frozen=True)
class DateChange:
    """One line of a key date's history: what it was, what it became."""

    kind: str
    old: date | None
    new: date
    received_on: date | None
    origin: str
    recorded_by: str
    current: bool


def date_history(dates: tuple[OfficialDate, ...]) -> tuple[DateChange, ...]:
    """Old -> new for every recorded official date, newest first within each kind."""
    previous_of = {
        d.key_date.superseded_by: d for d in dates if d.key_date.superseded_by is not None
    }
    changes = []
    for entry in sorted(dates, key=lambda d: (d.key_date.kind, -(d.key_date.id or 0))):
        before = previous_of.get(entry.key_date.id)
        changes.append(
            DateChange(
                kind=entry.key_date.kind,
                old=before.key_date.value if before else None,
                new=entry.key_date.value,
                received_on=entry.key_date.received_on,
                origin=entry.origin,
                recorded_by=entry.key_date.recorded_by,
                current=entry.current,
            )
        )
    return tuple(changes)
