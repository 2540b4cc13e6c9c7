"""Issue 18, done means: a caller's whole call at the desk with the keyboard only. Search
the caller, Enter; add another victim of this offender with typed dates; a licence
condition request refused for holding her phone number, corrected in the same dialog;
the letter the open task calls for; the task marked done. Key events go where the
keyboard's go (the focused widget); the test reads state, and no mouse event is sent."""

from __future__ import annotations

from datetime import date

from fixed_day import TODAY
from helpers import when_dialog_opens
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from vcs_app.domain.model import ContactDetail, ContactLevel, DateSource, KeyDate, OptState
from vcs_app.qt.dialogs.condition import ConditionDialog
from vcs_app.qt.dialogs.intake import IntakeDialog
from vcs_app.qt.dialogs.letter import LetterDialog
from vcs_app.qt.views.case_view import CaseView
from vcs_app.services import cases, intake, preferences, sentences

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


def _focus():
    return QApplication.focusWidget()


def _key(qtbot, key: Qt.Key, modifiers=NONE) -> None:
    """A key where the keyboard's input goes: the focused widget, else the active window."""
    target = _focus() or QApplication.activeModalWidget() or QApplication.activeWindow()
    qtbot.keyClick(target, key, modifiers)


def _type(qtbot, text: str) -> None:
    qtbot.keyClicks(_focus(), text)


def _active(qtbot, widget) -> None:
    """A window manager makes a new dialog (or the window, once a dialog closes) active;
    offscreen Qt has none, so the test does that one thing for it."""
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)


def _caller(ws) -> int:
    """An opted-in victim with a phone number, a safe address and an offender with an OM
    and a CRN, whose overdue task (a new official release date) asks for a letter."""
    case_id = next(
        i
        for i in cases.caseload_ids(ws)
        if (case := cases.open_case(ws, i)).link.opt_state is OptState.REFERRED
        and case.link.om_name
        and case.offender.crn
        and any(c.kind.value == "address" and c.safe_to_use for c in case.contacts)
    )
    case = cases.open_case(ws, case_id)
    preferences.add_contact_detail(ws, case_id, ContactDetail("phone", CALLER_PHONE))
    intake.record_opt_change(ws, case_id, OptState.OFFERED, on=TODAY, source="letter")
    intake.record_opt_change(
        ws,
        case_id,
        OptState.OPTED_IN,
        on=TODAY,
        source="phone call",
        contact_level=ContactLevel.KEY_STAGES,
    )
    sentences.record_key_date(
        ws,
        # received a fortnight ago: the task to tell her is overdue, so on the dashboard
        KeyDate(case.offender.id, "CRD", date(2027, 6, 14), DateSource.OFFICIAL, date(2026, 11, 9)),
        origin="Prison OMU email",
    )
    return case_id


def _search_and_open(qtbot, window, text: str) -> CaseView:
    _key(qtbot, Qt.Key.Key_F, CTRL)
    assert _focus() is window.caseload.search
    _key(qtbot, Qt.Key.Key_A, CTRL)  # whatever was searched before goes
    _type(qtbot, text)
    _key(qtbot, Qt.Key.Key_Return)
    view = window.tabs.currentWidget()
    assert isinstance(view, CaseView)
    return view


