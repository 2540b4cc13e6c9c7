"""Signing in before the window, the first-run wizard, and quitting at either."""

from __future__ import annotations

import json

from helpers import when_dialog_opens
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QWidget

from vcs_app.domain.model import Role
from vcs_app.qt.dialogs.first_run import FirstRunWizard
from vcs_app.qt.dialogs.sign_in import SignInDialog, sign_in_for_gui
from vcs_app.qt.main_window import run_gui
from vcs_app.services import accounts
from vcs_app.services.letter_settings import load_letter_settings


def _unnamed_inputs(widget: QWidget) -> list[QWidget]:
    return [w for w in widget.findChildren(QLineEdit) if not w.accessibleName()]


def _press(dialog, button) -> None:
    dialog.findChild(QDialogButtonBox).button(button).click()


def test_the_demo_account_is_filled_in_and_signs_in(qtbot, demo_ws):
    dialog = SignInDialog(None, demo_ws)
    qtbot.addWidget(dialog)
    assert dialog.username.text() == accounts.DEMO_USERNAME
    assert "demo database of synthetic cases" in dialog.note.text()
    assert _unnamed_inputs(dialog) == []
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert (demo_ws.user, demo_ws.role) == (accounts.DEMO_USERNAME, Role.VLO)


def test_a_wrong_password_says_so_and_lets_them_try_again(qtbot, demo_ws):
    dialog = SignInDialog(None, demo_ws)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.password.setText("not the demo password")
    _press(dialog, QDialogButtonBox.StandardButton.Ok)
    assert dialog.isVisible() and dialog.value is None
    assert dialog.error.text() == (
        "Not signed in: Wrong username or password. Check them and try again."
    )
    assert dialog.password.text() == ""  # cleared for the next try
    assert demo_ws.user == "test.vlo"
    dialog.password.setText(accounts.DEMO_PASSWORD)
    _press(dialog, QDialogButtonBox.StandardButton.Ok)
    assert dialog.value.username == accounts.DEMO_USERNAME
    (detail,) = demo_ws.store.db.execute(
        "SELECT detail FROM audit WHERE action = 'sign_in_failed'"
    ).fetchone()
    assert json.loads(detail)["username"] == accounts.DEMO_USERNAME


def test_quitting_at_sign_in_quits_without_a_window(qtbot, demo_ws):
    when_dialog_opens(qtbot, lambda d: _press(d, QDialogButtonBox.StandardButton.Cancel))
    assert sign_in_for_gui(demo_ws) is False
    path = demo_ws.path
    demo_ws.close()
    when_dialog_opens(qtbot, lambda d: _press(d, QDialogButtonBox.StandardButton.Cancel))
    assert run_gui(path) == 0  # no window, the file lock released
    when_dialog_opens(qtbot, lambda d: _press(d, QDialogButtonBox.StandardButton.Cancel))
    assert run_gui(path) == 0


def test_a_new_caseload_starts_with_the_first_run_wizard(qtbot, ws):
    seen = {}

    def fill(wizard):
        seen["title"] = wizard.windowTitle()
        wizard.reject()

    when_dialog_opens(qtbot, fill)
    assert sign_in_for_gui(ws) is False
    assert seen["title"] == "Welcome to VCS Desk"
    assert not accounts.has_accounts(ws)


def test_the_wizard_makes_the_first_admin_and_the_letterhead(qtbot, ws):
    wizard = FirstRunWizard(None, ws)
    qtbot.addWidget(wizard)
    wizard.show()
    assert _unnamed_inputs(wizard) == []
    office = wizard.office_page
    wizard.next()
    assert wizard.currentPage() is office and "Enter the office name" in office.problem.text()
    office.office.setText("Anytown Victim Liaison Unit")
    office.address.setPlainText("1 Civic Way\nAnytown\nZZ99 1ZZ")
    office.phone.setText("07700 900123")
    office.email.setText("vlu@example.org")
    wizard.next()
    page = wizard.account_page
    assert wizard.currentPage() is page
    page.display_name.setText("Ada Admin")
    page.username.setText("ada.admin")
    page.password.setText("short")
    page.again.setText("short")
    wizard.accept()
    assert "at least 12 characters" in page.problem.text() and wizard.account is None
    page.password.setText("correct horse battery")
    page.again.setText("correct horse battery")
    wizard.accept()
    assert wizard.account is not None and wizard.account.role is Role.ADMIN
    assert (ws.user, ws.role) == ("ada.admin", Role.ADMIN)
    settings = load_letter_settings(ws)
    assert settings.office_name == "Anytown Victim Liaison Unit"
    assert settings.return_address == ("1 Civic Way", "Anytown", "ZZ99 1ZZ")
    assert not accounts.needs_first_run(ws)
