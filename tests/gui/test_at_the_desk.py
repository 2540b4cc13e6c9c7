"""Issue 18, at the desk: typing, searching and moving without friction. Each test drives
the real widgets with key events, as a VLO on the phone would."""

from __future__ import annotations

from datetime import date

from fixed_day import TODAY
from helpers import bereaved_father_referred, opted_in_with_a_new_release_date
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from vcs_app.qt.dialogs.forms import VictimDialog
from vcs_app.qt.views.case_view import CaseView
from vcs_app.qt.widgets import date_of
from vcs_app.services import cases

NONE = Qt.KeyboardModifier.NoModifier
ALT = Qt.KeyboardModifier.AltModifier


def _focus():
    return QApplication.focusWidget()


def _shown(qtbot, dialog):
    """Show a dialog and make it the active window (a window manager would)."""
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def _into_date_of_birth(qtbot, dialog):
    """Alt+D: the date of birth, as a keyboard reaches it."""
    dialog.given.setFocus()
    qtbot.keyClick(dialog.given, Qt.Key.Key_D, ALT)
    assert _focus() is dialog.dob


# --- 1. optional dates can be typed ---------------------------------------------------


def test_an_empty_optional_date_takes_a_typed_date_with_or_without_slashes(qtbot, app_cases):
    victim = app_cases["any"].victim
    dialog = _shown(qtbot, VictimDialog(None, victim))
    for typed in ("02112026", "02/11/2026", "2/11/2026"):
        _into_date_of_birth(qtbot, dialog)
        qtbot.keyClick(_focus(), Qt.Key.Key_Delete)  # one key clears it
        assert dialog.dob.lineEdit().text() == "Not known"
        assert date_of(dialog.dob) is None
        qtbot.keyClicks(_focus(), typed)
        assert dialog.dob.lineEdit().text() == "02/11/2026", typed
        assert date_of(dialog.dob) == date(2026, 11, 2)


def test_a_half_typed_date_is_kept_and_saving_says_why_not(qtbot, app_cases):
    dialog = _shown(qtbot, VictimDialog(None, app_cases["any"].victim))
    _into_date_of_birth(qtbot, dialog)
    qtbot.keyClick(_focus(), Qt.Key.Key_Backspace)
    qtbot.keyClicks(_focus(), "0211")
    assert dialog.dob.lineEdit().text() == "0211"  # never "Not known0211"
    qtbot.keyClick(_focus(), Qt.Key.Key_Tab)
    dialog.accept()
    assert dialog.isVisible()
    assert "“0211” is not a date" in dialog.error.text()
    assert dialog.dob.lineEdit().text() == "0211"  # nothing lost


