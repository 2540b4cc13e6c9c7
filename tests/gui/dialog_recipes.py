"""One way to open every dialog of the app with demo data, shared by the accessibility
walk and the validation fuzzing (each fails when a new dialog is not in the recipes)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QDialog

import vcs_app.qt
from vcs_app.domain.model import Language, Referral, Role
from vcs_app.letters.print_adapter import pdf_bytes
from vcs_app.qt.dialogs.bulk_dates import BulkReviewDialog, SecondConfirmationDialog
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
from vcs_app.qt.dialogs.db_key import DatabaseKeyDialog
from vcs_app.qt.dialogs.duplicates import DuplicatesDialog
from vcs_app.qt.dialogs.forms import LiaisonDialog, OffenderDialog, TaskDoneDialog, VictimDialog
from vcs_app.qt.dialogs.intake import (
    EligibilityOverrideDialog,
    FollowUpDialog,
    IntakeDialog,
    OptChangeDialog,
    ReferralDetailsDialog,
)
from vcs_app.qt.dialogs.kept_file import KeptFileDialog
from vcs_app.qt.dialogs.key_date import KeyDateDialog
from vcs_app.qt.dialogs.letter import LetterDialog, ReturnedDialog, WithdrawDialog
from vcs_app.qt.dialogs.preferences import ContactDetailDialog, PreferencesDialog
from vcs_app.qt.dialogs.sentence import EventDialog, SentenceDialog
from vcs_app.qt.dialogs.startup_problem import StartupProblemDialog
from vcs_app.qt.dialogs.template_editor import TemplateApprovalDialog
from vcs_app.qt.error_report import ErrorDialog
from vcs_app.qt.help import HelpDialog
from vcs_app.qt.printing import PrintPreview
from vcs_app.qt.views.batch_letters import open_batch_letters
from vcs_app.qt.views.import_view import ImportDialog
from vcs_app.services import bulk_dates, cases, intake, letters, om, preferences

SAMPLE_REFERRALS = Path(__file__).resolve().parents[2] / "resources" / "sample_referrals.csv"


def date_review(ws, tmp_path):
    crns = ws.store.db.execute("SELECT crn FROM offender WHERE crn != '' LIMIT 3").fetchall()
    csv = tmp_path / "dates.csv"
    csv.write_text(
        "crn,kind,date,source\n" + "".join(f"{c},TUSED,2031-03-01,PPCS\n" for (c,) in crns),
        encoding="utf-8",
    )
    return bulk_dates.review_file(ws, csv)


def pending_wording(ws):
    """A version of a letter's wording saved by a senior and waiting for a second one."""
    role, ws.role = ws.role, Role.SENIOR
    try:
        body = letters.template_wording(ws, "recall", Language.ENGLISH).body
        version = letters.save_template_version(
            ws, "recall", Language.ENGLISH, body + "\n", note="A new line at the end"
        )
        return letters.wording_for_approval(ws, "recall", Language.ENGLISH, version)
    finally:
        ws.role = role


def dialog_recipes(window, ws, app_cases, tmp_path) -> dict[type, object]:
    """One way to open every dialog of the app, with demo data."""
    case, with_conditions = app_cases["any"], app_cases["conditions"]
    request = with_conditions.conditions[0]
    link_id = case.link.id
    vlos = cases.vlo_names(ws)
    referral = Referral(
        victim=replace(case.victim, id=None),
        offender=replace(case.offender, id=None),
        offence="Wounding",
        referral_date=date(2026, 11, 2),
    )
    review = date_review(ws, tmp_path)
    # A dialog made from the workspace alone needs no recipe (settings, sign-in, ...).
    simple = {
        cls: (lambda cls=cls: cls(window, ws))
        for cls in dialog_classes()
        if list(inspect.signature(cls.__init__).parameters) == ["self", "parent", "ws"]
    }
    return simple | {
        VictimDialog: lambda: VictimDialog(window, case.victim),
        OffenderDialog: lambda: OffenderDialog(window, case.offender),
        LiaisonDialog: lambda: LiaisonDialog(window, link_id, "An OM", [(request.id, "x")]),
        TaskDoneDialog: lambda: TaskDoneDialog(window, "Offer contact to the victim"),
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
        StartupProblemDialog: lambda: StartupProblemDialog(
            window, ws.path, "The file is damaged.", None
        ),
        BulkReviewDialog: lambda: BulkReviewDialog(window, review),
        SecondConfirmationDialog: lambda: SecondConfirmationDialog(window, review),
        ImportDialog: lambda: ImportDialog(window, ws, SAMPLE_REFERRALS),
        HelpDialog: lambda: HelpDialog(window),
        DatabaseKeyDialog: lambda: DatabaseKeyDialog(window, ws.path, "The key is wrong."),
        PrintPreview: lambda: PrintPreview(
            window, "Letter preview", lambda device: None, why_not="Approve it first."
        ),
        ErrorDialog: lambda: ErrorDialog(
            window, "RuntimeError: the printer caught fire", "Traceback ...", tmp_path / "log"
        ),
        TemplateApprovalDialog: lambda: TemplateApprovalDialog(window, ws, pending_wording(ws)),
        KeptFileDialog: lambda: KeptFileDialog(
            window, ws, "letter.pdf", pdf_bytes("<p>A letter</p>", title="A letter")[0]
        ),
    }


def open_every_view(window, case_files) -> None:
    """Every view of the main window, and every tab of these cases, as a user would."""
    window.show_dashboard()
    for case in case_files:
        view = window.open_case(case.link.id)
        for i in range(view.tabs.count()):
            view.tabs.setCurrentIndex(i)
    window.open_waiting_on_om()
    window.open_om_directory()
    window.open_condition_stats()
    window.open_reports()
    window.open_audit_log()
    window.tabs.setCurrentIndex(0)
    window.caseload.table.selectRow(0)
    open_batch_letters(window)


def dialog_classes(base: type = QDialog) -> set[type]:
    """Every public dialog class of the app derived from `base` (its subclasses are covered,
    not FormDialog itself)."""
    found = set()
    for module_info in pkgutil.walk_packages(vcs_app.qt.__path__, "vcs_app.qt."):
        module = importlib.import_module(module_info.name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if (
                issubclass(cls, base)
                and cls.__module__ == module.__name__
                and not cls.__name__.startswith("_")
                and cls.__name__ != "FormDialog"  # the base: its subclasses are covered
            ):
                found.add(cls)
    return found
