"""The print adapter's part in the management report: charts drawn with QtCharts into
the PDF, and tables that follow each other laid out without looping."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from vcs_app.letters.print_adapter import BarChart, bar_chart, chart_image, write_pdf

pytestmark = pytest.mark.timeout(60)

CHART = BarChart(
    "Initial offers by month",
    ("Sep 2026", "Oct 2026"),
    (("Within the limit", (12, 30)), ("Outside the limit", (3, 5))),
)


def test_a_chart_is_drawn_at_the_pages_resolution(qapp: QApplication) -> None:
    image = chart_image(CHART, 300)
    assert (image.width(), image.height()) == (1250, 781)
    inked = sum(
        image.pixelColor(x, y) != QColor("white")
        for x in range(0, image.width(), 25)
        for y in range(0, image.height(), 25)
    )
    assert inked > 100


def test_bars_across_list_the_first_category_at_the_top(qapp: QApplication) -> None:
    across = BarChart("Open cases per VLO", ("Alex", "Bryn"), (("Open", (3, 2)),), horizontal=True)
    chart = bar_chart(across)
    (bars,) = chart.series()[0].barSets()
    assert [bars.at(0), bars.at(1)] == [2, 3]  # Qt draws the first at the bottom


def test_a_chart_tag_puts_the_chart_in_the_pdf(qapp: QApplication, tmp_path: Path) -> None:
    page = f"<html><body><h1>Offers</h1>{CHART.img('offers')}</body></html>"
    out = tmp_path / "chart.pdf"
    assert write_pdf(page, out, title="Chart", charts={"offers": CHART}) == 1
    images = subprocess.run(
        ["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert len(images) == 1 and images[0].split()[3:5] == ["1250", "781"]


def test_a_table_straight_after_a_table_across_a_page_break_ends(
    qapp: QApplication, tmp_path: Path
) -> None:
    """Qt cannot break the page at the empty block between two tables; the adapter must
    leave that table where it is rather than try for ever."""
    rows = "".join(f"<tr><td>row {i}</td></tr>" for i in range(30))
    page = (
        "<html><body>"
        + "<p>Filler line.</p>" * 25
        + "<table border='1'><tr><td>first</td></tr></table>"
        + f"<table border='1'>{rows}</table></body></html>"
    )
    assert write_pdf(page, tmp_path / "tables.pdf", title="Tables") == 2
