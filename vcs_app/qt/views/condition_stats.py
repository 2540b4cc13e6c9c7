"""Condition statistics: were requested licence conditions included? By period and team,
with the median days from request to decision and the number of chases; exportable to
CSV for a manager or an inspector."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QVBoxLayout, QWidget

from vcs_app.domain.conditions import ALL, STATS_HEADERS, Granularity, StatsRow
from vcs_app.qt.dialogs.kept_file import confirm_unencrypted
from vcs_app.qt.views.case_tabs.common import button
from vcs_app.qt.widgets import (
    ReloadWhenShown,
    RowsModel,
    date_edit,
    date_of,
    enum_combo,
    labelled,
    plain_label,
    table_view,
    today,
)
from vcs_app.services import conditions

if TYPE_CHECKING:
    from vcs_app.qt.main_window import MainWindow

TITLE = QT_TRANSLATE_NOOP("MainWindow", "Condition statistics")


def overall_text(rows: list[StatsRow]) -> str:
    """The headline in words: the figure an inspection report quotes."""
    if not rows:
        return QCoreApplication.translate(
            "ConditionStatsView", "No licence conditions were requested in this period."
        )
    total = rows[-1]
    rate = (
        QCoreApplication.translate(
            "ConditionStatsView",
            "{rate} of decided requests were included ({included} of {decided})",
        ).format(rate=total.inclusion_percent, included=total.included, decided=total.decided)
        if total.inclusion_rate is not None
        else QCoreApplication.translate("ConditionStatsView", "No request has been decided yet")
    )
    median = (
        QCoreApplication.translate(
            "ConditionStatsView", "median {days} days from request to decision"
        ).format(days=f"{total.median_days:g}")
        if total.median_days is not None
        else QCoreApplication.translate("ConditionStatsView", "no decisions to time")
    )
    return QCoreApplication.translate(
        "ConditionStatsView",
        "{rate}; {amended} amended, {refused} refused, {pending} awaiting a decision;"
        " {median}; {chases} chase(s) of offender managers.",
    ).format(
        rate=rate,
        amended=total.amended,
        refused=total.refused,
        pending=total.pending,
        median=median,
        chases=total.chases,
    )


def _shown(column: int, cell: str) -> str:
    if column < 2 and cell == ALL:
        return f"{ALL} (total)"
    if column in (8, 9) and not cell:
        return QCoreApplication.translate("ConditionStatsView", "n/a (none decided)")
    return cell


class ConditionStatsView(ReloadWhenShown, QWidget):
    RELOAD_ON = ("condition_request",)

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window_ = window
        self.setAccessibleName(QCoreApplication.translate("MainWindow", TITLE))
        self.rows: list[StatsRow] = []
        self.granularity = enum_combo(
            [(g.value, g.value.capitalize()) for g in Granularity], Granularity.QUARTER.value
        )
        self.start = date_edit(None, optional=True)
        self.end = date_edit(None, optional=True)
        controls = QHBoxLayout()
        for text, widget, name in (
            (
                QCoreApplication.translate("ConditionStatsView", "&Group by:"),
                self.granularity,
                QCoreApplication.translate("ConditionStatsView", "Group requests by"),
            ),
            (
                QCoreApplication.translate("ConditionStatsView", "Requested fr&om:"),
                self.start,
                QCoreApplication.translate("ConditionStatsView", "Requested from"),
            ),
            (
                QCoreApplication.translate("ConditionStatsView", "Requested &until:"),
                self.end,
                QCoreApplication.translate("ConditionStatsView", "Requested until"),
            ),
        ):
            for part in labelled(text, widget, name):
                controls.addWidget(part)
        for edit in (self.start, self.end):
            edit.setSpecialValueText(QCoreApplication.translate("ConditionStatsView", "Any date"))
        self.headline = plain_label()
        self.headline.setWordWrap(True)
        self.headline.setAccessibleName(
            QCoreApplication.translate("ConditionStatsView", "Overall figures")
        )
        self.model = RowsModel(STATS_HEADERS)
        self.table = table_view(
            self.model,
            QCoreApplication.translate(
                "ConditionStatsView", "Condition statistics by period and team"
            ),
        )
        for widget in (
            button(
                QCoreApplication.translate("ConditionStatsView", "&Show"),
                QCoreApplication.translate("ConditionStatsView", "Show the statistics"),
                self.reload,
            ),
            button(
                QCoreApplication.translate("ConditionStatsView", "E&xport CSV…"),
                QCoreApplication.translate(
                    "ConditionStatsView", "Export the statistics to a CSV file"
                ),
                self.export_csv,
            ),
        ):
            controls.addWidget(widget)
        controls.addStretch(1)
        note = plain_label(
            QCoreApplication.translate(
                "ConditionStatsView",
                "Requests are grouped by when they were made. Inclusion rate = included /"
                " decided (amended and refused count as decided, not included). 'All' rows add"
                " up a period or everything.",
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.headline)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        self.granularity.currentIndexChanged.connect(self.reload)
        self.reload()

    def _filters(self) -> dict:
        return {
            "granularity": Granularity(self.granularity.currentData()),
            "start": date_of(self.start),
            "end": date_of(self.end),
        }

    def reload(self) -> None:
        values = self._filters()
        granularity = values.pop("granularity")
        self.rows = (
            self.window_._call(
                lambda: conditions.condition_statistics(self.window_.ws, granularity, **values)
            )
            or []
        )
        self.model.set_rows(
            [
                [
                    f"{cell} (total)" if cell == ALL and i < 2 else cell
                    for i, cell in enumerate(r.cells())
                ]
                for r in self.rows
            ]
        )
        for column in range(len(STATS_HEADERS)):
            self.table.resizeColumnToContents(column)
        self.headline.setText(overall_text(self.rows))

    def export_csv(self, path: Path | str | None = None) -> Path | None:
        """Write the figures to CSV; asks where when no path is given."""
        if path is None:
            if not confirm_unencrypted(self, self.window_.ws, "the exported statistics"):
                return None
            suggested = str(Path.home() / f"condition-statistics-{today().isoformat()}.csv")
            name, _ = QFileDialog.getSaveFileName(
                self,
                QCoreApplication.translate("ConditionStatsView", "Export statistics"),
                suggested,
                QCoreApplication.translate("ConditionStatsView", "CSV (*.csv)"),
            )
            if not name:
                return None
            path = name
        values = self._filters()
        granularity = values.pop("granularity")
        count = self.window_._call(
            lambda: conditions.export_statistics_csv(self.window_.ws, path, granularity, **values)
        )
        if count is None:
            return None
        self.window_.statusBar().showMessage(
            QCoreApplication.translate(
                "ConditionStatsView", "Saved {count} row(s) of statistics to {path}"
            ).format(count=count, path=path),
            15000,
        )
        return Path(path)
