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
        problems.append(
            f"[incidence] per_100k_per_year = {rate!r}: expected a number of new cancer cases per "
            "100,000 people per year, above 0 and at most 100000 (world: 196.9)"
        )
    fractions, basis = _eligible_fractions(caps, problems)
    if problems:
        msg = (
            "demand parameters are not usable: "
            + "; ".join(problems)
            + ". Fix these values (see the comments at the top of resources/demand.toml)."
        )
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
    cite = f"user file {name}"
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
            problems.append(f"[capabilities.{cap}] eligible_fraction is missing")
            continue
        value = table["eligible_fraction"]
        if not _is_number(value) or not 0 <= float(value) <= 1:
            problems.append(
                f"[capabilities.{cap}] eligible_fraction = {value!r}: expected the share of "
                "incident cancers needing this test, a number from 0 to 1 (10 % is 0.10)"
            )
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
        msg = (
            f"population should be 0 or more people at every point; points "
            f"{listing(bad.tolist())} hold {listing(pop[bad].tolist())}"
        )
        raise InputError(msg)
    if incidence_per_100k is None or eligible_fraction is None:
        params = params if params is not None else load_demand_parameters()
    if incidence_per_100k is None:
        rate = params.incidence_per_100k  # type: ignore[union-attr]
    else:
        rate = float(incidence_per_100k)
        if not 0 < rate <= 100_000:
            msg = (
                f"`incidence_per_100k` should be new cancer cases per 100,000 people per year, "
                f"above 0 and at most 100000, got {incidence_per_100k!r}"
            )
            raise InputError(msg)
    if eligible_fraction is None:
        fraction = params.eligible_fraction[capability]  # type: ignore[union-attr]
    else:
        fraction = float(eligible_fraction)
        if not 0 <= fraction <= 1:
            msg = (
                f"`eligible_fraction` should be a share from 0 to 1 (10 % is 0.10), "
                f"got {eligible_fraction!r}"
            )
            raise InputError(msg)
    return pop * (rate / 100_000.0) * fraction


# `test_demand` is not a test: keep pytest from collecting it when a test module imports it
test_demand.__test__ = False  # type: ignore[attr-defined]


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _read_demand_toml(path: Path) -> dict[str, Any]:
    data = load_toml(path, what="demand file", example=BUNDLED_DEMAND)
    problems: list[str] = []
    for key in data:
        if key not in ("incidence", "capabilities"):
            problems.append(f"unknown key {key!r} (expected [incidence] or [capabilities.<cap>])")
    incidence = data.get("incidence", {})
    if not isinstance(incidence, dict):
        problems.append(f"incidence = {incidence!r} should be a table [incidence]")
    else:
        problems += [
            f"unknown key [incidence] {k!r} (expected per_100k_per_year, basis)"
            for k in incidence
            if k not in ("per_100k_per_year", "basis")
        ]
    caps = data.get("capabilities", {})
    if not isinstance(caps, dict):
        problems.append(f"capabilities = {caps!r} should be tables [capabilities.<cap>]")
        caps = {}
    for cap, table in caps.items():
        if cap not in CAPABILITIES:
            problems.append(
                f"unknown capability [capabilities.{cap}] "
                f"(expected one of {', '.join(CAPABILITIES)})"
            )
        elif not isinstance(table, dict):
            problems.append(f"[capabilities] {cap} = {table!r} should be a table")
        else:
            problems += [
                f"unknown key [capabilities.{cap}] {k!r} (expected eligible_fraction, basis)"
                for k in table
                if k not in ("eligible_fraction", "basis")
            ]
    if problems:
        raise InputError("; ".join(problems), path=path)
    return data
