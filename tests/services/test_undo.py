"""Undo and redo of each edit kind as service calls: the record is as it was, the audit log
shows the change and its undo, and an undo over a later change is refused."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta

import pytest
from fixed_day import TODAY
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vcs_app.domain.model import (
    CaseStatus,
    ContactLevel,
    Direction,
    KeyDate,
    LiaisonChannel,
    LiaisonEntry,
    OptState,
    Party,
    ValidationError,
)
from vcs_app.services import cases, liaison, preferences, sentences
from vcs_app.services.undo import REDO, UNDO, ChangedSince
from vcs_app.storage import audit, repo_cases, repo_events


def _actions(ws, case_id: int, entity: str) -> list[tuple[str, dict]]:
    """(action, detail) of the case's audit rows about `entity`, oldest first."""
    rows = audit.history_for_case(ws.store.db, case_id)
    return [
        (r.action, json.loads(r.detail) if r.detail else {})
        for r in reversed(rows)
        if r.entity == entity
    ]


def _victim(ws, case_id: int):
    db = ws.store.db
    return repo_cases.get_victim(db, repo_cases.get_link(db, case_id).victim_id)


def _offender(ws, case_id: int):
    db = ws.store.db
    return repo_cases.get_offender(db, repo_cases.get_link(db, case_id).offender_id)


# --- victim and offender fields -------------------------------------------------------


def test_undo_and_redo_a_victim_edit(ws, case_id):
    old = _victim(ws, case_id)
    new = replace(old, given_name="Carys", accessibility="Large print")
    preferences.update_victim(ws, new)

    changed = preferences.restore_victim(ws, old, new, action=UNDO)
    assert changed.link_ids == (case_id,)
    assert _victim(ws, case_id) == old
    preferences.restore_victim(ws, new, old, action=REDO)
    assert _victim(ws, case_id) == new

    actions = _actions(ws, case_id, "victim")
    assert [a for a, _ in actions] == ["update", UNDO, REDO]
    assert actions[1][1]["given_name"] == ["Carys", "Ceri"]
    assert actions[2][1]["accessibility"] == ["", "Large print"]
    assert audit.verify_chain(ws.store.db) is None


def test_undo_of_a_victim_edit_is_refused_after_a_later_change(ws, case_id):
    old = _victim(ws, case_id)
    mine = replace(old, given_name="Carys")
    preferences.update_victim(ws, mine)
    theirs = replace(mine, family_name="Pryce")  # someone else's edit afterwards
    preferences.update_victim(ws, theirs)
    before = len(audit.history_for_case(ws.store.db, case_id))

    with pytest.raises(ChangedSince, match="changed after this edit"):
        preferences.restore_victim(ws, old, mine, action=UNDO)
    assert _victim(ws, case_id) == theirs
    assert len(audit.history_for_case(ws.store.db, case_id)) == before


def test_undoing_a_date_of_birth_moves_the_turning_18_task_back(ws, case_id):
    old = _victim(ws, case_id)
    minor = replace(old, dob=TODAY - timedelta(days=365 * 16), guardian_name="Bethan Prydderch")
    preferences.update_victim(ws, minor)

    def open_18_tasks():
        return [
            t for t in repo_events.tasks_for_case(ws.store.db, case_id) if t.rule == "turning_18"
        ]

    assert [t.done_on for t in open_18_tasks()] == [None]
    preferences.restore_victim(ws, old, minor, action=UNDO)
    assert all(t.outcome == "cancelled" for t in open_18_tasks())


def test_undo_and_redo_an_offender_edit(ws, case_id):
    old = _offender(ws, case_id)
    new = replace(old, nomis="A1234BC", establishment="HMP Example")
    cases.update_offender(ws, new)

    cases.restore_offender(ws, old, new, action=UNDO)
    assert _offender(ws, case_id) == old
    cases.restore_offender(ws, new, old, action=REDO)
    assert _offender(ws, case_id) == new
    assert [a for a, _ in _actions(ws, case_id, "offender")] == ["update", UNDO, REDO]
    with pytest.raises(ChangedSince):  # the redo already happened: old is not current
        cases.restore_offender(ws, new, old, action=REDO)


