"""osmnx is an optional extra (``ccgeo[online]``): only downloading roads needs it."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import pytest

from ccgeo.errors import OfflineError
from ccgeo.i18n import using_language
from ccgeo.io import osm

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def without_osmnx(monkeypatch: pytest.MonkeyPatch) -> None:
    """As on a machine where osmnx is not installed (``import osmnx`` raises ImportError)."""
    monkeypatch.setitem(sys.modules, "osmnx", None)

    def never(**_kwargs: object) -> bool:
        raise AssertionError("the connectivity check ran although osmnx is missing")

    monkeypatch.setattr(osm, "internet_available", never)


@pytest.mark.usefixtures("without_osmnx")
def test_download_without_osmnx_says_what_to_install_or_load() -> None:
    with pytest.raises(OfflineError) as caught:
        osm.download_roads("Oaxaca de Juárez, Mexico")
    text = str(caught.value)
    assert "'Oaxaca de Juárez, Mexico'" in text  # what was asked
    assert "needs the osmnx package, which is not installed" in text  # what is missing
    assert 'pip install "ccgeo[online]"' in text  # the fix, or the offline way
    assert ".osm.pbf extract from download.geofabrik.de" in text
    with pytest.raises(OfflineError, match=r"the bbox \(-96\.8, 17\.0, -96\.7, 17\.1\) needs"):
        osm.download_roads(bbox=(-96.8, 17.0, -96.7, 17.1), mode="walk")


@pytest.mark.usefixtures("without_osmnx")
def test_the_missing_osmnx_message_is_translated() -> None:
    with using_language("es"), pytest.raises(OfflineError, match='ccgeo\\[online\\]"') as caught:
        osm.download_roads("Lusaka")
    assert "osmnx" in str(caught.value)
    assert "needs the osmnx package" not in str(caught.value)


def test_reading_files_needs_no_osmnx(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "osmnx", None)
    path = tmp_path / "street.osm"
    path.write_text(
        "<?xml version='1.0' encoding='UTF-8'?><osm version='0.6'>"
        "<node id='1' version='1' lat='-8.50' lon='34.50'/>"
        "<node id='2' version='1' lat='-8.50' lon='34.51'/>"
        "<way id='9' version='1'><nd ref='1'/><nd ref='2'/>"
        "<tag k='highway' v='residential'/></way></osm>",
        encoding="utf-8",
    )
    roads = osm.read_roads(path, mode="walk")
    assert roads.n_directed_edges == 2


def test_osmnx_is_an_extra_that_the_tests_still_install() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = [req.split(">")[0].split("=")[0].strip() for req in project["dependencies"]]
    assert "osmnx" not in runtime
    extras = project["optional-dependencies"]
    assert any(req.startswith("osmnx") for req in extras["online"])
    # the README's `pip install -e ".[test]"` still gives the road tests their reference peer
    assert any(req.startswith("osmnx") for req in extras["test"])
