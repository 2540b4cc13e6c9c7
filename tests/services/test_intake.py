"""Referral intake against a real database: matching, eligibility, opt-in clocks, turning 18."""

from __future__ import annotations

import calendar
import json
from dataclasses import replace
from datetime import date, timedelta

import pytest
from fixed_day import TODAY
from hypothesis import given
from hypothesis import strategies as st

from vcs_app.domain.calendar import add_working_days
from vcs_app.domain.model import (
    AccessDenied,
    Channel,
    ContactDetail,
    ContactLevel,
    Eligibility,
    Offender,
    OptState,
    Referral,
    Role,
    ValidationError,
    Victim,
    VictimRole,
    age_on,
    eighteenth_birthday,
)
from vcs_app.services import cases, intake
from vcs_app.services.intake import SEPARATE, MatchDecision, PossibleDuplicate, ReferralChanges
from vcs_app.storage import audit, repo_events

REFERRED = date(2026, 10, 1)  # a Thursday


def referral(**changes) -> Referral:
    base = Referral(
        victim=Victim("Ceri", "Prydderch", dob=date(1980, 5, 1)),
        offender=Offender("Dorian", "Quayle", dob=date(1975, 2, 3), crn="X123456"),
        offence="Wounding with intent",
        referral_date=REFERRED,
        sentence_date=date(2026, 9, 20),
        sentence_type="SDS",
        custody_months=36,
        vlo="Alex Morgan",
        contacts=(ContactDetail("phone", "07700 900123"),),
    )
    return replace(base, **changes)


def open_tasks(ws, link_id, rule):
    return repo_events.open_tasks(ws.store.db, link_id, rule)


def table_counts(ws) -> dict[str, int]:
    tables = ("victim", "offender", "link", "contact_detail", "task", "opt_history", "referral")
    db = ws.store.db
    return {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}


def register(ws, ref=None, decision=None) -> int:
    return intake.register_referral(ws, ref or referral(), decision).link_ids[0]


# --- registering ----------------------------------------------------------------------


def test_a_referral_becomes_a_case_with_eligibility_and_the_offer_clock(ws):
    link_id = register(ws)
    case = cases.open_case(ws, link_id)
    assert case.victim.full_name == "Ceri Prydderch"
    assert case.offender.crn == "X123456"
    assert case.link.eligibility is Eligibility.STATUTORY
    assert "36 months" in case.link.eligibility_reason
    assert case.link.rules_version == "2021-04"
    assert case.contacts[0].value == "07700 900123"
    assert case.referral.sentence_type.value == "SDS" and case.referral.custody_months == 36
    assert case.opt_history[0][1] is OptState.REFERRED
    (task,) = open_tasks(ws, link_id, "referral_to_offer")
    assert task.due_on == add_working_days(REFERRED, 20)
    assert "20 working days" in task.rule_text


def test_the_sentence_from_the_referral_is_recorded_for_the_offender(ws):
    link_id = register(ws)
    offender_id = cases.open_case(ws, link_id).offender.id
    row = ws.store.db.execute(
        "SELECT type, length_months, sentence_date FROM sentence WHERE offender_id = ?",
        [offender_id],
    ).fetchone()
    assert row == ("SDS", 36.0, "2026-09-20")


def test_not_eligible_referral_has_no_offer_clock(ws):
    link_id = register(ws, referral(custody_months=6, offence_category="other"))
    case = cases.open_case(ws, link_id)
    assert case.link.eligibility is Eligibility.NOT_ELIGIBLE
    assert open_tasks(ws, link_id, "referral_to_offer") == []


def test_older_referrals_are_judged_by_older_rules(ws):
    old = referral(referral_date=date(2020, 6, 1), sentence_date=date(2020, 5, 20))
    link_id = register(ws, old)
    assert cases.open_case(ws, link_id).link.rules_version == "2013-12"
    (task,) = open_tasks(ws, link_id, "referral_to_offer")
    assert task.due_on == add_working_days(date(2020, 6, 1), 40)


def test_bereaved_relative_must_say_who_they_act_for():
    bereaved = replace(referral().victim, role=VictimRole.BEREAVED_RELATIVE)
    with pytest.raises(ValidationError, match="acts for someone"):
        referral(victim=bereaved)
    ok = referral(victim=bereaved, acting_for="Gethin Prydderch", relationship="mother")
    assert ok.acting_for == "Gethin Prydderch"


