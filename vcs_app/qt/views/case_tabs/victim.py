"""The Victim and contact tab."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from vcs_app.domain.model import CaseFile, label
from vcs_app.qt.views.case_tabs.common import button, form, page
from vcs_app.qt.widgets import RowsModel, fmt_date, table_view

if TYPE_CHECKING:
    from vcs_app.qt.views.case_view import CaseView

TITLE = "&Victim && contact"


def build(view: CaseView, case: CaseFile) -> QWidget:
    v, link = case.victim, case.link
    details = form(
        [
            ("Name", v.full_name),
            ("Date of birth", fmt_date(v.dob)),
            ("Contact is with", label(v.role)),
            ("Parent/guardian", v.guardian_name),
            ("Language", label(v.language)),
            ("Accessibility needs", v.accessibility),
            ("Opt-in", label(link.opt_state)),
            ("Contact level", label(link.contact_level)),
            ("Preferred channel", label(link.channel)),
            ("Eligibility", f"{label(link.eligibility)} {link.eligibility_reason}".strip()),
            ("VLO", link.vlo),
        ]
    )
    view.contacts_model = RowsModel(
        ["Kind", "Detail", "Safe to use", "Do not post", "Safe alternative", "Valid"],
        [
            (
                label(c.kind),
                c.value.replace("\n", ", "),
                "Yes" if c.safe_to_use else "NO - UNSAFE",
                "DO NOT POST" if c.do_not_post else "No",
                "Yes" if c.safe_alternative else "No",
                f"{fmt_date(c.valid_from) or 'always'} to {fmt_date(c.valid_to) or 'now'}",
            )
            for c in case.contacts
        ],
    )
    table = table_view(view.contacts_model, "Contact details")
    return page(
        details,
        table,
        buttons=[
            button("&Edit victim…", "Edit victim", lambda: view.edit_victim.emit(view.case_id))
        ],
    )
