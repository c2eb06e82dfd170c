"""Demand for tests: population x cancer incidence x eligible fraction, tests per year.

The parameters come from ``resources/demand.toml`` (with their sources), and a planner's own file
over it, read with `ccgeo.params`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ccgeo.analysis.capacity.common import listing
from ccgeo.errors import InputError
from ccgeo.i18n import _
from ccgeo.labels import format_percent
from ccgeo.model.capacity import DemandParameters, check_capability
from ccgeo.model.schema import CAPABILITIES
from ccgeo.params import load_toml, resource

#: The bundled demand parameters (incidence, eligible fraction per capability, their sources).
BUNDLED_DEMAND = "demand.toml"


def load_demand_parameters(path: str | Path | None = None) -> DemandParameters:
    """Read the bundled demand parameters, and a user's file over them.

    Parameters
    ----------
    path
        A TOML file in the format of ``resources/demand.toml``; its values replace the bundled
        ones key by key (a value given without ``basis`` is cited as coming from this file).
        None reads the bundled file only.

    Returns
    -------
    DemandParameters

    Raises
    ------
    InputError
        If a file is missing or not valid TOML, or a key is unknown or a value is not a number in
        range; every problem is listed with its file, key and value.
    """
    bundled = resource(BUNDLED_DEMAND)
    tables = _read_demand_toml(bundled)
    sources = [str(bundled)]
    incidence = dict(tables.get("incidence", {}))
    caps = {c: dict(t) for c, t in tables.get("capabilities", {}).items()}
    if path is not None:
        user_path = Path(path)
        _merge_user_file(_read_demand_toml(user_path), user_path.name, incidence, caps)
        sources.append(str(user_path))
    problems: list[str] = []
    rate = incidence.get("per_100k_per_year")
    if not _is_number(rate) or not 0 < float(rate) <= 100_000:
        text = _(
            "[incidence] per_100k_per_year = {rate!r}: expected a number of new cancer cases per "
            "100,000 people per year, above 0 and at most 100000 (world: 196.9)"
        )
        problems.append(text.format(rate=rate))
    fractions, basis = _eligible_fractions(caps, problems)
    if problems:
        msg = _(
            "demand parameters are not usable: {problems}. Fix these values (see the comments at "
            "the top of resources/demand.toml)."
        ).format(problems="; ".join(problems))
        raise InputError(msg, path=Path(path) if path is not None else bundled)
    basis = {"incidence": str(incidence.get("basis", "")), **basis}
    return DemandParameters(float(rate), fractions, basis, tuple(sources))  # type: ignore[arg-type]


def _merge_user_file(
    user: dict[str, Any],
    name: str,
    incidence: dict[str, Any],
    caps: dict[str, dict[str, Any]],
) -> None:
    """Lay a user's tables over the bundled ones, in place; values without a basis cite the file."""
    cite = _("user file {name}").format(name=name)
    if "incidence" in user:
        incidence.update(user["incidence"])
        if "basis" not in user["incidence"]:
            incidence["basis"] = cite
    for cap, table in user.get("capabilities", {}).items():
        merged = caps.get(cap, {}) | table
        if "basis" not in table:
            merged["basis"] = cite
        caps[cap] = merged


def _eligible_fractions(
    caps: dict[str, dict[str, Any]], problems: list[str]
) -> tuple[dict[str, float], dict[str, str]]:
    """Eligible fraction and basis of every capability; what is wrong goes to ``problems``."""
    fractions: dict[str, float] = {}
    basis: dict[str, str] = {}
    for cap in CAPABILITIES:
        table = caps.get(cap)
        if table is None or "eligible_fraction" not in table:
            problems.append(_("[capabilities.{cap}] eligible_fraction is missing").format(cap=cap))
            continue
        value = table["eligible_fraction"]
        if not _is_number(value) or not 0 <= float(value) <= 1:
            text = _(
                "[capabilities.{cap}] eligible_fraction = {value!r}: expected the share of "
                "incident cancers needing this test, a number from 0 to 1 ({example} is 0.10)"
            )
            problems.append(text.format(cap=cap, value=value, example=format_percent(10)))
            continue
        fractions[cap] = float(value)
        basis[cap] = str(table.get("basis", ""))
    return fractions, basis


