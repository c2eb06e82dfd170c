"""The ``ccgeo`` command line: headless commands over the same functions the desktop app uses.

Every command prints what it did in plain words and exits 0 on success; a `CcgeoError` (bad file,
bad value, offline) is printed as one line ``ccgeo: error: ...`` with exit code 2, never a
traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ccgeo import __version__
from ccgeo.errors import CcgeoError, InputError
from ccgeo.model.schema import CAPABILITIES, QUALITY_FILTERS

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

    acc = sub.add_parser(
        "access",
        help="travel time to the nearest capable lab, coverage by district, underserved areas",
        description=(
            "For a test (capability) and a quality filter, compute each person's travel time to "
            "the nearest lab able to do it, the people within each threshold (inclusive) for the "
            "city and per district, unreachable and off-network people, underserved areas and "
            "isochrones. Writes summary.json, coverage_by_district.csv, demand_times.csv and "
            "access.gpkg to --out."
        ),
    )
    add_input_arguments(acc)
    add_analysis_arguments(acc)
    add_out_folder(acc)
    acc.add_argument("--no-isochrones", action="store_true", help="skip the isochrone polygons")
    acc.set_defaults(func=_cmd_access)

    exp = sub.add_parser(
        "export",
        help="run the access analysis and write its layers and tables (GPKG, GeoJSON, CSV, XLSX)",
        description=(
            "Run the access analysis on a project (or the input files) and write the results as "
            "GeoPackage/GeoJSON layers (facilities, labs, districts with coverage, isochrones, "
            "underserved areas, demand with times) and CSV/XLSX tables."
        ),
    )
    add_input_arguments(exp)
    add_analysis_arguments(exp)
    add_out_folder(exp)
    exp.add_argument(
        "--format",
        dest="formats",
        default="gpkg,csv",
        help="comma-separated: gpkg, geojson, csv, xlsx (gpkg,csv)",
    )
    exp.set_defaults(func=_cmd_export)

    cap = sub.add_parser(
        "capacity",
        help="capacity-aware access: 2SFCA, E2SFCA, or coverage limited by lab capacity",
        description=(
            "Weigh lab capacity (tests per year) against demand (population x cancer incidence "
            "x eligible share, resources/demand.toml): 2SFCA or E2SFCA accessibility per demand "
            "point and district, or AccessMod-style coverage where each lab's catchment grows "
            "until its capacity or the time limit. Writes capacity.json, labs.csv, "
            "districts.csv, demand.csv and capacity.gpkg to --out."
        ),
    )
    add_input_arguments(cap)
    cap.add_argument(
        "--method",
        default="2sfca",
        choices=("2sfca", "e2sfca", "coverage"),
        help="2sfca, e2sfca (bands 0-10/10-20/20-30 min, weights 1/0.68/0.22) or coverage",
    )
    add_lab_arguments(cap)
    cap.add_argument(
        "--minutes", type=float, default=30.0, help="catchment limit for 2sfca and coverage (30)"
    )
    cap.add_argument(
        "--order",
        default="capacity",
        choices=("capacity", "given", "time"),
        help="coverage: order in which labs take their demand (largest capacity first)",
    )
    add_speeds_argument(cap)
    add_out_folder(cap)
    cap.set_defaults(func=_cmd_capacity)

    site = sub.add_parser(
        "site",
        help="where to put new testing hubs: MCLP, p-median or the fewest hubs for a target",
        description=(
            "Choose new hubs for a test, existing capable labs fixed as open: the most people "
            "within --minutes of a lab with --hubs new ones (mclp), the least population-weighted "
            "travel time (pmedian), or the fewest hubs that bring the share within --minutes up "
            "to --target (lscp). Candidates: existing facilities that lack the test (upgrade) "
            "and/or a grid of points. Writes siting.json and siting.gpkg to --out."
        ),
    )
    add_input_arguments(site)
    add_lab_arguments(site)
    site.add_argument(
        "--model", default="mclp", choices=("mclp", "pmedian", "lscp"), help="siting model (mclp)"
    )
    site.add_argument("--hubs", type=int, default=3, help="number of new hubs (3)")
    site.add_argument("--minutes", type=float, default=60.0, help="travel-time limit (60)")
    site.add_argument(
        "--target", type=float, help="lscp: share of people to bring within --minutes, e.g. 0.8"
    )
    site.add_argument(
        "--candidates",
        default="upgrade",
        help="comma-separated: upgrade (facilities lacking the test), grid (upgrade)",
    )
    site.add_argument(
        "--grid-spacing-m", dest="grid_spacing_m", type=float, help="grid candidate spacing, m"
    )
    site.add_argument("--exclude", default="", help="comma-separated facility ids never to propose")
    site.add_argument(
        "--solver", default="auto", choices=("auto", "milp", "greedy"), help="solver (auto)"
    )
    site.add_argument(
        "--capacity",
        action="store_true",
        help=(
            "mclp: a lab covers no more tests per year than its capacity; demand in tests per "
            "year = population x incidence x eligible share (resources/demand.toml)"
        ),
    )
    site.add_argument(
        "--hub-capacity",
        dest="hub_capacity",
        type=float,
        help="with --capacity: tests per year of a new hub without a capacity of its own",
    )
    add_speeds_argument(site)
    add_out_folder(site)
    site.set_defaults(func=_cmd_site)

    mp = sub.add_parser(
        "map",
        help="export the analysis as an interactive HTML map that works with no internet",
        description=(
            "Run the access analysis on a project (or the input files) and write a "
            "self-contained HTML map: facilities by tier, catchment bands, underserved areas, "
            "population, districts with coverage, roads; it opens offline in any browser."
        ),
    )
    add_input_arguments(mp)
    add_analysis_arguments(mp)
    add_scenario_argument(mp)
    mp.add_argument("-o", "--out", type=Path, required=True, help="the HTML file to write")
    mp.add_argument("--title", help="title shown on the map")
    mp.add_argument(
        "--tiles", action="store_true", help="add an optional OSM tile layer (blank offline)"
    )
    mp.set_defaults(func=_cmd_map)

    rep = sub.add_parser(
        "report",
        help="print the analysis as a PDF map report (A4 or Letter)",
        description=(
            "Run the access analysis on a project (or the input files) and write the printed "
            "map report: cover, coverage map, coverage by district, underserved areas, methods "
            "and assumptions, data sources."
        ),
    )
    add_input_arguments(rep)
    add_analysis_arguments(rep)
    add_scenario_argument(rep)
    rep.add_argument("-o", "--out", type=Path, required=True, help="the PDF file to write")
    rep.add_argument("--paper", choices=("a4", "letter"), default="a4", help="paper size (a4)")
    rep.add_argument(
        "--orientation",
        choices=("portrait", "landscape"),
        default="portrait",
        help="page orientation (portrait)",
    )
    rep.add_argument("--title", help="title on the cover")
    rep.set_defaults(func=_cmd_report)

    ref = sub.add_parser(
        "referral",
        help="how biopsy samples should travel to hub labs, and how long to a result",
        description=(
            "Assign each spoke (a facility that takes biopsies but cannot do the test) to a hub "
            "lab, "
            "check each specimen type against its pre-analytical limit, plan courier loops with "
            "OR-Tools, and compute the sample-to-result time against the 10-working-day target. "
            "Writes referral.json, routes.gpkg and referral.csv to --out."
        ),
    )
    add_input_arguments(ref)
    add_lab_arguments(ref, capability="ihc", mode=None, labs="hubs")
    ref.add_argument(
        "--params", type=Path, help="TOML file overriding resources/referral.toml (courier, TAT...)"
    )
    ref.add_argument(
        "--patient-mode",
        dest="patient_mode",
        default="car",
        help="travel mode of the patient's own trip to the hub, for comparison (car)",
    )
    add_speeds_argument(ref)
    add_out_folder(ref)
    ref.set_defaults(func=_cmd_referral)

    demo = sub.add_parser(
        "demo",
        help="write the synthetic demo city (roads, population, districts, facilities) to a folder",
        description="Write the deterministic synthetic demo city to DIR (as in layers/demo).",
    )
    demo.add_argument("dir", type=Path, help="output folder (created if missing)")
    demo.set_defaults(func=_cmd_demo)
    return parser


def add_out_folder(parser: argparse.ArgumentParser) -> None:
    """``--out DIR``, the folder a command writes its files to."""
    parser.add_argument(
        "--out", type=Path, required=True, help="output folder (created if missing)"
    )


def add_lab_arguments(
    parser: argparse.ArgumentParser,
    *,
    capability: str = "pcr",
    mode: str | None = "car",
    labs: str = "labs",
) -> None:
    """``--capability``, ``--quality`` and (unless ``mode`` is None) ``--mode``."""
    parser.add_argument(
        "--capability",
        default=capability,
        choices=CAPABILITIES,
        help=f"the test ({capability})",
    )
    parser.add_argument(
        "--quality", default="any", choices=QUALITY_FILTERS, help=f"quality filter on {labs} (any)"
    )
    if mode is not None:
        parser.add_argument("--mode", default=mode, help=f"travel mode ({mode})")


def add_input_arguments(parser: argparse.ArgumentParser) -> None:
    """The inputs shared by the analysis commands: a project, or the files themselves."""
    parser.add_argument(
        "project", nargs="?", type=Path, help="a .ccgeo project (instead of the files below)"
    )
    group = parser.add_argument_group("input files (when no project is given)")
    group.add_argument("--roads", type=Path, help="roads: .osm.pbf, .osm(.bz2), GraphML, GPKG/SHP")
    group.add_argument("--facilities", type=Path, help="facility file (CSV, XLSX, ODS, JSON, ...)")
    group.add_argument("--population", type=Path, help="population raster or point grid")
    group.add_argument(
        "--population-by-district",
        dest="population_by_district",
        type=Path,
        help="census table of population per district (needs --districts)",
    )
    group.add_argument("--districts", type=Path, help="district boundaries (GeoJSON/GPKG/SHP)")
    group.add_argument("--mapping", type=Path, help="column mapping for the facility file")
    group.add_argument("--sheet", help="sheet of the facility workbook")


def add_analysis_arguments(parser: argparse.ArgumentParser) -> None:
    """The analysis settings shared by the analysis commands.

    An option left out takes the project's saved setting, else the default of
    `ccgeo.analysis.scenario.AnalysisSettings` (PCR, any quality, car, 30/60/120 min).
    """
    group = parser.add_argument_group("analysis (defaults: the project's settings, else these)")
    group.add_argument("--mode", help="travel mode: car, motorbike, walk (car)")
    group.add_argument(
        "--capability",
        choices=(*CAPABILITIES, "any"),
        help=(
            "the test labs must do (pcr); 'any' counts every facility of the file, for a "
            "registry without capability columns"
        ),
    )
    group.add_argument("--quality", choices=QUALITY_FILTERS, help="quality filter on labs (any)")
    group.add_argument(
        "--thresholds",
        type=parse_thresholds,
        help="travel-time thresholds in minutes, inclusive (30,60,120)",
    )
    group.add_argument(
        "--max-snap-m",
        dest="max_snap_m",
        type=float,
        help="farthest a person may be from a road, metres; beyond it: off-network (1000)",
    )
    group.add_argument(
        "--walk-kmh", dest="walk_kmh", type=float, help="walking speed to the road, km/h (5)"
    )
    group.add_argument(
        "--congestion", type=float, help="travel-time multiplier for traffic: 3 = 3x longer (1)"
    )
    add_speeds_argument(group)


def add_speeds_argument(group: Any) -> None:
    """``--speeds FILE``: the planner's speed profiles over resources/speeds.toml."""
    group.add_argument(
        "--speeds",
        type=Path,
        help=(
            "TOML file of speeds per road class and mode, merged over resources/speeds.toml "
            "(also read from $CCGEO_SPEEDS)"
        ),
    )


