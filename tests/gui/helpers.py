"""Small helpers of the GUI tests: the test window; acting as a person (click, tick, choose,
type, only on what is in sight); the File menu and the analysis as a person uses them; synthetic
mouse and wheel events; pixel checks."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QKeyEvent, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from ccgeo.gui.main_window import MainWindow
    from ccgeo.project import Project

#: Size of every test window, pixels: a common laptop screen.
WINDOW_SIZE = (1366, 768)
#: Waits for work on the demo city: generous, since the CI machine is shared.
TIMEOUT_MS = 60_000


def open_window(
    qtbot,
    project: Project | None = None,
    *,
    quiet: bool = True,
    size: tuple[int, int] = WINDOW_SIZE,
) -> MainWindow:
    """A main window as a person sees it: shown at ``size`` (pixels, default `WINDOW_SIZE`),
    active, with ``project`` open.

    ``quiet`` sends error messages to the log and `MainWindow.taskFailed` instead of a modal box
    (a test that checks the boxes replaces `QMessageBox` and passes False). The window is closed
    when the test ends (`qtbot.addWidget`).
    """
    from ccgeo.gui.main_window import MainWindow

    window = MainWindow()
    window.quiet_errors = quiet
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    activate(qtbot, window)
    if project is not None:
        window.set_project(project)
    return window


def activate(qtbot, window: QWidget) -> None:
    """Make ``window`` the active window, as the window manager does when one opens (offscreen
    Qt does not): only then does a field have the keyboard focus, and leaving it finish an edit."""
    window.windowHandle().requestActivate()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)


# -- acting as a person -----------------------------------------------------------------------


def _into_view(widget: QWidget, local: QPoint) -> None:
    """Scroll every scroll area around ``widget`` until its point ``local`` is in sight, as a
    person scrolls a dock that is too short for its panel."""
    from PySide6.QtWidgets import QScrollArea

    parent = widget.parentWidget()
    while parent is not None:
        content = parent.widget() if isinstance(parent, QScrollArea) else None
        if content is not None and content.isAncestorOf(widget):
            at = widget.mapTo(content, local)
            parent.ensureVisible(at.x(), at.y(), 20, 20)
        parent = parent.parentWidget()


def _assert_usable(widget: QWidget, local: QPoint | None = None) -> None:
    """``widget`` is shown and enabled, and its point ``local`` (default: the centre) is in
    sight inside its window once scrolled to: a person could reach it there."""
    if local is None:
        local = widget.rect().center()
    name = getattr(widget, "text", lambda: widget.objectName())() or type(widget).__name__
    assert widget.isVisible(), f"{name!r} is not shown"
    assert widget.isEnabled(), f"{name!r} is disabled"
    _into_view(widget, local)
    assert widget.visibleRegion().contains(local), f"{name!r} is out of sight (behind a tab?)"
    window = widget.window()
    assert window.rect().contains(widget.mapTo(window, local)), f"{name!r} lies outside its window"


def click(qtbot, button: QWidget) -> None:
    """Click ``button`` with the mouse, as a person would: it must be shown, enabled, inside."""
    _assert_usable(button)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def tick(qtbot, box: QWidget, checked: bool = True) -> None:
    """Click the check box (or radio button) ``box`` on its indicator until it shows ``checked``."""
    from PySide6.QtWidgets import QStyle, QStyleOptionButton

    if box.isChecked() == checked:
        _assert_usable(box)
        return
    option = QStyleOptionButton()
    option.initFrom(box)
    element = (
        QStyle.SubElement.SE_RadioButtonIndicator
        if type(box).__name__ == "QRadioButton"
        else QStyle.SubElement.SE_CheckBoxIndicator
    )
    indicator = box.style().subElementRect(element, option, box)
    _assert_usable(box, indicator.center())
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=indicator.center())
    assert box.isChecked() == checked


def choose(qtbot, combo: QWidget, data: object = None, *, text: str | None = None) -> None:
    """Pick the item of ``combo`` whose data is ``data`` (or whose text is ``text``) as a person
    with a keyboard does: open the list (Alt+Down), move to the item, Enter. Only the item
    chosen is applied (stepping through the closed combo would apply every item passed)."""
    _assert_usable(combo)
    index = combo.findText(text) if text is not None else combo.findData(data)
    assert index >= 0, f"{text or data!r} is not among the choices"
    if combo.currentIndex() == index:
        return
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    view = combo.view()
    qtbot.waitUntil(view.isVisible, timeout=2_000)
    for _ in range(combo.count()):
        row = view.currentIndex().row()
        if row == index:
            break
        qtbot.keyClick(view, Qt.Key.Key_Down if row < index else Qt.Key.Key_Up)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.isVisible(), timeout=2_000)
    assert combo.currentIndex() == index, f"{text or data!r} could not be chosen (disabled?)"


def type_into(qtbot, field: QWidget, text: str, *, enter: bool = True) -> None:
    """Replace what ``field`` (a line edit, a spin box or a time field) holds, as typed: select
    all (a time field: from its first section), type, then Enter (unless ``enter`` is False)."""
    from PySide6.QtWidgets import QDateTimeEdit

    _assert_usable(field)
    if isinstance(field, QDateTimeEdit):
        # a time is typed section by section from the first one, which focus selects
        activate(qtbot, field.window())
        field.clearFocus()
        field.setFocus()
        assert field.hasFocus(), "the time field has no focus"
    else:
        field.setFocus()
        qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(field, Qt.Key.Key_Backspace)
    for char in text:
        if char.isascii():
            qtbot.keyClicks(field, char)
        else:  # QTest types ASCII only (and aborts on the rest): the key event of a layout key
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
                QApplication.sendEvent(field, event)
    if enter:
        qtbot.keyClick(field, Qt.Key.Key_Return)


def show_dock(qtbot, window: MainWindow, key: str) -> QWidget:
    """Bring the dock ``key`` to the front by clicking its tab (docks share tabs); its panel.

    A dock behind another one's tab counts as visible to Qt but is moved out of sight: what a
    person sees is its visible region.
    """
    from PySide6.QtWidgets import QTabBar

    dock = window.docks[key]
    assert not dock.isHidden(), f"the {key} dock is closed"
    if dock.visibleRegion().isEmpty():
        title = dock.windowTitle()
        tabs = [
            (bar, i)
            for bar in window.findChildren(QTabBar)
            if bar.isVisible()
            for i in range(bar.count())
            if bar.tabText(i) == title
        ]
        assert tabs, f"no tab shows the {key} dock"
        bar, i = tabs[0]
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(i).center())
    assert not dock.visibleRegion().isEmpty(), f"the {key} dock is not in sight"
    return dock.widget()


def show_tab(qtbot, tabs: QWidget, page: QWidget) -> None:
    """Click the tab of ``page`` in the tab widget ``tabs``."""
    index = tabs.indexOf(page)
    assert index >= 0, "no such tab"
    bar = tabs.tabBar()
    pos = bar.tabRect(index).center()
    _assert_usable(bar, pos)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=pos)
    assert tabs.currentWidget() is page


def click_cell(
    qtbot,
    view: QWidget,
    row: int,
    column: int = 0,
    *,
    double: bool = False,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """Click (or double-click) the cell ``row``, ``column`` of a table or list, scrolled into
    view, with ``modifier`` held (Ctrl+click takes an item out of the selection)."""
    index = view.model().index(row, column)
    view.scrollTo(index)
    pos = view.visualRect(index).center()
    _assert_usable(view.viewport(), pos)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, pos)
    if double:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, pos)


def click_check(qtbot, view: QWidget, index) -> None:
    """Click the check box drawn in the cell ``index`` of an item view (table, tree)."""
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    view.scrollTo(index)
    option = QStyleOptionViewItem()
    option.rect = view.visualRect(index)
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    element = QStyle.SubElement.SE_ItemViewItemCheckIndicator
    box = view.style().subElementRect(element, option, view)
    _assert_usable(view.viewport(), box.center())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=box.center())


def right_click(widget: QWidget, pos: tuple[float, float]) -> None:
    """Right-click at widget pixel ``pos``: the button's press and release, and the context menu
    event the window system sends with them (QTest does not make one)."""
    from PySide6.QtGui import QContextMenuEvent

    button = Qt.MouseButton.RightButton
    send_mouse(widget, QEvent.Type.MouseButtonPress, pos, button=button)
    local = QPoint(round(pos[0]), round(pos[1]))
    menu_event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, local, widget.mapToGlobal(local))
    QApplication.sendEvent(widget, menu_event)
    send_mouse(widget, QEvent.Type.MouseButtonRelease, pos, button=button)


# -- files, through the File menu -------------------------------------------------------------


def save_as(qtbot, window: MainWindow, target: Path, monkeypatch) -> None:
    """File ▸ Save As, the dialog answered with ``target``; waits until it is written."""
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    window.act_save_as.trigger()
    qtbot.waitUntil(
        lambda: not window.is_modified and window.progress_bar.isHidden(), timeout=TIMEOUT_MS
    )
    assert target.is_file()


def reopen(
    qtbot,
    path: Path,
    monkeypatch,
    *,
    until_settled: bool = False,
    size: tuple[int, int] = WINDOW_SIZE,
) -> MainWindow:
    """File ▸ Open ``path`` in a second window of ``size`` pixels; waits until it is shown (and,
    with ``until_settled``, until the analysis it saved has run again and is drawn).

    It also waits until the window shows only the panel tabs of the layout the project restored:
    Qt drops the tab bars of the layout it replaced once the events are processed, and until
    then a stale bar may lie over the new one (a click on a tab would hit the wrong one).
    """
    from PySide6.QtWidgets import QFileDialog, QTabBar

    again = open_window(qtbot, size=size)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )
    signal = again.analysis.settled if until_settled else again.projectLoaded
    with qtbot.waitSignal(signal, timeout=TIMEOUT_MS):
        again.act_open.trigger()

    def one_bar_per_place() -> bool:
        bars = [b for b in again.findChildren(QTabBar) if b.parentWidget() is again]
        shown = [tuple(b.tabText(i) for i in range(b.count())) for b in bars if b.isVisible()]
        return len(shown) == len(set(shown))

    qtbot.waitUntil(one_bar_per_place, timeout=2_000)
    return again


# -- the analysis and the data, as a person uses them -----------------------------------------


def run_by_click(qtbot, window: MainWindow, *, mode: str = "walk") -> None:
    """Choose the travel mode in the Analysis panel, click Run and wait until the map is drawn."""
    panel = show_dock(qtbot, window, "analysis")
    choose(qtbot, panel.mode, mode)
    with qtbot.waitSignal(window.analysis.settled, timeout=TIMEOUT_MS):
        click(qtbot, panel.run_button)


def place_hub(qtbot, window: MainWindow, rank: int = 0) -> None:
    """Click with the Place hub tool into the ``rank``-th underserved area; wait for the map."""
    if not window.act_place_hub.isChecked():
        window.act_place_hub.trigger()
    area = window.analysis.workspace.result.underserved.iloc[rank]
    point = area.geometry.representative_point()
    pos = window.canvas.screen_position(point.x, point.y)
    with qtbot.waitSignal(window.analysis.settled, timeout=TIMEOUT_MS):
        send_mouse(window.canvas, QEvent.Type.MouseButtonPress, pos)
        send_mouse(window.canvas, QEvent.Type.MouseButtonRelease, pos)


def save_scenario(qtbot, window: MainWindow, name: str) -> None:
    """Type ``name`` in the Scenarios panel and click "Save current what-if"."""
    panel = show_dock(qtbot, window, "scenarios")
    type_into(qtbot, panel.name, name)
    click(qtbot, panel.save_button)


def set_capability(
    qtbot, window: MainWindow, facility_id: str, capability: str, able: bool
) -> None:
    """In the attribute table (Layer ▸ Attribute table), click the ``capability`` check box of
    ``facility_id`` so that it shows ``able``."""
    import numpy as np

    window.data_tools.act_attributes.trigger()
    table = window.data_tools.attributes.facility_table
    model = table.model
    gdf = model.facilities.gdf
    row = int(np.flatnonzero(gdf["facility_id"].astype(str) == facility_id)[0])
    if bool(gdf[capability].iloc[row]) == able:
        return
    index = table.proxy.mapFromSource(model.index(row, model.column_index(capability)))
    click_check(qtbot, table.view, index)
    assert bool(model.facilities.gdf[capability].iloc[row]) == able


def untick_every_lab(qtbot, window: MainWindow, capability: str) -> None:
    """In the attribute table, take ``capability`` away from every facility that has it."""
    gdf = window.project.facilities.gdf
    for facility_id in gdf.loc[gdf[capability].astype(bool), "facility_id"].astype(str):
        set_capability(qtbot, window, facility_id, capability, False)
    assert not window.project.facilities.gdf[capability].any()


# -- synthetic events and pixels --------------------------------------------------------------


def send_mouse(
    widget: QWidget,
    kind: QEvent.Type,
    pos: tuple[float, float],
    *,
    button: Qt.MouseButton = Qt.MouseButton.LeftButton,
    buttons: Qt.MouseButton | None = None,
) -> None:
    """Deliver a mouse event at widget pixel ``pos`` (QTest cannot drag with a button held)."""
    local = QPointF(*pos)
    if buttons is None:
        buttons = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseButtonRelease else button
    if kind == QEvent.Type.MouseMove:
        button = Qt.MouseButton.NoButton
    event = QMouseEvent(
        kind, local, widget.mapToGlobal(local), button, buttons, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, event)


def drag(
    widget: QWidget, start: tuple[float, float], end: tuple[float, float], steps: int = 4
) -> None:
    """Press at ``start``, move in ``steps`` to ``end`` with the left button held, release."""
    send_mouse(widget, QEvent.Type.MouseButtonPress, start)
    for k in range(1, steps + 1):
        t = k / steps
        point = (start[0] + (end[0] - start[0]) * t, start[1] + (end[1] - start[1]) * t)
        send_mouse(widget, QEvent.Type.MouseMove, point, buttons=Qt.MouseButton.LeftButton)
    send_mouse(widget, QEvent.Type.MouseButtonRelease, end)


def send_wheel(widget: QWidget, pos: tuple[float, float], notches: float) -> None:
    """Turn the mouse wheel by ``notches`` (positive = away from the user = zoom in)."""
    local = QPointF(*pos)
    event = QWheelEvent(
        local,
        widget.mapToGlobal(local),
        QPoint(0, 0),
        QPoint(0, round(120 * notches)),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def pixel(image: QImage, x: float, y: float) -> QColor:
    """Colour of the image pixel at logical position ``x``, ``y``."""
    ratio = image.devicePixelRatio()
    return image.pixelColor(round(x * ratio), round(y * ratio))


def count_colour(image: QImage, colour: str, *, tolerance: int = 8) -> int:
    """Number of pixels within ``tolerance`` of ``colour`` in every channel."""
    import numpy as np

    img = image.convertToFormat(QImage.Format.Format_RGB32)
    arr = np.frombuffer(img.constBits(), dtype=np.uint8).reshape(img.height(), img.bytesPerLine())
    bgr = arr[:, : img.width() * 4].reshape(img.height(), img.width(), 4)[:, :, :3].astype(int)
    target = QColor(colour)
    want = np.array([target.blue(), target.green(), target.red()])
    return int((np.abs(bgr - want) <= tolerance).all(axis=2).sum())


# -- menus, the layer panel, undo and map clicks (Step 7: the map as a GIS user expects) -----


def choose_in_menu(qtbot, menu: QWidget, *texts: str) -> None:
    """Click the item ``texts[0]`` of the shown ``menu`` (``&`` ignored), then ``texts[1]`` of
    the submenu it opens, and so on; the item must be shown and enabled. Then the window (or
    the dialog the item opened) is active again, as a window manager makes it once a menu
    closes (offscreen Qt leaves the closed menu active)."""
    owner = menu.parentWidget().window()
    for i, text in enumerate(texts):
        assert menu.isVisible(), f"the menu holding {text!r} is not shown"
        actions = {a.text().replace("&", ""): a for a in menu.actions() if not a.isSeparator()}
        assert text in actions, f"{text!r} is not in the menu: {list(actions)}"
        action = actions[text]
        assert action.isVisible(), f"{text!r} is hidden"
        assert action.isEnabled(), f"{text!r} is disabled"
        pos = menu.actionGeometry(action).center()
        if action.menu() is not None:
            # with the keyboard: down to the item, then right opens its submenu
            for _ in range(len(menu.actions()) + 1):
                if menu.activeAction() is action:
                    break
                qtbot.keyClick(menu, Qt.Key.Key_Down)
            assert menu.activeAction() is action, f"{text!r} cannot be reached with the keys"
            qtbot.keyClick(menu, Qt.Key.Key_Right)
            qtbot.waitUntil(action.menu().isVisible, timeout=2_000)
            menu = action.menu()
        else:
            assert i == len(texts) - 1, f"{text!r} opens no submenu"
            qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=pos)
    qtbot.waitUntil(lambda: not menu.isVisible(), timeout=2_000)
    modal = QApplication.activeModalWidget()
    activate(qtbot, modal if modal is not None else owner)


def menu_of_bar(qtbot, window: MainWindow, title: str) -> QWidget:
    """Click ``title`` (``&`` ignored) in the window's menu bar; the menu it opens."""
    bar = window.menuBar()
    titles = {a.text().replace("&", ""): a for a in bar.actions()}
    assert title in titles, f"{title!r} is not in the menu bar: {list(titles)}"
    action = titles[title]
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(action).center())
    menu = action.menu()
    qtbot.waitUntil(menu.isVisible, timeout=2_000)
    return menu


