"""Make the app's offline user guide, in every language ccgeo speaks: docs/guide/*.md and the
catalogues docs/guide/locale/<lang>/guide.po → resources/help/<lang>/*.html (and its pictures).

    python docs/make_help.py                       # write resources/help (en, es, pt, fr)
    python docs/make_help.py --check               # exit 1 when resources/help or a catalogue
                                                   # is not what the guide makes
    python docs/make_help.py --update-catalogues   # bring the catalogues up to the guide

The Markdown is the small part of the language the guide uses (headings, paragraphs, lists,
code blocks, bold, italics, code, links and pictures), converted here with no dependency so
that the same text always gives the same HTML (tests/test_user_guide.py checks that the shipped HTML
is fresh). Links to ``page.md`` become ``page.html``; a picture ``img/NAME.png`` is
docs/img/NAME.png, copied once to resources/help/img for the pages of every language. The app
shows the pages of its language in a QTextBrowser (`ccgeo.gui.help`), offline.

Translation is gettext's, the way Sphinx and po4a do it: each heading, paragraph, list item and
picture caption is one message (its ``msgctxt`` is the page), with its inline Markdown (code,
bold, links) kept in the message. ``--update-catalogues`` works as ``pybabel update``: new
messages come in untranslated, a message whose English changed a little is marked fuzzy with
the old translation as a suggestion, messages the guide no longer has go. English is the
Markdown itself; a message without a finished translation shows in English.
"""

from __future__ import annotations

import argparse
import html
import io
import re
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import NamedTuple

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from ccgeo import __version__
from ccgeo.i18n import DEFAULT_LANGUAGE, LANGUAGES, babel_locale

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "guide"
CATALOGUES = GUIDE / "locale"
PICTURES = ROOT / "docs" / "img"
OUT = ROOT / "resources" / "help"
#: The languages the guide is translated into (English is the Markdown itself).
TRANSLATED = tuple(code for code in LANGUAGES if code != DEFAULT_LANGUAGE)
#: Pages are in resources/help/<lang>/, pictures in resources/help/img/.
_PICTURE_PREFIX = "../"

_INLINE = re.compile(
    r"(?P<code>`[^`]+`)"
    r"|!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)\)"
    r"|\[(?P<text>[^\]]+)\]\((?P<href>[^)\s]+)\)"
    r"|\*\*(?P<bold>.+?)\*\*"
    r"|\*(?P<em>[^*\s][^*]*?)\*"
)
_CODE = re.compile(r"`[^`]+`")
_LINK_TARGET = re.compile(r"\]\(([^)\s]+)\)")
_PICTURE = re.compile(r"^!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)\)$")
_ITEM = re.compile(r"^(?P<indent> *)(?P<mark>[-*]|\d+\.) +(?P<text>.*)$")

#: A unit's text → its text in the language of the page.
Translate = Callable[[str], str]


def _href(target: str) -> str:
    """``page.md`` (with an optional ``#anchor``) → ``page.html``; other links unchanged."""
    page, hash_, anchor = target.partition("#")
    if page.endswith(".md"):
        page = page[:-3] + ".html"
    return page + hash_ + anchor


def inline(text: str) -> str:
    """One line of Markdown text → HTML (escaped, with code, links, pictures, emphasis)."""
    out, pos = [], 0
    for match in _INLINE.finditer(text):
        out.append(html.escape(text[pos : match.start()], quote=False))
        pos = match.end()
        if match["code"]:
            out.append(f"<code>{html.escape(match['code'][1:-1], quote=False)}</code>")
        elif match["src"]:
            alt = html.escape(match["alt"])
            src = html.escape(_PICTURE_PREFIX + match["src"])
            out.append(f'<img src="{src}" alt="{alt}" width="560">')
        elif match["href"]:
            href = html.escape(_href(match["href"]))
            out.append(f'<a href="{href}">{inline(match["text"])}</a>')
        elif match["bold"]:
            out.append(f"<b>{inline(match['bold'])}</b>")
        else:
            out.append(f"<i>{inline(match['em'])}</i>")
    out.append(html.escape(text[pos:], quote=False))
    return "".join(out)


# -- the page as blocks, and the units a translator sees -----------------------------------------


