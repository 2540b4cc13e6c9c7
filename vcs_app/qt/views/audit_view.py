"""The audit log viewer: who did what to which record, filtered by user, case and period.

Rows are read newest first a page at a time (`fetchMore` with a keyset), so a log of a
million entries opens as fast as one of ten.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vcs_app.domain.model import AuditEntry, DomainError
from vcs_app.qt.dialogs.kept_file import confirm_unencrypted
from vcs_app.qt.widgets import (
    Index,
    date_edit,
    date_of,
    fmt_date,
    labelled,
    plain_label,
    plain_tip,
    set_widths,
    table_view,
    today,
)
from vcs_app.services import audit_view, clocks
from vcs_app.services.audit_view import AuditFilter
from vcs_app.services.workspace import Workspace

HEADERS = (
    QT_TRANSLATE_NOOP("AuditLogView", "When"),
    QT_TRANSLATE_NOOP("AuditLogView", "Who"),
    QT_TRANSLATE_NOOP("AuditLogView", "Action"),
    QT_TRANSLATE_NOOP("AuditLogView", "Record"),
    QT_TRANSLATE_NOOP("AuditLogView", "Case"),
    QT_TRANSLATE_NOOP("AuditLogView", "Details"),
)
ACTION_LABELS = {
    "view": QT_TRANSLATE_NOOP("AuditLogView", "Viewed"),
    "create": QT_TRANSLATE_NOOP("AuditLogView", "Created"),
    "update": QT_TRANSLATE_NOOP("AuditLogView", "Changed"),
    "disclose": QT_TRANSLATE_NOOP("AuditLogView", "Disclosed"),
    "backup": QT_TRANSLATE_NOOP("AuditLogView", "Backed up"),
    "restore": QT_TRANSLATE_NOOP("AuditLogView", "Restored"),
}


def action_label(action: str) -> str:
    if action in ACTION_LABELS:
        return QCoreApplication.translate("AuditLogView", ACTION_LABELS[action])
    return action.replace("_", " ").capitalize()


RECORD_LABELS = {
    "link": QT_TRANSLATE_NOOP("AuditLogView", "case"),
    "liaison_entry": QT_TRANSLATE_NOOP("AuditLogView", "liaison note"),
}


def record_label(entity: str) -> str:
    if entity in RECORD_LABELS:
        return QCoreApplication.translate("AuditLogView", RECORD_LABELS[entity])
    return entity.replace("_", " ")


def _record(entry: AuditEntry) -> str:
    what = record_label(entry.entity)
    return f"{what} {entry.entity_id}" if entry.entity_id is not None else what


# What the keys of a change's detail mean, where their names are not plain words.
KEY_WORDS = {
    "due_on": QT_TRANSLATE_NOOP("AuditLogView", "due"),
    "opt_state": QT_TRANSLATE_NOOP("AuditLogView", "opt-in"),
    "om_name": QT_TRANSLATE_NOOP("AuditLogView", "OM"),
    "om_team": QT_TRANSLATE_NOOP("AuditLogView", "OM team"),
    "vlo": QT_TRANSLATE_NOOP("AuditLogView", "VLO"),
    "crn": QT_TRANSLATE_NOOP("AuditLogView", "CRN"),
    "nomis": QT_TRANSLATE_NOOP("AuditLogView", "prison number"),
    "dob": QT_TRANSLATE_NOOP("AuditLogView", "date of birth"),
    "offence_category": QT_TRANSLATE_NOOP("AuditLogView", "offence type"),
    "referral_date": QT_TRANSLATE_NOOP("AuditLogView", "referral received"),
    "rules_version": QT_TRANSLATE_NOOP("AuditLogView", "rules"),
    "source": QT_TRANSLATE_NOOP("AuditLogView", "how it came"),
    "on": QT_TRANSLATE_NOOP("AuditLogView", "on"),
    "condition_request_id": QT_TRANSLATE_NOOP("AuditLogView", "licence condition request"),
    "awaiting_reply": QT_TRANSLATE_NOOP("AuditLogView", "waits for a reply"),
}
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _value_words(value: object) -> str:
    if value is None or value == "":
        return QCoreApplication.translate("AuditLogView", "none")
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("AuditLogView", "yes")
            if value
            else QCoreApplication.translate("AuditLogView", "no")
        )
    if isinstance(value, list):
        if len(value) == 2:
            return f"{_value_words(value[0])} → {_value_words(value[1])}"
        return ", ".join(_value_words(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{_key_words(k)} {_value_words(v)}" for k, v in value.items())
    text = str(value)
    if _ISO_DAY.fullmatch(text):
        return fmt_date(date.fromisoformat(text))
    return text.replace("_", " ") if re.fullmatch(r"[a-z0-9_]+", text) else text


def _key_words(key: str) -> str:
    if key in KEY_WORDS:
        return QCoreApplication.translate("AuditLogView", KEY_WORDS[key])
    return key.replace("_", " ")


def change_words(entity: str, detail: str, task_title: str = "") -> str:
    """A logged change in words: "Task: Offer contact to the victim directly, due
    15/03/2028", not "rule: turning_18; due_on: 2028-03-15"."""
    if not detail:
        return ""
    try:
        data = json.loads(detail)
    except ValueError:
        return detail
    if not isinstance(data, dict):
        return detail
    if {"old", "new"} <= data.keys():
        old = _value_words(data["old"]) if data["old"] else "(none)"
        return f"{data.get('kind', '')} {old} → {_value_words(data['new'])}".strip()
    data = dict(data)
    parts = []
    if entity == "task":
        rule = data.pop("rule", "")
        title = task_title or (clocks.rule_label(rule, today()) if rule else "")
        head = QCoreApplication.translate("AuditLogView", "Task")
        parts.append(f"{head}: {title}" if title else head)
        if "due_on" in data:
            due = QCoreApplication.translate("AuditLogView", "due {date}").format(
                date=_value_words(data.pop("due_on"))
            )
            parts[-1] += f", {due}"
        if data.pop("done", False):
            parts.append(QCoreApplication.translate("AuditLogView", "done"))
        outcome = data.pop("outcome", "")
        if outcome and outcome != "done":
            parts.append(_value_words(outcome))
        elif outcome and not parts[1:]:
            parts.append(QCoreApplication.translate("AuditLogView", "done"))
    parts += [f"{_key_words(key)}: {_value_words(value)}" for key, value in data.items()]
    return "; ".join(parts)


