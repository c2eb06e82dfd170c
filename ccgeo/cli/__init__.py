"""The ``ccgeo`` command line: headless commands over the tasks the desktop app runs.

Every command prints what it did in plain words and exits 0 on success; a `CcgeoError` (bad file,
bad value, offline) is printed as one line ``ccgeo: error: ...`` with exit code 2, never a
traceback. Parsing needs no heavy library, so ``ccgeo --help`` answers at once; a command loads
what it uses.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from ccgeo.cli.parser import build_parser
from ccgeo.errors import CcgeoError

__all__ = ["EXIT_ERROR", "build_parser", "main"]

EXIT_ERROR = 2


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``ccgeo`` console script; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    name = getattr(args, "command_name", None)
    if name is None:
        parser.print_help()
        return EXIT_ERROR
    try:
        from ccgeo.cli.commands import COMMANDS

        return int(COMMANDS[name](args))
    except CcgeoError as exc:
        print(f"ccgeo: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("ccgeo: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader of our output went away (`ccgeo info x | head`): not an error of ours
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - stays open until exit
        return 0
