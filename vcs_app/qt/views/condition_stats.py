"""Condition statistics: were requested licence conditions included? By period and team,
with the median days from request to decision and the number of chases; exportable to
CSV for a manager or an inspector."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from vcs_app.domain.conditions import ALL, STATS_HEADERS, Granularity, StatsRow
from vcs_app.qt.views.case_tabs.common import button
from vcs_app.qt.widgets import (
    ReloadWhenShown,
    RowsModel,
    date_edit,
    date_of,
    enum_combo,
    table_view,
)
from vcs_app.services import conditions

if TYPE_CHECKING:
    from vcs_app.qt.main_window import MainWindow

TITLE = "Condition statistics"


def overall_text(rows: list[StatsRow]) -> str:
    """The headline in words: the figure an inspection report quotes."""
    if not rows:
        return "No licence conditions were requested in this period."
    total = rows[-1]
    rate = (
        f"{total.inclusion_rate:.1%} of decided requests were included "
        f"({total.included} of {total.decided})"
        if total.inclusion_rate is not None
        else "No request has been decided yet"
    )
    median = (
        f"median {total.median_days:g} days from request to decision"
        if total.median_days is not None
        else "no decisions to time"
    )
    return (
        f"{rate}; {total.amended} amended, {total.refused} refused, {total.pending} awaiting "
        f"a decision; {median}; {total.chases} chase(s) of offender managers."
    )


def _shown(column: int, cell: str) -> str:
    if column < 2 and cell == ALL:
        return f"{ALL} (total)"
    if column in (8, 9) and not cell:
        return "n/a (none decided)"
    return cell


class ConditionStatsView(ReloadWhenShown, QWidget):
    RELOAD_ON = ("condition_request",)

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window_ = window
        self.setAccessibleName(TITLE)
        self.rows: list[StatsRow] = []
        self.granularity = enum_combo(
            [(g.value, g.value.capitalize()) for g in Granularity], Granularity.QUARTER.value
        )
        self.start = date_edit(None, optional=True)
        self.end = date_edit(None, optional=True)
        controls = QHBoxLayout()
        for text, widget, name in (
            ("&Group by:", self.granularity, "Group requests by"),
            ("Requested &from:", self.start, "Requested from"),
            ("Requested &until:", self.end, "Requested until"),
        ):
            caption = QLabel(text)
            caption.setBuddy(widget)
            widget.setAccessibleName(name)
            controls.addWidget(caption)
            controls.addWidget(widget)
        for edit in (self.start, self.end):
            edit.setSpecialValueText("Any date")
        self.headline = QLabel()
        self.headline.setWordWrap(True)
        self.headline.setAccessibleName("Overall figures")
        self.model = RowsModel(STATS_HEADERS)
        self.table = table_view(self.model, "Condition statistics by period and team")
        for widget in (
            button("&Show", "Show the statistics", self.reload),
            button("E&xport CSV…", "Export the statistics to a CSV file", self.export_csv),
        ):
            controls.addWidget(widget)
        controls.addStretch(1)
        note = QLabel(
            "Requests are grouped by when they were made. Inclusion rate = included / decided "
            "(amended and refused count as decided, not included). 'All' rows add up a period "
            "or everything."
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
            suggested = str(Path.home() / f"condition-statistics-{date.today().isoformat()}.csv")
            name, _ = QFileDialog.getSaveFileName(
                self, "Export statistics", suggested, "CSV (*.csv)"
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
        self.window_.statusBar().showMessage(f"Saved {count} row(s) of statistics to {path}", 15000)
        return Path(path)
