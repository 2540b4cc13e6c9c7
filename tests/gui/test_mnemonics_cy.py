"""No two widgets of a Welsh dialog, wizard page or view share an Alt key (issue 23 item
8): the walk of issue 18 (tests/gui/test_mnemonics.py), run again with Welsh chosen
before the window is made (`welsh` comes before `window`)."""

from __future__ import annotations

import test_mnemonics as walk


def test_no_welsh_dialog_has_two_widgets_on_one_alt_key(
    qtbot, welsh, window, demo_ws, app_cases, tmp_path
):
    assert window.menuBar().actions()[0].text() == "&Ffeil"
    walk.test_no_dialog_has_two_widgets_on_one_alt_key(qtbot, window, demo_ws, app_cases, tmp_path)


def test_no_welsh_view_has_two_widgets_on_one_alt_key(qtbot, welsh, window, app_cases):
    assert window.menuBar().actions()[0].text() == "&Ffeil"
    walk.test_no_view_of_the_main_window_has_two_widgets_on_one_alt_key(qtbot, window, app_cases)
