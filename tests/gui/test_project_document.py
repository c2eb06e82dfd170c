"""A project is the planner's document: its name and description (File ▸ Project properties…,
the title bar, the HTML map and the PDF report), the files its data came from, and everything
the planner made and arranged — the siting and referral plans, the layers' order, styles and
visibility, the map's centre and zoom, where the panels are — saved with it and shown again
when it is opened. A plan made on data that changed since opens marked out of date; a project
saved by an earlier ccgeo, or one whose saved plan or view is damaged, still opens."""

from __future__ import annotations

import json
import logging
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from helpers import (
    TIMEOUT_MS,
    activate,
    choose_in_menu,
    click,
    drag,
    import_facilities,
    layer_names,
    layer_row_menu,
    open_window,
    reopen,
    run_by_click,
    run_siting_and_referral,
    save_as,
    send_wheel,
    set_capability,
    show_dock,
    type_into,
    use_menu,
)
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QDialogButtonBox, QFileDialog

from ccgeo.gui.main_window import MainWindow
from ccgeo.labels import format_count, format_when
from ccgeo.project import UNTITLED, Project, save_project
from ccgeo.render.planning_layers import ProposedHubsLayer, ReferralLayer

pytestmark = pytest.mark.gui

NAME = "PCR hubs for Vila Demo"
DESCRIPTION = "Where two new PCR hubs should go. For the ministry's review in March."
#: The colour of a plan made on other data than the project holds (`RunBox.show_saved`).
STALE_ORANGE = "#E65100"


# -- acting on the project's document --------------------------------------------------------


def properties_dialog(qtbot, window: MainWindow):
    """File ▸ Project properties…; the dialog shown."""
    use_menu(qtbot, window, "File", "Project properties…")
    dialog = window.properties.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=2_000)
    return dialog


def type_text(qtbot, edit, text: str) -> None:
    """Click into the text box ``edit`` (a `QPlainTextEdit`), select all it holds and type
    ``text`` over it (`helpers.type_into` types into one-line fields)."""
    click(qtbot, edit.viewport())
    assert edit.hasFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, text)


def name_project(qtbot, window: MainWindow, name: str, description: str) -> None:
    """Type ``name`` and ``description`` in File ▸ Project properties…, then OK."""
    dialog = properties_dialog(qtbot, window)
    type_into(qtbot, dialog.name_edit, name, enter=False)
    type_text(qtbot, dialog.description_edit, description)
    click(qtbot, dialog.ok_button)
    assert not dialog.isVisible()
    activate(qtbot, window)


def source_table(dialog) -> dict[str, tuple[str, ...]]:
    """The rows of the dialog's data sources table, by layer label: file, imported, rows."""
    table = dialog.sources
    rows = {}
    for i in range(table.rowCount()):
        cells = [table.item(i, j).text() for j in range(table.columnCount())]
        rows[cells[0]] = tuple(cells[1:])
    return rows


