"""ccgeo in four languages outside the app: complete catalogues, numbers and dates per language,
the command line's help and messages, and how the language is chosen."""

from __future__ import annotations

import datetime as dt
import gettext
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages import frontend
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

from ccgeo import i18n
from ccgeo.cli import choose_language, main
from ccgeo.cli.parser import build_parser
from ccgeo.errors import InputError
from ccgeo.i18n import LANGUAGES, using_language
from ccgeo.labels import (
    format_count,
    format_date,
    format_people,
    format_share,
    format_share_change,
)

ROOT = Path(__file__).resolve().parents[1]
TRANSLATED = [code for code in LANGUAGES if code != i18n.DEFAULT_LANGUAGE]
#: ``{name}`` placeholders of str.format and ``%(name)s`` / ``%s`` of %-formatting.
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%(?:\([a-z_]+\))?[sdr]")


def _po_path(language: str) -> Path:
    return ROOT / "ccgeo" / "locale" / language / "LC_MESSAGES" / "ccgeo.po"


def _read_po(language: str):
    with _po_path(language).open("rb") as file:
        return read_po(file)


def _source_messages() -> dict[tuple[str | None, str], object]:
    """Every message of the code, as `pybabel extract -F babel.cfg` finds it: (context, msgid)
    → the msgid (a tuple for a plural)."""
    parse = getattr(frontend, "parse_mapping_cfg", None) or frontend.parse_mapping
    with (ROOT / "babel.cfg").open(encoding="utf-8") as cfg:
        method_map, options_map = parse(cfg)
    found = {}
    for _file, _line, message, _comments, context in extract_from_dir(
        str(ROOT), method_map, options_map
    ):
        key = message[0] if isinstance(message, tuple) else message
        found[(context, key)] = message
    return found


@pytest.fixture(scope="module")
def source_messages():
    return _source_messages()


# -- the catalogues -----------------------------------------------------------------------------


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_message_is_translated_and_none_is_stale(language, source_messages):
    catalogue = _read_po(language)
    in_catalogue = {(m.context, m.id[0] if isinstance(m.id, tuple) else m.id): m for m in catalogue}
    in_catalogue.pop((None, ""), None)
    missing = sorted(k[1] for k in source_messages.keys() - in_catalogue.keys())
    stale = sorted(k[1] for k in in_catalogue.keys() - source_messages.keys())
    fuzzy = sorted(m.id for m in in_catalogue.values() if m.fuzzy)
    untranslated = sorted(
        str(m.id)
        for m in in_catalogue.values()
        if not m.string or (isinstance(m.string, tuple) and not all(m.string))
    )
    plural_changed = sorted(
        str(k[1])
        for k, message in source_messages.items()
        if k in in_catalogue and message != in_catalogue[k].id
    )
    fix = "run the commands of docs/translating.md (extract, update), translate, compile"
    assert not missing, f"{language}: not in the catalogue ({fix}): {missing}"
    assert not stale, f"{language}: no longer in the code ({fix}): {stale}"
    assert not fuzzy, f"{language}: fuzzy, to check and confirm: {fuzzy}"
    assert not untranslated, f"{language}: untranslated: {untranslated}"
    assert not plural_changed, f"{language}: plural changed in the code: {plural_changed}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_keep_every_placeholder(language):
    """A translation that loses or renames ``{people}`` would fail when it is printed."""
    wrong = []
    for message in _read_po(language):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = sorted(PLACEHOLDER.findall(ids[-1]))
        wrong += [s for s in strings if sorted(PLACEHOLDER.findall(s)) != expected]
    assert not wrong, f"{language}: placeholders differ from the English: {wrong}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_compiled_catalogue_is_its_po(language):
    """The .mo shipped in the wheel says what its .po says (recompile: docs/translating.md)."""
    po = _po_path(language)
    mo = po.with_suffix(".mo")
    assert mo.is_file(), f"{mo} is missing: run `pybabel compile -d ccgeo/locale -D ccgeo`"
    with mo.open("rb") as file:
        compiled = gettext.GNUTranslations(file)._catalog  # type: ignore[attr-defined]
    expected = {}
    for message in _read_po(language):
        if not message.id:
            continue
        key = message.id if message.context is None else f"{message.context}\x04{message.id}"
        if isinstance(message.id, tuple):
            key = message.id[0] if message.context is None else f"{message.context}\x04{key[0]}"
            expected.update({(key, n): s for n, s in enumerate(message.string)})
        else:
            expected[key] = message.string
    compiled = {k: v for k, v in compiled.items() if k != ""}
    assert compiled == expected, (
        f"{mo} differs from its .po: run `pybabel compile -d ccgeo/locale -D ccgeo`"
    )


