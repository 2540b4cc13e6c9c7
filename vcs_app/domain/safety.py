"""What may appear in which document, checked before anything leaves the office.

A letter to a victim must not reveal where the offender is held, when exactly they
leave, where they live, or anything about another victim; anything that goes to the
offender side must never carry a victim's address, phone or email. People retype
details with different spacing, case and punctuation, so every comparison here is
made on a normalised form, not as a plain substring.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from datetime import date

from vcs_app.domain.model import ContactDetail, ContactKind, Victim

ENGLISH_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WELSH_MONTHS = (
    "Ionawr",
    "Chwefror",
    "Mawrth",
    "Ebrill",
    "Mai",
    "Mehefin",
    "Gorffennaf",
    "Awst",
    "Medi",
    "Hydref",
    "Tachwedd",
    "Rhagfyr",
)

# Every spelling of a month a letter writer might use, folded, -> month number.
# Welsh months mutate after some words ("o Fawrth", "yn Nhachwedd"); they are still dates.
_MONTH_NUMBERS: dict[str, int] = {
    **{name.casefold(): n for n, name in enumerate(ENGLISH_MONTHS, 1)},
    **{name[:3].casefold(): n for n, name in enumerate(ENGLISH_MONTHS, 1)},
    "sept": 9,
    **{name.casefold(): n for n, name in enumerate(WELSH_MONTHS, 1)},
    "fawrth": 3,
    "fai": 5,
    "fehefin": 6,
    "orffennaf": 7,
    "fedi": 9,
    "dachwedd": 11,
    "thachwedd": 11,
    "nhachwedd": 11,
    "ragfyr": 12,
}
_MONTHS = "|".join(sorted(map(re.escape, _MONTH_NUMBERS), key=len, reverse=True))
# English (14th) and Welsh (14eg, 1af, 2il, 3ydd, 21ain) ordinal endings.
_ORDINAL = r"(?:st|nd|rd|th|af|il|ydd|edd|ed|fed|eg|ain)?"
_NUMERIC_DMY = re.compile(r"(?<![\d/.\-])(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})(?!\d)")
_NUMERIC_DM = re.compile(r"(?<![\d/.\-])(\d{1,2})/(\d{1,2})(?![/\d])")
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_DAY_MONTH = re.compile(
    rf"(?<![\w/])(\d{{1,2}}){_ORDINAL}\.?\s+(?:of\s+|o\s+)?({_MONTHS})\b\.?(?:,?\s+(\d{{4}})(?!\d))?"
)
_MONTH_DAY = re.compile(
    rf"(?<!\w)({_MONTHS})\.?\s+(\d{{1,2}}){_ORDINAL}\b(?:,?\s+(\d{{4}})(?!\d))?"
)

_POSTCODE = re.compile(r"\b[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}\b")
_PHONE_VALUE = re.compile(r"\+?[0-9 ()-]{6,20}")
# Between two characters of a detail a document may put any spacing or punctuation.
_GAP = r"[\W_]*"
_PHONE_GAP = r"[\s\-().]*"
_NOT_AFTER_ALNUM = r"(?<![^\W_])"
_NOT_BEFORE_ALNUM = r"(?![^\W_])"
# An address line shorter than this ("Flat 2") is too common to match on its own.
_MIN_LINE_CHARS = 6


def _fold(value: str) -> str:
    """Case-folded, accents removed: the form details are compared in."""
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _alnum(value: str) -> str:
    return "".join(ch for ch in _fold(value) if ch.isalnum())


def _loose(chars: str, gap: str = _GAP) -> str:
    return gap.join(re.escape(ch) for ch in chars)


@functools.lru_cache(maxsize=4096)  # a batch checks the same details again and again
def _text_pattern(value: str) -> re.Pattern[str] | None:
    """Matches the value's letters and digits in order, whatever separates them."""
    chars = _alnum(value)
    if not chars:
        return None
    return re.compile(_NOT_AFTER_ALNUM + _loose(chars) + _NOT_BEFORE_ALNUM)


@functools.lru_cache(maxsize=4096)  # a batch checks the same details again and again
def _phone_pattern(value: str) -> re.Pattern[str] | None:
    """Matches a phone number however it is written: +44 / 0044 / (0) / 0 prefix, any
    spaces, dashes, dots or brackets between the digits."""
    digits = re.sub(r"\D", "", value)
    international = value.strip().startswith("+") or digits.startswith("00")
    digits = digits.removeprefix("00") if international else digits
    if international and not digits.startswith("44"):
        body, prefix = _loose(digits, _PHONE_GAP), rf"(?:(?:\+|00){_PHONE_GAP})?"
    else:
        national = (digits.removeprefix("44") if international else digits).lstrip("0")
        if len(national) < 6:
            return None
        g = _PHONE_GAP
        body = _loose(national, g)
        prefix = rf"(?:(?:\+|00){g}44{g}(?:\(0\){g})?|0{g})?"
    return re.compile(rf"(?<![\d+]){prefix}{body}(?!\d)")