def labs_csv(path: Path, project: Project, n: int) -> Path:
    """A file of ``n`` PCR labs where the first ``n`` facilities of ``project`` are."""
    points = project.facilities.gdf.geometry.iloc[:n]
    rows = [f"N{i},New lab {i},{p.x},{p.y},yes" for i, p in enumerate(points)]
    path.write_text("id,name,lon,lat,pcr\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def table_text(table) -> list[list[str]]:
    """What a results table shows, row by row."""
    return [
        [table.item(i, j).text() if table.item(i, j) else "" for j in range(table.columnCount())]
        for i in range(table.rowCount())
    ]


def arrangement(window: MainWindow) -> dict[str, tuple]:
    """Where each dock is: shown, floating, its side, the shown docks it shares a place with
    (for a shown dock: a closed one's place is seen when it is opened again)."""
    return {
        key: (
            not dock.isHidden(),
            dock.isFloating(),
            window.dockWidgetArea(dock),
            []
            if dock.isHidden()
            else sorted(
                d.objectName() for d in window.tabifiedDockWidgets(dock) if not d.isHidden()
            ),
        )
        for key, dock in window.docks.items()
    }


def float_dock(qtbot, window: MainWindow, key: str) -> None:
    """Double-click the title bar of the dock ``key``: it floats, as in any Qt application."""
    show_dock(qtbot, window, key)
    dock = window.docks[key]
    title = QPoint(dock.width() // 3, max(dock.widget().geometry().top() // 2, 3))
    qtbot.mouseDClick(dock, Qt.MouseButton.LeftButton, pos=title)
    qtbot.waitUntil(dock.isFloating, timeout=2_000)
    activate(qtbot, window)


def toggle_dock(qtbot, window: MainWindow, key: str) -> None:
    """View ▸ Panels ▸ the dock's entry: a shown dock closes, a closed one comes back."""
    dock = window.docks[key]
    shown = not dock.isHidden()
    use_menu(qtbot, window, "View", "Panels", dock.toggleViewAction().text().replace("&", ""))
    assert dock.isHidden() == shown


def restyle(qtbot, window: MainWindow, monkeypatch, layer: str, colour: str) -> None:
    """Right-click ``layer`` ▸ Style…, pick ``colour`` for its first class, OK."""
    monkeypatch.setattr(QColorDialog, "getColor", staticmethod(lambda *a, **k: QColor(colour)))
    choose_in_menu(qtbot, layer_row_menu(qtbot, window, layer), "Style…")
    dialog = window.layer_panel.style_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=2_000)
    click(qtbot, dialog.rows[0].color_button)
    click(qtbot, dialog.ok_button)
    assert not dialog.isVisible()
    activate(qtbot, window)


def pan_and_zoom(window: MainWindow) -> None:
    """Two notches of the wheel over the map, then a drag of the map."""
    canvas = window.canvas
    w, h = canvas.width(), canvas.height()
    send_wheel(canvas, (w * 0.4, h * 0.6), 2)
    drag(canvas, (w * 0.5, h * 0.5), (w * 0.5 - 73, h * 0.5 + 41))


def pdf_text(path: Path) -> str:
    """The text of a PDF, read with pdftotext, spaces and line ends made single spaces."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    run = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(run.stdout.split())


def export(qtbot, window: MainWindow, monkeypatch, entry: str, target: Path) -> None:
    """File ▸ Export ▸ ``entry``, the outputs dialog's Export…, the file dialog answered."""
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    use_menu(qtbot, window, "File", "Export", entry)
    dialog = window.outputs.dialog
    qtbot.waitUntil(dialog.isVisible, timeout=2_000)
    with qtbot.waitSignal(window.outputs.written, timeout=TIMEOUT_MS) as written:
        click(qtbot, dialog.ok_button)
    assert written.args[0] == [target]
    activate(qtbot, window)


def edit_meta(path: Path, change) -> None:
    """Change the ccgeo_meta table of a saved project as a file of an earlier ccgeo, or a
    damaged one, holds it: ``change(meta)`` edits the dict of its JSON values in place (a key
    deleted is removed; a ``bytes`` value is written as it is, not as JSON)."""
    con = sqlite3.connect(path)
    try:
        meta = {k: json.loads(v) for k, v in con.execute("SELECT key, value FROM ccgeo_meta")}
        before = set(meta)
        change(meta)
        for key in before - set(meta):
            con.execute("DELETE FROM ccgeo_meta WHERE key = ?", (key,))
        for key, value in meta.items():
            text = value.decode() if isinstance(value, bytes) else json.dumps(value)
            con.execute("INSERT OR REPLACE INTO ccgeo_meta (key, value) VALUES (?, ?)", (key, text))
        con.commit()
    finally:
        con.close()


# -- the name, the description, the sources ----------------------------------------------------


def test_properties_name_the_project_and_list_its_sources(
    qtbot, demo_window: MainWindow, tmp_path, monkeypatch
) -> None:
    window = demo_window
    old = window.project.name
    assert window.windowTitle() == f"{old} — ccgeo"

    # Cancel keeps the old name
    dialog = properties_dialog(qtbot, window)
    assert dialog.name_edit.text() == old
    type_into(qtbot, dialog.name_edit, "Not this one", enter=False)
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel))
    assert not dialog.isVisible()
    assert window.project.name == old
    assert window.windowTitle() == f"{old} — ccgeo"
    assert not window.is_modified

    # an empty name is refused, with a note in the dialog
    dialog = properties_dialog(qtbot, window)
    type_into(qtbot, dialog.name_edit, "   ", enter=False)
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible()
    assert dialog.problem.isVisible()
    assert "needs a name" in dialog.problem.text()
    assert window.project.name == old

    # a name and a description: the title bar shows the name, with * until saved
    type_into(qtbot, dialog.name_edit, NAME, enter=False)
    type_text(qtbot, dialog.description_edit, DESCRIPTION)
    click(qtbot, dialog.ok_button)
    assert not dialog.isVisible()
    assert (window.project.name, window.project.description) == (NAME, DESCRIPTION)
    assert window.windowTitle() == f"*{NAME} — ccgeo"
    save_as(qtbot, window, tmp_path / "named.ccgeo", monkeypatch)
    assert window.windowTitle() == f"{NAME} — ccgeo"

    # the sources: every imported layer with its file, the date it was read, its rows
    dialog = properties_dialog(qtbot, window)
    assert (dialog.name_edit.text(), dialog.description_edit.toPlainText()) == (NAME, DESCRIPTION)
    sources = source_table(dialog)
    assert set(sources) == {"Facilities", "Roads", "Population", "Districts"}
    read = {s["layer"]: s["read_at"] for s in window.project.metadata["sources"]}
    assert sources["Facilities"] == (
        "demo_facilities.xlsx",
        format_when(read["facilities"]),
        format_count(len(window.project.facilities)),
    )
    assert sources["Districts"][0] == "demo_districts.geojson"
    assert sources["Population"][0] == "demo_population.tif"
    assert sources["Roads"][2] == format_count(window.project.roads.n_edges)
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel))
    activate(qtbot, window)

    # the facilities replaced by another file: its row names that file, today, its rows
    import_facilities(qtbot, window, labs_csv(tmp_path / "labs_2025.csv", window.project, 5))
    assert len(window.project.facilities) == 5
    dialog = properties_dialog(qtbot, window)
    file, when, rows = source_table(dialog)["Facilities"]
    assert (file, rows) == ("labs_2025.csv", "5")
    (source,) = [s for s in window.project.metadata["sources"] if s["layer"] == "facilities"]
    assert source["read_at"] > read["facilities"]
    assert when == format_when(source["read_at"])
    assert dialog.sources.rowCount() == 4


