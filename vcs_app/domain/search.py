"""What a caller says, as search words: names, references, a phone number however it is
spaced, a postcode with or without its space.

The same rules make the words a case is found by (`contact_words`) and the words a search
looks for (`search_words`), so "07700 900 123", "07700900123" and "+44 7700 900123" all
find the number stored as "07700 900123", and "zz99 1ab" and "ZZ991AB" the same postcode.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Letters and digits; everything else separates words (as SQLite's unicode61 tokenizer
# does; underscores included, so a typed word is always one indexed token).
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# A UK postcode, outward and inward parts (the inward one is always digit letter letter).
_POSTCODE = re.compile(r"\b([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})\b", re.IGNORECASE)
_JOINED_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$", re.IGNORECASE)
MIN_PHONE_DIGITS = 6  # shorter runs of digits are house numbers or references, not phones


def _words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFC", text))


def phone_forms(value: str) -> list[str]:
    """A phone number as the digit strings a caller may say it as: national (07700900123),
    without the trunk 0 (7700900123) and international (447700900123)."""
    digits = "".join(ch for ch in value if ch.isdigit())
    if len(digits) < MIN_PHONE_DIGITS:
        return [digits] if digits else []
    digits = _national(digits)
    if digits.startswith("0"):
        return [digits, digits[1:], "44" + digits[1:]]
    return [digits]


def _national(digits: str) -> str:
    """+44 7700 900123 and +44 (0)7700 900123 as 07700900123."""
    if digits.startswith("44"):
        digits = digits[2:]
        return digits if digits.startswith("0") else "0" + digits
    return digits


def postcodes_in(text: str) -> list[str]:
    """Each postcode in an address, as its two parts ("ZZ99 1AB"): a search for "ZZ991AB"
    looks for both parts (`search_words`)."""
    return [f"{outward} {inward}".upper() for outward, inward in _POSTCODE.findall(text)]


def contact_words(kind: str, value: str) -> str:
    """The searchable words of a contact detail: a phone's digit forms, an address's
    postcodes (not the street: a surname search should not find everyone in Mill Lane).
    E-mail addresses are not searched."""
    if kind == "phone":
        return " ".join(phone_forms(value))
    if kind == "address":
        return " ".join(postcodes_in(value))
    return ""


def index_form(word: str) -> str:
    """A word as the full-text index keeps it: lower case, accents removed."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def search_words(text: str) -> list[str]:
    """The words to look for: runs of digits typed with spaces between them become one
    number (a phone number read out in groups), a leading +44 becomes 0, and a postcode
    typed without its space is looked for as its two parts."""
    words: list[str] = []
    digits: list[str] = []

    def flush() -> None:
        if digits:
            joined = "".join(digits)
            if len(joined) >= MIN_PHONE_DIGITS and len(digits) > 1:
                joined = _national(joined)
            words.append(joined)
            digits.clear()

    for word in _words(text):
        if word.isdigit():
            digits.append(word)
            continue
        flush()
        postcode = _JOINED_POSTCODE.match(word)
        words += [postcode[1], postcode[2]] if postcode else [word]
    flush()
    return words


@dataclass(frozen=True)
class CaseloadQuery:
    """What the caseload shows: cases matching `text` (every word, as a prefix), with
    this VLO and status (None: any), sorted by a column (repo_caseload.SORTS)."""

    text: str = ""
    vlo: str | None = None
    status: str | None = "open"
    sort: str = "victim"
    descending: bool = False


@dataclass(frozen=True)
class PageCursor:
    """Where the next page of a caseload starts: after the case `after_id`, whose sort
    value was `after_key`, in `tier` (0: found by names, references, people or contact
    details; 1: found only by its notes). `after_id` None starts the tier."""

    tier: int = 0
    after_key: object = None
    after_id: int | None = None


@dataclass(frozen=True)
class CaseloadPage:
    """One page of case ids in display order, and where the next one starts (None: this
    was the last)."""

    ids: tuple[int, ...]
    next: PageCursor | None
