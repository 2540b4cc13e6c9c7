"""Intake in the window: referral -> eligibility -> opt-in -> first task done, duplicates,
contact preferences and safety, and the CSV import with preview."""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

import pytest
from fixed_day import TODAY
from helpers import click_ok, close_message_boxes, when_dialog_opens
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLabel

from vcs_app.domain.model import OptState, Role
from vcs_app.qt.dialogs.duplicates import DuplicatesDialog
from vcs_app.qt.dialogs.intake import IntakeDialog, OptChangeDialog
from vcs_app.qt.views.case_view import CaseView
from vcs_app.qt.views.import_view import ImportDialog, PreviewModel
from vcs_app.services import cases, referral_import


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _fill_referral(dialog, *, victim=("Wren", "Quixwell"), dob=None, referred=None):
    dialog.v_given.setText(victim[0])
    dialog.v_family.setText(victim[1])
    if dob is not None:
        dialog.v_dob.setDate(_qdate(dob))
    dialog.o_given.setText("Percy")
    dialog.o_family.setText("Greatorex")
    dialog.crn.setText("X700001")
    dialog.offence.setText("Wounding with intent (s.18)")
    dialog.sentence_type.setCurrentIndex(dialog.sentence_type.findData("SDS"))
    dialog.custody.setValue(36)
    if referred is not None:
        dialog.referred.setDate(_qdate(referred))
        dialog.sentenced.setDate(_qdate(referred - timedelta(days=7)))
    dialog.phone.setText("07700 900111")


def _label(view: CaseView, name: str) -> str:
    """A value on the (freshly built) Victim & contact tab."""
    page = view.tabs.widget(0)
    return next(
        w.text() for w in page.findChildren(QLabel) if w.accessibleName().startswith(f"{name}:")
    )


def test_referral_to_opt_in_completes_the_first_task_and_the_dashboard_count_moves(
    qtbot, window, demo_ws
):
    referred = TODAY - timedelta(days=45)  # so the offer clock is already overdue
    before = window.dashboard.counts.overdue
    seen = {}

    def fill(dialog):
        _fill_referral(dialog, referred=referred)
        seen["eligibility"] = dialog.eligibility.label.text()
        click_ok(dialog)

    when_dialog_opens(qtbot, fill)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    view = window.tabs.currentWidget()
    assert isinstance(view, CaseView)
    assert seen["eligibility"].startswith("Statutory: 36 months' custody")
    assert _label(view, "Eligibility") == "Statutory"
    assert "rules 2021-04" in _label(view, "Why")
    assert window.dashboard.counts.overdue == before + 1
    assert window.tabs.tabText(1) == f"Dashboard ({before + 1:,} overdue)"
    (task,) = [t for t in view.case.tasks if t.rule == "referral_to_offer"]
    assert task.done_on is None

    def offer(dialog):
        dialog.state.setCurrentIndex(dialog.state.findData(OptState.OFFERED.value))
        dialog.source.setCurrentText("letter")
        click_ok(dialog)

    when_dialog_opens(qtbot, offer)
    view.victim_actions.opt_change.emit(view.case_id)
    view = window.case_tab(view.case_id)
    assert view.case.link.opt_state is OptState.OFFERED
    (task,) = [t for t in view.case.tasks if t.rule == "referral_to_offer"]
    assert task.done_on == TODAY and task.outcome == "done"
    assert [t.rule for t in view.case.tasks if t.done_on is None] == ["offer_follow_up"]
    assert window.dashboard.counts.overdue == before

    def opt_in(dialog):
        dialog.state.setCurrentIndex(dialog.state.findData(OptState.OPTED_IN.value))
        dialog.level.setCurrentIndex(dialog.level.findData("annual"))
        click_ok(dialog)

    when_dialog_opens(qtbot, opt_in)
    view.victim_actions.opt_change.emit(view.case_id)
    view = window.case_tab(view.case_id)
    assert _label(view, "Opt-in") == "Opted in"
    assert _label(view, "Contact level") == "Annual update"
    assert not [t for t in view.case.tasks if t.done_on is None]


