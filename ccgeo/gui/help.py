"""Help: the offline user guide (F1, Help ▸ User guide) and the methods page, in one help window.

The guide is HTML shipped in ``resources/help`` (made from ``docs/guide/*.md`` by
``docs/make_help.py``) and shown in a `QTextBrowser`: no browser, no internet. F1 in a panel
opens the guide's page of that panel. Help ▸ Methods and assumptions shows the methods page of
the printed report (`ccgeo.report.methods`) for the settings in use.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QStyle,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ccgeo.errors import InputError
from ccgeo.gui.language import notifier, tr
from ccgeo.gui.view_state import fit_to_screen
from ccgeo.i18n import current_language
from ccgeo.params import resource
from ccgeo.report.methods import Block, Bullets, Heading, Paragraph, Table, methods_blocks

if TYPE_CHECKING:
    from ccgeo.gui.main_window import MainWindow

#: The guide's contents page.
HOME_PAGE = "index.html"
#: The guide page of each dock (`MainWindow.docks` key): F1 in the dock opens it.
DOCK_PAGES: dict[str, str] = {
    "layers": "open-data.html",
    "identify": "open-data.html",
    "attributes": "import-facilities.html",
    "analysis": "run-access.html",
    "results": "run-access.html",
    "scenarios": "compare-scenarios.html",
    "batch": "compare-scenarios.html",
    "compare": "compare-cities.html",
    "progress": "compare-cities.html",
    "siting": "site-hubs.html",
    "referral": "plan-referral.html",
    "capacity": "lab-capacity.html",
}
#: How the pages look in the help window (Qt's rich text reads this subset of CSS).
STYLE = """
body { font-size: 11pt; }
h1 { font-size: 17pt; color: #263238; }
h2 { font-size: 13pt; color: #263238; margin-top: 14px; }
h3 { font-size: 11.5pt; color: #263238; margin-top: 10px; }
pre { background-color: #F5F7F8; font-family: monospace; }
code { font-family: monospace; }
table { border-collapse: collapse; }
th { background-color: #E8EDF0; text-align: left; padding: 3px 6px; }
td { padding: 3px 6px; }
.note { color: #607D8B; font-size: 9.5pt; }
"""


def guide_folder() -> Path:
    """The folder of the guide's HTML pages in the app's language, ``resources/help/<language>``
    (made by docs/make_help.py), else the English ``resources/help/en``."""
    folder = resource("help")
    translated = folder / current_language()
    return translated if translated.is_dir() else folder / "en"


# -- the methods page ----------------------------------------------------------------------------


def blocks_html(blocks: Sequence[Block]) -> str:
    """The report's text blocks (headings, paragraphs, lists, tables) as HTML."""
    parts = []
    for block in blocks:
        if isinstance(block, Heading):
            parts.append(f"<h2>{html.escape(block.text)}</h2>")
        elif isinstance(block, Paragraph):
            css = ' class="note"' if block.note else ""
            parts.append(f"<p{css}>{html.escape(block.text)}</p>")
        elif isinstance(block, Bullets):
            items = "".join(f"<li>{html.escape(item)}</li>" for item in block.items)
            parts.append(f"<ul>{items}</ul>")
        elif isinstance(block, Table):
            parts.append(_table_html(block))
    return "\n".join(parts)


def _table_html(table: Table) -> str:
    head = "".join(f"<th>{html.escape(c)}</th>" for c in table.columns)
    rows = []
    for i, row in enumerate(table.rows):
        cells = []
        for text, align in zip(row, table.align, strict=True):
            side = "right" if align == "r" else "left"
            cell = html.escape(text)
            cell = f"<b>{cell}</b>" if i in table.emphasis else cell
            cells.append(f'<td align="{side}">{cell}</td>')
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return f'<table border="1" cellspacing="0"><tr>{head}</tr>{"".join(rows)}</table>'


def methods_html(window: MainWindow) -> str:
    """The methods-and-assumptions page for the settings in use: those of the last run, else
    those the next run would use (the Analysis panel's), else the defaults."""
    from ccgeo.model.settings import AccessSettings
    from ccgeo.network.profiles import resolve_profile

    controller = getattr(window, "analysis", None)
    workspace = getattr(controller, "workspace", None)
    result = getattr(workspace, "result", None)
    if result is not None:
        settings: Mapping[str, Any] = result.settings
        network = result.network_summary
        intro = tr("The settings of the last run of the access analysis.")
    else:
        access = workspace.settings if workspace is not None else AccessSettings()
        settings = {**access.to_dict(), "underserved_minutes": access.underserved_minutes}
        network = None
        intro = tr("No analysis has run yet: these are the settings the next run will use.")
    try:
        profile = resolve_profile(
            str(settings.get("mode") or "car"),
            speeds=settings.get("speeds"),
            congestion=float(settings.get("congestion") or 1.0),
        )
    except InputError:
        profile = None
    planning = getattr(window, "planning", None)
    blocks = methods_blocks(
        settings,
        network_summary=network,
        profile=profile,
        siting_settings=_settings_of(getattr(planning, "siting_result", None)),
        referral_settings=_settings_of(getattr(planning, "referral_result", None)),
    )
    title = tr("Methods and assumptions")
    same = tr("The printed report carries the same page.")
    return (
        f"<h1>{html.escape(title)}</h1>"
        f'<p class="note">{html.escape(intro)} {html.escape(same)}</p>' + blocks_html(blocks)
    )


def _settings_of(result: object) -> Mapping[str, Any] | None:
    return getattr(result, "settings", None) if result is not None else None


# -- the help window -----------------------------------------------------------------------------


class HelpWindow(QDialog):
    """The guide's pages (with back, forward and contents) and the methods page, offline."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("ccgeo help"))
        self.setObjectName("help_window")
        fit_to_screen(self, 760, 640)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)  # offline: pages link to pages only
        self.browser.setSearchPaths([str(guide_folder())])
        self.browser.document().setDefaultStyleSheet(STYLE)
        self.browser.setToolTip(tr("The page; links open other pages of the guide"))
        self.back_button = self._button(tr("&Back"), QStyle.StandardPixmap.SP_ArrowBack)
        self.back_button.setToolTip(tr("The page shown before (Alt+Left)"))
        self.forward_button = self._button(tr("&Forward"), QStyle.StandardPixmap.SP_ArrowForward)
        self.forward_button.setToolTip(tr("The page shown after (Alt+Right)"))
        self.home_button = self._button(tr("&Contents"), QStyle.StandardPixmap.SP_DirHomeIcon)
        self.home_button.setToolTip(tr("The guide's contents: one page per task"))
        self.methods_button = QPushButton(tr("&Methods and assumptions"))
        self.methods_button.setToolTip(tr("How the numbers are computed, with the settings in use"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setToolTip(tr("Close the help (Esc)"))
        buttons.rejected.connect(self.reject)
        self._connect()
        bar = QHBoxLayout()
        for button in (self.back_button, self.forward_button, self.home_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.methods_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.methods_source: MainWindow | None = None
        self._methods_shown = False
        notifier().changed.connect(self.retranslate)

    def retranslate(self) -> None:
        """Write the page shown again in the app's language (the methods page is made from
        data; a guide page is taken from the guide in that language when there is one)."""
        if self._methods_shown:
            if self.methods_source is not None:
                self.browser.setHtml(methods_html(self.methods_source))
            return
        self.browser.setSearchPaths([str(guide_folder())])
        page = self.page()
        if page:
            url = QUrl.fromLocalFile(str(guide_folder() / page))
            if self.browser.source() != url:
                self.browser.setSource(url)

    def _button(self, text: str, icon: QStyle.StandardPixmap) -> QPushButton:
        return QPushButton(self.style().standardIcon(icon), text)

    def _connect(self) -> None:
        self.back_button.clicked.connect(self.browser.backward)
        self.forward_button.clicked.connect(self.browser.forward)
        self.home_button.clicked.connect(lambda: self.show_page(HOME_PAGE))
        self.methods_button.clicked.connect(self._methods_clicked)
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.browser.forwardAvailable.connect(self.forward_button.setEnabled)
        self.back_button.setEnabled(False)
        self.forward_button.setEnabled(False)

    def show_page(self, page: str = HOME_PAGE) -> None:
        """Show the guide page ``page`` (a file name of ``resources/help``)."""
        self._methods_shown = False
        url = QUrl.fromLocalFile(str(guide_folder() / page))
        if self.browser.source() == url:
            self.browser.reload()
        else:
            self.browser.setSource(url)
        self._bring_up()

    def show_methods(self, text: str) -> None:
        """Show the methods page ``text`` (HTML)."""
        self._methods_shown = True
        self.browser.setHtml(text)
        self._bring_up()

    def _methods_clicked(self) -> None:
        if self.methods_source is not None:
            self.show_methods(methods_html(self.methods_source))

    def page(self) -> str:
        """File name of the guide page shown ("" for the methods page)."""
        if self._methods_shown or self.browser.source().isEmpty():
            return ""
        return Path(self.browser.source().toLocalFile()).name

    def _bring_up(self) -> None:
        self.show()
        self.raise_()
        self.activateWindow()


# -- the Help menu -------------------------------------------------------------------------------


class Help:
    """The Help menu's guide and methods entries, F1, and the help window of a main window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.dialog: HelpWindow | None = None
        self.act_guide = QAction(tr("&User guide"), window)
        self.act_guide.setShortcut(QKeySequence("F1"))
        tip = tr("How to do each task, offline; in a panel, F1 opens the page of that panel (F1)")
        self.act_guide.setToolTip(tip)
        self.act_guide.setStatusTip(tip)
        self.act_guide.triggered.connect(lambda _checked=False: self.open_guide())
        self.act_methods = QAction(tr("&Methods and assumptions"), window)
        tip = tr("How the numbers are computed and what they assume, for the settings in use")
        self.act_methods.setToolTip(tip)
        self.act_methods.setStatusTip(tip)
        self.act_methods.triggered.connect(lambda _checked=False: self.open_methods())
        # F1 works wherever the focus is in the window, docks included
        window.addAction(self.act_guide)
        menu = window.menus["help"]
        first = menu.actions()[0] if menu.actions() else None
        menu.insertActions(first, [self.act_guide, self.act_methods])
        if first is not None:
            menu.insertSeparator(first)

    def help_window(self) -> HelpWindow:
        """The help window (made on first use)."""
        if self.dialog is None:
            self.dialog = HelpWindow(self.window)
            self.dialog.methods_source = self.window
        return self.dialog

    def page_for_focus(self) -> str:
        """The guide page of the dock that holds the keyboard focus (the contents otherwise)."""
        focus = QApplication.focusWidget()
        for key, dock in self.window.docks.items():
            if focus is not None and (focus is dock or dock.isAncestorOf(focus)):
                return DOCK_PAGES.get(key, HOME_PAGE)
        return HOME_PAGE

    def open_guide(self, page: str | None = None) -> HelpWindow:
        """Show the guide at ``page`` (default: the page of the panel in use)."""
        dialog = self.help_window()
        dialog.show_page(page or self.page_for_focus())
        return dialog

    def open_methods(self) -> HelpWindow:
        """Show the methods-and-assumptions page for the settings in use."""
        dialog = self.help_window()
        dialog.show_methods(methods_html(self.window))
        return dialog


def install(window: MainWindow) -> None:
    """Add Help ▸ User guide (F1) and Help ▸ Methods and assumptions (kept as ``window.help``)."""
    window.help = Help(window)  # type: ignore[attr-defined]
