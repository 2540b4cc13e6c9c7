"""The management report: every figure for a period (and optionally one OM team or VLO)
in one table, built off the GUI thread; choosing a figure lists the cases behind it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from vcs_app.letters.print_adapter import bar_chart
from vcs_app.letters.print_system import PrintJob
from vcs_app.qt import printing
from vcs_app.qt.dialogs.kept_file import confirm_unencrypted
from vcs_app.qt.dialogs.settings import high_contrast_on
from vcs_app.qt.i18n import shown
from vcs_app.qt.views.case_tabs.common import button
from vcs_app.qt.widgets import RowsModel, date_edit, date_of, labelled, plain_label, table_view
from vcs_app.qt.workers import Job, Progress, run_in_background
from vcs_app.services import cases, documents, reports
from vcs_app.services.workspace import worker_workspace

if TYPE_CHECKING:
    from vcs_app.qt.main_window import MainWindow

TITLE = QT_TRANSLATE_NOOP("MainWindow", "Reports")
HEADERS = (
    QT_TRANSLATE_NOOP("ReportView", "Section"),
    QT_TRANSLATE_NOOP("ReportView", "Item"),
    QT_TRANSLATE_NOOP("ReportView", "Detail"),
    QT_TRANSLATE_NOOP("ReportView", "Figure"),
)
ANY = QT_TRANSLATE_NOOP("ReportView", "All")


def last_full_month(today: date) -> tuple[date, date]:
    """The month a team leader reports on by default: the one just finished."""
    end = today.replace(day=1) - timedelta(days=1)
    return end.replace(day=1), end


def _combo(name: str, values: list[str]) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.addItem(QCoreApplication.translate("ReportView", ANY), None)
    for value in values:
        combo.addItem(value, value)
    return combo


# Bars in high contrast: strong colours on black, each set also named in the legend.
HIGH_CONTRAST_BARS = ("#ffff00", "#00ffff", "#ffffff", "#ff80ff")


def high_contrast_chart(chart: QChart) -> None:
    """Black, white and strong colours instead of the pale defaults."""
    white = QColor("white")
    chart.setBackgroundBrush(QColor("black"))
    chart.setPlotAreaBackgroundVisible(False)
    chart.setTitleBrush(white)
    chart.legend().setLabelColor(white)
    for axis in chart.axes():
        axis.setLabelsColor(white)
        axis.setLinePenColor(white)
        axis.setGridLineColor(QColor("#808080"))
        axis.setShadesVisible(False)
    for series in chart.series():
        for number, bars in enumerate(series.barSets()):
            bars.setColor(QColor(HIGH_CONTRAST_BARS[number % len(HIGH_CONTRAST_BARS)]))
            bars.setBorderColor(white)
            bars.setLabelColor(white)
    for item in chart.childItems():  # the labels drawn beside the bars (bar_chart)
        if hasattr(item, "setBrush") and hasattr(item, "text"):
            item.setBrush(white)


class ReportCharts(QWidget):
    """Offers within/outside the limit by month, inclusion rate by month, caseload per VLO.
    Every number drawn here is also a line of the Figures table."""

    def __init__(self) -> None:
        super().__init__()
        self.views: dict[str, QChartView] = {}
        layout = QGridLayout(self)
        for i, (key, name) in enumerate(
            (
                (
                    "offers",
                    QCoreApplication.translate(
                        "ReportView", "Initial offers by month, within and outside the limit"
                    ),
                ),
                (
                    "inclusion",
                    QCoreApplication.translate(
                        "ReportView", "Licence conditions included, per cent of decided, by month"
                    ),
                ),
                ("caseload", QCoreApplication.translate("ReportView", "Open cases per VLO")),
            )
        ):
            view = QChartView()
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setAccessibleName(name)
            view.setAccessibleDescription(
                QCoreApplication.translate("ReportView", "The same numbers are in the Figures tab.")
            )
            self.views[key] = view
            layout.addWidget(view, i // 2, i % 2)
        note = plain_label(
            QCoreApplication.translate(
                "ReportView", "The numbers behind every chart are lines of the Figures tab."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note, 1, 1, Qt.AlignmentFlag.AlignBottom)

    def show_report(self, report: reports.Report) -> None:
        high_contrast = high_contrast_on()
        for drawn in reports.charts(report):
            spec = drawn.chart
            spec = replace(  # the report's words in the interface language
                spec,
                title=shown(spec.title),
                categories=tuple(shown(c) for c in spec.categories),
                sets=tuple((shown(name), values) for name, values in spec.sets),
            )
            chart = bar_chart(spec)
            if high_contrast:
                high_contrast_chart(chart)
            self.views[drawn.key].setChart(chart)


class ReportView(QWidget):
    report_ready = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window_ = window
        self.setAccessibleName(QCoreApplication.translate("MainWindow", TITLE))
        self.report: reports.Report | None = None
        self.figures: list[reports.Figure | None] = []
        self.figure: reports.Figure | None = None
        self.job: Job | None = None
        start, end = last_full_month(window.ws.today())
        self.start = date_edit(start)
        self.end = date_edit(end)
        ws = window.ws
        self.team = _combo(
            QCoreApplication.translate("ReportView", "OM team"), reports.filter_choices(ws)
        )
        self.vlo = _combo(QCoreApplication.translate("ReportView", "VLO"), cases.vlo_names(ws))
        controls = QHBoxLayout()
        for text, widget, name in (
            (
                QCoreApplication.translate("ReportView", "Fro&m:"),
                self.start,
                QCoreApplication.translate("ReportView", "Period from"),
            ),
            (
                QCoreApplication.translate("ReportView", "T&o:"),
                self.end,
                QCoreApplication.translate("ReportView", "Period to"),
            ),
            (
                QCoreApplication.translate("ReportView", "OM team:"),
                self.team,
                QCoreApplication.translate("ReportView", "OM team"),
            ),
            (
                QCoreApplication.translate("ReportView", "V&LO:"),
                self.vlo,
                QCoreApplication.translate("ReportView", "VLO"),
            ),
        ):
            for part in labelled(text, widget, name):
                controls.addWidget(part)
        self.show_button = button(
            QCoreApplication.translate("ReportView", "&Show"),
            QCoreApplication.translate("ReportView", "Show the report"),
            self.reload,
        )
        controls.addWidget(self.show_button)
        controls.addWidget(
            button(
                QCoreApplication.translate("ReportView", "E&xport…"),
                QCoreApplication.translate("ReportView", "Export the report to PDF or CSV"),
                lambda: self.export_report(),
            )
        )
        controls.addWidget(
            button(
                QCoreApplication.translate("ReportView", "&Print…"),
                QCoreApplication.translate("ReportView", "Print the report"),
                lambda: self.print_report(),
            )
        )
        controls.addStretch(1)
        self.headline = plain_label()
        self.headline.setWordWrap(True)
        self.headline.setAccessibleName(
            QCoreApplication.translate("ReportView", "Headline figures")
        )
        self.model = RowsModel([QCoreApplication.translate("ReportView", h) for h in HEADERS])
        self.table = table_view(
            self.model, QCoreApplication.translate("ReportView", "Report figures")
        )
        self.cases_label = plain_label(
            QCoreApplication.translate("ReportView", "Choose a figure to list the cases behind it.")
        )
        self.cases_label.setWordWrap(True)
        self.cases_model = RowsModel((QCoreApplication.translate("ReportView", "Case ref"),))
        self.cases_table = table_view(
            self.cases_model,
            QCoreApplication.translate("ReportView", "Cases behind the chosen figure"),
        )
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.cases_label)
        side_layout.addWidget(self.cases_table, 1)
        self.export_cases_button = button(
            QCoreApplication.translate("ReportView", "Export cases…"),
            QCoreApplication.translate(
                "ReportView", "Export the cases behind the chosen figure to CSV or PDF"
            ),
            lambda: self.export_cases(),
        )
        self.export_cases_button.setEnabled(False)
        side_layout.addWidget(self.export_cases_button)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        self.charts = ReportCharts()
        # What each figure counts, as printed with the PDF and the CSV (plain text).
        self.definitions = QPlainTextEdit()
        self.definitions.setReadOnly(True)
        self.definitions.setAccessibleName(
            QCoreApplication.translate("ReportView", "Definitions of the figures")
        )
        self.pages = QTabWidget()
        self.pages.setAccessibleName(QCoreApplication.translate("ReportView", "Report pages"))
        self.pages.addTab(splitter, QCoreApplication.translate("ReportView", "F&igures"))
        self.pages.addTab(self.charts, QCoreApplication.translate("ReportView", "Ch&arts"))
        self.pages.addTab(
            self.definitions, QCoreApplication.translate("ReportView", "&Definitions")
        )
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.headline)
        layout.addWidget(self.pages, 1)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.drill_down(current.row())
        )
        self.reload()

    def filter(self) -> reports.ReportFilter | None:
        return self.window_._call(
            lambda: reports.ReportFilter(
                date_of(self.start),
                date_of(self.end),
                self.team.currentData(),
                self.vlo.currentData(),
            )
        )

    def set_period(self, start: date, end: date) -> None:
        self.start.setDate(QDate(start.year, start.month, start.day))
        self.end.setDate(QDate(end.year, end.month, end.day))

    def reload(self) -> Job | None:
        """Build the report on a worker thread (its own connection), section by section
        with progress and Cancel, and show it when done."""
        chosen = self.filter()
        if chosen is None or self.job is not None:
            return None
        ws = self.window_.ws

        def build(progress: Progress) -> reports.Report:
            def step(done: int, total: int, what: str) -> None:
                progress.check()
                progress.report(done, total, what)

            with worker_workspace(ws) as own:
                return reports.build_report(own, chosen, step)

        self.headline.setText(QCoreApplication.translate("ReportView", "Counting…"))
        self.show_button.setEnabled(False)
        self.job = run_in_background(
            self, QCoreApplication.translate("ReportView", "Building the report"), build, self._show
        )
        self.job.ended.connect(self._ended, Qt.ConnectionType.QueuedConnection)
        return self.job

    def _ended(self) -> None:
        """Whatever the outcome, the view can be used again; a cancelled or failed run
        says so and leaves the last report shown as it was."""
        job, self.job = self.job, None
        self.show_button.setEnabled(True)
        if job is not None and (job.was_cancelled or job.error):
            why = (
                QCoreApplication.translate("ReportView", "Cancelled")
                if job.was_cancelled
                else QCoreApplication.translate("ReportView", "Not counted")
            )
            still = (
                QCoreApplication.translate(
                    "ReportView", "the figures below are still for {period}"
                ).format(period=shown(self.report.filter.describe()))
                if self.report is not None
                else QCoreApplication.translate("ReportView", "choose Show to count again")
            )
            self.headline.setText(
                QCoreApplication.translate("ReportView", "{why}: {shown}.").format(
                    why=why, shown=still
                )
            )

    def _show(self, report: reports.Report) -> None:
        self.report = report
        rows, figures = [], []
        for s in report.sections:
            lines = [(fig.label, fig.sub_label, fig.count) for fig in s.figures]
            lines += [("Total", "", s.total)] if s.totalled else []
            lines += [(label, "", v) for label, v in s.summary]
            # The section is named on its first line only, so the sections stand apart.
            rows += [(s.title if i == 0 else "", *line) for i, line in enumerate(lines)]
            figures += [*s.figures, *[None] * (len(lines) - len(s.figures))]
        self.figures = figures
        self.model.set_rows(rows)
        self.cases_model.set_rows([])
        self.cases_label.setText(
            QCoreApplication.translate("ReportView", "Choose a figure to list the cases behind it.")
        )
        self.figure = None
        self.export_cases_button.setEnabled(False)
        for column in range(3):
            self.table.resizeColumnToContents(column)
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 340))
        t = report.offer_times
        # Every rate as the report rounds it (from the two counts), never re-rounded here.
        self.headline.setText(
            QCoreApplication.translate(
                "ReportView",
                "{period}, as at its end: {within} of {offers} initial offers within the"
                " limit ({rate}); opt-in rate {opt}; licence conditions included as asked"
                " {incl} ({amended} counting those included as amended). Definitions tab:"
                " what each figure counts.",
            ).format(
                period=shown(report.filter.describe()),
                within=t.within,
                offers=t.offers,
                rate=t.within_rate,
                opt=report.opt_in,
                incl=report.inclusion,
                amended=report.inclusion_with_amended,
            )
        )
        self.definitions.setPlainText(
            "\n\n".join(f"{term}\n{meaning}" for term, meaning in report.definitions)
        )
        self.charts.show_report(report)
        self.report_ready.emit()

    def drill_down(self, row: int) -> list[str]:
        """List the case refs behind the figure on `row` (totals and rates have none)."""
        figure = self.figures[row] if 0 <= row < len(self.figures) else None
        self.figure = figure
        self.export_cases_button.setEnabled(figure is not None and self.report is not None)
        if figure is None or self.report is None:
            self.cases_model.set_rows([])
            self.cases_label.setText(
                QCoreApplication.translate(
                    "ReportView", "Totals and rates: choose a counted line to see cases."
                )
            )
            return []
        refs = (
            self.window_._call(
                lambda: reports.drill_down(self.window_.ws, self.report.filter, figure)
            )
            or []
        )
        self.cases_model.set_rows([(ref,) for ref in refs])
        self.cases_label.setText(
            QCoreApplication.translate("ReportView", "{count} case(s) behind “{figure}”:").format(
                count=len(refs), figure=reports.figure_name(figure)
            )
        )
        return refs

    def export_report(self, path: Path | str | None = None) -> Path | None:
        """Save the report shown as PDF or CSV (logged as a disclosure)."""
        if self.report is None:
            return None
        if path is None:
            if not confirm_unencrypted(self, self.window_.ws, "the saved report"):
                return None
            suggested = str(Path.home() / f"vcs-report-{self.report.filter.end.isoformat()}.pdf")
            path, _ = QFileDialog.getSaveFileName(
                self,
                QCoreApplication.translate("ReportView", "Export report"),
                suggested,
                QCoreApplication.translate("ReportView", "PDF (*.pdf);;CSV (*.csv)"),
            )
            if not path:
                return None
        report = self.report
        saved = self.window_._call(lambda: reports.export_report(self.window_.ws, report, path))
        if saved is not None:
            self.window_.statusBar().showMessage(
                QCoreApplication.translate("ReportView", "Report saved to {path}").format(
                    path=saved
                ),
                15000,
            )
        return saved

    def print_report(self) -> PrintJob | None:
        """Print the report shown (counts only), logged as a disclosure with the printer
        and the job."""
        if self.report is None:
            return None
        report, ws = self.report, self.window_.ws
        printer = self.window_._call(printing.choose_printer, self)
        if printer is None:
            return None
        send = printing.send_to(printer, watermark=documents.watermark(ws))
        job = self.window_._call(reports.print_report, ws, report, send)
        if job is not None:
            self.window_.statusBar().showMessage(printing.sent_words(job), 15000)
        return job

    def export_cases(self, path: Path | str | None = None) -> Path | None:
        """Save the cases behind the chosen figure (victims' names: a disclosure, logged
        with the figure and the count)."""
        figure, report = self.figure, self.report
        if figure is None or report is None:
            return None
        if path is None:
            if not confirm_unencrypted(self, self.window_.ws, "the list of cases"):
                return None
            suggested = str(Path.home() / f"vcs-cases-{figure.metric}-{report.filter.end}.csv")
            path, _ = QFileDialog.getSaveFileName(
                self,
                QCoreApplication.translate("ReportView", "Export the cases behind a figure"),
                suggested,
                QCoreApplication.translate("ReportView", "CSV (*.csv);;PDF (*.pdf)"),
            )
            if not path:
                return None
        saved = self.window_._call(
            lambda: reports.export_drill_down(self.window_.ws, report.filter, figure, path)
        )
        if saved is not None:
            self.window_.statusBar().showMessage(
                QCoreApplication.translate("ReportView", "Cases saved to {path}").format(
                    path=saved
                ),
                15000,
            )
        return saved
