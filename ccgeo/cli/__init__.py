"""The ``ccgeo`` command line: headless commands over the tasks the desktop app runs.

Every command prints what it did in plain words and exits 0 on success; a `CcgeoError` (bad file,
bad value, offline) is printed as one line ``ccgeo: error: ...`` with exit code 2, never a
traceback. Parsing needs no heavy library, so ``ccgeo --help`` answers at once; a command loads
what it uses.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence

from ccgeo.cli.parser import build_parser
from ccgeo.errors import CcgeoError

__all__ = ["EXIT_ERROR", "build_parser", "join_negative_values", "main", "os_error_text"]

EXIT_ERROR = 2


#: Options whose value may begin with a minus sign (a bounding box west of Greenwich or south
#: of the equator): argparse would take ``-1.75,...`` for an option.
NEGATIVE_VALUE_OPTIONS = ("--study-area", "--extent")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``ccgeo`` console script; returns the exit code."""
    parser = build_parser()
    given = list(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(join_negative_values(given))
    args.argv = given  # the command as typed, for the run log
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
    except OSError as exc:  # a file or folder the system refuses (permission, a folder, disk)
        print(f"ccgeo: error: {os_error_text(exc)}", file=sys.stderr)
        return EXIT_ERROR


def join_negative_values(argv: Sequence[str]) -> list[str]:
    """``--study-area -1.75,...`` → ``--study-area=-1.75,...``, which argparse reads."""
    out: list[str] = []
    for token in argv:
        if out and out[-1] in NEGATIVE_VALUE_OPTIONS and re.match(r"-\.?\d", token):
            out[-1] = f"{out[-1]}={token}"
        else:
            out.append(token)
    return out


def os_error_text(exc: OSError) -> str:
    """One line for a file or folder the system refuses: which, why, and what to do."""
    where = f"{exc.filename}: " if exc.filename else ""
    if isinstance(exc, PermissionError):
        why = (
            "permission denied: ccgeo may not read or write it; choose a file or folder of "
            "yours (or ask its owner for access)"
        )
    elif isinstance(exc, IsADirectoryError):
        why = "is a folder; give a file name"
    elif isinstance(exc, NotADirectoryError):
        why = "a part of this path is a file, not a folder; check the path"
    elif isinstance(exc, FileNotFoundError):
        why = "not found; check the path (the folder it should be in must exist)"
    else:
        why = f"{exc.strerror or exc}; check the disk and the path"
    return where + why
