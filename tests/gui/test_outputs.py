"""File ▸ Export (HTML map, PDF report, data) and File ▸ Print report, driven as a user would."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest
from helpers import (
    TIMEOUT_MS,
    choose,
    click,
    draw_on_map,
    map_box,
    open_window,
    pdf_map_area,
    place_hub,
    run_by_click,
    save_scenario,
    send_wheel,
    tick,
)
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from ccgeo.analysis.access import CITY_ID
from ccgeo.errors import InputError
from ccgeo.gui.dialogs.outputs import (
    BASELINE_LABEL,
    CURRENT_EDITS_NAME,
    OutputDialog,
    OutputRequest,
    OutputSource,
    default_title,
    output_inputs,
    write_output,
)
from ccgeo.gui.main_window import MainWindow
from ccgeo.io.tiles import OSM_TILE_URL
from ccgeo.labels import format_lonlat_box, format_people
from ccgeo.model.scenario import Scenario
from ccgeo.model.settings import AccessSettings, SitingSettings, Travel
from ccgeo.render.build import project_extent_lonlat
from ccgeo.report.pdf import write_report

# -- helpers --------------------------------------------------------------------------------------


def _save_to(monkeypatch, path: Path) -> list[str]:
    """Answer the next save-file dialogs with ``path``; returns the suggested names seen."""
    seen: list[str] = []

    def answer(_parent, _caption, suggested, _filter, *a, **k):
        seen.append(suggested)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    return seen


def _open(qtbot, window: MainWindow, kind: str) -> OutputDialog:
    """Trigger the menu action of output ``kind`` and return its options dialog."""
    window.outputs.actions[kind].trigger()
    dialog = window.outputs.dialog
    assert dialog is not None
    assert dialog.kind == kind
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def _accept_and_wait(qtbot, window: MainWindow, dialog: OutputDialog) -> list[Path]:
    with qtbot.waitSignal(window.outputs.written, timeout=TIMEOUT_MS) as blocker:
        click(qtbot, dialog.ok_button)
    return blocker.args[0]


def _choose_source(qtbot, dialog: OutputDialog, kind: str, name: str | None = None) -> None:
    """Pick the analysis of ``kind`` (and saved scenario ``name``) in the dialog's combo."""
    index = next(
        i
        for i, source in enumerate(dialog.sources)
        if source.kind == kind and (name is None or source.label == name)
    )
    choose(qtbot, dialog.source_combo, index)


def _cancel(qtbot, dialog: OutputDialog) -> None:
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel))
    assert not dialog.isVisible()


def _pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    run = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return run.stdout


def _pdf_pages(path: Path) -> int:
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    run = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    match = re.search(r"^Pages:\s+(\d+)", run.stdout, flags=re.MULTILINE)
    assert match, run.stdout
    return int(match.group(1))


def _city(coverage: pd.DataFrame, minutes: float = 60.0) -> float:
    rows = coverage[(coverage["district_id"] == CITY_ID) & (coverage["threshold_min"] == minutes)]
    return float(rows["covered"].iloc[0])


# -- the app, as a user drives it -----------------------------------------------------------------


def test_actions_are_in_the_menus_with_tooltips_and_disabled_without_project(qtbot) -> None:
    window = open_window(qtbot)
    actions = window.outputs.actions
    export = window.menus["export"].actions()
    assert [actions[k] in export for k in ("html", "pdf", "data")] == [True] * 3
    assert actions["print"] in window.menus["file"].actions()
    assert actions["html"].shortcut().toString() == "Ctrl+E"
    assert actions["print"].shortcut().toString() == "Ctrl+P"
    for action in actions.values():
        assert action.toolTip()
        assert not action.isEnabled()
    window.outputs.open_dialog("html")
    assert window.outputs.dialog is None


