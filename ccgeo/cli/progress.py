"""``ccgeo progress``: what changed in a city between two versions of its project (a baseline,
then after new hubs or a new courier route), for whom and by how much, as a tidy table, an
offline page and its PDF."""

from __future__ import annotations

import argparse
from pathlib import Path

from ccgeo.i18n import _


def add_progress_command(sub: argparse._SubParsersAction) -> None:
    """The ``progress`` sub-command and its options."""
    from ccgeo.cli.compare import add_evidence_options
    from ccgeo.cli.parser import add_quiet_option  # the parser imports this module

    cmd = sub.add_parser(
        "progress",
        help=_("what changed in a city between two versions of its project, for whom, how much"),
        description=_(
            "Compute the readiness indicators and district coverage of two versions of a city "
            "(a baseline, then after new hubs or a new courier route) and compare them. Writes "
            "DIR/progress.csv and DIR/progress.xlsx (before, after, change = after - before, "
            "levels on the draft scale), DIR/progress.html (offline), DIR/progress.pdf and the "
            "run log of each version."
        ),
    )
    cmd.add_argument("before", type=Path, metavar="BEFORE", help=_("the baseline project (.ccgeo)"))
    cmd.add_argument("after", type=Path, metavar="AFTER", help=_("the later project (.ccgeo)"))
    add_evidence_options(cmd)
    add_quiet_option(cmd)
    cmd.set_defaults(command_name="progress")


def progress(args: argparse.Namespace) -> int:
    """``ccgeo progress``: a progress bar on stderr; Ctrl+C stops it."""
    from ccgeo.cli.compare import _command_line, _tests
    from ccgeo.cli.progress_bar import progress_for, run_cancellable
    from ccgeo.report.pdf import ensure_qt_app
    from ccgeo.report.progress import write_progress_outputs
    from ccgeo.tasks.compare import progress_of_projects

    found = run_cancellable(
        progress_of_projects,
        args.before,
        args.after,
        tests=_tests(args.tests),
        readiness=args.readiness,
        command=_command_line(args),
        progress=progress_for(args),
    )
    ensure_qt_app()  # the PDF is painted here, in this thread
    files = write_progress_outputs(found, args.out)
    print(_("{before} → {after}:").format(before=found.before.city, after=found.after.city))
    for sentence in found.sentences:
        print(f"  - {sentence}")
    print(_("wrote {files}").format(files=", ".join(str(p) for p in files)))
    return 0
