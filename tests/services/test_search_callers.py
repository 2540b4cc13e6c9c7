"""Search finds a case by what a caller says (issue 18, item 4): the parent or guardian,
the person the contact acts for, the OM's name, a phone number however it is spaced and
a postcode with or without its space; each stays in step when it is changed."""

from __future__ import annotations

from dataclasses import replace

from vcs_app.domain.model import ContactDetail, ContactKind
from vcs_app.services import cases, intake


def _find(ws, text: str) -> list[int]:
    return cases.caseload_ids(ws, text=text)


def test_the_parent_or_guardian_finds_the_case(ws, case_id):
    victim = cases.open_case(ws, case_id).victim
    cases.update_victim(ws, replace(victim, guardian_name="Morwenna Tredinnick"))
    assert _find(ws, "tredinnick") == [case_id]
    assert _find(ws, "morw tred") == [case_id]


def test_the_person_acted_for_finds_the_case(ws, case_id):
    link = cases.open_case(ws, case_id).link
    record = intake.referral_record(ws, case_id)
    changes = intake.ReferralChanges(
        offence=link.offence,
        offence_category=link.offence_category,
        referral_date=link.referral_date,
        sentence_date=link.sentence_date,
        sentence_type=record.sentence_type,
        custody_months=record.custody_months,
        referrer=link.referrer,
        vlo=link.vlo,
        acting_for="Peregrine Vosper (deceased)",
        relationship="Son",
    )
    intake.update_referral(ws, case_id, changes)
    assert _find(ws, "vosper") == [case_id]


def test_the_om_finds_their_cases_and_not_after_the_case_moves(ws, case_id):
    link = cases.open_case(ws, case_id).link
    cases.update_link(ws, replace(link, om_name="Kit Harrowby"))
    assert _find(ws, "harrowby") == [case_id]
    cases.update_link(ws, replace(link, om_name="Drew Pellow"))
    assert _find(ws, "harrowby") == [] and _find(ws, "pellow") == [case_id]


def test_a_phone_number_however_it_is_said(ws, case_id):
    victim_id = cases.open_case(ws, case_id).victim.id
    cases.add_contact_detail(
        ws, ContactDetail(ContactKind.PHONE, "07700 900461", victim_id=victim_id)
    )
    for said in ("07700 900461", "07700900461", "0770 090 0461", "+44 7700 900461", "07700 9004"):
        assert _find(ws, said) == [case_id], said
    assert _find(ws, "07700 900462") == []


def test_a_postcode_with_or_without_its_space(ws, case_id):
    # The case_id fixture's address is "12 Example Road / Anytown / ZZ99 1AA".
    for said in ("ZZ99 1AA", "zz991aa", "zz99 1a"):
        assert _find(ws, said) == [case_id], said
    assert _find(ws, "example road") == []  # the street is not what a search is for


def test_the_status_and_vlo_a_search_counts_by_follow_the_case(ws, case_id):
    link = cases.open_case(ws, case_id).link
    cases.update_link(ws, replace(link, vlo="Sam Rhydderch"))
    assert cases.caseload_ids(ws, text="prydderch", vlo="Sam Rhydderch") == [case_id]
    query = cases.CaseloadQuery(text="prydderch", vlo="Sam Rhydderch")
    assert cases.caseload_count(ws, query) == 1
    cases.archive_case(ws, case_id)
    assert cases.caseload_count(ws, query) == 0
    assert cases.caseload_count(ws, replace(query, status="archived")) == 1
