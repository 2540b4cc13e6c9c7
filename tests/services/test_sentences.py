"""Sentences, official key dates and events: supersession, alerts to every victim who
asked (exactly one task each, none for anyone else), and estimates that stay estimates."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from fixed_day import TODAY
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vcs_app.domain.model import (
    ContactLevel,
    DomainError,
    KeyDate,
    Link,
    NotFound,
    Offender,
    OptState,
    ValidationError,
    Victim,
)
from vcs_app.domain.sentence import EVENT_RULES, EventKind, Sentence, SentenceEvent
from vcs_app.services import cases, events, sentences
from vcs_app.services.workspace import open_workspace
from vcs_app.storage import audit, repo_events

RECEIVED = date(2026, 11, 2)

# (opt state, contact level, status) of each victim linked to one offender
VICTIMS = {
    "key": (OptState.OPTED_IN, ContactLevel.KEY_STAGES, "open"),
    "release": (OptState.OPTED_IN, ContactLevel.RELEASE_AND_LICENCE, "open"),
    "annual": (OptState.OPTED_IN, ContactLevel.ANNUAL, "open"),
    "out": (OptState.OPTED_OUT, ContactLevel.NONE, "open"),
    "reopened": (OptState.REOPENED, ContactLevel.KEY_STAGES, "open"),
    "closed": (OptState.OPTED_IN, ContactLevel.KEY_STAGES, "closed"),
}


def _offender_with_victims(ws, victims=VICTIMS, crn="X200001") -> tuple[int, dict[str, int]]:
    offender_id = cases.create_offender(ws, Offender("Dorian", "Quayle", crn=crn))
    links = {}
    for n, (name, (opt, level, status)) in enumerate(victims.items()):
        victim_id = cases.create_victim(ws, Victim("Ceri", f"Testvictim{n}"))
        links[name] = cases.create_link(
            ws,
            Link(
                victim_id=victim_id,
                offender_id=offender_id,
                offence="Wounding with intent",
                referral_date=date(2025, 2, 1),
                sentence_date=date(2025, 1, 6),
                opt_state=opt,
                contact_level=level,
                status=status,
            ),
        )
    return offender_id, links


def _open_tasks(ws, link_id, rule="key_date_update"):
    return repo_events.open_tasks(ws.store.db, link_id, rule)


@pytest.fixture
def family(ws):
    return _offender_with_victims(ws)


# --- the sentence ---------------------------------------------------------------------


def test_recording_a_sentence_then_correcting_it_supersedes_and_audits_old_to_new(ws, family):
    offender_id, links = family
    first = Sentence(offender_id, "SDS", date(2025, 1, 6), "general", length_months=36)
    sentences.record_sentence(ws, first)
    fixed = Sentence(offender_id, "SDS", date(2025, 1, 6), "violent", length_months=48)
    changed = sentences.record_sentence(ws, fixed)
    assert set(changed.link_ids) == set(links.values())
    file = cases.open_case(ws, links["key"]).sentence_file
    assert file.sentence.length_months == 48 and file.sentence.offence_class == "violent"
    assert [s.length_months for s in file.previous_sentences] == [36]
    rows = [h for h in audit.history_for_case(ws.store.db, links["out"]) if h.entity == "sentence"]
    assert [r.action for r in rows] == ["update", "create"]
    assert "3 years" in rows[0].detail and "4 years" in rows[0].detail


def test_the_offence_date_and_a_term_in_weeks_are_kept_and_decide_the_estimate(ws, family):
    """A 26-week term for an offence before 1 February 2015 has no licence (ARD, SED);
    corrected to an offence after it, the same term has one (CRD, SLED)."""
    offender_id, links = family
    old = Sentence(offender_id, "SDS", date(2016, 3, 7), "violent", length_weeks=26,
                   offence_date=date(2014, 12, 20))  # fmt: skip
    sentences.record_sentence(ws, old)
    file = cases.open_case(ws, links["key"]).sentence_file
    assert file.sentence.offence_date == date(2014, 12, 20) and file.sentence.length_weeks == 26
    assert {e.kind for e in file.estimates.items} == {"ARD", "SED"}
    assert file.estimates.get("SED").value == date(2016, 9, 4)  # 182 days
    sentences.record_sentence(ws, replace(old, offence_date=date(2015, 2, 1)))
    file = cases.open_case(ws, links["key"]).sentence_file
    assert {e.kind for e in file.estimates.items} == {"CRD", "SLED"}
    history = [
        h for h in audit.history_for_case(ws.store.db, links["key"]) if h.entity == "sentence"
    ]
    assert "offence 20/12/2014" in history[0].detail and "offence 01/02/2015" in history[0].detail


def test_a_default_term_for_a_fine_is_recorded_and_estimated_without_a_licence(ws, family):
    offender_id, links = family
    fine = Sentence(offender_id, "FINE_DEFAULT", date(2026, 3, 2), length_days=28, fine_amount=950)
    sentences.record_sentence(ws, fine)
    file = cases.open_case(ws, links["key"]).sentence_file
    assert file.sentence.describe().startswith(
        "Imprisonment in default of paying a fine (default term), 28 days (fine of £950)"
    )
    assert {e.kind: e.value for e in file.estimates.items} == {
        "ARD": date(2026, 3, 15),
        "SED": date(2026, 3, 29),
    }


def test_the_offenders_date_of_birth_decides_whether_a_short_term_has_a_licence(ws):
    """Estimates read the offender's date of birth: under 18 on release, no licence."""
    young = cases.create_offender(ws, Offender("Rhys", "Youngling", dob=date(2008, 9, 1)))
    sentences.record_sentence(
        ws,
        Sentence(
            young,
            "S250",
            date(2026, 2, 2),
            "violent",
            length_months=10,
            offence_date=date(2025, 12, 1),
        ),
    )
    estimates = sentences.sentence_file(ws, young).estimates
    assert {e.kind for e in estimates.items} == {"ARD", "SED"}
    assert "They turn 18 on 01/09/2026" in estimates.get("ARD").explanation


