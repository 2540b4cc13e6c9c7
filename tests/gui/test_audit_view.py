"""The audit log viewer: filter by user, case and period; page through; export as a
logged disclosure; see whether the hash chain holds."""

from __future__ import annotations

import csv
from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from vcs_app.qt.views.audit_view import AuditLogModel, AuditLogView
from vcs_app.qt.widgets import NO_DATE
from vcs_app.services import cases
from vcs_app.services.audit_view import PAGE_SIZE, AuditFilter
from vcs_app.services.workspace import Workspace
from vcs_app.storage import audit
from vcs_app.storage.repo_cases import link_ref

OTHER_VLO = "sam.okafor"


@pytest.fixture
def activity(demo_ws):
    """Two VLOs at work on the demo caseload; returns the case ids they touched."""
    ids = cases.caseload_ids(demo_ws)[:4]
    other = Workspace(demo_ws.store, OTHER_VLO)
    for case_id in ids[:3]:
        cases.open_case(demo_ws, case_id)
    for case_id in ids[2:]:
        case = cases.open_case(other, case_id)
    cases.update_victim(other, replace(case.victim, accessibility="Large print"))
    return ids


def _column(model, column: int) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_audit_model_passes_qt_model_tests(qtmodeltester, demo_ws, activity):
    model = AuditLogModel(demo_ws)
    model.set_filter(AuditFilter())
    qtmodeltester.check(model)


def test_filters_narrow_the_log_by_user_case_and_action(qtbot, demo_ws, activity):
    view = AuditLogView(demo_ws)
    qtbot.addWidget(view)
    everything = view.model.rowCount()
    assert everything == audit.latest_id(demo_ws.store.db)

    view.user.setCurrentIndex(view.user.findData(OTHER_VLO))
    assert set(_column(view.model, 1)) == {OTHER_VLO}
    assert set(_column(view.model, 2)) == {"Viewed", "Changed"}

    view.show_case(link_ref(activity[3]).lower().replace("vcs-00", "vcs-"))
    assert set(_column(view.model, 4)) == {link_ref(activity[3])}
    assert set(_column(view.model, 1)) == {OTHER_VLO}

    view.user.setCurrentIndex(0)  # all users
    view.action.setCurrentIndex(view.action.findData("update"))
    assert _column(view.model, 2) == ["Changed"]
    assert "accessibility" in view.model.index(0, 5).data()
    assert view.count.text() == "1 entry"


def test_period_filter_uses_local_dates(qtbot, demo_ws, activity):
    """Audit rows carry the real time they were written (UTC); the period is in local
    dates. The expected counts come from the rows' own local dates, not the clock."""
    view = AuditLogView(demo_ws)
    qtbot.addWidget(view)
    written = [e.at.astimezone().date() for e in audit.find_entries(demo_ws.store.db, limit=None)]
    day = max(written)
    view.since.setDate(day + timedelta(days=1))
    assert view.model.rowCount() == 0
    view.since.setDate(day)
    view.until.setDate(day)
    assert view.model.rowCount() == written.count(day) > 0
    view.since.setDate(NO_DATE)  # "not known" means no lower bound
    view.until.setDate(day - timedelta(days=1))
    assert view.model.rowCount() == sum(1 for d in written if d < day)


def test_an_unknown_case_is_said_in_the_view_and_the_table_stays(qtbot, demo_ws, activity):
    view = AuditLogView(demo_ws)
    qtbot.addWidget(view)
    before = view.model.rowCount()
    view.show_case("VCS-999999")
    assert "There is no case VCS-999999" in view.message.text()
    assert view.model.rowCount() == before


