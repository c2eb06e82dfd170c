"""Every number a user reads, formatted in one place: people, shares, minutes, days, areas.

The app, the command line, the HTML map and the printed report all format through these
functions, so a share never reads "100.0 %" on one screen and "> 99.9 %" on another. (The hook for
translations, Step 9, lives here too.)
"""

from __future__ import annotations

import math
from typing import Any

#: Shown for a value that does not exist (no people, no route).
MISSING = "–"


def _finite(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _is_inf(value: Any) -> bool:
    try:
        return math.isinf(float(value))
    except (TypeError, ValueError):
        return False


def format_people(value: Any) -> str:
    """People as a whole number with thousands separators: ``812934.6`` → ``"812,935"``.

    Missing or non-finite values give ``"–"``.
    """
    number = _finite(value)
    return MISSING if number is None else f"{round(number):,}"


def format_share(value: Any, *, missing: str = MISSING) -> str:
    """A share 0..1 as a percentage with one decimal: ``0.9991`` → ``"99.9 %"``.

    A share that is not exactly 1 never prints as "100.0 %" (it prints "> 99.9 %"), and one
    that is not exactly 0 never prints as "0.0 %" ("< 0.1 %"): a planner reading "100 %"
    must be able to trust that nobody is left out. ``missing`` is shown for NaN (a district
    with no people): ``"–"`` by default, ``"no people"`` where that reads better.
    """
    share = _finite(value)
    if share is None:
        return missing
    percent = 100.0 * share
    if 0.0 < percent < 0.05:
        return "< 0.1 %"
    if 99.95 <= percent < 100.0:
        return "> 99.9 %"
    return f"{percent:.1f} %"


def format_share_change(value: Any) -> str:
    """A change of share in percentage points: ``0.134`` → ``"+13.4 pts"``."""
    change = _finite(value)
    return MISSING if change is None else f"{100.0 * change:+.1f} pts"


def format_minutes(value: Any) -> str:
    """Minutes of travel: ``12.4`` → ``"12 min"``, under 10 with one decimal; ``inf`` →
    ``"unreachable"``."""
    number = _finite(value)
    if number is None:
        return "unreachable" if value is not None and _is_inf(value) else MISSING
    return f"{number:.1f} min" if number < 10 else f"{number:,.0f} min"


def format_threshold(minutes: float) -> str:
    """A threshold: ``60.0`` → ``"60 min"``, ``7.5`` → ``"7.5 min"``."""
    return f"{minutes:g} min"


def format_days(value: Any) -> str:
    """Working days with one decimal: ``7.205`` → ``"7.2"``."""
    number = _finite(value)
    return MISSING if number is None else f"{number:.1f}"


def format_km2(value: Any) -> str:
    """An area in km²: ``0.04`` → ``"0.04"``, ``12.3`` → ``"12.3"``, ``1234`` → ``"1,234"``."""
    number = _finite(value)
    if number is None:
        return MISSING
    if number < 1:
        return f"{number:.2f}"
    return f"{number:.1f}" if number < 100 else f"{number:,.0f}"


def format_tests(value: Any) -> str:
    """Tests per year: one decimal below 100 (a city's need is often tens a year), else whole."""
    number = _finite(value)
    if number is None:
        return MISSING
    return f"{number:,.1f}" if abs(number) < 100 else f"{number:,.0f}"


def format_ratio(value: Any) -> str:
    """A ratio with as many digits as it needs: ``120.8`` → ``"121"``, ``3.14`` → ``"3.1"``,
    ``0.523`` → ``"0.52"``."""
    number = _finite(value)
    if number is None:
        return MISSING
    if abs(number) >= 100:
        return f"{number:,.0f}"
    if abs(number) >= 10:
        return f"{number:.1f}"
    return f"{number:.2f}"


def format_gain(people: Any) -> str:
    """A change in people with its sign: ``+184,000``, ``−2,310``, ``±0``."""
    gained = float(people)
    sign = "+" if gained > 0.5 else ("−" if gained < -0.5 else "±")
    return f"{sign}{abs(gained):,.0f}"


def format_delta(
    gained: Any, threshold_min: float, baseline_share: Any = math.nan, share: Any = math.nan
) -> str:
    """``"+184,000 people within 60 min (54.8 % → 68.2 %)"``: a what-if's change at a threshold."""
    shares = ""
    if _finite(baseline_share) is not None and _finite(share) is not None:
        shares = f" ({format_share(baseline_share)} → {format_share(share)})"
    return f"{format_gain(gained)} people within {format_threshold(threshold_min)}{shares}"
