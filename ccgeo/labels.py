"""Every number a user reads, formatted in one place: people, shares, minutes, days, areas.

The app, the command line, the HTML map and the printed report all format through these
functions, so a share never reads "100.0 %" on one screen and "> 99.9 %" on another. Numbers and
dates follow the language of `ccgeo.i18n` (CLDR through Babel): ``517,570`` in English,
``517.570`` in Portuguese, ``517 570`` in French; English output is the same in every locale.
"""

from __future__ import annotations

import datetime as dt
import math
from functools import cache
from typing import Any

from ccgeo.i18n import (
    DEFAULT_LANGUAGE,
    babel_locale,
    current_language,
    gettext,
    ngettext,
    pgettext,
)

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


@cache
def _number_symbols(language: str) -> dict[int, str]:
    from babel.numbers import get_decimal_symbol, get_group_symbol

    locale = babel_locale(language)
    return str.maketrans({",": get_group_symbol(locale), ".": get_decimal_symbol(locale)})


def _localised(text: str) -> str:
    """A number written the English way (``"1,234.5"``) with the separators of the current
    language (``"1.234,5"``); the digits, and so the rounding, stay those of Python."""
    language = current_language()
    return text if language == DEFAULT_LANGUAGE else text.translate(_number_symbols(language))


def format_number(value: Any, *, decimals: int = 0, grouping: bool = True) -> str:
    """A number in the current language: ``1234.56`` → ``"1,234.6"`` (``decimals=1``) in
    English, ``"1.234,6"`` in Portuguese; ``grouping=False`` leaves out the thousands separator.
    Missing or non-finite values give ``"–"``."""
    number = _finite(value)
    if number is None:
        return MISSING
    return _localised(f"{number:{',' if grouping else ''}.{decimals}f}")


def format_people(value: Any) -> str:
    """People as a whole number with thousands separators: ``812934.6`` → ``"812,935"`` in
    English, ``"812.935"`` in Portuguese, ``"812 935"`` (narrow no-break space) in French.

    Missing or non-finite values give ``"–"``.
    """
    number = _finite(value)
    return MISSING if number is None else _localised(f"{round(number):,}")


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
        return _localised("< 0.1 %")
    if 99.95 <= percent < 100.0:
        return _localised("> 99.9 %")
    return _localised(f"{percent:.1f} %")


def format_percent(percent: Any, *, decimals: int | None = 0) -> str:
    """A percentage given in per cent, as written in the current language: ``80`` → ``"80 %"``,
    ``0.523`` with ``decimals=2`` → ``"0.52 %"`` (``"0,52 %"`` in Portuguese); ``decimals=None``
    writes as few digits as the number needs (``12.5 %``). Messages take it as a placeholder, so
    that no catalogue message holds a bare ``%`` before a word (gettext would read ``% o`` as a
    printf conversion)."""
    number = _finite(percent)
    if number is None:
        return MISSING
    text = f"{number:g}" if decimals is None else f"{number:.{decimals}f}"
    return _localised(text + " %")


def format_share_change(value: Any) -> str:
    """A change of share in percentage points: ``0.134`` → ``"+13.4 pts"``; a change too small
    for one decimal keeps two, or says it is below a hundredth (``0.00028`` → ``"+0.03 pts"``,
    ``0.00001`` → ``"+<0.01 pts"``), so that a change never reads as none."""
    change = _finite(value)
    if change is None:
        return MISSING
    points = 100.0 * change
    text = f"{points:+.1f}"
    if points != 0.0 and float(text) == 0.0:
        text = f"{points:+.2f}" if abs(points) >= 0.005 else ("+<0.01" if points > 0 else "-<0.01")
    return gettext("{change} pts").format(change=_localised(text))


