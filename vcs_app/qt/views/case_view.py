"""One case: safety flags first, then tabs for each part of the VLO's work."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from vcs_app.domain.model import KEY_DATE_KINDS, CaseFile, label
from vcs_app.qt.widgets import RowsModel, fmt_date, table_view


def _value_label(text: str, name: str) -> QLabel:
    value = QLabel(text or "—")
    value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    value.setAccessibleName(name)
    return value


def _form(pairs: list[tuple[str, str]]) -> QFormLayout:
    form = QFormLayout()
    for caption, text in pairs:
        value = _value_label(text, caption)
        caption_label = QLabel(f"{caption}:")
        caption_label.setBuddy(value)
        form.addRow(caption_label, value)
    return form


def _history_text(detail: str) -> str:
    if not detail:
        return ""
    try:
        data = json.loads(detail)
    except ValueError:
        return detail
    if isinstance(data, dict) and {"old", "new"} <= data.keys():
        return f"{data.get('kind', '')} {data['old'] or '(none)'} → {data['new']}".strip()
    if isinstance(data, dict):
        parts = []
        for key, value in data.items():
            if isinstance(value, list) and len(value) == 2:
                parts.append(f"{key}: {value[0]} → {value[1]}")
            else:
                parts.append(f"{key}: {value}")
        return "; ".join(parts)
    return detail


class CaseView(QWidget):
    """Shows a CaseFile; actions are requested through signals the main window handles."""

    edit_victim = Signal(int)
    edit_offender = Signal(int)
    add_liaison = Signal(int)

    def __init__(self, case: CaseFile) -> None:
        super().__init__()
        self.case_id = case.link.id
        self.setAccessibleName(f"Case {case.link.ref}")
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        font = self.header.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.header.setFont(font)
        self.safety = QLabel()
        self.safety.setWordWrap(True)
        self.safety.setFrameShape(QFrame.Shape.Box)
        self.safety.setAccessibleName("Safety flags")
        self.safety.setMargin(6)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Case sections")
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.safety)
        layout.addWidget(self.tabs, 1)
        self.show_case(case)

    def show_case(self, case: CaseFile) -> None:
        current = self.tabs.currentIndex()
        self.case = case
        link, victim, offender = case.link, case.victim, case.offender
        self.header.setText(f"{link.ref}  ·  {victim.full_name}  ·  offender {offender.full_name}")
        flags = case.safety_flags
        text = ("⚠ SAFETY: " + "  ·  ".join(flags)) if flags else "No safety flags recorded."
        if case.needs:
            text += "\nNeeds: " + "  ·  ".join(case.needs)
        self.safety.setText(text)
        self.safety.setStyleSheet("font-weight: bold;" if flags else "")
        while self.tabs.count():
            self.tabs.widget(0).deleteLater()
            self.tabs.removeTab(0)
        self.tabs.addTab(self._victim_tab(case), "&Victim && contact")
        self.tabs.addTab(self._offender_tab(case), "&Offender && dates")
        self.tabs.addTab(self._conditions_tab(), "Licence &conditions")
        self.tabs.addTab(self._liaison_tab(case), "&Liaison log")
        self.tabs.addTab(self._contacts_tab(case), "Contacts && le&tters")
        self.tabs.addTab(self._history_tab(case), "&History")
        self.tabs.setCurrentIndex(max(0, current))

    # --- tabs ---------------------------------------------------------------------------

    def _page(self, *widgets: QWidget | QFormLayout, buttons: list[QPushButton] = ()) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        for item in widgets:
            if isinstance(item, QFormLayout):
                layout.addLayout(item)
            else:
                layout.addWidget(item, 1 if hasattr(item, "model") else 0)
        if buttons:
            row = QHBoxLayout()
            for button in buttons:
                row.addWidget(button)
            row.addStretch(1)
            layout.addLayout(row)
        return page

    def _button(self, text: str, signal: Signal, name: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.clicked.connect(lambda: signal.emit(self.case_id))
        return button

    def _victim_tab(self, case: CaseFile) -> QWidget:
        v, link = case.victim, case.link
        form = _form(
            [
                ("Name", v.full_name),
                ("Date of birth", fmt_date(v.dob)),
                ("Contact is with", label(v.role)),
                ("Parent/guardian", v.guardian_name),
                ("Language", label(v.language)),
                ("Accessibility needs", v.accessibility),
                ("Opt-in", label(link.opt_state)),
                ("Contact level", label(link.contact_level)),
                ("Preferred channel", label(link.channel)),
                ("Eligibility", f"{label(link.eligibility)} {link.eligibility_reason}".strip()),
                ("VLO", link.vlo),
            ]
        )
        self.contacts_model = RowsModel(
            ["Kind", "Detail", "Safe to use", "Do not post", "Safe alternative", "Valid"],
            [
                (
                    label(c.kind),
                    c.value.replace("\n", ", "),
                    "Yes" if c.safe_to_use else "NO - UNSAFE",
                    "DO NOT POST" if c.do_not_post else "No",
                    "Yes" if c.safe_alternative else "No",
                    f"{fmt_date(c.valid_from) or 'always'} to {fmt_date(c.valid_to) or 'now'}",
                )
                for c in case.contacts
            ],
        )
        table = table_view(self.contacts_model, "Contact details")
        return self._page(
            form,
            table,
            buttons=[self._button("&Edit victim…", self.edit_victim, "Edit victim")],
        )

    def _offender_tab(self, case: CaseFile) -> QWidget:
        o = case.offender
        form = _form(
            [
                ("Name", o.full_name),
                ("Date of birth", fmt_date(o.dob)),
                ("CRN", o.crn),
                ("Prison number", o.nomis),
                ("Establishment (internal only)", o.establishment),
                ("Offence", case.link.offence),
                ("Sentence date", fmt_date(case.link.sentence_date)),
                ("Offender manager", f"{case.link.om_name} {case.link.om_team}".strip()),
            ]
        )
        self.key_dates_model = RowsModel(
            ["Date", "Kind", "Value", "Source", "Received", "Status"],
            [
                (
                    k.kind,
                    KEY_DATE_KINDS.get(k.kind, k.kind),
                    k.value,
                    label(k.source).upper(),
                    k.received_on or "",
                    "Current" if k.superseded_by is None else "Superseded",
                )
                for k in case.key_dates
            ],
        )
        return self._page(
            form,
            table_view(self.key_dates_model, "Key dates"),
            buttons=[self._button("Edit o&ffender…", self.edit_offender, "Edit offender")],
        )

    def _conditions_tab(self) -> QWidget:
        note = QLabel("No licence conditions have been requested for this case.")
        note.setAccessibleName("Licence conditions")
        return self._page(note)

    def _liaison_tab(self, case: CaseFile) -> QWidget:
        self.liaison_model = RowsModel(
            ["Date", "Direction", "With", "Person", "Channel", "Summary", "Follow up by"],
            [
                (
                    e.happened_on,
                    label(e.direction),
                    label(e.party),
                    e.who,
                    label(e.channel),
                    e.summary,
                    e.follow_up_due or "",
                )
                for e in case.liaison
            ],
        )
        self.liaison_table = table_view(self.liaison_model, "Liaison log")
        return self._page(
            self.liaison_table,
            buttons=[self._button("&Add liaison note…", self.add_liaison, "Add liaison note")],
        )

    def _contacts_tab(self, case: CaseFile) -> QWidget:
        model = RowsModel(
            ["Date", "Kind", "Outcome", "Summary", "By"],
            [
                (c.happened_on, label(c.kind), c.outcome, c.summary, c.recorded_by)
                for c in case.contact_log
            ],
        )
        tasks = RowsModel(
            ["Due", "Task", "Done"],
            [(t.due_on, t.title, t.done_on or "Open") for t in case.tasks],
        )
        return self._page(
            QLabel("Tasks"),
            table_view(tasks, "Tasks"),
            QLabel("Contacts with the victim"),
            table_view(model, "Contacts with the victim"),
        )

    def _history_tab(self, case: CaseFile) -> QWidget:
        opt = RowsModel(
            ["Date", "Opt-in state", "Source", "Recorded by"],
            [(on, label(state), source, by) for on, state, source, by in case.opt_history],
        )
        audit = RowsModel(
            ["When (UTC)", "Who", "Action", "Record", "Change"],
            [
                (
                    h.at.strftime("%d/%m/%Y %H:%M"),
                    h.who,
                    h.action,
                    h.entity.replace("_", " "),
                    _history_text(h.detail),
                )
                for h in case.history
            ],
        )
        return self._page(
            QLabel("Opt-in history"),
            table_view(opt, "Opt-in history"),
            QLabel("Record history (audit)"),
            table_view(audit, "Record history"),
        )