def test_html_map_of_a_saved_scenario(qtbot, demo_window: MainWindow, tmp_path, monkeypatch):
    window = demo_window
    for action in window.outputs.actions.values():
        assert action.isEnabled()
    run_by_click(qtbot, window)
    place_hub(qtbot, window)
    save_scenario(qtbot, window, "East hub")
    target = tmp_path / "east hub map.html"
    suggested = _save_to(monkeypatch, target)

    dialog = _open(qtbot, window, "html")
    _choose_source(qtbot, dialog, "scenario", "East hub")
    assert "East hub" in dialog.title
    assert "Vila Demo" in dialog.title  # the HTML map names its place in the heading
    written = _accept_and_wait(qtbot, window, dialog)

    assert written == [target]
    assert suggested
    assert suggested[0].endswith(".html")
    page = target.read_text(encoding="utf-8")
    assert '<script src="http' not in page
    heading = re.search(r"<h1>(.*?)</h1>", page)
    assert heading
    assert "East hub" in heading.group(1)
    assert "Scenario: <b>East hub</b>" in page
    assert OSM_TILE_URL not in page  # tiles were not asked for
    box = window.outputs.done_box
    assert box is not None
    assert str(target) in box.text()

    online = tmp_path / "with tiles.html"
    _save_to(monkeypatch, online)
    dialog = _open(qtbot, window, "html")
    tick(qtbot, dialog.tiles_check)
    _accept_and_wait(qtbot, window, dialog)
    assert OSM_TILE_URL in online.read_text(encoding="utf-8")


def test_pdf_report_runs_the_default_analysis_first(
    qtbot, demo_window: MainWindow, tmp_path, monkeypatch
) -> None:
    window = demo_window
    controller = window.analysis
    assert controller.workspace.baseline is None
    target = tmp_path / "report.pdf"
    _save_to(monkeypatch, tmp_path / "report")  # the .pdf is added when left out

    dialog = _open(qtbot, window, "pdf")
    assert "No analysis was run yet" in dialog.analysis_label.text()
    choose(qtbot, dialog.paper_combo, "letter")
    choose(qtbot, dialog.orientation_combo, "landscape")
    with (
        qtbot.waitSignal(controller.runStarted, timeout=TIMEOUT_MS),
        qtbot.waitSignal(window.outputs.written, timeout=TIMEOUT_MS) as blocker,
    ):
        click(qtbot, dialog.ok_button)
        assert "No analysis yet" in window.statusBar().currentMessage()
    assert blocker.args[0] == [target]
    assert controller.workspace.baseline is not None  # the run is shown in the app too
    coverage = controller.workspace.coverage()
    text = _pdf_text(target)
    city = coverage[coverage["district_id"] == CITY_ID]
    for covered in city["covered"]:
        assert format_people(covered) in text
    assert "Baseline" in text or "baseline" in text
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True)
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info.stdout).groups())
    assert (round(width), round(height)) == (792, 612)  # US Letter, landscape, in points


def test_data_export_and_open_folder(qtbot, demo_window: MainWindow, tmp_path, monkeypatch):
    window = demo_window
    run_by_click(qtbot, window)
    out = tmp_path / "results"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(out)))
    opened: list[QUrl] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True)
    )
    dialog = _open(qtbot, window, "data")
    for key in ("geojson", "xlsx"):
        tick(qtbot, dialog.format_checks[key], False)
    written = _accept_and_wait(qtbot, window, dialog)

    names = {p.name for p in written}
    assert "results.gpkg" in names
    assert {"coverage_by_district.csv", "demand_times.csv", "summary.json"} <= names
    assert not (out / "results.xlsx").exists()
    assert not list(out.glob("*.geojson"))
    csv = pd.read_csv(out / "coverage_by_district.csv")
    assert _city(csv) == pytest.approx(_city(window.analysis.workspace.coverage()))
    box = window.outputs.done_box
    assert box is not None
    assert "Open folder" in [b.text() for b in box.buttons()]
    button = next(b for b in box.buttons() if b.text() == "Open folder")
    click(qtbot, button)
    assert [Path(u.toLocalFile()) for u in opened] == [out]