def test_the_calendar_opens_on_today_and_escape_leaves_the_date_unknown(qtbot, app_cases):
    dialog = _shown(qtbot, VictimDialog(None, app_cases["any"].victim))
    _into_date_of_birth(qtbot, dialog)
    qtbot.keyClick(_focus(), Qt.Key.Key_Delete)
    calendar = dialog.dob.calendarWidget()
    qtbot.keyClick(_focus(), Qt.Key.Key_Down, ALT)
    qtbot.waitUntil(calendar.isVisible)
    shown = calendar.selectedDate()
    assert date(shown.year(), shown.month(), shown.day()) == TODAY
    assert (calendar.yearShown(), calendar.monthShown()) == (TODAY.year, TODAY.month)
    qtbot.keyClick(_focus(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not calendar.isVisible())
    qtbot.waitUntil(lambda: dialog.dob.lineEdit().text() == "Not known")
    qtbot.keyClick(_focus(), Qt.Key.Key_F4)
    qtbot.waitUntil(calendar.isVisible)
    qtbot.keyClick(_focus(), Qt.Key.Key_Left)  # the day before today
    qtbot.keyClick(_focus(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not calendar.isVisible())
    assert date_of(dialog.dob) == date(2026, 11, 25)


# --- 3. search to open ----------------------------------------------------------------


def test_enter_in_the_search_opens_the_case_and_down_enters_the_list(qtbot, window, demo_ws):
    ref = window.caseload.model.index(5, 0).data()
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert _focus() is window.caseload.search
    qtbot.keyClicks(_focus(), ref)
    qtbot.keyClick(_focus(), Qt.Key.Key_Return)  # the search may still be reading
    qtbot.waitUntil(lambda: isinstance(window.tabs.currentWidget(), CaseView))
    view = window.tabs.currentWidget()
    assert view.case.link.ref == ref

    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert _focus() is window.caseload.search
    surname = view.case.victim.family_name
    qtbot.keyClicks(_focus(), surname)
    qtbot.keyClick(_focus(), Qt.Key.Key_Down)
    table = window.caseload.table
    qtbot.waitUntil(lambda: _focus() is table)  # once the search has its first page
    assert table.currentIndex().row() == 0
    assert window.caseload.search.text() == surname
    found = cases.caseload_ids(demo_ws, text=surname)
    assert window.caseload.model.case_id(0) == found[0]


# --- 2. a refused request keeps what was typed ----------------------------------------


def _case_with_phone(ws):
    for case_id in cases.caseload_ids(ws):
        case = cases.open_case(ws, case_id)
        phones = [c.value for c in case.contacts if c.kind.value == "phone"]
        if phones:
            return case, phones[0]
    raise AssertionError("no demo case with a phone number")


def test_a_refused_condition_request_stays_open_with_everything_typed(qtbot, window, demo_ws):
    from helpers import when_dialog_opens

    from vcs_app.qt.dialogs.condition import ConditionDialog

    case, phone = _case_with_phone(demo_ws)
    window.open_case(case.link.id)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    seen: dict[str, object] = {}

    def fill(dialog):
        assert isinstance(dialog, ConditionDialog)
        dialog.activateWindow()  # a window manager would
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        qtbot.keyClick(_focus(), Qt.Key.Key_R, ALT)
        assert _focus() is dialog.reason
        qtbot.keyClicks(_focus(), f"He rang her on {phone} from prison.")
        qtbot.keyClick(_focus(), Qt.Key.Key_K, ALT)
        qtbot.keyClicks(_focus(), "Harassment by phone.")
        qtbot.keyClick(_focus(), Qt.Key.Key_Tab)
        qtbot.keyClick(_focus(), Qt.Key.Key_Return)  # refused: the dialog stays
        assert dialog.isVisible()
        seen["error"] = dialog.error.text()
        assert dialog.risk.toPlainText() == "Harassment by phone."  # nothing retyped
        qtbot.keyClick(_focus(), Qt.Key.Key_R, ALT)
        qtbot.keyClick(_focus(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(_focus(), "He rang her from prison.")
        qtbot.keyClick(_focus(), Qt.Key.Key_Tab)
        qtbot.keyClick(_focus(), Qt.Key.Key_Tab)
        qtbot.keyClick(_focus(), Qt.Key.Key_Return)
        seen["closed"] = not dialog.isVisible()

    when_dialog_opens(qtbot, fill)
    qtbot.keyClick(
        window,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: "closed" in seen)
    assert "must not contain a victim's contact details" in seen["error"]
    assert seen["closed"]
    requests = cases.open_case(demo_ws, case.link.id).conditions
    assert [(r.reason, r.risk) for r in requests][-1] == (
        "He rang her from prison.",
        "Harassment by phone.",
    )


# --- 12. window size ------------------------------------------------------------------


def _closed_at(qtbot, ws, size, at=None):
    """A window shown, sized and placed so, then closed (its geometry remembered)."""
    from vcs_app.qt.main_window import MainWindow

    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.resize(*size)
    if at is not None:
        window.move(*at)
    window.close()


def test_a_remembered_size_too_small_for_the_layout_is_not_restored(qtbot, demo_ws):
    from vcs_app.qt.main_window import MainWindow

    _closed_at(qtbot, demo_ws, (534, 350))
    window = MainWindow(demo_ws)
    qtbot.addWidget(window)
    screen = QApplication.primaryScreen().availableGeometry()
    assert window.width() >= min(760, screen.width())  # room for the caseload
    assert window.height() >= min(520, screen.height())
    assert window.size().expandedTo(window.minimumSizeHint()) == window.size()


def test_a_window_remembered_off_screen_comes_back_onto_the_screen(qtbot, demo_ws):
    from vcs_app.qt.main_window import MainWindow

    _closed_at(qtbot, demo_ws, (780, 640), at=(9000, 7000))
    window = MainWindow(demo_ws)
    qtbot.addWidget(window)
    screen = QApplication.primaryScreen().availableGeometry()
    assert screen.contains(window.geometry().topLeft())
    assert window.width() >= min(760, screen.width())


def test_a_good_size_and_place_are_kept(qtbot, demo_ws):
    from vcs_app.qt.main_window import MainWindow

    _closed_at(qtbot, demo_ws, (780, 640), at=(10, 20))
    window = MainWindow(demo_ws)
    qtbot.addWidget(window)
    assert (window.width(), window.height()) == (780, 640)
    x, y = window.pos().toTuple()
    assert abs(x - 10) <= 10 and abs(y - 20) <= 10  # where it was (give or take a frame)


# --- 6 and 7. another victim of the same offender; the offence type asked once ---------


def _type_in_intake(qtbot, dialog, fields):
    """Alt+key to a field of New referral, then type; a name without an Alt key is
    reached with Tab from the field before it."""
    dialog.activateWindow()  # a window manager would
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    for key, text, tabs in fields:
        if key is not None:
            qtbot.keyClick(_focus(), key, ALT)
        for _ in range(tabs):
            qtbot.keyClick(_focus(), Qt.Key.Key_Tab)
        if text:
            qtbot.keyClicks(_focus(), text)


def test_a_new_referral_gives_the_sentence_its_offence_type_and_an_estimate(qtbot, window, demo_ws):
    from helpers import when_dialog_opens

    from vcs_app.domain.sentence import OffenceClass
    from vcs_app.qt.dialogs.intake import IntakeDialog
    from vcs_app.services import sentences

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    done = []

    def referral(dialog):
        assert isinstance(dialog, IntakeDialog)
        assert dialog.category.currentText() == "Violent"  # for eligibility
        _type_in_intake(
            qtbot,
            dialog,
            [
                (Qt.Key.Key_N, "Wounding", 0),
                (Qt.Key.Key_A, "01102026", 0),  # Sentence d&ate
                (Qt.Key.Key_D, "Standard", 0),  # Sentence or &disposal
                (None, "36", 1),  # custody, months
                (Qt.Key.Key_F, "Wren", 0),
                (None, "Quixwell", 1),
                (Qt.Key.Key_O, "Percy", 0),
                (None, "Greatorex", 1),
            ],
        )
        assert dialog.custody.value() == 36
        qtbot.keyClick(_focus(), Qt.Key.Key_S, ALT)  # &Save referral
        qtbot.waitUntil(lambda: not dialog.isVisible())
        done.append(True)

    when_dialog_opens(qtbot, referral)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(window.tabs.currentWidget(), CaseView))
    view = window.tabs.currentWidget()
    assert view.case.victim.full_name == "Wren Quixwell"
    file = sentences.sentence_file(demo_ws, view.case.offender.id)
    assert file.sentence.offence_class is OffenceClass.VIOLENT
    kinds = {e.kind for e in file.estimates.items}
    assert "CRD" in kinds, file.estimates.notes  # a release estimate, with no second field


def test_another_victim_of_this_offender_joins_the_same_offender(qtbot, window, demo_ws):
    from helpers import when_dialog_opens

    from vcs_app.qt.dialogs.intake import IntakeDialog
    from vcs_app.services import sentences

    first = next(
        case
        for case in (cases.open_case(demo_ws, i) for i in cases.caseload_ids(demo_ws))
        if case.link.om_name and case.offender.crn
    )
    sentence = sentences.sentence_file(demo_ws, first.offender.id).sentence
    offenders = demo_ws.store.db.execute("SELECT COUNT(*) FROM offender").fetchone()[0]
    window.open_case(first.link.id)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    seen = {}

    def referral(dialog):
        assert isinstance(dialog, IntakeDialog)
        seen["filled"] = (
            dialog.o_family.text(),
            dialog.crn.text(),
            dialog.om_name.text(),
            dialog.om_team.text(),
            dialog.vlo.currentText(),
            dialog.sentence_type.currentData(),
            date_of(dialog.sentenced),
        )
        _type_in_intake(
            qtbot,
            dialog,
            [
                (Qt.Key.Key_F, "Ivy", 0),
                (None, "Quennell", 1),
                (Qt.Key.Key_I, "14031990", 0),  # Date of b&irth, typed
            ],
        )
        qtbot.keyClick(_focus(), Qt.Key.Key_S, ALT)
        qtbot.waitUntil(lambda: not dialog.isVisible())

    when_dialog_opens(qtbot, referral)
    qtbot.keyClick(
        window,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: window.tabs.currentWidget().case_id != first.link.id)
    new = window.tabs.currentWidget().case
    assert seen["filled"] == (
        first.offender.family_name,
        first.offender.crn,
        first.link.om_name,
        first.link.om_team,
        first.link.vlo,
        sentence.type.value,
        sentence.sentence_date,
    )
    assert new.victim.full_name == "Ivy Quennell"
    assert new.victim.dob == date(1990, 3, 14)
    assert new.offender.id == first.offender.id  # the same offender, not a copy
    assert demo_ws.store.db.execute("SELECT COUNT(*) FROM offender").fetchone()[0] == offenders
    assert (new.link.om_name, new.link.om_team, new.link.vlo) == (
        first.link.om_name,
        first.link.om_team,
        first.link.vlo,
    )


# --- 8. words that mislead --------------------------------------------------------------


def _open_by_search(qtbot, window, text):
    """Ctrl+F, type, Enter: the case opens."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(_focus(), text)
    qtbot.keyClick(_focus(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(window.tabs.currentWidget(), CaseView))
    return window.tabs.currentWidget()


def _captions(widget) -> dict[str, str]:
    """A form's caption -> value, as a reader sees them."""
    from PySide6.QtWidgets import QLabel

    return {
        label.text().rstrip(":"): label.buddy().text()
        for label in widget.findChildren(QLabel)
        if isinstance(label.buddy(), QLabel)
    }


def test_a_referred_relative_reads_whose_father_and_no_level_yet(qtbot, window, demo_ws):
    case_id = bereaved_father_referred(demo_ws)
    window.caseload.model.reload()
    view = _open_by_search(qtbot, window, cases.open_case(demo_ws, case_id).link.ref)
    qtbot.keyClick(_focus(), Qt.Key.Key_1, ALT)  # Victim & contact
    captions = _captions(view.show_tab("Victim"))
    assert captions["Acts for"] == "Father of Dylan Synthbrook (deceased)"
    assert captions["Opt-in"] == "Referred"
    assert captions["Contact level"] == "Not chosen yet (asked when they opt in)"
    row = window.caseload.model.row_of(case_id)
    assert window.caseload.model.index(row, 5).data() == "Not chosen"


def test_the_two_offer_letters_have_titles_that_tell_them_apart(qtbot, window, demo_ws):
    from vcs_app.qt.dialogs.letter import LetterDialog

    dialog = _shown(qtbot, LetterDialog(window, demo_ws, cases.caseload_ids(demo_ws)[0]))
    qtbot.keyClick(_focus(), Qt.Key.Key_L, ALT)
    titles = [dialog.template.itemText(i) for i in range(dialog.template.count())]
    offer = dialog.template.findData("initial_offer")
    reminder = dialog.template.findData("follow_up")
    assert titles[offer].startswith("Victim Contact Scheme: offer of contact")
    assert titles[reminder].startswith("Victim Contact Scheme: a reminder of our offer of contact")


def test_the_history_tab_speaks_words_and_shows_whole_times(qtbot, window, demo_ws):
    from vcs_app.domain.model import Offender, Referral, Victim
    from vcs_app.services import intake

    young = Referral(
        victim=Victim("Poppy", "Vellacott", dob=date(2010, 3, 15), guardian_name="A Parent"),
        offender=Offender("Rufus", "Thackeray"),
        offence="Assault",
        referral_date=date(2026, 11, 20),
    )
    case_id = intake.register_referral(demo_ws, young).record_id
    window.caseload.model.reload()
    view = _open_by_search(qtbot, window, cases.open_case(demo_ws, case_id).link.ref)
    qtbot.keyClick(_focus(), Qt.Key.Key_7, ALT)  # History
    from PySide6.QtWidgets import QTableView

    page = view.show_tab("History")
    audit = next(t for t in page.findChildren(QTableView) if t.accessibleName() == "Record history")
    model = audit.model()
    changes = [model.index(r, 4).data() for r in range(model.rowCount())]
    turning_18 = [c for c in changes if "turns 18" in c]
    assert turning_18 == ["Task: Offer contact directly: Poppy Vellacott turns 18, due 15/03/2028"]
    assert not [c for c in changes if "due_on" in c or "rule:" in c or "_" in c]
    assert model.headerData(0, Qt.Orientation.Horizontal) == "When"
    assert audit.columnWidth(0) >= audit.sizeHintForColumn(0)  # the time is not cut off
    assert model.index(0, 2).data() in ("Created", "Changed", "Viewed")


def test_next_due_says_overdue_and_status_fits_at_1280(qtbot, window, demo_ws):
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.width() == 1280)
    model = window.caseload.model
    dues = [model.index(r, 6).data() for r in range(model.rowCount())]
    late = [d for d in dues if d.endswith(" overdue")]
    assert late and all(d[:10].count("/") == 2 for d in late)
    table = window.caseload.table
    header = table.horizontalHeader()
    status = model.columnCount() - 1
    assert header.sectionViewportPosition(status) + 60 <= table.viewport().width()
    assert header.sectionSize(6) >= table.sizeHintForColumn(6)  # "16/11/2026 overdue" whole


def test_the_dashboard_filter_in_force_is_the_one_that_looks_pressed(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    dashboard = window.dashboard
    buttons = dashboard.buttons

    def bold():
        return [b.text() for b in buttons.values() if b.font().bold()]

    pressed = [b.text() for b in buttons.values() if b.isChecked()]
    assert bold() == pressed and pressed[0].startswith("&All due")
    qtbot.keyClick(_focus(), Qt.Key.Key_D, ALT)  # Over&due (clicked after its animation)
    qtbot.waitUntil(lambda: not buttons[None].isChecked())
    assert [b.text() for b in buttons.values() if b.isChecked()] == bold()
    assert bold()[0].startswith("Over&due")


# --- 9. the letters dialog suggests what the case needs -------------------------------


def test_the_letters_dialog_starts_on_the_letter_the_open_task_calls_for(qtbot, window, demo_ws):
    from helpers import when_dialog_opens

    from vcs_app.qt.dialogs.letter import LetterDialog

    case_id = opted_in_with_a_new_release_date(demo_ws)
    window.open_case(case_id)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    seen = {}

    def look(dialog):
        assert isinstance(dialog, LetterDialog)
        combo = dialog.template
        seen["chosen"] = combo.currentData()
        seen["first"] = combo.itemText(0)
        seen["offer"] = combo.itemText(combo.findData("initial_offer"))
        seen["last"] = combo.itemText(combo.count() - 1)
        dialog.reject()

    when_dialog_opens(qtbot, look)
    qtbot.keyClick(
        window,
        Qt.Key.Key_W,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: "chosen" in seen)
    assert seen["chosen"] == "key_date_update"  # not the offer, for an opted-in victim
    assert seen["first"].startswith("An update about the sentence  (for the open task due ")
    assert "does not fit: the victim has already opted in." in seen["offer"]
    assert "(does not fit: " in seen["last"]  # the letters that do not fit come last


def test_save_pdf_opens_in_the_documents_folder(qtbot, window, demo_ws, monkeypatch, tmp_path):
    from PySide6.QtCore import QStandardPaths

    from vcs_app.qt.dialogs import letter as letter_dialog

    asked = []

    def save_as(parent, caption, start, *rest):
        asked.append(start)
        return str(tmp_path / "copy.pdf"), ""

    monkeypatch.setattr(letter_dialog.QFileDialog, "getSaveFileName", save_as)
    case_id = opted_in_with_a_new_release_date(demo_ws)
    dialog = _shown(
        qtbot,
        letter_dialog.LetterDialog(window, demo_ws, case_id, template_key="key_date_update"),
    )
    dialog.refresh()
    assert dialog.draft is not None and dialog.draft.ok, dialog.check.text()
    qtbot.keyClick(_focus(), Qt.Key.Key_P, ALT)  # A&pprove
    qtbot.waitUntil(lambda: dialog.pdf_button.isEnabled())
    qtbot.keyClick(_focus(), Qt.Key.Key_F, ALT)  # Save PD&F
    qtbot.waitUntil(lambda: bool(asked))
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    from pathlib import Path

    assert Path(asked[0]).parent == Path(documents)
    assert Path(asked[0]).name.endswith("_key_date_update.pdf")
    qtbot.waitUntil(lambda: (tmp_path / "copy.pdf").exists())


# --- 11. quiet success ------------------------------------------------------------------


def test_a_saved_key_date_is_said_in_the_status_bar_and_its_row_selected(qtbot, window, demo_ws):
    from helpers import when_dialog_opens

    from vcs_app.qt.dialogs.key_date import KeyDateDialog

    view = _open_by_search(qtbot, window, window.caseload.model.index(3, 0).data())
    case_id = view.case_id
    view.show_tab("Liaison")  # somewhere else: the save brings the dates into view
    done = []

    def fill(dialog):
        assert isinstance(dialog, KeyDateDialog)
        dialog.activateWindow()  # a window manager would
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        qtbot.keyClick(_focus(), Qt.Key.Key_K, ALT)
        qtbot.keyClicks(_focus(), "PED")  # the list jumps to the parole eligibility date
        qtbot.keyClick(_focus(), Qt.Key.Key_D, ALT)
        qtbot.keyClicks(_focus(), "14032031")
        qtbot.keyClick(_focus(), Qt.Key.Key_W, ALT)
        qtbot.keyClicks(_focus(), "Prison OMU email")
        qtbot.keyClick(_focus(), Qt.Key.Key_Return)
        done.append(dialog.kind.currentData())

    when_dialog_opens(qtbot, fill)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(done))
    kind = done[0]
    saved = [
        k.value
        for k in cases.open_case(demo_ws, case_id).key_dates
        if k.kind == kind and k.superseded_by is None and k.source.value == "official"
    ]
    assert saved == [date(2031, 3, 14)]
    assert window.statusBar().currentMessage() == (
        f"Saved the official {kind} 14/03/2031. Ctrl+Z undoes it."
    )
    view = window.case_tab(case_id)
    assert "Offender" in view.tabs.tabText(view.tabs.currentIndex())
    table = view.dates_table
    window.activateWindow()  # as a window manager does when the dialog closes
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert _focus() is table
    row = table.currentIndex().row()
    assert table.model().index(row, 0).data().startswith(f"{kind} ")
    assert table.model().index(row, 1).data() == "14/03/2031"
    assert table.selectionModel().isRowSelected(row)


def test_an_empty_caseload_says_how_to_start(qtbot, ws):
    from vcs_app.qt.main_window import MainWindow

    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    hint = window.caseload.empty_hint
    assert hint.isVisible()
    assert hint.text() == "No cases yet: Ctrl+N new referral, Ctrl+I import referrals."


def test_a_search_that_finds_nothing_says_so_and_escape_empties_it(qtbot, window):
    hint = window.caseload.empty_hint
    assert not hint.isVisible()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(_focus(), "Zzyzxq")
    qtbot.waitUntil(hint.isVisible)
    assert hint.text().startswith("No case matches “Zzyzxq” here.")
    qtbot.keyClick(_focus(), Qt.Key.Key_Escape)
    assert window.caseload.search.text() == ""
    qtbot.waitUntil(lambda: not hint.isVisible())
    assert window.caseload.model.rowCount() > 0
