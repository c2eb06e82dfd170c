"""The language ccgeo speaks outside the app: which one, and the translated text (gettext).

The catalogues are ``ccgeo/locale/<lang>/LC_MESSAGES/ccgeo.po`` (sources, edited by translators)
and the ``.mo`` files compiled from them (docs/translating.md says how). A message missing from a
catalogue is shown in English. Light on purpose: the standard library only, so that ``ccgeo
--help`` stays quick; Babel (numbers, dates) is loaded by `ccgeo.labels` when it formats.
"""

from __future__ import annotations

import gettext as _gettext
import os
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path

from ccgeo.errors import InputError

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "N_",
    "_",
    "babel_locale",
    "current_language",
    "gettext",
    "language_from_environment",
    "message_texts",
    "ngettext",
    "normalise_language",
    "pgettext",
    "relocalise",
    "set_language",
    "speak_argparse",
    "unknown_language_text",
    "using_language",
]

#: The languages ccgeo speaks, each in its own words.
LANGUAGES: dict[str, str] = {
    "en": "English",
    "es": "Español",
    "pt": "Português (Brasil)",
    "fr": "Français",
}
DEFAULT_LANGUAGE = "en"
#: The gettext domain: ``ccgeo.po`` / ``ccgeo.mo``.
DOMAIN = "ccgeo"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

#: The CLDR locale each language formats numbers and dates with: international English
#: ("2 December 2026"), Brazilian Portuguese.
_BABEL_LOCALES = {"en": "en_GB", "es": "es", "pt": "pt_BR", "fr": "fr"}
#: Variables read by `language_from_environment`, in order (CCGEO_LANG, then POSIX).
_SYSTEM_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")

_current = DEFAULT_LANGUAGE
#: The language of one piece of work (`using_language`), in its own thread or task only: a report
#: printed in French on a worker thread while the app goes on speaking Portuguese.
_within: ContextVar[str | None] = ContextVar("ccgeo_language", default=None)


def normalise_language(text: str | None) -> str | None:
    """The language code of a locale name: ``"pt_BR.UTF-8"`` → ``"pt"``, ``"fr"`` → ``"fr"``;
    None for a language ccgeo does not speak (``"de_DE"``, ``"C"``) or an empty text."""
    if not text:
        return None
    code = text.strip().split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else None