def test_current_edits_export_differs_from_baseline(
    qtbot, demo_window: MainWindow, tmp_path, monkeypatch
) -> None:
    window = demo_window
    run_by_click(qtbot, window)
    ws = window.analysis.workspace
    dialog = _open(qtbot, window, "data")
    edits_item = dialog.source_combo.model().item(1)
    assert not edits_item.isEnabled()  # no what-if edits yet
    _cancel(qtbot, dialog)

    place_hub(qtbot, window)
    live = ws.coverage()
    folders = {}
    for kind in ("edits", "baseline"):
        out = tmp_path / kind
        out.mkdir()
        folders[kind] = out
        monkeypatch.setattr(
            QFileDialog, "getExistingDirectory", staticmethod(lambda *a, o=out, **k: str(o))
        )
        dialog = _open(qtbot, window, "data")
        for key in ("gpkg", "geojson", "xlsx"):
            tick(qtbot, dialog.format_checks[key], False)
        _choose_source(qtbot, dialog, kind)
        _accept_and_wait(qtbot, window, dialog)
        window.outputs.done_box.close()

    edits = pd.read_csv(folders["edits"] / "coverage_by_district.csv")
    base = pd.read_csv(folders["baseline"] / "coverage_by_district.csv")
    assert _city(edits) > _city(base)
    # the full rerun of the edits gives the numbers the live what-if shows
    assert _city(edits) == pytest.approx(_city(live), rel=1e-9)
    assert _city(base) == pytest.approx(_city(ws.result.coverage), rel=1e-9)
    labs = pd.read_csv(folders["edits"] / "labs.csv")
    assert len(labs) == len(pd.read_csv(folders["baseline"] / "labs.csv")) + 1


def test_print_preview_paints_the_report_pages(
    qtbot, demo_window: MainWindow, tmp_path, monkeypatch
) -> None:
    window = demo_window
    run_by_click(qtbot, window)
    preview_pdf = tmp_path / "preview.pdf"
    painted: list[int] = []

    def paint_once(self) -> int:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(preview_pdf))
        printer.setPageLayout(window.outputs.printer.pageLayout())
        self.paintRequested.emit(printer)
        painted.append(1)
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", paint_once)
    dialog = _open(qtbot, window, "print")
    assert dialog.ok_button.text() == "Preview…"
    with qtbot.waitSignal(window.outputs.previewReady, timeout=TIMEOUT_MS) as blocker:
        click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: bool(painted), timeout=TIMEOUT_MS)
    assert preview_pdf.read_bytes().startswith(b"%PDF")
    pages = _pdf_pages(preview_pdf)
    # the same pages as the exported PDF report of the same analysis
    content = blocker.args[0]
    exported = write_report(window.project, content.result, tmp_path / "same.pdf")
    assert pages == _pdf_pages(exported) >= 5
    text = _pdf_text(preview_pdf)
    assert f"page {pages} of {pages}" in text
    assert "Coverage by district" in text


def test_an_error_shows_the_input_error_text(
    qtbot, demo_window: MainWindow, tmp_path, monkeypatch
) -> None:
    window = demo_window
    run_by_click(qtbot, window)
    _save_to(monkeypatch, tmp_path / "no such folder" / "map.html")
    dialog = _open(qtbot, window, "html")
    with qtbot.waitSignal(window.outputs.failed, timeout=TIMEOUT_MS) as blocker:
        click(qtbot, dialog.ok_button)
    message = blocker.args[0]
    assert "does not exist" in message
    assert "Traceback" not in message
    assert window.message_label.text().endswith("failed")


def test_cancel_an_export_leaves_no_file(
    qtbot, demo_window: MainWindow, tmp_path, monkeypatch
) -> None:
    window = demo_window
    run_by_click(qtbot, window)
    window.project.scenarios.append(Scenario("Nothing changed", settings={"mode": "car"}))
    target = tmp_path / "car.html"
    _save_to(monkeypatch, target)
    dialog = _open(qtbot, window, "html")
    _choose_source(qtbot, dialog, "scenario", "Nothing changed")
    click(qtbot, dialog.ok_button)
    assert window.cancel_button.isVisibleTo(window)
    click(qtbot, window.cancel_button)
    qtbot.waitUntil(lambda: window.message_label.text().endswith("cancelled"), timeout=TIMEOUT_MS)
    assert not target.exists()
    assert not list(tmp_path.glob(".*.tmp"))