@settings(max_examples=15, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    names=st.lists(
        st.text(alphabet="abcdefghijklmnopqrstuvwxyz -'", min_size=1, max_size=20).filter(
            lambda s: s.strip(" -'")
        ),
        min_size=1,
        max_size=4,
    )
)
def test_undoing_every_edit_in_turn_gets_back_to_the_start(ws, case_id, names):
    start = _offender(ws, case_id)
    history = [start]
    for name in names:
        edited = replace(history[-1], given_name=name)
        cases.update_offender(ws, edited)
        history.append(_offender(ws, case_id))
    for later, earlier in zip(reversed(history[1:]), reversed(history[:-1]), strict=True):
        cases.restore_offender(ws, earlier, later, action=UNDO)
    assert _offender(ws, case_id) == start


# --- liaison notes --------------------------------------------------------------------


def _note(case_id: int, **kw) -> LiaisonEntry:
    values = dict(
        link_id=case_id,
        happened_on=TODAY,
        direction=Direction.TO,
        party=Party.OM,
        channel=LiaisonChannel.EMAIL,
        summary="Asked the OM for the licence start date.",
        awaiting_reply=True,
    )
    return LiaisonEntry(**{**values, **kw})


def _open_chases(ws, case_id: int) -> list:
    return [
        t
        for t in repo_events.tasks_for_case(ws.store.db, case_id)
        if t.rule == liaison.CHASE_RULE and t.done_on is None
    ]


def test_undo_withdraws_a_liaison_note_and_cancels_its_chase(ws, case_id):
    note = _note(case_id)
    entry_id = cases.add_liaison_entry(ws, note).record_id
    assert len(_open_chases(ws, case_id)) == 1

    liaison.withdraw_entry(ws, entry_id)
    case = cases.open_case(ws, case_id)
    assert case.liaison == ()  # hidden from the log view
    assert _open_chases(ws, case_id) == []
    assert repo_cases.get_link(ws.store.db, case_id)  # nothing else touched
    undo_row = _actions(ws, case_id, "liaison_entry")[-1]
    assert undo_row[0] == UNDO and undo_row[1]["withdrawn"] is True
    assert "withdrawn" in undo_row[1]["why"].lower()
    # the note itself is still on file (evidence)
    assert ws.store.db.execute(
        "SELECT summary, withdrawn_by FROM liaison_entry WHERE id = ?", [entry_id]
    ).fetchone() == (note.summary, "test.vlo")

    redone = liaison.log_again(ws, note, entry_id)
    assert [e.summary for e in cases.open_case(ws, case_id).liaison] == [note.summary]
    assert redone.record_id != entry_id
    assert len(_open_chases(ws, case_id)) == 1
    assert _actions(ws, case_id, "liaison_entry")[-1] == (REDO, {"logged_again": entry_id})


def test_a_note_that_has_been_answered_cannot_be_withdrawn(ws, case_id):
    entry_id = cases.add_liaison_entry(ws, _note(case_id)).record_id
    cases.add_liaison_entry(
        ws,
        _note(
            case_id,
            direction=Direction.FROM,
            awaiting_reply=False,
            is_reply=True,
            summary="OM replied with the date.",
        ),
    )
    with pytest.raises(ChangedSince, match="answer or chase"):
        liaison.withdraw_entry(ws, entry_id)
    assert len(cases.open_case(ws, case_id).liaison) == 2


def test_withdrawing_twice_is_refused(ws, case_id):
    entry_id = cases.add_liaison_entry(ws, _note(case_id, awaiting_reply=False)).record_id
    liaison.withdraw_entry(ws, entry_id)
    with pytest.raises(ChangedSince, match="already been withdrawn"):
        liaison.withdraw_entry(ws, entry_id)


# --- key dates ------------------------------------------------------------------------


def _opt_in(ws, case_id: int) -> None:
    link = repo_cases.get_link(ws.store.db, case_id)
    with ws.store.atomic() as db:
        repo_cases.update_link(
            db,
            replace(link, opt_state=OptState.OPTED_IN, contact_level=ContactLevel.KEY_STAGES),
            on=ws.today(),
            who=ws.user,
        )


def _record(ws, offender_id: int, value: date) -> int:
    return sentences.record_key_date(
        ws, KeyDate(offender_id, "CRD", value, received_on=TODAY), origin="Prison OMU email"
    ).record_id


def _tell_tasks(ws, case_id: int) -> dict[str, str]:
    return {
        t.source_ref: t.outcome or "open"
        for t in repo_events.tasks_for_case(ws.store.db, case_id)
        if t.rule == sentences.KEY_DATE_CLOCK
    }


