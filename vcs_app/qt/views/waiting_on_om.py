"""Waiting on OM: everything the VLO is waiting on an offender manager for, per OM,
with its age in working days and whether a chase is due.

This is where unanswered requests become visible instead of being dropped: the OM with
the oldest wait comes first, and a chase is one keypress away.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QVBoxLayout, QWidget

from vcs_app.domain.conditions import OMWait
from vcs_app.qt.dialogs.condition import chase_wait
from vcs_app.qt.views.case_tabs.common import button
from vcs_app.qt.widgets import (
    ReloadWhenShown,
    RowsModel,
    fmt_date,
    plain_label,
    set_widths,
    table_view,
)
from vcs_app.services import om

if TYPE_CHECKING:
    from vcs_app.qt.main_window import MainWindow

TITLE = QT_TRANSLATE_NOOP("MainWindow", "Waiting on OM")
ALL_OMS = QT_TRANSLATE_NOOP("WaitingOnOMView", "All offender managers")
NO_OM = QT_TRANSLATE_NOOP("WaitingOnOMView", "(no OM recorded)")


def chase_text(wait: OMWait, on: date) -> str:
    """The chase column in words: due, overdue, or none pending."""
    if wait.chase_due is None:
        return QCoreApplication.translate("WaitingOnOMView", "none pending")
    if wait.chase_due < on:
        return QCoreApplication.translate("WaitingOnOMView", "OVERDUE since {date}").format(
            date=fmt_date(wait.chase_due)
        )
    if wait.chase_due == on:
        return QCoreApplication.translate("WaitingOnOMView", "DUE TODAY")
    return fmt_date(wait.chase_due)


class WaitingOnOMView(ReloadWhenShown, QWidget):
    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window_ = window
        self.setAccessibleName(QCoreApplication.translate("MainWindow", TITLE))
        self.waits: list[OMWait] = []
        self.shown: list[OMWait] = []
        self.summary_model = RowsModel(
            [
                QCoreApplication.translate("WaitingOnOMView", "Offender manager"),
                QCoreApplication.translate("WaitingOnOMView", "Team"),
                QCoreApplication.translate("WaitingOnOMView", "Waiting"),
                QCoreApplication.translate("WaitingOnOMView", "Oldest (working days)"),
                QCoreApplication.translate("WaitingOnOMView", "Chases due"),
            ]
        )
        self.items_model = RowsModel(
            [
                QCoreApplication.translate("WaitingOnOMView", "Case"),
                QCoreApplication.translate("WaitingOnOMView", "Victim"),
                QCoreApplication.translate("WaitingOnOMView", "OM"),
                QCoreApplication.translate("WaitingOnOMView", "Waiting for"),
                QCoreApplication.translate("WaitingOnOMView", "Sent"),
                QCoreApplication.translate("WaitingOnOMView", "Age (working days)"),
                QCoreApplication.translate("WaitingOnOMView", "Chases"),
                QCoreApplication.translate("WaitingOnOMView", "Next chase"),
            ]
        )
        self.summary = table_view(
            self.summary_model,
            QCoreApplication.translate("WaitingOnOMView", "Waiting per offender manager"),
        )
        self.items = table_view(
            self.items_model,
            QCoreApplication.translate("WaitingOnOMView", "Items waiting on offender managers"),
        )
        self.heading = plain_label()
        self.heading.setAccessibleName(
            QCoreApplication.translate("WaitingOnOMView", "Waiting on OM summary")
        )
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.summary)
        splitter.addWidget(self.items)
        splitter.setSizes([220, 480])
        buttons = QHBoxLayout()
        for widget in (
            button(
                QCoreApplication.translate("WaitingOnOMView", "&Open case"),
                QCoreApplication.translate("WaitingOnOMView", "Open the selected case"),
                self.open_selected,
            ),
            button(
                QCoreApplication.translate("WaitingOnOMView", "Ch&ase…"),
                QCoreApplication.translate(
                    "WaitingOnOMView", "Chase the OM about the selected item"
                ),
                self.chase_selected,
            ),
            button(
                QCoreApplication.translate("WaitingOnOMView", "Refre&sh"),
                QCoreApplication.translate("WaitingOnOMView", "Refresh the waiting list"),
                self.reload,
            ),
        ):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        set_widths(self.summary, (200, 130, 80, 170))
        set_widths(self.items, (100, 170, 130, 340, 90, 140, 70))
        self.summary.selectionModel().currentRowChanged.connect(lambda *_: self._filter())
        self.items.activated.connect(lambda index: self._open_row(index.row()))
        QShortcut(QKeySequence("F5"), self, self.reload)
        self.reload()

    def _current_key(self) -> tuple[str, str] | None:
        row = self.summary.currentIndex().row()
        keys = getattr(self, "_om_keys", [None])
        return keys[row] if 0 <= row < len(keys) else None

    def reload(self) -> None:
        on = self.window_.ws.today()
        keep = self._current_key()
        self.waits = self.window_._call(om.waiting_on_om, self.window_.ws) or []
        per_om = om.waiting_by_om(self.waits, on=on)
        self._om_keys = [None, *((s.om_name, s.om_team) for s in per_om)]
        self.summary_model.set_rows(
            [
                (
                    QCoreApplication.translate("WaitingOnOMView", ALL_OMS),
                    "",
                    len(self.waits),
                    max((w.age_working_days for w in self.waits), default=0),
                    sum(1 for w in self.waits if w.chase_is_due(on)),
                )
            ]
            + [
                (
                    s.om_name or QCoreApplication.translate("WaitingOnOMView", NO_OM),
                    s.om_team,
                    s.waiting,
                    s.oldest_age,
                    s.chases_due,
                )
                for s in per_om
            ]
        )
        due = sum(1 for w in self.waits if w.chase_is_due(on))
        self.heading.setText(
            QCoreApplication.translate(
                "WaitingOnOMView",
                "{items} item(s) waiting on {oms} offender manager(s); {due} chase(s) due or"
                " overdue. Age counts working days since the request was sent (as of {today}).",
            ).format(items=len(self.waits), oms=len(per_om), due=due, today=fmt_date(on))
        )
        self.summary.selectRow(self._om_keys.index(keep) if keep in self._om_keys else 0)
        self._filter()

    def _filter(self) -> None:
        on = self.window_.ws.today()
        key = self._current_key()
        self.shown = [w for w in self.waits if key is None or (w.om_name, w.om_team) == key]
        self.shown.sort(key=lambda w: (-w.age_working_days, w.case_ref))
        self.items_model.set_rows(
            [
                (
                    w.case_ref,
                    w.victim,
                    w.om_name or QCoreApplication.translate("WaitingOnOMView", NO_OM),
                    w.what,
                    w.sent_on,
                    w.age_working_days,
                    w.chases,
                    chase_text(w, on),
                )
                for w in self.shown
            ]
        )

    def selected(self) -> OMWait | None:
        row = self.items.currentIndex().row()
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def _open_row(self, row: int) -> None:
        if 0 <= row < len(self.shown):
            self.window_.open_case(self.shown[row].link_id)

    def open_selected(self) -> None:
        self._open_row(self.items.currentIndex().row())

    def chase_selected(self) -> None:
        wait = self.selected()
        if wait is not None:
            chase_wait(self.window_, wait)
