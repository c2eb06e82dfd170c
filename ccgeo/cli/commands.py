"""What each ``ccgeo`` command does: arguments → settings → the task the app runs → files.

Every analysis command resolves its settings with `ccgeo.tasks.settings.resolve` (defaults, the
project's saved settings, ``--settings FILE``, then the options given), runs the same task as the
app's panel, writes the result with `ccgeo.report.export`, and prints which value came from
where. Nothing here computes a number a user reads.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ccgeo.cli.options import given_settings
from ccgeo.errors import InputError
from ccgeo.labels import format_people, format_share
from ccgeo.model.settings import (
    SETTINGS_CLASSES,
    AccessSettings,
    CapacitySettings,
    LabSettings,
    ReferralSettings,
    SitingSettings,
)
from ccgeo.project import Project, open_project, project_from_files
from ccgeo.tasks.settings import Sourced, read_settings_file, resolve, write_settings_file
from ccgeo.tasks.settings import run_record as run_record_of

EXIT_OK = 0
EXIT_NOTHING_IMPORTED = 1


# -- shared ------------------------------------------------------------------------------------


def load_inputs(args: argparse.Namespace, *, need: Sequence[str] = ()) -> Project:
    """The project named on the command line, or one read from the input files.

    ``need`` lists the layers the command cannot do without (``roads``, ``facilities``,
    ``demand``); a missing one is an `InputError` that says which option gives it.
    """
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


def settings_of(args: argparse.Namespace, cls: type[LabSettings], project: Project) -> Sourced:
    """The command's settings: defaults < project < ``--settings FILE`` < options given."""
    file = read_settings_file(args.settings) if getattr(args, "settings", None) else None
    return resolve(cls, project=project, file=file, given=given_settings(args, cls))


def run_record(
    args: argparse.Namespace, sourced: Sourced, project: Project, started: float
) -> dict:
    """The run log of a command's outputs (`ccgeo.tasks.settings.run_record`, which the app's
    exports use too): the command as typed, how long it took, the inputs, the settings."""
    typed = getattr(args, "argv", None) or [args.command_name]
    record = run_record_of(
        project,
        sourced.record(),
        command="ccgeo " + " ".join(str(a) for a in typed),
        seconds=time.perf_counter() - started,
    )
    if args.project:
        record["project"] = str(args.project)
    return record


@dataclass(frozen=True)
class _Done:
    """An analysis run by a command: its project, settings with sources, result and files."""

    project: Project
    sourced: Sourced
    result: Any
    written: Mapping[str, Path]

    def finish(self) -> int:
        """Print the settings and the files written; the exit code."""
        print_settings(self.sourced)
        _wrote(self.written)
        return EXIT_OK


def _analyse(
    args: argparse.Namespace,
    cls: type[LabSettings],
    task: Callable[..., Any],
    write: Callable[..., Mapping[str, Path]],
    *,
    need: Sequence[str] = ("roads", "facilities", "demand"),
    **options: Any,
) -> _Done:
    """Read the inputs, resolve the settings, run the task the app runs, write the result."""
    started = time.perf_counter()
    project = load_inputs(args, need=need)
    sourced = settings_of(args, cls, project)
    result = task(project, sourced.settings, **options)
    record = run_record(args, sourced, project, started)
    return _Done(project, sourced, result, write(result, project, args.out, run=record))


def print_settings(sourced: Sourced) -> None:
    """The settings used, one per line with where each came from."""
    print(f"{sourced.settings.kind} settings:")
    for line in sourced.lines():
        print(f"  {line}")


def _wrote(paths: Mapping[str, Path]) -> None:
    print("wrote " + ", ".join(str(p) for p in paths.values()))


# -- import-facilities and info ----------------------------------------------------------------


def import_facilities(args: argparse.Namespace) -> int:
    """``ccgeo import-facilities``."""
    from ccgeo.io.facilities import read_facilities
    from ccgeo.report.export import write_vector

    fac = read_facilities(
        args.file,
        mapping=args.mapping,
        sheet=args.sheet,
        layer=args.layer,
        study_area=parse_study_area(args.study_area),
        detect_swap=not args.keep_lat_lon,
    )
    report = fac.report
    assert report is not None
    if args.report:
        from ccgeo.io.atomic import write_text_atomic

        write_text_atomic(args.report, report.to_json(indent=2))
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

    return read_districts(Path(value)).geometry.union_all()


