"""A workshop day on Porto Alegre, end to end, as a person works through it on a laptop
(1366×768) and on a desktop screen (1920×1080): a new project, named; facilities from the
spreadsheet wizard; roads, population and districts from their dialogs; the access analysis;
a hub placed by clicking the map; siting and referral; two scenarios compared on the map; the
HTML map and the printed report; save, close, reopen, and everything is as it was.

With ``CCGEO_PICTURES=<folder>`` the 1366×768 run saves a picture of each step there
(``NN_step.png``): docs/make_pictures.sh makes the user guide's pictures so
(docs/guide/workshop-day.md)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from conftest import tiny_districts
from helpers import (
    TIMEOUT_MS,
    WINDOW_SIZE,
    activate,
    choose,
    choose_in_menu,
    click,
    import_facilities,
    layer_names,
    layer_row_menu,
    map_box,
    open_window,
    place_hub,
    reopen,
    run_by_click,
    save_as,
    save_scenario,
    show_dock,
    show_scenarios_on_map,
    type_into,
    use_menu,
)
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QWidget,
)

from ccgeo.analysis.access import CITY_ID
from ccgeo.gui.dialogs.import_wizard import ImportWizard

if TYPE_CHECKING:
    from ccgeo.gui.main_window import MainWindow

pytestmark = pytest.mark.gui

#: The two screens of the day, pixels.
SIZES = [(1366, 768), (1920, 1080)]
#: The workshop's files, in ``../shared/data/porto_alegre``.
FILES = {
    "facilities": "poa_workshop_labs_synthetic.csv",
    "roads": "poa_osm.pbf",
    "population": "poa_hexgrid.csv",
    "districts": "porto_alegre_boundary_derived.geojson",
}
NAME = "Porto Alegre PCR workshop"
DESCRIPTION = "Training day: the lab capabilities are synthetic."
ONE_HUB = "One hub in the north-east"
PROPOSAL = "Three PCR upgrades"


# -- pictures of the steps ------------------------------------------------------------------


@dataclass
class Pictures:
    """Saves a picture of each step as ``NN_name.png`` in ``folder`` (none when it is None)."""

    folder: Path | None
    taken: list[Path] = field(default_factory=list)

    @classmethod
    def for_size(cls, size: tuple[int, int]) -> Pictures:
        """Pictures into ``$CCGEO_PICTURES`` on the laptop screen only (the pictures of an
        earlier day there are removed first: a step renamed leaves none behind)."""
        folder = os.environ.get("CCGEO_PICTURES")
        if not folder or size != WINDOW_SIZE:
            return cls(None)
        Path(folder).mkdir(parents=True, exist_ok=True)
        for old in Path(folder).glob("[0-9][0-9]_*.png"):
            old.unlink()
        return cls(Path(folder))

    def take(self, qtbot, name: str, window: QWidget, *dialogs: QWidget) -> None:
        """The window with ``dialogs`` over it where they are on the screen, each with a title
        bar drawn above it (offscreen Qt draws none)."""
        if self.folder is None:
            return
        qtbot.wait(150)  # the last paint events and the map's redraw
        QApplication.processEvents()
        shown = (window, *dialogs)
        frame = QRect()
        for widget in shown:
            frame = frame.united(widget.geometry().adjusted(-1, -TITLE_PX, 1, 1))
        image = QPixmap(frame.size())
        image.fill(QColor("#5F6B73"))
        painter = QPainter(image)
        try:
            for widget in shown:
                _paint_framed(painter, widget, widget.geometry().translated(-frame.topLeft()))
        finally:
            painter.end()
        path = self.folder / f"{len(self.taken) + 1:02d}_{name}.png"
        assert image.save(str(path)), f"could not write {path}"
        self.taken.append(path)


#: Height of the title bar drawn above a window in the pictures, pixels.
TITLE_PX = 26


def _paint_framed(painter: QPainter, widget: QWidget, at: QRect) -> None:
    """``widget`` at ``at``, with a thin frame and its title bar above."""
    bar = QRect(at.left(), at.top() - TITLE_PX, at.width(), TITLE_PX)
    painter.fillRect(bar.adjusted(-1, -1, 1, 0), QColor("#263238"))
    painter.fillRect(at.adjusted(-1, 0, 1, 1), QColor("#263238"))
    painter.setPen(QColor("#FFFFFF"))
    font = painter.font()
    font.setBold(True)
    painter.setFont(font)
    text = bar.adjusted(10, 0, -10, 0)
    painter.drawText(
        text, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, widget.windowTitle()
    )
    painter.drawPixmap(at.topLeft(), widget.grab())


# -- the steps ------------------------------------------------------------------------------


def look(qtbot) -> None:
    """A moment to read a result just shown, as a person takes before the next click: the
    panel has laid out the lines and tables it grew by."""
    qtbot.wait(100)


def new_named_project(qtbot, window: MainWindow, shots: Pictures) -> None:
    """File ▸ New project, then File ▸ Project properties…: the name typed, OK."""
    use_menu(qtbot, window, "File", "New project")
    qtbot.waitUntil(lambda: window.project is not None, timeout=5_000)
    assert window.windowTitle() == "Untitled project — ccgeo"
    shots.take(qtbot, "new_project", window)
    use_menu(qtbot, window, "File", "Project properties…")
    dialog = window.properties.dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    type_into(qtbot, dialog.name_edit, NAME, enter=False)
    click(qtbot, dialog.description_edit.viewport())  # into the (empty) description box
    qtbot.keyClicks(dialog.description_edit, DESCRIPTION)
    shots.take(qtbot, "properties", window, dialog)
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    activate(qtbot, window)
    assert (window.project.name, window.project.description) == (NAME, DESCRIPTION)
    assert window.windowTitle() == f"*{NAME} — ccgeo"
    assert NAME in window.message_label.text()  # not "Untitled project: 0 layers" any more


def import_facilities_of_the_day(qtbot, window: MainWindow, path: Path, shots: Pictures) -> None:
    """File ▸ Import ▸ Facilities…: the path typed, Next (columns), Next (check), Next, Import;
    the columns guessed from the Portuguese names, a picture of each page."""

    def look_at(wizard, page: int) -> None:
        if page == ImportWizard.MAPPING:
            mapping = wizard.mapping_page.mapping()
            assert (mapping["facility_id"], mapping["name"]) == ("CO_CNES", "NOME")
            assert (mapping["lon"], mapping["lat"]) == ("LONGITUDE", "LATITUDE")
            shots.take(qtbot, "import_wizard", window, wizard)
        else:
            shots.take(qtbot, "import_checked", window, wizard)

    import_facilities(qtbot, window, path, on_page=look_at)
    assert len(window.project.facilities) == 148
    assert "Facilities" in layer_names(window)


def import_layer(
    qtbot, window: MainWindow, kind: str, path: Path, shots: Pictures | None = None
) -> None:
    """File ▸ Import ▸ Roads… / Population… / Districts…: the path typed, Import."""
    use_menu(qtbot, window, "File", "Import", f"{kind.capitalize()}…")
    dialog = window.data_tools.layer_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    type_into(qtbot, dialog.path_edit, str(path), enter=False)
    if shots is not None:
        shots.take(qtbot, f"import_{kind}", window, dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=TIMEOUT_MS):
        click(qtbot, dialog.import_button)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    activate(qtbot, window)
    assert dialog.error_text() == ""


def import_the_data(qtbot, window: MainWindow, folder: Path, shots: Pictures) -> None:
    """The facilities, roads, population and districts, each through its dialog; the map
    zoomed to the roads (Layers: right-click Roads ▸ Zoom to layer)."""
    import_facilities_of_the_day(qtbot, window, folder / FILES["facilities"], shots)
    import_layer(qtbot, window, "roads", folder / FILES["roads"], shots)
    import_layer(qtbot, window, "population", folder / FILES["population"])
    import_layer(qtbot, window, "districts", folder / FILES["districts"])
    project = window.project
    assert project.roads.n_edges > 20_000
    assert 1_000 < len(project.demand.gdf) <= 1_227  # the hexagons on the roads' area
    assert len(project.districts) == 1
    inside = project.demand.gdf["district_id"].isin(project.districts["district_id"])
    assert inside.mean() > 0.9  # the people were given their district
    qtbot.waitUntil(
        lambda: {"Facilities", "Roads", "Population", "Districts"} <= set(layer_names(window)),
        timeout=2_000,
    )
    # the Analysis panel knows that all it needs is there now
    state = window.docks["analysis"].widget().state.text()
    assert "Press Run" in state, state
    choose_in_menu(qtbot, layer_row_menu(qtbot, window, "Roads"), "Zoom to layer")
    shots.take(qtbot, "data_loaded", window)


def run_access(qtbot, window: MainWindow, shots: Pictures) -> None:
    """In the Analysis panel: PCR, any lab, by car with traffic ×2, 10/20/30 min; Run."""
    panel = show_dock(qtbot, window, "analysis")
    choose(qtbot, panel.capability, "pcr")
    choose(qtbot, panel.quality, "any")
    choose(qtbot, panel.mode, "car")
    type_into(qtbot, panel.congestion, "2")
    type_into(qtbot, panel.thresholds, "10, 20, 30")
    with qtbot.waitSignal(window.analysis.settled, timeout=TIMEOUT_MS):
        click(qtbot, panel.run_button)
    assert panel.state.text().startswith("Done: PCR")
    results = show_dock(qtbot, window, "results")
    assert "within 30 min" in results.headline.text()
    assert results.table.rowCount() > 0
    assert results.areas.rowCount() > 0
    shots.take(qtbot, "access", window)


def place_a_hub(qtbot, window: MainWindow, shots: Pictures) -> None:
    """Analysis ▸ Place hub, a click in the largest underserved area; saved as a scenario."""
    use_menu(qtbot, window, "Analysis", "Place hub")
    place_hub(qtbot, window, 0)
    results = show_dock(qtbot, window, "results")
    assert results.headline.text().startswith("+")
    assert len(window.analysis.workspace.hubs) == 1
    shots.take(qtbot, "hub", window)
    save_scenario(qtbot, window, ONE_HUB)
    assert [s.name for s in window.project.scenarios] == [ONE_HUB]
    use_menu(qtbot, window, "View", "Pan mode")  # back to moving the map
    assert window.canvas.tool == "pan"


def site_and_refer(qtbot, window: MainWindow, shots: Pictures) -> None:
    """Siting: 3 hubs within 20 min, Run; its proposal made a scenario. Referral: Run."""
    siting = show_dock(qtbot, window, "siting")
    type_into(qtbot, siting.hubs, "3")
    type_into(qtbot, siting.minutes, "20")
    with qtbot.waitSignal(window.planning.sitingFinished, timeout=TIMEOUT_MS):
        click(qtbot, siting.runbox.run_button)
    look(qtbot)
    assert siting.hub_table.rowCount() == 3
    assert siting.summary.text().startswith("3 new PCR hubs bring +")
    assert "Proposed hubs" in layer_names(window)
    shots.take(qtbot, "siting", window)
    type_into(qtbot, siting.scenario_name, PROPOSAL, enter=False)
    with qtbot.waitSignal(window.analysis.settled, timeout=TIMEOUT_MS):
        click(qtbot, siting.make_button)
    assert [s.name for s in window.project.scenarios] == [ONE_HUB, PROPOSAL]
    ws, chosen = window.analysis.workspace, set(window.planning.siting_result.chosen_ids)
    assert set(ws.upgrades) == chosen  # the proposal is the what-if now, with the hub kept
    assert len(ws.hubs) == 1
    referral = show_dock(qtbot, window, "referral")
    # the proposal is in the what-if: it counts, and cannot be added a second time
    assert referral.include_proposed.text() == "The 3 proposed PCR hubs count: in the what-if"
    assert not referral.include_proposed.isEnabled()
    choose(qtbot, referral.capability, "pcr")
    with qtbot.waitSignal(window.planning.referralFinished, timeout=TIMEOUT_MS):
        click(qtbot, referral.runbox.run_button)
    look(qtbot)
    assert referral.spokes.rowCount() > 0
    assert chosen <= set(window.planning.referral_result.hubs["facility_id"])
    assert "Sample referral" in layer_names(window)
    shots.take(qtbot, "referral", window)


def compare_on_the_map(qtbot, window: MainWindow, shots: Pictures) -> None:
    """Scenarios: the hub and the proposal side by side at 30 min; Close. The maps keep the
    scale the person zoomed to, and the one map shows the same area again after Close."""
    canvas = window.canvas
    area, scale, width = whole_map(window), canvas.scale_denominator(), canvas.width()
    box = show_scenarios_on_map(qtbot, window, ONE_HUB, PROPOSAL, "side", minutes=30)
    assert box.maps.side.canvas.isVisible()
    assert canvas.scale_denominator() == pytest.approx(scale)
    assert box.maps.titles[0][0] == f"A · {ONE_HUB}"
    assert box.maps.titles[1][0] == f"B · {PROPOSAL}"
    shots.take(qtbot, "compare", window)
    with qtbot.waitSignal(box.closed, timeout=5_000):
        click(qtbot, box.close_button)
    qtbot.waitUntil(lambda: canvas.width() == width, timeout=2_000)  # one map again
    assert whole_map(window) == pytest.approx(area, abs=1e-6)


def _answer_save(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )


def export_html(qtbot, window: MainWindow, target: Path, monkeypatch, shots: Pictures) -> None:
    """File ▸ Export ▸ Interactive map (HTML)…: Export…, the file named; the note closed."""
    _answer_save(monkeypatch, target)
    use_menu(qtbot, window, "File", "Export", "Interactive map (HTML)…")
    dialog = window.outputs.dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    shots.take(qtbot, "export_html", window, dialog)
    with qtbot.waitSignal(window.outputs.written, timeout=TIMEOUT_MS):
        click(qtbot, dialog.ok_button)
    done = window.outputs.done_box
    qtbot.waitUntil(done.isVisible, timeout=5_000)
    click(qtbot, done.button(QMessageBox.StandardButton.Close))
    activate(qtbot, window)
    html = target.read_text(encoding="utf-8")
    for text in (NAME, DESCRIPTION, "Proposed hubs (3)", "Referral routes"):
        assert text in html, f"the HTML map does not show {text!r}"


def print_report(qtbot, window: MainWindow, target: Path, monkeypatch, shots: Pictures) -> None:
    """File ▸ Print report…: Preview…; the pages printed to a PDF file; the preview closed."""
    previews: list[QPrintPreviewDialog] = []

    def show(self) -> int:  # the preview, open without blocking the test
        previews.append(self)
        self.open()
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", show)
    use_menu(qtbot, window, "File", "Print report…")
    dialog = window.outputs.dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    with qtbot.waitSignal(window.outputs.previewReady, timeout=TIMEOUT_MS):
        click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: bool(previews) and previews[0].isVisible(), timeout=TIMEOUT_MS)
    preview = previews[0]
    shots.take(qtbot, "print", window, preview)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    printer.setPageLayout(window.outputs.printer.pageLayout())
    preview.paintRequested.emit(printer)  # what Print does with a PDF printer chosen
    qtbot.keyClick(preview, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not preview.isVisible(), timeout=5_000)
    activate(qtbot, window)
    assert _pdf_pages(target) > 1
    text = _pdf_text(target)
    assert NAME in text
    assert DESCRIPTION in text


def _pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    run = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(run.stdout.split())


def _pdf_pages(path: Path) -> int:
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    run = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    match = re.search(r"^Pages:\s+(\d+)", run.stdout, flags=re.MULTILINE)
    assert match, run.stdout
    return int(match.group(1))


# -- what a person sees, to find again after reopening -------------------------------------


def _cells(table) -> list[list[str]]:
    return [
        [table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def whole_map(window: MainWindow) -> tuple[float, float, float, float]:
    """The lon/lat box the map shows, degrees."""
    canvas = window.canvas
    return map_box(window, (0, 0), (canvas.width(), canvas.height()))


def seen(window: MainWindow) -> dict[str, object]:
    """What the panels and the map show: the name, the data, the numbers, plans, scenarios."""
    docks = {key: dock.widget() for key, dock in window.docks.items()}
    project = window.project
    return {
        "title": window.windowTitle().lstrip("*"),
        "about": (project.name, project.description),
        "rows": (
            len(project.facilities),
            project.roads.n_edges,
            len(project.demand.gdf),
            len(project.districts),
        ),
        "headline": docks["results"].headline.text(),
        "detail": docks["results"].detail.text(),
        "coverage": _cells(docks["results"].table),
        "areas": _cells(docks["results"].areas),
        "hubs": [(h.lon, h.lat) for h in window.analysis.workspace.hubs],
        "siting": (docks["siting"].summary.text(), _cells(docks["siting"].hub_table)),
        "referral": (docks["referral"].summary.text(), _cells(docks["referral"].spokes)),
        "scenarios": [
            docks["scenarios"].list.item(i).text() for i in range(docks["scenarios"].list.count())
        ],
        "layers": [
            (layer.name, layer.visible, [entry.label for entry in layer.legend()])
            for layer in reversed(window.canvas.layers)
        ],
        "map": [round(v, 5) for v in whole_map(window)],
    }


def source_rows(qtbot, window: MainWindow) -> list[tuple[str, str, str]]:
    """File ▸ Project properties…: the data sources listed (layer, file, rows); Cancel."""
    use_menu(qtbot, window, "File", "Project properties…")
    dialog = window.properties.dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    table = dialog.sources
    rows = [tuple(table.item(r, c).text() for c in (0, 1, 3)) for r in range(table.rowCount())]
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel))
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    activate(qtbot, window)
    return rows


def close_project(qtbot, window: MainWindow) -> None:
    """File ▸ Close project: the title, the map and every panel are empty, as before a
    project (none shows the numbers of the project closed)."""
    use_menu(qtbot, window, "File", "Close project")
    assert window.project is None
    assert window.windowTitle() == "ccgeo"
    data = {"Facilities", "Roads", "Population", "Districts"}
    qtbot.waitUntil(lambda: not data & set(layer_names(window)), timeout=2_000)
    docks = {key: dock.widget() for key, dock in window.docks.items()}
    assert docks["results"].headline.text().startswith("No analysis yet")
    assert docks["results"].table.rowCount() == 0
    assert docks["results"].areas.rowCount() == 0
    assert docks["scenarios"].list.count() == 0
    assert docks["siting"].summary.text() == "No proposal yet."
    assert docks["siting"].hub_table.rowCount() == 0
    assert docks["referral"].summary.text() == "No referral plan yet."
    assert docks["referral"].spokes.rowCount() == 0
    assert docks["analysis"].state.text() == "Open a project to analyse it."


# -- the day --------------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_a_workshop_day_on_porto_alegre(qtbot, shared_data, tmp_path, monkeypatch, size) -> None:
    folder = shared_data / "porto_alegre"
    shots = Pictures.for_size(size)
    window = open_window(qtbot, size=size)
    assert (window.width(), window.height()) == size

    new_named_project(qtbot, window, shots)
    import_the_data(qtbot, window, folder, shots)
    run_access(qtbot, window, shots)
    place_a_hub(qtbot, window, shots)
    site_and_refer(qtbot, window, shots)
    compare_on_the_map(qtbot, window, shots)
    export_html(qtbot, window, tmp_path / "porto_alegre.html", monkeypatch, shots)
    print_report(qtbot, window, tmp_path / "printed.pdf", monkeypatch, shots)

    before = seen(window)
    sources = source_rows(qtbot, window)
    assert [row[0] for row in sources] == ["Facilities", "Roads", "Population", "Districts"]
    target = tmp_path / "porto alegre workshop.ccgeo"
    save_as(qtbot, window, target, monkeypatch)
    assert window.windowTitle() == f"{NAME} — ccgeo"
    close_project(qtbot, window)

    again = reopen(qtbot, target, monkeypatch, until_settled=True, size=size)
    qtbot.waitUntil(lambda: again.planning.referral_result is not None, timeout=TIMEOUT_MS)
    assert (again.width(), again.height()) == size
    shots.take(qtbot, "reopened", again)
    after = seen(again)
    for key, value in before.items():
        assert after[key] == value, f"{key} is not as it was"
    assert source_rows(qtbot, again) == sources
    for kind in ("siting", "referral"):
        state = again.docks[kind].widget().runbox.state.text()
        assert state.startswith("Made "), f"{kind}: {state}"


def test_a_layer_imported_after_a_run_is_analysed_again(qtbot, tiny_project, tmp_path) -> None:
    window = open_window(qtbot, tiny_project)
    run_by_click(qtbot, window)
    before = window.analysis.workspace.baseline
    north = tmp_path / "north.geojson"
    tiny_districts().iloc[:1].to_file(north, driver="GeoJSON")
    panel = window.docks["analysis"].widget()
    with qtbot.waitSignal(window.analysis.settled, timeout=TIMEOUT_MS):
        import_layer(qtbot, window, "districts", north)
        assert "out of date: a new districts layer was imported" in panel.state.text()
    assert window.analysis.workspace.baseline is not before
    coverage = window.analysis.workspace.coverage()
    districts = set(coverage["district_id"])
    assert {"N", CITY_ID} <= districts
    assert "S" not in districts
    assert panel.state.text().startswith("Done: ")
