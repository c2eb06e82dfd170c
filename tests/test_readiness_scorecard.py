"""The readiness scorecard: levels on the draft scale of resources/readiness.toml, a user's file
over it, the domain drivers and the actions that raise the lowest domain, against hand-computed
examples."""

from __future__ import annotations

import math
from dataclasses import replace

import pandas as pd
import pytest

from ccgeo.analysis.readiness.scorecard import (
    Suggestion,
    actions_to_raise,
    assign_levels,
    draft_note,
    load_readiness,
    scorecard,
    scorecards,
)
from ccgeo.errors import InputError

NAN = math.nan
UNITS = {
    "turnaround_median_days": "working days",
    "turnaround_p90_days": "working days",
    "capacity_ratio": "ratio",
    "pathologists_per_million": "per million",
    "molecular_staff_per_million": "per million",
    "coverage_60min_gap": "points",
}


def table(*rows: tuple, city: str = "Aurora") -> pd.DataFrame:
    """Indicator rows ``(test, quality, indicator, value)`` of one city."""
    records = [
        {
            "city": city,
            "test": test,
            "quality": quality,
            "indicator": name,
            "value": value,
            "unit": UNITS.get(name, "%"),
        }
        for test, quality, name, value in rows
    ]
    return pd.DataFrame.from_records(records)


def levels_of(frame: pd.DataFrame) -> list:
    levelled = assign_levels(frame, load_readiness())
    return [None if pd.isna(v) else int(v) for v in levelled["level"]]


@pytest.fixture(scope="module")
def scale():
    return load_readiness()


def test_higher_is_better_a_value_at_a_cut_goes_to_the_higher_level():
    # cuts 20 / 40 / 60 / 80 %: [20, 40) is level 2, ..., 80 % or more is level 5
    values = [0.0, 19.99, 20.0, 39.9, 40.0, 59.9, 60.0, 79.99, 80.0, 100.0]
    frame = table(*[("pcr", "any", "coverage_120min", v) for v in values])
    assert levels_of(frame) == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]


def test_lower_is_better_a_value_at_a_cut_goes_to_the_better_level():
    # p90 cuts 30 / 20 / 15 / 10 working days: above 30 is 1, (20, 30] is 2, 10 or less is 5
    values = [31.0, 30.0, 20.5, 20.0, 15.0, 10.01, 10.0, 3.0, math.inf]
    frame = table(*[("ngs", "any", "turnaround_p90_days", v) for v in values])
    assert levels_of(frame) == [1, 2, 2, 3, 4, 4, 5, 5, 1]


def test_timeliness_reaches_level_5_only_when_the_90th_percentile_is_within_10_days():
    frame = table(
        ("ihc", "any", "turnaround_median_days", 21.0),  # > 20: level 1
        ("ish", "any", "turnaround_median_days", 20.0),  # 15-20: level 2
        ("pcr", "any", "turnaround_median_days", 15.0),  # 10-15: level 3
        ("ngs", "any", "turnaround_median_days", 10.0),  # <= 10, p90 12: level 4
        ("ngs", "any", "turnaround_p90_days", 12.0),
        ("flow", "any", "turnaround_median_days", 9.0),  # <= 10, p90 10: level 5
        ("flow", "any", "turnaround_p90_days", 10.0),
        ("cytology", "any", "turnaround_median_days", 4.0),  # p90 not computable: level 4
        ("cytology", "any", "turnaround_p90_days", NAN),
        ("histology", "any", "turnaround_median_days", 4.0),  # no p90 row: level 4
        ("histology", "eqa", "turnaround_p90_days", 4.0),  # another quality does not count
    )
    assert levels_of(frame) == [1, 2, 3, 4, 4, 5, 5, 4, None, 4, 5]


def test_nan_has_no_level_and_an_indicator_without_a_scale_none_either():
    frame = table(
        ("pcr", "any", "coverage_60min", NAN),
        ("pcr", "any", "coverage_60min_gap", 35.0),
        ("pcr", "any", "coverage_60min_sex_female", 45.0),  # scaled as coverage_60min
        ("pcr", "any", "coverage_60min_age_15_49", 85.0),
        ("pcr", "any", "coverage_60min_worst_fifth", 19.0),
        ("", "", "pathologists_per_million", 0.5),
        ("", "", "molecular_staff_per_million", 2.0),
        ("pcr", "", "capacity_ratio", 1.25),
    )
    assert levels_of(frame) == [None, None, 3, 5, 1, 1, 4, 5]


