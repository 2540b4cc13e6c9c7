"""Sentences and dates driven as a VLO would: record a sentence, enter an official CRD,
change it, see old -> new and a task per linked victim; events; the timeline; and the
bulk import with its review screen and second confirmation."""

from __future__ import annotations

from datetime import date

import pytest
from fixed_day import TODAY
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
)

from vcs_app.domain.model import ContactLevel, Link, OptState, Victim
from vcs_app.qt.dialogs.bulk_dates import BulkReviewDialog, SecondConfirmationDialog
from vcs_app.qt.dialogs.key_date import KeyDateDialog
from vcs_app.qt.dialogs.sentence import EventDialog, SentenceDialog
from vcs_app.services import cases
from vcs_app.storage import repo_events

pytestmark = pytest.mark.timeout(60)


class _Filler:
    """Fills the next modal dialog of a given class once it is showing (dialogs opened
    after background work appear at no fixed time, so this polls rather than waits)."""

    def __init__(self, kind, fill) -> None:
        self.kind, self.fill, self.done = kind, fill, False
        self.timer = QTimer()
        self.timer.timeout.connect(self._poll)
        self.timer.start(20)

    def _poll(self) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, self.kind) and dialog.isVisible():
            self.timer.stop()
            self.done = True
            self.fill(dialog)