def test_demand(
    population: np.ndarray | Sequence[float] | pd.Series,
    *,
    capability: str,
    # (PT028: ruff takes `test_demand` for a pytest test by its name)
    incidence_per_100k: float | None = None,  # noqa: PT028
    eligible_fraction: float | None = None,  # noqa: PT028
    params: DemandParameters | None = None,  # noqa: PT028
) -> np.ndarray:
    """Tests per year needed at each demand point: population x incidence x eligible fraction.

    Parameters
    ----------
    population
        People at each demand point.
    capability
        The test's capability (one of `ccgeo.model.CAPABILITIES`), which picks the eligible
        fraction.
    incidence_per_100k
        New cancer cases per 100,000 people per year, replacing the parameters' value.
    eligible_fraction
        Share of incident cancers needing this test (0..1), replacing the parameters' value.
    params
        Demand parameters; None reads the bundled ``resources/demand.toml``.

    Returns
    -------
    float64 (n,)
        Tests per year at each point.

    Raises
    ------
    InputError
        If a population is negative or not finite, or a rate is out of range.
    """
    check_capability(capability)
    pop = np.asarray(population, dtype=np.float64).reshape(-1)
    bad = np.flatnonzero(~np.isfinite(pop) | (pop < 0))
    if len(bad):
        msg = _(
            "population should be 0 or more people at every point; points {points} hold {values}"
        ).format(points=listing(bad.tolist()), values=listing(pop[bad].tolist()))
        raise InputError(msg)
    if incidence_per_100k is None or eligible_fraction is None:
        params = params if params is not None else load_demand_parameters()
    if incidence_per_100k is None:
        rate = params.incidence_per_100k  # type: ignore[union-attr]
    else:
        rate = float(incidence_per_100k)
        if not 0 < rate <= 100_000:
            msg = _(
                "`incidence_per_100k` should be new cancer cases per 100,000 people per year, "
                "above 0 and at most 100000, got {value!r}"
            ).format(value=incidence_per_100k)
            raise InputError(msg)
    if eligible_fraction is None:
        fraction = params.eligible_fraction[capability]  # type: ignore[union-attr]
    else:
        fraction = float(eligible_fraction)
        if not 0 <= fraction <= 1:
            msg = _(
                "`eligible_fraction` should be a share from 0 to 1 ({example} is 0.10), got "
                "{value!r}"
            ).format(value=eligible_fraction, example=format_percent(10))
            raise InputError(msg)
    return pop * (rate / 100_000.0) * fraction


# `test_demand` is not a test: keep pytest from collecting it when a test module imports it
test_demand.__test__ = False  # type: ignore[attr-defined]


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _read_demand_toml(path: Path) -> dict[str, Any]:
    data = load_toml(path, what=_("demand file"), example=BUNDLED_DEMAND)
    problems: list[str] = []
    for key in data:
        if key not in ("incidence", "capabilities"):
            text = _("unknown key {key!r} (expected [incidence] or [capabilities.<cap>])")
            problems.append(text.format(key=key))
    incidence = data.get("incidence", {})
    if not isinstance(incidence, dict):
        text = _("incidence = {value!r} should be a table [incidence]")
        problems.append(text.format(value=incidence))
    else:
        text = _("unknown key [incidence] {key!r} (expected per_100k_per_year, basis)")
        problems += [
            text.format(key=k) for k in incidence if k not in ("per_100k_per_year", "basis")
        ]
    caps = data.get("capabilities", {})
    if not isinstance(caps, dict):
        text = _("capabilities = {value!r} should be tables [capabilities.<cap>]")
        problems.append(text.format(value=caps))
        caps = {}
    for cap, table in caps.items():
        if cap not in CAPABILITIES:
            text = _("unknown capability [capabilities.{cap}] (expected one of {known})")
            problems.append(text.format(cap=cap, known=", ".join(CAPABILITIES)))
        elif not isinstance(table, dict):
            text = _("[capabilities] {cap} = {value!r} should be a table")
            problems.append(text.format(cap=cap, value=table))
        else:
            text = _("unknown key [capabilities.{cap}] {key!r} (expected eligible_fraction, basis)")
            problems += [
                text.format(cap=cap, key=k)
                for k in table
                if k not in ("eligible_fraction", "basis")
            ]
    if problems:
        raise InputError("; ".join(problems), path=path)
    return data
