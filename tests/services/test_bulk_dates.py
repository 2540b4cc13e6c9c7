"""Bulk official date changes: a review lists every victim before anything is recorded,
the batch is all or nothing, and more than 20% of open cases needs a second confirmation."""

from __future__ import annotations

import time
from datetime import date

import pytest

from vcs_app.domain.model import (
    ContactLevel,
    DomainError,
    KeyDate,
    Link,
    Offender,
    OptState,
    ValidationError,
    Victim,
)
from vcs_app.services import bulk_dates, cases, sentences
from vcs_app.services.demo import build_demo
from vcs_app.storage import repo_events

ON = date(2026, 11, 20)


def _case(ws, offender_id, n, opt=OptState.OPTED_IN, level=ContactLevel.KEY_STAGES, status="open"):
    victim_id = cases.create_victim(ws, Victim("Ceri", f"Bulkvictim{n}"))
    return cases.create_link(
        ws,
        Link(
            victim_id=victim_id,
            offender_id=offender_id,
            offence="Robbery",
            referral_date=date(2025, 2, 1),
            opt_state=opt,
            contact_level=level,
            status=status,
        ),
    )


@pytest.fixture
def caseload(ws):
    """Ten open cases over five offenders (X300001..X300005), two victims each, one of
    each pair opted out; plus one closed case."""
    offenders = {}
    for i in range(1, 6):
        offender_id = cases.create_offender(
            ws, Offender("Percy", f"Greatorex{i}", crn=f"X30000{i}", nomis=f"A100{i}BC")
        )
        offenders[f"X30000{i}"] = offender_id
        _case(ws, offender_id, 2 * i)
        _case(ws, offender_id, 2 * i + 1, OptState.OPTED_OUT, ContactLevel.NONE)
    _case(ws, offenders["X300001"], 99, status="closed")
    sentences.record_key_date(
        ws, KeyDate(offenders["X300001"], "CRD", date(2027, 3, 14)), origin="Prison OMU"
    )
    return offenders


def _csv(*rows: str) -> str:
    return "crn,kind,date,received_on,source\n" + "\n".join(rows) + "\n"


def _task_count(ws) -> int:
    return ws.store.db.execute("SELECT COUNT(*) FROM task").fetchone()[0]


def test_the_review_lists_every_victim_and_what_changed_without_recording_anything(ws, caseload):
    before = (_task_count(ws), ws.store.db.execute("SELECT COUNT(*) FROM key_date").fetchone())
    review = bulk_dates.review_date_changes(
        ws, _csv("X300001,CRD,2027-05-02,2026-11-18,PPCS calculation"), file_name="dates.csv"
    )
    assert review.problems == () and review.can_apply
    [change] = review.changes
    assert change.what == "CRD: 14/03/2027 → 02/05/2027"
    told = {(r.case_ref, r.will_notify, r.reason) for r in change.recipients}
    assert len(told) == 3  # both open cases and the closed one are listed, with reasons
    assert [r.will_notify for r in change.recipients].count(True) == 1
    assert {r.reason for r in change.recipients} == {
        "will be told",
        "not opted in (opted out)",
        "case closed",
    }
    assert len(review.notifications) == 1
    assert review.affected_cases == 2 and review.open_cases == 10
    assert "1 victim task(s) would be created" in review.summary()
    after = (_task_count(ws), ws.store.db.execute("SELECT COUNT(*) FROM key_date").fetchone())
    assert after == before


