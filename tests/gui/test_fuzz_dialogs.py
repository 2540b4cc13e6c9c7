"""Every FormDialog's validation under hypothesis text: typing anything at all into its
fields gives either a valid value or a message the VLO can act on (a DomainError shown
in the dialog), never a crash, and a refusal writes nothing to the database."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QTextEdit

import vcs_app.qt
from vcs_app.domain.conditions import ConditionDraft
from vcs_app.domain.model import DomainError, Referral
from vcs_app.qt.dialogs.bulk_dates import SecondConfirmationDialog
from vcs_app.qt.dialogs.condition import (
    AcknowledgementDialog,
    ChangeOMDialog,
    ChaseDialog,
    ConditionDialog,
    DatedNoteDialog,
    DecisionDialog,
    OMDialog,
    SendToOMDialog,
    VariationDialog,
)
from vcs_app.qt.dialogs.duplicates import DuplicatesDialog
from vcs_app.qt.dialogs.forms import FormDialog, LiaisonDialog, OffenderDialog, VictimDialog
from vcs_app.qt.dialogs.intake import (
    EligibilityOverrideDialog,
    FollowUpDialog,
    IntakeDialog,
    OptChangeDialog,
    ReferralDetailsDialog,
)
from vcs_app.qt.dialogs.key_date import KeyDateDialog
from vcs_app.qt.dialogs.letter import LetterDialog, ReturnedDialog, WithdrawDialog
from vcs_app.qt.dialogs.preferences import ContactDetailDialog, PreferencesDialog
from vcs_app.qt.dialogs.sentence import EventDialog, SentenceDialog
from vcs_app.services import bulk_dates, cases, conditions, intake, om, preferences
from vcs_app.storage import audit

NASTY = [
    "x" * 5000,
    "\x00",
    "a\x00b",
    "\x07\x1b[31m",
    "\u202eevil\u202c",
    "שלום",
    "👩‍👩‍👧",
    "2023-02-29",
    "29/02/2023",
    "=cmd|' /C calc'!A0",
    "+SUM(A1)",
    "@x",
    "-1",
    "1e309",
    "NaN",
    "99999999999999999999",
    "   ",
    "",
    "{{ 7*7 }}",
    "<b>bold</b>",
    "Robert'); DROP TABLE victim;--",
]
TEXT = st.one_of(st.sampled_from(NASTY), st.text(max_size=30))


@pytest.fixture
def app_cases(demo_ws):
    """A plain case, and one with a licence condition request."""
    first, second = cases.caseload_ids(demo_ws)[:2]
    template = conditions.catalogue().get("no_contact")
    conditions.request_condition(
        demo_ws,
        ConditionDraft(
            second,
            "no_contact",
            template.fill({"persons": "Named Person"}),
            "The victim lives nearby",
            "Contact",
            date(2026, 11, 2),
        ),
    )
    return cases.open_case(demo_ws, first), cases.open_case(demo_ws, second)


def _date_review(ws, tmp_path):
    crns = ws.store.db.execute("SELECT crn FROM offender WHERE crn != '' LIMIT 3").fetchall()
    csv = tmp_path / "dates.csv"
    csv.write_text(
        "crn,kind,date,source\n" + "".join(f"{c},TUSED,2031-03-01,PPCS\n" for (c,) in crns),
        encoding="utf-8",
    )
    return bulk_dates.review_file(ws, csv)


def _form_dialogs(window, ws, app_cases, tmp_path) -> dict[type, object]:
    """One way to open every FormDialog, with demo data."""
    case, with_conditions = app_cases
    request = with_conditions.conditions[0]
    link_id = case.link.id
    vlos = cases.vlo_names(ws)
    referral = Referral(
        victim=replace(case.victim, id=None),
        offender=replace(case.offender, id=None),
        offence="Wounding",
        referral_date=date(2026, 11, 2),
    )
    simple = {  # made from the workspace alone (settings, sign-in, ...)
        cls: (lambda cls=cls: cls(window, ws))
        for cls in _all_form_dialogs()
        if list(inspect.signature(cls.__init__).parameters) == ["self", "parent", "ws"]
    }
    return simple | {
        VictimDialog: lambda: VictimDialog(window, case.victim),
        OffenderDialog: lambda: OffenderDialog(window, case.offender),
        LiaisonDialog: lambda: LiaisonDialog(window, link_id, "An OM", [(request.id, "x")]),
        PreferencesDialog: lambda: PreferencesDialog(
            window, preferences.preferences_of(ws, link_id), True, True
        ),
        ContactDetailDialog: lambda: ContactDetailDialog(window, case.contacts[0]),
        ConditionDialog: lambda: ConditionDialog(window, link_id, case.victim.full_name),
        SendToOMDialog: lambda: SendToOMDialog(
            window, with_conditions, None, tmp_path / "request.pdf"
        ),
        AcknowledgementDialog: lambda: AcknowledgementDialog(window, request),
        DecisionDialog: lambda: DecisionDialog(window, request),
        DatedNoteDialog: lambda: DatedNoteDialog(window, "A note", "&Note:", "About"),
        VariationDialog: lambda: VariationDialog(window, request),
        ChaseDialog: lambda: ChaseDialog(window, "An OM", "the decision"),
        OMDialog: lambda: OMDialog(window),
        ChangeOMDialog: lambda: ChangeOMDialog(
            window, case.link.om_name, [r.om for r in om.directory(ws) if r.om.id]
        ),
        DuplicatesDialog: lambda: DuplicatesDialog(
            window, referral, intake.find_matches(ws, referral)
        ),
        IntakeDialog: lambda: IntakeDialog(window, vlos),
        ReferralDetailsDialog: lambda: ReferralDetailsDialog(
            window, case.link, intake.referral_record(ws, link_id), vlos
        ),
        OptChangeDialog: lambda: OptChangeDialog(window, case.link),
        FollowUpDialog: lambda: FollowUpDialog(window, case.link),
        EligibilityOverrideDialog: lambda: EligibilityOverrideDialog(
            window, case.link, "A manager"
        ),
        KeyDateDialog: lambda: KeyDateDialog(window, case.offender.id),
        LetterDialog: lambda: LetterDialog(window, ws, link_id),
        ReturnedDialog: lambda: ReturnedDialog(window),
        WithdrawDialog: lambda: WithdrawDialog(window),
        SentenceDialog: lambda: SentenceDialog(window, case.offender.id),
        EventDialog: lambda: EventDialog(window, case.offender.id),
        SecondConfirmationDialog: lambda: SecondConfirmationDialog(
            window, _date_review(ws, tmp_path)
        ),
    }


def _all_form_dialogs() -> set[type]:
    found = set()
    for module_info in pkgutil.walk_packages(vcs_app.qt.__path__, "vcs_app.qt."):
        module = importlib.import_module(module_info.name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if (
                issubclass(cls, FormDialog)
                and cls is not FormDialog
                and cls.__module__ == module.__name__
                and not cls.__name__.startswith("_")
            ):
                found.add(cls)
    return found


def _text_inputs(dialog) -> list:
    inputs = [w for w in dialog.findChildren(QLineEdit) if not isinstance(w.parent(), QComboBox)]
    inputs += dialog.findChildren(QPlainTextEdit) + dialog.findChildren(QTextEdit)
    inputs += [c for c in dialog.findChildren(QComboBox) if c.isEditable()]
    return [w for w in inputs if w.isEnabled() and not getattr(w, "isReadOnly", lambda: False)()]


def _type(widget, text: str) -> None:
    if isinstance(widget, QLineEdit):
        widget.setText(text)
    elif isinstance(widget, QComboBox):
        widget.setEditText(text)
    else:
        widget.setPlainText(text)


def _fuzzer(dialog, inputs, db):
    """A hypothesis run typing into this dialog's text fields, then building its value."""

    @settings(max_examples=6, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(texts=st.lists(TEXT, min_size=len(inputs), max_size=len(inputs)))
    def fuzz(texts):
        conn = db.conn
        for widget, text in zip(inputs, texts, strict=True):
            _type(widget, text)
        changes, audited = conn.total_changes, audit.latest_id(db)
        try:
            if type(dialog).build is FormDialog.build:  # checks as you type (a letter)
                dialog.refresh()
                assert dialog.draft is not None or dialog.error.text().strip()
            else:
                dialog.build()
        except DomainError as exc:
            assert str(exc).strip()
            # Only an audit row of the attempt (a failed sign-in) may be written.
            written = conn.total_changes - changes - (audit.latest_id(db) - audited)
            assert written == 0, "a refused dialog wrote to the database"
            if type(dialog).accept is FormDialog.accept:
                dialog.accept()  # the message shows in the dialog, which stays open
                assert not dialog.error.isHidden() and "Cannot save" in dialog.error.text()

    return fuzz


def test_every_form_dialog_is_fuzzed(window, demo_ws, app_cases, tmp_path):
    covered = set(_form_dialogs(window, demo_ws, app_cases, tmp_path))
    missing = sorted(c.__qualname__ for c in _all_form_dialogs() - covered)
    assert not missing, f"add these dialogs to the fuzz test: {missing}"


def test_any_text_gives_a_value_or_a_message_and_saves_nothing_when_refused(
    qtbot, window, demo_ws, app_cases, tmp_path
):
    crashes = []
    for cls, make in _form_dialogs(window, demo_ws, app_cases, tmp_path).items():
        dialog = make()
        qtbot.addWidget(dialog)
        inputs = _text_inputs(dialog)

        fuzz = _fuzzer(dialog, inputs, demo_ws.store.db)
        try:
            fuzz()
        except Exception as exc:  # collect all, so one run shows every dialog that breaks
            crashes.append(f"{cls.__name__}: {type(exc).__name__}: {exc}"[:400])
        dialog.deleteLater()
    assert not crashes, "\n".join(crashes)
