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

from ccgeo.cli.batch import batch
from ccgeo.cli.compare import compare
from ccgeo.cli.options import given_settings, settings_name
from ccgeo.cli.parser import error_line
from ccgeo.cli.progress import progress
from ccgeo.cli.progress_bar import progress_for, run_cancellable
from ccgeo.errors import InputError
from ccgeo.i18n import _, ngettext
from ccgeo.labels import (
    format_count,
    format_number,
    format_people,
    format_share,
    format_threshold,
)
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
            msg = _("give either a .ccgeo project or the input files (--roads ...), not both")
            raise InputError(msg)
        project = open_project(args.project)
    else:
        project = run_cancellable(
            project_from_files,
            progress=progress_for(args),
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
        lacking = ", ".join(n.lstrip("-") for n in missing)
        options = _(" and ").join(missing)
        if args.project:
            msg = _("the project {project} lacks {lacking}: give {options}").format(
                project=args.project, lacking=lacking, options=options
            )
        else:
            msg = _("the inputs lack {lacking}: give {options}").format(
                lacking=lacking, options=options
            )
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
    result = run_cancellable(
        task, project, sourced.settings, progress=progress_for(args), **options
    )
    record = run_record(args, sourced, project, started)
    return _Done(project, sourced, result, write(result, project, args.out, run=record))


def print_settings(sourced: Sourced) -> None:
    """The settings used, one per line with where each came from."""
    print(_("{settings}:").format(settings=settings_name(sourced.settings.kind)))
    for line in sourced.lines():
        print(f"  {line}")


def _notes(warnings: Sequence[str]) -> None:
    """The warnings of an analysis, one ``note:`` line each."""
    for warning in warnings:
        print(_("  note: {warning}").format(warning=warning))


def _wrote(paths: Mapping[str, Path]) -> None:
    print(_("wrote {files}").format(files=", ".join(str(p) for p in paths.values())))


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
    if report.recognised:
        print(report.shown(report.recognised))
    if report.mapping:
        cols = ", ".join(f"{k}←{v!r}" for k, v in report.mapping.items())
        print(_("columns: {columns}").format(columns=cols))
    for issue in report.issues:
        where = _("row {row}").format(row=issue.row) if issue.row is not None else _("file")
        print(f"  [{issue.severity}] {where}: {issue.problem} — {issue.fix}")
    if len(fac) == 0:
        message = _("{file}: no row could be imported; see the problems above")
        print(error_line(message.format(file=args.file)), file=sys.stderr)
        return EXIT_NOTHING_IMPORTED
    write_vector(fac.gdf, args.out, layer="facilities")
    wrote = ngettext("wrote {n} facility to {out}", "wrote {n} facilities to {out}", len(fac))
    print(wrote.format(n=len(fac), out=args.out))
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
                msg = _(
                    "--study-area bbox {value!r} should be minlon,minlat,maxlon,maxlat "
                    "with min < max"
                ).format(value=value)
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
        _("facilities of the file")
        if settings.capability == "any"
        else _("labs able to do {test} ({quality} quality)").format(
            test=settings.capability, quality=settings.quality
        )
    )
    print(
        _(
            "{n_labs} {labs} reached {travel}; {n_points} demand points, {analysed} people "
            "analysed of {total} in the population file"
        ).format(
            n_labs=summary["labs_used"],
            labs=labs,
            travel=settings.travel.describe(),
            n_points=format_count(summary["demand_points"]),
            analysed=format_people(summary["population_analysed"]),
            total=format_people(summary["population_total"]),
        )
    )
    for row in summary["coverage"]:
        share = format_share(row["share"], missing=_("no people"))
        print(
            _("  within {threshold}: {people} ({share})").format(
                threshold=format_threshold(row["threshold_min"]),
                people=format_people(row["covered"]),
                share=share,
            )
        )
    print(
        _(
            "  unreachable: {unreachable}; off-network: {off_network}; outside the roads' "
            "extent: {outside}; not located: {not_located}"
        ).format(
            unreachable=format_people(summary["unreachable"]),
            off_network=format_people(summary["off_network"]),
            outside=format_people(summary["outside_roads"]),
            not_located=format_people(summary["not_located"]),
        )
    )
    _notes(summary["warnings"])
    return done.finish()


def export(args: argparse.Namespace) -> int:
    """``ccgeo export``."""
    from ccgeo.report.export import export_results
    from ccgeo.tasks.access import run_access

    started = time.perf_counter()
    formats = [f for f in args.formats.split(",") if f.strip()]
    project = load_inputs(args, need=("roads", "facilities", "demand"))
    sourced = settings_of(args, AccessSettings, project)
    result = run_cancellable(run_access, project, sourced.settings, progress=progress_for(args))
    written = export_results(
        result,
        args.out,
        formats=formats,
        districts=project.districts,
        facilities=project.facilities,
        project=project,
        run=run_record(args, sourced, project, started),
    )
    wrote = ngettext("wrote {n} file to {out}:", "wrote {n} files to {out}:", len(written))
    print(wrote.format(n=len(written), out=args.out))
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
        known = ", ".join(repr(n) for n in by_name) or _("none")
        msg = _("no scenario named {name!r} in the project; its scenarios: {known}").format(
            name=name, known=known
        )
        raise InputError(msg)
    scenario = by_name[name]
    changed, _edits = project_with_scenario(project, scenario)
    changed.settings = {**project.settings, AccessSettings.kind: scenario.settings}
    return changed, settings_of(args, AccessSettings, changed), scenario


