"""The things a VLO works with, as frozen values.

Pure Python: no Qt, no SQL. Each value validates itself on construction so a bad
record is refused with a message a VLO can act on, wherever it came from (a dialog,
a CSV file or the database).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # conditions.py builds on this module; CaseFile only names its types
    from vcs_app.domain.conditions import ConditionRequest, OMAssignment
    from vcs_app.domain.sentence_dates import SentenceFile


class DomainError(Exception):
    """A rule of the scheme was broken; the message is meant for the user."""


class ValidationError(DomainError):
    """A value is not acceptable; the message says which and why."""


class NotFound(DomainError):
    """The record asked for does not exist (or was archived)."""


class AccessDenied(DomainError):
    """The signed-in person's role does not allow this action."""


# --- enumerations ---------------------------------------------------------------------


class Language(StrEnum):
    ENGLISH = "en"
    WELSH = "cy"


class Role(StrEnum):
    """What a signed-in member of staff may do; each role includes the ones before it."""

    VLO = "vlo"
    SENIOR = "senior"
    ADMIN = "admin"

    @property
    def rank(self) -> int:
        return list(Role).index(self)

    def allows(self, needed: Role) -> bool:
        return self.rank >= needed.rank


class VictimRole(StrEnum):
    """Who the contact is with: the victim, or someone acting for them."""

    VICTIM = "victim"
    BEREAVED_RELATIVE = "bereaved_relative"
    REPRESENTATIVE = "representative"


class ContactKind(StrEnum):
    ADDRESS = "address"
    PHONE = "phone"
    EMAIL = "email"


class OptState(StrEnum):
    REFERRED = "referred"
    OFFERED = "offered"
    OPTED_IN = "opted_in"
    DECLINED = "declined"
    NO_RESPONSE = "no_response"
    OPTED_OUT = "opted_out"
    REOPENED = "reopened"


class ContactLevel(StrEnum):
    KEY_STAGES = "key_stages"
    RELEASE_AND_LICENCE = "release_and_licence"
    ANNUAL = "annual"
    NONE = "none"


def chosen_contact_level(opt_state: OptState, level: ContactLevel) -> ContactLevel | None:
    """The contact level the victim chose, or None before they opt in: a case holds a
    level from the start (key stages, the default), but nobody has chosen it yet."""
    return level if OptState(opt_state) is OptState.OPTED_IN else None


class Channel(StrEnum):
    LETTER = "letter"
    PHONE = "phone"
    EMAIL = "email"
    VISIT = "visit"


class CaseStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"
    ARCHIVED = "archived"


class Eligibility(StrEnum):
    PENDING = "pending"
    STATUTORY = "statutory"
    DISCRETIONARY = "discretionary"
    NOT_ELIGIBLE = "not_eligible"


class OffenceCategory(StrEnum):
    VIOLENT = "violent"
    SEXUAL = "sexual"
    DOMESTIC_ABUSE = "domestic_abuse"
    STALKING = "stalking"
    OTHER = "other"


class SentenceType(StrEnum):
    SDS = "SDS"
    EDS = "EDS"
    SOPC = "SOPC"
    LIFE = "LIFE"
    IPP = "IPP"
    DTO = "DTO"
    SUSPENDED = "SSO"  # a suspended sentence order: served in the community unless activated
    HOSPITAL_ORDER = "HOSPITAL_ORDER"
    HOSPITAL_ORDER_RESTRICTED = "HOSPITAL_ORDER_RESTRICTED"
    HOSPITAL_LIMITATION_DIRECTION = "HOSPITAL_LIMITATION_DIRECTION"
    TRANSFER_DIRECTION = "TRANSFER_DIRECTION"
    FINE_DEFAULT = "FINE_DEFAULT"  # imprisonment in default of payment of a fine
    DETENTION_S250 = "S250"  # detention of an under-18 (Sentencing Act 2020 s.250; was s.91)


class DateSource(StrEnum):
    OFFICIAL = "official"
    ESTIMATE = "estimate"


