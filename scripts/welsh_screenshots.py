"""Pictures for issue 23 (docs/cy_*.png, docs/hc_*.png): the screens a Welsh-speaking
officer works in, with Welsh chosen, and the main views in high contrast.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/welsh_screenshots.py

Synthetic demo cases only. The screens are the ones tests/gui/test_welsh_screens.py
counts English words on (tests/gui/welsh_words.py opens them)."""

from __future__ import annotations

import re
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "gui")]

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from welsh_words import officer_screens  # noqa: E402

from vcs_app.qt.dialogs.settings import DeskPreferences, apply_display  # noqa: E402
from vcs_app.qt.i18n import install_translator, remove_translator  # noqa: E402
from vcs_app.qt.main_window import MainWindow  # noqa: E402
from vcs_app.qt.widgets import use_clock  # noqa: E402
from vcs_app.services import cases  # noqa: E402
from vcs_app.services.demo import build_demo  # noqa: E402
from vcs_app.services.workspace import open_workspace  # noqa: E402

DOCS = ROOT / "docs"
ON = date(2026, 11, 26)


def wait(predicate, timeout: int = 20_000) -> None:
    end = time.monotonic() + timeout / 1000
    while not predicate():
        if time.monotonic() > end:
            raise TimeoutError("the screen did not finish loading")
        QApplication.processEvents()
        time.sleep(0.02)


def _file(name: str) -> str:
    name = re.sub(r"case vcs-\d+, tab", "case", name.replace("&", "").lower())
    return re.sub(r"[^a-z0-9]+", "_", name).strip("_")


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    folder = Path(tempfile.mkdtemp())
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "cfg"))
    ws = open_workspace(folder / "vcs.db", user="demo.vlo", create=True, on=ON)
    build_demo(ws, victims=200, seed=5)
    use_clock(lambda: ON)
    ids = cases.caseload_ids(ws)
    with_conditions = next(c for c in (cases.open_case(ws, i) for i in ids) if c.conditions)
    saved = []

    def take(prefix: str, names: set[str] | None = None) -> None:
        window = MainWindow(ws, remember_layout=False)
        window.resize(1280, 800)
        screens = officer_screens(window, ws, with_conditions, with_conditions, folder, wait)
        for name, widget in screens:
            if names is not None and not any(n in name.replace("&", "") for n in names):
                continue
            if widget is not window:
                widget.show()
            QApplication.processEvents()
            shot = (window if getattr(widget, "is_case_view", False) else widget).grab()
            path = DOCS / f"{prefix}_{_file(name)}.png"
            shot.save(str(path))
            saved.append(path)
            if widget is not window and not getattr(widget, "is_case_view", False):
                widget.close()
        window.close()

    translator = install_translator(app, "cy")
    take("cy")
    remove_translator(app, translator)
    apply_display(app, DeskPreferences(high_contrast=True))
    take("hc", {"caseload", "Victim", "Licence conditions", "reports", "request a", "settings"})
    window = MainWindow(ws, remember_layout=False)
    view = window.open_reports()
    wait(lambda: view.report is not None)
    view.pages.setCurrentWidget(view.charts)
    window.resize(1280, 800)
    window.grab().save(str(DOCS / "hc_report_charts.png"))
    saved.append(DOCS / "hc_report_charts.png")
    apply_display(app, DeskPreferences(high_contrast=False))
    ws.close()
    print(f"{len(saved)} pictures in {DOCS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
