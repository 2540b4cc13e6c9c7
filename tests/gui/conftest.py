"""GUI fixtures: a demo database and a main window, with QSettings kept in tmp."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QSettings

from vcs_app.qt.main_window import MainWindow
from vcs_app.services.demo import build_demo


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, monkeypatch):
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "cfg"))


@pytest.fixture
def demo_ws(ws):
    build_demo(ws, victims=200, seed=5, today=date(2026, 11, 26))
    return ws


@pytest.fixture
def window(qtbot, demo_ws):
    win = MainWindow(demo_ws)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win
