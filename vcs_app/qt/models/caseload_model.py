"""The caseload as a lazy table: a list of ids from SQL, rows fetched a page at a time."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    Qt,
)

from vcs_app.domain.model import CaseSummary, label
from vcs_app.qt.widgets import Index, fmt_date, plain_tip
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
PAGE = 100


def _cell(row: CaseSummary, column: int) -> str:
    values = (
        row.ref,
        row.victim_name,
        row.offender_name,
        row.offence,
        label(row.opt_state),
        label(row.contact_level),
        fmt_date(row.next_due),
        "; ".join(row.flags + row.needs),
        row.vlo,
        label(row.status),
    )
    return values[column]


class CaseloadModel(QAbstractTableModel):
    """Holds only ids; `data()` fetches the page around a row on first sight."""

    def __init__(self, ws: Workspace) -> None:
        super().__init__()
        self._ws = ws
        self._ids: list[int] = []
        self._row_of: dict[int, int] = {}
        # Each row's cells formatted once: a screen of rows asks data() for every cell.
        self._cache: dict[int, tuple[str, ...]] = {}
        self.text = ""
        self.vlo: str | None = None
        self.status: str | None = "open"
        self.sort_key = "victim"
        self.descending = False
        self._loaded = False

    # --- querying -----------------------------------------------------------------------

    def set_filter(self, *, text: str, vlo: str | None, status: str | None) -> None:
        self.text, self.vlo, self.status = text, vlo, status
        self.reload()

    def reload(self) -> None:
        ids = cases.caseload_ids(
            self._ws,
            text=self.text,
            vlo=self.vlo,
            status=self.status,
            sort=self.sort_key,
            descending=self.descending,
        )
        self._loaded = True
        self.beginResetModel()
        self._ids = ids
        self._row_of = {}
        self._cache.clear()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column][0]
        descending = order == Qt.SortOrder.DescendingOrder
        if key is None or (self._loaded and (key, descending) == (self.sort_key, self.descending)):
            return
        self.sort_key, self.descending = key, descending
        if self._loaded:  # before the first load, only remember the order
            self.reload()

    def case_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, case_id: int) -> int | None:
        if not self._row_of and self._ids:
            self._row_of = {cid: row for row, cid in enumerate(self._ids)}
        return self._row_of.get(case_id)

    def refresh_cases(self, case_ids: tuple[int, ...]) -> None:
        """Re-read only these rows and tell the view (a narrow dataChanged per row)."""
        for case_id in case_ids:
            self._cache.pop(case_id, None)
            row = self.row_of(case_id)
            if row is not None:
                self.dataChanged.emit(
                    self.index(row, 0), self.index(row, len(COLUMNS) - 1), [Qt.DisplayRole]
                )

    def _cells(self, row: int) -> tuple[str, ...] | None:
        case_id = self._ids[row]
        if case_id not in self._cache:
            start = max(0, row - PAGE // 4)
            page = [i for i in self._ids[start : start + PAGE] if i not in self._cache]
            for cid, summary in cases.caseload_rows(self._ws, page).items():
                self._cache[cid] = tuple(_cell(summary, c) for c in range(len(COLUMNS)))
        return self._cache.get(case_id)

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