def test_representative_details_are_kept_with_the_case(ws):
    rep = replace(referral().victim, role=VictimRole.REPRESENTATIVE)
    link_id = register(ws, referral(victim=rep, acting_for="Wren Zeal", relationship="advocate"))
    record = cases.open_case(ws, link_id).referral
    assert (record.acting_for, record.relationship) == ("Wren Zeal", "advocate")


# --- duplicates -----------------------------------------------------------------------


def test_same_victim_and_offender_are_never_silently_duplicated(ws):
    register(ws)
    before = table_counts(ws)
    again = referral(
        victim=Victim("CERI", "Prýdderch", dob=date(1980, 5, 1)),  # case and accents ignored
        offence="Robbery",
    )
    with pytest.raises(PossibleDuplicate, match="victim may already be on file"):
        intake.register_referral(ws, again)
    assert table_counts(ws) == before


def test_matches_show_why_and_the_cases_on_file_and_looking_is_audited(ws):
    first = register(ws)
    matches = intake.find_matches(ws, referral())
    (victim,) = matches.victims
    (offender,) = matches.offenders
    assert victim.reason == "same name and date of birth" and not victim.same_reference
    assert offender.reason == "same CRN" and offender.same_reference
    assert [c.id for c in victim.cases] == [first]
    last = ws.store.db.execute(
        "SELECT action, entity, detail FROM audit ORDER BY id DESC"
    ).fetchone()
    assert last[:2] == ("view", "duplicate_check")
    assert json.loads(last[2])["victims"] == [victim.person.id]


def test_offender_matches_by_prison_number_or_name_and_birth_date(ws):
    register(
        ws, referral(offender=Offender("Dorian", "Quayle", dob=date(1975, 2, 3), nomis="A1234BC"))
    )
    by_nomis = referral(offender=Offender("D", "Q", nomis="a1234bc"))
    assert intake.find_matches(ws, by_nomis).offenders[0].reason == "same prison number"
    by_name = referral(offender=Offender("dorian", "QUAYLE", dob=date(1975, 2, 3)))
    assert intake.find_matches(ws, by_name).offenders[0].reason == "same name and date of birth"
    other_dob = referral(offender=Offender("Dorian", "Quayle", dob=date(1976, 2, 3)))
    assert intake.find_matches(ws, other_dob).offenders == ()


def test_merge_adds_the_case_to_the_people_on_file(ws):
    first = register(ws)
    case = cases.open_case(ws, first)
    second_offender = referral(
        offender=Offender("Percy", "Greatorex", crn="X654321"),
        contacts=(ContactDetail("phone", "07700 900123"), ContactDetail("email", "c@example.org")),
    )
    before = table_counts(ws)
    second = register(ws, second_offender, MatchDecision(victim=case.victim.id))
    after = table_counts(ws)
    assert after["victim"] == before["victim"]
    assert after["offender"] == before["offender"] + 1
    assert after["contact_detail"] == before["contact_detail"] + 1  # the phone was known
    assert cases.open_case(ws, second).victim.id == case.victim.id
    actions = [(h.action, h.entity) for h in audit.history_for_case(ws.store.db, second)]
    assert ("create", "link") in actions


def test_merge_fills_blanks_but_never_overwrites(ws):
    first = register(ws, referral(victim=Victim("Ceri", "Prydderch")))  # no date of birth
    on_file = cases.open_case(ws, first).victim
    incoming = referral(
        victim=Victim("Ceri", "Prydderch", dob=date(1980, 5, 1), accessibility="Large print"),
        offender=Offender("Percy", "Greatorex", crn="X654321"),
    )
    matches = intake.find_matches(ws, incoming)
    assert matches.victims[0].reason == "same name; date of birth not known on both"
    register(ws, incoming, MatchDecision(victim=on_file.id))
    merged = cases.open_case(ws, first).victim
    assert merged.dob == date(1980, 5, 1) and merged.accessibility == "Large print"