def map_(args: argparse.Namespace) -> int:
    """``ccgeo map``."""
    from ccgeo.report.webmap import export_webmap
    from ccgeo.tasks.access import run_access

    started = time.perf_counter()
    project = load_inputs(args, need=("roads", "facilities", "demand"))
    project, sourced, scenario = _scenario_inputs(args, project)
    result = run_cancellable(run_access, project, sourced.settings, progress=progress_for(args))
    path = export_webmap(
        project,
        result,
        out_path=args.out,
        title=args.title,
        scenario=scenario,
        tiles=args.tiles,
        run=run_record(args, sourced, project, started),
    )
    size = format_number(path.stat().st_size / 1e6, decimals=1, grouping=False)
    print(_("wrote {path} ({size} MB); it opens offline in a browser").format(path=path, size=size))
    print_settings(sourced)
    return EXIT_OK


def report(args: argparse.Namespace) -> int:
    """``ccgeo report``."""
    from ccgeo.report.pdf import write_report
    from ccgeo.tasks.access import run_access

    started = time.perf_counter()
    project = load_inputs(args, need=("roads", "facilities", "demand"))
    project, sourced, scenario = _scenario_inputs(args, project)
    result = run_cancellable(run_access, project, sourced.settings, progress=progress_for(args))
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
    print(
        _("wrote {path} ({size} KB, {paper} {orientation})").format(
            path=path,
            size=format_number(path.stat().st_size / 1e3, grouping=False),
            paper=args.paper,
            orientation=_("portrait") if args.orientation == "portrait" else _("landscape"),
        )
    )
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
    labs = ngettext(
        "{method}: {n} lab able to do {test}, {travel}",
        "{method}: {n} labs able to do {test}, {travel}",
        len(result.labs),
    )
    print(
        labs.format(
            method=settings.method,
            n=len(result.labs),
            test=settings.capability,
            travel=settings.travel.describe(),
        )
    )
    print(f"  {capacity_summary(result, settings)}")
    _notes(result.warnings)
    return done.finish()


def site(args: argparse.Namespace) -> int:
    """``ccgeo site``."""
    from ccgeo.report.export import write_siting
    from ccgeo.tasks.siting import run_siting

    done = _analyse(
        args, SitingSettings, run_siting, lambda r, _p, out, run: write_siting(r, out, run=run)
    )
    result = done.result
    gap = (
        _("optimal")
        if not result.gap
        else _("gap {percent}%").format(percent=format_number(100 * result.gap, decimals=2))
    )
    print(
        _("{model}: objective {objective} ({solver}, {gap})").format(
            model=result.model,
            objective=format_number(result.objective),
            solver=result.solver,
            gap=gap,
        )
    )
    for line in result.summary_lines():
        print(f"  {line}")
    _notes(result.warnings)
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
        _(
            "{n_spokes} spokes send {test} specimens to {n_hubs} hub labs by {courier}: "
            "{n_served} served, {n_not_servable} not servable, {n_loops} courier loops"
        ).format(
            n_spokes=summary["n_spokes"],
            test=done.sourced.settings.capability,
            n_hubs=summary["n_hubs"],
            courier=result.settings.get("courier_mode", ""),
            n_served=summary["n_servable"],
            n_not_servable=summary["n_not_servable"],
            n_loops=summary["n_loops"],
        )
    )
    share = summary["share_meeting_target"]
    if share is not None:
        line = _("  sample-to-result within the target (worst case): {share} of spokes")
        print(line.format(share=format_share(share)))
    for item in summary["not_servable"][:10]:
        line = _("  not servable: {id} {name}: {reason}")
        print(line.format(id=item["facility_id"], name=item["name"], reason=item["reason"]))
    _notes(summary["warnings"])
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
        line = _("wrote {path}; edit it and give it back with --settings {name}")
        print(line.format(path=path, name=path.name))
    return EXIT_OK


def demo(args: argparse.Namespace) -> int:
    """``ccgeo demo``."""
    from ccgeo.demo import generate_demo

    paths = generate_demo(args.dir)
    print(_("wrote the synthetic demo city to {folder}:").format(folder=args.dir))
    for kind, path in paths.items():
        size = format_number(Path(path).stat().st_size / 1024, grouping=False)
        print(f"  {kind}: {Path(path).name} ({size} KB)")
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
    "batch": batch,
    "compare": compare,
    "progress": progress,
}
