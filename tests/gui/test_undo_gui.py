"""Undo and redo in the window: Ctrl+Z puts back what the case shows, Ctrl+Shift+Z does the
edit again, the Edit menu names the edit, and a refused undo leaves everything as it is."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from helpers import click_ok, when_dialog_opens
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from vcs_app.domain.model import CaseStatus
from vcs_app.services import cases, preferences
from vcs_app.storage import repo_cases

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _undo(qtbot, window) -> None:
    _reactivate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)


def _redo(qtbot, window) -> None:
    _reactivate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL | SHIFT)


def _reactivate(qtbot, window) -> None:
    """What a window manager does when a dialog closes (offscreen Qt has none): the main
    window is active again, so its shortcuts work."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def _open_first(window):
    case_id = window.caseload.model.case_id(0)
    return case_id, window.open_case(case_id)


def _liaison_texts(window, case_id: int) -> list[str]:
    model = window.case_tab(case_id).liaison_model
    return [model.index(r, 5).data() for r in range(model.rowCount())]


def test_edit_menu_offers_undo_and_redo_with_the_edit_named(window):
    assert window.undo.undo_action.shortcut().toString() == "Ctrl+Z"
    assert window.undo.redo_action.shortcut().toString() == "Ctrl+Shift+Z"
    assert not window.undo.undo_action.isEnabled()  # nothing to undo yet
    edit_menu = next(
        a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Edit"
    )
    assert window.undo.undo_action in edit_menu.actions()
    assert window.undo.redo_action in edit_menu.actions()


def test_ctrl_z_restores_the_victim_name_and_ctrl_shift_z_redoes_it(qtbot, window):
    case_id, view = _open_first(window)
    old_name = view.case.victim.family_name

    def fill(dialog):
        dialog.family.setText("Zzyzx")
        click_ok(dialog)

    when_dialog_opens(qtbot, fill)
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)  # Case > Edit victim
    qtbot.waitUntil(lambda: "Zzyzx" in window.case_tab(case_id).header.text())
    assert window.undo.undo_action.text().replace("&", "") == "Undo edit victim details"

    _undo(qtbot, window)
    assert "Zzyzx" not in window.case_tab(case_id).header.text()
    assert old_name in window.case_tab(case_id).header.text()
    row = window.caseload.model.row_of(case_id)
    assert window.caseload.model.index(row, 1).data().startswith(f"{old_name},")
    assert window.undo.redo_action.text().replace("&", "") == "Redo edit victim details"

    _redo(qtbot, window)
    assert "Zzyzx" in window.case_tab(case_id).header.text()


def test_ctrl_z_restores_the_offender(qtbot, window):
    case_id, view = _open_first(window)
    old = view.case.offender

    def fill(dialog):
        dialog.given.setText("Quillon")
        click_ok(dialog)

    when_dialog_opens(qtbot, fill)
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL | SHIFT)  # Case > Edit offender
    qtbot.waitUntil(lambda: "Quillon" in window.case_tab(case_id).header.text())
    _undo(qtbot, window)
    assert window.case_tab(case_id).case.offender == old
    assert f"offender {old.full_name}" in window.case_tab(case_id).header.text()


def test_ctrl_z_withdraws_the_liaison_note_from_the_log(qtbot, window):
    case_id, view = _open_first(window)
    view.show_tab("Liaison")
    before = _liaison_texts(window, case_id)
    text = "Left a message for the OM about the hostel address."

    def fill(dialog):
        dialog.summary.setPlainText(text)
        click_ok(dialog)

    when_dialog_opens(qtbot, fill)
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
    qtbot.waitUntil(lambda: text in _liaison_texts(window, case_id))
    assert window.undo.undo_action.text().replace("&", "") == "Undo add liaison note"

    _undo(qtbot, window)
    window.case_tab(case_id).show_tab("Liaison")
    assert _liaison_texts(window, case_id) == before
    _redo(qtbot, window)
    window.case_tab(case_id).show_tab("Liaison")
    assert text in _liaison_texts(window, case_id)


def test_ctrl_z_withdraws_a_key_date(qtbot, window, demo_ws):
    case_id, view = _open_first(window)
    view.show_tab("Offender")

    def current_crd():
        return [
            k.value
            for k in cases.open_case(demo_ws, case_id).key_dates
            if k.kind == "CRD" and k.superseded_by is None and k.source.value == "official"
        ]

    before = current_crd()

    def fill(dialog):
        dialog.kind.setCurrentIndex(dialog.kind.findData("CRD"))
        dialog.value.setDate(QDate(2031, 3, 14))
        dialog.origin.setText("Prison OMU email")
        click_ok(dialog)

    when_dialog_opens(qtbot, fill)
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    qtbot.waitUntil(lambda: current_crd() == [date(2031, 3, 14)])
    assert window.undo.undo_action.text().replace("&", "") == "Undo add key date CRD"
    _undo(qtbot, window)
    assert current_crd() == before
    dates = window.case_tab(case_id).dates_model
    shown = [dates.index(r, 1).data() for r in range(dates.rowCount())]
    assert "14/03/2031" not in shown


def test_ctrl_delete_archives_and_ctrl_z_brings_the_case_back(qtbot, window, demo_ws):
    model = window.caseload.model
    window.caseload.table.setFocus()
    window.caseload.table.setCurrentIndex(model.index(0, 0))
    case_id = model.case_id(0)
    rows = model.total  # every case found (the list reads a page at a time)

    qtbot.keyClick(window, Qt.Key.Key_Delete, CTRL)
    assert repo_cases.get_link(demo_ws.store.db, case_id).status is CaseStatus.ARCHIVED
    qtbot.waitUntil(lambda: model.total == rows - 1)
    assert model.row_of(case_id) is None
    assert "archived" in window.statusBar().currentMessage()

    _undo(qtbot, window)
    assert repo_cases.get_link(demo_ws.store.db, case_id).status is CaseStatus.OPEN
    qtbot.waitUntil(lambda: model.total == rows)
    assert model.row_of(case_id) is not None


def test_undo_over_someone_elses_change_is_refused_with_a_message(qtbot, window, demo_ws):
    case_id, _ = _open_first(window)

    def fill(dialog):
        dialog.family.setText("Zzyzx")
        click_ok(dialog)

    when_dialog_opens(qtbot, fill)
    window.edit_victim(case_id)
    victim = cases.open_case(demo_ws, case_id).victim
    later = replace(victim, given_name="Morwenna")
    preferences.update_victim(demo_ws, later)  # another window, after this edit

    seen = {}

    def read_and_close(box):
        seen["text"] = box.text()
        box.button(QMessageBox.StandardButton.Ok).click()

    _reactivate(qtbot, window)
    when_dialog_opens(qtbot, read_and_close)
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert "changed after this edit" in seen["text"]
    assert cases.open_case(demo_ws, case_id).victim == later
    assert not window.undo.undo_action.isEnabled()  # the refused edit is dropped
    assert QApplication.activeModalWidget() is None


def test_locking_the_screen_forgets_every_edit(qtbot, window):
    case_id, _ = _open_first(window)

    def fill(dialog):
        dialog.family.setText("Zzyzx")
        click_ok(dialog)

    when_dialog_opens(qtbot, fill)
    window.edit_victim(case_id)
    assert window.undo.stack.canUndo()
    window.screen_lock.lock()  # whoever unlocks cannot undo the edits made before
    assert not window.undo.stack.canUndo()
