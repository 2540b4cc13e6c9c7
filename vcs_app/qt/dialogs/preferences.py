"""How to contact a victim safely: preferences and one contact detail at a time."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QLineEdit, QPlainTextEdit, QWidget

from vcs_app.domain.model import (
    Channel,
    ContactDetail,
    ContactKind,
    ContactLevel,
    Language,
)
from vcs_app.qt.dialogs.forms import FormDialog
from vcs_app.qt.i18n import label
from vcs_app.qt.widgets import add_row, date_edit, date_of, enum_combo, plain_label
from vcs_app.services.preferences import ContactPreferences


def _choices(enum: Any) -> list[tuple[str, str]]:
    return [(member.value, label(member)) for member in enum]


class PreferencesDialog(FormDialog):
    """Contact level and channel (this case); language, needs, phone first, guardian (the
    victim, so every case of theirs)."""

    def __init__(
        self, parent: QWidget | None, prefs: ContactPreferences, opted_in: bool, minor: bool
    ) -> None:
        super().__init__(
            parent, QCoreApplication.translate("PreferencesDialog", "Contact preferences")
        )
        self.level = add_row(
            self.form,
            QCoreApplication.translate("PreferencesDialog", "Contact le&vel:"),
            enum_combo(_choices(ContactLevel), prefs.contact_level.value),
        )
        self.level.setEnabled(opted_in)
        if not opted_in:
            note = plain_label(
                QCoreApplication.translate(
                    "PreferencesDialog", "The level is chosen when the victim opts in."
                )
            )
            note.setWordWrap(True)
            self.form.addRow(note)
        self.channel = add_row(
            self.form,
            QCoreApplication.translate("PreferencesDialog", "Preferred c&hannel:"),
            enum_combo(_choices(Channel), prefs.channel.value),
        )
        self.language = add_row(
            self.form,
            QCoreApplication.translate("PreferencesDialog", "&Language:"),
            enum_combo(_choices(Language), prefs.language.value),
        )
        self.access = add_row(
            self.form,
            QCoreApplication.translate("PreferencesDialog", "&Accessibility needs:"),
            QLineEdit(prefs.accessibility),
        )
        self.phone_first = add_row(
            self.form,
            QCoreApplication.translate("PreferencesDialog", "Phone first:"),
            QCheckBox(QCoreApplication.translate("PreferencesDialog", "Telephone before writing")),
            name=QCoreApplication.translate("PreferencesDialog", "Phone first"),
        )
        self.phone_first.setChecked(prefs.phone_first)
        self.guardian = add_row(
            self.form,
            QCoreApplication.translate("PreferencesDialog", "Parent/&guardian:"),
            QLineEdit(prefs.guardian_name),
            name=QCoreApplication.translate("PreferencesDialog", "Parent or guardian"),
        )
        if minor:
            self.guardian.setPlaceholderText(
                QCoreApplication.translate("PreferencesDialog", "Required: the victim is under 18")
            )

    def build(self) -> ContactPreferences:
        return ContactPreferences(
            contact_level=self.level.currentData(),
            channel=self.channel.currentData(),
            language=self.language.currentData(),
            accessibility=self.access.text(),
            phone_first=self.phone_first.isChecked(),
            guardian_name=self.guardian.text(),
        )


class ContactDetailDialog(FormDialog):
    """Add or correct an address, phone or email, with its safety markings."""

    def __init__(self, parent: QWidget | None, detail: ContactDetail | None = None) -> None:
        super().__init__(
            parent,
            QCoreApplication.translate("PreferencesDialog", "Edit contact detail")
            if detail
            else QCoreApplication.translate("PreferencesDialog", "Add contact detail"),
        )
        self._detail = detail
        self.kind = add_row(
            self.form,
            QCoreApplication.translate("PreferencesDialog", "&Kind:"),
            enum_combo(_choices(ContactKind), detail.kind.value if detail else None),
        )
        self.value = add_row(
            self.form,
            QCoreApplication.translate("PreferencesDialog", "&Detail:"),
            QPlainTextEdit(detail.value if detail else ""),
            name=QCoreApplication.translate("PreferencesDialog", "Detail"),
        )
        self.value.setTabChangesFocus(True)
        self.value.setFixedHeight(80)
        self.safe = add_row(
            self.form,
            QCoreApplication.translate("PreferencesDialog", "Safe to use:"),
            QCheckBox(
                QCoreApplication.translate(
                    "PreferencesDialog", "Safe (the offender does not know it)"
                )
            ),
            name=QCoreApplication.translate("PreferencesDialog", "Safe to use"),
        )
        self.safe.setChecked(detail.safe_to_use if detail else True)
        self.do_not_post = add_row(
            self.form,
            QCoreApplication.translate("PreferencesDialog", "Do not post:"),
            QCheckBox(QCoreApplication.translate("PreferencesDialog", "Never post to it")),
            name=QCoreApplication.translate("PreferencesDialog", "Do not post"),
        )
        self.do_not_post.setChecked(bool(detail and detail.do_not_post))
        self.alternative = add_row(
            self.form,
            QCoreApplication.translate("PreferencesDialog", "Safe alternative:"),
            QCheckBox(
                QCoreApplication.translate(
                    "PreferencesDialog", "A safe alternative address (e.g. a support worker's)"
                )
            ),
            name=QCoreApplication.translate("PreferencesDialog", "Safe alternative address"),
        )
        self.alternative.setChecked(bool(detail and detail.safe_alternative))
        self.valid_from = add_row(
            self.form,
            QCoreApplication.translate("PreferencesDialog", "Valid &from:"),
            date_edit(detail.valid_from if detail else None, optional=True),
        )
        self.valid_to = add_row(
            self.form,
            QCoreApplication.translate("PreferencesDialog", "Valid &to:"),
            date_edit(detail.valid_to if detail else None, optional=True),
            name=QCoreApplication.translate("PreferencesDialog", "Valid to (ended)"),
        )
        self.valid_from.setSpecialValueText(
            QCoreApplication.translate("PreferencesDialog", "Always (no start date)")
        )
        self.valid_to.setSpecialValueText(
            QCoreApplication.translate("PreferencesDialog", "Still in use (no end date)")
        )
        self.note = add_row(
            self.form,
            QCoreApplication.translate("PreferencesDialog", "&Note:"),
            QLineEdit(detail.note if detail else ""),
        )
        self.kind.currentIndexChanged.connect(self._show_kind)
        self._show_kind()

    def _show_kind(self) -> None:
        address = self.kind.currentData() == ContactKind.ADDRESS.value
        self.do_not_post.setEnabled(address)
        self.alternative.setEnabled(address)

    def build(self) -> ContactDetail:
        address = self.kind.currentData() == ContactKind.ADDRESS.value
        return ContactDetail(
            kind=self.kind.currentData(),
            value=self.value.toPlainText(),
            safe_to_use=self.safe.isChecked(),
            do_not_post=address and self.do_not_post.isChecked(),
            safe_alternative=address and self.alternative.isChecked(),
            valid_from=date_of(self.valid_from),
            valid_to=date_of(self.valid_to),
            note=self.note.text(),
            victim_id=self._detail.victim_id if self._detail else None,
            id=self._detail.id if self._detail else None,
        )