def test_a_new_project_is_untitled_until_named(qtbot, tmp_path, monkeypatch) -> None:
    window = open_window(qtbot)
    use_menu(qtbot, window, "File", "New project")
    assert window.windowTitle().endswith(f"{UNTITLED} — ccgeo")
    dialog = properties_dialog(qtbot, window)
    assert dialog.name_edit.text() == UNTITLED
    assert dialog.sources.rowCount() == 0
    type_into(qtbot, dialog.name_edit, "Clinic survey", enter=False)
    click(qtbot, dialog.ok_button)
    assert window.windowTitle() == "*Clinic survey — ccgeo"
    save_as(qtbot, window, tmp_path / "survey.ccgeo", monkeypatch)
    again = reopen(qtbot, tmp_path / "survey.ccgeo", monkeypatch)
    assert again.windowTitle() == "Clinic survey — ccgeo"


def test_the_name_and_description_are_on_the_html_map_and_the_report(
    qtbot, demo_window: MainWindow, tmp_path, monkeypatch
) -> None:
    window = demo_window
    name_project(qtbot, window, NAME, DESCRIPTION)
    run_by_click(qtbot, window)

    page_path = tmp_path / "map.html"
    export(qtbot, window, monkeypatch, "Interactive map (HTML)…", page_path)
    page = page_path.read_text(encoding="utf-8")
    heading = re.search(r"<h1>(.*?)</h1>", page)
    assert heading
    assert NAME in heading.group(1)
    assert "For the ministry&#x27;s review in March." in page  # the description, escaped

    report_path = tmp_path / "report.pdf"
    export(qtbot, window, monkeypatch, "Map report (PDF)…", report_path)
    text = pdf_text(report_path)
    assert NAME in text
    assert DESCRIPTION.replace("'", "’") in text.replace("'", "’")


# -- everything the planner made and arranged comes back ----------------------------------------


