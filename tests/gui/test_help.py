"""Help: F1 and the Help menu open the offline user guide, F1 in a panel opens that panel's page,
links and Back work with the keyboard, and Help ▸ Methods and assumptions shows the methods of
the settings in use."""

from __future__ import annotations

from helpers import activate, choose, click, show_dock
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from ccgeo.gui.help import DOCK_PAGES, HOME_PAGE, guide_folder
from ccgeo.gui.main_window import MainWindow


def press_f1(qtbot, widget: QWidget):
    """Press F1 where ``widget`` has the keyboard focus; the help window that opens."""
    activate(qtbot, widget.window())
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    assert widget.hasFocus()
    qtbot.keyClick(widget, Qt.Key.Key_F1)
    dialog = widget.window().help.dialog
    assert dialog is not None, "F1 opened no help"
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    return dialog


def test_f1_on_the_map_opens_the_contents(qtbot, demo_window: MainWindow) -> None:
    dialog = press_f1(qtbot, demo_window.canvas)
    assert dialog.page() == HOME_PAGE
    text = dialog.browser.toPlainText()
    assert "ccgeo user guide" in text
    assert "Run the access analysis" in text


def test_f1_in_each_panel_opens_the_page_of_that_panel(qtbot, demo_window: MainWindow) -> None:
    window = demo_window
    assert set(window.docks) <= set(DOCK_PAGES), "a panel has no page of the guide"
    for key, dock in window.docks.items():
        if dock.isHidden():
            dock.toggleViewAction().trigger()  # View ▸ Panels
        panel = show_dock(qtbot, window, key)
        focusable = [
            w
            for w in panel.findChildren(QWidget)
            if w.isVisible() and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        ]
        assert focusable, key
        dialog = press_f1(qtbot, focusable[0])
        assert dialog.page() == DOCK_PAGES[key], key
        assert (guide_folder() / DOCK_PAGES[key]).is_file()


def test_links_back_and_contents_by_keyboard(qtbot, demo_window: MainWindow) -> None:
    dialog = press_f1(qtbot, demo_window.canvas)
    browser = dialog.browser
    activate(qtbot, dialog)
    browser.setFocus()
    # Tab moves from link to link in the page; Enter follows the one selected
    for _ in range(3):
        qtbot.keyClick(browser, Qt.Key.Key_Tab)
        if browser.textCursor().selectedText() == "Open your data":
            break
    assert browser.textCursor().selectedText() == "Open your data"
    qtbot.keyClick(browser, Qt.Key.Key_Return)
    assert dialog.page() == "open-data.html"
    assert "File ▸ Open project" in browser.toPlainText()
    click(qtbot, dialog.back_button)
    assert dialog.page() == HOME_PAGE
    click(qtbot, dialog.forward_button)
    assert dialog.page() == "open-data.html"
    click(qtbot, dialog.home_button)
    assert dialog.page() == HOME_PAGE


def test_the_help_menu(qtbot, demo_window: MainWindow) -> None:
    menu = demo_window.menus["help"]
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts[:2] == ["&User guide", "&Methods and assumptions"]
    assert "&About ccgeo" in texts
    assert demo_window.help.act_guide.shortcut().toString() == "F1"


def test_methods_page_shows_the_settings_in_use(qtbot, demo_window: MainWindow) -> None:
    panel = show_dock(qtbot, demo_window, "analysis")
    choose(qtbot, panel.mode, "walk")
    demo_window.help.act_methods.trigger()
    dialog = demo_window.help.dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    text = dialog.browser.toPlainText()
    assert dialog.page() == ""
    for heading in ("Methods and assumptions", "Travel time", "Limits of this analysis"):
        assert heading in text
    assert "the time by walk along the road network" in text
    assert "Speed profile: walk" in text
    # the same page from the help window's button, and back to the guide
    click(qtbot, dialog.home_button)
    assert dialog.page() == HOME_PAGE
    click(qtbot, dialog.methods_button)
    assert "Speed profile: walk" in dialog.browser.toPlainText()
    assert QApplication.activeModalWidget() is None  # the help does not block the window
