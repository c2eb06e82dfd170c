"""One version (``ccgeo.__version__``), as installed and as the CHANGELOG's latest release."""

from __future__ import annotations

import ast
import datetime as dt
import importlib.metadata
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import ccgeo

ROOT = Path(__file__).resolve().parents[1]
CHANGELOG = ROOT / "CHANGELOG.md"
RELEASE = re.compile(r"^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})$")
#: Keep a Changelog 1.1.0's kinds of change.
SECTIONS = {"Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"}


def releases() -> list[tuple[str, str]]:
    """(version, date) of every released entry, newest first."""
    lines = CHANGELOG.read_text(encoding="utf-8").splitlines()
    return [m.groups() for line in lines if (m := RELEASE.match(line))]


def test_the_version_is_one_number_everywhere() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+", ccgeo.__version__)
    assert importlib.metadata.version("ccgeo") == ccgeo.__version__, (
        "the installed metadata is stale: pip install -e . again"
    )
    assert releases()[0][0] == ccgeo.__version__, "CHANGELOG.md's latest release is not it"
    done = subprocess.run(
        [sys.executable, "-m", "ccgeo", "--version"], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == f"ccgeo {ccgeo.__version__}"


def test_the_build_reads_the_version_without_importing_the_package() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in config["project"]
    assert config["project"]["dynamic"] == ["version"]
    assert config["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "ccgeo.__version__"}
    # setuptools reads a literal assignment statically (no import of numpy, Qt...)
    tree = ast.parse((ROOT / "ccgeo" / "__init__.py").read_text(encoding="utf-8"))
    assigned = [
        node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        and [getattr(t, "id", None) for t in node.targets] == ["__version__"]
        and isinstance(node.value, ast.Constant)
    ]
    assert assigned == [ccgeo.__version__]


def test_the_changelog_follows_keep_a_changelog() -> None:
    text = CHANGELOG.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == "# Changelog"
    assert "https://keepachangelog.com/en/1.1.0/" in text
    headings = [line for line in lines if line.startswith("## ")]
    assert headings[0] == "## [Unreleased]", "Unreleased comes first"
    for heading in headings[1:]:
        assert RELEASE.match(heading), f"not '## [x.y.z] - YYYY-MM-DD': {heading!r}"
    found = releases()
    versions = [tuple(int(p) for p in v.split(".")) for v, _ in found]
    assert versions == sorted(versions, reverse=True), "releases newest first"
    assert len(set(versions)) == len(versions)
    dates = [dt.date.fromisoformat(d) for _, d in found]
    assert dates == sorted(dates, reverse=True)
    # 0.N.0 after step N: one release per step since 0.1.0
    assert [v for v, _ in found] == [f"0.{n}.0" for n in range(len(found), 0, -1)]
    for line in lines:
        if line.startswith("### "):
            assert line[4:] in SECTIONS, f"unknown kind of change: {line!r}"
    # every release says what changed, and every heading has its link reference
    for version, _ in found:
        block = text.split(f"## [{version}]", 1)[1].split("\n## ", 1)[0]
        assert re.search(r"^### ", block, re.M), f"{version} lists no change"
        assert re.search(r"^- ", block, re.M), f"{version} lists no change"
    for label in ["Unreleased", *(v for v, _ in found)]:
        assert re.search(rf"^\[{re.escape(label)}\]: \S+$", text, re.M), f"no link for {label}"
