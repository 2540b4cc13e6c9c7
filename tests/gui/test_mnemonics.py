"""No two widgets of one dialog, or of one view of the main window, answer the same Alt
key (issue 18): a clash makes Alt+key cycle between them instead of acting, so Alt+S in
New referral must be Save, not Victim surname. The walk covers every dialog of the app
(tests/gui/dialog_recipes.py) and every view and case tab, with the menu bar's own Alt
keys, which are live in every view of the window."""

from __future__ import annotations

import re

from dialog_recipes import dialog_recipes
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QMainWindow,
    QTabBar,
    QWidget,
    QWizard,
)

from vcs_app.qt.views.batch_letters import open_batch_letters
from vcs_app.qt.views.case_view import CaseView

ALT = Qt.KeyboardModifier.AltModifier
_MNEMONIC = re.compile(r"&([^&\s])")


def mnemonic(text: str) -> str | None:
    """The Alt key of a caption ("Victim &surname:" -> "s"; "&&" is a plain ampersand)."""
    found = _MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


def _shown(widget: QWidget, root: QWidget) -> bool:
    """Shown in `root` now, in its window (a dialog's Alt keys are its own)."""
    return widget.window() is root.window() and (widget is root or widget.isVisibleTo(root))


def alt_keys(root: QWidget, also: tuple[QAbstractButton, ...] = ()) -> dict[str, set[str]]:
    """Alt key -> what it reaches, for everything that can be reached in `root` now (and
    the buttons `also`, e.g. a wizard's, shown around its pages)."""
    keys: dict[str, set[str]] = {}

    def add(text: str, target: str) -> None:
        key = mnemonic(text)
        if key is not None:
            keys.setdefault(key, set()).add(target)

    for label in root.findChildren(QLabel):
        if label.buddy() is not None and _shown(label, root):
            add(label.text(), f"{type(label.buddy()).__name__} {label.text()!r}")
    for button in [*root.findChildren(QAbstractButton), *also]:
        if button in also or _shown(button, root):
            add(button.text(), f"{type(button).__name__} {button.text()!r}")
    for box in root.findChildren(QGroupBox):
        if box.isCheckable() and _shown(box, root):
            add(box.title(), f"group {box.title()!r}")
    for bar in root.findChildren(QTabBar):
        if _shown(bar, root):
            for i in range(bar.count()):
                add(bar.tabText(i), f"tab {bar.tabText(i)!r}")
    if isinstance(root, QMainWindow):
        for action in root.menuBar().actions():
            add(action.text(), f"menu {action.text()!r}")
    return keys


def clashes(root: QWidget, where: str, also: tuple[QAbstractButton, ...] = ()) -> list[str]:
    return [
        f"{where}: Alt+{key.upper()} is " + " and ".join(sorted(targets))
        for key, targets in sorted(alt_keys(root, also).items())
        if len(targets) > 1
    ]


def test_the_walk_finds_a_clash(qtbot):
    root = QWidget()
    qtbot.addWidget(root)
    from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout

    layout = QVBoxLayout(root)
    first, second = QLineEdit(), QLineEdit()
    for text, edit in (("&Surname:", first), ("&Street:", second)):
        label = QLabel(text)
        label.setBuddy(edit)
        layout.addWidget(label)
        layout.addWidget(edit)
    layout.addWidget(QPushButton("Plain && simple"))
    assert clashes(root, "test") == [
        "test: Alt+S is QLineEdit '&Street:' and QLineEdit '&Surname:'"
    ]
    assert mnemonic("Contacts && le&tters") == "t"


def test_no_dialog_has_two_widgets_on_one_alt_key(qtbot, window, demo_ws, app_cases, tmp_path):
    problems = []
    for cls, make in dialog_recipes(window, demo_ws, app_cases, tmp_path).items():
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        QApplication.processEvents()
        if isinstance(dialog, QWizard):  # each page with the buttons around it
            buttons = tuple(
                b
                for which in (
                    QWizard.WizardButton.BackButton,
                    QWizard.WizardButton.NextButton,
                    QWizard.WizardButton.FinishButton,
                    QWizard.WizardButton.CancelButton,
                )
                if (b := dialog.button(which)) is not None
            )
            for page_id in dialog.pageIds():
                page = dialog.page(page_id)
                problems += clashes(page, f"{cls.__name__} {page.title()!r}", buttons)
        else:
            problems += clashes(dialog, cls.__name__)
        dialog.hide()
        dialog.deleteLater()
    assert not problems, "\n".join(problems)


def test_no_view_of_the_main_window_has_two_widgets_on_one_alt_key(qtbot, window, app_cases):
    problems = []
    window.show_dashboard()
    QApplication.processEvents()  # a view is shown on the event loop's next turn
    problems += clashes(window, "Dashboard")
    window.tabs.setCurrentIndex(0)
    QApplication.processEvents()
    problems += clashes(window, "Caseload")
    for case in app_cases.values():
        view = window.open_case(case.link.id)
        assert isinstance(view, CaseView)
        for i in range(view.tabs.count()):
            view.tabs.setCurrentIndex(i)
            QApplication.processEvents()  # a tab's page is built, then shown, when chosen
            problems += clashes(window, f"Case tab {view.tabs.tabText(i)!r}")
    for open_view in (
        window.open_waiting_on_om,
        window.open_om_directory,
        window.open_condition_stats,
        window.open_reports,
        window.open_retention_review,
        window.open_audit_log,
    ):
        view = open_view()
        QApplication.processEvents()
        problems += clashes(window, type(view).__name__)
    window.tabs.setCurrentIndex(0)
    window.caseload.table.selectRow(0)
    open_batch_letters(window)
    QApplication.processEvents()
    problems += clashes(window, "Batch letters")
    assert not problems, "\n".join(dict.fromkeys(problems))


def test_alt_and_a_number_chooses_a_section_of_the_case(qtbot, window, app_cases):
    view = window.open_case(app_cases["any"].link.id)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    for number, title in ((3, "Timeline"), (7, "History"), (1, "Victim & contact")):
        qtbot.keyClick(QApplication.focusWidget(), getattr(Qt.Key, f"Key_{number}"), ALT)
        assert view.tabs.tabText(view.tabs.currentIndex()).replace("&&", "&") == title
        assert f"Alt+{number}" in view.tabs.tabToolTip(view.tabs.currentIndex())
