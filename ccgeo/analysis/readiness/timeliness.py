"""Timeliness and pre-analytical indicators, read from a sample-referral plan
(`ccgeo.model.referral.ReferralResult`, the project's saved plan)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np

from ccgeo.analysis.readiness.rows import Row, missing, percent
from ccgeo.i18n import _, ngettext

if TYPE_CHECKING:
    from ccgeo.model.referral import ReferralResult

REFERRAL_NAMES: tuple[str, ...] = (
    "turnaround_median_days",
    "turnaround_p90_days",
    "routes_within_limits",
)


def referral_rows(result: ReferralResult, test: str) -> list[Row]:
    """Sample-to-result time (median and 90th percentile, working days) and the share of routes
    whose every specimen of ``test`` arrives within its limit, %; quality ``""``.

    The time of a spoke is its sample-to-result time by the plan's waiting rule (``worst``: a
    specimen ready just after a pick-up; ``average``: half the pick-up interval), the one its
    ``meets_target`` uses; spokes without a pick-up (no route, not servable) have none and are
    left out of the times, and count as not within limits.
    """
    spokes = result.spokes
    params: dict[str, Any] = result.settings["parameters"]
    if not len(spokes):
        return missing(test, "", REFERRAL_NAMES, _("the referral plan has no spokes"))
    rule = "worst" if params["wait_rule"] == "worst" else "average"
    times = spokes[f"sample_to_result_{rule}_wd"].to_numpy(dtype=float)
    known = times[np.isfinite(times)]
    left = len(times) - len(known)
    note = ngettext(
        "{n} spoke without a courier pick-up left out",
        "{n} spokes without a courier pick-up left out",
        left,
    ).format(n=left)
    median, p90 = np.percentile(known, [50, 90]) if len(known) else (math.nan, math.nan)
    specimens = params["capabilities"][test]["specimens"]
    ok = np.ones(len(spokes), dtype=bool)
    for name in specimens:
        ok &= spokes[f"{name}_ok"].to_numpy(dtype=bool)
    return [
        Row(test, "", "turnaround_median_days", float(median), note if left else ""),
        Row(test, "", "turnaround_p90_days", float(p90), note if left else ""),
        Row(test, "", "routes_within_limits", percent(float(ok.sum()), len(ok))),
    ]
