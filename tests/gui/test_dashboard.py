"""The dashboard: counts in words, filters, one keystroke to the case, always up to date."""

from __future__ import annotations

from datetime import date

from helpers import when_dialog_opens
from PySide6.QtCore import Qt

from vcs_app.qt.views.case_view import CaseView
from vcs_app.qt.views.dashboard import DashboardView, DueModel
from vcs_app.services import dashboard
from vcs_app.services.dashboard import Bucket, DueQuery

DEMO_DAY = date(2026, 11, 26)  # the day the demo fixture's dates are built around


def _view(qtbot, ws) -> DashboardView:
    view = DashboardView(ws)
    qtbot.addWidget(view)
    view.refresh()
    return view


def test_due_model_passes_qt_model_tests(qtmodeltester, demo_ws):
    model = DueModel(demo_ws)
    model.set_query(DueQuery(DEMO_DAY), dashboard.due_counts(demo_ws, on=DEMO_DAY).total)
    assert model.rowCount() > 0
    qtmodeltester.check(model)


def test_counts_are_words_and_numbers_and_filter_the_list(qtbot, demo_ws):
    view = _view(qtbot, demo_ws)
    counts = dashboard.due_counts(demo_ws, on=DEMO_DAY)
    assert counts.overdue > 0 and counts.week > 0
    overdue = view.buttons[Bucket.OVERDUE]
    assert overdue.text() == f"Over&due ({counts.overdue:,})"
    assert overdue.accessibleName() == f"Overdue: {counts.overdue} tasks"
    # Bold marks the filter in force (pressed), as well as its pressed look: an emphasised
    # Overdue looked like the chosen button when All due was (issue 18).
    assert not overdue.font().bold() and view.buttons[None].font().bold()
    assert view.model.rowCount() == counts.total
    overdue.click()
    assert overdue.font().bold() and not view.buttons[None].font().bold()
    assert view.model.rowCount() == counts.overdue
    words = {view.model.index(r, 0).data().split(" by ")[0] for r in range(view.model.rowCount())}
    assert words == {"Overdue"}
    item = view.model.item(0)
    tip = view.model.index(0, 4).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == (item.rule_text or item.title)
    view.buttons[Bucket.TODAY].click()
    assert view.model.rowCount() == counts.today
    assert all(view.model.index(r, 0).data() == "Due today" for r in range(counts.today))


def test_filter_by_vlo(qtbot, demo_ws):
    view = _view(qtbot, demo_ws)
    everyone = view.counts.total
    vlo = view.vlo.itemData(1)
    view.vlo.setCurrentIndex(1)
    mine = dashboard.due_counts(demo_ws, on=DEMO_DAY, vlo=vlo)
    assert view.counts == mine and 0 < mine.total < everyone
    assert {view.model.index(r, 5).data() for r in range(view.model.rowCount())} == {vlo}


def test_ctrl_2_then_enter_opens_the_case(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.dashboard
    table = window.dashboard.table
    assert table.hasFocus()
    expected = window.dashboard.current_item().link_id
    qtbot.keyClick(table, Qt.Key.Key_Return)
    view = window.tabs.currentWidget()
    assert isinstance(view, CaseView) and view.case_id == expected


def test_mark_done_updates_the_counts_and_the_tab_title(qtbot, window):
    window.show_dashboard()
    board = window.dashboard
    board.buttons[Bucket.OVERDUE].click()
    before = board.counts.overdue
    assert window.tabs.tabText(1) == f"Dashboard ({before:,} overdue)"
    when_dialog_opens(qtbot, lambda dialog: dialog.accept())  # no outcome: it is optional
    board.done_button.click()
    assert board.counts.overdue == before - 1
    assert board.model.rowCount() == before - 1
    assert window.tabs.tabText(1) == f"Dashboard ({before - 1:,} overdue)"


def test_the_dashboard_cannot_be_closed(window):
    window.close_tab(1)
    assert window.tabs.widget(1) is window.dashboard
