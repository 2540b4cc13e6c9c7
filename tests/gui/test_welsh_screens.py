"""With Welsh chosen, the screens an officer works in read in Welsh: the domain's words
(statuses, flags, task titles, reasons, letter and condition names) as well as the
interface's, and Qt's own buttons. English words are counted against the program's own
vocabulary (welsh_words.py): names, references and acronyms are not words."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWizard
from welsh_words import english_words, officer_screens, visible_text

from vcs_app.qt.i18n import I18N_DIR, install_translator, remove_translator
from vcs_app.qt.main_window import MainWindow
from vcs_app.services import cases

pytestmark = pytest.mark.timeout(300)

# Words that stay English on purpose, each with its reason.
ALLOWED: dict[str, str] = {}


def test_welsh_screens_show_no_english_words(qtbot, demo_ws, app_cases, tmp_path, welsh):
    window = MainWindow(demo_ws, remember_layout=False)
    qtbot.addWidget(window)
    found: dict[str, set[str]] = defaultdict(set)
    screens = 0
    for name, widget in officer_screens(
        window, demo_ws, app_cases["any"], app_cases["conditions"], tmp_path, qtbot.waitUntil
    ):
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


def test_every_help_guide_reads_in_welsh(qtbot, welsh):
    from vcs_app.qt.help import HELP_DIR, TOPICS, help_text

    stems = {stem for stem, _title in TOPICS}
    welsh_guides = {path.stem for path in (HELP_DIR / "cy").glob("*.md")}
    assert welsh_guides == stems
    assert help_text("caseload").startswith("# Llwyth achosion")
    assert "baneri diogelwch" in help_text("case")


def test_the_help_is_english_in_english(qtbot):
    from vcs_app.qt.help import help_text

    assert help_text("caseload").startswith("# Caseload")