@functools.lru_cache(maxsize=4096)  # a batch checks the same details again and again
def _email_pattern(value: str) -> re.Pattern[str] | None:
    local, _, domain = _fold(value).partition("@")
    if not _alnum(local) or not _alnum(domain):
        return None
    return re.compile(
        _NOT_AFTER_ALNUM
        + _loose(_alnum(local))
        + r"\s*@\s*"
        + _loose(_alnum(domain))
        + _NOT_BEFORE_ALNUM
    )


@functools.lru_cache(maxsize=4096)  # a batch checks the same details again and again
def _address_patterns(
    value: str,
) -> tuple[tuple[tuple[str, re.Pattern[str]], ...], re.Pattern[str] | None]:
    """The identifying parts of an address, each with a pattern (every line long enough to
    point at one place - house number and street, or a first-line house name - and the
    postcode however it is spaced or split), and a pattern for the whole address."""
    lines = [part.strip() for part in re.split(r"[\n,]", value) if part.strip()]
    postcodes = _POSTCODE.findall(value.upper())
    postcode_chars = {_alnum(code) for code in postcodes}
    parts: list[tuple[str, re.Pattern[str]]] = []
    for number, line in enumerate(lines):
        chars = _alnum(line)
        identifying = number == 0 or any(ch.isdigit() for ch in chars)
        if len(chars) >= _MIN_LINE_CHARS and identifying and chars not in postcode_chars:
            parts.append((line, re.compile(_NOT_AFTER_ALNUM + _loose(chars) + _NOT_BEFORE_ALNUM)))
    for code in postcodes:
        pattern = _text_pattern(code)
        if pattern is not None:
            parts.append((code, pattern))
    return tuple(parts), _text_pattern(value)


def _found_parts(folded_text: str, kind: ContactKind, value: str) -> list[str]:
    """The parts of one contact value that appear in the (folded) text."""
    if kind is ContactKind.ADDRESS:
        parts, whole = _address_patterns(value)
        found = [label for label, pattern in parts if pattern.search(folded_text)]
        if not found and whole is not None and whole.search(folded_text):
            found.append(", ".join(value.splitlines()))
        return found
    pattern = _phone_pattern(value) if kind is ContactKind.PHONE else _email_pattern(value)
    return [value] if pattern is not None and pattern.search(folded_text) else []


def _kind_of(value: str) -> ContactKind:
    if "@" in value:
        return ContactKind.EMAIL
    if _PHONE_VALUE.fullmatch(value.strip()):
        return ContactKind.PHONE
    return ContactKind.ADDRESS


def _establishment_variants(name: str) -> list[str]:
    """A prison is written several ways: 'HMP Example', 'HM Prison Example', 'Example prison'."""
    variants = [name]
    match = re.match(r"(?i)\s*(?:HMP\s*(?:&|and)?\s*YOI|HMP|HMYOI|HM\s+Prison)\s+(.+)", name)
    if match:
        core = match.group(1)
        variants += [
            f"HMP {core}",
            f"HM Prison {core}",
            f"His Majesty's Prison {core}",
            f"Her Majesty's Prison {core}",
            f"{core} Prison",
        ]
    return variants


def _dates_in(text: str) -> Iterator[tuple[int, int, int | None]]:
    """Every (day, month, year or None) written in the text, in any usual format."""
    folded = _fold(text)
    for m in _NUMERIC_DMY.finditer(folded):
        year = int(m.group(3))
        yield int(m.group(1)), int(m.group(2)), year + 2000 if year < 100 else year
    for m in _ISO.finditer(folded):
        yield int(m.group(3)), int(m.group(2)), int(m.group(1))
    for m in _NUMERIC_DM.finditer(folded):
        yield int(m.group(1)), int(m.group(2)), None
    for m in _DAY_MONTH.finditer(folded):
        year = int(m.group(3)) if m.group(3) else None
        yield int(m.group(1)), _MONTH_NUMBERS[m.group(2)], year
    for m in _MONTH_DAY.finditer(folded):
        year = int(m.group(3)) if m.group(3) else None
        yield int(m.group(2)), _MONTH_NUMBERS[m.group(1)], year


