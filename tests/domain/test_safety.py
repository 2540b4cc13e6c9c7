"""What may appear in a letter to a victim, and what must never reach the offender side."""

from __future__ import annotations

import string
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vcs_app.domain.model import ContactDetail, ContactKind, Victim
from vcs_app.domain.safety import check_offender_side_document, check_victim_letter

ON = date(2026, 11, 26)
RELEASE = date(2027, 3, 14)
HOME = ContactDetail(ContactKind.ADDRESS, "12 Example Road\nAnytown\nZZ99 1AA", victim_id=1)
PHONE = ContactDetail(ContactKind.PHONE, "07700 900123", victim_id=1)
EMAIL = ContactDetail(ContactKind.EMAIL, "ceri.prydderch@example.com", victim_id=1)
ADULT = Victim("Ceri", "Prydderch", dob=date(1980, 5, 1), id=1)
CLEAN_LETTER = """Probation Service Victim Liaison Unit
1 Civic Way
Anytown
26 November 2026
Ceri Prydderch
12 Example Road
Anytown
ZZ99 1AA
Dear Ceri Prydderch,
Jordan Sample is expected to leave prison on licence in March 2027.
Phone: 01632 960123
"""


def check(text: str = CLEAN_LETTER, **overrides: object) -> list[str]:
    arguments: dict[str, object] = {
        "text": text,
        "recipient_address": HOME,
        "victim": ADULT,
        "contacts": (HOME, PHONE, EMAIL),
        "on": ON,
        "forbidden_names": ("HMP Example",),
        "offender_address_lines": ("5 Hidden Lane", "Othertown", "ZZ88 2BB"),
        "other_victims": (("Sam Other", ("3 Quiet Street\nAnytown", "07700 900456")),),
        "exact_dates": (RELEASE,),
        "recipient_is_guardian": False,
    }
    arguments.update(overrides)
    return check_victim_letter(**arguments)  # type: ignore[arg-type]


# --- letters to victims: one test per rule ------------------------------------------


def test_a_clean_letter_to_a_safe_current_address_passes() -> None:
    assert check() == []


def test_a_letter_needs_an_address() -> None:
    assert check(recipient_address=None) == ["Blocked: no address is chosen for the letter."]


def test_a_phone_number_is_not_a_postal_address() -> None:
    assert check(recipient_address=PHONE) == [
        "Blocked: the chosen contact is not a postal address."
    ]


def test_an_unsafe_address_is_blocked() -> None:
    unsafe = ContactDetail(ContactKind.ADDRESS, HOME.value, safe_to_use=False, victim_id=1)
    assert check(recipient_address=unsafe, contacts=(unsafe,)) == [
        "Blocked: the recipient address is marked unsafe."
    ]


def test_an_address_that_is_no_longer_current_is_blocked() -> None:
    old = ContactDetail(ContactKind.ADDRESS, HOME.value, valid_to=date(2026, 6, 30), victim_id=1)
    assert check(recipient_address=old, contacts=(old,)) == [
        "Blocked: the recipient address is not current on 26/11/2026."
    ]


def test_an_address_of_a_different_victim_is_blocked() -> None:
    someone_else = ContactDetail(ContactKind.ADDRESS, "3 Quiet Street\nAnytown", victim_id=2)
    assert check(recipient_address=someone_else) == [
        "Blocked: the recipient address belongs to a different victim."
    ]


def test_do_not_post_on_any_current_contact_blocks_the_letter() -> None:
    marked = ContactDetail(ContactKind.PHONE, "07700 900123", do_not_post=True, victim_id=1)
    assert check(contacts=(HOME, marked)) == [
        "Blocked: the victim is marked do not post - arrange a phone call instead."
    ]


def test_a_recorded_safe_alternative_address_must_be_used() -> None:
    support = ContactDetail(
        ContactKind.ADDRESS, "Support Hub\n8 Help Street\nAnytown", safe_alternative=True
    )
    assert check(contacts=(HOME, support)) == [
        "Blocked: a safe alternative address is recorded - send the letter there instead."
    ]
    assert check(recipient_address=support, contacts=(HOME, support)) == []


def test_an_under_18_victim_is_written_to_through_a_parent_or_guardian() -> None:
    child = Victim("Ceri", "Prydderch", dob=date(2012, 1, 1), guardian_name="Rhian", id=1)
    assert check(victim=child) == [
        "Blocked: the victim is under 18 - the letter must go to their parent or guardian."
    ]
    assert check(victim=child, recipient_is_guardian=True) == []


def test_an_adult_victim_is_written_to_directly() -> None:
    assert check(recipient_is_guardian=True) == [
        "Blocked: the victim is 18 or over - write to them directly, not to a parent or guardian."
    ]


