"""Scenarios: a named what-if (hubs added, labs upgraded or closed) with its settings, and the
candidate hubs a planner places."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Scenario:
    """A named what-if: hubs added, facilities upgraded or removed, and analysis settings.

    ``added_hubs`` holds dicts with ``hub_id``, ``lon``, ``lat`` and ``capabilities``;
    ``upgrades`` maps a facility id to the capabilities it gains; ``removed`` lists facility ids.
    """

    name: str
    description: str = ""
    added_hubs: tuple[dict[str, Any], ...] = ()
    upgrades: dict[str, tuple[str, ...]] = field(default_factory=dict)
    removed: tuple[str, ...] = ()
    settings: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "name": self.name,
            "description": self.description,
            "added_hubs": [dict(h) for h in self.added_hubs],
            "upgrades": {k: list(v) for k, v in self.upgrades.items()},
            "removed": list(self.removed),
            "settings": dict(self.settings),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Scenario:
        """Rebuild a scenario from `to_dict` output."""
        return cls(
            name=str(data["name"]),
            description=str(data.get("description", "")),
            added_hubs=tuple(dict(h) for h in data.get("added_hubs", [])),
            upgrades={k: tuple(v) for k, v in data.get("upgrades", {}).items()},
            removed=tuple(data.get("removed", [])),
            settings=dict(data.get("settings", {})),
        )


@dataclass(frozen=True)
class Hub:
    """A candidate hub placed by the planner (lon/lat degrees, EPSG:4326)."""

    hub_id: str
    lon: float
    lat: float
    name: str
