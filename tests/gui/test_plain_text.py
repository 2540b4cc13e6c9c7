"""Text from outside is text, never markup (issue 16 §5): a Witness Care Unit CSV whose
names hold HTML must not make any label, tooltip, cell or message render it. On Windows
a `file://host/share` image makes the machine send its login hash to that host."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from dialog_recipes import dialog_recipes, open_every_view
from fixed_day import TODAY
from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QStyledItemDelegate,
    QTabBar,
    QWidget,
)

from vcs_app.domain.conditions import ConditionDraft
from vcs_app.qt.main_window import MainWindow
from vcs_app.qt.widgets import message_box, plain_tip
from vcs_app.services import cases, conditions, referral_import

PROBE = '<img src="file://host/share/probe.png">'
BOLD = "<b>Bold</b>"
MARKUP = (PROBE, BOLD)  # either, taken as HTML, would render


def _renders(text: str, text_format=Qt.TextFormat.AutoText) -> bool:
    """Whether Qt would draw this as rich text and it holds our probe's markup."""
    if not any(m in text for m in MARKUP) or text_format == Qt.TextFormat.PlainText:
        return False
    return text_format == Qt.TextFormat.RichText or QtGui.mightBeRichText(text)


def _where(widget: QWidget) -> str:
    path, parent = [], widget.parentWidget()
    while parent is not None:
        path.append(parent.accessibleName() or parent.objectName() or type(parent).__name__)
        parent = parent.parentWidget()
    return f"{type(widget).__name__} {widget.accessibleName()!r} in {' / '.join(reversed(path))}"


