"""The app in each language, as a planner sees it: every panel (each tab), every menu entry and
the main dialogs walked through in Spanish, Portuguese and French with no English left on screen
(each text compared with the English catalogue), no label cut off at 1366×768 in the longest
language, and Edit ▸ Preferences ▸ Language changing the running app at once and back again."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from functools import cache

import pytest
from babel.messages.pofile import read_po
from fits import elided_tabs, fit_problems
from helpers import (
    TIMEOUT_MS,
    activate,
    choose,
    click,
    open_window,
    place_hub,
    run_by_click,
    run_siting_and_referral,
    save_scenario,
    show_dock,
    show_tab,
    use_menu,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTableView,
    QTabWidget,
    QTreeView,
    QWidget,
)

from ccgeo import i18n
from ccgeo.gui.language import TS_DIR, install_language
from ccgeo.gui.main_window import MainWindow

pytestmark = pytest.mark.gui

TRANSLATED = ("es", "pt", "fr")
#: Words that are English only (not Spanish, Portuguese or French): a text holding two of them
#: is an English sentence that no catalogue knows (a string the code forgot to mark).
ENGLISH_WORDS = frozenset(
    [
        "the",
        "and",
        "with",
        "from",
        "this",
        "that",
        "these",
        "those",
        "which",
        "will",
        "would",
        "should",
        "your",
        "there",
        "here",
        "when",
        "where",
        "what",
        "click",
        "choose",
        "people",
        "facilities",
        "facility",
        "roads",
        "road",
        "minutes",
        "within",
        "shown",
        "show",
        "run",
        "open",
        "save",
        "saved",
        "settings",
        "layer",
        "layers",
        "labs",
        "lab",
        "hub",
        "hubs",
        "map",
        "maps",
        "analysis",
        "each",
        "every",
        "none",
        "have",
        "has",
        "been",
        "into",
    ]
)
WORD = re.compile(r"[A-Za-z]+")


# -- the catalogues ----------------------------------------------------------------------------


@cache
def translations(language: str) -> dict[str, set[str]]:
    """English text → its translations in ``language`` (one per context it is used in): the
    app's Qt messages and the gettext messages it shows (layer names, legends, messages)."""
    found: dict[str, set[str]] = {}
    for message in ET.parse(TS_DIR / f"ccgeo_{language}.ts").getroot().iter("message"):
        if message.get("numerus") == "yes":
            continue
        text = message.findtext("translation") or ""
        found.setdefault(message.findtext("source") or "", set()).add(text)
    po = i18n.LOCALE_DIR / language / "LC_MESSAGES" / "ccgeo.po"
    with po.open("rb") as file:
        for message in read_po(file):
            if message.id and isinstance(message.id, str) and isinstance(message.string, str):
                found.setdefault(message.id, set()).add(message.string)
    return {source: texts for source, texts in found.items() if source and all(texts)}


@cache
def longest_language() -> str:
    """The language whose translations of the app are the longest in all (French, usually)."""
    return max(
        TRANSLATED, key=lambda lang: sum(len(t) for ts in translations(lang).values() for t in ts)
    )


def english_left(texts: dict[str, str], language: str) -> list[str]:
    """The texts shown that are English: a source of the catalogues whose translation differs,
    or a sentence of English words no catalogue knows."""
    known = translations(language)
    said = set().union(*known.values())  # every text of the language ("EQA" is Spanish too)
    left = []
    for text, where in texts.items():
        if text in said:
            continue
        for candidate in {text, text.replace("&", ""), text.rstrip(":").replace("&", "")}:
            if candidate in known and candidate not in known[candidate]:
                left.append(f"{where}: {text!r} (should be {sorted(known[candidate])[0]!r})")
                break
        else:
            # file paths and names are data (".../layers/demo_facilities.xlsx")
            prose = " ".join(t for t in text.split() if "/" not in t and "\\" not in t)
            words = {w.lower() for w in WORD.findall(prose)}
            if len(words & ENGLISH_WORDS) >= 2:
                left.append(f"{where}: {text!r} (English words, in no catalogue)")
    return sorted(left)


