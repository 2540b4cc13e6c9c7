"""The dashboard: what is overdue, due today and due this week, one keystroke from the case.

Counts are words and numbers on the buttons that filter the list ("Overdue (12)"), so
nothing depends on colour. The main window calls `refresh()` after every change.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vcs_app.qt.i18n import shown
from vcs_app.qt.widgets import (
    Index,
    fmt_date,
    plain_label,
    plain_tip,
    set_widths,
    table_view,
    today,
)
from vcs_app.services import cases, dashboard
from vcs_app.services.dashboard import Bucket, DueCounts, DueItem, DueQuery
from vcs_app.services.workspace import Workspace

HEADERS = (
    QT_TRANSLATE_NOOP("DueModel", "When"),
    QT_TRANSLATE_NOOP("DueModel", "Due"),
    QT_TRANSLATE_NOOP("DueModel", "Case"),
    QT_TRANSLATE_NOOP("DueModel", "Victim"),
    QT_TRANSLATE_NOOP("DueModel", "Task"),
    QT_TRANSLATE_NOOP("DueModel", "VLO"),
)
PAGE = 100


WEEKDAYS = (
    QT_TRANSLATE_NOOP("DashboardView", "Monday"),
    QT_TRANSLATE_NOOP("DashboardView", "Tuesday"),
    QT_TRANSLATE_NOOP("DashboardView", "Wednesday"),
    QT_TRANSLATE_NOOP("DashboardView", "Thursday"),
    QT_TRANSLATE_NOOP("DashboardView", "Friday"),
    QT_TRANSLATE_NOOP("DashboardView", "Saturday"),
    QT_TRANSLATE_NOOP("DashboardView", "Sunday"),
)


class DueModel(QAbstractTableModel):
    """A row count and pages of rows read as they come into view (the list can run to
    tens of thousands of tasks: the first screen costs the tallies and one page). Each
    page is read after the last row of the page before it; a jump further down reads on
    from the nearest page already read."""

    def __init__(self, ws: Workspace) -> None:
        super().__init__()
        self._ws = ws
        self._query = DueQuery(today())
        self._count = 0
        self._pages: dict[int, list[DueItem]] = {}

    @property
    def on(self) -> date:
        return self._query.on

    def set_query(self, query: DueQuery, count: int) -> None:
        """Show `query`'s list, which the caller has counted (`count` rows)."""
        self.beginResetModel()
        self._query, self._count = query, count
        self._pages.clear()
        self.endResetModel()

    def _read(self, page: int) -> list[DueItem]:
        known = [p for p in self._pages if p < page and self._pages[p]]
        start = max(known, default=-1)
        after = self._pages[start][-1] if start >= 0 else None
        skip = (page - start - 1) * PAGE
        return dashboard.due_page(self._ws, self._query, after, PAGE, skip)

    def item(self, row: int) -> DueItem | None:
        page, offset = divmod(row, PAGE)
        if page not in self._pages:
            self._pages[page] = self._read(page)
        rows = self._pages[page]
        return rows[offset] if offset < len(rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

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
        if item is None:  # done or removed since the list was counted
            return ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(shown(item.rule_text or item.title))
        return (
            shown(item.when(self.on)),  # "Overdue by 3 days" in the interface language
            fmt_date(item.due_on),
            item.case_ref,
            item.victim,
            shown(item.title),
            item.vlo,
        )[index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("DueModel", HEADERS[section])
        return None


class DashboardView(QWidget):
    """Counts per bucket (as filter buttons), a VLO filter and the list; Enter opens a case.

    Empty until `refresh()` or `ensure_loaded()`: the main window loads it once the
    caseload is on screen, so it never delays startup.
    """

    open_case = Signal(int)
    complete_task = Signal(int, str)  # task id, its title
    counts_changed = Signal(object)  # DueCounts

    def __init__(self, ws: Workspace) -> None:
        super().__init__()
        self.ws = ws
        self._today = ws.today
        self.counts = DueCounts(0, 0, 0)
        self.on: date | None = None  # the day last read; None until first loaded
        self._stale = False  # changed while hidden: read again when next shown
        self.model = DueModel(ws)
        self.table = table_view(self.model, self.tr("Tasks due"))
        set_widths(self.table, (130, 90, 95, 200, 460))
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
        self.vlo.setAccessibleName(self.tr("Filter tasks by VLO"))
        vlo_label = plain_label(self.tr("V&LO:"))
        vlo_label.setBuddy(self.vlo)
        bar.addSpacing(12)
        bar.addWidget(vlo_label)
        bar.addWidget(self.vlo)
        bar.addStretch(1)
        self.as_of = plain_label()
        self.as_of.setAccessibleName(self.tr("Tasks as of"))
        bar.addWidget(self.as_of)
        self.open_button = QPushButton(self.tr("&Open case"))
        self.open_button.setAccessibleName(self.tr("Open the case of the selected task"))
        self.open_button.clicked.connect(self._open_current)
        self.done_button = QPushButton(self.tr("&Mark task done"))
        self.done_button.setAccessibleName(self.tr("Mark the selected task done"))
        self.done_button.clicked.connect(self._complete_current)
        actions = QHBoxLayout()
        actions.addWidget(self.open_button)
        actions.addWidget(self.done_button)
        actions.addStretch(1)
        self.empty = plain_label()
        self.empty.setAccessibleName(self.tr("Nothing due"))
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
        self.vlo.addItem(self.tr("All VLOs"), None)
        for name in names:
            self.vlo.addItem(name, name)
        self.vlo.setCurrentIndex(max(0, self.vlo.findData(current)))
        self.vlo.blockSignals(False)

    def ensure_loaded(self) -> None:
        """Read the list if it was never read, or changed while the tab was hidden."""
        if self.on is None or self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Count again and show the first page (first show, another VLO, a new day)."""
        self._stale = False
        self._fill_vlos()
        self.on = self._today()
        self.counts = dashboard.due_counts(self.ws, on=self.on, vlo=self.vlo.currentData())
        self._show_counts()

    def refresh_after(self, changed: object) -> None:
        """Called by the main window after every change. A change can move tasks between
        buckets or out of the list: the figures are read again (tallies, cheap at any
        size); the list only if it is on screen, else when the tab is next shown.
        Nothing is read before the dashboard is first loaded."""
        if self.on is None:
            return
        if self.isVisible():
            self.refresh()
            return
        self._stale = True
        self.counts = dashboard.due_counts(self.ws, on=self.on, vlo=self.vlo.currentData())
        self.counts_changed.emit(self.counts)

    def _show_counts(self) -> None:
        on = self.on
        self.as_of.setText(
            QCoreApplication.translate("DashboardView", "As of {day} {date}").format(
                day=QCoreApplication.translate("DashboardView", WEEKDAYS[on.weekday()]),
                date=fmt_date(on),
            )
        )
        words = {
            Bucket.OVERDUE: (self.tr("Over&due"), self.counts.overdue),
            Bucket.TODAY: (self.tr("Due toda&y"), self.counts.today),
            Bucket.WEEK: (self.tr("This &week"), self.counts.week),
            None: (self.tr("&All due"), self.counts.total),
        }
        for bucket, (text, count) in words.items():
            b = self.buttons[bucket]
            b.setText(f"{text} ({count:,})")
            tasks = self.tr("%1 tasks").replace("%1", str(count))
            b.setAccessibleName(f"{text.replace('&', '')}: {tasks}")
        self._show_items()
        self.counts_changed.emit(self.counts)

    def _mark_chosen(self) -> None:
        """The filter in force is the one that looks pressed, in bold: nothing else is
        bold, so Overdue no longer looks like the chosen (or default) button."""
        for b in self.buttons.values():
            font = b.font()
            font.setBold(b.isChecked())
            b.setFont(font)

    def _show_items(self) -> None:
        self._mark_chosen()
        bucket = next((k for k, b in self.buttons.items() if b.isChecked()), None)
        row = self.table.currentIndex().row()
        counts = self.counts
        shown = {
            Bucket.OVERDUE: counts.overdue,
            Bucket.TODAY: counts.today,
            Bucket.WEEK: counts.week,
            None: counts.total,
        }[bucket]
        query = DueQuery(self.on or self._today(), self.vlo.currentData(), bucket)
        self.model.set_query(query, shown)
        self.table.setAccessibleDescription(self.tr("%1 tasks").replace("%1", str(shown)))
        self.empty.setText("" if shown else self.tr("Nothing due here."))
        self.empty.setVisible(not shown)
        if shown:
            self.table.setCurrentIndex(self.model.index(min(max(row, 0), shown - 1), 0))
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
            self.complete_task.emit(item.task_id, item.title)

    def focus_list(self) -> None:
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
