"""Usable by everyone: every control has a tooltip and is reached with the Tab key, every menu
entry has a shortcut or an Alt+letter, and the window stays sharp on a high-DPI screen.

The controls are the interactive widgets a person sees in the main window, each of its docks
and each dialog (buttons, check boxes, fields, lists, tables, tab bars). Qt's own parts of a
composite widget are left out: they are reached through their owner (`QT_PARTS`).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from helpers import WINDOW_SIZE, activate, click, open_window, show_dock, show_tab
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QIcon, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QHeaderView,
    QLineEdit,
    QMenu,
    QRadioButton,
    QScrollBar,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QToolBar,
    QToolButton,
    QWidget,
    QWizard,
)

ROOT = Path(__file__).resolve().parents[2]
MESSY = ROOT / "layers" / "demo" / "demo_facilities_messy.csv"

INTERACTIVE = (
    QAbstractButton,
    QComboBox,
    QAbstractSpinBox,
    QLineEdit,
    QAbstractItemView,
    QAbstractSlider,
    QTabBar,
    QTextEdit,
)
#: Parts of Qt's composite widgets, by object name, and how the keyboard does what they do.
QT_PARTS = {
    "qt_dockwidget_floatbutton": "View ▸ Panels shows and hides each dock",
    "qt_dockwidget_closebutton": "View ▸ Panels shows and hides each dock",
    "qt_tableview_cornerbutton": "Ctrl+A selects every row",
    "qt_toolbar_ext_button": "every toolbar action is in a menu",
    "ScrollLeftButton": "Ctrl+Tab and the arrow keys move between tabs",
    "ScrollRightButton": "Ctrl+Tab and the arrow keys move between tabs",
}
#: Most Tab presses of one walk around a window (its controls, and the cells of its tables).
MAX_TABS = 4000


def _is_part(widget: QWidget) -> bool:
    """A part of a composite widget: reached through its owner, not on its own."""
    parent = widget.parentWidget()
    return (
        widget.objectName() in QT_PARTS
        or isinstance(widget, QHeaderView | QScrollBar)  # sorting has the menu; scroll by keys
        or isinstance(parent, QComboBox | QAbstractSpinBox | QLineEdit | QTabBar)
    )


def controls(root: QWidget) -> list[QWidget]:
    """The interactive widgets of ``root`` a person sees (not Qt's parts, not popups)."""
    return [
        w
        for w in root.findChildren(QWidget)
        if isinstance(w, INTERACTIVE)
        and w.window() is root.window()
        and w.isVisibleTo(root.window())
        and not _is_part(w)
    ]


def _name(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QAbstractButton | QLineEdit) else ""
    owner = widget.parentWidget()
    where = type(owner).__name__ if owner is not None else "-"
    return f"{type(widget).__name__} {text or widget.objectName()!r} in {where}"


def _has_tip(widget: QWidget) -> bool:
    if widget.toolTip():
        return True
    if isinstance(widget, QTabBar):
        return all(widget.tabToolTip(i) for i in range(widget.count()))
    return False


def _radio_group(radio: QRadioButton) -> list[QWidget]:
    """The radio buttons ``radio`` is exclusive with (Tab reaches the group's checked one, the
    arrow keys the others)."""
    group = radio.group()
    if group is not None:
        return list(group.buttons())
    return list(radio.parentWidget().findChildren(QRadioButton))


def _tab_policy(widget: QWidget) -> bool:
    return bool(widget.focusPolicy().value & Qt.FocusPolicy.TabFocus.value)


def _takes_tab(widget: QWidget) -> bool:
    """``widget`` takes the focus with Tab; a radio button when its group does."""
    if isinstance(widget, QRadioButton):
        return any(_tab_policy(r) for r in _radio_group(widget))
    return _tab_policy(widget)


def problems_of(root: QWidget, where: str) -> list[str]:
    """Controls of ``root`` without a tooltip, or that Tab never reaches."""
    found = []
    for widget in controls(root):
        if not _has_tip(widget):
            found.append(f"{where}: {_name(widget)} has no tooltip")
        if not _takes_tab(widget):
            found.append(f"{where}: {_name(widget)} does not take the focus with Tab")
    return found


def tab_walk(qtbot, start: QWidget) -> set[QWidget]:
    """Press Tab from ``start`` until the focus comes back to it; every widget that had the
    focus on the way (the walk of a person with a keyboard)."""
    activate(qtbot, start.window())
    start.setFocus(Qt.FocusReason.TabFocusReason)
    assert start.hasFocus(), f"{_name(start)} cannot take the focus"
    seen: set[QWidget] = set()
    last: list[str] = []
    for _ in range(MAX_TABS):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focus = QApplication.focusWidget()
        if focus is start:
            return seen
        seen.add(focus)
        last = [*last[-5:], _name(focus)]
    pytest.fail(f"Tab does not come back to {_name(start)} within {MAX_TABS} presses: {last}")


def _unreached(qtbot, root: QWidget, where: str) -> list[str]:
    """Controls of ``root`` (shown and enabled) that a Tab walk around its window misses."""
    usable = [w for w in controls(root) if w.isEnabled() and w.isVisible() and _takes_tab(w)]
    starts = [w for w in usable if _tab_policy(w)]
    if not starts:
        return []
    seen = tab_walk(qtbot, starts[0]) | {starts[0]}

    def reached(widget: QWidget) -> bool:
        if widget in seen or any(widget.isAncestorOf(s) for s in seen):
            return True
        return isinstance(widget, QRadioButton) and any(r in seen for r in _radio_group(widget))

    return [f"{where}: Tab never reaches {_name(w)}" for w in usable if not reached(w)]


def _each_tab_page(qtbot, root: QWidget):
    """Show every page of every tab widget of ``root`` in turn (yields after each)."""
    yield
    for tabs in root.findChildren(QTabWidget):
        if not tabs.isVisible():
            continue
        for i in range(tabs.count()):
            show_tab(qtbot, tabs, tabs.widget(i))
            yield


def _check_dock(qtbot, window, key: str) -> list[str]:
    dock = window.docks[key]
    if dock.isHidden():  # a closed panel: View ▸ Panels opens it
        dock.toggleViewAction().trigger()
    panel = show_dock(qtbot, window, key)
    found = []
    for _ in _each_tab_page(qtbot, panel):
        found += problems_of(dock, key)
        found += _unreached(qtbot, dock, key)
    return found


def test_every_dock_control_has_a_tooltip_and_is_reached_with_tab(qtbot, demo_window) -> None:
    found = []
    for key in demo_window.docks:
        found += _check_dock(qtbot, demo_window, key)
    found += problems_of(demo_window.statusBar(), "status bar")
    assert not found, "\n".join(sorted(set(found)))


def _dialog_shown(qtbot, trigger) -> QDialog:
    """Trigger ``trigger`` (a menu action) and return the dialog it opens."""
    before = set(QApplication.topLevelWidgets())
    trigger.trigger()

    def opened() -> list[QDialog]:
        return [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QDialog) and w.isVisible() and w not in before
        ]

    qtbot.waitUntil(lambda: bool(opened()), timeout=10_000)
    return opened()[0]


