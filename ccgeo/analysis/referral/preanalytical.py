"""Pre-analytical checks: does each specimen type survive its trip from the spoke to the hub?

Fresh tissue rides a dedicated run at the time of the biopsy (the direct trip must keep the
cold-ischaemia limit, else it is fixed in formalin on site); every other specimen is taken on a
pick-up day before the pick-up, at the earliest at shift start, and rides the courier loop.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import numpy as np

from ccgeo.i18n import _

if TYPE_CHECKING:
    from ccgeo.analysis.referral.courier import SpokePlan
    from ccgeo.model.referral import ReferralParameters


def specimen_columns(
    sample_seconds: np.ndarray,
    plan: SpokePlan,
    *,
    capability: str,
    params: ReferralParameters,
) -> dict[str, np.ndarray | list[str]]:
    """The specimen columns of the spokes table.

    Parameters
    ----------
    sample_seconds
        Direct courier trip spoke → hub of each spoke, seconds; ``inf`` without a route.
    plan
        The courier plan: pick-up clock and time on board (NaN for spokes in no loop).
    capability
        The test referred: which specimen types can carry it.
    params
        Specimen limits (hours) and the shift start.

    Returns
    -------
    dict
        ``can_send_fresh``, ``must_fix_on_site``, ``<specimen>_hours`` and ``<specimen>_ok`` for
        every specimen type (hours from collection to receipt at the hub), ``flow_feasible`` and
        ``can_send`` (what the spoke can send and how, in words), in this order.
    """
    fresh = params.specimens["fresh_tissue"]
    trip_h = sample_seconds / 3600.0
    in_loop = np.isfinite(plan.pickup_s)
    held_h = np.where(
        in_loop, (plan.pickup_s - params.shift_start_s + plan.on_board_s) / 3600.0, trip_h
    )
    can_fresh = trip_h <= fresh.limit_hours
    out: dict[str, np.ndarray | list[str]] = {
        "can_send_fresh": can_fresh,
        "must_fix_on_site": ~can_fresh,
    }
    ok_cols: dict[str, np.ndarray] = {}
    for name, spec in params.specimens.items():
        hours = trip_h if name == "fresh_tissue" else held_h
        ok = np.isfinite(hours) & (hours <= spec.limit_hours)
        out[f"{name}_hours"] = hours
        out[f"{name}_ok"] = ok
        ok_cols[name] = ok
    out["flow_feasible"] = ok_cols.get("flow_specimen", np.zeros(len(trip_h), dtype=bool))
    out["can_send"] = [
        _can_send(i, capability, params, ok_cols, trip_h, held_h, in_loop)
        for i in range(len(trip_h))
    ]
    return out


def _can_send(
    i: int,
    capability: str,
    params: ReferralParameters,
    ok: Mapping[str, np.ndarray],
    trip_h: np.ndarray,
    held_h: np.ndarray,
    in_loop: np.ndarray,
) -> str:
    """What spoke ``i`` can send for ``capability``, and how, in one line."""
    if not np.isfinite(trip_h[i]):
        return _("nothing: no road route to a hub")
    parts = []
    how = _("on the courier loop") if in_loop[i] else _("by a dedicated run")
    for name in params.capability_specimens[capability]:
        spec = params.specimens[name]
        if name == "ffpe_block":
            fresh = params.specimens["fresh_tissue"]
            if ok["fresh_tissue"][i]:
                text = _(
                    "fresh tissue by a run at the time of the biopsy ({trip:.0f} min ≤ "
                    "{limit:.0f} min), or fix on site and send fixed tissue / FFPE block ambient"
                )
            else:
                text = _(
                    "fix in formalin on site (trip {trip:.0f} min > {limit:.0f} min cold "
                    "ischaemia), send fixed tissue / FFPE block ambient"
                )
            parts.append(text.format(trip=trip_h[i] * 60, limit=fresh.limit_hours * 60))
        elif ok[name][i]:
            text = _("{specimen} {how} ({hours:.1f} h ≤ {limit:g} h, {storage})")
            parts.append(
                text.format(
                    specimen=name,
                    how=how,
                    hours=held_h[i],
                    limit=spec.limit_hours,
                    storage=spec.storage,
                )
            )
        else:
            text = _("not {specimen} ({hours:.1f} h > {limit:g} h)")
            parts.append(text.format(specimen=name, hours=held_h[i], limit=spec.limit_hours))
    return "; ".join(parts)
