"""An unexpected error in the window is logged with its traceback and shown in one dialog
with "Copy details" (issue 15: it used to vanish; a windowed build prints nowhere)."""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QPushButton

from vcs_app.qt import main_window
from vcs_app.qt.error_report import ErrorDialog, ErrorReporter, install_error_reporting
from vcs_app.qt.workers import Job

pytestmark = pytest.mark.qt_no_exception_capture  # our hook, not pytest-qt's, sees them


@pytest.fixture
def log_file(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    return tmp_path / "state" / "vcs-desk" / "log" / "vcs-desk.log"


@pytest.fixture
def reporter(qtbot, log_file):
    reporter = install_error_reporting(QApplication.instance())
    yield reporter
    reporter.uninstall()
    if reporter.dialog is not None:
        reporter.dialog.close()
    reporter.deleteLater()


def _failing_button(qtbot) -> QPushButton:
    def print_the_letter() -> None:
        raise RuntimeError("the printer caught fire")

    button = QPushButton("Print")
    qtbot.addWidget(button)
    button.clicked.connect(print_the_letter)
    button.show()
    return button


def _dialogs() -> list[ErrorDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, ErrorDialog)]


def test_an_error_in_a_slot_is_logged_and_shown_once_with_copy_details(qtbot, reporter, log_file):
    button = _failing_button(qtbot)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())

    dialog = reporter.dialog
    assert dialog.summary.text() == "Something went wrong: RuntimeError: the printer caught fire"
    assert str(log_file) in dialog.advice.text()
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in logged
    assert "in print_the_letter" in logged and "RuntimeError: the printer caught fire" in logged

    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("Traceback (most recent call last)")
    assert "in print_the_letter" in copied
    assert dialog.isVisible()  # copying does not close it

    # the same error twice more, at once: logged, counted on the dialog, no second dialog
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "2 more error(s)" in dialog.more.text())
    assert _dialogs() == [dialog]
    assert log_file.read_text(encoding="utf-8").count("the same error again") == 2

    # closed, and the burst goes on (a slot failing on every repaint): still no new dialog
    dialog.close()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.wait(50)
    assert not any(d.isVisible() for d in _dialogs())


def test_a_later_error_after_the_burst_gets_a_dialog_again(qtbot, reporter, monkeypatch):
    monkeypatch.setattr("vcs_app.qt.error_report.BURST_SECONDS", 0.0)
    button = _failing_button(qtbot)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    first = reporter.dialog
    first.close()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: reporter.dialog is not first and reporter.dialog.isVisible())


def test_an_error_in_a_thread_is_shown_by_the_gui_thread(qtbot, reporter, log_file):
    def import_in_background() -> None:
        raise ValueError("row 7 has no date")

    thread = threading.Thread(target=import_in_background)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    assert reporter.dialog.thread() is QApplication.instance().thread()
    assert "ValueError: row 7 has no date" in reporter.dialog.summary.text()
    assert "in import_in_background" in log_file.read_text(encoding="utf-8")


def test_an_unexpected_error_in_a_job_is_logged_with_its_traceback(qtbot, log_file):
    def count_cases(progress):
        raise KeyError("victim_id")

    job = Job(count_cases)
    with qtbot.waitSignal(job.ended, timeout=5000):
        job.start()
    assert job.error == f"Unexpected error: 'victim_id' (details in {log_file})"
    assert "in count_cases" in log_file.read_text(encoding="utf-8")


def test_the_window_installs_the_reporter(tmp_path, monkeypatch, log_file):
    seen = []

    def no_window(path, make_window, **kwargs):
        seen.append(sys.excepthook)
        return 0

    # (run_gui imports them when it runs)
    monkeypatch.setattr("vcs_app.qt.dialogs.startup_problem.run_checked", no_window)
    monkeypatch.setattr("vcs_app.qt.dialogs.settings.apply_display", lambda app: None)
    hooks = sys.excepthook, threading.excepthook
    try:
        assert main_window.run_gui(tmp_path / "vcs.db") == 0
        (hook,) = seen
        assert isinstance(hook.__self__, ErrorReporter)
        assert threading.excepthook == hook.__self__.thread_excepthook
    finally:
        sys.excepthook, threading.excepthook = hooks
