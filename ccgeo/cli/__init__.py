"""The ``ccgeo`` command line: headless commands over the tasks the desktop app runs.

Every command prints what it did in plain words and exits 0 on success; a `CcgeoError` (bad file,
bad value, offline) is printed as one line ``ccgeo: error: ...`` with exit code 2, never a
traceback. Parsing needs no heavy library, so ``ccgeo --help`` answers at once; a command loads
what it uses.

The language (``--lang`` anywhere on the line, else ``lang`` in the ``--settings`` file, else
``CCGEO_LANG``, else the system locale; `choose_language`) is set before the parser is built, so
the help, the messages and the numbers are all in it.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping, Sequence

from ccgeo.cli.parser import build_parser, error_line
from ccgeo.errors import Cancelled, CcgeoError, InputError
from ccgeo.i18n import (
    LANGUAGES,
    _,
    language_from_environment,
    unknown_language_text,
    using_language,
)

__all__ = [
    "EXIT_CANCELLED",
    "EXIT_ERROR",
    "build_parser",
    "choose_language",
    "join_negative_values",
    "main",
    "os_error_text",
]

EXIT_ERROR = 2
#: Exit code of a command stopped by Ctrl+C (128 + SIGINT, as shells report it).
EXIT_CANCELLED = 130


#: Options whose value may begin with a minus sign (a bounding box west of Greenwich or south
#: of the equator): argparse would take ``-1.75,...`` for an option.
NEGATIVE_VALUE_OPTIONS = ("--study-area", "--extent")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``ccgeo`` console script; returns the exit code."""
    given = list(sys.argv[1:] if argv is None else argv)
    try:
        language = choose_language(given)
    except CcgeoError as exc:  # said in English: the language is what went wrong
        print(f"ccgeo: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    with using_language(language):
        return _run(given)


def choose_language(argv: Sequence[str], environ: Mapping[str, str] | None = None) -> str:
    """The language of a command line: ``--lang`` (before or after the command name), else
    ``lang`` in its ``--settings`` file, else `ccgeo.i18n.language_from_environment`.

    Raises
    ------
    InputError
        For a language ccgeo does not speak, naming those it does; for a settings file that
        cannot be read.
    """
    asked = _option_value(argv, "--lang")
    if asked is not None:
        if asked not in LANGUAGES:
            raise InputError("--lang: " + unknown_language_text(asked))
        return asked
    settings_path = _option_value(argv, "--settings")
    if settings_path:
        from ccgeo.tasks.settings import read_settings_file

        file_language = read_settings_file(settings_path).lang
        if file_language is not None:
            return file_language
    return language_from_environment(environ)


def _option_value(argv: Sequence[str], flag: str) -> str | None:
    """The value of ``flag`` (``--lang pt`` or ``--lang=pt``) before a ``--``; the last given."""
    value = None
    for i, token in enumerate(argv):
        if token == "--":
            break
        if token == flag:
            value = argv[i + 1] if i + 1 < len(argv) else ""
        elif token.startswith(flag + "="):
            value = token.split("=", 1)[1]
    return value


def _run(given: list[str]) -> int:
    """Parse ``given`` and run its command (in the language already chosen)."""
    parser = build_parser()
    args = parser.parse_args(join_negative_values(given))
    args.argv = given  # the command as typed, for the run log
    name = getattr(args, "command_name", None)
    if name is None:
        parser.print_help()
        return EXIT_ERROR
    try:
        from ccgeo.cli.commands import COMMANDS

        return int(COMMANDS[name](args))
    except Cancelled:
        print(
            _("ccgeo: cancelled by the user; the outputs of the unfinished work were not written"),
            file=sys.stderr,
        )
        return EXIT_CANCELLED
    except CcgeoError as exc:
        print(error_line(exc), file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print(_("ccgeo: interrupted"), file=sys.stderr)
        return EXIT_CANCELLED
    except BrokenPipeError:
        # the reader of our output went away (`ccgeo info x | head`): not an error of ours
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - stays open until exit
        return 0
    except OSError as exc:  # a file or folder the system refuses (permission, a folder, disk)
        print(error_line(os_error_text(exc)), file=sys.stderr)
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
        why = _(
            "permission denied: ccgeo may not read or write it; choose a file or folder of "
            "yours (or ask its owner for access)"
        )
    elif isinstance(exc, IsADirectoryError):
        why = _("is a folder; give a file name")
    elif isinstance(exc, NotADirectoryError):
        why = _("a part of this path is a file, not a folder; check the path")
    elif isinstance(exc, FileNotFoundError):
        why = _("not found; check the path (the folder it should be in must exist)")
    else:
        why = _("{reason}; check the disk and the path").format(reason=exc.strerror or exc)
    return where + why