@pytest.mark.parametrize(
    "written",
    ["HMP Example", "hmp  EXAMPLE", "HM Prison Example", "Example Prison", "H.M.P. Example"],
)
def test_the_prison_name_is_blocked_however_written(written: str) -> None:
    assert check(CLEAN_LETTER + f"They are held at {written}.\n") == [
        "Blocked: the letter names the prison or hospital 'HMP Example'."
    ]


def test_a_hospital_name_is_blocked() -> None:
    text = CLEAN_LETTER + "They remain at Example Secure Hospital.\n"
    assert check(text, forbidden_names=("Example Secure Hospital",)) == [
        "Blocked: the letter names the prison or hospital 'Example Secure Hospital'."
    ]


@pytest.mark.parametrize(
    "written",
    [
        "14/03/2027",
        "14-03-2027",
        "14.03.27",
        "2027-03-14",
        "14 March 2027",
        "14th March 2027",
        "14 Mar 2027",
        "March 14, 2027",
        "14 of March",
        "14/03",
        "14 Mawrth 2027",
        "14eg o Fawrth 2027",
    ],
)
def test_an_exact_release_date_is_blocked_in_any_format(written: str) -> None:
    assert check(CLEAN_LETTER + f"Release is due on {written}.\n") == [
        "Blocked: the letter gives an exact release date (14/03/2027)."
    ]


@pytest.mark.parametrize("written", ["March 2027", "Mawrth 2027", "15 March 2027", "14/03/2026"])
def test_a_month_or_another_date_is_not_an_exact_release_date(written: str) -> None:
    assert check(CLEAN_LETTER + f"Expected: {written}.\n") == []


def test_the_offenders_address_is_blocked() -> None:
    text = CLEAN_LETTER + "He will live at 5 HIDDEN LANE, Othertown.\n"
    assert check(text) == ["Blocked: the letter contains the offender's address (5 Hidden Lane)."]


def test_another_victims_name_is_blocked() -> None:
    assert check(CLEAN_LETTER + "Sam Other was also told.\n") == [
        "Blocked: the letter names another victim (Sam Other)."
    ]


def test_another_victims_contact_details_are_blocked() -> None:
    text = CLEAN_LETTER + "Also call 07700-900-456 or visit 3 Quiet Street.\n"
    assert check(text) == [
        "Blocked: the letter contains another victim's contact details (3 Quiet Street).",
        "Blocked: the letter contains another victim's contact details (07700 900456).",
    ]


def test_every_reason_is_reported_at_once() -> None:
    unsafe = ContactDetail(ContactKind.ADDRESS, HOME.value, safe_to_use=False, victim_id=1)
    text = CLEAN_LETTER + "Released from HMP Example on 14 March 2027.\n"
    assert len(check(text, recipient_address=unsafe)) == 3


# --- documents for the offender side ------------------------------------------------

_names = st.text(alphabet=string.ascii_letters, min_size=3, max_size=10)
_postcodes = st.builds(
    lambda area, district, sector, unit: f"{area}{district} {sector}{unit}",
    st.text(alphabet=string.ascii_uppercase, min_size=1, max_size=2),
    st.integers(1, 99),
    st.integers(0, 9),
    st.text(alphabet=string.ascii_uppercase, min_size=2, max_size=2),
)
_addresses = st.builds(
    lambda number, street, suffix, town, postcode: (
        f"{number} {street} {suffix}",
        town,
        postcode,
    ),
    st.integers(1, 999),
    _names,
    st.sampled_from(["Road", "Street", "Lane", "Close", "Avenue", "Way"]),
    _names,
    _postcodes,
)
# UK numbers as 10 national digits (after the leading 0)
_national_numbers = st.builds(
    lambda lead, rest: lead + rest,
    st.sampled_from(["7", "1", "2"]),
    st.text(alphabet=string.digits, min_size=9, max_size=9),
)
_emails = st.builds(
    lambda local, domain, tld: f"{local}@{domain}.{tld}",
    st.text(alphabet=string.ascii_lowercase + string.digits + "._", min_size=1, max_size=12).filter(
        lambda s: s[0].isalnum() and s[-1].isalnum()
    ),
    st.text(alphabet=string.ascii_lowercase, min_size=2, max_size=10),
    st.sampled_from(["com", "co.uk", "org", "example"]),
)
_SPACING = st.sampled_from([" ", "  ", "\t", " \n", "\n"])


def _stored_phone(national: str, style: int) -> str:
    if style == 0:
        return f"0{national[:4]} {national[4:]}"
    if style == 1:
        return f"+44 {national[:4]} {national[4:]}"
    return f"(0{national[:3]}) {national[3:]}"


