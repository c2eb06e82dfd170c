"""The readiness scorecard: each indicator placed on the draft levels 1-5 of
``resources/readiness.toml``, one card per city with the level of each domain, what drives it,
the lowest domains and the actions that would raise them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from ccgeo.errors import InputError
from ccgeo.i18n import N_, _, ngettext
from ccgeo.labels import (
    format_days,
    format_number,
    format_percent,
    format_ratio,
    format_share,
    format_threshold,
)
from ccgeo.model.settings import _in_capitals
from ccgeo.params import bundled_toml, load_toml, resource

#: The bundled draft scale.
BUNDLED_READINESS = "readiness.toml"

#: Columns the indicator table must have (``note`` is optional).
INDICATOR_COLUMNS: tuple[str, ...] = ("city", "test", "quality", "indicator", "value", "unit")

#: Quality levels an indicator row may carry ("" for indicators without one).
QUALITIES: tuple[str, ...] = ("any", "eqa", "accredited")

#: The levels, lowest first.
LEVELS: tuple[int, ...] = (1, 2, 3, 4, 5)

#: Domains in words; a domain a user file adds is shown by its name.
DOMAIN_WORDS: dict[str, str] = {
    "access": N_("access"),
    "timeliness": N_("timeliness"),
    "preanalytical": N_("pre-analytical quality"),
    "capacity": N_("capacity"),
    "lab_quality": N_("laboratory quality"),
    "workforce": N_("workforce"),
    "equity": N_("equity"),
}

_TABLES = ("scale", "indicators", "domains")
_SCALE_KEYS = ("draft",)
_INDICATOR_KEYS = ("better", "cuts", "unit", "applies_to", "top_requires", "basis")
_DOMAIN_KEYS = ("indicator", "quality", "beside")
_UNIT_WORDS: dict[str, str] = {
    "working days": N_("working days"),
    "per million": N_("per million"),
    "points": N_("points"),
}
_COVERAGE = re.compile(r"coverage_(\d+(?:\.\d+)?)min(?:_(worst_fifth|best_fifth|gap))?$")


# -- the scale -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorScale:
    """The four cut points of one indicator between levels 1|2, 2|3, 3|4 and 4|5.

    A value exactly at a cut belongs to the better level: with ``better="higher"`` and cuts
    ``(20, 40, 60, 80)``, 80 % is level 5; with ``better="lower"`` and ``(20, 15, 10, 10)``,
    10 working days is level 5 (the empty level 4 is reached through ``top_requires``).
    """

    name: str
    better: Literal["higher", "lower"]
    cuts: tuple[float, float, float, float]
    unit: str
    basis: str = ""
    applies_to: tuple[str, ...] = ()
    #: Level 5 also needs this indicator at its own level 5; without it the level is 4.
    top_requires: str | None = None

    def level(self, value: float) -> int | None:
        """The level 1-5 of ``value`` in the indicator's unit; None when it is NaN."""
        if math.isnan(value):
            return None
        if self.better == "higher":
            return 1 + sum(value >= cut for cut in self.cuts)
        return 1 + sum(value <= cut for cut in self.cuts)

    def matches(self, indicator: str) -> bool:
        """Whether this scale is the one of ``indicator`` (its own name or one of `applies_to`)."""
        return indicator == self.name or any(_name_matches(indicator, p) for p in self.applies_to)

    def range_text(self, level: int) -> str:
        """The values of ``level``, in words: ``"60–80 %"``, ``"below 20 %"``,
        ``"10 working days or less"``; an empty level reads as the next one up."""
        c = self.cuts
        if 1 < level < 5 and c[level - 2] == c[level - 1]:
            return self.range_text(level + 1)
        if level == 1:
            text = _("below {value}") if self.better == "higher" else _("above {value}")
            return text.format(value=self.cut_text(c[0]))
        if level == 5:
            text = _("{value} or more") if self.better == "higher" else _("{value} or less")
            return text.format(value=self.cut_text(c[3]))
        low, high = sorted((c[level - 2], c[level - 1]))
        return _("{low}–{high}").format(low=_plain_number(low), high=self.cut_text(high))

    def cut_text(self, cut: float) -> str:
        """A cut point with its unit: ``"80 %"``, ``"10 working days"``, ``"1.25"``."""
        if self.unit == "%":
            return format_percent(cut, decimals=None)
        return f"{_plain_number(cut)} {unit_words(self.unit)}".strip()

    def value_text(self, value: float) -> str:
        """A measured value with its unit (`value_text`)."""
        return value_text(value, self.unit)


