"""The synthetic demo data: deterministic, realistic spread, healthy file."""

from __future__ import annotations

from datetime import date

import pytest

from vcs_app.services import cases
from vcs_app.services.demo import build_demo
from vcs_app.services.workspace import check_file, open_workspace

TODAY = date(2026, 11, 26)


def _fingerprint(ws):
    db = ws.store.db
    return db.execute(
        "SELECT group_concat(ref || v.family_name || link.opt_state, '|') FROM link"
        " JOIN victim v ON v.id = link.victim_id"
    ).fetchone()[0]


def test_same_seed_gives_the_same_caseload(tmp_path):
    prints = []
    for name in ("a.db", "b.db"):
        ws = open_workspace(tmp_path / name, create=True)
        build_demo(ws, victims=150, seed=3, today=TODAY)
        prints.append(_fingerprint(ws))
        ws.close()
    assert prints[0] == prints[1]


def test_demo_has_the_variety_a_vlo_meets(ws):
    summary = build_demo(ws, victims=1000, seed=1, today=TODAY)
    db = ws.store.db

    def count(sql):
        return db.execute(sql).fetchone()[0]

    assert summary.victims == 1000 and summary.offenders == 600
    assert count("SELECT COUNT(*) FROM victim WHERE language = 'cy'") > 50
    assert count("SELECT COUNT(*) FROM victim WHERE role = 'bereaved_relative'") > 30
    assert count(f"SELECT COUNT(*) FROM victim WHERE dob > '{TODAY.year - 18}-01-01'") > 10
    assert count("SELECT COUNT(*) FROM sentence WHERE type LIKE 'HOSPITAL%'") > 5
    assert (
        count("SELECT COUNT(*) FROM (SELECT offender_id FROM link GROUP BY 1 HAVING COUNT(*) > 1)")
        > 100
    )
    assert count(f"SELECT COUNT(*) FROM key_date WHERE value > '{TODAY}'") > 100
    assert count(f"SELECT COUNT(*) FROM key_date WHERE value < '{TODAY}'") > 100
    assert count("SELECT COUNT(*) FROM liaison_entry") == 6000
    assert count("SELECT COUNT(*) FROM contact_detail WHERE do_not_post = 1") > 5
    assert (
        count("SELECT COUNT(*) FROM link WHERE referral_date > ?".replace("?", f"'{TODAY}'")) == 0
    )
    assert check_file(ws.path).problems == []


def test_demo_refuses_a_database_that_already_has_cases(ws, case_id):
    with pytest.raises(ValueError):
        build_demo(ws, victims=10)
    assert cases.caseload_counts(ws)["open"] == 1
