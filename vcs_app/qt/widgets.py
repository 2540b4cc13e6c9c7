"""Small building blocks shared by the views and dialogs (accessible by construction, and
plain text by construction: a label, message or tooltip never renders stored or imported
text as HTML, where an `<img src="file://host/share/x">` would make Windows send the
user's login hash to that host)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Slot,
)
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QTableView,
    QWidget,
)

NO_DATE = QDate(1900, 1, 1)  # the minimum of an optional date edit means "not known"
ROW_HEIGHT = 24

_clock: list[Callable[[], date]] = []


def use_clock(clock: Callable[[], date]) -> None:
    """Make `today()` the open workspace's today (MainWindow does, with `ws.today`)."""
    _clock[:] = [clock]


def today() -> date:
    """The day the window works on: the workspace's clock, the one the services use, so
    a default date in a dialog is the same day the service will check it against."""
    if not _clock:
        raise RuntimeError("no workspace clock: MainWindow (or a test) calls use_clock first")
    return _clock[0]()


Index = QModelIndex | QPersistentModelIndex


def plain_label(text: str = "") -> QLabel:
    """A label that shows its text as it is: never as HTML, whatever it holds."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def rich_label(html: str) -> QLabel:
    """A label of our own markup; every stored value in it must be html.escape()d."""
    label = QLabel(html)
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


def plain_tip(text: str) -> str:
    """A tooltip showing `text` as it is (Qt renders a tooltip that looks like HTML)."""
    return QtGui.convertFromPlainText(text) if QtGui.mightBeRichText(text) else text


def message_box(
    icon: QMessageBox.Icon,
    parent: QWidget | None,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
    default: QMessageBox.StandardButton = QMessageBox.StandardButton.NoButton,
) -> QMessageBox:
    """A message box whose text is plain text (messages quote stored values and paths)."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if default != QMessageBox.StandardButton.NoButton:
        box.setDefaultButton(default)
    return box


def _run(box: QMessageBox) -> QMessageBox.StandardButton:
    box.exec()
    answer = box.standardButton(box.clickedButton())
    box.deleteLater()
    return answer


def inform(parent: QWidget | None, title: str, text: str) -> None:
    """QMessageBox.information, in plain text."""
    _run(message_box(QMessageBox.Icon.Information, parent, title, text))


def warn(
    parent: QWidget | None,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
    default: QMessageBox.StandardButton = QMessageBox.StandardButton.NoButton,
) -> QMessageBox.StandardButton:
    """QMessageBox.warning, in plain text."""
    return _run(message_box(QMessageBox.Icon.Warning, parent, title, text, buttons, default))


def ask(parent: QWidget | None, title: str, text: str) -> QMessageBox.StandardButton:
    """QMessageBox.question (Yes / No), in plain text."""
    yes_no = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    return _run(message_box(QMessageBox.Icon.Question, parent, title, text, yes_no))


def progress_dialog(text: str, cancel: str, parent: QWidget | None) -> QProgressDialog:
    """A progress dialog whose changing text (file names, lines) is plain text."""
    dialog = QProgressDialog(parent)
    dialog.setLabel(plain_label(text))
    dialog.setCancelButtonText(cancel)
    dialog.setRange(0, 0)
    return dialog


def labelled(text: str, widget: QWidget, name: str | None = None) -> tuple[QLabel, QWidget]:
    """A caption for `widget`: it is the widget's buddy (its Alt key reaches it) and the
    widget gets an accessible name (by default the caption without '&' and ':')."""
    label = plain_label(text)
    label.setBuddy(widget)
    widget.setAccessibleName(name or text.replace("&", "").rstrip(":"))
    return label, widget


def add_row(form: QFormLayout, text: str, widget: QWidget, *, name: str | None = None) -> QWidget:
    """A labelled field in a form."""
    form.addRow(*labelled(text, widget, name))
    return widget


def date_edit(value: date | None, *, optional: bool = False) -> QDateEdit:
    edit = QDateEdit()
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    if optional:
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText("Not known")
    if value is not None:
        edit.setDate(QDate(value.year, value.month, value.day))
    elif optional:
        edit.setDate(NO_DATE)
    else:
        now = today()
        edit.setDate(QDate(now.year, now.month, now.day))
    return edit


def date_of(edit: QDateEdit) -> date | None:
    value = edit.date()
    if edit.specialValueText() and value == edit.minimumDate():
        return None
    return date(value.year(), value.month(), value.day())


def fmt_date(value: date | None) -> str:
    # Not strftime: under PySide6 each call goes through shiboken's import hook (about
    # 0.2 ms), which was a tenth of drawing the first screen of the caseload.
    return f"{value.day:02d}/{value.month:02d}/{value.year}" if value else ""


def enum_combo(values: Sequence[tuple[str, str]], current: str | None = None) -> QComboBox:
    """A combo of (stored value, label) pairs."""
    combo = QComboBox()
    for value, text in values:
        combo.addItem(text, value)
    if current is not None:
        combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


class RowsModel(QAbstractTableModel):
    """A read-only table of a few rows (a case's notes, dates, history)."""

    def __init__(self, headers: Sequence[str], rows: Sequence[Sequence[object]] = ()) -> None:
        super().__init__()
        self._headers = list(headers)
        self._rows: list[Sequence[object]] = list(rows)

    def set_rows(self, rows: Sequence[Sequence[object]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = self._rows[index.row()][index.column()]
            text = fmt_date(value) if isinstance(value, date) else str(value)
            return plain_tip(text) if role == Qt.ItemDataRole.ToolTipRole else text
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None


def table_view(model: QAbstractTableModel, name: str) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    # One fixed row height (fast), grown with the system font so large text is not cut.
    view.verticalHeader().setDefaultSectionSize(max(ROW_HEIGHT, view.fontMetrics().height() + 8))
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setHighlightSections(False)
    RowCountAnnouncer(view)
    return view


class RowCountAnnouncer(QObject):
    """Keeps a table's accessible description at "N rows" so a screen reader says how
    long a list is; a view with a better word ("12 cases") sets its own after this."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)  # dies with the view, so no call reaches a deleted table
        self._view = view
        model = view.model()
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
            signal.connect(self.announce)
        self.announce()

    @Slot()
    def announce(self) -> None:
        rows = self._view.model().rowCount()
        text = (
            QCoreApplication.translate("Table", "1 row")
            if rows == 1
            else QCoreApplication.translate("Table", "%1 rows").replace("%1", f"{rows:,}")
        )
        self._view.setAccessibleDescription(text)


class ReloadWhenShown:
    """Mix-in for a list view that rebuilds from the database: reload at once when shown,
    otherwise when next shown (a national list is not worth rebuilding behind the VLO's
    back). Put it before QWidget in the bases; the view defines `reload()`."""

    # Change kinds that can alter the list; None means any change.
    RELOAD_ON: tuple[str, ...] | None = None
    _stale = False

    def refresh_after(self, changed) -> None:
        if self.RELOAD_ON is not None and changed.kind not in self.RELOAD_ON:
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event) -> None:
        if self._stale:
            self._stale = False
            self.reload()
        super().showEvent(event)
