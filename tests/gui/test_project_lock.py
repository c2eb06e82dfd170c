"""Two ccgeo windows on one project never save over each other: the second one (another
process) opens it read-only, says so, never autosaves it, and saves a copy under another name;
closing the project or the window lets it go."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from helpers import open_window, reopen, save_as, use_menu
from PySide6.QtWidgets import QFileDialog
from test_lock import hold_in_another_process

from ccgeo.io import lock

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

pytestmark = [
    pytest.mark.gui,
    pytest.mark.skipif(os.name != "posix", reason="process checks use kill(pid, 0)"),
]


def test_a_project_open_in_another_window_opens_read_only(
    qtbot, tiny_project, tmp_path, monkeypatch
) -> None:
    first = open_window(qtbot, tiny_project)
    path = tmp_path / "city.ccgeo"
    save_as(qtbot, first, path, monkeypatch)
    assert lock.holder_of(path).is_me  # this window holds it now
    use_menu(qtbot, first, "File", "Close project")
    assert lock.holder_of(path) is None  # let go with the project

    other = hold_in_another_process(path)  # another ccgeo window opens it
    try:
        window = reopen(qtbot, path, monkeypatch)
        assert window.read_only
        assert window.windowTitle() == f"{window.project.name} (read-only) — ccgeo"
        assert "open in another ccgeo window" in window.message_label.text()
        assert "read-only" in window.message_label.text()
        # an edit is never autosaved over the other window's recovery copy
        window.set_modified(True)
        assert window.autosaver.autosave_now() is None
        # File ▸ Save saves a copy under another name, which this window then holds
        copy = tmp_path / "city copy.ccgeo"
        asked = []

        def answer(*args, **kwargs):
            asked.append(args)
            return str(copy), ""

        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
        use_menu(qtbot, window, "File", "Save")
        qtbot.waitUntil(lambda: copy.is_file() and not window.is_modified, timeout=60_000)
        assert asked  # Save asked for a name: it did not write over the other window's file
        assert not window.read_only
        assert "(read-only)" not in window.windowTitle()
        assert lock.holder_of(copy).is_me
        assert lock.holder_of(path).pid == other.pid  # the other window's lock untouched
        # closing the window lets the copy go
        window.close()
        qtbot.waitUntil(lambda: lock.holder_of(copy) is None, timeout=5_000)
    finally:
        other.kill()
        other.communicate()


def test_the_same_file_is_refused_as_the_copy_of_a_read_only_project(
    qtbot, tiny_project, tmp_path, monkeypatch, caplog
) -> None:
    first = open_window(qtbot, tiny_project)
    path = tmp_path / "city.ccgeo"
    save_as(qtbot, first, path, monkeypatch)
    use_menu(qtbot, first, "File", "Close project")
    before = path.stat().st_mtime_ns
    other = hold_in_another_process(path)
    try:
        window = reopen(qtbot, path, monkeypatch)  # errors go to the log (quiet test window)
        window.set_modified(True)
        monkeypatch.setattr(
            QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), ""))
        )
        use_menu(qtbot, window, "File", "Save")  # a save would show its progress at once
        assert "is open in another ccgeo window, which saves it" in caplog.text
        assert window.progress_bar.isHidden()
        assert path.stat().st_mtime_ns == before
        assert window.read_only
    finally:
        other.kill()
        other.communicate()
