"""The language the desktop app speaks: Qt's own translations (``.ts`` → ``.qm``) for the app's
text, and `ccgeo.i18n` (gettext) for the text it shares with the command line.

Every text a planner sees in the app goes through `tr`, which ``pyside6-lupdate`` finds in the
code (docs/translating.md). A text built at import time (a dictionary of labels) is marked with
`QT_TR_NOOP` and passed through `tr` where it is shown.

`switch_language` changes the language of the running app. Qt sends every widget a
``LanguageChange`` event but leaves the writing again to the application; ccgeo does it in one
place: each text a widget shows (labels, buttons, titles, tooltips, menu entries, combo items,
tabs, headers) is looked up in the old language's catalogues and replaced by the new language's
translation of the same source. Text built from data (a summary with numbers) cannot be looked
up; the widget that built it connects `notifier` ``.changed`` and writes it again.
"""

from __future__ import annotations

import inspect
import logging
import weakref
import xml.etree.ElementTree as ET
from collections.abc import Callable
from functools import cache
from pathlib import Path

import shiboken6
from PySide6.QtCore import (
    QT_TR_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    Qt,
    QTranslator,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QTextEdit,
    QTreeView,
    QWidget,
    QWizardPage,
)

from ccgeo import i18n

__all__ = [
    "QT_TR_NOOP",
    "TS_DIR",
    "LanguageNotifier",
    "app_language",
    "install_language",
    "notifier",
    "retranslate",
    "switch_language",
    "tr",
]

log = logging.getLogger(__name__)

#: The one translation context of the app's messages (what lupdate gives a bare ``tr()`` call).
CONTEXT = ""
#: The Qt catalogues: ``ccgeo_<lang>.ts`` (sources, edited in Qt Linguist) and ``.qm`` (compiled).
TS_DIR = Path(__file__).resolve().parent / "locale"
#: Qt's own catalogue (the OK/Cancel of standard buttons, the file dialogs) of each language.
_QT_CATALOGUES = {"es": "qtbase_es", "pt": "qtbase_pt_BR", "fr": "qtbase_fr"}
#: The QLocale of each language: number fields and spin boxes follow it.
_QT_LOCALES = {"en": "en_GB", "es": "es_ES", "pt": "pt_BR", "fr": "fr_FR"}


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the app's language (English when it has no translation).

    ``disambiguation`` tells translators apart two uses of one English text ("Open" the verb and
    "Open" the state); ``n`` chooses the plural form of a text with ``%n`` in it.
    """
    return QCoreApplication.translate(CONTEXT, text, disambiguation, n)


class _Listeners:
    """The methods to call when the language changed, held weakly: a widget that was deleted
    (its window closed) is forgotten, never called."""

    def __init__(self) -> None:
        self._methods: list[tuple[weakref.WeakMethod, bool]] = []

    def connect(self, method: Callable[..., object]) -> None:
        """Call ``method()`` — a bound method of a widget or another object; ``method(language)``
        when it takes an argument — at each change of language, while its object lives."""
        if not hasattr(method, "__self__"):
            msg = f"connect a bound method (self.retranslate), not {method!r}"
            raise TypeError(msg)
        takes_language = bool(inspect.signature(method).parameters)
        self._methods.append((weakref.WeakMethod(method), takes_language))

    def disconnect(self, method: Callable[..., object]) -> None:
        """Stop calling ``method``."""
        self._methods = [(m, t) for m, t in self._methods if m() != method]

    def emit(self, language: str) -> None:
        """Call every method whose object still lives (its Python and its Qt side)."""
        self._methods = [(m, t) for m, t in self._methods if _callable(m)]
        for ref, takes_language in list(self._methods):
            method = ref() if _callable(ref) else None  # an earlier one may have closed it
            if method is not None:
                method(language) if takes_language else method()


def _callable(ref: weakref.WeakMethod) -> bool:
    method = ref()
    return method is not None and _is_alive(method.__self__)


def _is_alive(owner: object) -> bool:
    """Whether ``owner`` may be used: a Qt object whose C++ side was deleted may not."""
    try:
        return bool(shiboken6.isValid(owner))
    except TypeError:  # not a Qt object
        return True


class LanguageNotifier:
    """Says when the app's language changed, so that text built from data is written again:
    ``notifier().changed.connect(self.retranslate)``; ``retranslate(language)`` is called."""

    def __init__(self) -> None:
        self.changed = _Listeners()


_notifier: LanguageNotifier | None = None
_installed: list[QTranslator] = []


def notifier() -> LanguageNotifier:
    """The app's one `LanguageNotifier`; connect ``notifier().changed`` to a method that writes
    again the text a widget built from data (a summary, a status line)."""
    global _notifier
    if _notifier is None:
        _notifier = LanguageNotifier()
    return _notifier


def app_language(asked: str | None = None, *, saved: str | None = None) -> str:
    """The language the app starts in: ``asked`` (``--lang``), else ``CCGEO_LANG``, else the one
    chosen in Preferences (``saved``), else the system's (English when ccgeo does not speak it).

    Raises
    ------
    InputError
        For an ``asked`` or ``CCGEO_LANG`` language ccgeo does not speak (naming those it does).
    """
    import os

    if asked:
        i18n.set_language(asked)  # refuses an unknown one, naming the four
        return asked
    if os.environ.get("CCGEO_LANG", "").strip() or not saved:
        return i18n.language_from_environment()
    return saved if saved in i18n.LANGUAGES else i18n.language_from_environment()


def _load(path: Path) -> QTranslator | None:
    translator = QTranslator()
    if translator.load(str(path)):
        return translator
    log.warning("could not load the translations %s", path)
    return None


def install_language(language: str) -> None:
    """Speak ``language`` (a key of `ccgeo.i18n.LANGUAGES`) from now on: Qt's translators of the
    app and of Qt's own buttons, the gettext language, and the locale of numbers in fields."""
    i18n.set_language(language)
    app = QCoreApplication.instance()
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    if language != i18n.DEFAULT_LANGUAGE:
        qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        for path in (qt_dir / f"{_QT_CATALOGUES[language]}.qm", TS_DIR / f"ccgeo_{language}.qm"):
            translator = _load(path)
            if translator is not None and app is not None:
                QCoreApplication.installTranslator(translator)
                _installed.append(translator)
    else:
        # English plural forms ("1 facility", "2 facilities") live in a catalogue of their own
        translator = _load(TS_DIR / "ccgeo_en.qm")
        if translator is not None and app is not None:
            QCoreApplication.installTranslator(translator)
            _installed.append(translator)
    locale = QLocale(_QT_LOCALES[language])
    # number fields: the decimal mark of the language, no thousands separator in a typed value
    locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
    QLocale.setDefault(locale)