def _escape(qtbot, dialog: QDialog) -> None:
    """Close ``dialog`` with Esc, as a person does."""
    activate(qtbot, dialog)
    qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)


def _check_dialog(qtbot, dialog: QDialog, where: str) -> list[str]:
    found = []
    for _ in _each_tab_page(qtbot, dialog):
        found += problems_of(dialog, where)
        found += _unreached(qtbot, dialog, where)
    return found


def _menu_action(window, menu: str, starts: str):
    actions = [
        a for a in window.menus[menu].actions() if a.text().replace("&", "").startswith(starts)
    ]
    assert actions, f"no {starts!r} in the {menu} menu"
    return actions[0]


def test_every_dialog_control_has_a_tooltip_and_is_reached_with_tab(qtbot, demo_window) -> None:
    window = demo_window
    found = []
    tools = window.data_tools
    for action in (tools.act_import_roads, tools.act_import_population, tools.act_import_districts):
        dialog = _dialog_shown(qtbot, action)
        found += _check_dialog(qtbot, dialog, action.text().replace("&", ""))
        _escape(qtbot, dialog)
    for starts in ("Interactive map", "Map report", "Data"):
        dialog = _dialog_shown(qtbot, _menu_action(window, "export", starts))
        found += _check_dialog(qtbot, dialog, starts)
        _escape(qtbot, dialog)
    dialog = _dialog_shown(qtbot, window.help.act_guide)
    found += _check_dialog(qtbot, dialog, "help")
    _escape(qtbot, dialog)
    found += _wizard_problems(qtbot, window)
    assert not found, "\n".join(sorted(set(found)))


