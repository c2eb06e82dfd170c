"""The coverage chart says why it is empty instead of showing a blank box."""

from __future__ import annotations

from PySide6.QtGui import QColor

from ccgeo.gui.charts import BarChart
from ccgeo.gui.panels.results import NO_DISTRICTS


def _ink_pixels(chart: BarChart) -> int:
    image = chart.grab().toImage()
    base = chart.palette().base().color().rgb()
    return sum(
        image.pixel(x, y) != base
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    )


def test_an_empty_chart_writes_why(qtbot):
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.resize(400, 160)
    chart.show()
    chart.set_data([], [])
    assert _ink_pixels(chart) == 0  # nothing to say: a blank chart
    chart.set_data([], [], empty_text=NO_DISTRICTS)
    assert chart.empty_text == NO_DISTRICTS
    assert _ink_pixels(chart) > 50  # the sentence is drawn
    chart.set_data(["North"], [0.5])
    assert chart.empty_text == ""
    assert QColor(chart.grab().toImage().pixel(200, 80)).isValid()
