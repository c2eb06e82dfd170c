"""Analysis ▸ Load settings… and Save settings…: the TOML settings files the command line reads
with ``--settings``, so a workshop can share one set of settings between the app and ``ccgeo``.

Loading makes the file's values the project's settings of every analysis (the panels show them,
results go stale); saving writes what the panels show now.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from ccgeo.errors import CcgeoError
from ccgeo.gui.language import tr
from ccgeo.model.settings import SETTINGS_CLASSES, AccessSettings, LabSettings
from ccgeo.tasks.settings import read_settings_file, resolve, store_settings, write_settings_file

if TYPE_CHECKING:
    from ccgeo.gui.main_window import MainWindow


def _filter() -> str:
    """The file dialogs' filter, in the app's language."""
    return tr("Settings files (*.toml);;All files (*)")


def current_settings(window: MainWindow) -> list[LabSettings]:
    """The settings of every analysis as the panels show them now (the project's where a panel
    is missing)."""
    shown: dict[str, LabSettings] = {}
    for key in ("analysis", "capacity", "siting", "referral"):
        dock = window.docks.get(key)
        panel = dock.widget() if dock is not None else None
        if panel is not None and hasattr(panel, "settings"):
            settings = panel.settings()
            shown[settings.kind] = settings
    project = window.project
    return [
        shown.get(cls.kind) or resolve(cls, project=project).settings
        for cls in SETTINGS_CLASSES.values()
    ]


def load_settings(window: MainWindow, path: str | Path) -> None:
    """Make the settings of ``path`` the project's, for every analysis, and show them.

    Raises
    ------
    InputError
        When the file cannot be read or a value is refused (naming the file and the value).
    """
    project = window.project
    if project is None:
        return
    file = read_settings_file(path)
    for cls in SETTINGS_CLASSES.values():
        store_settings(project, resolve(cls, project=project, file=file).settings)
    window.set_modified(True)
    controller = getattr(window, "analysis", None)
    if controller is not None:
        controller.settings_loaded(resolve(AccessSettings, project=project).settings)
    name = Path(path).name
    window.say(lambda: tr("Settings loaded from {name}").format(name=name))


def install(window: MainWindow) -> None:
    """Add Analysis ▸ Load settings… and Save settings…."""

    def load() -> None:
        path, _ = QFileDialog.getOpenFileName(window, tr("Load analysis settings"), "", _filter())
        if not path:
            return
        try:
            load_settings(window, path)
        except CcgeoError as exc:
            window.show_error(tr("The settings were not loaded"), str(exc))

    def save() -> None:
        path, _ = QFileDialog.getSaveFileName(window, tr("Save analysis settings"), "", _filter())
        if not path:
            return
        target = Path(path) if Path(path).suffix else Path(path).with_suffix(".toml")
        try:
            write_settings_file(target, current_settings(window))
        except CcgeoError as exc:
            window.show_error(tr("The settings were not saved"), str(exc))
            return
        window.say(lambda: tr("Settings saved to {name}").format(name=target.name))

    act_load = QAction(tr("&Load settings…"), window)
    act_load.setToolTip(
        tr("Use the settings of a file (TOML, as `ccgeo --settings` reads) for every analysis")
    )
    act_load.triggered.connect(load)
    act_save = QAction(tr("Sa&ve settings…"), window)
    act_save.setToolTip(
        tr(
            "Write the settings shown in the panels to a file that `ccgeo ... --settings FILE` "
            "reads"
        )
    )
    act_save.triggered.connect(save)
    for action in (act_load, act_save):
        action.setStatusTip(action.toolTip())
    menu = window.menus["analysis"]
    menu.addSeparator()
    menu.addActions([act_load, act_save])
    window.act_load_settings = act_load  # type: ignore[attr-defined]
    window.act_save_settings = act_save  # type: ignore[attr-defined]
