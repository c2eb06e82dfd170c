"""Diagnostic-readiness evidence of a city: indicators per test and quality level, computed from
the analyses ccgeo already runs (access, capacity demand, sample referral).

- `rows`: indicator names, units and the columns of the table;
- `coverage`: access and equity indicators from an access result (by district, best and worst
  fifth, by sex and age band);
- `labs`: capacity against expected tests, lab quality, workforce per million people;
- `timeliness`: sample-to-result time and pre-analytical limits from a referral plan;
- `indicators`: `city_indicators` and `district_indicators`, the table of one project;
- `scorecard`: the draft readiness scale (`resources/readiness.toml`, editable), levels 1-5 per
  indicator, and one scorecard per city: each domain's level, what drives it, the lowest, and
  the actions that would raise it.
"""

from __future__ import annotations

from ccgeo.analysis.readiness.indicators import (
    DISTRICT_INDICATOR_COLUMNS,
    AccessRun,
    access_runs,
    city_indicators,
    district_indicators,
    readiness_tests,
)
from ccgeo.analysis.readiness.rows import (
    EQUITY_MINUTES,
    INDICATOR_COLUMNS,
    QUALITIES,
    THRESHOLDS_MINUTES,
    UNITS,
)
from ccgeo.analysis.readiness.scorecard import (
    BUNDLED_READINESS,
    Action,
    DomainLevel,
    DomainRule,
    IndicatorScale,
    ReadinessScale,
    Scorecard,
    Suggestion,
    actions_to_raise,
    assign_levels,
    draft_note,
    load_readiness,
    scorecard,
    scorecards,
)

__all__ = [
    "BUNDLED_READINESS",
    "DISTRICT_INDICATOR_COLUMNS",
    "EQUITY_MINUTES",
    "INDICATOR_COLUMNS",
    "QUALITIES",
    "THRESHOLDS_MINUTES",
    "UNITS",
    "AccessRun",
    "Action",
    "DomainLevel",
    "DomainRule",
    "IndicatorScale",
    "ReadinessScale",
    "Scorecard",
    "Suggestion",
    "access_runs",
    "actions_to_raise",
    "assign_levels",
    "city_indicators",
    "district_indicators",
    "draft_note",
    "load_readiness",
    "readiness_tests",
    "scorecard",
    "scorecards",
]