@dataclass(frozen=True)
class DomainRule:
    """Which indicator (at which quality level) gives a domain its level."""

    name: str
    indicator: str
    #: None: the indicator's rows without a quality level, or else those of ``"any"``.
    quality: str | None = None
    #: An indicator shown beside the domain's (equity: the whole city's coverage).
    beside: str | None = None


@dataclass(frozen=True)
class ReadinessScale:
    """The levels of every indicator and the rule of every domain, as read by `load_readiness`."""

    indicators: tuple[IndicatorScale, ...]
    domains: tuple[DomainRule, ...]
    #: True while the thresholds are ccgeo's proposal, not an adopted standard.
    draft: bool = True
    #: The files read, bundled first.
    sources: tuple[str, ...] = ()

    def scale_for(self, indicator: str) -> IndicatorScale | None:
        """The scale of ``indicator``: the table of that name, else the first whose
        ``applies_to`` matches it; None when the indicator has no scale."""
        for scale in self.indicators:
            if scale.name == indicator:
                return scale
        return next((s for s in self.indicators if s.matches(indicator)), None)

    def domain(self, name: str) -> DomainRule:
        """The rule of domain ``name``.

        Raises
        ------
        KeyError
            When the scale has no such domain.
        """
        for rule in self.domains:
            if rule.name == name:
                return rule
        raise KeyError(name)


def draft_note(scale: ReadinessScale) -> str:
    """The line every page showing levels carries: that the scale is a draft, or whose it is."""
    if scale.draft:
        return _(
            "Draft scale: these levels use ccgeo's proposed thresholds until WHO publishes its "
            "country maturity model (WHA79); they can be edited in resources/readiness.toml."
        )
    return _("Levels from the thresholds of {files}.").format(
        files=", ".join(Path(s).name for s in scale.sources)
    )


def load_readiness(path: str | Path | None = None) -> ReadinessScale:
    """Read the bundled draft scale, and a user's file over it.

    Parameters
    ----------
    path
        A TOML file in the format of ``resources/readiness.toml``; its ``[indicators.<name>]``
        and ``[domains.<name>]`` tables are merged key by key over the bundled ones (a new table
        adds an indicator or a domain). None reads the bundled file only.

    Returns
    -------
    ReadinessScale

    Raises
    ------
    InputError
        If the file is missing or not valid TOML, a table or key is unknown, or a value is not
        what is expected; every problem at once, each with its table, key and value.
    """
    what = _("readiness scale file")
    data = bundled_toml(BUNDLED_READINESS)
    sources = [str(resource(BUNDLED_READINESS))]
    where: Path = Path(sources[0])
    if path is not None:
        where = Path(path)
        user = load_toml(where, what=what, example=BUNDLED_READINESS)
        _check_layout(user, where)
        data = _merge_user(data, user, cite=_("user file {name}").format(name=where.name))
        sources.append(str(where))
    problems: list[str] = []
    scales = tuple(_indicator_scale(n, t, problems) for n, t in data["indicators"].items())
    names = {s.name for s in scales}
    for scale in scales:
        if scale.top_requires is not None and scale.top_requires not in names:
            text = _(
                "[indicators.{name}] top_requires = {value!r}: expected an indicator with its "
                "own table ({known})"
            )
            problems.append(
                text.format(name=scale.name, value=scale.top_requires, known=", ".join(names))
            )
    draft = data.get("scale", {}).get("draft", True)
    if not isinstance(draft, bool):
        problems.append(_("[scale] draft = {value!r}: expected true or false").format(value=draft))
    out = ReadinessScale(scales, (), draft=bool(draft), sources=tuple(sources))
    domains = tuple(_domain_rule(n, t, out, problems) for n, t in data["domains"].items())
    if problems:
        msg = _(
            "the readiness scale is not usable: {problems}. Fix these values (see the comments at "
            "the top of resources/readiness.toml)."
        ).format(problems="; ".join(problems))
        raise InputError(msg, path=where)
    return replace(out, domains=domains)


