"""Locking hides every case detail until the same person's password is given again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QLineEdit

from vcs_app.qt.dialogs.forms import VictimDialog
from vcs_app.qt.lock_screen import (
    IDLE_SETTING,
    LOCK_SHORTCUT,
    LOCKED_TITLE,
    LockScreen,
    idle_minutes_setting,
)
from vcs_app.services import accounts, cases


@pytest.fixture
def signed_in(window, demo_ws):
    accounts.sign_in(demo_ws, accounts.DEMO_USERNAME, accounts.DEMO_PASSWORD)
    return window


def _lock_screen(window) -> LockScreen:
    screen = window.centralWidget()
    assert isinstance(screen, LockScreen)
    return screen


def _type_password(qtbot, screen: LockScreen, password: str) -> None:
    screen.password.setText(password)
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)


def test_lock_now_by_shortcut_hides_the_cases_until_the_password(qtbot, signed_in):
    window = signed_in
    case_id = window.caseload.model.case_id(0)
    view = window.open_case(case_id)
    victim_name = view.case.victim.full_name
    qtbot.keyClick(
        window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    )
    screen = _lock_screen(window)
    assert window.screen_lock.is_locked and not window.tabs.isVisible()
    assert screen.findChild(QLabel, "who").text().startswith("Signed in as <b>Demo VLO</b>")
    texts = " ".join(w.text() for w in window.findChildren(QLineEdit) if w.isVisible())
    assert victim_name not in texts
    assert window.statusBar().currentMessage() == "Locked"
    new_referral = next(a for a in window.findChildren(QAction) if a.text() == "&New referral…")
    assert not new_referral.isEnabled()  # no shortcut reaches the cases while locked

    _type_password(qtbot, screen, "not my password at all")
    assert window.screen_lock.is_locked
    assert screen.error.text().startswith("That is not the password of demo.vlo")

    _type_password(qtbot, screen, accounts.DEMO_PASSWORD)
    assert not window.screen_lock.is_locked
    assert window.centralWidget() is window.tabs and window.tabs.currentWidget() is view
    assert new_referral.isEnabled()
    actions = [
        r[0]
        for r in window.ws.store.db.execute(
            "SELECT action FROM audit WHERE action LIKE 'unlock%' ORDER BY id"
        )
    ]
    assert actions == ["unlock_failed", "unlock"]


def test_idle_time_locks_the_window(qtbot, signed_in):
    window = signed_in
    window.screen_lock.watch_idle(idle_ms=150)
    qtbot.waitUntil(lambda: window.screen_lock.is_locked, timeout=5000)
    _type_password(qtbot, _lock_screen(window), accounts.DEMO_PASSWORD)
    assert not window.screen_lock.is_locked
    qtbot.waitUntil(lambda: window.screen_lock.is_locked, timeout=5000)  # and again


def test_the_idle_minutes_come_from_settings_within_bounds(qapp):
    settings = QSettings()
    assert idle_minutes_setting() == 5.0
    settings.setValue(IDLE_SETTING, 12)
    assert idle_minutes_setting() == 12.0
    settings.setValue(IDLE_SETTING, 0)  # never off: the file holds victims' addresses
    assert idle_minutes_setting() == 1.0
    settings.setValue(IDLE_SETTING, "soon")
    assert idle_minutes_setting() == 5.0


def test_an_open_dialog_is_covered_and_disabled_while_locked(qtbot, signed_in, demo_ws):
    window = signed_in
    case = cases.open_case(demo_ws, window.caseload.model.case_id(0))
    dialog = VictimDialog(window, case.victim)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    window.screen_lock.lock()
    cover = dialog.findChild(LockScreen)
    assert cover is not None and cover.isVisible() and cover.geometry() == dialog.rect()
    assert not dialog.given.isEnabled() and not dialog.buttons.isEnabled()
    assert dialog.windowTitle() == LOCKED_TITLE
    _type_password(qtbot, cover, accounts.DEMO_PASSWORD)  # unlocking from the dialog
    assert not window.screen_lock.is_locked
    assert dialog.given.isEnabled() and dialog.given.text() == case.victim.given_name
    assert dialog.windowTitle() == "Edit victim"
    qtbot.waitUntil(lambda: dialog.findChild(LockScreen) is None)


def test_a_window_opened_while_locked_is_covered_too(qtbot, signed_in, demo_ws):
    window = signed_in
    window.screen_lock.lock()
    case = cases.open_case(demo_ws, window.caseload.model.case_id(0))
    dialog = VictimDialog(window, case.victim)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.findChild(LockScreen) is not None)
    assert not dialog.given.isEnabled()


def test_the_lock_action_is_in_the_file_menu_with_its_shortcut(signed_in):
    action = signed_in.findChild(QAction, "lock_now")
    assert action.shortcut().toString() == LOCK_SHORTCUT
