"""In-app help (F1): a short guide for the view in front of the VLO, and the About box.

The guides are Markdown files in resources/help/ so they can be improved without touching
code; the view decides which one opens first.
"""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QMainWindow,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from vcs_app.qt.i18n import current_language
from vcs_app.qt.views.case_tabs import letters as case_letters
from vcs_app.qt.widgets import inform, plain_label, without_mnemonic
from vcs_app.resource_files import resource_path

HELP_DIR = resource_path("help")


# (file stem, title) in the order the topic list shows them.
TOPICS = (
    ("caseload", QT_TRANSLATE_NOOP("Help", "Caseload")),
    ("dashboard", QT_TRANSLATE_NOOP("Help", "Dashboard: due and overdue")),
    ("case", QT_TRANSLATE_NOOP("Help", "A case")),
    ("letters", QT_TRANSLATE_NOOP("Help", "Letters")),
    ("waiting_on_om", QT_TRANSLATE_NOOP("Help", "Waiting on the offender manager")),
    ("om_directory", QT_TRANSLATE_NOOP("Help", "OM directory")),
    ("condition_stats", QT_TRANSLATE_NOOP("Help", "Condition statistics")),
    ("reports", QT_TRANSLATE_NOOP("Help", "Reports")),
    ("audit_log", QT_TRANSLATE_NOOP("Help", "Audit log")),
    ("retention", QT_TRANSLATE_NOOP("Help", "Retention review")),
    ("settings", QT_TRANSLATE_NOOP("Help", "Settings")),
    ("keyboard", QT_TRANSLATE_NOOP("Help", "Keyboard shortcuts")),
)

# The help topic of each kind of tab (by class name, so this module imports no views).
VIEW_TOPICS = {
    "CaseloadView": "caseload",
    "DashboardView": "dashboard",
    "CaseView": "case",
    "BatchLettersView": "letters",
    "WaitingOnOMView": "waiting_on_om",
    "OMDirectoryView": "om_directory",
    "ConditionStatsView": "condition_stats",
    "ReportView": "reports",
    "AuditLogView": "audit_log",
    "RetentionView": "retention",
}


def topic_for(widget: QWidget | None) -> str:
    """The guide for a tab; a case open on its Letters section gets the letters guide."""
    if widget is None:
        return "caseload"
    topic = VIEW_TOPICS.get(type(widget).__name__, "caseload")
    tabs = getattr(widget, "tabs", None)
    # the case's section titles carry no Alt key (Alt+1..7 choose them)
    letters_title = without_mnemonic(QCoreApplication.translate("CaseView", case_letters.TITLE))
    if topic == "case" and tabs is not None and tabs.tabText(tabs.currentIndex()) == letters_title:
        return "letters"
    return topic


def help_text(topic: str) -> str:
    """The Markdown of one guide, in Welsh when Welsh is chosen and the guide has been
    put into Welsh (resources/help/cy/), else in English (a plain message if the file has
    gone missing)."""
    welsh = HELP_DIR / "cy" / f"{topic}.md"
    if current_language() == "cy" and welsh.is_file():
        return welsh.read_text(encoding="utf-8")
    try:
        return (HELP_DIR / f"{topic}.md").read_text(encoding="utf-8")
    except OSError:
        return QCoreApplication.translate("Help", "No help has been written for this view yet.")


class HelpDialog(QDialog):
    """A guide beside the work (not modal), with a list to reach the other guides."""

    def __init__(self, parent: QWidget | None, topic: str = "caseload") -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Help", "VCS Desk help"))
        self.setAccessibleName(QCoreApplication.translate("Help", "VCS Desk help"))
        self.topics = QComboBox()
        for stem, title in TOPICS:
            self.topics.addItem(QCoreApplication.translate("Help", title), stem)
        self.topics.setAccessibleName(QCoreApplication.translate("Help", "Help topic"))
        label = plain_label(QCoreApplication.translate("Help", "&Topic:"))
        label.setBuddy(self.topics)
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(False)
        self.text.setAccessibleName(QCoreApplication.translate("Help", "Help text"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        bar = QHBoxLayout()
        bar.addWidget(label)
        bar.addWidget(self.topics, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.topics.currentIndexChanged.connect(lambda: self._show(self.topics.currentData()))
        self.resize(620, 560)
        self.show_topic(topic)

    def show_topic(self, topic: str) -> None:
        index = self.topics.findData(topic)
        if index >= 0 and index != self.topics.currentIndex():
            self.topics.setCurrentIndex(index)  # shows it through the signal
        else:
            self._show(topic)

    def _show(self, topic: str) -> None:
        self.text.setMarkdown(help_text(topic))
        self.current = topic


def show_help(window: QMainWindow) -> HelpDialog:
    """F1: one help window per main window, moved to the guide for the current tab."""
    dialog = window.findChild(HelpDialog)
    if dialog is None:
        dialog = HelpDialog(window)
    dialog.show_topic(topic_for(window.tabs.currentWidget()))
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    dialog.text.setFocus()
    return dialog


def app_version() -> str:
    try:
        return importlib.metadata.version("vcs-desk")
    except importlib.metadata.PackageNotFoundError:
        return QCoreApplication.translate("Help", "unknown (not installed)")


def about_text(db_path: Path, backup_folder: Path) -> str:
    version = QCoreApplication.translate(
        "Help", "VCS Desk %1: the Victim Contact Scheme caseload for victim liaison officers."
    )
    return "\n\n".join(
        (
            version.replace("%1", app_version()),
            QCoreApplication.translate("Help", "Data file: %1").replace("%1", str(db_path)),
            QCoreApplication.translate("Help", "Backups: %1").replace("%1", str(backup_folder)),
        )
    )


def show_about(window: QMainWindow) -> None:
    text = about_text(window.ws.path, window.auto_backup.folder)
    inform(window, QCoreApplication.translate("Help", "About VCS Desk"), text)
