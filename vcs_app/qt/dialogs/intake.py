"""Referral intake and the opt-in journey: the dialogs a VLO fills in.

Each dialog builds a domain value (validated by the domain, errors shown inside the
dialog); the main window passes it to the intake service.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from vcs_app.domain.model import (
    OPT_TRANSITIONS,
    Channel,
    ContactDetail,
    ContactLevel,
    DomainError,
    Eligibility,
    Language,
    Link,
    OffenceCategory,
    Offender,
    OptState,
    Referral,
    ReferralRecord,
    SentenceType,
    Victim,
    VictimRole,
    age_on,
    check_opt_change,
    eighteenth_birthday,
)
from vcs_app.qt.dialogs.forms import FormDialog
from vcs_app.qt.i18n import label, shown
from vcs_app.qt.widgets import (
    add_row,
    date_edit,
    date_of,
    enum_combo,
    fmt_date,
    message_box,
    plain_label,
    today,
)
from vcs_app.services import intake
from vcs_app.services.intake import ReferralChanges, SameOffender

SENTENCE_WORDS = {
    SentenceType.SDS: QT_TRANSLATE_NOOP("Intake", "Standard determinate (SDS)"),
    SentenceType.EDS: QT_TRANSLATE_NOOP("Intake", "Extended determinate (EDS)"),
    SentenceType.SOPC: QT_TRANSLATE_NOOP("Intake", "Offender of particular concern (SOPC)"),
    SentenceType.LIFE: QT_TRANSLATE_NOOP("Intake", "Life"),
    SentenceType.IPP: QT_TRANSLATE_NOOP("Intake", "Imprisonment for public protection (IPP)"),
    SentenceType.DTO: QT_TRANSLATE_NOOP("Intake", "Detention and training order (DTO)"),
    SentenceType.SUSPENDED: QT_TRANSLATE_NOOP("Intake", "Suspended sentence (SSO)"),
    SentenceType.HOSPITAL_ORDER: QT_TRANSLATE_NOOP("Intake", "Hospital order (no restrictions)"),
    SentenceType.HOSPITAL_ORDER_RESTRICTED: QT_TRANSLATE_NOOP(
        "Intake", "Hospital order with restrictions"
    ),
    SentenceType.HOSPITAL_LIMITATION_DIRECTION: QT_TRANSLATE_NOOP(
        "Intake", "Hospital and limitation direction"
    ),
    SentenceType.TRANSFER_DIRECTION: QT_TRANSLATE_NOOP(
        "Intake", "Transfer direction (with restrictions)"
    ),
}
SOURCES = (
    QT_TRANSLATE_NOOP("Intake", "letter"),
    QT_TRANSLATE_NOOP("Intake", "phone call"),
    QT_TRANSLATE_NOOP("Intake", "email"),
    QT_TRANSLATE_NOOP("Intake", "visit"),
    QT_TRANSLATE_NOOP("Intake", "reply slip"),
    QT_TRANSLATE_NOOP("Intake", "via the referrer"),
)
# The order a VLO thinks in, not alphabetical.
STATE_ORDER = (
    OptState.OFFERED,
    OptState.OPTED_IN,
    OptState.DECLINED,
    OptState.NO_RESPONSE,
    OptState.OPTED_OUT,
    OptState.REOPENED,
)


def _choices(enum: Any) -> list[tuple[str, str]]:
    return [(member.value, label(member)) for member in enum]


def _group(title: str) -> tuple[QGroupBox, QFormLayout]:
    box = QGroupBox(title)
    form = QFormLayout(box)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return box, form


def _sentence_combo(current: SentenceType | None = None) -> QComboBox:
    combo = enum_combo(
        [("", QCoreApplication.translate("Intake", "Not known"))]
        + [(k.value, QCoreApplication.translate("Intake", v)) for k, v in SENTENCE_WORDS.items()]
    )
    if current is not None:
        combo.setCurrentIndex(combo.findData(current.value))
    return combo


def _custody_spin(months: float | None = None) -> QDoubleSpinBox:
    """Months of custody; the minimum (0) reads "Not known" and means no value."""
    spin = QDoubleSpinBox()
    spin.setRange(0, 1200)
    spin.setDecimals(1)
    spin.setSingleStep(1)
    spin.setSpecialValueText(QCoreApplication.translate("Intake", "Not known"))
    spin.setSuffix(QCoreApplication.translate("Intake", " months"))
    spin.setValue(months or 0)
    return spin


def _months(spin: QDoubleSpinBox) -> float | None:
    return spin.value() or None


def _vlo_combo(vlos: list[str], current: str = "") -> QComboBox:
    combo = QComboBox()
    combo.setEditable(True)
    combo.addItems(["", *vlos])
    combo.setCurrentText(current)
    return combo


def _sentence_type(combo: QComboBox) -> SentenceType | None:
    value = combo.currentData()
    return SentenceType(value) if value else None


class _EligibilityPreview:
    """A label that says, as the VLO types, what the rules decide and why."""

    def __init__(self, dialog: Any, form: QFormLayout) -> None:
        self.dialog = dialog
        self.label = plain_label()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        add_row(
            form,
            QCoreApplication.translate("Intake", "Eligibility:"),
            self.label,
            name=QCoreApplication.translate("Intake", "Eligibility by the rules"),
        )
        d = dialog
        for signal in (
            d.category.currentIndexChanged,
            d.sentence_type.currentIndexChanged,
            d.custody.valueChanged,
            d.sentenced.dateChanged,
            d.referred.dateChanged,
            d.serious_risk.toggled,
        ):
            signal.connect(self.update)
        self.update()

    def update(self) -> None:
        d = self.dialog
        try:
            decision = intake.preview_eligibility(
                offence_category=d.category.currentData(),
                sentence_type=_sentence_type(d.sentence_type),
                custody_months=_months(d.custody),
                sentence_date=date_of(d.sentenced),
                referral_date=date_of(d.referred) or today(),
                serious_risk_agreed=d.serious_risk.isChecked(),
            )
        except DomainError as exc:
            self.label.setText(str(exc))
            return
        self.label.setText(
            QCoreApplication.translate(
                "_EligibilityPreview", "{reason}\n(rules {rules_version})"
            ).format(reason=shown(decision.reason), rules_version=decision.rules_version)
        )
        self.label.setAccessibleDescription(self.label.text())


def _offence_rows(dialog: Any, form: QFormLayout, link: Link | None, record) -> None:
    """Offence and sentence fields, shared by intake and the referral correction."""
    dialog.offence = add_row(
        form,
        QCoreApplication.translate("Intake", "Offe&nce:"),
        QLineEdit(link.offence if link else ""),
    )
    dialog.category = add_row(
        form,
        QCoreApplication.translate("Intake", "Offence t&ype:"),
        enum_combo(_choices(OffenceCategory), link.offence_category if link else None),
    )
    dialog.sentenced = add_row(
        form,
        QCoreApplication.translate("Intake", "Sentence d&ate:"),
        date_edit(link.sentence_date if link else None, optional=True),
    )
    dialog.sentence_type = add_row(
        form,
        QCoreApplication.translate("Intake", "Sentence or &disposal:"),
        _sentence_combo(record.sentence_type if record else None),
    )
    dialog.custody = add_row(
        form,
        QCoreApplication.translate("Intake", "Custody:"),
        _custody_spin(record.custody_months if record else None),
        name=QCoreApplication.translate("Intake", "Custody length in months"),
    )
    dialog.serious_risk = add_row(
        form,
        QCoreApplication.translate("Intake", "Manager agreed:"),
        QCheckBox(QCoreApplication.translate("Intake", "Victim at serious risk (discretionary)")),
        name=QCoreApplication.translate("Intake", "Manager agreed the victim is at serious risk"),
    )
    dialog.serious_risk.setChecked(bool(record and record.serious_risk_agreed))


def _referral_rows(dialog: Any, form: QFormLayout, vlos: list[str], link: Link | None) -> None:
    dialog.referred = add_row(
        form,
        QCoreApplication.translate("Intake", "&Referral received:"),
        date_edit(link.referral_date if link else today()),
    )
    dialog.referrer = add_row(
        form,
        QCoreApplication.translate("Intake", "Referred by:"),
        QLineEdit(
            link.referrer if link else QCoreApplication.translate("Intake", "Witness Care Unit")
        ),
    )
    dialog.vlo = add_row(
        form,
        QCoreApplication.translate("Intake", "&VLO:"),
        _vlo_combo(vlos, link.vlo if link else ""),
    )
    dialog.om_name = add_row(
        form,
        QCoreApplication.translate("Intake", "Offender manager:"),
        QLineEdit(link.om_name if link else ""),
        name=QCoreApplication.translate("Intake", "OM name"),
    )
    dialog.om_team = add_row(
        form,
        QCoreApplication.translate("Intake", "OM &team:"),
        QLineEdit(link.om_team if link else ""),
    )


class IntakeDialog(FormDialog):
    """A new referral from the Witness Care Unit: who, what, the sentence, how to contact."""

    def __init__(
        self,
        parent: QWidget | None,
        vlos: list[str],
        referral: Referral | None = None,
        same_offender: SameOffender | None = None,
    ) -> None:
        """`same_offender`: a case whose offender this referral is about (another victim
        of theirs): the offender, the sentence, the OM and the VLO come filled in."""
        super().__init__(parent, QCoreApplication.translate("Intake", "New referral"))
        self._offender_on_file: Offender | None = None
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            QCoreApplication.translate("Intake", "&Save referral")
        )
        referral_box, f = _group(QCoreApplication.translate("Intake", "Referral"))
        _referral_rows(self, f, vlos, None)
        offence_box, f = _group(QCoreApplication.translate("Intake", "Offence and sentence"))
        _offence_rows(self, f, None, None)
        self.eligibility = _EligibilityPreview(self, f)

        victim_box, f = _group(
            QCoreApplication.translate("Intake", "Victim (or who acts for them)")
        )
        self.v_given = add_row(
            f, QCoreApplication.translate("Intake", "Victim &first name:"), QLineEdit()
        )
        self.v_family = add_row(
            f, QCoreApplication.translate("Intake", "Victim s&urname:"), QLineEdit()
        )
        self.v_dob = add_row(
            f,
            QCoreApplication.translate("Intake", "Date of b&irth:"),
            date_edit(None, optional=True),
        )
        self.minor = plain_label()
        self.minor.setWordWrap(True)
        self.minor.setAccessibleName(QCoreApplication.translate("Intake", "Under 18"))
        f.addRow(self.minor)
        self.role = add_row(
            f,
            QCoreApplication.translate("Intake", "Contact is &with:"),
            enum_combo(_choices(VictimRole)),
        )
        self.acting_for = add_row(
            f,
            QCoreApplication.translate("Intake", "Acts for:"),
            QLineEdit(),
            name=QCoreApplication.translate("Intake", "Acts for (person harmed)"),
        )
        self.relationship = add_row(
            f, QCoreApplication.translate("Intake", "Relationship:"), QLineEdit()
        )
        self.guardian = add_row(
            f,
            QCoreApplication.translate("Intake", "Parent/&guardian:"),
            QLineEdit(),
            name=QCoreApplication.translate("Intake", "Parent or guardian"),
        )
        self.language = add_row(
            f, QCoreApplication.translate("Intake", "&Language:"), enum_combo(_choices(Language))
        )
        self.access = add_row(
            f, QCoreApplication.translate("Intake", "Accessibility needs:"), QLineEdit()
        )
        self.phone_first = add_row(
            f,
            QCoreApplication.translate("Intake", "Phone first:"),
            QCheckBox(QCoreApplication.translate("Intake", "Telephone before writing")),
            name=QCoreApplication.translate("Intake", "Phone first"),
        )

        contact_box, f = _group(QCoreApplication.translate("Intake", "Contact details and safety"))
        self.address = add_row(
            f,
            QCoreApplication.translate("Intake", "Addr&ess:"),
            QPlainTextEdit(),
            name=QCoreApplication.translate("Intake", "Address"),
        )
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(70)
        self.address_safe = add_row(
            f,
            QCoreApplication.translate("Intake", "Address safe:"),
            QCheckBox(QCoreApplication.translate("Intake", "Safe to use")),
            name=QCoreApplication.translate("Intake", "Address safe to use"),
        )
        self.address_safe.setChecked(True)
        self.do_not_post = add_row(
            f,
            QCoreApplication.translate("Intake", "Do not post:"),
            QCheckBox(QCoreApplication.translate("Intake", "Never post to this address")),
        )
        self.phone = add_row(f, QCoreApplication.translate("Intake", "&Phone:"), QLineEdit())
        self.email = add_row(f, QCoreApplication.translate("Intake", "E&mail:"), QLineEdit())
        self.channel = add_row(
            f,
            QCoreApplication.translate("Intake", "Preferred channel:"),
            enum_combo(_choices(Channel)),
        )

        offender_box, f = _group(QCoreApplication.translate("Intake", "Offender"))
        self.o_given = add_row(
            f, QCoreApplication.translate("Intake", "&Offender first name:"), QLineEdit()
        )
        self.o_family = add_row(
            f, QCoreApplication.translate("Intake", "Offender surname:"), QLineEdit()
        )
        self.o_dob = add_row(
            f,
            QCoreApplication.translate("Intake", "Offender date of birt&h:"),
            date_edit(None, optional=True),
        )
        self.crn = add_row(
            f,
            QCoreApplication.translate("Intake", "Offender &CRN:"),
            QLineEdit(),
            name=QCoreApplication.translate("Intake", "Offender CRN"),
        )
        self.nomis = add_row(
            f,
            QCoreApplication.translate("Intake", "Prison num&ber:"),
            QLineEdit(),
            name=QCoreApplication.translate("Intake", "Offender prison number"),
        )

        columns = QHBoxLayout()
        for boxes in (
            (referral_box, offence_box),
            (victim_box,),
            (contact_box, offender_box),
        ):
            column = QVBoxLayout()
            for box in boxes:
                column.addWidget(box)
            column.addStretch(1)
            columns.addLayout(column, 1)
        self.layout().insertLayout(0, columns)

        self.v_dob.dateChanged.connect(self._show_minor)
        self.referred.dateChanged.connect(self._show_minor)
        self.role.currentIndexChanged.connect(self._show_role)
        self.offender_note = plain_label()
        self.offender_note.setWordWrap(True)
        self.offender_note.setAccessibleName(
            QCoreApplication.translate("Intake", "Offender on file")
        )
        self.offender_note.hide()
        f.addRow(self.offender_note)
        if same_offender is not None:
            self._fill_from_case(same_offender)
        if referral is not None:
            self._fill(referral)
        self._show_minor()
        self._show_role()
        self.resize(1180, self.sizeHint().height())

    def _show_minor(self) -> None:
        dob = date_of(self.v_dob)
        referred = date_of(self.referred) or today()
        if dob is not None and age_on(dob, referred) < 18:
            self.minor.setText(
                QCoreApplication.translate(
                    "Intake",
                    "Under 18: contact goes through the parent or guardian. A task to offer"
                    " contact directly is set for the 18th birthday, {birthday}.",
                ).format(birthday=fmt_date(eighteenth_birthday(dob)))
            )
            self.minor.show()
        else:
            self.minor.hide()

    def _show_role(self) -> None:
        acting = self.role.currentData() != VictimRole.VICTIM.value
        self.acting_for.setEnabled(acting)
        self.relationship.setEnabled(acting)

    def _fill_from_case(self, same: SameOffender) -> None:
        """Another victim of a case's offender: what the two referrals share."""
        self.setWindowTitle(
            QCoreApplication.translate("Intake", "New referral: another victim of {name}").format(
                name=same.offender.full_name
            )
        )
        self.vlo.setCurrentText(same.vlo)
        self.om_name.setText(same.om_name)
        self.om_team.setText(same.om_team)
        self.offence.setText(same.offence)
        self.category.setCurrentIndex(self.category.findData(same.offence_category.value))
        if same.sentence_date is not None:
            d = same.sentence_date
            self.sentenced.setDate(QDate(d.year, d.month, d.day))
        if same.sentence_type is not None:
            self.sentence_type.setCurrentIndex(
                max(0, self.sentence_type.findData(same.sentence_type.value))
            )
        self.custody.setValue(same.custody_months or 0)
        self._use_offender_on_file(same.offender, same.case_ref)

    def _use_offender_on_file(self, offender: Offender, ref: str = "") -> None:
        """The offender is the one on file: shown, not edited here (nor matched again)."""
        self._offender_on_file = offender
        self.o_given.setText(offender.given_name)
        self.o_family.setText(offender.family_name)
        if offender.dob is not None:
            d = offender.dob
            self.o_dob.setDate(QDate(d.year, d.month, d.day))
        self.crn.setText(offender.crn)
        self.nomis.setText(offender.nomis)
        for widget in (self.o_given, self.o_family, self.o_dob, self.crn, self.nomis):
            widget.setEnabled(False)
        self.offender_note.setText(
            QCoreApplication.translate(
                "Intake",
                "The offender on file{case}: the new case joins them. Correct their details"
                " with Edit offender (Ctrl+Shift+E) on a case.",
            ).format(
                case=QCoreApplication.translate("Intake", " in {ref}").format(ref=ref)
                if ref
                else ""
            )
        )
        self.offender_note.show()

    def _fill(self, r: Referral) -> None:
        """Put a referral back in the form (after the duplicate check was cancelled)."""

        def set_date(edit, value: date | None) -> None:
            if value is not None:
                edit.setDate(QDate(value.year, value.month, value.day))

        v, o = r.victim, r.offender
        set_date(self.referred, r.referral_date)
        self.referrer.setText(r.referrer)
        self.vlo.setCurrentText(r.vlo)
        self.om_name.setText(r.om_name)
        self.om_team.setText(r.om_team)
        self.offence.setText(r.offence)
        self.category.setCurrentIndex(self.category.findData(r.offence_category.value))
        set_date(self.sentenced, r.sentence_date)
        if r.sentence_type:
            self.sentence_type.setCurrentIndex(self.sentence_type.findData(r.sentence_type.value))
        self.custody.setValue(r.custody_months or 0)
        self.serious_risk.setChecked(r.serious_risk_agreed)
        self.v_given.setText(v.given_name)
        self.v_family.setText(v.family_name)
        set_date(self.v_dob, v.dob)
        self.role.setCurrentIndex(self.role.findData(v.role.value))
        self.acting_for.setText(r.acting_for)
        self.relationship.setText(r.relationship)
        self.guardian.setText(v.guardian_name)
        self.language.setCurrentIndex(self.language.findData(v.language.value))
        self.access.setText(v.accessibility)
        self.phone_first.setChecked(v.phone_first)
        for c in r.contacts:
            if c.kind.value == "address" and not c.safe_alternative:
                self.address.setPlainText(c.value)
                self.address_safe.setChecked(c.safe_to_use)
                self.do_not_post.setChecked(c.do_not_post)
            elif c.kind.value == "phone":
                self.phone.setText(c.value)
            elif c.kind.value == "email":
                self.email.setText(c.value)
        self.channel.setCurrentIndex(self.channel.findData(r.channel.value))
        if o.id is not None:
            self._use_offender_on_file(o)
            return
        self.o_given.setText(o.given_name)
        self.o_family.setText(o.family_name)
        set_date(self.o_dob, o.dob)
        self.crn.setText(o.crn)
        self.nomis.setText(o.nomis)

    def build(self) -> Referral:
        contacts = []
        if self.address.toPlainText().strip():
            contacts.append(
                ContactDetail(
                    "address",
                    self.address.toPlainText(),
                    safe_to_use=self.address_safe.isChecked(),
                    do_not_post=self.do_not_post.isChecked(),
                )
            )
        if self.phone.text().strip():
            contacts.append(ContactDetail("phone", self.phone.text()))
        if self.email.text().strip():
            contacts.append(ContactDetail("email", self.email.text()))
        return Referral(
            victim=Victim(
                self.v_given.text(),
                self.v_family.text(),
                dob=date_of(self.v_dob),
                role=self.role.currentData(),
                language=self.language.currentData(),
                accessibility=self.access.text(),
                phone_first=self.phone_first.isChecked(),
                guardian_name=self.guardian.text(),
            ),
            offender=self._offender_on_file
            or Offender(
                self.o_given.text(),
                self.o_family.text(),
                dob=date_of(self.o_dob),
                crn=self.crn.text(),
                nomis=self.nomis.text(),
            ),
            offence=self.offence.text(),
            referral_date=date_of(self.referred) or today(),
            offence_category=self.category.currentData(),
            sentence_date=date_of(self.sentenced),
            sentence_type=_sentence_type(self.sentence_type),
            custody_months=_months(self.custody),
            referrer=self.referrer.text(),
            vlo=self.vlo.currentText(),
            channel=self.channel.currentData(),
            om_name=self.om_name.text(),
            om_team=self.om_team.text(),
            acting_for=self.acting_for.text() if self.acting_for.isEnabled() else "",
            relationship=self.relationship.text() if self.relationship.isEnabled() else "",
            serious_risk_agreed=self.serious_risk.isChecked(),
            contacts=tuple(contacts),
        )