def _exact_dates_given(text: str, exact_dates: tuple[date, ...]) -> list[date]:
    """Which of the dates appear in the text (a day and month without a year count too)."""
    written = list(_dates_in(text))
    given = []
    for exact in exact_dates:
        for day, month, year in written:
            if (day, month) == (exact.day, exact.month) and year in (None, exact.year):
                given.append(exact)
                break
    return given


def check_victim_letter(
    *,
    text: str,
    recipient_address: ContactDetail | None,
    victim: Victim,
    contacts: tuple[ContactDetail, ...],
    on: date,
    forbidden_names: tuple[str, ...] = (),
    offender_address_lines: tuple[str, ...] = (),
    other_victims: tuple[tuple[str, tuple[str, ...]], ...] = (),
    exact_dates: tuple[date, ...] = (),
    recipient_is_guardian: bool = False,
) -> list[str]:
    """Every reason the letter must not be sent; an empty list means it is safe.

    `text` is the plain text of the rendered letter; `forbidden_names` are the prison or
    hospital names the letter must not give; `exact_dates` are release dates that may
    only be told as a month.
    """
    reasons: list[str] = []
    if recipient_address is None:
        reasons.append("Blocked: no address is chosen for the letter.")
    else:
        if recipient_address.kind is not ContactKind.ADDRESS:
            reasons.append("Blocked: the chosen contact is not a postal address.")
        if not recipient_address.safe_to_use:
            reasons.append("Blocked: the recipient address is marked unsafe.")
        if not recipient_address.is_current(on):
            reasons.append(f"Blocked: the recipient address is not current on {on:%d/%m/%Y}.")
        if (
            recipient_address.victim_id is not None
            and victim.id is not None
            and recipient_address.victim_id != victim.id
        ):
            reasons.append("Blocked: the recipient address belongs to a different victim.")

    current = [c for c in contacts if c.is_current(on)]
    if recipient_address is not None:
        current.append(recipient_address)
    if any(c.do_not_post for c in current):
        reasons.append("Blocked: the victim is marked do not post - arrange a phone call instead.")
    safe_alternative = any(
        c.kind is ContactKind.ADDRESS and c.safe_alternative and c.safe_to_use for c in current
    )
    if safe_alternative and not (recipient_address and recipient_address.safe_alternative):
        reasons.append(
            "Blocked: a safe alternative address is recorded - send the letter there instead."
        )
    if victim.is_minor(on) and not recipient_is_guardian:
        reasons.append(
            "Blocked: the victim is under 18 - the letter must go to their parent or guardian."
        )
    if recipient_is_guardian and victim.dob is not None and not victim.is_minor(on):
        reasons.append(
            "Blocked: the victim is 18 or over - write to them directly, "
            "not to a parent or guardian."
        )

    folded = _fold(text)
    for name in forbidden_names:
        patterns = [_text_pattern(variant) for variant in _establishment_variants(name)]
        if any(p is not None and p.search(folded) for p in patterns):
            reasons.append(f"Blocked: the letter names the prison or hospital '{name}'.")
    for exact in _exact_dates_given(text, exact_dates):
        reasons.append(f"Blocked: the letter gives an exact release date ({exact:%d/%m/%Y}).")
    if offender_address_lines:
        found = _found_parts(folded, ContactKind.ADDRESS, "\n".join(offender_address_lines))
        if found:
            reasons.append(f"Blocked: the letter contains the offender's address ({found[0]}).")
    for other_name, values in other_victims:
        name_pattern = _text_pattern(other_name)
        if name_pattern is not None and name_pattern.search(folded):
            reasons.append(f"Blocked: the letter names another victim ({other_name}).")
        for value in values:
            found = _found_parts(folded, _kind_of(value), value)
            if found:
                reasons.append(
                    f"Blocked: the letter contains another victim's contact details ({found[0]})."
                )
    return reasons


def check_offender_side_document(text: str, victims_contacts: Iterable[ContactDetail]) -> list[str]:
    """Every victim contact detail found in a document for the offender side (an OM
    request, a parole dossier note); an empty list means it may go."""
    folded = _fold(text)
    reasons: list[str] = []
    for contact in victims_contacts:
        found = _found_parts(folded, contact.kind, contact.value)
        if not found:
            continue
        if contact.kind is ContactKind.ADDRESS:
            what = "safe alternative address" if contact.safe_alternative else "address"
        elif contact.kind is ContactKind.PHONE:
            what = "phone number"
        else:
            what = "email address"
        reason = f"Blocked: the document contains a victim's {what} ({'; '.join(found)})."
        if reason not in reasons:
            reasons.append(reason)
    return reasons
