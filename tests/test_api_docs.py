"""The API reference (``python tools/make_api_docs.py``): every public name, offline."""

from __future__ import annotations

import html
import importlib.util
import inspect
import re
import sys
from pathlib import Path

import pytest

import ccgeo

ROOT = Path(__file__).resolve().parents[1]
pytest.importorskip("pdoc", reason='the API reference needs pdoc (pip install -e ".[docs]")')


def load_tool():
    spec = importlib.util.spec_from_file_location("make_api_docs", ROOT / "tools/make_api_docs.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("api")
    pages = load_tool().build(out)
    assert pages, "no page written"
    return {path.name: path.read_text(encoding="utf-8") for path in out.iterdir()}


def text_of(page: str) -> str:
    """The text of an HTML page, tags and whitespace removed (markup splits words apart)."""
    return re.sub(r"\s+", "", html.unescape(re.sub(r"<[^>]+>", "", page)))


def first_line(obj: object) -> str:
    """The docstring's first line as `text_of` gives it (no backticks or stars)."""
    line = inspect.getdoc(obj).strip().splitlines()[0]
    return re.sub(r"\s+", "", re.sub(r"[`*]", "", line))


def test_every_public_name_is_documented_with_its_docstring(built: dict[str, str]) -> None:
    page = built["ccgeo.html"]
    words = text_of(page)
    missing, without_doc = [], []
    for name in ccgeo.__all__:
        if f'id="{name}"' not in page:
            missing.append(name)
            continue
        obj = getattr(ccgeo, name)  # through the lazy attributes
        if (inspect.isclass(obj) or inspect.isfunction(obj)) and first_line(obj) not in words:
            without_doc.append(f"{name}: {first_line(obj)!r}")
    assert not missing, f"public names left out of the reference: {missing}"
    assert not without_doc, f"docstrings not shown: {without_doc}"
    assert f"ccgeo{ccgeo.__version__}" in words  # the footer names the version


def test_the_pages_load_nothing_from_the_web(built: dict[str, str]) -> None:
    remote = re.compile(
        r"""<script[^>]+src\s*=\s*["']?(https?:)?//|<link[^>]+href\s*=\s*["']?(https?:)?//"""
        r"""|@import\s+(url\()?["']?(https?:)?//|<img[^>]+src\s*=\s*["']?(https?:)?//""",
        re.IGNORECASE,
    )
    for name, page in built.items():
        assert not remote.search(page), f"{name} loads {remote.search(page).group(0)!r}"
    assert "search.js" in built  # the search works from the folder
    assert "katex" not in built["ccgeo.html"].lower()
    assert "mermaid" not in built["ccgeo.html"].lower()
