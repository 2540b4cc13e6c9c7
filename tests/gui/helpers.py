"""Driving modal dialogs from a test, as a user would (shared by the GUI tests)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox


def when_dialog_opens(qtbot, fill, *, then=None, over=None, waited: int = 0):
    """Fill the next modal dialog from inside its own event loop; `then` fills the one
    after it (e.g. a message box the first dialog's OK leads to).

    It keeps looking until the dialog is up (a busy machine may take a while to get
    there): a single look that came too early left the dialog open and the test hung in
    its event loop, where no timeout can reach. A failing `fill` closes the dialog."""

    def run():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog) or dialog is over or not dialog.isVisible():
            assert waited < 30_000, "expected a dialog"
            when_dialog_opens(qtbot, fill, then=then, over=over, waited=waited + 25)
            return
        if then is not None:
            when_dialog_opens(qtbot, then, over=dialog)
        try:
            fill(dialog)
        except BaseException:
            dialog.reject()
            raise

    QTimer.singleShot(25, QApplication.instance(), run)


def click_ok(dialog):
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