def use_menu(qtbot, window: MainWindow, title: str, *texts: str) -> None:
    """Choose ``title`` ▸ ``texts[0]`` ▸ … in the window's menu bar, as a person does with the
    mouse (submenus with the keys, see `choose_in_menu`)."""
    choose_in_menu(qtbot, menu_of_bar(qtbot, window, title), *texts)


def layer_row_menu(qtbot, window: MainWindow, name: str) -> QWidget:
    """Right-click the layer ``name`` in the layer panel; the context menu shown."""
    panel = window.layer_panel
    tree = panel.tree
    qtbot.waitUntil(lambda: name in layer_names(window), timeout=2_000)
    item = next(
        tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
        if tree.topLevelItem(i).text(0) == name
    )
    tree.scrollToItem(item)
    pos = tree.visualItemRect(item).center()
    _assert_usable(tree.viewport(), pos)
    right_click(tree.viewport(), (pos.x(), pos.y()))
    menu = panel.last_menu
    assert menu is not None, "no context menu was made"
    assert menu.isVisible(), "the context menu is not shown"
    return menu


def layer_names(window: MainWindow) -> list[str]:
    """The layer panel's rows, top first, as listed."""
    tree = window.layer_panel.tree
    return [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]


def undo(qtbot, window: MainWindow) -> None:
    """Press Ctrl+Z over the map (Edit ▸ Undo), the window in front (a dialog just closed
    leaves offscreen Qt without an active window)."""
    activate(qtbot, window)
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def redo(qtbot, window: MainWindow) -> None:
    """Press Ctrl+Shift+Z over the map (Edit ▸ Redo), the window in front."""
    activate(qtbot, window)
    mods = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, mods)