def format_minutes(value: Any) -> str:
    """Minutes of travel: ``12.4`` → ``"12 min"``, under 10 with one decimal; ``inf`` →
    ``"unreachable"``."""
    number = _finite(value)
    if number is None:
        return gettext("unreachable") if value is not None and _is_inf(value) else MISSING
    return _localised(f"{number:.1f} min" if number < 10 else f"{number:,.0f} min")


def format_threshold(minutes: float) -> str:
    """A threshold: ``60.0`` → ``"60 min"``, ``7.5`` → ``"7.5 min"`` (``"7,5 min"`` in
    Portuguese)."""
    return _localised(f"{minutes:g} min")


def format_days(value: Any) -> str:
    """Working days with one decimal: ``7.205`` → ``"7.2"`` (``"7,2"`` in Portuguese)."""
    number = _finite(value)
    return MISSING if number is None else _localised(f"{number:.1f}")


def format_km2(value: Any) -> str:
    """An area in km²: ``0.04`` → ``"0.04"``, ``12.3`` → ``"12.3"``, ``1234`` → ``"1,234"``."""
    number = _finite(value)
    if number is None:
        return MISSING
    if number < 1:
        return _localised(f"{number:.2f}")
    return _localised(f"{number:.1f}" if number < 100 else f"{number:,.0f}")


def format_tests(value: Any) -> str:
    """Tests per year: one decimal below 100 (a city's need is often tens a year), else whole."""
    number = _finite(value)
    if number is None:
        return MISSING
    return _localised(f"{number:,.1f}" if abs(number) < 100 else f"{number:,.0f}")


def format_ratio(value: Any) -> str:
    """A ratio with as many digits as it needs: ``120.8`` → ``"121"``, ``3.14`` → ``"3.1"``,
    ``0.523`` → ``"0.52"``."""
    number = _finite(value)
    if number is None:
        return MISSING
    if abs(number) >= 100:
        return _localised(f"{number:,.0f}")
    if abs(number) >= 10:
        return _localised(f"{number:.1f}")
    return _localised(f"{number:.2f}")


def format_gain(people: Any) -> str:
    """A change in people with its sign: ``+184,000``, ``−2,310``, ``±0``."""
    gained = float(people)
    sign = "+" if gained > 0.5 else ("−" if gained < -0.5 else "±")
    return sign + _localised(f"{abs(gained):,.0f}")


def format_delta(
    gained: Any, threshold_min: float, baseline_share: Any = math.nan, share: Any = math.nan
) -> str:
    """``"+184,000 people within 60 min (54.8 % → 68.2 %)"``: a what-if's change at a threshold."""
    shares = ""
    if _finite(baseline_share) is not None and _finite(share) is not None:
        shares = f" ({format_share(baseline_share)} → {format_share(share)})"
    return (
        gettext("{gain} people within {minutes}").format(
            gain=format_gain(gained), minutes=format_threshold(threshold_min)
        )
        + shares
    )


def format_gain_loss(gained: Any, lost: Any, threshold_min: float) -> str:
    """``"+184,000 people gain, 0 lose access within 60 min"``: people who reach a lab within the
    threshold in one scenario and not in the other, both ways."""
    plus = "+" if (_finite(gained) or 0.0) >= 0.5 else ""
    return gettext("{gained} people gain, {lost} lose access within {minutes}").format(
        gained=plus + format_people(gained),
        lost=format_people(lost),
        minutes=format_threshold(threshold_min),
    )


def no_lab_text(
    capability: str, quality: str, *, n_capable: int | None = None, n_facilities: int | None = None
) -> str:
    """Why an analysis has no lab, and what to do: ``"no facility can do PCR with the quality
    filter 'accredited' (2 of 3 facilities do PCR at any quality): choose another test or
    quality, or upgrade a facility"``.

    Parameters
    ----------
    capability, quality
        The test and the quality filter asked for (``"any"``: no filter).
    n_capable, n_facilities
        Facilities that do the test at any quality, of all facilities; said when given and a
        quality filter is set.
    """
    cap = capability.upper()
    where = ""
    if quality != "any":
        where = gettext(" with the quality filter '{quality}'").format(
            quality=quality.replace("_", " ")
        )
        if n_capable is not None and n_facilities is not None:
            where += gettext(" ({capable} of {count} facilities do {test} at any quality)").format(
                capable=n_capable, count=n_facilities, test=cap
            )
    return gettext(
        "no facility can do {test}{where}: choose another test or quality, or upgrade a facility"
    ).format(test=cap, where=where)


