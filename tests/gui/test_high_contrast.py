"""High contrast keeps every frame in sight (a text box, an unticked check box) and draws
the report's charts in black, white and strong colours."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QCheckBox, QLineEdit, QVBoxLayout, QWidget

from vcs_app.qt.dialogs.settings import DeskPreferences, apply_display


@pytest.fixture
def high_contrast(qtbot):
    app = QApplication.instance()
    apply_display(app, DeskPreferences(high_contrast=True))
    yield
    apply_display(app, DeskPreferences(high_contrast=False))


def _bright(widget: QWidget) -> int:
    """Pixels of the widget drawn light (a frame on the black background)."""
    image = widget.grab().toImage()
    return sum(
        1
        for y in range(image.height())
        for x in range(image.width())
        if QColor(image.pixel(x, y)).lightness() > 160
    )


def test_text_boxes_and_unticked_check_boxes_keep_their_frames(qtbot, high_contrast):
    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    edit, box = QLineEdit(), QCheckBox()
    layout.addWidget(edit)
    layout.addWidget(box)
    root.show()
    qtbot.waitExposed(root)
    assert _bright(edit) > edit.width() + edit.height()  # most of a frame, at least
    assert _bright(box) > 20
    assert QApplication.instance().palette().window().color() == QColor("black")


def test_the_report_charts_are_drawn_in_high_contrast(qtbot, window, high_contrast):
    view = window.open_reports()
    qtbot.waitUntil(lambda: view.report is not None, timeout=20_000)
    charts = [v.chart() for v in view.charts.views.values() if v.chart() is not None]
    assert charts
    for chart in charts:
        assert chart.backgroundBrush().color() == QColor("black")
        bars = [b for series in chart.series() for b in series.barSets()]
        assert bars and all(b.color().lightness() > 120 for b in bars)  # bright on black
        assert all(axis.labelsColor() == QColor("white") for axis in chart.axes())
