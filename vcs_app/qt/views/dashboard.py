"""The dashboard: what is overdue, due today and due this week, one keystroke from the case.

Counts are words and numbers on the buttons that filter the list ("Overdue (12)"), so
nothing depends on colour. The main window calls `refresh()` after every change.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vcs_app.qt.widgets import Index, fmt_date, table_view
from vcs_app.services import cases, dashboard
from vcs_app.services.dashboard import Bucket, DueCounts, DueIndex, DueItem
from vcs_app.services.workspace import Workspace

HEADERS = ("When", "Due", "Case", "Victim", "Task", "VLO")
PAGE = 100


class DueModel(QAbstractTableModel):
    """Task ids only; rows are fetched a page at a time as they come into view."""

    def __init__(self, ws: Workspace) -> None:
        super().__init__()
        self._ws = ws
        self._ids: list[int] = []
        self._cache: dict[int, DueItem] = {}
        self.on = date.today()

    def set_ids(self, task_ids: list[int], on: date) -> None:
        self.beginResetModel()
        self._ids, self.on = task_ids, on
        self._cache.clear()
        self.endResetModel()

    def item(self, row: int) -> DueItem | None:
        task_id = self._ids[row]
        if task_id not in self._cache:
            start = max(0, row - PAGE // 4)
            page = [i for i in self._ids[start : start + PAGE] if i not in self._cache]
            self._cache.update(dashboard.due_items(self._ws, page))
        return self._cache.get(task_id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        item = self.item(index.row())
        if item is None:  # done or removed since the list was read
            return ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.rule_text or item.title
        return (
            item.when(self.on),
            fmt_date(item.due_on),
            item.case_ref,
            item.victim,
            item.title,
            item.vlo,
        )[index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None


class DashboardView(QWidget):
    """Counts per bucket (as filter buttons), a VLO filter and the list; Enter opens a case.

    Empty until `refresh()` (the main window calls it once its signals are connected).
    """

    open_case = Signal(int)
    complete_task = Signal(int)
    counts_changed = Signal(object)  # DueCounts

    def __init__(self, ws: Workspace, today: Callable[[], date] = date.today) -> None:
        super().__init__()
        self.ws = ws
        self._today = today
        self.counts = DueCounts(0, 0, 0)
        self.index: DueIndex | None = None
        self.model = DueModel(ws)
        self.table = table_view(self.model, "Tasks due")
        for column, width in enumerate((130, 90, 95, 200, 460)):
            self.table.setColumnWidth(column, width)
        self.buttons: dict[Bucket | None, QPushButton] = {}
        self.group = QButtonGroup(self)
        bar = QHBoxLayout()
        for bucket in (Bucket.OVERDUE, Bucket.TODAY, Bucket.WEEK, None):
            b = QPushButton()
            b.setCheckable(True)
            self.group.addButton(b)
            self.buttons[bucket] = b
            bar.addWidget(b)
        self.buttons[None].setChecked(True)
        self.vlo = QComboBox()
        self.vlo.setAccessibleName("Filter tasks by VLO")
        vlo_label = QLabel("V&LO:")
        vlo_label.setBuddy(self.vlo)
        bar.addSpacing(12)
        bar.addWidget(vlo_label)
        bar.addWidget(self.vlo)
        bar.addStretch(1)
        self.as_of = QLabel()
        self.as_of.setAccessibleName("Tasks as of")
        bar.addWidget(self.as_of)
        self.open_button = QPushButton("&Open case")
        self.open_button.setAccessibleName("Open the case of the selected task")
        self.open_button.clicked.connect(self._open_current)
        self.done_button = QPushButton("&Mark task done")
        self.done_button.setAccessibleName("Mark the selected task done")
        self.done_button.clicked.connect(self._complete_current)
        actions = QHBoxLayout()
        actions.addWidget(self.open_button)
        actions.addWidget(self.done_button)
        actions.addStretch(1)
        self.empty = QLabel()
        self.empty.setAccessibleName("Nothing due")
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(actions)
        self.table.activated.connect(lambda _index: self._open_current())
        self.vlo.currentIndexChanged.connect(self.refresh)
        for b in self.buttons.values():
            b.toggled.connect(self._show_items)
        self._fill_vlos()

    # --- data ---------------------------------------------------------------------------

    def _fill_vlos(self) -> None:
        """The VLO list, keeping the current choice (new VLOs arrive with imports)."""
        names = cases.vlo_names(self.ws)
        current = self.vlo.currentData()
        if [self.vlo.itemData(i) for i in range(1, self.vlo.count())] == names:
            return
        self.vlo.blockSignals(True)
        self.vlo.clear()
        self.vlo.addItem("All VLOs", None)
        for name in names:
            self.vlo.addItem(name, name)
        self.vlo.setCurrentIndex(max(0, self.vlo.findData(current)))
        self.vlo.blockSignals(False)

    def refresh(self) -> None:
        """Read the whole list again (first show, another VLO, a new day, an import)."""
        self._fill_vlos()
        self.index = dashboard.due_index(self.ws, on=self._today(), vlo=self.vlo.currentData())
        self._show_counts()

    def refresh_after(self, changed: object) -> None:
        """Called by the main window after every change: re-read only the cases it touched
        (a full read when it names none, e.g. an import, or when the day has moved on)."""
        link_ids = getattr(changed, "link_ids", ())
        if self.index is None or not link_ids or self.index.on != self._today():
            self.refresh()
            return
        dashboard.refresh_cases(self.ws, self.index, link_ids)
        self._show_counts()

    def _show_counts(self) -> None:
        on = self.index.on
        self.counts = self.index.counts
        self.as_of.setText(f"As of {on:%A} {fmt_date(on)}")
        words = {
            Bucket.OVERDUE: ("Over&due", self.counts.overdue),
            Bucket.TODAY: ("Due &today", self.counts.today),
            Bucket.WEEK: ("This &week", self.counts.week),
            None: ("&All due", self.counts.total),
        }
        for bucket, (text, count) in words.items():
            b = self.buttons[bucket]
            b.setText(f"{text} ({count:,})")
            b.setAccessibleName(f"{text.replace('&', '')}: {count} tasks")
            font = b.font()
            font.setBold(bucket is Bucket.OVERDUE and count > 0)
            b.setFont(font)
        self._show_items()
        self.counts_changed.emit(self.counts)

    def _show_items(self) -> None:
        bucket = next((k for k, b in self.buttons.items() if b.isChecked()), None)
        row = self.table.currentIndex().row()
        shown = self.index.task_ids(bucket) if self.index else []
        self.model.set_ids(shown, self.index.on if self.index else self._today())
        self.table.setAccessibleDescription(f"{len(shown)} tasks")
        self.empty.setText("" if shown else "Nothing due here.")
        self.empty.setVisible(not shown)
        if shown:
            self.table.setCurrentIndex(self.model.index(min(max(row, 0), len(shown) - 1), 0))
        self.open_button.setEnabled(bool(shown))
        self.done_button.setEnabled(bool(shown))

    # --- actions ------------------------------------------------------------------------

    def current_item(self) -> DueItem | None:
        index = self.table.currentIndex()
        return self.model.item(index.row()) if index.isValid() else None

    def _open_current(self) -> None:
        item = self.current_item()
        if item is not None:
            self.open_case.emit(item.link_id)

    def _complete_current(self) -> None:
        item = self.current_item()
        if item is not None:
            self.complete_task.emit(item.task_id)

    def focus_list(self) -> None:
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