# -- the options dialog and the pure parts --------------------------------------------------------


def test_dialog_title_follows_the_source_until_typed(qtbot) -> None:
    sources = [
        OutputSource("baseline"),
        OutputSource("edits"),
        OutputSource("scenario", Scenario("Two hubs")),
    ]
    dialog = OutputDialog(
        "pdf",
        sources,
        titles=lambda s: f"Access · {s.label}",
        disabled={1: "no edits"},
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.source.kind == "baseline"
    assert dialog.title == f"Access · {BASELINE_LABEL}"
    assert not dialog.source_combo.model().item(1).isEnabled()
    _choose_source(qtbot, dialog, "scenario", "Two hubs")
    assert dialog.title == "Access · Two hubs"
    dialog.title_edit.setFocus()
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_End)
    qtbot.keyClicks(dialog.title_edit, " for the minister")
    _choose_source(qtbot, dialog, "baseline")
    assert dialog.title == "Access · Two hubs for the minister"
    with pytest.raises(ValueError, match="no scenario source"):
        dialog.select_source("scenario", "unknown")


def test_data_dialog_needs_a_format(qtbot) -> None:
    dialog = OutputDialog("data", [OutputSource("baseline")], titles=lambda s: s.label)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.formats == ("gpkg", "geojson", "parquet", "csv", "xlsx")
    assert dialog.format_checks["parquet"].isVisible()
    for check in dialog.format_checks.values():
        tick(qtbot, check, False)
    assert not dialog.ok_button.isEnabled()
    tick(qtbot, dialog.format_checks["csv"])
    assert dialog.ok_button.isEnabled()
    assert dialog.formats == ("csv",)
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok) is dialog.ok_button


def test_output_inputs_needs_a_baseline(tiny_project) -> None:
    with pytest.raises(InputError, match=r"run it first \(Analysis ▸ Run"):
        output_inputs(tiny_project, None, baseline=None)


def test_default_title_names_capability_and_source(tiny_project) -> None:
    assert default_title(tiny_project, "ihc", CURRENT_EDITS_NAME) == (
        f"Access to IHC testing · {CURRENT_EDITS_NAME}"
    )
    placed = default_title(tiny_project, "pcr", "East hub", with_place=True)
    assert placed == "Tiny city: access to PCR testing · East hub"
    assert default_title(tiny_project, "pcr", BASELINE_LABEL) == "Access to PCR testing"


def test_current_edits_with_a_quality_filter_match_the_live_what_if(tiny_project) -> None:
    from ccgeo.tasks.whatif import Workspace

    settings = AccessSettings(quality="eqa", travel=Travel(mode="walk"), thresholds_minutes=(5, 10))
    ws = Workspace(tiny_project, settings)
    ws.run()
    before = _city(ws.coverage(), 10.0)
    ws.add_hub(-96.732, 17.048)  # the south-west corner, far from the one EQA lab
    live = ws.coverage()
    assert _city(live, 10.0) > before
    full = output_inputs(tiny_project, ws.to_scenario("hub"), baseline=ws.result).result
    assert _city(full.coverage, 10.0) == pytest.approx(_city(live, 10.0))


def test_planning_results_go_into_the_map_and_the_data(tmp_path, fresh_demo) -> None:
    from ccgeo.analysis.referral import plan_referral
    from ccgeo.analysis.siting import site_hubs
    from ccgeo.model.settings import ReferralSettings
    from ccgeo.tasks.access import run_access
    from ccgeo.tasks.whatif import settings_of

    project = fresh_demo
    settings = settings_of(project)
    baseline = run_access(project, settings, isochrones=False)
    siting = site_hubs(
        project.network(settings.travel.mode), project.demand, project.facilities,
        SitingSettings(capability="pcr", hubs=2, minutes=60, curve_hubs=0),
    )  # fmt: skip
    referral = plan_referral(
        project.network("motorbike"), project.facilities, ReferralSettings(capability="ihc")
    )
    html = write_output(
        project,
        OutputRequest(kind="html", title="Plan", path=tmp_path / "plan.html",
                      siting=siting, referral=referral),
        baseline=baseline,
    )[0].read_text(encoding="utf-8")  # fmt: skip
    assert "Proposed hubs (2)" in html
    assert "Referral routes" in html
    written = write_output(
        project,
        OutputRequest(kind="data", title="", path=tmp_path / "data", formats=("gpkg",),
                      siting=siting, referral=referral),
        baseline=baseline,
    )  # fmt: skip
    import geopandas as gpd

    layers = set(gpd.list_layers(written[0])["name"])
    assert {"proposed_hubs", "referral_routes", "courier_loops"} <= layers


