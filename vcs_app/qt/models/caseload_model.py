"""The caseload as a lazy table: a page of rows at a time, in the order SQLite reads them.

A plain list (no search words) reads its first page and its count (a tally) on the GUI
thread: both cost the same at a million cases as at a hundred. A search runs on a query
thread (`QueryThread`), so typing never waits for it: each key makes the search before it
stale (its SQL is interrupted), the first page is shown as soon as it is read, and the
exact count follows. More rows are read as the table scrolls to its end (`fetchMore`).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    Qt,
    Signal,
)

from vcs_app.domain.model import CaseSummary, chosen_contact_level
from vcs_app.domain.search import CaseloadQuery, PageCursor
from vcs_app.qt.i18n import label, offence, shown
from vcs_app.qt.widgets import Index, fmt_date, plain_tip, today
from vcs_app.qt.workers import QueryThread
from vcs_app.services import cases
from vcs_app.services.workspace import Workspace

# (sort key or None, header: translated when shown)
COLUMNS: tuple[tuple[str | None, str], ...] = (
    ("ref", QT_TRANSLATE_NOOP("CaseloadModel", "Case")),
    ("victim", QT_TRANSLATE_NOOP("CaseloadModel", "Victim")),
    ("offender", QT_TRANSLATE_NOOP("CaseloadModel", "Offender")),
    ("offence", QT_TRANSLATE_NOOP("CaseloadModel", "Offence")),
    ("opt_state", QT_TRANSLATE_NOOP("CaseloadModel", "Opt-in")),
    ("contact_level", QT_TRANSLATE_NOOP("CaseloadModel", "Contact level")),
    ("next_due", QT_TRANSLATE_NOOP("CaseloadModel", "Next due")),
    (None, QT_TRANSLATE_NOOP("CaseloadModel", "Flags")),
    ("vlo", QT_TRANSLATE_NOOP("CaseloadModel", "VLO")),
    ("status", QT_TRANSLATE_NOOP("CaseloadModel", "Status")),
)
PAGE = 100  # rows read at a time (a screen is about 30)

Cells = tuple[str, ...]


def _level(row: CaseSummary) -> str:
    level = chosen_contact_level(row.opt_state, row.contact_level)
    if not level:
        return QCoreApplication.translate("CaseloadModel", "Not chosen")
    return shown(label(level))


def _due(row: CaseSummary, on: date) -> str:
    """The next task's date, with "overdue" in words when it is."""
    if row.next_due is None or row.next_due >= on:
        return fmt_date(row.next_due)
    return QCoreApplication.translate("CaseloadModel", "{date} overdue").format(
        date=fmt_date(row.next_due)
    )


def _cell(row: CaseSummary, column: int, on: date) -> str:
    values = (
        row.ref,
        row.victim_name,
        row.offender_name,
        offence(row.offence),
        shown(label(row.opt_state)),
        _level(row),
        _due(row, on),
        # "none" in words: a blank cell reads as "not known" or "not loaded yet"
        "; ".join(shown(flag) for flag in row.flags + row.needs)
        or QCoreApplication.translate("CaseloadModel", "none"),
        row.vlo,
        shown(label(row.status)),
    )
    return values[column]


def _cells_of(ws: Workspace, ids: tuple[int, ...]) -> dict[int, Cells | None]:
    """Each row's cells formatted once (a screen of rows asks data() for every cell)."""
    rows = cases.caseload_rows(ws, list(ids))
    on = today()  # the window's day, as everywhere in the window
    return {cid: tuple(_cell(r, c, on) for c in range(len(COLUMNS))) for cid, r in rows.items()}


def _read_page(ws: Workspace, query: CaseloadQuery, cursor: PageCursor | None):
    """A page of ids and their cells: what one read of the caseload hands the model."""
    page = cases.caseload_page(ws, query, cursor, PAGE)
    return page, _cells_of(ws, page.ids)


