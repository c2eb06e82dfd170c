"""Keyboard shortcuts that do one thing everywhere: keys written out (not a platform's standard
keys, which differ and can repeat one given beside them), and fields that keep the keys typed.

The map's single keys (H = Place hub, I = Identify, S = Select, +, -, Home) are quick on the map
and what GIS users expect; while a field that takes typing has the focus (a text field, a number
field, a drop-down list chosen by typing), the field gets those keys instead: typing "h" types
"h", and typing "i" in the Test list chooses IHC. Clicking the map gives the keys back to it.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

#: Undo and Redo, written out: Qt's standard Redo is Ctrl+Y on Windows and Ctrl+Shift+Z on Linux,
#: and an action given both "Ctrl+Shift+Z" and the standard Redo holds Ctrl+Shift+Z twice on
#: Linux, which Qt treats as ambiguous and ignores.
UNDO_KEYS: tuple[str, ...] = ("Ctrl+Z",)
REDO_KEYS: tuple[str, ...] = ("Ctrl+Shift+Z", "Ctrl+Y")

#: Modifiers that make a key a command, never typing.
_COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)
#: Keys without text that a field uses to move in what is typed (a drop-down: first, last).
_MOVING_KEYS = (Qt.Key.Key_Home, Qt.Key.Key_End)


def takes_typing(widget: QObject | None) -> bool:
    """Whether ``widget`` is a field a person types into (editable text, a number, a list)."""
    if isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit)):
        return not widget.isReadOnly()
    return isinstance(widget, (QAbstractSpinBox, QComboBox))


def is_typing_key(event: QKeyEvent) -> bool:
    """Whether the key types (a letter, digit, sign, space) or moves in a field (Home, End),
    rather than being a command (held Ctrl, Alt or Meta; function keys)."""
    if event.modifiers() & _COMMAND_MODIFIERS:
        return False
    text = event.text()
    return (bool(text) and text.isprintable()) or event.key() in _MOVING_KEYS


class TypingGuard(QObject):
    """Watches the field that has the keyboard focus and claims its typing keys before a window
    shortcut takes them (Qt asks the focused widget first with a ``ShortcutOverride`` event).

    Only the focused field is watched (it follows `QApplication.focusChanged`), so the rest of
    the application's events never pass through Python.
    """

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName("ccgeo_typing_guard")
        self._watched: QWidget | None = None
        app.focusChanged.connect(self._focus_changed)
        self._focus_changed(None, app.focusWidget())

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self._watched is not None:
            with contextlib.suppress(RuntimeError):  # the field was deleted meanwhile
                self._watched.removeEventFilter(self)
            self._watched = None
        if new is not None and takes_typing(new):
            new.installEventFilter(self)
            self._watched = new

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Accept the ``ShortcutOverride`` of a typing key: Qt then gives the key to the field."""
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and takes_typing(watched)
            and is_typing_key(event)
        ):
            event.accept()
            return True
        return False


def guard_typing() -> None:
    """Let every field of the application keep its typing keys (once per application)."""
    app = QApplication.instance()
    if isinstance(app, QApplication) and app.findChild(TypingGuard) is None:
        TypingGuard(app)


__all__ = ["REDO_KEYS", "UNDO_KEYS", "TypingGuard", "guard_typing", "is_typing_key", "takes_typing"]
