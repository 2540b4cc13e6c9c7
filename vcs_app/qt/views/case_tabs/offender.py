"""The Offender and dates tab: the sentence, official key dates (with their history) and
VCS Desk's estimates beside them, flagged in words when the two differ.

The buttons trigger the main window's menu actions (found by object name), so a button
and its menu item with its shortcut are one and the same command.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from vcs_app.domain.model import KEY_DATE_KINDS, CaseFile
from vcs_app.domain.sentence import OFFENCE_CLASS_LABELS
from vcs_app.domain.sentence_dates import SentenceFile, load_release_rules
from vcs_app.qt.views.case_tabs.common import button, form
from vcs_app.qt.widgets import RowsModel, fmt_date, table_view

if TYPE_CHECKING:
    from vcs_app.qt.views.case_view import CaseView

TITLE = QT_TRANSLATE_NOOP("CaseView", "&Offender && dates")

# Object names of the main window's actions these buttons run.
RECORD_SENTENCE = "record_sentence"
ADD_KEY_DATE = "add_key_date"
RECORD_EVENT = "record_sentence_event"

DATE_HEADERS = ["Key date", "Official date", "Received", "From", "Estimate (not official)", "Check"]
HISTORY_HEADERS = ["Key date", "Old", "New", "Received", "From", "Recorded by", "Status"]


def _action_button(view: CaseView, text: str, name: str, action: str) -> QPushButton:
    """A button that runs the window's action of that name (disabled if there is none)."""

    def run() -> None:
        found = view.window().findChild(QAction, action)
        if found is not None:
            found.trigger()

    return button(text, name, run)


def date_rows(file: SentenceFile) -> list[tuple[object, ...]]:
    by_kind = {d.key_date.kind: d for d in file.official_dates if d.current}
    rows = []
    for row in file.comparisons:
        official = by_kind.get(row.kind)
        rows.append(
            (
                f"{row.kind} — {KEY_DATE_KINDS[row.kind]}",
                official.key_date.value if official else "—",
                (official.key_date.received_on or "") if official else "",
                (official.origin or "not recorded") if official else "",
                f"{fmt_date(row.estimate.value)} (ESTIMATE)" if row.estimate else "—",
                row.check_text,
            )
        )
    return rows


def history_rows(file: SentenceFile) -> list[tuple[object, ...]]:
    return [
        (
            c.kind,
            c.old or "(first recorded)",
            c.new,
            c.received_on or "",
            c.origin or "not recorded",
            c.recorded_by,
            "Current" if c.current else "Superseded",
        )
        for c in file.history
    ]


def estimates_text(file: SentenceFile) -> str:
    """How each estimate was reached, then what could not be estimated and why."""
    parts = [
        "ESTIMATES ARE NOT OFFICIAL. They are worked out by VCS Desk from the sentence to warn"
        " you early; the prison's calculation is the only official date, and an estimate is"
        " never given to a victim or put in a letter."
    ]
    for estimate in file.estimates.items:
        parts.append(f"{estimate.kind} estimate {fmt_date(estimate.value)}: {estimate.explanation}")
    parts.extend(file.estimates.notes)
    if file.estimates.items:
        rules = load_release_rules()
        parts.append(
            f"Release rules version {rules.version} (checked {fmt_date(rules.checked_on)})."
            " Not included: " + " ".join(rules.known_gaps)
        )
    return "\n\n".join(parts)


def _sentence_box(view: CaseView, file: SentenceFile) -> QGroupBox:
    box = QGroupBox("Sentence")
    layout = QVBoxLayout(box)
    sentence = file.sentence
    if sentence is None:
        text = file.sentence_problem or "No sentence recorded yet."
        pairs = [("Sentence", text)]
    else:
        pairs = [
            ("Sentence", sentence.describe()),
            ("Offence type", OFFENCE_CLASS_LABELS[sentence.offence_class]),
            ("Offences", sentence.offences),
            ("Court", sentence.court),
            ("Recorded by", sentence.recorded_by),
        ]
        if file.previous_sentences:
            pairs.append(("Earlier records", f"{len(file.previous_sentences)} (corrected)"))
    details = form(pairs)
    layout.addLayout(details)
    view.sentence_summary = pairs[0][1]
    return box


def build(view: CaseView, case: CaseFile) -> QWidget:
    o, file = case.offender, case.sentence_file or SentenceFile()
    details = form(
        [
            ("Name", o.full_name),
            ("Date of birth", fmt_date(o.dob)),
            ("CRN", o.crn),
            ("Prison number", o.nomis),
            ("Establishment (internal only)", o.establishment),
            ("Offence", case.link.offence),
            ("Offender manager", f"{case.link.om_name} {case.link.om_team}".strip()),
        ]
    )
    top = QHBoxLayout()
    top.addLayout(details, 1)
    top.addWidget(_sentence_box(view, file), 1)

    view.dates_model = RowsModel(DATE_HEADERS, date_rows(file))
    view.dates_table = table_view(view.dates_model, "Official key dates beside estimates")
    for column, width in enumerate((300, 100, 90, 180, 170)):
        view.dates_table.setColumnWidth(column, width)
    view.estimate_text = QPlainTextEdit(estimates_text(file))
    view.estimate_text.setReadOnly(True)
    view.estimate_text.setAccessibleName("How the estimates were worked out")
    view.history_model = RowsModel(HISTORY_HEADERS, history_rows(file))
    view.history_table = table_view(view.history_model, "History of official dates")
    for column, width in enumerate((70, 100, 100, 90, 300, 110)):
        view.history_table.setColumnWidth(column, width)

    splitter = QSplitter(Qt.Orientation.Vertical)
    splitter.setChildrenCollapsible(False)
    for caption, widget in (
        ("Official key dates, with VCS Desk's estimates beside them:", view.dates_table),
        ("How the estimates were worked out (not official):", view.estimate_text),
        ("History of official dates (old → new; nothing is overwritten):", view.history_table),
    ):
        holder = QWidget()
        inner = QVBoxLayout(holder)
        inner.setContentsMargins(0, 0, 0, 0)
        label_ = QLabel(caption)
        label_.setBuddy(widget)
        inner.addWidget(label_)
        inner.addWidget(widget, 1)
        splitter.addWidget(holder)

    buttons = QHBoxLayout()
    for text, name, action in (
        ("Record &sentence…", "Record sentence", RECORD_SENTENCE),
        ("Add &key date…", "Add key date", ADD_KEY_DATE),
        ("Record e&vent…", "Record sentence event", RECORD_EVENT),
    ):
        buttons.addWidget(_action_button(view, text, name, action))
    buttons.addWidget(
        button("Edit o&ffender…", "Edit offender", lambda: view.edit_offender.emit(view.case_id))
    )
    buttons.addStretch(1)

    page = QWidget()
    layout = QVBoxLayout(page)
    layout.addLayout(top)
    layout.addWidget(splitter, 1)
    layout.addLayout(buttons)
    return page
