"""With Welsh chosen, the screens an officer works in read in Welsh: the domain's words
(statuses, flags, task titles, reasons, letter and condition names) as well as the
interface's, and Qt's own buttons. English words are counted against the program's own
vocabulary (welsh_words.py): names, references and acronyms are not words."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections import defaultdict
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWizard
from welsh_words import english_words, visible_text

from vcs_app.domain.model import Referral
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
from vcs_app.qt.dialogs.intake import IntakeDialog
from vcs_app.qt.dialogs.letter import LetterDialog
from vcs_app.qt.dialogs.settings import SettingsDialog
from vcs_app.qt.i18n import I18N_DIR, install_translator, remove_translator, shown
from vcs_app.qt.main_window import MainWindow
from vcs_app.services import cases, intake, om

pytestmark = pytest.mark.timeout(300)

# Words that stay English on purpose, each with its reason.
ALLOWED: dict[str, str] = {}


@pytest.fixture
def welsh(qtbot):
    app = QApplication.instance()
    translator = install_translator(app, "cy")
    yield
    remove_translator(app, translator)


def _screens(qtbot, window, ws, app_cases, tmp_path):
    """(name, widget) of each screen the issue names, opened as an officer would."""
    case, with_conditions = app_cases["any"], app_cases["conditions"]
    request = with_conditions.conditions[0]
    window.show()
    yield "caseload", window
    for c in (case, with_conditions):
        view = window.open_case(c.link.id)
        for i in range(view.tabs.count()):
            view.tabs.setCurrentIndex(i)
            yield f"case {c.link.ref}, tab {view.tabs.tabText(i)!r}", view
    reports = window.open_reports()
    qtbot.waitUntil(lambda: reports.report is not None, timeout=20_000)
    yield "reports", reports
    referral = Referral(
        victim=replace(case.victim, id=None),
        offender=replace(case.offender, id=None),
        offence=case.link.offence,
        referral_date=date(2026, 11, 2),
    )
    om_name = with_conditions.link.om_name
    yield "new referral", IntakeDialog(window, cases.vlo_names(ws))
    yield "duplicate check", DuplicatesDialog(window, referral, intake.find_matches(ws, referral))
    yield "request a condition", ConditionDialog(window, case.link.id, case.victim.full_name)
    yield "send to the OM", SendToOMDialog(window, with_conditions, None, tmp_path / "r.pdf")
    yield "acknowledgement", AcknowledgementDialog(window, request)
    yield "decision", DecisionDialog(window, request)
    yield "variation", VariationDialog(window, request)
    yield "chase", ChaseDialog(window, om_name, "our question")
    yield "victim told", DatedNoteDialog(window, "Cofnodi", "&Nodyn:", shown(request.title))
    yield "add an OM", OMDialog(window)
    yield (
        "change the OM",
        ChangeOMDialog(window, om_name, [r.om for r in om.directory(ws) if r.om.id]),
    )
    yield "write a letter", LetterDialog(window, ws, case.link.id)
    yield "settings", SettingsDialog(window, ws)


def test_welsh_screens_show_no_english_words(qtbot, demo_ws, app_cases, tmp_path, welsh):
    window = MainWindow(demo_ws, remember_layout=False)
    qtbot.addWidget(window)
    found: dict[str, set[str]] = defaultdict(set)
    screens = 0
    for name, widget in _screens(qtbot, window, demo_ws, app_cases, tmp_path):
        screens += 1
        if widget is not window and widget.parent() is not None:
            widget.show()
        for text in visible_text(widget):
            for word in english_words(text):
                if word.lower() not in ALLOWED:
                    found[word].add(f"{name}: {text[:80]!r}")
        if widget is not window and not hasattr(widget, "is_case_view"):
            widget.close()
    assert screens > 20
    report = [f"{w}: {sorted(where)[:2]}" for w, where in sorted(found.items())]
    assert not found, f"{len(found)} English words on Welsh screens:\n" + "\n".join(report)


def test_domain_words_read_in_welsh(qtbot, demo_ws, welsh):
    window = MainWindow(demo_ws, remember_layout=False)
    qtbot.addWidget(window)
    model = window.caseload.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    cells = {
        model.data(model.index(r, headers.index("Optio i mewn"))) for r in range(model.rowCount())
    }
    assert "Wedi optio i mewn" in cells and "Opted in" not in cells
    flags = {model.data(model.index(r, headers.index("Baneri"))) for r in range(model.rowCount())}
    assert "dim" in flags and "Ffonio yn gyntaf" in " ".join(flags)
    flagged = next(
        i for i in cases.caseload_ids(demo_ws) if cases.open_case(demo_ws, i).safety_flags
    )
    view = window.open_case(flagged)
    assert view.safety.accessibleName().startswith("Baneri diogelwch: ")
    assert "Do not post" not in view.safety.accessibleName()


def test_qts_own_buttons_read_in_welsh(qtbot, welsh):
    """Qt ships no Welsh for its buttons: ours (resources/i18n/qtbase_cy.ts) is loaded."""
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok
        | QDialogButtonBox.StandardButton.Cancel
        | QDialogButtonBox.StandardButton.Close
        | QDialogButtonBox.StandardButton.Apply
        | QDialogButtonBox.StandardButton.Yes
        | QDialogButtonBox.StandardButton.No
    )
    qtbot.addWidget(box)
    assert {b.text() for b in box.buttons()} == {
        "Iawn",
        "Canslo",
        "Cau",
        "Gweithredu",
        "&Ie",
        "&Na",
    }
    wizard = QWizard()
    wizard.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
    qtbot.addWidget(wizard)
    texts = {
        wizard.buttonText(b)
        for b in (
            QWizard.WizardButton.BackButton,
            QWizard.WizardButton.NextButton,
            QWizard.WizardButton.FinishButton,
            QWizard.WizardButton.CancelButton,
        )
    }
    assert texts == {"< Nô&l", "&Nesaf >", "&Gorffen", "Canslo"}


def test_english_comes_back_with_qts_buttons(qtbot):
    app = QApplication.instance()
    remove_translator(app, install_translator(app, "cy"))
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.buttons()[0].text() == "Cancel"


def test_the_compiled_qtbase_qm_is_up_to_date_with_its_ts(tmp_path):
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed here")
    fresh = tmp_path / "qtbase_cy.qm"
    source = I18N_DIR / "qtbase_cy.ts"
    subprocess.run([lrelease, str(source), "-qm", str(fresh)], check=True, capture_output=True)
    assert fresh.read_bytes() == (I18N_DIR / "qtbase_cy.qm").read_bytes(), "make translations"
