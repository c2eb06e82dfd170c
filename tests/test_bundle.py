"""The one-folder bundle's recipe, checked without building it (``.ci/run`` builds and runs it).

Fails when a resource folder, a translation or a package's data would be left out of
``dist/ccgeo``, and when the CI recipes name a file that does not exist.
"""

from __future__ import annotations

import ast
import importlib.metadata
import importlib.util
import re
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "packaging"))
import bundle_data  # noqa: E402

sys.path.remove(str(ROOT / "packaging"))

#: Files of the packages that stay out of the wheel and the bundle: the translations' sources
#: (the compiled .mo are shipped; .ts are shipped because the app reads them).
NOT_SHIPPED = {".po", ".pot"}


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    """Paths inside the bundle of ccgeo's data files (``ccgeo/resources/speeds.toml``...)."""
    staged = bundle_data.stage(tmp_path_factory.mktemp("stage") / "src")
    datas = bundle_data.ccgeo_datas(staged)
    return {f"{Path(dest).as_posix()}/{Path(src).name}" for src, dest in datas}


def data_files_of_the_tree() -> set[str]:
    """Every non-Python file of the packages, as the installed path (``ccgeo/layers/...``)."""
    found = set()
    for package in bundle_data.setuptools_config()["packages"]:
        folder = bundle_data.source_folder(package)
        for path in folder.iterdir():
            if path.is_dir() and not (path / "__init__.py").exists():
                files = [p for p in path.rglob("*") if p.is_file()]
            else:
                files = [path] if path.is_file() else []
            for file in files:
                if "__pycache__" in file.parts or file.suffix in {".py", ".pyc", *NOT_SHIPPED}:
                    continue
                inside = file.relative_to(folder).as_posix()
                found.add("/".join([*package.split("."), inside]))
    return found


def test_every_data_file_of_the_packages_is_bundled(shipped: set[str]) -> None:
    tree = data_files_of_the_tree()
    assert tree - shipped == set(), (
        "data files left out of the bundle: add their folder to [tool.setuptools.package-data] "
        "of pyproject.toml (the wheel and the bundle both read it)"
    )
    # what the app and the command line read at run time
    for needed in (
        "ccgeo/resources/speeds.toml",
        "ccgeo/resources/referral.toml",
        "ccgeo/resources/demand.toml",
        "ccgeo/resources/web/leaflet/leaflet.js",
        "ccgeo/resources/land/naturalearth_110m_land.geojson",
        "ccgeo/resources/help/en/index.html",
        "ccgeo/resources/help/pt/index.html",
        "ccgeo/layers/demo/demo_city.osm.pbf",
        "ccgeo/layers/demo/demo_population.tif",
        "ccgeo/locale/fr/LC_MESSAGES/ccgeo.mo",
        "ccgeo/gui/locale/ccgeo_es.qm",
        "ccgeo/gui/locale/ccgeo_pt.ts",
        "ccgeo/py.typed",
    ):
        assert needed in shipped, needed


def test_the_third_party_data_is_collected_and_kept() -> None:
    """The packages whose data the spec collects have it where the bundle keeps it."""
    needed = {
        "babel": [
            "global.dat",
            "locale-data/root.dat",
            "locale-data/pt_BR.dat",
            "locale-data/en_GB.dat",
            "locale-data/es.dat",
            "locale-data/fr.dat",
        ],
        "pyproj": ["proj_dir/share/proj/proj.db"],
        "rasterio": ["gdal_data/gdalvrt.xsd", "proj_data/proj.db"],
        "pyogrio": ["gdal_data/gdalvrt.xsd", "proj_data/proj.db"],
        # folium's own templates are in its code; it loads the tile providers when imported
        "folium": [],
        "xyzservices": ["data/providers.json"],
        "branca": ["templates/color_scale.js"],
    }
    for package, files in needed.items():
        assert package in bundle_data.THIRD_PARTY_DATA, package
        spec = importlib.util.find_spec(package)
        folder = Path(next(iter(spec.submodule_search_locations)))
        for name in files:
            assert (folder / name).is_file(), f"{package} has no {name}"
            assert bundle_data.keep(f"{package}/{name}"), f"{package}/{name} would be dropped"


