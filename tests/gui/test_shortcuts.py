"""Keyboard shortcuts as a person uses them: every key does one thing on every platform, Undo and
Redo by their keys, and a field keeps the keys typed into it (H, I, S, +, Home, ...)."""

from __future__ import annotations

from collections import defaultdict

import pytest
from helpers import TIMEOUT_MS, open_window, place_hub, run_by_click, show_dock, type_into
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from ccgeo.gui.main_window import MainWindow

pytestmark = pytest.mark.gui

StandardKey = QKeySequence.StandardKey
#: The first key Qt gives a standard key on Linux desktops (its X11, KDE and GNOME schemes),
#: where it differs from the scheme offscreen Qt uses (Windows): Redo is Ctrl+Shift+Z there.
LINUX_FIRST_KEY = {StandardKey.Redo: "Ctrl+Shift+Z"}


@pytest.fixture
def linux_keys(monkeypatch):
    """Standard keys resolve as on a Linux desktop while the window is built.

    Offscreen Qt resolves `QKeySequence.StandardKey` with the Windows scheme, where Redo is
    Ctrl+Y; a Linux desktop gives Ctrl+Shift+Z, so that an action bound to "Ctrl+Shift+Z" and
    to the standard Redo holds Ctrl+Shift+Z twice there, which Qt treats as ambiguous.
    """
    init = QKeySequence.__init__
    set_one, set_many = QAction.setShortcut, QAction.setShortcuts

    def linux(key):
        if isinstance(key, StandardKey) and key in LINUX_FIRST_KEY:
            return QKeySequence(LINUX_FIRST_KEY[key])
        return key

    def key_sequence(self, *args):
        init(self, *(linux(a) for a in args))

    def set_shortcuts(self, keys):
        if isinstance(keys, StandardKey):
            keys = [keys]
        set_many(self, [linux(k) for k in keys])

    monkeypatch.setattr(QKeySequence, "__init__", key_sequence)
    monkeypatch.setattr(QAction, "setShortcut", lambda self, key: set_one(self, linux(key)))
    monkeypatch.setattr(QAction, "setShortcuts", set_shortcuts)
    assert QKeySequence(StandardKey.Redo).toString() == "Ctrl+Shift+Z"


def _bindings(window: MainWindow) -> dict[str, list[str]]:
    """Each key sequence of the window's actions → the actions bound to it, once per binding."""
    bound: dict[str, list[str]] = defaultdict(list)
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            bound[key.toString(QKeySequence.SequenceFormat.PortableText)].append(action.text())
    return bound


@pytest.mark.parametrize("scheme", ["this platform", "a Linux desktop"])
def test_no_key_is_bound_twice(qtbot, request, scheme) -> None:
    if scheme == "a Linux desktop":
        request.getfixturevalue("linux_keys")
    window = open_window(qtbot)
    twice = {key: names for key, names in _bindings(window).items() if len(names) > 1}
    assert not twice, f"keys bound more than once (Qt ignores them as ambiguous): {twice}"
    redo = [k.toString() for k in window.act_redo.shortcuts()]
    assert sorted(redo) == ["Ctrl+Shift+Z", "Ctrl+Y"]
    assert [k.toString() for k in window.act_undo.shortcuts()] == ["Ctrl+Z"]


def _press(qtbot, window: MainWindow, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    """Press a key on the map, and wait until the what-if it changes is drawn again."""
    window.canvas.setFocus()
    with qtbot.waitSignal(window.analysis.settled, timeout=TIMEOUT_MS):
        qtbot.keyClick(window.canvas, key, modifiers)


def test_undo_and_redo_by_their_keys_on_a_linux_desktop(qtbot, linux_keys, fresh_demo) -> None:
    window = open_window(qtbot, fresh_demo)
    run_by_click(qtbot, window)
    place_hub(qtbot, window)
    workspace = window.analysis.workspace
    assert len(workspace.hubs) == 1
    ctrl = Qt.KeyboardModifier.ControlModifier
    for redo_modifiers, redo_key in (
        (ctrl | Qt.KeyboardModifier.ShiftModifier, Qt.Key.Key_Z),
        (ctrl, Qt.Key.Key_Y),
    ):
        _press(qtbot, window, Qt.Key.Key_Z, ctrl)
        assert len(workspace.hubs) == 0, "Ctrl+Z did not undo"
        _press(qtbot, window, redo_key, redo_modifiers)
        assert len(workspace.hubs) == 1, f"{redo_modifiers} {redo_key} did not redo"


def test_keys_typed_into_a_field_stay_in_it(qtbot, tiny_project) -> None:
    """A bare key bound to a command (H = Place hub, I = Identify, S = Select, +, -, Home, ...)
    goes to the field being typed into; on the map it is still the command."""
    window = open_window(qtbot, tiny_project)
    bare = {
        key.toString(): action
        for action in window.findChildren(QAction)
        for key in action.shortcuts()
        if key.count() == 1 and not key[0].keyboardModifiers()
    }
    assert {"H", "I", "S", "+", "-", "Home"} <= set(bare)
    fired: list[str] = []
    for key, action in bare.items():
        action.triggered.connect(lambda *_a, key=key: fired.append(key))
    letters = "".join(k.lower() for k in bare if len(k) == 1)

    scenarios = show_dock(qtbot, window, "scenarios")
    type_into(qtbot, scenarios.name, letters, enter=False)
    assert scenarios.name.text() == letters
    analysis = show_dock(qtbot, window, "analysis")
    analysis.capability.setFocus()
    qtbot.keyClicks(analysis.capability, "i")  # IHC, typed to choose it
    assert analysis.capability.currentData() == "ihc"
    qtbot.keyClick(analysis.capability, Qt.Key.Key_Home)  # the first test in the list
    assert analysis.capability.currentIndex() == 0
    assert fired == []
    assert window.canvas.tool == "pan"

    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_H)
    assert fired == ["H"]
    assert window.act_place_hub.isChecked()
