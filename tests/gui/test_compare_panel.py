"""File ▸ Compare Cities…: the four cities of issue 14 compared in the background (progress,
time left, Cancel), then the tidy table in a dock with its levels coloured, the draft-scale
note, and the dashboard one click away, reached through the menu and the dialog as a person
does. Nairobi's roads and labs are synthetic (see ``tests/citykit.py``)."""

from __future__ import annotations

import importlib.util
import time
from typing import TYPE_CHECKING

import pytest
from helpers import TIMEOUT_MS, choose, click, open_window, type_into, use_menu
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
)

if TYPE_CHECKING:
    from pathlib import Path

    from citykit import FourCities

if importlib.util.find_spec("ccgeo.tasks.compare") is None:
    pytest.skip(
        "ccgeo.tasks.compare is not there yet (the comparison task of issue 14)",
        allow_module_level=True,
    )


@pytest.fixture(scope="module")
def four(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> FourCities:
    from citykit import build_four_cities

    return build_four_cities(shared_data, tmp_path_factory.mktemp("four_cities"))


def _choose_projects(monkeypatch, paths) -> None:
    """The projects the user picks (several at once) in File ▸ Compare Cities…'s file dialog."""
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(p) for p in paths], ""))
    )


def _start(qtbot, window, out: Path, tests: str) -> None:
    """File ▸ Compare Cities…, type the tests and the output folder, click Compare."""
    use_menu(qtbot, window, "File", "Compare Cities…")

    def dialogs() -> list[QDialog]:
        return [d for d in window.findChildren(QDialog, "compare_run_dialog") if d.isVisible()]

    qtbot.waitUntil(lambda: bool(dialogs()), timeout=5_000)
    (dialog,) = dialogs()
    type_into(qtbot, dialog.findChild(QLineEdit, "compare_tests"), tests, enter=False)
    folder = dialog.findChild(QLineEdit, "compare_out_folder")
    type_into(qtbot, folder, str(out), enter=False)
    run = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Compare")
    click(qtbot, run)
    assert not dialog.isVisible()


def test_four_cities_are_compared_in_the_background_and_shown_with_their_levels(
    qtbot, four, tmp_path, monkeypatch
):
    from ccgeo.report.compare_charts import level_color

    _choose_projects(monkeypatch, four.paths)
    window = open_window(qtbot)
    dock = window.docks["compare"]
    assert not dock.isVisible()
    out = tmp_path / "compared"
    _start(qtbot, window, out, "pcr")
    assert window.progress_bar.isVisible()
    assert window.cancel_button.isVisible()
    seen: list[str] = []

    def finished() -> bool:
        seen.append(window.message_label.text())
        return dock.isVisible()

    qtbot.waitUntil(finished, timeout=TIMEOUT_MS)
    assert any("Nairobi (synthetic roads and labs): " in text for text in seen), seen
    assert any(text.endswith(" left") for text in seen), seen
    assert not window.progress_bar.isVisible()

    table = dock.findChild(QTableWidget, "compare_table")
    assert table.isVisible()
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == ["Indicator", "Value", "Level", "Labs counted", "Test", "City"]
    rows = [{h: table.item(r, c) for c, h in enumerate(headers)} for r in range(table.rowCount())]
    cities = list(dict.fromkeys(r["City"].text() for r in rows))
    assert cities == [
        "Porto Alegre (synthetic labs)",
        "Oaxaca de Juárez (synthetic labs and population)",
        "Vila Demo (synthetic)",
        "Nairobi (synthetic roads and labs)",
    ]
    assert {r["Test"].text() for r in rows} == {"PCR"}
    demo_60 = next(
        r
        for r in rows
        if r["City"].text() == "Vila Demo (synthetic)"
        and r["Indicator"].toolTip() == "60-minute coverage (coverage_60min)"
        and r["Labs counted"].text() == "any lab"
    )
    assert demo_60["Value"].text().endswith(" %")
    level = int(demo_60["Level"].text())
    assert 1 <= level <= 5
    assert demo_60["Level"].background().color().name().upper() == level_color(level).upper()
    assert any(r["Level"].text() == "–" for r in rows)  # a value that could not be computed

    # one city at a time, chosen above the table (the dock is narrow on a laptop)
    city_box = dock.findChild(QComboBox, "compare_city")
    assert city_box.isVisible()
    assert [city_box.itemText(i) for i in range(city_box.count())] == ["All cities", *cities]
    choose(qtbot, city_box, "Vila Demo (synthetic)")
    shown = [r for r in range(table.rowCount()) if not table.isRowHidden(r)]
    assert shown
    assert {rows[r]["City"].text() for r in shown} == {"Vila Demo (synthetic)"}
    assert len(shown) == sum(r["City"].text() == "Vila Demo (synthetic)" for r in rows)
    choose(qtbot, city_box, text="All cities")
    assert not any(table.isRowHidden(r) for r in range(table.rowCount()))

    note = dock.findChild(QLabel, "compare_draft_note")
    assert note.isVisible()
    assert "Draft scale" in note.text()
    assert "resources/readiness.toml" in note.text()
    for name in ("indicators.csv", "indicators.xlsx", "districts.csv", "dashboard.html"):
        assert (out / name).is_file(), name

    opened = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True)
    )
    button = dock.findChild(QPushButton, "compare_open_dashboard")
    assert button.isVisible()
    click(qtbot, button)
    assert [u.toLocalFile() for u in opened] == [str(out / "dashboard.html")]


def test_cancel_stops_the_comparison_and_shows_no_table(qtbot, four, tmp_path, monkeypatch):
    _choose_projects(monkeypatch, four.paths)
    window = open_window(qtbot)
    started = lambda: "(synthetic" in window.message_label.text()  # noqa: E731
    _start(qtbot, window, tmp_path / "compared", "")
    qtbot.waitUntil(started, timeout=TIMEOUT_MS)
    assert window.cancel_button.isVisible()
    click(qtbot, window.cancel_button)
    pressed = time.monotonic()
    said = lambda: "Comparison of the cities cancelled" in window.message_label.text()  # noqa: E731
    qtbot.waitUntil(said, timeout=TIMEOUT_MS)
    assert time.monotonic() - pressed < 2.0
    assert not window.progress_bar.isVisible()
    assert not window.docks["compare"].isVisible()


def test_closing_the_file_dialog_compares_nothing(qtbot, monkeypatch):
    _choose_projects(monkeypatch, [])
    window = open_window(qtbot)
    use_menu(qtbot, window, "File", "Compare Cities…")
    assert not [d for d in window.findChildren(QDialog, "compare_run_dialog") if d.isVisible()]
    assert not window.progress_bar.isVisible()
    assert not window.docks["compare"].isVisible()