def assert_no_english(texts: dict[str, str], language: str) -> None:
    left = english_left(texts, language)
    assert not left, f"{len(left)} English texts left in {language}:\n" + "\n".join(left)


# -- what a person sees -------------------------------------------------------------------------


def _widget_texts(widget: QWidget) -> Iterator[str]:
    yield widget.windowTitle() if widget.isWindow() else ""
    yield widget.toolTip()
    if isinstance(widget, QLabel | QAbstractButton):
        yield widget.text()
    if isinstance(widget, QGroupBox):
        yield widget.title()
    if isinstance(widget, QLineEdit):
        yield widget.placeholderText()
    if isinstance(widget, QComboBox):
        yield from (widget.itemText(i) for i in range(widget.count()))
    if isinstance(widget, QTabWidget):
        for i in range(widget.count()):
            yield widget.tabText(i)
            yield widget.tabToolTip(i)
    if isinstance(widget, QTableView | QTreeView) and widget.model() is not None:
        header = widget.horizontalHeader() if isinstance(widget, QTableView) else widget.header()
        for column in range(header.count()):
            if not header.isSectionHidden(column):
                yield str(widget.model().headerData(column, Qt.Orientation.Horizontal) or "")


def shown_texts(root: QWidget) -> dict[str, str]:
    """Every text shown in ``root`` (labels, buttons, titles, tooltips, combo items, tabs,
    column headers) → where it is, for the message of a failing test."""
    texts: dict[str, str] = {}
    for widget in (root, *root.findChildren(QWidget)):
        if not widget.isVisible():
            continue
        where = f"{type(widget).__name__} {widget.objectName() or ''}".strip()
        for text in _widget_texts(widget):
            if text and text.strip():
                texts.setdefault(text.strip(), where)
    if isinstance(root, MainWindow):
        texts.update(menu_texts(root))
    return texts


def menu_texts(window: MainWindow) -> dict[str, str]:
    """The titles, entries and tips of every menu of the menu bar (submenus too)."""
    texts: dict[str, str] = {}
    stack: list[tuple[QAction, str]] = [(a, "menu bar") for a in window.menuBar().actions()]
    while stack:
        action, where = stack.pop()
        if not action.isVisible() or action.isSeparator():
            continue
        text = action.text().replace("&", "")
        for shown in (text, action.toolTip(), action.statusTip()):
            if shown:
                texts.setdefault(shown, f"{where} ▸ {text}")
        if action.menu() is not None:
            stack += [(a, f"{where} ▸ {text}") for a in action.menu().actions()]
    return texts


def menu_path(window: MainWindow, target: QAction) -> list[str]:
    """The menu bar titles and entries leading to ``target``, as shown (``&`` removed)."""

    def search(actions: list[QAction], path: list[str]) -> list[str] | None:
        for action in actions:
            here = [*path, action.text().replace("&", "")]
            if action is target:
                return here
            if action.menu() is not None:
                found = search(action.menu().actions(), here)
                if found:
                    return found
        return None

    found = search(window.menuBar().actions(), [])
    assert found, f"{target.text()!r} is in no menu"
    return found


def walk_docks(qtbot, window: MainWindow) -> tuple[dict[str, str], list[str]]:
    """Open every dock and each page of its tabs; the texts shown and what does not fit."""
    texts: dict[str, str] = shown_texts(window)
    problems: list[str] = elided_tabs(window)  # the tabs of docks sharing a place
    for key, dock in window.docks.items():
        if dock.isHidden():
            dock.toggleViewAction().trigger()
            qtbot.waitUntil(dock.isVisible, timeout=2_000)
        show_dock(qtbot, window, key)
        texts.update(shown_texts(dock))
        problems += [f"{key}: {p}" for p in fit_problems(dock)]
        for tabs in dock.findChildren(QTabWidget):
            if not tabs.isVisible():
                continue
            for i in range(tabs.count()):
                show_tab(qtbot, tabs, tabs.widget(i))
                texts.update(shown_texts(dock))
                problems += [f"{key}, {tabs.tabText(i)}: {p}" for p in fit_problems(dock)]
    return texts, problems