class AuditLogModel(QAbstractTableModel):
    """Audit rows matching a filter, newest first, fetched on demand."""

    def __init__(self, ws: Workspace) -> None:
        super().__init__()
        self._ws = ws
        self._rows: list[AuditEntry] = []
        self._more = False
        self.filter = AuditFilter()
        self.total = 0

    def set_filter(self, flt: AuditFilter) -> None:
        """Show rows matching `flt`; a filter the service refuses raises DomainError and
        leaves the table as it was."""
        total = audit_view.audit_count(self._ws, flt)
        first = audit_view.audit_page(self._ws, flt)
        self.beginResetModel()
        self.filter, self.total = flt, total
        self._rows = list(first)
        self._more = len(self._rows) < total
        self.endResetModel()

    def reload(self) -> None:
        self.set_filter(self.filter)

    def entry(self, row: int) -> AuditEntry:
        return self._rows[row]

    # --- Qt model -----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more:
            return
        before = self._rows[-1].id if self._rows else None
        page = audit_view.audit_page(self._ws, self.filter, before_id=before)
        if not page:
            self._more = False
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()
        self._more = len(self._rows) < self.total

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        text = self._text(self._rows[index.row()], index.column())
        return plain_tip(text) if role == Qt.ItemDataRole.ToolTipRole else text

    @staticmethod
    def _text(entry, column: int) -> str:
        if column == 0:
            return entry.at.astimezone().strftime("%d/%m/%Y %H:%M:%S")
        if column == 1:
            return entry.who
        if column == 2:
            return action_label(entry.action)
        if column == 3:
            return _record(entry)
        if column == 4:
            return audit_view.case_ref_of(entry)
        return change_words(entry.entity, entry.detail)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("AuditLogView", HEADERS[section])
        return None


