"""First run of a new (non-demo) caseload: the office's letterhead and the first account.

Nobody can sign in to a new file, so this wizard makes its first account, an
administrator, who then adds the others. The letterhead is asked for now because a
victim must never receive a letter with made-up office details on it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from vcs_app.domain.accounts import Account, check_password_rules
from vcs_app.domain.model import DomainError, Role, ValidationError
from vcs_app.qt.i18n import shown
from vcs_app.qt.widgets import add_row, plain_label
from vcs_app.services import accounts
from vcs_app.services.letter_settings import LetterSettings, missing_office_details
from vcs_app.services.workspace import Workspace


def _page_layout(page: QWizardPage, intro: str) -> QFormLayout:
    """An explanation, then the fields, kept together at the top of the page."""
    text = plain_label(intro)
    text.setWordWrap(True)
    text.setAccessibleName(QCoreApplication.translate("FirstRun", "About this step"))
    form = QFormLayout()
    layout = QVBoxLayout(page)
    layout.addWidget(text)
    layout.addSpacing(8)
    layout.addLayout(form)
    layout.addStretch(1)
    return form


def _problem_label() -> QLabel:
    label = plain_label()
    label.setWordWrap(True)
    label.setAccessibleName(QCoreApplication.translate("FirstRun", "Problem"))
    label.setStyleSheet("font-weight: bold;")
    label.hide()
    return label


class _CheckedPage(QWizardPage):
    """A page that goes on only when `value()` accepts what was typed; otherwise the
    reason shows on the page."""

    problem: QLabel

    def value(self) -> object:
        raise NotImplementedError

    def validatePage(self) -> bool:
        try:
            self.value()
        except DomainError as exc:
            self.problem.setText(str(exc))
            self.problem.show()
            return False
        self.problem.hide()
        return True


class OfficePage(_CheckedPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(QCoreApplication.translate("OfficePage", "Your office"))
        self.setSubTitle(
            QCoreApplication.translate(
                "OfficePage", "This caseload is new: two steps before the first case."
            )
        )
        form = _page_layout(
            self,
            "Every letter carries your office's letterhead and return address and tells the"
            " victim how to reach the office. You can change these later in Settings.",
        )
        self.office = add_row(
            form, QCoreApplication.translate("OfficePage", "&Office name:"), QLineEdit()
        )
        self.office.setPlaceholderText(
            QCoreApplication.translate("OfficePage", "e.g. Probation Service Victim Liaison Unit")
        )
        self.address = add_row(
            form, QCoreApplication.translate("OfficePage", "&Return address:"), QPlainTextEdit()
        )
        self.address.setPlaceholderText(
            QCoreApplication.translate("OfficePage", "One line per line of the address")
        )
        self.address.setTabChangesFocus(True)
        self.address.setMaximumHeight(110)
        self.phone = add_row(
            form, QCoreApplication.translate("OfficePage", "Office &phone:"), QLineEdit()
        )
        self.email = add_row(
            form, QCoreApplication.translate("OfficePage", "Office &email:"), QLineEdit()
        )
        self.problem = _problem_label()
        form.addRow(self.problem)

    def settings(self) -> LetterSettings:
        settings = LetterSettings(
            office_name=self.office.text(),
            return_address=tuple(self.address.toPlainText().splitlines()),
            default_phone=self.phone.text(),
            default_email=self.email.text(),
        )
        missing = missing_office_details(settings)
        if missing:
            raise ValidationError(
                QCoreApplication.translate("FirstRun", "Enter {details}.").format(
                    details=", ".join(shown(m) for m in missing)
                )
            )
        return settings

    value = settings


class AccountPage(_CheckedPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(QCoreApplication.translate("AccountPage", "Your account"))
        self.setSubTitle(
            QCoreApplication.translate("AccountPage", "The first account is an administrator.")
        )
        form = _page_layout(
            self,
            "You sign in with this account now, and add the other VLOs' accounts later."
            " Choose a password of at least 12 characters: three random words are easy to"
            " remember and hard to guess.",
        )
        self.display_name = add_row(
            form, QCoreApplication.translate("AccountPage", "Your na&me:"), QLineEdit()
        )
        self.username = add_row(
            form, QCoreApplication.translate("AccountPage", "&Username:"), QLineEdit()
        )
        self.username.setPlaceholderText(
            QCoreApplication.translate("AccountPage", "e.g. alex.morgan")
        )
        self.password = add_row(
            form, QCoreApplication.translate("AccountPage", "&Password:"), QLineEdit()
        )
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = add_row(
            form, QCoreApplication.translate("AccountPage", "Password &again:"), QLineEdit()
        )
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = _problem_label()
        form.addRow(self.problem)

    def account(self) -> Account:
        account = Account(self.username.text(), self.display_name.text(), Role.ADMIN)
        check_password_rules(self.password.text(), account.username)
        if self.password.text() != self.again.text():
            raise ValidationError(
                QCoreApplication.translate("FirstRun", "The two passwords are not the same.")
            )
        return account

    value = account


class FirstRunWizard(QWizard):
    """Asks for the letterhead and the first account, saves both, and signs that
    account in; `account` is set when it finished."""

    def __init__(self, parent: QWidget | None, ws: Workspace) -> None:
        super().__init__(parent)
        self.ws = ws
        self.account: Account | None = None
        self.setWindowTitle(QCoreApplication.translate("FirstRunWizard", "Welcome to VCS Desk"))
        self.setAccessibleName(QCoreApplication.translate("FirstRunWizard", "Welcome to VCS Desk"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.office_page = OfficePage()
        self.account_page = AccountPage()
        self.addPage(self.office_page)
        self.addPage(self.account_page)
        self.setMinimumSize(620, 440)

    def accept(self) -> None:
        page = self.account_page
        try:
            account = page.account()
            self.account = accounts.complete_first_run(
                self.ws,
                self.office_page.settings(),
                username=account.username,
                display_name=account.display_name,
                password=page.password.text(),
            )
        except DomainError as exc:
            page.problem.setText(str(exc))
            page.problem.show()
            return
        super().accept()

    @classmethod
    def run(cls, parent: QWidget | None, ws: Workspace) -> Account | None:
        """The new signed-in administrator, or None if they left the wizard."""
        wizard = cls(parent, ws)
        wizard.exec()
        return wizard.account