def test_a_refused_opt_change_is_said_in_one_message_and_changes_nothing(
    qtbot, window, demo_ws, monkeypatch
):
    case_id = window.caseload.model.case_id(0)
    view = window.open_case(case_id)
    before = view.case.link.opt_state
    seen = {}
    monkeypatch.setattr(OptChangeDialog, "confirm", classmethod(lambda cls, parent, text: True))

    def fill(dialog):
        dialog.state.setCurrentIndex(0)  # nothing is chosen until the VLO chooses
        dialog.on.setDate(_qdate(TODAY + timedelta(days=2)))
        click_ok(dialog)

    def message(box):
        seen["text"] = box.text()
        box.accept()

    when_dialog_opens(qtbot, fill, then=message)
    view.victim_actions.opt_change.emit(case_id)
    assert "is in the future" in seen["text"]
    assert cases.open_case(demo_ws, case_id).link.opt_state is before


def test_a_matching_victim_is_shown_side_by_side_and_merged_on_request(qtbot, window, demo_ws):
    existing = cases.open_case(demo_ws, window.caseload.model.case_id(0)).victim
    seen = {}

    def fill(dialog):
        _fill_referral(dialog, victim=(existing.given_name, existing.family_name), dob=existing.dob)
        dialog.guardian.setText(existing.guardian_name or "")
        click_ok(dialog)

    def choose(dialog):
        assert isinstance(dialog, DuplicatesDialog)
        click_ok(dialog)  # no choice made yet: refused inside the dialog
        seen["error"] = dialog.error.text()
        seen["rows"] = dialog.victim.model.rowCount()
        dialog.victim.merge.setChecked(True)
        click_ok(dialog)

    when_dialog_opens(qtbot, fill, then=choose)
    before = cases.caseload_counts(demo_ws)["victims"]
    window.new_referral()
    assert "Choose to merge or keep separate for the victim" in seen["error"]
    assert seen["rows"] >= 3
    view = window.tabs.currentWidget()
    assert isinstance(view, CaseView)
    assert view.case.victim.id == existing.id
    assert cases.caseload_counts(demo_ws)["victims"] == before


def test_cancelling_the_comparison_returns_to_the_form_with_what_was_typed(qtbot, window, demo_ws):
    existing = cases.open_case(demo_ws, window.caseload.model.case_id(0)).victim
    seen = {}

    def fill(dialog):
        _fill_referral(dialog, victim=(existing.given_name, existing.family_name), dob=existing.dob)
        dialog.guardian.setText(existing.guardian_name or "")
        click_ok(dialog)

    def back(dialog):
        dialog.reject()

    def again(dialog):
        assert isinstance(dialog, IntakeDialog)
        seen["offence"] = dialog.offence.text()
        seen["victim"] = dialog.v_family.text()
        dialog.reject()

    when_dialog_opens(qtbot, fill, then=lambda d: (when_dialog_opens(qtbot, again), back(d)))
    before = cases.caseload_counts(demo_ws)
    assert window.intake.new_referral() is None
    assert seen == {"offence": "Wounding with intent (s.18)", "victim": existing.family_name}
    assert cases.caseload_counts(demo_ws) == before


def test_contact_details_and_preferences_show_as_safety_flags(qtbot, window, demo_ws):
    case_id = window.caseload.model.case_id(0)
    view = window.open_case(case_id)

    def add(dialog):
        dialog.kind.setCurrentIndex(dialog.kind.findData("address"))
        dialog.value.setPlainText("c/o Support Service\n1 Refuge Row\nAnytown\nZZ99 9ZZ")
        dialog.alternative.setChecked(True)
        click_ok(dialog)

    when_dialog_opens(qtbot, add)
    view.victim_actions.add_contact.emit(case_id)
    view = window.case_tab(case_id)
    assert "Use safe alternative address" in view.safety.text()

    first = view.case.contacts[0]

    def mark(dialog):
        dialog.do_not_post.setChecked(True)
        dialog.safe.setChecked(False)
        click_ok(dialog)

    when_dialog_opens(qtbot, mark)
    view.victim_actions.edit_contact.emit(case_id, first.id)
    view = window.case_tab(case_id)
    assert first.kind.value == "address"
    assert "Do not post" in view.safety.text() and "Address unsafe" in view.safety.text()

    def prefs(dialog):
        dialog.language.setCurrentIndex(dialog.language.findData("cy"))
        dialog.phone_first.setChecked(True)
        click_ok(dialog)

    when_dialog_opens(qtbot, prefs)
    view.victim_actions.preferences.emit(case_id)
    view = window.case_tab(case_id)
    assert "Phone first" in view.safety.text() and "Welsh language" in view.safety.text()