def test_keep_separate_creates_a_new_victim(ws):
    register(ws)
    before = table_counts(ws)
    other = referral(offender=Offender("Percy", "Greatorex", crn="X654321"))
    register(ws, other, MatchDecision(victim=SEPARATE))
    assert table_counts(ws)["victim"] == before["victim"] + 1


def test_same_crn_cannot_be_kept_separate(ws):
    register(ws)
    other_victim = referral(victim=Victim("Bryn", "Ingleby"))
    with pytest.raises(ValidationError, match="same CRN means the same person"):
        register(ws, other_victim, MatchDecision(offender=SEPARATE))


def test_merging_both_people_of_an_existing_case_is_refused(ws):
    first = register(ws)
    case = cases.open_case(ws, first)
    before = table_counts(ws)
    with pytest.raises(ValidationError, match=f"already linked.*{case.link.ref}"):
        register(ws, referral(), MatchDecision(victim=case.victim.id, offender=case.offender.id))
    assert table_counts(ws) == before


def test_merge_with_someone_who_is_not_a_match_is_refused(ws):
    register(ws)
    with pytest.raises(ValidationError, match="not one of the matches"):
        register(ws, referral(), MatchDecision(victim=999, offender=SEPARATE))


# --- eligibility ----------------------------------------------------------------------


def test_override_needs_a_reason_and_changes_the_clock(ws):
    link_id = register(ws, referral(custody_months=6, offence_category="other"))
    with pytest.raises(AccessDenied, match="Only a senior VLO can override"):
        intake.override_case_eligibility(
            ws, link_id, Eligibility.DISCRETIONARY, reason="Serious risk", by="Sam Manager"
        )
    ws.role = Role.SENIOR  # an override is a senior VLO's decision
    with pytest.raises(ValidationError, match="needs a reason"):
        intake.override_case_eligibility(
            ws, link_id, Eligibility.DISCRETIONARY, reason=" ", by="Sam Manager"
        )
    intake.override_case_eligibility(
        ws, link_id, Eligibility.DISCRETIONARY, reason="Serious risk: threats", by="Sam Manager"
    )
    case = cases.open_case(ws, link_id)
    assert case.link.eligibility is Eligibility.DISCRETIONARY
    assert case.link.eligibility_reason == "Override by Sam Manager: Serious risk: threats"
    assert case.referral.eligibility_overridden
    assert len(open_tasks(ws, link_id, "referral_to_offer")) == 1

    intake.override_case_eligibility(ws, link_id, None, reason="", by="Sam Manager")
    case = cases.open_case(ws, link_id)
    assert (
        case.link.eligibility is Eligibility.NOT_ELIGIBLE
        and not case.referral.eligibility_overridden
    )
    assert open_tasks(ws, link_id, "referral_to_offer") == []
    done = [t for t in case.tasks if t.rule == "referral_to_offer"]
    assert done[0].outcome == "cancelled"


def test_correcting_the_referral_moves_the_clock_and_decides_again(ws):
    link_id = register(ws, referral(custody_months=6))
    assert cases.open_case(ws, link_id).link.eligibility is Eligibility.NOT_ELIGIBLE
    assert open_tasks(ws, link_id, "referral_to_offer") == []
    changes = ReferralChanges(
        offence="Wounding with intent",
        offence_category="violent",
        referral_date=date(2026, 10, 8),
        sentence_date=date(2026, 9, 20),
        sentence_type="SDS",
        custody_months=24,
        referrer="Witness Care Unit",
        vlo="Sam Rhydderch",
    )
    intake.update_referral(ws, link_id, changes)
    case = cases.open_case(ws, link_id)
    assert case.link.eligibility is Eligibility.STATUTORY and case.link.vlo == "Sam Rhydderch"
    (task,) = open_tasks(ws, link_id, "referral_to_offer")
    assert task.due_on == add_working_days(date(2026, 10, 8), 20)
    (row,) = [h for h in audit.history_for_case(ws.store.db, link_id) if h.entity == "referral"]
    detail = json.loads(row.detail)
    assert detail["referral_date"] == ["2026-10-01", "2026-10-08"]
    assert detail["eligibility"] == ["not_eligible", "statutory"]


