"""What the one-folder bundle carries besides Python code (read by ``packaging/ccgeo.spec``).

ccgeo's own files come from ``[tool.setuptools.package-data]`` of pyproject.toml, so the bundle
holds exactly what the wheel holds (``tests/test_bundle.py`` checks that every data file of the
tree is matched). The third-party packages below ship data or compiled submodules that
PyInstaller's analysis does not find by itself (no hook, or modules imported from C).

Plain Python, no PyInstaller: the test imports it without building anything.
"""

from __future__ import annotations

import fnmatch
import shutil
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: Packages whose data files go into the bundle (beyond their PyInstaller hooks), and why.
THIRD_PARTY_DATA: dict[str, str] = {
    "babel": "CLDR locale-data/*.dat and global.dat: numbers and dates in four languages",
    "pyproj": "proj.db and the PROJ grids: every reprojection",
    "rasterio": "gdal_data and proj_data: reading and warping rasters",
    "pyogrio": "gdal_data and proj_data: reading and writing GPKG, GeoJSON, KML, shapefiles",
    "folium": "the Jinja templates of the HTML map",
    "branca": "the Jinja templates of the HTML map's legends and elements",
    "xyzservices": "the tile providers list folium reads when it starts",
}

#: Distributions whose metadata (version) goes in: Help ▸ Save diagnostics lists their versions
#: (``ccgeo.gui.diagnostics.PACKAGES``; osmnx is not bundled).
METADATA: tuple[str, ...] = (
    "ccgeo",
    "PySide6_Essentials",
    "numpy",
    "pandas",
    "geopandas",
    "shapely",
    "pyproj",
    "pyogrio",
    "rasterio",
    "scipy",
    "networkx",
    "osmium",
    "folium",
    "openpyxl",
    "highspy",
    "ortools",
    "exactextract",
    "pyarrow",
    "babel",
)

#: Packages with compiled or dynamically imported submodules: every submodule is bundled.
ALL_SUBMODULES: tuple[str, ...] = (
    "ccgeo",
    "rasterio",
    "pyogrio",
    "osmium",
    "highspy",
    "exactextract",
    "pmtiles",
    "odf",  # pandas reads .ods through odfpy, found by name at run time
    "openpyxl",
    "ortools.constraint_solver",
)

#: Never bundled: test-only or unused packages that an import somewhere could drag in.
EXCLUDES: tuple[str, ...] = (
    "tkinter",
    "_tkinter",
    "IPython",
    "jupyter_client",
    "ipykernel",
    "matplotlib",  # geopandas and networkx plot with it; ccgeo draws with Qt
    "mapclassify",
    "PyQt5",
    "PyQt6",
    "pytest",
    "pytestqt",
    "hypothesis",
    "playwright",
    "spopt",
    "pulp",
    "pandana",
    "libpysal",
    "esda",
    "sklearn",
    "tables",
    "osmnx",  # optional: downloading by place name (pip install "ccgeo[online]")
    "pdoc",
    "PyInstaller",
    # pyarrow is here for GeoParquet (pyarrow.parquet and pyarrow.dataset): not its RPC, cloud
    # file systems, ORC or CUDA parts, each an optional import of pyarrow
    "pyarrow.flight",
    "pyarrow._flight",
    "pyarrow._s3fs",
    "pyarrow._gcsfs",
    "pyarrow._azurefs",
    "pyarrow._hdfs",
    "pyarrow.orc",
    "pyarrow._orc",
    "pyarrow._dataset_orc",
    "pyarrow.cuda",
    "pyarrow._cuda",
    "pyarrow.tests",
)

#: Files left out of the bundle although a hook collected them (`fnmatch` patterns on the path
#: inside the bundle, ``/``-separated): the libraries of the pyarrow parts left out above, C++
#: headers and Cython sources.
DROP: tuple[str, ...] = (
    "*arrow_flight*",
    "*arrow_python_flight*",
    "*arrow_s3*",
    "pyarrow/include/*",
    "pyarrow/src/*",
    "pyarrow/includes/*",
    "pyarrow/*.pxd",
    "pyarrow/*.pxi",
    "pyarrow/*.pyx",
    "pyarrow/tests/*",
)

#: The app's languages as CLDR (Babel's locale-data) and Qt catalogue codes: only these are kept
#: of Babel's 1,100 locales and Qt's 30 catalogue languages.
LANGUAGES: tuple[str, ...] = ("en", "es", "pt", "fr")

