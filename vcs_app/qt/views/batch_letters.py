"""Batch letters: choose the cases and the letter, review the whole set (count,
recipients, language, and every blocked letter with its reasons), then approve and
produce them in the background with progress and cancel.

Opened as a tab beside the caseload, so the VLO keeps working while a batch prints.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from vcs_app.domain.model import DomainError
from vcs_app.domain.search import CaseloadQuery
from vcs_app.qt import printing
from vcs_app.qt.dialogs.kept_file import confirm_unencrypted
from vcs_app.qt.i18n import label
from vcs_app.qt.i18n import shown as in_interface_language
from vcs_app.qt.widgets import (
    Index,
    add_row,
    date_edit,
    date_of,
    plain_label,
    plain_tip,
    table_view,
    today,
)
from vcs_app.qt.workers import Job, run_in_background
from vcs_app.services import cases, documents, letters
from vcs_app.services.cases import Changed
from vcs_app.services.letter_settings import archive_folder
from vcs_app.services.workspace import Workspace, worker_workspace

if TYPE_CHECKING:
    from vcs_app.qt.main_window import MainWindow

SELECTED, SHOWN, DUE = "selected", "shown", "due"
COLUMNS = (
    QT_TRANSLATE_NOOP("BatchLettersView", "Case"),
    QT_TRANSLATE_NOOP("BatchLettersView", "Goes to"),
    QT_TRANSLATE_NOOP("BatchLettersView", "Address"),
    QT_TRANSLATE_NOOP("BatchLettersView", "Language"),
    QT_TRANSLATE_NOOP("BatchLettersView", "Letter"),
    QT_TRANSLATE_NOOP("BatchLettersView", "Check"),
)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


class ReviewModel(QAbstractTableModel):
    """The reviewed letters, one row each; optionally only the blocked ones."""

    def __init__(self) -> None:
        super().__init__()
        self._all: tuple[letters.LetterDraft, ...] = ()
        self._rows: tuple[letters.LetterDraft, ...] = ()
        self.blocked_only = False

    def set_review(self, review: letters.BatchReview | None) -> None:
        self.beginResetModel()
        self._all = review.drafts if review else ()
        self._rows = tuple(d for d in self._all if not d.ok) if self.blocked_only else self._all
        self.endResetModel()

    def show_blocked_only(self, only: bool) -> None:
        self.blocked_only = only
        self.beginResetModel()
        self._rows = tuple(d for d in self._all if not d.ok) if only else self._all
        self.endResetModel()

    def draft(self, row: int) -> letters.LetterDraft:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        d = self._rows[index.row()]
        if index.column() == 5:
            check = (
                QCoreApplication.translate("BatchLettersView", "Ready")
                if d.ok
                else QCoreApplication.translate("BatchLettersView", "BLOCKED: {reasons}").format(
                    reasons=" · ".join(_capital(r.removeprefix("Blocked: ")) for r in d.reasons)
                )
            )
            if d.warnings and role == Qt.ItemDataRole.ToolTipRole:
                check += "\n" + "\n".join(d.warnings)
            value = check
        else:
            value = (
                d.case_ref,
                d.recipient_name,
                d.address_text
                or QCoreApplication.translate("BatchLettersView", "No postal address on file"),
                label(d.language),
                d.title,
            )[index.column()]
        return plain_tip(value) if role == Qt.ItemDataRole.ToolTipRole else value

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("BatchLettersView", COLUMNS[section])
        return None


class BatchLettersView(QWidget):
    """The batch screen: set-up, review, production."""

    produced = Signal(object)  # Changed: the cases whose letters were logged

    def __init__(
        self,
        ws: Workspace,
        *,
        selected: list[int],
        shown: list[int] | Callable[[], tuple[list[int] | CaseloadQuery, int, str]],
        on: date | None = None,
    ) -> None:
        """`shown`: the caseload's cases, or (from the window) a function giving them as
        they are *when the check runs* (the caseload's query, read in the background: a
        national caseload is not read whole in the window), how many it finds, and the
        search and filters that produced them in words, so a search changed after the tab
        opened never leaves letters going to the old set."""
        super().__init__()
        self.ws = ws
        self.setAccessibleName(QCoreApplication.translate("BatchLettersView", "Batch letters"))
        self._shown = shown if callable(shown) else (lambda ids=list(shown): (ids, len(ids), ""))
        shown_ids, self._shown_count, _ = self._shown()
        self._ids = {SELECTED: list(selected), SHOWN: shown_ids}
        self.shown_from = ""  # the search and filters the last check's cases came from
        self.review: letters.BatchReview | None = None
        self.result: letters.BatchResult | None = None
        self.batch_id: int | None = None
        self.job: Job | None = None
        self.print_jobs = printing.JobWatch(self, ws)
        self.print_jobs.changed.connect(self._printer_answered)

        self.sources = QButtonGroup(self)
        source_row = QHBoxLayout()
        for key, text in (
            (
                SELECTED,
                QCoreApplication.translate("BatchLettersView", "&Selected cases ({count})").format(
                    count=f"{len(selected):,}"
                ),
            ),
            (SHOWN, self._shown_text(self._shown_count)),
            (DUE, QCoreApplication.translate("BatchLettersView", "Letters &due for tasks")),
        ):
            radio = QRadioButton(text)
            radio.setObjectName(key)
            radio.setAccessibleName(text.replace("&", ""))
            self.sources.addButton(radio)
            source_row.addWidget(radio)
        source_row.addStretch(1)
        (self._radio(SELECTED) if len(selected) > 1 else self._radio(SHOWN)).setChecked(True)
        self._radio(SELECTED).setEnabled(bool(selected))

        form = QFormLayout()
        self.template = add_row(
            form, QCoreApplication.translate("BatchLettersView", "&Letter:"), QComboBox()
        )
        for info in letters.letter_templates():
            self.template.addItem(in_interface_language(info.title_en), info.key)
        self.on = add_row(
            form,
            QCoreApplication.translate("BatchLettersView", "Letter date:"),
            date_edit(on or today()),
        )
        self.pdf_mode = QRadioButton(
            QCoreApplication.translate("BatchLettersView", "Save &PDF files in a folder")
        )
        self.print_mode = QRadioButton(
            QCoreApplication.translate(
                "BatchLettersView", "Pr&int them (a PDF of each is kept too)"
            )
        )
        self.pdf_mode.setChecked(True)
        self.pdf_mode.setAccessibleName(
            QCoreApplication.translate("BatchLettersView", "Save PDF files in a folder")
        )
        self.print_mode.setAccessibleName(
            QCoreApplication.translate("BatchLettersView", "Print them, keeping a PDF of each")
        )
        modes = QHBoxLayout()
        modes.addWidget(self.pdf_mode)
        modes.addWidget(self.print_mode)
        modes.addStretch(1)
        mode_label = plain_label(QCoreApplication.translate("BatchLettersView", "Produce as:"))
        form.addRow(mode_label, modes)
        self.folder = QLineEdit(str(self._default_folder()))
        browse = QPushButton(QCoreApplication.translate("BatchLettersView", "Bro&wse…"))
        browse.setAccessibleName(QCoreApplication.translate("BatchLettersView", "Choose folder"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        folder_label = plain_label(QCoreApplication.translate("BatchLettersView", "Folder:"))
        folder_label.setBuddy(self.folder)
        self.folder.setAccessibleName(
            QCoreApplication.translate("BatchLettersView", "Folder for the PDF files")
        )
        form.addRow(folder_label, folder_row)

        self.check_button = QPushButton(
            QCoreApplication.translate("BatchLettersView", "Chec&k letters")
        )
        self.check_button.setAccessibleName(
            QCoreApplication.translate("BatchLettersView", "Check letters")
        )
        self.check_button.clicked.connect(self.start_review)
        self.summary = plain_label(
            QCoreApplication.translate(
                "BatchLettersView", "Choose the cases and the letter, then check them."
            )
        )
        self.summary.setAccessibleName(
            QCoreApplication.translate("BatchLettersView", "Batch summary")
        )
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        self.blocked_only = QCheckBox(
            QCoreApplication.translate("BatchLettersView", "Show only &blocked letters")
        )
        self.blocked_only.setAccessibleName(
            QCoreApplication.translate("BatchLettersView", "Show only blocked letters")
        )
        self.model = ReviewModel()
        self.table = table_view(
            self.model, QCoreApplication.translate("BatchLettersView", "Letters in the batch")
        )
        self.blocked_only.toggled.connect(self.model.show_blocked_only)
        self.approve_button = QPushButton(
            QCoreApplication.translate("BatchLettersView", "&Approve and produce")
        )
        self.approve_button.setAccessibleName(
            QCoreApplication.translate("BatchLettersView", "Approve and produce")
        )
        self.approve_button.clicked.connect(self.approve_and_produce)
        self.phone_button = QPushButton(
            QCoreApplication.translate("BatchLettersView", "Add phone tasks for do-&not-post cases")
        )
        self.phone_button.setAccessibleName(
            QCoreApplication.translate("BatchLettersView", "Add phone tasks for do-not-post cases")
        )
        self.phone_button.clicked.connect(self.add_phone_tasks)
        self.resume_button = QPushButton(QCoreApplication.translate("BatchLettersView", "Resu&me"))
        self.resume_button.setAccessibleName(
            QCoreApplication.translate("BatchLettersView", "Resume producing")
        )
        self.resume_button.clicked.connect(self.resume)
        self.folder_button = QPushButton(
            QCoreApplication.translate("BatchLettersView", "&Open folder")
        )
        self.folder_button.setAccessibleName(
            QCoreApplication.translate("BatchLettersView", "Open the folder of PDFs")
        )
        self.folder_button.clicked.connect(self.open_folder)
        self.outcome = plain_label()
        self.outcome.setAccessibleName(
            QCoreApplication.translate("BatchLettersView", "Batch result")
        )
        self.outcome.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.check_button)
        top.addWidget(self.blocked_only)
        top.addStretch(1)
        actions = QHBoxLayout()
        for b in (self.approve_button, self.phone_button, self.resume_button, self.folder_button):
            actions.addWidget(b)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(source_row)
        layout.addLayout(form)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.outcome)

        self.sources.buttonToggled.connect(self._source_changed)
        self.pdf_mode.toggled.connect(self._update)
        self.template.currentIndexChanged.connect(self._invalidate)
        self.on.dateChanged.connect(self._invalidate)
        self._source_changed()

    # --- set-up -----------------------------------------------------------------------

    @staticmethod
    def _shown_text(count: int) -> str:
        return QCoreApplication.translate(
            "BatchLettersView", "All cases shown in the caseload ({count})"
        ).format(count=f"{count:,}")

    def _take_shown(self) -> list[int] | CaseloadQuery:
        """The caseload's cases as they are now (and what produced them): their ids, or
        the query that finds them (read in the background); none when it finds none."""
        ids, self._shown_count, self.shown_from = self._shown()
        self._ids[SHOWN] = ids
        radio = self._radio(SHOWN)
        radio.setText(self._shown_text(self._shown_count))
        radio.setAccessibleName(radio.text().replace("&", ""))
        return ids if self._shown_count else []

    def _radio(self, key: str) -> QRadioButton:
        return next(b for b in self.sources.buttons() if b.objectName() == key)

    @property
    def source(self) -> str:
        return self.sources.checkedButton().objectName()

    def _default_folder(self) -> Path:
        try:
            return archive_folder(self.ws) / "batches" / today().isoformat()
        except DomainError:
            return Path.home()

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self,
            QCoreApplication.translate("BatchLettersView", "Folder for the PDF files"),
            self.folder.text(),
        )
        if folder:
            self.folder.setText(folder)

    def _source_changed(self, *args) -> None:
        self.template.setEnabled(self.source != DUE)
        self._invalidate()

    def _invalidate(self) -> None:
        """A change to the set-up makes the last review stale."""
        if self.job is not None:
            return
        self.review = None
        self.model.set_review(None)
        self.summary.setText(
            QCoreApplication.translate(
                "BatchLettersView", "Choose the cases and the letter, then check them."
            )
        )
        self._update()

    def _update(self) -> None:
        busy = self.job is not None
        ready = self.review is not None and bool(self.review.ready) and self.batch_id is None
        self.approve_button.setEnabled(ready and not busy)
        if self.review is not None:
            self.approve_button.setText(
                QCoreApplication.translate(
                    "BatchLettersView", "&Approve and produce {count} letters"
                ).format(count=f"{len(self.review.ready):,}")
            )
        do_not_post = self.review is not None and any(d.do_not_post for d in self.review.drafts)
        self.phone_button.setEnabled(do_not_post and not busy)
        self.resume_button.setEnabled(
            not busy and self.result is not None and self.result.remaining > 0
        )
        folder = self.result_folder()
        self.folder_button.setEnabled(folder is not None and folder.is_dir())
        self.check_button.setEnabled(not busy)
        self.folder.setEnabled(self.pdf_mode.isChecked())

    # --- review -----------------------------------------------------------------------

    def start_review(self) -> Job | None:
        """Check every letter of the set in the background; nothing is saved."""
        source, key = self.source, self.template.currentData()
        on = date_of(self.on) or today()
        ids = self._take_shown() if source == SHOWN else self._ids.get(source, [])
        if source != DUE and not ids:
            self.summary.setText(
                QCoreApplication.translate(
                    "BatchLettersView", "No cases to write to: select cases in the caseload first."
                )
            )
            return None
        ws = self.ws

        def work(progress):
            with worker_workspace(ws) as mine:
                kwargs = {
                    "on": on,
                    "progress": progress.report,
                    "cancelled": lambda: progress.cancelled,
                }
                if source == DUE:
                    return letters.review_due(mine, **kwargs)
                chosen = cases.query_ids(mine, ids) if isinstance(ids, CaseloadQuery) else ids
                return letters.review_batch(mine, chosen, key, **kwargs)

        self.batch_id, self.result = None, None
        self.outcome.clear()
        return self._start(
            QCoreApplication.translate("BatchLettersView", "Checking letters"),
            work,
            self._show_review,
        )

    def _start(self, title: str, work, done) -> Job:
        def finished(value) -> None:
            done(value)

        self.job = run_in_background(self, title, work, finished)
        self.job.ended.connect(self._job_ended, Qt.ConnectionType.QueuedConnection)
        self._update()
        return self.job

    def _job_ended(self) -> None:
        self.job = None
        self._update()

    def _show_review(self, review: letters.BatchReview) -> None:
        self.review = review
        self.model.set_review(review)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(2, min(self.table.columnWidth(2), 260))  # room for reasons
        text = review.summary()
        if self.source == SHOWN:
            text += "\n" + QCoreApplication.translate(
                "BatchLettersView", "Cases: the {count} shown in the caseload when checked ({how})."
            ).format(count=f"{self._shown_count:,}", how=self.shown_from or "as listed")
        self.summary.setText(text)
        self._update()

    # --- approve and produce ----------------------------------------------------------

    def choose_printer(self) -> QPrinter | None:
        """Ask which printer; DomainError when the computer has none."""
        return printing.choose_printer(self)

    def _production(self, approve: bool):
        folder = Path(self.folder.text()).expanduser() if self.pdf_mode.isChecked() else None
        if folder is not None and not confirm_unencrypted(
            self, self.ws, f"each letter saved in {folder}"
        ):
            return None
        printer = None
        if not self.pdf_mode.isChecked():
            try:
                printer = self.choose_printer()
            except DomainError as exc:  # no printer at all: nothing is approved or printed
                self.outcome.setText(str(exc))
                return None
            if printer is None:
                return None
        ws, review, batch_id = self.ws, self.review, self.batch_id
        on = date_of(self.on) or today()
        mark = documents.watermark(ws)
        send = printing.send_to(printer, watermark=mark) if printer is not None else None

        def work(progress):
            nonlocal batch_id
            with worker_workspace(ws) as mine:
                if approve:
                    progress.report(
                        0,
                        len(review.ready),
                        QCoreApplication.translate("BatchLettersView", "Approving the letters…"),
                    )
                    batch_id = letters.approve_batch(mine, review)
                result = letters.produce_batch(
                    mine,
                    batch_id,
                    folder=folder,
                    flat_names=folder is not None,
                    send_to_printer=send,
                    on=on,
                    progress=progress.report,
                    cancelled=lambda: progress.cancelled,
                )
                return batch_id, result

        return work

    def approve_and_produce(self) -> Job | None:
        if self.review is None or not self.review.ready:
            return None
        work = self._production(approve=True)
        return (
            None
            if work is None
            else self._start(
                QCoreApplication.translate("BatchLettersView", "Producing letters"),
                work,
                self._show_result,
            )
        )

    def resume(self) -> Job | None:
        if self.batch_id is None:
            return None
        work = self._production(approve=False)
        return (
            None
            if work is None
            else self._start(
                QCoreApplication.translate("BatchLettersView", "Producing letters"),
                work,
                self._show_result,
            )
        )

    def _show_result(self, value) -> None:
        self.batch_id, self.result = value
        counts = letters.batch_counts(self.ws, self.batch_id)
        waiting = counts.get("approved", 0)
        text = self.result.summary() + "."
        if waiting:
            text += QCoreApplication.translate(
                "BatchLettersView",
                " {count} approved letters are not produced yet: Resume to finish them.",
            ).format(count=waiting)
        folder = self.result_folder()
        if folder is not None:
            text += QCoreApplication.translate("BatchLettersView", " PDFs are in {folder}.").format(
                folder=folder
            )
        self.outcome.setText(text)
        link_ids = tuple(dict.fromkeys(p.link_id for p in self.result.produced))
        self.produced.emit(Changed(link_ids, "letter"))
        self.print_jobs.watch([p.letter_id for p in self.result.produced if p.awaiting_printer])
        self._update()

    def _printer_answered(self, changed: Changed) -> None:
        """A printer finished (or dropped) letters of the batch: say how many are sent."""
        if self.batch_id is not None and self.result is not None:
            counts = letters.batch_counts(self.ws, self.batch_id)
            waiting = sum(
                1
                for p in self.result.produced
                if letters.get_letter(self.ws, p.letter_id).awaiting_printer
            )
            self.outcome.setText(
                QCoreApplication.translate(
                    "BatchLettersView",
                    "{printed} letters printed or saved, {waiting} waiting for the printer,"
                    " {approved} approved and not printed.",
                ).format(
                    printed=counts.get("printed", 0) - waiting,
                    waiting=waiting,
                    approved=counts.get("approved", 0),
                )
            )
        self.produced.emit(changed)
        self._update()

    def result_folder(self) -> Path | None:
        """The folder holding the PDFs the last run kept (whether saved or printed)."""
        if self.result is None or not self.result.produced:
            return None
        return Path(os.path.commonpath([p.path.parent for p in self.result.produced]))

    def add_phone_tasks(self) -> None:
        if self.review is None:
            return
        link_ids = []
        for draft in self.review.drafts:
            if draft.do_not_post:
                letters.offer_phone_task(
                    self.ws, draft.link_id, draft.template_key, on=draft.letter_date
                )
                link_ids.append(draft.link_id)
        self.outcome.setText(
            QCoreApplication.translate(
                "BatchLettersView", "Added a phone task for {count} do-not-post cases."
            ).format(count=len(link_ids))
        )
        self.phone_button.setEnabled(False)
        self.produced.emit(Changed(tuple(link_ids), "task"))

    def open_folder(self) -> bool:
        folder = self.result_folder()
        if folder is None or not folder.is_dir():
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def selected_case_ids(window: MainWindow) -> list[int]:
    """The cases selected in the caseload table, in table order."""
    table, model = window.caseload.table, window.caseload.model
    rows = sorted({i.row() for i in table.selectionModel().selectedRows()})
    return [model.case_id(r) for r in rows]


def open_batch_letters(window: MainWindow) -> BatchLettersView:
    """Open (or bring forward) the batch letters tab for the caseload's selection."""
    view = BatchLettersView(
        window.ws, selected=selected_case_ids(window), shown=window.caseload.shown_cases
    )
    view.produced.connect(window._refresh)
    window.tabs.addTab(view, QCoreApplication.translate("BatchLettersView", "Batch letters"))
    window.tabs.setCurrentWidget(view)
    return view