def _check_layout(data: dict[str, Any], path: Path) -> None:
    """Refuse unknown tables and keys, and tables that are not tables, naming each."""
    problems = [
        _("unknown table [{table}] (expected scale, indicators, domains)").format(table=k)
        for k in data
        if k not in _TABLES
    ]
    scale = data.get("scale", {})
    if isinstance(scale, dict):
        problems += [_unknown_key("scale", k, _SCALE_KEYS) for k in scale if k not in _SCALE_KEYS]
    else:
        problems.append(_("scale = {value!r} should be a table [scale]").format(value=scale))
    for table, keys in (("indicators", _INDICATOR_KEYS), ("domains", _DOMAIN_KEYS)):
        tables = data.get(table, {})
        if not isinstance(tables, dict) or not all(isinstance(t, dict) for t in tables.values()):
            problems.append(_("[{table}] should hold tables [{table}.<name>]").format(table=table))
            continue
        for name, values in tables.items():
            where = f"{table}.{name}"
            problems += [_unknown_key(where, k, keys) for k in values if k not in keys]
    if problems:
        raise InputError("; ".join(problems), path=path)


def _unknown_key(table: str, key: str, keys: Sequence[str]) -> str:
    text = _("unknown key [{table}] {key!r} (expected {keys})")
    return text.format(table=table, key=key, keys=", ".join(keys))


def _merge_user(base: dict[str, Any], user: dict[str, Any], *, cite: str) -> dict[str, Any]:
    """The bundled tables with the user's merged over them key by key; cut points a user gives
    without a basis are cited as coming from the user's file."""
    out: dict[str, Any] = {"scale": {**base.get("scale", {}), **user.get("scale", {})}}
    for table in ("indicators", "domains"):
        merged = {name: dict(values) for name, values in base.get(table, {}).items()}
        for name, values in user.get(table, {}).items():
            merged[name] = merged.get(name, {}) | values
            if table == "indicators" and "basis" not in values:
                merged[name]["basis"] = cite
        out[table] = merged
    return out


def _indicator_scale(name: str, table: dict[str, Any], problems: list[str]) -> IndicatorScale:
    def bad(key: str, expected: str) -> None:
        text = _("[indicators.{name}] {key} = {value!r}: expected {expected}")
        problems.append(text.format(name=name, key=key, value=table.get(key), expected=expected))

    better = table.get("better")
    if better not in ("higher", "lower"):
        bad("better", _('"higher" or "lower"'))
        better = "higher"
    cuts = table.get("cuts")
    if (
        not isinstance(cuts, list)
        or len(cuts) != 4
        or not all(_is_number(c) and math.isfinite(c) for c in cuts)
    ):
        bad("cuts", _("a list of four numbers, the cut points between levels 1|2, 2|3, 3|4, 4|5"))
        cuts = [0.0, 0.0, 0.0, 0.0]
    elif list(cuts) != sorted(cuts, reverse=better == "lower"):
        if better == "higher":
            bad("cuts", _('cut points in ascending order, since better = "higher"'))
        else:
            bad("cuts", _('cut points in descending order, since better = "lower"'))
    unit = table.get("unit", "")
    if not isinstance(unit, str):
        bad("unit", _('a text such as "per million" or "working days"'))
        unit = ""
    applies = table.get("applies_to", [])
    if not isinstance(applies, list) or not all(isinstance(p, str) and p for p in applies):
        bad("applies_to", _("a list of indicator names"))
        applies = []
    requires = table.get("top_requires")
    if requires is not None and not isinstance(requires, str):
        bad("top_requires", _("the name of an indicator"))
        requires = None
    return IndicatorScale(
        name=name,
        better=better,
        cuts=tuple(float(c) for c in cuts),  # type: ignore[arg-type]
        unit=unit,
        basis=str(table.get("basis", "")),
        applies_to=tuple(applies),
        top_requires=requires,
    )


