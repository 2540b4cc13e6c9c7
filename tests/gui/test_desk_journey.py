"""Issue 18, done means: a caller's whole call at the desk with the keyboard only. Search
her phone number, Enter; add another victim of this offender with typed dates; a licence
condition request refused for holding her phone number, corrected in the same dialog;
the letter the open task calls for (which closes that task); a task marked done with
its outcome. Key events go where the keyboard's go (the focused widget); the test reads
state, and no mouse event is sent."""

from __future__ import annotations

from datetime import date

from fixed_day import TODAY
from helpers import focus, key, opted_in_with_a_new_release_date, type_text, when_dialog_opens
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from vcs_app.domain.model import ContactDetail
from vcs_app.qt.dialogs.condition import ConditionDialog
from vcs_app.qt.dialogs.forms import TaskDoneDialog
from vcs_app.qt.dialogs.intake import IntakeDialog
from vcs_app.qt.dialogs.letter import LetterDialog
from vcs_app.qt.views.case_view import CaseView
from vcs_app.services import cases, preferences

NONE = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier

CALLER_PHONE = "07700 900 417"
NEW_PHONE = "07700 900 852"


class MouseWatch(QObject):
    """Counts every mouse press, release and double click the application sees."""

    KINDS = (
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
    )

    def __init__(self) -> None:
        super().__init__()
        self.seen = 0

    def eventFilter(self, watched, event) -> bool:
        if event.type() in self.KINDS:
            self.seen += 1
        return False


def _active(qtbot, widget) -> None:
    """A window manager makes a new dialog (or the window, once a dialog closes) active;
    offscreen Qt has none, so the test does that one thing for it."""
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)


def _caller(ws) -> int:
    """An opted-in victim with a phone number, a safe address and an offender with an OM
    and a CRN, whose overdue task (a new official release date, received a fortnight ago)
    asks for a letter: it is on the dashboard."""
    case_id = opted_in_with_a_new_release_date(ws, received_on=date(2026, 11, 9), om_and_crn=True)
    preferences.add_contact_detail(ws, case_id, ContactDetail("phone", CALLER_PHONE))
    return case_id


def _search_and_open(qtbot, window, text: str, case_id: int) -> CaseView:
    """Ctrl+F, type, Enter: the case opens (once the search, read on its own thread,
    has found it)."""
    key(qtbot, Qt.Key.Key_F, CTRL)
    assert focus() is window.caseload.search
    key(qtbot, Qt.Key.Key_A, CTRL)  # whatever was searched before goes
    type_text(qtbot, text)
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: getattr(window.tabs.currentWidget(), "case_id", None) == case_id)
    return window.tabs.currentWidget()


