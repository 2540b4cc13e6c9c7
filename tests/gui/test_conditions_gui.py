"""The Licence conditions tab driven as a VLO would: request, send to the OM, record a
refusal with its reason, tell the victim; and the refusals a VLO must see."""

from __future__ import annotations

from datetime import date

from fixed_day import TODAY
from helpers import click_ok, when_dialog_opens
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
)

from vcs_app.domain.conditions import ConditionDraft
from vcs_app.domain.model import ContactDetail
from vcs_app.qt.dialogs.condition import ConditionDialog, DecisionDialog, SendToOMDialog
from vcs_app.qt.views.case_view import CaseView
from vcs_app.services import cases, conditions

PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)


def _tab(view: CaseView, title: str) -> None:
    index = next(
        i for i in range(view.tabs.count()) if title in view.tabs.tabText(i).replace("&", "")
    )
    view.tabs.setCurrentIndex(index)


def _view(window, case_id) -> CaseView:
    view = window.case_tab(case_id)
    assert view is not None
    return view


def _press(window, case_id, name: str) -> None:
    """Click a button of the conditions tab, found by its accessible name."""
    view = _view(window, case_id)
    _tab(view, "Licence conditions")
    tab = view.tabs.currentWidget()
    (found,) = [b for b in tab.findChildren(QPushButton) if b.accessibleName() == name]
    assert found.isEnabled(), f"{name} is disabled"
    found.click()


def _cells(view: CaseView, row: int = 0) -> list[str]:
    view.show_tab("Licence conditions")
    model = view.conditions_model
    return [model.index(row, c).data() for c in range(model.columnCount())]


def _unnamed_inputs(widget) -> list:
    kinds = (QLineEdit, QComboBox, QDateEdit, QPlainTextEdit, QTableView, QAbstractButton)
    return [
        w
        for kind in kinds
        for w in widget.findChildren(kind)
        if not w.objectName().startswith("qt_")
        and not w.accessibleName()
        and not (isinstance(w, QAbstractButton) and w.text())
    ]