@st.composite
def _victim_and_document(draw: st.DrawFn) -> tuple[list[ContactDetail], str, str]:
    """A victim's contact details, and a document holding one of them written differently."""
    lines = draw(_addresses)
    national = draw(_national_numbers)
    email = draw(_emails)
    address = ContactDetail(
        ContactKind.ADDRESS, "\n".join(lines), safe_alternative=draw(st.booleans())
    )
    phone = ContactDetail(ContactKind.PHONE, _stored_phone(national, draw(st.integers(0, 2))))
    mail = ContactDetail(ContactKind.EMAIL, email)
    kind = draw(st.sampled_from(["address", "postcode", "first line", "phone", "email"]))
    if kind == "address":
        separator = draw(st.sampled_from(["\n", ", ", " ", ",\n"]))
        written = separator.join(lines)
        written = draw(st.sampled_from([written, written.upper(), written.lower()]))
    elif kind == "postcode":
        outward, inward = lines[2].split(" ")
        written = outward + draw(st.sampled_from(["", " ", "  ", "\n", " \n "])) + inward
        written = draw(st.sampled_from([written, written.lower()]))
    elif kind == "first line":
        words = lines[0].split(" ")
        written = "".join(word + draw(_SPACING) for word in words[:-1]) + words[-1]
        written = draw(st.sampled_from([written, written.upper(), written.swapcase()]))
    elif kind == "phone":
        prefix = draw(st.sampled_from(["0", "+44 ", "+44 (0)", "0044 ", "+44"]))
        gaps = draw(st.lists(st.sampled_from(["", " ", "-", "."]), min_size=9, max_size=9))
        written = (
            prefix + national[0] + "".join(g + d for g, d in zip(gaps, national[1:], strict=True))
        )
    else:
        flips = draw(st.lists(st.booleans(), min_size=len(email), max_size=len(email)))
        written = "".join(ch.upper() if up else ch for ch, up in zip(email, flips, strict=True))
    document = (
        "Request to the offender manager.\nPlease consider an exclusion zone.\n"
        f"Details: {written}\nThank you."
    )
    wanted = {"phone": "phone number", "email": "email address"}.get(kind, "address")
    return [address, phone, mail], document, wanted


@settings(max_examples=300)
@given(_victim_and_document())
def test_offender_side_check_catches_every_victim_detail_however_written(
    case: tuple[list[ContactDetail], str, str],
) -> None:
    contacts, document, wanted = case
    reasons = check_offender_side_document(document, contacts)
    assert any(wanted in reason for reason in reasons), (document, contacts)


def naive_contains(text: str, value: str) -> bool:
    """The check a quick implementation would write: a plain substring search."""
    return value in text


@pytest.mark.parametrize(
    ("contact", "document"),
    [
        (HOME, "Victim lives at ZZ99\n1AA."),
        (HOME, "Address: 12 EXAMPLE ROAD, Anytown."),
        (HOME, "Address: 12 Example  Road."),
        (PHONE, "Mobile +44 7700-900-123."),
        (PHONE, "Mobile (07700) 900 123."),
        (EMAIL, "Email Ceri.Prydderch@Example.com"),
    ],
)
def test_a_plain_substring_check_misses_what_the_normalised_check_catches(
    contact: ContactDetail, document: str
) -> None:
    assert not naive_contains(document, contact.value)
    assert check_offender_side_document(document, [contact]) != []


def test_a_house_name_first_line_is_caught() -> None:
    cottage = ContactDetail(ContactKind.ADDRESS, "Rose Cottage\nExample Lane\nAnytown")
    assert check_offender_side_document("near ROSE  COTTAGE", [cottage]) == [
        "Blocked: the document contains a victim's address (Rose Cottage)."
    ]


def test_a_safe_alternative_address_is_named_as_such() -> None:
    support = ContactDetail(
        ContactKind.ADDRESS, "8 Help Street\nAnytown\nZZ77 3CC", safe_alternative=True
    )
    assert check_offender_side_document("Post to zz77 3cc", [support]) == [
        "Blocked: the document contains a victim's safe alternative address (ZZ77 3CC)."
    ]


@pytest.mark.parametrize(
    "document",
    [
        "Request: no contact with Ceri Prydderch. Exclusion zone: Example Road and the "
        "town centre of Anytown, as on the attached map.",
        "CRN X123456, prison number A1234BC, sentence expiry 14/03/2029. "
        "Call the VLO on 01632 960123 or vlo@probation.example.",
        "Flat 12 Example Roadside, 112 Example Road, 07700 9001234, ZZ99 1AB.",
        "",
    ],
)
def test_documents_without_victim_details_pass(document: str) -> None:
    assert check_offender_side_document(document, [HOME, PHONE, EMAIL]) == []
