"""Locking the window after idle time (or on request) so no case data is left on show.

While locked, the main window's central widget is replaced by a lock screen, every
other window (open dialogs included) is covered by one and its controls disabled, the
menu actions are off, and input reaches only the lock screens. The same person's
password unlocks; switching user means quitting and signing in again.

Idle time is measured by an application event filter that restarts a single-shot
timer on each keyboard, mouse or touch input: no polling.
"""

from __future__ import annotations

import html

import shiboken6
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QObject,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vcs_app.domain.model import DomainError
from vcs_app.qt.widgets import plain_label, rich_label
from vcs_app.services import accounts
from vcs_app.services.workspace import Workspace

IDLE_SETTING = "security/idle_lock_minutes"
DEFAULT_IDLE_MINUTES = 5.0
# Never off (the file holds where victims live) and never so long it is pointless.
MIN_IDLE_MINUTES, MAX_IDLE_MINUTES = 1.0, 60.0
# Ctrl+L already adds a liaison note (README, tests); Ctrl+Alt+L is the usual desktop one.
LOCK_SHORTCUT = "Ctrl+Alt+L"
LOCKED_TITLE = QT_TRANSLATE_NOOP("LockScreen", "VCS Desk — locked")

_INPUT = {
    QEvent.Type.KeyPress,
    QEvent.Type.KeyRelease,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.TabletPress,
}
# What a locked screen refuses to pass to anything but a lock screen.
_BLOCKED = _INPUT - {QEvent.Type.MouseMove}


def idle_minutes_setting() -> float:
    """The configured idle time (Settings writes it), kept within sensible bounds."""
    value = QSettings().value(IDLE_SETTING, DEFAULT_IDLE_MINUTES)
    try:
        minutes = float(value)
    except (TypeError, ValueError):
        minutes = DEFAULT_IDLE_MINUTES
    return min(max(minutes, MIN_IDLE_MINUTES), MAX_IDLE_MINUTES)