def test_a_callers_whole_call_by_keyboard_only(qtbot, window, demo_ws, tmp_path):
    caller_id = _caller(demo_ws)
    caller = cases.open_case(demo_ws, caller_id)
    offenders = demo_ws.store.db.execute("SELECT COUNT(*) FROM offender").fetchone()[0]
    mouse = MouseWatch()
    QApplication.instance().installEventFilter(mouse)
    done: list[str] = []
    _active(qtbot, window)

    # 1. The caller gives her case reference; Enter opens her case.
    view = _search_and_open(qtbot, window, caller.link.ref)
    assert view.case_id == caller_id

    # 2. Her sister was hurt too: another victim of this offender, dates typed.
    def referral(dialog):
        assert isinstance(dialog, IntakeDialog)
        _active(qtbot, dialog)
        assert dialog.o_family.text() == caller.offender.family_name  # filled in
        for key, text in (
            (Qt.Key.Key_F, "Ivy"),  # &First name
            (Qt.Key.Key_Tab, "Quennell"),
            (Qt.Key.Key_I, "14031990"),  # Date of b&irth, typed without slashes
            (Qt.Key.Key_P, NEW_PHONE),  # &Phone
        ):
            _key(qtbot, key, NONE if key is Qt.Key.Key_Tab else ALT)
            _type(qtbot, text)
        _key(qtbot, Qt.Key.Key_E, ALT)  # Addr&ess
        for line in ("4 Synth Lane", "Exampletown", "ZZ99 9ZZ"):
            _type(qtbot, line)
            if line != "ZZ99 9ZZ":
                _key(qtbot, Qt.Key.Key_Return)
        _key(qtbot, Qt.Key.Key_S, ALT)  # &Save referral
        qtbot.waitUntil(lambda: not dialog.isVisible())
        done.append("referral")

    when_dialog_opens(qtbot, referral)
    _key(qtbot, Qt.Key.Key_A, CTRL | SHIFT)
    qtbot.waitUntil(lambda: window.tabs.currentWidget().case_id != caller_id)
    sister = window.tabs.currentWidget().case
    assert done == ["referral"]
    assert sister.victim.full_name == "Ivy Quennell"
    assert sister.victim.dob == date(1990, 3, 14)
    assert sister.offender.id == caller.offender.id
    assert demo_ws.store.db.execute("SELECT COUNT(*) FROM offender").fetchone()[0] == offenders
    _active(qtbot, window)

    # 3. A licence condition for her: refused while it holds her phone number, corrected
    #    in the same dialog, nothing retyped.
    def condition(dialog):
        assert isinstance(dialog, ConditionDialog)
        _active(qtbot, dialog)
        _key(qtbot, Qt.Key.Key_R, ALT)
        assert _focus() is dialog.reason
        _type(qtbot, f"He rang her on {NEW_PHONE} from prison.")
        _key(qtbot, Qt.Key.Key_K, ALT)
        _type(qtbot, "Harassment by phone.")
        _key(qtbot, Qt.Key.Key_Tab)
        _key(qtbot, Qt.Key.Key_Return)
        assert dialog.isVisible()  # refused: still open, still filled
        assert "must not contain a victim's contact details" in dialog.error.text()
        assert dialog.risk.toPlainText() == "Harassment by phone."
        _key(qtbot, Qt.Key.Key_R, ALT)
        _key(qtbot, Qt.Key.Key_A, CTRL)
        _type(qtbot, "He rang her from prison.")
        _key(qtbot, Qt.Key.Key_Tab)
        _key(qtbot, Qt.Key.Key_Tab)
        _key(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not dialog.isVisible())
        done.append("condition")

    when_dialog_opens(qtbot, condition)
    _key(qtbot, Qt.Key.Key_C, CTRL | SHIFT)
    qtbot.waitUntil(lambda: done[-1] == "condition")
    requests = cases.open_case(demo_ws, sister.link.id).conditions
    assert [(r.reason, r.risk) for r in requests] == [
        ("He rang her from prison.", "Harassment by phone.")
    ]
    _active(qtbot, window)

    # 4. Back to the caller: the letter her open task calls for, approved and saved.
    view = _search_and_open(qtbot, window, caller.link.ref)
    assert view.case_id == caller_id
    pdf = tmp_path / "update.pdf"

    def letter(dialog):
        assert isinstance(dialog, LetterDialog)
        _active(qtbot, dialog)
        assert dialog.template.currentData() == "key_date_update"  # what the task calls for
        qtbot.waitUntil(lambda: dialog.approve_button.isEnabled())
        _key(qtbot, Qt.Key.Key_P, ALT)  # A&pprove
        qtbot.waitUntil(lambda: dialog.pdf_button.isEnabled())

        def save_as(files):
            assert isinstance(files, QFileDialog)
            _active(qtbot, files)
            _key(qtbot, Qt.Key.Key_A, CTRL)
            _type(qtbot, str(pdf))
            _key(qtbot, Qt.Key.Key_Return)
            done.append("saved as")

        when_dialog_opens(qtbot, save_as, over=dialog)
        _key(qtbot, Qt.Key.Key_F, ALT)  # Save PD&F…
        qtbot.waitUntil(lambda: pdf.exists())
        _key(qtbot, Qt.Key.Key_Escape)
        done.append("letter")

    when_dialog_opens(qtbot, letter)
    _key(qtbot, Qt.Key.Key_W, CTRL | SHIFT)
    qtbot.waitUntil(lambda: done[-1] == "letter")
    assert pdf.read_bytes().startswith(b"%PDF")
    _active(qtbot, window)

    # 5. The task done, on the dashboard.
    task = next(
        t
        for t in cases.open_case(demo_ws, caller_id).tasks
        if t.rule == "key_date_update" and not t.done_on
    )
    _key(qtbot, Qt.Key.Key_2, CTRL)
    dashboard = window.dashboard
    assert _focus() is dashboard.table
    for _ in range(dashboard.model.rowCount()):
        if dashboard.current_item().task_id == task.id:
            break
        _key(qtbot, Qt.Key.Key_Down)
    assert dashboard.current_item().task_id == task.id
    _key(qtbot, Qt.Key.Key_M, ALT)  # &Mark task done

    def done_on():
        return next(t for t in cases.open_case(demo_ws, caller_id).tasks if t.id == task.id).done_on

    qtbot.waitUntil(lambda: done_on() == TODAY)
    QApplication.instance().removeEventFilter(mouse)
    assert mouse.seen == 0
