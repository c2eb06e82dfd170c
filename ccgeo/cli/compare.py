"""``ccgeo compare``: the readiness evidence of several cities, as tables any tool reads, the
visual outputs of `ccgeo.report.compare` and, with a mapping file, a DHIS2 import."""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

from ccgeo.i18n import _, ngettext


def add_compare_command(sub: argparse._SubParsersAction) -> None:
    """The ``compare`` sub-command and its options."""
    from ccgeo.cli.parser import add_quiet_option  # the parser imports this module

    cmd = sub.add_parser(
        "compare",
        help=_("compare the diagnostic readiness of several cities (projects or a batch folder)"),
        description=_(
            "Compute the readiness indicators, levels (draft scale) and scorecard of each city, "
            "one city per project, named by the project's name. Writes DIR/indicators.csv and "
            "DIR/indicators.xlsx (columns city, test, quality, indicator, value, unit, level), "
            "DIR/districts.csv, DIR/curves.csv, DIR/run_log.json, the charts, maps, dashboard and "
            "brief, and with --dhis2-mapping DIR/dhis2_datavalues.json."
        ),
    )
    cmd.add_argument(
        "sources",
        nargs="+",
        type=Path,
        metavar="PROJECT",
        help=_("project files (.ccgeo), or a batch output folder with a project per scenario"),
    )
    add_evidence_options(cmd)
    cmd.add_argument(
        "--no-actions",
        dest="actions",
        action="store_false",
        help=_("do not site new hubs to suggest actions for the lowest domain"),
    )
    cmd.add_argument(
        "--dhis2-mapping",
        dest="dhis2_mapping",
        type=Path,
        metavar="FILE",
        help=_(
            "mapping of indicators and cities to DHIS2 uids (a copy of "
            "resources/dhis2_mapping.toml); writes DIR/dhis2_datavalues.json"
        ),
    )
    cmd.add_argument(
        "--period",
        metavar="PERIOD",
        help=_("DHIS2 period of the values (2026, 2026Q1, 202603); default: this year"),
    )
    add_quiet_option(cmd)
    cmd.set_defaults(command_name="compare")


def add_evidence_options(cmd: argparse.ArgumentParser) -> None:
    """``--out``, ``--tests`` and ``--readiness``, shared by ``compare`` and ``progress``."""
    cmd.add_argument(
        "--out", type=Path, required=True, help=_("output folder (created if missing)")
    )
    cmd.add_argument(
        "--tests",
        metavar="LIST",
        help=_("tests to compare, comma-separated (ihc,pcr); default: every test of each city"),
    )
    cmd.add_argument(
        "--readiness",
        type=Path,
        metavar="FILE",
        help=_("readiness scale file (TOML) over the bundled draft resources/readiness.toml"),
    )


def compare(args: argparse.Namespace) -> int:
    """``ccgeo compare``: a progress bar on stderr; Ctrl+C stops it."""
    from ccgeo.cli.progress_bar import progress_for, run_cancellable
    from ccgeo.errors import InputError
    from ccgeo.report.indicators import (
        DHIS2_UNMAPPED_CSV,
        VISUAL_MODULE,
        has_visual_outputs,
        write_compare_outputs,
    )
    from ccgeo.tasks.compare import compare_projects

    if args.period is not None and args.dhis2_mapping is None:
        raise InputError(_("--period is the period of the DHIS2 export: give --dhis2-mapping too"))
    tests = _tests(args.tests)
    mapping = None
    if args.dhis2_mapping is not None:  # read before the long work: a bad file fails at once
        from ccgeo.report.dhis2 import load_dhis2_mapping

        mapping = load_dhis2_mapping(args.dhis2_mapping)
    comparison = run_cancellable(
        compare_projects,
        args.sources,
        tests=tests,
        readiness=args.readiness,
        actions=args.actions,
        command=_command_line(args),
        progress=progress_for(args),
    )
    if has_visual_outputs():
        from ccgeo.report.pdf import ensure_qt_app

        ensure_qt_app()  # the brief is painted here, in this thread
    outputs = write_compare_outputs(comparison, args.out, mapping=mapping, period=args.period)
    n = len(comparison.cities)
    print(ngettext("compared {n} city", "compared {n} cities", n).format(n=n))
    for city in comparison.cities:
        print(f"  {city.city}: {city.scorecard.lowest_text()}")
        for action in city.scorecard.actions:
            print(f"    - {action.sentence}")
    if outputs.unmapped:
        line = ngettext(
            "ccgeo: {n} value is not in the DHIS2 export; {file} says why",
            "ccgeo: {n} values are not in the DHIS2 export; {file} says why",
            outputs.unmapped,
        )
        print(line.format(n=outputs.unmapped, file=args.out / DHIS2_UNMAPPED_CSV), file=sys.stderr)
    if not outputs.visual:
        line = _("ccgeo: the charts, maps, dashboard and brief need {module}, not installed")
        print(line.format(module=VISUAL_MODULE), file=sys.stderr)
    print(_("wrote {files}").format(files=", ".join(str(p) for p in outputs.files)))
    return 0


def _tests(text: str | None) -> list[str] | None:
    if text is None:
        return None
    return [t.strip().lower() for t in text.split(",") if t.strip()]


def _command_line(args: argparse.Namespace) -> str:
    """The command as typed (the run log's ``command``)."""
    typed = getattr(args, "argv", None) or [args.command_name]
    return shlex.join(["ccgeo", *map(str, typed)])
