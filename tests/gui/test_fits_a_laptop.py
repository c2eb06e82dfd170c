"""Every panel and dialog is usable on a 1366×768 laptop, as a person opens them: the window
keeps the size of the screen, no widget lies on another, every button is in sight (the panel
scrolled to it), no label is cut off. Panels close and come back (View ▸ Panels), View ▸ Reset
layout puts them all back, and a layout saved on a bigger screen opens on the laptop."""

from __future__ import annotations

from pathlib import Path

import pytest
from fits import SCREEN, elided_tabs, fit_problems
from helpers import (
    TIMEOUT_MS,
    WINDOW_SIZE,
    activate,
    choose_in_menu,
    click,
    click_map,
    layer_row_menu,
    open_window,
    reopen,
    run_by_click,
    run_siting_and_referral,
    save_as,
    show_dock,
    show_tab,
    type_into,
    use_menu,
)
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QTabWidget, QWidget, QWizard

from ccgeo.gui.dialogs.import_wizard import ImportWizard
from ccgeo.gui.main_window import MainWindow

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]
MESSY = ROOT / "layers" / "demo" / "demo_facilities_messy.csv"


def panels_entry(window: MainWindow, key: str) -> str:
    """The entry of View ▸ Panels that shows or hides the dock ``key``."""
    return window.docks[key].toggleViewAction().text().replace("&", "")


def open_dock(qtbot, window: MainWindow, key: str) -> QDockWidget:
    """Open the dock ``key`` as a person does: View ▸ Panels ▸ its entry when it is closed,
    then a click on its tab when it shares the place with others."""
    dock = window.docks[key]
    if dock.isHidden():
        use_menu(qtbot, window, "View", "Panels", panels_entry(window, key))
        qtbot.waitUntil(dock.isVisible, timeout=2_000)
    show_dock(qtbot, window, key)
    return dock


def dock_problems(qtbot, window: MainWindow, key: str) -> list[str]:
    """What is wrong with the dock ``key`` on the laptop, on each page of its tabs too."""
    dock = open_dock(qtbot, window, key)
    problems = fit_problems(dock)
    for tabs in dock.findChildren(QTabWidget):
        if not tabs.isVisible():
            continue
        for i in range(tabs.count()):
            show_tab(qtbot, tabs, tabs.widget(i))
            problems += [f"{tabs.tabText(i)}: {p}" for p in fit_problems(dock)]
    return [f"{key}: {p}" for p in problems]


def every_dock_problems(qtbot, window: MainWindow) -> list[str]:
    problems = elided_tabs(window)
    for key in window.docks:
        problems += dock_problems(qtbot, window, key)
        assert window.size().width() <= SCREEN[0], f"{key} made the window wider"
        assert window.size().height() <= SCREEN[1], f"{key} made the window taller"
    return problems


def run_plans(qtbot, window: MainWindow) -> None:
    """Fill the panels: the analysis, a siting, a referral, the lab capacity and an Identify."""
    run_by_click(qtbot, window)
    run_siting_and_referral(qtbot, window)
    capacity = show_dock(qtbot, window, "capacity")
    with qtbot.waitSignal(capacity.finished, timeout=TIMEOUT_MS):
        click(qtbot, capacity.runbox.run_button)
    window.data_tools.act_identify.trigger()
    lab = window.project.facilities.gdf.geometry.iloc[0]
    click_map(window, lab.x, lab.y)
    qtbot.waitUntil(window.docks["identify"].isVisible, timeout=2_000)


def test_every_panel_fits_a_laptop_before_a_project(qtbot) -> None:
    window = open_window(qtbot)
    assert (window.width(), window.height()) == WINDOW_SIZE
    assert every_dock_problems(qtbot, window) == []
    assert (window.width(), window.height()) == WINDOW_SIZE


def test_every_panel_fits_a_laptop_with_its_results(qtbot, demo_window: MainWindow) -> None:
    window = demo_window
    assert (window.width(), window.height()) == WINDOW_SIZE  # once 1366×836: docks too tall
    run_plans(qtbot, window)
    assert every_dock_problems(qtbot, window) == []
    assert (window.width(), window.height()) == WINDOW_SIZE


