"""Settings from every source, and where each value came from.

A run's settings are made of layers, later layers winning key by key:

1. the defaults of the settings class (DOMAIN.md);
2. the project: the settings of its last run of that analysis, saved in the ``.ccgeo`` file;
3. a settings file (``--settings FILE`` on the command line, Settings ▸ Load in the app);
4. the options given on the command line.

Within a project or a file, the analyses share the values of the access table for the keys every
analysis has (test, quality, travel mode, speed file, traffic, snapping), unless their own table
sets them. `resolve` returns the settings and the source of every value, so every output can say
which value came from where.

A settings file is TOML with a format version, so later releases can read older files::

    format_version = 1
    lang = "pt"          # optional: the language of the command line (en, es, pt, fr)

    [access]
    capability = "pcr"
    mode = "walk"
    thresholds_minutes = [30, 60, 120]

    [siting]
    model = "mclp"
    hubs = 3
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from ccgeo.errors import InputError
from ccgeo.i18n import LANGUAGES, _, pgettext, unknown_language_text
from ccgeo.io.atomic import write_text_atomic
from ccgeo.model.settings import (
    SETTINGS_CLASSES,
    SETTINGS_FORMAT_VERSION,
    AccessSettings,
    LabSettings,
)
from ccgeo.params import load_toml
from ccgeo.project import Project

S = TypeVar("S", bound=LabSettings)

#: Names of the sources of a value.
DEFAULT = "default"
PROJECT = "project"
COMMAND_LINE = "command line"

#: Keys of ``Project.settings`` that earlier versions used for the access settings: the last run,
#: then the settings a project suggests before any run (the demo's).
_LEGACY_ACCESS_KEYS = ("analysis", "analysis_defaults")
#: Key of ``Project.settings`` with the settings a project suggests before any run.
SUGGESTED_KEY = "suggested"


@dataclass(frozen=True)
class Sourced(Generic[S]):
    """Settings and where each of their values came from.

    Attributes
    ----------
    settings
        The settings of the run.
    sources
        For each key of ``settings.to_dict()``: ``"default"``, ``"project"``, ``"settings file
        NAME"`` or ``"command line"`` (with `` (access)`` when a shared value came from the
        access table of that layer).
    """

    settings: S
    sources: Mapping[str, str]

    def lines(self) -> list[str]:
        """One line per value: ``"mode = walk (project)"`` (the source in the current
        language)."""
        out = []
        for key, value in self.settings.to_dict().items():
            shown = _("none") if value is None else _plain(value)
            out.append(f"{key} = {shown} ({_shown_source(self.sources.get(key, DEFAULT))})")
        return out

    def record(self) -> dict[str, Any]:
        """JSON-ready ``{"analysis", "settings", "sources", "format_version"}`` for outputs."""
        return {
            "analysis": self.settings.kind,
            "format_version": SETTINGS_FORMAT_VERSION,
            "settings": self.settings.to_dict(),
            "sources": dict(self.sources),
        }


def _shown_source(source: str) -> str:
    """A source of `Sourced.sources` as the planner reads it: ``"settings file x.toml
    (access)"`` → ``"arquivo de configurações x.toml (access)"`` in Portuguese."""
    suffix = f" ({AccessSettings.kind})"
    base, shared = (source[: -len(suffix)], suffix) if source.endswith(suffix) else (source, "")
    words = {
        DEFAULT: pgettext("source of a setting", "default"),
        PROJECT: pgettext("source of a setting", "project"),
        COMMAND_LINE: pgettext("source of a setting", "command line"),
    }
    prefix = "settings file "
    if base in words:
        base = words[base]
    elif base.startswith(prefix):
        base = _("settings file {name}").format(name=base[len(prefix) :])
    return base + shared


def ccgeo_version() -> str:
    """ccgeo's version (read late: the package imports this module)."""
    from ccgeo import __version__

    return __version__


def run_record(
    project: Project, settings: Mapping[str, Any], *, command: str, seconds: float | None = None
) -> dict[str, Any]:
    """What the run log of an output says of the run that made it (`ccgeo.report.export.
    write_run_log`): ccgeo's version, the ``command`` (the command line, or the app's menu
    entry), the date, the ``seconds`` it took, the project file, its input files
    (`Project.record_source`) and the ``settings`` record (`Sourced.record`). The command
    line and the app both build it here."""
    return {
        "ccgeo": ccgeo_version(),
        "command": command,
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "seconds": None if seconds is None else round(float(seconds), 3),
        "project": str(project.path) if project.path is not None else None,
        "inputs": list(project.metadata.get("sources", [])),
        **settings,
    }


@dataclass(frozen=True)
class SettingsFile:
    """A settings file read by `read_settings_file`: flat tables by analysis."""

    path: Path
    tables: Mapping[str, Mapping[str, Any]]
    #: The language it asks for (``lang = "pt"``), None when it does not say.
    lang: str | None = None

    @property
    def label(self) -> str:
        """``"settings file NAME"``, the source name of its values."""
        return f"settings file {self.path.name}"


