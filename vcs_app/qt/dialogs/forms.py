"""Dialogs that edit one record: validation by the domain, errors shown in the dialog."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from vcs_app.domain.model import (
    Direction,
    DomainError,
    Language,
    LiaisonChannel,
    LiaisonEntry,
    Offender,
    Party,
    Victim,
    VictimRole,
    outcome_note,
)
from vcs_app.qt.i18n import label
from vcs_app.qt.widgets import add_row, date_edit, date_of, enum_combo, plain_label, today


def _choices(enum: Any) -> list[tuple[str, str]]:
    return [(member.value, label(member)) for member in enum]


class FormDialog(QDialog):
    """Subclasses lay out fields and implement `build()`; OK only closes on a valid record."""

    def __init__(self, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.form = QFormLayout()
        self.error = plain_label()
        self.error.setWordWrap(True)
        self.error.setAccessibleName(QCoreApplication.translate("FormDialog", "Problem"))
        self.error.setStyleSheet("font-weight: bold;")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        for standard, english in (
            (QDialogButtonBox.StandardButton.Ok, QT_TRANSLATE_NOOP("FormDialog", "OK")),
            (QDialogButtonBox.StandardButton.Cancel, QT_TRANSLATE_NOOP("FormDialog", "Cancel")),
        ):
            # Qt has no Welsh for its own buttons: ours, where the interface has one.
            text = QCoreApplication.translate("FormDialog", english)
            if text != english:
                self.buttons.button(standard).setText(text)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.value: Any = None
        # With `save` (see `ask_and_save`) OK also saves, and a refusal is shown here.
        self.save: Callable[[Any], Any] | None = None
        self.saved: Any = None
        self._buttons_last = False

    def build(self) -> Any:
        raise NotImplementedError

    def showEvent(self, event) -> None:
        """OK and Cancel rejoin the dialog on first showing, so they come last in the tab
        order and a keyboard user starts on the first field (a subclass adds its fields
        after `__init__` made the buttons, which would otherwise come first)."""
        if not self._buttons_last:
            self._buttons_last = True
            self.layout().removeWidget(self.buttons)
            self.buttons.setParent(None)
            self.layout().addWidget(self.buttons)
            self.buttons.show()
        super().showEvent(event)

    def accept(self) -> None:
        try:
            self.value = self.build()
            if self.save is not None:
                self.saved = self.save(self.value)
        except DomainError as exc:
            self.error.setText(
                QCoreApplication.translate("FormDialog", "Cannot save: {problem}").format(
                    problem=exc
                )
            )
            self.error.show()
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, *args: Any) -> Any:
        """Show the dialog; the new value, or None if cancelled."""
        dialog = cls(parent, *args)
        return dialog.value if dialog.exec() == QDialog.DialogCode.Accepted else None

    @classmethod
    def ask_and_save(cls, parent: QWidget | None, save: Callable[[Any], Any], *args: Any) -> Any:
        """Show the dialog and save its value with `save` (a service call) on OK: what it
        returns, or None if cancelled. A refusal (a DomainError) is shown in the dialog,
        which stays open with everything typed, to be corrected."""
        dialog = cls(parent, *args)
        dialog.save = save
        return dialog.saved if dialog.exec() == QDialog.DialogCode.Accepted else None


class VictimDialog(FormDialog):
    def __init__(self, parent: QWidget | None, victim: Victim) -> None:
        super().__init__(parent, QCoreApplication.translate("FormDialog", "Edit victim"))
        self._id = victim.id
        self.given = add_row(
            self.form,
            QCoreApplication.translate("FormDialog", "&First name:"),
            QLineEdit(victim.given_name),
        )
        self.family = add_row(
            self.form,
            QCoreApplication.translate("FormDialog", "&Surname:"),
            QLineEdit(victim.family_name),
        )
        self.dob = add_row(
            self.form,
            QCoreApplication.translate("FormDialog", "&Date of birth:"),
            date_edit(victim.dob, optional=True),
        )
        self.role = add_row(
            self.form,
            QCoreApplication.translate("FormDialog", "&Contact is with:"),
            enum_combo(_choices(VictimRole), victim.role),
        )
        self.guardian = add_row(
            self.form,
            QCoreApplication.translate("FormDialog", "Parent/&guardian (under 18):"),
            QLineEdit(victim.guardian_name),
        )
        self.language = add_row(
            self.form,
            QCoreApplication.translate("FormDialog", "&Language:"),
            enum_combo(_choices(Language), victim.language),
        )
        self.access = add_row(
            self.form,
            QCoreApplication.translate("FormDialog", "&Accessibility needs:"),
            QLineEdit(victim.accessibility),
        )
        self.phone_first = add_row(
            self.form,
            QCoreApplication.translate("FormDialog", "&Phone first:"),
            QCheckBox(QCoreApplication.translate("FormDialog", "Phone before writing")),
        )
        self.phone_first.setChecked(victim.phone_first)

    def build(self) -> Victim:
        return Victim(
            id=self._id,
            given_name=self.given.text(),
            family_name=self.family.text(),
            dob=date_of(self.dob),
            role=self.role.currentData(),
            guardian_name=self.guardian.text(),
            language=self.language.currentData(),
            accessibility=self.access.text(),
            phone_first=self.phone_first.isChecked(),
        )


class OffenderDialog(FormDialog):
    def __init__(self, parent: QWidget | None, offender: Offender) -> None:
        super().__init__(parent, QCoreApplication.translate("FormDialog", "Edit offender"))
        self._id = offender.id
        self.given = add_row(
            self.form,
            QCoreApplication.translate("FormDialog", "&First name:"),
            QLineEdit(offender.given_name),
        )
        self.family = add_row(
            self.form,
            QCoreApplication.translate("FormDialog", "&Surname:"),
            QLineEdit(offender.family_name),
        )
        self.dob = add_row(
            self.form,
            QCoreApplication.translate("FormDialog", "&Date of birth:"),
            date_edit(offender.dob, optional=True),
        )
        self.crn = add_row(
            self.form,
            QCoreApplication.translate("FormDialog", "&CRN:"),
            QLineEdit(offender.crn),
            name=QCoreApplication.translate("FormDialog", "Case reference number"),
        )
        self.nomis = add_row(
            self.form,
            QCoreApplication.translate("FormDialog", "&Prison number:"),
            QLineEdit(offender.nomis),
        )
        self.place = add_row(
            self.form,
            QCoreApplication.translate("FormDialog", "&Establishment (internal only):"),
            QLineEdit(offender.establishment),
            name=QCoreApplication.translate("FormDialog", "Prison or hospital, internal only"),
        )

    def build(self) -> Offender:
        return Offender(
            id=self._id,
            given_name=self.given.text(),
            family_name=self.family.text(),
            dob=date_of(self.dob),
            crn=self.crn.text(),
            nomis=self.nomis.text(),
            establishment=self.place.text(),
        )


class LiaisonDialog(FormDialog):
    def __init__(
        self,
        parent: QWidget | None,
        link_id: int,
        om_name: str = "",
        requests: Sequence[tuple[int, str]] = (),
    ) -> None:
        super().__init__(parent, QCoreApplication.translate("FormDialog", "Add liaison note"))
        self._link_id = link_id
        self.on = add_row(
            self.form, QCoreApplication.translate("FormDialog", "&Date:"), date_edit(today())
        )
        self.direction = add_row(
            self.form,
            QCoreApplication.translate("FormDialog", "D&irection:"),
            enum_combo(_choices(Direction)),
        )
        self.party = add_row(
            self.form,
            QCoreApplication.translate("FormDialog", "&With:"),
            enum_combo(_choices(Party)),
        )
        self.who = add_row(
            self.form, QCoreApplication.translate("FormDialog", "&Person:"), QLineEdit(om_name)
        )
        self.channel = add_row(
            self.form,
            QCoreApplication.translate("FormDialog", "&Channel:"),
            enum_combo(_choices(LiaisonChannel)),
        )
        self.summary = add_row(
            self.form, QCoreApplication.translate("FormDialog", "&Summary:"), QPlainTextEdit()
        )
        self.summary.setTabChangesFocus(True)
        self.follow_up = add_row(
            self.form,
            QCoreApplication.translate("FormDialog", "&Follow up by:"),
            date_edit(None, optional=True),
            name=QCoreApplication.translate("FormDialog", "Follow-up due"),
        )
        # What the note is about and whether it waits for (or is) a reply: a note to the
        # OM that waits is chased after the rule set's working days (services/liaison.py).
        self.request = add_row(
            self.form,
            QCoreApplication.translate("FormDialog", "About &request:"),
            enum_combo(
                [
                    ("", QCoreApplication.translate("FormDialog", "No licence condition request")),
                    *((str(i), t) for i, t in requests),
                ]
            ),
            name=QCoreApplication.translate("FormDialog", "Linked licence condition request"),
        )
        self.follow_up.setSpecialValueText(
            QCoreApplication.translate("FormDialog", "None (a wait on the OM uses the chase rule)")
        )
        self.awaiting = add_row(
            self.form,
            "",
            QCheckBox(QCoreApplication.translate("FormDialog", "Waiting for their reply")),
            name=QCoreApplication.translate("FormDialog", "Waiting for their reply"),
        )
        self.is_reply = add_row(
            self.form,
            "",
            QCheckBox(
                QCoreApplication.translate(
                    "FormDialog", "This answers what we are waiting for from them"
                )
            ),
            name=QCoreApplication.translate("FormDialog", "This is their reply"),
        )
        # What each box says when it applies; a box that does not apply to the direction
        # is shown as the note will be saved (not ticked), never ticked and greyed.
        self._ticks = {self.awaiting: True, self.is_reply: True}
        for box in self._ticks:
            box.toggled.connect(lambda on, box=box: self._remember(box, on))
        self.direction.currentIndexChanged.connect(self._direction_changed)
        self._direction_changed()

    def _remember(self, box: QCheckBox, on: bool) -> None:
        if box.isEnabled():
            self._ticks[box] = on

    def _direction_changed(self) -> None:
        outgoing = self.direction.currentData() == Direction.TO.value
        for box, applies in ((self.awaiting, outgoing), (self.is_reply, not outgoing)):
            box.setEnabled(applies)
            box.setChecked(applies and self._ticks[box])

    def build(self) -> LiaisonEntry:
        request = self.request.currentData()
        return LiaisonEntry(
            link_id=self._link_id,
            happened_on=date_of(self.on) or today(),
            direction=self.direction.currentData(),
            party=self.party.currentData(),
            channel=self.channel.currentData(),
            who=self.who.text(),
            summary=self.summary.toPlainText(),
            follow_up_due=date_of(self.follow_up),
            condition_request_id=int(request) if request else None,
            awaiting_reply=self.awaiting.isEnabled() and self.awaiting.isChecked(),
            is_reply=self.is_reply.isEnabled() and self.is_reply.isChecked(),
        )


class TaskDoneDialog(FormDialog):
    """Mark a task done, with what came of it in one line (optional)."""

    def __init__(self, parent: QWidget | None, title: str) -> None:
        super().__init__(parent, QCoreApplication.translate("FormDialog", "Mark task done"))
        task = plain_label(title)
        task.setWordWrap(True)
        add_row(
            self.form,
            QCoreApplication.translate("FormDialog", "Task:"),
            task,
            name=QCoreApplication.translate("FormDialog", "Task"),
        )
        self.outcome = add_row(
            self.form,
            QCoreApplication.translate("FormDialog", "&Outcome (optional):"),
            QLineEdit(),
            name=QCoreApplication.translate("FormDialog", "Outcome, one line, optional"),
        )
        self.outcome.setMaxLength(200)
        self.outcome.setPlaceholderText(
            QCoreApplication.translate("FormDialog", "e.g. Phoned the victim; letter not needed")
        )
        self.setMinimumWidth(460)

    def build(self) -> str:
        return outcome_note(self.outcome.text())
