"""The History tab."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from vcs_app.domain.model import CaseFile, label
from vcs_app.qt.views.case_tabs.common import page
from vcs_app.qt.widgets import RowsModel, plain_label, table_view

if TYPE_CHECKING:
    from vcs_app.qt.views.case_view import CaseView


def _history_text(detail: str) -> str:
    if not detail:
        return ""
    try:
        data = json.loads(detail)
    except ValueError:
        return detail
    if isinstance(data, dict) and {"old", "new"} <= data.keys():
        return f"{data.get('kind', '')} {data['old'] or '(none)'} → {data['new']}".strip()
    if isinstance(data, dict):
        parts = []
        for key, value in data.items():
            if isinstance(value, list) and len(value) == 2:
                parts.append(f"{key}: {value[0]} → {value[1]}")
            else:
                parts.append(f"{key}: {value}")
        return "; ".join(parts)
    return detail


TITLE = QT_TRANSLATE_NOOP("CaseView", "&History")


def build(view: CaseView, case: CaseFile) -> QWidget:
    opt = RowsModel(
        [
            QCoreApplication.translate("CaseView", "Date"),
            QCoreApplication.translate("CaseView", "Opt-in state"),
            QCoreApplication.translate("CaseView", "Source"),
            QCoreApplication.translate("CaseView", "Recorded by"),
        ],
        [(on, label(state), source, by) for on, state, source, by in case.opt_history],
    )
    audit = RowsModel(
        [
            QCoreApplication.translate("CaseView", "When (UTC)"),
            QCoreApplication.translate("CaseView", "Who"),
            QCoreApplication.translate("CaseView", "Action"),
            QCoreApplication.translate("CaseView", "Record"),
            QCoreApplication.translate("CaseView", "Change"),
        ],
        [
            (
                h.at.strftime("%d/%m/%Y %H:%M"),
                h.who,
                h.action,
                h.entity.replace("_", " "),
                _history_text(h.detail),
            )
            for h in case.history
        ],
    )
    return page(
        plain_label(QCoreApplication.translate("CaseView", "Opt-in history")),
        table_view(opt, QCoreApplication.translate("CaseView", "Opt-in history")),
        plain_label(QCoreApplication.translate("CaseView", "Record history (audit)")),
        table_view(audit, QCoreApplication.translate("CaseView", "Record history")),
    )
