"""Import referrals from a CSV file: check first, preview every row, then import.

Checking and importing run off the GUI thread (qt.workers) with progress and Cancel.
The check is a full import that is always rolled back, so the preview shows exactly what
the import will do (the import refuses a file that changed since). If any row has a
problem the import keeps nothing, unless the user presses the separate, explicit "Import
only the good rows". The file is read as a stream, never held whole; of a file with many
bad rows the first 100 are listed, and the rest counted.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vcs_app.qt.dialogs.duplicates import DuplicatesDialog
from vcs_app.qt.widgets import Index, plain_label, plain_tip, table_view
from vcs_app.qt.workers import Job, run_in_background
from vcs_app.services import referral_import
from vcs_app.services.intake import SEPARATE, MatchDecision
from vcs_app.services.referral_import import ImportReport, MatchPolicy, RowResult, RowStatus
from vcs_app.services.workspace import Workspace, worker_workspace

HEADERS = (
    QT_TRANSLATE_NOOP("ImportDialog", "Line"),
    QT_TRANSLATE_NOOP("ImportDialog", "Status"),
    QT_TRANSLATE_NOOP("ImportDialog", "Victim"),
    QT_TRANSLATE_NOOP("ImportDialog", "Offender"),
    QT_TRANSLATE_NOOP("ImportDialog", "Offence"),
    QT_TRANSLATE_NOOP("ImportDialog", "Details"),
)
STATUS_WORDS = {
    RowStatus.OK: QT_TRANSLATE_NOOP("ImportDialog", "Ready"),
    RowStatus.PROBLEM: QT_TRANSLATE_NOOP("ImportDialog", "PROBLEM"),
    RowStatus.DUPLICATE: QT_TRANSLATE_NOOP("ImportDialog", "Possible duplicate"),
}
POLICIES = (
    (MatchPolicy.ASK, QT_TRANSLATE_NOOP("ImportDialog", "Stop: let me compare each row")),
    (
        MatchPolicy.MERGE,
        QT_TRANSLATE_NOOP("ImportDialog", "Merge with the one matching record on file"),
    ),
    (MatchPolicy.SEPARATE, QT_TRANSLATE_NOOP("ImportDialog", "Keep separate: add new records")),
)


def _decided(decision: MatchDecision) -> str:
    parts = []
    for separate, merge, choice in (
        (
            QCoreApplication.translate("ImportDialog", "keep victim separate"),
            QCoreApplication.translate("ImportDialog", "merge victim"),
            decision.victim,
        ),
        (
            QCoreApplication.translate("ImportDialog", "keep offender separate"),
            QCoreApplication.translate("ImportDialog", "merge offender"),
            decision.offender,
        ),
    ):
        if choice == SEPARATE:
            parts.append(separate)
        elif choice is not None:
            parts.append(merge)
    return QCoreApplication.translate("ImportDialog", "Your choice: {choices}").format(
        choices=", ".join(parts)
    )


class PreviewModel(QAbstractTableModel):
    """One row per CSV row checked; the status is a word, never just a colour."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[RowResult] = []
        self.decisions: dict[int, MatchDecision] = {}

    def set_rows(self, rows: list[RowResult]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row(self, row: int) -> RowResult:
        return self._rows[row]

    def decide(self, row: int, decision: MatchDecision) -> None:
        self.decisions[self._rows[row].line] = decision
        self.dataChanged.emit(self.index(row, 1), self.index(row, len(HEADERS) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        r = self._rows[index.row()]
        decision = self.decisions.get(r.line)
        status = QCoreApplication.translate("ImportDialog", STATUS_WORDS[r.status])
        details = r.message
        if r.status is RowStatus.DUPLICATE and decision is not None:
            status, details = (
                QCoreApplication.translate("ImportDialog", "Decided"),
                _decided(decision),
            )
        value = (str(r.line), status, r.victim, r.offender, r.offence, details)[index.column()]
        return plain_tip(value) if role == Qt.ItemDataRole.ToolTipRole else value

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("ImportDialog", HEADERS[section])
        return None


class ImportDialog(QDialog):
    """Choose a file, see the check, then import all, or explicitly only the good rows."""

    imported = Signal(object)  # the committed ImportReport

    def __init__(self, parent: QWidget | None, ws: Workspace, path: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("ImportDialog", "Import referrals"))
        self.setAccessibleName(QCoreApplication.translate("ImportDialog", "Import referrals"))
        self.ws = ws
        self.path: Path | None = None
        self.report: ImportReport | None = None
        self.job: Job | None = None
        self._busy = False
        self.file = plain_label(QCoreApplication.translate("ImportDialog", "No file chosen."))
        self.file.setAccessibleName(QCoreApplication.translate("ImportDialog", "File"))
        choose = QPushButton(QCoreApplication.translate("ImportDialog", "&Choose file…"))
        choose.setAccessibleName(QCoreApplication.translate("ImportDialog", "Choose a CSV file"))
        choose.clicked.connect(self.choose_file)
        self.policy = QComboBox()
        self.policy.setAccessibleName(
            QCoreApplication.translate("ImportDialog", "When a row matches someone on file")
        )
        for value, text in POLICIES:
            self.policy.addItem(QCoreApplication.translate("ImportDialog", text), value.value)
        policy_label = plain_label(
            QCoreApplication.translate("ImportDialog", "When a row matches someone on &file:")
        )
        policy_label.setBuddy(self.policy)
        self.summary = plain_label()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(QCoreApplication.translate("ImportDialog", "Check result"))
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        self.attention = QCheckBox(
            QCoreApplication.translate("ImportDialog", "&Show only rows that need attention")
        )
        self.model = PreviewModel()
        self.table = table_view(
            self.model, QCoreApplication.translate("ImportDialog", "Rows of the file")
        )
        # Fit columns to the rows on screen, not to 1,000 rows (a second on the GUI thread
        # after a large file's check).
        self.table.horizontalHeader().setResizeContentsPrecision(0)
        self.compare = QPushButton(QCoreApplication.translate("ImportDialog", "Co&mpare…"))
        self.compare.setAccessibleName(
            QCoreApplication.translate(
                "ImportDialog", "Compare the selected row with the records on file"
            )
        )
        self.import_all = QPushButton(QCoreApplication.translate("ImportDialog", "&Import all"))
        self.import_all.setAccessibleName(
            QCoreApplication.translate("ImportDialog", "Import all rows")
        )
        self.import_good = QPushButton(
            QCoreApplication.translate("ImportDialog", "Import only the &good rows")
        )
        self.import_good.setAccessibleName(
            QCoreApplication.translate("ImportDialog", "Import only the good rows")
        )
        close = QPushButton(QCoreApplication.translate("ImportDialog", "Close"))
        close.setAccessibleName(QCoreApplication.translate("ImportDialog", "Close"))

        top = QHBoxLayout()
        top.addWidget(choose)
        top.addWidget(self.file, 1)
        policy_row = QHBoxLayout()
        policy_row.addWidget(policy_label)
        policy_row.addWidget(self.policy, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.compare)
        buttons.addStretch(1)
        buttons.addWidget(self.import_good)
        buttons.addWidget(self.import_all)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(policy_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.attention)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self.compare.clicked.connect(self.compare_selected)
        self.import_all.clicked.connect(lambda: self.run_import(only_good=False))
        self.import_good.clicked.connect(lambda: self.run_import(only_good=True))
        close.clicked.connect(self.reject)
        self.policy.currentIndexChanged.connect(self.check)
        self.attention.toggled.connect(self._show_rows)
        self.table.activated.connect(lambda _index: self.compare_selected())
        self.table.selectionModel().currentChanged.connect(self._update_buttons)
        self._update_buttons()
        self.resize(1100, 600)
        if path is not None:
            self.load(path)

    # --- file and check -----------------------------------------------------------------

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("ImportDialog", "Choose a referral file"),
            "",
            QCoreApplication.translate("ImportDialog", "CSV files (*.csv);;All files (*)"),
        )
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> None:
        """Check the file (read in the worker: a file that cannot be read says so there)."""
        self.path = path
        self.file.setText(str(path))
        self.model.decisions.clear()
        self.check()

    def _policy(self) -> MatchPolicy:
        return MatchPolicy(self.policy.currentData())

    def _start(self, title: str, *, dry_run: bool, only_good: bool = False) -> None:
        if self.path is None or self._busy:
            return
        source, name, policy = self.path, self.path.name, self._policy()
        decisions = dict(self.model.decisions)
        checked = None if dry_run or self.report is None else self.report.digest
        ws = self.ws

        def work(progress):
            with worker_workspace(ws) as mine:
                return referral_import.import_referrals(
                    mine,
                    source,
                    file_name=name,
                    policy=policy,
                    decisions=decisions,
                    only_good=only_good,
                    dry_run=dry_run,
                    progress=progress,
                    expected_digest=checked,
                )

        self.summary.setText(f"{title}…")
        self._busy = True
        self._update_buttons()
        self.job = run_in_background(self, title, work, self._finished)
        self.job.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)

    def check(self) -> None:
        """Preview: the whole import, rolled back."""
        self.report = None
        self._start(QCoreApplication.translate("ImportDialog", "Checking the file"), dry_run=True)

    def run_import(self, *, only_good: bool) -> None:
        self._start(
            QCoreApplication.translate("ImportDialog", "Importing referrals"),
            dry_run=False,
            only_good=only_good,
        )

    def _failed(self, message: str) -> None:
        self._busy = False
        self.summary.setText(message)
        self._update_buttons()

    def _finished(self, report: ImportReport) -> None:
        self._busy = False
        self.report = report
        self._show_rows()
        rows, problems = report.row_count, report.problem_count
        if report.committed:
            skipped = (
                QCoreApplication.translate(
                    "ImportDialog", "; {count} skipped (lines listed below)"
                ).format(count=f"{problems:,}")
                if problems
                else ""
            )
            self.summary.setText(
                QCoreApplication.translate(
                    "ImportDialog", "Imported {count} referrals from {file} in {seconds} s"
                ).format(
                    count=f"{report.imported:,}",
                    file=report.file_name,
                    seconds=f"{report.seconds:.1f}",
                )
                + skipped
                + "."
            )
            self.imported.emit(report)
        elif problems:
            compare = (
                QCoreApplication.translate(
                    "ImportDialog",
                    " For a possible duplicate, select it and press Compare (or Enter) to choose.",
                )
                if any(r.status is RowStatus.DUPLICATE for r in report.problems)
                else ""
            )
            self.summary.setText(
                (
                    QCoreApplication.translate("ImportDialog", "Checked")
                    if report.dry_run
                    else QCoreApplication.translate("ImportDialog", "Nothing imported")
                )
                + QCoreApplication.translate(
                    "ImportDialog",
                    ": {rows} rows, {problems} need attention (listed below). Nothing is"
                    " imported while any row has a problem, unless you choose to import only"
                    " the good rows.",
                ).format(rows=f"{rows:,}", problems=f"{problems:,}")
                + (
                    QCoreApplication.translate(
                        "ImportDialog",
                        " Only the first {listed} are listed: correct the file and check it again.",
                    ).format(listed=f"{len(report.problems):,}")
                    if report.problems_not_kept
                    else ""
                )
                + compare
            )
        else:
            self.summary.setText(
                QCoreApplication.translate(
                    "ImportDialog",
                    "Checked: all {rows} rows are ready ({encoding}). Nothing has been"
                    " imported yet.",
                ).format(rows=f"{rows:,}", encoding=report.encoding)
            )
        self._update_buttons()

    # --- rows and decisions -------------------------------------------------------------

    def _show_rows(self) -> None:
        rows = list(self.report.rows) if self.report else []
        if self.attention.isChecked():
            rows = [r for r in rows if r.status is not RowStatus.OK]
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.table.setAccessibleDescription(
            QCoreApplication.translate("ImportDialog", "{count} rows").format(count=len(rows))
        )
        if rows:
            self.table.setCurrentIndex(self.model.index(0, 0))

    def _undecided(self) -> list[RowResult]:
        report = self.report
        if report is None:
            return []
        return [
            r
            for r in report.problems
            if r.status is RowStatus.PROBLEM or r.line not in self.model.decisions
        ]

    def _update_buttons(self) -> None:
        idle = not self._busy
        report = self.report
        ready = idle and report is not None and not report.committed
        # Rows counted but not listed cannot be decided here: they always need attention.
        undecided = bool(self._undecided()) or bool(report and report.problems_not_kept)
        self.import_all.setEnabled(ready and not undecided)
        good = len(report.good) if report else 0
        self.import_good.setEnabled(ready and undecided and good > 0)
        self.import_good.setText(
            QCoreApplication.translate(
                "ImportDialog", "Import only the &good rows ({count})"
            ).format(count=f"{good:,}")
        )
        self.compare.setEnabled(idle and self._current_duplicate() is not None)
        self.policy.setEnabled(idle)

    def _current_duplicate(self) -> RowResult | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        row = self.model.row(index.row())
        if row.status is not RowStatus.DUPLICATE or row.referral is None or row.matches is None:
            return None
        return row

    def compare_selected(self) -> None:
        row = self._current_duplicate()
        if row is None:
            return
        decision = DuplicatesDialog.ask(self, row.referral, row.matches)
        if decision is not None:
            self.model.decide(self.table.currentIndex().row(), decision)
            self._update_buttons()