def test_plural_forms_follow_each_language():
    with using_language("fr"):
        assert i18n.ngettext("wrote {n} file to {out}:", "wrote {n} files to {out}:", 1) == (
            "{n} fichier écrit dans {out} :"
        )
        assert i18n.ngettext("wrote {n} file to {out}:", "wrote {n} files to {out}:", 0) == (
            "{n} fichier écrit dans {out} :"
        )
    with using_language("es"):
        assert i18n.ngettext("wrote {n} file to {out}:", "wrote {n} files to {out}:", 0) == (
            "se escribieron {n} archivos en {out}:"
        )
    assert i18n.ngettext("wrote {n} file to {out}:", "wrote {n} files to {out}:", 2) == (
        "wrote {n} files to {out}:"
    )


def test_a_message_not_in_the_catalogue_stays_english():
    with using_language("pt"):
        assert i18n.gettext("a message no catalogue has") == "a message no catalogue has"
        assert i18n.pgettext("analysis", "a message no catalogue has") == (
            "a message no catalogue has"
        )


# -- numbers and dates --------------------------------------------------------------------------


def test_a_small_change_of_share_never_reads_as_none():
    assert format_share_change(0.134) == "+13.4 pts"
    assert format_share_change(0.0) == "+0.0 pts"
    assert format_share_change(0.00028) == "+0.03 pts"  # Oaxaca's two new PCR hubs, 30 min
    assert format_share_change(-0.00001) == "-<0.01 pts"
    with using_language("pt"):
        assert format_share_change(0.00028) == "+0,03 p.p."


def test_english_numbers_are_as_before():
    assert format_people(517570) == "517,570"
    assert format_share(0.125) == "12.5 %"
    assert format_share(0.9999) == "> 99.9 %"
    assert format_count(12034) == "12,034"


@pytest.mark.parametrize(
    ("language", "people", "share"),
    [
        ("en", "517,570", "12.5 %"),
        ("es", "517.570", "12,5 %"),
        ("pt", "517.570", "12,5 %"),
        ("fr", format_decimal(517570, locale="fr"), "12,5 %"),
    ],
)
def test_numbers_in_each_language(language, people, share):
    with using_language(language):
        assert format_people(517570) == people
        assert format_share(0.125) == share
    assert format_people(517570) == "517,570"  # the language before is back


def test_french_groups_with_a_narrow_no_break_space():
    with using_language("fr"):
        assert format_people(517570) == "517\u202f570"
        assert format_share(0.00001) == "< 0,1 %"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "2 December 2026"),
        ("pt", "2 de dezembro de 2026"),
        ("es", "2 de diciembre de 2026"),
        ("fr", "2 décembre 2026"),
    ],
)
def test_dates_in_each_language(language, text):
    with using_language(language):
        assert format_date(dt.date(2026, 12, 2)) == text


# -- choosing the language ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({}, "en"),
        ({"LANG": "pt_BR.UTF-8"}, "pt"),
        ({"LANG": "es_MX.UTF-8"}, "es"),
        ({"LC_MESSAGES": "fr_SN.UTF-8", "LANG": "en_US.UTF-8"}, "fr"),
        ({"LC_ALL": "C", "LANG": "pt_BR.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"CCGEO_LANG": "fr", "LANG": "pt_BR.UTF-8"}, "fr"),
    ],
)
def test_the_language_from_the_environment(environ, language):
    assert i18n.language_from_environment(environ) == language


