"""When the caseload file cannot be opened: one clear message and a way forward.

Corrupt, truncated, not a database, read-only, from a newer VCS Desk, missing, or in use
by another copy: the VLO sees one sentence saying which, the last verified backup if
there is one, and three choices. Never a traceback, never a new empty file in its place.
A full disk or a file in use is nothing a backup would mend, so no restore is offered.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from vcs_app.domain.model import DomainError
from vcs_app.qt.auto_backup import AutoBackup
from vcs_app.qt.dialogs.db_key import open_with_key
from vcs_app.qt.idle import IdleCheck
from vcs_app.qt.widgets import ask, plain_label, rich_label, warn
from vcs_app.services import backups
from vcs_app.services.backups import BackupFile
from vcs_app.services.workspace import (
    DatabaseLock,
    DatabaseLocked,
    DiskFull,
    Workspace,
    lock_database,
    may_need_key,
    open_workspace,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StartupChoice:
    action: str  # "restore", "open" (another file) or "quit"
    path: Path | None = None  # the backup to restore, or the other file to open


def _when(backup: BackupFile) -> str:
    return backup.taken_at.astimezone().strftime("%d/%m/%Y at %H:%M")


class StartupProblemDialog(QDialog):
    """Says what is wrong with the file and offers: restore, another file, or quit."""

    def __init__(
        self,
        parent: QWidget | None,
        db_path: Path,
        problem: str,
        backup: BackupFile | None,
        *,
        can_restore: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            QCoreApplication.translate("StartupProblemDialog", "VCS Desk cannot open the caseload")
        )
        self.setAccessibleName(
            QCoreApplication.translate("StartupProblemDialog", "VCS Desk cannot open the caseload")
        )
        self.db_path, self.backup = db_path, backup
        self.choice = StartupChoice("quit")

        icon = plain_label()
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(48, 48)
        )
        icon.setAccessibleName(QCoreApplication.translate("StartupProblemDialog", "Warning"))
        heading = rich_label(
            QCoreApplication.translate(
                "StartupProblemDialog", "<b>The caseload file cannot be opened.</b>"
            )
        )
        self.problem = plain_label(problem)
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(
            QCoreApplication.translate("StartupProblemDialog", "What is wrong")
        )
        if not can_restore:
            advice = "Nothing has been changed."
        elif backup is not None:
            advice = (
                f"Last verified backup: taken on {_when(backup)}\n({backup.path.name}).\n\n"
                "Restoring it puts a copy in place of this file, which is kept beside it"
                " under a dated name. Work done after the backup was taken is not in it."
            )
        else:
            advice = (
                "No verified backup of this file was found. Nothing has been changed; choose"
                " another file or ask your administrator for a copy."
            )
        self.advice = plain_label(advice)
        self.advice.setWordWrap(True)
        self.advice.setAccessibleName(
            QCoreApplication.translate("StartupProblemDialog", "What you can do")
        )

        self.restore_button = QPushButton(
            QCoreApplication.translate("StartupProblemDialog", "&Restore last verified backup…")
        )
        self.restore_button.setAccessibleName(
            QCoreApplication.translate("StartupProblemDialog", "Restore last verified backup")
        )
        self.restore_button.setEnabled(can_restore and backup is not None)
        self.choose_button = QPushButton(
            QCoreApplication.translate("StartupProblemDialog", "&Choose another file…")
        )
        self.choose_button.setAccessibleName(
            QCoreApplication.translate("StartupProblemDialog", "Choose another file")
        )
        self.quit_button = QPushButton(QCoreApplication.translate("StartupProblemDialog", "&Quit"))
        self.quit_button.setAccessibleName(
            QCoreApplication.translate("StartupProblemDialog", "Quit")
        )
        buttons = QDialogButtonBox()
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.choose_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.clicked.connect(self._restore)
        self.choose_button.clicked.connect(self._choose)
        self.quit_button.clicked.connect(self.reject)

        file_label = plain_label(
            QCoreApplication.translate("StartupProblemDialog", "File: {db_path}").format(
                db_path=db_path
            )
        )
        file_label.setWordWrap(True)
        file_label.setAccessibleName(
            QCoreApplication.translate("StartupProblemDialog", "Database file")
        )
        text = QVBoxLayout()
        text.setSpacing(10)
        for widget in (heading, self.problem, file_label, self.advice):
            text.addWidget(widget)
        top = QHBoxLayout()
        top.setSpacing(16)
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 20, 20, 16)
        layout.addLayout(top)
        layout.addSpacing(12)
        layout.addWidget(buttons)
        (self.restore_button if self.restore_button.isEnabled() else self.choose_button).setFocus()
        self.setMinimumWidth(600)

    def _restore(self) -> None:
        assert self.backup is not None
        answer = ask(
            self,
            QCoreApplication.translate("StartupProblemDialog", "Restore backup"),
            QCoreApplication.translate(
                "StartupProblemDialog",
                "Replace {name} with the backup taken on {when}?\n\nThe current file is "
                "kept beside it under a dated name.",
            ).format(name=self.db_path.name, when=_when(self.backup)),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.choice = StartupChoice("restore", self.backup.path)
            self.accept()

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("StartupProblemDialog", "Open a VCS Desk database"),
            str(self.db_path.parent),
            QCoreApplication.translate(
                "StartupProblemDialog", "VCS Desk databases (*.db);;All files (*)"
            ),
        )
        if path:
            self.choice = StartupChoice("open", Path(path))
            self.accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        db_path: Path,
        problem: str,
        backup: BackupFile | None,
        *,
        can_restore: bool = True,
    ) -> StartupChoice:
        dialog = cls(parent, db_path, problem, backup, can_restore=can_restore)
        dialog.exec()
        return dialog.choice


def _open(path: Path, key: str | None) -> Workspace:
    """A plain file opens as it is; one that may be encrypted is opened with `key`, or
    with the key the VLO types (qt/dialogs/db_key.py)."""
    if not may_need_key(path):
        return open_workspace(path)
    ws = open_with_key(None, path, key)
    if ws is None:
        raise DomainError(
            QCoreApplication.translate(
                "StartupProblem",
                "{path} was not opened: it is not a plain VCS Desk database, and no key"
                " was given to open it as an encrypted one (or the file is damaged).",
            ).format(path=path)
        )
    return ws


def open_for_gui(
    path: Path,
    *,
    backup_folder: Path | None = None,
    problem: str | None = None,
    key: str | None = None,
) -> tuple[Workspace, DatabaseLock] | None:
    """Lock and open the caseload, asking the VLO what to do while it cannot be opened.

    `problem` is one already found (the file was damaged after it opened): it is shown
    first. `key` opens an encrypted caseload (asked for when missing or wrong). Returns
    the open workspace and the lock to release on exit, or None if the VLO quit.
    """
    while True:
        folder = backup_folder or backups.backup_folder_for(path)
        if problem is not None:
            backup = backups.latest_verified_backup(path, folder, key)
            choice = StartupProblemDialog.ask(None, path, problem, backup)
            problem = None
        else:
            try:
                lock = lock_database(path)
                try:
                    ws = _open(path, key)
                except BaseException:
                    lock.release()
                    raise
            except (DatabaseLocked, DiskFull) as exc:
                choice = StartupProblemDialog.ask(None, path, str(exc), None, can_restore=False)
            except DomainError as exc:
                backup = backups.latest_verified_backup(path, folder, key)
                choice = StartupProblemDialog.ask(None, path, str(exc), backup)
            else:
                if lock.recovered_from is not None:
                    log.warning(
                        QCoreApplication.translate("StartupProblem", "took over the lock of %s"),
                        lock.recovered_from.describe(),
                    )
                return ws, lock
        if choice.action == "quit" or choice.path is None:
            return None
        if choice.action == "open":
            path, backup_folder = choice.path, None
            continue
        try:
            backups.restore(path, choice.path, key=key)
        except DomainError as exc:
            warn(None, QCoreApplication.translate("StartupProblem", "Restore failed"), str(exc))


class _Window(Protocol):
    auto_backup: AutoBackup

    def show(self) -> None: ...
    def close(self) -> bool: ...


def run_checked(
    path: Path,
    make_window: Callable[[Workspace], _Window | None],
    *,
    backup_folder: Path | None = None,
    key: str | None = None,
) -> int:
    """The GUI's life: open (or recover) the file, run the window, and if the file turns
    out to be damaged once open, close the window and offer the backup again.
    `make_window` returns None when the VLO quit before the window (e.g. at sign-in);
    `key` opens an encrypted caseload without asking."""
    app = QApplication.instance()
    assert app is not None
    problem: str | None = None
    while True:
        opened = open_for_gui(path, backup_folder=backup_folder, problem=problem, key=key)
        if opened is None:
            return 1
        ws, lock = opened
        damage: list[str] = []
        try:
            try:
                window = make_window(ws)
            except Exception as exc:  # damaged pages fail the first read: not a traceback
                damage.append(f"it could not be read ({exc})")
            else:
                if window is None:
                    return 0

                def damaged(found: str, window: _Window = window, seen: list = damage) -> None:
                    seen.append(found)
                    window.auto_backup.cancel_exit_backup()  # keep the good backups
                    window.close()

                checking = IdleCheck(app, ws, damaged)  # in the VLO's pauses, a table at a time
                window.show()
                code = app.exec()
                checking.stop()
                checking.deleteLater()
        finally:
            ws.close()
            lock.release()
        if not damage:
            return code
        path, key = ws.path, ws.store.key
        problem = f"A check after opening {path.name} found a problem: {damage[0]}."