class Block(NamedTuple):
    """A piece of a page: ``kind`` is heading, paragraph, picture, list or code.

    ``texts`` are its units (the heading's or paragraph's text, the picture's caption, one per
    list item) or, for code, its lines; ``lines`` the line of the page (from 1) each starts on.
    """

    kind: str
    texts: tuple[str, ...]
    lines: tuple[int, ...]
    level: int = 0
    ordered: bool = False
    src: str = ""


def _chunks(markdown: str) -> Iterator[tuple[int, list[str]]]:
    """The text cut into ``(first line, lines)``: a heading, a code block (with its fences), or
    lines up to a blank line."""
    current: list[str] = []
    start = 0
    lines = enumerate(markdown.splitlines(), start=1)
    for number, line in lines:
        if line.startswith("```"):
            if current:
                yield start, current
            code = [line]
            for _, more in lines:
                if more.startswith("```"):
                    break
                code.append(more)
            yield number, code
            current = []
        elif not line.strip() or line.startswith("#"):
            if current:
                yield start, current
            if line.startswith("#"):
                yield number, [line]
            current = []
        else:
            if not current:
                start = number
            current.append(line)
    if current:
        yield start, current


def _list_block(start: int, lines: list[str]) -> Block:
    """A bullet or numbered list; indented lines continue the item above them."""
    ordered = _ITEM.match(lines[0])["mark"][0].isdigit()  # type: ignore[index]
    items: list[str] = []
    starts: list[int] = []
    for number, line in enumerate(lines, start=start):
        match = _ITEM.match(line)
        if match and not match["indent"]:
            items.append(match["text"])
            starts.append(number)
        else:
            items[-1] += " " + line.strip()
    return Block("list", tuple(items), tuple(starts), ordered=ordered)


def parse(markdown: str) -> list[Block]:
    """A page of Markdown → its blocks, in order."""
    blocks = []
    for start, lines in _chunks(markdown):
        first = lines[0]
        if first.startswith("```"):
            blocks.append(Block("code", tuple(lines[1:]), (start,)))
        elif first.startswith("#"):
            level = len(first) - len(first.lstrip("#"))
            blocks.append(Block("heading", (first[level:].strip(),), (start,), level=level))
        elif _ITEM.match(first):
            blocks.append(_list_block(start, lines))
        else:
            text = " ".join(line.strip() for line in lines)
            picture = _PICTURE.match(text)
            if picture:
                blocks.append(Block("picture", (picture["alt"],), (start,), src=picture["src"]))
            else:
                blocks.append(Block("paragraph", (text,), (start,)))
    return blocks


def translatable(text: str) -> bool:
    """Whether a unit has words to translate (not only code, numbers and signs)."""
    return re.search(r"[^\W\d_]", _CODE.sub("", text)) is not None


def units(markdown: str) -> list[tuple[str, int]]:
    """The translatable units of a page, ``(text, line)`` in order (code blocks are not)."""
    return [
        (text, line)
        for block in parse(markdown)
        if block.kind != "code"
        for text, line in zip(block.texts, block.lines, strict=True)
        if translatable(text)
    ]


def code_spans(text: str) -> list[str]:
    """The inline code of a unit (``\\`ccgeo --help\\```), sorted: a translation keeps them."""
    return sorted(_CODE.findall(text))


def link_targets(text: str) -> list[str]:
    """The targets of a unit's links and pictures, sorted: a translation keeps them."""
    return sorted(_LINK_TARGET.findall(_CODE.sub("", text)))


# -- HTML ----------------------------------------------------------------------------------------


def _english(text: str) -> str:
    return text


def _unit(translate: Translate, text: str) -> str:
    return translate(text) if translatable(text) else text


def _block_html(block: Block, translate: Translate) -> str:
    tr = partial(_unit, translate)
    if block.kind == "code":
        return f"<pre>{html.escape(chr(10).join(block.texts), quote=False)}</pre>"
    if block.kind == "heading":
        return f"<h{block.level}>{inline(tr(block.texts[0]))}</h{block.level}>"
    if block.kind == "picture":
        return f"<p>{inline(f'![{tr(block.texts[0])}]({block.src})')}</p>"
    if block.kind == "list":
        tag = "ol" if block.ordered else "ul"
        body = "\n".join(f"<li>{inline(tr(item))}</li>" for item in block.texts)
        return f"<{tag}>\n{body}\n</{tag}>"
    return f"<p>{inline(tr(block.texts[0]))}</p>"


