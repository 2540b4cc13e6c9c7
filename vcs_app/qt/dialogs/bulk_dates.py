"""Reviewing a batch of official date changes before anything is recorded.

The review lists every change and every victim who would be told (and who would not,
with the reason). Nothing is recorded until the VLO confirms; a batch over the threshold
asks a second time, by typing the number of cases it changes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from vcs_app.domain.model import ValidationError
from vcs_app.qt.dialogs.forms import FormDialog
from vcs_app.qt.i18n import label, shown
from vcs_app.qt.widgets import (
    RowsModel,
    add_row,
    plain_label,
    set_widths,
    tab_in_reading_order,
    table_view,
)
from vcs_app.qt.workers import Progress, run_in_background
from vcs_app.services import bulk_dates
from vcs_app.services.bulk_dates import SECOND_CONFIRMATION_PERCENT, BatchResult, BatchReview
from vcs_app.services.workspace import worker_workspace

if TYPE_CHECKING:
    from vcs_app.qt.main_window import MainWindow

HEADERS = (
    QT_TRANSLATE_NOOP("BulkReviewDialog", "Line"),
    QT_TRANSLATE_NOOP("BulkReviewDialog", "Offender"),
    QT_TRANSLATE_NOOP("BulkReviewDialog", "Change"),
    QT_TRANSLATE_NOOP("BulkReviewDialog", "Case"),
    QT_TRANSLATE_NOOP("BulkReviewDialog", "Victim"),
    QT_TRANSLATE_NOOP("BulkReviewDialog", "Contact level"),
    QT_TRANSLATE_NOOP("BulkReviewDialog", "Told?"),
    QT_TRANSLATE_NOOP("BulkReviewDialog", "Why"),
)


def review_rows(review: BatchReview) -> list[tuple[object, ...]]:
    """One row per change and case; a change with no case still shows (nobody to tell)."""
    rows: list[tuple[object, ...]] = []
    for change in review.changes:
        offender = f"{change.offender_name} ({change.offender_ref})"
        if not change.recipients:
            no = QCoreApplication.translate("BulkReviewDialog", "No")
            no_case = QCoreApplication.translate("BulkReviewDialog", "no case")
            rows.append((change.row.line, offender, shown(change.what), "—", "—", "—", no, no_case))
        for r in change.recipients:
            rows.append(
                (
                    change.row.line,
                    offender,
                    shown(change.what),
                    r.case_ref,
                    r.victim,
                    shown(label(r.contact_level)),
                    QCoreApplication.translate("BulkReviewDialog", "YES - task")
                    if r.will_notify
                    else QCoreApplication.translate("BulkReviewDialog", "No"),
                    shown(r.reason),
                )
            )
    return rows


class BulkReviewDialog(QDialog):
    """The review screen: summary, problems, and every victim who would be told."""

    def __init__(self, parent: QWidget | None, review: BatchReview) -> None:
        super().__init__(parent)
        self.review = review
        title = QCoreApplication.translate(
            "BulkReviewDialog", "Review official date changes — {file}"
        ).format(file=review.file_name or QCoreApplication.translate("BulkReviewDialog", "file"))
        self.setWindowTitle(title)
        self.setAccessibleName(
            QCoreApplication.translate("BulkReviewDialog", "Review official date changes")
        )
        self.summary = plain_label(shown(review.summary()))
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(QCoreApplication.translate("BulkReviewDialog", "Summary"))
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        self.warning = plain_label()
        self.warning.setWordWrap(True)
        self.warning.setFrameShape(QFrame.Shape.Box)
        self.warning.setMargin(6)
        self.warning.setAccessibleName(QCoreApplication.translate("BulkReviewDialog", "Warning"))
        if review.needs_second_confirmation:
            self.warning.setText(
                QCoreApplication.translate(
                    "BulkReviewDialog",
                    "⚠ LARGE BATCH: this changes official dates on {affected_cases:,} of "
                    "{open_cases:,} open cases ({share_percent:.1f}%), more than "
                    "{limit}%. Check the file is the right one: a "
                    "false bulk release notice is the worst mistake this system can make. "
                    "You will be asked to confirm a second time.",
                ).format(
                    affected_cases=review.affected_cases,
                    open_cases=review.open_cases,
                    share_percent=review.share_percent,
                    limit=SECOND_CONFIRMATION_PERCENT,
                )
            )
            layout.addWidget(self.warning)
        self.problems = QListWidget()
        self.problems.setAccessibleName(
            QCoreApplication.translate("BulkReviewDialog", "Problems in the file")
        )
        self.problems.addItems(list(review.problems))
        if review.problems:
            layout.addWidget(
                plain_label(
                    QCoreApplication.translate(
                        "BulkReviewDialog", "Problems (correct the file and import it again):"
                    )
                )
            )
            layout.addWidget(self.problems)
        self.model = RowsModel(
            [QCoreApplication.translate("BulkReviewDialog", h) for h in HEADERS],
            review_rows(review),
        )
        self.table = table_view(
            self.model,
            QCoreApplication.translate(
                "BulkReviewDialog", "Changes and the victims who would be told"
            ),
        )
        set_widths(self.table, (45, 190, 210, 95, 150, 150, 80))
        caption = plain_label(
            QCoreApplication.translate(
                "BulkReviewDialog", "Every change, and every victim who would be told (or why not):"
            )
        )
        caption.setBuddy(self.table)
        layout.addWidget(caption)
        layout.addWidget(self.table, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.confirm = self.buttons.addButton(
            QCoreApplication.translate("BulkReviewDialog", "&Confirm and create tasks"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.confirm.setAccessibleName(
            QCoreApplication.translate("BulkReviewDialog", "Confirm and create tasks")
        )
        self.confirm.setEnabled(review.can_apply)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(1100, 600)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        tab_in_reading_order(self)  # the dialog's own buttons were made before its table

    @classmethod
    def ask(cls, parent: QWidget | None, review: BatchReview) -> bool:
        """Show the review; True when the VLO confirmed."""
        return cls(parent, review).exec() == QDialog.DialogCode.Accepted

    @classmethod
    def choose_file(cls, parent: QWidget | None) -> Path | None:
        """The CSV file of official date changes to review (None if cancelled)."""
        name, _ = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("BulkReviewDialog", "Import official date changes"),
            "",
            QCoreApplication.translate("BulkReviewDialog", "CSV files (*.csv);;All files (*)"),
        )
        return Path(name) if name else None


class SecondConfirmationDialog(FormDialog):
    """The second confirmation of a large batch: type the number of cases it changes."""

    def __init__(self, parent: QWidget | None, review: BatchReview) -> None:
        super().__init__(
            parent, QCoreApplication.translate("SecondConfirmationDialog", "Confirm a large batch")
        )
        self._expected = review.affected_cases
        text = plain_label(
            QCoreApplication.translate(
                "SecondConfirmationDialog",
                "This batch changes official dates on {affected_cases:,} of "
                "{open_cases:,} open cases ({share_percent:.1f}%) and creates {len:,} "
                "victim tasks. To record it, type the number of cases: "
                "{affected_cases}.",
            ).format(
                affected_cases=review.affected_cases,
                open_cases=review.open_cases,
                share_percent=review.share_percent,
                len=len(review.notifications),
            )
        )
        text.setWordWrap(True)
        text.setAccessibleName(
            QCoreApplication.translate("SecondConfirmationDialog", "What you are confirming")
        )
        self.form.addRow(text)
        self.typed = add_row(
            self.form,
            QCoreApplication.translate("SecondConfirmationDialog", "&Number of cases:"),
            QLineEdit(),
        )

    def build(self) -> int:
        typed = self.typed.text().strip().replace(",", "")
        if not typed.isdigit() or int(typed) != self._expected:
            raise ValidationError(
                QCoreApplication.translate(
                    "SecondConfirmationDialog",
                    "Type {count} (the number of cases this batch changes) to record it,"
                    " or Cancel.",
                ).format(count=self._expected)
            )
        return int(typed)


# --- the command the main window's menu runs ------------------------------------------


def import_date_changes(window: MainWindow) -> None:
    """Choose a CSV file, review it off the GUI thread, then confirm (twice if large)."""
    path = BulkReviewDialog.choose_file(window)
    if path is None:
        return

    def review(progress: Progress) -> BatchReview:
        with worker_workspace(window.ws) as mine:
            return bulk_dates.review_file(mine, path)

    run_in_background(
        window,
        "Reviewing official date changes",
        review,
        lambda result: confirm_date_changes(window, result),
    )


def confirm_date_changes(window: MainWindow, review: BatchReview) -> None:
    """Show the review; on confirmation record the batch in the background."""
    if not BulkReviewDialog.ask(window, review):
        return
    confirmed = None
    if review.needs_second_confirmation:
        confirmed = SecondConfirmationDialog.ask(window, review)
        if confirmed is None:
            return

    def record(progress: Progress) -> BatchResult:
        with worker_workspace(window.ws) as mine:
            return bulk_dates.apply_date_changes(
                mine, review, confirmed_cases=confirmed, progress=progress
            )

    def done(result: BatchResult) -> None:
        window._refresh(result.changed)
        window.statusBar().showMessage(
            QCoreApplication.translate(
                "BulkDates",
                "Recorded {dates_recorded:,} official date change(s) (batch "
                "{batch_id}); {tasks_created:,} victim task(s) created.",
            ).format(
                dates_recorded=result.dates_recorded,
                batch_id=result.batch_id,
                tasks_created=result.tasks_created,
            ),
            15_000,
        )

    run_in_background(window, "Recording official date changes", record, done)
