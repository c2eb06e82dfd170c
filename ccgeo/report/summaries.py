"""Results in plain words, the same for the app's panels, the command line and the report."""

from __future__ import annotations

import math

import numpy as np

from ccgeo.analysis.capacity.common import CAPACITY_COLUMN
from ccgeo.labels import format_people, format_ratio, format_share, format_tests
from ccgeo.model.capacity import CoverageResult, FcaResult
from ccgeo.model.settings import CapacitySettings


def capacity_summary(result: FcaResult | CoverageResult, settings: CapacitySettings) -> str:
    """The result in one or two plain sentences, with the settings it was computed with."""
    cap = settings.capability.upper()
    mode = settings.travel.describe()
    reach = f"{settings.reach_minutes:g} min"
    n_labs = len(result.labs)
    if not np.isfinite(result.labs[CAPACITY_COLUMN].to_numpy(dtype=float)).any():
        return (
            f"The capacity of the {n_labs} {cap} labs is unknown (none has a {CAPACITY_COLUMN}), "
            "so it cannot be compared with the need: enter their capacity in the attribute "
            "table (Layer ▸ Attribute table) or in the facility file."
        )
    if isinstance(result, CoverageResult):
        t = result.totals
        return (
            f"Within {reach} {mode}, the capacity of the {n_labs} {cap} labs covers "
            f"{format_tests(t['covered'])} of the {format_tests(t['demand'])} {cap} tests a year "
            f"the population needs ({format_share(t['covered_share'])}), the need of about "
            f"{format_people(t['population_covered'])} of {format_people(t['population'])} people; "
            f"{format_tests(t['demand_out_of_reach'])} tests a year have no lab within {reach}. "
            f"The labs use {format_share(t['capacity_used'])} of their capacity."
        )
    method = "E2SFCA, nearer labs weigh more" if result.method == "e2sfca" else "2SFCA"
    mean = result.mean_accessibility
    people = (
        f"{format_people(result.population_no_lab)} people have no such lab within {reach} {mode}"
    )
    if result.demand_unit == "tests":
        if math.isfinite(mean):
            level = (
                f"{format_ratio(mean)} times the capacity the population needs"
                if mean >= 1
                else f"{100 * mean:.0f} % of the capacity the population needs"
            )
        else:
            level = "an unknown share of the capacity the population needs (no people)"
        return (
            f"{cap} labs within reach have {level} on average ({method}; {result.unit}, people "
            f"without a lab counted as 0); {people}."
        )
    return f"Mean accessibility {format_ratio(mean)} {result.unit} ({method}); {people}."
