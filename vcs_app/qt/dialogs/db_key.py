"""The key of an encrypted caseload, asked for before sign-in.

A file that does not start as a plain SQLite file may be an encrypted (SQLCipher)
caseload. The VLO types its key; a wrong key is said so in the dialog, which stays open
for another try. Cancel leads back to the start-up problem dialog (restore a backup, open
another file, or quit), since the file may just as well be damaged.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QWidget

from vcs_app.domain.model import DomainError, ValidationError
from vcs_app.qt.dialogs.forms import FormDialog
from vcs_app.qt.widgets import add_row, rich_label
from vcs_app.services.workspace import Workspace, open_workspace

TITLE = QT_TRANSLATE_NOOP("DatabaseKeyDialog", "Encrypted caseload")


class DatabaseKeyDialog(FormDialog):
    """Asks for the key and opens the file with it; once accepted, `value` is the open
    Workspace (`build()` only checks what was typed, so it never touches the file)."""

    def __init__(self, parent: QWidget | None, path: Path, problem: str = "") -> None:
        super().__init__(parent, QCoreApplication.translate("DatabaseKeyDialog", TITLE))
        self.path = path
        intro = rich_label(
            QCoreApplication.translate(
                "DatabaseKeyDialog",
                "<b>{name}</b> is encrypted, or it is not a VCS Desk "
                "database.<br>Enter the database key to open it. The key is not your "
                "sign-in password: ask whoever set up this caseload if you do not have "
                "it.",
            ).format(name=html.escape(path.name))
        )
        intro.setWordWrap(True)
        intro.setAccessibleName(
            QCoreApplication.translate("DatabaseKeyDialog", "About the encrypted caseload")
        )
        self.form.insertRow(0, intro)
        self.key = add_row(
            self.form,
            QCoreApplication.translate("DatabaseKeyDialog", "Database &key:"),
            QLineEdit(),
        )
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            QCoreApplication.translate("DatabaseKeyDialog", "&Open")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("DatabaseKeyDialog", "&Cancel")
        )
        if problem:
            self._show_problem(problem.replace(str(path), path.name))
        self.setMinimumWidth(480)

    def _show_problem(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def build(self) -> str:
        """The key as typed (spaces count: they may be part of it)."""
        key = self.key.text()
        if not key.strip():
            raise ValidationError(
                QCoreApplication.translate("DatabaseKeyDialog", "Enter the database key.")
            )
        if "\x00" in key:
            raise ValidationError(
                QCoreApplication.translate(
                    "DatabaseKeyDialog", "A key cannot contain a null character."
                )
            )
        return key

    def accept(self) -> None:
        """Open with the key typed; on failure say why and keep the dialog for a retry.
        `value` is then the open Workspace."""
        try:
            self.value = open_workspace(self.path, key=self.build())
        except DomainError as exc:
            self._show_problem(str(exc).replace(str(self.path), self.path.name))
            self.key.clear()
            self.key.setFocus()
            return
        QDialog.accept(self)


def open_with_key(parent: QWidget | None, path: Path, key: str | None = None) -> Workspace | None:
    """The caseload opened with `key` if it works, else with a key the VLO types; None
    when they cancel."""
    problem = ""
    if key is not None:
        try:
            return open_workspace(path, key=key)
        except DomainError as exc:
            problem = str(exc)
    dialog = DatabaseKeyDialog(parent, path, problem)
    return dialog.value if dialog.exec() == QDialog.DialogCode.Accepted else None
