"""The clock engine: tasks from rules, moved not duplicated, closed with an outcome."""

from __future__ import annotations

from datetime import date

import pytest

from vcs_app.domain.calendar import add_working_days
from vcs_app.services import cases, clocks, tasks
from vcs_app.storage import repo_events
from vcs_app.storage.db import StoreError


def _open(ws, case_id, rule):
    return repo_events.open_tasks(ws.store.db, case_id, rule)


def test_referral_clock_is_twenty_working_days_with_the_rule_on_the_task(ws, case_id):
    # Referral on Fri 18 Dec 2026: Christmas, Boxing Day (substitute Mon 28) and New Year skipped.
    with ws.store.atomic():
        task = clocks.start_clock(ws, case_id, "referral_to_offer", date(2026, 12, 18))
    assert task.due_on == add_working_days(date(2026, 12, 18), 20) == date(2027, 1, 20)
    assert "20 working days" in task.rule_text and "2021-04" in task.rule_text
    assert _open(ws, case_id, "referral_to_offer")[0].title == "Offer contact"


def test_older_rules_apply_to_an_older_start(ws, case_id):
    with ws.store.atomic():
        task = clocks.start_clock(ws, case_id, "referral_to_offer", date(2020, 6, 1))
    assert task.due_on == add_working_days(date(2020, 6, 1), 40)


def test_starting_again_moves_the_task_instead_of_duplicating(ws, case_id):
    with ws.store.atomic():
        first = clocks.start_clock(ws, case_id, "om_chase", date(2026, 11, 2), source_ref="r:1")
        again = clocks.start_clock(ws, case_id, "om_chase", date(2026, 11, 9), source_ref="r:1")
        other = clocks.start_clock(ws, case_id, "om_chase", date(2026, 11, 9), source_ref="r:2")
    assert again.id == first.id and again.due_on > first.due_on
    assert other.id != first.id
    assert len(_open(ws, case_id, "om_chase")) == 2


def test_stop_clock_closes_with_outcome_and_updates_next_due(ws, case_id):
    with ws.store.atomic():
        clocks.start_clock(ws, case_id, "referral_to_offer", date(2026, 11, 2))
    assert cases.caseload_rows(ws, [case_id])[case_id].next_due is not None
    with ws.store.atomic():
        closed = clocks.stop_clock(ws, case_id, "referral_to_offer", date(2026, 11, 20))
    assert len(closed) == 1
    assert _open(ws, case_id, "referral_to_offer") == []
    done = [t for t in cases.open_case(ws, case_id).tasks if t.rule == "referral_to_offer"]
    assert done[0].outcome == "done" and done[0].done_on == date(2026, 11, 20)
    assert cases.caseload_rows(ws, [case_id])[case_id].next_due is None


def test_add_task_refuses_duplicates_of_the_same_cause(ws, case_id):
    with ws.store.atomic():
        first = clocks.add_task(
            ws, case_id, "key_date_update", "Tell", date(2026, 12, 1), source_ref="kd:1"
        )
        second = clocks.add_task(
            ws, case_id, "key_date_update", "Tell", date(2026, 12, 1), source_ref="kd:1"
        )
    assert first is not None and second is None
    assert [t.id for t in tasks.due_tasks(ws, on=date(2026, 12, 1))] == [first]


def test_unknown_clock_is_a_clear_error_and_nothing_is_written(ws, case_id):
    from vcs_app.domain.model import DomainError

    with pytest.raises(DomainError, match="no clock called"), ws.store.atomic():
        clocks.add_task(ws, case_id, "x", "first", date(2026, 12, 1))
        clocks.start_clock(ws, case_id, "no_such_clock", date(2026, 11, 2))
    assert _open(ws, case_id, "x") == []


def test_database_refuses_a_second_open_task_for_the_same_cause(ws, case_id):
    from vcs_app.domain.model import Task

    with ws.store.atomic() as db:
        repo_events.insert_task(db, Task(case_id, "r", "t", date(2026, 12, 1), source_ref="s"))
    with pytest.raises(StoreError), ws.store.atomic() as db:
        repo_events.insert_task(db, Task(case_id, "r", "t", date(2026, 12, 2), source_ref="s"))
