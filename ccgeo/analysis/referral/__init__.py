"""Sample referral: which hub each spoke sends to, by which road, how often a courier comes,
whether the specimen survives the trip, and how long until the result.

Times are seconds inside, minutes and working days in tables; coordinates EPSG:4326. The sample
travels spoke → hub; the courier loop runs hub → spokes → hub within a shift.

Modules: `params` (the parameter file and the settings over it), `assignment` (spokes, hubs,
placement, spoke → hub), `preanalytical` (specimen limits), `courier` (OR-Tools loops),
`turnaround` (working days, tests per year, the patient's trip) and `plan` (`plan_referral`).
"""

from __future__ import annotations

from ccgeo.analysis.referral.params import (
    BUNDLED_REFERRAL,
    WAIT_RULES,
    load_referral_parameters,
    parameters_with,
)
from ccgeo.analysis.referral.plan import RULES, plan_referral
from ccgeo.model.referral import ReferralParameters, ReferralResult, SpecimenType

__all__ = [
    "BUNDLED_REFERRAL",
    "RULES",
    "WAIT_RULES",
    "ReferralParameters",
    "ReferralResult",
    "SpecimenType",
    "load_referral_parameters",
    "parameters_with",
    "plan_referral",
]
