"""The OM side of the window: waiting on OM (per OM, with age, chasing), the OM
directory with a case's OM change kept in its history, replies in the liaison log,
and the condition statistics with CSV export."""

from __future__ import annotations

import csv
from datetime import date

from fixed_day import TODAY
from helpers import click_ok, when_dialog_opens
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QDateEdit, QLineEdit, QTableView

from vcs_app.domain.conditions import ConditionDraft
from vcs_app.domain.model import LiaisonEntry
from vcs_app.qt.views.case_view import CaseView
from vcs_app.qt.views.condition_stats import ConditionStatsView
from vcs_app.qt.views.om_directory import OMDirectoryView
from vcs_app.qt.views.waiting_on_om import WaitingOnOMView
from vcs_app.services import cases, conditions, liaison, om

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _sent_request(ws, case_id, tmp_path, on=date(2026, 11, 2)) -> int:
    template = conditions.catalogue().get("no_contact")
    rid = conditions.request_condition(
        ws,
        ConditionDraft(
            case_id,
            "no_contact",
            template.fill({"persons": "Named Person"}),
            "Afraid of contact.",
            "Harassment.",
            date(2026, 10, 20),
        ),
    ).record_id
    om.send_to_om(ws, case_id, [rid], on=on, pdf_path=tmp_path / f"{rid}.pdf")
    return rid


def _column(model, column: int) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]


def _unnamed_inputs(widget) -> list:
    kinds = (QLineEdit, QComboBox, QDateEdit, QTableView, QAbstractButton)
    return [
        w
        for kind in kinds
        for w in widget.findChildren(kind)
        if not w.objectName().startswith("qt_")
        and not w.accessibleName()
        and not (isinstance(w, QAbstractButton) and w.text())
    ]


def test_waiting_on_om_shows_each_om_with_age_and_chases(qtbot, window, demo_ws, tmp_path):
    first, second = window.caseload.model.case_id(0), window.caseload.model.case_id(1)
    _sent_request(demo_ws, first, tmp_path)
    liaison.log_liaison(
        demo_ws,
        LiaisonEntry(
            second,
            date(2026, 11, 16),
            "to",
            "om",
            "email",
            "Is a home visit planned?",
            awaiting_reply=True,
        ),
    )
    qtbot.keyClick(window, Qt.Key.Key_O, CTRL_SHIFT)
    view = window.tabs.currentWidget()
    assert isinstance(view, WaitingOnOMView)
    assert _unnamed_inputs(view) == []
    items = view.items_model
    refs = [cases.open_case(demo_ws, c).link.ref for c in (first, second)]
    assert set(refs) <= set(_column(items, 0))  # beside what the demo waits for
    mine = _column(items, 0).index(refs[0])
    assert _column(items, 5)[mine] == "18"  # 2 Nov to 26 Nov 2026: 18 working days
    om_name = cases.open_case(demo_ws, first).link.om_name
    row = _column(view.summary_model, 0).index(om_name)
    view.summary.selectRow(row)
    assert set(_column(items, 2)) == {om_name}
    view.items.selectRow(_column(items, 0).index(refs[0]))

    def chase(dialog):
        dialog.summary.setPlainText("Chased by phone.")
        click_ok(dialog)

    when_dialog_opens(qtbot, chase)
    view.chase_selected()
    row = _column(view.items_model, 0).index(refs[0])
    assert _column(view.items_model, 6)[row] == "1"  # the chase is counted
    assert _column(view.summary_model, 0)[view.summary.currentIndex().row()] == om_name
    view.items.setFocus()
    view.items.setCurrentIndex(view.items_model.index(_column(items, 0).index(refs[0]), 0))
    qtbot.keyClick(view.items, Qt.Key.Key_Return)
    assert isinstance(window.tabs.currentWidget(), CaseView)
    assert window.tabs.currentWidget().case_id == first