def test_the_attribute_table_does_not_grow_the_window(qtbot, demo_window: MainWindow) -> None:
    window = demo_window
    use_menu(qtbot, window, "Layer", "Attribute table")
    dock = window.docks["attributes"]
    qtbot.waitUntil(dock.isVisible, timeout=2_000)
    assert (window.width(), window.height()) == WINDOW_SIZE  # once 1,127 px tall
    assert dock_problems(qtbot, window, "attributes") == []


# -- dialogs ---------------------------------------------------------------------------------


def dialog_problems(qtbot, dialog: QWidget, name: str) -> list[str]:
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    activate(qtbot, dialog)
    return [f"{name}: {p}" for p in fit_problems(dialog)]


def close_dialog(qtbot, window: MainWindow, dialog: QWidget) -> None:
    """Esc closes the dialog, as a person does."""
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    activate(qtbot, window)


def wizard_problems(qtbot, window: MainWindow) -> list[str]:
    """The facility import wizard at each of its steps, the demo's messy file chosen."""
    use_menu(qtbot, window, "File", "Import", "Facilities…")
    wizard = window.data_tools.wizard
    problems = dialog_problems(qtbot, wizard, "import wizard, file")
    if MESSY.is_file():
        type_into(qtbot, wizard.file_page.path_edit, str(MESSY), enter=False)
        qtbot.keyClick(wizard.file_page.path_edit, Qt.Key.Key_Tab)
        for step, name in ((ImportWizard.MAPPING, "columns"), (ImportWizard.VALIDATION, "check")):
            click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
            qtbot.waitUntil(lambda step=step: wizard.currentId() == step, timeout=15_000)
            problems += dialog_problems(qtbot, wizard, f"import wizard, {name}")
        qtbot.waitUntil(wizard.validation_page.progress.isHidden, timeout=15_000)
        problems += dialog_problems(qtbot, wizard, "import wizard, checked")
    close_dialog(qtbot, window, wizard)
    return problems


def test_every_dialog_fits_a_laptop(qtbot, demo_window: MainWindow) -> None:
    window = demo_window
    outputs = window.outputs
    menus = [
        (("File", "Project properties…"), lambda: window.properties.dialog),
        *(
            (("File", "Import", entry), lambda: window.data_tools.layer_dialog)
            for entry in ("Roads…", "Population…", "Districts…")
        ),
        *(
            (("File", "Export", outputs.actions[k].text().replace("&", "")), lambda: outputs.dialog)
            for k in ("html", "pdf", "data")
        ),
        (("File", "Print report…"), lambda: outputs.dialog),
        (("Help", "User guide"), lambda: window.help.dialog),
        (("Help", "Methods and assumptions"), lambda: window.help.dialog),
    ]
    problems = []
    for path, dialog_of in menus:
        use_menu(qtbot, window, *path)
        dialog = dialog_of()
        problems += dialog_problems(qtbot, dialog, " ▸ ".join(path))
        close_dialog(qtbot, window, dialog)
    choose_in_menu(qtbot, layer_row_menu(qtbot, window, "Facilities"), "Style…")
    style = window.layer_panel.style_dialog
    problems += dialog_problems(qtbot, style, "Style of Facilities")
    close_dialog(qtbot, window, style)
    problems += wizard_problems(qtbot, window)
    assert problems == []
    assert (window.width(), window.height()) == WINDOW_SIZE


# -- closing, resetting and saving the layout ------------------------------------------------


def arrangement(window: MainWindow) -> dict[str, tuple]:
    """Where each dock is: shown, floating, its side of the window, and the docks it shares a
    place with."""
    return {
        key: (
            not dock.isHidden(),
            dock.isFloating(),
            window.dockWidgetArea(dock),
            sorted(d.objectName() for d in window.tabifiedDockWidgets(dock)),
        )
        for key, dock in window.docks.items()
    }