def unknown_language_text(given: str) -> str:
    """The one line that refuses a language: what arrived and the languages to choose from."""
    known = ", ".join(f"{code} ({name})" for code, name in LANGUAGES.items())
    return f"language {given!r} is not one ccgeo speaks; choose one of {known}"


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The language asked for by the environment: ``CCGEO_LANG``, else the system locale.

    ``CCGEO_LANG`` must be one of `LANGUAGES` (an `InputError` otherwise, naming them). Then
    the first of ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that is set decides, as in POSIX; a
    locale ccgeo does not speak (``de_DE.UTF-8``, ``C``) gives English.
    """
    env = os.environ if environ is None else environ
    asked = env.get("CCGEO_LANG", "").strip()
    if asked:
        if asked not in LANGUAGES:
            raise InputError("CCGEO_LANG: " + unknown_language_text(asked))
        return asked
    for name in _SYSTEM_VARIABLES:
        if env.get(name):
            return normalise_language(env[name]) or DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


def set_language(language: str) -> None:
    """Speak ``language`` (a key of `LANGUAGES`) from now on.

    Raises
    ------
    InputError
        For a language ccgeo does not speak (the message names those it does).
    """
    global _current
    if language not in LANGUAGES:
        raise InputError(unknown_language_text(language))
    _current = language


def current_language() -> str:
    """The language ccgeo speaks now, here (a key of `LANGUAGES`): that of the innermost
    `using_language` of this thread, else the one `set_language` chose."""
    return _within.get() or _current


@contextmanager
def using_language(language: str) -> Iterator[None]:
    """Speak ``language`` inside the ``with`` block, and the language before it after."""
    if language not in LANGUAGES:
        raise InputError(unknown_language_text(language))
    token = _within.set(language)
    try:
        yield
    finally:
        _within.reset(token)


def babel_locale(language: str | None = None) -> str:
    """The CLDR locale of ``language`` (default: the current one) for Babel: ``"pt_BR"``."""
    return _BABEL_LOCALES[language or current_language()]


@cache
def _catalogue(language: str) -> _gettext.NullTranslations:
    if language == DEFAULT_LANGUAGE:
        return _gettext.NullTranslations()
    return _gettext.translation(DOMAIN, LOCALE_DIR, languages=[language], fallback=True)


def gettext(message: str) -> str:
    """``message`` in the current language (itself when it has no translation)."""
    return _catalogue(current_language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message for ``n`` things, by the plural rules of the current language."""
    return _catalogue(current_language()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` in the current language, where ``context`` tells apart two meanings of the
    same English words (``pgettext("analysis", "access")``)."""
    return _catalogue(current_language()).pgettext(context, message)


def N_(message: str) -> str:  # noqa: N802 - the gettext convention
    """Mark ``message`` for translation without translating it (a constant translated where it
    is shown, with `gettext`)."""
    return message


_ = gettext


#: The messages of argparse itself that a ``ccgeo`` or ``python main.py`` user reads (help
#: headings, usage, the common errors), marked here so that the catalogues carry them;
#: `speak_argparse` has argparse look them up there.
ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("one of the arguments %s is required"),
)


def speak_argparse() -> None:
    """Have argparse's own words (``usage:``, ``options``, its errors) follow ccgeo's language.

    argparse looks its messages up with the functions ``argparse._`` and ``argparse.ngettext``
    when it builds a parser and when it reports; ccgeo's catalogues answer them instead of the
    system's. A message ccgeo does not carry, and every message in English, is unchanged.
    """
    import argparse

    argparse._ = gettext  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]


# -- a text written in one language, shown in another ---------------------------------------------

#: ``{name}``, ``{value!r}``, ``{share:.1f}``: the placeholders of a catalogue message.
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


@cache
def message_texts(language: str) -> dict[tuple[str, str | None], str]:
    """``(msgid, msgctxt) → translation`` of the singular messages of ``language`` (the msgids
    themselves for English)."""
    catalogue = _catalogue(language)
    if language == DEFAULT_LANGUAGE or not isinstance(catalogue, _gettext.GNUTranslations):
        # English: the sources, as the catalogue of any other language lists them
        other = next(code for code in LANGUAGES if code != DEFAULT_LANGUAGE)
        return {key: key[0] for key in message_texts(other)}
    found: dict[tuple[str, str | None], str] = {}
    for key, text in catalogue._catalog.items():  # type: ignore[attr-defined]
        if not isinstance(key, str) or not key or not text:
            continue
        context, _sep, msgid = key.rpartition("\x04")
        found[(msgid, context or None)] = text
    return found


@cache
def _patterns(
    source: str, target: str
) -> tuple[dict[str, str], list[tuple[str, re.Pattern, list[str], str]]]:
    """What `relocalise` matches: the texts without placeholders (``source`` text → ``target``
    text), and for those with placeholders a pattern of the ``source`` text, its placeholders
    in order and the ``target`` text; the longest literal beginning first."""
    before, after = message_texts(source), message_texts(target)
    plain: dict[str, str] = {}
    formatted = []
    for key, text in before.items():
        wanted = after.get(key, key[0])
        tokens = _PLACEHOLDER.findall(text)
        if not tokens:
            plain.setdefault(text, wanted)
            continue
        literals = _PLACEHOLDER.split(text)
        pattern = "(.+?)".join(re.escape(part) for part in literals)
        formatted.append((literals[0], re.compile(f"^{pattern}$", re.DOTALL), tokens, wanted))
    formatted.sort(key=lambda item: -len(item[0]))
    return plain, formatted


def relocalise(text: str, source_language: str, *, depth: int = 2) -> str:
    """``text`` — a message ccgeo wrote in ``source_language`` and kept (an import check saved
    with a project) — in the current language: the catalogue message it was made from is found
    (its placeholders' values too, themselves messages up to ``depth`` deep) and written again.
    A text that is no catalogue message (a planner's own words, data) is returned as it is."""
    target = current_language()
    if not text or source_language == target or source_language not in LANGUAGES:
        return text
    plain, formatted = _patterns(source_language, target)
    if text in plain:
        return plain[text]
    for prefix, pattern, tokens, wanted in formatted:
        if not text.startswith(prefix):
            continue
        match = pattern.match(text)
        if match is None:
            continue
        values = {
            token: relocalise(value, source_language, depth=depth - 1) if depth > 0 else value
            for token, value in zip(tokens, match.groups(), strict=True)
        }
        return _fill(wanted, values)
    return text


def _fill(text: str, values: dict[str, str]) -> str:
    """``text`` with each placeholder replaced by its value, as it was written."""
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(0), m.group(0)), text)
