"""The caseload window reads a page at a time and searches off the GUI thread: more rows
arrive as the table scrolls, only the newest search is ever shown, a hidden dashboard is
not read again after each change, and starting the window imports no dialog."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import Qt

from vcs_app.qt.models.caseload_model import PAGE
from vcs_app.services import cases, dashboard


def _idle(model) -> bool:
    return not model.searching and model.total is not None and not model._fetching


def _scroll_to_end(qtbot, window) -> None:
    table = window.caseload.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)


def test_scrolling_to_the_end_reads_the_next_page(qtbot, window, demo_ws):
    model = window.caseload.model
    total = cases.caseload_counts(demo_ws)["open"]
    assert model.total == total > PAGE and model.rowCount() == PAGE
    _scroll_to_end(qtbot, window)
    qtbot.waitUntil(lambda: model.rowCount() == total)
    assert [model.case_id(r) for r in range(total)] == cases.caseload_ids(demo_ws)


def test_a_search_reads_more_rows_on_its_thread_as_the_table_scrolls(qtbot, window, demo_ws):
    model = window.caseload.model
    window.caseload.search.setText("e")  # nearly every case
    qtbot.waitUntil(lambda: _idle(model))
    expected = cases.caseload_ids(demo_ws, text="e")
    assert model.total == len(expected) > PAGE and model.rowCount() == PAGE
    _scroll_to_end(qtbot, window)
    qtbot.waitUntil(lambda: model.rowCount() == len(expected) and _idle(model))
    assert [model.case_id(r) for r in range(model.rowCount())] == expected


def test_only_the_newest_search_is_ever_shown(qtbot, window, demo_ws):
    model = window.caseload.model
    shown = []
    model.modelReset.connect(lambda: shown.append(model.text))
    for text in ("s", "sm", "smi", "qqqq"):  # as fast as the keys come
        window.caseload.search.setText(text)
    qtbot.waitUntil(lambda: _idle(model))
    assert shown == ["qqqq"]  # the stale searches were interrupted or dropped
    assert model.rowCount() == 0 and model.total == 0
    assert window.caseload.count.text() == "0 cases"
    window.caseload.search.setText("")  # a plain list is read at once
    assert model.total == cases.caseload_counts(demo_ws)["open"]


def test_typing_ends_on_the_final_texts_results(qtbot, window, demo_ws):
    model = window.caseload.model
    window.caseload.search.setFocus()
    qtbot.keyClicks(window.caseload.search, "sentence")
    qtbot.waitUntil(lambda: _idle(model) and model.text == "sentence")
    expected = cases.caseload_ids(demo_ws, text="sentence")
    assert [model.case_id(r) for r in range(model.rowCount())] == expected[:PAGE]
    assert model.total == len(expected)


def test_a_hidden_dashboard_is_not_read_again_after_each_change(
    qtbot, window, demo_ws, monkeypatch
):
    window.show_dashboard()  # read once
    window.tabs.setCurrentIndex(0)
    reads = []
    original = dashboard.due_page
    monkeypatch.setattr(dashboard, "due_page", lambda *a, **k: reads.append(a) or original(*a, **k))
    resets = []
    window.dashboard.model.modelReset.connect(lambda: resets.append(1))
    case_id = window.caseload.model.case_id(0)
    link = cases.open_case(demo_ws, case_id).link
    window._refresh(cases.archive_case(demo_ws, link.id))
    assert reads == [] and resets == []  # its figures (tallies) are read, its list is not
    open_tasks = dashboard.due_counts(demo_ws, on=window.dashboard.on)
    assert window.dashboard.counts == open_tasks
    assert "overdue" in window.tabs.tabText(1)
    window.show_dashboard()
    qtbot.waitUntil(lambda: bool(reads))  # read when shown (painted)
    assert window.dashboard.model.rowCount() == open_tasks.total


def test_starting_the_window_imports_no_dialog_and_no_other_view():
    code = (
        "import sys, vcs_app.qt.main_window;"
        "print(sorted(m for m in sys.modules if m.startswith(('vcs_app.qt.dialogs',"
        " 'vcs_app.qt.views', 'holidays'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "['vcs_app.qt.views', 'vcs_app.qt.views.dashboard']"
