"""Welsh forms of the domain's words (vcs_app/domain/cymraeg.py): every label a person
reads has one, sentences made from templates come out whole, and other text is left as
it is. The domain stays English; the interface asks for the Welsh."""

from __future__ import annotations

import re
from datetime import date

import pytest

from vcs_app.domain import conditions, sentence
from vcs_app.domain.cymraeg import TEMPLATES, WORDS, in_language
from vcs_app.domain.model import KEY_DATE_KINDS, LABELS, ContactDetail, Victim, safety_flags

LABEL_TABLES = {
    "model.LABELS": LABELS.values(),
    "KEY_DATE_KINDS": KEY_DATE_KINDS.values(),
    "OFFENCE_CLASS_LABELS": sentence.OFFENCE_CLASS_LABELS.values(),
    "SENTENCE_TYPE_LABELS": sentence.SENTENCE_TYPE_LABELS.values(),
    "conditions.LABELS": conditions.LABELS.values(),
    "STATS_HEADERS": conditions.STATS_HEADERS,
    "event names": [rule.label for rule in sentence.EVENT_RULES.values()],
}


@pytest.mark.parametrize("table", sorted(LABEL_TABLES))
def test_every_label_of_the_domain_has_a_welsh_form(table):
    missing = [text for text in LABEL_TABLES[table] if in_language(text, "cy") == text]
    assert not missing, f"{table}: no Welsh for {missing}"


def test_every_safety_flag_and_need_has_a_welsh_form():
    victim = Victim("Ceri", "Prydderch", dob=date(2012, 1, 1), phone_first=True, language="cy")
    contacts = (
        ContactDetail("address", "1 Example Road", safe_to_use=False, do_not_post=True),
        ContactDetail("address", "2 Example Road", safe_alternative=True),
    )
    flags = safety_flags(victim, contacts, date(2026, 11, 26))
    assert len(flags) == 5
    for text in (*flags, "Welsh language"):
        assert in_language(text, "cy") != text, text


def test_sentences_from_templates_come_out_whole_in_welsh():
    assert in_language("Overdue by 3 days", "cy") == "Hwyr o 3 diwrnod"
    assert in_language("Overdue by 1 day", "cy") == "Hwyr o 1 diwrnod"
    assert (
        in_language("Blocked: the victim has declined - do not offer contact again.", "cy")
        == "Wedi'i rwystro: mae'r dioddefwr wedi gwrthod - peidiwch â chynnig cyswllt eto."
    )
    reason = "Statutory: 24 months' custody for a violent offence (12 months or more required)."
    assert in_language(reason, "cy") == (
        "Statudol: 24 mis yn y ddalfa am drosedd dreisgar (12 mis neu fwy yn ofynnol)."
    )


def test_english_and_unknown_text_are_left_as_they_are():
    assert in_language("Opted in", "en") == "Opted in"
    assert in_language("Alex Morgan", "cy") == "Alex Morgan"
    assert in_language("", "cy") == ""


def test_the_templates_keep_their_fields():
    for english, welsh in TEMPLATES.items():
        assert sorted(re.findall(r"\{(\w+)\}", english)) == sorted(
            re.findall(r"\{(\w+)\}", welsh)
        ), english
    assert all(welsh.strip() for welsh in WORDS.values())