class Direction(StrEnum):
    TO = "to"
    FROM = "from"


class Party(StrEnum):
    OM = "om"
    PRISON = "prison"
    HOSPITAL = "hospital"
    PAROLE_BOARD = "parole_board"
    POLICE = "police"
    WITNESS_CARE = "witness_care"
    OTHER = "other"


class LiaisonChannel(StrEnum):
    EMAIL = "email"
    PHONE = "phone"
    LETTER = "letter"
    MEETING = "meeting"
    SYSTEM = "system"


# Labels a VLO reads; the enum values are what is stored.
LABELS: dict[StrEnum, str] = {
    Language.ENGLISH: "English",
    Language.WELSH: "Welsh",
    VictimRole.VICTIM: "Victim",
    VictimRole.BEREAVED_RELATIVE: "Bereaved relative",
    VictimRole.REPRESENTATIVE: "Representative",
    OptState.REFERRED: "Referred",
    OptState.OFFERED: "Offered",
    OptState.OPTED_IN: "Opted in",
    OptState.DECLINED: "Declined",
    OptState.NO_RESPONSE: "No response",
    OptState.OPTED_OUT: "Opted out",
    OptState.REOPENED: "Reopened",
    ContactLevel.KEY_STAGES: "Key stages",
    ContactLevel.RELEASE_AND_LICENCE: "Release and licence only",
    ContactLevel.ANNUAL: "Annual update",
    ContactLevel.NONE: "None",
    CaseStatus.OPEN: "Open",
    CaseStatus.CLOSED: "Closed",
    CaseStatus.ARCHIVED: "Archived",
    Eligibility.PENDING: "Pending",
    Eligibility.STATUTORY: "Statutory",
    Eligibility.DISCRETIONARY: "Discretionary",
    Eligibility.NOT_ELIGIBLE: "Not eligible",
    Direction.TO: "To",
    Direction.FROM: "From",
    Party.OM: "Offender manager",
    Party.PRISON: "Prison",
    Party.HOSPITAL: "Hospital",
    Party.PAROLE_BOARD: "Parole Board",
    Party.POLICE: "Police",
    Party.WITNESS_CARE: "Witness Care Unit",
    Party.OTHER: "Other",
}


def label(value: StrEnum | str | None) -> str:
    """Human label for an enum value (falls back to the raw text)."""
    if value is None:
        return ""
    return LABELS.get(value, str(value).replace("_", " ").capitalize())  # type: ignore[arg-type]


# --- helpers --------------------------------------------------------------------------

_SPACES = re.compile(r"\s+")


def clean_text(value: str | None) -> str:
    """Trim and fold runs of white space; control characters become spaces."""
    if value is None:
        return ""
    value = "".join(ch if ch.isprintable() or ch in "\n" else " " for ch in value)
    return _SPACES.sub(" ", value).strip()


