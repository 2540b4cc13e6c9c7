"""The Liaison log tab."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from vcs_app.domain.model import CaseFile, label
from vcs_app.qt.views.case_tabs.common import button, page
from vcs_app.qt.widgets import RowsModel, table_view

if TYPE_CHECKING:
    from vcs_app.qt.views.case_view import CaseView

TITLE = "&Liaison log"


def build(view: CaseView, case: CaseFile) -> QWidget:
    view.liaison_model = RowsModel(
        ["Date", "Direction", "With", "Person", "Channel", "Summary", "Follow up by"],
        [
            (
                e.happened_on,
                label(e.direction),
                label(e.party),
                e.who,
                label(e.channel),
                e.summary,
                e.follow_up_due or "",
            )
            for e in case.liaison
        ],
    )
    view.liaison_table = table_view(view.liaison_model, "Liaison log")
    return page(
        view.liaison_table,
        buttons=[
            button(
                "&Add liaison note…",
                "Add liaison note",
                lambda: view.add_liaison.emit(view.case_id),
            )
        ],
    )
