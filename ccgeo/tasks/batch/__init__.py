"""Scenario batches: a TOML matrix of what-ifs (`plan`), run serially, on a process pool or on
a Dask cluster (`run`), each scenario with its own outputs and one comparison table.

- `read_plan` reads and checks a scenario file into a `BatchPlan`;
- `run_batch` runs the scenarios not finished yet and returns a `BatchOutcome`;
- `comparison_frame` is the comparison table of its rows.
"""

from __future__ import annotations

from ccgeo.tasks.batch.plan import (
    AXES,
    BatchPlan,
    BatchScenario,
    HubSet,
    read_plan,
)
from ccgeo.tasks.batch.run import (
    DONE_MARKER,
    EXECUTORS,
    BatchInputs,
    BatchOutcome,
    comparison_frame,
    distinct_networks,
    finished_ids,
    finished_row,
    load_batch_inputs,
    run_batch,
    run_scenario,
    scenario_folder,
    scenario_row,
)

__all__ = [
    "AXES",
    "DONE_MARKER",
    "EXECUTORS",
    "BatchInputs",
    "BatchOutcome",
    "BatchPlan",
    "BatchScenario",
    "HubSet",
    "comparison_frame",
    "distinct_networks",
    "finished_ids",
    "finished_row",
    "load_batch_inputs",
    "read_plan",
    "run_batch",
    "run_scenario",
    "scenario_folder",
    "scenario_row",
]
