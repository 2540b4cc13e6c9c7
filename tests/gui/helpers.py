"""Driving modal dialogs from a test, as a user would (shared by the GUI tests)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMessageBox


def when_dialog_opens(qtbot, fill, *, then=None, over=None, waited: int = 0):
    """Fill the next modal dialog from inside its own event loop; `then` fills the one
    after it (e.g. a message box the first dialog's OK leads to).

    It keeps looking until the dialog is up (a busy machine may take a while to get
    there) and is active: a single look that came too early left the dialog open and the
    test hung in its event loop, where no timeout can reach. A failing `fill` closes the
    dialog."""

    def run():
        dialog = QApplication.activeModalWidget()
        # Up, and active (so it has the keyboard focus its fill may check), or up for a
        # while on a platform that never activates it.
        up = isinstance(dialog, QDialog) and dialog is not over and dialog.isVisible()
        if not up or (QApplication.activeWindow() is not dialog and waited < 2_000):
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


def close_message_boxes() -> tuple[QTimer, list[str]]:
    """Close each message box as it opens (from inside its own event loop), however late
    it comes (a worker's warning when its job ends); keep the timer while needed, and the
    texts seen."""
    seen: list[str] = []

    def close() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.close()

    timer = QTimer()
    timer.timeout.connect(close)
    timer.start(50)
    return timer, seen
