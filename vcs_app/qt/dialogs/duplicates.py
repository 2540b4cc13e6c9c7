"""A new referral beside the people it may already be about; the VLO merges or keeps apart.

Nothing is chosen for the VLO: each person that matched needs an explicit "merge" or
"keep separate" before the referral is saved. Differences are said in words ("Differs"),
never shown by colour alone.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from vcs_app.domain.model import Offender, Referral, ValidationError, Victim
from vcs_app.qt.dialogs.forms import FormDialog
from vcs_app.qt.i18n import label, shown
from vcs_app.qt.widgets import RowsModel, fmt_date, plain_label, set_widths, table_view
from vcs_app.services.intake import SEPARATE, MatchDecision, PersonMatch, ReferralMatches

HEADERS = (
    QT_TRANSLATE_NOOP("Duplicates", "Detail"),
    QT_TRANSLATE_NOOP("Duplicates", "Same?"),
    QT_TRANSLATE_NOOP("Duplicates", "This referral"),
    QT_TRANSLATE_NOOP("Duplicates", "On file"),
)
NOT_KNOWN = QT_TRANSLATE_NOOP("Duplicates", "not known")


def _victim_facts(v: Victim) -> list[tuple[str, str]]:
    return [
        (QCoreApplication.translate("Duplicates", "Name"), v.full_name),
        (
            QCoreApplication.translate("Duplicates", "Date of birth"),
            fmt_date(v.dob) or QCoreApplication.translate("Duplicates", NOT_KNOWN),
        ),
        (QCoreApplication.translate("Duplicates", "Contact is with"), shown(label(v.role))),
        (QCoreApplication.translate("Duplicates", "Parent/guardian"), v.guardian_name or "—"),
        (QCoreApplication.translate("Duplicates", "Language"), shown(label(v.language))),
        (QCoreApplication.translate("Duplicates", "Accessibility needs"), v.accessibility or "—"),
    ]


def _offender_facts(o: Offender) -> list[tuple[str, str]]:
    return [
        (QCoreApplication.translate("Duplicates", "Name"), o.full_name),
        (
            QCoreApplication.translate("Duplicates", "Date of birth"),
            fmt_date(o.dob) or QCoreApplication.translate("Duplicates", NOT_KNOWN),
        ),
        (QCoreApplication.translate("Duplicates", "CRN"), o.crn or "—"),
        (QCoreApplication.translate("Duplicates", "Prison number"), o.nomis or "—"),
    ]


def _same(ours: str, theirs: str) -> str:
    blank = ("—", QCoreApplication.translate("Duplicates", NOT_KNOWN))
    if ours in blank and theirs in blank:
        return QCoreApplication.translate("Duplicates", "Both blank")
    if ours in blank or theirs in blank:
        return QCoreApplication.translate("Duplicates", "One blank")
    return (
        QCoreApplication.translate("Duplicates", "Same")
        if ours.casefold() == theirs.casefold()
        else QCoreApplication.translate("Duplicates", "Differs")
    )


class _PersonChoice(QGroupBox):
    """One person from the referral against its match(es) on file, with the choice."""

    def __init__(
        self,
        what: str,
        incoming: Victim | Offender,
        found: tuple[PersonMatch, ...],
        keys: tuple[str, str],
    ) -> None:
        """`keys`: the merge and keep-separate labels with their mnemonics marked."""
        title = (
            QCoreApplication.translate("Duplicates", "{What}: {count} possible matches on file")
            if len(found) > 1
            else QCoreApplication.translate("Duplicates", "{What}: 1 possible match on file")
        )
        super().__init__(title.format(What=what[:1].upper() + what[1:], count=len(found)))
        self.what = what
        self.found = found
        self._facts = _victim_facts if isinstance(incoming, Victim) else _offender_facts
        self._incoming = incoming
        layout = QVBoxLayout(self)
        self.pick = QComboBox()
        self.pick.setAccessibleName(
            QCoreApplication.translate("Duplicates", "Compare with which {what} on file").format(
                what=what
            )
        )
        for match in found:
            self.pick.addItem(f"{match.person.full_name} — {shown(match.reason)}", match.person.id)
        if len(found) > 1:
            row = QHBoxLayout()
            caption = plain_label(QCoreApplication.translate("Duplicates", "Compare &with:"))
            caption.setBuddy(self.pick)
            row.addWidget(caption)
            row.addWidget(self.pick, 1)
            layout.addLayout(row)
        else:
            self.pick.hide()
        self.why = plain_label()
        self.why.setWordWrap(True)
        self.why.setAccessibleName(
            QCoreApplication.translate("Duplicates", "Why the {what} matched").format(what=what)
        )
        layout.addWidget(self.why)
        self.model = RowsModel([QCoreApplication.translate("Duplicates", h) for h in HEADERS])
        self.table = table_view(
            self.model,
            QCoreApplication.translate("Duplicates", "{What}: referral and record on file").format(
                What=what[:1].upper() + what[1:]
            ),
        )
        self.table.setMinimumHeight(190)
        layout.addWidget(self.table, 1)
        self.merge = QRadioButton(
            QCoreApplication.translate(
                "Duplicates", "{key}: add this referral to the {what} on file"
            ).format(key=keys[0], what=what)
        )
        self.merge.setAccessibleName(
            QCoreApplication.translate("Duplicates", "Merge the {what}").format(what=what)
        )
        self.separate = QRadioButton(
            QCoreApplication.translate("Duplicates", "{key}: add a new {what}").format(
                key=keys[1], what=what
            )
        )
        self.separate.setAccessibleName(
            QCoreApplication.translate("Duplicates", "Keep the {what} separate").format(what=what)
        )
        self.group = QButtonGroup(self)
        for button in (self.merge, self.separate):
            self.group.addButton(button)
            layout.addWidget(button)
        self.note = plain_label()
        self.note.setWordWrap(True)
        self.note.setAccessibleName(
            QCoreApplication.translate(
                "Duplicates", "Why the {what} cannot be kept separate"
            ).format(what=what)
        )
        layout.addWidget(self.note)
        self.pick.currentIndexChanged.connect(self._show)
        self._show()

    def current(self) -> PersonMatch:
        return self.found[max(0, self.pick.currentIndex())]

    def _show(self) -> None:
        match = self.current()
        self.why.setText(
            QCoreApplication.translate("Duplicates", "Why: {reason}.").format(
                reason=shown(match.reason)
            )
        )
        ours, theirs = self._facts(self._incoming), self._facts(match.person)
        rows = [(name, _same(a, b), a, b) for (name, a), (_, b) in zip(ours, theirs, strict=True)]
        refs = ", ".join(
            f"{c.ref} ({c.offence})" for c in match.cases
        ) or QCoreApplication.translate("Duplicates", "none")
        rows.append(
            (
                QCoreApplication.translate("Duplicates", "Cases"),
                "",
                QCoreApplication.translate("Duplicates", "this referral"),
                refs,
            )
        )
        self.model.set_rows(rows)
        set_widths(self.table, (130, 80, 160))
        same_person = any(m.same_reference for m in self.found)
        self.separate.setEnabled(not same_person)
        if same_person:
            self.group.setExclusive(False)
            self.separate.setChecked(False)
            self.group.setExclusive(True)
            self.note.setText(
                QCoreApplication.translate(
                    "Duplicates",
                    "{reason}: this is the same person, so it cannot be kept "
                    "separate. If the reference is wrong, cancel and correct it.",
                ).format(reason=shown(match.reason)[:1].upper() + shown(match.reason)[1:])
            )
        self.note.setVisible(same_person)

    def choice(self) -> int | str:
        if self.merge.isChecked():
            return int(self.current().person.id)
        if self.separate.isChecked():
            return SEPARATE
        raise ValidationError(
            QCoreApplication.translate(
                "Duplicates", "Choose to merge or keep separate for the {what}."
            ).format(what=self.what)
        )


class DuplicatesDialog(FormDialog):
    """Side by side: the new referral and who it may be about. Returns a MatchDecision."""

    def __init__(self, parent: QWidget | None, referral: Referral, matches: ReferralMatches):
        super().__init__(parent, QCoreApplication.translate("Duplicates", "Possible duplicate"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            QCoreApplication.translate("Duplicates", "&Save referral")
        )
        intro = plain_label(
            QCoreApplication.translate(
                "Duplicates",
                "This referral may be about someone already on file. Compare each one and choose: "
                "merge (add the referral to the record on file; blanks on file are filled, "
                "nothing is overwritten) or keep separate (add a new record).",
            )
        )
        intro.setWordWrap(True)
        self.victim = (
            _PersonChoice(
                QCoreApplication.translate("Duplicates", "victim"),
                referral.victim,
                matches.victims,
                (
                    QCoreApplication.translate("Duplicates", "&Merge"),
                    QCoreApplication.translate("Duplicates", "&Keep separate"),
                ),
            )
            if matches.victims
            else None
        )
        self.offender = (
            _PersonChoice(
                QCoreApplication.translate("Duplicates", "offender"),
                referral.offender,
                matches.offenders,
                (
                    QCoreApplication.translate("Duplicates", "M&erge"),
                    QCoreApplication.translate("Duplicates", "Kee&p separate"),
                ),
            )
            if matches.offenders
            else None
        )
        boxes = QHBoxLayout()
        for box in (self.victim, self.offender):
            if box is not None:
                boxes.addWidget(box, 1)
        self.layout().insertWidget(0, intro)
        self.layout().insertLayout(1, boxes, 1)
        self.resize(1100 if self.victim and self.offender else 620, 480)

    def build(self) -> MatchDecision:
        return MatchDecision(
            victim=self.victim.choice() if self.victim else None,
            offender=self.offender.choice() if self.offender else None,
        )
