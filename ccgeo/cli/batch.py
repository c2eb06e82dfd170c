"""``ccgeo batch``: run every scenario of a scenario file and write the comparison."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ccgeo.i18n import _, ngettext

#: Exit code when at least one scenario failed (the others finished).
EXIT_SCENARIO_FAILED = 1


def add_batch_command(sub: argparse._SubParsersAction) -> None:
    """The ``batch`` sub-command and its options."""
    from ccgeo.cli.parser import add_quiet_option  # the parser imports this module

    batch = sub.add_parser(
        "batch",
        help=_("run every scenario of a scenario file (TOML) and compare them"),
        description=_(
            "Run every scenario of a scenario file: each combination of its axes (modes, speed "
            "files, traffic, thresholds, road closures, hub sets) and its [[scenario]] entries. "
            "Writes DIR/comparison.csv, DIR/comparison.xlsx, DIR/comparison_map.html, "
            "DIR/comparison.pdf and "
            "DIR/scenarios/<id>/ with each scenario's outputs and run log. Finished scenarios "
            "are skipped on a rerun; exit code 1 when a scenario failed."
        ),
    )
    batch.add_argument("file", type=Path, help=_("the scenario file (TOML)"))
    batch.add_argument(
        "--out", type=Path, required=True, help=_("output folder (created if missing)")
    )
    where = batch.add_mutually_exclusive_group()
    where.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help=_("processes of the local pool (default: the number of CPU cores)"),
    )
    where.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help=_("address of a running Dask scheduler (tcp://host:8786); workers must see --out"),
    )
    where.add_argument(
        "--dask-local",
        dest="dask_local",
        type=int,
        metavar="N",
        help=_("start a local Dask cluster of N worker processes"),
    )
    where.add_argument(
        "--serial", action="store_true", help=_("run the scenarios one after the other here")
    )
    add_quiet_option(batch)
    batch.set_defaults(command_name="batch")


def batch(args: argparse.Namespace) -> int:
    """``ccgeo batch``: a progress bar on stderr; Ctrl+C stops it and keeps what finished."""
    from ccgeo.cli.progress_bar import progress_for, run_cancellable
    from ccgeo.errors import Cancelled
    from ccgeo.report.batch import run_and_compare
    from ccgeo.report.pdf import ensure_qt_app
    from ccgeo.tasks.batch import finished_ids, read_plan

    plan = read_plan(args.file)
    for option, value in (("--workers", args.workers), ("--dask-local", args.dask_local)):
        if value is not None and value < 1:
            msg = _("{option} should be 1 or more, got {value}")
            raise_input(msg.format(option=option, value=value))
    executor, workers = "pool", args.workers
    if args.serial:
        executor = "serial"
    elif args.scheduler or args.dask_local:
        executor, workers = "dask", args.dask_local
    n = len(plan.scenarios)
    text = ngettext(
        "{n} scenario in {file}, run by {executor}", "{n} scenarios in {file}, run by {executor}", n
    )
    print(text.format(n=n, file=args.file, executor=executor), flush=True)
    # comparison.pdf is painted by the task's thread; Qt's application must be this thread's
    ensure_qt_app()
    try:
        run = run_cancellable(
            run_and_compare,
            plan,
            args.out,
            executor=executor,
            workers=workers,
            scheduler=args.scheduler,
            progress=progress_for(args),
        )
    except Cancelled:
        kept = len(finished_ids(plan, args.out))
        line = ngettext(
            "ccgeo: {n} finished scenario is kept in {folder}; run the same command again to go on",
            "ccgeo: {n} finished scenarios are kept in {folder}; run the same command again to "
            "go on",
            kept,
        )
        print(line.format(n=kept, folder=args.out), file=sys.stderr)
        raise
    outcome = run.outcome
    print(
        _("{ran} run, {skipped} already finished, {failed} failed, in {seconds} s").format(
            ran=len(outcome.ran),
            skipped=len(outcome.skipped),
            failed=len(outcome.failed),
            seconds=f"{outcome.seconds:.1f}",
        )
    )
    print(_("wrote {files}").format(files=", ".join(str(p) for p in run.written.values())))
    for row in outcome.rows:
        if row["status"] != "ok":
            line = _("ccgeo: error: scenario {scenario} failed: {error}")
            print(line.format(scenario=row["scenario"], error=row["error"]), file=sys.stderr)
    return EXIT_SCENARIO_FAILED if outcome.failed else 0


def raise_input(message: str) -> None:
    from ccgeo.errors import InputError

    raise InputError(message)
