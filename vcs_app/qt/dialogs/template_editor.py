"""Letter wording for a senior VLO: open a template, edit it, see it with an invented
case (and checked as a real letter would be), then save it as a new version.

New letters use the newest version; a letter already made keeps the version it was
made with, so it can always be shown and re-printed in its own words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from vcs_app.domain.model import DomainError, Language, label
from vcs_app.letters.print_adapter import paint_into
from vcs_app.qt.printing import PrintPreview
from vcs_app.qt.widgets import RowsModel, add_row, plain_label, table_view
from vcs_app.services import letters

if TYPE_CHECKING:
    from vcs_app.qt.main_window import MainWindow
    from vcs_app.services.workspace import Workspace

PREVIEW_MS = 400


class TemplateEditorDialog(QDialog):
    def __init__(self, parent: QWidget | None, ws: Workspace) -> None:
        super().__init__(parent)
        self.ws = ws
        self.setWindowTitle("Letter templates")
        self.setAccessibleName("Letter templates")
        self.resize(1200, 800)
        self.html = ""
        self.problem = ""

        form = QFormLayout()
        self.template = add_row(form, "&Letter:", QComboBox())
        for info in letters.letter_templates():
            self.template.addItem(info.title_en, info.key)
        self.language = add_row(form, "La&nguage:", QComboBox())
        for lang in Language:
            self.language.addItem(label(lang), lang.value)
        self.in_use = add_row(form, "In use now:", plain_label(), name="Version in use")
        self.in_use.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.source = QPlainTextEdit()
        self.source.setAccessibleName("Template wording")
        self.source.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.source.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.preview = QTextBrowser()
        self.preview.setAccessibleName("Preview with an invented case")
        splitter = QSplitter()
        splitter.addWidget(self.source)
        splitter.addWidget(self.preview)
        splitter.setSizes([600, 600])
        self.check = plain_label()
        self.check.setWordWrap(True)
        self.check.setAccessibleName("Template check")
        self.check.setTextFormat(Qt.TextFormat.PlainText)
        note_form = QFormLayout()
        self.note = add_row(note_form, "What &changed (kept with the version):", QLineEdit())
        self.versions = RowsModel(
            ["Version", "Wording", "Saved by", "Saved (UTC)", "Note", "Letters"]
        )
        versions = table_view(self.versions, "Versions of this letter")
        versions.setMaximumHeight(140)
        for column, width in enumerate((200, 80, 140, 140, 420)):
            versions.setColumnWidth(column, width)

        self.buttons = QDialogButtonBox()
        role = QDialogButtonBox.ButtonRole.ActionRole
        self.print_preview_button = self.buttons.addButton("Print pre&view…", role)
        self.save_button = self.buttons.addButton("&Save as new version", role)
        self.restore_button = self.buttons.addButton("&Restore standard wording", role)
        close = self.buttons.addButton("Close", QDialogButtonBox.ButtonRole.RejectRole)
        for button in self.buttons.buttons():
            button.setAutoDefault(False)
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
        self.print_preview_button.clicked.connect(self.print_preview)
        self.save_button.clicked.connect(self.save)
        self.restore_button.clicked.connect(self.restore)
        close.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.check)
        layout.addLayout(note_form)
        layout.addWidget(plain_label("Versions kept (newest first):"))
        layout.addWidget(versions)
        layout.addWidget(self.buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_MS)
        self._timer.timeout.connect(self.refresh_preview)
        self.source.textChanged.connect(self._timer.start)
        self.template.currentIndexChanged.connect(self.load)
        self.language.currentIndexChanged.connect(self.load)
        self.load()

    @property
    def key(self) -> str:
        return self.template.currentData()

    @property
    def lang(self) -> Language:
        return Language(self.language.currentData())

    def load(self) -> None:
        """Show the wording new letters of this kind use now, and its history."""
        wording = letters.template_wording(self.ws, self.key, self.lang)
        self.source.blockSignals(True)
        self.source.setPlainText(wording.body)
        self.source.blockSignals(False)
        origin = "standard wording" if wording.origin == "standard" else "edited by the office"
        self.in_use.setText(f"Version {wording.version} ({origin})")
        self.versions.set_rows(
            [
                (
                    h["version"],
                    "Standard" if h["origin"] == "standard" else "Edited",
                    h["saved_by"],
                    h["saved_at"][:16].replace("T", " "),
                    h["note"],
                    h["letters"],
                )
                for h in letters.template_history(self.ws, self.key, self.lang)
            ]
        )
        self.note.clear()
        self.refresh_preview()

    def refresh_preview(self) -> None:
        """Render the wording with the invented case; show problems in words."""
        self._timer.stop()
        try:
            rendered, reasons = letters.preview_wording(
                self.key, self.lang, self.source.toPlainText()
            )
        except DomainError as exc:
            self.html, self.problem = "", str(exc)
            self.check.setText(f"This wording cannot be used: {exc}")
            self.save_button.setEnabled(False)
            self.print_preview_button.setEnabled(False)
            return
        self.html = rendered.html
        scroll = self.preview.verticalScrollBar().value()
        self.preview.setHtml(rendered.html)
        self.preview.verticalScrollBar().setValue(scroll)
        if reasons:
            self.problem = " ".join(reasons)
            self.check.setText(
                "With the invented case this letter would be blocked:\n"
                + "\n".join(f"• {r.removeprefix('Blocked: ')}" for r in reasons)
            )
        else:
            self.problem = ""
            self.check.setText(
                "Preview with an invented case (Ceri Prydderch; the offender is held at"
                f" {letters.SYNTHETIC_ESTABLISHMENT}, release {letters.SYNTHETIC_RELEASE:%d/%m/%Y}"
                " - neither may appear). The wording passes the checks."
            )
        self.save_button.setEnabled(not reasons)
        self.print_preview_button.setEnabled(True)

    def preview_dialog(self) -> PrintPreview:
        """The wording with the invented case, as it would print; nothing prints from here."""
        html = self.html
        dialog = PrintPreview(
            self,
            "Template print preview",
            lambda device: paint_into(device, html),
            why_not="An invented case: write a letter to a real case to print it.",
        )
        return dialog

    def print_preview(self) -> None:
        if self.html:
            self.preview_dialog().exec()

    def save(self) -> str | None:
        try:
            version = letters.save_template_version(
                self.ws, self.key, self.lang, self.source.toPlainText(), note=self.note.text()
            )
        except DomainError as exc:
            self.check.setText(f"Not saved: {exc}")
            return None
        self.load()
        self.check.setText(
            f"Saved as version {version}. New letters use it; letters already made keep theirs."
        )
        return version

    def restore(self) -> None:
        try:
            version = letters.restore_standard_wording(self.ws, self.key, self.lang)
        except DomainError as exc:
            self.check.setText(f"Not changed: {exc}")
            return
        self.load()
        self.check.setText(f"New letters use the standard wording again (version {version}).")


def edit_templates(window: MainWindow) -> None:
    TemplateEditorDialog(window, window.ws).exec()