def test_an_eds_without_an_extension_period_is_refused_with_a_clear_message(ws, family):
    with pytest.raises(ValidationError, match="An EDS needs its extension period"):
        Sentence(family[0], "EDS", date(2025, 1, 6), "violent", custodial_months=72)


def test_a_sentence_for_an_unknown_offender_is_refused_and_nothing_is_written(ws):
    before = ws.store.db.execute("SELECT COUNT(*) FROM sentence").fetchone()[0]
    with pytest.raises(NotFound):
        sentences.record_sentence(ws, Sentence(999, "SDS", date(2025, 1, 6), length_months=12))
    assert ws.store.db.execute("SELECT COUNT(*) FROM sentence").fetchone()[0] == before


# --- official dates and alerts --------------------------------------------------------


def test_a_new_official_crd_gives_exactly_one_task_to_each_victim_who_wants_release_news(
    ws, family
):
    offender_id, links = family
    crd = KeyDate(offender_id, "CRD", date(2027, 3, 14), received_on=RECEIVED)
    changed = sentences.record_key_date(ws, crd, origin="Prison OMU email")
    assert set(changed.link_ids) == set(links.values())
    told = {name for name, link in links.items() if _open_tasks(ws, link)}
    assert told == {"key", "release", "reopened"}
    task = _open_tasks(ws, links["key"])[0]
    assert task.source_ref == f"key_date:{changed.record_id}"
    assert "March 2027" in task.title and "14" not in task.title  # the month, never the day
    assert "10 working days" in task.rule_text


def test_a_changed_crd_supersedes_shows_old_to_new_and_replaces_each_open_task(ws, family):
    offender_id, links = family
    sentences.record_key_date(ws, KeyDate(offender_id, "CRD", date(2027, 3, 14)), origin="OMU")
    changed = sentences.record_key_date(
        ws, KeyDate(offender_id, "CRD", date(2027, 5, 2), received_on=RECEIVED), origin="OMU"
    )
    for name in ("key", "release", "reopened"):
        open_now = _open_tasks(ws, links[name])
        assert len(open_now) == 1, name  # the old task was cancelled, not left beside it
        assert open_now[0].source_ref == f"key_date:{changed.record_id}"
        assert "was March 2027" in open_now[0].title
    file = cases.open_case(ws, links["key"]).sentence_file
    history = [(c.old, c.new, c.current) for c in file.history if c.kind == "CRD"]
    assert history == [
        (date(2027, 3, 14), date(2027, 5, 2), True),
        (None, date(2027, 3, 14), False),
    ]
    rows = [h for h in audit.history_for_case(ws.store.db, links["out"]) if h.entity == "key_date"]
    assert '"old": "2027-03-14"' in rows[0].detail and '"new": "2027-05-02"' in rows[0].detail
    cancelled = [t for t in cases.open_case(ws, links["key"]).tasks if t.outcome == "cancelled"]
    assert len(cancelled) == 1


