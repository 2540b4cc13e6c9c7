"""One letter from a real case: who it goes to, what it may say, and the log it leaves."""

from __future__ import annotations

import json
import subprocess
from dataclasses import replace
from datetime import date, timedelta

import pytest
from fake_printer import FakePrinter
from fixed_day import TODAY
from hypothesis import given, settings
from hypothesis import strategies as st

from vcs_app.domain.model import (
    ContactDetail,
    ContactLevel,
    DomainError,
    Eligibility,
    KeyDate,
    Language,
    LetterStatus,
    Link,
    Offender,
    OptState,
    Role,
    ValidationError,
    Victim,
    clean_text,
)
from vcs_app.domain.sentence import EventKind, Sentence, SentenceEvent
from vcs_app.letters.context import LetterContext, LetterError, Recipient, Sender
from vcs_app.letters.print_system import JobState
from vcs_app.services import cases, events, intake, letters, sentences
from vcs_app.services.letter_settings import (
    LetterSettings,
    VloContact,
    archive_folder,
    load_letter_settings,
    save_letter_settings,
)
from vcs_app.services.printing import NotPrinted
from vcs_app.storage import audit

ON = date(2026, 11, 26)
VLO_PHONE = "01632 960123"


@pytest.fixture(autouse=True)
def user_data_in_tmp(tmp_path, monkeypatch, qapp):
    """Kept PDFs go under the user data folder, here inside the test's folder; PDFs need
    Qt's text layout, so the QApplication pytest-qt makes (not a bare one) is up."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))


@pytest.fixture
def office(ws):
    settings = LetterSettings(
        office_name="Probation Service Victim Liaison Unit",
        office_name_cy="Uned Cyswllt Dioddefwyr y Gwasanaeth Prawf",
        return_address=("1 Civic Way", "Anytown", "ZZ1 1ZZ"),
        default_phone="01632 960000",
        default_email="vlu@probation.example",
        vlos=(VloContact("Alex Morgan", VLO_PHONE, "alex.morgan@probation.example"),),
    )
    save_letter_settings(ws, settings)
    return settings


@pytest.fixture
def opted_in(ws, case_id, office):
    """The conftest case, opted in for key stages, with an official release date ahead."""
    intake.record_opt_change(
        ws,
        case_id,
        OptState.OPTED_IN,
        on=date(2026, 10, 5),
        source="phone call",
        contact_level=ContactLevel.KEY_STAGES,
    )
    case = cases.open_case(ws, case_id)
    cases.add_key_date(
        ws, KeyDate(case.offender.id, "CRD", date(2027, 3, 14), received_on=date(2026, 10, 2))
    )
    return case_id


def _case(ws, case_id):
    return cases.open_case(ws, case_id)


def _add_address(ws, case, value, **flags) -> int:
    return cases.add_contact_detail(
        ws, ContactDetail("address", value, victim_id=case.victim.id, **flags)
    )


def _set_address(ws, case, **flags) -> None:
    address = next(c for c in case.contacts if c.kind.value == "address")
    cases.update_contact_detail(ws, replace(address, **flags))


# --- settings -------------------------------------------------------------------------


def test_a_real_caseload_needs_its_office_details_before_any_letter(ws, case_id):
    with pytest.raises(ValidationError, match=r"office name.*letter settings"):
        letters.prepare_letter(ws, case_id, "initial_offer", on=ON)


def test_a_demo_caseload_has_synthetic_office_details(demo_settings_ws):
    settings = load_letter_settings(demo_settings_ws)
    assert settings.synthetic
    sender = settings.sender("Alex Morgan", Language.WELSH)
    assert sender.vlo_phone.startswith("01632 960")
    assert sender.vlo_email.endswith("@probation.example")
    assert sender.office_name == "Uned Cyswllt Dioddefwyr y Gwasanaeth Prawf"


@pytest.fixture
def demo_settings_ws(ws):
    from vcs_app.services.demo import build_demo

    build_demo(ws, victims=20, seed=1, today=ON)
    return ws


def test_the_archive_is_per_caseload_under_the_user_data_folder(ws, office, tmp_path):
    folder = archive_folder(ws)
    assert folder.is_relative_to(tmp_path / "xdg")
    assert folder.name.startswith("vcs-")


# --- who the letter goes to, and in which language --------------------------------------


def test_the_letter_goes_to_the_victim_at_the_safe_current_address(ws, case_id, office):
    draft = letters.prepare_letter(ws, case_id, "initial_offer", on=ON)
    assert draft.ok, draft.reasons
    assert draft.recipient_name == "Ceri Prydderch"
    assert draft.address_lines == ("12 Example Road", "Anytown", "ZZ99 1AA")
    text = draft.rendered.text
    assert "Dear Ceri Prydderch," in text
    assert "who was sentenced for wounding with intent." in text  # lower case mid-sentence
    assert VLO_PHONE in text and "alex.morgan@probation.example" in text
    assert draft.language is Language.ENGLISH


def test_a_safe_alternative_address_is_used_instead_of_home(ws, case_id, office):
    case = _case(ws, case_id)
    _add_address(ws, case, "c/o Support Service\n1 Refuge Row\nAnytown\nZZ99 9ZZ",
                 safe_alternative=True)  # fmt: skip
    draft = letters.prepare_letter(ws, case_id, "initial_offer", on=ON)
    assert draft.ok, draft.reasons
    assert draft.address_lines[0] == "c/o Support Service"


def test_an_old_address_is_not_used(ws, case_id, office):
    case = _case(ws, case_id)
    _set_address(ws, case, valid_to=date(2026, 1, 31))
    _add_address(ws, case, "3 Newer Lane\nSomeville\nZZ99 3CC", valid_from=date(2026, 2, 1))
    draft = letters.prepare_letter(ws, case_id, "initial_offer", on=ON)
    assert draft.address_lines[0] == "3 Newer Lane"


def test_an_unsafe_address_blocks_the_letter_and_says_so(ws, case_id, office):
    _set_address(ws, _case(ws, case_id), safe_to_use=False)
    draft = letters.prepare_letter(ws, case_id, "initial_offer", on=ON)
    assert not draft.ok
    assert draft.reasons == ("Blocked: the recipient address is marked unsafe.",)


def test_no_address_at_all_blocks_the_letter(ws, office):
    victim_id = cases.create_victim(ws, Victim("Wren", "Quixwell"))
    offender_id = cases.create_offender(ws, Offender("Percy", "Greatorex"))
    link_id = cases.create_link(
        ws, Link(victim_id, offender_id, "Robbery", referral_date=date(2026, 10, 1))
    )
    draft = letters.prepare_letter(ws, link_id, "initial_offer", on=ON)
    assert draft.reasons == ("Blocked: no address is chosen for the letter.",)
    assert draft.address_lines == ()


def test_an_under_18_victims_letter_goes_to_their_guardian(ws, case_id, office):
    case = _case(ws, case_id)
    cases.update_victim(
        ws, replace(case.victim, dob=date(2012, 4, 1), guardian_name="Rhian Prydderch")
    )
    draft = letters.prepare_letter(ws, case_id, "initial_offer", on=ON)
    assert draft.ok, draft.reasons
    assert draft.recipient_name == "Rhian Prydderch"
    assert draft.context.recipient_is_guardian
    assert "as the parent or guardian of Ceri Prydderch, who is under 18." in draft.rendered.text


def test_an_under_18_victim_with_no_guardian_on_file_is_blocked(ws, case_id, office):
    case = _case(ws, case_id)
    cases.update_victim(ws, replace(case.victim, dob=date(2012, 4, 1)))
    draft = letters.prepare_letter(ws, case_id, "initial_offer", on=ON)
    assert (
        "Blocked: the victim is under 18 and no parent or guardian is recorded - add one"
        " before writing." in draft.reasons
    )


def test_a_welsh_speaker_gets_a_welsh_letter_with_the_offence_in_welsh(ws, case_id, office):
    case = _case(ws, case_id)
    cases.update_victim(ws, replace(case.victim, language=Language.WELSH))
    draft = letters.prepare_letter(ws, case_id, "initial_offer", on=ON)
    assert draft.ok, draft.reasons
    assert draft.language is Language.WELSH
    assert '<html lang="cy">' in draft.rendered.html
    assert "Annwyl Ceri Prydderch," in draft.rendered.text
    assert "am y drosedd hon: clwyfo gyda bwriad." in draft.rendered.text
    assert "Uned Cyswllt Dioddefwyr y Gwasanaeth Prawf" in draft.rendered.text


def test_a_welsh_letter_without_welsh_wording_for_the_offence_asks_for_it(ws, case_id, office):
    case = _case(ws, case_id)
    cases.update_victim(ws, replace(case.victim, language=Language.WELSH))
    cases.update_link(ws, replace(case.link, offence="Blackmail"))
    draft = letters.prepare_letter(ws, case_id, "initial_offer", on=ON)
    assert draft.reasons == (
        "Blocked: there is no Welsh wording on file for the offence 'Blackmail' - write it in"
        " Welsh for this letter.",
    )
    written = letters.LetterDetails(offence="blacmel")
    draft = letters.prepare_letter(ws, case_id, "initial_offer", on=ON, details=written)
    assert draft.ok and "am y drosedd hon: blacmel." in draft.rendered.text


# --- what the letter may say -------------------------------------------------------------


def test_the_release_is_told_as_a_month_never_a_day(ws, opted_in):
    draft = letters.prepare_letter(ws, opted_in, "key_date_update", on=ON)
    assert draft.ok, draft.reasons
    assert "likely to leave prison in March 2027." in draft.rendered.text
    assert "14" not in draft.rendered.text.replace("VCS-0000", "")


def test_an_estimate_or_a_past_date_is_never_given_as_the_release_month(ws, opted_in):
    case = _case(ws, opted_in)
    cases.add_key_date(ws, KeyDate(case.offender.id, "CRD", date(2026, 6, 1)))  # now past
    cases.add_key_date(ws, KeyDate(case.offender.id, "CRD", date(2027, 1, 9), source="estimate"))
    draft = letters.prepare_letter(ws, opted_in, "key_date_update", on=ON)
    assert draft.reasons == (
        "Blocked: the letter needs an official release date still to come (the letter gives"
        " its month).",
    )


@pytest.mark.parametrize(
    ("note", "reason"),
    [
        ("They are at HMP Northmoor.", "Blocked: the letter names the prison or hospital"),
        ("They leave on 14 March 2027.", "Blocked: the letter gives an exact release date"),
        ("Morgan Quill was also harmed.", "Blocked: the letter names another victim"),
        ("Call 07700 900777 if worried.", "Blocked: the letter contains another victim's"),
    ],
)
def test_what_a_victim_must_never_be_told_blocks_the_letter(ws, opted_in, note, reason):
    case = _case(ws, opted_in)
    cases.update_offender(ws, replace(case.offender, establishment="HMP Northmoor"))
    other = cases.create_victim(ws, Victim("Morgan", "Quill"))
    cases.add_contact_detail(ws, ContactDetail("phone", "07700 900777", victim_id=other))
    cases.create_link(ws, Link(other, case.offender.id, "Robbery", referral_date=date(2026, 10, 1)))
    details = letters.LetterDetails(personal_note=note)
    draft = letters.prepare_letter(ws, opted_in, "key_date_update", on=ON, details=details)
    assert not draft.ok
    assert any(r.startswith(reason) for r in draft.reasons), draft.reasons
    clean = letters.prepare_letter(ws, opted_in, "key_date_update", on=ON)
    assert clean.ok, clean.reasons


def test_do_not_post_blocks_and_offers_a_phone_task_instead(ws, case_id, office):
    _set_address(ws, _case(ws, case_id), do_not_post=True)
    draft = letters.prepare_letter(ws, case_id, "initial_offer", on=ON)
    assert draft.do_not_post
    assert "Blocked: the victim is marked do not post - arrange a phone call instead." in (
        draft.reasons
    )
    with pytest.raises(letters.LetterBlocked):
        letters.approve_letter(ws, draft)
    changed = letters.offer_phone_task(ws, case_id, "initial_offer", on=ON)
    task = next(t for t in _case(ws, case_id).tasks if t.id == changed.record_id)
    assert (
        task.title == "Phone the victim instead of writing: Victim Contact Scheme: offer of contact"
    )
    assert task.due_on == ON


@pytest.mark.parametrize(
    ("state", "template", "expected"),
    [
        (OptState.DECLINED, "initial_offer", "Blocked: the victim has declined"),
        (OptState.OPTED_IN, "initial_offer", "Blocked: the victim has already opted in."),
        (OptState.DECLINED, "key_date_update", "Blocked: the victim has not opted in"),
        (OptState.OFFERED, "opt_out_acknowledgement", "Blocked: the victim has not opted out"),
    ],
)
def test_letters_follow_what_the_victim_chose(ws, opted_in, state, template, expected):
    link = _case(ws, opted_in).link
    cases.update_link(ws, replace(link, opt_state=state))
    draft = letters.prepare_letter(ws, opted_in, template, on=ON)
    assert any(r.startswith(expected) for r in draft.reasons), draft.reasons


def test_no_offer_letter_for_a_case_that_is_not_eligible(ws, opted_in):
    """Blocked at review: producing it would fail midway, when intake refuses the offer
    (a `letters --due` run stopped there on the demo data)."""
    link = _case(ws, opted_in).link
    cases.update_link(
        ws, replace(link, opt_state=OptState.REFERRED, eligibility=Eligibility.NOT_ELIGIBLE)
    )
    draft = letters.prepare_letter(ws, opted_in, "initial_offer", on=ON)
    assert "Blocked: the case is not eligible for the scheme" in " ".join(draft.reasons)


# --- the log --------------------------------------------------------------------------------


def test_approving_logs_drafted_and_approved_with_the_hash(ws, opted_in):
    draft = letters.prepare_letter(ws, opted_in, "key_date_update", on=ON)
    changed = letters.approve_letter(ws, draft)
    assert changed.link_ids == (opted_in,)
    (record,) = _case(ws, opted_in).letters
    assert record.id == changed.record_id
    assert record.status is LetterStatus.APPROVED
    assert [e.event for e in record.events] == ["drafted", "approved"]
    assert {e.content_hash for e in record.events} == {draft.rendered.content_hash}
    assert record.template_version == draft.rendered.template_version
    assert record.recipient == "Ceri Prydderch"
    history = audit.history_for_case(ws.store.db, opted_in)
    assert [h.action for h in history if h.entity == "letter"] == ["update", "create"]
    assert audit.chain_problem(ws.store.db) is None


def pdf_text(path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_producing_keeps_an_a4_pdf_and_logs_it(ws, opted_in, tmp_path):
    draft = letters.prepare_letter(ws, opted_in, "key_date_update", on=ON)
    letter_id = letters.approve_letter(ws, draft).record_id
    done = letters.produce_letter(ws, letter_id, on=ON)
    assert done.event == "pdf_saved"
    assert done.path.is_relative_to(archive_folder(ws))
    assert done.path.name == f"VCS-{opted_in:06d}_key_date_update_{letter_id}.pdf"
    info = subprocess.run(["pdfinfo", str(done.path)], capture_output=True, text=True).stdout
    assert "595 x 842 pts (A4)" in info
    assert "March 2027" in " ".join(pdf_text(done.path).split())  # however the line wraps
    record = letters.get_letter(ws, letter_id)
    assert record.status is LetterStatus.PRINTED
    assert record.events[-1].pdf_path == str(done.path)
    assert record.events[-1].content_hash == draft.rendered.content_hash
    assert letters.kept_pdf(ws, letter_id) == done.path
    contact = _case(ws, opted_in).contact_log[0]
    assert (contact.kind, contact.outcome) == ("letter", "sent")


def test_reprinting_renders_the_same_words_and_logs_a_reprint(ws, opted_in):
    draft = letters.prepare_letter(ws, opted_in, "key_date_update", on=ON)
    letter_id = letters.approve_letter(ws, draft).record_id
    printer = FakePrinter()
    first = letters.produce_letter(ws, letter_id, on=ON, send_to_printer=printer)
    again = letters.produce_letter(ws, letter_id, on=ON, send_to_printer=printer)
    assert (first.event, again.event) == ("printed", "reprinted")
    assert printer.printed[0] == printer.printed[1] == draft.rendered.html
    assert again.path == first.path
    events = letters.get_letter(ws, letter_id).events
    assert [e.event for e in events] == ["drafted", "approved", "printed", "reprinted"]
    assert len({e.content_hash for e in events}) == 1


def test_an_address_made_unsafe_after_approval_stops_the_print(ws, opted_in):
    draft = letters.prepare_letter(ws, opted_in, "key_date_update", on=ON)
    letter_id = letters.approve_letter(ws, draft).record_id
    _set_address(ws, _case(ws, opted_in), safe_to_use=False)
    with pytest.raises(letters.LetterBlocked, match=r"marked unsafe.*withdrawn"):
        letters.produce_letter(ws, letter_id, on=ON)
    record = letters.get_letter(ws, letter_id)
    assert record.status is LetterStatus.WITHDRAWN
    assert record.pdf_path == ""
    assert not list(archive_folder(ws).rglob("*.pdf"))


def test_a_returned_letter_marks_the_address_and_makes_a_task(ws, opted_in):
    draft = letters.prepare_letter(ws, opted_in, "key_date_update", on=ON)
    letter_id = letters.approve_letter(ws, draft).record_id
    letters.produce_letter(ws, letter_id, on=ON)
    letters.mark_returned(ws, letter_id, on=ON, note="Royal Mail: addressee gone away")
    case = _case(ws, opted_in)
    assert case.letters[0].status is LetterStatus.RETURNED
    assert "Royal Mail: addressee gone away" in case.letters[0].events[-1].detail
    address = next(c for c in case.contacts if c.kind.value == "address")
    assert not address.safe_to_use
    assert address.note.startswith("Letter returned undelivered on 26/11/2026")
    assert "Address unsafe" in case.safety_flags
    task = next(t for t in case.tasks if t.rule == letters.RETURNED_MAIL_RULE)
    assert task.title == "Letter returned undelivered: check the victim's address"
    assert task.due_on == date(2026, 12, 3)
    after = letters.prepare_letter(ws, opted_in, "key_date_update", on=ON)
    assert "Blocked: the recipient address is marked unsafe." in after.reasons


def test_a_letter_that_was_not_sent_cannot_be_marked_returned(ws, opted_in):
    draft = letters.prepare_letter(ws, opted_in, "key_date_update", on=ON)
    letter_id = letters.approve_letter(ws, draft).record_id
    with pytest.raises(DomainError, match="printed or saved"):
        letters.mark_returned(ws, letter_id, on=ON)


def test_a_saved_draft_is_checked_again_when_approved(ws, opted_in):
    draft = letters.prepare_letter(ws, opted_in, "key_date_update", on=ON)
    letter_id = letters.save_draft(ws, draft).record_id
    assert letters.get_letter(ws, letter_id).status is LetterStatus.DRAFT
    with pytest.raises(DomainError, match="approve it before printing"):
        letters.produce_letter(ws, letter_id, on=ON)
    _set_address(ws, _case(ws, opted_in), do_not_post=True)
    with pytest.raises(letters.LetterBlocked, match="do not post"):
        letters.approve_saved(ws, letter_id, on=ON)
    _set_address(ws, _case(ws, opted_in), do_not_post=False)
    letters.approve_saved(ws, letter_id, on=ON)
    assert letters.get_letter(ws, letter_id).status is LetterStatus.APPROVED


def test_a_withdrawn_letter_cannot_be_printed(ws, opted_in):
    draft = letters.prepare_letter(ws, opted_in, "key_date_update", on=ON)
    letter_id = letters.approve_letter(ws, draft).record_id
    with pytest.raises(ValidationError):
        letters.withdraw_letter(ws, letter_id, "  ")
    letters.withdraw_letter(ws, letter_id, "Victim phoned: told in person")
    record = letters.get_letter(ws, letter_id)
    assert (record.status, record.events[-1].detail) == (
        LetterStatus.WITHDRAWN,
        "Victim phoned: told in person",
    )
    with pytest.raises(DomainError, match="withdrawn"):
        letters.produce_letter(ws, letter_id, on=ON)


def test_sending_the_offer_moves_the_case_to_offered(ws, case_id, office):
    on = TODAY
    draft = letters.prepare_letter(ws, case_id, "initial_offer", on=on)
    letter_id = letters.approve_letter(ws, draft).record_id
    letters.produce_letter(ws, letter_id, on=on)
    case = _case(ws, case_id)
    assert case.link.opt_state is OptState.OFFERED
    assert any(t.rule == "offer_follow_up" and t.done_on is None for t in case.tasks)


# --- template wording: versions -------------------------------------------------------------


def _second_senior_approves(ws, key: str, version: str, language=Language.ENGLISH) -> None:
    """Another senior VLO approves the version (then the workspace is its saver again)."""
    saver = ws.user
    ws.user = "second.senior"
    try:
        letters.approve_template_version(ws, key, language, version)
    finally:
        ws.user = saver


def test_an_old_letter_keeps_its_wording_after_a_new_version(ws, opted_in):
    ws.role = Role.SENIOR  # changing wording is a senior VLO's job
    old = letters.approve_letter(
        ws, letters.prepare_letter(ws, opted_in, "key_date_update", on=ON)
    ).record_id
    wording = letters.template_wording(ws, "key_date_update", Language.ENGLISH)
    assert wording.origin == "standard"
    body = wording.body.replace("I am writing to give you an update", "I am writing with news")
    version = letters.save_template_version(
        ws, "key_date_update", Language.ENGLISH, body, note="Shorter opening"
    )
    assert version != wording.version
    _second_senior_approves(ws, "key_date_update", version)
    new_draft = letters.prepare_letter(ws, opted_in, "key_date_update", on=ON)
    assert "I am writing with news" in new_draft.rendered.text
    assert new_draft.rendered.template_version == version
    old_words = letters.rendered_letter(ws, old)
    assert "I am writing to give you an update" in old_words.text
    assert old_words.template_version == wording.version
    history = letters.template_history(ws, "key_date_update", Language.ENGLISH)
    assert [(h["origin"], h["letters"]) for h in history] == [("edited", 0), ("standard", 1)]
    letters.restore_standard_wording(ws, "key_date_update", Language.ENGLISH)
    assert letters.template_wording(ws, "key_date_update", Language.ENGLISH).origin == "standard"


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ("{% if %}", LetterError),
        ("{{ offender_address }}", LetterError),
        ("They are held at HMP Northmoor.", letters.LetterBlocked),
        ("They leave on 14 March 2027.", letters.LetterBlocked),
    ],
)
def test_broken_or_unsafe_wording_is_refused(ws, office, change, error):
    ws.role = Role.SENIOR
    body = letters.template_wording(ws, "recall", Language.ENGLISH).body
    body = body.replace("{% block body %}", "{% block body %}<p>" + change + "</p>")
    with pytest.raises(error):
        letters.save_template_version(ws, "recall", Language.ENGLISH, body, note="test")
    assert letters.template_wording(ws, "recall", Language.ENGLISH).origin == "standard"


def test_only_a_named_senior_vlo_may_change_wording(ws, office):
    save_letter_settings(ws, replace(office, template_editors=("senior.vlo",)))
    body = letters.template_wording(ws, "recall", Language.ENGLISH).body
    with pytest.raises(DomainError, match="Only a senior VLO can change letter templates"):
        letters.save_template_version(ws, "recall", Language.ENGLISH, body, note="x")
    ws.role = Role.SENIOR  # a senior, but not one the settings name
    with pytest.raises(DomainError, match="senior VLO named in the letter settings"):
        letters.save_template_version(ws, "recall", Language.ENGLISH, body, note="x")
    with pytest.raises(DomainError, match="senior VLO named"):
        letters.restore_standard_wording(ws, "recall", Language.ENGLISH)


# --- plain words and kept context ------------------------------------------------------------


@pytest.mark.parametrize("language", list(Language))
@pytest.mark.parametrize(
    "sentence",
    [
        {"type": "SDS", "length_months": 30},
        {"type": "EDS", "length_months": 96, "custodial_months": 60},
        {"type": "SOPC", "length_months": 72},
        {"type": "LIFE", "length_months": None, "tariff_months": 180},
        {"type": "IPP", "length_months": None},
        {"type": "DTO", "length_months": 12},
        {"type": "HOSPITAL_ORDER_RESTRICTED", "length_months": None},
    ],
)
def test_every_sentence_has_plain_words_in_both_languages(sentence, language):
    text = letters.describe_sentence(sentence, "Jordan Sample", language)
    assert text.startswith(("Jordan Sample", "Cafodd Jordan Sample", "Mae Jordan Sample"))
    assert "None" not in text and "  " not in text
    if sentence["type"] == "SDS":
        assert ("2 years and 6 months" if language is Language.ENGLISH else
                "2 o flynyddoedd a 6 o fisoedd") in text  # fmt: skip


_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=40)
_words = _text.filter(clean_text)  # what survives cleaning: a name needs some


@settings(max_examples=60, deadline=None)
@given(
    name=_words,
    lines=st.lists(_words, min_size=1, max_size=4),
    note=_text,
    conditions=st.lists(_words, max_size=3),
    language=st.sampled_from(list(Language)),
    respond=st.one_of(st.none(), st.dates(date(2020, 1, 1), date(2040, 1, 1))),
    level=st.one_of(st.none(), st.sampled_from(list(ContactLevel))),
)
def test_a_kept_context_comes_back_the_same(name, lines, note, conditions, language, respond,
                                            level):  # fmt: skip
    ctx = LetterContext(
        recipient=Recipient(name, tuple(lines)),
        sender=Sender("Alex Morgan", VLO_PHONE, "a@probation.example", "Office", ("1 Way",)),
        letter_date=ON,
        language=language,
        victim_name=name,
        offender_name="Jordan Sample",
        offence="robbery",
        personal_note=note,
        conditions=tuple(conditions),
        respond_by=respond,
        contact_level=level,
        release_month="March 2027",
    )
    assert letters.context_from_json(letters.context_to_json(ctx)) == ctx


def test_a_follow_up_names_the_date_of_the_first_letter(ws, case_id, office):
    on = TODAY
    first = letters.approve_letter(ws, letters.prepare_letter(ws, case_id, "initial_offer", on=on))
    letters.produce_letter(ws, first.record_id, on=on)
    details = letters.suggest_details(ws, case_id, "follow_up", on=on + timedelta(days=30))
    assert details.first_letter_date == on
    assert details.respond_by is not None and details.respond_by > on


# --- hospital disposals, each in its own words (issue 17 item 22) -----------------------------

_HOSPITAL_WORDS = {
    "HOSPITAL_ORDER": ("hospital order without restrictions", "orchymyn ysbyty heb gyfyngiadau"),
    "HOSPITAL_ORDER_RESTRICTED": (
        "hospital order with restrictions",
        "orchymyn ysbyty gyda chyfyngiadau",
    ),
    "HOSPITAL_LIMITATION_DIRECTION": (
        "prison sentence of 6 years with a hospital and limitation direction",
        "ddedfryd o garchar am 6 o flynyddoedd gyda chyfarwyddyd ysbyty",
    ),
    "TRANSFER_DIRECTION": (
        "serving a prison sentence of 6 years and has been moved from prison to a secure hospital",
        "treulio dedfryd o garchar am 6 o flynyddoedd ac wedi cael ei symud o'r carchar",
    ),
}


@pytest.mark.parametrize("kind", _HOSPITAL_WORDS)
@pytest.mark.parametrize("language", list(Language))
def test_each_hospital_disposal_is_described_to_the_victim_in_its_own_words(kind, language):
    text = letters.describe_sentence({"type": kind, "length_months": 72}, "Jordan Sample",
                                     language)  # fmt: skip
    own = _HOSPITAL_WORDS[kind][language is Language.WELSH]
    assert own in text
    restricted = _HOSPITAL_WORDS["HOSPITAL_ORDER_RESTRICTED"][language is Language.WELSH]
    assert (restricted in text) == (kind == "HOSPITAL_ORDER_RESTRICTED")


def test_a_letter_about_a_prisoner_moved_to_hospital_says_so_not_hospital_order(ws, opted_in):
    """The sentence explanation reads the current sentence (a corrected one replaces it)."""
    offender_id = _case(ws, opted_in).offender.id
    sentences.record_sentence(
        ws, Sentence(offender_id, "HOSPITAL_ORDER_RESTRICTED", date(2025, 6, 2))
    )
    sentences.record_sentence(
        ws, Sentence(offender_id, "TRANSFER_DIRECTION", date(2025, 6, 2), length_months=72)
    )
    draft = letters.prepare_letter(ws, opted_in, "sentence_explanation", on=ON)
    assert "has been moved from prison to a secure hospital for treatment" in draft.rendered.text
    assert "hospital order with restrictions" not in draft.rendered.text
    details = letters.suggest_details(ws, opted_in, "hospital_update", on=ON)
    update = letters.prepare_letter(
        ws,
        opted_in,
        "hospital_update",
        on=ON,
        details=replace(details, hospital_update="Leave has been agreed."),
    )
    assert "who is being treated in hospital" in update.rendered.text
    assert "under a hospital order" not in update.rendered.text


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ({"type": "SDS", "length_weeks": 26}, "a prison sentence of 26 weeks"),
        ({"type": "FINE_DEFAULT", "length_days": 28}, "sent to prison for 28 days for not paying"),
        ({"type": "S250", "length_months": 30}, "2 years and 6 months of detention"),
    ],
)
def test_terms_in_weeks_and_days_default_terms_and_detention_have_plain_words(sentence, words):
    assert words in letters.describe_sentence(sentence, "Jordan Sample", Language.ENGLISH)
    assert letters.describe_sentence(sentence, "Jordan Sample", Language.WELSH).startswith(
        "Cafodd Jordan Sample"
    )


# --- printing: the gate's answer to what the print system said (issue 24) -----------------


def _approved_offer(ws, case_id) -> int:
    """An approved initial offer (sending it moves the case to offered)."""
    draft = letters.prepare_letter(ws, case_id, "initial_offer", on=ON)
    return letters.approve_letter(ws, draft).record_id


def test_a_print_the_printer_refused_is_logged_and_not_sent(ws, case_id, office):
    letter_id = _approved_offer(ws, case_id)
    with pytest.raises(NotPrinted, match=r"^Not printed: the printer Office did not accept it"):
        letters.produce_letter(
            ws, letter_id, on=ON, send_to_printer=FakePrinter(state=JobState.REFUSED)
        )
    record = letters.get_letter(ws, letter_id)
    assert [e.event for e in record.events] == ["drafted", "approved", "not_printed"]
    assert record.status is LetterStatus.APPROVED
    assert _case(ws, case_id).link.opt_state is OptState.REFERRED  # not offered: not sent


def test_a_held_print_sends_the_letter_only_when_its_job_completes(ws, case_id, office):
    letter_id = _approved_offer(ws, case_id)
    printer = FakePrinter(state=JobState.HELD)
    done = letters.produce_letter(ws, letter_id, on=ON, send_to_printer=printer)
    assert done.awaiting_printer
    assert letters.get_letter(ws, letter_id).awaiting_printer == "Office (job 1)"
    assert _case(ws, case_id).link.opt_state is OptState.REFERRED
    assert letters.settle_print_jobs(ws, state_of=printer.state_of) is None  # still held
    printer.states[1] = JobState.COMPLETED
    assert letters.settle_print_jobs(ws, state_of=printer.state_of).link_ids == (case_id,)
    assert _case(ws, case_id).link.opt_state is OptState.OFFERED
    assert not letters.get_letter(ws, letter_id).awaiting_printer


def test_a_cancelled_first_print_is_not_sent_and_can_be_printed_again(ws, case_id, office):
    letter_id = _approved_offer(ws, case_id)
    printer = FakePrinter(state=JobState.HELD)
    letters.produce_letter(ws, letter_id, on=ON, send_to_printer=printer)
    printer.states[1] = JobState.CANCELED
    letters.settle_print_jobs(ws, state_of=printer.state_of)
    record = letters.get_letter(ws, letter_id)
    assert record.status is LetterStatus.APPROVED and not record.awaiting_printer
    assert [e.event for e in record.events][-2:] == ["printed", "not_printed"]
    assert _case(ws, case_id).link.opt_state is OptState.REFERRED
    printer.state = JobState.COMPLETED
    again = letters.produce_letter(ws, letter_id, on=ON, send_to_printer=printer)
    assert again.event == "printed"  # the first print that reached paper
    assert _case(ws, case_id).link.opt_state is OptState.OFFERED


def test_a_reprint_takes_over_sending_when_the_first_job_is_cancelled(ws, case_id, office):
    letter_id = _approved_offer(ws, case_id)
    printer = FakePrinter(state=JobState.HELD)
    letters.produce_letter(ws, letter_id, on=ON, send_to_printer=printer)
    printer.state = JobState.COMPLETED
    assert letters.produce_letter(ws, letter_id, on=ON, send_to_printer=printer).event == (
        "reprinted"
    )
    printer.states[1] = JobState.ABORTED
    letters.settle_print_jobs(ws, state_of=printer.state_of)
    record = letters.get_letter(ws, letter_id)
    assert record.status is LetterStatus.PRINTED
    assert _case(ws, case_id).link.opt_state is OptState.OFFERED


def test_after_a_saved_pdf_the_first_print_is_logged_printed(ws, opted_in, tmp_path):
    letter_id = letters.approve_letter(
        ws, letters.prepare_letter(ws, opted_in, "key_date_update", on=ON)
    ).record_id
    letters.produce_letter(ws, letter_id, on=ON, copy_to=tmp_path / "copy.pdf")
    done = letters.produce_letter(ws, letter_id, on=ON, send_to_printer=FakePrinter())
    assert done.event == "printed"
    detail = json.loads(letters.get_letter(ws, letter_id).events[-1].detail)
    assert detail == {"printer": "Office", "job": 1, "state": "completed"}


def test_when_the_print_system_cannot_be_asked_nothing_changes(ws, case_id, office):
    letter_id = _approved_offer(ws, case_id)
    letters.produce_letter(
        ws, letter_id, on=ON, send_to_printer=FakePrinter(state=JobState.PENDING)
    )
    assert letters.settle_print_jobs(ws, state_of=lambda printer, job: None) is None
    assert letters.get_letter(ws, letter_id).awaiting_printer


# --- template wording: a second senior approves (issue 16 §7) ------------------------------

HIDDEN = (
    "{% if victim_name != 'Ceri Prydderch' %}<p>Do not contact this office again.</p>{% endif %}"
)


def test_wording_hidden_from_the_preview_is_used_only_after_a_second_senior_approves(ws, opted_in):
    """The attack: a condition on the invented case hides wording from its author's
    preview, and batch letters then print it. Saved wording now waits for a second
    senior, who sees exactly what changed, before any letter uses it."""
    ws.role = Role.SENIOR
    wording = letters.template_wording(ws, "key_date_update", Language.ENGLISH)
    body = wording.body.replace("{% block body %}", "{% block body %}" + HIDDEN)
    rendered, reasons = letters.preview_wording("key_date_update", Language.ENGLISH, body)
    assert reasons == [] and "Do not contact" not in rendered.text  # the preview hides it
    version = letters.save_template_version(
        ws, "key_date_update", Language.ENGLISH, body, note="Tidier opening"
    )
    # Saved, but not used: letters still go out in the approved wording.
    letter = letters.prepare_letter(ws, opted_in, "key_date_update", on=ON)
    assert letter.rendered.template_version == wording.version
    assert "Do not contact" not in letter.rendered.text
    assert letters.template_wording(ws, "key_date_update", Language.ENGLISH).version != version
    history = letters.template_history(ws, "key_date_update", Language.ENGLISH)
    assert history[0]["status"] == "pending" and history[0]["saved_by"] == ws.user
    # Its author cannot approve it.
    review = letters.wording_for_approval(ws, "key_date_update", Language.ENGLISH, version)
    assert not review.may_approve and "another senior VLO" in review.why_not
    with pytest.raises(DomainError, match="another senior VLO must approve"):
        letters.approve_template_version(ws, "key_date_update", Language.ENGLISH, version)
    # Nor can a VLO.
    ws.user, ws.role = "vlo.two", Role.VLO
    with pytest.raises(DomainError, match="Only a senior VLO"):
        letters.approve_template_version(ws, "key_date_update", Language.ENGLISH, version)
    # The second senior sees the hidden condition in what changed, and approves.
    ws.user, ws.role = "second.senior", Role.SENIOR
    review = letters.wording_for_approval(ws, "key_date_update", Language.ENGLISH, version)
    assert review.may_approve
    added = [line for line in review.diff.splitlines() if line.startswith("+")]
    assert any("{% if victim_name != 'Ceri Prydderch' %}" in line for line in added)
    letters.approve_template_version(ws, "key_date_update", Language.ENGLISH, version)
    letter = letters.prepare_letter(ws, opted_in, "key_date_update", on=ON)
    assert letter.rendered.template_version == version
    rows = ws.store.db.execute(
        "SELECT who, action FROM audit WHERE entity = 'letter_template' ORDER BY id"
    ).fetchall()
    assert rows == [("test.vlo", "propose"), ("second.senior", "update")]


# --- issue 17: the task a letter answers ----------------------------------------------


def test_a_letter_written_from_the_case_closes_the_task_it_answers(ws, opted_in):
    offender_id = _case(ws, opted_in).offender.id
    crd = KeyDate(offender_id, "CRD", date(2027, 4, 20), received_on=date(2026, 11, 20))
    sentences.record_key_date(ws, crd, origin="prison")
    (task,) = [t for t in _case(ws, opted_in).tasks if t.rule == "key_date_update"]
    draft = letters.prepare_letter(ws, opted_in, "key_date_update", on=ON)  # no task given
    assert draft.ok and draft.task_id == task.id
    letter_id = letters.approve_letter(ws, draft).record_id
    assert letters.get_letter(ws, letter_id).task_id == task.id
    letters.produce_letter(ws, letter_id, on=ON)
    (done,) = [t for t in _case(ws, opted_in).tasks if t.id == task.id]
    assert (done.done_on, done.outcome) == (ON, "done")
    # Nothing is left for the batch route to write again.
    assert letters.review_due(ws, on=ON + timedelta(days=30)).drafts == ()


# --- issue 17: letters that fit the sentence ------------------------------------------


def _sentence(ws, case_id, kind: str, **terms) -> None:
    offender_id = _case(ws, case_id).offender.id
    sentences.record_sentence(ws, Sentence(offender_id, kind, date(2024, 5, 1), **terms))


def test_no_parole_letter_for_a_standard_determinate_sentence(ws, opted_in):
    _sentence(ws, opted_in, "SDS", length_months=48)
    draft = letters.prepare_letter(ws, opted_in, "parole_starting", on=ON)
    assert draft.reasons == (
        "Blocked: a standard determinate sentence has no Parole Board review (no official"
        " parole eligibility date is on file), so the parole letters do not fit this case.",
    )
    hdc = letters.prepare_letter(ws, opted_in, "hdc_representations", on=ON)
    assert hdc.ok  # an SDS can have home detention curfew
    hospital = letters.prepare_letter(ws, opted_in, "hospital_update", on=ON)
    assert "the hospital update is for hospital disposals" in " ".join(hospital.reasons)


def test_parole_letters_fit_extended_and_life_sentences_and_an_official_ped(ws, opted_in):
    _sentence(ws, opted_in, "LIFE", tariff_months=180)
    assert letters.prepare_letter(ws, opted_in, "parole_starting", on=ON).ok
    hdc = letters.prepare_letter(ws, opted_in, "hdc_representations", on=ON)
    assert hdc.reasons == ("Blocked: home detention curfew is not available for a life sentence.",)
    _sentence(ws, opted_in, "SDS", length_months=96)  # e.g. an older sentence with parole
    offender_id = _case(ws, opted_in).offender.id
    cases.add_key_date(ws, KeyDate(offender_id, "PED", date(2027, 9, 1), received_on=ON))
    assert letters.prepare_letter(ws, opted_in, "parole_starting", on=ON).ok


def test_the_review_started_clock_drives_the_parole_letter_not_the_six_month_warning(ws, opted_in):
    _sentence(ws, opted_in, "EDS", custodial_months=72, extension_months=48)
    offender_id = _case(ws, opted_in).offender.id
    sentences.record_key_date(
        ws,
        KeyDate(offender_id, "PED", date(2027, 5, 1), received_on=date(2026, 10, 1)),
        origin="prison",
    )
    lead = [t for t in _case(ws, opted_in).tasks if t.rule == "parole_review_lead"]
    assert lead and lead[0].due_on <= ON
    due = letters.review_due(ws, on=ON)
    assert [d.template_key for d in due.drafts if d.template_key == "parole_starting"] == []
    events.record_event(
        ws,
        SentenceEvent(offender_id, EventKind.PAROLE_REVIEW_START, date(2026, 11, 2),
                      date(2026, 11, 3)),
    )  # fmt: skip
    (started,) = [t for t in _case(ws, opted_in).tasks if t.rule == "parole_review_vps"]
    due = letters.review_due(ws, on=started.due_on)
    (letter,) = [d for d in due.drafts if d.template_key == "parole_starting"]
    assert letter.task_id == started.id and letter.ok


# --- issue 17: a deadline never on a bank holiday --------------------------------------


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", "25 December 2026 is a bank holiday, so you have until the next working day."),
        ("cy", "Mae 25 Rhagfyr 2026 yn ŵyl banc, felly mae gennych tan y diwrnod gwaith nesaf."),
    ],
)
def test_hdc_representations_from_11_december_are_due_after_christmas(
    ws, opted_in, language, words
):
    _sentence(ws, opted_in, "SDS", length_months=30)
    case = _case(ws, opted_in)
    cases.update_victim(ws, replace(case.victim, language=language))
    on = date(2026, 12, 11)
    assert letters.suggest_details(ws, opted_in, "hdc_representations", on=on).respond_by == (
        date(2026, 12, 25)  # 14 calendar days: Christmas Day
    )
    draft = letters.prepare_letter(ws, opted_in, "hdc_representations", on=on)
    # 26 Dec is a Saturday, 27 a Sunday, 28 the substitute Boxing Day: Tuesday 29th.
    assert draft.context.respond_by == date(2026, 12, 29)
    text = " ".join(draft.rendered.text.split())
    assert ("29 December 2026" if language == "en" else "29 Rhagfyr 2026") in text
    assert words in text
    assert any("25/12/2026 is not a working day" in w for w in draft.warnings)
    if language == "en":
        assert draft.ok


# --- issue 17: Welsh letters say the case's words in Welsh -----------------------------


def _decided_request(ws, case_id, kind, values, decision, reason=""):
    from vcs_app.domain.conditions import ConditionDraft
    from vcs_app.services import conditions

    template = conditions.catalogue().get(kind)
    request_id = conditions.request_condition(
        ws,
        ConditionDraft(
            case_id, kind, template.fill(values), "She is afraid.", "Contact", date(2026, 10, 5),
            values=tuple(values.items()),
        ),
    ).record_id  # fmt: skip
    with ws.store.atomic() as db:  # decided: the OM's reply, as recorded
        db.execute(
            "UPDATE condition_request SET status = 'decided', decision = ?, decision_reason = ?,"
            " decision_on = ? WHERE id = ?",
            [decision, reason, "2026-11-10", request_id],
        )
    return request_id


def test_a_welsh_letter_gives_the_catalogues_welsh_condition_wording(ws, opted_in):
    case = _case(ws, opted_in)
    cases.update_victim(ws, replace(case.victim, language=Language.WELSH))
    _decided_request(ws, opted_in, "no_contact", {"persons": "Ceri Prydderch"}, "included")
    draft = letters.prepare_letter(ws, opted_in, "release_on_licence", on=ON)
    assert draft.ok, draft.reasons
    assert draft.context.conditions == (
        "Peidio â mynd at Ceri Prydderch na chyfathrebu â nhw, yn uniongyrchol nac yn"
        " anuniongyrchol (gan gynnwys drwy bobl eraill, dros y ffôn, yn ysgrifenedig neu"
        " ar-lein), heb gymeradwyaeth eich swyddog goruchwylio ymlaen llaw.",
    )
    assert "Not to approach" not in draft.rendered.text
    assert any("details typed on the request (Ceri Prydderch)" in w for w in draft.warnings)


def test_a_welsh_letter_asks_for_english_free_text_in_welsh(ws, opted_in):
    case = _case(ws, opted_in)
    cases.update_victim(ws, replace(case.victim, language=Language.WELSH))
    _decided_request(
        ws, opted_in, "other", {"wording": "Not to loiter near Example Park."}, "refused",
        "Not necessary: he will live 100 miles away.",
    )  # fmt: skip
    draft = letters.prepare_letter(ws, opted_in, "condition_refused", on=ON)
    assert draft.reasons == (
        "Blocked: the licence condition 'Not to loiter near Example Park.' is on file in"
        " English only - write it in Welsh for this letter.",
        "Blocked: the reason for the refusal is the offender manager's English - write it"
        " in Welsh for this letter.",
    )
    written = letters.LetterDetails(
        conditions=("Peidio ag oedi ger Parc Enghraifft.",),
        refusal_reason="Nid oedd angen: bydd yn byw 100 milltir i ffwrdd.",
    )
    draft = letters.prepare_letter(ws, opted_in, "condition_refused", on=ON, details=written)
    assert draft.ok, draft.reasons
    decision = letters.LetterDetails(decision_summary="The Parole Board has directed release.")
    _sentence(ws, opted_in, "EDS", custodial_months=72, extension_months=48)
    draft = letters.prepare_letter(ws, opted_in, "parole_decision", on=ON, details=decision)
    assert "Welsh letter: check that the decision in plain words is in Welsh." in draft.warnings


def test_every_catalogue_condition_has_welsh_wording_with_the_same_placeholders():
    from vcs_app.domain.conditions import load_condition_catalogue

    for template in load_condition_catalogue().templates:
        assert template.title_cy and template.wording_cy, template.key
        values = {p.key: "X" for p in template.placeholders}
        if template.key != "other":  # free text: written in the letter's language
            assert template.fill(values, Language.WELSH) != template.fill(values)


# --- one contact for one offer (issue 18 item 10) --------------------------------------


def test_recording_offered_then_producing_the_offer_letter_logs_one_contact(
    ws, case_id, office, tmp_path
):
    intake.record_opt_change(ws, case_id, OptState.OFFERED, on=ON, source="letter")
    letter_id = _approved_offer(ws, case_id)
    letters.produce_letter(ws, letter_id, on=ON, copy_to=tmp_path / "offer.pdf")
    offers = [c for c in _case(ws, case_id).contact_log if "offer" in c.summary.casefold()]
    assert [(c.happened_on, c.kind) for c in offers] == [(ON, "letter")]
    # A second offer letter later is a second contact.
    again = _approved_offer(ws, case_id)
    letters.produce_letter(ws, again, on=ON, copy_to=tmp_path / "again.pdf")
    offers = [c for c in _case(ws, case_id).contact_log if "offer" in c.summary.casefold()]
    assert len(offers) == 2


def test_an_offer_recorded_by_phone_and_then_a_letter_are_two_contacts(
    ws, case_id, office, tmp_path
):
    intake.record_opt_change(ws, case_id, OptState.OFFERED, on=ON, source="phone call")
    letters.produce_letter(ws, _approved_offer(ws, case_id), on=ON, copy_to=tmp_path / "o.pdf")
    assert len(_case(ws, case_id).contact_log) == 2
