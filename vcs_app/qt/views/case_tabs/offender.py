"""The Offender and dates tab."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from vcs_app.domain.model import KEY_DATE_KINDS, CaseFile, label
from vcs_app.qt.views.case_tabs.common import button, form, page
from vcs_app.qt.widgets import RowsModel, fmt_date, table_view

if TYPE_CHECKING:
    from vcs_app.qt.views.case_view import CaseView

TITLE = "&Offender && dates"


def build(view: CaseView, case: CaseFile) -> QWidget:
    o = case.offender
    details = form(
        [
            ("Name", o.full_name),
            ("Date of birth", fmt_date(o.dob)),
            ("CRN", o.crn),
            ("Prison number", o.nomis),
            ("Establishment (internal only)", o.establishment),
            ("Offence", case.link.offence),
            ("Sentence date", fmt_date(case.link.sentence_date)),
            ("Offender manager", f"{case.link.om_name} {case.link.om_team}".strip()),
        ]
    )
    view.key_dates_model = RowsModel(
        ["Date", "Kind", "Value", "Source", "Received", "Status"],
        [
            (
                k.kind,
                KEY_DATE_KINDS.get(k.kind, k.kind),
                k.value,
                label(k.source).upper(),
                k.received_on or "",
                "Current" if k.superseded_by is None else "Superseded",
            )
            for k in case.key_dates
        ],
    )
    return page(
        details,
        table_view(view.key_dates_model, "Key dates"),
        buttons=[
            button(
                "Edit o&ffender…", "Edit offender", lambda: view.edit_offender.emit(view.case_id)
            )
        ],
    )