SCREENSHOT_VIEWS = ("letter_preview", "batch_review")


def screenshot_letters(db: Path, out: Path, *, view: str, size=(1280, 800)) -> None:
    """Offscreen pictures of the letter preview and the batch review, for the docs."""
    from PySide6.QtWidgets import QApplication

    from vcs_app.qt.dialogs.letter import LetterDialog
    from vcs_app.qt.main_window import MainWindow
    from vcs_app.services import cases
    from vcs_app.services.workspace import open_workspace

    app = QApplication.instance() or QApplication([])
    ws = open_workspace(db)
    try:
        window = MainWindow(ws, remember_layout=False)
        window.resize(*size)
        window.show()
        key = "key_date_update"
        review = letters.review_batch(ws, cases.caseload_ids(ws), key)
        if view == "letter_preview":
            if not review.ready:
                raise DomainError(
                    QCoreApplication.translate(
                        "BatchLetters", "no case in {db} is ready for the letter '{key}'"
                    ).format(db=db, key=key)
                )
            dialog = LetterDialog(window, ws, review.ready[0].link_id, template_key=key)
            target = dialog.preview_dialog()
            target.resize(*size)
        else:
            target = window
            batch = open_batch_letters(window)
            batch.template.setCurrentIndex(batch.template.findData(key))
            batch._show_review(review)
            batch.table.selectRow(0)
        target.show()
        for _ in range(5):
            app.processEvents()
        out.parent.mkdir(parents=True, exist_ok=True)
        if not target.grab().save(str(out)):
            raise DomainError(
                QCoreApplication.translate("BatchLetters", "could not write {out}").format(out=out)
            )
        target.close()
        window.close()
    finally:
        ws.close()