def test_eligibility_override_needs_a_reason(qtbot, window):
    window.ws.role = Role.SENIOR  # an override is a senior VLO's decision
    case_id = window.caseload.model.case_id(0)
    view = window.open_case(case_id)
    seen = {}

    def fill(dialog):
        dialog.outcome.setCurrentIndex(dialog.outcome.findData("discretionary"))
        click_ok(dialog)
        seen["error"] = dialog.error.text()
        dialog.reason.setPlainText("Manager agreed: serious risk of harm.")
        dialog.manager.setText("Sam Manager")
        click_ok(dialog)

    when_dialog_opens(qtbot, fill)
    view.victim_actions.eligibility.emit(case_id)
    assert "needs a reason" in seen["error"]
    view = window.case_tab(case_id)
    assert _label(view, "Eligibility") == "Discretionary (manager override)"
    assert "Override by Sam Manager" in _label(view, "Why")


def test_every_input_of_the_intake_dialogs_has_an_accessible_name(qtbot, window, demo_ws):
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QDateEdit, QLineEdit, QPlainTextEdit

    dialog = IntakeDialog(window, ["Alex Morgan"])
    qtbot.addWidget(dialog)
    widgets = [
        w
        for kind in (QLineEdit, QComboBox, QDateEdit, QPlainTextEdit, QAbstractButton)
        for w in dialog.findChildren(kind)
        if not w.objectName().startswith("qt_")
        and w.parent() is not None
        and not isinstance(w.parent(), QComboBox | QDateEdit)
    ]
    assert len(widgets) > 25
    assert [w for w in widgets if not w.accessibleName() and not getattr(w, "text", str)()] == []


# --- CSV import ---------------------------------------------------------------------------


def _csv(tmp_path: Path, rows: list[dict[str, str]]) -> Path:
    path = tmp_path / "referrals.csv"
    path.write_bytes(referral_import.write_csv(rows))
    return path


def _checked(qtbot, dialog: ImportDialog) -> None:
    qtbot.waitUntil(lambda: dialog.report is not None and not dialog._busy, timeout=20_000)


def test_import_preview_then_only_the_good_rows(qtbot, window, demo_ws, tmp_path):
    rows = referral_import.synthetic_rows(5, seed=21, today=date(2026, 11, 26))
    rows[2]["victim_dob"] = "31/02/1990"
    dialog = ImportDialog(window, demo_ws, _csv(tmp_path, rows))
    qtbot.addWidget(dialog)
    dialog.imported.connect(window.intake._imported)
    _checked(qtbot, dialog)
    assert [r.line for r in dialog.report.problems] == [4]
    assert not dialog.import_all.isEnabled() and dialog.import_good.isEnabled()
    assert dialog.import_good.text() == "Import only the &good rows (4)"
    assert "1 need attention" in dialog.summary.text()
    dialog.attention.setChecked(True)
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 1).data() == "PROBLEM"
    before = window.caseload.model.total
    dialog.import_good.click()
    qtbot.waitUntil(lambda: dialog.report.committed, timeout=20_000)
    assert "Imported 4 referrals" in dialog.summary.text()
    qtbot.waitUntil(lambda: window.caseload.model.total == before + 4)
    assert not dialog.import_all.isEnabled() and not dialog.import_good.isEnabled()


def test_import_of_a_row_matching_someone_on_file_after_comparing(qtbot, window, demo_ws, tmp_path):
    existing = cases.open_case(demo_ws, window.caseload.model.case_id(0)).victim
    rows = referral_import.synthetic_rows(2, seed=22, today=date(2026, 11, 26))
    rows[1].update(
        victim_given_name=existing.given_name,
        victim_family_name=existing.family_name,
        victim_dob=existing.dob.isoformat(),
        guardian_name=existing.guardian_name,
    )
    dialog = ImportDialog(window, demo_ws, _csv(tmp_path, rows))
    qtbot.addWidget(dialog)
    _checked(qtbot, dialog)
    assert [r.line for r in dialog.report.problems] == [3]
    assert not dialog.import_all.isEnabled()
    dialog.attention.setChecked(True)
    dialog.table.setCurrentIndex(dialog.model.index(0, 0))

    def merge(d):
        d.victim.merge.setChecked(True)
        click_ok(d)

    when_dialog_opens(qtbot, merge)
    dialog.compare.click()
    assert dialog.model.index(0, 1).data() == "Decided"
    assert dialog.import_all.isEnabled()
    dialog.import_all.click()
    qtbot.waitUntil(lambda: dialog.report.committed, timeout=20_000)
    assert len(cases.caseload_ids(demo_ws, text=existing.family_name)) >= 2