def _wizard_problems(qtbot, window) -> list[str]:
    """Each step of the facility import wizard, on the demo city's messy spreadsheet."""
    from helpers import type_into

    wizard = _dialog_shown(qtbot, window.data_tools.act_import_facilities)
    found = _check_dialog(qtbot, wizard, "import wizard, step 1")
    type_into(qtbot, wizard.file_page.path_edit, str(MESSY), enter=False)
    qtbot.keyClick(wizard.file_page.path_edit, Qt.Key.Key_Tab)
    for step in (wizard.MAPPING, wizard.VALIDATION, wizard.VALIDATION + 1):
        click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
        qtbot.waitUntil(lambda s=step: wizard.currentId() == s, timeout=30_000)
        if step == wizard.VALIDATION:  # the check of every row runs in the background
            qtbot.waitUntil(wizard.validation_page.progress.isHidden, timeout=30_000)
        found += _check_dialog(qtbot, wizard, f"import wizard, step {step + 1}")
    _escape(qtbot, wizard)
    return found


def alt_letter(text: str) -> str | None:
    """The Alt+letter of a menu text (the character after a single ``&``), lower case."""
    at = text.replace("&&", "").find("&")
    return text.replace("&&", "")[at + 1].lower() if at >= 0 else None


def _menu_problems(menu: QMenu, path: str) -> list[str]:
    found = []
    letters: dict[str, str] = {}
    for action in menu.actions():
        if action.isSeparator():
            continue
        text = action.text()
        where = f"{path} ▸ {text.replace('&', '')}"
        if "&" not in text and action.shortcut().isEmpty():
            found.append(f"{where}: no shortcut and no Alt+letter (&)")
        letter = alt_letter(text)
        if letter is not None and letter in letters:
            # Alt+letter would only cycle between the two: neither opens with one key press
            found.append(f"{where}: Alt+{letter.upper()} is {letters[letter]!r}'s too")
        elif letter is not None:
            letters[letter] = text.replace("&", "")
        if action.menu() is not None:
            found += _menu_problems(action.menu(), where)
    return found


def test_every_menu_entry_has_a_shortcut_or_an_alt_letter_of_its_own(qtbot, demo_window) -> None:
    found = []
    bar_letters = [alt_letter(a.text()) for a in demo_window.menuBar().actions()]
    assert len(set(bar_letters)) == len(bar_letters), bar_letters
    for action in demo_window.menuBar().actions():
        if "&" not in action.text():
            found.append(f"the {action.text()} menu has no Alt+letter (&)")
        found += _menu_problems(action.menu(), action.text().replace("&", ""))
    assert not found, "\n".join(found)


def test_every_toolbar_action_is_in_a_menu(qtbot, demo_window) -> None:
    """Toolbar buttons do not take the focus (as in every desktop app): the keyboard reaches
    their actions through the menus and the shortcuts."""
    in_menus: set[object] = set()

    def collect(menu: QMenu) -> None:
        for action in menu.actions():
            in_menus.add(action)
            if action.menu() is not None:
                collect(action.menu())

    for action in demo_window.menuBar().actions():
        collect(action.menu())
    missing = [
        action.text()
        for toolbar in demo_window.findChildren(QToolBar)
        for action in toolbar.actions()
        if not action.isSeparator()
        and action not in in_menus
        and action.shortcut().isEmpty()
        and isinstance(toolbar.widgetForAction(action), QToolButton)
    ]
    assert not missing, missing