def _domain_rule(
    name: str, table: dict[str, Any], scale: ReadinessScale, problems: list[str]
) -> DomainRule:
    out: dict[str, str | None] = {}
    for key in _DOMAIN_KEYS:
        value = table.get(key)
        if key == "indicator" and value is None:
            problems.append(_("[domains.{name}] indicator is missing").format(name=name))
        elif key == "quality" and value is not None and value not in QUALITIES:
            text = _("[domains.{name}] quality = {value!r}: expected one of {known}")
            problems.append(text.format(name=name, value=value, known=", ".join(QUALITIES)))
        elif value is not None and not isinstance(value, str):
            text = _("[domains.{name}] {key} = {value!r}: expected an indicator name")
            problems.append(text.format(name=name, key=key, value=value))
        elif key in ("indicator", "beside") and value and scale.scale_for(value) is None:
            text = _(
                "[domains.{name}] {key} = {value!r}: this indicator has no scale; add a table "
                "[indicators.{value}] or name it in an `applies_to`"
            )
            problems.append(text.format(name=name, key=key, value=value))
        out[key] = value if isinstance(value, str) else None
    return DomainRule(name, out["indicator"] or "", out["quality"], out["beside"])


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _name_matches(indicator: str, pattern: str) -> bool:
    """``applies_to`` patterns: an exact name, or a prefix ending in ``*``."""
    return fnmatchcase(indicator, pattern) if pattern.endswith("*") else indicator == pattern


# -- levels ----------------------------------------------------------------------------------------


def assign_levels(indicators: pd.DataFrame, scale: ReadinessScale) -> pd.DataFrame:
    """Each indicator row with its level on ``scale``.

    Parameters
    ----------
    indicators
        The tidy indicator table: ``city, test, quality, indicator, value, unit`` (and optionally
        ``note``), values in the unit of ``unit``; NaN where a value could not be computed.
    scale
        From `load_readiness`.

    Returns
    -------
    DataFrame
        The input with ``level`` (Int64 1-5; <NA> when the value is NaN or the indicator has no
        scale) and ``draft`` (the scale's draft flag, on every row). A level 5 whose scale has
        ``top_requires`` stays at 4 unless the required indicator of the same city, test and
        quality is at level 5 too.

    Raises
    ------
    InputError
        When a column is missing or a value is not a number.
    """
    table = _checked(indicators)
    levels = pd.Series(pd.NA, index=table.index, dtype="Int64")
    for name, rows in table.groupby("indicator", sort=False):
        found = scale.scale_for(str(name))
        if found is not None:
            levels[rows.index] = [found.level(v) for v in rows["value"]]
    levels = _apply_top_requires(table, levels, scale)
    return table.assign(level=levels, draft=scale.draft)


def _checked(indicators: pd.DataFrame) -> pd.DataFrame:
    missing = [c for c in INDICATOR_COLUMNS if c not in indicators.columns]
    if missing:
        msg = _("the indicator table lacks the columns {missing} (expected {expected})").format(
            missing=", ".join(missing), expected=", ".join(INDICATOR_COLUMNS)
        )
        raise InputError(msg)
    values = pd.to_numeric(indicators["value"], errors="coerce")
    bad = indicators.loc[values.isna() & indicators["value"].notna()]
    if not bad.empty:
        rows = ", ".join(f"{r.indicator} = {r.value!r}" for r in bad.head(5).itertuples())
        msg = _("indicator values should be numbers (NaN when not computable), got {rows}")
        raise InputError(msg.format(rows=rows))
    quality = indicators["quality"].fillna("").astype(str)
    return indicators.assign(value=values.astype(float), quality=quality)


def _apply_top_requires(table: pd.DataFrame, levels: pd.Series, scale: ReadinessScale) -> pd.Series:
    keys = ["city", "test", "quality"]
    for found in scale.indicators:
        if found.top_requires is None:
            continue
        top = (levels == 5).fillna(False) & table["indicator"].map(found.matches)
        if not top.any():
            continue
        required = table["indicator"] == found.top_requires
        gate = table.loc[required, keys].assign(gate=(levels[required] == 5).fillna(False))
        gate = gate.drop_duplicates(keys)
        at_top = table.loc[top, keys].merge(gate, on=keys, how="left")["gate"]
        passed = at_top.fillna(False).astype(bool).to_numpy()
        levels[top[top].index[~passed]] = 4
    return levels


