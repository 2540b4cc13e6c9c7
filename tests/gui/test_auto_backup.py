"""Automatic backups from the window: on a schedule (skipped when nothing changed), on
exit, and "Back up now…" into a chosen folder; a failed one is reported."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from vcs_app.qt import auto_backup
from vcs_app.qt.main_window import MainWindow
from vcs_app.services import backups, cases


class MessageBoxes:
    """Answers message boxes as they appear (they block inside a slot), keeping their text."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self._timer = QTimer()
        self._timer.setInterval(20)
        self._timer.timeout.connect(self._answer)
        self._timer.start()

    def _answer(self) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            self.texts.append(box.text())
            box.accept()

    def stop(self) -> None:
        self._timer.stop()


@pytest.fixture
def boxes():
    answering = MessageBoxes()
    yield answering
    answering.stop()


@pytest.fixture
def folder(tmp_path):
    return tmp_path / "backups"


@pytest.fixture
def backed_window(qtbot, demo_ws, folder):
    """A main window with automatic backups on; closed (with its exit backup) by the test."""
    window = MainWindow(demo_ws, remember_layout=False, backup_folder=folder)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.auto_backup.cancel_exit_backup()
    window.close()
    qtbot.waitUntil(lambda: not window.auto_backup.busy)


def _count(demo_ws, folder) -> int:
    return len(backups.backups_of(demo_ws.path, folder))


def test_scheduled_backup_runs_then_skips_until_something_changes(qtbot, backed_window, demo_ws,
                                                                  folder):  # fmt: skip
    auto = backed_window.auto_backup
    assert auto.run_scheduled() is not None
    qtbot.waitUntil(lambda: not auto.busy and _count(demo_ws, folder) == 1)
    assert "Backed up at" in backed_window.statusBar().currentMessage()
    assert auto.run_scheduled() is None  # nothing happened since
    backed_window.open_case(backed_window.caseload.model.case_id(0))  # a view is audited
    assert auto.run_scheduled() is not None
    qtbot.waitUntil(lambda: not auto.busy and _count(demo_ws, folder) == 2)


def test_closing_the_window_makes_a_backup_first(qtbot, demo_ws, folder):
    window = MainWindow(demo_ws, remember_layout=False, backup_folder=folder)
    window.show()
    qtbot.waitExposed(window)
    window.close()
    assert window.isVisible()  # held open while the copy is made
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    assert _count(demo_ws, folder) == 1
    assert backups.latest_verified_backup(demo_ws.path, folder) is not None


def test_back_up_now_asks_for_a_folder_and_reports_the_file(
    qtbot, backed_window, demo_ws, tmp_path, monkeypatch, boxes
):
    chosen = tmp_path / "usb-stick"
    chosen.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(chosen))
    qtbot.keyClick(
        backed_window,
        Qt.Key.Key_B,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: bool(boxes.texts), timeout=10_000)
    made = backups.backups_of(demo_ws.path, chosen)
    assert len(made) == 1 and str(made[0].path) in boxes.texts[0]
    assert "integrity checked" in boxes.texts[0]


def test_a_failed_automatic_backup_is_reported(qtbot, demo_ws, tmp_path, boxes):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the backup folder should be", encoding="utf-8")
    window = MainWindow(demo_ws, remember_layout=False, backup_folder=blocker / "backups")
    qtbot.addWidget(window)
    window.show()
    window.auto_backup.cancel_exit_backup()
    assert window.auto_backup.run_scheduled() is not None
    qtbot.waitUntil(lambda: bool(boxes.texts), timeout=10_000)
    assert "Backup failed" in boxes.texts[0] and "still saved" in boxes.texts[0]
    qtbot.waitUntil(lambda: not window.auto_backup.busy)


def test_a_closed_window_schedules_nothing_more(qtbot, demo_ws, folder):
    window = MainWindow(demo_ws, remember_layout=False, backup_folder=folder)
    window.show()
    assert window.auto_backup.first.isActive() and window.auto_backup.timer.isActive()
    window.auto_backup.cancel_exit_backup()
    window.close()
    assert not window.auto_backup.first.isActive() and not window.auto_backup.timer.isActive()
    assert window.auto_backup.run_scheduled() is None
    assert _count(demo_ws, folder) == 0


def test_without_a_backup_folder_nothing_is_scheduled(window):
    assert not window.auto_backup.scheduled
    assert not window.auto_backup.timer.isActive()
    assert not window.auto_backup.wants_exit_backup()
    assert cases.caseload_counts(window.ws)["victims"] == 200


def test_closing_does_not_wait_for_a_slow_backup_when_a_recent_one_exists(
    qtbot, demo_ws, folder, monkeypatch
):
    """A big file (here: every backup is expected to be slow) is backed up on closing
    only when no backup was made in the last day; otherwise the window closes at once
    and the next automatic backup copies what changed."""
    monkeypatch.setattr(auto_backup, "BACKUP_BYTES_PER_SECOND", 1)
    first = MainWindow(demo_ws, remember_layout=False, backup_folder=folder)
    first.show()
    first.close()
    assert first.isVisible()  # no backup yet: closing waits for one
    qtbot.waitUntil(lambda: not first.isVisible(), timeout=20_000)
    assert _count(demo_ws, folder) == 1
    second = MainWindow(demo_ws, remember_layout=False, backup_folder=folder)
    second.show()
    second.open_case(second.caseload.model.case_id(0))  # a change since the backup
    assert second.auto_backup.expected_seconds() > auto_backup.EXIT_WAIT_SECONDS
    second.close()
    assert not second.isVisible()  # closed at once
    assert _count(demo_ws, folder) == 1


def test_a_scheduled_backup_waits_for_a_pause(qtbot, backed_window, demo_ws, folder):
    auto = backed_window.auto_backup
    auto.idle.idle_ms = 60_000  # the VLO is busy
    auto._when_idle()
    assert not auto.busy and auto.retry.isActive()
    auto.idle.idle_ms = 0
    auto._when_idle()
    qtbot.waitUntil(lambda: not auto.busy and _count(demo_ws, folder) == 1)
