"""The Timeline tab: the sentence, official dates, estimates and events in date order.

Whether a date is official or an estimate is written in its own column in capitals
("OFFICIAL", "ESTIMATE (NOT OFFICIAL)"), never shown by colour alone; a TODAY row divides
the past from the future.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QLabel, QWidget

from vcs_app.domain.model import CaseFile
from vcs_app.domain.sentence_dates import SentenceFile, TimelineEntry
from vcs_app.qt.views.case_tabs.common import page
from vcs_app.qt.widgets import RowsModel, table_view

if TYPE_CHECKING:
    from vcs_app.qt.views.case_view import CaseView

TITLE = QT_TRANSLATE_NOOP("CaseView", "Ti&meline")
HEADERS = ["Date", "When", "Type", "What", "Details"]
LEGEND = (
    "Type says where each date comes from: OFFICIAL dates are from the prison, PPCS or the"
    " hospital; ESTIMATE (NOT OFFICIAL) dates are worked out by VCS Desk from the sentence and"
    " are never given to a victim; EVENTS are what you recorded."
)


def _when(on: date, today: date) -> str:
    if on < today:
        return "Past"
    return "Today" if on == today else "Future"


def timeline_rows(entries: tuple[TimelineEntry, ...], today: date) -> list[tuple[object, ...]]:
    """Entries in date order with a TODAY divider between past and future."""
    rows: list[tuple[object, ...]] = []
    marker = (today, "Today", "TODAY", "— today —", "")
    placed = False
    for entry in entries:
        if not placed and entry.on > today:
            rows.append(marker)
            placed = True
        rows.append(
            (entry.on, _when(entry.on, today), entry.category.upper(), entry.title, entry.detail)
        )
    if not placed:
        rows.append(marker)
    return rows


def build(view: CaseView, case: CaseFile) -> QWidget:
    file = case.sentence_file or SentenceFile()
    view.timeline_model = RowsModel(HEADERS, timeline_rows(file.timeline(), date.today()))
    table = table_view(view.timeline_model, "Case timeline")
    for column, width in enumerate((90, 60, 190, 300)):
        table.setColumnWidth(column, width)
    legend = QLabel(LEGEND)
    legend.setWordWrap(True)
    legend.setAccessibleName("How to read the timeline")
    return page(legend, table)
