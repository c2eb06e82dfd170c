"""The panels, dialogs and map tools that plug into the main window, installed in one place.

Each entry is a function ``install(window)`` that adds its docks (`MainWindow.add_dock`), menu
entries (`MainWindow.menus`) and toolbar actions, and connects to the window's signals
(``projectLoaded``, ``modifiedChanged``). Keeping the list here keeps `main_window` small.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ccgeo.gui.main_window import MainWindow

Installer = Callable[["MainWindow"], None]


def _installers() -> list[Installer]:
    # imported here so that a panel module may import main_window without a cycle
    from ccgeo.gui import diagnostics, keyboard, project_lock, settings_files, view_state
    from ccgeo.gui import help as help_menu
    from ccgeo.gui.dialogs import data_tools, outputs, preferences, project_properties
    from ccgeo.gui.panels import analysis, batch, capacity, compare, planning, progress

    return [
        data_tools.install,
        analysis.install,
        data_tools.link_analysis,  # Identify's travel times follow the analysis runs
        outputs.install,
        planning.install,
        capacity.install,
        batch.install,
        compare.install,
        progress.install,
        settings_files.install,
        help_menu.install,
        diagnostics.install,
        project_properties.install,
        preferences.install,
        keyboard.install,
        project_lock.install,
        # last: a project's saved view is restored once every panel has drawn its layers
        view_state.install,
    ]


def install_extensions(window: MainWindow) -> None:
    """Install every extension into ``window``, in order."""
    for install in _installers():
        install(window)