def test_levels_keep_the_input_and_flag_every_row_a_draft(scale):
    frame = table(("pcr", "any", "coverage_30min", 50.0), ("pcr", None, "labs_eqa_share", 84.9))
    frame["note"] = ["", "three labs"]
    levelled = assign_levels(frame, scale)
    assert str(levelled["level"].dtype) == "Int64"
    assert levelled["draft"].tolist() == [True, True]
    assert levelled["level"].tolist() == [3, 3]  # 84.9 % of labs in EQA: 70-85 is level 3
    assert levelled["note"].tolist() == ["", "three labs"]
    assert levelled["quality"].tolist() == ["any", ""]
    assert scale.draft
    assert "WHO" in draft_note(scale)
    assert "draft" in draft_note(scale).lower()


def test_bad_indicator_tables_are_refused(scale):
    with pytest.raises(InputError, match="lacks the columns unit"):
        assign_levels(table(("pcr", "any", "coverage_60min", 1.0)).drop(columns="unit"), scale)
    bad = table(("pcr", "any", "coverage_60min", 1.0)).astype({"value": object})
    bad.loc[0, "value"] = "many"
    with pytest.raises(InputError, match="coverage_60min = 'many'"):
        assign_levels(bad, scale)


def test_a_user_file_changes_one_threshold_and_keeps_the_rest(tmp_path):
    user = tmp_path / "city.toml"
    user.write_text("[indicators.coverage_120min]\ncuts = [10.0, 30.0, 50.0, 70.0]\n")
    scale = load_readiness(user)
    access = scale.scale_for("coverage_120min")
    assert access.cuts == (10.0, 30.0, 50.0, 70.0)
    assert access.better == "higher"
    assert access.unit == "%"
    assert access.basis == "user file city.toml"
    assert scale.scale_for("coverage_60min").cuts == (20.0, 40.0, 60.0, 80.0)
    assert scale.sources[-1] == str(user)
    assert [d.name for d in scale.domains] == [d.name for d in load_readiness().domains]
    frame = table(("pcr", "any", "coverage_120min", 50.0))
    assert assign_levels(frame, scale)["level"].tolist() == [4]  # 3 with the bundled cuts
    assert assign_levels(frame, load_readiness())["level"].tolist() == [3]


def test_a_user_file_may_end_the_draft_and_redefine_a_domain(tmp_path):
    user = tmp_path / "who.toml"
    user.write_text(
        "[scale]\ndraft = false\n\n[domains.lab_quality]\nindicator = 'labs_accredited_share'\n"
    )
    scale = load_readiness(user)
    assert not scale.draft
    assert scale.domain("lab_quality").indicator == "labs_accredited_share"
    frame = table(("pcr", "any", "coverage_30min", 50.0))
    assert assign_levels(frame, scale)["draft"].tolist() == [False]
    assert "who.toml" in draft_note(scale)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "[indicators.coverage_120min]\ncuts = [80.0, 60.0, 40.0, 20.0]\n",
            r"\[indicators.coverage_120min\] cuts = \[80.0, 60.0, 40.0, 20.0\]: expected cut "
            r'points in ascending order, since better = "higher"',
        ),
        (
            "[indicators.turnaround_median_days]\ncuts = [10.0, 15.0, 20.0, 25.0]\n",
            "descending order",
        ),
        (
            "[indicators.capacity_ratio]\ncuts = [1, 2, 3]\n",
            r"\[indicators.capacity_ratio\] cuts = \[1, 2, 3\]: expected a list of four numbers",
        ),
        (
            "[indicators.capacity_ratio]\nbetter = 'more'\n",
            r"\[indicators.capacity_ratio\] better = 'more': expected \"higher\" or \"lower\"",
        ),
        (
            "[indicators.capacity_ratio]\ncut = [1, 2, 3, 4]\n",
            r"unknown key \[indicators.capacity_ratio\] 'cut' \(expected better, cuts",
        ),
        ("[levels]\nx = 1\n", r"unknown table \[levels\]"),
        (
            "[domains.access]\nquality = 'iso'\n",
            r"\[domains.access\] quality = 'iso': expected one of any, eqa, accredited",
        ),
        (
            "[domains.access]\nindicator = 'coverage_90min'\n",
            r"\[domains.access\] indicator = 'coverage_90min': this indicator has no scale",
        ),
        (
            "[indicators.turnaround_median_days]\ntop_requires = 'p90'\n",
            r"top_requires = 'p90': expected an indicator with its own table",
        ),
        ("[scale]\ndraft = 'yes'\n", r"\[scale\] draft = 'yes': expected true or false"),
    ],
)
def test_a_bad_user_file_names_the_file_the_key_and_the_value(tmp_path, text, expected):
    user = tmp_path / "mine.toml"
    user.write_text(text)
    with pytest.raises(InputError, match=expected) as caught:
        load_readiness(user)
    assert str(caught.value).startswith(str(user))


