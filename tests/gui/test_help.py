"""F1 help per view, from resources/help/*.md, and the About box."""

from __future__ import annotations

from helpers import when_dialog_opens
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from vcs_app.qt.help import HELP_DIR, TOPICS, VIEW_TOPICS, HelpDialog, about_text, app_version


def test_every_topic_has_a_short_guide_with_a_heading():
    stems = {stem for stem, _title in TOPICS}
    assert set(VIEW_TOPICS.values()) <= stems
    for stem in stems:
        text = (HELP_DIR / f"{stem}.md").read_text(encoding="utf-8")
        assert text.startswith("# "), stem
        assert len(text.split()) < 300, f"{stem}.md should stay concise"


def _press_f1(qtbot, window) -> HelpDialog:
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.findChild(HelpDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_f1_opens_the_guide_for_the_current_view(qtbot, window):
    dialog = _press_f1(qtbot, window)
    assert dialog.current == "caseload"
    assert "Find a case" in dialog.text.toPlainText()

    window.show_dashboard()
    assert _press_f1(qtbot, window) is dialog  # one help window, moved to the new topic
    assert dialog.current == "dashboard"
    assert dialog.topics.currentData() == "dashboard"

    view = window.open_case(window.caseload.model.case_id(0))
    _press_f1(qtbot, window)
    assert dialog.current == "case"
    view.tabs.setCurrentIndex(
        next(
            i
            for i in range(view.tabs.count())
            if "letters" in view.tabs.tabText(i).replace("&", "")
        )
    )
    _press_f1(qtbot, window)
    assert dialog.current == "letters"

    window.open_reports()
    _press_f1(qtbot, window)
    assert dialog.current == "reports"
    assert "Show" in dialog.text.toPlainText()


def test_the_topic_list_reaches_every_guide(qtbot):
    dialog = HelpDialog(None, "caseload")
    qtbot.addWidget(dialog)
    assert dialog.topics.count() == len(TOPICS)
    dialog.topics.setCurrentIndex(dialog.topics.findData("keyboard"))
    assert dialog.current == "keyboard"
    assert "Ctrl+Shift+W" in dialog.text.toPlainText()


def test_about_names_the_version_and_where_the_data_is(qtbot, window):
    text = about_text(window.ws.path, window.auto_backup.folder)
    assert app_version() in text and app_version() != ""
    assert str(window.ws.path) in text
    seen = []

    def read(box):
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.accept()

    when_dialog_opens(qtbot, read)
    action = next(a for a in window.menuBar().actions()[-1].menu().actions() if "About" in a.text())
    assert not action.shortcut().isEmpty()
    action.trigger()
    assert seen and str(window.ws.path) in seen[0]
