"""The OM directory: offender managers with their team and work contact routes, and for
the selected OM every case they hold and what is outstanding with them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QVBoxLayout, QWidget

from vcs_app.domain.model import CaseStatus
from vcs_app.qt.dialogs.condition import OMDialog
from vcs_app.qt.i18n import label
from vcs_app.qt.views.case_tabs.common import button
from vcs_app.qt.widgets import ReloadWhenShown, RowsModel, plain_label, set_widths, table_view
from vcs_app.services import om

if TYPE_CHECKING:
    from vcs_app.qt.main_window import MainWindow

TITLE = QT_TRANSLATE_NOOP("MainWindow", "OM directory")


class OMDirectoryView(ReloadWhenShown, QWidget):
    RELOAD_ON = ("om", "link", "condition_request", "liaison_entry")

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window_ = window
        self.setAccessibleName(QCoreApplication.translate("MainWindow", TITLE))
        self.rows: list[om.DirectoryRow] = []
        self.cases: list[om.OMCase] = []
        self.oms_model = RowsModel(
            [
                QCoreApplication.translate("OMDirectoryView", "Name"),
                QCoreApplication.translate("OMDirectoryView", "Team"),
                QCoreApplication.translate("OMDirectoryView", "Work email"),
                QCoreApplication.translate("OMDirectoryView", "Work phone"),
                QCoreApplication.translate("OMDirectoryView", "Open cases"),
                QCoreApplication.translate("OMDirectoryView", "Waiting on them"),
                QCoreApplication.translate("OMDirectoryView", "Entry"),
            ]
        )
        self.cases_model = RowsModel(
            [
                QCoreApplication.translate("OMDirectoryView", "Case"),
                QCoreApplication.translate("OMDirectoryView", "Victim"),
                QCoreApplication.translate("OMDirectoryView", "Offender"),
                QCoreApplication.translate("OMDirectoryView", "Status"),
                QCoreApplication.translate("OMDirectoryView", "Outstanding with the OM"),
                QCoreApplication.translate("OMDirectoryView", "Next task due"),
            ]
        )
        self.oms = table_view(
            self.oms_model, QCoreApplication.translate("OMDirectoryView", "Offender managers")
        )
        self.case_table = table_view(
            self.cases_model,
            QCoreApplication.translate("OMDirectoryView", "Cases of the selected offender manager"),
        )
        self.cases_label = plain_label()
        self.cases_label.setAccessibleName(
            QCoreApplication.translate("OMDirectoryView", "Cases heading")
        )
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.cases_label)
        lower_layout.addWidget(self.case_table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.oms)
        splitter.addWidget(lower)
        splitter.setSizes([300, 400])
        buttons = QHBoxLayout()
        for widget in (
            button(
                QCoreApplication.translate("OMDirectoryView", "&Add OM…"),
                QCoreApplication.translate("OMDirectoryView", "Add an offender manager"),
                self.add_om,
            ),
            button(
                QCoreApplication.translate("OMDirectoryView", "E&dit OM…"),
                QCoreApplication.translate("OMDirectoryView", "Edit the selected offender manager"),
                self.edit_om,
            ),
            button(
                QCoreApplication.translate("OMDirectoryView", "&Open case"),
                QCoreApplication.translate("OMDirectoryView", "Open the selected case"),
                self.open_selected,
            ),
        ):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        note = plain_label(
            QCoreApplication.translate(
                "OMDirectoryView",
                "Work contact routes only. OMs named on cases but not yet in the directory"
                " are listed so their details can be added.",
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        set_widths(self.oms, (170, 120, 260, 130, 90, 120))
        set_widths(self.case_table, (100, 180, 180, 80, 330))
        self.oms.selectionModel().currentRowChanged.connect(lambda *_: self._show_cases())
        self.oms.activated.connect(lambda *_: self.edit_om())
        self.case_table.activated.connect(lambda index: self._open_row(index.row()))
        self.reload()

    def reload(self) -> None:
        keep = self.selected()
        self.rows = self.window_._call(om.directory, self.window_.ws) or []
        self.oms_model.set_rows(
            [
                (
                    r.om.name,
                    r.om.team,
                    r.om.email,
                    r.om.phone,
                    r.open_cases,
                    r.waiting,
                    QCoreApplication.translate("OMDirectoryView", "In directory")
                    if r.om.id
                    else QCoreApplication.translate("OMDirectoryView", "Named on cases only"),
                )
                for r in self.rows
            ]
        )
        names = [r.om.name for r in self.rows]
        if self.rows:
            self.oms.selectRow(names.index(keep.om.name) if keep and keep.om.name in names else 0)
        self._show_cases()

    def selected(self) -> om.DirectoryRow | None:
        row = self.oms.currentIndex().row()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _show_cases(self) -> None:
        chosen = self.selected()
        self.cases = (
            self.window_._call(om.cases_of_om, self.window_.ws, chosen.om.name) or []
            if chosen
            else []
        )
        open_count = sum(1 for c in self.cases if c.status == CaseStatus.OPEN.value)
        self.cases_label.setText(
            QCoreApplication.translate(
                "OMDirectoryView", "Cases of {name}: {count} ({open} open)"
            ).format(name=chosen.om.name, count=len(self.cases), open=open_count)
            if chosen
            else QCoreApplication.translate("OMDirectoryView", "No offender manager selected.")
        )
        self.cases_model.set_rows(
            [
                (
                    c.case_ref,
                    c.victim,
                    c.offender,
                    label(CaseStatus(c.status)),
                    c.outstanding
                    or QCoreApplication.translate("OMDirectoryView", "nothing outstanding"),
                    c.next_due or "",
                )
                for c in self.cases
            ]
        )

    def add_om(self) -> None:
        self._save(OMDialog.ask(self.window_, None))

    def edit_om(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self._save(OMDialog.ask(self.window_, chosen.om))

    def _save(self, value) -> None:
        if value is not None:
            # _refresh reaches refresh_after below, which reloads the list.
            self.window_._refresh(self.window_._call(om.save_om, self.window_.ws, value))

    def _open_row(self, row: int) -> None:
        if 0 <= row < len(self.cases):
            self.window_.open_case(self.cases[row].link_id)

    def open_selected(self) -> None:
        self._open_row(self.case_table.currentIndex().row())