def to_html(markdown: str, *, translate: Translate = _english) -> tuple[str, str]:
    """A page of Markdown → ``(title, body HTML)``; the title is the first heading.

    ``translate`` gives each unit's text in the page's language (English: the text itself).
    """
    blocks = parse(markdown)
    headings = [_unit(translate, b.texts[0]) for b in blocks if b.kind == "heading"]
    body = "\n".join(_block_html(block, translate) for block in blocks)
    return (headings[0] if headings else ""), body


def page(
    markdown: str, *, language: str = DEFAULT_LANGUAGE, translate: Translate = _english
) -> str:
    """A whole HTML page of the guide (UTF-8, no script, no outside resource)."""
    title, body = to_html(markdown, translate=translate)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{language}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)} — ccgeo</title>\n"
        "</head>\n<body>\n"
        f"{body}\n"
        "</body>\n</html>\n"
    )


def pictures(markdown: str) -> list[str]:
    """The file names of the pictures a page shows (``img/NAME.png`` → ``NAME.png``)."""
    return [
        m["src"].removeprefix("img/") for m in _INLINE.finditer(markdown) if m["src"] is not None
    ]


# -- the catalogues ------------------------------------------------------------------------------


def catalogue_path(language: str, catalogues: Path = CATALOGUES) -> Path:
    """The catalogue of ``language``: ``docs/guide/locale/<language>/guide.po``."""
    return catalogues / language / "guide.po"


def extract(guide: Path = GUIDE) -> Catalog:
    """Every unit of the guide as a message (``msgctxt``: the page's name), pages in name order."""
    template = Catalog(project="ccgeo user guide", version=__version__, fuzzy=False)
    for source in sorted(guide.glob("*.md")):
        for text, line in units(source.read_text(encoding="utf-8")):
            template.add(text, locations=[(source.name, line)], context=source.stem)
    return template


def _new_catalogue(language: str) -> Catalog:
    locale = Locale.parse(babel_locale(language))
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    return Catalog(
        locale=locale,
        domain="guide",
        project="ccgeo user guide",
        version=__version__,
        copyright_holder="ccgeo developers",
        last_translator="ccgeo developers",
        language_team=LANGUAGES[language],
        creation_date=now,
        revision_date=now,
        fuzzy=False,
        header_comment=(
            f"# The ccgeo user guide (docs/guide/*.md) in {locale.english_name}: one message\n"
            "# per heading, paragraph, list item and picture caption; msgctxt is the page.\n"
            "# Keep `code` and link targets (page.md) as they are.\n"
            "# Update with: python docs/make_help.py --update-catalogues"
        ),
    )


def read_catalogue(language: str, catalogues: Path = CATALOGUES) -> Catalog:
    """The catalogue of ``language`` as it is on disk (an empty one when there is none)."""
    path = catalogue_path(language, catalogues)
    if not path.is_file():
        return _new_catalogue(language)
    with path.open("rb") as file:
        return read_po(file, locale=babel_locale(language), domain="guide")


def _po_bytes(catalogue: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalogue, width=100, ignore_obsolete=True, include_previous=False)
    return buffer.getvalue()


def updated_catalogues(guide: Path = GUIDE, catalogues: Path = CATALOGUES) -> dict[Path, bytes]:
    """Each language's catalogue brought up to the guide (as ``pybabel update`` does), as the
    bytes of its ``.po`` file by path."""
    template = extract(guide)
    updated = {}
    for language in TRANSLATED:
        catalogue = read_catalogue(language, catalogues)
        catalogue.update(template, update_creation_date=False)
        updated[catalogue_path(language, catalogues)] = _po_bytes(catalogue)
    return updated


def update_catalogues(guide: Path = GUIDE, catalogues: Path = CATALOGUES) -> list[Path]:
    """Write the catalogues that `updated_catalogues` changes; the paths written."""
    written = []
    for path, data in updated_catalogues(guide, catalogues).items():
        if not path.is_file() or path.read_bytes() != data:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            written.append(path)
    return written