def test_confirming_records_each_date_with_its_batch_and_one_task_per_victim(ws, caseload):
    review = bulk_dates.review_date_changes(
        ws,
        _csv("X300001,CRD,2027-05-02,2026-11-18,PPCS", "X300002,SLED,02/01/2030,,"),
        file_name="dates.csv",
    )
    assert review.needs_second_confirmation  # 4 of 10 open cases = 40%
    result = bulk_dates.apply_date_changes(ws, review, confirmed_cases=review.affected_cases)
    assert result.dates_recorded == 2 and result.tasks_created == 2
    file = sentences.sentence_file(ws, caseload["X300001"])
    crd = next(d for d in file.official_dates if d.current and d.key_date.kind == "CRD")
    assert crd.batch_id == result.batch_id
    assert crd.origin == f"PPCS (batch {result.batch_id}, line 2)"
    assert crd.key_date.received_on == date(2026, 11, 18)
    assert next((c.old, c.new) for c in file.history if c.kind == "CRD") == (
        date(2027, 3, 14),
        date(2027, 5, 2),
    )


@pytest.mark.parametrize(
    ("offenders", "needs_second"),
    [(1, False), (2, True), (5, True)],
    ids=["exactly-20%-is-not-above", "40%", "100%"],
)
def test_more_than_20_percent_of_open_cases_needs_a_second_confirmation(
    ws, caseload, offenders, needs_second
):
    rows = [f"X30000{i},SLED,2030-01-0{i}" for i in range(1, offenders + 1)]
    review = bulk_dates.review_date_changes(ws, _csv(*rows))
    assert review.affected_cases == 2 * offenders and review.open_cases == 10
    assert review.needs_second_confirmation is needs_second


def test_a_big_batch_is_refused_without_the_second_confirmation_and_nothing_is_recorded(
    ws, caseload
):
    review = bulk_dates.review_date_changes(
        ws, _csv(*(f"X30000{i},CRD,2027-0{i}-15" for i in range(1, 6)))
    )
    assert review.needs_second_confirmation and review.affected_cases == 10
    before = _task_count(ws)
    for typed in (None, 9, 11):
        with pytest.raises(ValidationError, match="confirm a second time by typing 10"):
            bulk_dates.apply_date_changes(ws, review, confirmed_cases=typed)
    assert _task_count(ws) == before
    result = bulk_dates.apply_date_changes(ws, review, confirmed_cases=10)
    assert result.tasks_created == 5 and len(result.changed.link_ids) == 11
    batch = ws.store.db.execute("SELECT second_confirmation, tasks FROM date_batch").fetchone()
    assert batch == (1, 5)


def test_problems_are_listed_by_line_and_block_the_whole_batch(ws, caseload):
    review = bulk_dates.review_date_changes(
        ws,
        _csv(
            "X300002,CRD,2027-04-01",
            "X999999,CRD,2027-04-01",
            "X300003,XYZ,2027-04-01",
            "X300004,CRD,31/02/2027",
            "X300002,CRD,2027-04-02",
            ",CRD,2027-04-01",
        ),
    )
    assert review.problems == (
        "Line 3: no offender with CRN X999999 is on file.",
        "Line 4: 'XYZ' is not a known key date (use one of "
        "SED, LED, SLED, CRD, ARD, PED, HDCED, HDCAD, APD, PRRD, TUSED, ERSED, TARIFF, ROTL, MTD).",
        "Line 5: '31/02/2027' is not a date (use 2027-03-14).",
        "Line 6: repeats line 2 (CRD for X300002).",
        "Line 7: give the offender's CRN or prison number.",
    )
    assert not review.can_apply
    with pytest.raises(ValidationError, match="5 problem"):
        bulk_dates.apply_date_changes(ws, review)


def test_rows_already_on_record_are_skipped_and_prison_numbers_work(ws, caseload):
    review = bulk_dates.review_date_changes(
        ws,
        "nomis,kind,date\nA1001BC,CRD,2027-03-14\nA1003BC,PED,2028-01-01\n",
    )
    assert [r.line for r in review.unchanged] == [2]
    assert [c.offender_ref for c in review.changes] == ["X300003"]
    assert review.notifications[0][1].reason == "will be told"


