"""Signing in before any case is shown: the caseload holds where victims live."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QWidget

from vcs_app.domain.accounts import Account
from vcs_app.domain.model import DomainError
from vcs_app.qt.dialogs.first_run import FirstRunWizard
from vcs_app.qt.dialogs.forms import FormDialog
from vcs_app.qt.widgets import add_row, plain_label, rich_label
from vcs_app.services import accounts
from vcs_app.services.workspace import Workspace


class SignInDialog(FormDialog):
    """Username and password; a wrong one says so and lets them try again, Quit quits.

    On the demo database the documented synthetic account is filled in, so `make run`
    still opens to a usable app by pressing Enter.
    """

    def __init__(self, parent: QWidget | None, ws: Workspace) -> None:
        super().__init__(parent, QCoreApplication.translate("SignInDialog", "Sign in to VCS Desk"))
        self.ws = ws
        heading = rich_label(
            QCoreApplication.translate("SignInDialog", "<b>Sign in to open the caseload</b>")
            + QCoreApplication.translate("SignInDialog", "<br>{name}").format(
                name=html.escape(ws.path.name)
            )
        )
        heading.setAccessibleName(QCoreApplication.translate("SignInDialog", "Caseload file"))
        self.layout().insertWidget(0, heading)
        self.username = add_row(
            self.form, QCoreApplication.translate("SignInDialog", "&Username:"), QLineEdit()
        )
        self.password = add_row(
            self.form, QCoreApplication.translate("SignInDialog", "&Password:"), QLineEdit()
        )
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.note = plain_label()
        self.note.setWordWrap(True)
        self.note.setAccessibleName(
            QCoreApplication.translate("SignInDialog", "About this sign-in")
        )
        self.note.hide()
        self.layout().insertWidget(2, self.note)
        if accounts.is_demo(ws):
            self.username.setText(accounts.DEMO_USERNAME)
            self.password.setText(accounts.DEMO_PASSWORD)
            self.note.setText(
                QCoreApplication.translate(
                    "SignInDialog",
                    "This is the demo database of synthetic cases. Its demo account ({user},"
                    " password {password}, a VLO) is filled in: press Enter to sign in. Every"
                    " letter printed from it says DEMO.",
                ).format(user=accounts.DEMO_USERNAME, password=accounts.DEMO_PASSWORD)
            )
            self.note.show()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(QCoreApplication.translate("SignInDialog", "&Sign in"))
        ok.setAccessibleName(QCoreApplication.translate("SignInDialog", "Sign in"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(QCoreApplication.translate("SignInDialog", "&Quit"))
        cancel.setAccessibleName(QCoreApplication.translate("SignInDialog", "Quit"))
        (self.password if self.username.text() else self.username).setFocus()
        self.setMinimumWidth(440)

    def build(self) -> Account:
        return accounts.sign_in(self.ws, self.username.text(), self.password.text())

    def accept(self) -> None:
        try:
            self.value = self.build()
        except DomainError as exc:
            self.error.setText(
                QCoreApplication.translate("SignInDialog", "Not signed in: {problem}").format(
                    problem=exc
                )
            )
            self.error.show()
            self.password.clear()
            self.password.setFocus()
            return
        super(FormDialog, self).accept()

    @classmethod
    def sign_in(cls, parent: QWidget | None, ws: Workspace) -> Account | None:
        """The signed-in account (the workspace now acts as it), or None if they quit."""
        return cls.ask(parent, ws)


def sign_in_for_gui(ws: Workspace) -> bool:
    """Before the window opens: the first-run wizard on a new caseload, else sign-in.
    False when the VLO quit instead."""
    if accounts.needs_first_run(ws):
        return FirstRunWizard.run(None, ws) is not None
    accounts.ensure_demo_account(ws)
    return SignInDialog.sign_in(None, ws) is not None
