"""Who is on the scheme (issue 17, items 13-15): referrals with sentences before the 2013
Code, suspended sentences, and a same-named offender entered without any identifier."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from vcs_app.domain.model import (
    ContactDetail,
    Eligibility,
    Offender,
    Referral,
    Victim,
)
from vcs_app.domain.sentence import Sentence
from vcs_app.services import cases, intake, referral_import, sentences
from vcs_app.services.intake import SEPARATE, MatchDecision, PossibleDuplicate
from vcs_app.storage import repo_events


def _referral(**changes) -> Referral:
    base = Referral(
        victim=Victim("Ceri", "Prydderch", dob=date(1960, 5, 1)),
        offender=Offender("Dorian", "Quayle", dob=date(1955, 2, 3), crn="X123456"),
        offence="Murder",
        referral_date=date(2026, 10, 1),
        sentence_date=date(2005, 3, 1),
        sentence_type="LIFE",
        vlo="Alex Morgan",
        contacts=(ContactDetail("phone", "07700 900123"),),
    )
    return replace(base, **changes)


def test_a_lifer_sentenced_in_2005_can_be_referred_under_the_rules_of_the_day(ws):
    link_id = intake.register_referral(ws, _referral()).link_ids[0]
    case = cases.open_case(ws, link_id)
    assert (case.link.eligibility, case.link.rules_version) == (Eligibility.STATUTORY, "2001-04")
    assert case.link.eligibility_reason == "Statutory: a life sentence for a violent offence."
    (task,) = repo_events.open_tasks(ws.store.db, link_id, "referral_to_offer")
    assert "[rules 2021-04]" in task.rule_text  # the offer clock counts from today's referral


def test_an_old_referral_imports_from_csv(ws):
    row = {
        "referral_date": "2009-06-01",
        "victim_given_name": "Ceri",
        "victim_family_name": "Prydderch",
        "offender_given_name": "Dorian",
        "offender_family_name": "Quayle",
        "offence": "Rape",
        "offence_category": "sexual",
        "sentence_date": "2009-05-20",
        "sentence_type": "IPP",
        "address": "1 Example Road|Anytown",
    }
    data = referral_import.write_csv([row])
    report = referral_import.import_referrals(ws, data, file_name="old.csv")
    assert report.committed and report.problems == ()
    link = cases.open_case(ws, cases.caseload_ids(ws)[0]).link
    assert (link.eligibility, link.rules_version) == (Eligibility.STATUTORY, "2005-07")
    (task,) = repo_events.open_tasks(ws.store.db, link.id, "referral_to_offer")
    assert "40 working days" in task.rule_text and "[rules 2005-07]" in task.rule_text


def test_a_suspended_sentence_is_recorded_and_not_eligible_with_the_reason(ws):
    ref = _referral(
        offence="Assault occasioning actual bodily harm",
        sentence_date=date(2026, 9, 20),
        sentence_type="SSO",
        custody_months=18,
    )
    link_id = intake.register_referral(ws, ref).link_ids[0]
    case = cases.open_case(ws, link_id)
    assert case.link.eligibility is Eligibility.NOT_ELIGIBLE
    assert "suspended sentence of 18 months is served in the community" in (
        case.link.eligibility_reason
    )
    assert repo_events.open_tasks(ws.store.db, link_id, "referral_to_offer") == []
    assert case.sentence_file.sentence.type.value == "SSO"
    assert case.sentence_file.estimates.items == ()
    with pytest.raises(Exception, match="up to 2 years"):
        Sentence(case.offender.id, "SSO", date(2026, 9, 20), length_months=30)
    sentences.record_sentence(
        ws, Sentence(case.offender.id, "SSO", date(2026, 9, 20), length_months=12)
    )


def test_a_same_named_offender_without_identifiers_is_a_possible_match(ws):
    """The merged victim is already linked to an offender of the same name: entering that
    name again with no date of birth, CRN or prison number is offered as a match."""
    first = intake.register_referral(ws, _referral(sentence_date=date(2020, 5, 1))).link_ids[0]
    victim_id = cases.open_case(ws, first).victim.id
    bare = _referral(
        offender=Offender("Dorian", "Quayle"),
        offence="Threats to kill",
        sentence_date=date(2024, 1, 5),
        sentence_type="SDS",
        custody_months=24,
    )
    matches = intake.find_matches(ws, bare)
    (offender,) = matches.offenders
    assert offender.person.crn == "X123456" and not offender.same_reference
    assert offender.reason == (
        "same name, linked to the matching victim; no date of birth, CRN or prison number"
        " given to compare"
    )
    with pytest.raises(PossibleDuplicate, match="offender may already be on file"):
        intake.register_referral(ws, bare, MatchDecision(victim=victim_id))
    second = intake.register_referral(
        ws, bare, MatchDecision(victim=victim_id, offender=SEPARATE)
    ).link_ids[0]
    assert cases.open_case(ws, second).offender.id != cases.open_case(ws, first).offender.id


def test_a_same_named_offender_of_an_unrelated_victim_is_not_offered(ws):
    intake.register_referral(ws, _referral())
    other = _referral(
        victim=Victim("Morgan", "Example", dob=date(1990, 1, 1)),
        offender=Offender("Dorian", "Quayle"),
    )
    assert intake.find_matches(ws, other).offenders == ()
