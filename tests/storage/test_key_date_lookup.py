"""`letters --due` was quadratic: each letter looked its task's key date up by joining on
'key_date:' || k.id, which reads every key date. The id is now read out of the task's
reference, so one lookup costs the same however many key dates the file holds."""

from __future__ import annotations

from datetime import date, timedelta

from vcs_app.domain.model import KeyDate
from vcs_app.services import cases, clocks
from vcs_app.services.sentences import key_date_source_ref
from vcs_app.storage import repo_letters


def _steps(db, fn) -> int:
    """How many SQLite virtual-machine steps `fn` takes (a measure of work, not time)."""
    steps = [0]

    def count() -> int:
        steps[0] += 1
        return 0

    db.conn.set_progress_handler(count, 1)
    try:
        fn()
    finally:
        db.conn.set_progress_handler(None, 1)
    return steps[0]


def test_a_tasks_key_date_is_found_by_its_id_whatever_the_number_of_dates(ws, case_id):
    db = ws.store.db
    offender_id = cases.open_case(ws, case_id).offender.id

    def add_dates(n: int) -> int:
        last = 0
        for i in range(n):
            day = date(2027, 1, 1) + timedelta(days=i)
            last = cases.add_key_date(ws, KeyDate(offender_id, "CRD", day)).record_id
        return last

    def task_for(key_date_id: int) -> int:
        with ws.store.atomic():
            return clocks.add_task(
                ws,
                case_id,
                "key_date_update",
                "Tell the victim",
                date(2026, 12, 1),
                source_ref=key_date_source_ref(key_date_id),
            )

    few = task_for(add_dates(5))
    assert repo_letters.task_key_date(db, few)[0] == "CRD"
    small = _steps(db, lambda: repo_letters.task_key_date(db, few))
    many = task_for(add_dates(400))
    assert repo_letters.task_key_date(db, many) == ("CRD", date(2027, 1, 1) + timedelta(399))
    large = _steps(db, lambda: repo_letters.task_key_date(db, many))
    assert large <= small + 5, (small, large)