# -- switching while the app runs ---------------------------------------------------------------


@cache
def _qt_catalogue(language: str) -> dict[tuple[str, str | None], str]:
    """``(source, disambiguation) → translation`` of the app's messages in ``language``
    (plural messages left out: their text holds a number)."""
    path = TS_DIR / f"ccgeo_{language}.ts"
    if language == i18n.DEFAULT_LANGUAGE or not path.is_file():
        return {}
    found: dict[tuple[str, str | None], str] = {}
    for message in ET.parse(path).getroot().iter("message"):
        translation = message.find("translation")
        if message.get("numerus") == "yes" or translation is None or not translation.text:
            continue
        found[(message.findtext("source") or "", message.findtext("comment"))] = translation.text
    return found


def _shown(catalogue: dict[tuple[str, str | None], str], key: tuple[str, str | None]) -> str:
    return catalogue.get(key, key[0])


def _rewriter(old: str, new: str) -> Callable[[str], str | None]:
    """A function giving, for a text shown in ``old``, the same message in ``new`` (None for a
    text that is not a catalogue message: data, a name, a number)."""
    back: dict[str, str] = {}
    # a text some message writes the same in both languages stays as it is ("PCR" is the test's
    # name in both, even where another message says "pcr" in English)
    same: set[str] = set()
    for catalogue in (_qt_catalogue, i18n.message_texts):
        before, after = catalogue(old), catalogue(new)
        for key in sorted(before.keys() | after.keys(), key=lambda k: (k[0], k[1] or "")):
            shown, then = _shown(before, key), _shown(after, key)
            back.setdefault(shown, then)
            if shown == then:
                same.add(shown)
    for text in same:
        back[text] = text

    def rewrite(text: str) -> str | None:
        if not text:
            return None
        if text in back:
            return back[text]
        if "&" in text:  # a menu entry given its Alt+letter by the window (with_mnemonic)
            bare = text.replace("&", "", 1)
            if bare in back:
                return "&" + back[bare]
        return None

    return rewrite


