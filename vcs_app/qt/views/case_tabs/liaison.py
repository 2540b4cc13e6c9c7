"""The Liaison log tab: the case's offender manager (and who it was before), and every
exchange with the OM, prison, hospital, Parole Board or police, with what still waits
for a reply."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QLabel, QWidget

from vcs_app.domain.model import CaseFile, Direction, LiaisonEntry, Party, label
from vcs_app.qt.views.case_tabs.common import button, form, page
from vcs_app.qt.widgets import RowsModel, fmt_date, table_view

if TYPE_CHECKING:
    from vcs_app.qt.views.case_view import CaseView

TITLE = QT_TRANSLATE_NOOP("CaseView", "&Liaison log")


def reply_state(entry: LiaisonEntry) -> str:
    """Where the exchange stands, in words (never by colour alone)."""
    if entry.direction is Direction.FROM:
        return "Reply" if entry.is_reply else ""
    if not entry.awaiting_reply:
        return ""
    prefix = "Chase: " if entry.is_chase else ""
    if entry.answered_on:
        return f"{prefix}answered {fmt_date(entry.answered_on)}"
    return f"{prefix}WAITING FOR REPLY"


def _waiting(entry: LiaisonEntry) -> bool:
    return (
        entry.direction is Direction.TO
        and entry.party is Party.OM
        and entry.awaiting_reply
        and entry.answered_on is None
    )


def build(view: CaseView, case: CaseFile) -> QWidget:
    link = case.link
    titles = {r.id: r.title for r in case.conditions}
    om_text = link.om_name + (f" ({link.om_team})" if link.om_team else "")
    current = form([("Offender manager", om_text or "None recorded")])
    history = RowsModel(
        ["From", "To", "Offender manager", "Team", "Reason", "Recorded by"],
        [
            (
                h.from_on or "before records",
                h.to_on or "now",
                h.om_name,
                h.om_team,
                h.reason,
                h.recorded_by,
            )
            for h in case.om_history
        ],
    )
    view.om_history_model = history
    history_table = table_view(history, "Offender manager history")
    history_table.setMaximumHeight(110)
    for column, width in enumerate((100, 90, 150, 120, 380)):
        history_table.setColumnWidth(column, width)
    history_table.setVisible(bool(case.om_history))
    history_label = QLabel(
        "Offender manager history"
        if case.om_history
        else "No change of offender manager recorded for this case."
    )
    entries = case.liaison
    view.liaison_model = RowsModel(
        [
            "Date",
            "Direction",
            "With",
            "Person",
            "Channel",
            "Summary",
            "Request",
            "Reply",
            "Follow up by",
        ],
        [
            (
                e.happened_on,
                label(e.direction),
                label(e.party),
                e.who,
                label(e.channel),
                e.summary,
                titles.get(e.condition_request_id, "") if e.condition_request_id else "",
                reply_state(e),
                e.follow_up_due or "",
            )
            for e in entries
        ],
    )
    view.liaison_table = table_view(view.liaison_model, "Liaison log")
    for column, width in enumerate((85, 70, 130, 120, 75, 330, 140, 150)):
        view.liaison_table.setColumnWidth(column, width)
    chase = button("Chase O&M…", "Chase OM about the selected note", lambda: _chase(view))
    chase.setEnabled(False)

    def selected() -> LiaisonEntry | None:
        row = view.liaison_table.currentIndex().row()
        return entries[row] if 0 <= row < len(entries) else None

    def _chase(view: CaseView) -> None:
        entry = selected()
        if entry is None or not _waiting(entry):
            return
        if entry.condition_request_id is not None:
            view.om_work.emit(view.case_id, "chase", entry.condition_request_id)
        else:
            view.om_work.emit(view.case_id, "chase_question", entry.chase_of or entry.id)

    view.liaison_table.selectionModel().currentRowChanged.connect(
        lambda *_: chase.setEnabled(bool((e := selected()) and _waiting(e)))
    )
    return page(
        current,
        history_label,
        history_table,
        QLabel("Exchanges"),
        view.liaison_table,
        buttons=[
            button(
                "&Add liaison note…",
                "Add liaison note",
                lambda: view.add_liaison.emit(view.case_id),
            ),
            chase,
            button(
                "Chan&ge OM…",
                "Change offender manager",
                lambda: view.om_work.emit(view.case_id, "change_om", 0),
            ),
        ],
    )
