"""The caseload read a page at a time: the pages follow on from each other in the order of
the sorted column (then the case id), a search ranks cases found by names, references,
people and contact details before those found only by notes, both of a search's plans
give the same pages, and the counts kept by triggers stay true through every change."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from vcs_app.domain.model import CaseStatus, ContactDetail, ContactKind
from vcs_app.domain.search import CaseloadQuery
from vcs_app.services import cases, clocks, retention, tasks
from vcs_app.services.demo import build_demo
from vcs_app.storage import repo_caseload
from vcs_app.storage.repo_caseload import SORTS, caseload_count, caseload_ids, caseload_page

ON = date(2026, 11, 26)
REFERENCE_SORT = {  # each column's order as plain Python, to check the SQL against
    "ref": lambda r: r["id"],
    "victim": lambda r: r["sort_victim"],
    "offender": lambda r: r["sort_offender"],
    "offence": lambda r: r["offence"],
    "opt_state": lambda r: r["opt_state"],
    "contact_level": lambda r: r["contact_level"],
    "vlo": lambda r: r["vlo"],
    "status": lambda r: r["status"],
    "next_due": lambda r: r["next_due"] or "9999-12-31",
}


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from vcs_app.services.workspace import open_workspace

    ws = open_workspace(tmp_path_factory.mktemp("paging") / "p.db", user="t", create=True, on=ON)
    build_demo(ws, victims=600, seed=11, today=ON)
    yield ws
    ws.close()


def _rows(db) -> list[dict]:
    cursor = db.execute(
        "SELECT id, sort_victim, sort_offender, offence, opt_state, contact_level, vlo,"
        " status, next_due FROM link"
    )
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor]


def _paged(db, query: CaseloadQuery, limit: int) -> list[int]:
    ids, cursor = [], None
    while True:
        page = caseload_page(db, query, cursor, limit)
        assert len(page.ids) <= limit
        ids += page.ids
        if page.next is None:
            return ids
        cursor = page.next


@pytest.mark.parametrize("sort", list(SORTS))
@pytest.mark.parametrize("status", ["open", "archived", None])
def test_pages_follow_on_in_the_columns_order(demo, sort, status):
    db = demo.store.db
    rows = [r for r in _rows(db) if status is None or r["status"] == status]
    for descending in (False, True):
        key = REFERENCE_SORT[sort]
        expected = [
            r["id"] for r in sorted(rows, key=lambda r: (key(r), r["id"]), reverse=descending)
        ]
        query = CaseloadQuery(status=status, sort=sort, descending=descending)
        assert _paged(db, query, 7) == expected
        assert caseload_count(db, query) == len(expected)


def _matches(db, table: str, text: str) -> set[int]:
    words = repo_caseload._Words(db, text)
    found = db.execute(f"SELECT rowid FROM {table} WHERE {table} MATCH ?", [words.expression])
    return {r[0] for r in found}


SEARCHES = ["s", "sentence", "sentence plan", "lowri", "bev", "x0001", "zz99", "Pellow", "om"]


@pytest.mark.parametrize("text", SEARCHES)
@pytest.mark.parametrize("walk", [True, False])
def test_a_search_ranks_names_before_notes_whichever_plan_reads_it(demo, monkeypatch, text, walk):
    """Both plans (walk the sorted index, or gather the matches and sort them) give the
    reference order: tier 0 by the column, then tier 1 by the column."""
    db = demo.store.db
    monkeypatch.setattr(repo_caseload, "_should_walk", lambda *_a: walk)
    by_name, every = _matches(db, "case_names", text), _matches(db, "case_search", text)
    rows = {r["id"]: r for r in _rows(db) if r["status"] == "open"}
    for sort in ("victim", "offence", "ref"):
        key = REFERENCE_SORT[sort]

        def ordered(ids: set[int], key=key) -> list[int]:
            return sorted((i for i in ids if i in rows), key=lambda i: (key(rows[i]), i))

        expected = ordered(by_name) + ordered(every - by_name)
        query = CaseloadQuery(text=text, sort=sort)
        assert _paged(db, query, 9) == expected, (text, sort)
        assert caseload_count(db, query) == len(expected)


def test_the_plan_is_chosen_by_how_much_it_reads(demo, monkeypatch):
    """As on a national caseload (there, up to 2,000 matches are gathered): a word most
    cases have is walked to, a handful of matches are gathered."""
    monkeypatch.setattr(repo_caseload, "GATHER_LIMIT", 50)
    db = demo.store.db
    query = CaseloadQuery(text="s")
    common = repo_caseload._Words(db, "s")
    rare = repo_caseload._Words(db, "x00012")
    assert repo_caseload._should_walk(db, query, common, 1, 20)
    assert not repo_caseload._should_walk(db, query, rare, 0, 20)


def test_a_word_that_begins_nothing_finds_nothing_at_once(demo):
    db = demo.store.db
    assert caseload_page(db, CaseloadQuery(text="qqqqzz")).ids == ()
    assert caseload_count(db, CaseloadQuery(text="qqqqzz")) == 0


def _tallies_are_true(db) -> None:
    kept = dict(
        ((s, v), n) for s, v, n in db.execute("SELECT status, vlo, n FROM case_tally WHERE n")
    )
    real = dict(
        ((s, v), n)
        for s, v, n in db.execute("SELECT status, vlo, count(*) FROM link GROUP BY 1, 2")
    )
    assert kept == real
    assert (
        db.execute("SELECT n FROM victim_tally").fetchone()[0]
        == (db.execute("SELECT count(*) FROM victim").fetchone()[0])
    )
    kept = dict(
        ((d, v), n) for d, v, n in db.execute("SELECT due_on, vlo, n FROM due_tally WHERE n")
    )
    real = dict(
        ((d, v), n)
        for d, v, n in db.execute(
            "SELECT t.due_on, l.vlo, count(*) FROM task t JOIN link l ON l.id = t.link_id"
            " WHERE t.done_on IS NULL AND l.status = 'open' GROUP BY 1, 2"
        )
    )
    assert kept == real


def test_the_tallies_stay_true_through_every_kind_of_change(ws, case_id):
    db = ws.store.db
    _tallies_are_true(db)
    with ws.store.atomic():
        first = clocks.add_task(ws, case_id, "a", "Task a", ON)
        clocks.add_task(ws, case_id, "b", "Task b", ON.replace(day=30))
    _tallies_are_true(db)
    tasks.complete_task(ws, first, on=ON)
    _tallies_are_true(db)
    link = cases.open_case(ws, case_id).link
    cases.update_link(ws, replace(link, vlo="Sam Rhydderch"))  # its open task moves
    _tallies_are_true(db)
    cases.archive_case(ws, case_id)
    _tallies_are_true(db)
    cases.restore_case_status(
        ws, case_id, CaseStatus.OPEN, expected=CaseStatus.ARCHIVED, action="undo"
    )
    _tallies_are_true(db)
    link = cases.open_case(ws, case_id).link
    cases.update_link(ws, replace(link, status=CaseStatus.CLOSED))
    _tallies_are_true(db)
    assert repo_caseload.case_counts(db)["closed"] == 1


def test_the_tallies_stay_true_when_closed_cases_are_erased(tmp_path):
    from vcs_app.domain.model import Role
    from vcs_app.services.workspace import open_workspace

    ws = open_workspace(tmp_path / "r.db", user="t", create=True, on=date(2034, 1, 1))
    try:
        build_demo(ws, victims=120, seed=3, today=ON)
        ws.role = Role.SENIOR
        due = retention.cases_due_for_review(ws)
        assert due
        retention.purge_cases(ws, [c.link_id for c in due[:10]])
        _tallies_are_true(ws.store.db)
    finally:
        ws.close()


def test_a_changed_phone_number_finds_the_case_and_the_old_one_does_not(ws, case_id):
    victim_id = cases.open_case(ws, case_id).victim.id
    cases.add_contact_detail(
        ws, ContactDetail(ContactKind.PHONE, "07700 900555", victim_id=victim_id)
    )
    assert cases.caseload_ids(ws, text="0770 090 0555") == [case_id]
    (detail,) = [c for c in cases.open_case(ws, case_id).contacts if c.value == "07700 900555"]
    cases.update_contact_detail(ws, replace(detail, value="07700 900777"))
    assert cases.caseload_ids(ws, text="07700900555") == []
    assert cases.caseload_ids(ws, text="+44 7700 900777") == [case_id]


def test_every_id_once_in_the_whole_list(demo):
    db = demo.store.db
    ids = caseload_ids(db, CaseloadQuery(status=None, sort="offence"))
    assert sorted(ids) == sorted(r["id"] for r in _rows(db))