def _retext(
    getter: Callable[[], str],
    setter: Callable[[str], object],
    rewrite: Callable[[str], str | None],
) -> None:
    text = getter()
    new = rewrite(text)
    if new is not None and new != text:
        setter(new)


def _retranslate_widget(widget: QWidget, rewrite: Callable[[str], str | None]) -> None:
    """Write again, in the new language, the texts ``widget`` shows that are catalogue messages."""
    for get, put in (
        (widget.windowTitle, widget.setWindowTitle),
        (widget.toolTip, widget.setToolTip),
        (widget.statusTip, widget.setStatusTip),
        (widget.whatsThis, widget.setWhatsThis),
        (widget.accessibleName, widget.setAccessibleName),
        (widget.accessibleDescription, widget.setAccessibleDescription),
    ):
        _retext(get, put, rewrite)
    if isinstance(widget, QLabel | QAbstractButton):
        _retext(widget.text, widget.setText, rewrite)
    if isinstance(widget, QGroupBox):
        _retext(widget.title, widget.setTitle, rewrite)
    if isinstance(widget, QMenu):
        _retext(widget.title, widget.setTitle, rewrite)
    if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit):
        _retext(widget.placeholderText, widget.setPlaceholderText, rewrite)
    if isinstance(widget, QComboBox):
        for i in range(widget.count()):
            if (text := rewrite(widget.itemText(i))) is not None:
                widget.setItemText(i, text)
    if isinstance(widget, QTabWidget):
        for i in range(widget.count()):
            if (text := rewrite(widget.tabText(i))) is not None:
                widget.setTabText(i, text)
            if (text := rewrite(widget.tabToolTip(i))) is not None:
                widget.setTabToolTip(i, text)
    if isinstance(widget, QWizardPage):
        _retext(widget.title, widget.setTitle, rewrite)
        _retext(widget.subTitle, widget.setSubTitle, rewrite)
    if isinstance(widget, QTableView | QTreeView):
        header = widget.horizontalHeader() if isinstance(widget, QTableView) else widget.header()
        _retranslate_headers(widget.model(), header.count(), rewrite)


def _retranslate_headers(
    model: QAbstractItemModel | None, count: int, rewrite: Callable[[str], str | None]
) -> None:
    """Header labels an item model keeps as data (QStandardItemModel, the item widgets)."""
    if model is None:
        return
    horizontal = Qt.Orientation.Horizontal
    for section in range(count):
        text = model.headerData(section, horizontal, Qt.ItemDataRole.DisplayRole)
        new = rewrite(text) if isinstance(text, str) else None
        if new is not None and new != text:
            model.setHeaderData(section, horizontal, new, Qt.ItemDataRole.DisplayRole)


def _retranslate_action(action: QAction, rewrite: Callable[[str], str | None]) -> None:
    tip_follows_text = action.toolTip() == action.text().replace("&", "")
    _retext(action.text, action.setText, rewrite)
    _retext(action.iconText, action.setIconText, rewrite)
    _retext(action.statusTip, action.setStatusTip, rewrite)
    if not tip_follows_text:
        _retext(action.toolTip, action.setToolTip, rewrite)


def retranslate(old: str, new: str) -> None:
    """Write again in ``new`` every catalogue text the app's windows show in ``old``."""
    rewrite = _rewriter(old, new)
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    actions: dict[int, QAction] = {}
    for top in app.topLevelWidgets():
        for widget in (top, *top.findChildren(QWidget)):
            _retranslate_widget(widget, rewrite)
            for action in widget.actions():
                actions[id(action)] = action
        for action in top.findChildren(QAction):
            actions[id(action)] = action
    for action in actions.values():
        _retranslate_action(action, rewrite)


def switch_language(language: str) -> None:
    """Speak ``language`` in the running app, at once: install its catalogues, write again every
    text the windows show, and tell the widgets with text built from data (`notifier`)."""
    old = i18n.current_language()
    install_language(language)
    if old != language:
        retranslate(old, language)
    notifier().changed.emit(language)