def test_plans_layers_map_and_panels_come_back_when_reopened(
    qtbot, demo_window: MainWindow, tmp_path, monkeypatch
) -> None:
    window = demo_window
    run_by_click(qtbot, window)
    assert window.windowTitle().startswith("*")  # the run is part of the project
    run_siting_and_referral(qtbot, window)
    siting_rows = table_text(window.docks["siting"].widget().hub_table)
    spoke_rows = table_text(window.docks["referral"].widget().spokes)
    assert siting_rows
    assert spoke_rows
    name_project(qtbot, window, NAME, DESCRIPTION)

    # the layers: one moved up, one hidden, one restyled
    names = layer_names(window)
    below = names[names.index("Roads") - 1]
    choose_in_menu(qtbot, layer_row_menu(qtbot, window, "Roads"), "Move up")
    qtbot.waitUntil(
        lambda: layer_names(window).index("Roads") < layer_names(window).index(below),
        timeout=2_000,
    )
    choose_in_menu(qtbot, layer_row_menu(qtbot, window, "Districts"), "Hide")
    restyle(qtbot, window, monkeypatch, "Facilities", "#00C853")
    layers = window.layer_panel.state()
    assert layers["layers"]["districts"]["visible"] is False
    assert "#00C853" in layers["layers"]["facilities"]["style"]["colors"].values()
    # the map panned and zoomed; one panel floating, one closed
    before = window.canvas.view
    pan_and_zoom(window)
    view = window.canvas.view
    assert view.m_per_px < before.m_per_px
    float_dock(qtbot, window, "layers")
    toggle_dock(qtbot, window, "scenarios")
    panels = arrangement(window)
    lab = window.project.facilities.gdf.geometry.iloc[3]
    lab_at = window.canvas.screen_position(lab.x, lab.y)

    target = tmp_path / "document.ccgeo"
    save_as(qtbot, window, target, monkeypatch)
    again = reopen(qtbot, target, monkeypatch, until_settled=True)

    assert (again.project.name, again.project.description) == (NAME, DESCRIPTION)
    assert again.windowTitle() == f"{NAME} — ccgeo"
    # the plans, in their tables and on the map, said to be the saved ones
    siting = again.docks["siting"].widget()
    referral = again.docks["referral"].widget()
    assert table_text(siting.hub_table) == siting_rows
    assert table_text(referral.spokes) == spoke_rows
    for box in (siting.runbox, referral.runbox):
        assert "saved with the project" in box.state.text()
        assert STALE_ORANGE not in box.state.styleSheet()
    kinds = {type(layer) for layer in again.canvas.layers}
    assert {ProposedHubsLayer, ReferralLayer} <= kinds
    assert {"Proposed hubs", "Sample referral"} <= set(layer_names(again))
    # the layers, the map, the panels
    assert again.layer_panel.state() == window.layer_panel.state()
    qtbot.waitUntil(lambda: layer_names(again) == layer_names(window), timeout=2_000)
    assert not next(x for x in again.canvas.layers if x.kind == "districts").visible
    assert arrangement(again) == panels
    # the closed panel, opened again, comes back where it was before it was closed
    for win in (window, again):
        toggle_dock(qtbot, win, "scenarios")
    assert arrangement(again) == arrangement(window)
    assert not again.docks["scenarios"].isHidden()
    assert again.canvas.view.m_per_px == pytest.approx(view.m_per_px, rel=1e-6)
    x, y = again.canvas.screen_position(lab.x, lab.y)
    assert abs(x - lab_at[0]) <= 1.5
    assert abs(y - lab_at[1]) <= 1.5
    assert not again.is_modified


def test_a_plan_made_on_data_that_changed_opens_out_of_date(
    qtbot, demo_window: MainWindow, tmp_path, monkeypatch
) -> None:
    window = demo_window
    run_siting_and_referral(qtbot, window)
    # a lab loses its PCR in the attribute table after the plans were made
    gdf = window.project.facilities.gdf
    lab = str(gdf.loc[gdf["pcr"].astype(bool), "facility_id"].iloc[0])
    set_capability(qtbot, window, lab, "pcr", False)
    activate(qtbot, window)
    target = tmp_path / "edited.ccgeo"
    save_as(qtbot, window, target, monkeypatch)

    again = reopen(qtbot, target, monkeypatch)
    for key in ("siting", "referral"):
        box = show_dock(qtbot, again, key).runbox
        assert box.state.text().startswith("⚠ From the saved project")
        assert "the data changed since" in box.state.text()
        assert STALE_ORANGE in box.state.styleSheet()
        assert box.run_button.isEnabled()


# -- projects of earlier versions, and damaged ones ----------------------------------------------