def _press(qtbot, window, key, modifiers) -> None:
    """A shortcut as the VLO types it. The offscreen platform does not hand activation back
    to the window when a dialog closes (a desktop does), so activate it first."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.keyClick(window, key, modifiers)


CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def _ok(dialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


@pytest.fixture
def family(window, demo_ws):
    """An open demo case whose offender also has a release-only victim and an opted-out one."""
    case_id = window.caseload.model.case_id(0)
    offender_id = cases.open_case(demo_ws, case_id).offender.id
    links = {}
    for name, opt, level in (
        ("release", OptState.OPTED_IN, ContactLevel.RELEASE_AND_LICENCE),
        ("out", OptState.OPTED_OUT, ContactLevel.NONE),
    ):
        victim_id = cases.create_victim(demo_ws, Victim("Wren", f"Gui{name.title()}"))
        links[name] = cases.create_link(
            demo_ws,
            Link(
                victim_id=victim_id,
                offender_id=offender_id,
                offence="Robbery",
                referral_date=date(2025, 3, 1),
                opt_state=opt,
                contact_level=level,
            ),
        )
    return case_id, offender_id, links


def _links_of(ws, offender_id):
    rows = ws.store.db.execute("SELECT id FROM link WHERE offender_id = ?", [offender_id])
    return {r[0] for r in rows}


def _wants_tasks(ws, link_ids):
    rows = ws.store.db.execute(
        f"SELECT id FROM link WHERE id IN ({','.join('?' * len(link_ids))}) AND status = 'open'"
        " AND opt_state IN ('opted_in', 'reopened')"
        " AND contact_level IN ('key_stages', 'release_and_licence')",
        list(link_ids),
    )
    return {r[0] for r in rows}


def _add_crd(qtbot, window, value: date, origin: str, seen: dict) -> None:
    def fill(dialog):
        dialog.kind.setCurrentIndex(dialog.kind.findData("CRD"))
        seen["current"] = dialog.now.text()
        dialog.value.setDate(_qdate(value))
        dialog.received.setDate(_qdate(date(2026, 11, 20)))
        dialog.origin.setText(origin)
        _ok(dialog)

    filler = _Filler(KeyDateDialog, fill)
    _press(qtbot, window, Qt.Key.Key_K, CTRL)
    assert filler.done


def test_record_sentence_enter_crd_change_it_and_see_history_and_a_task_per_victim(
    qtbot, window, demo_ws, family
):
    case_id, offender_id, links = family
    view = window.open_case(case_id)
    view.tabs.setCurrentIndex(1)

    def fill_sentence(dialog):
        dialog.type.setCurrentIndex(dialog.type.findData("SDS"))
        dialog.offence_class.setCurrentIndex(dialog.offence_class.findData("general"))
        dialog.sentence_date.setDate(_qdate(date(2025, 1, 6)))
        dialog.length.years.setValue(4)
        dialog.court.setText("Anytown Crown Court")
        _ok(dialog)

    filler = _Filler(SentenceDialog, fill_sentence)
    record = next(
        b for b in view.findChildren(QPushButton) if b.accessibleName() == "Record sentence"
    )
    record.click()  # the tab's button runs the same action as Case > Record sentence
    assert filler.done
    view = window.case_tab(case_id)
    assert "4 years, passed 06/01/2025" in view.sentence_summary

    demo = [k for k in cases.open_case(demo_ws, case_id).key_dates if k.kind == "CRD"]
    demo_crd = demo[0].value.strftime("%d/%m/%Y") if demo else "(first recorded)"
    seen: dict = {}
    _add_crd(qtbot, window, date(2026, 8, 13), "Prison OMU email", seen)
    if demo:  # the demo's own official date is the first in the history
        assert seen["current"].startswith(f"Current official CRD: {demo_crd}.")
    else:
        assert seen["current"] == "No official CRD is recorded yet."
    _add_crd(qtbot, window, date(2026, 9, 1), "PPCS recalculation", seen)
    assert seen["current"].startswith("Current official CRD: 13/08/2026 (from Prison OMU email)")

    view = window.case_tab(case_id)
    history = [
        [view.history_model.index(r, c).data() for c in range(3)]
        for r in range(view.history_model.rowCount())
    ]
    assert ["CRD", "13/08/2026", "01/09/2026"] in history
    assert ["CRD", demo_crd, "13/08/2026"] in history
    dates = {
        view.dates_model.index(r, 0).data(): [view.dates_model.index(r, c).data() for c in range(6)]
        for r in range(view.dates_model.rowCount())
    }
    crd = dates["CRD — Conditional release date"]
    assert crd[1] == "01/09/2026" and crd[4] == "13/08/2026 (ESTIMATE)"
    assert crd[5] == "DIFFERS: official is 19 days later"
    assert "ESTIMATES ARE NOT OFFICIAL" in view.estimate_text.toPlainText()

    wanting = _wants_tasks(demo_ws, _links_of(demo_ws, offender_id))
    assert links["release"] in wanting and links["out"] not in wanting
    for link_id in _links_of(demo_ws, offender_id):
        open_now = [
            t
            for t in repo_events.open_tasks(demo_ws.store.db, link_id, "key_date_update")
            if t.source_ref.startswith("key_date:")
        ]
        if link_id in wanting:
            assert len(open_now) == 1 and "September 2026 (was August 2026)" in open_now[0].title
        else:
            assert open_now == []


def test_a_26_week_term_for_a_2014_offence_is_typed_in_and_estimated_without_a_licence(
    qtbot, window, demo_ws, family
):
    """Weeks and the offence date are typed into the dialog; a short term for an offence
    before February 2015 has no licence, so the case shows ARD and SED estimates."""
    case_id, *_ = family
    view = window.open_case(case_id)
    view.tabs.setCurrentIndex(1)

    def fill_sentence(dialog):
        dialog.type.setCurrentIndex(dialog.type.findData("SDS"))
        dialog.offence_class.setCurrentIndex(dialog.offence_class.findData("violent"))
        dialog.sentence_date.setDate(_qdate(date(2016, 3, 7)))
        dialog.offence_date.setDate(_qdate(date(2014, 12, 20)))
        assert dialog.length.weeks.isVisibleTo(dialog) and not dialog.fine_amount.isEnabled()
        dialog.length.weeks.selectAll()
        qtbot.keyClicks(dialog.length.weeks, "26")
        qtbot.keyClick(dialog.length.weeks, Qt.Key.Key_Tab)
        dialog.type.setCurrentIndex(dialog.type.findData("EDS"))
        assert not dialog.length.weeks.isVisibleTo(dialog)  # no weeks for an EDS
        dialog.type.setCurrentIndex(dialog.type.findData("SDS"))
        dialog.length.weeks.selectAll()
        qtbot.keyClicks(dialog.length.weeks, "26")
        _ok(dialog)

    filler = _Filler(SentenceDialog, fill_sentence)
    _press(qtbot, window, Qt.Key.Key_S, CTRL | SHIFT)
    assert filler.done
    view = window.case_tab(case_id)
    assert "26 weeks, passed 07/03/2016; offence 20/12/2014" in view.sentence_summary
    rows = [view.dates_model.index(r, 0).data() for r in range(view.dates_model.rowCount())]
    assert "ARD — Automatic release date" in rows and "SED — Sentence expiry date" in rows
    assert "there is no licence" in view.estimate_text.toPlainText()


def test_the_timeline_labels_official_and_estimated_dates_in_words(qtbot, window, demo_ws, family):
    case_id, *_ = family
    view = window.open_case(case_id)
    _add_crd(qtbot, window, date(2027, 2, 1), "Prison OMU email", {})
    view = window.case_tab(case_id)
    view.tabs.setCurrentIndex(2)
    assert view.tabs.tabText(2) == "Timeline"
    model = view.timeline_model
    kinds = {model.index(r, 2).data() for r in range(model.rowCount())}
    assert {"OFFICIAL DATE", "TODAY"} <= kinds
    rows = [[model.index(r, c).data() for c in range(4)] for r in range(model.rowCount())]
    assert ["01/02/2027", "Future", "OFFICIAL DATE", "Conditional release date"] in rows
    today = next(r for r in rows if r[2] == "TODAY")
    assert today[0] == TODAY.strftime("%d/%m/%Y")


def test_recording_an_hdc_event_from_the_menu_gives_the_14_day_representations_task(
    qtbot, window, demo_ws, family
):
    case_id, _, links = family
    window.open_case(case_id)

    def fill(dialog):
        dialog.kind.setCurrentIndex(dialog.kind.findData("hdc_eligibility"))
        assert "release and licence" in dialog.who.text()
        dialog.event_on.setDate(_qdate(date(2026, 12, 10)))
        dialog.notified_on.setDate(_qdate(date(2026, 11, 24)))
        dialog.detail.setPlainText("HDC notice from the prison")
        _ok(dialog)

    filler = _Filler(EventDialog, fill)
    qtbot.keyClick(
        window,
        Qt.Key.Key_V,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert filler.done
    reps = repo_events.open_tasks(demo_ws.store.db, links["release"], "hdc_representations")
    assert [t.due_on for t in reps] == [date(2026, 12, 8)]
    assert repo_events.open_tasks(demo_ws.store.db, links["out"], "hdc_representations") == []
    view = window.case_tab(case_id)
    view.tabs.setCurrentIndex(2)
    events = [view.timeline_model.index(r, 3).data() for r in range(view.timeline_model.rowCount())]
    assert "Home detention curfew eligibility" in events


def test_bulk_import_shows_every_victim_then_asks_twice_for_a_large_batch(
    qtbot, window, demo_ws, tmp_path, monkeypatch
):
    rows = demo_ws.store.db.execute(
        "SELECT o.crn FROM offender o WHERE EXISTS (SELECT 1 FROM link l WHERE"
        " l.offender_id = o.id AND l.status = 'open')"
    ).fetchall()
    csv = tmp_path / "ppcs-dates.csv"
    csv.write_text(
        "crn,kind,date,source\n" + "".join(f"{crn},TUSED,2031-03-01,PPCS\n" for (crn,) in rows),
        encoding="utf-8",
    )
    monkeypatch.setattr(BulkReviewDialog, "choose_file", classmethod(lambda cls, parent: csv))
    seen: dict = {}

    def review(dialog):
        seen["summary"] = dialog.summary.text()
        seen["warning"] = dialog.warning.text()
        seen["rows"] = dialog.model.rowCount()
        told = [dialog.model.index(r, 6).data() for r in range(dialog.model.rowCount())]
        seen["told"] = told.count("YES - task")
        dialog.confirm.click()

    def second(dialog):
        dialog.typed.setText("1")
        _ok(dialog)
        seen["refused"] = dialog.error.text()
        seen["still_open"] = dialog.isVisible()
        dialog.typed.setText(str(seen["cases"]))
        _ok(dialog)

    review_filler = _Filler(BulkReviewDialog, review)
    second_filler = _Filler(SecondConfirmationDialog, second)
    open_cases = cases.caseload_counts(demo_ws)["open"]
    seen["cases"] = open_cases
    (already,) = demo_ws.store.db.execute(  # the demo's victims told of a recent date
        "SELECT COUNT(*) FROM task WHERE rule = 'key_date_update' AND source_ref LIKE 'key_date:%'"
    ).fetchone()
    qtbot.keyClick(
        window,
        Qt.Key.Key_K,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: review_filler.done and second_filler.done, timeout=15000)
    qtbot.waitUntil(lambda: "Recorded" in window.statusBar().currentMessage(), timeout=15000)
    assert "LARGE BATCH" in seen["warning"] and "100.0%" in seen["warning"]
    assert seen["rows"] >= open_cases
    assert "Type" in seen["refused"] and seen["still_open"]
    made = demo_ws.store.db.execute(
        "SELECT COUNT(*) FROM task WHERE rule = 'key_date_update' AND source_ref LIKE 'key_date:%'"
    ).fetchone()[0]
    assert made - already == seen["told"] > 0
    assert f"{made - already:,} victim task(s) created" in window.statusBar().currentMessage()


@pytest.mark.parametrize(
    "make",
    [
        lambda parent: SentenceDialog(parent, 1),
        lambda parent: KeyDateDialog(parent, 1),
        lambda parent: EventDialog(parent, 1),
    ],
)
def test_every_input_in_the_sentence_dialogs_has_an_accessible_name(qtbot, make):
    dialog = make(None)
    qtbot.addWidget(dialog)
    widgets = [
        w
        for kind in (QLineEdit, QComboBox, QSpinBox, QDateEdit, QPlainTextEdit, QCheckBox)
        for w in dialog.findChildren(kind)
        if not w.objectName().startswith("qt_")
    ]
    assert len(widgets) >= 3
    assert [w for w in widgets if not w.accessibleName()] == []
