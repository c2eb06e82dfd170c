"""Two scenarios on the map, from the Scenarios dock: side by side (a second map, views linked,
titled with the coverage) and as a difference map (who gains and who loses access)."""

from __future__ import annotations

import pytest
from helpers import (
    TIMEOUT_MS,
    choose,
    click,
    click_cell,
    count_colour,
    drag,
    pixel,
    place_hub,
    run_by_click,
    save_scenario,
    send_wheel,
    show_dock,
    show_scenarios_on_map,
)
from PySide6.QtGui import QColor

from ccgeo.gui.main_window import MainWindow
from ccgeo.labels import format_gain_loss, format_people
from ccgeo.styles import DIFFERENCE_COLORS, HALO

BASELINE = "Baseline (existing labs)"


@pytest.fixture
def one_hub(qtbot, demo_window: MainWindow) -> MainWindow:
    """The demo city analysed on foot, with the scenario "one hub" saved and the what-if reset."""
    window = demo_window
    run_by_click(qtbot, window)
    place_hub(qtbot, window, 0)
    save_scenario(qtbot, window, "one hub")
    with qtbot.waitSignal(window.analysis.settled, timeout=TIMEOUT_MS):
        window.act_undo.trigger()
    assert not window.analysis.workspace.has_edits
    return window


def _at(table, name: str, minutes: float = 60.0):
    rows = table[(table["scenario"] == name) & (table["threshold_min"] == minutes)]
    return rows.iloc[0]


def _changes_drawn(window: MainWindow) -> tuple[int, int]:
    """Pixels of the map in the colour of a gain, and of a loss."""
    image = window.canvas.grab().toImage()
    return tuple(count_colour(image, DIFFERENCE_COLORS[k], tolerance=20) for k in ("gain", "loss"))


def test_side_by_side_maps_follow_each_other_and_carry_their_numbers(
    qtbot, one_hub: MainWindow
) -> None:
    window = one_hub
    ws = window.analysis.workspace
    live = [layer for layer in window.canvas.layers if layer.kind == "catchments"]
    box = show_scenarios_on_map(qtbot, window, BASELINE, "one hub", "side", minutes=60)

    second = box.maps.side.canvas
    main = window.canvas
    assert second.isVisible()
    assert not second.visibleRegion().isEmpty()
    assert abs(second.width() - main.width()) <= 2  # the map area shared half and half
    assert second.view.m_per_px == main.view.m_per_px
    assert (second.view.center_x, second.view.center_y) == (main.view.center_x, main.view.center_y)
    # the numbers are those of the comparison table, at the threshold chosen
    table = ws.compare([window.project.scenarios[0]])
    a_title, b_title = box.maps.titles
    assert a_title[0] == f"A · {BASELINE}"
    assert b_title[0] == "B · one hub"
    assert format_people(_at(table, "baseline").covered) in a_title[1]
    assert format_people(_at(table, "one hub").covered) in b_title[1]
    gained = _at(table, "one hub").gained
    assert gained > 0
    assert b_title[2] == format_gain_loss(gained, 0, 60)
    assert format_gain_loss(gained, 0, 60) in box.numbers.text()
    # each map shows its own scenario: A the bands without the hub, B with it
    assert all(not layer.visible for layer in live)  # the live what-if steps aside
    assert [layer.name for layer in main.layers if layer.kind == "whatif" and layer.visible] == [
        f"A · {BASELINE}: hubs and upgrades"
    ]
    b_marks = [layer for layer in second.layers if layer.kind == "whatif"]
    assert len(b_marks) == 1
    assert len(b_marks[0].hub_xy) == 1
    # the titles are drawn at the top of both maps
    for canvas in (main, second):
        image = canvas.grab().toImage()
        assert pixel(image, 14, 14) == QColor(HALO)

    # zoom the main map: the second follows; drag the second: the main one follows
    send_wheel(main, (main.width() / 3, main.height() / 2), 2)
    assert second.view.m_per_px == pytest.approx(main.view.m_per_px)
    assert second.view.center_x == pytest.approx(main.view.center_x)
    drag(second, (200, 300), (320, 380))
    assert main.view.center_x == pytest.approx(second.view.center_x)
    assert main.view.center_y == pytest.approx(second.view.center_y)
    assert main.view.m_per_px == pytest.approx(second.view.m_per_px)

    # Close: one map again, the live what-if as it was
    with qtbot.waitSignal(box.closed, timeout=2_000):
        click(qtbot, box.close_button)
    assert not second.isVisible()
    assert all(layer.visible for layer in live)
    assert not [layer for layer in main.layers if layer.name.startswith("A · ")]


def test_difference_map_counts_who_gains_and_who_loses(qtbot, one_hub: MainWindow) -> None:
    window = one_hub
    ws = window.analysis.workspace
    table = ws.compare([window.project.scenarios[0]])
    gained = _at(table, "one hub").gained
    box = show_scenarios_on_map(qtbot, window, BASELINE, "one hub", "difference", minutes=60)
    layer = box.maps.difference_layer
    assert layer is not None
    assert layer in window.canvas.layers
    summary = format_gain_loss(gained, 0, 60)
    assert layer.key_lines()[1] == summary
    assert summary in box.numbers.text()
    labels = [entry.label for entry in layer.legend()]
    assert labels[0] == f"Gain access within 60 min: {format_people(gained)} people"
    assert labels[1] == "Lose access within 60 min: 0 people"
    gain_px, loss_px = _changes_drawn(window)
    assert gain_px > 200

    # the other way round: the same people lose access
    box = show_scenarios_on_map(qtbot, window, "one hub", BASELINE, "difference")
    layer = box.maps.difference_layer
    assert layer.key_lines()[1] == format_gain_loss(0, gained, 60)
    back_gain = count_colour(
        window.canvas.grab().toImage(), DIFFERENCE_COLORS["gain"], tolerance=20
    )
    back_loss = count_colour(
        window.canvas.grab().toImage(), DIFFERENCE_COLORS["loss"], tolerance=20
    )
    assert back_loss > 10 * max(loss_px, 1)
    assert gain_px > 10 * max(back_gain, 1)

    # another threshold counts again at once (no run)
    at30 = _at(table, "one hub", 30.0).gained
    choose(qtbot, box.threshold_combo, 30.0)
    assert layer.key_lines()[1] == format_gain_loss(0, at30, 30)
    assert format_gain_loss(0, at30, 30) in box.numbers.text()


def test_a_scenario_is_not_compared_with_itself(qtbot, one_hub: MainWindow) -> None:
    window = one_hub
    panel = show_dock(qtbot, window, "scenarios")
    box = panel.on_map
    assert (box.a_combo.currentText(), box.b_combo.currentText()) == (BASELINE, "one hub")
    choose(qtbot, box.b_combo, text=BASELINE)
    assert not box.side_button.isEnabled()
    assert not box.difference_button.isEnabled()
    # selecting the scenario in the list makes it B, against the baseline
    click_cell(qtbot, panel.list, 0)
    assert (box.a_combo.currentText(), box.b_combo.currentText()) == (BASELINE, "one hub")
    assert box.difference_button.isEnabled()