def format_whatif(hubs: int, upgrades: int, closures: int) -> str:
    """The what-if edits an analysis counted: ``"with 2 what-if hubs and 1 upgrade"``; ``""``
    when there are none."""
    parts = [
        text.format(n=n)
        for n, text in (
            (hubs, ngettext("{n} what-if hub", "{n} what-if hubs", hubs)),
            (upgrades, ngettext("{n} upgrade", "{n} upgrades", upgrades)),
            (closures, ngettext("{n} closure", "{n} closures", closures)),
        )
        if n
    ]
    if not parts:
        return ""
    if len(parts) == 1:
        return gettext("with {edits}").format(edits=parts[0])
    return gettext("with {edits} and {last}").format(edits=", ".join(parts[:-1]), last=parts[-1])


def format_lonlat_box(box: tuple[float, float, float, float]) -> str:
    """``(min_lon, min_lat, max_lon, max_lat)`` degrees as read on a map:
    ``"34.4126°E – 34.5874°E, 8.5812°S – 8.4188°S"`` (four decimals: about 10 m)."""
    lo_lon, lo_lat, hi_lon, hi_lat = (float(v) for v in box)
    east, west = pgettext("compass point", "E"), pgettext("compass point", "W")
    north, south = pgettext("compass point", "N"), pgettext("compass point", "S")

    def deg(value: float, positive: str, negative: str) -> str:
        return f"{abs(value):.4f}°{positive if value >= 0 else negative}"

    return (
        f"{deg(lo_lon, east, west)} – {deg(hi_lon, east, west)}, "
        f"{deg(lo_lat, north, south)} – {deg(hi_lat, north, south)}"
    )


def format_count(value: Any) -> str:
    """A count of things (rows, facilities) with thousands separators: ``12034`` →
    ``"12,034"``; ``"–"`` when missing."""
    number = _finite(value)
    return MISSING if number is None else _localised(f"{round(number):,}")


def format_seconds(value: Any) -> str:
    """A duration in seconds, as a clock of work left reads: ``12.4`` → ``"12 s"``, ``250`` →
    ``"4 min"``, ``4500`` → ``"1 h 15 min"`` (the symbols are the same in every language, the
    numbers are the language's); ``"–"`` when missing."""
    number = _finite(value)
    if number is None:
        return MISSING
    seconds = max(0, round(number))
    if seconds < 60:
        return f"{format_count(seconds)} s"
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"{format_count(minutes)} min"
    return f"{format_count(minutes // 60)} h {minutes % 60:02d} min"


def format_date(value: dt.date) -> str:
    """A day in words in the current language: ``"2 December 2026"``, ``"2 de dezembro de
    2026"``, ``"2 de diciembre de 2026"``, ``"2 décembre 2026"`` (a datetime gives its day)."""
    from babel.dates import format_date as babel_format_date

    return babel_format_date(value, format="long", locale=babel_locale())


def format_when(iso: str) -> str:
    """A moment saved as ISO 8601 (``"2025-05-12T12:03:00+00:00"``) in the computer's time
    zone, to the minute: ``"2025-05-12 14:03"``. Text that is not a moment is shown as it is
    (``"–"`` when empty)."""
    import datetime as dt

    try:
        moment = dt.datetime.fromisoformat(str(iso))
    except ValueError:
        return str(iso) or MISSING
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%Y-%m-%d %H:%M")
