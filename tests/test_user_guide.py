"""The offline user guide: the shipped HTML is what docs/guide and its catalogues make, in every
language; every page a panel opens exists, links stay inside the guide, pictures are those of
docs/img, and every unit of the guide is translated with its code and links kept (no Qt)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from ccgeo.i18n import LANGUAGES
from ccgeo.params import resource

ROOT = Path(__file__).resolve().parents[1]
#: The tasks the guide must cover, one page each.
TASK_PAGES = (
    "open-data",
    "import-facilities",
    "run-access",
    "what-if",
    "compare-scenarios",
    "site-hubs",
    "plan-referral",
    "lab-capacity",
    "export-print",
    "settings-files",
    "command-line",
)


@pytest.fixture(scope="module")
def make_help():
    spec = importlib.util.spec_from_file_location("make_help", ROOT / "docs" / "make_help.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_shipped_html_is_fresh(make_help) -> None:
    stale = make_help.stale()
    assert not stale, f"run `python docs/make_help.py`: stale {stale}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_page_per_task_and_a_contents_page(language: str) -> None:
    folder = resource("help") / language
    for name in ("index", *TASK_PAGES):
        assert (ROOT / "docs" / "guide" / f"{name}.md").is_file(), name
        assert (folder / f"{name}.html").is_file(), name
    contents = (folder / "index.html").read_text(encoding="utf-8")
    for name in TASK_PAGES:
        assert f'href="{name}.html"' in contents, f"the contents do not link to {name}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_links_stay_in_the_guide_and_pictures_exist(language: str) -> None:
    folder = resource("help") / language
    pages = list(folder.glob("*.html"))
    assert len(pages) == len(list((ROOT / "docs" / "guide").glob("*.md")))
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "<script" not in text
        for href in re.findall(r'href="([^"]+)"', text):
            assert "://" not in href, f"{page.name} links outside the guide: {href}"
            assert (folder / href.partition("#")[0]).is_file(), f"{page.name}: {href}"
        assert f'<html lang="{language}">' in text
        # the pages of every language show the one copy of the pictures, resources/help/img
        for src in re.findall(r'src="([^"]+)"', text):
            assert src.startswith("../img/"), f"{page.name}: {src}"
            assert (folder / src).is_file(), f"{page.name}: {src}"
            picture = src.removeprefix("../")
            assert (ROOT / "docs" / picture).is_file(), f"{picture} is not a picture of docs/img"


def test_the_markdown_subset(make_help) -> None:
    title, body = make_help.to_html(
        "# A *title*\n\nSee [run](run-access.md#x) and `code < 1`, **F5**.\n\n"
        "- one\n  more\n- two\n\n1. first\n2. second\n\n```\na < b\n```\n"
    )
    assert title == "A *title*"
    assert "<h1>A <i>title</i></h1>" in body
    assert '<a href="run-access.html#x">run</a>' in body
    assert "<code>code &lt; 1</code>" in body
    assert "<b>F5</b>" in body
    assert "<ul>\n<li>one more</li>\n<li>two</li>\n</ul>" in body
    assert "<ol>\n<li>first</li>\n<li>second</li>\n</ol>" in body
    assert "<pre>a &lt; b</pre>" in body


def test_each_language_links_and_shows_what_english_does() -> None:
    english = resource("help") / "en"
    for page in sorted(english.glob("*.html")):
        text = page.read_text(encoding="utf-8")
        want = sorted(re.findall(r'(?:href|src)="([^"]+)"', text))
        for language in LANGUAGES:
            translated = (resource("help") / language / page.name).read_text(encoding="utf-8")
            have = sorted(re.findall(r'(?:href|src)="([^"]+)"', translated))
            assert have == want, f"{language}/{page.name} links or shows other things than English"


# -- the catalogues: docs/guide/locale/<lang>/guide.po ------------------------------------------


@pytest.fixture(scope="module")
def template(make_help):
    return make_help.extract()


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != "en"])
def test_every_unit_of_the_guide_is_translated(make_help, template, language: str) -> None:
    catalogue = make_help.read_catalogue(language)
    wanted = {(m.context, m.id) for m in template if m.id}
    have = {(m.context, m.id): m for m in catalogue if m.id}
    assert len(wanted) > 150, "the guide should have more units than that"
    assert not wanted - set(have), "units missing: run python docs/make_help.py --update-catalogues"
    assert not set(have) - wanted, "units no longer in the guide: run --update-catalogues"
    assert not catalogue.obsolete
    for key in wanted:
        message = have[key]
        assert message.string, f"{language}: not translated: {key}"
        assert not message.fuzzy, f"{language}: fuzzy (check it, remove the flag): {key}"
    assert not [p for p in make_help.stale_catalogues() if p.startswith(f"{language}/")]


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != "en"])
def test_translations_keep_code_links_and_emphasis(make_help, language: str) -> None:
    for message in make_help.read_catalogue(language):
        if not message.id:
            continue
        where = f"{language} ({message.context}) {message.id[:50]!r}"
        assert make_help.code_spans(message.string) == make_help.code_spans(message.id), where
        assert make_help.link_targets(message.string) == make_help.link_targets(message.id), where
        assert message.string.count("**") == message.id.count("**"), where
        assert message.string.count("`") == message.id.count("`"), where


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != "en"])
def test_the_pages_are_in_their_language(make_help, language: str) -> None:
    """Each unit shows translated: its English is nowhere on the page of ``language``."""
    catalogue = make_help.read_catalogue(language)
    folder = resource("help") / language
    for source in sorted((ROOT / "docs" / "guide").glob("*.md")):
        text = (folder / f"{source.stem}.html").read_text(encoding="utf-8")
        for unit, line in make_help.units(source.read_text(encoding="utf-8")):
            translation = catalogue.get(unit, context=source.stem).string
            assert make_help.inline(translation) in text, f"{language}/{source.name}:{line}"
            if translation != unit and len(unit) > 12:
                english = make_help.inline(unit)
                assert english not in text, f"English left in {language}/{source.name}:{line}"


def test_code_blocks_and_code_only_text_are_not_for_translation(make_help) -> None:
    markdown = (
        "# Title\n\n```\nccgeo access --out results/\n```\n\n"
        "- `30, 60, 120`\n- with `code` and\n  words\n\n![A caption](img/x.png)\n"
    )
    assert make_help.units(markdown) == [
        ("Title", 1),
        ("with `code` and words", 8),
        ("A caption", 11),
    ]
    title, body = make_help.to_html(
        markdown, translate=lambda text: {"Title": "Título"}.get(text, text)
    )
    assert title == "Título"
    assert "<pre>ccgeo access --out results/</pre>" in body
    assert "<li><code>30, 60, 120</code></li>" in body


def test_update_catalogues_works_as_pybabel_update(make_help, tmp_path: Path) -> None:
    guide, catalogues = tmp_path / "guide", tmp_path / "locale"
    guide.mkdir()
    page = guide / "page.md"
    page.write_text("# Run the analysis\n\nPress **Run analysis** (F5).\n\nGone soon.\n")
    assert len(make_help.update_catalogues(guide, catalogues)) == 3  # es, pt, fr: new
    assert make_help.update_catalogues(guide, catalogues) == []
    spanish = make_help.read_catalogue("es", catalogues)
    assert [(m.context, m.id, m.string) for m in spanish if m.id] == [
        ("page", "Run the analysis", ""),
        ("page", "Press **Run analysis** (F5).", ""),
        ("page", "Gone soon.", ""),
    ]
    spanish.get(
        "Press **Run analysis** (F5).", context="page"
    ).string = "Pulse **Ejecutar análisis** (F5)."
    make_help.catalogue_path("es", catalogues).write_bytes(make_help._po_bytes(spanish))
    page.write_text("# Run the analysis\n\nPress **Run analysis** (F5) now.\n\nNew text.\n")
    assert make_help.update_catalogues(guide, catalogues)
    spanish = make_help.read_catalogue("es", catalogues)
    messages = {m.id: m for m in spanish if m.id}
    assert set(messages) == {"Run the analysis", "Press **Run analysis** (F5) now.", "New text."}
    changed = messages["Press **Run analysis** (F5) now."]
    assert changed.fuzzy
    assert changed.string == "Pulse **Ejecutar análisis** (F5)."
    assert messages["New text."].string == ""
    assert not messages["New text."].fuzzy
    assert "Gone soon." not in make_help.catalogue_path("es", catalogues).read_text("utf-8")
    # the same guide again changes nothing: the catalogues are written only when they change
    assert make_help.update_catalogues(guide, catalogues) == []
    problems = make_help.stale_catalogues(guide, catalogues)
    assert any("es/guide.po: fuzzy" in p for p in problems)
    assert any("es/guide.po: untranslated" in p for p in problems)
