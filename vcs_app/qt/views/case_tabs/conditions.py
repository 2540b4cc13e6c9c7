"""The Licence conditions tab."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QWidget

from vcs_app.domain.model import CaseFile
from vcs_app.qt.views.case_tabs.common import page

if TYPE_CHECKING:
    from vcs_app.qt.views.case_view import CaseView

TITLE = "Licence &conditions"


def build(view: CaseView, case: CaseFile) -> QWidget:
    note = QLabel("No licence conditions have been requested for this case.")
    note.setAccessibleName("Licence conditions")
    return page(note)
