"""Retention review: closed cases kept past the retention period, for a senior VLO to
erase for good (DOMAIN.md, Data protection). Any VLO may look; only a senior erases,
and the service refuses anyone else whatever this view shows."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from vcs_app.domain.model import DomainError, Role
from vcs_app.qt.views.case_tabs.common import button
from vcs_app.qt.widgets import (
    RowsModel,
    ask,
    date_edit,
    date_of,
    fmt_date,
    inform,
    plain_label,
    set_widths,
    table_view,
    today,
    warn,
)
from vcs_app.qt.workers import run_in_background
from vcs_app.services import retention
from vcs_app.services.cases import Changed
from vcs_app.services.workspace import worker_workspace

if TYPE_CHECKING:
    from vcs_app.qt.main_window import MainWindow

TITLE = QT_TRANSLATE_NOOP("MainWindow", "Retention review")
HEADERS = [
    QT_TRANSLATE_NOOP("RetentionView", "Case"),
    QT_TRANSLATE_NOOP("RetentionView", "Victim"),
    QT_TRANSLATE_NOOP("RetentionView", "Offender"),
    QT_TRANSLATE_NOOP("RetentionView", "Status"),
    QT_TRANSLATE_NOOP("RetentionView", "Last changed"),
    QT_TRANSLATE_NOOP("RetentionView", "Victim's other cases"),
]


class RetentionView(QWidget):
    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window_ = window
        self.setAccessibleName(QCoreApplication.translate("MainWindow", TITLE))
        self.cases: list[retention.ClosedCase] = []
        self.model = RowsModel([QCoreApplication.translate("RetentionView", h) for h in HEADERS])
        self.table = table_view(
            self.model, QCoreApplication.translate("RetentionView", "Closed cases past retention")
        )
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.heading = plain_label()
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName(
            QCoreApplication.translate("RetentionView", "Retention review summary")
        )
        self.as_at = date_edit(today())
        self.as_at.setAccessibleName(QCoreApplication.translate("RetentionView", "Review as at"))
        self.as_at.setToolTip(
            QCoreApplication.translate(
                "RetentionView", "See which cases will be past retention on a later date"
            )
        )
        as_at_label = plain_label(QCoreApplication.translate("RetentionView", "Review &as at:"))
        as_at_label.setBuddy(self.as_at)
        self.erase_button = button(
            QCoreApplication.translate("RetentionView", "Erase se&lected…"),
            QCoreApplication.translate("RetentionView", "Erase the selected cases for good"),
            self.erase_selected,
        )
        self.senior = window.ws.role.allows(Role.SENIOR)
        if not self.senior:
            self.erase_button.setToolTip(
                QCoreApplication.translate("RetentionView", "Only a senior VLO can erase cases")
            )
        top = QHBoxLayout()
        top.addWidget(as_at_label)
        top.addWidget(self.as_at)
        top.addStretch(1)
        buttons = QHBoxLayout()
        for widget in (
            button(
                QCoreApplication.translate("RetentionView", "&Open case"),
                QCoreApplication.translate("RetentionView", "Open the selected case"),
                self.open_selected,
            ),
            self.erase_button,
            button(
                QCoreApplication.translate("RetentionView", "Refre&sh"),
                QCoreApplication.translate("RetentionView", "Refresh the retention list"),
                self.reload,
            ),
        ):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        set_widths(self.table, (110, 200, 200, 90, 120))
        self.table.activated.connect(lambda index: self._open_row(index.row()))
        self.as_at.dateChanged.connect(lambda *_: self.reload())
        QShortcut(QKeySequence("F5"), self, self.reload)
        self.reload()

    def reload(self) -> None:
        on = date_of(self.as_at) or today()
        found = self.window_._call(retention.cases_due_for_review, self.window_.ws, on)
        self.cases = found or []
        self.model.set_rows(
            [
                (
                    c.ref,
                    c.victim_name,
                    c.offender_name,
                    c.status.capitalize(),
                    fmt_date(date.fromisoformat(c.last_changed[:10])),
                    c.other_cases or QCoreApplication.translate("RetentionView", "none"),
                )
                for c in self.cases
            ]
        )
        years = self.window_._call(retention.retention_years) or 0
        who = (
            QCoreApplication.translate(
                "RetentionView", "You can erase selected cases: this cannot be undone."
            )
            if self.senior
            else QCoreApplication.translate(
                "RetentionView", "Only a senior VLO can erase cases; you can review the list."
            )
        )
        later = (
            ""
            if on <= today()
            else QCoreApplication.translate(
                "RetentionView", " Cases listed for a later date cannot be erased yet."
            )
        )
        self.erase_button.setEnabled(self.senior and on <= today())
        self.heading.setText(
            QCoreApplication.translate(
                "RetentionView",
                "{count} closed or archived case(s) unchanged for {years} years or more as at"
                " {date}. Erasing removes the case, its notes, letters (and their PDFs) and"
                " tasks, and the victim and offender when they have no other case; the audit"
                " log records only that an erasure happened.",
            ).format(count=len(self.cases), years=years, date=fmt_date(on))
            + f" {who}{later}"
        )

    def selected(self) -> list[retention.ClosedCase]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.cases[r] for r in rows if 0 <= r < len(self.cases)]

    def _open_row(self, row: int) -> None:
        if 0 <= row < len(self.cases):
            self.window_.open_case(self.cases[row].link_id)

    def open_selected(self) -> None:
        self._open_row(self.table.currentIndex().row())

    def erase_selected(self) -> None:
        chosen = self.selected()
        if not chosen:
            inform(
                self,
                QCoreApplication.translate("MainWindow", TITLE),
                QCoreApplication.translate("RetentionView", "Select the cases to erase first."),
            )
            return
        answer = warn(
            self,
            QCoreApplication.translate("MainWindow", TITLE),
            QCoreApplication.translate(
                "RetentionView",
                "Erase {count} case(s) for good? Their records and kept letters are deleted and"
                " cannot be restored (backups age out with the rotation).",
            ).format(count=len(chosen)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        ids = [c.link_id for c in chosen]
        for case_id in ids:  # an open case tab would show records that no longer exist
            view = self.window_.case_tab(case_id)
            if view is not None:
                self.window_.tabs.removeTab(self.window_.tabs.indexOf(view))
        ws = self.window_.ws
        self.erase_button.setEnabled(False)

        def work(progress):
            progress.check()  # cancelled before it began; once begun it runs to the end
            with worker_workspace(ws) as own:  # merging the search index takes seconds
                return retention.purge_cases(own, ids)

        self.job = run_in_background(
            self, QCoreApplication.translate("RetentionView", "Erasing cases"), work, self._erased
        )
        self.job.ended.connect(self.reload, Qt.ConnectionType.QueuedConnection)

    def _erased(self, result: retention.PurgeResult) -> None:
        self.window_._refresh(Changed(result.link_ids, "purge"))
        self.window_.caseload.apply_filter()  # the erased rows leave the list
        message = QCoreApplication.translate(
            "RetentionView",
            "Erased {cases} case(s): {victims} victim(s) and {offenders} offender(s) with no"
            " other case, {files} kept file(s).",
        ).format(
            cases=result.cases,
            victims=result.victims,
            offenders=result.offenders,
            files=result.files_deleted,
        )
        if result.files_not_deleted:
            message += QCoreApplication.translate(
                "RetentionView", " These files could not be deleted; remove them by hand: {files}"
            ).format(files=", ".join(result.files_not_deleted))
        if not result.wal_emptied:
            message += QCoreApplication.translate(
                "RetentionView",
                " Another program is reading the caseload file, so its write-ahead log still"
                " holds the erased data until that program closes it.",
            )
        if not result.backups_holding:
            inform(self, QCoreApplication.translate("MainWindow", TITLE), message)
            return
        message += QCoreApplication.translate(
            "RetentionView",
            " {count} backup(s) still hold the erased cases: {files}. Erase those backups too?"
            " (A fresh backup of the caseload as it is now is made in their place.)",
        ).format(
            count=len(result.backups_holding),
            files=", ".join(str(p) for p in result.backups_holding),
        )
        answer = ask(self, QCoreApplication.translate("MainWindow", TITLE), message)
        if answer == QMessageBox.StandardButton.Yes:
            try:
                retention.erase_backups(self.window_.ws, result.backups_holding)
            except DomainError as exc:
                warn(self, QCoreApplication.translate("MainWindow", TITLE), str(exc))
