"""Settings: this computer's preferences and the office's letter details.

Preferences that belong to one desk (who sits at it, where its backups go, the idle lock,
the interface language, high contrast) live in QSettings. The letterhead, return address
and each VLO's direct line belong to the caseload file, so every VLO of the office prints
the same letters: they are saved through services/letter_settings.py, audited.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from vcs_app.domain.model import DomainError, Role
from vcs_app.domain.rules import ClockUnit, rule_set_for
from vcs_app.qt.auto_backup import AutoBackup
from vcs_app.qt.dialogs.forms import FormDialog
from vcs_app.qt.i18n import LANGUAGE_KEY, LANGUAGES
from vcs_app.qt.widgets import RowsModel, add_row, fmt_date, plain_label, table_view, today
from vcs_app.services import backups, cases
from vcs_app.services.cases import Changed
from vcs_app.services.letter_settings import (
    LetterSettings,
    VloContact,
    load_letter_settings,
    save_letter_settings,
)
from vcs_app.services.workspace import Workspace

VLO_NAME = "identity/vlo_name"
BACKUP_ROOT = "backup/root"
BACKUP_MINUTES = "backup/minutes"
IDLE_LOCK_MINUTES = "security/idle_lock_minutes"
HIGH_CONTRAST = "ui/high_contrast"

DEFAULT_IDLE_LOCK_MINUTES = 5


def _int(value: object, default: int) -> int:
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default


@dataclass(frozen=True)
class DeskPreferences:
    """What this computer remembers for the person using it."""

    vlo_name: str = ""
    backup_root: str = ""  # "" = the user data folder
    backup_minutes: int = backups.AUTO_BACKUP_MINUTES
    idle_lock_minutes: int = DEFAULT_IDLE_LOCK_MINUTES
    language: str = "en"
    high_contrast: bool = False

    @classmethod
    def load(cls) -> DeskPreferences:
        s = QSettings()
        return cls(
            vlo_name=str(s.value(VLO_NAME, "") or ""),
            backup_root=str(s.value(BACKUP_ROOT, "") or ""),
            backup_minutes=_int(s.value(BACKUP_MINUTES), backups.AUTO_BACKUP_MINUTES),
            idle_lock_minutes=_int(s.value(IDLE_LOCK_MINUTES), DEFAULT_IDLE_LOCK_MINUTES),
            language="cy" if s.value(LANGUAGE_KEY) == "cy" else "en",
            high_contrast=str(s.value(HIGH_CONTRAST, "false")).lower() == "true",
        )

    def save(self) -> None:
        s = QSettings()
        s.setValue(VLO_NAME, self.vlo_name)
        s.setValue(BACKUP_ROOT, self.backup_root)
        s.setValue(BACKUP_MINUTES, self.backup_minutes)
        s.setValue(IDLE_LOCK_MINUTES, self.idle_lock_minutes)
        s.setValue(LANGUAGE_KEY, self.language)
        s.setValue(HIGH_CONTRAST, "true" if self.high_contrast else "false")

    def backup_folder(self, db_path: Path) -> Path:
        """This database's own backup folder under the chosen root (never mixing files)."""
        root = Path(self.backup_root).expanduser() if self.backup_root else None
        return backups.backup_folder_for(db_path, root)


@dataclass(frozen=True)
class SettingsChoice:
    desk: DeskPreferences
    letters: LetterSettings | None  # None: the office details were not changed


def high_contrast_palette() -> QPalette:
    """White on black with yellow selection: readable for low vision, and every state the
    app shows is also in words, so nothing depends on the theme's colours."""
    palette = QPalette()
    black, white, yellow = QColor("black"), QColor("white"), QColor("#ffff00")
    grey = QColor("#a0a0a0")
    for role, colour in (
        (QPalette.ColorRole.Window, black),
        (QPalette.ColorRole.WindowText, white),
        (QPalette.ColorRole.Base, black),
        (QPalette.ColorRole.AlternateBase, QColor("#1a1a1a")),
        (QPalette.ColorRole.Text, white),
        (QPalette.ColorRole.Button, black),
        (QPalette.ColorRole.ButtonText, white),
        (QPalette.ColorRole.BrightText, yellow),
        (QPalette.ColorRole.Highlight, yellow),
        (QPalette.ColorRole.HighlightedText, black),
        (QPalette.ColorRole.ToolTipBase, black),
        (QPalette.ColorRole.ToolTipText, white),
        (QPalette.ColorRole.PlaceholderText, grey),
        (QPalette.ColorRole.Link, QColor("#00ffff")),
        (QPalette.ColorRole.LinkVisited, QColor("#ff80ff")),
    ):
        palette.setColor(role, colour)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
        palette.setColor(QPalette.ColorGroup.Disabled, role, grey)
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, grey)
    return palette