# -- the scorecard ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class DomainLevel:
    """One domain of a scorecard: its level, the indicator row that sets it, and why."""

    domain: str
    #: 1-5, or None when the defining indicator could not be computed or is absent.
    level: int | None
    indicator: str
    test: str
    quality: str
    value: float
    #: The sentence that explains the level, in the current language.
    driver: str
    #: The ``beside`` indicator's value and level (equity: the whole city), if any.
    beside_value: float = math.nan
    beside_level: int | None = None


@dataclass(frozen=True)
class Suggestion:
    """A change the siting or referral steps found, and what it does to one indicator.

    ``before`` and ``after`` are values of ``indicator`` (the domain's own indicator when None),
    in its unit; ``count`` is the number of things ``text`` names (two hubs: 2), which decides
    the grammar of the sentence.
    """

    text: str
    domain: str
    before: float
    after: float
    indicator: str | None = None
    count: int = 1


@dataclass(frozen=True)
class Action:
    """A suggestion chosen to raise a lowest domain, with its levels and its sentence."""

    suggestion: Suggestion
    indicator: str
    level_before: int | None
    level_after: int | None
    sentence: str


@dataclass(frozen=True)
class Scorecard:
    """A city's readiness: one `DomainLevel` per domain of the scale, in its order."""

    city: str
    #: The test the card is for; None: every test, each domain at its weakest test.
    test: str | None
    domains: tuple[DomainLevel, ...]
    draft: bool
    actions: tuple[Action, ...] = ()
    scale: ReadinessScale | None = field(default=None, repr=False, compare=False)

    @property
    def lowest(self) -> tuple[str, ...]:
        """The domains at the lowest level (none when no domain has a level)."""
        levels = [d.level for d in self.domains if d.level is not None]
        if not levels:
            return ()
        return tuple(d.domain for d in self.domains if d.level == min(levels))

    def level(self, domain: str) -> int | None:
        """The level of ``domain`` (None when not computed).

        Raises
        ------
        KeyError
            When the card has no such domain.
        """
        for found in self.domains:
            if found.domain == domain:
                return found.level
        raise KeyError(domain)

    def lowest_text(self) -> str:
        """``"Lowest domain: capacity (level 2)"``, or that no domain has a level."""
        lowest = self.lowest
        if not lowest:
            return _("No domain has a level: no indicator could be computed.")
        text = ngettext(
            "Lowest domain: {domains} (level {level})",
            "Lowest domains: {domains} (level {level})",
            len(lowest),
        )
        names = ", ".join(domain_words(d) for d in lowest)
        return text.format(domains=names, level=self.level(lowest[0]))


def scorecards(
    indicators: pd.DataFrame, scale: ReadinessScale, *, test: str | None = None
) -> list[Scorecard]:
    """One `Scorecard` per city of ``indicators``, in the order the cities first appear.

    Parameters
    ----------
    indicators
        The indicator table, with or without the levels of `assign_levels`.
    scale
        From `load_readiness`.
    test
        One test (``"pcr"``): its rows and the rows without a test; None: every test, each domain
        taking the level of its weakest test (the driver names it).
    """
    table = indicators if "level" in indicators.columns else assign_levels(indicators, scale)
    return [scorecard(table, city, scale, test=test) for city in table["city"].drop_duplicates()]


def scorecard(
    levelled: pd.DataFrame, city: str, scale: ReadinessScale, *, test: str | None = None
) -> Scorecard:
    """The `Scorecard` of ``city`` from a table of `assign_levels` (see `scorecards`)."""
    rows = levelled.loc[levelled["city"] == city]
    if test is not None:
        rows = rows.loc[rows["test"].isin([test, ""])]
    domains = tuple(_domain_level(rows, rule, scale) for rule in scale.domains)
    return Scorecard(city, test, domains, draft=scale.draft, scale=scale)


