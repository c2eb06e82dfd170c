"""Readiness indicators as a DHIS2 ``dataValueSets`` payload (the JSON that
``POST /api/dataValueSets`` imports), through a mapping file the planner edits.

The mapping (``resources/dhis2_mapping.toml``, a template with placeholder uids) names the data
element (and category option combo) of each indicator, optionally per test and quality, and the
organisation unit of each city. A value that has no usable mapping, or that could not be
computed, is not sent: it is listed with the reason (`Dhis2Export.unmapped`), never dropped
silently. Each value's ``comment`` names the run log that reproduces it.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from ccgeo.analysis.readiness.evidence import Comparison
from ccgeo.errors import InputError
from ccgeo.i18n import _
from ccgeo.params import load_toml, resource
from ccgeo.tasks.settings import ccgeo_version

#: The bundled template mapping.
BUNDLED_MAPPING = "dhis2_mapping.toml"
#: A DHIS2 uid: 11 characters, a letter then letters or digits.
UID = re.compile(r"[A-Za-z][A-Za-z0-9]{10}")
#: Placeholder uids of the template start with this.
PLACEHOLDER = "TODO"
#: Columns of the list of values not exported.
UNMAPPED_COLUMNS: tuple[str, ...] = ("city", "test", "quality", "indicator", "value", "reason")
#: The run log every value refers to (written beside the export by ``ccgeo compare``).
RUN_LOG = "run_log.json"

_ENTRY_KEYS = (
    "indicator",
    "test",
    "quality",
    "data_element",
    "category_option_combo",
    "attribute_option_combo",
)
_UID_KEYS = ("data_element", "category_option_combo", "attribute_option_combo")


@dataclass(frozen=True)
class ElementRule:
    """Which data element takes an indicator (of one test and quality, or of any)."""

    indicator: str
    data_element: str
    test: str | None = None
    quality: str | None = None
    category_option_combo: str | None = None
    attribute_option_combo: str | None = None

    def matches(self, indicator: str, test: str, quality: str) -> bool:
        """Whether this rule takes the row ``indicator``, ``test``, ``quality``."""
        return (
            indicator == self.indicator
            and self.test in (None, test)
            and self.quality in (None, quality)
        )


@dataclass(frozen=True)
class Dhis2Mapping:
    """A mapping file as read by `load_dhis2_mapping`."""

    elements: tuple[ElementRule, ...]
    org_units: Mapping[str, str]
    source: Path | None = None

    def rule_for(self, indicator: str, test: str, quality: str) -> ElementRule | None:
        """The first rule that takes the row, or None."""
        return next((r for r in self.elements if r.matches(indicator, test, quality)), None)


@dataclass(frozen=True)
class Dhis2Export:
    """The payload to import, and the values left out with the reason (`UNMAPPED_COLUMNS`)."""

    payload: dict[str, Any]
    unmapped: pd.DataFrame


def load_dhis2_mapping(path: str | Path | None = None) -> Dhis2Mapping:
    """Read a mapping file (TOML, see ``resources/dhis2_mapping.toml``); None: the template.

    Raises
    ------
    InputError
        When the file cannot be read, or holds an unknown key, an entry without indicator or
        data element, or a value that is not text (every problem at once, naming the file).
    """
    where = Path(path) if path is not None else resource(BUNDLED_MAPPING)
    data = load_toml(where, what=_("DHIS2 mapping file"), example=BUNDLED_MAPPING)
    problems: list[str] = []
    unknown = [k for k in data if k not in ("format_version", "org_units", "data_elements")]
    if unknown:
        text = _("unknown keys {keys} (expected format_version, [org_units], [[data_elements]])")
        problems.append(text.format(keys=", ".join(unknown)))
    units = data.get("org_units", {})
    if not isinstance(units, dict) or not all(isinstance(v, str) for v in units.values()):
        problems.append(_('[org_units] should map each city to a uid: "City" = "uid"'))
        units = {}
    entries = data.get("data_elements", [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        problems.append(_("data_elements should be tables [[data_elements]]"))
        entries = []
    rules = [_rule(i + 1, entry, problems) for i, entry in enumerate(entries)]
    if problems:
        raise InputError("; ".join(problems), path=where)
    found = tuple(r for r in rules if r is not None)
    return Dhis2Mapping(found, {str(k): v for k, v in units.items()}, source=where)


def _rule(n: int, entry: dict[str, Any], problems: list[str]) -> ElementRule | None:
    bad = [k for k in entry if k not in _ENTRY_KEYS]
    if bad:
        text = _("[[data_elements]] entry {n}: unknown keys {keys} (expected {known})")
        problems.append(text.format(n=n, keys=", ".join(bad), known=", ".join(_ENTRY_KEYS)))
    not_text = [k for k, v in entry.items() if k in _ENTRY_KEYS and not isinstance(v, str)]
    if not_text:
        text = _("[[data_elements]] entry {n}: {keys} should be text in quotes")
        problems.append(text.format(n=n, keys=", ".join(not_text)))
    for key in ("indicator", "data_element"):
        if not entry.get(key):
            text = _("[[data_elements]] entry {n}: {key} is missing")
            problems.append(text.format(n=n, key=key))
    if bad or not_text or not entry.get("indicator") or not entry.get("data_element"):
        return None
    return ElementRule(**entry)


def dhis2_export(
    comparison: Comparison, mapping: Dhis2Mapping, *, period: str | None = None
) -> Dhis2Export:
    """The comparison's indicators as DHIS2 data values.

    Parameters
    ----------
    comparison
        From `ccgeo.tasks.compare.compare_projects`.
    mapping
        From `load_dhis2_mapping`.
    period
        A DHIS2 period (``"2026"``, ``"2026Q1"``, ``"202603"``); default: the current year.

    Returns
    -------
    Dhis2Export
        ``payload``: ``{"dataValues": [{"dataElement", "period", "orgUnit",
        "categoryOptionCombo"?, "attributeOptionCombo"?, "value", "comment"}]}``, values as text
        in the indicator's unit; ``unmapped``: every row not sent, with the reason.
    """
    period = period or str(dt.date.today().year)
    version = ccgeo_version()
    values: list[dict[str, str]] = []
    left: list[dict[str, Any]] = []
    for row in comparison.indicators.itertuples(index=False):
        reason = _row_problem(row, mapping)
        if reason is not None:
            left.append(
                {c: getattr(row, c, "") for c in UNMAPPED_COLUMNS[:-1]} | {"reason": reason}
            )
            continue
        rule = mapping.rule_for(row.indicator, row.test, row.quality)
        assert rule is not None
        value = {
            "dataElement": rule.data_element,
            "period": period,
            "orgUnit": mapping.org_units[row.city],
        }
        if rule.category_option_combo:
            value["categoryOptionCombo"] = rule.category_option_combo
        if rule.attribute_option_combo:
            value["attributeOptionCombo"] = rule.attribute_option_combo
        value["value"] = _value_text(float(row.value))
        value["comment"] = _comment(row, version)
        values.append(value)
    unmapped = pd.DataFrame(left, columns=list(UNMAPPED_COLUMNS))
    return Dhis2Export({"dataValues": values}, unmapped)


def data_value_sets(
    comparison: Comparison, mapping: Dhis2Mapping, *, period: str | None = None
) -> dict[str, Any]:
    """The ``dataValueSets`` JSON of `dhis2_export` (without the list of values left out)."""
    return dhis2_export(comparison, mapping, period=period).payload


def _row_problem(row: Any, mapping: Dhis2Mapping) -> str | None:
    """Why a row cannot be sent, or None."""
    if math.isnan(float(row.value)):
        return _("not computed")
    rule = mapping.rule_for(row.indicator, row.test, row.quality)
    if rule is None:
        return _("no data element for this indicator in the mapping")
    for key in _UID_KEYS:
        uid = getattr(rule, key)
        if uid is not None and (uid.startswith(PLACEHOLDER) or UID.fullmatch(uid) is None):
            return _uid_reason(key, uid)
    unit = mapping.org_units.get(row.city)
    if unit is None:
        return _("no org unit for the city {city!r} in the mapping").format(city=row.city)
    if unit.startswith(PLACEHOLDER) or UID.fullmatch(unit) is None:
        return _uid_reason("org_units", unit)
    return None


def _uid_reason(key: str, uid: str) -> str:
    if uid.startswith(PLACEHOLDER):
        return _("{key} {uid!r} is a placeholder: put your DHIS2 uid in the mapping").format(
            key=key, uid=uid
        )
    text = _("{key} {uid!r} is not a DHIS2 uid (11 letters or digits, starting with a letter)")
    return text.format(key=key, uid=uid)


def _value_text(value: float) -> str:
    """A value as DHIS2 takes it: text, four decimals at most (``"41.0"``, ``"0.8333"``)."""
    return str(round(value, 4))


def _comment(row: Any, version: str) -> str:
    """Where the value comes from: the run log, the city, the indicator, its unit and level."""
    level = "" if pd.isna(row.level) else f"; level {int(row.level)} (draft scale)"
    what = "/".join(p for p in (row.test, row.quality) if p)
    return (
        f"ccgeo {version}, {RUN_LOG} (city {row.city!r}): {row.indicator} {what} in "
        f"{row.unit}{level}"
    )


__all__ = [
    "BUNDLED_MAPPING",
    "UNMAPPED_COLUMNS",
    "Dhis2Export",
    "Dhis2Mapping",
    "ElementRule",
    "data_value_sets",
    "dhis2_export",
    "load_dhis2_mapping",
]
