"""Small building blocks shared by the views and dialogs (accessible by construction, and
plain text by construction: a label, message or tooltip never renders stored or imported
text as HTML, where an `<img src="file://host/share/x">` would make Windows send the
user's login hash to that host)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    Qt,
    QTimer,
    Slot,
)
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QStyle,
    QStyleOptionComboBox,
    QTableView,
    QWidget,
)

from vcs_app.domain.model import DomainError
from vcs_app.qt.i18n import shown

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


def without_mnemonic(text: str) -> str:
    """A caption without its Alt key ("Contacts && le&tters" -> "Contacts && letters")."""
    return re.sub(r"&(.)", lambda found: "&&" if found[1] == "&" else found[1], text)


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


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


# A date typed whole: day, month and year with "/", "." or "-" between them, or eight
# digits (ddmmyyyy), as a VLO reads it off a referral form or hears it on the phone.
_TYPED_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})|(\d{2})(\d{2})(\d{4})")
_TYPED_CHARS = frozenset("0123456789/.-")


def parse_typed_date(text: str) -> date | None:
    """The date in `text` (02/11/2026, 2/11/2026, 02112026, 02.11.2026), or None."""
    found = _TYPED_DATE.fullmatch(text.strip())
    if found is None:
        return None
    day, month, year = (int(g) for g in found.groups() if g is not None)
    try:
        return date(year, month, day)
    except ValueError:
        return None


class DateNotFinished(DomainError):
    """What was typed into an optional date is not a whole date yet."""


class OptionalDateEdit(QDateEdit):
    """A date that may be "Not known" (its special value, the minimum date).

    Typing a date into it just works: while it is empty, or all its text is selected (as
    after Tab), digits and separators are collected and shown as typed, and once they
    make a whole date (02/11/2026, 2/11/2026 or 02112026) that is the date; Escape puts
    back what was there. Delete or Backspace on the selected field clears it. Alt+Down
    or F4 opens the calendar (QDateEdit's own pop-up, which has no key of its own) on the
    date, or on today when there is none, never on the minimum; Escape there leaves the
    field as it was. Otherwise it is QDateEdit (arrows step a section of a known date).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._empty_text = QCoreApplication.translate("DateEdit", "Not known")
        self._typed = ""
        self._before = NO_DATE  # the date to put back when typing is abandoned
        self._opened_with: QDate | None = None  # the calendar's starting date, while open
        self.setDisplayFormat("dd/MM/yyyy")
        self.setCalendarPopup(True)
        self.setMinimumDate(NO_DATE)
        super().setSpecialValueText(self._empty_text)
        self.setDate(NO_DATE)
        self.setToolTip(
            QCoreApplication.translate(
                "DateEdit",
                "Type the date, e.g. 02/11/2026 or 02112026. Delete clears it;"
                " Alt+Down opens a calendar.",
            )
        )
        calendar = self.calendarWidget()
        calendar.installEventFilter(self)
        calendar.activated.connect(self._calendar_chose)
        calendar.clicked.connect(self._calendar_chose)

    # --- what it holds ------------------------------------------------------------------

    def is_empty(self) -> bool:
        return self.date() == self.minimumDate()

    def typed_text(self) -> str:
        """What is being typed and is not a date yet ("" when nothing is)."""
        return self._typed

    def setSpecialValueText(self, text: str) -> None:
        """The words shown for "no date" (kept while a date is being typed)."""
        self._empty_text = text
        if not self._typed:
            super().setSpecialValueText(text)

    def clear_date(self) -> None:
        self._show_typed("")
        self.setDate(self.minimumDate())
        self.selectAll()

    # --- typing -------------------------------------------------------------------------

    def _show_typed(self, text: str) -> None:
        self._typed = text
        super().setSpecialValueText(text or self._empty_text)
        if text:
            self.lineEdit().setCursorPosition(len(text))

    def _all_selected(self) -> bool:
        edit = self.lineEdit()
        return bool(edit.text()) and edit.selectedText() == edit.text()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, text = event.key(), event.text()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        alt = mods == Qt.KeyboardModifier.AltModifier
        plain = not mods & ~Qt.KeyboardModifier.ShiftModifier
        typing = bool(self._typed)
        if (alt and key == Qt.Key.Key_Down) or (plain and key == Qt.Key.Key_F4):
            self.open_calendar()
        elif plain and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            if typing and key == Qt.Key.Key_Backspace:
                self._show_typed(self._typed[:-1])
            elif typing or self.is_empty() or self._all_selected():
                self.clear_date()
            else:
                super().keyPressEvent(event)
        elif (
            plain
            and text
            and text in _TYPED_CHARS
            and (typing or self.is_empty() or self._all_selected())
        ):
            if not typing:
                self._before = self.date()
                self.setDate(self.minimumDate())
            self._type(text)
        elif typing and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()  # Enter does not save a half-typed date: it is finished first
        elif typing and key == Qt.Key.Key_Escape:
            self._show_typed("")
            self.setDate(self._before)
            self.selectAll()
        else:
            super().keyPressEvent(event)

    def _type(self, char: str) -> None:
        typed = self._typed + char
        if len(typed) > len("02/11/2026"):
            return
        found = parse_typed_date(typed) if _year_typed(typed) else None
        if found is not None and _qdate(found) > self.minimumDate():
            self._show_typed("")
            self.setDate(_qdate(found))
            self.selectAll()
        else:
            self._show_typed(typed)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        keyboard = (
            Qt.FocusReason.TabFocusReason,
            Qt.FocusReason.BacktabFocusReason,
            Qt.FocusReason.ShortcutFocusReason,
        )
        if event.reason() in keyboard and not self._typed:
            self.selectAll()  # so typing replaces the date, as in a text field

    # --- the calendar -------------------------------------------------------------------

    def open_calendar(self) -> None:
        """Open QDateEdit's pop-up from the keyboard: the press its drop-down arrow gets."""
        option = QStyleOptionComboBox()
        option.initFrom(self)
        option.editable = True
        option.frame = True
        option.subControls = QStyle.SubControl.SC_All
        arrow = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxArrow, self
        )
        at = QPointF(arrow.center())
        self.mousePressEvent(
            QMouseEvent(
                QEvent.Type.MouseButtonPress,
                at,
                self.mapToGlobal(at),
                Qt.MouseButton.LeftButton,
                Qt.MouseButton.LeftButton,
                Qt.KeyboardModifier.NoModifier,
            )
        )

    def _calendar_chose(self, _day: QDate) -> None:
        self._opened_with = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.calendarWidget():
            if event.type() == QEvent.Type.Show:
                self._show_typed("")
                self._opened_with = self.date()
                if self.is_empty():  # open on today; the field changes only on a choice
                    calendar = self.calendarWidget()
                    calendar.blockSignals(True)
                    calendar.setSelectedDate(_qdate(today()))
                    calendar.blockSignals(False)
            elif event.type() == QEvent.Type.Hide:
                # A choice (Enter, a click) closes it before its signal reaches us.
                QTimer.singleShot(0, self, self._closed_without_choice)
        return super().eventFilter(watched, event)

    def _closed_without_choice(self) -> None:
        """Escape or a click elsewhere: the field is as it was before the pop-up."""
        if self._opened_with is not None:
            self.setDate(self._opened_with)
            self._opened_with = None
        self.selectAll()  # typing replaces it, as after Tab


