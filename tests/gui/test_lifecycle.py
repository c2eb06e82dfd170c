"""Project life cycle of the main window: start-up, recent files, unsaved changes, autosave."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from helpers import open_window
from PySide6.QtWidgets import QMessageBox

from ccgeo import project as project_io
from ccgeo.gui import autosave, settings
from ccgeo.gui import main_window as mw
from ccgeo.gui.main_window import MainWindow
from ccgeo.project import open_project, save_project

pytestmark = pytest.mark.gui

Button = QMessageBox.StandardButton
#: The unsaved-changes prompt as the app has it (conftest answers Discard for other tests).
REAL_ASK_SAVE = mw.MainWindow.__dict__["ask_save_changes"]


@pytest.fixture
def fake_demo(monkeypatch, project_factory):
    """Replace the demo city by a tiny project (fast); records each load."""
    calls: list[str] = []

    def load_demo(*, progress=None, cancel=None):
        calls.append("demo")
        return project_factory("Demo stand-in")

    monkeypatch.setattr(mw, "load_demo", load_demo)
    return calls


@pytest.fixture
def questions(monkeypatch):
    """Answer `QMessageBox.question` from a list (default Cancel) and record what was asked."""
    asked: list[tuple[str, str, Button]] = []
    answers: list[Button] = []

    def question(_parent, title, text, buttons=Button.Yes | Button.No, default=Button.NoButton):
        asked.append((title, text, buttons))
        return answers.pop(0) if answers else Button.Cancel

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(MainWindow, "ask_save_changes", REAL_ASK_SAVE)
    return asked, answers


@pytest.fixture
def saved_file(tmp_path, project_factory) -> Path:
    path = tmp_path / "city.ccgeo"
    save_project(project_factory("Saved city"), path)
    return path


def new_window(qtbot, *, keep: bool = True) -> MainWindow:
    """A shown main window with no project (`helpers.open_window`), or with ``keep`` False one
    that the test "crashes": never shown nor closed, so no clean exit deletes its recovery."""
    if keep:
        return open_window(qtbot, quiet=False)
    return MainWindow()


def start(qtbot, win: MainWindow, path=None):
    with qtbot.waitSignal(win.projectLoaded, timeout=30_000) as loaded:
        win.start(path)
    return loaded.args[0]


def edit_facility_name(win: MainWindow, name: str) -> None:
    win.project.facilities.gdf.loc[0, "name"] = name
    win.set_modified(True)


def wait_saved(qtbot, win: MainWindow) -> None:
    qtbot.waitUntil(lambda: not win.is_modified and win.progress_bar.isHidden(), timeout=30_000)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- start-up and recent files -----------------------------------------------------------------
def test_first_start_opens_the_demo_city(qtbot, fake_demo):
    assert settings.last_project() is None
    win = new_window(qtbot)
    project = start(qtbot, win)
    assert fake_demo == ["demo"]
    assert project.name == "Demo stand-in"
    assert win.windowTitle() == "Demo stand-in — ccgeo"
    assert settings.recent_projects() == []  # the demo has no file


def test_opened_project_is_recent_and_opens_next_start(qtbot, fake_demo, saved_file):
    win = new_window(qtbot)
    project = start(qtbot, win, saved_file)
    assert project.name == "Saved city"
    assert settings.recent_projects() == [saved_file]
    assert settings.last_project() == saved_file
    recent = [a for a in win.menus["recent"].actions() if a.data()]
    assert [Path(a.data()) for a in recent] == [saved_file]
    assert recent[0].isEnabled()
    assert recent[0].toolTip() == f"Open {saved_file}"
    win.close()

    again = new_window(qtbot)
    project = start(qtbot, again)
    assert fake_demo == []
    assert Path(project.path) == saved_file
    assert again.windowTitle() == "Saved city — ccgeo"


def test_missing_last_project_is_reported_and_the_demo_opens(qtbot, fake_demo, tmp_path):
    gone = tmp_path / "moved-away.ccgeo"
    settings.add_recent_project(gone)
    win = new_window(qtbot)
    start(qtbot, win)
    assert fake_demo == ["demo"]
    assert "moved-away.ccgeo no longer exists" in win.message_label.text()
    assert settings.last_project() is None


def test_recent_menu_greys_missing_files_keeps_eight_and_clears(qtbot, tmp_path, project_factory):
    files = []
    for i in range(10):
        path = tmp_path / f"p{i}.ccgeo"
        if i != 8:
            path.write_bytes(b"")  # only existence matters to the menu
        settings.add_recent_project(path)
        files.append(path)
    win = new_window(qtbot)
    win.refresh_recent_menu()
    entries = [a for a in win.menus["recent"].actions() if a.data()]
    assert [Path(a.data()) for a in entries] == files[::-1][: settings.MAX_RECENT]
    missing = next(a for a in entries if Path(a.data()) == files[8])
    assert not missing.isEnabled()
    assert missing.text().endswith("(missing)")
    assert "no longer exists" in missing.toolTip()
    assert all(a.isEnabled() for a in entries if a is not missing)
    win.act_clear_recent.trigger()
    assert settings.recent_projects() == []
    assert not [a for a in win.menus["recent"].actions() if a.data()]
    assert not win.act_clear_recent.isEnabled()


def test_open_recent_opens_the_file(qtbot, saved_file, tiny_project):
    settings.add_recent_project(saved_file)
    win = new_window(qtbot)
    win.set_project(tiny_project)
    win.refresh_recent_menu()
    action = next(a for a in win.menus["recent"].actions() if a.data())
    with qtbot.waitSignal(win.projectLoaded, timeout=30_000) as loaded:
        action.trigger()
    assert loaded.args[0].name == "Saved city"


# -- unsaved changes ---------------------------------------------------------------------------
def test_new_with_unsaved_changes_asks_and_cancel_keeps_the_project(qtbot, questions, tiny_project):
    asked, answers = questions
    win = new_window(qtbot)
    win.set_project(tiny_project)
    edit_facility_name(win, "Edited")
    answers.append(Button.Cancel)
    win.act_new.trigger()
    title, text, buttons = asked[0]
    assert title == "Unsaved changes"
    assert "“Tiny city” has changes that are not saved" in text
    assert buttons == Button.Save | Button.Discard | Button.Cancel
    assert win.project is tiny_project
    assert win.is_modified
    assert win.windowTitle() == "*Tiny city — ccgeo"

    answers.append(Button.Discard)
    win.act_new.trigger()
    assert len(asked) == 2
    assert win.project.name == "Untitled project"
    assert win.project.facilities is None
    assert not win.is_modified
    assert win.windowTitle() == "Untitled project — ccgeo"


def test_save_answer_saves_first_then_starts_the_new_project(qtbot, questions, saved_file):
    asked, answers = questions
    win = new_window(qtbot)
    start(qtbot, win, saved_file)
    edit_facility_name(win, "Renamed lab")
    answers.append(Button.Save)
    win.act_new.trigger()
    qtbot.waitUntil(lambda: win.project.name == "Untitled project", timeout=30_000)
    assert len(asked) == 1
    assert open_project(saved_file).facilities.gdf.loc[0, "name"] == "Renamed lab"


def test_open_without_changes_does_not_ask(qtbot, questions, saved_file, tiny_project, monkeypatch):
    asked, _answers = questions
    win = new_window(qtbot)
    win.set_project(tiny_project)
    monkeypatch.setattr(mw.QFileDialog, "getOpenFileName", lambda *a, **k: (str(saved_file), ""))
    with qtbot.waitSignal(win.projectLoaded, timeout=30_000):
        win.act_open.trigger()
    assert asked == []
    assert win.project.name == "Saved city"


def test_closing_the_window_asks_cancel_keeps_it_open_save_closes_after_saving(
    qtbot, questions, saved_file
):
    asked, answers = questions
    win = new_window(qtbot)
    start(qtbot, win, saved_file)
    edit_facility_name(win, "Before closing")
    answers.append(Button.Cancel)
    assert win.close() is False
    assert win.isVisible()
    assert len(asked) == 1

    answers.append(Button.Save)
    win.act_quit.trigger()
    qtbot.waitUntil(lambda: not win.isVisible(), timeout=30_000)
    assert len(asked) == 2
    assert open_project(saved_file).facilities.gdf.loc[0, "name"] == "Before closing"


def test_close_project_leaves_an_empty_window(qtbot, tiny_project):
    win = new_window(qtbot)
    win.set_project(tiny_project)
    with qtbot.waitSignal(win.projectClosed, timeout=5_000):
        win.act_close_project.trigger()
    assert win.project is None
    assert win.canvas.layers == ()
    assert not win.act_save.isEnabled()
    assert not win.act_close_project.isEnabled()
    assert win.windowTitle() == "ccgeo"


def test_file_actions_have_shortcuts_and_tips(qtbot):
    win = new_window(qtbot)
    assert win.act_new.shortcut().toString() == "Ctrl+N"
    assert win.act_open.shortcut().toString() == "Ctrl+O"
    assert win.act_save.shortcut().toString() == "Ctrl+S"
    assert win.act_quit.shortcut().toString() == "Ctrl+Q"
    assert win.act_close_project.shortcut().toString() == "Ctrl+W"
    for action in (win.act_new, win.act_close_project, win.act_basemap_osm):
        assert action.toolTip()
        assert action.toolTip() != action.text().replace("&", "")
    file_menu = [a.text() for a in win.menus["file"].actions()]
    assert file_menu.index("&New project") < file_menu.index("Open &Recent")
    assert "A&utosave" in file_menu


# -- autosave and recovery ---------------------------------------------------------------------
def test_autosave_restores_after_a_crash_and_never_touches_the_saved_file(
    qtbot, questions, saved_file
):
    asked, answers = questions
    before = digest(saved_file)
    crashed = new_window(qtbot, keep=False)
    start(qtbot, crashed, saved_file)
    with qtbot.waitSignal(crashed.autosaver.saved, timeout=30_000) as written:
        # the debounced autosave after a burst of edits, not a direct call
        edit_facility_name(crashed, "Unsaved edit")
        crashed.project.facilities.gdf.loc[1, "name"] = "Second edit"
        crashed.set_modified(True)
    recovery = written.args[0]
    assert recovery.path.parent == settings.data_dir()
    assert recovery.path != saved_file
    assert digest(saved_file) == before  # autosave never writes over the user's file
    assert open_project(recovery.path).facilities.gdf.loc[1, "name"] == "Second edit"
    assert crashed.project.path == saved_file  # saving the snapshot left the project alone
    # The crash: no close event, no clean exit.
    crashed.hide()
    crashed.deleteLater()

    answers.append(Button.Yes)
    win = new_window(qtbot)
    project = start(qtbot, win)
    title, text, _buttons = asked[0]
    assert title == "Restore unsaved changes?"
    assert text.startswith("ccgeo closed unexpectedly: restore the unsaved changes to “Saved city”")
    assert f"from {recovery.when()}?" in text
    assert project.facilities.gdf.loc[0, "name"] == "Unsaved edit"
    assert Path(project.path) == saved_file
    assert win.is_modified
    assert win.windowTitle() == "*Saved city — ccgeo"
    assert "Restored the unsaved changes" in win.message_label.text()
    assert digest(saved_file) == before

    # A clean exit that discards the changes leaves nothing to recover.
    answers.append(Button.Discard)
    win.close()
    assert not recovery.path.exists()
    assert autosave.find_recovery(saved_file, settings.data_dir()) is None


def test_declined_recovery_is_deleted_and_the_saved_project_opens(qtbot, questions, saved_file):
    asked, answers = questions
    crashed = new_window(qtbot, keep=False)
    start(qtbot, crashed, saved_file)
    edit_facility_name(crashed, "Lost edit")
    worker = crashed.autosaver.autosave_now()
    assert worker is not None
    assert worker.done.wait(30)
    crashed.deleteLater()
    target = autosave.recovery_file(saved_file, settings.data_dir())
    qtbot.waitUntil(target.is_file)

    answers.append(Button.No)
    win = new_window(qtbot)
    project = start(qtbot, win, saved_file)
    assert len(asked) == 1
    assert project.facilities.gdf.loc[0, "name"] != "Lost edit"
    assert not target.exists()


def test_saving_deletes_the_recovery_and_a_later_save_is_not_offered(qtbot, saved_file):
    win = new_window(qtbot)
    start(qtbot, win, saved_file)
    edit_facility_name(win, "Edited then saved")
    with qtbot.waitSignal(win.autosaver.saved, timeout=30_000):
        win.autosaver.autosave_now()
    target = autosave.recovery_file(saved_file, settings.data_dir())
    assert target.is_file()
    win.act_save.trigger()
    wait_saved(qtbot, win)
    assert not target.exists()
    assert autosave.find_recovery(saved_file, settings.data_dir()) is None


def test_recovery_older_than_the_saved_project_is_not_offered(tmp_path, project_factory):
    folder = tmp_path / "recovery"
    folder.mkdir()
    project_path = tmp_path / "p.ccgeo"
    recovery = autosave.write_recovery(project_factory("Old"), project_path, folder)
    assert autosave.find_recovery(project_path, folder) == recovery  # nothing saved yet
    save_project(project_factory("Newer"), project_path)
    assert autosave.find_recovery(project_path, folder) is None


def test_a_crash_in_the_middle_of_an_autosave_leaves_both_files_readable(
    qtbot, saved_file, monkeypatch
):
    before = digest(saved_file)
    win = new_window(qtbot)
    start(qtbot, win, saved_file)
    edit_facility_name(win, "First autosave")
    with qtbot.waitSignal(win.autosaver.saved, timeout=30_000):
        win.autosaver.autosave_now()
    target = autosave.recovery_file(saved_file, settings.data_dir())
    first = digest(target)

    real_write_layer = project_io._write_layer
    calls = []

    def dies_after_one_layer(path, gdf, layer):
        calls.append(layer)
        if len(calls) > 1:
            raise OSError(5, "simulated power cut while writing")
        return real_write_layer(path, gdf, layer)

    monkeypatch.setattr(project_io, "_write_layer", dies_after_one_layer)
    edit_facility_name(win, "Second autosave, cut short")
    with qtbot.waitSignal(win.autosaver.failed, timeout=30_000) as failed:
        win.autosaver.autosave_now()
    assert "Autosave failed (your project file is untouched)" in failed.args[0]
    assert "simulated power cut" in failed.args[0]
    assert win.message_label.text() == failed.args[0]
    assert digest(saved_file) == before
    assert digest(target) == first
    assert open_project(saved_file).facilities.gdf.loc[0, "name"] == "Hospital Central"
    assert open_project(target).facilities.gdf.loc[0, "name"] == "First autosave"
    assert not [p for p in target.parent.iterdir() if ".tmp" in p.name]


def test_autosave_interval_is_a_remembered_setting(qtbot):
    win = new_window(qtbot)
    assert win.autosaver.minutes == settings.DEFAULT_AUTOSAVE_MINUTES
    assert win.autosave_actions[5.0].isChecked()
    win.autosave_actions[2.0].trigger()
    assert win.autosaver.minutes == 2.0
    assert settings.autosave_minutes() == 2.0
    again = new_window(qtbot)
    assert again.autosaver.minutes == 2.0
    assert again.autosave_actions[2.0].isChecked()


def test_nothing_is_autosaved_without_changes_or_in_batch_mode(qtbot, tiny_project):
    win = new_window(qtbot)
    win.set_project(tiny_project)
    assert win.autosaver.autosave_now() is None  # no changes
    win.set_batch_mode()
    win.set_modified(True)
    assert win.autosaver.autosave_now() is None
    assert not list(settings.data_dir().glob("recovery-*"))
