"""The desktop app's Qt catalogues (ccgeo/gui/locale/ccgeo_<lang>.ts → .qm): every message of the
code translated in es, pt and fr, none stale, placeholders kept, the plural forms of English
given, and each compiled .qm what its .ts says."""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import translations  # noqa: E402 - tools/translations.py, the catalogue maintenance script

TRANSLATED = ("es", "pt", "fr")
#: ``{name}`` of str.format, ``%n`` of Qt plurals, ``%1`` of QString.arg.
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n|%[0-9]")
FIX = (
    "run `python tools/translations.py update`, translate, then `... compile` (docs/translating.md)"
)


def messages(path: Path) -> dict[tuple[str, str | None], ET.Element]:
    """``(source, disambiguation)`` → the ``<message>`` element, for every message of a .ts."""
    root = ET.parse(path).getroot()
    return {(m.findtext("source") or "", m.findtext("comment")): m for m in root.iter("message")}


@pytest.fixture(scope="module")
def code_messages(tmp_path_factory) -> dict[tuple[str, str | None], ET.Element]:
    """The messages of the code as pyside6-lupdate finds them now."""
    import subprocess

    out = tmp_path_factory.mktemp("ts") / "code.ts"
    command = [translations.tool("pyside6-lupdate"), *translations.sources(), "-ts", str(out)]
    subprocess.run([*command, "-locations", "none"], check=True, capture_output=True)
    return messages(out)


def test_the_app_has_messages(code_messages):
    assert len(code_messages) > 500  # every menu, panel and dialog: hundreds


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_message_is_translated_and_none_is_stale(language, code_messages):
    catalogue = messages(translations.ts_path(language))
    missing = sorted(k[0] for k in code_messages.keys() - catalogue.keys())
    stale = sorted(k[0] for k in catalogue.keys() - code_messages.keys())
    unfinished = sorted(
        k[0]
        for k, m in catalogue.items()
        if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
        or not "".join(m.find("translation").itertext()).strip()
        or any(not (f.text or "").strip() for f in m.iter("numerusform"))
    )
    assert not missing, f"{language}: not in the catalogue ({FIX}): {missing}"
    assert not stale, f"{language}: no longer in the code ({FIX}): {stale}"
    assert not unfinished, f"{language}: untranslated ({FIX}): {unfinished}"


def test_english_gives_every_plural_form(code_messages):
    plural = {k for k, m in code_messages.items() if m.get("numerus") == "yes"}
    catalogue = messages(translations.ts_path("en"))
    assert plural == catalogue.keys(), FIX
    for key, message in catalogue.items():
        forms = [f.text or "" for f in message.iter("numerusform")]
        assert len(forms) == 2, f"English needs one and other forms of {key[0]!r}"
        assert all(forms), f"English plural of {key[0]!r} is empty"


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_keep_every_placeholder(language):
    """A translation that loses or renames ``{people}`` would fail when it is shown."""
    wrong = []
    for (source, _), message in messages(translations.ts_path(language)).items():
        expected = set(PLACEHOLDER.findall(source))
        forms = [f.text or "" for f in message.iter("numerusform")] or [
            message.findtext("translation") or ""
        ]
        for form in forms:
            found = set(PLACEHOLDER.findall(form))
            # a singular form may say "one" in words instead of %n ("Une structure")
            if found != expected and not (found | {"%n"} == expected and len(forms) > 1):
                wrong.append(f"{source!r} → {form!r}")
    assert not wrong, f"{language}: placeholders differ from the English: {wrong}"


@pytest.mark.parametrize("language", [*TRANSLATED, "en"])
def test_the_compiled_catalogue_is_its_ts(language, tmp_path):
    shipped = translations.ts_path(language).with_suffix(".qm")
    assert shipped.is_file(), f"{shipped} is missing: {FIX}"
    fresh = tmp_path / shipped.name
    translations.compile_qm(language, fresh)
    assert fresh.read_bytes() == shipped.read_bytes(), f"{shipped} differs from its .ts: {FIX}"
