"""Retention review and subject access in the window: a VLO reviews, a senior erases
(after a confirmation), and a victim's export lands in the chosen folder."""

from __future__ import annotations

import pytest
from helpers import when_dialog_opens
from PySide6.QtCore import QDate, QItemSelectionModel, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from vcs_app.domain.model import CaseStatus, NotFound, Role
from vcs_app.qt.views.retention import RetentionView
from vcs_app.services import cases


def _action(window, name):
    return next(
        a
        for a in window.findChildren(type(window.menuBar().actions()[0]))
        if a.objectName() == name
    )


def _closed_ids(ws) -> list[int]:
    """Closed cases not yet due for review (the demo also has cases closed long ago)."""
    rows = ws.store.db.execute(
        "SELECT id FROM link WHERE status = 'closed' AND updated_at > '2021' ORDER BY id"
    )
    return [r[0] for r in rows]


def _age(ws, link_id: int) -> None:
    """Pretend the case was closed years ago (nothing in the app back-dates a change)."""
    with ws.store.atomic() as db:
        db.execute(
            "UPDATE link SET updated_at = '2010-01-04T10:00:00+00:00' WHERE id = ?", [link_id]
        )


def _press(button_text):
    def fill(box):
        assert isinstance(box, QMessageBox)
        for b in box.buttons():
            if box.standardButton(b) == button_text:
                b.click()
                return
        raise AssertionError("button not found")

    return fill


def test_a_vlo_reviews_but_cannot_erase(qtbot, window, qtmodeltester):
    _action(window, "retention_review").trigger()
    view = window.tabs.currentWidget()
    assert isinstance(view, RetentionView)
    closed_long_ago = view.model.rowCount()
    assert closed_long_ago > 0  # the demo has cases closed more than six years ago
    view.as_at.setDate(QDate(2040, 1, 1))
    assert view.model.rowCount() > closed_long_ago
    qtmodeltester.check(view.model)
    assert not view.erase_button.isEnabled()
    assert "Only a senior VLO" in view.heading.text()
    assert view.erase_button.accessibleName() and view.as_at.accessibleName()


def test_a_senior_erases_after_confirming(qtbot, window, demo_ws):
    demo_ws.role = Role.SENIOR
    gone, kept = _closed_ids(demo_ws)[:2]
    _age(demo_ws, gone)
    _age(demo_ws, kept)
    window.open_case(gone)
    view = window.open_retention_review()
    assert [c.link_id for c in view.cases][:2] == [gone, kept]  # closed longest ago first
    assert view.erase_button.isEnabled()
    first = view.model.index(0, 0)
    view.table.selectionModel().select(
        first,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert [c.link_id for c in view.selected()] == [gone]
    reply = [QMessageBox.StandardButton.No]
    told = []

    def answer_boxes():  # the confirmation, then (after the background job) the result
        for box in QApplication.topLevelWidgets():
            if not (isinstance(box, QMessageBox) and box.isVisible()):
                continue
            if box.text().startswith("Erase "):
                _press(reply[0])(box)
            else:  # the result, or a refusal the test then reports
                told.append(box.text())
                box.accept()

    timer = QTimer(view)
    timer.timeout.connect(answer_boxes)
    timer.start(50)
    view.erase_button.click()  # "No" leaves everything as it was
    assert [c.link_id for c in view.cases][:2] == [gone, kept] and told == []
    reply[0] = QMessageBox.StandardButton.Yes
    view.erase_button.click()
    qtbot.waitUntil(lambda: bool(told) and view.erase_button.isEnabled(), timeout=20000)
    timer.stop()
    assert told[0].startswith("Erased 1 case(s): 1 victim(s)")
    ids = [c.link_id for c in view.cases]
    assert ids[:1] == [kept] and gone not in ids
    assert window.case_tab(gone) is None  # its open tab was closed first
    with pytest.raises(NotFound):
        cases.open_case(demo_ws, gone)
    assert cases.open_case(demo_ws, kept).link.status is CaseStatus.CLOSED


def test_export_everything_about_the_victim(qtbot, window, tmp_path, monkeypatch):
    case_id = window.caseload.model.case_id(0)
    window.open_case(case_id)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    seen = []
    when_dialog_opens(qtbot, lambda box: (seen.append(box.text()), box.accept()))
    _action(window, "subject_access").trigger()
    (pdf,) = tmp_path.glob("subject-access-V*.pdf")
    assert (tmp_path / pdf.name.replace(".pdf", ".zip")).exists()
    assert str(pdf) in seen[0] and "disclosure" in seen[0]
