"""Casework in the window (issue 17): what the liaison dialog shows, marking a task done
with its outcome (and undoing it), batch letters taken from the caseload as it is when
checked, and the opt-in dialog. Driven with key events where a VLO would use keys."""

from __future__ import annotations

from fixed_day import TODAY
from helpers import when_active_dialog
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from vcs_app.qt.dialogs.forms import LiaisonDialog, TaskDoneDialog
from vcs_app.services import cases
from vcs_app.storage import repo_events


def _focus_and_key(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier):
    widget.setFocus()
    qtbot.keyClick(widget, key, modifier)


def test_the_reply_boxes_show_what_the_note_will_be(qtbot, demo_ws):
    dialog = LiaisonDialog(None, 1, "Kit Harrowby")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.direction.currentData() == "to"
    assert dialog.awaiting.isEnabled() and dialog.awaiting.isChecked()
    assert not dialog.is_reply.isEnabled() and not dialog.is_reply.isChecked()
    _focus_and_key(qtbot, dialog.direction, Qt.Key.Key_Down)  # To -> From
    assert dialog.direction.currentData() == "from"
    # A note from them does not wait for their reply: not shown ticked and greyed.
    assert not dialog.awaiting.isEnabled() and not dialog.awaiting.isChecked()
    assert dialog.is_reply.isEnabled() and dialog.is_reply.isChecked()
    _focus_and_key(qtbot, dialog.is_reply, Qt.Key.Key_Space)  # untick "this answers..."
    assert not dialog.is_reply.isChecked()
    _focus_and_key(qtbot, dialog.direction, Qt.Key.Key_Up)  # back to To: as it was
    assert dialog.awaiting.isChecked() and not dialog.is_reply.isChecked()
    _focus_and_key(qtbot, dialog.direction, Qt.Key.Key_Down)
    assert not dialog.is_reply.isChecked()  # the VLO's choice is remembered
    dialog.summary.setPlainText("Will confirm after the MAPPA meeting.")
    dialog.accept()
    assert dialog.value.awaiting_reply is False and dialog.value.is_reply is False


def _reactivate(qtbot, window) -> None:
    """What a window manager does when a dialog closes (offscreen Qt has none)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def _task_rows(window, case_id: int) -> dict[str, str]:
    view = window.case_tab(case_id) or window.open_case(case_id)
    view.show_tab("letters")  # builds the tab
    model = view.tasks_model
    return {model.index(r, 1).data(): model.index(r, 2).data() for r in range(model.rowCount())}


def test_mark_task_done_asks_the_outcome_and_ctrl_z_opens_it_again(qtbot, window, demo_ws):
    window.show_dashboard()
    board = window.dashboard
    board.table.setFocus()
    item = board.current_item()
    before = board.counts.total

    def outcome(dialog):
        assert isinstance(dialog, TaskDoneDialog)
        assert QApplication.focusWidget() is dialog.outcome
        qtbot.keyClicks(dialog.outcome, "Phoned the victim; no letter needed")
        qtbot.keyClick(dialog.outcome, Qt.Key.Key_Return)

    when_active_dialog(qtbot, outcome, kind=TaskDoneDialog)
    qtbot.keyClick(board.done_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: board.counts.total == before - 1)
    (task,) = [t for t in cases.open_case(demo_ws, item.link_id).tasks if t.id == item.task_id]
    assert (task.done_on, task.outcome_note) == (TODAY, "Phoned the victim; no letter needed")
    assert _task_rows(window, item.link_id)[item.title] == (
        "Done 26/11/2026: Phoned the victim; no letter needed"
    )
    assert window.undo.undo_action.text().replace("&", "") == "Undo mark task done"

    _reactivate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    (task,) = [t for t in cases.open_case(demo_ws, item.link_id).tasks if t.id == item.task_id]
    assert (task.done_on, task.outcome_note) == (None, "")
    assert board.counts.total == before
    assert _task_rows(window, item.link_id)[item.title] == "Open"


def test_a_cancelled_task_shows_as_cancelled_not_done(qtbot, window, demo_ws):
    case_id = window.caseload.model.case_id(0)
    case = cases.open_case(demo_ws, case_id)
    task = next(t for t in case.tasks if t.done_on is None)
    with demo_ws.store.atomic() as db:
        repo_events.complete_task(db, task.id, TODAY, "test", outcome="cancelled")
    assert _task_rows(window, case_id)[task.title] == "Cancelled 26/11/2026"