def click_map(window: MainWindow, lon: float, lat: float) -> None:
    """Click the map with the left button at ``lon``, ``lat`` (degrees; must be in view)."""
    pos = window.canvas.screen_position(lon, lat)
    assert window.canvas.rect().contains(QPoint(round(pos[0]), round(pos[1]))), "not in view"
    send_mouse(window.canvas, QEvent.Type.MouseButtonPress, pos)
    send_mouse(window.canvas, QEvent.Type.MouseButtonRelease, pos)


def edit_cell(qtbot, view: QWidget, index, text: str) -> None:
    """Select the cell ``index`` of a table view, press F2 and type ``text``, then Enter; waits
    until the editor has closed (the view writes the value after the key)."""
    from PySide6.QtWidgets import QAbstractItemView, QLineEdit

    if view.currentIndex() != index:
        # (a click on the current cell would open its editor itself, after a double-click delay)
        click_cell(qtbot, view, index.row(), index.column())
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.focusWidget()
    assert isinstance(editor, QLineEdit), f"no text editor opened, focus on {editor!r}"
    assert editor.isVisible()
    type_into(qtbot, editor, text)
    editing = QAbstractItemView.State.EditingState
    qtbot.waitUntil(lambda: view.state() != editing, timeout=2_000)


# -- two scenarios on the map (Step 7) --------------------------------------------------------


