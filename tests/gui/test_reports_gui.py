"""The report view: opened from the Reports menu, built off the GUI thread, re-counted
when the period changes, and a figure drills down to the cases behind it."""

from __future__ import annotations

import csv
import threading
from datetime import date

import pytest
from helpers import close_message_boxes
from PySide6.QtCore import QEvent, Qt, QThreadPool
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsSimpleTextItem,
    QProgressDialog,
    QPushButton,
)

from vcs_app.qt.views.reports import ReportView, last_full_month
from vcs_app.services import reports
from vcs_app.storage import audit

pytestmark = pytest.mark.timeout(120)


def _open(qtbot, window) -> ReportView:
    action = window.findChild(QAction, "open_reports")
    assert action.shortcut().toString() == "Ctrl+Shift+R"
    with qtbot.waitSignal(window.tabs.currentChanged, timeout=5000):
        action.trigger()
    view = window.tabs.currentWidget()
    assert isinstance(view, ReportView)
    qtbot.waitUntil(lambda: view.report is not None, timeout=20000)
    return view


def test_the_default_period_is_the_month_just_finished():
    assert last_full_month(date(2026, 11, 26)) == (date(2026, 10, 1), date(2026, 10, 31))
    assert last_full_month(date(2026, 1, 3)) == (date(2025, 12, 1), date(2025, 12, 31))


def test_open_change_the_period_and_drill_down(qtbot, qtmodeltester, window, demo_ws):
    view = _open(qtbot, window)
    qtmodeltester.check(view.model)
    with qtbot.waitSignal(view.report_ready, timeout=20000):
        view.set_period(date(2025, 1, 1), date(2026, 11, 26))
        view.reload()
    wide = reports.ReportFilter(date(2025, 1, 1), date(2026, 11, 26))
    assert view.report.filter == wide
    expected = reports.build_report(demo_ws, wide)
    assert view.report == expected
    shown = [view.model.index(r, 3).data() for r in range(view.model.rowCount())]
    referrals = expected.section("referrals").total
    assert str(referrals) in shown and referrals > 0
    # Choose the first VLO's caseload line: the cases behind it are listed.
    row = next(i for i, f in enumerate(view.figures) if f is not None and f.metric == "caseload")
    view.table.selectRow(row)
    refs = reports.drill_down(demo_ws, wide, view.figures[row])
    assert len(refs) == view.figures[row].count > 0
    assert [view.cases_model.index(r, 0).data() for r in range(len(refs))] == refs
    qtmodeltester.check(view.cases_model)
    assert "case(s) behind" in view.cases_label.text()
    # A total has no cases of its own.
    total = next(i for i in range(row, len(view.figures)) if view.figures[i] is None)
    view.table.selectRow(total)
    assert view.cases_model.rowCount() == 0
    assert "Totals and rates" in view.cases_label.text()


def test_the_vlo_filter_narrows_the_report(qtbot, window, demo_ws):
    view = _open(qtbot, window)
    vlo = view.vlo.itemData(1)
    view.vlo.setCurrentIndex(1)
    with qtbot.waitSignal(view.report_ready, timeout=20000):
        view.reload()
    assert view.report.filter.vlo == vlo
    assert {f.group for f in view.report.section("caseload").figures} == {vlo}


def test_the_charts_draw_the_figures_of_the_table(qtbot, window, demo_ws):
    view = _open(qtbot, window)
    with qtbot.waitSignal(view.report_ready, timeout=20000):
        view.set_period(date(2025, 1, 1), date(2026, 11, 26))
        view.reload()
    view.pages.setCurrentWidget(view.charts)
    caseload = view.report.section("caseload").figures
    chart = view.charts.views["caseload"].chart()
    (bars,) = chart.series()[0].barSets()
    # Bars across, drawn bottom up: the first VLO's bar is read at the top.
    drawn = [bars.at(i) for i in range(bars.count())][::-1]
    assert drawn == [f.count for f in caseload]
    (names,) = chart.axes(Qt.Orientation.Vertical)
    assert names.categories()[::-1] == [f.label for f in caseload]
    offers = reports.by_month(view.report.section("offers_by_month"))
    within, outside = view.charts.views["offers"].chart().series()[0].barSets()
    assert within.label() == "Within the limit" and outside.label() == "Outside the limit"
    assert sum(within.at(i) for i in range(within.count())) == sum(
        m.get("within", 0) for m in offers.values()
    )