def test_request_send_refuse_and_tell_the_victim(qtbot, window, demo_ws, tmp_path):
    case_id = window.caseload.model.case_id(0)
    window.open_case(case_id)
    om_name = _view(window, case_id).case.link.om_name

    def request(dialog):
        dialog.kind.setCurrentIndex(dialog.kind.findData("exclusion_zone"))
        dialog.fields["area"].setText("the town centre of Anytown inside the ring road")
        dialog.reason.setPlainText("She works in the town centre.")
        dialog.risk.setPlainText("He could wait for her near her work.")
        click_ok(dialog)

    when_dialog_opens(qtbot, request)
    qtbot.keyClick(
        window,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    view = _view(window, case_id)
    assert _cells(view)[:2] == ["Exclusion zone", "Requested"]

    pdf = tmp_path / "request.pdf"

    def send(dialog):
        assert isinstance(dialog, SendToOMDialog)
        dialog.path.setText(str(pdf))
        click_ok(dialog)

    when_dialog_opens(qtbot, send)
    _press(window, case_id, "Send to OM")
    assert pdf.read_bytes().startswith(b"%PDF")
    view = _view(window, case_id)
    cells = _cells(view)
    assert cells[1] == "Sent to OM" and cells[4] == om_name
    assert cells[9]  # a chase is due on a date
    assert "PDF saved to" in window.statusBar().currentMessage()

    def refuse(dialog):
        assert isinstance(dialog, DecisionDialog)
        dialog.decision.setCurrentIndex(dialog.decision.findData("refused"))
        click_ok(dialog)  # no reason: refused inside the dialog
        assert dialog.isVisible() and "OM's reason" in dialog.error.text()
        dialog.reason.setPlainText("No link between the offender and the town centre.")
        click_ok(dialog)

    when_dialog_opens(qtbot, refuse)
    _press(window, case_id, "Record OM decision")
    view = _view(window, case_id)
    assert _cells(view)[5:8] == ["Refused", TODAY.strftime("%d/%m/%Y"), "not yet"]
    _tab(view, "Licence conditions")
    details = [w.toPlainText() for w in view.tabs.currentWidget().findChildren(QPlainTextEdit)]
    assert any("reason: No link between" in text for text in details)
    explain = [t for t in view.case.tasks if t.rule == "condition_decision_to_victim"]
    assert len(explain) == 1 and explain[0].done_on is None
    assert "refused" in explain[0].title

    def told(dialog):
        dialog.note.setPlainText("Phoned her and explained the OM's reason.")
        click_ok(dialog)

    when_dialog_opens(qtbot, told)
    _press(window, case_id, "Record victim informed")
    view = _view(window, case_id)
    assert _cells(view)[1] == "Victim informed"
    assert all(t.done_on for t in view.case.tasks if t.rule == "condition_decision_to_victim")
    steps = view.condition_steps_model
    assert [steps.index(r, 1).data() for r in range(steps.rowCount())] == [
        "Requested",
        "Sent to OM",
        "Decided",
        "Victim informed",
    ]


def test_the_conditions_table_model_passes_qt_model_tests(qtmodeltester, window, demo_ws):
    case_id = window.caseload.model.case_id(1)
    template = conditions.catalogue().get("no_contact")
    conditions.request_condition(
        demo_ws,
        ConditionDraft(
            case_id,
            "no_contact",
            template.fill({"persons": "Named Person"}),
            "r",
            "k",
            date(2026, 11, 2),
        ),
    )
    window.open_case(case_id)
    _view(window, case_id).show_tab("Licence conditions")
    qtmodeltester.check(_view(window, case_id).conditions_model)
    qtmodeltester.check(_view(window, case_id).condition_steps_model)


def test_an_unsafe_request_document_is_refused_with_the_reason(qtbot, window, demo_ws, tmp_path):
    case_id = window.caseload.model.case_id(2)
    window.open_case(case_id)
    victim_id = _view(window, case_id).case.victim.id

    def request(dialog):
        dialog.kind.setCurrentIndex(dialog.kind.findData("other"))
        dialog.fields["wording"].setText("Not to telephone the victim.")
        dialog.reason.setPlainText("He rang her on 07700 900 999 from prison.")
        dialog.risk.setPlainText("Harassment by phone.")
        click_ok(dialog)

    when_dialog_opens(qtbot, request)
    window._request_condition_current()
    # The number is recorded as hers only afterwards: the document check still finds it.
    cases.add_contact_detail(demo_ws, ContactDetail("phone", "07700-900999", victim_id=victim_id))
    window._refresh(cases.Changed((case_id,), "contact_detail"))
    seen = {}

    def send(dialog):
        dialog.path.setText(str(tmp_path / "unsafe.pdf"))
        click_ok(dialog)

    def warning(box):
        assert isinstance(box, QMessageBox)
        seen["text"] = box.text()
        box.accept()

    when_dialog_opens(qtbot, send, then=warning)
    _press(window, case_id, "Send to OM")
    assert "not produced" in seen["text"] and "phone number" in seen["text"]
    assert not (tmp_path / "unsafe.pdf").exists()
    assert _cells(_view(window, case_id))[1] == "Requested"


def test_a_map_must_be_checked_before_it_is_attached(qtbot, window, tmp_path):
    picture = tmp_path / "zone.png"
    picture.write_bytes(PNG)
    case_id = window.caseload.model.case_id(0)
    dialog = ConditionDialog(window, case_id, "Named Person")
    qtbot.addWidget(dialog)
    assert not dialog.choose_map.isEnabled()  # no-contact takes no map
    dialog.kind.setCurrentIndex(dialog.kind.findData("exclusion_zone"))
    assert dialog.choose_map.isEnabled()
    dialog.fields["area"].setText("Anytown town centre")
    dialog.reason.setPlainText("Works there.")
    dialog.risk.setPlainText("Chance meetings.")
    dialog.map_path.setText(str(picture))
    dialog.accept()
    assert "does not show the victim's address" in dialog.error.text()
    dialog.map_checked.setChecked(True)
    dialog.accept()
    assert dialog.value.map_source == str(picture)
    assert dialog.value.wording == (
        "Not to enter the area of Anytown town centre without the prior approval of your "
        "supervising officer."
    )


def test_wording_follows_the_details_until_edited_by_hand(qtbot, window):
    dialog = ConditionDialog(window, 1, "Named Person")
    qtbot.addWidget(dialog)
    assert "Named Person" in dialog.wording.toPlainText()
    dialog.wording.setPlainText("Not to contact Named Person or her children.")
    dialog.fields["persons"].setText("Someone Else")
    assert dialog.wording.toPlainText() == "Not to contact Named Person or her children."


def test_every_input_of_the_condition_dialogs_and_tab_is_named(qtbot, window, demo_ws):
    case_id = window.caseload.model.case_id(0)
    window.open_case(case_id)
    view = _view(window, case_id)
    _tab(view, "Licence conditions")
    assert _unnamed_inputs(view.tabs.currentWidget()) == []
    case = view.case
    for dialog in (
        ConditionDialog(window, case_id, "Named Person"),
        SendToOMDialog(window, case, None, demo_ws.path.parent / "x.pdf"),
    ):
        qtbot.addWidget(dialog)
        assert _unnamed_inputs(dialog) == []
