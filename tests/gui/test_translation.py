"""The Welsh interface: the compiled .qm matches the .ts, and with it loaded the main
window, its tabs, the caseload and the settings read in Welsh."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from vcs_app.qt.dialogs.settings import SettingsDialog
from vcs_app.qt.i18n import I18N_DIR, install_translator, translation_file
from vcs_app.qt.main_window import MainWindow

TS = I18N_DIR / "vcs_cy.ts"


def _finished_messages() -> list[tuple[str, str, str]]:
    messages = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation.get("type") not in ("unfinished", "obsolete", "vanished"):
                messages.append((name, message.findtext("source"), translation.text or ""))
    return messages


def test_the_compiled_qm_is_up_to_date_with_the_ts(tmp_path):
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed here")
    fresh = tmp_path / "vcs_cy.qm"
    subprocess.run([lrelease, str(TS), "-qm", str(fresh)], check=True, capture_output=True)
    assert fresh.read_bytes() == translation_file("cy").read_bytes(), "run `make translations`"


def test_every_translation_in_the_ts_is_loaded_from_the_qm(qtbot):
    translator = QTranslator()
    assert translator.load(str(translation_file("cy")))
    messages = _finished_messages()
    assert len(messages) > 150
    for context, source, welsh in messages:
        assert welsh.strip(), f"{context}: {source!r} has an empty translation"
        assert translator.translate(context, source) == welsh


def test_english_needs_no_translator_and_welsh_is_read_from_settings(qtbot):
    app = QApplication.instance()
    assert install_translator(app, "en") is None
    QSettings().setValue("ui/language", "cy")
    translator = install_translator(app)
    try:
        assert translator is not None and not translator.isEmpty()
        assert app.translate("MainWindow", "&File") == "&Ffeil"
    finally:
        app.removeTranslator(translator)
    assert app.translate("MainWindow", "&File") == "&File"


@pytest.fixture
def welsh(qtbot):
    app = QApplication.instance()
    translator = install_translator(app, "cy")
    yield
    app.removeTranslator(translator)


def test_the_main_window_reads_in_welsh(qtbot, demo_ws, welsh):
    window = MainWindow(demo_ws, remember_layout=False)
    qtbot.addWidget(window)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus[:3] == ["&Ffeil", "&Golygu", "&Achos"]
    assert {"G&weld", "&Offer", "Adroddia&dau", "&Cymorth"} <= set(menus)
    texts = {a.text() for m in window.menuBar().actions() for a in m.menu().actions()}
    assert {"&Atgyfeiriad newydd…", "&Gosodiadau…", "&Cymorth ar gyfer y wedd hon"} <= texts
    assert window.tabs.tabText(0) == "Llwyth achosion"
    assert window.tabs.tabText(1).startswith("Dangosfwrdd")
    assert window.caseload.model.headerData(0, Qt.Orientation.Horizontal) == "Achos"
    view = window.open_case(window.caseload.model.case_id(0))
    assert view.tabs.tabText(0) == "&Dioddefwr a chyswllt"


def test_the_settings_dialog_reads_in_welsh(qtbot, demo_ws, welsh):
    dialog = SettingsDialog(None, demo_ws)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Gosodiadau"
    assert dialog.tabs.tabText(4) == "Diogelwch ac &arddangos"
    assert dialog.idle_lock.suffix() == " munud"
