"""Every window, view, case tab and dialog: no interactive widget without a name a screen
reader can say, tables that announce how many rows they show, and the system font."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QSlider,
    QTabBar,
    QTextEdit,
    QWidget,
)

import vcs_app.qt
from vcs_app.domain.conditions import ConditionDraft
from vcs_app.domain.model import Referral
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
from vcs_app.qt.dialogs.duplicates import DuplicatesDialog
from vcs_app.qt.dialogs.forms import LiaisonDialog, OffenderDialog, VictimDialog
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
from vcs_app.qt.dialogs.startup_problem import StartupProblemDialog
from vcs_app.qt.help import HelpDialog
from vcs_app.qt.main_window import MainWindow
from vcs_app.qt.views.batch_letters import open_batch_letters
from vcs_app.qt.views.import_view import ImportDialog
from vcs_app.services import bulk_dates, cases, conditions, intake, om, preferences

SAMPLE_REFERRALS = Path(__file__).resolve().parents[2] / "resources" / "sample_referrals.csv"

INTERACTIVE = (
    QAbstractButton,  # push buttons, check boxes, radio buttons, tool buttons
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,  # spin boxes and date edits
    QAbstractItemView,  # tables, lists, trees
    QTextEdit,
    QPlainTextEdit,
    QSlider,
)
# Qt's own parts of a compound widget (a spin box's line edit, a table's header and
# corner button, a tab bar's scroll arrows) take their name from the widget around them.
COMPOUND = (
    QAbstractSpinBox,
    QComboBox,
    QAbstractItemView,
    QTabBar,
    QScrollBar,
    QLineEdit,
    QCalendarWidget,
    QTextEdit,
    QPlainTextEdit,
)


def _inside_compound(widget: QWidget, root: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, COMPOUND):
            return True
        parent = parent.parentWidget()
    return False


def _where(widget: QWidget) -> str:
    hints = [widget.objectName(), getattr(widget, "placeholderText", lambda: "")()]
    hints.append(widget.toolTip())
    path, parent = [], widget.parentWidget()
    while parent is not None:
        path.append(parent.accessibleName() or type(parent).__name__)
        parent = parent.parentWidget()
    detail = ", ".join(h for h in hints if h)
    return f"{type(widget).__name__}({detail}) in {' / '.join(reversed(path))}"


def unnamed_widgets(root: QWidget) -> list[str]:
    """Interactive widgets a screen reader would announce with no name."""
    buddies = [
        label.buddy()
        for label in root.findChildren(QLabel)
        if label.buddy() is not None and label.text().replace("&", "").strip()
    ]
    problems = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, INTERACTIVE) or widget.objectName().startswith("qt_"):
            continue
        if _inside_compound(widget, root):
            continue
        if widget.accessibleName().strip():
            continue
        if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
            continue  # Qt announces a button by its text
        if any(widget is buddy for buddy in buddies):
            continue
        problems.append(_where(widget))
    return problems


def tables_without_row_count(root: QWidget) -> list[str]:
    problems = []
    for view in root.findChildren(QAbstractItemView):
        if view.model() is None or _inside_compound(view, root):
            continue
        rows = view.model().rowCount()
        if str(rows) not in view.accessibleDescription().replace(",", ""):
            problems.append(f"{_where(view)}: {view.accessibleDescription()!r}, {rows} rows")
    return problems


def fixed_fonts(root: QWidget) -> list[str]:
    """Widgets whose font was set to a point size below the application's (so they would
    not grow with the system font size)."""
    base = QApplication.font().pointSizeF()
    return [
        _where(w)
        for w in [root, *root.findChildren(QWidget)]
        if 0 < w.font().pointSizeF() < base and w.font().resolveMask()
    ]


# --- the app, opened with demo data --------------------------------------------------


@pytest.fixture
def app_cases(demo_ws):
    """A plain case, and one with a licence condition request (its steps and buttons)."""
    first, second = cases.caseload_ids(demo_ws)[:2]
    template = conditions.catalogue().get("no_contact")
    draft = ConditionDraft(
        second,
        "no_contact",
        template.fill({"persons": "Named Person"}),
        "The victim lives nearby",
        "Contact",
        date(2026, 11, 2),
    )
    conditions.request_condition(demo_ws, draft)
    return {
        "any": cases.open_case(demo_ws, first),
        "conditions": cases.open_case(demo_ws, second),
    }


def _date_review(ws, tmp_path):
    crns = ws.store.db.execute("SELECT crn FROM offender WHERE crn != '' LIMIT 3").fetchall()
    csv = tmp_path / "dates.csv"
    csv.write_text(
        "crn,kind,date,source\n" + "".join(f"{c},TUSED,2031-03-01,PPCS\n" for (c,) in crns),
        encoding="utf-8",
    )
    return bulk_dates.review_file(ws, csv)


def _dialogs(window, ws, app_cases, tmp_path) -> dict[type, object]:
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
    review = _date_review(ws, tmp_path)
    # A dialog made from the workspace alone needs no recipe (settings, sign-in, ...).
    simple = {
        cls: (lambda cls=cls: cls(window, ws))
        for cls in _all_dialog_classes()
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
        StartupProblemDialog: lambda: StartupProblemDialog(
            window, ws.path, "The file is damaged.", None
        ),
        BulkReviewDialog: lambda: BulkReviewDialog(window, review),
        SecondConfirmationDialog: lambda: SecondConfirmationDialog(window, review),
        ImportDialog: lambda: ImportDialog(window, ws, SAMPLE_REFERRALS),
        HelpDialog: lambda: HelpDialog(window),
    }


def _all_dialog_classes() -> set[type]:
    found = set()
    for module_info in pkgutil.walk_packages(vcs_app.qt.__path__, "vcs_app.qt."):
        module = importlib.import_module(module_info.name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if (
                issubclass(cls, QDialog)
                and cls.__module__ == module.__name__
                and not cls.__name__.startswith("_")
                and cls.__name__ != "FormDialog"  # the base: its subclasses are covered
            ):
                found.add(cls)
    return found


def test_every_dialog_of_the_app_is_checked(window, demo_ws, app_cases, tmp_path):
    covered = set(_dialogs(window, demo_ws, app_cases, tmp_path))
    missing = sorted(c.__qualname__ for c in _all_dialog_classes() - covered)
    assert not missing, f"add these dialogs to the accessibility check: {missing}"


def test_dialogs_name_every_input(qtbot, window, demo_ws, app_cases, tmp_path):
    problems = []
    for cls, make in _dialogs(window, demo_ws, app_cases, tmp_path).items():
        dialog = make()
        qtbot.addWidget(dialog)
        if not dialog.accessibleName() and not dialog.windowTitle():
            problems.append(f"{cls.__name__} has no title")
        problems += [f"{cls.__name__}: {p}" for p in unnamed_widgets(dialog)]
        problems += [f"{cls.__name__}: {p}" for p in fixed_fonts(dialog)]
        dialog.deleteLater()
    assert not problems, "\n".join(problems)


def _open_every_view(window, app_cases) -> None:
    window.show_dashboard()
    for case in app_cases.values():
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


def test_main_window_views_and_case_tabs_name_every_input(qtbot, window, app_cases):
    _open_every_view(window, app_cases)
    problems = unnamed_widgets(window) + fixed_fonts(window)
    assert not problems, "\n".join(problems)


def test_tables_announce_their_row_count(qtbot, window, app_cases):
    _open_every_view(window, app_cases)
    qtbot.wait(50)  # background report building hands its rows back through the loop
    problems = tables_without_row_count(window)
    assert not problems, "\n".join(problems)


def test_the_walk_finds_an_unnamed_input():
    root = QWidget()
    named, unnamed, labelled = QLineEdit(root), QComboBox(root), QLineEdit(root)
    named.setAccessibleName("Surname")
    QLabel("&Town:", root).setBuddy(labelled)
    problems = unnamed_widgets(root)
    assert len(problems) == 1 and problems[0].startswith("QComboBox")
    unnamed.setAccessibleName("Kind")
    assert unnamed_widgets(root) == []
    root.deleteLater()


def test_text_follows_the_system_font_size(qtbot, demo_ws):
    app = QApplication.instance()
    normal = app.font()
    large = QFont(normal)
    large.setPointSizeF(normal.pointSizeF() * 2)
    app.setFont(large)
    try:
        window = MainWindow(demo_ws, remember_layout=False)
        qtbot.addWidget(window)
        table = window.caseload.table
        assert table.font().pointSizeF() == large.pointSizeF()
        assert window.caseload.search.font().pointSizeF() == large.pointSizeF()
        assert table.verticalHeader().defaultSectionSize() > table.fontMetrics().height()
    finally:
        app.setFont(normal)
