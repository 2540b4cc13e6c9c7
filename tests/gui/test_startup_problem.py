"""A caseload file that cannot be used: one clear message, the last verified backup
offered, never a traceback and never a new empty file in its place."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from fixed_day import TODAY
from full_disk import files_cannot_grow, older_caseload
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox
from sqlite_utils import Database

from vcs_app.domain.model import LiaisonEntry
from vcs_app.qt.dialogs.startup_problem import StartupProblemDialog, open_for_gui, run_checked
from vcs_app.qt.main_window import MainWindow
from vcs_app.services import backups, cases
from vcs_app.services.demo import build_demo
from vcs_app.services.workspace import DatabaseLock, open_workspace
from vcs_app.storage.backup import make_backup
from vcs_app.storage.migrations import SCHEMA_VERSION


def _when_dialog_opens(fill, kind: type[QDialog] = QDialog) -> None:
    """Act on the next modal dialog of `kind` from inside its own event loop, as a user
    would; it may open at once or only after a window has run, so keep looking."""
    timer = QTimer()
    timer.setInterval(20)

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            timer.stop()
            fill(dialog)

    timer.timeout.connect(look)
    timer.start()
    _timers.append(timer)


_timers: list[QTimer] = []  # kept alive until their dialog has come


@pytest.fixture(autouse=True)
def _no_leftover_timers():
    """A timer whose dialog never came must not act on a later test's dialog."""
    yield
    for timer in _timers:
        timer.stop()
    _timers.clear()


def _answer_problem(seen: dict, button: str = "quit"):
    """Record what the startup dialog says, then press one of its buttons."""

    def fill(dialog):
        assert isinstance(dialog, StartupProblemDialog)
        seen["problem"] = dialog.problem.text()
        seen["advice"] = dialog.advice.text()
        seen["can_restore"] = dialog.restore_button.isEnabled()
        if button == "restore":
            _when_dialog_opens(
                lambda box: box.button(QMessageBox.StandardButton.Yes).click(), QMessageBox
            )
        getattr(dialog, f"{button}_button").click()

    return fill


@pytest.fixture
def caseload(tmp_path) -> Path:
    """A small demo caseload, closed (so its WAL is folded into the file)."""
    path = tmp_path / "caseload.db"
    ws = open_workspace(path, create=True)
    build_demo(ws, victims=60, seed=4, today=date(2026, 11, 26))
    ws.close()
    return path


@pytest.fixture
def folder(tmp_path) -> Path:
    return tmp_path / "backups"


def _back_up(path: Path, folder: Path) -> Path:
    ws = open_workspace(path)
    try:
        return backups.back_up(ws, folder).backup.path
    finally:
        ws.close()


def _smash(start: int, end: int):
    def damage(path: Path) -> None:
        data = bytearray(path.read_bytes())
        data[start:end] = b"\xff" * (end - start)
        path.write_bytes(bytes(data))

    return damage


