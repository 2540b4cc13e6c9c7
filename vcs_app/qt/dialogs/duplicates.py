"""A new referral beside the people it may already be about; the VLO merges or keeps apart.

Nothing is chosen for the VLO: each person that matched needs an explicit "merge" or
"keep separate" before the referral is saved. Differences are said in words ("Differs"),
never shown by colour alone.
"""

from __future__ import annotations

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

from vcs_app.domain.model import Offender, Referral, ValidationError, Victim, label
from vcs_app.qt.dialogs.forms import FormDialog
from vcs_app.qt.widgets import RowsModel, fmt_date, plain_label, table_view
from vcs_app.services.intake import SEPARATE, MatchDecision, PersonMatch, ReferralMatches

HEADERS = ["", "Same?", "This referral", "On file"]


def _victim_facts(v: Victim) -> list[tuple[str, str]]:
    return [
        ("Name", v.full_name),
        ("Date of birth", fmt_date(v.dob) or "not known"),
        ("Contact is with", label(v.role)),
        ("Parent/guardian", v.guardian_name or "—"),
        ("Language", label(v.language)),
        ("Accessibility needs", v.accessibility or "—"),
    ]


def _offender_facts(o: Offender) -> list[tuple[str, str]]:
    return [
        ("Name", o.full_name),
        ("Date of birth", fmt_date(o.dob) or "not known"),
        ("CRN", o.crn or "—"),
        ("Prison number", o.nomis or "—"),
    ]


def _same(ours: str, theirs: str) -> str:
    blank = ("—", "not known")
    if ours in blank and theirs in blank:
        return "Both blank"
    if ours in blank or theirs in blank:
        return "One blank"
    return "Same" if ours.casefold() == theirs.casefold() else "Differs"


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
        plural = "es" if len(found) > 1 else ""
        super().__init__(f"{what.capitalize()}: {len(found)} possible match{plural} on file")
        self.what = what
        self.found = found
        self._facts = _victim_facts if isinstance(incoming, Victim) else _offender_facts
        self._incoming = incoming
        layout = QVBoxLayout(self)
        self.pick = QComboBox()
        self.pick.setAccessibleName(f"Compare with which {what} on file")
        for match in found:
            self.pick.addItem(f"{match.person.full_name} — {match.reason}", match.person.id)
        if len(found) > 1:
            row = QHBoxLayout()
            caption = plain_label("Compare &with:")
            caption.setBuddy(self.pick)
            row.addWidget(caption)
            row.addWidget(self.pick, 1)
            layout.addLayout(row)
        else:
            self.pick.hide()
        self.why = plain_label()
        self.why.setWordWrap(True)
        self.why.setAccessibleName(f"Why the {what} matched")
        layout.addWidget(self.why)
        self.model = RowsModel(HEADERS)
        self.table = table_view(self.model, f"{what.capitalize()}: referral and record on file")
        self.table.setMinimumHeight(190)
        layout.addWidget(self.table, 1)
        self.merge = QRadioButton(f"{keys[0]}: add this referral to the {what} on file")
        self.merge.setAccessibleName(f"Merge the {what}")
        self.separate = QRadioButton(f"{keys[1]}: add a new {what}")
        self.separate.setAccessibleName(f"Keep the {what} separate")
        self.group = QButtonGroup(self)
        for button in (self.merge, self.separate):
            self.group.addButton(button)
            layout.addWidget(button)
        self.note = plain_label()
        self.note.setWordWrap(True)
        self.note.setAccessibleName(f"Why the {what} cannot be kept separate")
        layout.addWidget(self.note)
        self.pick.currentIndexChanged.connect(self._show)
        self._show()

    def current(self) -> PersonMatch:
        return self.found[max(0, self.pick.currentIndex())]

    def _show(self) -> None:
        match = self.current()
        self.why.setText(f"Why: {match.reason}.")
        ours, theirs = self._facts(self._incoming), self._facts(match.person)
        rows = [(name, _same(a, b), a, b) for (name, a), (_, b) in zip(ours, theirs, strict=True)]
        refs = ", ".join(f"{c.ref} ({c.offence})" for c in match.cases) or "none"
        rows.append(("Cases", "", "this referral", refs))
        self.model.set_rows(rows)
        for column, width in enumerate((130, 80, 160)):
            self.table.setColumnWidth(column, width)
        same_person = any(m.same_reference for m in self.found)
        self.separate.setEnabled(not same_person)
        if same_person:
            self.group.setExclusive(False)
            self.separate.setChecked(False)
            self.group.setExclusive(True)
            self.note.setText(
                f"{match.reason[0].upper()}{match.reason[1:]}: this is the same person, so it "
                "cannot be kept "
                "separate. If the reference is wrong, cancel and correct it."
            )
        self.note.setVisible(same_person)

    def choice(self) -> int | str:
        if self.merge.isChecked():
            return int(self.current().person.id)
        if self.separate.isChecked():
            return SEPARATE
        raise ValidationError(f"Choose to merge or keep separate for the {self.what}.")


class DuplicatesDialog(FormDialog):
    """Side by side: the new referral and who it may be about. Returns a MatchDecision."""

    def __init__(self, parent: QWidget | None, referral: Referral, matches: ReferralMatches):
        super().__init__(parent, "Possible duplicate")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Save referral")
        intro = plain_label(
            "This referral may be about someone already on file. Compare each one and choose: "
            "merge (add the referral to the record on file; blanks on file are filled, "
            "nothing is overwritten) or keep separate (add a new record)."
        )
        intro.setWordWrap(True)
        self.victim = (
            _PersonChoice("victim", referral.victim, matches.victims, ("&Merge", "&Keep separate"))
            if matches.victims
            else None
        )
        self.offender = (
            _PersonChoice(
                "offender", referral.offender, matches.offenders, ("M&erge", "Kee&p separate")
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
