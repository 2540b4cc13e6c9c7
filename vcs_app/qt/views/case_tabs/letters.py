"""The Contacts and letters tab."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QWidget

from vcs_app.domain.model import CaseFile, label
from vcs_app.qt.views.case_tabs.common import page
from vcs_app.qt.widgets import RowsModel, table_view

if TYPE_CHECKING:
    from vcs_app.qt.views.case_view import CaseView

TITLE = "Contacts && le&tters"


def build(view: CaseView, case: CaseFile) -> QWidget:
    model = RowsModel(
        ["Date", "Kind", "Outcome", "Summary", "By"],
        [
            (c.happened_on, label(c.kind), c.outcome, c.summary, c.recorded_by)
            for c in case.contact_log
        ],
    )
    tasks = RowsModel(
        ["Due", "Task", "Done"],
        [(t.due_on, t.title, t.done_on or "Open") for t in case.tasks],
    )
    return page(
        QLabel("Tasks"),
        table_view(tasks, "Tasks"),
        QLabel("Contacts with the victim"),
        table_view(model, "Contacts with the victim"),
    )
