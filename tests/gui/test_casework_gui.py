"""Casework in the window (issue 17): what the liaison dialog shows, marking a task done
with its outcome (and undoing it), batch letters taken from the caseload as it is when
checked, and the opt-in dialog. Driven with key events where a VLO would use keys."""

from __future__ import annotations

from helpers import when_dialog_opens
from PySide6.QtCore import Qt

from vcs_app.qt.dialogs.forms import LiaisonDialog


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


_ = when_dialog_opens
