"""Pictures of the views issue 18 changed ("at the desk"), into docs/desk_*.png.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/desk_screenshots.py

Builds a demo file in a temporary folder (synthetic people only) on the suite's fixed day,
opens the window offscreen at 1280 x 800 and grabs: the caseload, an empty caseload, a
case's History tab, a referred relative's Victim tab, the letters dialog, New referral for
another victim of an offender, a key date just saved, and the dashboard.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "gui")]

from helpers import bereaved_father_referred, opted_in_with_a_new_release_date  # noqa: E402

from vcs_app.qt.dialogs.letter import write_letter  # noqa: E402
from vcs_app.qt.main_window import MainWindow  # noqa: E402
from vcs_app.qt.widgets import use_clock  # noqa: E402
from vcs_app.services.demo import build_demo  # noqa: E402
from vcs_app.services.workspace import open_workspace  # noqa: E402

DAY = date(2026, 11, 26)  # the tests' fixed day
DOCS = ROOT / "docs"


def _grab_dialog(app: QApplication, out: str, fill: Callable[[QDialog], None] | None = None):
    """Grab the next modal dialog once it is up, then close it."""

    def poll() -> None:
        dialog = app.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(25, poll)
            return
        if fill is not None:
            fill(dialog)
        for _ in range(5):
            app.processEvents()
        dialog.grab().save(str(DOCS / out))
        dialog.reject()

    QTimer.singleShot(25, poll)


def _trigger(window: MainWindow, name: str) -> None:
    window.findChild(QAction, name).trigger()


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    folder = Path(tempfile.gettempdir()) / "vcs-desk-docs"  # one name: the same pictures
    folder.mkdir(exist_ok=True)
    for old in folder.glob("desk.db*"):
        old.unlink()
    ws = open_workspace(folder / "desk.db", user="alex.morgan", create=True, on=DAY)
    use_clock(ws.today)
    empty = MainWindow(ws, remember_layout=False)
    empty.resize(1280, 400)
    empty.show()
    app.processEvents()
    empty.grab().save(str(DOCS / "desk_empty_caseload.png"))
    empty.close()

    build_demo(ws, victims=200, seed=5)
    # an opted-in victim whose offender has a new official release date (as the tests)
    referred = opted_in_with_a_new_release_date(ws, om_and_crn=True)

    window = MainWindow(ws, remember_layout=False)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    window.grab().save(str(DOCS / "desk_caseload.png"))

    view = window.open_case(referred)
    view.show_tab("History")
    app.processEvents()
    window.grab().save(str(DOCS / "desk_history.png"))

    relative = bereaved_father_referred(ws)
    if relative is not None:
        window.open_case(relative).show_tab("Victim")
        app.processEvents()
        window.grab().save(str(DOCS / "desk_acts_for.png"))

    window.open_case(referred)
    _grab_dialog(app, "desk_letters.png")
    write_letter(window, referred)
    _grab_dialog(app, "desk_another_victim.png")
    _trigger(window, "another_victim")

    def key_date(dialog) -> None:
        dialog.kind.setCurrentIndex(dialog.kind.findData("SLED"))
        dialog.value.lineEdit().setText("14/06/2029")
        dialog.origin.setText("PPCS letter")
        dialog.accept()

    QTimer.singleShot(25, lambda: key_date(app.activeModalWidget()))
    _trigger(window, "add_key_date")
    for _ in range(5):
        app.processEvents()
    window.grab().save(str(DOCS / "desk_key_date_saved.png"))

    window.show_dashboard()
    window.dashboard.buttons[next(iter(window.dashboard.buttons))].click()
    for _ in range(5):
        app.processEvents()
    window.grab().save(str(DOCS / "desk_dashboard.png"))
    window.close()
    ws.close()


if __name__ == "__main__":
    main()
