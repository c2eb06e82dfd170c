"""The offline user guide: the shipped HTML is what docs/guide makes, every page a panel opens
exists, links stay inside the guide, and pictures are those of docs/img (no Qt)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

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


def test_a_page_per_task_and_a_contents_page() -> None:
    folder = resource("help")
    for name in ("index", *TASK_PAGES):
        assert (ROOT / "docs" / "guide" / f"{name}.md").is_file(), name
        assert (folder / f"{name}.html").is_file(), name
    contents = (folder / "index.html").read_text(encoding="utf-8")
    for name in TASK_PAGES:
        assert f'href="{name}.html"' in contents, f"the contents do not link to {name}"


def test_links_stay_in_the_guide_and_pictures_exist() -> None:
    folder = resource("help")
    for page in folder.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "<script" not in text
        for href in re.findall(r'href="([^"]+)"', text):
            assert "://" not in href, f"{page.name} links outside the guide: {href}"
            assert (folder / href.partition("#")[0]).is_file(), f"{page.name}: {href}"
        for src in re.findall(r'src="([^"]+)"', text):
            assert src.startswith("img/"), f"{page.name}: {src}"
            assert (folder / src).is_file(), f"{page.name}: {src}"
            assert (ROOT / "docs" / src).is_file(), f"{src} is not a picture of docs/img"


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