def test_a_missing_or_broken_user_file_is_refused(tmp_path):
    with pytest.raises(InputError, match="readiness scale file not found"):
        load_readiness(tmp_path / "absent.toml")
    broken = tmp_path / "broken.toml"
    broken.write_text("[indicators.coverage_120min\n")
    with pytest.raises(InputError, match="not a valid TOML readiness scale file"):
        load_readiness(broken)


def city_rows() -> pd.DataFrame:
    return table(
        ("ihc", "any", "coverage_120min", 60.0),
        ("pcr", "any", "coverage_120min", 35.0),
        ("pcr", "eqa", "coverage_120min", 5.0),  # access is defined at quality "any"
        ("pcr", "any", "coverage_60min", 41.0),
        ("pcr", "any", "coverage_60min_worst_fifth", 12.0),
        ("ihc", "any", "coverage_60min", 70.0),
        ("ihc", "any", "coverage_60min_worst_fifth", 30.0),
        ("pcr", "any", "turnaround_median_days", 8.0),
        ("pcr", "any", "turnaround_p90_days", 14.0),
        ("pcr", "", "routes_within_limits", 90.0),
        ("pcr", "", "capacity_ratio", 1.1),
        ("pcr", "", "labs_eqa_share", 100.0),
        ("", "", "pathologists_per_million", NAN),
    ).assign(note=[""] * 12 + ["the facility file has no staff column"])


def test_the_scorecard_takes_each_domain_at_its_weakest_test_and_says_why(scale):
    (card,) = scorecards(city_rows(), scale)
    assert card.city == "Aurora"
    assert card.draft
    levels = {d.domain: d.level for d in card.domains}
    assert levels == {
        "access": 2,
        "timeliness": 4,
        "preanalytical": 4,
        "capacity": 4,
        "lab_quality": 5,
        "workforce": None,
        "equity": 1,
    }
    drivers = {d.domain: d.driver for d in card.domains}
    assert drivers["access"] == (
        "35.0 % of people live within 120 min of a lab doing PCR: level 2 (40–60 % is level 3)"
    )
    assert drivers["timeliness"] == (
        "The median sample-to-result time for PCR is 8.0 working days: level 4 (level 5 also "
        "needs the 90th-percentile sample-to-result time at 10 working days or less; it is "
        "14.0 working days)"
    )
    assert drivers["capacity"] == (
        "The labs doing PCR can run 1.10 times the tests expected: level 4 (1.25 or more is "
        "level 5)"
    )
    assert drivers["lab_quality"] == (
        "100.0 % of the labs doing PCR take part in external quality assessment: level 5, the "
        "top level"
    )
    assert drivers["workforce"] == (
        "Pathologists per million people could not be computed: the facility file has no staff "
        "column"
    )
    assert drivers["equity"] == (
        "In the worst-served fifth of districts 12.0 % of people live within 60 min of a lab "
        "doing PCR: level 1 (20–40 % is level 2); the whole city: 41.0 %, level 3"
    )
    equity = card.domains[-1]
    assert (equity.test, equity.beside_value, equity.beside_level) == ("pcr", 41.0, 3)
    assert card.lowest == ("equity",)
    assert card.lowest_text() == "Lowest domain: equity (level 1)"


