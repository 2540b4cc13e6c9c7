"""The fields a letter template may use: the contract between services and templates.

Services fill a `LetterContext`; templates read only these names (a misspelt name is an
error at render time, not a blank). The catalogue says which letters exist, their
titles in English and Welsh, and which optional fields each one cannot do without.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path

from vcs_app.domain.model import (
    ContactLevel,
    DomainError,
    Language,
    ValidationError,
    clean_text,
)
from vcs_app.domain.safety import ENGLISH_MONTHS, WELSH_MONTHS


class LetterError(DomainError):
    """A letter cannot be produced; the message says which letter and what is missing."""


def long_date(value: date, language: Language) -> str:
    """The date as a letter writes it: '26 November 2026' / '26 Tachwedd 2026'."""
    return f"{value.day} {month_year(value, language)}"


def month_year(value: date, language: Language) -> str:
    """Only the month and year ('March 2027' / 'Mawrth 2027'): what a victim may be told
    about a release, never the day."""
    months = WELSH_MONTHS if Language(language) is Language.WELSH else ENGLISH_MONTHS
    return f"{months[value.month - 1]} {value.year}"


_NOT_WORKING = {
    Language.ENGLISH: {
        "saturday": "is a Saturday",
        "sunday": "is a Sunday",
        "bank_holiday": "is a bank holiday",
        "sentence": "{date} {why}, so you have until the next working day.",
    },
    Language.WELSH: {  # to be checked by a Welsh speaker
        "saturday": "yn ddydd Sadwrn",
        "sunday": "yn ddydd Sul",
        "bank_holiday": "yn ŵyl banc",
        "sentence": "Mae {date} {why}, felly mae gennych tan y diwrnod gwaith nesaf.",
    },
}


def moved_deadline_note(original: date, why: str, language: Language) -> str:
    """The sentence a letter adds when its reply-by date was moved off a weekend or bank
    holiday (`why` as `domain.calendar.why_not_working` gives it)."""
    words = _NOT_WORKING[Language(language)]
    return words["sentence"].format(date=long_date(original, language), why=words[why])


# A month and a year with no day: "March 2027", "Mawrth 2027".
_MONTH_YEAR = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)? \d{4}")


def _lines(values: tuple[str, ...], what: str) -> tuple[str, ...]:
    cleaned = tuple(line for line in (clean_text(v) for v in values) if line)
    if not cleaned:
        raise ValidationError(f"{what} must have at least one line.")
    return cleaned


@dataclass(frozen=True)
class Sender:
    """The VLO writing the letter: their direct line goes in every letter."""

    vlo_name: str
    vlo_phone: str
    vlo_email: str
    office_name: str
    office_address_lines: tuple[str, ...]
    signature_name: str = ""

    def __post_init__(self) -> None:
        for name in ("vlo_name", "vlo_phone", "vlo_email", "office_name", "signature_name"):
            object.__setattr__(self, name, clean_text(getattr(self, name)))
        for name, what in (
            ("vlo_name", "The VLO's name"),
            ("vlo_phone", "The VLO's phone number"),
            ("vlo_email", "The VLO's email address"),
            ("office_name", "The office name"),
        ):
            if not getattr(self, name):
                raise ValidationError(f"{what} must not be empty: every letter gives it.")
        lines = _lines(tuple(self.office_address_lines), "The office address")
        object.__setattr__(self, "office_address_lines", lines)
        object.__setattr__(self, "signature_name", self.signature_name or self.vlo_name)


@dataclass(frozen=True)
class Recipient:
    """Who the letter is addressed to: the victim, or for an under-18 victim their parent
    or guardian (the salutation then greets the guardian)."""

    name: str
    address_lines: tuple[str, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", clean_text(self.name))
        if not self.name:
            raise ValidationError("The recipient's name must not be empty.")
        object.__setattr__(
            self, "address_lines", _lines(tuple(self.address_lines), "The recipient address")
        )


@dataclass(frozen=True)
class LetterContext:
    """Everything a template may print. Optional fields default to empty; the catalogue
    says which of them a given letter needs."""

    recipient: Recipient
    sender: Sender
    letter_date: date
    language: Language
    victim_name: str
    offender_name: str
    offence: str
    sentence_description: str = ""  # in plain words, e.g. "a 6 year prison sentence ..."
    release_month: str = ""  # "March 2027": never an exact date
    licence_end_month: str = ""
    conditions: tuple[str, ...] = ()  # licence condition wordings that relate to the victim
    refusal_reason: str = ""
    decision_summary: str = ""
    hospital_update: str = ""
    contact_level: ContactLevel | None = None
    respond_by: date | None = None
    # Why respond_by is later than the clock gave (it fell on a weekend or bank holiday).
    respond_by_note: str = ""
    first_letter_date: date | None = None  # the earlier letter a follow-up refers to
    case_ref: str = ""
    personal_note: str = ""  # a closing paragraph the VLO writes for this person
    recipient_is_guardian: bool = False
    large_print: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "language", Language(self.language))
        for name in ("victim_name", "offender_name", "offence", "case_ref"):
            object.__setattr__(self, name, clean_text(getattr(self, name)))
        for name in (
            "sentence_description",
            "refusal_reason",
            "decision_summary",
            "hospital_update",
            "personal_note",
        ):
            object.__setattr__(self, name, (getattr(self, name) or "").strip())
        conditions = tuple(c for c in (clean_text(c) for c in self.conditions) if c)
        object.__setattr__(self, "conditions", conditions)
        if self.contact_level is not None:
            object.__setattr__(self, "contact_level", ContactLevel(self.contact_level))
        for name in ("release_month", "licence_end_month"):
            value = clean_text(getattr(self, name))
            if value and not _MONTH_YEAR.fullmatch(value):
                raise ValidationError(
                    f"'{value}' must be a month and year, e.g. 'March 2027': "
                    "a victim is never told an exact date."
                )
            object.__setattr__(self, name, value)

    def missing(self, needs: tuple[str, ...]) -> list[str]:
        """The needed fields that are empty."""
        return [name for name in needs if getattr(self, name) in (None, "", ())]


CONTEXT_FIELDS = frozenset(f.name for f in fields(LetterContext))


@dataclass(frozen=True)
class TemplateInfo:
    """One letter of the catalogue."""

    key: str
    title_en: str
    title_cy: str
    needs: tuple[str, ...]

    def title(self, language: Language) -> str:
        return self.title_cy if Language(language) is Language.WELSH else self.title_en


@dataclass(frozen=True)
class Catalogue:
    version: str
    templates: tuple[TemplateInfo, ...]

    def get(self, key: str) -> TemplateInfo:
        for info in self.templates:
            if info.key == key:
                return info
        raise LetterError(f"There is no letter called '{key}'.")


def load_catalogue(path: Path) -> Catalogue:
    """Read catalogue.json, refusing entries that name fields the context does not have."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        version = str(data["version"])
        templates = tuple(
            TemplateInfo(
                key=entry["key"],
                title_en=entry["title"]["en"],
                title_cy=entry["title"]["cy"],
                needs=tuple(entry.get("needs", ())),
            )
            for entry in data["templates"]
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise LetterError(f"The letter catalogue {path} cannot be read: {exc!r}") from exc
    for info in templates:
        unknown = sorted(set(info.needs) - CONTEXT_FIELDS)
        if unknown:
            raise LetterError(
                f"The letter catalogue entry '{info.key}' needs unknown fields: "
                + ", ".join(unknown)
            )
    return Catalogue(version, templates)