class ReferralDetailsDialog(FormDialog):
    """Correct what the referral said; eligibility is decided again and clocks move."""

    def __init__(
        self, parent: QWidget | None, link: Link, record: ReferralRecord, vlos: list[str]
    ) -> None:
        super().__init__(
            parent,
            QCoreApplication.translate("ReferralDetailsDialog", "Referral details — {ref}").format(
                ref=link.ref
            ),
        )
        _referral_rows(self, self.form, vlos, link)
        _offence_rows(self, self.form, link, record)
        self.acting_for = add_row(
            self.form,
            QCoreApplication.translate("Intake", "Acts &for:"),
            QLineEdit(record.acting_for),
            name=QCoreApplication.translate("Intake", "Acts for (person harmed)"),
        )
        self.relationship = add_row(
            self.form,
            QCoreApplication.translate("Intake", "Relations&hip:"),
            QLineEdit(record.relationship),
        )
        if record.eligibility_overridden:
            note = plain_label(
                QCoreApplication.translate(
                    "Intake", "Eligibility was overridden by a manager: it stays as decided."
                )
            )
            note.setWordWrap(True)
            self.form.addRow(note)
        self.eligibility = _EligibilityPreview(self, self.form)

    def build(self) -> ReferralChanges:
        return ReferralChanges(
            offence=self.offence.text(),
            offence_category=self.category.currentData(),
            referral_date=date_of(self.referred) or today(),
            sentence_date=date_of(self.sentenced),
            sentence_type=_sentence_type(self.sentence_type),
            custody_months=_months(self.custody),
            referrer=self.referrer.text(),
            vlo=self.vlo.currentText(),
            om_name=self.om_name.text(),
            om_team=self.om_team.text(),
            acting_for=self.acting_for.text(),
            relationship=self.relationship.text(),
            serious_risk_agreed=self.serious_risk.isChecked(),
        )


