"""Recording the sentence, and events through it (parole, HDC, release, recall...)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from vcs_app.domain.model import CaseFile, SentenceType
from vcs_app.domain.sentence import (
    EVENT_RULES,
    HOSPITAL_TYPES,
    INDETERMINATE_TYPES,
    LENGTH_TYPES,
    OFFENCE_CLASS_LABELS,
    SENTENCE_TYPE_LABELS,
    STANDARD_TYPES,
    WEEKS_AND_DAYS_TYPES,
    EventKind,
    OffenceClass,
    Sentence,
    SentenceEvent,
    Stage,
)
from vcs_app.qt.dialogs.forms import FormDialog
from vcs_app.qt.widgets import add_row, date_edit, date_of, enum_combo, plain_label, today
from vcs_app.services import cases, events, sentences

if TYPE_CHECKING:
    from vcs_app.qt.main_window import MainWindow


class TermEdit(QWidget):
    """Years and months of a term (and, for some sentences, weeks and days), each spin box
    named for screen readers."""

    def __init__(
        self,
        what: str,
        months: int | None = None,
        weeks: int | None = None,
        days: int | None = None,
    ) -> None:
        super().__init__()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.years = self._spin(what, QT_TRANSLATE_NOOP("SentenceDialog", "years"), 50)
        self.months = self._spin(what, QT_TRANSLATE_NOOP("SentenceDialog", "months"), 11)
        self.weeks = self._spin(what, QT_TRANSLATE_NOOP("SentenceDialog", "weeks"), 520)
        self.days = self._spin(what, QT_TRANSLATE_NOOP("SentenceDialog", "days"), 3650)
        for spin in (self.years, self.months, self.weeks, self.days):
            layout.addWidget(spin)
        layout.addStretch(1)
        self.set_term(months, weeks, days)
        self.show_weeks_and_days(bool(weeks or days))

    def _spin(self, what: str, unit: str, most: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(0, most)
        spin.setSuffix(" " + QCoreApplication.translate("SentenceDialog", unit))
        spin.setAccessibleName(f"{what}: {QCoreApplication.translate('SentenceDialog', unit)}")
        return spin
        spin.setAccessibleName(what + ": " + QCoreApplication.translate("SentenceDialog", unit))

    def set_term(
        self, months: int | None, weeks: int | None = None, days: int | None = None
    ) -> None:
        years, rest = divmod(months or 0, 12)
        self.years.setValue(years)
        self.months.setValue(rest)
        self.weeks.setValue(weeks or 0)
        self.days.setValue(days or 0)

    def show_weeks_and_days(self, shown: bool) -> None:
        """Weeks and days only where the law allows a term in them; hidden ones are cleared."""
        for spin in (self.weeks, self.days):
            spin.setVisible(shown)
            if not shown:
                spin.setValue(0)

    def total(self) -> int | None:
        """Whole months, or None when nothing was entered (the record says what is missing)."""
        total = self.years.value() * 12 + self.months.value()
        return total or None

    def total_weeks(self) -> int | None:
        return self.weeks.value() or None

    def total_days(self) -> int | None:
        return self.days.value() or None

    def setEnabled(self, enabled: bool) -> None:
        super().setEnabled(enabled)
        if not enabled:
            self.set_term(None)


# Which terms each type of sentence has.
_TERMS: dict[str, set[SentenceType]] = {
    "length": set(LENGTH_TYPES) | {SentenceType.SUSPENDED} | set(HOSPITAL_TYPES),
    "custodial": {SentenceType.EDS, SentenceType.SOPC},
    "extension": {SentenceType.EDS},
    "tariff": set(INDETERMINATE_TYPES),
}
_HINTS: dict[SentenceType, str] = {
    SentenceType.SDS: QT_TRANSLATE_NOOP(
        "SentenceDialog",
        "Enter the whole sentence length, in weeks or days if the court gave it so.",
    ),
    SentenceType.DETENTION_S250: QT_TRANSLATE_NOOP(
        "SentenceDialog",
        "Enter the whole length of the detention.",
    ),
    SentenceType.FINE_DEFAULT: QT_TRANSLATE_NOOP(
        "SentenceDialog",
        "Enter the default term still to be served (the court's term,"
        " shortened by any part payment) and the fine.",
    ),
    SentenceType.DTO: QT_TRANSLATE_NOOP(
        "SentenceDialog",
        "Enter the length of the order (4 to 24 months).",
    ),
    SentenceType.SUSPENDED: QT_TRANSLATE_NOOP(
        "SentenceDialog",
        "Enter the suspended term (up to 2 years): it is served only if the court activates it.",
    ),
    SentenceType.EDS: QT_TRANSLATE_NOOP(
        "SentenceDialog",
        "Enter the custodial term and the extension period (1 to 8 years).",
    ),
    SentenceType.SOPC: QT_TRANSLATE_NOOP(
        "SentenceDialog",
        "Enter the custodial term: 12 months on licence follow automatically.",
    ),
    SentenceType.LIFE: QT_TRANSLATE_NOOP(
        "SentenceDialog",
        "Enter the minimum term (tariff) the judge set.",
    ),
    SentenceType.IPP: QT_TRANSLATE_NOOP(
        "SentenceDialog",
        "Enter the minimum term (tariff) the judge set.",
    ),
}


class SentenceDialog(FormDialog):
    """What the court passed; saving again records a correction (the old one is kept)."""

    def __init__(
        self,
        parent: QWidget | None,
        offender_id: int,
        current: Sentence | None = None,
        sentence_date: date | None = None,
    ) -> None:
        super().__init__(parent, QCoreApplication.translate("SentenceDialog", "Record sentence"))
        self._offender_id = offender_id
        self.type = add_row(
            self.form,
            QCoreApplication.translate("SentenceDialog", "Sentence &type:"),
            enum_combo(
                [(t.value, label) for t, label in SENTENCE_TYPE_LABELS.items()],
                current.type if current else SentenceType.SDS,
            ),
        )
        self.offence_class = add_row(
            self.form,
            QCoreApplication.translate("SentenceDialog", "O&ffence type:"),
            enum_combo(
                [(c.value, label) for c, label in OFFENCE_CLASS_LABELS.items()],
                current.offence_class if current else OffenceClass.UNKNOWN,
            ),
            name=QCoreApplication.translate(
                "SentenceDialog", "Offence type (decides the release rules)"
            ),
        )
        self.offence_class.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.offence_class.setMinimumContentsLength(45)
        self.offence_class.view().setMinimumWidth(620)
        self.sentence_date = add_row(
            self.form,
            QCoreApplication.translate("SentenceDialog", "Sentence &date:"),
            date_edit(current.sentence_date if current else sentence_date),
        )
        self.offence_date = add_row(
            self.form,
            QCoreApplication.translate("SentenceDialog", "Offence dat&e:"),
            date_edit(current.offence_date if current else None, optional=True),
            name=QCoreApplication.translate(
                "SentenceDialog", "Offence date (the last day, if over a period)"
            ),
        )
        self.offence_date.setToolTip(
            QCoreApplication.translate(
                "SentenceDialog",
                "The release rules depend on it: offences before 4 April 2005 fall under the"
                " Criminal Justice Act 1991, and short terms for offences before 1 February"
                " 2015 have no licence. If the offence ran over a period, give its last day.",
            )
        )
        self.length = add_row(
            self.form,
            QCoreApplication.translate("SentenceDialog", "&Length:"),
            TermEdit(
                QCoreApplication.translate("SentenceDialog", "Sentence length"),
                current and current.length_months,
                current and current.length_weeks,
                current and current.length_days,
            ),
            name=QCoreApplication.translate("SentenceDialog", "Sentence length"),
        )
        self.custodial = add_row(
            self.form,
            QCoreApplication.translate("SentenceDialog", "&Custodial term:"),
            TermEdit(
                QCoreApplication.translate("SentenceDialog", "Custodial term"),
                current and current.custodial_months,
            ),
        )
        self.extension = add_row(
            self.form,
            QCoreApplication.translate("SentenceDialog", "E&xtension period:"),
            TermEdit(
                QCoreApplication.translate("SentenceDialog", "Extension period"),
                current and current.extension_months,
            ),
        )
        self.tariff = add_row(
            self.form,
            QCoreApplication.translate("SentenceDialog", "&Minimum term (tariff):"),
            TermEdit(
                QCoreApplication.translate("SentenceDialog", "Minimum term"),
                current and current.tariff_months,
            ),
            name=QCoreApplication.translate("SentenceDialog", "Minimum term (tariff)"),
        )
        self.remand = QSpinBox()
        self.remand.setRange(0, 20_000)
        self.remand.setSuffix(QCoreApplication.translate("SentenceDialog", " days"))
        self.remand.setValue(current.remand_days if current else 0)
        add_row(
            self.form, QCoreApplication.translate("SentenceDialog", "Days on &remand:"), self.remand
        )
        self.remand.setToolTip(
            QCoreApplication.translate(
                "SentenceDialog",
                "Days on remand and days on a qualifying curfew (tagged bail) both count.",
            )
        )
        self.fine_amount = QSpinBox()
        self.fine_amount.setRange(0, 2_000_000_000)
        self.fine_amount.setPrefix("£")
        self.fine_amount.setGroupSeparatorShown(True)
        self.fine_amount.setSpecialValueText(
            QCoreApplication.translate("SentenceDialog", "Not recorded")
        )
        fine = current.fine_amount if current and current.fine_amount is not None else 0
        self.fine_amount.setValue(fine)
        add_row(
            self.form,
            QCoreApplication.translate("SentenceDialog", "Fine amo&unt:"),
            self.fine_amount,
            name=QCoreApplication.translate("SentenceDialog", "Fine amount"),
        )
        self.progression_excluded = QCheckBox(
            QCoreApplication.translate(
                "SentenceDialog",
                "The offence is on the Sentencing Act 2026 &progression model exclusion list",
            )
        )
        self.progression_excluded.setAccessibleName(
            QCoreApplication.translate(
                "SentenceDialog", "Offence on the progression model exclusion list"
            )
        )
        self.progression_excluded.setChecked(bool(current and current.progression_excluded))
        self.form.addRow(self.progression_excluded)
        self.court = add_row(
            self.form,
            QCoreApplication.translate("SentenceDialog", "C&ourt:"),
            QLineEdit(current.court if current else ""),
        )
        self.offences = add_row(
            self.form,
            QCoreApplication.translate("SentenceDialog", "Offe&nces:"),
            QLineEdit(current.offences if current else ""),
        )
        self.hint = plain_label()
        self.hint.setWordWrap(True)
        self.hint.setAccessibleName(QCoreApplication.translate("SentenceDialog", "What to enter"))
        self.form.addRow(self.hint)
        self.type.currentIndexChanged.connect(self._type_changed)
        self._type_changed()

    def _type_changed(self) -> None:
        kind = SentenceType(self.type.currentData())
        for name, widget in (
            ("length", self.length),
            ("custodial", self.custodial),
            ("extension", self.extension),
            ("tariff", self.tariff),
        ):
            widget.setEnabled(kind in _TERMS[name])
        self.length.show_weeks_and_days(kind in WEEKS_AND_DAYS_TYPES)
        self.remand.setEnabled(kind not in HOSPITAL_TYPES)
        self.offence_class.setEnabled(kind not in HOSPITAL_TYPES)
        self.offence_date.setEnabled(kind not in HOSPITAL_TYPES)
        self.fine_amount.setEnabled(kind is SentenceType.FINE_DEFAULT)
        if kind is not SentenceType.FINE_DEFAULT:
            self.fine_amount.setValue(0)
        self.progression_excluded.setEnabled(kind in STANDARD_TYPES)
        if kind not in STANDARD_TYPES:
            self.progression_excluded.setChecked(False)
        hint = QCoreApplication.translate(
            "SentenceDialog",
            _HINTS.get(
                kind,
                QT_TRANSLATE_NOOP(
                    "SentenceDialog", "No release date is estimated for a hospital disposal."
                ),
            ),
        )
        self.hint.setText(hint)

    def build(self) -> Sentence:
        return Sentence(
            offender_id=self._offender_id,
            type=self.type.currentData(),
            sentence_date=date_of(self.sentence_date) or today(),
            offence_class=self.offence_class.currentData(),
            offence_date=date_of(self.offence_date),
            length_months=self.length.total(),
            length_weeks=self.length.total_weeks(),
            length_days=self.length.total_days(),
            fine_amount=self.fine_amount.value() or None,
            progression_excluded=self.progression_excluded.isChecked(),
            custodial_months=self.custodial.total(),
            extension_months=self.extension.total(),
            tariff_months=self.tariff.total(),
            remand_days=self.remand.value(),
            court=self.court.text(),
            offences=self.offences.text(),
        )


_WHO_IS_TOLD = {
    Stage.KEY_STAGE: QT_TRANSLATE_NOOP("EventDialog", "victims who chose key stages"),
    Stage.RELEASE: QT_TRANSLATE_NOOP(
        "EventDialog", "victims who chose key stages or release and licence updates"
    ),
}


class EventDialog(FormDialog):
    """An event through the sentence; it starts the right tasks on every linked case."""

    def __init__(self, parent: QWidget | None, offender_id: int) -> None:
        super().__init__(parent, QCoreApplication.translate("EventDialog", "Record sentence event"))
        self._offender_id = offender_id
        self.kind = add_row(
            self.form,
            QCoreApplication.translate("EventDialog", "&Event:"),
            enum_combo([(k.value, rule.label) for k, rule in EVENT_RULES.items()]),
        )
        self.event_on = add_row(
            self.form, QCoreApplication.translate("EventDialog", "Event &date:"), date_edit(today())
        )
        self.notified_on = add_row(
            self.form,
            QCoreApplication.translate("EventDialog", "Date you were &told:"),
            date_edit(today()),
            name=QCoreApplication.translate("EventDialog", "Date you were told"),
        )
        self.detail = add_row(
            self.form, QCoreApplication.translate("EventDialog", "Detai&ls:"), QPlainTextEdit()
        )
        self.detail.setTabChangesFocus(True)
        self.detail.setFixedHeight(70)
        self.who = plain_label()
        self.who.setWordWrap(True)
        self.who.setAccessibleName(QCoreApplication.translate("EventDialog", "Who gets a task"))
        self.form.addRow(self.who)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def _kind_changed(self) -> None:
        rule = EVENT_RULES[EventKind(self.kind.currentData())]
        self.who.setText(
            QCoreApplication.translate(
                "EventDialog", "Tasks are created for {who} (opted in, case open)."
            ).format(who=QCoreApplication.translate("EventDialog", _WHO_IS_TOLD[rule.stage]))
        )

    def build(self) -> SentenceEvent:
        return SentenceEvent(
            offender_id=self._offender_id,
            kind=self.kind.currentData(),
            event_on=date_of(self.event_on) or today(),
            notified_on=date_of(self.notified_on) or today(),
            detail=self.detail.toPlainText(),
        )


# --- the commands the main window's menu runs -----------------------------------------


def _current_case(window: MainWindow) -> CaseFile | None:
    case_id = window._current_case_id()
    if case_id is None:
        window.statusBar().showMessage(
            QCoreApplication.translate("Sentence", "Select or open a case first."), 5000
        )
        return None
    return window._call(cases.open_case, window.ws, case_id)


def record_sentence(window: MainWindow) -> None:
    """Record (or correct) the sentence of the current case's offender."""
    case = _current_case(window)
    if case is None:
        return
    current = case.sentence_file.sentence if case.sentence_file else None
    sentence = SentenceDialog.ask(window, case.offender.id, current, case.link.sentence_date)
    if sentence is not None:
        window._refresh(window._call(sentences.record_sentence, window.ws, sentence))


def record_event(window: MainWindow) -> None:
    """Record an event through the sentence; its tasks start on every linked case."""
    case = _current_case(window)
    if case is None:
        return
    event = EventDialog.ask(window, case.offender.id)
    if event is not None:
        window._refresh(window._call(events.record_event, window.ws, event))
