"""The facility schema: capabilities, quality levels and columns (plain names, no heavy imports).

The command line builds its option choices from these, so this module must stay light.
"""

from __future__ import annotations

from typing import Literal

#: Diagnostic capabilities, from specimen collection to sequencing (DOMAIN.md).
CAPABILITIES: tuple[str, ...] = (
    "biopsy",
    "cytology",
    "histology",
    "ihc",
    "ish",
    "pcr",
    "ngs",
    "flow",
)

#: Capability tiers from highest to lowest, used to pick one symbol per facility.
#: ``flow`` ranks with IHC: both are specialised lab work below molecular testing.
TIER_ORDER: tuple[str, ...] = (
    "ngs",
    "pcr",
    "ish",
    "ihc",
    "flow",
    "histology",
    "cytology",
    "biopsy",
)

#: External quality assessment participation, weakest first.
EQA_LEVELS: tuple[str, ...] = ("none", "national", "international")

#: Accreditation schemes.
ACCREDITATIONS: tuple[str, ...] = ("none", "iso15189", "cap", "other")

#: Ownership classes.
OWNERSHIPS: tuple[str, ...] = (
    "public",
    "private",
    "faith_based",
    "ngo",
    "military",
    "other",
    "unknown",
)

#: The fixed columns of a facility layer, in order; extra columns follow them as they came.
FACILITY_COLUMNS: tuple[str, ...] = (
    "facility_id",
    "name",
    *CAPABILITIES,
    "eqa",
    "accreditation",
    "capacity_tests_per_year",
    "ownership",
)

#: Optional columns of a facility layer: staff counts (people, NaN when unknown), present only
#: when the facility file gives them (the readiness indicators need them, nothing else does).
WORKFORCE_COLUMNS: tuple[str, ...] = ("pathologists", "molecular_technologists")

#: Quality filters accepted by `Facilities.capable`.
QUALITY_FILTERS: tuple[str, ...] = (
    "any",
    "eqa",
    "international_eqa",
    "accredited",
    "eqa_or_accredited",
)

Quality = Literal["any", "eqa", "international_eqa", "accredited", "eqa_or_accredited"]
