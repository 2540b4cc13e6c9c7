"""The dashboard's figures: overdue, due today, this week; per VLO; open cases only."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from vcs_app.services import cases, clocks, dashboard, tasks
from vcs_app.services.dashboard import Bucket, DueCounts

ON = date(2026, 11, 26)


def _task(ws, case_id, days: int, rule: str) -> int:
    with ws.store.atomic():
        return clocks.add_task(ws, case_id, rule, f"Task {rule}", ON + timedelta(days=days))


def test_counts_and_items_by_bucket(ws, case_id):
    for days, rule in ((-3, "a"), (-1, "b"), (0, "c"), (1, "d"), (7, "e"), (8, "f")):
        _task(ws, case_id, days, rule)
    assert dashboard.due_counts(ws, on=ON) == DueCounts(overdue=2, today=1, week=2)
    index = dashboard.due_index(ws, on=ON)
    items = dashboard.due_items(ws, index.task_ids())
    ordered = [items[i] for i in index.task_ids()]
    assert [i.bucket(ON) for i in ordered] == [Bucket.OVERDUE] * 2 + [Bucket.TODAY] + [
        Bucket.WEEK
    ] * 2
    assert [i.when(ON) for i in ordered] == [
        "Overdue by 3 days",
        "Overdue by 1 day",
        "Due today",
        "Due tomorrow",
        "Due in 7 days",
    ]
    assert ordered[0].case_ref == "VCS-000001" and ordered[0].victim == "Prydderch, Ceri"
    assert len(index.task_ids(Bucket.OVERDUE)) == 2


def test_only_the_changed_cases_are_read_again(ws, case_id):
    index = dashboard.due_index(ws, on=ON)
    assert index.entries == []
    task_id = _task(ws, case_id, -1, "a")
    dashboard.refresh_cases(ws, index, [case_id])
    assert index.task_ids() == [task_id] and index.counts.overdue == 1
    tasks.complete_task(ws, task_id, on=ON)
    dashboard.refresh_cases(ws, index, [case_id])
    assert index.entries == []


def test_filtered_by_vlo_and_only_open_tasks_on_open_cases(ws, case_id):
    task_id = _task(ws, case_id, 0, "a")
    _task(ws, case_id, -1, "b")
    assert dashboard.due_counts(ws, on=ON, vlo="Alex Morgan").total == 2
    assert dashboard.due_counts(ws, on=ON, vlo="Sam Rhydderch").total == 0
    tasks.complete_task(ws, task_id, on=ON)
    assert dashboard.due_counts(ws, on=ON).total == 1
    link = cases.open_case(ws, case_id).link
    cases.update_link(ws, replace(link, status="closed"))
    assert dashboard.due_counts(ws, on=ON).total == 0
