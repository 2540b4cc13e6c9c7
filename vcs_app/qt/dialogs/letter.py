"""Write one letter: choose it, see it checked against the case, preview, approve, then
print or save it as a PDF. The same dialog opens a letter from the case's log.

Nothing here decides what a letter may say: every check is `services.letters`; the
dialog shows its reasons in words and enables only what the service allows.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QStandardPaths,
    Qt,
    QTimer,
)
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from vcs_app.domain.model import DomainError, LetterStatus
from vcs_app.letters.print_adapter import paint_into
from vcs_app.qt import printing
from vcs_app.qt.dialogs.forms import FormDialog
from vcs_app.qt.dialogs.kept_file import confirm_unencrypted, open_kept
from vcs_app.qt.i18n import label, shown
from vcs_app.qt.widgets import add_row, date_edit, date_of, fmt_date, plain_label, today
from vcs_app.services import documents, letters
from vcs_app.services.cases import Changed

if TYPE_CHECKING:
    from vcs_app.qt.main_window import MainWindow
    from vcs_app.services.workspace import Workspace

REFRESH_MS = 300  # typing pauses this long before the letter is checked again

# The letter details a VLO may write, with their labels, in the order asked.
DETAIL_LABELS: dict[str, str] = {
    "offence": QT_TRANSLATE_NOOP("LetterDialog", "Offen&ce (as the letter says it):"),
    "sentence_description": QT_TRANSLATE_NOOP("LetterDialog", "&Sentence in plain words:"),
    "decision_summary": QT_TRANSLATE_NOOP("LetterDialog", "&Decision in plain words:"),
    "conditions": QT_TRANSLATE_NOOP("LetterDialog", "Licence c&onditions (one per line):"),
    "refusal_reason": QT_TRANSLATE_NOOP("LetterDialog", "Reason for &refusal:"),
    "hospital_update": QT_TRANSLATE_NOOP("LetterDialog", "&Hospital update:"),
    "respond_by": QT_TRANSLATE_NOOP("LetterDialog", "Reply &by:"),
    "first_letter_date": QT_TRANSLATE_NOOP("LetterDialog", "&Earlier letter dated:"),
    "personal_note": QT_TRANSLATE_NOOP("LetterDialog", "Personal &note (optional):"),
}
_TEXT_BLOCKS = ("sentence_description", "decision_summary", "refusal_reason", "hospital_update")
EVENT_WORDS = {
    "drafted": QT_TRANSLATE_NOOP("LetterDialog", "Drafted"),
    "approved": QT_TRANSLATE_NOOP("LetterDialog", "Approved"),
    "printed": QT_TRANSLATE_NOOP("LetterDialog", "Printed"),
    "pdf_saved": QT_TRANSLATE_NOOP("LetterDialog", "PDF saved"),
    "reprinted": QT_TRANSLATE_NOOP("LetterDialog", "Printed again"),
    "returned": QT_TRANSLATE_NOOP("LetterDialog", "Returned undelivered"),
    "withdrawn": QT_TRANSLATE_NOOP("LetterDialog", "Withdrawn"),
    "not_printed": QT_TRANSLATE_NOOP("LetterDialog", "Not printed"),
}
_PRINT_EVENTS = ("printed", "reprinted", "not_printed")


def status_words(record) -> str:
    """A letter's state in words, from its latest step (never by colour)."""
    if not record.events:
        return label(record.status)
    last = record.events[-1]
    text = QCoreApplication.translate("LetterDialog", "{step} {date} by {who}").format(
        step=_event_words(last.event), date=f"{last.at:%d/%m/%Y}", who=last.who
    )
    if record.awaiting_printer:
        text += QCoreApplication.translate(
            "LetterDialog", " - waiting for the printer {printer}: not counted as sent yet"
        ).format(printer=record.awaiting_printer)
    elif record.status is LetterStatus.APPROVED:
        text += QCoreApplication.translate("LetterDialog", " - not printed yet")
    return text


