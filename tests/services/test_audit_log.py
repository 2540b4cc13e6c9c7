"""Reading the audit log: local dates become UTC bounds, cases are found by reference,
and an export is written whole or not at all, with its disclosure row."""

from __future__ import annotations

import csv
import time
from datetime import date

import pytest

from vcs_app.domain.model import ValidationError
from vcs_app.services import audit_view
from vcs_app.services.audit_view import AuditFilter
from vcs_app.storage import audit


@pytest.fixture
def london(monkeypatch):
    """Local time is UK time (BST in summer), whatever the machine says."""
    monkeypatch.setenv("TZ", "Europe/London")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _row_at(ws, at: str, who: str = "a.vlo") -> None:
    """An audit row at a chosen moment (the chain is not what these tests look at)."""
    with ws.store.atomic() as db:
        db.execute(
            "INSERT INTO audit (at, who, action, entity, detail, prev_hash, hash)"
            " VALUES (?, ?, 'view', 'link', '', '', '')",
            [at, who],
        )


def test_a_local_day_in_summer_starts_at_23_00_utc_the_day_before(ws, london):
    _row_at(ws, "2026-06-30T22:59:59+00:00")  # 23:59 on 30 June, UK time
    _row_at(ws, "2026-06-30T23:00:00+00:00")  # 00:00 on 1 July, UK time
    _row_at(ws, "2026-07-01T22:59:59+00:00")  # 23:59 on 1 July, UK time
    _row_at(ws, "2026-07-01T23:00:00+00:00")  # 00:00 on 2 July
    july_1 = AuditFilter(who="a.vlo", since=date(2026, 7, 1), until=date(2026, 7, 1))
    times = [e.at.isoformat() for e in audit_view.audit_page(ws, july_1)]
    assert times == ["2026-07-01T22:59:59+00:00", "2026-06-30T23:00:00+00:00"]
    assert audit_view.audit_count(ws, july_1) == 2


def test_a_local_day_in_winter_is_the_utc_day(ws, london):
    _row_at(ws, "2026-12-01T00:00:00+00:00")
    _row_at(ws, "2026-11-30T23:59:59+00:00")
    december = AuditFilter(who="a.vlo", since=date(2026, 12, 1))
    assert audit_view.audit_count(ws, december) == 1


@pytest.mark.parametrize("typed", ["VCS-000001", "vcs-1", "1", " VCS1 ", "000001"])
def test_a_case_is_found_however_its_reference_is_typed(ws, case_id, typed):
    assert audit_view.normalise_case_ref(typed) == "VCS-000001"
    rows = audit_view.audit_page(ws, AuditFilter(case_ref=typed))
    assert rows and {e.link_id for e in rows} == {case_id}


def test_impossible_filters_are_refused_with_a_reason(ws, case_id):
    with pytest.raises(ValidationError, match="no case VCS-000999"):
        audit_view.audit_page(ws, AuditFilter(case_ref="999"))
    with pytest.raises(ValidationError, match="ends before it starts"):
        audit_view.audit_count(ws, AuditFilter(since=date(2026, 2, 1), until=date(2026, 1, 1)))


def test_paging_with_before_id_never_repeats_or_skips(ws, case_id):
    with ws.store.atomic() as db:
        for _ in range(120):
            audit.record(db, who="pager", action="view", entity="link", link_id=case_id)
    flt = AuditFilter(who="pager")
    seen, before = [], None
    while page := audit_view.audit_page(ws, flt, before_id=before, limit=25):
        seen += [e.id for e in page]
        before = page[-1].id
    assert len(seen) == len(set(seen)) == 120 == audit_view.audit_count(ws, flt)


def test_export_file_and_disclosure_row_come_together(ws, case_id, tmp_path):
    out = tmp_path / "audit.csv"
    rows = audit_view.export_audit_csv(ws, AuditFilter(case_ref="VCS-000001"), out)
    with out.open(encoding="utf-8-sig", newline="") as fh:
        lines = list(csv.DictReader(fh))
    assert len(lines) == rows and {line["case"] for line in lines} == {"VCS-000001"}
    last = audit.find_entries(ws.store.db, limit=1)[0]
    assert (last.action, last.entity) == ("disclose", "audit_log")
    assert '"case": "VCS-000001"' in last.detail
    assert not list(tmp_path.glob("*.partial"))