def test_an_override_survives_a_corrected_referral(ws):
    link_id = register(ws, referral(custody_months=6, offence_category="other"))
    ws.role = Role.SENIOR
    intake.override_case_eligibility(
        ws, link_id, Eligibility.DISCRETIONARY, reason="Serious risk", by="Sam Manager"
    )
    case = cases.open_case(ws, link_id)
    changes = ReferralChanges(
        offence="Burglary",
        offence_category="other",
        referral_date=REFERRED,
        sentence_date=date(2026, 9, 20),
        sentence_type="SDS",
        custody_months=8,
        referrer=case.link.referrer,
        vlo=case.link.vlo,
    )
    intake.update_referral(ws, link_id, changes)
    assert cases.open_case(ws, link_id).link.eligibility is Eligibility.DISCRETIONARY


# --- opt-in journey and its clocks ----------------------------------------------------


def test_opt_in_journey_drives_the_clocks(ws):
    link_id = register(ws)
    offered, followed, gave_up = date(2026, 10, 5), date(2026, 11, 2), date(2026, 11, 20)

    intake.record_opt_change(ws, link_id, OptState.OFFERED, on=offered, source="letter")
    assert open_tasks(ws, link_id, "referral_to_offer") == []
    (follow_up,) = open_tasks(ws, link_id, "offer_follow_up")
    assert follow_up.due_on == add_working_days(offered, 20)

    intake.record_follow_up(ws, link_id, on=followed, channel=Channel.PHONE)
    assert open_tasks(ws, link_id, "offer_follow_up") == []
    (last,) = open_tasks(ws, link_id, "follow_up_to_no_response")
    assert last.due_on == add_working_days(followed, 20)

    intake.record_opt_change(ws, link_id, OptState.NO_RESPONSE, on=gave_up, source="no reply")
    assert all(open_tasks(ws, link_id, key) == [] for key in intake.OPT_CLOCKS)

    intake.record_opt_change(ws, link_id, OptState.REOPENED, on=gave_up, source="victim phoned")
    (again,) = open_tasks(ws, link_id, "referral_to_offer")
    assert again.title == "Offer contact again: case reopened"
    assert again.due_on == add_working_days(gave_up, 20)

    intake.record_opt_change(
        ws,
        link_id,
        OptState.OPTED_IN,
        on=gave_up,
        source="phone call",
        contact_level=ContactLevel.ANNUAL,
    )
    case = cases.open_case(ws, link_id)
    assert case.link.opt_state is OptState.OPTED_IN
    assert case.link.contact_level is ContactLevel.ANNUAL
    assert all(open_tasks(ws, link_id, key) == [] for key in intake.OPT_CLOCKS)
    history = [(on, state, source, by) for on, state, source, by in case.opt_history]
    assert (gave_up, OptState.OPTED_IN, "phone call", "test.vlo") in history
    assert [s for _, s, _, _ in history].count(OptState.OFFERED) == 1
    kinds = [(c.kind, c.summary) for c in case.contact_log]
    assert ("call", "Follow-up to the offer of contact") in kinds
    assert ("letter", "Offer of contact (letter)") in kinds


@pytest.mark.parametrize("state", [OptState.DECLINED, OptState.OPTED_IN])
def test_an_answer_to_the_offer_stops_the_waiting_clocks(ws, state):
    link_id = register(ws)
    intake.record_opt_change(ws, link_id, OptState.OFFERED, on=date(2026, 10, 5), source="letter")
    level = ContactLevel.KEY_STAGES if state is OptState.OPTED_IN else None
    intake.record_opt_change(
        ws, link_id, state, on=date(2026, 10, 9), source="reply slip", contact_level=level
    )
    assert open_tasks(ws, link_id, "offer_follow_up") == []
    expected = ContactLevel.NONE if state is OptState.DECLINED else ContactLevel.KEY_STAGES
    assert cases.open_case(ws, link_id).link.contact_level is expected