def show_scenarios_on_map(
    qtbot, window: MainWindow, a: str, b: str, mode: str, *, minutes: float | None = None
) -> QWidget:
    """In the Scenarios dock, choose ``a`` and ``b`` (names as listed; the baseline is
    "Baseline (existing labs)") and the threshold ``minutes``, click "Side by side" (``mode``
    ``"side"``) or "Difference map" (``"difference"``), and wait until the map shows them; the
    dock's "On the map" box."""
    panel = show_dock(qtbot, window, "scenarios")
    box = panel.on_map
    choose(qtbot, box.a_combo, text=a)
    choose(qtbot, box.b_combo, text=b)
    if minutes is not None:
        choose(qtbot, box.threshold_combo, float(minutes))
    button = box.side_button if mode == "side" else box.difference_button
    with qtbot.waitSignal(box.shown, timeout=TIMEOUT_MS) as shown:
        click(qtbot, button)
    assert shown.args == [mode]
    return box


def draw_on_map(qtbot, window: MainWindow, start: tuple[float, float], end: tuple[float, float]):
    """Drag a rectangle from ``start`` to ``end`` (map pixels) with the tool in use; the lon/lat
    box of that rectangle."""
    canvas = window.canvas
    box = map_box(window, start, end)
    drag(canvas, start, end)
    return box


