"""The HTML map in English, Spanish, Portuguese and French: words, numbers, dates, ``lang``."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file
from demokit import demo_with_plans
from test_webmap import in_page as in_json_page
from test_webmap import layer_names

from ccgeo.i18n import current_language, using_language
from ccgeo.report.webmap import build_webmap, export_webmap, offline_html

DATE = dt.date(2031, 5, 17)
LANGUAGES = ("en", "es", "pt", "fr")
MAP_SOURCES = ("ccgeo/report/webmap.py", "ccgeo/report/notes.py")
ROOT = Path(__file__).resolve().parents[1]

#: Words the reader sees in each language: the legend's heading, layer names, the notes panel,
#: the title's scenario and date.
EXPECTED = {
    "en": ("Legend", "Districts (coverage)", "Referral routes", "Data notes", "2031-05-17"),
    "es": (
        "Leyenda",
        "Distritos (cobertura)",
        "Rutas de derivación",
        "Notas sobre los datos",
        "Situación actual (laboratorios existentes)",
        "17 de mayo de 2031",
    ),
    "pt": (
        "Legenda",
        "Distritos (cobertura)",
        "Rotas de encaminhamento",
        "Notas sobre os dados",
        "Situação atual (laboratórios existentes)",
        "17 de maio de 2031",
    ),
    "fr": (
        "Légende",
        "Districts (couverture)",
        "Trajets d’acheminement",
        "Remarques sur les données",
        "Situation actuelle (laboratoires existants)",
        "17 mai 2031",
    ),
}


def in_page(text: str, value: str) -> bool:
    """Whether ``value`` is in the page as written, as folium's JSON writes it
    (`test_webmap.in_page`), or HTML-escaped as the title box and the panels write it."""
    escaped = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return in_json_page(text, value) or escaped.replace("'", "&#x27;") in text


def english_phrases() -> set[str]:
    """The English text of the map's messages (webmap.py, notes.py) as fixed phrases of more
    than three words: each message cut at its placeholders (``{people}``)."""
    phrases = set()
    for source in MAP_SOURCES:
        for _line, message, _comments, _context in extract_from_file("python", ROOT / source):
            for text in message if isinstance(message, tuple) else (message,):
                for part in re.split(r"\{[^}]*\}", text):
                    part = part.strip(" :;,.()…")
                    if len(part.split()) > 3:
                        phrases.add(part)
    return phrases


@pytest.fixture(scope="module")
def demo(copy_demo):
    """This module's own copy of the demo city with an access analysis, hubs and referral."""
    return demo_with_plans(copy_demo())


@pytest.fixture(scope="module")
def maps(demo):
    """Per language, the map (`folium.Map`) and its page as `export_webmap` writes it."""
    project, result, siting, referral = demo
    out = {}
    for lang in LANGUAGES:
        fmap = build_webmap(project, result, siting=siting, referral=referral, date=DATE, lang=lang)
        out[lang] = (fmap, offline_html(fmap.get_root().render()))
    return out


@pytest.mark.parametrize("lang", LANGUAGES)
def test_page_says_its_language(maps, lang):
    _fmap, page = maps[lang]
    assert f'<html lang="{lang}">' in page
    assert current_language() == "en", "lang= must not change the language after the build"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_known_words_are_translated(maps, lang):
    fmap, page = maps[lang]
    missing = [word for word in EXPECTED[lang] if not in_page(page, word)]
    assert not missing, f"{lang}: expected {missing} in the map; the catalogue or a wrap is lost"
    if lang != "en":
        same = set(layer_names(fmap)) & set(layer_names(maps["en"][0]))
        assert not same, f"{lang}: layer names left in English: {sorted(same)}"


def test_english_phrases_are_in_the_english_map(maps):
    """The check below means something: the English map shows many of these phrases."""
    _fmap, page = maps["en"]
    shown = [phrase for phrase in english_phrases() if in_page(page, phrase)]
    assert len(shown) >= 10, f"only {shown} of the English phrases found in the English map"


@pytest.mark.parametrize("lang", ["es", "pt", "fr"])
def test_no_english_left(maps, lang):
    _fmap, page = maps[lang]
    left = sorted(phrase for phrase in english_phrases() if in_page(page, phrase))
    assert not left, f"{lang}: English text left in the map: {left[:10]}"


def test_numbers_follow_the_language(maps, demo):
    project = demo[0]
    total = float(project.demand.gdf["population"].sum())
    assert total >= 1000, "the demo city should have thousands of people to check grouping"
    names = {lang: layer_names(maps[lang][0]) for lang in LANGUAGES}
    assert any(re.fullmatch(r"Population \(\d{1,3}(,\d{3})+ people\)", n) for n in names["en"])
    assert any(re.fullmatch(r"População \(\d{1,3}(\.\d{3})+ pessoas\)", n) for n in names["pt"])
    assert any(re.fullmatch(r"Población \(\d{1,3}(\.\d{3})+ personas\)", n) for n in names["es"])
    assert any(
        re.fullmatch(r"Population \(\d{1,3}(\u202f\d{3})+ personnes\)", n) for n in names["fr"]
    )


def test_current_language_is_the_default(demo):
    """Without ``lang``, the map speaks the language current when it is built (the CLI's)."""
    project = demo[0]
    with using_language("fr"):
        page = build_webmap(project, date=DATE).get_root().render()
    assert '<html lang="fr">' in page
    assert "Légende" in page


def test_export_in_a_language(demo, tmp_path):
    project = demo[0]
    path = export_webmap(project, out_path=tmp_path / "mapa.html", date=DATE, lang="pt")
    text = path.read_text(encoding="utf-8")
    assert '<html lang="pt">' in text
    assert "Legenda" in text
    assert "17 de maio de 2031" in text
    assert current_language() == "en"
