"""The one place that finds ccgeo's bundled files, and the one TOML reader.

The top-level ``resources/`` and ``layers/`` folders of the repository are mapped into the
package at build time (``ccgeo.resources``, ``ccgeo.layers``), so that a wheel carries them and
an editable install finds them where they are; code reaches them only through `resource` and
`bundled_layer`, with `importlib.resources`. Every TOML file (speed profiles, referral and
demand parameters, settings files, column mappings) is read by `load_toml`, so a broken file
gets the same clear message whichever reader met it.
"""

from __future__ import annotations

import copy
import tomllib
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ccgeo.errors import InputError
from ccgeo.i18n import _

#: Packages the bundled folders are installed as.
RESOURCES_PACKAGE = "ccgeo.resources"
LAYERS_PACKAGE = "ccgeo.layers"


def resource(*parts: str) -> Path:
    """Path of a bundled resource, e.g. ``resource("speeds.toml")``, ``resource("web", "leaflet")``.

    Raises
    ------
    FileNotFoundError
        When the installation lacks it (a broken install, not a user's mistake).
    """
    return _bundled(RESOURCES_PACKAGE, parts)


def bundled_layer(*parts: str) -> Path:
    """Path of a bundled data layer, e.g. ``bundled_layer("demo")`` (the synthetic demo city)."""
    return _bundled(LAYERS_PACKAGE, parts)


def _bundled(package: str, parts: tuple[str, ...]) -> Path:
    path = Path(str(resources.files(package).joinpath(*parts)))
    if not path.exists():
        msg = f"ccgeo's bundled file {'/'.join(parts)} is missing from {path.parent}; reinstall"
        raise FileNotFoundError(msg)
    return path


def load_toml(path: str | Path, *, what: str, example: str | None = None) -> dict[str, Any]:
    """Read a TOML file into a dict, with a message that names the file and the fix.

    Parameters
    ----------
    path
        The file.
    what
        What the file is, for messages, in the current language: ``"speed file"``, ...
    example
        Name of the bundled file in ``resources/`` to compare with, if any.

    Raises
    ------
    InputError
        When the file is missing, is a folder, is not UTF-8, or is not valid TOML (with the line
        and column of the first error).
    """
    path = Path(path)
    if path.is_dir():
        msg = _("is a folder, not a {what}; give the file itself").format(what=what)
        raise InputError(msg, path=path)
    if not path.is_file():
        if example:
            msg = _("{what} not found; check the path, or start from a copy of resources/{example}")
        else:
            msg = _("{what} not found; check the path, or check the path")
        raise InputError(msg.format(what=what, example=example), path=path)
    compare = _("; compare it with resources/{example}").format(example=example) if example else ""
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except UnicodeDecodeError as exc:
        msg = _("is not a {what} in UTF-8 text ({reason}); save it as UTF-8{compare}")
        raise InputError(
            msg.format(what=what, reason=exc.reason, compare=compare), path=path
        ) from exc
    except tomllib.TOMLDecodeError as exc:
        msg = _("is not a valid TOML {what} ({problem}){compare}")
        raise InputError(msg.format(what=what, problem=exc, compare=compare), path=path) from exc
    except OSError as exc:
        msg = _("cannot read the {what} ({problem})").format(what=what, problem=exc.strerror or exc)
        raise InputError(msg, path=path) from exc


def load_toml_text(text: str, *, what: str, source: str | Path | None = None) -> dict[str, Any]:
    """Parse TOML text (e.g. a column mapping typed in a dialog); errors as in `load_toml`."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = _("is not a valid TOML {what} ({problem})").format(what=what, problem=exc)
        raise InputError(msg, path=source) from exc


def bundled_toml(name: str) -> dict[str, Any]:
    """A TOML file of ``resources/`` as a fresh dict (read once per process, copied per call)."""
    return copy.deepcopy(_bundled_toml(name))


@lru_cache(maxsize=16)
def _bundled_toml(name: str) -> dict[str, Any]:
    return load_toml(resource(name), what=_("bundled {name}").format(name=name), example=name)