def _year_typed(typed: str) -> bool:
    """A typed date is finished once its year has four digits."""
    digits = sum(c.isdigit() for c in typed)
    return digits == 8 if typed.isdigit() else bool(re.search(r"[/.-]\d{4}$", typed))


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def date_edit(value: date | None, *, optional: bool = False) -> QDateEdit:
    if optional:
        edit: QDateEdit = OptionalDateEdit()
        if value is not None:
            edit.setDate(_qdate(value))
        return edit
    edit = QDateEdit()
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    edit.setDate(_qdate(value if value is not None else today()))
    return edit


def date_of(edit: QDateEdit) -> date | None:
    """The edit's date; None for "not known". A date still being typed is an error in
    words (raised where a dialog is saved, so nothing typed is lost)."""
    if isinstance(edit, OptionalDateEdit) and edit.typed_text():
        raise DateNotFinished(
            QCoreApplication.translate(
                "DateEdit",
                "{field}: “{typed}” is not a date; type it as 02/11/2026 or 02112026.",
            ).format(field=edit.accessibleName() or "Date", typed=edit.typed_text())
        )
    value = edit.date()
    if edit.specialValueText() and value == edit.minimumDate():
        return None
    return _pydate(value)


def fmt_date(value: date | None) -> str:
    # Not strftime: under PySide6 each call goes through shiboken's import hook (about
    # 0.2 ms), which was a tenth of drawing the first screen of the caseload.
    return f"{value.day:02d}/{value.month:02d}/{value.year}" if value else ""


def enum_combo(values: Sequence[tuple[str, str]], current: str | None = None) -> QComboBox:
    """A combo of (stored value, label) pairs."""
    combo = QComboBox()
    for value, text in values:
        combo.addItem(shown(text), value)
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
            # a domain word (a status, a flag, a reason) in the interface language
            text = fmt_date(value) if isinstance(value, date) else shown(str(value))
            return plain_tip(text) if role == Qt.ItemDataRole.ToolTipRole else text
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return shown(self._headers[section])
        return None


# The average character width the column widths below were chosen at (9 pt text).
BASE_CHAR_WIDTH = 6


def set_widths(table: QTableView, widths: Sequence[int], *, fit_rows: bool = True) -> None:
    """Column widths that grow with the text: each is scaled with the font (150% text,
    150% widths) and is at least as wide as its heading and (`fit_rows`) as the rows
    shown now (up to twice its width), so a longer Welsh heading or a full case reference
    is not cut."""
    header = table.horizontalHeader()
    scale = max(1.0, table.fontMetrics().averageCharWidth() / BASE_CHAR_WIDTH)
    for column, width in enumerate(widths):
        wanted = round(width * scale)
        rows = min(table.sizeHintForColumn(column), 2 * wanted) if fit_rows else 0
        table.setColumnWidth(column, max(wanted, header.sectionSizeHint(column), rows))


def tab_in_reading_order(root: QWidget) -> None:
    """Tab goes through `root`'s fields as they are laid out, top to bottom and then left
    to right along a row, whatever order they were made in (rows rebuilt later, a row of
    buttons added to a form). Call once it is laid out (shown)."""
    if root.layout() is not None:
        root.layout().activate()
    fields = [
        w
        for w in root.findChildren(QWidget)
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.isVisibleTo(root)
        and w.focusProxy() is None
        and not isinstance(w.parentWidget(), (QAbstractSpinBox, QComboBox))
    ]
    fields.sort(key=lambda w: (w.mapTo(root, QPoint(0, 0)).y(), w.mapTo(root, QPoint(0, 0)).x()))
    for before, after in itertools.pairwise(fields):
        QWidget.setTabOrder(before, after)


def table_view(model: QAbstractTableModel, name: str) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)  # Tab leaves the table (the arrows move in it)
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
