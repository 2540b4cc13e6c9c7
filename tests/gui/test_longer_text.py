"""Welsh is longer and text can be 150%: every Settings tab is in sight, and table columns
are sized from the font and their text (a heading or a case reference is never cut)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView

from vcs_app.qt.dialogs.settings import SettingsDialog
from vcs_app.qt.main_window import MainWindow
from vcs_app.services import cases


@pytest.fixture
def large_text(qtbot):
    app = QApplication.instance()
    font = app.font()
    bigger = app.font()
    bigger.setPointSizeF(font.pointSizeF() * 1.5)
    app.setFont(bigger)
    yield
    app.setFont(font)


def test_every_settings_tab_is_in_sight_in_welsh(qtbot, demo_ws, welsh):
    dialog = SettingsDialog(None, demo_ws)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    bar = dialog.tabs.tabBar()
    last = bar.tabRect(bar.count() - 1)
    assert last.right() <= bar.width(), f"the last tab ends at {last.right()} of {bar.width()}"
    assert bar.tabText(bar.count() - 1).replace("&", "").startswith("Diogelwch")


def _cut(table: QTableView) -> list[str]:
    """Headings wider than their column."""
    header = table.horizontalHeader()
    model = table.model()
    return [
        str(model.headerData(c, Qt.Orientation.Horizontal))
        for c in range(model.columnCount() - 1)  # the last one stretches
        if header.sectionSize(c) < header.sectionSizeHint(c)
    ]


def test_case_tables_show_whole_welsh_headings(qtbot, demo_ws, app_cases, welsh):
    window = MainWindow(demo_ws, remember_layout=False)
    qtbot.addWidget(window)
    view = window.open_case(app_cases["conditions"].link.id)
    problems = []
    for i in range(view.tabs.count()):
        view.tabs.setCurrentIndex(i)
        for table in view.tabs.currentWidget().findChildren(QTableView):
            if table.isVisibleTo(view) and _cut(table):
                problems.append(f"{view.tabs.tabText(i)}: {table.accessibleName()}: {_cut(table)}")
    assert not problems, "\n".join(problems)


def test_the_caseload_shows_full_references_at_150_percent(qtbot, demo_ws, large_text):
    window = MainWindow(demo_ws, remember_layout=False)
    qtbot.addWidget(window)
    table = window.caseload.table
    ref = cases.caseload_rows(demo_ws, cases.caseload_ids(demo_ws)[:1]).popitem()[1].ref
    needed = table.fontMetrics().horizontalAdvance(ref) + 2 * table.style().pixelMetric(
        table.style().PixelMetric.PM_FocusFrameHMargin
    )
    assert table.columnWidth(0) >= needed
    assert not _cut(table)
