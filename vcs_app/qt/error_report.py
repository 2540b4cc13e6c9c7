"""An unexpected error in the window: logged with its traceback, and said once.

Without this, an exception in a slot (or in a background thread) is printed to a console
nobody reads, or nowhere at all in the windowed desktop build, and the window carries on
as if nothing had happened. Errors that follow one another within BURST_SECONDS (a slot
that fails on every repaint, say) are all logged but raise no second dialog.
"""

from __future__ import annotations

import sys
import threading
import time
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from vcs_app.app import append_to_log, log_path
from vcs_app.qt.widgets import plain_label

BURST_SECONDS = 10.0
SUMMARY_CHARS = 200


def summary_of(exc: BaseException) -> str:
    """What happened, in one line: the kind of error and its message."""
    line = " ".join(f"{type(exc).__name__}: {exc}".split())
    return line if len(line) <= SUMMARY_CHARS else line[: SUMMARY_CHARS - 1] + "…"


class ErrorDialog(QDialog):
    """What happened in a line, where the log is, and "Copy details" (the traceback)."""

    def __init__(self, parent: QWidget | None, summary: str, details: str, log: Path) -> None:
        super().__init__(parent)
        self.details = details
        title = QCoreApplication.translate("ErrorDialog", "VCS Desk: something went wrong")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        icon = plain_label()
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(48, 48)
        )
        icon.setAccessibleName(QCoreApplication.translate("ErrorDialog", "Error"))
        self.summary = self._label(
            QCoreApplication.translate("ErrorDialog", "Something went wrong: {0}").format(summary),
            QCoreApplication.translate("ErrorDialog", "What"),
        )
        self.advice = self._label(
            QCoreApplication.translate(
                "ErrorDialog",
                "What you saved before is kept; the last action may not have finished, so"
                " check it. The details are in the log:\n{0}",
            ).format(log),
            QCoreApplication.translate("ErrorDialog", "Where the details are"),
        )
        self.more = self._label("", QCoreApplication.translate("ErrorDialog", "Errors since"))
        self.more.hide()
        self.copy_button = QPushButton(QCoreApplication.translate("ErrorDialog", "&Copy details"))
        self.copy_button.setAccessibleName(
            QCoreApplication.translate("ErrorDialog", "Copy details")
        )
        self.copy_button.clicked.connect(self.copy_details)
        close = QPushButton(QCoreApplication.translate("ErrorDialog", "Close"))
        close.clicked.connect(self.reject)
        buttons = QDialogButtonBox()
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(close, QDialogButtonBox.ButtonRole.RejectRole)

        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        text = QVBoxLayout()
        text.setSpacing(10)
        for label in (self.summary, self.advice, self.more):
            text.addWidget(label)
        text.addStretch(1)
        top = QHBoxLayout()
        top.setSpacing(16)
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(buttons)
        close.setDefault(True)
        close.setFocus()
        self.setMinimumWidth(520)

    @staticmethod
    def _label(text: str, name: str) -> QLabel:
        label = plain_label(text)  # an error message is never markup
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setAccessibleName(name)
        return label

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText(QCoreApplication.translate("ErrorDialog", "Copied"))

    def count_more(self, count: int) -> None:
        self.more.setText(
            QCoreApplication.translate(
                "ErrorDialog", "{0} more error(s) since then, also in the log."
            ).format(count)
        )
        self.more.show()


class ErrorReporter(QObject):
    """sys.excepthook and threading.excepthook while the window runs (see the module)."""

    # summary, details, in a burst: from the failing thread to the GUI thread's dialog
    _failed = Signal(str, str, bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dialog: ErrorDialog | None = None
        self._lock = threading.Lock()
        self._last_error = float("-inf")
        self._last_details = ""
        self._since_dialog = 0
        self._previous = (sys.excepthook, threading.excepthook)
        self._failed.connect(self._show)

    def install(self) -> ErrorReporter:
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook
        return self

    def uninstall(self) -> None:
        if sys.excepthook == self.excepthook:
            sys.excepthook, threading.excepthook = self._previous

    def excepthook(
        self,
        kind: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        try:
            self._report(exc, "".join(traceback.format_exception(kind, exc, tb)))
        except Exception:  # reporting must not fail in turn; fall back to the console
            sys.__excepthook__(kind, exc, tb)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        self.excepthook(args.exc_type, args.exc_value, args.exc_traceback)

    def _report(self, exc: BaseException, details: str) -> None:
        """Log now, in the failing thread; the dialog is the GUI thread's business."""
        with self._lock:
            now = time.monotonic()
            in_burst = now - self._last_error < BURST_SECONDS
            repeated = in_burst and details == self._last_details
            self._last_error, self._last_details = now, details
        append_to_log(f"the same error again: {summary_of(exc)}" if repeated else details)
        self._failed.emit(summary_of(exc), details, in_burst)

    def _show(self, summary: str, details: str, in_burst: bool) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self._since_dialog += 1
            self.dialog.count_more(self._since_dialog)
            return
        if in_burst:
            return
        if self.dialog is not None:
            self.dialog.deleteLater()
        self._since_dialog = 0
        self.dialog = ErrorDialog(QApplication.activeWindow(), summary, details, log_path())
        self.dialog.show()
        self.dialog.raise_()


def install_error_reporting(app: QApplication) -> ErrorReporter:
    """Log and show unexpected errors for as long as `app` lives."""
    return ErrorReporter(app).install()