def _domain_level(rows: pd.DataFrame, rule: DomainRule, scale: ReadinessScale) -> DomainLevel:
    found = scale.scale_for(rule.indicator)
    assert found is not None  # load_readiness refuses a domain without a scale
    candidates = _quality_rows(rows.loc[rows["indicator"] == rule.indicator], rule.quality)
    if candidates.empty:
        driver = _("{what}: not in the indicators of this city").format(
            what=_capital(indicator_words(rule.indicator))
        )
        return DomainLevel(
            rule.name, None, rule.indicator, "", rule.quality or "", math.nan, driver
        )
    worse_first = candidates["value"] if found.better == "higher" else -candidates["value"]
    order = candidates.assign(_missing=candidates["level"].isna(), _worse=worse_first)
    row = order.sort_values(["_missing", "level", "_worse"], kind="stable").iloc[0]
    level = None if pd.isna(row["level"]) else int(row["level"])
    out = DomainLevel(
        rule.name,
        level,
        rule.indicator,
        str(row["test"]),
        str(row["quality"]),
        float(row["value"]),
        driver="",
    )
    beside = _same_row(rows, rule.beside, row) if rule.beside is not None else None
    if beside is not None:
        out = replace(
            out,
            beside_value=float(beside["value"]),
            beside_level=None if pd.isna(beside["level"]) else int(beside["level"]),
        )
    return replace(out, driver=_driver(out, row, rows, rule, scale))


def _same_row(rows: pd.DataFrame, indicator: str, row: pd.Series) -> pd.Series | None:
    """The row of ``indicator`` for the city, test and quality of ``row``, if any."""
    same = rows.loc[
        (rows["indicator"] == indicator)
        & (rows["test"] == row["test"])
        & (rows["quality"] == row["quality"])
    ]
    return None if same.empty else same.iloc[0]


def _quality_rows(rows: pd.DataFrame, quality: str | None) -> pd.DataFrame:
    if quality is not None:
        return rows.loc[rows["quality"] == quality]
    unqualified = rows.loc[rows["quality"] == ""]
    return unqualified if not unqualified.empty else rows.loc[rows["quality"] == "any"]


def _driver(
    domain: DomainLevel,
    row: pd.Series,
    rows: pd.DataFrame,
    rule: DomainRule,
    scale: ReadinessScale,
) -> str:
    """``"60.0 % of people live within 120 min of a lab doing IHC: level 4 (80 % or more is
    level 5)"``."""
    found = scale.scale_for(domain.indicator)
    assert found is not None
    what = indicator_words(domain.indicator)
    if domain.level is None:
        note = row.get("note", "")
        note = note.strip() if isinstance(note, str) else ""
        if domain.test:
            text = _("{what} for {test} could not be computed").format(
                what=_capital(what), test=name_of_test(domain.test, domain.quality)
            )
        else:
            text = _("{what} could not be computed").format(what=_capital(what))
        return f"{text}: {note}" if note else text
    statement = _capital(_statement(domain.indicator, domain.value, domain.test, domain.quality))
    text = _("{statement}: {level}").format(
        statement=statement, level=_level_words(found, domain, row, rows, scale)
    )
    if rule.beside is not None and not math.isnan(domain.beside_value):
        beside = scale.scale_for(rule.beside)
        assert beside is not None
        text += _("; the whole city: {value}, level {level}").format(
            value=beside.value_text(domain.beside_value),
            level=domain.beside_level if domain.beside_level is not None else "–",
        )
    return text


def _level_words(
    found: IndicatorScale,
    domain: DomainLevel,
    row: pd.Series,
    rows: pd.DataFrame,
    scale: ReadinessScale,
) -> str:
    level = domain.level
    assert level is not None
    if found.level(domain.value) == 5 and level == 4 and found.top_requires is not None:
        gate = scale.scale_for(found.top_requires)
        assert gate is not None
        gate_row = _same_row(rows, found.top_requires, row)
        gate_value = math.nan if gate_row is None else float(gate_row["value"])
        if math.isnan(gate_value):
            text = _("level 4 (level 5 also needs the {what} at {range}, not computed here)")
        else:
            text = _("level 4 (level 5 also needs the {what} at {range}; it is {value})")
        return text.format(
            what=indicator_words(found.top_requires),
            range=gate.range_text(5),
            value=gate.value_text(gate_value),
        )
    if level == 5:
        return _("level 5, the top level")
    return _("level {level} ({range} is level {next})").format(
        level=level, range=found.range_text(level + 1), next=level + 1
    )


# -- actions ---------------------------------------------------------------------------------------