def test_undo_of_a_changed_key_date_restores_the_one_it_replaced(ws, case_id):
    _opt_in(ws, case_id)
    offender_id = _offender(ws, case_id).id
    first = _record(ws, offender_id, date(2028, 4, 1))
    mistake = _record(ws, offender_id, date(2029, 4, 1))

    sentences.withdraw_key_date(ws, mistake)
    current = repo_events.current_key_date(ws.store.db, offender_id, "CRD", "official")
    assert (current.id, current.value) == (first, date(2028, 4, 1))
    file = sentences.sentence_file(ws, offender_id)
    assert [h.new for h in file.history] == [date(2028, 4, 1)]  # withdrawn date left out
    assert _tell_tasks(ws, case_id)[f"key_date:{mistake}"] == "cancelled"
    kinds = [(a, d.get("withdrawn")) for a, d in _actions(ws, case_id, "key_date")]
    assert kinds[-1] == (UNDO, "2029-04-01")

    again = sentences.record_key_date_again(
        ws,
        KeyDate(offender_id, "CRD", date(2029, 4, 1), received_on=TODAY),
        origin="Prison OMU email",
        withdrawn_id=mistake,
    ).record_id
    current = repo_events.current_key_date(ws.store.db, offender_id, "CRD", "official")
    assert (current.id, current.value) == (again, date(2029, 4, 1))
    assert _tell_tasks(ws, case_id)[f"key_date:{again}"] == "open"
    assert _actions(ws, case_id, "key_date")[-1][0] == REDO


def test_undo_of_a_first_key_date_leaves_none(ws, case_id):
    offender_id = _offender(ws, case_id).id
    only = _record(ws, offender_id, date(2028, 4, 1))
    sentences.withdraw_key_date(ws, only)
    assert repo_events.current_key_date(ws.store.db, offender_id, "CRD", "official") is None
    assert cases.open_case(ws, case_id).key_dates == ()
    with pytest.raises(ChangedSince, match="already been withdrawn"):
        sentences.withdraw_key_date(ws, only)


def test_key_date_undo_is_refused_once_a_newer_date_is_recorded(ws, case_id):
    offender_id = _offender(ws, case_id).id
    mine = _record(ws, offender_id, date(2028, 4, 1))
    _record(ws, offender_id, date(2028, 6, 1))
    with pytest.raises(ChangedSince, match="newer official"):
        sentences.withdraw_key_date(ws, mine)
    current = repo_events.current_key_date(ws.store.db, offender_id, "CRD", "official")
    assert current.value == date(2028, 6, 1)


def test_key_date_redo_is_refused_after_another_date(ws, case_id):
    offender_id = _offender(ws, case_id).id
    mine = _record(ws, offender_id, date(2028, 4, 1))
    sentences.withdraw_key_date(ws, mine)
    _record(ws, offender_id, date(2028, 9, 1))
    with pytest.raises(ChangedSince, match="Nothing was redone"):
        sentences.record_key_date_again(
            ws,
            KeyDate(offender_id, "CRD", date(2028, 4, 1)),
            origin="Prison OMU email",
            withdrawn_id=mine,
        )


# --- archiving ------------------------------------------------------------------------


def test_archive_is_undone_and_redone(ws, case_id):
    cases.archive_case(ws, case_id)
    assert repo_cases.get_link(ws.store.db, case_id).status is CaseStatus.ARCHIVED
    assert case_id not in cases.caseload_ids(ws)
    with pytest.raises(ValidationError, match="already archived"):
        cases.archive_case(ws, case_id)

    cases.restore_case_status(
        ws, case_id, CaseStatus.OPEN, expected=CaseStatus.ARCHIVED, action=UNDO
    )
    assert case_id in cases.caseload_ids(ws)
    cases.restore_case_status(
        ws, case_id, CaseStatus.ARCHIVED, expected=CaseStatus.OPEN, action=REDO
    )
    assert repo_cases.get_link(ws.store.db, case_id).status is CaseStatus.ARCHIVED
    statuses = [(a, d.get("status")) for a, d in _actions(ws, case_id, "link") if "status" in d]
    assert statuses == [
        ("archive", ["open", "archived"]),
        (UNDO, ["archived", "open"]),
        (REDO, ["open", "archived"]),
    ]


def test_undoing_an_archive_after_the_case_was_closed_is_refused(ws, case_id):
    cases.archive_case(ws, case_id)
    cases.restore_case_status(
        ws, case_id, CaseStatus.CLOSED, expected=CaseStatus.ARCHIVED, action=UNDO
    )
    with pytest.raises(ChangedSince, match="case's status"):
        cases.restore_case_status(
            ws, case_id, CaseStatus.OPEN, expected=CaseStatus.ARCHIVED, action=UNDO
        )