def map_box(window: MainWindow, start: tuple[float, float], end: tuple[float, float]):
    """The lon/lat box of the map rectangle between two pixels, read at the middles of its
    sides (where a printed map's edges are read)."""
    canvas = window.canvas
    (x0, y0), (x1, y1) = start, end
    xm, ym = (x0 + x1) / 2, (y0 + y1) / 2
    west, east = canvas.lonlat_at(min(x0, x1), ym)[0], canvas.lonlat_at(max(x0, x1), ym)[0]
    south, north = canvas.lonlat_at(xm, max(y0, y1))[1], canvas.lonlat_at(xm, min(y0, y1))[1]
    return west, south, east, north


def pdf_map_area(path: Path) -> tuple[float, float, float, float]:
    """The area the report's first map says it shows ("Map area: …"), as (min_lon, min_lat,
    max_lon, max_lat) degrees; read with pdftotext (the test is skipped without it)."""
    import re
    import shutil
    import subprocess

    import pytest

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    deg = r"([\d.]+)°([EWNS])"
    found = re.search(rf"Map area: {deg} – {deg}, {deg} – {deg}", text)
    assert found, "the report's map does not say which area it shows"
    v = [float(found[i]) * (-1 if found[i + 1] in "WS" else 1) for i in (1, 3, 5, 7)]
    return v[0], v[2], v[1], v[3]


