"""Recording an official key date: a change supersedes the current one, never overwrites."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QWidget

from vcs_app.domain.model import KEY_DATE_KINDS, KeyDate, ValidationError
from vcs_app.domain.sentence import OfficialDate
from vcs_app.qt.dialogs.forms import FormDialog
from vcs_app.qt.i18n import shown
from vcs_app.qt.widgets import add_row, date_edit, date_of, enum_combo, plain_label, today
from vcs_app.services import cases

if TYPE_CHECKING:
    from vcs_app.qt.main_window import MainWindow


class KeyDateDialog(FormDialog):
    """Returns (KeyDate, where it came from). Shows the current official value first."""

    def __init__(
        self,
        parent: QWidget | None,
        offender_id: int,
        current: Mapping[str, OfficialDate] | None = None,
        kind: str = "CRD",
    ) -> None:
        super().__init__(
            parent, QCoreApplication.translate("KeyDateDialog", "Add official key date")
        )
        self._offender_id = offender_id
        self._current = dict(current or {})
        self.kind = add_row(
            self.form,
            QCoreApplication.translate("KeyDateDialog", "&Key date:"),
            enum_combo([(k, f"{k} — {shown(name)}") for k, name in KEY_DATE_KINDS.items()], kind),
        )
        self.value = add_row(
            self.form, QCoreApplication.translate("KeyDateDialog", "&Date:"), date_edit(None)
        )
        self.received = add_row(
            self.form,
            QCoreApplication.translate("KeyDateDialog", "&Received on:"),
            date_edit(today()),
            name=QCoreApplication.translate("KeyDateDialog", "Date received"),
        )
        self.origin = add_row(
            self.form,
            QCoreApplication.translate("KeyDateDialog", "&Where from:"),
            QLineEdit(),
            name=QCoreApplication.translate("KeyDateDialog", "Where the date came from"),
        )
        self.origin.setPlaceholderText(
            QCoreApplication.translate(
                "KeyDateDialog", "e.g. Prison OMU email, PPCS letter, NOMIS calculation"
            )
        )
        self.now = plain_label()
        self.now.setWordWrap(True)
        self.now.setAccessibleName(
            QCoreApplication.translate("KeyDateDialog", "Current official date")
        )
        self.form.addRow(self.now)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        entry = self._current.get(kind)
        if entry is None:
            self.now.setText(
                QCoreApplication.translate(
                    "KeyDateDialog", "No official {kind} is recorded yet."
                ).format(kind=kind)
            )
            return
        text = (
            QCoreApplication.translate(
                "KeyDateDialog",
                "Current official {kind}: {date} (from {origin}). Saving a new date replaces"
                " it; the history keeps both, and each victim who asked for this kind of update"
                " gets a task.",
            )
            if entry.origin
            else QCoreApplication.translate(
                "KeyDateDialog",
                "Current official {kind}: {date}. Saving a new date replaces it; the history"
                " keeps both, and each victim who asked for this kind of update gets a task.",
            )
        )
        self.now.setText(
            text.format(kind=kind, date=f"{entry.key_date.value:%d/%m/%Y}", origin=entry.origin)
        )

    def build(self) -> tuple[KeyDate, str]:
        key_date = KeyDate(
            offender_id=self._offender_id,
            kind=self.kind.currentData(),
            value=date_of(self.value) or today(),
            received_on=date_of(self.received),
        )
        if not self.origin.text().strip():
            raise ValidationError(
                QCoreApplication.translate(
                    "KeyDateDialog",
                    "Say where the official date came from (e.g. Prison OMU email, PPCS letter).",
                )
            )
        return key_date, self.origin.text()


def add_key_date(window: MainWindow) -> None:
    """Record an official key date for the current case's offender and alert victims."""
    case_id = window._current_case_id()
    if case_id is None:
        window.statusBar().showMessage(
            QCoreApplication.translate("KeyDateDialog", "Select or open a case first."), 5000
        )
        return
    case = window._call(cases.open_case, window.ws, case_id)
    if case is None:
        return
    file = case.sentence_file
    current = {d.key_date.kind: d for d in file.official_dates if d.current} if file else {}
    answer = KeyDateDialog.ask(window, case.offender.id, current)
    if answer is not None:
        key_date, origin = answer
        # Saves it (Ctrl+Z withdraws it), then says so: a quiet save looks like a lost one.
        if window.undo.record_key_date(key_date, origin) is not None:
            _show_saved(window, case_id, key_date)


def _show_saved(window: MainWindow, case_id: int, key_date: KeyDate) -> None:
    """The status bar says what was saved; the case's dates table has its row selected."""
    window.statusBar().showMessage(
        QCoreApplication.translate(
            "KeyDateDialog", "Saved the official {kind} {date}. Ctrl+Z undoes it."
        ).format(kind=key_date.kind, date=f"{key_date.value:%d/%m/%Y}"),
        15_000,
    )
    view = window.case_tab(case_id)
    if view is None:
        return
    view.show_tab("Offender")
    table, model = view.dates_table, view.dates_model
    for row in range(model.rowCount()):
        if str(model.index(row, 0).data()).startswith(f"{key_date.kind} "):
            table.setCurrentIndex(model.index(row, 0))
            table.scrollTo(model.index(row, 0))
            table.setFocus()
            break
