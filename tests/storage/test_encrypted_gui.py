"""The window's start on an encrypted caseload: the key is asked for before sign-in, a
wrong key is said so and may be retried, Cancel leads to the usual start-up choices.

Runs offscreen in a child process: SQLCipher brings its own SQLite, which must not stay
loaded in the test process (see test_encrypted_store.py)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("sqlcipher3") is None, reason="the `encrypted` extra is not installed"
)

SCRIPT = """
from datetime import date
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from vcs_app.qt.dialogs.db_key import DatabaseKeyDialog
from vcs_app.qt.dialogs.startup_problem import StartupProblemDialog, open_for_gui
from vcs_app.services import backups, cases
from vcs_app.services.demo import build_demo
from vcs_app.services.workspace import open_workspace

app = QApplication([])
path, folder = Path(PATH), Path(PATH).parent / "backups"
ws = open_workspace(path, create=True, key=KEY)
build_demo(ws, victims=20, seed=2, today=date(2026, 11, 26))
ws.close()


def answer(*steps):
    # Each step acts on the modal dialog open at that moment, as a user would.
    todo = list(steps)

    def run():
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, run)
            return
        todo.pop(0)(dialog)
        if todo:
            QTimer.singleShot(20, run)

    QTimer.singleShot(20, run)


def ok(dialog):
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def type_key(text):
    def step(dialog):
        assert isinstance(dialog, DatabaseKeyDialog), type(dialog)
        assert dialog.key.accessibleName() and dialog.key.echoMode().name == "Password"
        dialog.key.setText(text)
        ok(dialog)
    return step


said = {}


def wrong_key_is_said(dialog):
    assert isinstance(dialog, DatabaseKeyDialog) and dialog.isVisible()
    said["error"] = dialog.error.text()
    if SHOT:
        dialog.grab().save(SHOT)


# 1. wrong key: said in the dialog, which stays open; the right key then opens the file
answer(type_key("wrong"), wrong_key_is_said, type_key(KEY))
opened = open_for_gui(path, backup_folder=folder)
assert opened is not None
ws, lock = opened
assert "cannot be opened with this key" in said["error"], said
assert ws.store.key == KEY and len(cases.caseload_ids(ws)) > 0
# what the window then does with the file: automatic backups and the integrity check
done = backups.back_up(ws, folder)
assert backups.latest_verified_backup(path, folder, KEY) == done.backup
assert backups.latest_verified_backup(path, folder) is None  # no key, not offered
assert backups.damage_in(path, KEY) is None
ws.close()
lock.release()

# 2. a key given on start (--key-stdin / VCS_DESK_KEY) opens it without asking
ws, lock = open_for_gui(path, backup_folder=folder, key=KEY)
ws.close()
lock.release()

# 3. a wrong key given on start: the dialog opens already saying so
answer(wrong_key_is_said, type_key(KEY))
said.clear()
ws, lock = open_for_gui(path, backup_folder=folder, key="stale")
assert "cannot be opened with this key" in said["error"]
ws.close()
lock.release()

# 4. Cancel: the start-up problem dialog says why in one line; Quit changes nothing
before = path.read_bytes()


def problem(dialog):
    assert isinstance(dialog, StartupProblemDialog), type(dialog)
    said["problem"] = dialog.problem.text()
    dialog.quit_button.click()


answer(lambda dialog: dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click(),
       problem)
assert open_for_gui(path, backup_folder=folder) is None
assert "no key was given" in said["problem"] and "\\n" not in said["problem"]
assert path.read_bytes() == before
print("ok")
"""


def _run_offscreen(script: str, path: Path, key: str, shot: str) -> None:
    """`script` in a child process (PATH, KEY and SHOT set); it must end printing ok."""
    code = f"PATH = {str(path)!r}\nKEY = {key!r}\nSHOT = {shot!r}\n" + textwrap.dedent(script)
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=180,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip().splitlines()[-1] == "ok"


def test_the_key_prompt_opens_an_encrypted_caseload(tmp_path):
    shot = os.environ.get("VCS_KEY_SHOT", "")  # set to save a picture of the prompt
    _run_offscreen(SCRIPT, tmp_path / "vcs.db", "correct horse", shot)


def test_only_a_file_of_whole_pages_without_the_sqlite_header_asks_for_a_key(tmp_path):
    from vcs_app.services.workspace import may_need_key

    cases = {
        "encrypted-looking.db": os.urandom(8192),
        "letter.db": "Dear VLO, …".encode(),
        "plain.db": b"SQLite format 3\x00" + bytes(4080),
        "empty.db": b"",
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
    asked = {name for name in cases if may_need_key(tmp_path / name)}
    assert asked == {"encrypted-looking.db"}
    assert not may_need_key(tmp_path / "missing.db")


KEPT = """
import os
from datetime import date
from pathlib import Path

os.environ["XDG_DATA_HOME"] = str(Path(PATH).parent / "xdg")
from PySide6.QtCore import QTimer
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication, QMessageBox

from vcs_app.qt.dialogs.kept_file import KeptFileDialog
from vcs_app.qt.dialogs.letter import run_letter_action
from vcs_app.qt.main_window import MainWindow
from vcs_app.services import letters
from vcs_app.services.demo import build_demo
from vcs_app.services.workspace import open_workspace

app = QApplication([])
TODAY = date(2026, 11, 26)
ws = open_workspace(Path(PATH), create=True, key=KEY, on=TODAY)
build_demo(ws, victims=40, seed=2, today=TODAY)
letters.approve_batch(ws, letters.review_due(ws, on=TODAY))
[done, *_] = letters.produce_batch(ws, on=TODAY).produced
assert done.path.name.endswith(".pdf.sealed")
window = MainWindow(ws)
window.show()
seen = {}


def look():
    dialog = QApplication.activeModalWidget()
    if not isinstance(dialog, KeptFileDialog):
        QTimer.singleShot(20, look)
        return
    seen["title"] = dialog.windowTitle()
    seen["status"] = dialog.document.status()
    seen["pages"] = dialog.document.pageCount()
    QTimer.singleShot(1000 if SHOT else 0, lambda: finish(dialog))  # pages draw in a thread


def finish(dialog):
    if SHOT:
        dialog.grab().save(SHOT)
    QTimer.singleShot(20, refuse_warning)
    dialog.save_button.click()  # asks first: the copy would not be encrypted
    dialog.reject()


def refuse_warning():
    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox):
        QTimer.singleShot(20, refuse_warning)
        return
    seen["warning"] = box.text()
    box.button(QMessageBox.StandardButton.No).click()


QTimer.singleShot(20, look)
run_letter_action(window, done.link_id, "pdf", done.letter_id)
assert seen["status"] == QPdfDocument.Status.Ready, seen
assert seen["pages"] >= 1 and seen["title"] == done.path.name.removesuffix(".sealed"), seen
assert "will be an ordinary file" in seen["warning"], seen
assert not list(Path(PATH).parent.rglob("*.pdf")), "no readable copy was written"
window.close()
print("ok")
"""


def test_a_sealed_letter_opens_inside_the_app_without_a_readable_copy(tmp_path):
    shot = os.environ.get("VCS_KEPT_SHOT", "")  # set to save a picture of the viewer
    _run_offscreen(KEPT, tmp_path / "vcs.db", "correct horse battery", shot)