def normalise_name(value: str) -> str:
    """Form used to match people: case-folded, accents and punctuation ignored."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", value)
    letters = "".join(ch for ch in decomposed if ch.isalnum() or ch.isspace())
    return _SPACES.sub(" ", letters.casefold()).strip()


def _require_name(value: str, what: str) -> None:
    if not value:
        raise ValidationError(f"{what} must not be empty.")
    if len(value) > 100:
        raise ValidationError(f"{what} is longer than 100 characters.")


def _check_dob(dob: date | None, what: str) -> None:
    if dob is not None and dob.year < 1900:
        raise ValidationError(f"{what} date of birth {dob:%d/%m/%Y} is before 1900.")


def _dob_not_after(dob: date | None, today: date, what: str) -> None:
    if dob is not None and dob > today:
        raise ValidationError(f"{what} date of birth {dob:%d/%m/%Y} is in the future.")


def age_on(dob: date, on: date) -> int:
    years = on.year - dob.year
    if (on.month, on.day) < (dob.month, dob.day):
        years -= 1
    return years


# --- records --------------------------------------------------------------------------


@dataclass(frozen=True)
class Victim:
    given_name: str
    family_name: str
    dob: date | None = None
    role: VictimRole = VictimRole.VICTIM
    language: Language = Language.ENGLISH
    accessibility: str = ""
    phone_first: bool = False
    guardian_name: str = ""
    id: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "given_name", clean_text(self.given_name))
        object.__setattr__(self, "family_name", clean_text(self.family_name))
        object.__setattr__(self, "guardian_name", clean_text(self.guardian_name))
        object.__setattr__(self, "accessibility", clean_text(self.accessibility))
        object.__setattr__(self, "role", VictimRole(self.role))
        object.__setattr__(self, "language", Language(self.language))
        _require_name(self.given_name, "The victim's first name")
        _require_name(self.family_name, "The victim's surname")
        _check_dob(self.dob, "The victim's")

    def check_dates(self, today: date) -> None:
        """What depends on the day it is recorded (the workspace's today), checked by the
        service that writes it, never when a stored record is read back."""
        _dob_not_after(self.dob, today, "The victim's")

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}"

    def is_minor(self, on: date) -> bool:
        return self.dob is not None and age_on(self.dob, on) < 18


@dataclass(frozen=True)
class Offender:
    given_name: str
    family_name: str
    dob: date | None = None
    crn: str = ""
    nomis: str = ""
    establishment: str = ""  # prison or hospital: internal only, never in a victim letter
    id: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "given_name", clean_text(self.given_name))
        object.__setattr__(self, "family_name", clean_text(self.family_name))
        object.__setattr__(self, "crn", clean_text(self.crn).upper())
        object.__setattr__(self, "nomis", clean_text(self.nomis).upper())
        object.__setattr__(self, "establishment", clean_text(self.establishment))
        _require_name(self.given_name, "The offender's first name")
        _require_name(self.family_name, "The offender's surname")
        _check_dob(self.dob, "The offender's")
        if self.crn and not re.fullmatch(r"[A-Z][0-9]{6}", self.crn):
            raise ValidationError(
                f"Case reference number '{self.crn}' should be a letter and six digits,"
                " e.g. X123456."
            )
        if self.nomis and not re.fullmatch(r"[A-Z][0-9]{4}[A-Z]{2}", self.nomis):
            raise ValidationError(f"Prison number '{self.nomis}' should look like A1234BC.")

    def check_dates(self, today: date) -> None:
        _dob_not_after(self.dob, today, "The offender's")

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}"


@dataclass(frozen=True)
class ContactDetail:
    kind: ContactKind
    value: str
    safe_to_use: bool = True
    do_not_post: bool = False
    safe_alternative: bool = False  # e.g. a support worker's address
    valid_from: date | None = None
    valid_to: date | None = None
    note: str = ""
    victim_id: int | None = None
    id: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", ContactKind(self.kind))
        lines = [clean_text(line) for line in (self.value or "").splitlines()]
        object.__setattr__(self, "value", "\n".join(line for line in lines if line))
        object.__setattr__(self, "note", clean_text(self.note))
        if not self.value:
            raise ValidationError(f"The {self.kind.value} must not be empty.")
        if self.kind is ContactKind.EMAIL and not re.fullmatch(
            r"[^@\s]+@[^@\s]+\.[^@\s]+", self.value
        ):
            raise ValidationError(f"'{self.value}' does not look like an email address.")
        if self.kind is ContactKind.PHONE and not re.fullmatch(r"\+?[0-9 ()-]{6,20}", self.value):
            raise ValidationError(f"'{self.value}' does not look like a phone number.")
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError("A contact detail cannot end before it starts.")

    def is_current(self, on: date) -> bool:
        return (self.valid_from is None or self.valid_from <= on) and (
            self.valid_to is None or on <= self.valid_to
        )


@dataclass(frozen=True)
class Link:
    """One victim-offender case: the unit of a VLO's work."""

    victim_id: int
    offender_id: int
    offence: str
    referral_date: date
    offence_category: OffenceCategory = OffenceCategory.VIOLENT
    sentence_date: date | None = None
    referrer: str = ""
    eligibility: Eligibility = Eligibility.PENDING
    eligibility_reason: str = ""
    rules_version: str = ""
    opt_state: OptState = OptState.REFERRED
    contact_level: ContactLevel = ContactLevel.KEY_STAGES
    channel: Channel = Channel.LETTER
    vlo: str = ""
    om_name: str = ""
    om_team: str = ""
    status: CaseStatus = CaseStatus.OPEN
    ref: str = ""
    id: int | None = None

    def __post_init__(self) -> None:
        for name, kind in (
            ("offence_category", OffenceCategory),
            ("eligibility", Eligibility),
            ("opt_state", OptState),
            ("contact_level", ContactLevel),
            ("channel", Channel),
            ("status", CaseStatus),
        ):
            object.__setattr__(self, name, kind(getattr(self, name)))
        for name in ("offence", "referrer", "eligibility_reason", "vlo", "om_name", "om_team"):
            object.__setattr__(self, name, clean_text(getattr(self, name)))
        if not self.offence:
            raise ValidationError("The offence must not be empty.")
        if self.sentence_date and self.referral_date < self.sentence_date:
            raise ValidationError("The referral cannot be received before the sentence date.")

    def check_dates(self, today: date) -> None:
        if self.referral_date > today:
            raise ValidationError(
                f"The referral date {self.referral_date:%d/%m/%Y} is in the future."
            )


@dataclass(frozen=True)
class KeyDate:
    offender_id: int
    kind: str  # SED, LED, CRD, PED ... (catalogue in KEY_DATE_KINDS)
    value: date
    source: DateSource = DateSource.OFFICIAL
    received_on: date | None = None
    recorded_by: str = ""
    superseded_by: int | None = None
    id: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "source", DateSource(self.source))
        if self.kind not in KEY_DATE_KINDS:
            raise ValidationError(f"'{self.kind}' is not a known key date.")