class AuditLogView(QWidget):
    """Filters over the log, the table, and export; opened from Tools > Audit log."""

    def __init__(self, ws: Workspace) -> None:
        super().__init__()
        self.ws = ws
        self.model = AuditLogModel(ws)
        self.user = QComboBox()
        self.user.addItem(QCoreApplication.translate("AuditLogView", "All users"), None)
        for name in audit_view.audit_users(ws):
            self.user.addItem(name, name)
        self.action = QComboBox()
        self.action.addItem(QCoreApplication.translate("AuditLogView", "All actions"), None)
        for action in audit_view.audit_actions(ws):
            self.action.addItem(action_label(action), action)
        self.case = QLineEdit()
        self.case.setPlaceholderText(QCoreApplication.translate("AuditLogView", "e.g. VCS-000123"))
        self.case.setClearButtonEnabled(True)
        self.since = date_edit(None, optional=True)
        self.until = date_edit(None, optional=True)
        for edit in (self.since, self.until):
            edit.setSpecialValueText(QCoreApplication.translate("AuditLogView", "Any date"))
        self.table = table_view(self.model, QCoreApplication.translate("AuditLogView", "Audit log"))
        self.count = plain_label()
        self.count.setAccessibleName(QCoreApplication.translate("AuditLogView", "Entries shown"))
        self.message = plain_label()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(
            QCoreApplication.translate("AuditLogView", "Audit log message")
        )
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_button = QPushButton(QCoreApplication.translate("AuditLogView", "E&xport CSV…"))
        self.export_button.setAccessibleName(
            QCoreApplication.translate("AuditLogView", "Export the entries shown as CSV")
        )
        self.export_button.clicked.connect(self.export_csv)
        self.verify_button = QPushButton(
            QCoreApplication.translate("AuditLogView", "Ver&ify chain")
        )
        self.verify_button.setAccessibleName(
            QCoreApplication.translate("AuditLogView", "Verify the audit chain")
        )
        self.verify_button.clicked.connect(self.verify_chain)

        bar = QHBoxLayout()
        for widget in (
            *labelled(
                QCoreApplication.translate("AuditLogView", "&User:"),
                self.user,
                QCoreApplication.translate("AuditLogView", "Filter by user"),
            ),
            *labelled(
                QCoreApplication.translate("AuditLogView", "Actio&n:"),
                self.action,
                QCoreApplication.translate("AuditLogView", "Filter by action"),
            ),
            *labelled(
                QCoreApplication.translate("AuditLogView", "C&ase:"),
                self.case,
                QCoreApplication.translate("AuditLogView", "Filter by case reference"),
            ),
            *labelled(
                QCoreApplication.translate("AuditLogView", "Fro&m:"),
                self.since,
                QCoreApplication.translate("AuditLogView", "From date"),
            ),
            *labelled(
                QCoreApplication.translate("AuditLogView", "T&o:"),
                self.until,
                QCoreApplication.translate("AuditLogView", "To date"),
            ),
        ):
            bar.addWidget(widget, 2 if widget is self.case else 0)
        bar.addStretch(1)
        bar.addWidget(self.count)
        actions = QHBoxLayout()
        actions.addWidget(self.message, 1)
        actions.addWidget(self.verify_button)
        actions.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)

        self.user.currentIndexChanged.connect(self.apply_filter)
        self.action.currentIndexChanged.connect(self.apply_filter)
        self.case.returnPressed.connect(self.apply_filter)
        self.case.editingFinished.connect(self._case_edited)
        self.since.dateChanged.connect(self.apply_filter)
        self.until.dateChanged.connect(self.apply_filter)
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)
        self._applied_case = ""
        self.apply_filter()
        set_widths(self.table, (150, 110, 90, 130, 100))

    def current_filter(self) -> AuditFilter:
        return AuditFilter(
            who=self.user.currentData(),
            case_ref=self.case.text(),
            since=date_of(self.since),
            until=date_of(self.until),
            action=self.action.currentData(),
        )

    def apply_filter(self) -> None:
        flt = self.current_filter()
        try:
            self.model.set_filter(flt)
        except DomainError as exc:
            self.message.setText(str(exc))
            return
        self._applied_case = flt.case_ref
        self.message.setText("")

    def _case_edited(self) -> None:
        if self.case.text() != self._applied_case:
            self.apply_filter()

    def show_case(self, case_ref: str) -> None:
        """Narrow the log to one case (e.g. from the case menu)."""
        self.case.setText(case_ref)
        self.apply_filter()

    def _update_count(self) -> None:
        total, shown = self.model.total, self.model.rowCount()
        text = (
            QCoreApplication.translate("AuditLogView", "1 entry")
            if total == 1
            else QCoreApplication.translate("AuditLogView", "{count} entries").format(
                count=f"{total:,}"
            )
        )
        loaded = QCoreApplication.translate("AuditLogView", "{entries} ({loaded} loaded)")
        self.count.setText(
            text if shown == total else loaded.format(entries=text, loaded=f"{shown:,}")
        )
        self.table.setAccessibleDescription(text)

    def verify_chain(self) -> None:
        self.message.setText(audit_view.chain_status(self.ws))

    def export_csv(self) -> None:
        if not confirm_unencrypted(self, self.ws, "the exported audit log"):
            return
        default = str(Path.home() / "audit-log.csv")
        path, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("AuditLogView", "Export audit log"),
            default,
            QCoreApplication.translate("AuditLogView", "CSV files (*.csv)"),
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> int | None:
        """Export what the filters select; the export is itself logged as a disclosure."""
        try:
            rows = audit_view.export_audit_csv(self.ws, self.model.filter, path)
        except DomainError as exc:
            self.message.setText(str(exc))
            return None
        self.model.reload()
        self.message.setText(
            QCoreApplication.translate(
                "AuditLogView",
                "Exported {count} entries to {path}. The export is recorded in the log as a"
                " disclosure.",
            ).format(count=f"{rows:,}", path=path)
        )
        return rows
