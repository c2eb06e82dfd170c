"""File ▸ Open Scenario Batch…: a scenario file run in the background (progress, time left,
Cancel), or the comparison table of a ``ccgeo batch`` folder, in a dock, reached through the
menu and the dialog as a person does."""

from __future__ import annotations

import time
from pathlib import Path

from helpers import TIMEOUT_MS, click, open_window, type_into, use_menu
from PySide6.QtWidgets import QDialog, QFileDialog, QLineEdit, QPushButton

from ccgeo.tasks.batch import DONE_MARKER


def _choose_file(monkeypatch, path: Path) -> None:
    """The file the user picks in File ▸ Open Scenario Batch…'s file dialog."""
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )


def _scenario_file(folder: Path, demo_dir: Path, *, broken: str = "") -> Path:
    """Three scenarios on the demo city: dry and rainy roads, and one whose speed file is
    missing (it fails, the others finish)."""
    data = folder / "data"
    data.symlink_to(demo_dir)
    path = folder / "rainy_season.toml"
    path.write_text(
        f"""
[batch]
name = "Vila Demo"

[inputs]
roads = "data/demo_city.osm.pbf"
facilities = "data/demo_facilities.xlsx"
population = "data/demo_population.tif"

[settings]
capability = "pcr"
thresholds_minutes = [10, 20]

[axes]
closures = ["none", "rainy"]
{broken}

[closures.rainy]
closed_surfaces = ["dirt"]
slowed_surfaces = ["unpaved"]
surface_factor = 0.5

[[scenario]]
id = "slow"
speeds = "missing_speeds.toml"
""",
        encoding="utf-8",
    )
    return path


def _run_dialog(qtbot, window) -> QDialog:
    """The dialog that asks where the outputs go, once it shows."""

    def shown() -> QDialog | None:
        for dialog in window.findChildren(QDialog, "batch_run_dialog"):
            if dialog.isVisible():
                return dialog
        return None

    qtbot.waitUntil(lambda: shown() is not None, timeout=5_000)
    dialog = shown()
    assert dialog is not None
    return dialog


def _start_batch(qtbot, window, out: Path | None = None) -> Path:
    """Open the scenario file through the menu, keep or type the output folder, click Run."""
    use_menu(qtbot, window, "File", "Open Scenario Batch…")
    dialog = _run_dialog(qtbot, window)
    field = dialog.findChild(QLineEdit, "batch_out_folder")
    assert field.isVisible()
    if out is not None:
        field.selectAll()
        type_into(qtbot, field, str(out), enter=False)
    chosen = Path(field.text())
    run = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Run")
    click(qtbot, run)
    assert not dialog.isVisible()
    return chosen


def test_a_scenario_file_runs_in_the_background_and_shows_its_comparison(
    qtbot, tmp_path, demo_dir, monkeypatch
):
    toml = _scenario_file(tmp_path, demo_dir)
    _choose_file(monkeypatch, toml)
    window = open_window(qtbot)
    dock = window.docks["batch"]
    out = _start_batch(qtbot, window)
    assert out == tmp_path / "rainy_season_batch"  # the default: beside the file
    assert window.progress_bar.isVisible()
    assert window.cancel_button.isVisible()
    seen: list[str] = []

    def finished() -> bool:
        seen.append(window.message_label.text())
        return dock.isVisible()

    qtbot.waitUntil(finished, timeout=TIMEOUT_MS)
    assert any("scenario 1 of 3 (none): " in text for text in seen), seen
    assert any(text.endswith(" left") for text in seen), seen  # "· about 2 s left"
    assert not window.progress_bar.isVisible()
    assert not window.cancel_button.isVisible()
    table = window.batch_panel.table
    assert table.isVisible()
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    rows = [{h: table.item(r, c).text() for c, h in enumerate(headers)} for r in range(3)]
    assert [r["Scenario"] for r in rows] == ["none", "rainy", "slow"]
    assert [r["Status"] for r in rows] == ["ok", "ok", "failed"]
    assert "missing_speeds.toml" in rows[2]["Error"]
    assert rows[0]["Within 20 min"].endswith("%")
    assert "1 failed" in window.batch_panel.label.text()
    # the same outputs as `ccgeo batch`
    for name in ("comparison.csv", "comparison.xlsx", "comparison_map.html", "comparison.pdf"):
        assert (out / name).is_file(), name
    assert (out / "scenarios" / "rainy" / DONE_MARKER).is_file()


def test_cancel_stops_the_batch_within_a_second_and_keeps_what_finished(
    qtbot, tmp_path, demo_dir, monkeypatch
):
    toml = _scenario_file(tmp_path, demo_dir)
    _choose_file(monkeypatch, toml)
    window = open_window(qtbot)
    out = _start_batch(qtbot, window, tmp_path / "elsewhere")
    assert out == tmp_path / "elsewhere"
    markers = lambda: list(out.glob(f"scenarios/*/{DONE_MARKER}"))  # noqa: E731
    qtbot.waitUntil(lambda: len(markers()) >= 1, timeout=TIMEOUT_MS)
    assert window.cancel_button.isVisible()
    click(qtbot, window.cancel_button)
    pressed = time.monotonic()
    said = lambda: "Scenario batch cancelled" in window.message_label.text()  # noqa: E731
    qtbot.waitUntil(said, timeout=TIMEOUT_MS)
    assert time.monotonic() - pressed < 1.0
    assert not window.cancel_button.isVisible()
    assert not window.progress_bar.isVisible()
    kept = len(markers())
    assert 1 <= kept < 3  # stopped before the last one
    message = window.message_label.text()
    assert f"{kept} finished scenario" in message
    assert str(out) in message
    assert not window.docks["batch"].isVisible()
    assert not (out / "comparison.csv").exists()


def test_a_mistake_in_the_scenario_file_names_the_file_and_the_key(
    qtbot, tmp_path, demo_dir, monkeypatch
):
    toml = _scenario_file(tmp_path, demo_dir, broken='hubs = ["south"]')
    _choose_file(monkeypatch, toml)
    window = open_window(qtbot)
    failures: list[str] = []
    monkeypatch.setattr(window, "show_error", lambda title, message: failures.append(message))
    use_menu(qtbot, window, "File", "Open Scenario Batch…")
    assert len(failures) == 1
    assert str(toml) in failures[0]
    assert "axes.hubs" in failures[0]
    assert "[hubs.south]" in failures[0]
    assert not window.findChildren(QDialog, "batch_run_dialog")
    assert not window.docks["batch"].isVisible()


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
    _choose_file(monkeypatch, out / "comparison.csv")
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
    (tmp_path / "notes.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    _choose_file(monkeypatch, tmp_path / "notes.csv")
    window = open_window(qtbot)
    failures: list[str] = []
    monkeypatch.setattr(window, "show_error", lambda title, message: failures.append(message))
    use_menu(qtbot, window, "File", "Open Scenario Batch…")
    assert failures
    assert "comparison.csv" in failures[0]
    assert not window.docks["batch"].isVisible()