def test_an_unknown_language_is_refused_naming_the_known_ones():
    with pytest.raises(InputError, match=r"'xx'.*en \(English\).*pt \(Português"):
        i18n.set_language("xx")
    with pytest.raises(InputError, match="CCGEO_LANG"):
        i18n.language_from_environment({"CCGEO_LANG": "de"})
    assert i18n.current_language() == "en"


def test_lang_before_or_after_the_command_and_in_the_settings_file(tmp_path):
    environ = {"CCGEO_LANG": "es"}
    assert choose_language(["--lang", "pt", "access"], environ) == "pt"
    assert choose_language(["access", "--lang=fr"], environ) == "fr"
    assert choose_language(["access"], environ) == "es"
    settings = tmp_path / "s.toml"
    settings.write_text('format_version = 1\nlang = "pt"\n\n[access]\nmode = "walk"\n')
    assert choose_language(["access", "--settings", str(settings)], environ) == "pt"
    assert choose_language(["access", "--settings", str(settings), "--lang", "fr"]) == "fr"
    bad = tmp_path / "bad.toml"
    bad.write_text('lang = "de"\n')
    with pytest.raises(InputError, match=r"lang: language 'de' is not one ccgeo speaks"):
        choose_language(["access", "--settings", str(bad)], environ)


# -- the command line ---------------------------------------------------------------------------


def _help_texts(parser) -> list[str]:
    """Every description and help text of a parser and its commands, whitespace collapsed."""
    texts = [parser.description or ""]
    stack = [parser]
    while stack:
        current = stack.pop()
        texts.append(current.description or "")
        for action in current._actions:
            texts.append(action.help or "")
            if hasattr(action, "choices") and isinstance(action.choices, dict):
                stack.extend(action.choices.values())
            for choice in getattr(action, "_choices_actions", []):
                texts.append(choice.help or "")
        texts += [group.title or "" for group in current._action_groups]
    return sorted({" ".join(t.split()) for t in texts if t and t.strip()})


@pytest.fixture(autouse=True)
def _wide_help(monkeypatch):
    """Help lines unwrapped, so that a phrase is found whole."""
    monkeypatch.setenv("COLUMNS", "2000")


def _help_of(argv, capsys) -> str:
    with pytest.raises(SystemExit) as done:
        main(argv)
    assert done.value.code == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("language", TRANSLATED)
def test_no_english_help_line_is_left(language, capsys):
    english = _help_texts(build_parser())
    with using_language(language):
        translated = set(_help_texts(build_parser()))
    left = [text for text in english if text in translated and len(text.split()) > 1]
    assert not left, f"{language}: help texts still in English: {left}"
    commands = next(a for a in build_parser()._actions if isinstance(a.choices, dict)).choices
    for command in commands:
        shown = " ".join(_help_of(["--lang", language, command, "--help"], capsys).split())
        left = [text for text in english if len(text.split()) > 2 and text in shown]
        assert not left, f"{language} {command} --help: English left: {left}"


def test_access_help_in_portuguese(capsys):
    text = _help_of(["--lang", "pt", "access", "--help"], capsys)
    assert text.startswith("uso: ccgeo access")
    assert "opções:" in text
    assert "mostra esta ajuda e sai" in text
    assert "imuno-histoquímica" in text
    assert "controle externo da qualidade" in text
    assert "configurações de acesso" in text
    assert "usage:" not in text
    assert "show this help" not in text
    assert _help_of(["access", "--help", "--lang", "es"], capsys).startswith("uso: ccgeo access")
    assert "inmunohistoquímica" in _help_of(["access", "--lang", "es", "--help"], capsys)
    french = _help_of(["access", "--help", "--lang", "fr"], capsys)
    assert "immunohistochimie" in french
    assert "contrôle de qualité externe (EEQ)" in french


def test_the_english_help_is_unchanged_by_default(capsys):
    text = _help_of(["access", "--help"], capsys)
    assert text.startswith("usage: ccgeo access")
    assert "show this help message and exit" in text
    assert "travel-time thresholds, minutes, inclusive (default: 30,60,120)" in text
    assert i18n.current_language() == "en"