def test_panels_close_come_back_and_reset(qtbot, demo_window: MainWindow) -> None:
    window = demo_window
    placed = arrangement(window)
    # close the Analysis panel and bring it back from View ▸ Panels
    use_menu(qtbot, window, "View", "Panels", panels_entry(window, "analysis"))
    assert window.docks["analysis"].isHidden()
    open_dock(qtbot, window, "analysis")
    assert not window.docks["analysis"].isHidden()
    # disarrange: close two, float one, open the attribute table
    for key in ("scenarios", "layers"):
        use_menu(qtbot, window, "View", "Panels", panels_entry(window, key))
    window.docks["results"].setFloating(True)
    use_menu(qtbot, window, "Layer", "Attribute table")
    assert arrangement(window) != placed
    use_menu(qtbot, window, "View", "Reset layout")
    assert arrangement(window) == placed
    assert (window.width(), window.height()) == WINDOW_SIZE
    assert dock_problems(qtbot, window, "results") == []


def test_a_layout_saved_on_a_big_screen_opens_on_a_laptop(
    qtbot, demo_window: MainWindow, tmp_path, monkeypatch
) -> None:
    window = demo_window
    window.resize(1920, 1200)
    use_menu(qtbot, window, "Layer", "Attribute table")
    attributes = window.docks["attributes"]
    window.resizeDocks([attributes], [700], Qt.Orientation.Vertical)
    identify = open_dock(qtbot, window, "identify")
    identify.setFloating(True)
    identify.setGeometry(1500, 900, 500, 600)
    qtbot.waitUntil(lambda: attributes.height() > 500, timeout=2_000)
    save_as(qtbot, window, tmp_path / "big screen.ccgeo", monkeypatch)

    again = reopen(qtbot, tmp_path / "big screen.ccgeo", monkeypatch)
    assert (again.width(), again.height()) == WINDOW_SIZE
    assert not again.docks["attributes"].isHidden()
    floating = again.docks["identify"]
    assert floating.isFloating()
    screen = (again.screen() or QApplication.primaryScreen()).availableGeometry()
    assert screen.contains(QRect(floating.geometry()))
    assert dock_problems(qtbot, again, "attributes") == []
    assert dock_problems(qtbot, again, "analysis") == []


#: What a 1366×768 laptop leaves a window: a 40 px task bar and a 40 px title bar off.
LAPTOP_ROOM = (SCREEN[0], SCREEN[1] - 80)


def test_windows_open_no_taller_than_a_laptop_leaves_room_for(qtbot, demo_window) -> None:
    """On a real laptop the task bar and the title bar take their share: the import wizard,
    the help and a new main window open small enough that their buttons stay on screen."""
    window = demo_window
    use_menu(qtbot, window, "File", "Import", "Facilities…")
    wizard = window.data_tools.wizard
    qtbot.waitUntil(wizard.isVisible, timeout=5_000)
    sizes = {"import wizard": wizard.size()}  # once 980×720: its buttons under the task bar
    close_dialog(qtbot, window, wizard)
    use_menu(qtbot, window, "Help", "User guide")
    sizes["help"] = window.help.dialog.size()
    close_dialog(qtbot, window, window.help.dialog)
    for name, size in sizes.items():
        assert size.width() <= LAPTOP_ROOM[0], name
        assert size.height() <= LAPTOP_ROOM[1], name
    # a new main window takes what this screen leaves (once 1280×800 on any screen)
    fresh = MainWindow()
    qtbot.addWidget(fresh)
    fresh.show()
    qtbot.waitExposed(fresh)
    room = (fresh.screen() or QApplication.primaryScreen()).availableGeometry()
    assert fresh.width() <= room.width()
    assert fresh.height() <= room.height() - 40
    # and the wizard's steps need no more than that
    hint = wizard.minimumSizeHint()
    assert hint.width() <= LAPTOP_ROOM[0]
    assert hint.height() <= LAPTOP_ROOM[1]
