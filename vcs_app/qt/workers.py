"""Long work off the GUI thread, with progress and cancel.

The function given to `run_in_background` runs on a pool thread. It receives a
`Progress` to report through and to ask whether the user cancelled. SQLite connections
belong to the thread that opened them, so the function opens its own workspace with
`services.workspace.worker_workspace(ws)` and closes it before returning.
"""

from __future__ import annotations

import contextlib
import os
import queue
import sys
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QWidget

from vcs_app.app import log_unexpected
from vcs_app.domain.model import DomainError
from vcs_app.qt.widgets import progress_dialog, warn
from vcs_app.services.workspace import was_interrupted, worker_workspace


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
    dialog = progress_dialog(title, QCoreApplication.translate("Workers", "Cancel"), parent)
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


BACKGROUND_NICE = 10  # lower than the window, not so low that a busy computer starves it


def lower_thread_priority() -> None:
    """Run the calling thread at a lower priority (Linux: nice 10 for this thread alone),
    so work nobody waits for yields the processor to the window; elsewhere a no-op."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), BACKGROUND_NICE)


class QueryThread(QObject):
    """One background thread with its own connection to the caseload, for reads the
    window must not wait for (a search as the VLO types, an exact count).

    Requests run in order. `ask` starts a new round: the round before is stale, its
    running SQL is interrupted (`sqlite3.Connection.interrupt`) and whatever it had not
    started is skipped; `also` adds a request to the current round (the next page, the
    count). Only results of the current round are delivered, on the GUI thread, through
    `answered(round, kind, result)`; a request can see whether its round is still
    current with the `current` callable it is given.
    """

    answered = Signal(int, str, object)
    failed = Signal(int, str, str)

    def __init__(self, ws, parent: QObject | None = None, *, background: bool = False) -> None:
        """`background`: the thread runs at a lower priority (work nobody is waiting
        for, such as an integrity check)."""
        super().__init__(parent)
        self._ws = ws
        self._background = background
        self._round = 0
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._store = None  # the worker's connection, once open (for interrupt)
        self._thread: threading.Thread | None = None
        self._closed = False

    @property
    def round(self) -> int:
        return self._round

    def ask(self, kind: str, fn: Callable[[Any, Callable[[], bool]], Any]) -> int:
        """Start a new round with `fn(workspace, current)`; returns the round."""
        self._round += 1
        self._interrupt()
        return self.also(kind, fn)

    def also(self, kind: str, fn: Callable[[Any, Callable[[], bool]], Any]) -> int:
        """Add `fn` to the current round (it runs after the requests already asked)."""
        if self._closed:
            raise RuntimeError("the query thread is closed")
        if self._thread is None:
            self._thread = threading.Thread(target=self._serve, name="vcs-query", daemon=True)
            self._thread.start()
        self._queue.put((self._round, kind, fn))
        return self._round

    def cancel(self) -> None:
        """Make every request asked so far stale."""
        self._round += 1
        self._interrupt()

    def _interrupt(self) -> None:
        store = self._store
        if store is not None:
            store.interrupt()

    def close(self, timeout: float = 10.0) -> None:
        """Stop the thread (interrupting its work) and close its connection."""
        if self._closed:
            return
        self._closed = True
        self.cancel()
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join(timeout)

    def _serve(self) -> None:
        if self._background:
            lower_thread_priority()
        with contextlib.ExitStack() as stack:
            try:
                ws = stack.enter_context(worker_workspace(self._ws))
            except Exception as exc:  # the file cannot be opened now: say so and stop
                self.failed.emit(self._round, "open", str(exc))
                return
            self._store = ws.store
            try:
                while (request := self._queue.get()) is not None:
                    self._run(ws, *request)
            finally:
                self._store = None

    def _run(self, ws, round_: int, kind: str, fn) -> None:
        def current() -> bool:
            return round_ == self._round

        if not current():
            return
        try:
            result = fn(ws, current)
        except DomainError as exc:
            self.failed.emit(round_, kind, str(exc))
            return
        except Exception as exc:  # a bug must still end the request, not the thread
            if was_interrupted(exc) or not current():
                return  # a newer round took over
            self.failed.emit(round_, kind, f"Unexpected error: {exc}")
            return
        if current():
            self.answered.emit(round_, kind, result)
