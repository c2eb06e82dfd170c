"""Results in plain words, the same for the app's panels, the command line and the report, in the
language of `ccgeo.i18n` at the moment they are written."""

from __future__ import annotations

import math

import numpy as np

from ccgeo.analysis.capacity.common import CAPACITY_COLUMN
from ccgeo.i18n import _
from ccgeo.labels import (
    format_people,
    format_percent,
    format_ratio,
    format_share,
    format_tests,
    format_threshold,
)
from ccgeo.model.capacity import CoverageResult, FcaResult
from ccgeo.model.settings import CapacitySettings, Travel
from ccgeo.report.methods import format_g, travel_by


def capacity_summary(result: FcaResult | CoverageResult, settings: CapacitySettings) -> str:
    """The result in one or two plain sentences, with the settings it was computed with."""
    cap = settings.capability.upper()
    mode = _travel_text(settings.travel)
    reach = format_threshold(settings.reach_minutes)
    n_labs = len(result.labs)
    if not np.isfinite(result.labs[CAPACITY_COLUMN].to_numpy(dtype=float)).any():
        return _(
            "The capacity of the {count} {test} labs is unknown (none has a {column}), so it "
            "cannot be compared with the need: enter their capacity in the attribute table "
            "(Layer ▸ Attribute table) or in the facility file."
        ).format(count=n_labs, test=cap, column=CAPACITY_COLUMN)
    if isinstance(result, CoverageResult):
        t = result.totals
        return _(
            "Within {reach} {travel}, the capacity of the {count} {test} labs covers {covered} of "
            "the {demand} {test} tests a year the population needs ({share}), the need of about "
            "{people_covered} of {people} people; {out_of_reach} tests a year have no lab "
            "within {reach}. The labs use {used} of their capacity."
        ).format(
            reach=reach,
            travel=mode,
            count=n_labs,
            test=cap,
            covered=format_tests(t["covered"]),
            demand=format_tests(t["demand"]),
            share=format_share(t["covered_share"]),
            people_covered=format_people(t["population_covered"]),
            people=format_people(t["population"]),
            out_of_reach=format_tests(t["demand_out_of_reach"]),
            used=format_share(t["capacity_used"]),
        )
    method = _("E2SFCA, nearer labs weigh more") if result.method == "e2sfca" else "2SFCA"
    unit = _(result.unit) if result.unit else result.unit  # marked N_ where it is made
    mean = result.mean_accessibility
    people = _("{people} people have no such lab within {reach} {travel}").format(
        people=format_people(result.population_no_lab), reach=reach, travel=mode
    )
    if result.demand_unit == "tests":
        return _(
            "{test} labs within reach have {level} on average ({method}; {unit}, people without "
            "a lab counted as 0); {people}."
        ).format(test=cap, level=_level_text(mean), method=method, unit=unit, people=people)
    return _("Mean accessibility {mean} {unit} ({method}); {people}.").format(
        mean=format_ratio(mean), unit=unit, method=method, people=people
    )


def _travel_text(travel: Travel) -> str:
    """``"by car"``, ``"by car, traffic ×3"``, in the current language."""
    text = travel_by(travel.mode)
    if travel.congestion != 1:
        text = _("{travel}, traffic ×{factor}").format(
            travel=text, factor=format_g(travel.congestion)
        )
    return text


def _level_text(mean: float) -> str:
    """The mean accessibility of a 2SFCA in tests: a multiple or a share of the need."""
    if not math.isfinite(mean):
        return _("an unknown share of the capacity the population needs (no people)")
    if mean >= 1:
        return _("{ratio} times the capacity the population needs").format(ratio=format_ratio(mean))
    return _("{percent} of the capacity the population needs").format(
        percent=format_percent(100 * mean)
    )
