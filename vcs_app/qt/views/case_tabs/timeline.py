"""The Timeline tab: the sentence, official dates, estimates and events in date order.

Whether a date is official or an estimate is written in its own column in capitals
("OFFICIAL", "ESTIMATE (NOT OFFICIAL)"), never shown by colour alone; a TODAY row divides
the past from the future.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from vcs_app.domain.model import CaseFile
from vcs_app.domain.sentence_dates import SentenceFile, TimelineEntry
from vcs_app.qt.views.case_tabs.common import page
from vcs_app.qt.widgets import RowsModel, plain_label, set_widths, table_view, today

if TYPE_CHECKING:
    from vcs_app.qt.views.case_view import CaseView

TITLE = QT_TRANSLATE_NOOP("CaseView", "Ti&meline")
HEADERS = [
    QT_TRANSLATE_NOOP("CaseView", "Date"),
    QT_TRANSLATE_NOOP("CaseView", "When"),
    QT_TRANSLATE_NOOP("CaseView", "Type"),
    QT_TRANSLATE_NOOP("CaseView", "What"),
    QT_TRANSLATE_NOOP("CaseView", "Details"),
]
LEGEND = QT_TRANSLATE_NOOP(
    "CaseView",
    "Type says where each date comes from: OFFICIAL dates are from the prison, PPCS or the"
    " hospital; ESTIMATE (NOT OFFICIAL) dates are worked out by VCS Desk from the sentence and"
    " are never given to a victim; EVENTS are what you recorded.",
)


def _when(on: date, today: date) -> str:
    if on < today:
        return QCoreApplication.translate("CaseView", "Past")
    return (
        QCoreApplication.translate("CaseView", "Today")
        if on == today
        else QCoreApplication.translate("CaseView", "Future")
    )


def timeline_rows(entries: tuple[TimelineEntry, ...], today: date) -> list[tuple[object, ...]]:
    """Entries in date order with a TODAY divider between past and future."""
    rows: list[tuple[object, ...]] = []
    marker = (
        today,
        QCoreApplication.translate("CaseView", "Today"),
        QCoreApplication.translate("CaseView", "TODAY"),
        QCoreApplication.translate("CaseView", "— today —"),
        "",
    )
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
    view.timeline_model = RowsModel(
        [QCoreApplication.translate("CaseView", h) for h in HEADERS],
        timeline_rows(file.timeline(), today()),
    )
    table = table_view(view.timeline_model, QCoreApplication.translate("CaseView", "Case timeline"))
    set_widths(table, (90, 60, 190, 300))
    legend = plain_label(QCoreApplication.translate("CaseView", LEGEND))
    legend.setWordWrap(True)
    legend.setAccessibleName(QCoreApplication.translate("CaseView", "How to read the timeline"))
    return page(legend, table)
