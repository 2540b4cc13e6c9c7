"""Every letter renders in English and Welsh, safely, from made-up case data."""

from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path

import pytest

from vcs_app.domain.model import (
    ContactDetail,
    ContactKind,
    ContactLevel,
    Language,
    ValidationError,
    Victim,
)
from vcs_app.domain.safety import check_victim_letter
from vcs_app.letters.context import (
    LetterContext,
    Recipient,
    Sender,
    load_catalogue,
    long_date,
    month_year,
)
from vcs_app.letters.render import (
    LETTERS_DIR,
    LetterError,
    available_templates,
    html_to_text,
    render_letter,
)

KEYS = [
    "initial_offer",
    "follow_up",
    "opt_in_confirmation",
    "opt_out_acknowledgement",
    "sentence_explanation",
    "key_date_update",
    "parole_starting",
    "parole_decision",
    "hdc_representations",
    "release_on_licence",
    "condition_refused",
    "recall",
    "scheme_end",
    "hospital_update",
    "turning_18_reoffer",
    "returned_mail_follow_up",
]
VLO_PHONE = "01632 960123"
# Words that only an English letter would contain.
ENGLISH_WORDS = {
    "dear", "the", "you", "your", "yours", "sincerely", "and", "with", "this", "that",
    "please", "letter", "phone", "will", "we", "about", "our", "reference", "victim",
    "licence", "prison", "contact", "parole", "board",
}  # fmt: skip


