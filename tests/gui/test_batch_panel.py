"""File ▸ Open Scenario Batch…: the comparison table of a ``ccgeo batch`` folder in a dock,
reached through the menu as a person does."""

from __future__ import annotations

from helpers import open_window, use_menu
from PySide6.QtWidgets import QFileDialog

# the header and two rows of a comparison.csv as `ccgeo batch` writes it (CRLF, RFC 4180)
COMPARISON = (
    "scenario,status,mode,closures,hubs,labs_used,population,within_15_min,share_15_min,"
    "within_30_min,share_30_min,unreachable,off_network,mean_minutes,underserved_population,"
    "new_hubs,error\r\n"
    "car-none-existing,ok,car,none,existing,4,300021.0,284057.0,0.9467810600"
    ",299525.0,0.9983467823918992,206.0,0.0,7.920746,1210.0,,\r\n"
    "walk-rainy-sited,failed,walk,rainy,sited,,,,,,,,,,,,"
    '"speeds.toml: speed file not found; check the path"\r\n'
)


def test_open_scenario_batch_shows_the_comparison(qtbot, tmp_path, monkeypatch):
    out = tmp_path / "batch"
    out.mkdir()
    (out / "comparison.csv").write_text(COMPARISON, encoding="utf-8", newline="")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(out)))
    window = open_window(qtbot)
    dock = window.docks["batch"]
    assert not dock.isVisible()
    use_menu(qtbot, window, "File", "Open Scenario Batch…")
    qtbot.waitUntil(dock.isVisible, timeout=2_000)
    table = window.batch_panel.table
    assert table.isVisible()
    assert table.rowCount() == 2
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers[:5] == ["Scenario", "Status", "Travel mode", "Road closures", "Hubs"]
    assert "Within 15 min" in headers
    assert "People within 30 min" in headers
    cells = {h: table.item(0, c).text() for c, h in enumerate(headers)}
    assert cells["Scenario"] == "car-none-existing"
    assert cells["Within 15 min"] == "94.7 %"
    assert cells["People within 15 min"] == "284,057"
    assert cells["Mean time"] == "7.9 min"
    failed = {h: table.item(1, c).text() for c, h in enumerate(headers)}
    assert failed["Status"] == "failed"
    assert "speed file not found" in failed["Error"]
    assert "2 scenario" in window.batch_panel.label.text()  # "scenarios" once en.qm has it
    assert "1 failed" in window.batch_panel.label.text()


def test_a_folder_without_a_comparison_is_refused(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(tmp_path))
    )
    window = open_window(qtbot)
    failures: list[str] = []
    monkeypatch.setattr(window, "show_error", lambda title, message: failures.append(message))
    use_menu(qtbot, window, "File", "Open Scenario Batch…")
    assert failures
    assert "comparison.csv" in failures[0]
    assert not window.docks["batch"].isVisible()
