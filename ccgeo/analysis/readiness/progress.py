"""Progress over time: two versions of one city (a baseline, then after new hubs or a new courier
route) compared indicator by indicator and district by district, and said in a few sentences:
what changed, for whom, by how much.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

import pandas as pd

from ccgeo.analysis.readiness.rows import PERCENT, THRESHOLDS_MINUTES, WORKING_DAYS
from ccgeo.analysis.readiness.scorecard import (
    indicator_words,
    name_of_test,
    unit_words,
    value_text,
)
from ccgeo.i18n import _
from ccgeo.labels import format_days, format_ratio, format_share_change

if TYPE_CHECKING:
    from ccgeo.analysis.readiness.evidence import CityEvidence

#: Columns of `progress_between`, in order. ``scope`` is ``"city"`` (an indicator of the whole
#: city, by sex or by age band) or ``"district"`` (a district's coverage, ``indicator``
#: ``coverage_<T>min``, in %); ``change`` is ``after - before`` in the unit (points for %).
PROGRESS_COLUMNS: tuple[str, ...] = (
    "scope",
    "test",
    "quality",
    "indicator",
    "district_id",
    "district_name",
    "unit",
    "before",
    "after",
    "change",
    "level_before",
    "level_after",
)

_KEYS = ["test", "quality", "indicator", "district_id"]
_GROUP = re.compile(r"^(?P<base>coverage_\d+(?:\.\d+)?min)_(?P<kind>sex|age)_(?P<group>.+)$")


def progress_between(before: CityEvidence, after: CityEvidence) -> pd.DataFrame:
    """Every indicator and district coverage of two versions of a city, side by side.

    Parameters
    ----------
    before, after
        The evidence of the baseline and of the later version (`CityEvidence`); their
        indicators are matched by test, quality and indicator name, their districts by id.

    Returns
    -------
    DataFrame
        `PROGRESS_COLUMNS`, city rows first (in the order of ``after``'s table, then those only
        ``before`` has), then district rows. ``before``/``after`` are NaN where a version lacks
        the row or could not compute it; ``level_before``/``level_after`` (Int64) are the
        scale's levels of city rows, <NA> for districts.
    """
    city = _side_by_side(_city_rows(before), _city_rows(after)).assign(scope="city")
    districts = _side_by_side(_district_rows(before), _district_rows(after)).assign(
        scope="district"
    )
    table = pd.concat([city, districts], ignore_index=True)
    table["change"] = table["after"] - table["before"]
    for column in ("level_before", "level_after"):
        table[column] = table[column].astype("Int64")
    return table[list(PROGRESS_COLUMNS)]


def _city_rows(evidence: CityEvidence) -> pd.DataFrame:
    table = evidence.indicators
    levels = table["level"] if "level" in table else pd.Series(pd.NA, index=table.index)
    return pd.DataFrame(
        {
            "test": table["test"].astype(str),
            "quality": table["quality"].fillna("").astype(str),
            "indicator": table["indicator"].astype(str),
            "district_id": "",
            "district_name": "",
            "unit": table["unit"].astype(str),
            "value": pd.to_numeric(table["value"], errors="coerce").astype(float),
            "level": pd.array(levels, dtype="Int64"),
        }
    )


def _district_rows(evidence: CityEvidence) -> pd.DataFrame:
    table = evidence.districts
    if table.empty:
        return pd.DataFrame(columns=[*_KEYS, "district_name", "unit", "value", "level"])
    named = table[table["district_id"].astype(str) != ""]
    return pd.DataFrame(
        {
            "test": named["test"].astype(str),
            "quality": named["quality"].astype(str),
            "indicator": [f"coverage_{m:g}min" for m in named["threshold_min"]],
            "district_id": named["district_id"].astype(str),
            "district_name": named["district_name"].fillna("").astype(str),
            "unit": PERCENT,
            "value": 100.0 * pd.to_numeric(named["share"], errors="coerce").astype(float),
            "level": pd.array([pd.NA] * len(named), dtype="Int64"),
        }
    )


def _side_by_side(before: pd.DataFrame, after: pd.DataFrame) -> pd.DataFrame:
    """Outer join on the keys; a row's name and unit from whichever version has it."""
    merged = after.merge(before, on=_KEYS, how="outer", suffixes=("_after", "_before"), sort=False)
    order = pd.concat([after[_KEYS], before[_KEYS]]).drop_duplicates().reset_index(drop=True)
    merged = order.merge(merged, on=_KEYS, how="left")
    return pd.DataFrame(
        {
            **{key: merged[key] for key in _KEYS},
            "district_name": merged["district_name_after"].fillna(merged["district_name_before"]),
            "unit": merged["unit_after"].fillna(merged["unit_before"]),
            "before": merged["value_before"].astype(float),
            "after": merged["value_after"].astype(float),
            "level_before": merged["level_before"],
            "level_after": merged["level_after"],
        }
    )


# -- sentences -------------------------------------------------------------------------------------


