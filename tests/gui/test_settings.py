"""Settings: desk preferences in QSettings, office letter details in the file (audited)."""

from __future__ import annotations

from fixed_day import TODAY
from helpers import click_ok, when_dialog_opens
from PySide6.QtCore import QSettings
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from vcs_app.domain.model import Role
from vcs_app.domain.rules import rule_set_for
from vcs_app.qt.dialogs.settings import (
    DEFAULT_IDLE_LOCK_MINUTES,
    DeskPreferences,
    SettingsDialog,
    apply_display,
)
from vcs_app.services.letter_settings import SETTINGS_KEY, load_letter_settings
from vcs_app.storage.repo_settings import get_setting


def _audit_rows(ws) -> list:
    return ws.store.db.execute(
        "SELECT detail FROM audit WHERE entity = 'setting' ORDER BY id"
    ).fetchall()


def test_defaults_when_nothing_saved(qtbot, demo_ws):
    prefs = DeskPreferences.load()
    assert prefs.idle_lock_minutes == DEFAULT_IDLE_LOCK_MINUTES == 5
    assert prefs.language == "en" and not prefs.high_contrast
    dialog = SettingsDialog(None, demo_ws)
    qtbot.addWidget(dialog)
    assert dialog.idle_lock.value() == 5
    assert dialog.language.currentText() == "English"
    assert dialog.office_name.text() == load_letter_settings(demo_ws).office_name


def test_saving_keeps_desk_prefs_in_qsettings_and_office_details_in_the_file(qtbot, demo_ws):
    dialog = SettingsDialog(None, demo_ws)
    qtbot.addWidget(dialog)
    name = dialog.vlo_name.itemText(0)
    dialog.vlo_name.setCurrentText(name)
    dialog.vlo_phone.setText("07700 900123")
    dialog.office_phone.setText("01632 960999")
    dialog.idle_lock.setValue(12)
    dialog.language.setCurrentIndex(dialog.language.findData("cy"))
    dialog.high_contrast.setChecked(True)
    dialog.backup_minutes.setValue(30)
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted

    settings = QSettings()
    assert int(settings.value("security/idle_lock_minutes")) == 12
    assert settings.value("ui/language") == "cy"
    assert settings.value("identity/vlo_name") == name
    prefs = DeskPreferences.load()
    assert prefs.high_contrast and prefs.backup_minutes == 30

    saved = load_letter_settings(demo_ws)
    assert saved.default_phone == "01632 960999"
    assert saved.contact_for(name).phone == "07700 900123"
    assert "01632 960999" not in str(_audit_rows(demo_ws))  # the audit names the key only
    assert len(_audit_rows(demo_ws)) == 1


def test_unchanged_office_details_are_not_saved_again(qtbot, demo_ws):
    dialog = SettingsDialog(None, demo_ws)
    qtbot.addWidget(dialog)
    dialog.idle_lock.setValue(3)
    dialog.accept()
    assert dialog.value.letters is None
    assert get_setting(demo_ws.store.db, SETTINGS_KEY) is None  # demo defaults stay unsaved
    assert _audit_rows(demo_ws) == []
    assert DeskPreferences.load().idle_lock_minutes == 3


def test_incomplete_letterhead_keeps_the_dialog_open_and_saves_nothing(qtbot, ws):
    dialog = SettingsDialog(None, ws)  # a new, non-demo file: no office details yet
    qtbot.addWidget(dialog)
    dialog.office_name.setText("Victim Liaison Unit")
    dialog.idle_lock.setValue(20)
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert not dialog.error.isHidden()
    assert "return address" in dialog.error.text()
    assert get_setting(ws.store.db, SETTINGS_KEY) is None
    assert QSettings().value("security/idle_lock_minutes") is None


def test_working_day_limits_are_read_only_and_say_who_can_change_them(qtbot, demo_ws):
    dialog = SettingsDialog(None, demo_ws)
    qtbot.addWidget(dialog)
    clocks = rule_set_for(TODAY).clocks
    assert dialog.rules_model.rowCount() == len(clocks)
    assert dialog.rules_table.editTriggers() == dialog.rules_table.EditTrigger.NoEditTriggers
    assert dialog.rules_table.accessibleDescription() == f"{len(clocks)} limits"
    page = dialog.tabs.widget(2)
    assert any("senior VLO" in label.text() for label in page.findChildren(type(dialog.error)))

    demo_ws.role = Role.SENIOR
    senior = SettingsDialog(None, demo_ws)
    qtbot.addWidget(senior)
    texts = [label.text() for label in senior.tabs.widget(2).findChildren(type(dialog.error))]
    assert any("add a new rule set" in text for text in texts)


def test_ctrl_comma_opens_settings_and_applies_backups_and_contrast(qtbot, window):
    app = QApplication.instance()
    action = next(
        a for a in window.menuBar().actions()[4].menu().actions() if "Settings" in a.text()
    )
    assert action.shortcut().toString() == "Ctrl+,"

    def fill(dialog):
        dialog.backup_minutes.setValue(45)
        dialog.backup_root.setText(str(window.ws.path.parent / "my-backups"))
        dialog.high_contrast.setChecked(True)
        click_ok(dialog)

    when_dialog_opens(qtbot, fill)
    try:
        action.trigger()
        assert window.auto_backup.timer.interval() == 45 * 60_000
        assert window.auto_backup.folder.parent == window.ws.path.parent / "my-backups"
        assert app.palette().color(QPalette.ColorRole.Window).name() == "#000000"
        assert window.statusBar().currentMessage() == "Settings saved."
    finally:
        apply_display(app, DeskPreferences())
    assert app.palette().color(QPalette.ColorRole.Window).name() != "#000000"
