"""Backups from the window: on a schedule, on exit, and when asked ("Back up now…").

The copy is made off the GUI thread on its own connection (SQLite connections are per
thread); a scheduled backup is skipped when nothing has happened
since the last one, and waits for a pause in the VLO's work (it cannot be interrupted, and
on a million-victim file it takes about a minute).

Closing the window waits for a backup only when it is quick: on a file whose backup is
expected to take longer than `EXIT_WAIT_SECONDS`, closing does not wait if a verified
backup is less than `RECENT_HOURS` old; what changed since is copied by the next
automatic backup (the first one comes shortly after the next start).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtWidgets import QFileDialog, QMainWindow, QProgressDialog

from vcs_app.qt.idle import IdleWatch
from vcs_app.qt.widgets import inform, progress_dialog, warn
from vcs_app.qt.workers import Job
from vcs_app.services import backups
from vcs_app.services.backups import BackupDone
from vcs_app.services.workspace import Workspace, worker_workspace

FIRST_BACKUP_DELAY_MS = 10_000  # let the window settle before the first copy
RETRY_WHEN_BUSY_MS = 15_000  # a scheduled backup waits for a pause in the VLO's work
EXIT_WAIT_SECONDS = 10  # closing waits for a backup expected to take at most this long...
RECENT_HOURS = 24  # ...or longer, when the newest backup is older than this
BACKUP_BYTES_PER_SECOND = 75_000_000  # measured: copy and check of a 5 GB file in 67 s


def _size(n: int) -> str:
    return f"{n / 1_048_576:.1f} MB" if n >= 1_048_576 else f"{n / 1024:.0f} KB"


class AutoBackup(QObject):
    """Owns the backup timer of one main window."""

    def __init__(
        self,
        window: QMainWindow,
        ws: Workspace,
        folder: Path,
        *,
        scheduled: bool = True,
        minutes: int = backups.AUTO_BACKUP_MINUTES,
    ) -> None:
        super().__init__(window)
        self.window, self.ws, self.folder = window, ws, folder
        self.scheduled = scheduled
        self.last: BackupDone | None = None
        self._mark: int | None = None  # change mark when the last backup here was taken
        self._job: Job | None = None
        self._exit_done = not scheduled
        self.idle = IdleWatch(self)
        self.timer = QTimer(self)
        self.timer.setInterval(minutes * 60_000)
        self.timer.timeout.connect(self._when_idle)
        self.first = QTimer(self)  # soon after start, when the newest backup is old
        self.first.setSingleShot(True)
        self.first.setInterval(FIRST_BACKUP_DELAY_MS)
        self.first.timeout.connect(self._when_idle)
        self.retry = QTimer(self)  # the VLO was busy: try again after a while
        self.retry.setSingleShot(True)
        self.retry.setInterval(RETRY_WHEN_BUSY_MS)
        self.retry.timeout.connect(self._when_idle)
        if not scheduled:
            return
        self.timer.start()
        newest = backups.backups_of(ws.path, folder)
        if not newest or datetime.now(UTC) - newest[0].taken_at > timedelta(minutes=minutes):
            self.first.start()

    @property
    def busy(self) -> bool:
        return self._job is not None

    def _changed(self) -> bool:
        return self._mark is None or backups.change_mark(self.ws) != self._mark

    def _work(self, folder: Path) -> Callable[[object], BackupDone]:
        rotate = folder == self.folder

        def work(_progress: object) -> BackupDone:
            with worker_workspace(self.ws) as other:
                return backups.back_up(other, folder, keep_rotation=rotate)

        return work

    def _start(self, folder: Path, on_done: Callable[[BackupDone | None, str], None]) -> Job:
        """Back up on a pool thread; when it ends (on the GUI thread) note what a
        fresh backup covers, then call `on_done(result, error)`: one slot, so whoever
        waits for the job to end sees both done."""
        job = Job(self._work(folder))
        self._job = job

        def ended() -> None:
            self._job = None
            if job.result is not None and folder == self.folder:
                self.last = job.result
                self._mark = backups.change_mark(self.ws)
            on_done(job.result, job.error or "")

        job.ended.connect(ended, Qt.ConnectionType.QueuedConnection)
        return job.start()

    def _when_idle(self) -> None:
        """A timer's backup: now if the VLO has paused, else a little later."""
        if self.idle.idle:
            self.run_scheduled()
        elif self.window.isVisible() and not self._exit_done:
            self.retry.start()

    def run_scheduled(self) -> Job | None:
        """A quiet backup into the backup folder, unless one is running, the window has
        closed, or nothing changed."""
        if self.busy or not self.window.isVisible() or not self._changed():
            return None
        return self._start(self.folder, self._report_scheduled)

    def _report_scheduled(self, done: BackupDone | None, error: str) -> None:
        if done is not None:
            at = done.backup.taken_at.astimezone().strftime("%H:%M")
            self.window.statusBar().showMessage(
                QCoreApplication.translate("AutoBackup", "Backed up at {at} (verified).").format(
                    at=at
                ),
                10_000,
            )
        elif error:
            warn(
                self.window,
                QCoreApplication.translate("AutoBackup", "Automatic backup failed"),
                QCoreApplication.translate(
                    "AutoBackup",
                    "{error}\n\nYour work is still saved in the database; only the backup "
                    "copy is missing. VCS Desk will try again later.",
                ).format(error=error),
            )

    def back_up_now(self) -> None:
        """Ask for a folder (the backup folder by default) and back up there now."""
        chosen = QFileDialog.getExistingDirectory(
            self.window,
            QCoreApplication.translate("AutoBackup", "Back up to folder"),
            str(self.folder),
        )
        if chosen:
            self.back_up_to(Path(chosen))

    def back_up_to(self, folder: Path) -> Job | None:
        if self.busy:
            inform(
                self.window,
                QCoreApplication.translate("AutoBackup", "Backup"),
                QCoreApplication.translate(
                    "AutoBackup", "A backup is being made already; try again in a moment."
                ),
            )
            return None
        busy = self._busy_dialog("Backing up…")

        def done(result: BackupDone | None, error: str) -> None:
            busy.close()
            busy.deleteLater()
            if result is None:
                warn(self.window, QCoreApplication.translate("AutoBackup", "Backup failed"), error)
                return
            inform(
                self.window,
                QCoreApplication.translate("AutoBackup", "Backup made"),
                QCoreApplication.translate(
                    "AutoBackup",
                    "Backed up to {path}\n({size}, integrity checked, {seconds:.1f} s).",
                ).format(
                    path=result.backup.path, size=_size(result.backup.size), seconds=result.seconds
                ),
            )

        return self._start(folder, done)

    def _busy_dialog(self, text: str) -> QProgressDialog:
        """A busy indicator without Cancel: a copy in progress cannot be interrupted."""
        dialog = progress_dialog(text, "", self.window)
        dialog.setCancelButton(None)
        dialog.setWindowTitle(QCoreApplication.translate("AutoBackup", "VCS Desk"))
        dialog.setAccessibleName(text)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.show()
        return dialog

    def stop(self) -> None:
        self.timer.stop()
        self.first.stop()
        self.retry.stop()

    def cancel_exit_backup(self) -> None:
        """No copy on the way out (e.g. the file was found damaged: keep the good backups)."""
        self._exit_done = True
        self.stop()

    def wants_exit_backup(self) -> bool:
        return not self._exit_done and self._changed() and not self._too_slow_to_wait_for()

    def expected_seconds(self) -> float:
        """How long a backup of the file should take (the last one here, else its size)."""
        if self.last is not None:
            return self.last.seconds
        return self.ws.path.stat().st_size / BACKUP_BYTES_PER_SECOND

    def _too_slow_to_wait_for(self) -> bool:
        if self.expected_seconds() <= EXIT_WAIT_SECONDS:
            return False
        newest = backups.backups_of(self.ws.path, self.folder)
        return bool(newest) and datetime.now(UTC) - newest[0].taken_at < timedelta(
            hours=RECENT_HOURS
        )

    def run_exit_backup(self, then: Callable[[], None]) -> None:
        """Back up before the window closes, then call `then` (even if it failed)."""
        self._exit_done = True
        self.stop()
        message = self._busy_dialog("Making a backup before closing…")

        def done(result: BackupDone | None, error: str) -> None:
            message.close()
            message.deleteLater()
            if result is None and error:
                warn(
                    self.window,
                    QCoreApplication.translate("AutoBackup", "Backup before closing failed"),
                    error,
                )
            then()

        if self.busy:  # a scheduled backup is running: wait for it, then make ours
            self._job.ended.connect(  # type: ignore[union-attr]
                lambda: self._start(self.folder, done), Qt.ConnectionType.QueuedConnection
            )
        else:
            self._start(self.folder, done)