def _print_detail(detail: str) -> str:
    """ "on Office (job 12), pages 2-3" from a print step's logged detail."""
    try:
        values = json.loads(detail)
    except ValueError:
        return ""
    if not isinstance(values, dict) or "printer" not in values:
        return ""
    text = QCoreApplication.translate("LetterDialog", "on {printer}").format(
        printer=values["printer"]
    )
    if values.get("job") is not None:
        text += QCoreApplication.translate("LetterDialog", " (job {job})").format(job=values["job"])
    if values.get("pages"):
        text += QCoreApplication.translate("LetterDialog", ", pages {pages}").format(
            pages=values["pages"]
        )
    if values.get("state") in ("canceled", "aborted", "refused"):
        text += QCoreApplication.translate("LetterDialog", ": the job was {state}").format(
            state=values["state"]
        )
    return text


def _event_words(event: str) -> str:
    return (
        QCoreApplication.translate("LetterDialog", EVENT_WORDS[event])
        if event in EVENT_WORDS
        else event
    )


class LetterDialog(FormDialog):
    """One letter for one case. `letter_id` opens a logged letter instead of a new one."""

    def __init__(
        self,
        parent: QWidget | None,
        ws: Workspace,
        case_id: int,
        *,
        letter_id: int | None = None,
        template_key: str | None = None,
        on: date | None = None,
    ) -> None:
        super().__init__(
            parent,
            QCoreApplication.translate("LetterDialog", "Write letter")
            if letter_id is None
            else QCoreApplication.translate("LetterDialog", "Letter"),
        )
        self.ws, self.case_id = ws, case_id
        self.letter_id = letter_id
        self.draft: letters.LetterDraft | None = None
        self.changed = False
        self.resize(760, 0)

        self.template = add_row(
            self.form, QCoreApplication.translate("LetterDialog", "&Letter:"), QComboBox()
        )
        if letter_id is None:
            self._list_choices(letters.letter_choices(ws, case_id))
        else:
            for info in letters.letter_templates():
                self.template.addItem(shown(info.title_en), info.key)
        self.recipient = add_row(
            self.form,
            QCoreApplication.translate("LetterDialog", "Goes to:"),
            plain_label(),
            name=QCoreApplication.translate("LetterDialog", "Recipient"),
        )
        self.language = add_row(
            self.form,
            QCoreApplication.translate("LetterDialog", "Language:"),
            plain_label(),
            name=QCoreApplication.translate("LetterDialog", "Language"),
        )
        self.letter_date = add_row(
            self.form,
            QCoreApplication.translate("LetterDialog", "Letter &date:"),
            date_edit(on or today()),
        )
        self.details: dict[str, QWidget] = {}
        for name, text in DETAIL_LABELS.items():
            if name in ("respond_by", "first_letter_date"):
                widget: QWidget = date_edit(None, optional=True)
                widget.dateChanged.connect(self._schedule)
            elif name == "offence":
                widget = QLineEdit()
                widget.textChanged.connect(self._schedule)
            else:
                widget = QPlainTextEdit()
                widget.setTabChangesFocus(True)
                widget.setFixedHeight(64)
                widget.textChanged.connect(self._schedule)
            self.details[name] = add_row(
                self.form, QCoreApplication.translate("LetterDialog", text), widget
            )
        for widget in (self.recipient, self.language):
            widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.check = plain_label()
        self.check.setWordWrap(True)
        self.check.setAccessibleName(QCoreApplication.translate("LetterDialog", "Letter check"))
        self.check.setTextFormat(Qt.TextFormat.PlainText)
        self.layout().insertWidget(1, self.check)
        self.layout().insertStretch(3, 1)  # spare height below the check, not between rows

        self.buttons.clear()
        role = QDialogButtonBox.ButtonRole.ActionRole
        self.preview_button = self._button(
            QCoreApplication.translate("LetterDialog", "Pre&view…"), self.preview, role
        )
        self.draft_button = self._button(
            QCoreApplication.translate("LetterDialog", "Save dr&aft"), self.save_draft, role
        )
        self.approve_button = self._button(
            QCoreApplication.translate("LetterDialog", "A&pprove"), self.approve, role
        )
        self.print_button = self._button(
            QCoreApplication.translate("LetterDialog", "P&rint…"), lambda: self.print_letter(), role
        )
        self.pdf_button = self._button(
            QCoreApplication.translate("LetterDialog", "Save PD&F…"), self.save_pdf, role
        )
        self.phone_button = self._button(
            QCoreApplication.translate("LetterDialog", "P&hone task instead"),
            self.phone_instead,
            role,
        )
        self._button(
            QCoreApplication.translate("LetterDialog", "Close"),
            self.reject,
            QDialogButtonBox.ButtonRole.RejectRole,
        )

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self.letter_date.dateChanged.connect(self._schedule)
        self.jobs = printing.JobWatch(self, ws)
        self.jobs.changed.connect(self._printer_answered)
        if letter_id is not None:
            # Its print job may have ended since: ask the print system before showing it.
            self.changed = (
                self._run(letters.settle_print_jobs, ws, letter_ids=[letter_id]) is not None
            )
            self._show_logged()
        else:
            if template_key is not None:
                self.template.setCurrentIndex(max(0, self.template.findData(template_key)))
            self.template.currentIndexChanged.connect(self._template_changed)
            self._template_changed()

    def _list_choices(self, choices: tuple[letters.LetterChoice, ...]) -> None:
        """The letters the case's open tasks call for first (the first is chosen), then
        the others; one that does not fit the case says why, in the list itself."""
        previous = None
        for choice in choices:
            group = "task" if choice.for_task else "unfit" if choice.why_not else "other"
            if previous is not None and group != previous:
                self.template.insertSeparator(self.template.count())
            previous = group
            tip = ""
            if choice.for_task is not None:
                task = choice.for_task
                text = QCoreApplication.translate(
                    "LetterDialog", "{letter}  (for the open task due {date})"
                ).format(letter=shown(choice.title), date=fmt_date(task.due_on))
                tip = f"{text}: {shown(task.title)}"
            elif choice.why_not:
                text = QCoreApplication.translate(
                    "LetterDialog", "{letter}  (does not fit: {why})"
                ).format(letter=shown(choice.title), why=shown(choice.why_not))
            else:
                text = shown(choice.title)
            self.template.addItem(text, choice.key)
            row = self.template.count() - 1
            self.template.setItemData(row, tip or text, Qt.ItemDataRole.ToolTipRole)
        # Long entries are read in the open list; the closed box keeps the dialog's width.
        self.template.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.template.setMinimumContentsLength(50)
        self.template.view().setTextElideMode(Qt.TextElideMode.ElideNone)
        self.template.view().setMinimumWidth(self.template.view().sizeHintForColumn(0) + 24)

    def _button(self, text: str, slot, role) -> QPushButton:
        button = self.buttons.addButton(text, role)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    # --- a new letter -----------------------------------------------------------------

    @property
    def template_key(self) -> str:
        return self.template.currentData()

    def _template_changed(self) -> None:
        """Ask only for what this letter uses, filled in with what the case suggests."""
        try:
            wording = letters.template_wording(self.ws, self.template_key, self._language())
            used = letters.fields_used(wording.body) | {"personal_note"}
            suggested = letters.suggest_details(
                self.ws, self.case_id, self.template_key, on=self._on()
            )
        except DomainError as exc:
            self._show_error(str(exc))
            return
        for name, widget in self.details.items():
            self.form.setRowVisible(widget, name in used)
            self._set_value(name, widget, getattr(suggested, name))
        self.refresh()

    def _language(self):
        return letters.case_summary(self.ws, self.case_id)[1]

    def _on(self) -> date:
        return date_of(self.letter_date) or today()

    @staticmethod
    def _set_value(name: str, widget: QWidget, value) -> None:
        widget.blockSignals(True)
        if name in ("respond_by", "first_letter_date"):
            widget.setDate(
                QDate(value.year, value.month, value.day) if value else widget.minimumDate()
            )
        elif name == "conditions":
            widget.setPlainText("\n".join(value))
        elif isinstance(widget, QLineEdit):
            widget.setText(value)
        else:
            widget.setPlainText(value)
        widget.blockSignals(False)

    def _details(self) -> letters.LetterDetails:
        values = {}
        for name, widget in self.details.items():
            if not self.form.isRowVisible(widget):
                continue
            if name in ("respond_by", "first_letter_date"):
                values[name] = date_of(widget)
            elif name == "conditions":
                values[name] = tuple(
                    line.strip() for line in widget.toPlainText().splitlines() if line.strip()
                )
            elif isinstance(widget, QLineEdit):
                values[name] = widget.text().strip()
            else:
                values[name] = widget.toPlainText().strip()
        return letters.LetterDetails(**values)

    def _schedule(self) -> None:
        if self.letter_id is None:
            self._timer.start()

    def refresh(self) -> None:
        """Build and check the letter again from what is on screen."""
        self._timer.stop()
        if self.letter_id is not None:
            return
        try:
            self.draft = letters.prepare_letter(
                self.ws, self.case_id, self.template_key, on=self._on(), details=self._details()
            )
        except DomainError as exc:
            self.draft = None
            self._show_error(str(exc))
            return
        draft = self.draft
        self.recipient.setText(
            f"{draft.recipient_name}\n"
            + (
                draft.address_text
                or QCoreApplication.translate("LetterDialog", "No postal address on file")
            )
        )
        self.language.setText(label(draft.language))
        lines = []
        if draft.ok:
            lines.append(
                QCoreApplication.translate(
                    "LetterDialog",
                    "Ready to approve. Checked against the case: the address is safe and"
                    " current, and the letter gives no prison or hospital name, exact release"
                    " date, offender address or other victim's details.",
                )
            )
        else:
            lines.append(QCoreApplication.translate("LetterDialog", "Cannot be approved:"))
            lines += [f"• {shown(r.removeprefix('Blocked: '))}" for r in draft.reasons]
        lines += [
            QCoreApplication.translate("LetterDialog", "Note: {warning}").format(warning=w)
            for w in draft.warnings
        ]
        self.check.setText("\n".join(lines))
        self.check.setStyleSheet("" if draft.ok else "font-weight: bold;")
        self.error.hide()
        self._enable()

    def _enable(self) -> None:
        record = letters.get_letter(self.ws, self.letter_id) if self.letter_id else None
        status = record.status if record else None
        new = self.letter_id is None
        self.preview_button.setEnabled(
            (new and self.draft is not None and self.draft.rendered is not None)
            or status not in (None, LetterStatus.WITHDRAWN)
        )
        self.draft_button.setEnabled(
            new and self.draft is not None and self.draft.rendered is not None
        )
        self.approve_button.setEnabled(
            (new and self.draft is not None and self.draft.ok) or status is LetterStatus.DRAFT
        )
        producible = status in (LetterStatus.APPROVED, LetterStatus.PRINTED)
        self.print_button.setEnabled(producible)
        self.pdf_button.setEnabled(producible)
        self.print_button.setText(
            QCoreApplication.translate("LetterDialog", "P&rint again…")
            if status is LetterStatus.PRINTED
            else QCoreApplication.translate("LetterDialog", "P&rint…")
        )
        self.phone_button.setVisible(new and self.draft is not None and self.draft.do_not_post)
        for widget in (self.template, self.letter_date, *self.details.values()):
            widget.setEnabled(new)

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    # --- a logged letter --------------------------------------------------------------

    def _show_logged(self) -> None:
        record = letters.get_letter(self.ws, self.letter_id)
        self.template.setCurrentIndex(max(0, self.template.findData(record.template)))
        self.recipient.setText(record.recipient)
        self.language.setText(label(record.language))
        if record.letter_date:
            d = record.letter_date
            self.letter_date.setDate(QDate(d.year, d.month, d.day))
        for widget in self.details.values():
            self.form.setRowVisible(widget, False)
        steps = [
            QCoreApplication.translate("LetterDialog", "{step} {time} UTC by {who}").format(
                step=_event_words(e.event), time=f"{e.at:%d/%m/%Y %H:%M}", who=e.who
            )
            + (f": {e.detail}" if e.event in ("withdrawn", "returned") and e.detail else "")
            + (f" {_print_detail(e.detail)}" if e.event in _PRINT_EVENTS and e.detail else "")
            for e in record.events
        ]
        self.check.setText(
            f"{record.title} - {status_words(record)}\n"
            + QCoreApplication.translate("LetterDialog", "Wording version {version}").format(
                version=record.template_version
            )
            + "\n\n"
            + "\n".join(steps)
        )
        self._enable()

    def _rendered_html(self) -> str | None:
        if self.letter_id is not None:
            try:
                return letters.rendered_letter(self.ws, self.letter_id).html
            except DomainError as exc:
                self._show_error(str(exc))
                return None
        if self.draft is None or self.draft.rendered is None:
            return None
        return self.draft.rendered.html

    # --- actions ----------------------------------------------------------------------

    def _producible(self) -> bool:
        if self.letter_id is None:
            return False
        status = letters.get_letter(self.ws, self.letter_id).status
        return status in (LetterStatus.APPROVED, LetterStatus.PRINTED)

    def preview_dialog(self) -> printing.PrintPreview | None:
        """The print preview: drawn by the same routine that prints and writes the PDF.
        Its Print… is this dialog's Print… (the same gate); a letter not approved cannot
        be printed from it."""
        html = self._rendered_html()
        if html is None:
            return None
        producible = self._producible()
        if producible:
            why_not = ""
        elif self.draft is not None and not self.draft.ok:
            why_not = QCoreApplication.translate(
                "LetterDialog", "This letter cannot be printed: {reasons}"
            ).format(
                reasons=" ".join(shown(r.removeprefix("Blocked: ")) for r in self.draft.reasons)
            )
        else:
            why_not = QCoreApplication.translate(
                "LetterDialog", "Approve the letter before printing it."
            )
        mark = documents.watermark(self.ws)
        dialog = printing.PrintPreview(
            self,
            QCoreApplication.translate("LetterDialog", "Preview - {letter}").format(
                letter=letters.template_info(self.template_key).title_en
            ),
            lambda device: paint_into(device, html, watermark=mark),
            print_route=(lambda: self.print_letter(dialog)) if producible else None,
            why_not=why_not,
        )
        dialog.setAccessibleName(QCoreApplication.translate("LetterDialog", "Letter preview"))
        return dialog

    def preview(self) -> None:
        dialog = self.preview_dialog()
        if dialog is not None:
            dialog.exec()

    def _logged(self, changed: Changed | None) -> None:
        if changed is not None:
            self.changed = True
            self.letter_id = changed.record_id
            self._show_logged()

    def _run(self, fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except DomainError as exc:
            self._show_error(str(exc))
            if self.letter_id is not None:
                self.changed = True  # e.g. withdrawn when blocked at printing
                self._show_logged()
            return None

    def save_draft(self) -> None:
        if self.draft is not None:
            self._logged(self._run(letters.save_draft, self.ws, self.draft))

    def approve(self) -> None:
        if self.letter_id is not None:
            self._logged(self._run(letters.approve_saved, self.ws, self.letter_id))
        elif self.draft is not None:
            self._logged(self._run(letters.approve_letter, self.ws, self.draft))

    def choose_printer(self, parent: QWidget | None = None) -> QPrinter | None:
        """Ask which printer and pages; DomainError when there is no printer."""
        return printing.choose_printer(parent or self)

    def choose_pdf_path(self, suggested: str) -> Path | None:
        """Ask where to save a copy (tests replace this)."""
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        path, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("LetterDialog", "Save letter as PDF"),
            str(Path(documents) / suggested),  # the user's documents, not the working folder
            QCoreApplication.translate("LetterDialog", "PDF files (*.pdf)"),
        )
        return Path(path) if path else None

    def print_letter(self, preview: printing.PrintPreview | None = None) -> None:
        """Print… here and in the preview: the letter service's gate checks the letter
        against the case as it is now, prints it and logs the printer and the job."""
        if self.letter_id is None:
            return
        try:
            printer = self.choose_printer(preview)
        except DomainError as exc:  # no printer at all: said in one line, nothing printed
            self._show_error(str(exc))
            if preview is not None:
                preview.say(str(exc))
            return
        if printer is None:
            return
        self.error.hide()
        done = self._run(
            letters.produce_letter,
            self.ws,
            self.letter_id,
            send_to_printer=printing.send_to(printer, watermark=documents.watermark(self.ws)),
        )
        if done is None:
            if preview is not None:
                preview.say(self.error.text())
                preview.print_action.setEnabled(self._producible())
            return
        self.changed = True
        self._show_logged()
        said = (
            printing.sent_words(done.job)
            + (
                QCoreApplication.translate(
                    "LetterDialog", " It counts as sent when the printer has finished it."
                )
                if done.awaiting_printer
                else ""
            )
            + " "
            + QCoreApplication.translate("LetterDialog", "A PDF is kept at {path}.").format(
                path=done.path
            )
        )
        self.check.setText(said)
        if preview is not None:
            preview.say(said)
        if done.awaiting_printer:
            self.jobs.watch([done.letter_id])

    def _printer_answered(self, changed: Changed) -> None:
        """The printer finished (or dropped) the job: the log says so now."""
        self.changed = True
        self._show_logged()

    def save_pdf(self) -> None:
        if self.letter_id is None or not confirm_unencrypted(self, self.ws, "the saved PDF"):
            return
        record = letters.get_letter(self.ws, self.letter_id)
        ref = letters.case_summary(self.ws, self.case_id)[0]
        path = self.choose_pdf_path(f"{ref}_{record.template}.pdf")
        if path is None:
            return
        done = self._run(letters.produce_letter, self.ws, self.letter_id, copy_to=path)
        if done is not None:
            self.changed = True
            self._show_logged()
            self.check.setText(
                QCoreApplication.translate(
                    "LetterDialog", "Saved {path}. A PDF is also kept at {kept}."
                ).format(path=path, kept=done.path)
            )

    def phone_instead(self) -> None:
        changed = self._run(letters.offer_phone_task, self.ws, self.case_id, self.template_key)
        if changed is not None:
            self.changed = True
            self.phone_button.setEnabled(False)
            self.check.setText(
                QCoreApplication.translate(
                    "LetterDialog",
                    "A task to phone the victim instead was added to the case. No letter is sent.",
                )
            )