def test_an_unknown_lang_is_one_line_naming_the_languages(capsys):
    assert main(["--lang", "xx", "access", "--help"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        "ccgeo: error: --lang: language 'xx' is not one ccgeo speaks; choose one of "
        "en (English), es (Español), pt (Português (Brasil)), fr (Français)"
    ]


def test_errors_of_the_command_line_in_the_language(tmp_path, capsys):
    code = main(["--lang", "pt", "access", "--roads", str(tmp_path / "x.pbf"), "--out", "o"])
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith("ccgeo: erro: "), err
    with pytest.raises(SystemExit):
        main(["access", "--lang", "fr", "--thresholds"])
    assert "erreur" in capsys.readouterr().err


def test_ccgeo_lang_is_honoured_by_the_command():
    """A fresh process, as a user runs it: CCGEO_LANG=fr gives the French help."""
    done = subprocess.run(
        [sys.executable, "-m", "ccgeo", "demo", "--help"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={"CCGEO_LANG": "fr", "PATH": "/usr/bin:/bin"},
    )
    assert done.stdout.startswith("utilisation : ccgeo demo")
    assert "dossier de sortie (créé s'il n'existe pas)" in done.stdout


# -- a text written in one language, shown in another -------------------------------------------


def test_relocalise_writes_a_kept_message_again_in_the_current_language():
    from ccgeo.i18n import relocalise

    with using_language("fr"):
        assert relocalise("empty row", "en") == "ligne vide"
        # a message with a value that is itself a message
        assert relocalise("the layer is damaged: empty row", "en") == (
            "la couche est endommagée : ligne vide"
        )
        written = i18n.gettext("fill {column!r} or geocode the address").format(column="lat")
    with using_language("pt"):
        assert relocalise(written, "fr") == "preencha 'lat' ou geocodifique o endereço"
    assert relocalise(written, "fr") == "fill 'lat' or geocode the address"
    assert relocalise("Hospital São Lucas", "fr") == "Hospital São Lucas"  # not a message
    assert relocalise("empty row", "en") == "empty row"  # the same language


def test_an_import_report_speaks_the_language_it_is_shown_in():
    """Facilities imported in English, their checks shown in Portuguese, read as those of the
    same file imported in Portuguese; the report keeps its language in the project."""
    from ccgeo.io.facilities import read_facilities
    from ccgeo.model.reports import ImportReport
    from ccgeo.report.notes import import_notes

    messy = ROOT / "layers" / "demo" / "demo_facilities_messy.csv"
    english = read_facilities(messy).report
    with using_language("pt"):
        portuguese = read_facilities(messy).report
        shown = [(n.text, n.fix) for n in import_notes(english)]
        expected = [(n.text, n.fix) for n in import_notes(portuguese)]
        table = english.to_frame()
        expected_table = portuguese.to_frame()
    assert english.language == "en"
    assert portuguese.language == "pt"
    assert len(shown) > 5
    assert shown == expected
    assert list(table["problem"]) == list(expected_table["problem"])
    assert list(table["fix"]) == list(expected_table["fix"])
    again = ImportReport.from_dict(english.to_dict())
    assert again.language == "en"
    old = english.to_dict()
    del old["language"]  # saved before Step 9: English
    assert ImportReport.from_dict(old).language == "en"


def test_cautions_of_a_run_follow_the_language_of_the_report(copy_demo):
    """A result run in Portuguese (the app's language), printed in French: its cautions in
    French, as `ccgeo.report.notes` and the PDF's cover show them."""
    import dataclasses

    from ccgeo.model.settings import AccessSettings
    from ccgeo.report.notes import data_notes
    from ccgeo.tasks.access import run_access

    project = copy_demo()
    with using_language("pt"):
        result = run_access(project, AccessSettings(capability="pcr"))
        caution = i18n.gettext("no lab was given: every person counts as unreachable")
    result = dataclasses.replace(result, warnings=(*result.warnings, caution))
    assert result.language == "pt"
    with using_language("fr"):
        expected = i18n.gettext("no lab was given: every person counts as unreachable")
        assert result.shown_warnings()[-1] == expected
        texts = [n.text for n in data_notes(project, result) if n.topic == "analysis"]
    assert expected in texts
    assert caution not in texts