def test_cancel_stops_the_count_and_leaves_the_view_usable(qtbot, window, demo_ws):
    view = _open(qtbot, window)
    shown = view.report
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the last run's dialog
    closer, boxes = close_message_boxes()
    # Every worker thread busy: the count waits its turn, so Cancel comes first for sure.
    pool, gate = QThreadPool.globalInstance(), threading.Event()
    for _ in range(pool.maxThreadCount()):
        pool.start(gate.wait)
    try:
        view.set_period(date(2025, 1, 1), date(2026, 11, 26))
        job = view.reload()
        assert job is not None and not view.show_button.isEnabled()
        assert view.reload() is None  # one count at a time
        (progress,) = view.findChildren(QProgressDialog)
        assert progress.labelText() == "Building the report"
        (cancel,) = progress.findChildren(QPushButton)
        assert cancel.text() == "Cancel"
        cancel.click()
    finally:
        gate.set()
    qtbot.waitUntil(view.show_button.isEnabled, timeout=20000)
    assert job.was_cancelled
    assert view.report is shown
    assert view.headline.text().startswith("Cancelled: the figures below are still for")
    qtbot.waitUntil(lambda: bool(boxes), timeout=5000)
    closer.stop()
    assert boxes == ["Cancelled: nothing was changed."]
    # Show again: the new period is counted.
    with qtbot.waitSignal(view.report_ready, timeout=20000):
        assert view.reload() is not None
    assert view.report.filter.start == date(2025, 1, 1)
    qtbot.waitUntil(view.show_button.isEnabled, timeout=5000)


def test_the_cases_behind_a_figure_are_exported_and_logged(qtbot, window, demo_ws, tmp_path):
    view = _open(qtbot, window)
    assert not view.export_cases_button.isEnabled()
    row = next(i for i, f in enumerate(view.figures) if f is not None and f.metric == "caseload")
    view.table.selectRow(row)
    assert view.export_cases_button.isEnabled()
    saved = view.export_cases(tmp_path / "cases.csv")
    rows = list(csv.reader(saved.open(encoding="utf-8")))
    figure = view.figures[row]
    assert len(rows) == figure.count + 1 and rows[0][:2] == ["Case ref", "Victim"]
    (entry,) = [e for e in audit.find_entries(demo_ws.store.db) if e.entity == "report_cases"]
    assert entry.action == "disclose" and f'"count": {figure.count}' in entry.detail
    assert "cases.csv" in window.statusBar().currentMessage()
    # A total has no cases: nothing to export.
    total = next(i for i in range(row, len(view.figures)) if view.figures[i] is None)
    view.table.selectRow(total)
    assert not view.export_cases_button.isEnabled()


def test_the_definitions_and_rates_read_as_in_the_pdf(qtbot, window, demo_ws):
    view = _open(qtbot, window)
    with qtbot.waitSignal(view.report_ready, timeout=20000):
        view.set_period(date(2025, 1, 1), date(2026, 11, 26))
        view.reload()
    report = view.report
    # The Definitions tab holds what the PDF and the CSV print, word for word.
    view.pages.setCurrentWidget(view.definitions)
    shown = view.definitions.toPlainText()
    for term, meaning in report.definitions:
        assert f"{term}\n{meaning}" in shown
    for phrase in ("counted after the referral day", "nearest-rank", "Unit: victims"):
        assert phrase in shown
    assert view.definitions.isReadOnly()
    # The headline's rates are the report's own text (same rounding), not re-rounded.
    t = report.offer_times
    assert f"{t.within} of {t.offers} initial offers within the limit ({t.within_rate})" in (
        view.headline.text()
    )
    assert f"included as asked {report.inclusion}" in view.headline.text()
    # Each inclusion bar is labelled with its table's rate, ".0" and all.
    view.pages.setCurrentWidget(view.charts)
    (_, inclusion, _) = reports.charts(report)
    chart = view.charts.views["inclusion"].chart()
    labels = [i.text() for i in chart.childItems() if isinstance(i, QGraphicsSimpleTextItem)]
    assert labels == [row[3] for row in inclusion.rows] and labels
