"""Letter wording for a senior VLO: open a template, edit it, see it with an invented
case (and checked as a real letter would be), then save it as a new version, which a
second senior VLO approves before any letter uses it (they see exactly what changed: a
condition on the invented case can hide wording from its author's preview).

New letters use the newest approved version; a letter already made keeps the version it
was made with, so it can always be shown and re-printed in its own words. The preview is
drawn in a child process with a time and memory limit, off the window's thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, QUrl
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

from vcs_app.domain.model import DomainError, Language
from vcs_app.letters.print_adapter import letter_resource, paint_into
from vcs_app.qt.i18n import label, shown
from vcs_app.qt.printing import PrintPreview
from vcs_app.qt.widgets import RowsModel, add_row, plain_label, set_widths, table_view
from vcs_app.qt.workers import Job
from vcs_app.services import documents, letters

if TYPE_CHECKING:
    from vcs_app.qt.main_window import MainWindow
    from vcs_app.services.workspace import Workspace

PREVIEW_MS = 400
STATUS_WORDS = {
    "pending": QT_TRANSLATE_NOOP("TemplateEditorDialog", "Waiting for approval"),
    "approved": QT_TRANSLATE_NOOP("TemplateEditorDialog", "Approved"),
}


class LetterPreview(QTextBrowser):
    """Shows a letter's HTML without fetching anything it names (see print_adapter)."""

    def loadResource(self, kind: int, url: QUrl) -> object:
        return letter_resource(kind, url)