def add_scenario_argument(parser: argparse.ArgumentParser) -> None:
    """``--scenario NAME``: a scenario saved in the project."""
    parser.add_argument(
        "--scenario", help="name of a scenario saved in the project (its hubs and upgrades)"
    )


def scenario_inputs(args: argparse.Namespace, project: Any) -> tuple[Any, Any, Any]:
    """The project as the chosen scenario has it, its analysis settings, and the scenario."""
    from ccgeo.analysis.scenario import AnalysisSettings, project_with_scenario

    name = getattr(args, "scenario", None)
    if not name:
        return project, analysis_settings(args, project), None
    by_name = {s.name: s for s in project.scenarios}
    if name not in by_name:
        known = ", ".join(repr(n) for n in by_name) or "none"
        msg = f"no scenario named {name!r} in the project; its scenarios: {known}"
        raise InputError(msg)
    changed, settings = project_with_scenario(project, by_name[name])
    merged = {**settings.to_dict(), **given_settings(args)}
    return changed, AnalysisSettings.from_dict(merged), by_name[name]


def given_settings(args: argparse.Namespace) -> dict[str, Any]:
    """The analysis options given on the command line (those left out are not in it)."""
    keys = ("mode", "capability", "quality", "max_snap_m", "walk_kmh", "congestion")
    given = {key: getattr(args, key) for key in keys if getattr(args, key, None) is not None}
    if getattr(args, "thresholds", None) is not None:
        given["thresholds_minutes"] = args.thresholds
    return given


