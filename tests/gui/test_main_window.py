"""The main window driven as a VLO would: search, open a case, edit, add a note."""

from __future__ import annotations

from helpers import click_ok, when_dialog_opens
from PySide6.QtCore import Qt

from vcs_app.qt.main_window import MainWindow
from vcs_app.qt.models.caseload_model import PAGE, CaseloadModel
from vcs_app.qt.views.case_view import CaseView
from vcs_app.services import cases


def test_caseload_model_passes_qt_model_tests(qtmodeltester, demo_ws):
    model = CaseloadModel(demo_ws)
    model.set_filter(text="", vlo=None, status=None)
    qtmodeltester.check(model)


def test_window_shows_caseload_and_status(window, demo_ws):
    model = window.caseload.model
    open_cases = cases.caseload_counts(demo_ws)["open"]
    assert model.total == open_cases  # the exact count; rows are read a page at a time
    assert model.rowCount() == min(open_cases, PAGE)
    assert window.caseload.count.text() == f"{open_cases} cases"
    assert str(demo_ws.path) in window.statusBar().currentMessage()
    assert f"{open_cases:,} open cases" in window.statusBar().currentMessage()
    first = model.index(0, 0).data()
    assert first.startswith("VCS-")


def test_search_narrows_the_table(qtbot, window):
    model = window.caseload.model
    before = model.total
    family = model.index(0, 1).data().split(",")[0]
    window.focus_search()
    assert window.caseload.search.hasFocus()
    qtbot.keyClicks(window.caseload.search, family)
    qtbot.waitUntil(lambda: model.total is not None and 0 < model.total < before, timeout=3000)
    assert model.rowCount() == model.total
    victims = [model.index(r, 1).data() for r in range(model.rowCount())]
    offenders = [model.index(r, 2).data() for r in range(model.rowCount())]
    assert all(family in v or family in o for v, o in zip(victims, offenders, strict=True))
    window.caseload.search.clear()
    qtbot.waitUntil(lambda: model.total == before, timeout=3000)


def test_open_case_with_enter_and_add_liaison_note(qtbot, window, demo_ws):
    table = window.caseload.table
    table.setFocus()
    table.setCurrentIndex(window.caseload.model.index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    view = window.tabs.currentWidget()
    assert isinstance(view, CaseView)
    view.show_tab("Liaison")  # tabs are built when first shown
    before = view.liaison_model.rowCount()

    def fill(dialog):
        dialog.summary.setPlainText("OM confirmed the exclusion zone was included.")
        click_ok(dialog)

    when_dialog_opens(qtbot, fill)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.case_tab(view.case_id).liaison_model.rowCount() == before + 1)
    view = window.case_tab(view.case_id)
    texts = [view.liaison_model.index(r, 5).data() for r in range(view.liaison_model.rowCount())]
    assert "OM confirmed the exclusion zone was included." in texts


def test_empty_liaison_summary_is_refused_inside_the_dialog(qtbot, window):
    case_id = window.caseload.model.case_id(0)
    window.open_case(case_id)
    seen = {}

    def fill(dialog):
        click_ok(dialog)  # empty summary
        seen["error"] = dialog.error.text()
        seen["visible"] = dialog.isVisible()
        dialog.reject()

    when_dialog_opens(qtbot, fill)
    window.add_liaison(case_id)
    assert "summary" in seen["error"]
    assert seen["visible"]


def test_edit_victim_updates_case_tab_and_caseload_row(qtbot, window):
    case_id = window.caseload.model.case_id(0)
    window.open_case(case_id)

    def fill(dialog):
        dialog.family.setText("Zzyzx")
        click_ok(dialog)

    when_dialog_opens(qtbot, fill)
    window.edit_victim(case_id)
    view = window.case_tab(case_id)
    assert "Zzyzx" in view.header.text()
    row = window.caseload.model.row_of(case_id)
    assert window.caseload.model.index(row, 1).data().startswith("Zzyzx,")


def test_new_referral_opens_the_new_case(qtbot, window, demo_ws):
    def fill(dialog):
        dialog.v_given.setText("Wren")
        dialog.v_family.setText("Quixwell")
        dialog.o_given.setText("Percy")
        dialog.o_family.setText("Greatorex")
        dialog.offence.setText("Robbery")
        click_ok(dialog)

    when_dialog_opens(qtbot, fill)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    view = window.tabs.currentWidget()
    assert isinstance(view, CaseView)
    assert view.case.victim.full_name == "Wren Quixwell"
    assert cases.caseload_ids(demo_ws, text="quixwell") == [view.case_id]


def test_layout_is_restored_from_settings(qtbot, demo_ws):
    first = MainWindow(demo_ws)
    qtbot.addWidget(first)
    first.caseload.table.setColumnWidth(1, 333)
    first.close()
    second = MainWindow(demo_ws)
    qtbot.addWidget(second)
    assert second.caseload.table.columnWidth(1) == 333


def test_refresh_emits_narrow_data_changed(qtbot, window, demo_ws):
    model = window.caseload.model
    case_id = model.case_id(3)
    with qtbot.waitSignal(model.dataChanged) as blocker:
        model.refresh_cases((case_id,))
    top, bottom = blocker.args[0], blocker.args[1]
    assert top.row() == bottom.row() == 3


def test_every_input_in_the_window_has_an_accessible_name(window):
    from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPushButton, QTableView

    window.open_case(window.caseload.model.case_id(0))
    widgets = [
        w
        for kind in (QLineEdit, QComboBox, QTableView, QPushButton, QCheckBox)
        for w in window.findChildren(kind)
        if not w.objectName().startswith("qt_")
    ]
    assert len(widgets) > 10
    unnamed = [
        w for w in widgets if not w.accessibleName() and not getattr(w, "text", lambda: "")()
    ]
    assert unnamed == []


def test_startup_reads_one_page_of_the_caseload(qtbot, demo_ws, monkeypatch):
    calls = []
    original = cases.caseload_page
    monkeypatch.setattr(
        cases, "caseload_page", lambda *a, **k: calls.append(a) or original(*a, **k)
    )
    window = MainWindow(demo_ws, remember_layout=False)
    qtbot.addWidget(window)
    assert len(calls) == 1
    window.caseload.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    query = calls[-1][1]
    assert query.sort == "offender" and query.descending is True
    assert len(calls) == 2


def test_a_demo_file_says_demo_in_the_title_bar_and_a_real_one_does_not(qtbot, window, ws):
    """Issue 16 §8: `make run` makes the default file a demo; it must never be taken for
    the office's real caseload."""
    assert "DEMO (synthetic cases, not a real caseload)" in window.windowTitle()
    ws.store.db.execute("UPDATE setting SET value = '0' WHERE key = 'demo'")
    real = MainWindow(ws, remember_layout=False)
    qtbot.addWidget(real)
    assert "DEMO" not in real.windowTitle() and ws.path.name in real.windowTitle()