class LockScreen(QWidget):
    """What shows instead of case data: who is signed in, a password box, Unlock, Quit."""

    def __init__(self, lock: ScreenLock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lock_screen")
        self.setAccessibleName(QCoreApplication.translate("LockScreen", "VCS Desk is locked"))
        self.setAutoFillBackground(True)
        self._lock = lock
        title = rich_label(QCoreApplication.translate("LockScreen", "<h2>VCS Desk is locked</h2>"))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        who = rich_label(
            QCoreApplication.translate(
                "LockScreen",
                "Signed in as <b>{name}</b>. Case details are hidden until you enter your"
                " password.<br>To sign in as someone else, quit and start VCS Desk again.",
            ).format(name=html.escape(lock.display_name))
        )
        who.setWordWrap(True)
        who.setAlignment(Qt.AlignmentFlag.AlignCenter)
        who.setAccessibleName(QCoreApplication.translate("LockScreen", "Who is signed in"))
        who.setObjectName("who")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(QCoreApplication.translate("LockScreen", "Password"))
        self.password.setPlaceholderText(QCoreApplication.translate("LockScreen", "Your password"))
        label = plain_label(QCoreApplication.translate("LockScreen", "&Password:"))
        label.setBuddy(self.password)
        self.error = plain_label()
        self.error.setWordWrap(True)
        self.error.setAccessibleName(QCoreApplication.translate("LockScreen", "Problem"))
        self.error.setStyleSheet("font-weight: bold;")
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error.hide()
        self.unlock_button = QPushButton(QCoreApplication.translate("LockScreen", "&Unlock"))
        self.unlock_button.setAccessibleName(QCoreApplication.translate("LockScreen", "Unlock"))
        self.unlock_button.setDefault(True)
        self.quit_button = QPushButton(QCoreApplication.translate("LockScreen", "&Quit"))
        self.quit_button.setAccessibleName(QCoreApplication.translate("LockScreen", "Quit"))
        self.password.returnPressed.connect(self._unlock)
        self.unlock_button.clicked.connect(self._unlock)
        self.quit_button.clicked.connect(lock.quit)

        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.password, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        buttons.addWidget(self.quit_button)
        box = QWidget()
        box.setMaximumWidth(520)
        inner = QVBoxLayout(box)
        for item in (title, who):
            inner.addWidget(item)
        inner.addLayout(row)
        inner.addWidget(self.error)
        inner.addLayout(buttons)
        middle = QHBoxLayout()  # no alignment flag: wrapped text then gets its height
        middle.addStretch(1)
        middle.addWidget(box, 4)
        middle.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(middle)
        outer.addStretch(2)

    def _unlock(self) -> None:
        problem = self._lock.unlock(self.password.text())
        if problem:
            self.password.clear()
            self.error.setText(problem)
            self.error.show()
            self.password.setFocus()


class ScreenLock(QObject):
    """Locks `window` (and whatever it opened) on request or after idle time."""

    locked = Signal()
    unlocked = Signal()

    def __init__(self, window: QMainWindow, ws: Workspace) -> None:
        super().__init__(window)
        self.window, self.ws = window, ws
        self._content: QWidget | None = None
        self._covers: dict[QWidget, tuple[LockScreen, list[QWidget], str]] = {}
        self._disabled_actions: list[QAction] = []
        self._status = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._idle)
        self._watching = False  # for idle time
        self._filtering = False  # input, through the application event filter
        self._fixed_ms: int | None = None
        self._interval = 0

    @property
    def is_locked(self) -> bool:
        return self._content is not None

    @property
    def display_name(self) -> str:
        account = accounts.find_account(self.ws, self.ws.user)
        return account.display_name if account else self.ws.user

    def watch_idle(self, idle_ms: int | None = None) -> None:
        """Lock after `idle_ms` without input (default: the idle-lock setting)."""
        self._fixed_ms = idle_ms
        self._filter_input()
        self._watching = True
        self._arm()

    def _filter_input(self) -> None:
        if not self._filtering:
            app = QApplication.instance()
            assert app is not None
            app.installEventFilter(self)
            self._filtering = True

    def _interval_ms(self) -> int:
        if self._fixed_ms is not None:
            return self._fixed_ms
        return round(idle_minutes_setting() * 60_000)

    def _arm(self) -> None:
        if self._watching and not self.is_locked:
            self._interval = self._interval_ms()
            self._timer.start(self._interval)

    def _idle(self) -> None:
        if not shiboken6.isValid(self.window) or not self.window.isVisible():
            return  # closed: its file may be closed too
        wanted = self._interval_ms()  # Settings may have made it longer meanwhile
        if wanted > self._interval:
            self._timer.start(wanted - self._interval)
            self._interval = wanted
            return
        self.lock()

    # --- locking ----------------------------------------------------------------------

    def lock(self) -> None:
        if self.is_locked:
            return
        self._timer.stop()
        self._filter_input()
        if (popup := QApplication.activePopupWidget()) is not None:
            popup.close()
        self._disabled_actions = [
            a for a in self.window.findChildren(QAction) if a.isEnabled() and not self._keeps(a)
        ]
        for action in self._disabled_actions:
            action.setEnabled(False)
        self.window.menuBar().setEnabled(False)
        self._status = self.window.statusBar().currentMessage()
        self.window.statusBar().showMessage(QCoreApplication.translate("LockScreen", "Locked"))
        self._content = self.window.takeCentralWidget()
        screen = LockScreen(self)
        self.window.setCentralWidget(screen)
        for widget in QApplication.topLevelWidgets():
            self._cover(widget)
        if QApplication.activeModalWidget() is None:
            screen.password.setFocus()
        self.locked.emit()

    @staticmethod
    def _keeps(action: QAction) -> bool:
        """Quitting stays possible while locked (it is how to switch user)."""
        quit_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)
        return not action.shortcut().isEmpty() and action.shortcut() in quit_keys

    def _cover(self, widget: QWidget) -> None:
        """Hide another window's content under a lock screen and disable its controls."""
        if (
            widget is self.window
            or widget in self._covers
            or not widget.isVisible()
            or isinstance(widget, LockScreen)
            or widget.windowType() in (Qt.WindowType.Popup, Qt.WindowType.ToolTip)
        ):
            return
        disabled = [
            child
            for child in widget.findChildren(
                QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
            )
            if child.isEnabled() and not child.isWindow()
        ]
        for child in disabled:
            child.setEnabled(False)
        cover = LockScreen(self, widget)
        cover.setGeometry(widget.rect())
        cover.show()
        cover.raise_()
        cover.password.setFocus()
        self._covers[widget] = (cover, disabled, widget.windowTitle())
        # a title may name someone, e.g. a letter's
        widget.setWindowTitle(QCoreApplication.translate("LockScreen", LOCKED_TITLE))

    def unlock(self, password: str) -> str | None:
        """Unlock if it is the signed-in person's password; else the reason it did not."""
        try:
            accounts.unlock(self.ws, password)
        except DomainError as exc:
            return str(exc)
        for widget, (cover, disabled, title) in self._covers.items():
            if not shiboken6.isValid(cover):  # its window was closed meanwhile
                continue
            widget.setWindowTitle(title)
            for child in disabled:
                child.setEnabled(True)
            cover.hide()
            cover.deleteLater()
        self._covers.clear()
        screen = self.window.takeCentralWidget()
        if screen is not None:
            screen.deleteLater()
        self.window.setCentralWidget(self._content)
        self._content = None
        for action in self._disabled_actions:
            action.setEnabled(True)
        self._disabled_actions = []
        self.window.menuBar().setEnabled(True)
        self.window.statusBar().showMessage(self._status)
        self._arm()
        self.unlocked.emit()
        return None

    def quit(self) -> None:
        self.window.close()

    # --- input ------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not shiboken6.isValid(self.window) or not self.window.isVisible():
            return False  # closed (or not yet shown): nothing to guard
        kind = event.type()
        if not self.is_locked:
            if kind in _INPUT and self._watching:
                self._timer.start(self._interval)
            return False
        if kind == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            QTimer.singleShot(0, self, lambda w=watched: self._cover_if_shown(w))
        elif kind == QEvent.Type.Resize and watched in self._covers:
            self._covers[watched][0].setGeometry(watched.rect())
        elif kind in _BLOCKED and isinstance(watched, QWidget):
            return not self._inside_lock_screen(watched)
        return False

    def _cover_if_shown(self, widget: QWidget) -> None:
        if self.is_locked:
            self._cover(widget)

    @staticmethod
    def _inside_lock_screen(widget: QWidget | None) -> bool:
        while widget is not None:
            if isinstance(widget, LockScreen):
                return True
            widget = widget.parentWidget()
        return False
