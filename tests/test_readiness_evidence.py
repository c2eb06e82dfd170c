"""The comparison's shared pieces: coverage curves by the access rule, the tidy table."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ccgeo.analysis.readiness.evidence import (
    CURVE_MINUTES,
    TIDY_COLUMNS,
    CityEvidence,
    Comparison,
    coverage_curve,
)


def test_the_curve_counts_people_at_exactly_the_minute_and_never_the_unreached():
    seconds = np.array([0.0, 29.9 * 60, 30 * 60, 61 * 60, np.inf])
    people = np.array([1.0, 2.0, 3.0, 4.0, 10.0])  # 20 people
    curve = dict(zip(CURVE_MINUTES, coverage_curve(seconds, people), strict=True))
    assert curve[5.0] == 100 * 1 / 20
    assert curve[25.0] == 100 * 1 / 20
    assert curve[30.0] == 100 * 6 / 20  # 29.9 and exactly 30 minutes are within 30
    assert curve[60.0] == 100 * 6 / 20
    assert curve[65.0] == 100 * 10 / 20
    assert curve[180.0] == 100 * 10 / 20  # the unreached never count


def test_the_tidy_table_has_the_columns_of_the_issue_in_order():
    rows = pd.DataFrame(
        {
            "city": ["A", "A"],
            "test": ["pcr", "pcr"],
            "quality": ["any", "eqa"],
            "indicator": ["coverage_60min", "coverage_60min"],
            "value": [41.0, 12.5],
            "unit": ["%", "%"],
            "note": ["", ""],
            "level": pd.array([3, 1], dtype="Int64"),
            "draft": [True, True],
        }
    )
    city = CityEvidence("A", None, rows, pd.DataFrame(), pd.DataFrame(), scorecard=None)
    both = Comparison((city, city), scale=None)
    assert tuple(both.indicators.columns) == TIDY_COLUMNS
    assert len(both.indicators) == 4
    assert Comparison((), scale=None).indicators.empty