def stale_catalogues(guide: Path = GUIDE, catalogues: Path = CATALOGUES) -> list[str]:
    """What keeps the catalogues from matching the guide, one line each: a unit missing from a
    catalogue, a message the guide no longer has, or a message still fuzzy or untranslated."""
    template = extract(guide)
    wanted = {(m.context, m.id) for m in template if m.id}
    problems = []
    for language in TRANSLATED:
        catalogue = read_catalogue(language, catalogues)
        have = {(m.context, m.id): m for m in catalogue if m.id}
        name = f"{language}/guide.po"
        for context, msgid in sorted(wanted - set(have), key=str):
            problems.append(f"{name}: missing ({context}) {msgid[:60]!r}")
        for context, msgid in sorted(set(have) - wanted, key=str):
            problems.append(f"{name}: no longer in the guide ({context}) {msgid[:60]!r}")
        for key in sorted(wanted & set(have), key=str):
            message = have[key]
            if message.fuzzy or not message.string:
                state = "fuzzy" if message.fuzzy else "untranslated"
                problems.append(f"{name}: {state} ({key[0]}) {key[1][:60]!r}")
    return problems


def translator(catalogue: Catalog, page_name: str) -> Translate:
    """The translation of a page's units (a unit with no finished translation stays English)."""

    def translate(text: str) -> str:
        message = catalogue.get(text, context=page_name)
        if message is None or message.fuzzy or not message.string:
            return text
        return str(message.string)

    return translate


# -- resources/help ------------------------------------------------------------------------------


def build(
    guide: Path = GUIDE, pictures_dir: Path = PICTURES, catalogues: Path = CATALOGUES
) -> dict[str, bytes]:
    """Every file of resources/help, by its path there: ``<lang>/<page>.html`` for each language
    and ``img/<picture>`` for the pictures the pages show.

    Raises
    ------
    FileNotFoundError
        When a page shows a picture that docs/img does not hold.
    """
    files: dict[str, bytes] = {}
    translations = {language: read_catalogue(language, catalogues) for language in TRANSLATED}
    for source in sorted(guide.glob("*.md")):
        text = source.read_text(encoding="utf-8")
        name = source.with_suffix(".html").name
        files[f"{DEFAULT_LANGUAGE}/{name}"] = page(text).encode("utf-8")
        for language, catalogue in translations.items():
            translate = translator(catalogue, source.stem)
            html_page = page(text, language=language, translate=translate)
            files[f"{language}/{name}"] = html_page.encode("utf-8")
        for picture_name in pictures(text):
            picture = pictures_dir / picture_name
            if not picture.is_file():
                msg = f"{source.name} shows img/{picture_name}, but {picture} does not exist"
                raise FileNotFoundError(msg)
            files[f"img/{picture_name}"] = picture.read_bytes()
    return dict(sorted(files.items()))


def stale(out: Path = OUT) -> list[str]:
    """Files of ``out`` that differ from what the guide makes, are missing or are extra."""
    want = build()
    have = {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in out.rglob("*")
        if p.is_file() and p.name != "__init__.py"
    }
    return sorted(name for name in set(want) | set(have) if want.get(name) != have.get(name))


def write(out: Path = OUT) -> list[str]:
    """Write the guide to ``out`` (removing pages no longer in it); the paths written."""
    want = build()
    for old in out.rglob("*"):
        if (
            old.is_file()
            and old.name != "__init__.py"
            and old.relative_to(out).as_posix() not in want
        ):
            old.unlink()
    for folder in sorted(out.rglob("*"), reverse=True):  # folders left empty go too
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    for name, data in want.items():
        target = out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.is_file() or target.read_bytes() != data:
            target.write_bytes(data)
    return sorted(want)


def main(argv: list[str] | None = None) -> int:
    """Command line: write resources/help, ``--check`` that it is fresh, or
    ``--update-catalogues``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    action = parser.add_mutually_exclusive_group()
    action.add_argument(
        "--check",
        action="store_true",
        help="only check resources/help and the catalogues; exit 1 when stale",
    )
    action.add_argument(
        "--update-catalogues",
        action="store_true",
        help="bring docs/guide/locale/<lang>/guide.po up to the guide (new units untranslated)",
    )
    args = parser.parse_args(argv)
    if args.update_catalogues:
        for path in update_catalogues():
            print(path.relative_to(ROOT))
        for problem in stale_catalogues():
            print(f"to translate: {problem}", file=sys.stderr)
        return 0
    if args.check:
        bad = stale()
        for name in bad:
            print(f"resources/help/{name} is stale: run python docs/make_help.py", file=sys.stderr)
        untranslated = stale_catalogues()
        for problem in untranslated:
            print(f"{problem}: update the catalogues and translate", file=sys.stderr)
        return 1 if bad or untranslated else 0
    for name in write():
        print(f"resources/help/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
