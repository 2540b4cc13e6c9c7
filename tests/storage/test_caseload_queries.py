"""Caseload queries: SQL does the filtering, sorting and searching, with indexes."""

from __future__ import annotations

from datetime import date

import pytest

from vcs_app.domain.search import CaseloadQuery, PageCursor
from vcs_app.services import cases
from vcs_app.services.demo import build_demo
from vcs_app.storage.repo_caseload import SORTS, _walk
from vcs_app.storage.repo_caseload import caseload_ids as _ids


def caseload_ids(db, **query):
    return _ids(db, CaseloadQuery(**query))


@pytest.fixture
def demo_ws(ws):
    build_demo(ws, victims=400, seed=7, today=date(2026, 11, 26))
    return ws


@pytest.mark.parametrize(
    "text",
    ['"', "'", "AND", "OR NOT", "a*", "(", ")", "NEAR(", "x:y", "^", "-", "😀", "\x00", "  "],
)
def test_any_typed_text_is_a_safe_query(demo_ws, text):
    ids = caseload_ids(demo_ws.store.db, text=text, status=None)
    assert isinstance(ids, list)


def test_search_by_name_prefix_and_reference(demo_ws):
    all_ids = caseload_ids(demo_ws.store.db, status=None)
    rows = cases.caseload_rows(demo_ws, all_ids[:1])
    first = rows[all_ids[0]]
    family = first.victim_name.split(",")[0]
    found = caseload_ids(demo_ws.store.db, text=family[:4], status=None)
    assert all_ids[0] in found
    assert caseload_ids(demo_ws.store.db, text=first.ref, status=None) == [all_ids[0]]


@pytest.mark.parametrize("sort", list(SORTS))
def test_every_sort_returns_every_case_once(demo_ws, sort):
    ascending = caseload_ids(demo_ws.store.db, sort=sort, status=None)
    descending = caseload_ids(demo_ws.store.db, sort=sort, status=None, descending=True)
    assert sorted(ascending) == sorted(descending) == list(range(1, 401))


def test_sort_by_victim_follows_surname(demo_ws):
    ids = caseload_ids(demo_ws.store.db, sort="victim", status=None)
    rows = cases.caseload_rows(demo_ws, ids)
    names = [rows[i].victim_name.casefold() for i in ids]
    surnames = [n.split(",")[0].replace("'", "").replace("-", " ") for n in names]
    assert surnames == sorted(surnames)


def test_filters_by_vlo_and_status(demo_ws):
    vlo = cases.vlo_names(demo_ws)[0]
    ids = caseload_ids(demo_ws.store.db, vlo=vlo, status="open")
    rows = cases.caseload_rows(demo_ws, ids)
    assert ids and all(r.vlo == vlo and r.status == "open" for r in rows.values())


def _plan(db, sql, params=()):
    return " ".join(r[3] for r in db.execute("EXPLAIN QUERY PLAN " + sql, params))


def _walk_plan(db, monkeypatch, **query) -> str:
    """The plan of each statement a page of a plain list runs (from a cursor)."""
    plans = []
    original = db.execute

    def execute(sql, params=()):
        if sql.startswith("SELECT link.id"):
            plans.append(_plan(db, sql, params))
        return original(sql, params)

    monkeypatch.setattr(db, "execute", execute)
    _walk(db, CaseloadQuery(**query), PageCursor(0, "x", 5), 100, None, {})
    monkeypatch.undo()
    return " | ".join(plans)


@pytest.mark.parametrize("status", ["open", None])
@pytest.mark.parametrize("sort", list(SORTS))
def test_every_sort_reads_a_page_from_an_index(demo_ws, monkeypatch, sort, status):
    for descending in (False, True):
        plan = _walk_plan(
            demo_ws.store.db, monkeypatch, sort=sort, status=status, descending=descending
        )
        assert "TEMP B-TREE" not in plan and "SCAN link" not in plan, plan


def test_other_caseload_queries_use_indexes(demo_ws, monkeypatch):
    db = demo_ws.store.db
    plan = _walk_plan(db, monkeypatch, vlo="Alex Morgan")
    assert "INDEX link_vlo_status" in plan and "TEMP B-TREE" not in plan
    plan = _plan(db, "SELECT * FROM liaison_entry WHERE link_id = 1 ORDER BY happened_on DESC")
    assert "liaison_entry_link" in plan
    plan = _plan(db, "SELECT * FROM task WHERE done_on IS NULL AND due_on <= '2026-01-01'")
    assert "task_open_due" in plan