def dialog_actions(window: MainWindow) -> list[tuple[QAction, object]]:
    """The menu entries of the main dialogs, each with the function giving its dialog."""
    outputs = window.outputs
    tools = window.data_tools
    return [
        (window.act_preferences, lambda: QApplication.activeModalWidget()),
        (window.properties.action, lambda: window.properties.dialog),
        (tools.act_import_roads, lambda: tools.layer_dialog),
        (tools.act_import_facilities, lambda: tools.wizard),
        *((outputs.actions[k], lambda: outputs.dialog) for k in ("html", "pdf", "data")),
        (window.help.act_guide, lambda: window.help.dialog),
    ]


def walk_dialogs(qtbot, window: MainWindow) -> tuple[dict[str, str], list[str]]:
    """Open each main dialog from its menu; the texts shown and what does not fit."""
    texts: dict[str, str] = {}
    problems: list[str] = []
    for action, dialog_of in dialog_actions(window):
        path = menu_path(window, action)
        use_menu(qtbot, window, *path)
        qtbot.waitUntil(lambda d=dialog_of: d() is not None and d().isVisible(), timeout=5_000)
        dialog = dialog_of()
        activate(qtbot, dialog)
        name = " ▸ ".join(path)
        texts.update({t: f"{name}: {w}" for t, w in shown_texts(dialog).items()})
        problems += [f"{name}: {p}" for p in fit_problems(dialog)]
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda d=dialog: not d.isVisible(), timeout=5_000)
        activate(qtbot, window)
    return texts, problems


@pytest.fixture
def speaking(qapp) -> Iterator[object]:
    """``speaking(language)`` installs a language as the app does at its start; English after."""
    yield install_language
    install_language("en")


def window_in(qtbot, language: str, fresh_demo, speaking) -> MainWindow:
    """The demo city in a new window started in ``language``, every panel filled by clicks: the
    analysis, a hub placed (a what-if) and saved as a scenario, new hubs sited, a referral
    plan, the labs' capacity."""
    speaking(language)
    window = open_window(qtbot, fresh_demo)
    run_by_click(qtbot, window)
    place_hub(qtbot, window)
    save_scenario(qtbot, window, "Cenário 1")
    run_siting_and_referral(qtbot, window)
    capacity = show_dock(qtbot, window, "capacity")
    with qtbot.waitSignal(capacity.finished, timeout=TIMEOUT_MS):
        click(qtbot, capacity.runbox.run_button)
    return window


# -- the tests ----------------------------------------------------------------------------------


def test_the_catalogues_differ_from_english():
    for language in TRANSLATED:
        known = translations(language)
        assert len(known) > 1000
        same = [s for s, t in known.items() if t == {s}]
        assert len(same) < len(known) / 20, f"{language}: {len(same)} texts not translated"


@pytest.mark.parametrize("language", TRANSLATED)
def test_no_english_is_left_on_any_screen(qtbot, fresh_demo, speaking, language):
    window = window_in(qtbot, language, fresh_demo, speaking)
    texts, problems = walk_docks(qtbot, window)
    dialog_texts, dialog_problems = walk_dialogs(qtbot, window)
    texts.update(dialog_texts)
    assert_no_english(texts, language)
    if language == longest_language():
        assert [*problems, *dialog_problems] == [], "cut off or hidden at 1366×768"