def test_a_project_of_the_previous_version_opens_and_saves_again(
    qtbot, fresh_demo: Project, tmp_path, monkeypatch
) -> None:
    fresh_demo.name = "Saved last year"
    old = save_project(fresh_demo, tmp_path / "old.ccgeo")

    def as_before(meta: dict) -> None:
        del meta["description"], meta["plans"]
        assert "view" not in meta["settings"]

    edit_meta(old, as_before)
    placed = arrangement(open_window(qtbot))
    again = reopen(qtbot, old, monkeypatch)
    assert again.project.name == "Saved last year"
    assert (again.project.description, again.project.plans) == ("", {})
    assert again.windowTitle() == "Saved last year — ccgeo"
    siting = show_dock(qtbot, again, "siting")
    assert (siting.hub_table.rowCount(), siting.summary.text()) == (0, "No proposal yet.")
    assert arrangement(again) == placed

    target = tmp_path / "now.ccgeo"
    save_as(qtbot, again, target, monkeypatch)
    back = reopen(qtbot, target, monkeypatch)
    assert back.project.name == "Saved last year"
    assert "view" in back.project.settings


def test_a_damaged_plan_or_view_leaves_the_rest(
    qtbot, demo_window: MainWindow, tmp_path, monkeypatch, caplog
) -> None:
    window = demo_window
    run_siting_and_referral(qtbot, window)
    name_project(qtbot, window, NAME, DESCRIPTION)
    choose_in_menu(qtbot, layer_row_menu(qtbot, window, "Districts"), "Hide")
    good = tmp_path / "good.ccgeo"
    save_as(qtbot, window, good, monkeypatch)
    spoke_rows = table_text(window.docks["referral"].widget().spokes)

    def damaged(name: str, change) -> MainWindow:
        path = tmp_path / f"damaged {len(list(tmp_path.iterdir()))}.ccgeo"  # (a neutral name)
        shutil.copy(good, path)
        edit_meta(path, change)
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            again = reopen(qtbot, path, monkeypatch)
        assert (again.project.name, again.project.description) == (NAME, DESCRIPTION)
        assert len(again.project.facilities) == len(window.project.facilities)
        assert caplog.records, f"{name}: nothing was logged"
        return again

    # the siting plan damaged: the referral plan and the view are shown
    def bad_siting(meta: dict) -> None:
        meta["plans"]["siting"]["result"] = "garbage"

    again = damaged("siting", bad_siting)
    assert "siting" in caplog.text
    assert show_dock(qtbot, again, "siting").hub_table.rowCount() == 0
    assert table_text(again.docks["referral"].widget().spokes) == spoke_rows
    assert not next(x for x in again.canvas.layers if x.kind == "districts").visible

    # a plan that is not a record at all
    def plan_not_a_record(meta: dict) -> None:
        meta["plans"]["referral"] = "garbage"

    again = damaged("referral", plan_not_a_record)
    assert "referral" in caplog.text
    assert show_dock(qtbot, again, "referral").spokes.rowCount() == 0
    assert show_dock(qtbot, again, "siting").hub_table.rowCount() > 0

    # the plans not a record of plans
    def plans_not_records(meta: dict) -> None:
        meta["plans"] = ["garbage"]

    again = damaged("plans-list", plans_not_records)
    assert "plans" in caplog.text
    assert again.project.plans == {}

    # every plan unreadable: written as text that is not JSON
    def plans_not_json(meta: dict) -> None:
        meta["plans"] = b"{garbage"

    again = damaged("plans", plans_not_json)
    assert again.project.plans == {}
    assert not next(x for x in again.canvas.layers if x.kind == "districts").visible

    # the view damaged, part by part: the plans are shown, the parts that can be used too
    def bad_view(meta: dict) -> None:
        view = meta["settings"]["view"]
        view["layout"] = "%% not base64 %%"
        view["center_lonlat"] = "here"

    again = damaged("view", bad_view)
    assert "layout" in caplog.text
    assert "centre" in caplog.text
    assert table_text(again.docks["referral"].widget().spokes) == spoke_rows
    assert not next(x for x in again.canvas.layers if x.kind == "districts").visible

    # the view not a view at all
    def view_garbage(meta: dict) -> None:
        meta["settings"]["view"] = [1, "garbage"]

    again = damaged("view2", view_garbage)
    assert "view" in caplog.text
    assert show_dock(qtbot, again, "siting").hub_table.rowCount() > 0
