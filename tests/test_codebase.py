"""The code's own rules, checked with the tests: lint and format, the layering contract, short
functions, the package list of the wheel, and a light ``import ccgeo``."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
#: Longest function allowed, lines (docstring included): a longer one has parts a name explains.
MAX_FUNCTION_LINES = 80
#: What ``import ccgeo`` and ``ccgeo --help`` must not load (they load on first use).
HEAVY = ("numpy", "pandas", "geopandas", "scipy", "shapely", "pyproj", "PySide6", "osmium")


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (pip install -e '.[test]')")
    return found


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


def test_ruff_lint_passes():
    done = _run(_tool("ruff"), "check", "ccgeo", "tests", "main.py")
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_format_is_kept():
    done = _run(_tool("ruff"), "format", "--check", ".")
    assert done.returncode == 0, done.stdout + done.stderr


def test_layers_point_one_way():
    """The import-linter contracts of pyproject.toml: each package imports only those below it,
    and Qt only in the app, the map painters and the PDF report."""
    done = _run(_tool("lint-imports"), "--no-cache")
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr


def test_no_function_is_longer_than_the_limit():
    long = []
    for path in sorted((ROOT / "ccgeo").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = node.end_lineno - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name} ({lines})")
    assert not long, "functions over the limit; cut them where a name explains a part:\n" + (
        "\n".join(long)
    )


def test_the_wheel_lists_every_package():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]
    listed = set(config["setuptools"]["packages"])
    mapped = config["setuptools"]["package-dir"]
    found = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "ccgeo").rglob("__init__.py")
        if "__pycache__" not in p.parts
    }
    found |= set(mapped)
    assert listed == found
    for package, folder in mapped.items():
        assert (ROOT / folder / "__init__.py").is_file(), package


@pytest.mark.parametrize(
    "code",
    [
        "import ccgeo",
        "import ccgeo.errors",
        "from ccgeo.cli.parser import build_parser; build_parser().format_help()",
    ],
)
def test_starting_loads_no_heavy_library(code):
    check = f"import sys; {code}; print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    done = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.strip() == "[]"


def test_public_names_load_on_first_use():
    code = "import ccgeo; print(ccgeo.load_network.__module__, ccgeo.Facilities.__module__)"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.split() == ["ccgeo.network.build", "ccgeo.model.facilities"]
    import ccgeo

    with pytest.raises(AttributeError, match="has no attribute 'nothing'"):
        _ = ccgeo.nothing
