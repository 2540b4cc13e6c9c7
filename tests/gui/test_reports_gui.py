"""The report view: opened from the Reports menu, built off the GUI thread, re-counted
when the period changes, and a figure drills down to the cases behind it."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtGui import QAction

from vcs_app.qt.views.reports import ReportView, last_full_month
from vcs_app.services import reports

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
    (bars,) = view.charts.views["caseload"].chart().series()[0].barSets()
    assert [bars.at(i) for i in range(bars.count())] == [f.count for f in caseload]
    offers = reports.by_month(view.report.section("offers_by_month"))
    within, outside = view.charts.views["offers"].chart().series()[0].barSets()
    assert within.label() == "Within the limit" and outside.label() == "Outside the limit"
    assert sum(within.at(i) for i in range(within.count())) == sum(
        m.get("within", 0) for m in offers.values()
    )