def test_a_date_without_its_source_is_refused(ws, family):
    with pytest.raises(ValidationError, match="Say where the official date came from"):
        sentences.record_key_date(ws, KeyDate(family[0], "CRD", date(2027, 3, 1)), origin=" ")


def test_the_same_date_again_is_refused_and_changes_nothing(ws, family):
    offender_id, _ = family
    sentences.record_key_date(ws, KeyDate(offender_id, "SLED", date(2029, 1, 5)), origin="OMU")
    tasks_before = ws.store.db.execute("SELECT COUNT(*) FROM task").fetchone()[0]
    with pytest.raises(ValidationError, match="already 05/01/2029"):
        sentences.record_key_date(ws, KeyDate(offender_id, "SLED", date(2029, 1, 5)), origin="x")
    assert ws.store.db.execute("SELECT COUNT(*) FROM task").fetchone()[0] == tasks_before


def test_a_ped_is_a_key_stage_and_starts_the_parole_preparation_clock_that_moves(ws, family):
    offender_id, links = family
    sentences.record_key_date(
        ws, KeyDate(offender_id, "PED", date(2028, 6, 30), received_on=RECEIVED), origin="PPCS"
    )
    assert _open_tasks(ws, links["release"]) == []  # release and licence only: not parole
    assert len(_open_tasks(ws, links["key"])) == 1
    lead = _open_tasks(ws, links["key"], "parole_review_lead")
    assert [t.due_on for t in lead] == [date(2028, 6, 30) - timedelta(days=183)]
    sentences.record_key_date(
        ws, KeyDate(offender_id, "PED", date(2028, 9, 30), received_on=RECEIVED), origin="PPCS"
    )
    lead = _open_tasks(ws, links["key"], "parole_review_lead")
    assert [t.due_on for t in lead] == [date(2028, 9, 30) - timedelta(days=183)]


def test_estimates_are_never_recorded_as_key_dates(ws, family):
    offender_id, links = family
    sentences.record_sentence(
        ws, Sentence(offender_id, "SDS", date(2025, 1, 6), "general", length_months=48)
    )
    with pytest.raises(ValidationError, match="never stored"):
        sentences.record_key_date(
            ws, KeyDate(offender_id, "CRD", date(2026, 8, 13), "estimate"), origin="guess"
        )
    count = ws.store.db.execute("SELECT COUNT(*) FROM key_date WHERE source = 'estimate'")
    assert count.fetchone()[0] == 0
    file = cases.open_case(ws, links["key"]).sentence_file
    assert file.estimates.get("CRD").value == date(2026, 8, 13)
    assert file.current_official == ()


def test_the_case_flags_an_official_date_that_differs_from_the_estimate(ws, family):
    offender_id, links = family
    sentences.record_sentence(
        ws, Sentence(offender_id, "SDS", date(2025, 1, 6), "general", length_months=48)
    )
    sentences.record_key_date(ws, KeyDate(offender_id, "CRD", date(2026, 8, 25)), origin="OMU")
    sentences.record_key_date(ws, KeyDate(offender_id, "SLED", date(2029, 1, 5)), origin="OMU")
    checks = {
        c.kind: c.check_text for c in cases.open_case(ws, links["key"]).sentence_file.comparisons
    }
    assert checks == {
        "SLED": "Same as estimate",
        "CRD": "DIFFERS: official is 12 days later",
    }


def test_a_date_from_the_future_is_refused_before_anything_is_written(ws, family):
    offender_id, _ = family
    audit_rows = ws.store.db.execute("SELECT COUNT(*) FROM audit").fetchone()[0]
    with pytest.raises(ValidationError, match="cannot be in the future"):
        sentences.record_key_date(
            ws,
            KeyDate(offender_id, "CRD", date(2027, 1, 1), received_on=TODAY + timedelta(1)),
            origin="OMU",
        )
    assert ws.store.db.execute("SELECT COUNT(*) FROM audit").fetchone()[0] == audit_rows
    assert ws.store.db.execute("SELECT COUNT(*) FROM key_date").fetchone()[0] == 0


# --- many victims, many changes: never missed, never duplicated -----------------------

