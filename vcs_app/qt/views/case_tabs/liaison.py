"""The Liaison log tab: the case's offender manager (and who it was before), and every
exchange with the OM, prison, hospital, Parole Board or police, with what still waits
for a reply."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from vcs_app.domain.model import CaseFile, Direction, LiaisonEntry, Party
from vcs_app.qt.i18n import label
from vcs_app.qt.views.case_tabs.common import button, form, page
from vcs_app.qt.widgets import RowsModel, fmt_date, plain_label, set_widths, table_view

if TYPE_CHECKING:
    from vcs_app.qt.views.case_view import CaseView

TITLE = QT_TRANSLATE_NOOP("CaseView", "&Liaison log")


def reply_state(entry: LiaisonEntry) -> str:
    """Where the exchange stands, in words (never by colour alone)."""
    if entry.direction is Direction.FROM:
        return QCoreApplication.translate("CaseView", "Reply") if entry.is_reply else ""
    if not entry.awaiting_reply:
        return ""
    if entry.answered_on:
        answered = fmt_date(entry.answered_on)
        if entry.is_chase:
            return QCoreApplication.translate("CaseView", "Chase: answered {date}").format(
                date=answered
            )
        return QCoreApplication.translate("CaseView", "answered {date}").format(date=answered)
    if entry.is_chase:
        return QCoreApplication.translate("CaseView", "Chase: WAITING FOR REPLY")
    return QCoreApplication.translate("CaseView", "WAITING FOR REPLY")


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
    current = form(
        [
            (
                QCoreApplication.translate("CaseView", "Offender manager"),
                om_text or QCoreApplication.translate("CaseView", "None recorded"),
            )
        ]
    )
    history = RowsModel(
        [
            QCoreApplication.translate("CaseView", "From"),
            QCoreApplication.translate("CaseView", "To"),
            QCoreApplication.translate("CaseView", "Offender manager"),
            QCoreApplication.translate("CaseView", "Team"),
            QCoreApplication.translate("CaseView", "Reason"),
            QCoreApplication.translate("CaseView", "Recorded by"),
        ],
        [
            (
                h.from_on or QCoreApplication.translate("CaseView", "before records"),
                h.to_on or QCoreApplication.translate("CaseView", "now"),
                h.om_name,
                h.om_team,
                h.reason,
                h.recorded_by,
            )
            for h in case.om_history
        ],
    )
    view.om_history_model = history
    history_table = table_view(
        history, QCoreApplication.translate("CaseView", "Offender manager history")
    )
    history_table.setMaximumHeight(110)
    set_widths(history_table, (100, 90, 150, 120, 380))
    history_table.setVisible(bool(case.om_history))
    history_label = plain_label(
        QCoreApplication.translate("CaseView", "Offender manager history")
        if case.om_history
        else QCoreApplication.translate(
            "CaseView", "No change of offender manager recorded for this case."
        )
    )
    entries = case.liaison
    view.liaison_model = RowsModel(
        [
            QCoreApplication.translate("CaseView", "Date"),
            QCoreApplication.translate("CaseView", "Direction"),
            QCoreApplication.translate("CaseView", "With"),
            QCoreApplication.translate("CaseView", "Person"),
            QCoreApplication.translate("CaseView", "Channel"),
            QCoreApplication.translate("CaseView", "Summary"),
            QCoreApplication.translate("CaseView", "Request"),
            QCoreApplication.translate("CaseView", "Reply"),
            QCoreApplication.translate("CaseView", "Follow up by"),
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
    view.liaison_table = table_view(
        view.liaison_model, QCoreApplication.translate("CaseView", "Liaison log")
    )
    set_widths(view.liaison_table, (85, 70, 130, 120, 75, 330, 140, 150))
    chase = button(
        QCoreApplication.translate("CaseView", "Chase O&M…"),
        QCoreApplication.translate("CaseView", "Chase OM about the selected note"),
        lambda: _chase(view),
    )
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
        plain_label(QCoreApplication.translate("CaseView", "Exchanges")),
        view.liaison_table,
        buttons=[
            button(
                QCoreApplication.translate("CaseView", "&Add liaison note…"),
                QCoreApplication.translate("CaseView", "Add liaison note"),
                lambda: view.add_liaison.emit(view.case_id),
            ),
            chase,
            button(
                QCoreApplication.translate("CaseView", "Chan&ge OM…"),
                QCoreApplication.translate("CaseView", "Change offender manager"),
                lambda: view.om_work.emit(view.case_id, "change_om", 0),
            ),
        ],
    )