def analysis_settings(args: argparse.Namespace, project: Any) -> Any:
    """The project's analysis settings with the options given on the command line."""
    from ccgeo.analysis.scenario import AnalysisSettings, settings_of

    return AnalysisSettings.from_dict({**settings_of(project).to_dict(), **given_settings(args)})


def parse_thresholds(text: str) -> tuple[float, ...]:
    """``"30,60,120"`` → ``(30.0, 60.0, 120.0)``, as the app reads them."""
    from ccgeo.analysis.scenario import parse_thresholds as parse

    try:
        return parse(text)
    except InputError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def load_inputs(args: argparse.Namespace, *, need: Sequence[str] = ()) -> Any:
    """The project named on the command line, or one read from the input files.

    ``need`` lists the layers the command cannot do without (``roads``, ``facilities``,
    ``demand``); a missing one is an `InputError` that says which option gives it.
    """
    from ccgeo.project import open_project, project_from_files

    files = (args.roads, args.facilities, args.population, args.population_by_district)
    if args.project is not None:
        if any(f is not None for f in (*files, args.districts)):
            msg = "give either a .ccgeo project or the input files (--roads ...), not both"
            raise InputError(msg)
        project = open_project(args.project)
    else:
        project = project_from_files(
            roads=args.roads,
            facilities=args.facilities,
            population=args.population,
            districts=args.districts,
            population_by_district=args.population_by_district,
            facility_mapping=args.mapping,
            facility_sheet=args.sheet,
        )
    options = {"roads": "--roads", "facilities": "--facilities", "demand": "--population"}
    missing = [options[n] for n in need if getattr(project, n) is None]
    if missing:
        where = f"the project {args.project}" if args.project else "the inputs"
        lacking = ", ".join(n.lstrip("-") for n in missing)
        msg = f"{where} lack(s) {lacking}: give {' and '.join(missing)}"
        raise InputError(msg)
    return project