def info(args: argparse.Namespace) -> int:
    """``ccgeo info``."""
    from ccgeo.tasks.info import describe, format_description

    desc = describe(args.path)
    if args.json:
        print(json.dumps(desc, indent=2, ensure_ascii=False, default=str))
    else:
        print(format_description(desc))
    return EXIT_OK


# -- access, export, map, report ---------------------------------------------------------------


def access(args: argparse.Namespace) -> int:
    """``ccgeo access``."""
    from ccgeo.report.export import write_access
    from ccgeo.tasks.access import run_access

    done = _analyse(
        args,
        AccessSettings,
        run_access,
        lambda result, project, out, run: write_access(result, out, project=project, run=run),
        isochrones=not args.no_isochrones,
    )
    settings = done.sourced.settings
    summary = done.result.summary()
    labs = (
        "facilities of the file"
        if settings.capability == "any"
        else f"labs able to do {settings.capability} ({settings.quality} quality)"
    )
    print(
        f"{summary['labs_used']} {labs} reached {settings.travel.describe()}; "
        f"{summary['demand_points']:,} demand points, "
        f"{format_people(summary['population_analysed'])} people analysed of "
        f"{format_people(summary['population_total'])} in the population file"
    )
    for row in summary["coverage"]:
        share = format_share(row["share"], missing="no people")
        print(f"  within {row['threshold_min']:g} min: {format_people(row['covered'])} ({share})")
    print(
        f"  unreachable: {format_people(summary['unreachable'])}; "
        f"off-network: {format_people(summary['off_network'])}; "
        f"outside the roads' extent: {format_people(summary['outside_roads'])}; "
        f"not located: {format_people(summary['not_located'])}"
    )
    for warning in summary["warnings"]:
        print(f"  note: {warning}")
    return done.finish()


def export(args: argparse.Namespace) -> int:
    """``ccgeo export``."""
    from ccgeo.report.export import export_results
    from ccgeo.tasks.access import run_access

    started = time.perf_counter()
    formats = [f for f in args.formats.split(",") if f.strip()]
    project = load_inputs(args, need=("roads", "facilities", "demand"))
    sourced = settings_of(args, AccessSettings, project)
    result = run_access(project, sourced.settings)
    written = export_results(
        result,
        args.out,
        formats=formats,
        districts=project.districts,
        facilities=project.facilities,
        project=project,
        run=run_record(args, sourced, project, started),
    )
    print(f"wrote {len(written)} files to {args.out}:")
    for path in written:
        print(f"  {path.name}")
    print_settings(sourced)
    return EXIT_OK


def _scenario_inputs(args: argparse.Namespace, project: Project) -> tuple[Project, Sourced, Any]:
    """The project as the chosen scenario has it, its settings (with sources), the scenario.

    A scenario's own settings stand between the project's and the settings file's.
    """
    from ccgeo.tasks.access import project_with_scenario

    sourced = settings_of(args, AccessSettings, project)
    name = getattr(args, "scenario", None)
    if not name:
        return project, sourced, None
    by_name = {s.name: s for s in project.scenarios}
    if name not in by_name:
        known = ", ".join(repr(n) for n in by_name) or "none"
        msg = f"no scenario named {name!r} in the project; its scenarios: {known}"
        raise InputError(msg)
    scenario = by_name[name]
    changed, _ = project_with_scenario(project, scenario)
    changed.settings = {**project.settings, AccessSettings.kind: scenario.settings}
    return changed, settings_of(args, AccessSettings, changed), scenario


def map_(args: argparse.Namespace) -> int:
    """``ccgeo map``."""
    from ccgeo.report.webmap import export_webmap
    from ccgeo.tasks.access import run_access

    started = time.perf_counter()
    project = load_inputs(args, need=("roads", "facilities", "demand"))
    project, sourced, scenario = _scenario_inputs(args, project)
    result = run_access(project, sourced.settings)
    path = export_webmap(
        project,
        result,
        out_path=args.out,
        title=args.title,
        scenario=scenario,
        tiles=args.tiles,
        run=run_record(args, sourced, project, started),
    )
    print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB); it opens offline in a browser")
    print_settings(sourced)
    return EXIT_OK


