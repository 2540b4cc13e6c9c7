"""Driving modal dialogs from a test, as a user would (shared by the GUI tests)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox


def when_dialog_opens(qtbot, fill, *, then=None):
    """Fill the next modal dialog from inside its own event loop; `then` fills the one
    after it (e.g. a message box the first dialog's OK leads to)."""

    def run():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog), "expected a dialog"
        if then is not None:
            when_dialog_opens(qtbot, then)
        fill(dialog)

    QTimer.singleShot(50, run)


def click_ok(dialog):
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