def test_a_review_that_is_out_of_date_is_refused(ws, caseload):
    review = bulk_dates.review_date_changes(ws, _csv("X300001,CRD,2027-05-02"))
    sentences.record_key_date(
        ws, KeyDate(caseload["X300001"], "CRD", date(2027, 4, 1)), origin="OMU phone call"
    )
    tasks = _task_count(ws)
    with pytest.raises(DomainError, match="changed after this file was reviewed"):
        bulk_dates.apply_date_changes(ws, review)
    assert _task_count(ws) == tasks
    assert ws.store.db.execute("SELECT COUNT(*) FROM date_batch").fetchone()[0] == 0


def test_a_file_without_the_needed_columns_is_refused_in_one_line(ws, caseload):
    with pytest.raises(ValidationError, match="must name the columns"):
        bulk_dates.review_date_changes(ws, "crn,date\nX300001,2027-01-01\n")
    with pytest.raises(ValidationError, match="empty"):
        bulk_dates.review_date_changes(ws, "")
    with pytest.raises(ValidationError, match="Unknown column"):
        bulk_dates.review_date_changes(ws, "crn,kind,date,victim_address\n")


class _CancelAfter:
    """Stands in for the GUI's progress object: asks to stop after a few changes."""

    def __init__(self, changes: int) -> None:
        self.left = changes

    def report(self, done: int, total: int, message: str = "") -> None:
        pass

    def check(self) -> None:
        self.left -= 1
        if self.left < 0:
            raise RuntimeError("stopped by the user")


def test_stopping_part_way_records_nothing(ws, caseload):
    review = bulk_dates.review_date_changes(
        ws, _csv(*(f"X30000{i},SLED,2030-01-0{i}" for i in range(1, 6)))
    )
    tasks = _task_count(ws)
    with pytest.raises(RuntimeError):
        bulk_dates.apply_date_changes(ws, review, confirmed_cases=10, progress=_CancelAfter(3))
    assert _task_count(ws) == tasks
    assert ws.store.db.execute("SELECT COUNT(*) FROM key_date").fetchone()[0] == 1


def test_a_whole_demo_caseload_batch_reaches_every_wanting_victim_once(ws):
    build_demo(ws, victims=300, seed=3, today=ON)
    rows = ws.store.db.execute(
        "SELECT o.crn, k.value FROM key_date k JOIN offender o ON o.id = k.offender_id"
        " WHERE k.kind = 'CRD' AND k.superseded_by IS NULL"
    ).fetchall()
    text = "crn,kind,date\n" + "".join(
        f"{crn},CRD,{date.fromisoformat(value).replace(day=1).isoformat()}\n"
        for crn, value in rows
        if not value.endswith("-01")
    )
    started = time.perf_counter()
    review = bulk_dates.review_date_changes(ws, text, file_name="all.csv")
    reviewed = time.perf_counter() - started
    assert review.needs_second_confirmation
    wanting = {r.link_id for _, r in review.notifications}
    # The demo already has a few victims to tell of a date received lately; this batch's
    # tasks are the ones about the dates it records.
    (last_date,) = ws.store.db.execute("SELECT MAX(id) FROM key_date").fetchone()
    result = bulk_dates.apply_date_changes(ws, review, confirmed_cases=review.affected_cases)
    applied = time.perf_counter() - started - reviewed
    assert result.tasks_created == len(review.notifications) == len(wanting)
    made = ws.store.db.execute(
        "SELECT link_id, COUNT(*) FROM task WHERE rule = 'key_date_update' AND done_on IS NULL"
        " AND source_ref LIKE 'key_date:%'"
        " AND CAST(substr(source_ref, 10) AS INTEGER) > ? GROUP BY link_id",
        [last_date],
    ).fetchall()
    assert {link for link, _ in made} == wanting and {n for _, n in made} == {1}
    assert repo_events.open_tasks(ws.store.db, min(wanting), "key_date_update")
    print(
        f"\nbulk: {len(review.changes)} changes reviewed in {reviewed:.2f}s, applied in"
        f" {applied:.2f}s, {result.tasks_created} tasks"
    )