def test_a_reply_logged_in_the_liaison_dialog_stops_the_chase(qtbot, window, demo_ws, tmp_path):
    case_id = window.caseload.model.case_id(0)
    waiting = window.open_waiting_on_om().items_model.rowCount()  # the demo's
    rid = _sent_request(demo_ws, case_id, tmp_path)
    window.open_case(case_id)
    assert window.open_waiting_on_om().items_model.rowCount() == waiting + 1

    def reply(dialog):
        dialog.direction.setCurrentIndex(dialog.direction.findData("from"))
        dialog.request.setCurrentIndex(dialog.request.findData(str(rid)))
        dialog.summary.setPlainText("OM: the board meets next week.")
        assert not dialog.awaiting.isEnabled()
        click_ok(dialog)

    when_dialog_opens(qtbot, reply)
    window.add_liaison(case_id)
    view = window.case_tab(case_id)
    view.show_tab("Liaison")
    reply_column = _column(view.liaison_model, 7)
    assert reply_column[0] == "Reply"
    assert any(text.startswith("answered") for text in reply_column)
    mine = f"condition:{rid}"
    assert [t for t in view.case.tasks if t.source_ref == mine and not t.done_on] == []
    assert next(t for t in view.case.tasks if t.source_ref == mine).done_on == TODAY
    view = window.open_waiting_on_om()
    ref = cases.open_case(demo_ws, case_id).link.ref
    row = _column(view.items_model, 0).index(ref)
    assert _column(view.items_model, 7)[row] == "none pending"  # undecided, not chased


def test_om_directory_add_refuses_a_personal_email_then_change_the_cases_om(qtbot, window, demo_ws):
    qtbot.keyClick(window, Qt.Key.Key_D, CTRL_SHIFT)
    directory = window.tabs.currentWidget()
    assert isinstance(directory, OMDirectoryView)
    assert _unnamed_inputs(directory) == []
    seen = {}

    def add(dialog):
        dialog.name.setText("Morgan Quill")
        dialog.team.setText("Central Team")
        dialog.email.setText("morgan.quill@gmail.com")
        click_ok(dialog)
        seen["error"] = dialog.error.text()
        dialog.email.setText("morgan.quill@probation.example.org")
        click_ok(dialog)

    when_dialog_opens(qtbot, add)
    directory.add_om()
    assert "personal address" in seen["error"]
    names = _column(directory.oms_model, 0)
    row = names.index("Morgan Quill")
    assert directory.oms_model.index(row, 6).data() == "In directory"
    assert "Named on cases only" in _column(directory.oms_model, 6)  # demo OMs

    case_id = window.caseload.model.case_id(0)
    window.open_case(case_id)
    before = window.case_tab(case_id).case.link.om_name

    def change(dialog):
        dialog.om.setCurrentIndex(dialog.om.findText("Morgan Quill (Central Team)"))
        dialog.reason.setText("Offender moved to the central area.")
        click_ok(dialog)

    when_dialog_opens(qtbot, change)
    window.case_tab(case_id).om_work.emit(case_id, "change_om", 0)
    view = window.case_tab(case_id)
    view.show_tab("Liaison")
    history = view.om_history_model
    assert _column(history, 2) == ["Morgan Quill", before]
    assert _column(history, 1) == ["now", TODAY.strftime("%d/%m/%Y")]
    window.tabs.setCurrentWidget(directory)
    directory.oms.selectRow(_column(directory.oms_model, 0).index("Morgan Quill"))
    assert _column(directory.cases_model, 0) == [view.case.link.ref]


def test_condition_statistics_show_the_rate_and_export_csv(qtbot, window, demo_ws, tmp_path):
    with demo_ws.store.atomic() as db:  # exact figures: only this test's two requests
        db.execute("DELETE FROM condition_request")
    first, second = window.caseload.model.case_id(0), window.caseload.model.case_id(1)
    included = _sent_request(demo_ws, first, tmp_path)
    refused = _sent_request(demo_ws, second, tmp_path)
    conditions.record_decision(demo_ws, included, on=date(2026, 11, 12), decision="included")
    conditions.record_decision(
        demo_ws, refused, on=date(2026, 11, 20), decision="refused", reason="Not needed."
    )
    qtbot.keyClick(window, Qt.Key.Key_I, CTRL_SHIFT)
    view = window.tabs.currentWidget()
    assert isinstance(view, ConditionStatsView)
    assert _unnamed_inputs(view) == []
    assert view.headline.text().startswith("50.0% of decided requests were included (1 of 2)")
    assert "median 27 days" in view.headline.text()
    assert _column(view.model, 0)[-1] == "All (total)"
    out = view.export_csv(tmp_path / "stats.csv")
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[-1][:4] == ["All", "All", "2", "2"]
    view.granularity.setCurrentIndex(view.granularity.findData("month"))
    assert _column(view.model, 0)[0] == "2026-10"


def test_the_views_models_pass_qt_model_tests(qtmodeltester, window, demo_ws, tmp_path):
    _sent_request(demo_ws, window.caseload.model.case_id(0), tmp_path)
    waiting = window.open_waiting_on_om()
    directory = window.open_om_directory()
    stats = window.open_condition_stats()
    for model in (
        waiting.summary_model,
        waiting.items_model,
        directory.oms_model,
        directory.cases_model,
        stats.model,
    ):
        qtmodeltester.check(model)