@contextmanager
def user_speeds(path: Path | None) -> Iterator[None]:
    """Use the speed file ``path`` (if given) for every network built inside the block."""
    if path is None:
        yield
        return
    from ccgeo.network.profiles import USER_SPEEDS_ENV, load_profiles

    load_profiles(path)  # a bad file is reported at once, naming its key and value
    before = os.environ.get(USER_SPEEDS_ENV)
    os.environ[USER_SPEEDS_ENV] = str(path)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(USER_SPEEDS_ENV, None)
        else:
            os.environ[USER_SPEEDS_ENV] = before


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``ccgeo`` console script; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_ERROR
    try:
        with user_speeds(getattr(args, "speeds", None)):
            return int(args.func(args))
    except CcgeoError as exc:
        print(f"ccgeo: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("ccgeo: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader of our output went away (`ccgeo info x | head`): not an error of ours
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - stays open until exit
        return EXIT_OK


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
# access


def run_access(args: argparse.Namespace, project: Any, *, isochrones: bool = True) -> Any:
    """The access analysis of ``project`` with the command's analysis options."""
    from ccgeo.analysis.scenario import run_access as run

    return run(project, analysis_settings(args, project), isochrones=isochrones)[1]


def _cmd_access(args: argparse.Namespace) -> int:
    project = load_inputs(args, need=("roads", "facilities", "demand"))
    result = run_access(args, project, isochrones=not args.no_isochrones)
    write_access_outputs(result, args.out)
    summary = result.summary()
    settings = analysis_settings(args, project)
    labs = (
        "facilities of the file"
        if settings.capability == "any"
        else f"labs able to do {settings.capability} ({settings.quality} quality)"
    )
    print(
        f"{summary['labs_used']} {labs} reached by {settings.mode}; "
        f"{summary['demand_points']:,} demand points, {summary['population_total']:,.0f} people"
    )
    for row in summary["coverage"]:
        share = "n/a" if row["share"] is None else f"{row['share']:.1%}"
        print(f"  within {row['threshold_min']:g} min: {row['covered']:,.0f} people ({share})")
    print(
        f"  unreachable: {summary['unreachable']:,.0f}; off-network: {summary['off_network']:,.0f}"
    )
    for warning in summary["warnings"]:
        print(f"  note: {warning}")
    print(f"wrote {args.out}/summary.json, coverage_by_district.csv, demand_times.csv, access.gpkg")
    return EXIT_OK


def write_access_outputs(result: Any, out: Path) -> None:
    """Write an `AccessResult` as summary.json, two CSV tables and access.gpkg in ``out``."""
    from ccgeo.report.export import demand_table

    out.mkdir(parents=True, exist_ok=True)
    (out / "summary.json").write_text(
        json.dumps(result.summary(), indent=2, ensure_ascii=False), encoding="utf-8"
    )
    result.coverage.to_csv(out / "coverage_by_district.csv", index=False)
    demand = demand_table(result)
    demand.drop(columns="geometry").to_csv(out / "demand_times.csv", index=False)
    gpkg = out / "access.gpkg"
    gpkg.unlink(missing_ok=True)
    layers = {
        "labs": result.labs,
        "isochrones": result.isochrones,
        "underserved": result.underserved,
        "demand": demand.drop(columns=["lon", "lat"]),
    }
    for name, gdf in layers.items():
        if len(gdf):
            write_vector(gdf, gpkg, layer=name)


def _cmd_export(args: argparse.Namespace) -> int:
    from ccgeo.report.export import export_results

    formats = [f for f in args.formats.split(",") if f.strip()]
    project = load_inputs(args, need=("roads", "facilities", "demand"))
    result = run_access(args, project)
    written = export_results(
        result,
        args.out,
        formats=formats,
        districts=project.districts,
        facilities=project.facilities,
    )
    print(f"wrote {len(written)} files to {args.out}:")
    for path in written:
        print(f"  {path.name}")
    return EXIT_OK


def _cmd_capacity(args: argparse.Namespace) -> int:
    import geopandas as gpd
    import pandas as pd

    from ccgeo.analysis.capacity import capacity_coverage, fca

    project = load_inputs(args, need=("roads", "facilities", "demand"))
    labs = project.facilities.capable(args.capability, quality=args.quality)
    net = project.network(args.mode)
    points = project.demand.gdf
    if args.method == "coverage":
        result: Any = capacity_coverage(
            net, labs, project.demand, max_minutes=args.minutes, order=args.order,
            capability=args.capability,
        )  # fmt: skip
        per_point = {"covered_tests": result.covered_demand, "lab": result.lab}
        summary: dict[str, Any] = {"method": "coverage", "order": result.order, **result.totals}
    else:
        limit = {"max_minutes": args.minutes} if args.method == "2sfca" else {}
        result = fca(
            net, labs, project.demand, method=args.method, capability=args.capability, **limit
        )
        per_point = {
            "accessibility": result.accessibility,
            "labs_in_reach": result.labs_in_reach,
        }
        summary = {
            "method": result.method,
            "unit": result.unit,
            "mean_accessibility": result.mean_accessibility,
            "population_no_lab_in_reach": result.population_no_lab,
        }
    summary.update(
        capability=args.capability,
        quality=args.quality,
        mode=args.mode,
        labs=len(labs),
        warnings=list(result.warnings),
    )
    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    (out / "capacity.json").write_text(
        json.dumps(summary, indent=2, ensure_ascii=False, default=float), encoding="utf-8"
    )
    result.labs.to_csv(out / "labs.csv", index=False)
    result.districts.to_csv(out / "districts.csv", index=False)
    demand = points.assign(tests_per_year=result.demand, **per_point)
    pd.DataFrame(demand.drop(columns="geometry")).to_csv(out / "demand.csv", index=False)
    gpkg = out / "capacity.gpkg"
    gpkg.unlink(missing_ok=True)
    write_vector(gpd.GeoDataFrame(demand, crs=points.crs), gpkg, layer="demand")
    per_lab = result.labs.drop(columns=["name"], errors="ignore")
    lab_layer = (
        labs.gdf[["facility_id", "name", "geometry"]]
        .merge(per_lab, left_on="facility_id", right_on="lab_id", how="left")
        .drop(columns="lab_id")
    )
    write_vector(lab_layer, gpkg, layer="labs")
    print(f"{args.method}: {len(labs)} labs able to do {args.capability}, by {args.mode}")
    for key, value in summary.items():
        if isinstance(value, float):
            print(f"  {key.replace('_', ' ')}: {value:,.2f}")
    for warning in result.warnings:
        print(f"  note: {warning}")
    print(f"wrote {out}/capacity.json, labs.csv, districts.csv, demand.csv, capacity.gpkg")
    return EXIT_OK


def _cmd_site(args: argparse.Namespace) -> int:
    from ccgeo.analysis.siting import site_hubs

    if args.model == "lscp" and args.target is None:
        raise InputError("the lscp model needs --target, the share to reach (e.g. 0.8)")
    project = load_inputs(args, need=("roads", "facilities", "demand"))
    options: dict[str, Any] = {}
    if args.grid_spacing_m is not None:
        options["grid_spacing_m"] = args.grid_spacing_m
    if args.capacity:
        from ccgeo.analysis.capacity import load_demand_parameters

        options["capacity"] = True
        options["tests_per_person_year"] = load_demand_parameters().tests_per_person(
            args.capability
        )
        options["hub_capacity_tests_per_year"] = args.hub_capacity
    result = site_hubs(
        project.network(args.mode),
        project.demand,
        project.facilities,
        capability=args.capability,
        quality=args.quality,
        model=args.model,
        hubs=args.hubs,
        minutes=args.minutes,
        target_share=args.target,
        candidates=tuple(c.strip() for c in args.candidates.split(",") if c.strip()),
        exclude=tuple(e.strip() for e in args.exclude.split(",") if e.strip()),
        districts=project.districts,
        solver=args.solver,
        **options,
    )
    written = result.write(args.out)
    gap = "optimal" if not result.gap else f"gap {result.gap:.2%}"
    print(f"{args.model}: objective {result.objective:,.0f} ({result.solver}, {gap})")
    for line in result.summary_lines():
        print(f"  {line}")
    for warning in result.warnings:
        print(f"  note: {warning}")
    print("wrote " + ", ".join(str(p) for p in written.values()))
    return EXIT_OK


def _cmd_map(args: argparse.Namespace) -> int:
    from ccgeo.analysis.scenario import run_access as run
    from ccgeo.report.webmap import export_webmap

    project = load_inputs(args, need=("roads", "facilities", "demand"))
    project, settings, scenario = scenario_inputs(args, project)
    result = run(project, settings)[1]
    path = export_webmap(
        project, result, out_path=args.out, title=args.title, scenario=scenario, tiles=args.tiles
    )
    print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB); it opens offline in a browser")
    return EXIT_OK