class ReturnedDialog(FormDialog):
    """When a letter came back, and anything written on it."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(
            parent, QCoreApplication.translate("LetterDialog", "Letter returned undelivered")
        )
        self.on = add_row(
            self.form,
            QCoreApplication.translate("LetterDialog", "&Returned on:"),
            date_edit(today()),
        )
        self.note = add_row(
            self.form, QCoreApplication.translate("LetterDialog", "&Note:"), QLineEdit()
        )
        self.note.setPlaceholderText(
            QCoreApplication.translate(
                "LetterDialog", "e.g. 'Addressee gone away' written on the envelope"
            )
        )
        warning = plain_label(
            QCoreApplication.translate(
                "LetterDialog",
                "The address will be marked unsafe until it is checked, and a task to check"
                " it will be added.",
            )
        )
        warning.setWordWrap(True)
        self.form.addRow(warning)

    def build(self) -> tuple[date, str]:
        return date_of(self.on) or today(), self.note.text()


class WithdrawDialog(FormDialog):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent, QCoreApplication.translate("LetterDialog", "Withdraw letter"))
        self.reason = add_row(
            self.form, QCoreApplication.translate("LetterDialog", "&Why:"), QLineEdit()
        )

    def build(self) -> str:
        if not self.reason.text().strip():
            raise DomainError(
                QCoreApplication.translate("LetterDialog", "Say why the letter is withdrawn.")
            )
        return self.reason.text()


def write_letter_for_current(window: MainWindow) -> None:
    """Case menu: write a letter for the open case, or the one selected in the caseload."""
    case_id = window._current_case_id()
    if case_id is not None:
        write_letter(window, case_id)


def write_letter(window: MainWindow, case_id: int, template_key: str | None = None) -> None:
    dialog = LetterDialog(window, window.ws, case_id, template_key=template_key)
    dialog.exec()
    if dialog.changed:
        window._refresh(Changed((case_id,), "letter", dialog.letter_id))


def run_letter_action(window: MainWindow, case_id: int, action: str, letter_id: int = 0) -> None:
    """A case's letters tab asked for `action` ("write", "open", "pdf", "returned",
    "withdraw") on letter `letter_id`."""
    if action == "write":
        write_letter(window, case_id)
        return
    if action == "open":
        dialog = LetterDialog(window, window.ws, case_id, letter_id=letter_id)
        dialog.exec()
        if dialog.changed:
            window._refresh(Changed((case_id,), "letter", letter_id))
    elif action == "pdf":
        path = window._call(letters.kept_pdf, window.ws, letter_id)
        if path is not None:
            open_kept(window, window.ws, path)
    elif action == "returned":
        values = ReturnedDialog.ask(window)
        if values is not None:
            on, note = values
            window._refresh(
                window._call(lambda: letters.mark_returned(window.ws, letter_id, on=on, note=note))
            )
    elif action == "withdraw":
        reason = WithdrawDialog.ask(window)
        if reason is not None:
            window._refresh(window._call(letters.withdraw_letter, window.ws, letter_id, reason))


def describe(record) -> tuple[str, str, str, str, str, str]:
    """One row of the case's letter log."""
    return (
        fmt_date(record.letter_date),
        record.title,
        label(record.language),
        record.recipient,
        status_words(record),
        record.template_version,
    )