def report(args: argparse.Namespace) -> int:
    """``ccgeo report``."""
    from ccgeo.report.pdf import write_report
    from ccgeo.tasks.access import run_access

    started = time.perf_counter()
    project = load_inputs(args, need=("roads", "facilities", "demand"))
    project, sourced, scenario = _scenario_inputs(args, project)
    result = run_access(project, sourced.settings)
    path = write_report(
        project,
        result,
        args.out,
        paper=args.paper,
        orientation=args.orientation,
        title=args.title,
        scenario=scenario,
        extent=args.extent,
        run=run_record(args, sourced, project, started),
    )
    print(f"wrote {path} ({path.stat().st_size / 1e3:.0f} KB, {args.paper} {args.orientation})")
    print_settings(sourced)
    return EXIT_OK


# -- capacity, siting, referral ----------------------------------------------------------------


def capacity(args: argparse.Namespace) -> int:
    """``ccgeo capacity``."""
    from ccgeo.report.export import write_capacity
    from ccgeo.report.summaries import capacity_summary
    from ccgeo.tasks.capacity import run_capacity

    done = _analyse(args, CapacitySettings, run_capacity, write_capacity)
    settings, result = done.sourced.settings, done.result
    print(
        f"{settings.method}: {len(result.labs)} labs able to do {settings.capability}, "
        f"{settings.travel.describe()}"
    )
    print(f"  {capacity_summary(result, settings)}")
    for warning in result.warnings:
        print(f"  note: {warning}")
    return done.finish()


def site(args: argparse.Namespace) -> int:
    """``ccgeo site``."""
    from ccgeo.report.export import write_siting
    from ccgeo.tasks.siting import run_siting

    done = _analyse(
        args, SitingSettings, run_siting, lambda r, _p, out, run: write_siting(r, out, run=run)
    )
    result = done.result
    gap = "optimal" if not result.gap else f"gap {result.gap:.2%}"
    print(f"{result.model}: objective {result.objective:,.0f} ({result.solver}, {gap})")
    for line in result.summary_lines():
        print(f"  {line}")
    for warning in result.warnings:
        print(f"  note: {warning}")
    return done.finish()


def referral(args: argparse.Namespace) -> int:
    """``ccgeo referral``."""
    from ccgeo.report.export import write_referral
    from ccgeo.tasks.referral import run_referral

    done = _analyse(
        args,
        ReferralSettings,
        run_referral,
        lambda r, _p, out, run: write_referral(r, out, run=run),
        need=("roads", "facilities"),
    )
    result, summary = done.result, done.result.summary
    print(
        f"{summary['n_spokes']} spokes send {done.sourced.settings.capability} specimens to "
        f"{summary['n_hubs']} hub labs by {result.settings.get('courier_mode', '')}: "
        f"{summary['n_servable']} served, {summary['n_not_servable']} not servable, "
        f"{summary['n_loops']} courier loops"
    )
    share = summary["share_meeting_target"]
    if share is not None:
        print(f"  sample-to-result within the target (worst case): {format_share(share)} of spokes")
    for item in summary["not_servable"][:10]:
        print(f"  not servable: {item['facility_id']} {item['name']}: {item['reason']}")
    for warning in summary["warnings"]:
        print(f"  note: {warning}")
    return done.finish()


# -- settings and demo -------------------------------------------------------------------------


def settings(args: argparse.Namespace) -> int:
    """``ccgeo settings``: every analysis's settings and their sources; optionally a file."""
    project = open_project(args.project) if args.project else None
    file = read_settings_file(args.settings) if args.settings else None
    resolved = [resolve(cls, project=project, file=file) for cls in SETTINGS_CLASSES.values()]
    for sourced in resolved:
        print_settings(sourced)
    if args.write:
        path = write_settings_file(args.write, [s.settings for s in resolved])
        print(f"wrote {path}; edit it and give it back with --settings {path.name}")
    return EXIT_OK


def demo(args: argparse.Namespace) -> int:
    """``ccgeo demo``."""
    from ccgeo.demo import generate_demo

    paths = generate_demo(args.dir)
    print(f"wrote the synthetic demo city to {args.dir}:")
    for kind, path in paths.items():
        print(f"  {kind}: {Path(path).name} ({Path(path).stat().st_size / 1024:.0f} KB)")
    return EXIT_OK


#: The function of each command (``command_name`` of the parser).
COMMANDS = {
    "import_facilities": import_facilities,
    "info": info,
    "access": access,
    "export": export,
    "capacity": capacity,
    "site": site,
    "referral": referral,
    "map": map_,
    "report": report,
    "settings": settings,
    "demo": demo,
}