# The palette alone leaves a text box's or an unticked check box's frame black on black
# (styles draw frames from the window colour): white frames, and a yellow tick box.
HIGH_CONTRAST_STYLE = """
QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox, QComboBox, QListView, QTableView,
QTreeView, QTextBrowser { border: 1px solid white; }
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QAbstractSpinBox:focus,
QComboBox:focus, QAbstractItemView:focus { border: 2px solid #ffff00; }
QCheckBox::indicator, QRadioButton::indicator {
    width: 14px; height: 14px; border: 2px solid white; background: black; }
QRadioButton::indicator { border-radius: 9px; }
QCheckBox::indicator:checked, QRadioButton::indicator:checked { background: #ffff00; }
QCheckBox::indicator:disabled, QRadioButton::indicator:disabled { border-color: #a0a0a0; }
QPushButton { border: 1px solid white; padding: 3px 10px; }
QPushButton:focus, QPushButton:default { border: 2px solid #ffff00; }
"""


def high_contrast_on(app: QApplication | None = None) -> bool:
    app = app or QApplication.instance()
    return app is not None and app.styleSheet() == HIGH_CONTRAST_STYLE


_SYSTEM_PALETTE: list[QPalette] = []  # the desktop's palette, kept before any change


def apply_display(app: QApplication, prefs: DeskPreferences | None = None) -> None:
    """High contrast on, or the system's own palette (the app never sets a font size, so
    text always follows the system's)."""
    prefs = prefs or DeskPreferences.load()
    if not _SYSTEM_PALETTE:
        _SYSTEM_PALETTE.append(QPalette(app.palette()))
    app.setPalette(high_contrast_palette() if prefs.high_contrast else _SYSTEM_PALETTE[0])
    app.setStyleSheet(HIGH_CONTRAST_STYLE if prefs.high_contrast else "")


def apply_backup_settings(
    auto_backup: AutoBackup, db_path: Path, prefs: DeskPreferences | None = None
) -> None:
    """Point a window's AutoBackup at the chosen folder and schedule."""
    prefs = prefs or DeskPreferences.load()
    auto_backup.folder = prefs.backup_folder(db_path)
    auto_backup.timer.setInterval(prefs.backup_minutes * 60_000)


def _lines(edit: QPlainTextEdit) -> tuple[str, ...]:
    return tuple(line for line in edit.toPlainText().splitlines() if line.strip())


def _note(text: str) -> QLabel:
    label = plain_label(text)
    label.setWordWrap(True)
    return label


def _text_box(lines: tuple[str, ...]) -> QPlainTextEdit:
    box = QPlainTextEdit("\n".join(lines))
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * 5 + 12)
    return box


