"""The History tab."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from vcs_app.domain.model import CaseFile
from vcs_app.qt.i18n import label
from vcs_app.qt.views.audit_view import action_label, change_words, record_label
from vcs_app.qt.views.case_tabs.common import page
from vcs_app.qt.widgets import RowsModel, plain_label, table_view

if TYPE_CHECKING:
    from vcs_app.qt.views.case_view import CaseView


TITLE = QT_TRANSLATE_NOOP("CaseView", "&History")


def build(view: CaseView, case: CaseFile) -> QWidget:

    opt = RowsModel(
        [
            QCoreApplication.translate("CaseView", "Date"),
            QCoreApplication.translate("CaseView", "Opt-in state"),
            QCoreApplication.translate("CaseView", "Source"),
            QCoreApplication.translate("CaseView", "Recorded by"),
        ],
        [
            (on, label(state), QCoreApplication.translate("Intake", source), by)
            for on, state, source, by in case.opt_history
        ],
    )
    task_titles = {t.id: t.title for t in case.tasks}
    audit = RowsModel(
        [
            QCoreApplication.translate("CaseView", "When"),
            QCoreApplication.translate("CaseView", "Who"),
            QCoreApplication.translate("CaseView", "Action"),
            QCoreApplication.translate("CaseView", "Record"),
            QCoreApplication.translate("CaseView", "Change"),
        ],
        [
            (
                h.at.astimezone().strftime("%d/%m/%Y %H:%M"),  # stored in UTC, shown local
                h.who,
                action_label(h.action),
                record_label(h.entity),
                change_words(
                    h.entity, h.detail, task_titles.get(h.entity_id, "") if h.entity_id else ""
                ),
            )
            for h in case.history
        ],
    )
    opt_table = table_view(opt, QCoreApplication.translate("CaseView", "Opt-in history"))
    audit_table = table_view(audit, QCoreApplication.translate("CaseView", "Record history"))
    for table in (opt_table, audit_table):  # dates and times whole, never cut off
        for column in range(table.model().columnCount() - 1):  # the last one stretches
            table.resizeColumnToContents(column)
    return page(
        plain_label(QCoreApplication.translate("CaseView", "Opt-in history")),
        opt_table,
        plain_label(QCoreApplication.translate("CaseView", "Record history (audit)")),
        audit_table,
    )