class OptChangeDialog(FormDialog):
    """Record an opt-in change: what, when, how it came, and the level when opting in."""

    def __init__(self, parent: QWidget | None, link: Link) -> None:
        super().__init__(
            parent,
            QCoreApplication.translate("OptChangeDialog", "Opt-in change — {ref}").format(
                ref=link.ref
            ),
        )
        self._link = link
        now = plain_label(label(link.opt_state))
        add_row(
            self.form,
            QCoreApplication.translate("Intake", "Now:"),
            now,
            name=QCoreApplication.translate("Intake", "Current opt-in state"),
        )
        states = [s for s in STATE_ORDER if s in OPT_TRANSITIONS[link.opt_state]]
        self.state = add_row(
            self.form,
            QCoreApplication.translate("Intake", "&Change to:"),
            enum_combo([(s.value, label(s)) for s in states]),
        )
        # Nothing chosen until the VLO chooses: Enter must never record a change by itself.
        self.state.setPlaceholderText(QCoreApplication.translate("Intake", "Choose the change…"))
        self.state.setCurrentIndex(-1)
        self.on = add_row(
            self.form, QCoreApplication.translate("Intake", "&Date:"), date_edit(today())
        )
        self.source = add_row(
            self.form,
            QCoreApplication.translate("Intake", "&How it came:"),
            QComboBox(),
            name=QCoreApplication.translate("Intake", "Source"),
        )
        self.source.setEditable(True)
        for source in SOURCES:  # shown in the interface language, stored in English
            self.source.addItem(QCoreApplication.translate("Intake", source), source)
        levels = [c for c in _choices(ContactLevel) if c[0] != ContactLevel.NONE.value]
        self.level = add_row(
            self.form,
            QCoreApplication.translate("Intake", "Contact &level:"),
            enum_combo(levels, link.contact_level.value),
        )
        self.state.currentIndexChanged.connect(self._show_level)
        self._show_level()

    def _show_level(self) -> None:
        self.level.setEnabled(self.state.currentData() == OptState.OPTED_IN.value)

    def build(self) -> dict[str, Any]:
        if self.state.currentData() is None:
            raise DomainError(
                QCoreApplication.translate("Intake", "Choose what the opt-in state changes to.")
            )
        state = OptState(self.state.currentData())
        level = ContactLevel(self.level.currentData()) if self.level.isEnabled() else None
        check_opt_change(self._link.opt_state, state, level)
        return {
            "state": state,
            "on": date_of(self.on) or today(),
            "source": self.source.currentData()
            if self.source.currentText() == self.source.itemText(self.source.currentIndex())
            else self.source.currentText(),
            "contact_level": level,
        }

    def accept(self) -> None:
        """Saying no to contact closes the victim's clocks and stops every update: it is
        confirmed first (Enter on the question keeps the dialog open, changing nothing)."""
        state = self.state.currentData()
        if state in (OptState.OPTED_OUT.value, OptState.DECLINED.value) and not self.confirm(
            self,
            QCoreApplication.translate(
                "Intake",
                "Record that the victim has {state}? They will get no more updates and every"
                " open opt-in task on this case is closed.",
            ).format(state=label(OptState(state)).lower()),
        ):
            return
        super().accept()

    @classmethod
    def confirm(cls, parent: QWidget, text: str) -> bool:
        box = message_box(
            QMessageBox.Icon.Question,
            parent,
            QCoreApplication.translate("Intake", "Confirm opt-out"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,  # Enter answers No
        )
        return box.exec() == QMessageBox.StandardButton.Yes


class FollowUpDialog(FormDialog):
    """The follow-up to an unanswered offer went out."""

    def __init__(self, parent: QWidget | None, link: Link) -> None:
        super().__init__(
            parent,
            QCoreApplication.translate("FollowUpDialog", "Follow-up sent — {ref}").format(
                ref=link.ref
            ),
        )
        self.on = add_row(
            self.form, QCoreApplication.translate("Intake", "&Date sent:"), date_edit(today())
        )
        self.channel = add_row(
            self.form,
            QCoreApplication.translate("Intake", "&By:"),
            enum_combo(_choices(Channel)),
            name=QCoreApplication.translate("Intake", "Channel"),
        )

    def build(self) -> dict[str, Any]:
        return {"on": date_of(self.on) or today(), "channel": self.channel.currentData()}


class EligibilityOverrideDialog(FormDialog):
    """A manager replaces the rules' decision, saying who and why (or removes an override)."""

    def __init__(self, parent: QWidget | None, link: Link, manager: str) -> None:
        super().__init__(
            parent,
            QCoreApplication.translate("EligibilityOverrideDialog", "Eligibility — {ref}").format(
                ref=link.ref
            ),
        )
        current = plain_label(
            QCoreApplication.translate(
                "EligibilityOverrideDialog", "{label}: {eligibility_reason} (rules {rules_version})"
            ).format(
                label=label(link.eligibility),
                eligibility_reason=shown(link.eligibility_reason),
                rules_version=link.rules_version,
            )
        )
        current.setWordWrap(True)
        add_row(
            self.form,
            QCoreApplication.translate("Intake", "Now:"),
            current,
            name=QCoreApplication.translate("Intake", "Current eligibility"),
        )
        choices = [(e.value, label(e)) for e in Eligibility if e is not Eligibility.PENDING] + [
            ("", QCoreApplication.translate("Intake", "Let the rules decide (remove an override)"))
        ]
        self.outcome = add_row(
            self.form, QCoreApplication.translate("Intake", "&Decision:"), enum_combo(choices)
        )
        self.reason = add_row(
            self.form, QCoreApplication.translate("Intake", "&Reason:"), QPlainTextEdit()
        )
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(90)
        self.manager = add_row(
            self.form, QCoreApplication.translate("Intake", "&Manager:"), QLineEdit(manager)
        )

    def build(self) -> dict[str, Any]:
        value = self.outcome.currentData()
        outcome = Eligibility(value) if value else None
        if outcome is not None and not self.reason.toPlainText().strip():
            raise DomainError(
                QCoreApplication.translate("Intake", "An eligibility override needs a reason.")
            )
        return {
            "outcome": outcome,
            "reason": self.reason.toPlainText(),
            "by": self.manager.text(),
        }
