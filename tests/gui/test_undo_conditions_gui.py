"""Undo of a licence-condition step in the window: a decision recorded on the conditions
tab, Ctrl+Z puts the request back to "Sent to OM", Ctrl+Shift+Z records it again, and an
undo over a later step is refused with a message."""

from __future__ import annotations

from fixed_day import TODAY
from helpers import click_ok, when_dialog_opens
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from vcs_app.domain.conditions import ConditionDraft, ConditionStatus
from vcs_app.qt.dialogs.condition import DecisionDialog
from vcs_app.services import cases, conditions, om
from vcs_app.storage import repo_conditions

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
EXPLAIN = conditions.EXPLAIN_RULE
REASON = "No link between the offender and the town centre."


def _sent_request(window, ws, tmp_path) -> tuple[int, int]:
    """A request on the first case, sent to its OM (set up through the services)."""
    case_id = window.caseload.model.case_id(0)
    window.open_case(case_id)
    template = conditions.catalogue().get("exclusion_zone")
    values = {p.key: "the town centre of Anytown" for p in template.placeholders}
    draft = ConditionDraft(
        link_id=case_id,
        kind="exclusion_zone",
        wording=template.fill(values),
        reason="She works in the town centre.",
        risk="He could wait for her near her work.",
        requested_on=TODAY,
        values=tuple(values.items()),
    )
    rid = conditions.request_condition(ws, draft).record_id
    window._refresh(om.send_to_om(ws, case_id, [rid], on=TODAY, pdf_path=tmp_path / "r.pdf"))
    return case_id, rid


def _row(window, case_id: int, rid: int) -> list[str]:
    view = window.case_tab(case_id)
    view.show_tab("Licence conditions")
    model = view.conditions_model
    row = next(r for r, c in enumerate(view.case.conditions) if c.id == rid)
    return [model.index(row, c).data() for c in range(model.columnCount())]


def _decide(qtbot, window, case_id: int) -> None:
    def refuse(dialog):
        assert isinstance(dialog, DecisionDialog)
        dialog.decision.setCurrentIndex(dialog.decision.findData("refused"))
        dialog.reason.setPlainText(REASON)
        click_ok(dialog)

    view = window.case_tab(case_id)
    view.show_tab("Licence conditions")
    tab = view.tabs.currentWidget()
    (button,) = [
        b for b in tab.findChildren(QPushButton) if b.accessibleName() == "Record OM decision"
    ]
    when_dialog_opens(qtbot, refuse)
    button.click()


def _key(qtbot, window, modifiers, *, on_dialog=None) -> None:
    window.activateWindow()  # offscreen Qt has no window manager to do it when a dialog closes
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    if on_dialog is not None:  # armed only now: waiting above turns the event loop, and a
        when_dialog_opens(qtbot, on_dialog)  # handler armed before it could fire too early
    qtbot.keyClick(window, Qt.Key.Key_Z, modifiers)


def _explain_tasks(ws, case_id):
    return [(t.done_on, t.outcome) for t in cases.open_case(ws, case_id).tasks if t.rule == EXPLAIN]


def test_ctrl_z_undoes_a_decision_shown_in_the_conditions_tab(qtbot, window, demo_ws, tmp_path):
    case_id, rid = _sent_request(window, demo_ws, tmp_path)
    _decide(qtbot, window, case_id)
    assert _row(window, case_id, rid)[1] == "Decided"
    assert _row(window, case_id, rid)[5] == "Refused"
    assert window.undo.undo_action.text().replace("&", "") == "Undo record 'Decided'"
    assert _explain_tasks(demo_ws, case_id) == [(None, "")]

    _key(qtbot, window, CTRL)
    row = _row(window, case_id, rid)
    assert row[1] == "Sent to OM" and not row[5]
    request = repo_conditions.get_condition(demo_ws.store.db, rid)
    assert (request.status, request.decision, request.decision_reason) == (
        ConditionStatus.SENT,
        None,
        "",
    )
    assert _explain_tasks(demo_ws, case_id) == [(TODAY, "cancelled")]
    liaison_text = " ".join(e.summary for e in window.case_tab(case_id).case.liaison)
    assert REASON not in liaison_text  # the OM's reply is withdrawn from the log

    _key(qtbot, window, CTRL | SHIFT)
    assert _row(window, case_id, rid)[5] == "Refused"
    assert repo_conditions.get_condition(demo_ws.store.db, rid).decision_reason == REASON
    assert (None, "") in _explain_tasks(demo_ws, case_id)


def test_undo_of_a_decision_the_victim_was_told_of_is_refused(qtbot, window, demo_ws, tmp_path):
    case_id, rid = _sent_request(window, demo_ws, tmp_path)
    _decide(qtbot, window, case_id)
    conditions.record_victim_informed(demo_ws, rid, on=TODAY, note="Phoned her.")  # elsewhere

    seen = {}

    def read_and_close(box):
        assert isinstance(box, QMessageBox)
        seen["text"] = box.text()
        box.button(QMessageBox.StandardButton.Ok).click()

    _key(qtbot, window, CTRL, on_dialog=read_and_close)
    qtbot.waitUntil(lambda: "text" in seen)
    assert "changed after this edit" in seen["text"]
    request = repo_conditions.get_condition(demo_ws.store.db, rid)
    assert request.status is ConditionStatus.VICTIM_INFORMED
    assert not window.undo.undo_action.isEnabled()  # the refused edit is dropped