KEY_DATE_KINDS: dict[str, str] = {
    "SED": "Sentence expiry date",
    "LED": "Licence expiry date",
    "SLED": "Sentence and licence expiry date",
    "CRD": "Conditional release date",
    "ARD": "Automatic release date",
    "PED": "Parole eligibility date",
    "HDCED": "Home detention curfew eligibility date",
    "HDCAD": "Home detention curfew approved date",
    "APD": "Approved parole date",
    "PRRD": "Post-recall release date",
    "TUSED": "Top-up supervision end date",
    "ERSED": "Early removal scheme eligibility date",
    "TARIFF": "Tariff expiry date",
    "ROTL": "Release on temporary licence",
    "MTD": "Mid-term date (detention and training order release)",
}


@dataclass(frozen=True)
class LiaisonEntry:
    link_id: int
    happened_on: date
    direction: Direction
    party: Party
    channel: LiaisonChannel
    summary: str
    who: str = ""  # the person at the other end, e.g. the OM's name
    follow_up_due: date | None = None
    recorded_by: str = ""
    id: int | None = None
    # Waiting for an answer (services/liaison.py): a note *to* someone may await a reply
    # (a chase repeats an earlier one); a note *from* them may be the reply.
    condition_request_id: int | None = None
    awaiting_reply: bool = False
    is_chase: bool = False
    chase_of: int | None = None
    is_reply: bool = False
    answered_on: date | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "direction", Direction(self.direction))
        object.__setattr__(self, "party", Party(self.party))
        object.__setattr__(self, "channel", LiaisonChannel(self.channel))
        object.__setattr__(self, "who", clean_text(self.who))
        summary = (self.summary or "").strip()
        object.__setattr__(self, "summary", summary)
        if not summary:
            raise ValidationError("A liaison note needs a summary of what was said.")
        if len(summary) > 10_000:
            raise ValidationError("A liaison note is limited to 10,000 characters.")
        if self.follow_up_due and self.follow_up_due < self.happened_on:
            raise ValidationError("The follow-up date cannot be before the note's date.")
        outgoing = self.direction is Direction.TO
        if (self.awaiting_reply or self.is_chase) and not outgoing:
            raise ValidationError("Only a note sent to someone can wait for their reply.")
        if self.is_reply and outgoing:
            raise ValidationError("A reply is a note received from someone, not sent to them.")

    def check_dates(self, today: date) -> None:
        if self.happened_on > today:
            raise ValidationError("A liaison note cannot be dated in the future.")