def _in_combo(widget: QWidget) -> bool:
    """A combo box's own drop-down list (Qt draws its items as plain text)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox):
            return True
        parent = parent.parentWidget()
    return False


def markup_rendered(root: QWidget) -> list[str]:
    """Every label, tooltip and table cell under `root` that would render the probe."""
    problems = []
    for label in root.findChildren(QLabel):
        if _renders(label.text(), label.textFormat()):
            problems.append(f"label {_where(label)}: {label.text()[:80]!r}")
    for widget in [root, *root.findChildren(QWidget)]:
        if _renders(widget.toolTip()):
            problems.append(f"tooltip of {_where(widget)}: {widget.toolTip()[:80]!r}")
    for bar in root.findChildren(QTabBar):
        for i in range(bar.count()):
            if _renders(bar.tabToolTip(i)):
                problems.append(f"tab tooltip {bar.tabText(i)!r}: {bar.tabToolTip(i)[:80]!r}")
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        if model is None or isinstance(view, QHeaderView) or _in_combo(view):
            continue
        # The stock delegate draws a cell's text as plain text; one that drew HTML would not.
        if type(view.itemDelegate()) is not QStyledItemDelegate:
            problems.append(f"{_where(view)} draws cells with {type(view.itemDelegate())}")
        for row in range(min(model.rowCount(), 300)):
            for column in range(model.columnCount()):
                tip = model.index(row, column).data(Qt.ItemDataRole.ToolTipRole)
                if isinstance(tip, str) and _renders(tip):
                    problems.append(f"cell tooltip in {_where(view)} ({row}, {column}): {tip!r}")
    return problems


@pytest.fixture
def marked_up(demo_ws):
    """Two referrals imported from a CSV whose text holds HTML, the first everywhere a
    referral can put text (names, offence, address, VLO, OM, needs), with a condition
    request; returns both cases."""
    rows = referral_import.synthetic_rows(2, seed=31, today=TODAY)
    rows[0].update(
        victim_family_name=PROBE,
        offender_family_name=PROBE,
        offence=f"Assault {PROBE}",
        om_name=f"Kit {PROBE}",
        accessibility=PROBE,
        address=f"{PROBE} | Anytown | ZZ99 1AA",
        referrer=PROBE,
        vlo=PROBE,
    )
    rows[1].update(victim_family_name=BOLD, crn="Y777777", nomis="B7777BB")
    report = referral_import.import_referrals(
        demo_ws, referral_import.write_csv(rows), file_name="wcu.csv"
    )
    assert report.committed, report.problems
    ids = [
        r[0]
        for r in demo_ws.store.db.execute(
            "SELECT l.id FROM link l JOIN victim v ON v.id = l.victim_id"
            " WHERE v.family_name IN (?, ?) ORDER BY l.id",
            [PROBE, BOLD],
        )
    ]
    template = conditions.catalogue().get("no_contact")
    conditions.request_condition(
        demo_ws,
        ConditionDraft(
            ids[0],
            "no_contact",
            template.fill({"persons": BOLD}),  # the probe is in the address: refused
            f"Reason {BOLD}",
            f"Risk {BOLD}",
            TODAY,
        ),
    )
    return [cases.open_case(demo_ws, i) for i in ids]


@pytest.fixture
def marked_window(qtbot, demo_ws, marked_up):
    win = MainWindow(demo_ws)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_no_view_or_case_tab_renders_markup_from_an_imported_csv(qtbot, marked_window, marked_up):
    window = marked_window
    open_every_view(window, marked_up)
    headers = [window.case_tab(case.link.id).header.text() for case in marked_up]
    assert PROBE in headers[0] and BOLD in headers[1]
    qtbot.wait(50)
    problems = markup_rendered(window)
    assert not problems, "\n".join(problems)


def test_no_dialog_renders_markup_from_an_imported_csv(
    qtbot, marked_window, demo_ws, marked_up, tmp_path
):
    shown = {"any": marked_up[0], "conditions": marked_up[0]}
    problems = []
    for cls, make in dialog_recipes(marked_window, demo_ws, shown, tmp_path).items():
        dialog = make()
        qtbot.addWidget(dialog)
        problems += [f"{cls.__name__}: {p}" for p in markup_rendered(dialog)]
        dialog.deleteLater()
    assert not problems, "\n".join(problems)


def test_the_walk_finds_rich_text(qtbot):
    root = QWidget()
    qtbot.addWidget(root)
    QLabel(PROBE, root)
    assert len(markup_rendered(root)) == 1
    root.findChild(QLabel).setTextFormat(Qt.TextFormat.PlainText)
    root.setToolTip(BOLD)
    assert len(markup_rendered(root)) == 1
    root.setToolTip(plain_tip(BOLD))
    assert markup_rendered(root) == []


def test_message_boxes_show_their_text_as_plain_text(qtbot):
    box = message_box(QMessageBox.Icon.Warning, None, "Title", f"Cannot save {PROBE}.")
    qtbot.addWidget(box)
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert markup_rendered(box) == []


APP = Path(__file__).resolve().parents[2] / "vcs_app" / "qt"
# Made only through the helpers in widgets.py, which make them plain text.
_RAW = {
    "QLabel(": "plain_label() (or rich_label() with every value escaped)",
    "QMessageBox.information(": "inform()",
    "QMessageBox.warning(": "warn()",
    "QMessageBox.question(": "ask()",
    "QMessageBox.critical(": "warn()",
    "QMessageBox.about(": "inform()",
    "QMessageBox(": "message_box()",
    "QProgressDialog(": "progress_dialog()",
}


def test_labels_messages_and_progress_text_are_made_by_the_plain_text_helpers():
    problems = []
    for path in sorted(APP.rglob("*.py")):
        if path.name == "widgets.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for raw, use in _RAW.items():
                if re.search(rf"(?<![\w.]){re.escape(raw)}", line):
                    problems.append(f"{path.relative_to(APP)}:{number}: {raw} -> use {use}")
    assert not problems, "\n".join(problems)


def test_tooltips_of_stored_text_go_through_plain_tip():
    """A model's ToolTipRole, and a widget's tooltip made from a value, is passed through
    plain_tip(); a tooltip of fixed wording inside tr() needs nothing."""
    problems = []
    for path in sorted(APP.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"setToolTip\(\s*(?!plain_tip\()", text):
            argument = text[match.end() : match.end() + 60]
            if not re.match(r"(self\.tr\(|_?tr\(|QCoreApplication\.translate|\"|')", argument):
                line = text[: match.start()].count("\n") + 1
                problems.append(f"{path.relative_to(APP)}:{line}: setToolTip({argument}...")
    assert not problems, "\n".join(problems)
