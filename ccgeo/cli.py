"""The ``ccgeo`` command line: headless commands over the same functions the desktop app uses.

Every command prints what it did in plain words and exits 0 on success; a `CcgeoError` (bad file,
bad value, offline) is printed as one line ``ccgeo: error: ...`` with exit code 2, never a
traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ccgeo import __version__
from ccgeo.errors import CcgeoError, InputError

EXIT_OK = 0
EXIT_NOTHING_IMPORTED = 1
EXIT_ERROR = 2

_VECTOR_DRIVERS = {
    ".gpkg": "GPKG",
    ".geojson": "GeoJSON",
    ".json": "GeoJSON",
    ".shp": "ESRI Shapefile",
}


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command (also used to document the README)."""
    parser = argparse.ArgumentParser(
        prog="ccgeo",
        description=(
            "ccgeo: who can reach a lab able to do a given cancer diagnostic test, and who cannot. "
            "Run `ccgeo COMMAND --help` for the options of a command."
        ),
    )
    parser.add_argument("--version", action="version", version=f"ccgeo {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    imp = sub.add_parser(
        "import-facilities",
        help="import a facility file (CSV, XLSX, ODS, JSON, GeoJSON/GPKG/SHP), report problems",
        description=(
            "Read a facility registry, guess its columns (English, Spanish, Portuguese, French), "
            "validate every row and write the good ones. Rejected and doubtful rows are listed "
            "with their row number, the problem and the fix. Exit code 0 when at least one row "
            "was imported."
        ),
    )
    imp.add_argument("file", type=Path, help="the facility file")
    imp.add_argument(
        "-o",
        "--out",
        type=Path,
        required=True,
        help="output layer: .gpkg (layer 'facilities'), .geojson or .csv",
    )
    imp.add_argument(
        "--mapping",
        type=Path,
        help="TOML or JSON file mapping schema fields to column names (overrides the guess)",
    )
    imp.add_argument("--sheet", help="sheet name or 0-based index of an XLSX/ODS workbook")
    imp.add_argument("--layer", help="layer name of a GeoPackage")
    imp.add_argument(
        "--study-area",
        dest="study_area",
        help="boundary file (GeoJSON/GPKG/SHP) or bbox 'minlon,minlat,maxlon,maxlat' used to "
        "detect swapped coordinates and outliers",
    )
    imp.add_argument("--report", type=Path, help="write the import report as JSON here")
    imp.set_defaults(func=_cmd_import_facilities)

    info = sub.add_parser(
        "info",
        help="say what a file holds: layers, rows, CRS, extent, roads per class",
        description="Describe a road, facility, population, boundary or project file.",
    )
    info.add_argument("path", type=Path, help="the file to describe")
    info.add_argument("--json", action="store_true", help="print the description as JSON")
    info.set_defaults(func=_cmd_info)

    demo = sub.add_parser(
        "demo",
        help="write the synthetic demo city (roads, population, districts, facilities) to a folder",
        description="Write the deterministic synthetic demo city to DIR (as in layers/demo).",
    )
    demo.add_argument("dir", type=Path, help="output folder (created if missing)")
    demo.set_defaults(func=_cmd_demo)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``ccgeo`` console script; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_ERROR
    try:
        return int(args.func(args))
    except CcgeoError as exc:
        print(f"ccgeo: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("ccgeo: interrupted", file=sys.stderr)
        return 130


# ---------------------------------------------------------------------------------------------
# import-facilities


def parse_study_area(value: str | None) -> Any:
    """A study area from a bbox text ``minlon,minlat,maxlon,maxlat`` or a boundary file."""
    if not value:
        return None
    parts = value.split(",")
    if len(parts) == 4:
        try:
            bbox = tuple(float(p) for p in parts)
        except ValueError:
            bbox = None
        if bbox is not None:
            minlon, minlat, maxlon, maxlat = bbox
            if not (minlon < maxlon and minlat < maxlat):
                msg = (
                    f"--study-area bbox {value!r} should be minlon,minlat,maxlon,maxlat "
                    "with min < max"
                )
                raise InputError(msg)
            return bbox
    from ccgeo.io.population import read_districts

    districts = read_districts(Path(value))
    return districts.geometry.union_all()


def write_vector(gdf: Any, path: Path, *, layer: str) -> None:
    """Write a GeoDataFrame to .gpkg/.geojson/.shp, or to .csv with lon/lat columns."""
    suffix = path.suffix.lower()
    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".csv":
        table = gdf.drop(columns="geometry").copy()
        table.insert(2, "lon", gdf.geometry.x.to_numpy())
        table.insert(3, "lat", gdf.geometry.y.to_numpy())
        table.to_csv(path, index=False)
        return
    driver = _VECTOR_DRIVERS.get(suffix)
    if driver is None:
        msg = (
            f"cannot write {suffix or 'files without extension'}; use .gpkg, .geojson, .shp or .csv"
        )
        raise InputError(msg, path=path)
    if path.exists() and driver != "GPKG":
        path.unlink()
    kwargs = {"layer": layer} if driver == "GPKG" else {}
    try:
        gdf.to_file(path, driver=driver, **kwargs)
    except OSError as exc:
        raise InputError(f"cannot write the output ({exc})", path=path) from exc


def _cmd_import_facilities(args: argparse.Namespace) -> int:
    from ccgeo.io.facilities import read_facilities

    study_area = parse_study_area(args.study_area)
    fac = read_facilities(
        args.file,
        mapping=args.mapping,
        sheet=args.sheet,
        layer=args.layer,
        study_area=study_area,
    )
    report = fac.report
    assert report is not None
    if args.report:
        args.report.parent.mkdir(parents=True, exist_ok=True)
        args.report.write_text(report.to_json(indent=2), encoding="utf-8")
    print(report.summary())
    if report.mapping:
        cols = ", ".join(f"{k}←{v!r}" for k, v in report.mapping.items())
        print(f"columns: {cols}")
    for issue in report.issues:
        where = f"row {issue.row}" if issue.row is not None else "file"
        print(f"  [{issue.severity}] {where}: {issue.problem} — {issue.fix}")
    if len(fac) == 0:
        print(
            f"ccgeo: error: {args.file}: no row could be imported; see the problems above",
            file=sys.stderr,
        )
        return EXIT_NOTHING_IMPORTED
    write_vector(fac.gdf, args.out, layer="facilities")
    print(f"wrote {len(fac)} facilities to {args.out}")
    return EXIT_OK


# ---------------------------------------------------------------------------------------------
# info


def _cmd_info(args: argparse.Namespace) -> int:
    from ccgeo.io.info import describe, format_description

    desc = describe(args.path)
    if args.json:
        print(json.dumps(desc, indent=2, ensure_ascii=False, default=str))
    else:
        print(format_description(desc))
    return EXIT_OK


# ---------------------------------------------------------------------------------------------
# demo


def _cmd_demo(args: argparse.Namespace) -> int:
    from ccgeo.demo import generate_demo

    paths = generate_demo(args.dir)
    print(f"wrote the synthetic demo city to {args.dir}:")
    for kind, path in paths.items():
        print(f"  {kind}: {Path(path).name} ({Path(path).stat().st_size / 1024:.0f} KB)")
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