class SettingsDialog(FormDialog):
    """Tabs for you, the office letterhead, the rules' limits, backups, and display."""

    def __init__(self, parent: QWidget | None, ws: Workspace) -> None:
        super().__init__(parent, QCoreApplication.translate("SettingsDialog", "Settings"))
        self.ws = ws
        self.desk = DeskPreferences.load()
        self.letters = load_letter_settings(ws)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Settings sections"))
        for page, title in (
            (self._you_page(), self.tr("&You")),
            (self._office_page(), self.tr("&Office letterhead")),
            (self._rules_page(), self.tr("&Working-day limits")),
            (self._backup_page(), self.tr("&Backups")),
            (self._display_page(), self.tr("&Security and display")),
        ):
            self.tabs.addTab(page, title)
        self.form.addRow(self.tabs)
        # Every section's tab in sight, however long its name (Welsh is longer): the
        # dialog is at least as wide as the tab bar wants.
        self.tabs.setUsesScrollButtons(True)
        self.setMinimumWidth(max(640, self.tabs.tabBar().sizeHint().width() + 60))

    # --- pages ----------------------------------------------------------------------

    @staticmethod
    def _page() -> tuple[QWidget, QFormLayout]:
        page = QWidget()
        form = QFormLayout()
        outer = QVBoxLayout(page)
        outer.addLayout(form)
        outer.addStretch(1)  # keeps wrapped notes from taking the spare height
        return page, form

    def _you_page(self) -> QWidget:
        page, form = self._page()
        form.addRow(
            _note(
                self.tr(
                    "Your name as it appears on cases, and the direct line printed on your"
                    " letters. The contact details are kept in the caseload file for the"
                    " whole office."
                )
            )
        )
        self.vlo_name = QComboBox()
        self.vlo_name.setEditable(True)
        names = sorted({*cases.vlo_names(self.ws), *(v.name for v in self.letters.vlos)})
        self.vlo_name.addItems(names)
        self.vlo_name.setCurrentText(self.desk.vlo_name)
        add_row(form, self.tr("Your &name:"), self.vlo_name, name=self.tr("Your name"))
        self.vlo_phone = add_row(form, self.tr("Direct &phone:"), QLineEdit())
        self.vlo_email = add_row(form, self.tr("Direct &email:"), QLineEdit())
        self.vlo_signature = add_row(form, self.tr("Si&gnature name:"), QLineEdit())
        self.vlo_signature.setPlaceholderText(self.tr("Your name, if left empty"))
        self.vlo_name.currentTextChanged.connect(self._show_vlo)
        self._show_vlo(self.vlo_name.currentText())
        return page

    def _show_vlo(self, name: str) -> None:
        known = next((v for v in self.letters.vlos if v.name.casefold() == name.casefold()), None)
        self.vlo_phone.setText(known.phone if known else "")
        self.vlo_email.setText(known.email if known else "")
        self.vlo_signature.setText(known.signature if known else "")

    def _office_page(self) -> QWidget:
        page, form = self._page()
        s = self.letters
        if s.synthetic:
            form.addRow(_note(self.tr("Demo details (made up). Saving keeps them in this file.")))
        self.office_name = add_row(form, self.tr("Office &name:"), QLineEdit(s.office_name))
        self.office_name_cy = add_row(
            form, self.tr("Office name (&Welsh):"), QLineEdit(s.office_name_cy)
        )
        self.return_address = add_row(
            form, self.tr("&Return address:"), _text_box(s.return_address)
        )
        self.return_address_cy = add_row(
            form, self.tr("Return address (W&elsh):"), _text_box(s.return_address_cy)
        )
        self.office_phone = add_row(form, self.tr("Office &phone:"), QLineEdit(s.default_phone))
        self.office_email = add_row(form, self.tr("Office e&mail:"), QLineEdit(s.default_email))
        return page

    def _rules_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        rules = rule_set_for(today())
        senior = self.ws.role.allows(Role.SENIOR)
        about = self.tr("Rule set %1, in force from %2.").replace("%1", rules.version)
        about = about.replace("%2", fmt_date(rules.in_force_from))
        how = (
            self.tr(
                "These limits are versioned rules: to change one, add a new rule set with its"
                " in-force date (resources/rules/vcs_rules.json), so older cases keep the"
                " rules of their day."
            )
            if senior
            else self.tr("Read only: a senior VLO can change the rule set.")
        )
        layout.addWidget(_note(f"{about} {how}"))
        working, calendar = self.tr("working days"), self.tr("calendar days")
        rows = [
            (
                f"{clock.length} {working if clock.unit is ClockUnit.WORKING_DAYS else calendar}",
                clock.label,
                clock.starts_from,
                clock.source,
            )
            for clock in rules.clocks
        ]
        self.rules_model = RowsModel(
            [self.tr("Limit"), self.tr("Deadline"), self.tr("Counted from"), self.tr("Source")],
            rows,
        )
        self.rules_table = table_view(self.rules_model, self.tr("Working-day limits"))
        self.rules_table.setAccessibleDescription(
            self.tr("%1 limits").replace("%1", str(len(rows)))
        )
        self.rules_table.resizeColumnsToContents()
        for column in range(self.rules_model.columnCount()):  # the full text is in a tooltip
            width = min(self.rules_table.columnWidth(column), 280)
            self.rules_table.setColumnWidth(column, width)
        layout.addWidget(self.rules_table, 1)
        return page

    def _backup_page(self) -> QWidget:
        page, form = self._page()
        form.addRow(
            _note(
                self.tr(
                    "VCS Desk backs up while it is open and when it closes, keeping a rotation"
                    " of verified copies. Each caseload file gets its own folder inside the"
                    " one chosen here."
                )
            )
        )
        self.backup_root = QLineEdit(self.desk.backup_root)
        self.backup_root.setPlaceholderText(str(backups.backups_root()))
        browse = QPushButton(self.tr("B&rowse…"))
        browse.setAccessibleName(self.tr("Choose backup folder"))
        browse.clicked.connect(self._choose_backup_root)
        row = QHBoxLayout()
        row.addWidget(self.backup_root, 1)
        row.addWidget(browse)
        label = plain_label(self.tr("Backup &folder:"))
        label.setBuddy(self.backup_root)
        self.backup_root.setAccessibleName(self.tr("Backup folder"))
        form.addRow(label, row)
        self.backup_minutes = QSpinBox()
        self.backup_minutes.setRange(15, 24 * 60)
        self.backup_minutes.setSingleStep(15)
        self.backup_minutes.setSuffix(self.tr(" minutes"))
        self.backup_minutes.setValue(self.desk.backup_minutes)
        add_row(
            form, self.tr("Back up e&very:"), self.backup_minutes, name=self.tr("Back up every")
        )
        return page

    def _choose_backup_root(self) -> None:
        start = self.backup_root.text() or str(backups.backups_root())
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"), start)
        if chosen:
            self.backup_root.setText(chosen)

    def _display_page(self) -> QWidget:
        page, form = self._page()
        self.idle_lock = QSpinBox()
        self.idle_lock.setRange(1, 60)
        self.idle_lock.setSuffix(self.tr(" minutes"))
        self.idle_lock.setValue(self.desk.idle_lock_minutes)
        add_row(form, self.tr("&Lock after idle:"), self.idle_lock, name=self.tr("Lock after idle"))
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(self.desk.language)))
        add_row(form, self.tr("Interface lan&guage:"), self.language)
        form.addRow(_note(self.tr("A new language applies the next time VCS Desk starts.")))
        self.high_contrast = QCheckBox(self.tr("&High contrast (white on black)"))
        self.high_contrast.setChecked(self.desk.high_contrast)
        add_row(form, self.tr("Display:"), self.high_contrast, name=self.tr("High contrast"))
        form.addRow(
            _note(self.tr("Text follows the system font size; change it in your system settings."))
        )
        return page

    # --- result ---------------------------------------------------------------------

    def _letter_settings(self) -> LetterSettings:
        vlos = list(self.letters.vlos)
        name = self.vlo_name.currentText().strip()
        details = (self.vlo_phone.text(), self.vlo_email.text(), self.vlo_signature.text())
        if name:
            at = next((i for i, v in enumerate(vlos) if v.name.casefold() == name.casefold()), None)
            if at is not None:
                vlos[at] = VloContact(name, *details)
            elif any(x.strip() for x in details):
                vlos.append(VloContact(name, *details))
        return replace(
            self.letters,
            office_name=self.office_name.text(),
            office_name_cy=self.office_name_cy.text(),
            return_address=_lines(self.return_address),
            return_address_cy=_lines(self.return_address_cy),
            default_phone=self.office_phone.text(),
            default_email=self.office_email.text(),
            vlos=tuple(vlos),
        )

    def build(self) -> SettingsChoice:
        letters = self._letter_settings()
        desk = DeskPreferences(
            vlo_name=self.vlo_name.currentText().strip(),
            backup_root=self.backup_root.text().strip(),
            backup_minutes=self.backup_minutes.value(),
            idle_lock_minutes=self.idle_lock.value(),
            language=self.language.currentData(),
            high_contrast=self.high_contrast.isChecked(),
        )
        return SettingsChoice(desk, None if letters == self.letters else letters)

    def accept(self) -> None:
        """Save the office details first: if they are incomplete the dialog stays open
        with the reason, and nothing (not even this desk's preferences) is saved."""
        try:
            choice = self.build()
            if choice.letters is not None:
                save_letter_settings(self.ws, choice.letters)
        except DomainError as exc:
            self.error.setText(self.tr("Cannot save: %1").replace("%1", str(exc)))
            self.error.show()
            return
        choice.desk.save()
        self.value = choice
        QDialog.accept(self)


def open_settings(window: QMainWindow) -> SettingsChoice | None:
    """Ctrl+, : edit the settings, then apply what can change at once (backups, contrast)."""
    choice = SettingsDialog.ask(window, window.ws)
    if choice is None:
        return None
    apply_backup_settings(window.auto_backup, window.ws.path, choice.desk)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        apply_display(app, choice.desk)
    if choice.letters is not None:
        window._refresh(Changed((), "setting"))
    saved = QCoreApplication.translate("SettingsDialog", "Settings saved.")
    window.statusBar().showMessage(saved, 5_000)
    return choice
