"""Make the app's offline user guide: docs/guide/*.md → resources/help/*.html (and its pictures).

    python docs/make_help.py            # write resources/help
    python docs/make_help.py --check    # exit 1 when resources/help is not what the guide makes

The Markdown is the small part of the language the guide uses (headings, paragraphs, lists,
code blocks, bold, italics, code, links and pictures), converted here with no dependency so
that the same text always gives the same HTML (tests/test_user_guide.py checks that the shipped HTML
is fresh). Links to ``page.md`` become ``page.html``; a picture ``img/NAME.png`` is
docs/img/NAME.png, copied beside the pages. The app shows the pages in a QTextBrowser
(`ccgeo.gui.help`), offline.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "guide"
PICTURES = ROOT / "docs" / "img"
OUT = ROOT / "resources" / "help"

_INLINE = re.compile(
    r"(?P<code>`[^`]+`)"
    r"|!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)\)"
    r"|\[(?P<text>[^\]]+)\]\((?P<href>[^)\s]+)\)"
    r"|\*\*(?P<bold>.+?)\*\*"
    r"|\*(?P<em>[^*\s][^*]*?)\*"
)


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
            out.append(f'<img src="{html.escape(match["src"])}" alt="{alt}" width="560">')
        elif match["href"]:
            href = html.escape(_href(match["href"]))
            out.append(f'<a href="{href}">{inline(match["text"])}</a>')
        elif match["bold"]:
            out.append(f"<b>{inline(match['bold'])}</b>")
        else:
            out.append(f"<i>{inline(match['em'])}</i>")
    out.append(html.escape(text[pos:], quote=False))
    return "".join(out)


_ITEM = re.compile(r"^(?P<indent> *)(?P<mark>[-*]|\d+\.) +(?P<text>.*)$")


def _list_html(lines: list[str]) -> str:
    """A bullet or numbered list; indented lines continue the item above them."""
    ordered = _ITEM.match(lines[0])["mark"][0].isdigit()  # type: ignore[index]
    items: list[str] = []
    for line in lines:
        match = _ITEM.match(line)
        if match and not match["indent"]:
            items.append(match["text"])
        else:
            items[-1] += " " + line.strip()
    tag = "ol" if ordered else "ul"
    body = "\n".join(f"<li>{inline(item)}</li>" for item in items)
    return f"<{tag}>\n{body}\n</{tag}>"


def _blocks(markdown: str) -> list[list[str]]:
    """The text cut into blocks: a heading, a code block, or lines up to a blank line."""
    blocks: list[list[str]] = []
    current: list[str] = []
    lines = iter(markdown.splitlines())
    for line in lines:
        if line.startswith("```"):
            if current:
                blocks.append(current)
            code = [line]
            for more in lines:
                if more.startswith("```"):
                    break
                code.append(more)
            blocks.append(code)
            current = []
        elif not line.strip() or line.startswith("#"):
            if current:
                blocks.append(current)
            if line.startswith("#"):
                blocks.append([line])
            current = []
        else:
            current.append(line)
    if current:
        blocks.append(current)
    return blocks


def to_html(markdown: str) -> tuple[str, str]:
    """A page of Markdown → ``(title, body HTML)``; the title is the first heading."""
    title, parts = "", []
    for block in _blocks(markdown):
        first = block[0]
        if first.startswith("```"):
            code = html.escape("\n".join(block[1:]), quote=False)
            parts.append(f"<pre>{code}</pre>")
        elif first.startswith("#"):
            level = len(first) - len(first.lstrip("#"))
            text = first[level:].strip()
            title = title or text
            parts.append(f"<h{level}>{inline(text)}</h{level}>")
        elif _ITEM.match(first):
            parts.append(_list_html(block))
        else:
            parts.append(f"<p>{inline(' '.join(line.strip() for line in block))}</p>")
    return title, "\n".join(parts)


def page(markdown: str) -> str:
    """A whole HTML page of the guide (UTF-8, no script, no outside resource)."""
    title, body = to_html(markdown)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
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


def build(guide: Path = GUIDE, pictures_dir: Path = PICTURES) -> dict[str, bytes]:
    """Every file of resources/help, by its path there: the pages and the pictures they show.

    Raises
    ------
    FileNotFoundError
        When a page shows a picture that docs/img does not hold.
    """
    files: dict[str, bytes] = {}
    for source in sorted(guide.glob("*.md")):
        text = source.read_text(encoding="utf-8")
        files[source.with_suffix(".html").name] = page(text).encode("utf-8")
        for name in pictures(text):
            picture = pictures_dir / name
            if not picture.is_file():
                msg = f"{source.name} shows img/{name}, but {picture} does not exist"
                raise FileNotFoundError(msg)
            files[f"img/{name}"] = picture.read_bytes()
    return files


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
    for name, data in want.items():
        target = out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.is_file() or target.read_bytes() != data:
            target.write_bytes(data)
    return sorted(want)


def main(argv: list[str] | None = None) -> int:
    """Command line: write resources/help, or ``--check`` that it is fresh."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check; exit 1 when stale")
    args = parser.parse_args(argv)
    if args.check:
        bad = stale()
        for name in bad:
            print(f"resources/help/{name} is stale: run python docs/make_help.py", file=sys.stderr)
        return 1 if bad else 0
    for name in write():
        print(f"resources/help/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