def outcome_note(text: str | None) -> str:
    """What came of a task, as one line of at most 200 characters (or a ValidationError)."""
    note = clean_text(text)
    if len(note) > 200:
        raise ValidationError("A task's outcome is one line (200 characters at most).")
    return note


@dataclass(frozen=True)
class Task:
    """Something a VLO must do by a date; `rule` names the clock (or event) that made it."""

    link_id: int
    rule: str
    title: str
    due_on: date
    done_on: date | None = None
    source_ref: str = ""  # what started it, e.g. "key_date:12", so it is never duplicated
    rule_text: str = ""  # the rule in words, shown on the task
    outcome: str = ""  # "done" or "cancelled" once closed
    outcome_note: str = ""  # what came of it, in the VLO's words (marked done by hand)
    id: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "outcome_note", outcome_note(self.outcome_note))


class LetterStatus(StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"
    PRINTED = "printed"  # produced: printed and/or saved as PDF
    RETURNED = "returned"
    WITHDRAWN = "withdrawn"


@dataclass(frozen=True)
class LetterEvent:
    """One step in a letter's life (drafted, approved, printed...), with who and when."""

    event: str
    at: datetime
    who: str
    content_hash: str
    pdf_path: str = ""
    detail: str = ""


@dataclass(frozen=True)
class LetterRecord:
    """A letter in the case's log: what was sent, to whom, and every step of it."""

    id: int
    link_id: int
    template: str
    title: str
    language: Language
    status: LetterStatus
    content_hash: str
    template_version: str
    recipient: str
    letter_date: date | None
    pdf_path: str
    created_by: str
    created_at: datetime
    batch_id: int | None = None
    task_id: int | None = None
    events: tuple[LetterEvent, ...] = ()
    # "printer (job N)" while the print that sends the letter has not finished: until
    # then it does not count as sent (no contact, its task stays open).
    awaiting_printer: str = ""


@dataclass(frozen=True)
class ContactEvent:
    """A letter, call, visit or email with the victim."""

    link_id: int
    happened_on: date
    kind: str
    outcome: str = ""
    summary: str = ""
    recorded_by: str = ""
    id: int | None = None


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    who: str
    action: str
    entity: str
    entity_id: int | None
    link_id: int | None
    detail: str = ""
    id: int | None = None


@dataclass(frozen=True)
class CaseSummary:
    """One row of the caseload table."""

    id: int
    ref: str
    victim_name: str
    offender_name: str
    offence: str
    opt_state: OptState
    contact_level: ContactLevel
    vlo: str
    status: CaseStatus
    next_due: date | None
    flags: tuple[str, ...] = ()  # safety flags, in the words the case view uses
    needs: tuple[str, ...] = ()  # language and accessibility needs, likewise

    def with_flags(
        self, victim: Victim, contacts: tuple[ContactDetail, ...], on: date
    ) -> CaseSummary:
        """The row with its flags and needs decided by the one rule the case view uses."""
        return replace(self, flags=safety_flags(victim, contacts, on), needs=contact_needs(victim))


@dataclass(frozen=True)
class CaseFile:
    """Everything the case view shows, fetched in one call."""

    link: Link
    victim: Victim
    offender: Offender
    contacts: tuple[ContactDetail, ...]
    key_dates: tuple[KeyDate, ...]
    liaison: tuple[LiaisonEntry, ...]
    tasks: tuple[Task, ...]
    history: tuple[AuditEntry, ...]
    contact_log: tuple[ContactEvent, ...] = ()
    opt_history: tuple[tuple[date, OptState, str, str], ...] = ()
    other_links: tuple[CaseSummary, ...] = field(default=())
    referral: ReferralRecord | None = None  # intake details (None for cases made before)
    letters: tuple[LetterRecord, ...] = ()  # the letter log, newest first
    conditions: tuple[ConditionRequest, ...] = ()  # licence-condition requests, newest first
    om_history: tuple[OMAssignment, ...] = ()  # earlier offender managers, newest first
    sentence_file: SentenceFile | None = None  # sentence, official dates, events, estimates
    today: date = date.min  # the workspace's today when the file was read (flags depend on it)

    @property
    def safety_flags(self) -> tuple[str, ...]:
        return safety_flags(self.victim, self.contacts, self.today)

    @property
    def needs(self) -> tuple[str, ...]:
        return contact_needs(self.victim)


def safety_flags(victim: Victim, contacts: tuple[ContactDetail, ...], on: date) -> tuple[str, ...]:
    """Warnings a VLO must see before any contact, as words (never colour alone)."""
    flags: list[str] = []
    current = [c for c in contacts if c.is_current(on)]
    addresses = [c for c in current if c.kind is ContactKind.ADDRESS]
    if any(c.do_not_post for c in current):
        flags.append("Do not post")
    if any(not c.safe_to_use for c in addresses):
        flags.append("Address unsafe")
    if any(c.safe_alternative for c in addresses):
        flags.append("Use safe alternative address")
    if victim.phone_first:
        flags.append("Phone first")
    if victim.is_minor(on):
        flags.append("Under 18: contact via parent/guardian")
    return tuple(flags)


def contact_needs(victim: Victim) -> tuple[str, ...]:
    """How to communicate (not safety): language and accessibility needs."""
    needs = ["Welsh language"] if victim.language is Language.WELSH else []
    if victim.accessibility:
        needs.append(victim.accessibility)
    return tuple(needs)


# --- intake: referrals, opt-in changes, turning 18 ------------------------------------


def eighteenth_birthday(dob: date) -> date:
    """The day a victim turns 18 and is offered contact directly.

    Someone born on 29 February turns 18 on 1 March in a non-leap year (the day after
    28 February), which is also the first day `age_on` counts them as 18.
    """
    try:
        return dob.replace(year=dob.year + 18)
    except ValueError:  # 29 February, and the 18th year is not a leap year
        return date(dob.year + 18, 3, 1)


# Which opt-in change may follow which. A victim may opt in at any time; "opted out"
# follows "opted in" (before that, saying no is "declined"); a closed-off case is reopened
# before it is offered again.
OPT_TRANSITIONS: dict[OptState, frozenset[OptState]] = {
    OptState.REFERRED: frozenset({OptState.OFFERED, OptState.OPTED_IN, OptState.DECLINED}),
    OptState.OFFERED: frozenset(
        {OptState.OPTED_IN, OptState.DECLINED, OptState.NO_RESPONSE, OptState.OFFERED}
    ),
    OptState.OPTED_IN: frozenset({OptState.OPTED_OUT}),
    OptState.DECLINED: frozenset({OptState.OPTED_IN, OptState.REOPENED}),
    OptState.NO_RESPONSE: frozenset({OptState.OPTED_IN, OptState.DECLINED, OptState.REOPENED}),
    OptState.OPTED_OUT: frozenset({OptState.OPTED_IN, OptState.REOPENED}),
    OptState.REOPENED: frozenset({OptState.OFFERED, OptState.OPTED_IN, OptState.DECLINED}),
}


def check_opt_change(
    old: OptState, new: OptState, contact_level: ContactLevel | None = None
) -> ContactLevel:
    """The contact level after moving from `old` to `new`, or a ValidationError saying why not.

    Opting in needs a contact level other than "none"; declining, opting out and no
    response set it to "none"; other changes keep the level given (or key stages).
    """
    old, new = OptState(old), OptState(new)
    if new not in OPT_TRANSITIONS[old]:
        allowed = ", ".join(sorted(label(s).lower() for s in OPT_TRANSITIONS[old]))
        raise ValidationError(
            f"A case that is {label(old).lower()} cannot be recorded as {label(new).lower()}"
            f" (it can be: {allowed})."
        )
    if new is OptState.OPTED_IN:
        if contact_level is None or ContactLevel(contact_level) is ContactLevel.NONE:
            raise ValidationError("Opting in needs the contact level the victim chose.")
        return ContactLevel(contact_level)
    if new in (OptState.DECLINED, OptState.OPTED_OUT, OptState.NO_RESPONSE):
        return ContactLevel.NONE
    return ContactLevel(contact_level or ContactLevel.KEY_STAGES)


@dataclass(frozen=True)
class Referral:
    """A referral as received (intake form or CSV row), before anything is on file.

    Validates like the records it becomes, plus the intake rules: an under-18 victim is
    contacted through a parent or guardian, and a bereaved relative or representative
    acts for someone who must be named.
    """

    victim: Victim
    offender: Offender
    offence: str
    referral_date: date
    offence_category: OffenceCategory = OffenceCategory.VIOLENT
    sentence_date: date | None = None
    sentence_type: SentenceType | None = None
    custody_months: float | None = None
    referrer: str = "Witness Care Unit"
    vlo: str = ""
    channel: Channel = Channel.LETTER
    om_name: str = ""
    om_team: str = ""
    acting_for: str = ""
    relationship: str = ""
    serious_risk_agreed: bool = False
    contacts: tuple[ContactDetail, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "offence_category", OffenceCategory(self.offence_category))
        object.__setattr__(self, "channel", Channel(self.channel))
        if self.sentence_type is not None:
            object.__setattr__(self, "sentence_type", SentenceType(self.sentence_type))
        object.__setattr__(self, "acting_for", clean_text(self.acting_for))
        object.__setattr__(self, "relationship", clean_text(self.relationship))
        object.__setattr__(self, "contacts", tuple(self.contacts))
        months = self.custody_months
        if months is not None and (
            isinstance(months, bool) or not 0 <= months <= 1200  # NaN fails this too
        ):
            raise ValidationError(
                f"The custody length {months!r} months is not a valid length (0 to 1200)."
            )
        self.link(0, 0)  # the case itself must be valid
        if self.victim.is_minor(self.referral_date) and not self.victim.guardian_name:
            raise ValidationError("The victim is under 18: give the parent or guardian to contact.")
        if self.victim.role is not VictimRole.VICTIM and not self.acting_for:
            raise ValidationError(
                f"A {label(self.victim.role).lower()} acts for someone: give that person's name."
            )

    def check_dates(self, today: date) -> None:
        self.victim.check_dates(today)
        self.offender.check_dates(today)
        self.link(0, 0).check_dates(today)

    def link(self, victim_id: int, offender_id: int) -> Link:
        """The case this referral opens, between people now on file."""
        return Link(
            victim_id=victim_id,
            offender_id=offender_id,
            offence=self.offence,
            referral_date=self.referral_date,
            offence_category=self.offence_category,
            sentence_date=self.sentence_date,
            referrer=self.referrer,
            channel=self.channel,
            vlo=self.vlo,
            om_name=self.om_name,
            om_team=self.om_team,
        )


@dataclass(frozen=True)
class ReferralRecord:
    """What the referral said about the sentence and the contact, kept with the case."""

    link_id: int
    sentence_type: SentenceType | None = None
    custody_months: float | None = None
    serious_risk_agreed: bool = False
    eligibility_overridden: bool = False
    acting_for: str = ""
    relationship: str = ""
    source: str = ""  # "intake form" or "import <file name> line N"

    def __post_init__(self) -> None:
        if self.sentence_type is not None:
            object.__setattr__(self, "sentence_type", SentenceType(self.sentence_type))