def test_a_callers_whole_call_by_keyboard_only(qtbot, window, demo_ws, tmp_path):
    caller_id = _caller(demo_ws)
    caller = cases.open_case(demo_ws, caller_id)
    offenders = demo_ws.store.db.execute("SELECT COUNT(*) FROM offender").fetchone()[0]
    mouse = MouseWatch()
    QApplication.instance().installEventFilter(mouse)
    done: list[str] = []
    _active(qtbot, window)

    # 1. The caller gives her phone number, spaced her own way; Enter opens her case.
    _search_and_open(qtbot, window, CALLER_PHONE.replace(" ", ""), caller_id)

    # 2. Her sister was hurt too: another victim of this offender, dates typed.
    def referral(dialog):
        assert isinstance(dialog, IntakeDialog)
        _active(qtbot, dialog)
        assert dialog.o_family.text() == caller.offender.family_name  # filled in
        for pressed, text in (
            (Qt.Key.Key_R, "20102026"),  # &Referral received (last month), typed
            (Qt.Key.Key_F, "Ivy"),  # &First name
            (Qt.Key.Key_Tab, "Quennell"),
            (Qt.Key.Key_I, "14031990"),  # Date of b&irth, typed without slashes
            (Qt.Key.Key_P, NEW_PHONE),  # &Phone
        ):
            key(qtbot, pressed, NONE if pressed is Qt.Key.Key_Tab else ALT)
            type_text(qtbot, text)
        key(qtbot, Qt.Key.Key_E, ALT)  # Addr&ess
        for line in ("4 Synth Lane", "Exampletown", "ZZ99 9ZZ"):
            type_text(qtbot, line)
            if line != "ZZ99 9ZZ":
                key(qtbot, Qt.Key.Key_Return)
        key(qtbot, Qt.Key.Key_S, ALT)  # &Save referral
        qtbot.waitUntil(lambda: not dialog.isVisible())
        done.append("referral")

    when_dialog_opens(qtbot, referral)
    key(qtbot, Qt.Key.Key_A, CTRL | SHIFT)
    qtbot.waitUntil(lambda: window.tabs.currentWidget().case_id != caller_id)
    sister = window.tabs.currentWidget().case
    assert done == ["referral"]
    assert sister.victim.full_name == "Ivy Quennell"
    assert sister.victim.dob == date(1990, 3, 14)
    assert sister.link.referral_date == date(2026, 10, 20)
    assert sister.offender.id == caller.offender.id
    assert demo_ws.store.db.execute("SELECT COUNT(*) FROM offender").fetchone()[0] == offenders
    _active(qtbot, window)

    # 3. A licence condition for her: refused while it holds her phone number, corrected
    #    in the same dialog, nothing retyped.
    def condition(dialog):
        assert isinstance(dialog, ConditionDialog)
        _active(qtbot, dialog)
        key(qtbot, Qt.Key.Key_R, ALT)
        assert focus() is dialog.reason
        type_text(qtbot, f"He rang her on {NEW_PHONE} from prison.")
        key(qtbot, Qt.Key.Key_K, ALT)
        type_text(qtbot, "Harassment by phone.")
        key(qtbot, Qt.Key.Key_Tab)
        key(qtbot, Qt.Key.Key_Return)
        assert dialog.isVisible()  # refused: still open, still filled
        assert "must not contain a victim's contact details" in dialog.error.text()
        assert dialog.risk.toPlainText() == "Harassment by phone."
        key(qtbot, Qt.Key.Key_R, ALT)
        key(qtbot, Qt.Key.Key_A, CTRL)
        type_text(qtbot, "He rang her from prison.")
        key(qtbot, Qt.Key.Key_Tab)
        key(qtbot, Qt.Key.Key_Tab)
        key(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not dialog.isVisible())
        done.append("condition")

    when_dialog_opens(qtbot, condition)
    key(qtbot, Qt.Key.Key_C, CTRL | SHIFT)
    qtbot.waitUntil(lambda: done[-1] == "condition")
    requests = cases.open_case(demo_ws, sister.link.id).conditions
    assert [(r.reason, r.risk) for r in requests] == [
        ("He rang her from prison.", "Harassment by phone.")
    ]
    _active(qtbot, window)

    # 4. Back to the caller: the letter her open task calls for, approved and saved.
    (task,) = [
        t
        for t in cases.open_case(demo_ws, caller_id).tasks
        if t.rule == "key_date_update" and not t.done_on
    ]
    _search_and_open(qtbot, window, caller.link.ref, caller_id)
    pdf = tmp_path / "update.pdf"

    def letter(dialog):
        assert isinstance(dialog, LetterDialog)
        _active(qtbot, dialog)
        assert dialog.template.currentData() == "key_date_update"  # what the task calls for
        qtbot.waitUntil(lambda: dialog.approve_button.isEnabled())
        key(qtbot, Qt.Key.Key_P, ALT)  # A&pprove
        qtbot.waitUntil(lambda: dialog.pdf_button.isEnabled())

        def save_as(files):
            assert isinstance(files, QFileDialog)
            _active(qtbot, files)
            key(qtbot, Qt.Key.Key_A, CTRL)
            type_text(qtbot, str(pdf))
            key(qtbot, Qt.Key.Key_Return)
            done.append("saved as")

        when_dialog_opens(qtbot, save_as, over=dialog)
        key(qtbot, Qt.Key.Key_F, ALT)  # Save PD&F…
        qtbot.waitUntil(lambda: pdf.exists())
        key(qtbot, Qt.Key.Key_Escape)
        done.append("letter")

    when_dialog_opens(qtbot, letter)
    key(qtbot, Qt.Key.Key_W, CTRL | SHIFT)
    qtbot.waitUntil(lambda: done[-1] == "letter")
    assert pdf.read_bytes().startswith(b"%PDF")
    _active(qtbot, window)

    # The letter answered her task: it is done by the letter, nothing to mark by hand.
    (answered,) = [t for t in cases.open_case(demo_ws, caller_id).tasks if t.id == task.id]
    assert (answered.done_on, answered.outcome) == (TODAY, "done")

    # 5. Her sister's referral came last month: offering contact is overdue. Done on the
    #    dashboard, with what came of it.
    (offer,) = [t for t in cases.open_case(demo_ws, sister.link.id).tasks if not t.done_on]
    assert offer.rule == "referral_to_offer" and offer.due_on < TODAY
    key(qtbot, Qt.Key.Key_2, CTRL)
    dashboard = window.dashboard
    assert focus() is dashboard.table
    for _ in range(dashboard.model.rowCount()):
        if dashboard.current_item().task_id == offer.id:
            break
        key(qtbot, Qt.Key.Key_Down)
    assert dashboard.current_item().task_id == offer.id
    outcome = "Offered contact by phone; she will write back."

    def mark_done(dialog):
        assert isinstance(dialog, TaskDoneDialog)
        _active(qtbot, dialog)
        key(qtbot, Qt.Key.Key_O, ALT)  # &Outcome
        type_text(qtbot, outcome)
        key(qtbot, Qt.Key.Key_Return)
        done.append("marked")

    when_dialog_opens(qtbot, mark_done)
    key(qtbot, Qt.Key.Key_M, ALT)  # &Mark task done
    qtbot.waitUntil(lambda: done[-1] == "marked")
    (closed,) = [t for t in cases.open_case(demo_ws, sister.link.id).tasks if t.id == offer.id]
    assert (closed.done_on, closed.outcome_note) == (TODAY, outcome)
    QApplication.instance().removeEventFilter(mouse)
    assert mouse.seen == 0