def _newer(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()


def _plant_trigger(path: Path) -> None:
    """Issue 16: every new "do not post" marker silently stored as postable."""
    conn = sqlite3.connect(path)
    conn.execute(
        "CREATE TRIGGER postable AFTER INSERT ON contact_detail BEGIN"
        " UPDATE contact_detail SET do_not_post = 0, safe_to_use = 1 WHERE id = NEW.id; END"
    )
    conn.commit()
    conn.close()


DAMAGE = {
    "planted trigger": (_plant_trigger, "a trigger 'postable' was added to the file outside"),
    "corrupt": (_smash(100, 4096), "damaged or unreadable"),
    "truncated": (lambda p: p.write_bytes(p.read_bytes()[: 8 * 4096]), "truncated"),
    "not sqlite": (lambda p: p.write_text("Dear VLO, …", encoding="utf-8"), "not an SQLite"),
    "read-only": (lambda p: p.chmod(0o444), "read-only"),
    "newer": (_newer, "newer VCS Desk"),
    "empty": (lambda p: p.write_bytes(b""), "empty"),
    "missing": (lambda p: p.unlink(), "No database"),
}


@pytest.mark.parametrize("kind", DAMAGE)
def test_each_unusable_file_gets_one_clear_line_and_quit_changes_nothing(
    qtbot, caseload, folder, kind
):
    damage, words = DAMAGE[kind]
    damage(caseload)
    before = caseload.read_bytes() if caseload.exists() else None
    seen: dict = {}
    _when_dialog_opens(_answer_problem(seen), StartupProblemDialog)
    try:
        assert open_for_gui(caseload, backup_folder=folder) is None
    finally:
        if caseload.exists():
            caseload.chmod(0o644)
    assert words in seen["problem"]
    assert "\n" not in seen["problem"] and "Traceback" not in seen["problem"]
    assert "No verified backup" in seen["advice"] and not seen["can_restore"]
    assert (caseload.read_bytes() if caseload.exists() else None) == before
    assert not caseload.with_name("caseload.db.lock").exists()


def test_restore_from_the_startup_dialog_opens_the_backup_and_keeps_the_damaged_file(
    qtbot, caseload, folder
):
    backup = _back_up(caseload, folder)
    _smash(100, 4096)(caseload)
    damaged = caseload.read_bytes()
    seen: dict = {}
    _when_dialog_opens(_answer_problem(seen, "restore"), StartupProblemDialog)
    opened = open_for_gui(caseload, backup_folder=folder)
    assert opened is not None
    ws, lock = opened
    try:
        assert seen["can_restore"] and backup.name in seen["advice"]
        assert ws.path == caseload and ws.store.integrity_problems() == []
        assert cases.caseload_counts(ws)["victims"] == 60
        kept = [p for p in caseload.parent.glob("*.replaced-*") if p.suffix == ".db"]
        assert [p.read_bytes() for p in kept] == [damaged]
    finally:
        ws.close()
        lock.release()


def test_a_missing_file_with_a_backup_is_offered_the_backup_not_a_new_file(qtbot, caseload, folder):
    _back_up(caseload, folder)
    caseload.unlink()
    seen: dict = {}
    _when_dialog_opens(_answer_problem(seen), StartupProblemDialog)
    assert open_for_gui(caseload, backup_folder=folder) is None
    assert "No database" in seen["problem"] and seen["can_restore"]
    assert not caseload.exists()


def test_a_second_copy_is_told_who_holds_the_lock_and_cannot_restore(qtbot, caseload, folder):
    _back_up(caseload, folder)
    seen: dict = {}
    with DatabaseLock(caseload) as held:
        _when_dialog_opens(_answer_problem(seen), StartupProblemDialog)
        assert open_for_gui(caseload, backup_folder=folder) is None
    assert "already open in another copy" in seen["problem"]
    assert str(held.path) in seen["problem"]
    assert not seen["can_restore"]


def test_choose_another_file_opens_that_file(qtbot, caseload, folder, tmp_path, monkeypatch):
    other = tmp_path / "other.db"
    other.write_bytes(caseload.read_bytes())
    caseload.write_text("not a database", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    _when_dialog_opens(_answer_problem({}, "choose"), StartupProblemDialog)
    opened = open_for_gui(caseload, backup_folder=folder)
    assert opened is not None
    ws, lock = opened
    try:
        assert ws.path == other
        assert lock.path == tmp_path / "other.db.lock"
    finally:
        ws.close()
        lock.release()


@pytest.mark.timeout(60)
def test_damage_found_after_opening_closes_the_window_and_offers_the_backup(
    qtbot, caseload, folder
):
    """Damage deep in the file does not stop it opening; the check right after start
    finds it, closes the window without overwriting backups, and asks what to do."""
    backup = _back_up(caseload, folder)
    # Damage where nothing read at start-up lies: the pages of one table, found by name
    # (where a table lands in the file moves whenever the schema grows).
    with sqlite3.connect(caseload) as conn:
        pages = [
            r[0] for r in conn.execute("SELECT pageno FROM dbstat WHERE name = 'sentence_event'")
        ]
    conn.close()
    for page in pages:
        _smash((page - 1) * 4096, page * 4096)(caseload)
    windows: list[MainWindow] = []

    def make_window(ws):
        window = MainWindow(ws, remember_layout=False, backup_folder=folder)
        windows.append(window)
        return window

    seen: dict = {}
    app = QApplication.instance()
    QTimer.singleShot(30_000, app, app.quit)  # never hang the suite
    _when_dialog_opens(_answer_problem(seen), StartupProblemDialog)
    assert run_checked(caseload, make_window, backup_folder=folder) == 1
    assert len(windows) == 1 and not windows[0].isVisible()
    assert "found a problem" in seen["problem"] and seen["can_restore"]
    assert backup.name in seen["advice"]
    assert [b.path for b in backups.backups_of(caseload, folder)] == [backup]


def test_a_full_disk_is_said_as_such_and_no_restore_is_offered(
    qtbot, tmp_path, folder, monkeypatch
):
    """The file is healthy (it has a verified backup too): restoring would not help, and
    would need room the disk does not have."""
    path = tmp_path / "caseload.db"
    older_caseload(path)  # opening it upgrades it, which needs room on the disk
    store = Database(path)
    make_backup(store, path, folder)
    store.close()
    before = path.read_bytes()
    files_cannot_grow(monkeypatch)
    seen: dict = {}
    _when_dialog_opens(_answer_problem(seen), StartupProblemDialog)
    assert open_for_gui(path, backup_folder=folder) is None
    assert seen["problem"].startswith("The disk is full")
    assert "damaged" not in seen["problem"] and "\n" not in seen["problem"]
    assert not seen["can_restore"] and seen["advice"] == "Nothing has been changed."
    assert path.read_bytes() == before


def test_every_choice_has_an_accessible_name_and_a_shortcut(qtbot, caseload):
    dialog = StartupProblemDialog(None, caseload, "The file is damaged.", None)
    qtbot.addWidget(dialog)
    for button in (dialog.restore_button, dialog.choose_button, dialog.quit_button):
        assert button.accessibleName() and "&" in button.text()
    assert dialog.problem.accessibleName() == "What is wrong"


def test_a_window_with_a_full_disk_tells_the_user_and_keeps_nothing(qtbot, window, demo_ws):
    case_id = window.caseload.model.case_id(0)
    pages = demo_ws.store.db.execute("PRAGMA page_count").fetchone()[0]
    demo_ws.store.db.execute(f"PRAGMA max_page_count = {pages + 1}")
    before = demo_ws.store.db.execute("SELECT count(*) FROM liaison_entry").fetchone()[0]
    seen = {}

    def read(box):
        seen["text"] = box.text()
        box.accept()

    _when_dialog_opens(read)
    entry = LiaisonEntry(case_id, TODAY, "to", "om", "email", summary="z" * 9000)
    assert window._call(cases.add_liaison_entry, window.ws, entry) is None
    assert "the disk is full" in seen["text"]
    after = demo_ws.store.db.execute("SELECT count(*) FROM liaison_entry").fetchone()[0]
    assert after == before