def test_a_scorecard_for_one_test_keeps_its_rows_and_the_city_wide_ones(scale):
    levelled = assign_levels(city_rows(), scale)
    card = scorecard(levelled, "Aurora", scale, test="ihc")
    levels = {d.domain: d.level for d in card.domains}
    assert levels["access"] == 4  # 60 %: 60-80 is level 4
    assert levels["equity"] == 2  # worst fifth 30 %
    assert levels["timeliness"] is None  # no IHC turnaround in the table
    assert card.domains[1].driver == (
        "Median sample-to-result time: not in the indicators of this city"
    )
    assert levels["workforce"] is None  # the city-wide row, not computable
    assert card.lowest == ("equity",)
    tied = table(("pcr", "any", "coverage_120min", 35.0), ("pcr", "", "routes_within_limits", 60.0))
    (card,) = scorecards(tied, scale)
    assert card.lowest == ("access", "preanalytical")
    assert card.lowest_text() == "Lowest domains: access, pre-analytical quality (level 2)"


def test_actions_raise_the_lowest_domain_best_gain_first(scale):
    (card,) = scorecards(city_rows(), scale)
    suggestions = [
        Suggestion("a hub at Canoas", "equity", 12.0, 25.0),  # level 1 -> 2, +13 pts
        Suggestion("two PCR hubs at Canoas and Viamão", "equity", 12.0, 45.0, count=2),  # 1 -> 3
        Suggestion("a courier loop", "equity", 12.0, 19.0),  # 1 -> 1, +7 pts
        Suggestion("a new hub at Guaíba", "equity", 12.0, 39.0),  # 1 -> 2, +27 pts
        Suggestion("closing a lab", "equity", 12.0, 9.0),  # no gain: left out
        Suggestion("a hub for access", "access", 35.0, 90.0),  # not the lowest domain
    ]
    ranked = actions_to_raise(card, suggestions)
    assert [a.suggestion.text for a in ranked.actions] == [
        "two PCR hubs at Canoas and Viamão",
        "a new hub at Guaíba",
        "a hub at Canoas",
    ]
    assert ranked.actions[0].sentence == (
        "two PCR hubs at Canoas and Viamão move 60-minute coverage of the worst-served fifth of "
        "districts from 12.0 % to 45.0 % (level 1 → 3)"
    )
    assert ranked.actions[1].sentence.startswith("a new hub at Guaíba moves ")
    assert card.actions == ()  # the card itself is not changed
    other = Suggestion("two PCR hubs at X and Y", "equity", 41, 78, indicator="coverage_60min")
    two = actions_to_raise(card, [*suggestions, replace(other, count=2)], limit=2)
    assert [a.sentence for a in two.actions] == [
        ranked.actions[0].sentence,  # two levels gained
        # one level, and 37 points: more than Guaíba's 27
        "two PCR hubs at X and Y move 60-minute coverage from 41.0 % to 78.0 % (level 3 → 4)",
    ]


def test_actions_lower_is_better_and_unknown_domains(scale):
    rows = table(("pcr", "any", "turnaround_median_days", 25.0))
    (card,) = scorecards(rows, scale)
    assert card.lowest == ("timeliness",)
    ranked = actions_to_raise(
        card,
        [
            Suggestion("a daily courier", "timeliness", 25.0, 18.0),  # 1 -> 2
            Suggestion("a slower route", "timeliness", 25.0, 30.0),  # worse: left out
            Suggestion("a second lab", "timeliness", 25.0, 12.0),  # 1 -> 3
        ],
    )
    assert [(a.level_before, a.level_after) for a in ranked.actions] == [(1, 3), (1, 2)]
    with pytest.raises(InputError, match="names the domain 'money'"):
        actions_to_raise(card, [Suggestion("a grant", "money", 0.0, 1.0)])
    with pytest.raises(InputError, match="'coverage_60min_gap', an indicator with no scale"):
        actions_to_raise(
            card, [Suggestion("x", "equity", 30.0, 10.0, indicator="coverage_60min_gap")]
        )
