"""Progress over time: two hand-made versions of a city, compared row by row and in words."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from ccgeo.analysis.readiness.evidence import CityEvidence
from ccgeo.analysis.readiness.progress import (
    PROGRESS_COLUMNS,
    change_text,
    group_words,
    progress_between,
    progress_sentences,
)


def _indicators(rows: list[tuple[str, str, str, float, str, int | None]]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "city": "Testville",
            "test": [r[0] for r in rows],
            "quality": [r[1] for r in rows],
            "indicator": [r[2] for r in rows],
            "value": [r[3] for r in rows],
            "unit": [r[4] for r in rows],
            "note": "",
            "level": pd.array([r[5] for r in rows], dtype="Int64"),
            "draft": True,
        }
    )


def _districts(shares: dict[str, float]) -> pd.DataFrame:
    """60-minute PCR coverage (any lab) of wards of 1,000 people each."""
    return pd.DataFrame(
        {
            "city": "Testville",
            "test": "pcr",
            "quality": "any",
            "district_id": list(shares),
            "district_name": [f"Ward {d}" for d in shares],
            "threshold_min": 60.0,
            "population": 1000.0,
            "covered": [1000.0 * s for s in shares.values()],
            "share": list(shares.values()),
        }
    )


def _city(indicators: pd.DataFrame, districts: pd.DataFrame) -> CityEvidence:
    return CityEvidence("Testville", None, indicators, districts, pd.DataFrame(), scorecard=None)


@pytest.fixture
def baseline() -> CityEvidence:
    rows = [
        ("pcr", "any", "coverage_60min", 41.0, "%", 3),
        ("pcr", "any", "coverage_60min_sex_f", 30.0, "%", 2),
        ("pcr", "any", "coverage_60min_age_65_plus", 20.0, "%", 2),
        ("pcr", "eqa", "coverage_60min", 10.0, "%", 1),
        ("pcr", "", "turnaround_median_days", 12.0, "working days", 2),
        ("pcr", "", "labs_eqa_share", 50.0, "%", 3),
    ]
    # wards A and B: 200 and 500 people covered of 1,000 each; C has lost its people (NaN)
    return _city(_indicators(rows), _districts({"A": 0.2, "B": 0.5, "C": 0.4}))


@pytest.fixture
def after_hubs() -> CityEvidence:
    rows = [
        ("pcr", "any", "coverage_60min", 78.0, "%", 4),
        ("pcr", "any", "coverage_60min_sex_f", 70.0, "%", 4),
        ("pcr", "any", "coverage_60min_age_65_plus", 15.0, "%", 1),
        ("pcr", "eqa", "coverage_60min", 10.0, "%", 1),
        ("pcr", "", "turnaround_median_days", 10.0, "working days", 3),
        ("pcr", "", "labs_eqa_share", 50.0, "%", 3),
        ("pcr", "any", "capacity_ratio", 1.5, "ratio", 4),
    ]
    return _city(_indicators(rows), _districts({"A": 0.82, "B": 0.6, "C": math.nan}))


def test_each_indicator_is_matched_by_test_quality_and_name(baseline, after_hubs):
    table = progress_between(baseline, after_hubs)
    assert tuple(table.columns) == PROGRESS_COLUMNS
    city = table[table["scope"] == "city"].set_index(["quality", "indicator"])
    row = city.loc[("any", "coverage_60min")]
    assert (row["before"], row["after"], row["change"]) == (41.0, 78.0, 37.0)
    assert (row["level_before"], row["level_after"]) == (3, 4)
    assert row["unit"] == "%"
    assert city.loc[("eqa", "coverage_60min"), "change"] == 0.0  # same indicator, other quality
    days = city.loc[("", "turnaround_median_days")]
    assert (days["change"], days["unit"]) == (-2.0, "working days")
    new = city.loc[("any", "capacity_ratio")]  # only the later version has it
    assert math.isnan(new["before"])
    assert new["after"] == 1.5
    assert math.isnan(new["change"])
    assert pd.isna(new["level_before"])
    assert new["level_after"] == 4


def test_district_coverage_is_in_percent_with_its_change(baseline, after_hubs):
    table = progress_between(baseline, after_hubs)
    wards = table[table["scope"] == "district"].set_index("district_id")
    assert list(wards.index) == ["A", "B", "C"]
    assert wards.loc["A", "before"] == pytest.approx(20.0)
    assert wards.loc["A", "after"] == pytest.approx(82.0)
    assert wards.loc["A", "change"] == pytest.approx(62.0)
    assert wards.loc["B", "change"] == pytest.approx(10.0)
    assert math.isnan(wards.loc["C", "change"])  # no people after: no share, no change
    assert set(wards["indicator"]) == {"coverage_60min"}
    assert wards["level_after"].isna().all()


def test_the_sentences_say_what_changed_for_whom_and_by_how_much(baseline, after_hubs):
    sentences = progress_sentences(progress_between(baseline, after_hubs))
    assert sentences == [
        "60-minute coverage of PCR rose from 41.0 % to 78.0 % (+37.0 pts), most in Ward A "
        "(+62.0 pts)",
        "Women: 60-minute coverage of PCR rose from 30.0 % to 70.0 % (+40.0 pts)",
        "People aged 65 and over: 60-minute coverage of PCR fell from 20.0 % to 15.0 % (-5.0 pts)",
        "Median sample-to-result time of PCR fell from 12.0 working days to 10.0 working days "
        "(−2.0 working days)",
    ]


def test_coverage_sentences_come_first_and_the_largest_change_leads():
    before = _indicators(
        [
            ("pcr", "any", "coverage_30min", 50.0, "%", 3),
            ("pcr", "any", "coverage_120min", 90.0, "%", 5),
            ("pcr", "", "labs_eqa_share", 10.0, "%", 1),
        ]
    )
    after = before.assign(value=[55.0, 99.0, 80.0])
    empty = _districts({}).iloc[0:0]
    sentences = progress_sentences(progress_between(_city(before, empty), _city(after, empty)))
    assert [s.split(" of ")[0] for s in sentences] == [
        "120-minute coverage",  # +9 points
        "30-minute coverage",  # +5 points
        "Share",  # +70 points, but not coverage
    ]
    assert sentences[1].endswith("(+5.0 pts)")  # no district to name


def test_a_fall_names_the_district_that_fell_most():
    before = _indicators([("pcr", "any", "coverage_60min", 60.0, "%", 3)])
    after = before.assign(value=[50.0])
    table = progress_between(
        _city(before, _districts({"A": 0.7, "B": 0.5})),
        _city(after, _districts({"A": 0.65, "B": 0.3})),
    )
    (sentence,) = progress_sentences(table)
    assert sentence.endswith("fell from 60.0 % to 50.0 % (-10.0 pts), most in Ward B (-20.0 pts)")


def test_nothing_changed_is_said_once(baseline):
    assert progress_sentences(progress_between(baseline, baseline)) == [
        "Nothing changed between the two versions."
    ]


def test_the_sentences_of_another_quality_level_leave_the_others_out(baseline, after_hubs):
    table = progress_between(baseline, after_hubs)
    eqa = progress_sentences(table, quality="eqa")
    assert eqa == [
        "Median sample-to-result time of PCR fell from 12.0 working days to 10.0 working days "
        "(−2.0 working days)"
    ]


@pytest.mark.parametrize(
    ("change", "unit", "text"),
    [
        (37.0, "%", "+37.0 pts"),
        (-2.0, "working days", "−2.0 working days"),
        (0.25, "ratio", "+0.25"),
    ],
)
def test_a_change_carries_its_sign_and_unit(change, unit, text):
    assert change_text(change, unit) == text


def test_groups_are_named_as_people():
    assert group_words("sex", "f") == "Women"
    assert group_words("sex", "m") == "Men"
    assert group_words("age", "15_49") == "People aged 15–49"
    assert group_words("age", "65_plus") == "People aged 65 and over"