class TemplateEditorDialog(QDialog):
    def __init__(self, parent: QWidget | None, ws: Workspace) -> None:
        super().__init__(parent)
        self.ws = ws
        self.setWindowTitle(QCoreApplication.translate("TemplateEditorDialog", "Letter templates"))
        self.setAccessibleName(
            QCoreApplication.translate("TemplateEditorDialog", "Letter templates")
        )
        self.resize(1200, 800)
        self.html = ""
        self.problem = ""

        form = QFormLayout()
        self.template = add_row(
            form, QCoreApplication.translate("TemplateEditorDialog", "&Letter:"), QComboBox()
        )
        for info in letters.letter_templates():
            self.template.addItem(shown(info.title_en), info.key)
        self.language = add_row(
            form, QCoreApplication.translate("TemplateEditorDialog", "La&nguage:"), QComboBox()
        )
        for lang in Language:
            self.language.addItem(label(lang), lang.value)
        self.in_use = add_row(
            form,
            QCoreApplication.translate("TemplateEditorDialog", "In use now:"),
            plain_label(),
            name=QCoreApplication.translate("TemplateEditorDialog", "Version in use"),
        )
        self.in_use.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.source = QPlainTextEdit()
        self.source.setAccessibleName(
            QCoreApplication.translate("TemplateEditorDialog", "Template wording")
        )
        self.source.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.source.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.preview = LetterPreview()
        self.preview.setAccessibleName(
            QCoreApplication.translate("TemplateEditorDialog", "Preview with an invented case")
        )
        splitter = QSplitter()
        splitter.addWidget(self.source)
        splitter.addWidget(self.preview)
        splitter.setSizes([600, 600])
        self.check = plain_label()
        self.check.setWordWrap(True)
        self.check.setAccessibleName(
            QCoreApplication.translate("TemplateEditorDialog", "Template check")
        )
        self.check.setTextFormat(Qt.TextFormat.PlainText)
        note_form = QFormLayout()
        self.note = add_row(
            note_form,
            QCoreApplication.translate(
                "TemplateEditorDialog", "What &changed (kept with the version):"
            ),
            QLineEdit(),
        )
        self.versions = RowsModel(
            [
                QCoreApplication.translate("TemplateEditorDialog", "Version"),
                QCoreApplication.translate("TemplateEditorDialog", "Wording"),
                QCoreApplication.translate("TemplateEditorDialog", "Status"),
                QCoreApplication.translate("TemplateEditorDialog", "Saved by"),
                QCoreApplication.translate("TemplateEditorDialog", "Saved (UTC)"),
                QCoreApplication.translate("TemplateEditorDialog", "Note"),
                QCoreApplication.translate("TemplateEditorDialog", "Letters"),
            ]
        )
        self.version_table = versions = table_view(
            self.versions,
            QCoreApplication.translate("TemplateEditorDialog", "Versions of this letter"),
        )
        versions.setMaximumHeight(140)
        set_widths(versions, (200, 80, 150, 140, 140, 320))
        versions.selectionModel().currentRowChanged.connect(self._update_approve)

        self.buttons = QDialogButtonBox()
        role = QDialogButtonBox.ButtonRole.ActionRole
        self.print_preview_button = self.buttons.addButton(
            QCoreApplication.translate("TemplateEditorDialog", "Print pre&view…"), role
        )
        self.save_button = self.buttons.addButton(
            QCoreApplication.translate("TemplateEditorDialog", "&Save as new version"), role
        )
        self.approve_button = self.buttons.addButton(
            QCoreApplication.translate("TemplateEditorDialog", "&Approve selected version…"), role
        )
        self.restore_button = self.buttons.addButton(
            QCoreApplication.translate("TemplateEditorDialog", "&Restore standard wording"), role
        )
        close = self.buttons.addButton(
            QCoreApplication.translate("TemplateEditorDialog", "Close"),
            QDialogButtonBox.ButtonRole.RejectRole,
        )
        for button in self.buttons.buttons():
            button.setAutoDefault(False)
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
        self.print_preview_button.clicked.connect(self.print_preview)
        self.save_button.clicked.connect(self.save)
        self.approve_button.clicked.connect(self.approve_selected)
        self.restore_button.clicked.connect(self.restore)
        close.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.check)
        layout.addLayout(note_form)
        layout.addWidget(
            plain_label(
                QCoreApplication.translate("TemplateEditorDialog", "Versions kept (newest first):")
            )
        )
        layout.addWidget(versions)
        layout.addWidget(self.buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_MS)
        self._timer.timeout.connect(self.refresh_preview)
        self._previews = 0  # the newest preview asked for; an older answer is dropped
        self.previewing = False
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
        self.in_use.setText(
            QCoreApplication.translate(
                "TemplateEditorDialog", "Version {version} ({origin})"
            ).format(version=wording.version, origin=origin)
        )
        self.history = letters.template_history(self.ws, self.key, self.lang)
        self.versions.set_rows(
            [
                (
                    h["version"],
                    "Standard" if h["origin"] == "standard" else "Edited",
                    QCoreApplication.translate("TemplateEditorDialog", STATUS_WORDS[h["status"]]),
                    h["saved_by"],
                    h["saved_at"][:16].replace("T", " "),
                    h["note"],
                    h["letters"],
                )
                for h in self.history
            ]
        )
        waiting = [i for i, h in enumerate(self.history) if h["status"] == "pending"]
        if waiting:
            self.version_table.selectRow(waiting[0])
        self._update_approve()
        self.note.clear()
        self.refresh_preview()

    def _selected_version(self) -> dict | None:
        row = self.version_table.currentIndex().row()
        return self.history[row] if 0 <= row < len(self.history) else None

    def _update_approve(self, *_args) -> None:
        chosen = self._selected_version()
        self.approve_button.setEnabled(chosen is not None and chosen["status"] == "pending")

    def approve_selected(self) -> str | None:
        chosen = self._selected_version()
        if chosen is None or chosen["status"] != "pending":
            return None
        try:
            review = letters.wording_for_approval(self.ws, self.key, self.lang, chosen["version"])
        except DomainError as exc:
            self.check.setText(
                QCoreApplication.translate(
                    "TemplateEditorDialog", "Cannot be approved: {exc}"
                ).format(exc=exc)
            )
            return None
        dialog = TemplateApprovalDialog(self, self.ws, review)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        self.load()
        self.check.setText(
            QCoreApplication.translate(
                "TemplateEditorDialog",
                "Version {version} approved: new letters use it; letters already made keep theirs.",
            ).format(version=review.version)
        )
        return review.version

    def refresh_preview(self) -> Job:
        """Render the wording with the invented case (in the rendering child, off this
        thread, so wording that runs away cannot freeze the window); the answer shows
        the letter and its problems in words."""
        self._timer.stop()
        self._previews += 1
        number, key, lang, body = self._previews, self.key, self.lang, self.source.toPlainText()
        self.previewing = True
        self.save_button.setEnabled(False)
        job = Job(lambda _progress: letters.preview_wording(key, lang, body))
        job.ended.connect(lambda: self._previewed(number, job), Qt.ConnectionType.QueuedConnection)
        self._job = job  # kept alive until it ends
        return job.start()

    def _previewed(self, number: int, job: Job) -> None:
        if not shiboken6.isValid(self) or number != self._previews:
            return  # closed, or the wording changed since: a newer preview is on its way
        self.previewing = False
        if job.error is not None:
            self.html, self.problem = "", job.error
            self.check.setText(
                QCoreApplication.translate(
                    "TemplateEditorDialog", "This wording cannot be used: {error}"
                ).format(error=job.error)
            )
            self.save_button.setEnabled(False)
            self.print_preview_button.setEnabled(False)
            return
        rendered, reasons = job.result
        self.html = rendered.html
        scroll = self.preview.verticalScrollBar().value()
        self.preview.setHtml(rendered.html)
        self.preview.verticalScrollBar().setValue(scroll)
        if reasons:
            self.problem = " ".join(reasons)
            self.check.setText(
                QCoreApplication.translate(
                    "TemplateEditorDialog", "With the invented case this letter would be blocked:\n"
                )
                + "\n".join(f"• {shown(r.removeprefix('Blocked: '))}" for r in reasons)
            )
        else:
            self.problem = ""
            self.check.setText(
                QCoreApplication.translate(
                    "TemplateEditorDialog",
                    "Preview with an invented case (Ceri Prydderch; the offender is held at"
                    " {SYNTHETIC_ESTABLISHMENT}, release {SYNTHETIC_RELEASE:%d/%m/%Y} - "
                    "neither may appear). The wording passes the checks.",
                ).format(
                    SYNTHETIC_ESTABLISHMENT=letters.SYNTHETIC_ESTABLISHMENT,
                    SYNTHETIC_RELEASE=letters.SYNTHETIC_RELEASE,
                )
            )
        self.save_button.setEnabled(not reasons)
        self.print_preview_button.setEnabled(True)

    def preview_dialog(self) -> PrintPreview:
        """The wording with the invented case, as it would print; nothing prints from here."""
        html = self.html
        mark = documents.watermark(self.ws)
        dialog = PrintPreview(
            self,
            "Template print preview",
            lambda device: paint_into(device, html, watermark=mark),
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
            self.check.setText(
                QCoreApplication.translate("TemplateEditorDialog", "Not saved: {exc}").format(
                    exc=exc
                )
            )
            return None
        self.load()
        if letters.template_wording(self.ws, self.key, self.lang).version == version:
            self.check.setText(
                QCoreApplication.translate(
                    "TemplateEditorDialog",
                    "Version {version} (approved before) is in use again; letters already "
                    "made keep theirs.",
                ).format(version=version)
            )
        else:
            self.check.setText(
                QCoreApplication.translate(
                    "TemplateEditorDialog",
                    "Saved as version {version}. It waits for a second senior VLO to "
                    "approve it; until then letters use the version in use now.",
                ).format(version=version)
            )
        return version

    def restore(self) -> None:
        try:
            version = letters.restore_standard_wording(self.ws, self.key, self.lang)
        except DomainError as exc:
            self.check.setText(
                QCoreApplication.translate("TemplateEditorDialog", "Not changed: {exc}").format(
                    exc=exc
                )
            )
            return
        self.load()
        self.check.setText(
            QCoreApplication.translate(
                "TemplateEditorDialog",
                "New letters use the standard wording again (version {version}).",
            ).format(version=version)
        )


def edit_templates(window: MainWindow) -> None:
    TemplateEditorDialog(window, window.ws).exec()


class TemplateApprovalDialog(QDialog):
    """What a second senior VLO sees before approving wording: who saved it and why,
    every line that changed against the wording in use, and the letter it makes."""

    def __init__(
        self, parent: QWidget | None, ws: Workspace, review: letters.WordingForApproval
    ) -> None:
        super().__init__(parent)
        self.ws, self.review = ws, review
        title = QCoreApplication.translate("TemplateEditor", "Approve letter wording")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.resize(1100, 750)
        about = plain_label(
            QCoreApplication.translate(
                "TemplateApprovalDialog",
                "Version {version}, saved by {saved_by} on {saved_at} (UTC): {note}\nRead"
                " every changed line: a condition (for example on the victim's name) "
                "can hide wording from the preview and still print it in real letters.",
            ).format(
                version=review.version,
                saved_by=review.saved_by,
                saved_at=review.saved_at[:16].replace("T", " "),
                note=review.note,
            )
        )
        about.setWordWrap(True)
        self.diff = QPlainTextEdit(
            review.diff
            or QCoreApplication.translate(
                "TemplateApprovalDialog", "(no change against the wording in use)"
            )
        )
        self.diff.setReadOnly(True)
        self.diff.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.diff.setAccessibleName(
            QCoreApplication.translate("TemplateApprovalDialog", "Changed lines")
        )
        self.preview = LetterPreview()
        self.preview.setHtml(review.html)
        self.preview.setAccessibleName(
            QCoreApplication.translate("TemplateApprovalDialog", "The letter with an invented case")
        )
        splitter = QSplitter()
        splitter.addWidget(self.diff)
        splitter.addWidget(self.preview)
        self.why_not = plain_label(review.why_not)
        self.why_not.setWordWrap(True)
        self.why_not.setAccessibleName(
            QCoreApplication.translate("TemplateApprovalDialog", "Why it cannot be approved")
        )
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.approve_button = self.buttons.addButton(
            QCoreApplication.translate("TemplateApprovalDialog", "&Approve"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.approve_button.setEnabled(review.may_approve)
        self.approve_button.clicked.connect(self.approve)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.why_not)
        layout.addWidget(self.buttons)

    def approve(self) -> None:
        try:
            letters.approve_template_version(
                self.ws, self.review.key, self.review.language, self.review.version
            )
        except DomainError as exc:
            self.why_not.setText(str(exc))
            return
        self.accept()