def test_the_lean_rules_keep_what_the_app_reads() -> None:
    keep = bundle_data.keep
    for code in ("es", "pt_BR", "fr"):  # ccgeo.gui.language loads qtbase_<code>.qm
        assert keep(f"PySide6/Qt/translations/qtbase_{code}.qm")
        assert keep(f"PySide6\\translations\\qtbase_{code}.qm")  # as on Windows
    assert not keep("PySide6/Qt/translations/qtbase_de.qm")
    assert not keep("PySide6/Qt/translations/qt_help_fr.qm")
    assert not keep("babel/locale-data/de.dat")
    assert keep("babel/locale-data/es_MX.dat")
    assert keep("pyarrow/libarrow.so.2600")
    assert keep("pyarrow/_parquet.cpython-311.so")
    assert keep("pyarrow/libarrow_dataset.so.2600")
    assert keep("arrow_substrait.dll")
    assert not keep("pyarrow/libarrow_flight.so.2600")
    assert not keep("arrow_flight.dll")
    assert keep("ccgeo/resources/speeds.toml")


def test_every_package_ccgeo_imports_goes_in() -> None:
    """Nothing ccgeo imports is excluded, but osmnx (an optional extra, imported on demand)."""
    imported = set()
    for path in (ROOT / "ccgeo").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module)
    excluded = {
        name
        for name in imported
        if any(name == ex or name.startswith(ex + ".") for ex in bundle_data.EXCLUDES)
    }
    assert excluded == {"osmnx"}
    assert "ccgeo" in bundle_data.ALL_SUBMODULES  # the lazy names of ccgeo/__init__.py


def test_the_spec_uses_the_lists_and_builds_both_programs() -> None:
    spec = (ROOT / "packaging" / "ccgeo.spec").read_text(encoding="utf-8")
    ast.parse(spec)
    for used in (
        "bundle_data.stage(",
        "bundle_data.ccgeo_datas(",
        "THIRD_PARTY_DATA",
        "ALL_SUBMODULES",
        "EXCLUDES",
        "bundle_data.keep(",
    ):
        assert used in spec, used
    assert 'program(cli, "ccgeo", console=True)' in spec
    assert 'program(app, "ccgeo-app", console=False)' in spec
    assert spec.count("COLLECT(") == 1  # one folder shared by both
    for script in ("ccgeo_cli.py", "ccgeo_app.py"):
        assert f'"{script}"' in spec
        assert (ROOT / "packaging" / script).is_file()


def test_the_ci_recipes_refer_to_files_that_exist() -> None:
    workflow = yaml.safe_load((ROOT / ".github/workflows/bundle.yml").read_text("utf-8"))
    jobs = workflow["jobs"]
    runners = jobs["bundle"]["strategy"]["matrix"]["os"]
    assert {"windows-latest", "macos-latest", "ubuntu-latest"} <= set(runners)
    text = yaml.safe_dump(workflow)
    for tool in ("tools/build_bundle.py", "tools/smoke_bundle.py"):
        assert tool in text, tool
    named = set(re.findall(r"(?<![\w/.])((?:tools|packaging|tests|docs|\.ci)/[\w./-]+)", text))
    assert named, "the workflow names no file of the checkout"
    for path in named:
        assert (ROOT / path.rstrip(".")).exists(), f"bundle.yml names {path}, which does not exist"
    assert ".[bundle]" in text
    assert "tools/smoke_bundle.py" in (ROOT / ".ci/run").read_text(encoding="utf-8")
    config = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"pyinstaller>=' in config


def test_the_versions_diagnostics_lists_are_bundled() -> None:
    """Help ▸ Save diagnostics reads distribution versions: their metadata goes in."""
    tree = ast.parse((ROOT / "ccgeo/gui/diagnostics.py").read_text(encoding="utf-8"))
    listed = next(
        ast.literal_eval(node.value)
        for node in tree.body
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "PACKAGES"
    )
    optional = {"osmnx", "PySide6"}  # not bundled; PySide6's wheel is PySide6_Essentials
    assert set(listed) - optional <= set(bundle_data.METADATA)
    for distribution in bundle_data.METADATA:
        assert importlib.metadata.version(distribution), distribution