def test_cancelling_an_import_keeps_nothing(qtbot, window, demo_ws, tmp_path):
    rows = referral_import.synthetic_rows(300, seed=23, today=date(2026, 11, 26))
    dialog = ImportDialog(window, demo_ws, _csv(tmp_path, rows))
    qtbot.addWidget(dialog)
    _checked(qtbot, dialog)
    before = cases.caseload_counts(demo_ws)
    timer, messages = close_message_boxes()  # the job's "Cancelled" box
    dialog.import_all.click()
    dialog.job.progress.cancel()
    qtbot.waitUntil(lambda: not dialog._busy and bool(messages), timeout=20_000)
    timer.stop()
    assert "nothing was changed" in messages[0]
    assert "nothing was changed" in dialog.summary.text()
    assert cases.caseload_counts(demo_ws) == before


def test_a_file_of_many_bad_rows_lists_the_first_hundred_and_counts_them_all(
    qtbot, window, demo_ws, tmp_path
):
    rows = referral_import.synthetic_rows(500, seed=25, today=date(2026, 11, 26))
    for row in rows[:-1]:
        row["referral_date"] = "31/02/2026"
    dialog = ImportDialog(window, demo_ws, _csv(tmp_path, rows))
    qtbot.addWidget(dialog)
    _checked(qtbot, dialog)
    assert dialog.model.rowCount() == referral_import.PROBLEMS_KEPT + 1  # and the good row
    assert "500 rows, 499 need attention" in dialog.summary.text()
    assert "Only the first 100 are listed" in dialog.summary.text()
    assert not dialog.import_all.isEnabled()
    assert dialog.import_good.text() == "Import only the &good rows (1)"


def test_a_file_changed_after_its_check_is_not_imported(qtbot, window, demo_ws, tmp_path):
    rows = referral_import.synthetic_rows(3, seed=26, today=date(2026, 11, 26))
    path = _csv(tmp_path, rows)
    dialog = ImportDialog(window, demo_ws, path)
    qtbot.addWidget(dialog)
    _checked(qtbot, dialog)
    assert dialog.import_all.isEnabled()
    rows[1]["victim_family_name"] = "Changedafter"
    path.write_bytes(referral_import.write_csv(rows))
    before = cases.caseload_counts(demo_ws)
    timer, messages = close_message_boxes()
    dialog.import_all.click()
    qtbot.waitUntil(lambda: not dialog._busy and bool(messages), timeout=20_000)
    timer.stop()
    assert "has changed since it was checked" in messages[0]
    assert "has changed since it was checked" in dialog.summary.text()
    assert cases.caseload_counts(demo_ws) == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
@pytest.mark.timeout(60)
def test_a_named_pipe_chosen_for_import_is_refused_without_hanging(
    qtbot, window, demo_ws, tmp_path
):
    pipe = tmp_path / "referrals.csv"
    os.mkfifo(pipe)
    timer, messages = close_message_boxes()
    dialog = ImportDialog(window, demo_ws, pipe)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog._busy and bool(messages), timeout=20_000)
    timer.stop()
    assert "it is a named pipe, not a file" in dialog.summary.text()
    assert dialog.report is None and not dialog.import_all.isEnabled()


def test_preview_model_passes_qt_model_tests(qtmodeltester, demo_ws, tmp_path):
    rows = referral_import.synthetic_rows(3, seed=24, today=date(2026, 11, 26))
    report = referral_import.import_referrals(
        demo_ws, referral_import.write_csv(rows), file_name="x.csv", dry_run=True
    )
    model = PreviewModel()
    model.set_rows(list(report.rows))
    qtmodeltester.check(model)
