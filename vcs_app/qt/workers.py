"""Long work off the GUI thread, with progress and cancel.

The function given to `run_in_background` runs on a pool thread. It receives a
`Progress` to report through and to ask whether the user cancelled. SQLite connections
belong to the thread that opened them, so the function opens its own workspace with
`services.workspace.worker_workspace(ws)` and closes it before returning.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QWidget

from vcs_app.app import log_unexpected
from vcs_app.domain.model import DomainError
from vcs_app.qt.widgets import progress_dialog, warn


class Cancelled(Exception):
    """Raised inside a job when the user pressed Cancel; the job's transaction rolls back."""


class Progress:
    """Handed to the job: report how far it got, check for cancel."""

    def __init__(self, job: Job) -> None:
        self._job = job
        self._cancel = threading.Event()

    def report(self, done: int, total: int, message: str = "") -> None:
        self._job.progressed.emit(done, total, message)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise Cancelled if the user asked to stop."""
        if self._cancel.is_set():
            raise Cancelled


class Job(QObject):
    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)
    ended = Signal()

    def __init__(self, fn: Callable[[Progress], Any]) -> None:
        super().__init__()
        self._fn = fn
        self.progress = Progress(self)
        self.result: Any = None
        self.error: str | None = None
        self.was_cancelled = False

    def start(self) -> Job:
        """Start on the global thread pool; connect to the signals before calling this."""
        QThreadPool.globalInstance().start(_Runnable(self, self._fn))
        return self


class _Runnable(QRunnable):
    def __init__(self, job: Job, fn: Callable[[Progress], Any]) -> None:
        super().__init__()
        self._job, self._fn = job, fn

    def run(self) -> None:
        job = self._job
        try:
            job.result = self._fn(job.progress)
        except Cancelled:
            job.was_cancelled = True
            job.failed.emit("Cancelled: nothing was changed.")
        except DomainError as exc:
            job.error = str(exc)
            job.failed.emit(str(exc))
        except Exception as exc:  # a bug must still end the job, not hang the dialog
            job.error = f"Unexpected error: {exc} (details in {log_unexpected(exc)})"
            job.failed.emit(job.error)
        else:
            job.succeeded.emit(job.result)
        finally:
            job.ended.emit()


def run_in_background(
    parent: QWidget,
    title: str,
    fn: Callable[[Progress], Any],
    on_success: Callable[[Any], None] | None = None,
) -> Job:
    """Start `fn` with a modeless progress dialog whose Cancel asks the job to stop."""
    job = Job(fn)
    dialog = progress_dialog(title, "Cancel", parent)
    dialog.setWindowTitle(title)
    dialog.setAccessibleName(title)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.canceled.connect(job.progress.cancel)

    def progressed(done: int, total: int, message: str) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)
        if message:
            dialog.setLabelText(message)

    def failed(message: str) -> None:
        warn(parent, title, message)

    def ended() -> None:
        dialog.close()
        dialog.deleteLater()

    job.progressed.connect(progressed, Qt.ConnectionType.QueuedConnection)
    job.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
    if on_success is not None:
        job.succeeded.connect(on_success, Qt.ConnectionType.QueuedConnection)
    job.ended.connect(ended, Qt.ConnectionType.QueuedConnection)
    return job.start()