def make_context(language: Language, **changes: object) -> LetterContext:
    """A made-up case: no real people, an Ofcom drama phone number, ZZ postcodes."""
    if language is Language.WELSH:
        sender = Sender(
            vlo_name="Alex Morgan",
            vlo_phone=VLO_PHONE,
            vlo_email="alex.morgan@probation.example",
            office_name="Y Gwasanaeth Prawf, Uned Cyswllt Dioddefwyr",
            office_address_lines=("Tŷ'r Llys", "3 Heol y Dŵr", "Trefawr", "ZZ1 1ZZ"),
        )
        values: dict[str, object] = {
            "recipient": Recipient(
                "Ceri Prydderch", ("12 Heol yr Enghraifft", "Trefawr", "ZZ99 1AA")
            ),
            "offender_name": "Dylan Ffug",
            "offence": "ymosod gan achosi gwir niwed corfforol",
            "sentence_description": "Dedfryd o 4 blynedd: hanner yn y carchar, hanner ar drwydded.",
            "release_month": "Mawrth 2027",
            "licence_end_month": "Medi 2029",
            "conditions": ("Peidio â chysylltu â Ceri Prydderch yn uniongyrchol.",),
            "refusal_reason": "Roedd yr ardal a ofynnwyd amdani yn rhy fawr i'w monitro.",
            "decision_summary": "Mae'r Bwrdd Parôl yn dweud y gall Dylan Ffug adael y carchar.",
            "hospital_update": "Mae'r tîm clinigol wedi gofyn am absenoldeb dan oruchwyliaeth.",
        }
    else:
        sender = Sender(
            vlo_name="Alex Morgan",
            vlo_phone=VLO_PHONE,
            vlo_email="alex.morgan@probation.example",
            office_name="Probation Service Victim Liaison Unit",
            office_address_lines=("1 Civic Way", "Anytown", "ZZ1 1ZZ"),
        )
        values = {
            "recipient": Recipient("Ceri Prydderch", ("12 Example Road", "Anytown", "ZZ99 1AA")),
            "offender_name": "Jordan Sample",
            "offence": "assault occasioning actual bodily harm",
            "sentence_description": "A 4 year sentence: half in prison, half on licence.",
            "release_month": "March 2027",
            "licence_end_month": "September 2029",
            "conditions": ("Not to contact Ceri Prydderch directly or indirectly.",),
            "refusal_reason": "The area asked for was too large to monitor.",
            "decision_summary": "The Parole Board has directed that Jordan Sample can be released.",
            "hospital_update": "The clinical team has asked for permission for escorted leave.",
        }
    values.update(
        sender=sender,
        letter_date=date(2026, 11, 26),
        language=language,
        victim_name="Ceri Prydderch",
        contact_level=ContactLevel.KEY_STAGES,
        respond_by=date(2026, 12, 10),
        first_letter_date=date(2026, 10, 1),
        case_ref="VC-000123",
    )
    values.update(changes)
    return LetterContext(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize("language", list(Language))
@pytest.mark.parametrize("key", KEYS)
def test_every_letter_renders_with_the_vlos_direct_contact_details(
    key: str, language: Language
) -> None:
    ctx = make_context(language)
    letter = render_letter(key, ctx)
    assert letter.template_key == key
    assert letter.language is language
    assert f'<html lang="{language.value}">' in letter.html
    for leftover in ("{{", "}}", "{%", "%}", "{#", "#}"):
        assert leftover not in letter.html
    for detail in (VLO_PHONE, "Alex Morgan", "alex.morgan@probation.example", "ZZ99 1AA"):
        assert detail in letter.text
    date_line = "26 Tachwedd 2026" if language is Language.WELSH else "26 November 2026"
    assert date_line in letter.text
    salutation = "Annwyl" if language is Language.WELSH else "Dear"
    assert f"{salutation} Ceri Prydderch," in letter.text
    assert letter.content_hash == hashlib.sha256(letter.html.encode()).hexdigest()


@pytest.mark.parametrize("key", KEYS)
def test_welsh_letters_contain_no_english_wording(key: str) -> None:
    letter = render_letter(key, make_context(Language.WELSH))
    words = set(re.findall(r"[a-z']+", letter.text.lower()))
    assert words & ENGLISH_WORDS == set()


@pytest.mark.parametrize("language", list(Language))
@pytest.mark.parametrize("key", KEYS)
def test_rendered_letters_pass_the_victim_letter_safety_check(key: str, language: Language) -> None:
    ctx = make_context(language)
    letter = render_letter(key, ctx)
    address = ContactDetail(ContactKind.ADDRESS, "\n".join(ctx.recipient.address_lines))
    reasons = check_victim_letter(
        text=letter.text,
        recipient_address=address,
        victim=Victim("Ceri", "Prydderch", dob=date(1980, 5, 1)),
        contacts=(address,),
        on=ctx.letter_date,
        forbidden_names=("HMP Example",),
        offender_address_lines=("5 Hidden Lane", "Othertown"),
        exact_dates=(date(2027, 3, 14),),
    )
    assert reasons == []


def test_the_catalogue_holds_the_full_typical_set_in_both_languages() -> None:
    templates = available_templates()
    assert [info.key for info in templates] == KEYS
    for info in templates:
        assert info.title(Language.ENGLISH) and info.title(Language.WELSH)
        assert info.title(Language.ENGLISH) != info.title(Language.WELSH)
        for language in Language:
            assert (LETTERS_DIR / language.value / f"{info.key}.html.j2").is_file()


@pytest.mark.parametrize(
    ("language", "warning"),
    [
        (Language.ENGLISH, "may be disclosed to Jordan Sample"),
        (Language.WELSH, "yn cael ei ddatgelu i Dylan Ffug"),
    ],
)
def test_the_parole_letter_warns_that_a_statement_may_be_disclosed(
    language: Language, warning: str
) -> None:
    assert warning in render_letter("parole_starting", make_context(language)).text


def test_the_hdc_letter_gives_about_14_days_to_respond() -> None:
    text = render_letter("hdc_representations", make_context(Language.ENGLISH)).text
    assert "by 10 December 2026 (about 14 days" in text


def test_a_field_the_letter_needs_must_be_filled_in() -> None:
    ctx = make_context(Language.ENGLISH, refusal_reason="")
    with pytest.raises(LetterError, match="'condition_refused' needs refusal_reason"):
        render_letter("condition_refused", ctx)


def test_a_template_asking_for_an_unknown_field_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "base.html.j2").write_text("{% block body %}{% endblock %}")
    (tmp_path / "en" / "bad.html.j2").write_text(
        '{% extends "base.html.j2" %}{% block body %}{{ sender.fax_number }}{% endblock %}'
    )
    (tmp_path / "catalogue.json").write_text(
        '{"version": "t", "templates": [{"key": "bad", "title": {"en": "B", "cy": "B"}}]}'
    )
    with pytest.raises(LetterError, match="uses the field 'fax_number'"):
        render_letter("bad", make_context(Language.ENGLISH), directory=tmp_path)


def test_a_catalogue_entry_needing_an_unknown_field_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "catalogue.json"
    path.write_text(
        '{"version": "t", "templates": [{"key": "x", "title": {"en": "X", "cy": "X"}, '
        '"needs": ["prison_name"]}]}'
    )
    with pytest.raises(LetterError, match="unknown fields: prison_name"):
        load_catalogue(path)


def test_an_unknown_letter_is_an_error() -> None:
    with pytest.raises(LetterError, match="There is no letter called 'thank_you'"):
        render_letter("thank_you", make_context(Language.ENGLISH))


def test_values_from_records_are_escaped() -> None:
    recipient = Recipient("<script>alert(1)</script>", ("12 Example Road", "ZZ99 1AA"))
    letter = render_letter("initial_offer", make_context(Language.ENGLISH, recipient=recipient))
    assert "<script>" not in letter.html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in letter.html
    assert "Dear <script>alert(1)</script>," in letter.text


@pytest.mark.parametrize("value", ["14 March 2027", "14/03/2027", "2027-03-14"])
def test_a_release_month_cannot_be_an_exact_date(value: str) -> None:
    with pytest.raises(ValidationError, match="never told an exact date"):
        make_context(Language.ENGLISH, release_month=value)