def import_facilities(
    qtbot, window: MainWindow, path: Path, *, append: bool = False, on_page=None
) -> None:
    """File ▸ Import ▸ Facilities…: the path typed, Next (the guessed columns), Next (the check
    of every row), Next, Replace (or Add, with ``append``), Import. ``on_page(wizard, page)``
    is called on the columns and the check pages, once each is shown."""
    from PySide6.QtWidgets import QWizard

    from ccgeo.gui.dialogs.import_wizard import ImportWizard

    use_menu(qtbot, window, "File", "Import", "Facilities…")
    wizard = window.data_tools.wizard
    qtbot.waitUntil(wizard.isVisible, timeout=5_000)
    activate(qtbot, wizard)
    edit = wizard.file_page.path_edit
    type_into(qtbot, edit, str(path), enter=False)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    for page in (ImportWizard.MAPPING, ImportWizard.VALIDATION, ImportWizard.FINISH):
        click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
        qtbot.waitUntil(lambda page=page: wizard.currentId() == page, timeout=15_000)
        if page == ImportWizard.VALIDATION:
            qtbot.waitUntil(wizard.validation_page.isComplete, timeout=15_000)
        if on_page is not None and page != ImportWizard.FINISH:
            on_page(wizard, page)
    finish = wizard.finish_page
    tick(qtbot, finish.append_radio if append else finish.replace_radio)
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=15_000)
    activate(qtbot, window)


def run_siting_and_referral(qtbot, window: MainWindow) -> None:
    """Click Run in the New hubs dock, then in the Referral dock; wait for each plan."""
    siting = show_dock(qtbot, window, "siting")
    with qtbot.waitSignal(window.planning.sitingFinished, timeout=TIMEOUT_MS):
        click(qtbot, siting.runbox.run_button)
    referral = show_dock(qtbot, window, "referral")
    with qtbot.waitSignal(window.planning.referralFinished, timeout=TIMEOUT_MS):
        click(qtbot, referral.runbox.run_button)
