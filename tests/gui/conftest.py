"""GUI fixtures: a demo database and a main window, with QSettings kept in tmp."""

from __future__ import annotations

from datetime import date

import pytest
from fixed_day import TODAY
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from vcs_app.domain.conditions import ConditionDraft
from vcs_app.qt.i18n import install_translator, remove_translator
from vcs_app.qt.main_window import MainWindow
from vcs_app.qt.widgets import use_clock
from vcs_app.services import cases, conditions
from vcs_app.services.demo import build_demo


@pytest.fixture(autouse=True)
def test_clock():
    """Dialogs made without a main window take their default dates from the same day."""
    use_clock(lambda: TODAY)


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, monkeypatch):
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "cfg"))


@pytest.fixture
def welsh(qtbot):
    """The interface in Welsh (and Qt's own buttons) for one test, then English again."""
    app = QApplication.instance()
    translator = install_translator(app, "cy")
    yield
    remove_translator(app, translator)


@pytest.fixture
def demo_ws(ws):
    build_demo(ws, victims=200, seed=5)
    return ws


@pytest.fixture
def window(qtbot, demo_ws):
    win = MainWindow(demo_ws)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


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
