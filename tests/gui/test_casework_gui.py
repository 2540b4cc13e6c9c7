"""Casework in the window (issue 17): what the liaison dialog shows, marking a task done
with its outcome (and undoing it), batch letters taken from the caseload as it is when
checked, and the opt-in dialog. Driven with key events where a VLO would use keys."""

from __future__ import annotations

from fixed_day import TODAY
from helpers import when_dialog_opens
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from vcs_app.domain.model import OptState
from vcs_app.qt.dialogs.forms import LiaisonDialog, TaskDoneDialog
from vcs_app.qt.dialogs.intake import OptChangeDialog
from vcs_app.qt.views.batch_letters import BatchLettersView
from vcs_app.services import cases
from vcs_app.storage import repo_events

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


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

    when_dialog_opens(qtbot, outcome)
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
    (case_id,) = demo_ws.store.db.execute(
        "SELECT t.link_id FROM task t JOIN link l ON l.id = t.link_id"
        " WHERE t.done_on IS NULL AND l.status = 'open' LIMIT 1"
    ).fetchone()
    case = cases.open_case(demo_ws, case_id)
    task = next(t for t in case.tasks if t.done_on is None)
    with demo_ws.store.atomic() as db:
        repo_events.complete_task(db, task.id, TODAY, "test", outcome="cancelled")
    assert _task_rows(window, case_id)[task.title] == "Cancelled 26/11/2026"


def _opted_in_case(demo_ws) -> int:
    return next(
        i
        for i in cases.caseload_ids(demo_ws)
        if cases.open_case(demo_ws, i).link.opt_state is OptState.OPTED_IN
    )


def test_the_opt_in_dialog_preselects_nothing_and_enter_records_nothing(qtbot, demo_ws):
    link = cases.open_case(demo_ws, _opted_in_case(demo_ws)).link
    dialog = OptChangeDialog(None, link)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.state.currentIndex() == -1 and dialog.state.currentText() == ""
    assert dialog.state.placeholderText() == "Choose the change…"
    _focus_and_key(qtbot, dialog.state, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.value is None
    assert dialog.error.text() == "Cannot save: Choose what the opt-in state changes to."


def test_an_opt_out_asks_for_confirmation_and_enter_there_keeps_it_open(qtbot, window, demo_ws):
    case_id = _opted_in_case(demo_ws)
    window.open_case(case_id)
    answers = []

    def choose_opted_out(dialog):
        dialog.state.setFocus()
        qtbot.keyClick(dialog.state, Qt.Key.Key_Down)  # the only choice: Opted out
        assert dialog.state.currentData() == OptState.OPTED_OUT.value

        def answer_with_enter(box):
            assert "Record that the victim has opted out?" in box.text()
            answers.append("enter")
            qtbot.keyClick(box, Qt.Key.Key_Return)  # the default is No

        def answer_yes(box):
            answers.append("yes")
            qtbot.keyClick(box, Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)

        when_dialog_opens(qtbot, answer_with_enter, over=dialog)
        qtbot.keyClick(dialog.state, Qt.Key.Key_Return)
        assert dialog.isVisible()  # not recorded: the VLO said no
        assert cases.open_case(demo_ws, case_id).link.opt_state is OptState.OPTED_IN
        when_dialog_opens(qtbot, answer_yes, over=dialog)
        qtbot.keyClick(dialog.state, Qt.Key.Key_Return)

    when_dialog_opens(qtbot, choose_opted_out)
    window.intake.record_opt_change(case_id)
    assert answers == ["enter", "yes"]
    assert cases.open_case(demo_ws, case_id).link.opt_state is OptState.OPTED_OUT


def test_batch_letters_take_the_caseload_as_it_is_when_checked(qtbot, window, demo_ws):
    caseload = window.caseload
    everyone = caseload.model.total  # every case found, not only the rows read so far
    ref = cases.open_case(demo_ws, caseload.model.case_id(0)).link.ref
    caseload.search.setFocus()
    qtbot.keyClicks(caseload.search, ref)
    qtbot.waitUntil(lambda: caseload.model.rowCount() == 1)
    qtbot.keyClick(window, Qt.Key.Key_P, CTRL_SHIFT)  # Batch letters…
    view = window.tabs.currentWidget()
    assert isinstance(view, BatchLettersView)
    assert view.source == "shown" and "(1)" in view._radio("shown").text()

    window.tabs.setCurrentIndex(0)
    caseload.search.setFocus()
    qtbot.keyClick(caseload.search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(caseload.search, Qt.Key.Key_Backspace)  # cleared; the list follows later
    window.tabs.setCurrentWidget(view)
    view.template.setCurrentIndex(view.template.findData("opt_in_confirmation"))
    qtbot.keyClick(view.check_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: view.job is None and view.review is not None, timeout=60_000)
    assert len(view.review.drafts) == everyone
    assert view._radio("shown").text() == f"All cases shown in the caseload ({everyone:,})"
    assert view.summary.text().endswith(
        f"Cases: the {everyone:,} shown in the caseload when checked"
        " (no search, All VLOs, Open cases)."
    )