#: Qt's own catalogues (Qt's buttons and dialogs) of the app's languages.
QT_TRANSLATIONS: tuple[str, ...] = ("qtbase_es.qm", "qtbase_pt_BR.qm", "qtbase_fr.qm")

#: Qt platform plugins the app needs: the desktop ones and ``offscreen`` (screenshots, CI).
QT_PLATFORMS: tuple[str, ...] = ("offscreen", "xcb", "windows", "cocoa")


def keep(dest: str) -> bool:
    """Whether the file at ``dest`` (a path inside the bundle) goes into it.

    Everything but `DROP`, Babel's locale data of other languages than `LANGUAGES` (``root``
    and the languages' regional variants stay: ``pt_BR`` falls back to ``pt``, then ``root``),
    and Qt's catalogues of other languages.
    """
    dest = dest.replace("\\", "/")
    if any(fnmatch.fnmatch(dest, pattern) for pattern in DROP):
        return False
    folder, _, name = dest.rpartition("/")
    if folder == "babel/locale-data" and name.endswith(".dat"):
        return name == "root.dat" or name.split(".")[0].split("_")[0] in LANGUAGES
    if folder.startswith("PySide6") and folder.endswith("translations") and name.endswith(".qm"):
        return name.startswith(("qt_", "qtbase_")) and _qm_language(name) in LANGUAGES
    return True


def _qm_language(name: str) -> str:
    """``qtbase_pt_BR.qm`` → ``pt``."""
    return name.removesuffix(".qm").split("_")[1]


def setuptools_config(pyproject: Path = ROOT / "pyproject.toml") -> dict:
    """``[tool.setuptools]`` of ``pyproject``."""
    return tomllib.loads(pyproject.read_text(encoding="utf-8"))["tool"]["setuptools"]


def package_data(pyproject: Path = ROOT / "pyproject.toml") -> dict[str, list[str]]:
    """``[tool.setuptools.package-data]`` of ``pyproject``: package → glob patterns."""
    return dict(setuptools_config(pyproject)["package-data"])


def source_folder(package: str, root: Path = ROOT) -> Path:
    """The checkout's folder of ``package`` (``ccgeo.resources`` → ``resources/``)."""
    mapped = setuptools_config(root / "pyproject.toml").get("package-dir", {})
    for name in sorted(mapped, key=len, reverse=True):
        if package == name or package.startswith(name + "."):
            rest = package[len(name) :].lstrip(".").split(".")
            return root / mapped[name] / Path(*[part for part in rest if part])
    return root / Path(*package.split("."))


def stage(dest: Path, root: Path = ROOT) -> Path:
    """Copy the checkout's packages into ``dest`` laid out as installed; returns ``dest``.

    PyInstaller finds modules on plain folders only (not through an editable install's import
    hook), and ``resources/`` and ``layers/`` are installed inside the package as
    ``ccgeo.resources`` and ``ccgeo.layers``: the staged copy has them where the wheel has them.
    """
    if dest.exists():
        shutil.rmtree(dest)
    skip = shutil.ignore_patterns("__pycache__", "*.pyc")
    for package in setuptools_config(root / "pyproject.toml")["packages"]:
        source = source_folder(package, root)
        target = dest / Path(*package.split("."))
        target.mkdir(parents=True, exist_ok=True)
        for path in source.iterdir():
            if path.is_file() and path.suffix not in {".pyc"}:
                shutil.copy2(path, target / path.name)
            elif (
                path.is_dir() and not (path / "__init__.py").exists() and path.name != "__pycache__"
            ):
                shutil.copytree(path, target / path.name, ignore=skip, dirs_exist_ok=True)
    return dest


def ccgeo_datas(staged: Path, pyproject: Path = ROOT / "pyproject.toml") -> list[tuple[str, str]]:
    """ccgeo's data files as PyInstaller ``datas``: (source file, folder inside the bundle).

    Every file of the `stage`d tree matched by a package-data pattern, except Python sources and
    caches; each lands in its package's folder (``ccgeo.resources`` → ``ccgeo/resources``), where
    `importlib.resources` and ``Path(__file__).parent`` look for it in the frozen app.
    """
    datas: list[tuple[str, str]] = []
    for package, patterns in package_data(pyproject).items():
        folder = staged / Path(*package.split("."))
        target = Path(*package.split("."))
        found = {path for pattern in patterns for path in folder.glob(pattern) if path.is_file()}
        for path in sorted(found):
            if "__pycache__" in path.parts or path.suffix in {".py", ".pyc"}:
                continue
            datas.append((str(path), str(target / path.parent.relative_to(folder))))
    return datas