def _cmd_report(args: argparse.Namespace) -> int:
    from ccgeo.analysis.scenario import run_access as run
    from ccgeo.report.pdf import write_report

    project = load_inputs(args, need=("roads", "facilities", "demand"))
    project, settings, scenario = scenario_inputs(args, project)
    result = run(project, settings)[1]
    path = write_report(
        project,
        result,
        args.out,
        paper=args.paper,
        orientation=args.orientation,
        title=args.title,
        scenario=scenario,
    )
    print(f"wrote {path} ({path.stat().st_size / 1e3:.0f} KB, {args.paper} {args.orientation})")
    return EXIT_OK


# ---------------------------------------------------------------------------------------------
# referral


def _cmd_referral(args: argparse.Namespace) -> int:
    from ccgeo.analysis.referral import load_referral_parameters, plan_referral, write_referral

    params = load_referral_parameters(args.params)
    project = load_inputs(args, need=("roads", "facilities"))
    result = plan_referral(
        project.network(params.courier_mode),
        project.facilities,
        capability=args.capability,
        quality=args.quality,
        params=params,
        patient_mode_net=project.network(args.patient_mode),
        demand=project.demand,
    )
    written = write_referral(result, args.out)
    summary = result.summary
    print(
        f"{summary['n_spokes']} spokes send {args.capability} specimens to {summary['n_hubs']} hub "
        f"labs by {params.courier_mode}: {summary['n_servable']} served, "
        f"{summary['n_not_servable']} not servable, {summary['n_loops']} courier loops"
    )
    share = summary["share_meeting_target"]
    if share is not None:
        print(f"  sample-to-result within the target (worst case): {share:.0%} of spokes")
    for item in summary["not_servable"][:10]:
        print(f"  not servable: {item['facility_id']} {item['name']}: {item['reason']}")
    for warning in summary["warnings"]:
        print(f"  note: {warning}")
    print("wrote " + ", ".join(str(p) for p in written.values()))
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
