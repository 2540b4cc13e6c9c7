"""The Welsh interface: the compiled .qm matches the .ts, every entry is translated, and
with it loaded the main window, its tabs, the caseload, a case's tabs and buttons, the
intake dialog and the settings read in Welsh."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QPushButton

from vcs_app.qt.dialogs.intake import IntakeDialog
from vcs_app.qt.dialogs.settings import SettingsDialog
from vcs_app.qt.i18n import I18N_DIR, install_translator, remove_translator, translation_file
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


def test_the_ts_has_no_unfinished_entries():
    """A string added to the interface without Welsh would show in English: run
    `make translations` and translate the new entries."""
    unfinished = [
        f"{context.findtext('name')}: {message.findtext('source')!r}"
        for context in ET.parse(TS).getroot().iter("context")
        for message in context.iter("message")
        if message.find("translation").get("type") == "unfinished"
    ]
    assert not unfinished, "\n".join(unfinished)


def test_translations_keep_their_placeholders():
    """`.format(...)` fields must survive translation, or the Welsh text raises KeyError."""
    for context, source, welsh in _finished_messages():
        fields = sorted(re.findall(r"\{\w+\}", source))
        assert sorted(re.findall(r"\{\w+\}", welsh)) == fields, f"{context}: {source!r}"


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
        remove_translator(app, translator)
    assert app.translate("MainWindow", "&File") == "&File"


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
    assert view.tabs.tabText(0) == "Dioddefwr a chyswllt"  # sections are Alt+1..7


def test_the_settings_dialog_reads_in_welsh(qtbot, demo_ws, welsh):
    dialog = SettingsDialog(None, demo_ws)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Gosodiadau"
    assert dialog.tabs.tabText(4) == "Diogelwch ac &arddangos"
    assert dialog.idle_lock.suffix() == " munud"


def _buttons(widget) -> set[str]:
    return {b.text() for b in widget.findChildren(QPushButton) if b.isVisibleTo(widget)}


def test_a_case_view_reads_in_welsh(qtbot, demo_ws, welsh):
    window = MainWindow(demo_ws, remember_layout=False)
    qtbot.addWidget(window)
    view = window.open_case(window.caseload.model.case_id(0))
    assert view.safety.text().startswith(("⚠ DIOGELWCH:", "Does dim baneri diogelwch"))
    assert " troseddwr " in view.header.text()
    victim_tab = view.show_tab("Victim")
    assert "&Ychwanegu manylyn cyswllt…" in _buttons(victim_tab)
    captions = {label.text() for label in victim_tab.findChildren(QLabel)}
    assert {"Enw:", "Dyddiad geni:", "Lefel cyswllt:"} <= captions
    assert view.contacts_model.headerData(0, Qt.Orientation.Horizontal) == "Math"
    liaison_tab = view.show_tab("Liaison")
    assert {"&Ychwanegu nodyn cyswllt…", "&Newid yr OM…"} <= _buttons(liaison_tab)
    offender_tab = view.show_tab("Offender")
    assert "Cofnodi d&edfryd…" in _buttons(offender_tab)
    letters_tab = view.show_tab("letters")
    assert "&Ysgrifennu llythyr…" in _buttons(letters_tab)
    conditions_tab = view.show_tab("Licence conditions")
    assert "Gw&neud cais am amod…" in _buttons(conditions_tab)


def test_the_intake_dialog_reads_in_welsh(qtbot, welsh):
    dialog = IntakeDialog(None, ["Alex Morgan"])
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Atgyfeiriad newydd"
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"&Enw cyntaf y dioddefwr:", "Trosedd:", "Dyddiad y &ddedfryd:", "E-&bost:"} <= labels
    assert dialog.v_given.accessibleName() == "Enw cyntaf y dioddefwr"
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text() == "Canslo"