def progress_sentences(
    progress: pd.DataFrame, *, quality: str = "any", limit: int = 8
) -> list[str]:
    """What changed, for whom and by how much, in the current language.

    One sentence per city indicator of ``quality`` (and per indicator that does not depend on the
    quality level) whose value changed: the whole city's coverage, then by sex and age band, then
    the other indicators, each in order of the size of the change;
    a coverage sentence names the district that moved most the same way: ``"60-minute coverage
    of PCR rose from 41.0 % to 78.0 % (+37.0 pts), most in Ward X (+62.0 pts)"``. Coverage by
    sex or age band starts with the group (``"Women: ..."``).

    Parameters
    ----------
    progress
        From `progress_between`.
    quality
        The quality level of the labs the sentences are about.
    limit
        The most sentences returned.

    Returns
    -------
    list of str
        ``["Nothing changed between the two versions."]`` when no value changed.
    """
    city = progress[
        (progress["scope"] == "city")
        & progress["quality"].isin([quality, ""])
        & progress["change"].notna()
        & (progress["change"] != 0)
    ]
    if city.empty:
        return [_("Nothing changed between the two versions.")]
    coverage = city["indicator"].str.startswith("coverage_")
    by_group = city["indicator"].str.match(_GROUP.pattern)
    rank = (~coverage).astype(int) * 2 + by_group.astype(int)
    ranked = city.assign(_rank=rank, _size=-city["change"].abs()).sort_values(
        ["_rank", "_size"], kind="stable"
    )
    districts = progress[(progress["scope"] == "district") & progress["change"].notna()]
    return [_sentence(row, districts) for row in ranked.head(limit).itertuples(index=False)]


def _sentence(row: object, districts: pd.DataFrame) -> str:
    test, quality, indicator = row.test, row.quality, row.indicator  # type: ignore[attr-defined]
    before, after, change = row.before, row.after, row.change  # type: ignore[attr-defined]
    unit = row.unit  # type: ignore[attr-defined]
    group = _GROUP.match(indicator)
    words = indicator_words(group["base"] if group else indicator)
    parts = {
        "what": words[:1].upper() + words[1:],
        "test": name_of_test(test, quality),
        "before": value_text(before, unit),
        "after": value_text(after, unit),
        "change": change_text(change, unit),
    }
    place = _most_moved(districts, test, quality, indicator, change) if not group else None
    if place is not None:
        name, moved = place
        text = (
            _(
                "{what} of {test} rose from {before} to {after} ({change}), most in {district} "
                "({district_change})"
            )
            if change > 0
            else _(
                "{what} of {test} fell from {before} to {after} ({change}), most in "
                "{district} ({district_change})"
            )
        )
        sentence = text.format(**parts, district=name, district_change=change_text(moved, unit))
    else:
        text = (
            _("{what} of {test} rose from {before} to {after} ({change})")
            if change > 0
            else _("{what} of {test} fell from {before} to {after} ({change})")
        )
        sentence = text.format(**parts)
    if group:
        return _("{group}: {sentence}").format(
            group=group_words(group["kind"], group["group"]),
            sentence=sentence[:1].lower() + sentence[1:],
        )
    return sentence


def _most_moved(
    districts: pd.DataFrame, test: str, quality: str, indicator: str, change: float
) -> tuple[str, float] | None:
    """The district whose coverage moved most in the direction of the city's ``change``."""
    if not any(indicator == f"coverage_{m:g}min" for m in THRESHOLDS_MINUTES):
        return None
    same = districts[
        (districts["test"] == test)
        & (districts["quality"] == quality)
        & (districts["indicator"] == indicator)
    ]
    moved = same["change"] * math.copysign(1.0, change)
    moved = moved[moved > 0]
    if moved.empty:
        return None
    best = same.loc[moved.idxmax()]
    name = str(best["district_name"]) or str(best["district_id"])
    return name, float(best["change"])


def change_text(change: float, unit: str) -> str:
    """A change in ``unit`` with its sign: ``"+37.0 pts"`` for a share in %, ``"−2.0 working
    days"``, ``"+0.25"`` for a ratio."""
    if unit == PERCENT:
        return format_share_change(change / 100.0)
    sign = "+" if change > 0 else "−" if change < 0 else "±"
    size = format_days(abs(change)) if unit == WORKING_DAYS else format_ratio(abs(change))
    return f"{sign}{size} {unit_words(unit)}".strip()


def group_words(kind: str, group: str) -> str:
    """The people of a sex or age band: ``("sex", "f")`` → ``"Women"``, ``("age", "15_49")``
    → ``"People aged 15–49"``, ``("age", "65_plus")`` → ``"People aged 65 and over"``."""
    if kind == "sex":
        return _("Women") if group == "f" else _("Men")
    low, _sep, high = group.partition("_")
    if high == "plus":
        return _("People aged {low} and over").format(low=low)
    if not high:
        return _("People aged {low}").format(low=low)
    return _("People aged {low}–{high}").format(low=low, high=high)


__all__ = [
    "PROGRESS_COLUMNS",
    "change_text",
    "group_words",
    "progress_between",
    "progress_sentences",
]