def test_dates_are_written_in_the_letters_language() -> None:
    welsh = [long_date(date(2026, month, 1), Language.WELSH) for month in range(1, 13)]
    assert welsh == [
        "1 Ionawr 2026", "1 Chwefror 2026", "1 Mawrth 2026", "1 Ebrill 2026", "1 Mai 2026",
        "1 Mehefin 2026", "1 Gorffennaf 2026", "1 Awst 2026", "1 Medi 2026", "1 Hydref 2026",
        "1 Tachwedd 2026", "1 Rhagfyr 2026",
    ]  # fmt: skip
    assert long_date(date(2026, 11, 26), Language.ENGLISH) == "26 November 2026"
    assert month_year(date(2027, 3, 14), Language.WELSH) == "Mawrth 2027"


@pytest.mark.parametrize("language", list(Language))
@pytest.mark.parametrize("month", range(1, 13))
def test_the_safety_check_recognises_every_date_the_letters_write(
    language: Language, month: int
) -> None:
    release = date(2027, month, 14)
    address = ContactDetail(ContactKind.ADDRESS, "12 Example Road\nAnytown")
    reasons = check_victim_letter(
        text=f"Release: {long_date(release, language)}.",
        recipient_address=address,
        victim=Victim("Ceri", "Prydderch"),
        contacts=(address,),
        on=date(2026, 11, 26),
        exact_dates=(release,),
    )
    assert reasons == [f"Blocked: the letter gives an exact release date ({release:%d/%m/%Y})."]


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        (Language.ENGLISH, "as the parent or guardian of Ceri Prydderch, who is under 18."),
        (Language.WELSH, "fel rhiant neu warcheidwad Ceri Prydderch, sydd o dan 18 oed."),
    ],
)
def test_a_guardian_is_greeted_and_told_why(language: Language, sentence: str) -> None:
    recipient = Recipient("Rhian Prydderch", ("12 Example Road", "ZZ99 1AA"))
    ctx = make_context(language, recipient=recipient, recipient_is_guardian=True)
    text = render_letter("initial_offer", ctx).text
    assert "Rhian Prydderch," in text
    assert sentence in text


def test_the_confirmation_states_the_chosen_contact_level() -> None:
    texts = {
        level: render_letter(
            "opt_in_confirmation", make_context(Language.ENGLISH, contact_level=level)
        ).text
        for level in ContactLevel
    }
    assert "key stages of the sentence" in texts[ContactLevel.KEY_STAGES]
    assert "only about release and licence conditions" in texts[ContactLevel.RELEASE_AND_LICENCE]
    assert "once a year" in texts[ContactLevel.ANNUAL]
    assert "not to have updates for now" in texts[ContactLevel.NONE]


def test_the_release_letter_lists_the_conditions_that_relate_to_the_victim() -> None:
    conditions = ("Not to contact Ceri Prydderch.", "Not to enter Anytown town centre.")
    ctx = make_context(Language.ENGLISH, conditions=conditions)
    letter = render_letter("release_on_licence", ctx)
    assert "- Not to contact Ceri Prydderch.\n" in letter.text
    assert "- Not to enter Anytown town centre.\n" in letter.text
    assert "in March 2027" in letter.text


def test_a_returned_mail_letter_says_nothing_about_the_case() -> None:
    guardian = Recipient("Rhian Prydderch", ("12 Example Road", "ZZ99 1AA"))
    for language in Language:
        ctx = make_context(language, recipient=guardian, recipient_is_guardian=True)
        text = render_letter("returned_mail_follow_up", ctx).text
        for secret in (ctx.offender_name, ctx.offence, ctx.victim_name):
            assert secret not in text


def test_welsh_uses_ag_before_a_vowel() -> None:
    text = render_letter("opt_out_acknowledgement", make_context(Language.WELSH)).text
    assert "ynglŷn â Dylan Ffug" in text
    ctx = make_context(Language.WELSH, offender_name="Owen Ffug")
    assert "ynglŷn ag Owen Ffug" in render_letter("opt_out_acknowledgement", ctx).text


def test_rendering_is_repeatable_and_versions_the_wording() -> None:
    ctx = make_context(Language.ENGLISH)
    first, again = render_letter("recall", ctx), render_letter("recall", ctx)
    assert first == again
    welsh = render_letter("recall", make_context(Language.WELSH))
    assert first.template_version.startswith("2026.1+")
    assert first.template_version != welsh.template_version
    other = render_letter("recall", make_context(Language.ENGLISH, case_ref="VC-9"))
    assert other.content_hash != first.content_hash


def test_plain_text_keeps_lines_and_unescapes() -> None:
    html = "<html><head><title>T</title></head><body><p>A &amp; B<br>C</p><ul><li>x</li></ul>"
    assert html_to_text(html) == "A & B\nC\n\n- x\n"
