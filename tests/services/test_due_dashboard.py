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
    return dashboard.due_page(ws, query, None, 1000)


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
    made += [_task(ws, case_id, 0, f"today{n}") for n in range(3)]  # one day, three rows
    query = DueQuery(ON)
    pages, after = [], None
    for _ in range(5):
        pages.append(dashboard.due_page(ws, query, after, 3))
        after = pages[-1][-1] if pages[-1] else after
    assert [[i.task_id for i in page] for page in pages] == [
        made[:3],
        made[3:6],
        made[6:9],
        made[9:],
        [],
    ]
    jumped = dashboard.due_page(ws, query, pages[0][-1], 3, skip=4)  # rows 8 to 10
    assert [i.task_id for i in jumped] == made[7:10]


def test_the_list_is_read_again_after_a_change(ws, case_id):
    assert _all(ws, DueQuery(ON)) == []
    task_id = _task(ws, case_id, -1, "a")
    assert [i.task_id for i in _all(ws, DueQuery(ON))] == [task_id]
    tasks.complete_task(ws, task_id, on=ON)
    assert _all(ws, DueQuery(ON)) == [] and dashboard.due_counts(ws, on=ON).total == 0


def test_counts_and_pages_use_the_indexes(ws):
    """EXPLAIN QUERY PLAN: the tallies' key for the figures; the open-task index for the
    dates, in its order, and the small open-case index for the join (never a scan of task
    or of the wide link rows, never a sort)."""
    db = ws.store.db
    params = {"first": "0001-01-01", "last": "2026-12-03", "on": "2026-11-26", "vlo": "A"}
    params.update(day="2026-11-01", link=1, task=1)
    for where in ("", " AND vlo = :vlo"):
        plan = [
            r[3]
            for r in db.execute("EXPLAIN QUERY PLAN " + repo_dashboard.COUNT_SQL + where, params)
        ]
        assert plan == ["SEARCH due_tally USING PRIMARY KEY (due_on>? AND due_on<?)"], plan
    after = " AND (t.due_on, t.link_id, t.id) > (:day, :link, :task)"
    for where in ("", " AND l.vlo = :vlo", after):
        sql = repo_dashboard.PAGE_SQL + where + repo_dashboard.ORDER
        plan = [r[3] for r in db.execute("EXPLAIN QUERY PLAN " + sql, params)]
        assert plan[0].startswith("SEARCH t USING INDEX task_open_due_link (due_on>? AND")
        assert plan[1].startswith("SEARCH l USING INDEX link_open_vlo (id=?")
        assert not any(step.startswith("SCAN") or "TEMP" in step for step in plan), plan


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


def test_the_figures_cost_the_same_however_many_tasks_are_open(ws, case_id):
    """The figures are read from tallies kept per due date (migration 0028): counting
    them after every change used to read every open task (260 ms at a million)."""
    db = ws.store.db

    def steps() -> int:
        counted = [0]

        def step() -> int:
            counted[0] += 1
            return 0

        db.conn.set_progress_handler(step, 1)
        try:
            dashboard.due_counts(ws, on=ON)
        finally:
            db.conn.set_progress_handler(None, 1)
        return counted[0]

    for n in range(5):
        _task(ws, case_id, n % 3 - 1, f"few{n}")
    few = steps()
    for n in range(300):
        _task(ws, case_id, n % 3 - 1, f"many{n}")
    assert dashboard.due_counts(ws, on=ON) == DueCounts(overdue=102, today=102, week=101)
    assert steps() <= few + 5
