"""The Victim and contact tab: who, how to contact them safely, the referral and opt-in.

Its actions are requested through `view.victim_actions` (one object per case view, kept
across redraws) so the main window can connect to them once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from vcs_app.domain.model import (
    CaseFile,
    OptState,
    ReferralRecord,
    chosen_contact_level,
)
from vcs_app.qt.i18n import label, shown
from vcs_app.qt.views.case_tabs.common import button, form
from vcs_app.qt.widgets import RowsModel, fmt_date, set_widths, table_view

if TYPE_CHECKING:
    from vcs_app.qt.views.case_view import CaseView

TITLE = QT_TRANSLATE_NOOP("CaseView", "&Victim && contact")


class VictimActions(QObject):
    """Requests from the tab, each with the case id (and a contact detail id to edit)."""

    opt_change = Signal(int)
    follow_up = Signal(int)
    preferences = Signal(int)
    add_contact = Signal(int)
    edit_contact = Signal(int, int)
    edit_referral = Signal(int)
    eligibility = Signal(int)


def actions(view: CaseView) -> VictimActions:
    if not hasattr(view, "victim_actions"):
        view.victim_actions = VictimActions(view)
    return view.victim_actions


def _sentence(case: CaseFile) -> str:
    record = case.referral
    if record is None or record.sentence_type is None:
        return fmt_date(case.link.sentence_date)
    months = (
        QCoreApplication.translate("CaseView", ", {months} months").format(
            months=f"{record.custody_months:g}"
        )
        if record.custody_months
        else ""
    )
    return f"{record.sentence_type.value}{months}, {fmt_date(case.link.sentence_date)}".strip(", ")


def _acts_for(record: ReferralRecord | None) -> str:
    """Whose relative or representative: "Father of Dylan Synthbrook (deceased)"."""
    if record is None or not record.acting_for:
        return ""
    if not record.relationship:
        return record.acting_for
    relationship = record.relationship[:1].upper() + record.relationship[1:]
    return QCoreApplication.translate("CaseView", "{relationship} of {person}").format(
        relationship=relationship, person=record.acting_for
    )


def level_words(link) -> str:
    """The level the victim chose; before opting in, that none is chosen yet (a referred
    victim is not yet on "key stages", whatever the case holds by default)."""
    level = chosen_contact_level(link.opt_state, link.contact_level)
    if level is None:
        return QCoreApplication.translate("CaseView", "Not chosen yet (asked when they opt in)")
    return label(level)


def build(view: CaseView, case: CaseFile) -> QWidget:
    v, link, record = case.victim, case.link, case.referral
    signals = actions(view)
    person = form(
        [
            (QCoreApplication.translate("CaseView", "Name"), v.full_name),
            (QCoreApplication.translate("CaseView", "Date of birth"), fmt_date(v.dob)),
            (QCoreApplication.translate("CaseView", "Contact is with"), label(v.role)),
            (QCoreApplication.translate("CaseView", "Acts for"), _acts_for(record)),
            (QCoreApplication.translate("CaseView", "Parent/guardian"), v.guardian_name),
            (QCoreApplication.translate("CaseView", "Language"), label(v.language)),
            (QCoreApplication.translate("CaseView", "Accessibility needs"), v.accessibility),
            (
                QCoreApplication.translate("CaseView", "Phone first"),
                QCoreApplication.translate("CaseView", "Yes")
                if v.phone_first
                else QCoreApplication.translate("CaseView", "No"),
            ),
        ]
    )
    overridden = (
        QCoreApplication.translate("CaseView", " (manager override)")
        if record and record.eligibility_overridden
        else ""
    )
    scheme = form(
        [
            (QCoreApplication.translate("CaseView", "Opt-in"), label(link.opt_state)),
            (QCoreApplication.translate("CaseView", "Contact level"), level_words(link)),
            (QCoreApplication.translate("CaseView", "Preferred channel"), label(link.channel)),
            (
                QCoreApplication.translate("CaseView", "Referred"),
                QCoreApplication.translate("CaseView", "{date} by {referrer}")
                .format(date=fmt_date(link.referral_date), referrer=link.referrer)
                .strip(),
            ),
            (QCoreApplication.translate("CaseView", "Sentence"), _sentence(case)),
            (
                QCoreApplication.translate("CaseView", "Eligibility"),
                f"{label(link.eligibility)}{overridden}",
            ),
            (
                QCoreApplication.translate("CaseView", "Why"),
                QCoreApplication.translate("CaseView", "{reason} (rules {version})").format(
                    reason=shown(link.eligibility_reason),
                    version=link.rules_version
                    or QCoreApplication.translate("CaseView", "not recorded"),
                ),
            ),
            (QCoreApplication.translate("CaseView", "VLO"), link.vlo),
        ]
    )
    for layout in (person, scheme):
        for row in range(layout.rowCount()):
            item = layout.itemAt(row, layout.ItemRole.FieldRole)
            if item is not None and isinstance(item.widget(), QLabel):
                item.widget().setWordWrap(True)
    view.contacts_model = RowsModel(
        [
            QCoreApplication.translate("CaseView", "Kind"),
            QCoreApplication.translate("CaseView", "Detail"),
            QCoreApplication.translate("CaseView", "Safe to use"),
            QCoreApplication.translate("CaseView", "Do not post"),
            QCoreApplication.translate("CaseView", "Safe alternative"),
            QCoreApplication.translate("CaseView", "Valid"),
            QCoreApplication.translate("CaseView", "Note"),
        ],
        [
            (
                label(c.kind),
                c.value.replace("\n", ", "),
                QCoreApplication.translate("CaseView", "Yes")
                if c.safe_to_use
                else QCoreApplication.translate("CaseView", "NO - UNSAFE"),
                QCoreApplication.translate("CaseView", "DO NOT POST")
                if c.do_not_post
                else QCoreApplication.translate("CaseView", "No"),
                QCoreApplication.translate("CaseView", "Yes")
                if c.safe_alternative
                else QCoreApplication.translate("CaseView", "No"),
                QCoreApplication.translate("CaseView", "{start} to {end}").format(
                    start=fmt_date(c.valid_from)
                    or QCoreApplication.translate("CaseView", "always"),
                    end=fmt_date(c.valid_to) or QCoreApplication.translate("CaseView", "now"),
                ),
                c.note,
            )
            for c in case.contacts
        ],
    )
    view.contacts_table = table_view(
        view.contacts_model, QCoreApplication.translate("CaseView", "Contact details")
    )
    view.contacts_table.setMinimumHeight(110)
    set_widths(view.contacts_table, (80, 340, 110, 110, 120, 190))

    def edit_selected_contact() -> None:
        index = view.contacts_table.currentIndex()
        if index.isValid():
            signals.edit_contact.emit(view.case_id, view.case.contacts[index.row()].id)

    view.contacts_table.activated.connect(lambda _index: edit_selected_contact())
    follow_up = button(
        QCoreApplication.translate("CaseView", "Follo&w-up sent…"),
        QCoreApplication.translate("CaseView", "Follow-up sent"),
        lambda: signals.follow_up.emit(view.case_id),
    )
    follow_up.setEnabled(link.opt_state is OptState.OFFERED)
    if not follow_up.isEnabled():
        follow_up.setToolTip(
            QCoreApplication.translate(
                "CaseView", "A follow-up answers an offer that has had no reply."
            )
        )
    journey = [
        button(
            QCoreApplication.translate("CaseView", "Record opt-&in change…"),
            QCoreApplication.translate("CaseView", "Record opt-in change"),
            lambda: signals.opt_change.emit(view.case_id),
        ),
        follow_up,
        button(
            QCoreApplication.translate("CaseView", "Edit referra&l…"),
            QCoreApplication.translate("CaseView", "Edit referral"),
            lambda: signals.edit_referral.emit(view.case_id),
        ),
        button(
            QCoreApplication.translate("CaseView", "Eli&gibility…"),
            QCoreApplication.translate("CaseView", "Eligibility override"),
            lambda: signals.eligibility.emit(view.case_id),
        ),
    ]
    contact = [
        button(
            QCoreApplication.translate("CaseView", "Edit victi&m…"),
            QCoreApplication.translate("CaseView", "Edit victim"),
            lambda: view.edit_victim.emit(view.case_id),
        ),
        button(
            QCoreApplication.translate("CaseView", "Contact &preferences…"),
            QCoreApplication.translate("CaseView", "Contact preferences"),
            lambda: signals.preferences.emit(view.case_id),
        ),
        button(
            QCoreApplication.translate("CaseView", "&Add contact detail…"),
            QCoreApplication.translate("CaseView", "Add contact detail"),
            lambda: signals.add_contact.emit(view.case_id),
        ),
        button(
            QCoreApplication.translate("CaseView", "Edit contact &detail…"),
            QCoreApplication.translate("CaseView", "Edit contact detail"),
            edit_selected_contact,
        ),
    ]

    page = QWidget()
    layout = QVBoxLayout(page)
    columns = QHBoxLayout()
    columns.addLayout(person, 1)
    columns.addLayout(scheme, 1)
    layout.addLayout(columns)
    for row_buttons in (journey, contact):
        row = QHBoxLayout()
        for b in row_buttons:
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)
    layout.addWidget(view.contacts_table, 1)
    return page