def test_a_long_log_is_fetched_a_page_at_a_time(qtbot, demo_ws, activity):
    case_id = activity[0]
    with demo_ws.store.atomic() as db:
        for _ in range(PAGE_SIZE + 100):
            audit.record(db, who="bulk.reader", action="view", entity="link", link_id=case_id)
    view = AuditLogView(demo_ws)
    qtbot.addWidget(view)
    view.show()
    total = audit.latest_id(demo_ws.store.db)
    assert view.model.total == total
    assert view.model.rowCount() == PAGE_SIZE
    assert f"{total:,} entries ({PAGE_SIZE:,} loaded)" == view.count.text()
    view.table.scrollToBottom()  # as a VLO scrolling down: the view asks for more
    qtbot.waitUntil(lambda: view.model.rowCount() == total)
    ids = [view.model.entry(r).id for r in range(total)]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == total


def test_export_writes_what_is_shown_and_is_logged_as_a_disclosure(
    qtbot, demo_ws, activity, tmp_path, monkeypatch
):
    with demo_ws.store.atomic() as db:  # a user name a spreadsheet would run as a formula
        audit.record(db, who="=cmd|' /C calc'!A0", action="view", entity="link")
    view = AuditLogView(demo_ws)
    qtbot.addWidget(view)
    view.user.setCurrentIndex(view.user.findData(OTHER_VLO))
    shown = view.model.rowCount()
    out = tmp_path / "audit.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)

    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][:4] == ["id", "when_utc", "who", "action"]
    assert len(rows) == shown + 1 and {r[2] for r in rows[1:]} == {OTHER_VLO}
    assert "as a disclosure" in view.message.text()

    last = audit.find_entries(demo_ws.store.db, limit=1)[0]
    assert (last.who, last.action, last.entity) == ("test.vlo", "disclose", "audit_log")
    assert str(out) in last.detail and f'"rows": {shown}' in last.detail
    assert OTHER_VLO in last.detail  # the filter used is part of the record

    view.user.setCurrentIndex(0)
    everything = tmp_path / "everything.csv"
    view.export_to(everything)
    cells = everything.read_text(encoding="utf-8-sig")
    assert "'=cmd|" in cells and ",=cmd|" not in cells


def test_export_to_a_folder_that_does_not_exist_writes_no_log_row(qtbot, demo_ws, tmp_path):
    view = AuditLogView(demo_ws)
    qtbot.addWidget(view)
    before = audit.latest_id(demo_ws.store.db)
    assert view.export_to(tmp_path / "missing" / "audit.csv") is None
    assert "nothing was exported" in view.message.text()
    assert audit.latest_id(demo_ws.store.db) == before


def test_verify_chain_says_whether_the_log_was_tampered_with(qtbot, demo_ws, activity):
    view = AuditLogView(demo_ws)
    qtbot.addWidget(view)
    qtbot.mouseClick(view.verify_button, Qt.MouseButton.LeftButton)
    assert "intact" in view.message.text()
    with demo_ws.store.atomic() as db:  # forge a row around the append-only trigger
        db.execute("DROP TRIGGER audit_no_update")
        db.execute("UPDATE audit SET who = 'someone.else' WHERE id = 2")
    qtbot.mouseClick(view.verify_button, Qt.MouseButton.LeftButton)
    assert "chain broken at row 2" in view.message.text()


def test_tools_menu_opens_one_audit_tab_by_keyboard(qtbot, window, activity):
    qtbot.keyClick(
        window,
        Qt.Key.Key_L,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    view = window.tabs.currentWidget()
    assert isinstance(view, AuditLogView)
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Audit log"
    window.tabs.setCurrentIndex(0)
    window.open_case(activity[0])  # writes a 'view' row
    count = window.tabs.count()
    qtbot.keyClick(
        window,
        Qt.Key.Key_L,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.tabs.count() == count and window.tabs.currentWidget() is view
    assert view.model.index(0, 2).data() == "Viewed"  # reopened with the latest rows
    assert view.model.index(0, 4).data() == link_ref(activity[0])


def test_every_filter_has_an_accessible_name(qtbot, demo_ws):
    view = AuditLogView(demo_ws)
    qtbot.addWidget(view)
    for widget in (view.user, view.action, view.case, view.since, view.until, view.table):
        assert widget.accessibleName()
