"""A VLO's whole journey with the keyboard only: new referral -> opt-in -> liaison note ->
letter preview. Key events go to whatever has focus, as a keyboard's do; the test only
reads state. And every menu action that does something has a shortcut, shown and unique."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from vcs_app.domain.model import OptState
from vcs_app.qt.dialogs.forms import LiaisonDialog
from vcs_app.qt.dialogs.intake import IntakeDialog, OptChangeDialog
from vcs_app.qt.dialogs.letter import LetterDialog
from vcs_app.qt.printing import PrintPreview
from vcs_app.qt.views.case_view import CaseView
from vcs_app.services import cases

NONE = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def _focus():
    return QApplication.focusWidget()


def _key(qtbot, key: Qt.Key, modifiers=NONE) -> None:
    """Press a key where the keyboard's input goes: the focused widget, else the window."""
    target = _focus() or QApplication.activeModalWidget() or QApplication.activeWindow()
    qtbot.keyClick(target, key, modifiers)


def _type(qtbot, text: str) -> None:
    qtbot.keyClicks(_focus(), text)


def when_dialog_opens(qtbot, fill, *, over=None, waited: int = 0) -> None:
    """Run `fill` in the next modal dialog's own event loop (one opened over `over`),
    once it is up and active: a mnemonic clicks its button after a short animation."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog is over or QApplication.activeWindow() is not dialog:
            assert waited < 5000, "no dialog opened"
            when_dialog_opens(qtbot, fill, over=over, waited=waited + 25)
            return
        try:
            fill(dialog)
        except BaseException:
            dialog.reject()  # fail the test, do not leave it waiting on an open dialog
            raise

    QTimer.singleShot(25, QApplication.instance(), poll)


def _window_manager_activates(qtbot, window) -> None:
    """When a dialog closes a window manager makes the main window active again; offscreen
    Qt has none, so the test does that one thing for it."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_referral_opt_in_note_and_letter_preview_by_keyboard_only(qtbot, window, demo_ws):
    done: list[str] = []
    _window_manager_activates(qtbot, window)

    def referral(dialog):
        assert isinstance(dialog, IntakeDialog)
        assert _focus() is dialog.referred  # the first field, not the OK button
        _key(qtbot, Qt.Key.Key_N, ALT)
        assert _focus() is dialog.offence
        _type(qtbot, "Robbery")
        _key(qtbot, Qt.Key.Key_F, ALT)
        assert _focus() is dialog.v_given
        _type(qtbot, "Wren")
        _key(qtbot, Qt.Key.Key_Tab)
        assert _focus() is dialog.v_family
        _type(qtbot, "Quixwell")
        _key(qtbot, Qt.Key.Key_O, ALT)
        assert _focus() is dialog.o_given
        _type(qtbot, "Percy")
        _key(qtbot, Qt.Key.Key_Tab)
        assert _focus() is dialog.o_family
        _type(qtbot, "Greatorex")
        _key(qtbot, Qt.Key.Key_Return)  # OK is the default button
        done.append("referral")

    when_dialog_opens(qtbot, referral)
    _key(qtbot, Qt.Key.Key_N, CTRL)
    assert done == ["referral"]
    _window_manager_activates(qtbot, window)
    view = window.tabs.currentWidget()
    assert isinstance(view, CaseView)
    assert "Wren Quixwell" in view.header.text()
    case_id = view.case_id

    def opt_in(dialog):
        assert isinstance(dialog, OptChangeDialog)
        assert _focus() is dialog.state
        _type(qtbot, "Opted")  # the list jumps to "Opted in"
        assert dialog.state.currentData() == OptState.OPTED_IN.value
        _key(qtbot, Qt.Key.Key_Return)
        done.append("opt-in")

    when_dialog_opens(qtbot, opt_in)
    _key(qtbot, Qt.Key.Key_I, ALT)  # Victim tab: "Record opt-&in change…"
    qtbot.waitUntil(lambda: done[-1] == "opt-in")  # a mnemonic clicks after an animation
    assert cases.open_case(demo_ws, case_id).link.opt_state is OptState.OPTED_IN
    _window_manager_activates(qtbot, window)

    note = "Told the OM the victim has opted in."

    def liaison(dialog):
        assert isinstance(dialog, LiaisonDialog)
        _key(qtbot, Qt.Key.Key_S, ALT)
        assert _focus() is dialog.summary
        _type(qtbot, note)
        _key(qtbot, Qt.Key.Key_Tab)  # Tab leaves the summary instead of typing a tab
        assert _focus() is dialog.follow_up
        _key(qtbot, Qt.Key.Key_Return)
        done.append("note")

    when_dialog_opens(qtbot, liaison)
    _key(qtbot, Qt.Key.Key_L, CTRL)
    assert done[-1] == "note"
    assert [e.summary for e in cases.open_case(demo_ws, case_id).liaison] == [note]
    _window_manager_activates(qtbot, window)

    def letter(dialog):
        assert isinstance(dialog, LetterDialog)

        def preview(shown):
            assert isinstance(shown, PrintPreview)
            done.append(shown.windowTitle())
            _key(qtbot, Qt.Key.Key_Escape)

        when_dialog_opens(qtbot, preview, over=dialog)
        _key(qtbot, Qt.Key.Key_V, ALT)  # "Pre&view…"
        qtbot.waitUntil(lambda: done[-1].startswith("Preview - "))
        _key(qtbot, Qt.Key.Key_Escape)  # close the letter
        done.append("letter closed")

    when_dialog_opens(qtbot, letter)
    _key(qtbot, Qt.Key.Key_W, CTRL | SHIFT)
    assert done[-2].startswith("Preview - ")
    assert done[-1] == "letter closed"
    assert QApplication.activeModalWidget() is None


def _menu_actions(window):
    """(menu path, action) for every action that does something (not menus, separators)."""
    found = []

    def walk(menu, path):
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), f"{path} > {action.text()}")
            elif not action.isSeparator():
                found.append((f"{path} > {action.text()}".replace("&", ""), action))

    for top in window.menuBar().actions():
        walk(top.menu(), top.text())
    return found


def test_every_menu_action_has_a_shortcut_it_shows_and_none_is_shared(window):
    actions = _menu_actions(window)
    assert len(actions) > 20
    missing = [path for path, action in actions if action.shortcut().isEmpty()]
    assert missing == []
    # A menu shows the shortcut beside the text; it needs a native text to show.
    unshown = [
        path
        for path, action in actions
        if not action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    ]
    assert unshown == []
    owners: dict[str, str] = {}
    clashes = []
    for path, action in actions:
        for sequence in action.shortcuts():
            key = sequence.toString(QKeySequence.SequenceFormat.PortableText)
            if key in owners:
                clashes.append(f"{key}: {owners[key]} and {path}")
            owners[key] = path
    assert clashes == []
