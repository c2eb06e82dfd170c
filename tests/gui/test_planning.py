"""The planning docks driven as a user would: site hubs by click, turn the proposal into a
scenario (live numbers, undo), plan the sample referral and see the routes by courier."""

from __future__ import annotations

import numpy as np
import pytest
from helpers import (
    TIMEOUT_MS,
    choose,
    click,
    click_cell,
    count_colour,
    reopen,
    save_as,
    show_dock,
    show_tab,
    tick,
    type_into,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter

from ccgeo.analysis.referral import load_referral_parameters, parameters_with, plan_referral
from ccgeo.analysis.siting import site_hubs
from ccgeo.errors import InputError
from ccgeo.gui.main_window import MainWindow
from ccgeo.gui.panels.siting import proposal_scenario, proposed_hub_points
from ccgeo.labels import format_share
from ccgeo.model.settings import AccessSettings, ReferralSettings, SitingSettings, Travel
from ccgeo.render.planning_layers import ProposedHubsLayer, ReferralLayer, courier_colors
from ccgeo.styles import COURIER_COLORS, HUB_STYLE


def open_siting(window: MainWindow):
    """Analysis ▸ Site new hubs… (F7): the dock comes to the front."""
    window.act_site_hubs.trigger()
    dock = window.docks["siting"]
    assert dock.isVisible()
    assert not dock.visibleRegion().isEmpty()
    return dock.widget()


def open_referral(window: MainWindow):
    """Analysis ▸ Sample referral… (F8): the dock comes to the front."""
    window.act_referral.trigger()
    dock = window.docks["referral"]
    assert dock.isVisible()
    assert not dock.visibleRegion().isEmpty()
    return dock.widget()


def run_analysis(qtbot, window: MainWindow) -> None:
    """Click Run in the Analysis panel (the demo's walking settings) and wait for the map."""
    panel = show_dock(qtbot, window, "analysis")
    with qtbot.waitSignal(window.analysis.settled, timeout=TIMEOUT_MS):
        click(qtbot, panel.run_button)


def run_siting(qtbot, window: MainWindow) -> None:
    panel = open_siting(window)
    with qtbot.waitSignal(window.planning.sitingFinished, timeout=TIMEOUT_MS):
        click(qtbot, panel.runbox.run_button)


def layer_image(window: MainWindow, layer) -> QImage:
    """``layer`` alone, drawn on white in the canvas' current view."""
    view = window.canvas.view
    image = QImage(view.width_px, view.height_px, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        layer.paint(painter, view)
    finally:
        painter.end()
    return image


# -- pure helpers --------------------------------------------------------------------------------


def test_courier_colours_follow_the_sorted_names_and_repeat() -> None:
    names = [*(f"H{i:02d}/c1" for i in range(11, -1, -1)), None, "", "nan"]
    colors = courier_colors(names)
    assert list(colors) == sorted(f"H{i:02d}/c1" for i in range(12))
    assert colors["H00/c1"] == COURIER_COLORS[0]
    assert colors["H01/c1"] == COURIER_COLORS[1]
    assert colors[f"H{len(COURIER_COLORS):02d}/c1"] == COURIER_COLORS[0]


def test_courier_parameters_checks_the_clock_and_keeps_the_rest() -> None:
    base = load_referral_parameters()
    params = parameters_with(
        base,
        ReferralSettings(
            courier_mode="car",
            couriers_per_hub=3,
            shift_start="07:00",
            shift_end="15:00",
            latest_pickup="13:00",
        ),
    )
    assert (params.courier_mode, params.couriers_per_hub) == ("car", 3)
    assert params.latest_pickup_s == 13 * 3600
    assert params.specimens == base.specimens
    with pytest.raises(InputError, match=r"last pick-up is at 18:00 and the shift ends at 17:00"):
        parameters_with(
            base,
            ReferralSettings(
                courier_mode="motorbike",
                couriers_per_hub=2,
                shift_start="08:00",
                shift_end="17:00",
                latest_pickup="18:00",
            ),
        )


def test_proposal_scenario_turns_sites_into_hubs_and_upgrades(tiny_project) -> None:
    settings = AccessSettings(
        capability="pcr", travel=Travel(mode="car"), thresholds_minutes=(30, 120)
    )
    result = site_hubs(
        tiny_project.network("car"),
        tiny_project.demand,
        tiny_project.facilities,
        SitingSettings(
            capability="pcr",
            hubs=2,
            minutes=3,
            sources=("upgrade", "grid"),
            grid_spacing_m=500.0,
            curve_hubs=2,
        ),
    )
    assert len(result.hubs) == 2
    scenario = proposal_scenario(result, settings, name="  Two hubs ")
    assert scenario.name == "Two hubs"
    upgrades = set(result.hubs.loc[result.hubs["kind"] == "upgrade", "candidate_id"])
    assert set(scenario.upgrades) == upgrades
    assert all(caps == ("pcr",) for caps in scenario.upgrades.values())
    new = result.hubs[result.hubs["kind"] != "upgrade"]
    assert len(scenario.added_hubs) == len(new)
    for hub, row in zip(scenario.added_hubs, new.itertuples(), strict=True):
        assert (hub["lon"], hub["lat"]) == pytest.approx((row.geometry.x, row.geometry.y))
        assert hub["capabilities"] == ["pcr"]
    # the siting limit joins the thresholds, so the scenario shows the proposal's gain
    assert scenario.settings["thresholds_minutes"] == [3.0, 30.0, 120.0]
    assert scenario.settings["mode"] == "car"
    points = proposed_hub_points(result)
    assert points["facility_id"].tolist() == list(result.chosen_ids)
    assert points.crs.to_epsg() == 4326
    with pytest.raises(InputError, match="needs a name"):
        proposal_scenario(result, settings, name=" ")


def test_proposed_hubs_layer_draws_numbered_stars(qtbot, tiny_project) -> None:
    from ccgeo.render.build import map_crs
    from ccgeo.render.view import ViewTransform

    result = site_hubs(
        tiny_project.network("car"),
        tiny_project.demand,
        tiny_project.facilities,
        SitingSettings(capability="pcr", hubs=1, minutes=3, sources=("upgrade",), curve_hubs=1),
    )
    crs = map_crs(tiny_project)
    layer = ProposedHubsLayer(result.hubs, crs)
    assert layer.extent is not None
    x, y = layer.hub_xy(1)
    view = ViewTransform.fit((x - 500, y - 500, x + 500, y + 500), 200, 200)
    image = QImage(200, 200, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    layer.paint(painter, view)
    painter.end()
    assert count_colour(image, HUB_STYLE.fill, tolerance=12) > 60
    assert layer.legend()[0].symbol == "star"
    assert "(1)" in layer.legend()[0].label


# -- the app -------------------------------------------------------------------------------------


def assert_three_hubs_on_the_map(qtbot, window: MainWindow, table) -> None:
    """The proposed hubs are on the map, above the facilities, drawn as stars; clicking the
    second row of the hub table centres the map on the second hub."""
    layers = window.canvas.layers
    hubs_layer = next(layer for layer in layers if isinstance(layer, ProposedHubsLayer))
    kinds = [layer.kind for layer in layers]
    assert kinds.index("proposed_hubs") > kinds.index("facilities")
    assert len(hubs_layer.xy) == 3
    assert count_colour(layer_image(window, hubs_layer), HUB_STYLE.fill, tolerance=12) > 100
    click_cell(qtbot, table, 1, 0)
    x, y = hubs_layer.hub_xy(2)
    assert window.canvas.view.center_x == pytest.approx(x, abs=1.0)
    assert window.canvas.view.center_y == pytest.approx(y, abs=1.0)
    assert hubs_layer.highlighted == 2


def test_site_hubs_by_click_matches_site_hubs_and_becomes_an_undoable_scenario(
    qtbot, demo_window: MainWindow
) -> None:
    window = demo_window
    panel = open_siting(window)
    assert panel.model.currentData() == "mclp"
    type_into(qtbot, panel.hubs, "3")
    type_into(qtbot, panel.minutes, "60")
    assert panel.use_upgrade.isChecked()
    assert "PCR" in panel.analysis_line.text()
    assert "walking" in panel.analysis_line.text()
    run_siting(qtbot, window)

    project = window.project
    direct = site_hubs(
        project.network("walk"),
        project.demand,
        project.facilities,
        SitingSettings(
            capability="pcr",
            quality="any",
            travel=Travel(mode="walk"),
            model="mclp",
            hubs=3,
            minutes=60,
            sources=("upgrade",),
        ),
        districts=project.districts,
    )
    table = panel.hub_table
    assert table.rowCount() == 3
    ranks = [int(table.item(i, 0).text()) for i in range(3)]
    assert ranks == [1, 2, 3]
    gains = [float(table.item(i, 1).data(Qt.ItemDataRole.UserRole)) for i in range(3)]
    np.testing.assert_allclose(gains, direct.marginal_gains, rtol=1e-9)
    assert table.item(0, 1).text() == f"adds {direct.marginal_gains[0]:,.0f} people within 60 min"
    assert [table.item(i, 3).text().split(" (")[-1][:-1] for i in range(3)] == list(
        direct.chosen_ids
    )
    assert panel.solver.text().startswith("Solver: exact MILP (HiGHS), proven optimal")
    assert len(panel.chart.values) == 1 + len(direct.curve)
    assert panel.chart.values[0] == pytest.approx(direct.totals["share_before"])
    assert panel.district_table.rowCount() == len(direct.districts)
    assert_three_hubs_on_the_map(qtbot, window, table)

    # the proposal as a scenario: the live coverage rises by the proposal's gain
    run_analysis(qtbot, window)
    ws = window.analysis.workspace
    before = ws.delta().set_index("threshold_min").loc[60.0, "covered"]
    panel = show_dock(qtbot, window, "siting")
    type_into(qtbot, panel.scenario_name, "Three PCR upgrades", enter=False)
    with qtbot.waitSignal(window.analysis.settled, timeout=TIMEOUT_MS):
        click(qtbot, panel.make_button)
    assert set(ws.upgrades) == set(direct.chosen_ids)
    gained = ws.delta().set_index("threshold_min").loc[60.0, "gained"]
    assert gained == pytest.approx(direct.objective, rel=1e-6)
    assert "+" in window.docks["results"].widget().headline.text()
    assert [s.name for s in project.scenarios] == ["Three PCR upgrades"]
    saved = project.scenarios[0]
    assert set(saved.upgrades) == set(direct.chosen_ids)
    assert window.is_modified
    scenarios_panel = window.docks["scenarios"].widget()
    assert scenarios_panel.list.count() == 1
    # one undo takes the whole proposal back
    with qtbot.waitSignal(window.analysis.settled, timeout=TIMEOUT_MS):
        window.act_undo.trigger()
    assert not ws.has_edits
    covered = ws.delta().set_index("threshold_min").loc[60.0, "covered"]
    assert covered == pytest.approx(before)
    assert [s.name for s in project.scenarios] == ["Three PCR upgrades"]


def test_cancel_siting_keeps_no_proposal(qtbot, demo_window: MainWindow) -> None:
    window = demo_window
    panel = open_siting(window)
    tick(qtbot, panel.use_grid)
    with qtbot.waitSignal(window.planning.sitingEnded, timeout=TIMEOUT_MS) as blocker:
        click(qtbot, panel.runbox.run_button)
        assert panel.runbox.cancel_button.isEnabled()
        click(qtbot, panel.runbox.cancel_button)
    qtbot.waitUntil(window.progress_bar.isHidden, timeout=TIMEOUT_MS)
    assert blocker.args == ["Cancelled"]
    assert window.planning.siting_result is None
    assert panel.runbox.state.text().startswith("Cancelled")
    assert panel.runbox.run_button.isEnabled()
    assert not panel.make_button.isEnabled()
    assert not any(isinstance(layer, ProposedHubsLayer) for layer in window.canvas.layers)


def test_siting_errors_are_shown_as_text(qtbot, demo_window: MainWindow) -> None:
    window = demo_window
    panel = open_siting(window)
    tick(qtbot, panel.use_upgrade, False)
    tick(qtbot, panel.use_user)
    with qtbot.waitSignal(window.planning.sitingEnded, timeout=TIMEOUT_MS):
        click(qtbot, panel.runbox.run_button)
    error = panel.runbox.error
    assert not error.isHidden()
    assert "no candidate hub is placed" in error.text()
    assert "Traceback" not in error.text()
    # without a proposal, making a scenario (Enter in its name) explains itself
    assert not panel.make_button.isEnabled()
    type_into(qtbot, panel.scenario_name, "Nothing yet")
    assert window.project.scenarios == []
    assert "run the siting first" in panel.message.text()


def test_referral_by_click_draws_routes_by_courier(qtbot, demo_window: MainWindow) -> None:
    window = demo_window
    panel = open_referral(window)
    assert panel.capability.currentData() == "pcr"
    assert panel.couriers.value() == load_referral_parameters().couriers_per_hub
    assert not panel.include_proposed.isEnabled()
    with qtbot.waitSignal(window.planning.referralFinished, timeout=TIMEOUT_MS):
        click(qtbot, panel.runbox.run_button)
    project = window.project
    params = load_referral_parameters()
    direct = plan_referral(
        project.network(params.courier_mode),
        project.facilities,
        ReferralSettings(capability="pcr", travel=Travel(mode="walk")),
        params=params,
        patient_net=project.network("walk"),
        demand=project.demand,
    )
    assert panel.spokes.rowCount() == len(direct.spokes)
    assert panel.hubs.rowCount() == len(direct.hubs)
    shown = {
        panel.spokes.item(i, 0).data(Qt.ItemDataRole.UserRole) for i in range(len(direct.spokes))
    }
    assert shown == set(direct.spokes["facility_id"])
    share = direct.summary["share_meeting_target"]
    assert f"{format_share(share)} of {len(direct.spokes)} spokes" in panel.summary.text()

    layer = next(item for item in window.canvas.layers if isinstance(item, ReferralLayer))
    assert layer.visible
    kinds = [item.kind for item in window.canvas.layers]
    assert kinds.index("referral") < kinds.index("facilities")
    window.canvas.zoom_to_extent(layer.extent)
    image = layer_image(window, layer)
    drawn = [c for c in layer.colors.values() if count_colour(image, c, tolerance=4) > 50]
    assert len(drawn) > 1
    assert set(drawn) <= set(COURIER_COLORS)
    couriers = {str(c) for c in direct.routes["courier"] if c}
    assert set(layer.colors) == couriers | {str(c) for c in direct.loops["courier"] if c}
    assert [e.label for e in layer.legend()][: len(layer.colors)] == [
        f"Courier {c}" for c in sorted(layer.colors)
    ]

    # selecting a spoke frames its route and highlights it
    row = 4
    fid = panel.spokes.item(row, 0).data(Qt.ItemDataRole.UserRole)
    show_tab(qtbot, panel.tabs, panel.spokes)
    click_cell(qtbot, panel.spokes, row, 0)
    assert layer.highlighted == fid
    xmin, ymin, xmax, ymax = layer.route_extent(fid)
    vx0, vy0, vx1, vy1 = window.canvas.view.extent()
    assert vx0 <= xmin
    assert vy0 <= ymin
    assert vx1 >= xmax
    assert vy1 >= ymax
    span = max(xmax - xmin, ymax - ymin, 500.0)
    assert min(vx1 - vx0, vy1 - vy0) <= 3.0 * span


def test_referral_with_the_proposed_hubs(qtbot, demo_window: MainWindow) -> None:
    window = demo_window
    siting = open_siting(window)
    type_into(qtbot, siting.hubs, "2")
    run_siting(qtbot, window)
    chosen = set(window.planning.siting_result.chosen_ids)
    panel = open_referral(window)
    assert panel.include_proposed.isEnabled()
    assert "2 proposed PCR hubs" in panel.include_proposed.text()
    tick(qtbot, panel.include_proposed)
    # proposed PCR hubs cannot serve an IHC referral: said, and nothing runs
    choose(qtbot, panel.capability, "ihc")
    click(qtbot, panel.runbox.run_button)
    assert "sited for PCR, not IHC" in panel.runbox.error.text()
    assert window.planning.referral_worker is None
    choose(qtbot, panel.capability, "pcr")
    with qtbot.waitSignal(window.planning.referralFinished, timeout=TIMEOUT_MS):
        click(qtbot, panel.runbox.run_button)
    hubs = window.planning.referral_result.hubs
    assert set(hubs.loc[hubs["proposed"], "facility_id"]) == chosen
    # an upgraded facility is a hub now, no longer a spoke
    assert not chosen & set(window.planning.referral_result.spokes["facility_id"])
    proposed_rows = [
        i for i in range(panel.hubs.rowCount()) if panel.hubs.item(i, 1).text() == "yes"
    ]
    assert len(proposed_rows) == len(chosen)


def test_a_new_project_clears_the_plans(qtbot, demo_window: MainWindow) -> None:
    window = demo_window
    run_siting(qtbot, window)
    assert window.planning.siting_result is not None
    with qtbot.waitSignal(window.projectLoaded, timeout=TIMEOUT_MS):
        window.act_new.trigger()  # File ▸ New project
    panel = window.docks["siting"].widget()
    assert window.planning.siting_result is None
    assert panel.hub_table.rowCount() == 0
    assert panel.summary.text() == "No proposal yet."
    assert not panel.make_button.isEnabled()
    assert not any(isinstance(layer, ProposedHubsLayer) for layer in window.canvas.layers)


def test_siting_capacity_and_referral_settings_are_kept_with_the_project(
    qtbot, demo_window: MainWindow, tmp_path, monkeypatch
) -> None:
    window = demo_window
    siting = open_siting(window)
    choose(qtbot, siting.model, "lscp")
    type_into(qtbot, siting.minutes, "45")
    type_into(qtbot, siting.target, "70")
    with qtbot.waitSignal(window.planning.sitingFinished, timeout=TIMEOUT_MS):
        click(qtbot, siting.runbox.run_button)
    capacity = show_dock(qtbot, window, "capacity")
    choose(qtbot, capacity.method, "coverage")
    type_into(qtbot, capacity.minutes, "40")
    choose(qtbot, capacity.order, "time")
    with qtbot.waitSignal(capacity.finished, timeout=TIMEOUT_MS):
        click(qtbot, capacity.runbox.run_button)
    referral = open_referral(window)
    choose(qtbot, referral.courier_mode, "car")
    type_into(qtbot, referral.couriers, "3")
    type_into(qtbot, referral.shift_start, "07:00")
    type_into(qtbot, referral.shift_end, "15:30")
    type_into(qtbot, referral.latest_pickup, "13:15")
    with qtbot.waitSignal(window.planning.referralFinished, timeout=TIMEOUT_MS):
        click(qtbot, referral.runbox.run_button)

    # each run kept its settings in the project
    saved = window.project.settings
    assert (saved["siting"]["model"], saved["siting"]["target_share"]) == ("lscp", 0.7)
    assert saved["siting"]["minutes"] == 45.0
    assert (saved["capacity"]["method"], saved["capacity"]["order"]) == ("coverage", "time")
    assert saved["capacity"]["minutes"] == 40.0
    assert (saved["referral"]["courier_mode"], saved["referral"]["couriers_per_hub"]) == ("car", 3)
    assert (saved["referral"]["shift_start"], saved["referral"]["shift_end"]) == ("07:00", "15:30")
    assert saved["referral"]["latest_pickup"] == "13:15"
    assert window.is_modified

    # File ▸ Save As, then File ▸ Open in another window: the panels show them again
    target = tmp_path / "planned.ccgeo"
    save_as(qtbot, window, target, monkeypatch)
    again = reopen(qtbot, target, monkeypatch)
    siting = again.docks["siting"].widget()
    assert siting.model.currentData() == "lscp"
    assert (siting.target.value(), siting.minutes.value()) == (70.0, 45.0)
    assert again.planning.stored_siting() == window.planning.siting_settings
    capacity = again.docks["capacity"].widget()
    assert capacity.method.currentData() == "coverage"
    assert capacity.minutes.value() == 40.0
    assert capacity.order.currentData() == "time"
    assert capacity.stored() == capacity.settings()
    referral = again.docks["referral"].widget()
    assert referral.courier_mode.currentData() == "car"
    assert referral.couriers.value() == 3
    shown = [t.time().toString("HH:mm") for t in (referral.shift_start, referral.shift_end)]
    assert shown == ["07:00", "15:30"]
    assert referral.latest_pickup.time().toString("HH:mm") == "13:15"
    assert referral.settings() == again.planning.stored_referral()