def actions_to_raise(
    scorecard: Scorecard, suggestions: Iterable[Suggestion], *, limit: int = 3
) -> Scorecard:
    """``scorecard`` with the actions that would raise its lowest domain(s), best gain first.

    Parameters
    ----------
    scorecard
        From `scorecard`/`scorecards`.
    suggestions
        What the siting and referral steps found; those for other domains, and those that do
        not improve their indicator, are left out.
    limit
        The most actions kept (two or three read well on a page).

    Returns
    -------
    Scorecard
        A copy with `Scorecard.actions`, ranked by levels gained, then by how far the indicator
        moves in its better direction (in its unit).

    Raises
    ------
    InputError
        When a suggestion names a domain or an indicator the scale does not have.
    """
    scale = scorecard.scale
    if scale is None:
        raise InputError(_("this scorecard carries no readiness scale to rank actions with"))
    ranked: list[tuple[tuple[int, float], Action]] = []
    for suggestion in suggestions:
        rule = _suggestion_rule(suggestion, scale)
        if rule.name not in scorecard.lowest:
            continue
        indicator = suggestion.indicator or rule.indicator
        found = scale.scale_for(indicator)
        assert found is not None  # _suggestion_rule checked it
        sign = 1.0 if found.better == "higher" else -1.0
        gain = sign * (suggestion.after - suggestion.before)
        if not gain > 0:
            continue
        before, after = found.level(suggestion.before), found.level(suggestion.after)
        levels = (after or 0) - (before or 0)  # both known: a NaN value has no positive gain
        sentence = _action_sentence(suggestion, found, indicator, (before, after))
        action = Action(suggestion, indicator, before, after, sentence)
        ranked.append(((levels, gain), action))
    ranked.sort(key=lambda item: item[0], reverse=True)
    return replace(scorecard, actions=tuple(action for _key, action in ranked[:limit]))


def _suggestion_rule(suggestion: Suggestion, scale: ReadinessScale) -> DomainRule:
    try:
        rule = scale.domain(suggestion.domain)
    except KeyError:
        known = ", ".join(r.name for r in scale.domains)
        msg = _("the suggestion {text!r} names the domain {domain!r}; expected one of {known}")
        raise InputError(
            msg.format(text=suggestion.text, domain=suggestion.domain, known=known)
        ) from None
    indicator = suggestion.indicator or rule.indicator
    if scale.scale_for(indicator) is None:
        msg = _("the suggestion {text!r} moves {indicator!r}, an indicator with no scale")
        raise InputError(msg.format(text=suggestion.text, indicator=indicator))
    return rule


def _action_sentence(
    suggestion: Suggestion,
    found: IndicatorScale,
    indicator: str,
    levels: tuple[int | None, int | None],
) -> str:
    """``"two PCR hubs at X and Y move 60-minute coverage from 41.0 % to 78.0 % (level 3 →
    4)"``."""
    text = ngettext(
        "{text} moves {what} from {before} to {after} (level {level_before} → {level_after})",
        "{text} move {what} from {before} to {after} (level {level_before} → {level_after})",
        suggestion.count,
    )
    return text.format(
        text=suggestion.text,
        what=indicator_words(indicator),
        before=found.value_text(suggestion.before),
        after=found.value_text(suggestion.after),
        level_before=levels[0],
        level_after=levels[1],
    )


# -- words -----------------------------------------------------------------------------------------


def domain_words(domain: str) -> str:
    """A domain in words, in the current language: ``"preanalytical"`` → ``"pre-analytical
    quality"``."""
    return _(DOMAIN_WORDS[domain]) if domain in DOMAIN_WORDS else domain.replace("_", " ")


def value_text(value: float, unit: str) -> str:
    """A measured value in ``unit`` as `ccgeo.labels` formats it: ``"41.0 %"``, ``"7.2 working
    days"``, ``"1.25"``."""
    if unit == "%":
        return format_share(value / 100.0)
    if unit == "working days":
        return f"{format_days(value)} {unit_words(unit)}"
    return f"{format_ratio(value)} {unit_words(unit)}".strip()


def unit_words(unit: str) -> str:
    """A unit in words (``"%"`` stays, ``"ratio"`` reads as nothing)."""
    if unit == "ratio":
        return ""
    return _(_UNIT_WORDS[unit]) if unit in _UNIT_WORDS else unit