def choose_language(qtbot, window: MainWindow, code: str) -> None:
    """Edit ▸ Preferences…, the language ``code`` chosen in its list, OK."""
    use_menu(qtbot, window, *menu_path(window, window.act_preferences))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, QDialog)
    combo = dialog.findChild(QComboBox, "preferences-language")
    choose(qtbot, combo, code)
    buttons = dialog.findChild(QDialogButtonBox)
    click(qtbot, buttons.button(QDialogButtonBox.StandardButton.Ok))
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    activate(qtbot, window)


def test_preferences_change_the_language_of_the_running_app(qtbot, demo_window, speaking):
    window = demo_window
    run_by_click(qtbot, window)
    english, _ = walk_docks(qtbot, window)
    modified = window.is_modified
    choose_language(qtbot, window, "pt")
    assert i18n.current_language() == "pt"
    portuguese, _ = walk_docks(qtbot, window)
    assert_no_english(portuguese, "pt")
    assert "Camadas" in {d.windowTitle() for d in window.docks.values()}
    assert window.is_modified == modified  # nothing of the project changed
    choose_language(qtbot, window, "en")
    again, _ = walk_docks(qtbot, window)
    scale = re.compile(r"1:[0-9,]+$")  # the map's scale follows the docks' widths, not words
    assert {t for t in again if not scale.match(t)} == {t for t in english if not scale.match(t)}


def test_the_choice_is_kept_for_the_next_start(qtbot, demo_window, speaking):
    from ccgeo.gui import settings
    from ccgeo.gui.language import app_language

    choose_language(qtbot, demo_window, "fr")
    assert settings.language() == "fr"
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("CCGEO_LANG")
        assert app_language(saved=settings.language()) == "fr"
    assert app_language("es", saved="fr") == "es"  # --lang wins


def test_a_run_in_another_language_keeps_its_results(qtbot, demo_window, speaking):
    window = demo_window
    run_by_click(qtbot, window)
    panel = show_dock(qtbot, window, "results")
    before = window.analysis.workspace.baseline
    choose_language(qtbot, window, "es")
    assert window.analysis.workspace.baseline is before
    qtbot.waitUntil(panel.isVisible, timeout=TIMEOUT_MS)
    assert_no_english(shown_texts(panel), "es")


def test_a_report_in_another_language_is_remembered_by_the_project(
    qtbot, demo_window, speaking, tmp_path, monkeypatch
):
    """The app speaks Portuguese, the report is printed in French: the PDF is French, the app
    stays Portuguese, and the project proposes French for its next report, saved or not."""
    import shutil
    import subprocess

    from PySide6.QtWidgets import QFileDialog

    from ccgeo.project import open_project, save_project

    window = demo_window
    run_by_click(qtbot, window)
    choose_language(qtbot, window, "pt")
    target = tmp_path / "relatorio.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    use_menu(qtbot, window, *menu_path(window, window.outputs.actions["pdf"]))
    dialog = window.outputs.dialog
    qtbot.waitUntil(dialog.isVisible, timeout=2_000)
    assert dialog.language == "pt"  # the app's, the project having none yet
    choose(qtbot, dialog.findChild(QComboBox, "output-language"), "fr")
    with qtbot.waitSignal(window.outputs.written, timeout=TIMEOUT_MS):
        click(qtbot, dialog.ok_button)
    activate(qtbot, window)
    assert i18n.current_language() == "pt"
    assert_no_english(shown_texts(window), "pt")
    assert window.project.metadata["report_language"] == "fr"
    assert window.is_modified
    if shutil.which("pdftotext"):
        run = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True)
        text = " ".join(run.stdout.split())
        assert "Méthodes" in text
        assert "Métodos" not in text
        assert "Methods" not in text
    use_menu(qtbot, window, *menu_path(window, window.outputs.actions["html"]))
    qtbot.waitUntil(window.outputs.dialog.isVisible, timeout=2_000)
    assert window.outputs.dialog.language == "fr"
    qtbot.keyClick(window.outputs.dialog, Qt.Key.Key_Escape)
    saved = save_project(window.project, tmp_path / "city.ccgeo")
    assert open_project(saved).metadata["report_language"] == "fr"
