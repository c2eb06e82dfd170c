"""What the panels tell a planner: a referral with no facility to send samples from, a lab
capacity nobody entered, and a test no facility can do, each in the planner's words."""

from __future__ import annotations

import pytest
from helpers import (
    TIMEOUT_MS,
    choose,
    click,
    open_window,
    set_capability,
    show_dock,
    untick_every_lab,
)

from ccgeo.gui.main_window import MainWindow

pytestmark = pytest.mark.gui


def _cells(table, column: int) -> list[str]:
    return [table.item(row, column).text() for row in range(table.rowCount())]


def _run_capacity(qtbot, window: MainWindow, method: str) -> str:
    panel = show_dock(qtbot, window, "capacity")
    choose(qtbot, panel.method, method)
    with qtbot.waitSignal(panel.finished, timeout=TIMEOUT_MS):
        click(qtbot, panel.runbox.run_button)
    return panel.summary.text()


def test_a_capacity_nobody_entered_reads_unknown(qtbot, tiny_project) -> None:
    """The tiny city's labs have no capacity: no share of it is "0 %"."""
    window = open_window(qtbot, tiny_project)
    assert tiny_project.facilities.gdf["capacity_tests_per_year"].isna().all()
    for method in ("2sfca", "coverage"):
        summary = _run_capacity(qtbot, window, method)
        assert "unknown" in summary, summary
        assert " 0 %" not in summary, summary
        assert "0.0 %" not in summary, summary
    labs = show_dock(qtbot, window, "capacity").labs
    headers = [labs.horizontalHeaderItem(i).text() for i in range(labs.columnCount())]
    assert set(_cells(labs, headers.index("Capacity used"))) == {"unknown"}

    referral = show_dock(qtbot, window, "referral")
    with qtbot.waitSignal(window.planning.referralFinished, timeout=TIMEOUT_MS):
        click(qtbot, referral.runbox.run_button)
    assert set(_cells(referral.hubs, 5)) == {"unknown"}  # capacity a year
    assert set(_cells(referral.hubs, 6)) == {"unknown"}  # utilisation


def test_a_referral_with_no_facility_to_send_samples_says_what_to_mark(qtbot, tiny_project) -> None:
    window = open_window(qtbot, tiny_project)
    # Clínica Sur is the only facility that takes biopsies and is no IHC hub
    set_capability(qtbot, window, "F3", "biopsy", False)
    referral = show_dock(qtbot, window, "referral")
    with qtbot.waitSignal(window.planning.referralEnded, timeout=TIMEOUT_MS):
        click(qtbot, referral.runbox.run_button)
    error = referral.runbox.error
    assert error.isVisible()
    text = error.text()
    assert "`" not in text, text
    assert "spokes" not in text, text
    assert "biopsies" in text
    assert "Attribute table" in text


def test_a_test_no_facility_can_do_is_said_before_running(qtbot, tiny_project) -> None:
    window = open_window(qtbot, tiny_project)
    panel = show_dock(qtbot, window, "analysis")
    assert not panel.warning.isVisible()
    choose(qtbot, panel.capability, "flow")  # no facility of the tiny city does flow cytometry
    assert panel.warning.isVisible()
    assert panel.warning.text() == (
        "No facility can do FLOW: choose another test or quality, or upgrade a facility."
    )
    choose(qtbot, panel.capability, "pcr")
    assert not panel.warning.isVisible()
    choose(qtbot, panel.quality, "accredited")
    assert panel.warning.text().startswith(
        "No facility can do PCR with the quality filter 'accredited' (2 of 3 facilities do PCR"
    )
    choose(qtbot, panel.quality, "any")
    assert not panel.warning.isVisible()

    # the labs lose PCR in the attribute table: Run says so, and runs (to place hubs on)
    untick_every_lab(qtbot, window, "pcr")
    panel = show_dock(qtbot, window, "analysis")
    with qtbot.waitSignal(window.analysis.runFinished, timeout=TIMEOUT_MS):
        click(qtbot, panel.run_button)
    assert panel.warning.isVisible()
    assert panel.warning.text().startswith("No facility can do PCR: ")
