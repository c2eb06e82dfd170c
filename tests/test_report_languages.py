"""The PDF report in Spanish, Portuguese and French, printed by ``ccgeo --lang L report`` and read
back with pdftotext: each sentence the English report shows comes in the language asked, none is
left in English, and the date and numbers are written the language's way."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from test_cli import saved_demo  # noqa: F401 - the fixture: the demo city saved with settings

from ccgeo import i18n
from ccgeo.cli import main
from ccgeo.i18n import using_language
from ccgeo.labels import format_date

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed"
)

TRANSLATED = ("es", "pt", "fr")
#: Placeholders: messages holding one are checked through their fixed words only.
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\([a-z_]+\)[sd]|%[sd]")


def plain(text: str) -> str:
    """``text`` with every run of spaces, no-break spaces and line ends as one space (a PDF
    writes French's narrow no-break space of ``1 850 000`` as a plain one)."""
    return " ".join(text.replace("\u202f", " ").replace("\xa0", " ").split())


def pdf_text(path: Path) -> str:
    """The text of a PDF, read with pdftotext, spaces made plain (`plain`)."""
    run = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return plain(run.stdout)


@cache
def sentences(language: str) -> dict[str, str]:
    """English → ``language`` for the catalogue's messages without placeholders that are whole
    sentences or headings (four words and more): a shorter one may be part of a longer message,
    translated there in other words."""
    po = i18n.LOCALE_DIR / language / "LC_MESSAGES" / "ccgeo.po"
    with po.open("rb") as file:
        catalogue = read_po(file)
    return {
        plain(m.id): plain(m.string)
        for m in catalogue
        if isinstance(m.id, str)
        and m.id
        and m.string
        and m.string != m.id
        and not PLACEHOLDER.search(m.id)
        and len(m.id.split()) >= 4
    }


@pytest.fixture(scope="module")
def reports(tmp_path_factory, saved_demo) -> dict[str, str]:  # noqa: F811 - the fixture
    """The text of the demo city's report in each language, printed by the command line."""
    project = saved_demo
    folder = tmp_path_factory.mktemp("reports")
    texts = {}
    for language in ("en", *TRANSLATED):
        out = folder / f"report_{language}.pdf"
        assert main(["--lang", language, "report", str(project), "-o", str(out)]) == 0
        texts[language] = pdf_text(out)
    return texts


@pytest.mark.parametrize("language", TRANSLATED)
def test_no_english_sentence_is_left_in_the_report(reports, language):
    english = reports["en"]
    text = reports[language]
    shown = {s: t for s, t in sentences(language).items() if s in english}
    # a short message inside a longer one is translated as part of it, in its own words
    shown = {s: t for s, t in shown.items() if not any(s in o and s != o for o in shown)}
    assert len(shown) > 25, "the English report should show many catalogue sentences"
    left = sorted(s for s in shown if s in text and s not in shown[s])
    missing = sorted(t for t in shown.values() if t not in text)
    assert left == [], f"{language}: English left in the report"
    assert missing == [], f"{language}: translations not printed"


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_report_dates_and_numbers_follow_the_language(reports, language):
    with using_language(language):
        today = format_date(dt.date.today())
    assert today in reports[language]
    assert format_date(dt.date.today()) not in reports[language] or language == "en"
    # the demo city's population, grouped the language's way (1.850.000 / 1 850 000)
    with using_language(language):
        from ccgeo.labels import format_people

        assert plain(format_people(1_850_000)) in reports[language]


def test_ccgeo_report_lang_fr_prints_a_french_report(reports):
    text = reports["fr"]
    for words in ("Méthodes", "laboratoire"):
        assert words in text
    assert "Methods" not in text
