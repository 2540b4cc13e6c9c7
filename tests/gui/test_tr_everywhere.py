"""Every user-visible literal in vcs_app/qt goes through tr()/translate(): an ast scan of
the text a widget is given (labels, buttons, titles, tooltips, accessible names, message
boxes, table headers, validation messages, module tables of captions) fails on English
left outside a translation call, which a Welsh-speaking officer would meet as English."""

from __future__ import annotations

import ast
import re
from pathlib import Path

QT_DIR = Path(__file__).resolve().parents[2] / "vcs_app" / "qt"

# Calls whose string arguments a person sees.
SINKS = {
    # widgets and their text
    "QLabel",
    "QPushButton",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QAction",
    "QToolButton",
    "QLineEdit",
    "QPlainTextEdit",
    "QMessageBox",
    "QProgressDialog",
    "QTableWidgetItem",
    "QListWidgetItem",
    "QTreeWidgetItem",
    "setText",
    "setWindowTitle",
    "setToolTip",
    "setPlaceholderText",
    "setAccessibleName",
    "setAccessibleDescription",
    "setStatusTip",
    "setWhatsThis",
    "setTitle",
    "setSubTitle",
    "setSuffix",
    "setPrefix",
    "setSpecialValueText",
    "setLabelText",
    "setCancelButtonText",
    "setButtonText",
    "setInformativeText",
    "setDetailedText",
    "setPlainText",
    "appendPlainText",
    "setHtml",
    "setItemText",
    "showMessage",
    "setHeaderLabels",
    "setHorizontalHeaderLabels",
    "setNameFilter",
    "setNameFilters",
    "setDefaultSuffix",
    "addItem",
    "addItems",
    "insertItem",
    "addTab",
    "insertTab",
    "setTabText",
    "addAction",
    "addMenu",
    "addButton",
    "addRow",
    # file and input dialogs
    "getText",
    "getItem",
    "getOpenFileName",
    "getSaveFileName",
    "getExistingDirectory",
    "question",
    "information",
    "warning",
    "critical",
    # this project's helpers (qt/widgets.py, the case tabs, the dialogs)
    "plain_label",
    "rich_label",
    "plain_tip",
    "inform",
    "warn",
    "ask",
    "message_box",
    "progress_dialog",
    "labelled",
    "add_row",
    "button",
    "value_label",
    "form",
    "page",
    "enum_combo",
    "RowsModel",
    "table_view",
    "_note",
    "note",
    "_text_box",
    # a dialog's title given to its base class, and messages shown in a dialog's error line
    "__init__",
    "FormDialog",
    "ValidationError",
    "DomainError",
}
TRANSLATED = {"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"}

# Text that is not words for a person, by its shape.
NOT_WORDS = (
    re.compile(r"[a-z_][a-z0-9_]*"),  # identifiers, stored values, action keys
    re.compile(r"[a-z_]+/[a-z_]+"),  # QSettings keys
    re.compile(r"[A-Z]\w*[a-z]\w*[A-Z]\w*"),  # class names (the help pages' index)
    re.compile(r"(?:Ctrl|Alt|Shift)\+.*"),  # key sequences
    re.compile(r"#[0-9a-fA-F]{3,8}"),  # colours
    re.compile(r".*\{[^{}]*:[^{}]*;[^{}]*\}.*", re.DOTALL),  # style sheets
)
# Justified exceptions: (file, literal).
ALLOWED = {
    # The language list shows each language in its own name, in any interface language.
    ("i18n.py", "English"),
    ("i18n.py", "Cymraeg"),
    # Strips the English prefix the letter checks put on a reason; the reason is then
    # shown through i18n.shown (Welsh from the domain catalogue).
    ("template_editor.py", "Blocked: "),
}


def _name(func: ast.expr) -> str:
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _is_words(text: str) -> bool:
    return bool(re.search(r"[A-Za-z]{2,}", text)) and not any(p.fullmatch(text) for p in NOT_WORDS)


def untranslated(path: Path) -> list[tuple[int, str]]:
    """(line, text) of each literal a person would see that no translation call holds."""
    found: list[tuple[int, str]] = []

    def walk(node: ast.AST, shown: bool, translated: bool) -> None:
        if isinstance(node, ast.Call):
            name = _name(node.func)
            translated = translated or name in TRANSLATED
            for child in ast.iter_child_nodes(node):
                # `self.tr("x").format(...)`: the receiver is not an argument of a sink
                receiver = child is node.func
                walk(child, not receiver and (shown or name in SINKS), translated)
            return
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if shown and not translated and _is_words(node.value):
                found.append((node.lineno, node.value))
            return
        if isinstance(node, ast.JoinedStr) and shown and not translated:
            words = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
            if _is_words(words):
                found.append((node.lineno, words))
                return
        for child in ast.iter_child_nodes(node):
            walk(child, shown, translated)

    for statement in ast.parse(path.read_text(encoding="utf-8")).body:
        # A module table of captions (HEADERS = (...), TITLE = "...") is shown later.
        targets = (
            statement.targets
            if isinstance(statement, ast.Assign)
            else [statement.target]
            if isinstance(statement, ast.AnnAssign)
            else []
        )
        table = any(isinstance(t, ast.Name) and t.id.isupper() for t in targets)
        walk(statement, table, False)
    return found


def test_no_user_visible_literal_outside_tr():
    problems = [
        f"{path.relative_to(QT_DIR)}:{line}: {text!r}"
        for path in sorted(QT_DIR.rglob("*.py"))
        for line, text in untranslated(path)
        if (path.name, text) not in ALLOWED
    ]
    assert not problems, "wrap in tr()/QCoreApplication.translate:\n" + "\n".join(problems)


def test_the_scan_finds_what_it_should(tmp_path):
    """The scan itself: a bare caption, an f-string message and a table of headers are
    found; the same text inside translate(), an identifier and a settings key are not."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        "HEADERS = ('Name', QT_TRANSLATE_NOOP('X', 'Date'))\n"
        "TITLE = QT_TRANSLATE_NOOP('X', 'Reports')\n"
        "label = plain_label('Victim:')\n"
        "warn(self, self.tr('Saved'), f'Could not save {path}')\n"
        "box.setText(QCoreApplication.translate('X', 'Fine {n}').format(n=1))\n"
        "action = button(self.tr('&Go'), 'go', slot)\n"
        "settings.value('ui/language')\n"
        "raise ValidationError('Enter a date.')\n"
    )
    assert [text for _, text in untranslated(sample)] == [
        "Name",
        "Victim:",
        "Could not save ",
        "Enter a date.",
    ]