# -- sharp on a high-DPI screen ----------------------------------------------------------------


def _grey_on_white(image: QImage) -> np.ndarray:
    """The image over white, as grey levels 0..255 (float), pixels × pixels."""
    argb = image.convertToFormat(QImage.Format.Format_ARGB32)
    rows = np.frombuffer(argb.constBits(), np.uint8).reshape(argb.height(), argb.bytesPerLine())
    px = rows[:, : argb.width() * 4].reshape(argb.height(), argb.width(), 4).astype(float)
    alpha = px[..., 3:4] / 255.0
    return (px[..., :3] * alpha + 255.0 * (1.0 - alpha)).mean(axis=2)


def edge_energy(image: QImage) -> float:
    """Sum of squared differences of neighbouring pixels: a sharp edge gives h² where the same
    edge blown up from fewer pixels spreads into steps of h/s (s·(h/s)² = h²/s)."""
    grey = _grey_on_white(image)
    return float((np.diff(grey, axis=0) ** 2).sum() + (np.diff(grey, axis=1) ** 2).sum())


def _blown_up(image: QImage, scale: int) -> QImage:
    """``image`` scaled up smoothly ``scale`` times: how a 1× bitmap looks on a high-DPI screen."""
    return image.scaled(
        image.width() * scale,
        image.height() * scale,
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


#: Least edge energy of a real high-DPI picture over the same picture blown up from 1×.
SHARPER = 1.5


def _app_icons(window) -> dict[str, QIcon]:
    from ccgeo.gui.icons import ICONS, make_icon

    icons = {name: make_icon(name) for name in ICONS}
    icons["place hub"] = window.act_place_hub.icon()
    icons["identify"] = window.data_tools.act_identify.icon()
    icons["select"] = window.data_tools.act_select.icon()
    return icons


@pytest.mark.parametrize("scale", [2, 3, 4])
def test_icons_are_drawn_afresh_at_every_screen_scale(qtbot, demo_window, scale: int) -> None:
    for name, icon in _app_icons(demo_window).items():
        one = icon.pixmap(QSize(24, 24), 1.0).toImage()
        shown = icon.pixmap(QSize(24, 24), float(scale)).toImage()
        assert (shown.width(), shown.height()) == (24 * scale, 24 * scale), name
        ratio = edge_energy(shown) / edge_energy(_blown_up(one, scale))
        assert ratio > SHARPER, f"{name} at {scale}× is blurry (edge energy ×{ratio:.2f})"


def _screenshot(tmp_path: Path, scale: int) -> QImage:
    out = tmp_path / f"window@{scale}x.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": str(scale)}
    size = f"{WINDOW_SIZE[0]}x{WINDOW_SIZE[1]}"
    args = [str(ROOT / "main.py"), "--screenshot", str(out), "--no-analysis", "--size", size]
    done = subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return QImage(str(out))


def _toolbar_rect(qtbot) -> QRect:
    """Where the main toolbar's buttons are in the window, logical pixels."""
    window = open_window(qtbot)
    toolbar = window.findChild(QToolBar, "main_toolbar")
    buttons = [
        b for b in toolbar.findChildren(QToolButton) if b.isVisible() and not b.icon().isNull()
    ]
    rect = QRect()
    for button in buttons:
        rect = rect.united(QRect(button.mapTo(window, button.rect().topLeft()), button.size()))
    return rect


def test_the_window_is_twice_as_big_and_sharp_at_200_percent(qtbot, tmp_path) -> None:
    one, two = _screenshot(tmp_path, 1), _screenshot(tmp_path, 2)
    assert (two.width(), two.height()) == (2 * one.width(), 2 * one.height())
    toolbar = _toolbar_rect(qtbot)
    assert toolbar.width() > 100
    crop_one = one.copy(toolbar)
    crop_two = two.copy(QRect(toolbar.topLeft() * 2, toolbar.size() * 2))
    ratio = edge_energy(crop_two) / edge_energy(_blown_up(crop_one, 2))
    assert ratio > SHARPER, f"the toolbar at 200 % is blurry (edge energy ×{ratio:.2f})"
