"""Every window, view, case tab and dialog: no interactive widget without a name a screen
reader can say, tables that announce how many rows they show, and the system font."""

from __future__ import annotations

from dialog_recipes import dialog_classes, dialog_recipes, open_every_view
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QSlider,
    QTabBar,
    QTextEdit,
    QWidget,
)

from vcs_app.qt.main_window import MainWindow

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
        # A paged model (the caseload) announces every case it finds, not the rows read.
        total = getattr(view.model(), "total", None)
        rows = total if total is not None else view.model().rowCount()
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


def test_every_dialog_of_the_app_is_checked(window, demo_ws, app_cases, tmp_path):
    covered = set(dialog_recipes(window, demo_ws, app_cases, tmp_path))
    missing = sorted(c.__qualname__ for c in dialog_classes() - covered)
    assert not missing, f"add these dialogs to the accessibility check: {missing}"


def test_dialogs_name_every_input(qtbot, window, demo_ws, app_cases, tmp_path):
    problems = []
    for cls, make in dialog_recipes(window, demo_ws, app_cases, tmp_path).items():
        dialog = make()
        qtbot.addWidget(dialog)
        if not dialog.accessibleName() and not dialog.windowTitle():
            problems.append(f"{cls.__name__} has no title")
        problems += [f"{cls.__name__}: {p}" for p in unnamed_widgets(dialog)]
        problems += [f"{cls.__name__}: {p}" for p in fixed_fonts(dialog)]
        dialog.deleteLater()
    assert not problems, "\n".join(problems)


def test_main_window_views_and_case_tabs_name_every_input(qtbot, window, app_cases):
    open_every_view(window, app_cases.values())
    problems = unnamed_widgets(window) + fixed_fonts(window)
    assert not problems, "\n".join(problems)


def test_tables_announce_their_row_count(qtbot, window, app_cases):
    open_every_view(window, app_cases.values())
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