# -- the report's map area ------------------------------------------------------------------------


def _shows(area, box, *, tolerance: float = 5e-4) -> None:
    """``area`` holds ``box`` and matches it in one direction (the other widened to the page)."""
    assert area[0] <= box[0] + tolerance
    assert area[1] <= box[1] + tolerance
    assert area[2] >= box[2] - tolerance
    assert area[3] >= box[3] - tolerance
    spans = [(area[2] - area[0]) / (box[2] - box[0]), (area[3] - area[1]) / (box[3] - box[1])]
    assert min(spans) == pytest.approx(1.0, abs=0.01)


def test_report_map_shows_the_map_as_on_screen(
    qtbot, demo_window: MainWindow, tmp_path, monkeypatch
) -> None:
    window = demo_window
    run_by_click(qtbot, window)
    canvas = window.canvas
    send_wheel(canvas, (canvas.width() / 2, canvas.height() / 2), 3)  # zoom in on the city
    on_screen = map_box(window, (0, 0), (canvas.width(), canvas.height()))
    target = tmp_path / "screen.pdf"
    _save_to(monkeypatch, target)
    dialog = _open(qtbot, window, "pdf")
    assert dialog.extent_combo.isVisible()
    assert dialog.extent_combo.currentText() == "The map as on screen"
    assert dialog.extent == pytest.approx(on_screen, abs=1e-3)
    _accept_and_wait(qtbot, window, dialog)
    _shows(pdf_map_area(target), on_screen)

    # the whole study area, when chosen
    whole = tmp_path / "whole.pdf"
    _save_to(monkeypatch, whole)
    dialog = _open(qtbot, window, "pdf")
    choose(qtbot, dialog.extent_combo, "study")
    assert dialog.extent is None
    _accept_and_wait(qtbot, window, dialog)
    study = project_extent_lonlat(window.project)
    area = pdf_map_area(whole)
    assert area[0] < study[0]
    assert area[3] > study[3]


def test_report_map_of_an_area_drawn_on_the_map(
    qtbot, demo_window: MainWindow, tmp_path, monkeypatch
) -> None:
    window = demo_window
    run_by_click(qtbot, window)
    canvas = window.canvas
    target = tmp_path / "drawn.pdf"
    _save_to(monkeypatch, target)
    dialog = _open(qtbot, window, "pdf")

    # Esc on the map gives up the drawing: the dialog is back, on the map as on screen
    choose(qtbot, dialog.extent_combo, "drawn")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2_000)
    assert canvas.tool == "draw_extent"
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)
    qtbot.waitUntil(dialog.isVisible, timeout=2_000)
    assert dialog.extent_combo.currentData() == "screen"
    assert canvas.tool == "pan"

    # a rectangle dragged on the map becomes the report's map area
    choose(qtbot, dialog.extent_combo, "drawn")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2_000)
    w, h = canvas.width(), canvas.height()
    box = draw_on_map(qtbot, window, (w * 0.3, h * 0.35), (w * 0.6, h * 0.55))
    qtbot.waitUntil(dialog.isVisible, timeout=2_000)
    assert canvas.tool == "pan"
    assert dialog.extent_combo.currentData() == "drawn"
    assert dialog.extent == pytest.approx(box)
    assert format_lonlat_box(box) in dialog.extent_label.text()
    _accept_and_wait(qtbot, window, dialog)
    _shows(pdf_map_area(target), box)