def test_opting_out_after_opting_in(ws):
    link_id = register(ws)
    intake.record_opt_change(
        ws, link_id, OptState.OPTED_IN, on=REFERRED, source="phone", contact_level="key_stages"
    )
    intake.record_opt_change(ws, link_id, OptState.OPTED_OUT, on=date(2026, 11, 2), source="email")
    assert cases.open_case(ws, link_id).link.contact_level is ContactLevel.NONE


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"state": OptState.NO_RESPONSE}, "cannot be recorded as no response"),
        ({"state": OptState.OPTED_IN}, "needs the contact level"),
        ({"state": OptState.OFFERED, "on": date(2026, 9, 1)}, "before the referral"),
        ({"state": OptState.OFFERED, "on": TODAY + timedelta(days=1)}, "in the future"),
        ({"state": OptState.OFFERED, "source": " "}, "how the change came"),
    ],
)
def test_impossible_opt_changes_are_refused_and_nothing_changes(ws, changes, message):
    link_id = register(ws)
    before = table_counts(ws)
    args = {"on": date(2026, 10, 5), "source": "letter", **changes}
    state = args.pop("state")
    with pytest.raises(ValidationError, match=message):
        intake.record_opt_change(ws, link_id, state, **args)
    assert table_counts(ws) == before
    assert cases.open_case(ws, link_id).link.opt_state is OptState.REFERRED


def test_a_follow_up_needs_an_offer(ws):
    link_id = register(ws)
    with pytest.raises(ValidationError, match="this case is referred"):
        intake.record_follow_up(ws, link_id, on=date(2026, 10, 5), channel="letter")


def test_no_offer_to_a_case_that_is_not_eligible(ws):
    link_id = register(ws, referral(custody_months=6, offence_category="other"))
    with pytest.raises(ValidationError, match="not eligible"):
        intake.record_opt_change(ws, link_id, OptState.OFFERED, on=REFERRED, source="letter")


# --- under 18 -------------------------------------------------------------------------


def _years_before(today: date, years: int) -> date:
    return today.replace(year=today.year - years, day=min(today.day, 28))


def test_under_18_needs_a_guardian_and_gets_a_task_on_the_18th_birthday(ws):
    dob = _years_before(TODAY, 16)
    child = Victim("Tegan", "Vosper", dob=dob)
    with pytest.raises(ValidationError, match="parent or guardian"):
        referral(victim=child)
    link_id = register(ws, referral(victim=replace(child, guardian_name="Olive Vosper")))
    (task,) = open_tasks(ws, link_id, "turning_18")
    assert task.due_on == eighteenth_birthday(dob) == dob.replace(year=dob.year + 18)
    assert "Tegan Vosper turns 18" in task.title
    assert "Under 18: contact via parent/guardian" in cases.open_case(ws, link_id).safety_flags


def _leap_day_minor(today: date) -> date:
    """A 29 February birthday of someone under 18 today whose 18th year is not a leap year."""
    for year in range(today.year - 17, today.year + 1):
        if calendar.isleap(year) and not calendar.isleap(year + 18) and date(year, 2, 29) <= today:
            return date(year, 2, 29)
    raise AssertionError("no such year")  # pragma: no cover - there is always one


def test_29_february_birthday_turns_18_on_1_march(ws):
    dob = _leap_day_minor(TODAY)
    child = Victim("Tegan", "Vosper", dob=dob, guardian_name="Olive Vosper")
    link_id = register(ws, referral(victim=child))
    (task,) = open_tasks(ws, link_id, "turning_18")
    assert task.due_on == date(dob.year + 18, 3, 1)


def test_a_corrected_date_of_birth_moves_or_cancels_the_turning_18_task(ws):
    from vcs_app.services import preferences

    dob = _years_before(TODAY, 16)
    child = Victim("Tegan", "Vosper", dob=dob, guardian_name="Olive Vosper")
    link_id = register(ws, referral(victim=child))
    victim = cases.open_case(ws, link_id).victim
    younger = _years_before(TODAY, 15)
    preferences.update_victim(ws, replace(victim, dob=younger))
    (task,) = open_tasks(ws, link_id, "turning_18")
    assert task.due_on == eighteenth_birthday(younger)
    preferences.update_victim(ws, replace(victim, dob=date(1990, 1, 1)))
    assert open_tasks(ws, link_id, "turning_18") == []


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2080, 12, 31)))
def test_eighteenth_birthday_is_the_first_day_aged_18(dob):
    birthday = eighteenth_birthday(dob)
    assert age_on(dob, birthday) == 18
    assert age_on(dob, birthday - timedelta(days=1)) == 17
