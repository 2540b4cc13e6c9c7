"""Reviewing a batch of official date changes before anything is recorded.

The review lists every change and every victim who would be told (and who would not,
with the reason). Nothing is recorded until the VLO confirms; a batch over the threshold
asks a second time, by typing the number of cases it changes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

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

from vcs_app.domain.model import ValidationError, label
from vcs_app.qt.dialogs.forms import FormDialog
from vcs_app.qt.widgets import RowsModel, add_row, plain_label, table_view
from vcs_app.qt.workers import Progress, run_in_background
from vcs_app.services import bulk_dates
from vcs_app.services.bulk_dates import SECOND_CONFIRMATION_PERCENT, BatchResult, BatchReview
from vcs_app.services.workspace import worker_workspace

if TYPE_CHECKING:
    from vcs_app.qt.main_window import MainWindow

HEADERS = ["Line", "Offender", "Change", "Case", "Victim", "Contact level", "Told?", "Why"]


def review_rows(review: BatchReview) -> list[tuple[object, ...]]:
    """One row per change and case; a change with no case still shows (nobody to tell)."""
    rows: list[tuple[object, ...]] = []
    for change in review.changes:
        offender = f"{change.offender_name} ({change.offender_ref})"
        if not change.recipients:
            rows.append((change.row.line, offender, change.what, "—", "—", "—", "No", "no case"))
        for r in change.recipients:
            rows.append(
                (
                    change.row.line,
                    offender,
                    change.what,
                    r.case_ref,
                    r.victim,
                    label(r.contact_level),
                    "YES - task" if r.will_notify else "No",
                    r.reason,
                )
            )
    return rows


class BulkReviewDialog(QDialog):
    """The review screen: summary, problems, and every victim who would be told."""

    def __init__(self, parent: QWidget | None, review: BatchReview) -> None:
        super().__init__(parent)
        self.review = review
        title = f"Review official date changes — {review.file_name or 'file'}"
        self.setWindowTitle(title)
        self.setAccessibleName("Review official date changes")
        self.summary = plain_label(review.summary())
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Summary")
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        self.warning = plain_label()
        self.warning.setWordWrap(True)
        self.warning.setFrameShape(QFrame.Shape.Box)
        self.warning.setMargin(6)
        self.warning.setAccessibleName("Warning")
        if review.needs_second_confirmation:
            self.warning.setText(
                f"⚠ LARGE BATCH: this changes official dates on {review.affected_cases:,} of"
                f" {review.open_cases:,} open cases ({review.share_percent:.1f}%), more than"
                f" {SECOND_CONFIRMATION_PERCENT}%. Check the file is the right one: a false bulk"
                " release notice is the worst mistake this system can make. You will be asked"
                " to confirm a second time."
            )
            layout.addWidget(self.warning)
        self.problems = QListWidget()
        self.problems.setAccessibleName("Problems in the file")
        self.problems.addItems(list(review.problems))
        if review.problems:
            layout.addWidget(plain_label("Problems (correct the file and import it again):"))
            layout.addWidget(self.problems)
        self.model = RowsModel(HEADERS, review_rows(review))
        self.table = table_view(self.model, "Changes and the victims who would be told")
        for column, width in enumerate((45, 190, 210, 95, 150, 150, 80)):
            self.table.setColumnWidth(column, width)
        caption = plain_label("Every change, and every victim who would be told (or why not):")
        caption.setBuddy(self.table)
        layout.addWidget(caption)
        layout.addWidget(self.table, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.confirm = self.buttons.addButton(
            "&Confirm and create tasks", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.confirm.setAccessibleName("Confirm and create tasks")
        self.confirm.setEnabled(review.can_apply)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(1100, 600)

    @classmethod
    def ask(cls, parent: QWidget | None, review: BatchReview) -> bool:
        """Show the review; True when the VLO confirmed."""
        return cls(parent, review).exec() == QDialog.DialogCode.Accepted

    @classmethod
    def choose_file(cls, parent: QWidget | None) -> Path | None:
        """The CSV file of official date changes to review (None if cancelled)."""
        name, _ = QFileDialog.getOpenFileName(
            parent, "Import official date changes", "", "CSV files (*.csv);;All files (*)"
        )
        return Path(name) if name else None


class SecondConfirmationDialog(FormDialog):
    """The second confirmation of a large batch: type the number of cases it changes."""

    def __init__(self, parent: QWidget | None, review: BatchReview) -> None:
        super().__init__(parent, "Confirm a large batch")
        self._expected = review.affected_cases
        text = plain_label(
            f"This batch changes official dates on {review.affected_cases:,} of"
            f" {review.open_cases:,} open cases ({review.share_percent:.1f}%) and creates"
            f" {len(review.notifications):,} victim tasks. To record it, type the number of"
            f" cases: {review.affected_cases}."
        )
        text.setWordWrap(True)
        text.setAccessibleName("What you are confirming")
        self.form.addRow(text)
        self.typed = add_row(self.form, "&Number of cases:", QLineEdit())

    def build(self) -> int:
        typed = self.typed.text().strip().replace(",", "")
        if not typed.isdigit() or int(typed) != self._expected:
            raise ValidationError(
                f"Type {self._expected} (the number of cases this batch changes) to record it,"
                " or Cancel."
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
            f"Recorded {result.dates_recorded:,} official date change(s) (batch"
            f" {result.batch_id}); {result.tasks_created:,} victim task(s) created.",
            15_000,
        )

    run_in_background(window, "Recording official date changes", record, done)