_VICTIM_STATES = st.tuples(
    st.sampled_from(list(OptState)),
    st.sampled_from(list(ContactLevel)),
    st.sampled_from(["open", "closed"]),
)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    victims=st.lists(_VICTIM_STATES, min_size=1, max_size=6),
    crds=st.lists(st.dates(date(2026, 1, 1), date(2032, 12, 31)), min_size=1, max_size=4),
)
def test_every_change_leaves_one_open_task_per_wanting_victim_and_none_for_others(
    tmp_path_factory, victims, crds
):
    ws = open_workspace(tmp_path_factory.mktemp("h") / "vcs.db", user="t", create=True)
    try:
        offender_id, links = _offender_with_victims(ws, {f"v{i}": v for i, v in enumerate(victims)})
        last = None
        for value in crds:
            if value == last:
                continue
            sentences.record_key_date(ws, KeyDate(offender_id, "CRD", value), origin="test")
            last = value
        for name, (opt, level, status) in zip(links, victims, strict=True):
            wants = (
                status == "open"
                and opt in (OptState.OPTED_IN, OptState.REOPENED)
                and level in (ContactLevel.KEY_STAGES, ContactLevel.RELEASE_AND_LICENCE)
            )
            assert len(_open_tasks(ws, links[name])) == (1 if wants else 0)
    finally:
        ws.close()


# --- events through the sentence ------------------------------------------------------


def _event(offender_id, kind, on=date(2026, 10, 20), told=RECEIVED, detail=""):
    return SentenceEvent(offender_id, kind, on, told, detail)


def test_a_parole_decision_opens_the_21_day_reconsideration_window_for_each_victim(ws, family):
    offender_id, links = family
    decided = date(2026, 10, 28)
    events.record_event(ws, _event(offender_id, EventKind.PAROLE_DECISION, on=decided))
    for name in ("key", "release", "reopened"):
        window = _open_tasks(ws, links[name], "parole_reconsideration")
        assert [t.due_on for t in window] == [decided + timedelta(days=21)], name
        assert _open_tasks(ws, links[name], "parole_decision_tell")
    for name in ("annual", "out", "closed"):
        assert _open_tasks(ws, links[name], "parole_reconsideration") == []


def test_hdc_eligibility_gives_14_days_for_representations(ws, family):
    offender_id, links = family
    events.record_event(ws, _event(offender_id, EventKind.HDC_ELIGIBILITY))
    reps = _open_tasks(ws, links["release"], "hdc_representations")
    assert [t.due_on for t in reps] == [RECEIVED + timedelta(days=14)]


def test_a_hearing_then_a_decision_closes_the_check_for_decision_task(ws, family):
    offender_id, links = family
    hearing = date(2026, 10, 1)
    events.record_event(ws, _event(offender_id, EventKind.PAROLE_HEARING, on=hearing))
    due = _open_tasks(ws, links["key"], "parole_decision_due")
    assert [t.due_on for t in due] == [hearing + timedelta(days=14)]
    events.record_event(ws, _event(offender_id, EventKind.PAROLE_DECISION))
    assert _open_tasks(ws, links["key"], "parole_decision_due") == []


def test_the_parole_review_starting_closes_the_preparation_task(ws, family):
    offender_id, links = family
    sentences.record_key_date(ws, KeyDate(offender_id, "PED", date(2027, 4, 1)), origin="PPCS")
    assert _open_tasks(ws, links["key"], "parole_review_lead")
    events.record_event(ws, _event(offender_id, EventKind.PAROLE_REVIEW_START))
    assert _open_tasks(ws, links["key"], "parole_review_lead") == []
    vps = _open_tasks(ws, links["key"], "parole_review_vps")
    assert len(vps) == 1 and "may be disclosed" in vps[0].title


@pytest.mark.parametrize("kind", list(EventKind))
def test_every_event_makes_tasks_for_key_stage_victims_and_none_for_those_who_opted_out(
    ws, family, kind
):
    offender_id, links = family
    changed = events.record_event(ws, _event(offender_id, kind, detail="Synthetic detail"))
    assert set(changed.link_ids) == set(links.values())
    clocks = [clock for clock, _ in EVENT_RULES[kind].starts]
    for clock in clocks:
        made = _open_tasks(ws, links["key"], clock)
        assert len(made) == 1 and made[0].source_ref == f"event:{changed.record_id}"
    for name in ("out", "annual", "closed"):
        assert all(_open_tasks(ws, links[name], clock) == [] for clock in clocks)
    timeline = cases.open_case(ws, links["out"]).sentence_file.timeline()
    assert [e.title for e in timeline if e.category == "Event"] == [EVENT_RULES[kind].label]


def test_an_event_for_an_unknown_offender_is_refused(ws):
    with pytest.raises(DomainError):
        events.record_event(ws, _event(4242, EventKind.RELEASE))
    assert ws.store.db.execute("SELECT COUNT(*) FROM sentence_event").fetchone()[0] == 0