def read_settings_file(path: str | Path) -> SettingsFile:
    """Read a TOML settings file (see the module docstring).

    Raises
    ------
    InputError
        When the file cannot be read, was written by a newer ccgeo, holds a table that is not an
        analysis, or a value that its analysis refuses (every problem named, with the file).
    """
    path = Path(path)
    data = load_toml(path, what=_("settings file"))
    version = data.pop("format_version", SETTINGS_FORMAT_VERSION)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        msg = _("format_version = {version!r} should be a whole number such as 1")
        raise InputError(msg.format(version=version), path=path)
    if version > SETTINGS_FORMAT_VERSION:
        msg = _(
            "was written by a newer ccgeo (settings format {version}); this ccgeo reads format "
            "{known} and older: update ccgeo, or remove the newer keys"
        ).format(version=version, known=SETTINGS_FORMAT_VERSION)
        raise InputError(msg, path=path)
    problems = []
    lang = data.pop("lang", None)
    if lang is not None and lang not in LANGUAGES:
        problems.append("lang: " + unknown_language_text(str(lang)))
    for name, table in data.items():
        if name not in SETTINGS_CLASSES or not isinstance(table, dict):
            text = _("{name!r} is not a table of analysis settings; expected tables {tables}")
            tables = ", ".join(f"[{k}]" for k in SETTINGS_CLASSES)
            problems.append(text.format(name=name, tables=tables))
            continue
        try:  # check each table on its own, so that its problems name it
            SETTINGS_CLASSES[name].from_dict(_shared_from(data, name) | table)
        except InputError as exc:
            problems.append(f"[{name}] {exc}")
    if problems:
        raise InputError("; ".join(problems), path=path)
    return SettingsFile(path, {k: dict(v) for k, v in data.items()}, lang=lang)


def write_settings_file(path: str | Path, settings: Iterable[LabSettings]) -> Path:
    """Write settings as a TOML settings file that `read_settings_file` reads back (atomically).

    Values that are None (not set) are left out.
    """
    lines = [
        "# ccgeo analysis settings (see the README: Settings files)",
        f"format_version = {SETTINGS_FORMAT_VERSION}",
    ]
    for item in settings:
        lines += ["", f"[{item.kind}]"]
        lines += [f"{k} = {_toml_value(v)}" for k, v in item.to_dict().items() if v is not None]
    path = Path(path)
    write_text_atomic(path, "\n".join(lines) + "\n")
    return path


def stored_settings(project: Project, kind: str) -> dict[str, Any]:
    """The flat settings of analysis ``kind`` saved in ``project`` ({} when none).

    Projects saved by earlier versions kept the access settings under ``"analysis"`` (last run)
    or ``"analysis_defaults"`` (suggested); they are read as the access settings.
    """
    saved = project.settings.get(kind)
    if saved is None and kind == AccessSettings.kind:
        saved = next(
            (project.settings[k] for k in _LEGACY_ACCESS_KEYS if project.settings.get(k)), None
        )
    if saved is None:
        saved = (project.settings.get(SUGGESTED_KEY) or {}).get(kind)
    return dict(saved or {})


def has_run(project: Project, kind: str) -> bool:
    """Whether ``project`` holds the settings of a run of analysis ``kind`` (not only suggested
    ones), e.g. to rerun it when the project opens."""
    legacy = kind == AccessSettings.kind and bool(project.settings.get(_LEGACY_ACCESS_KEYS[0]))
    return bool(project.settings.get(kind)) or legacy


def store_settings(project: Project, settings: LabSettings) -> None:
    """Keep ``settings`` in ``project`` as those of its last run (saved with the project)."""
    project.settings[settings.kind] = settings.to_dict()
    if settings.kind == AccessSettings.kind:
        for key in _LEGACY_ACCESS_KEYS:
            project.settings.pop(key, None)


def resolve(
    cls: type[S],
    *,
    project: Project | None = None,
    file: SettingsFile | None = None,
    given: Mapping[str, Any] | None = None,
) -> Sourced[S]:
    """The settings of one analysis from the defaults, the project, a file and given values.

    Parameters
    ----------
    cls
        The settings class (`AccessSettings`, `SitingSettings`, ...).
    project
        Its saved settings of this analysis are used (and its access settings for shared keys).
    file
        A settings file read with `read_settings_file`.
    given
        Flat values given on the command line (None values are not given).

    Raises
    ------
    InputError
        When the merged values are not acceptable (naming each, see `LabSettings.from_dict`).
    """
    layers: list[tuple[str, Mapping[str, Mapping[str, Any]]]] = []
    if project is not None:
        kinds = (AccessSettings.kind, cls.kind)
        layers.append((PROJECT, {k: stored_settings(project, k) for k in kinds}))
    if file is not None:
        layers.append((file.label, file.tables))
    if given:
        layers.append((COMMAND_LINE, {cls.kind: dict(given)}))
    values: dict[str, Any] = {}
    sources: dict[str, str] = dict.fromkeys(cls.flat_keys(), DEFAULT)
    for label, tables in layers:
        shared = _shared_from(tables, cls.kind)
        for key, value in shared.items():
            values[key], sources[key] = value, f"{label} ({AccessSettings.kind})"
        for key, value in (tables.get(cls.kind) or {}).items():
            if value is not None:
                values[key], sources[key] = value, label
    settings = cls.from_dict(values)
    return Sourced(settings, sources)


def _shared_from(tables: Mapping[str, Any], kind: str) -> dict[str, Any]:
    """The access table's values of the keys every analysis shares (none for access itself)."""
    if kind == AccessSettings.kind:
        return {}
    access = tables.get(AccessSettings.kind) or {}
    own = tables.get(kind) or {}
    return {
        k: v
        for k, v in access.items()
        if k in LabSettings.SHARED_KEYS and v is not None and k not in own
    }


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(float(value)) if isinstance(value, float) else str(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)


def _plain(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(_plain(v) for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)