class CaseloadModel(QAbstractTableModel):
    """The rows read so far (ids and their cells); `total` is the exact number of cases
    the query finds, None while a search is still counting them."""

    counted = Signal()  # `total` or `searching` changed

    def __init__(self, ws: Workspace) -> None:
        super().__init__()
        self._ws = ws
        self.query = CaseloadQuery()
        self._ids: list[int] = []
        self._row_of: dict[int, int] = {}
        self._cache: dict[int, Cells | None] = {}
        self._next: PageCursor | None = None
        self._fetching = False  # a next page is being read on the query thread
        self._thread: QueryThread | None = None
        self.total: int | None = 0
        self.searching = False  # a search's first page is being read
        self._loaded = False

    # --- querying -----------------------------------------------------------------------

    @property
    def text(self) -> str:
        return self.query.text

    @property
    def sort_key(self) -> str:
        return self.query.sort

    @property
    def descending(self) -> bool:
        return self.query.descending

    def set_filter(self, *, text: str, vlo: str | None, status: str | None) -> None:
        self.set_query(replace(self.query, text=text, vlo=vlo, status=status))

    def set_query(self, query: CaseloadQuery) -> None:
        self.query = query
        self.reload()

    def reload(self) -> None:
        """Read the query's first page again (and its count)."""
        self._loaded = True
        if not self.query.text.strip():
            if self._thread is not None:
                self._thread.cancel()  # a search still running is no longer wanted
            self.searching = False
            page, cells = _read_page(self._ws, self.query, None)
            self._show_first(page, cells, cases.caseload_count(self._ws, self.query))
            return
        self.searching = True
        self.counted.emit()
        query = self.query
        thread = self._query_thread()
        thread.ask("first", lambda ws, _current: _read_page(ws, query, None))
        thread.also("count", lambda ws, _current: cases.caseload_count(ws, query))

    def _query_thread(self) -> QueryThread:
        if self._thread is None:
            self._thread = QueryThread(self._ws, self)
            self._thread.answered.connect(self._answered)
            self._thread.failed.connect(self._failed)
        return self._thread

    def _answered(self, round_: int, kind: str, result: object) -> None:
        if self._thread is None or round_ != self._thread.round:
            return  # a newer search (or a plain list) replaced it
        if kind == "first":
            page, cells = result
            self._show_first(page, cells, None)
        elif kind == "count":
            self.total = result
            self.counted.emit()
        elif kind == "more":
            self._fetching = False
            page, cells = result
            self._append(page, cells)

    def _failed(self, round_: int, kind: str, message: str) -> None:
        if self._thread is not None and round_ == self._thread.round:
            self._fetching = False
            self.searching = False
            self.counted.emit()

    def _show_first(self, page, cells: dict[int, Cells | None], total: int | None) -> None:
        self.beginResetModel()
        self._ids = list(page.ids)
        self._row_of = {cid: row for row, cid in enumerate(self._ids)}
        self._cache = cells
        self._next = page.next
        self._fetching = False
        self.searching = False
        if total is not None or self.query.text.strip():
            self.total = total
        self.endResetModel()
        self.counted.emit()

    def _append(self, page, cells: dict[int, Cells | None]) -> None:
        self._next = page.next
        if not page.ids:
            return
        first = len(self._ids)
        self.beginInsertRows(QModelIndex(), first, first + len(page.ids) - 1)
        for offset, cid in enumerate(page.ids):
            self._row_of[cid] = first + offset
        self._ids += page.ids
        self._cache.update(cells)
        self.endInsertRows()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._next is not None and not self._fetching

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        """The next page, when the view scrolls to the last row read: read here for a
        plain list, on the query thread for a search."""
        if not self.canFetchMore(parent):
            return
        query, cursor = self.query, self._next
        if not query.text.strip():
            self._append(*_read_page(self._ws, query, cursor))
            return
        self._fetching = True
        self._query_thread().also("more", lambda ws, _current: _read_page(ws, query, cursor))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column][0]
        descending = order == Qt.SortOrder.DescendingOrder
        if key is None or (self._loaded and (key, descending) == (self.sort_key, self.descending)):
            return
        self.query = replace(self.query, sort=key, descending=descending)
        if self._loaded:  # before the first load, only remember the order
            self.reload()

    def close(self) -> None:
        """Stop the query thread (the window is closing)."""
        if self._thread is not None:
            self._thread.close()

    # --- rows -----------------------------------------------------------------------------

    def case_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, case_id: int) -> int | None:
        """The row of a case among those read so far."""
        return self._row_of.get(case_id)

    def refresh_cases(self, case_ids: tuple[int, ...]) -> None:
        """Re-read only these rows, if shown, and tell the view (a narrow dataChanged)."""
        shown = tuple(cid for cid in case_ids if cid in self._row_of)
        if not shown:
            return
        for cid in shown:
            self._cache.pop(cid, None)
        self._cache.update(_cells_of(self._ws, shown))
        for cid in shown:
            row = self._row_of[cid]
            self.dataChanged.emit(
                self.index(row, 0), self.index(row, len(COLUMNS) - 1), [Qt.DisplayRole]
            )

    def _cells(self, row: int) -> Cells | None:
        case_id = self._ids[row]
        if case_id not in self._cache:  # refreshed, or removed since its page was read
            self._cache[case_id] = _cells_of(self._ws, (case_id,)).get(case_id)
        return self._cache[case_id]

    # --- Qt model API -------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        cells = self._cells(index.row())
        if cells is None:  # archived or removed since the ids were read
            return ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(cells[index.column()])
        return cells[index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("CaseloadModel", COLUMNS[section][1])
        return None
