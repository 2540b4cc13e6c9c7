"""The dashboard's figures: overdue, due today, this week; per VLO; open cases only."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from vcs_app.domain.model import ValidationError
from vcs_app.services import cases, clocks, dashboard, tasks, undo
from vcs_app.services.dashboard import Bucket, DueCounts, DueQuery
from vcs_app.storage import repo_dashboard

ON = date(2026, 11, 26)


def _task(ws, case_id, days: int, rule: str) -> int:
    with ws.store.atomic():
        return clocks.add_task(ws, case_id, rule, f"Task {rule}", ON + timedelta(days=days))


def _all(ws, query: DueQuery):
    return dashboard.due_page(ws, query, 0, 1000)


def test_counts_and_items_by_bucket(ws, case_id):
    for days, rule in ((-3, "a"), (-1, "b"), (0, "c"), (1, "d"), (7, "e"), (8, "f")):
        _task(ws, case_id, days, rule)
    assert dashboard.due_counts(ws, on=ON) == DueCounts(overdue=2, today=1, week=2)
    ordered = _all(ws, DueQuery(ON))
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
    for bucket, count in ((Bucket.OVERDUE, 2), (Bucket.TODAY, 1), (Bucket.WEEK, 2)):
        assert [i.bucket(ON) for i in _all(ws, DueQuery(ON, bucket=bucket))] == [bucket] * count


def test_pages_follow_on_from_each_other(ws, case_id):
    made = [_task(ws, case_id, -day, f"r{day}") for day in range(7, 0, -1)]
    query = DueQuery(ON)
    pages = [dashboard.due_page(ws, query, offset, 3) for offset in (0, 3, 6, 9)]
    assert [[i.task_id for i in page] for page in pages] == [made[:3], made[3:6], made[6:], []]


def test_the_list_is_read_again_after_a_change(ws, case_id):
    assert _all(ws, DueQuery(ON)) == []
    task_id = _task(ws, case_id, -1, "a")
    assert [i.task_id for i in _all(ws, DueQuery(ON))] == [task_id]
    tasks.complete_task(ws, task_id, on=ON)
    assert _all(ws, DueQuery(ON)) == [] and dashboard.due_counts(ws, on=ON).total == 0


def test_counts_and_pages_use_the_indexes(ws):
    """EXPLAIN QUERY PLAN: the open-task index for the dates, the small open-case index
    for the join (never a scan of task or of the wide link rows)."""
    db = ws.store.db
    params = {"first": "0001-01-01", "last": "2026-12-03", "on": "2026-11-26", "vlo": None}
    for sql in (repo_dashboard.COUNT_SQL, repo_dashboard.PAGE_SQL):
        for where in ("", " AND l.vlo = :vlo"):
            plan = [r[3] for r in db.execute("EXPLAIN QUERY PLAN " + sql + where, params)]
            assert plan[0].startswith("SEARCH t USING INDEX task_open_due_link (due_on>? AND")
            assert plan[1].startswith("SEARCH l USING INDEX link_open_vlo (id=?")
            assert not any(step.startswith("SCAN") for step in plan), plan


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


def test_a_task_marked_done_keeps_its_outcome_and_undo_opens_it_again(ws, case_id):
    task_id = _task(ws, case_id, -1, "a")
    tasks.complete_task(ws, task_id, on=ON, note="  Phoned   the victim\n")
    (task,) = [t for t in cases.open_case(ws, case_id).tasks if t.id == task_id]
    assert (task.done_on, task.outcome, task.outcome_note) == (ON, "done", "Phoned the victim")
    with pytest.raises(undo.ChangedSince, match="already closed"):
        tasks.complete_task(ws, task_id, on=ON)
    with pytest.raises(undo.ChangedSince):  # closed on another day than the undo expects
        tasks.reopen_task(ws, task_id, done_on=ON - timedelta(days=1))
    tasks.reopen_task(ws, task_id, done_on=ON)
    assert [i.task_id for i in _all(ws, DueQuery(ON))] == [task_id]
    tasks.complete_task(ws, task_id, on=ON, note="Redone", action="redo")
    with pytest.raises(ValidationError, match="one line"):
        tasks.complete_task(ws, _task(ws, case_id, 0, "b"), note="x" * 201)


def test_undo_does_not_reopen_a_task_a_newer_one_replaced(ws, case_id):
    task_id = _task(ws, case_id, -1, "a")
    tasks.complete_task(ws, task_id, on=ON)
    _task(ws, case_id, 3, "a")  # the same clock and cause, open again
    with pytest.raises(undo.ChangedSince, match="newer task"):
        tasks.reopen_task(ws, task_id, done_on=ON)
