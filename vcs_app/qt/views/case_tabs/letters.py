"""The Contacts and letters tab: tasks, the letter log (reopen a kept PDF, mark a letter
returned, withdraw one not yet sent) and every contact with the victim."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from vcs_app.domain.model import CaseFile, LetterStatus, Task
from vcs_app.qt.dialogs.letter import describe
from vcs_app.qt.i18n import label
from vcs_app.qt.views.case_tabs.common import button, page
from vcs_app.qt.widgets import RowsModel, fmt_date, plain_label, set_widths, table_view

if TYPE_CHECKING:
    from vcs_app.qt.views.case_view import CaseView

TITLE = QT_TRANSLATE_NOOP("CaseView", "Contacts && le&tters")

# Which actions each state of a letter allows (the service refuses the rest anyway).
ALLOWED = {
    "open": set(LetterStatus),
    "pdf": {LetterStatus.PRINTED, LetterStatus.RETURNED},
    "returned": {LetterStatus.PRINTED},
    "withdraw": {LetterStatus.DRAFT, LetterStatus.APPROVED},
}


def task_state(task: Task) -> str:
    """Where a task stands in words: open, or done or cancelled on a date with what came
    of it (a cancelled task is never shown as done)."""
    if task.done_on is None:
        return QCoreApplication.translate("CaseView", "Open")
    text = (
        QCoreApplication.translate("CaseView", "Cancelled {date}")
        if task.outcome == "cancelled"
        else QCoreApplication.translate("CaseView", "Done {date}")
    ).format(date=fmt_date(task.done_on))
    return f"{text}: {task.outcome_note}" if task.outcome_note else text


def build(view: CaseView, case: CaseFile) -> QWidget:
    model = RowsModel(
        [
            QCoreApplication.translate("CaseView", "Date"),
            QCoreApplication.translate("CaseView", "Kind"),
            QCoreApplication.translate("CaseView", "Outcome"),
            QCoreApplication.translate("CaseView", "Summary"),
            QCoreApplication.translate("CaseView", "By"),
        ],
        [
            (c.happened_on, label(c.kind), c.outcome, c.summary, c.recorded_by)
            for c in case.contact_log
        ],
    )
    view.tasks_model = tasks = RowsModel(
        [
            QCoreApplication.translate("CaseView", "Due"),
            QCoreApplication.translate("CaseView", "Task"),
            QCoreApplication.translate("CaseView", "Outcome"),
        ],
        [(t.due_on, t.title, task_state(t)) for t in case.tasks],
    )
    view.letters_model = RowsModel(
        [
            QCoreApplication.translate("CaseView", "Date"),
            QCoreApplication.translate("CaseView", "Letter"),
            QCoreApplication.translate("CaseView", "Language"),
            QCoreApplication.translate("CaseView", "To"),
            QCoreApplication.translate("CaseView", "Status"),
            QCoreApplication.translate("CaseView", "Wording version"),
        ],
        [describe(letter) for letter in case.letters],
    )
    view.letters_table = table_view(
        view.letters_model, QCoreApplication.translate("CaseView", "Letters")
    )
    set_widths(view.letters_table, (90, 330, 80, 170, 360))
    tasks_table = table_view(tasks, QCoreApplication.translate("CaseView", "Tasks"))
    contacts_table = table_view(
        model, QCoreApplication.translate("CaseView", "Contacts with the victim")
    )
    for table, widths in ((tasks_table, (90, 480)), (contacts_table, (90, 80, 80, 480))):
        set_widths(table, widths)
    buttons = {
        "write": button(
            QCoreApplication.translate("CaseView", "&Write letter…"),
            QCoreApplication.translate("CaseView", "Write letter"),
            lambda: view.letter_action.emit(case.link.id, "write", 0),
        ),
        "open": button(
            QCoreApplication.translate("CaseView", "&Open letter…"),
            QCoreApplication.translate("CaseView", "Open letter"),
            lambda: _emit(view, case, "open"),
        ),
        "pdf": button(
            QCoreApplication.translate("CaseView", "Open &PDF"),
            QCoreApplication.translate("CaseView", "Open the kept PDF"),
            lambda: _emit(view, case, "pdf"),
        ),
        "returned": button(
            QCoreApplication.translate("CaseView", "Mar&k returned…"),
            QCoreApplication.translate("CaseView", "Mark returned undelivered"),
            lambda: _emit(view, case, "returned"),
        ),
        "withdraw": button(
            QCoreApplication.translate("CaseView", "Withdr&aw…"),
            QCoreApplication.translate("CaseView", "Withdraw letter"),
            lambda: _emit(view, case, "withdraw"),
        ),
    }

    def enable() -> None:
        row = view.letters_table.currentIndex().row()
        status = case.letters[row].status if 0 <= row < len(case.letters) else None
        for action, allowed in ALLOWED.items():
            buttons[action].setEnabled(status in allowed)

    view.letters_table.selectionModel().currentRowChanged.connect(enable)
    view.letter_buttons = buttons
    if case.letters:
        view.letters_table.setCurrentIndex(view.letters_model.index(0, 0))
    enable()
    return page(
        plain_label(QCoreApplication.translate("CaseView", "Letters")),
        view.letters_table,
        plain_label(QCoreApplication.translate("CaseView", "Tasks")),
        tasks_table,
        plain_label(QCoreApplication.translate("CaseView", "Contacts with the victim")),
        contacts_table,
        buttons=list(buttons.values()),
    )


def _emit(view: CaseView, case: CaseFile, action: str) -> None:
    row = view.letters_table.currentIndex().row()
    if 0 <= row < len(case.letters):
        view.letter_action.emit(case.link.id, action, case.letters[row].id)