def name_of_test(test: str, quality: str = "") -> str:
    """``"PCR"``, ``"PCR (accredited)"``, ``"any test"`` for a row without a test."""
    name = _in_capitals(test) if test else _("any test")
    if quality == "eqa":
        return _("{test} (in EQA)").format(test=name)
    if quality == "accredited":
        return _("{test} (accredited)").format(test=name)
    return name


_INDICATOR_WORDS: dict[str, str] = {
    "turnaround_median_days": N_("median sample-to-result time"),
    "turnaround_p90_days": N_("90th-percentile sample-to-result time"),
    "routes_within_limits": N_("share of referral routes within pre-analytical limits"),
    "capacity_ratio": N_("lab capacity against expected tests"),
    "labs_eqa_share": N_("share of labs in external quality assessment"),
    "labs_accredited_share": N_("share of accredited labs"),
    "pathologists_per_million": N_("pathologists per million people"),
    "molecular_staff_per_million": N_("molecular staff per million people"),
}


def indicator_words(indicator: str) -> str:
    """An indicator's short name: ``"coverage_60min"`` → ``"60-minute coverage"``."""
    coverage = _COVERAGE.match(indicator)
    if coverage is not None:
        minutes, part = coverage.groups()
        if part == "worst_fifth":
            text = _("{minutes}-minute coverage of the worst-served fifth of districts")
        elif part == "best_fifth":
            text = _("{minutes}-minute coverage of the best-served fifth of districts")
        elif part == "gap":
            text = _("gap in {minutes}-minute coverage between the best and worst fifths")
        else:
            text = _("{minutes}-minute coverage")
        return text.format(minutes=_plain_number(float(minutes)))
    return _(_INDICATOR_WORDS[indicator]) if indicator in _INDICATOR_WORDS else indicator


def _statement(indicator: str, value: float, test: str, quality: str) -> str:
    """What an indicator row says, as a clause: ``"41.0 % of people live within 60 min of a lab
    doing PCR"``."""
    test_text = name_of_test(test, quality)
    coverage = _COVERAGE.match(indicator)
    if coverage is not None and coverage.group(2) != "gap":
        minutes, part = coverage.groups()
        if part == "worst_fifth":
            text = _(
                "in the worst-served fifth of districts {share} of people live within {minutes} "
                "of a lab doing {test}"
            )
        elif part == "best_fifth":
            text = _(
                "in the best-served fifth of districts {share} of people live within {minutes} "
                "of a lab doing {test}"
            )
        else:
            text = _("{share} of people live within {minutes} of a lab doing {test}")
        minutes_text = format_threshold(float(minutes))
        return text.format(share=format_share(value / 100.0), minutes=minutes_text, test=test_text)
    templates = _statement_templates()
    if indicator not in templates:
        return _("{what} is {value} for {test}").format(
            what=indicator_words(indicator), value=format_number(value, decimals=1), test=test_text
        )
    return templates[indicator].format(
        share=format_share(value / 100.0),
        days=format_days(value),
        ratio=format_ratio(value),
        value=format_ratio(value),
        test=test_text,
    )


def _statement_templates() -> Mapping[str, str]:
    return {
        "turnaround_median_days": _(
            "the median sample-to-result time for {test} is {days} working days"
        ),
        "turnaround_p90_days": _("9 in 10 {test} results come within {days} working days"),
        "routes_within_limits": _(
            "{share} of the referral routes for {test} keep specimens within their "
            "pre-analytical limits"
        ),
        "capacity_ratio": _("the labs doing {test} can run {ratio} times the tests expected"),
        "labs_eqa_share": _(
            "{share} of the labs doing {test} take part in external quality assessment"
        ),
        "labs_accredited_share": _("{share} of the labs doing {test} are accredited"),
        "pathologists_per_million": _("{value} pathologists per million people"),
        "molecular_staff_per_million": _("{value} molecular staff per million people"),
    }


def _plain_number(value: float) -> str:
    """A cut point with the decimals it has: ``80.0`` → ``"80"``, ``1.25`` → ``"1.25"``."""
    decimals = 0
    while decimals < 3 and round(value, decimals) != value:
        decimals += 1
    return format_number(value, decimals=decimals)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
