"""The Offender and dates tab: the sentence, official key dates (with their history) and
VCS Desk's estimates beside them, flagged in words when the two differ.

The buttons trigger the main window's menu actions (found by object name), so a button
and its menu item with its shortcut are one and the same command.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from vcs_app.domain.model import KEY_DATE_KINDS, CaseFile
from vcs_app.domain.sentence import OFFENCE_CLASS_LABELS
from vcs_app.domain.sentence_dates import SentenceFile, load_release_rules
from vcs_app.qt.i18n import shown
from vcs_app.qt.views.case_tabs.common import button, form
from vcs_app.qt.widgets import RowsModel, fmt_date, plain_label, set_widths, table_view

if TYPE_CHECKING:
    from vcs_app.qt.views.case_view import CaseView

TITLE = QT_TRANSLATE_NOOP("CaseView", "&Offender && dates")

# Object names of the main window's actions these buttons run.
RECORD_SENTENCE = "record_sentence"
ADD_KEY_DATE = "add_key_date"
RECORD_EVENT = "record_sentence_event"

DATE_HEADERS = [
    QT_TRANSLATE_NOOP("CaseView", "Key date"),
    QT_TRANSLATE_NOOP("CaseView", "Official date"),
    QT_TRANSLATE_NOOP("CaseView", "Received"),
    QT_TRANSLATE_NOOP("CaseView", "From"),
    QT_TRANSLATE_NOOP("CaseView", "Estimate (not official)"),
    QT_TRANSLATE_NOOP("CaseView", "Check"),
]
HISTORY_HEADERS = [
    QT_TRANSLATE_NOOP("CaseView", "Key date"),
    QT_TRANSLATE_NOOP("CaseView", "Old"),
    QT_TRANSLATE_NOOP("CaseView", "New"),
    QT_TRANSLATE_NOOP("CaseView", "Received"),
    QT_TRANSLATE_NOOP("CaseView", "From"),
    QT_TRANSLATE_NOOP("CaseView", "Recorded by"),
    QT_TRANSLATE_NOOP("CaseView", "Status"),
]


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
                f"{row.kind} — {shown(KEY_DATE_KINDS[row.kind])}",
                official.key_date.value if official else "—",
                (official.key_date.received_on or "") if official else "",
                (official.origin or QCoreApplication.translate("CaseView", "not recorded"))
                if official
                else "",
                f"{fmt_date(row.estimate.value)} (ESTIMATE)" if row.estimate else "—",
                row.check_text,
            )
        )
    return rows


def history_rows(file: SentenceFile) -> list[tuple[object, ...]]:
    return [
        (
            c.kind,
            c.old or QCoreApplication.translate("CaseView", "(first recorded)"),
            c.new,
            c.received_on or "",
            c.origin or QCoreApplication.translate("CaseView", "not recorded"),
            c.recorded_by,
            QCoreApplication.translate("CaseView", "Current")
            if c.current
            else QCoreApplication.translate("CaseView", "Superseded"),
        )
        for c in file.history
    ]


def estimates_text(file: SentenceFile) -> str:
    """How each estimate was reached, then what could not be estimated and why."""
    parts = [
        QCoreApplication.translate(
            "CaseView",
            "ESTIMATES ARE NOT OFFICIAL. They are worked out by VCS Desk from the sentence to"
            " warn you early; the prison's calculation is the only official date, and an"
            " estimate is never given to a victim or put in a letter.",
        )
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
    box = QGroupBox(QCoreApplication.translate("CaseView", "Sentence"))
    layout = QVBoxLayout(box)
    sentence = file.sentence
    if sentence is None:
        text = file.sentence_problem or QCoreApplication.translate(
            "CaseView", "No sentence recorded yet."
        )
        pairs = [(QCoreApplication.translate("CaseView", "Sentence"), text)]
    else:
        pairs = [
            (QCoreApplication.translate("CaseView", "Sentence"), sentence.describe()),
            (
                QCoreApplication.translate("CaseView", "Offence type"),
                shown(OFFENCE_CLASS_LABELS[sentence.offence_class]),
            ),
            (QCoreApplication.translate("CaseView", "Offences"), sentence.offences),
            (QCoreApplication.translate("CaseView", "Court"), sentence.court),
            (QCoreApplication.translate("CaseView", "Recorded by"), sentence.recorded_by),
        ]
        if file.previous_sentences:
            pairs.append(
                (
                    QCoreApplication.translate("CaseView", "Earlier records"),
                    f"{len(file.previous_sentences)} (corrected)",
                )
            )
    details = form(pairs)
    layout.addLayout(details)
    view.sentence_summary = pairs[0][1]
    return box


def build(view: CaseView, case: CaseFile) -> QWidget:
    o, file = case.offender, case.sentence_file or SentenceFile()
    details = form(
        [
            (QCoreApplication.translate("CaseView", "Name"), o.full_name),
            (QCoreApplication.translate("CaseView", "Date of birth"), fmt_date(o.dob)),
            (QCoreApplication.translate("CaseView", "CRN"), o.crn),
            (QCoreApplication.translate("CaseView", "Prison number"), o.nomis),
            (
                QCoreApplication.translate("CaseView", "Establishment (internal only)"),
                o.establishment,
            ),
            (QCoreApplication.translate("CaseView", "Offence"), case.link.offence),
            (
                QCoreApplication.translate("CaseView", "Offender manager"),
                f"{case.link.om_name} {case.link.om_team}".strip(),
            ),
        ]
    )
    top = QHBoxLayout()
    top.addLayout(details, 1)
    top.addWidget(_sentence_box(view, file), 1)

    view.dates_model = RowsModel(
        [QCoreApplication.translate("CaseView", h) for h in DATE_HEADERS], date_rows(file)
    )
    view.dates_table = table_view(
        view.dates_model,
        QCoreApplication.translate("CaseView", "Official key dates beside estimates"),
    )
    set_widths(view.dates_table, (300, 100, 90, 180, 170))
    view.estimate_text = QPlainTextEdit(estimates_text(file))
    view.estimate_text.setReadOnly(True)
    view.estimate_text.setAccessibleName(
        QCoreApplication.translate("CaseView", "How the estimates were worked out")
    )
    view.history_model = RowsModel(
        [QCoreApplication.translate("CaseView", h) for h in HISTORY_HEADERS], history_rows(file)
    )
    view.history_table = table_view(
        view.history_model, QCoreApplication.translate("CaseView", "History of official dates")
    )
    set_widths(view.history_table, (70, 100, 100, 90, 300, 110))

    splitter = QSplitter(Qt.Orientation.Vertical)
    splitter.setChildrenCollapsible(False)
    for caption, widget in (
        (
            QCoreApplication.translate(
                "CaseView", "Official key dates, with VCS Desk's estimates beside them:"
            ),
            view.dates_table,
        ),
        (
            QCoreApplication.translate(
                "CaseView", "How the estimates were worked out (not official):"
            ),
            view.estimate_text,
        ),
        (
            QCoreApplication.translate(
                "CaseView", "History of official dates (old → new; nothing is overwritten):"
            ),
            view.history_table,
        ),
    ):
        holder = QWidget()
        inner = QVBoxLayout(holder)
        inner.setContentsMargins(0, 0, 0, 0)
        label_ = plain_label(caption)
        label_.setBuddy(widget)
        inner.addWidget(label_)
        inner.addWidget(widget, 1)
        splitter.addWidget(holder)

    buttons = QHBoxLayout()
    for text, name, action in (
        (
            QCoreApplication.translate("CaseView", "Record &sentence…"),
            QCoreApplication.translate("CaseView", "Record sentence"),
            RECORD_SENTENCE,
        ),
        (
            QCoreApplication.translate("CaseView", "Add &key date…"),
            QCoreApplication.translate("CaseView", "Add key date"),
            ADD_KEY_DATE,
        ),
        (
            QCoreApplication.translate("CaseView", "Record eve&nt…"),
            QCoreApplication.translate("CaseView", "Record sentence event"),
            RECORD_EVENT,
        ),
    ):
        buttons.addWidget(
            _action_button(
                view,
                QCoreApplication.translate("CaseView", text),
                QCoreApplication.translate("CaseView", name),
                action,
            )
        )
    buttons.addWidget(
        button(
            QCoreApplication.translate("CaseView", "E&dit offender…"),
            QCoreApplication.translate("CaseView", "Edit offender"),
            lambda: view.edit_offender.emit(view.case_id),
        )
    )
    buttons.addStretch(1)

    page = QWidget()
    layout = QVBoxLayout(page)
    layout.addLayout(top)
    layout.addWidget(splitter, 1)
    layout.addLayout(buttons)
    return page
