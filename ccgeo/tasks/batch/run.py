"""Running a `BatchPlan`: every scenario once, serially, on a process pool or on Dask.

The inputs are read and every distinct network (mode, speed file, traffic, closures) is built
once in the calling process, then shipped once to each worker (a pool's initializer, Dask's
``scatter(broadcast=True)``). Each scenario runs the access analysis of `ccgeo.analysis.access`
(the engine of `ccgeo.tasks.run_access`), writes its outputs with the ``write`` function given
(`ccgeo.report.export.write_access` from the command line) into ``scenarios/<id>/``, and last,
atomically, a completion marker holding its row of the comparison table: a rerun skips the
scenarios that have one. A failing scenario gives a row with ``status = "failed"`` and its error;
the others go on.
"""

from __future__ import annotations

import contextlib
import json
import math
import multiprocessing
import signal
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from ccgeo.analysis.access import access
from ccgeo.analysis.scenario import facilities_with_scenario
from ccgeo.errors import Cancelled, CcgeoError, InputError, check_cancel
from ccgeo.i18n import _, current_language, using_language
from ccgeo.io.atomic import write_text_atomic
from ccgeo.model.facilities import Facilities
from ccgeo.model.network import Network
from ccgeo.model.scenario import Scenario
from ccgeo.network.build import build_network
from ccgeo.network.profiles import resolve_profile
from ccgeo.progress import ProgressCallback, report_progress, scaled_progress
from ccgeo.project import Project, open_project, project_from_files
from ccgeo.tasks.batch.plan import BatchPlan, BatchScenario, siting_settings
from ccgeo.tasks.settings import ccgeo_version

#: The file that says a scenario's outputs are complete (written last, atomically).
DONE_MARKER = "scenario_done.json"
#: Executors of `run_batch`.
EXECUTORS: tuple[str, ...] = ("serial", "pool", "dask")
#: How often the waiting loop looks at the cancel event, seconds.
POLL_S = 0.1

#: Writes one scenario's outputs: ``write(result, folder, project=..., run=...)``.
Writer = Callable[..., Any]


@dataclass(frozen=True)
class BatchInputs:
    """What every worker needs, shipped once: the layers and the networks of the scenarios.

    Attributes
    ----------
    project
        The facilities, demand and districts (no roads: the networks stand in for them).
    networks
        Network by `BatchScenario.network_key`, or the error text when it could not be built.
    """

    project: Project
    networks: Mapping[Any, Network | str]


@dataclass
class BatchOutcome:
    """What a batch did: the rows of the comparison table, and which scenarios ran.

    Attributes
    ----------
    rows
        One dict per scenario of the plan, in plan order (`scenario_row`).
    ran, skipped, failed
        Ids of the scenarios computed now, found complete from an earlier run, and failed.
    seconds
        Wall time of the batch, seconds (inputs and networks included).
    project
        The inputs as read (no roads), or None when every scenario was finished before.
    """

    rows: list[dict[str, Any]] = field(default_factory=list)
    ran: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    seconds: float = 0.0
    project: Project | None = None


def scenario_folder(out_dir: str | Path, scenario_id: str) -> Path:
    """``out_dir/scenarios/<id>``: where a scenario's outputs go."""
    return Path(out_dir) / "scenarios" / scenario_id


def finished_row(out_dir: str | Path, scenario_id: str) -> dict[str, Any] | None:
    """The row a finished scenario recorded in its completion marker, or None."""
    marker = scenario_folder(out_dir, scenario_id) / DONE_MARKER
    try:
        record = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    row = record.get("row") if isinstance(record, dict) else None
    return row if isinstance(row, dict) and row.get("status") == "ok" else None


def finished_ids(plan: BatchPlan, out_dir: str | Path) -> list[str]:
    """Ids of the plan's scenarios finished in ``out_dir`` (a rerun skips them), in plan order."""
    return [s.id for s in plan.scenarios if finished_row(out_dir, s.id) is not None]


# -- inputs and networks -----------------------------------------------------------------------


def load_batch_inputs(
    plan: BatchPlan,
    *,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    scenarios: Sequence[BatchScenario] | None = None,
) -> BatchInputs:
    """Read the plan's inputs and build each distinct network of ``scenarios`` once.

    A network that cannot be built (a missing speed file, an unknown mode) is kept as its error
    text: the scenarios that need it fail with it, the others run.
    """
    report_progress(progress, 0.0, _("Reading the inputs…"))
    inputs = plan.inputs
    if "project" in inputs:
        project = open_project(inputs["project"])
    else:
        project = project_from_files(
            roads=inputs.get("roads"),
            facilities=inputs.get("facilities"),
            population=inputs.get("population"),
            districts=inputs.get("districts"),
            cancel=cancel,
        )
    if project.roads is None or project.facilities is None or project.demand is None:
        msg = _("the batch needs roads, facilities and population; the inputs lack some")
        raise InputError(msg, path=plan.path)
    keys = distinct_networks(scenarios if scenarios is not None else plan.scenarios)
    networks: dict[Any, Network | str] = {}
    for i, key in enumerate(keys):
        check_cancel(cancel)
        report_progress(progress, 0.1 + 0.9 * i / max(len(keys), 1), _("Building the networks…"))
        mode, speeds, congestion, closures = key
        try:
            profile = resolve_profile(mode, speeds=speeds, congestion=congestion)
            networks[key] = build_network(project.roads, profile, closures=closures, cancel=cancel)
        except InputError as exc:
            networks[key] = str(exc)
    light = replace(project, roads=None)
    light._networks = {}
    return BatchInputs(project=light, networks=networks)


def distinct_networks(scenarios: Sequence[BatchScenario]) -> list[tuple[Any, ...]]:
    """The networks ``scenarios`` need, each once, in order of first use."""
    return list(dict.fromkeys(key for s in scenarios for key in _network_keys(s)))


def _network_keys(scenario: BatchScenario) -> list[tuple[Any, ...]]:
    """The networks a scenario needs: its travel's, and its couriers' when it plans a referral."""
    keys = [scenario.network_key]
    if scenario.referral is not None:
        # a parameter file that cannot be read: the scenario fails with its message
        with contextlib.suppress(InputError):
            keys.append(scenario.courier_key(_courier_mode(scenario)))
    return keys


def _courier_mode(scenario: BatchScenario) -> str:
    """The couriers' mode of a scenario's referral: its own, else the parameter file's."""
    from ccgeo.analysis.referral import load_referral_parameters

    referral = scenario.referral
    assert referral is not None
    if referral.courier_mode:
        return referral.courier_mode
    return load_referral_parameters(referral.params).courier_mode


#: Numbers of a referral plan's summary shown in the comparison (no timings).
REFERRAL_COLUMNS: tuple[str, ...] = (
    "n_hubs",
    "n_spokes",
    "n_not_servable",
    "share_meeting_target",
    "median_sample_minutes",
    "median_sample_to_result_worst_wd",
    "patient_hours_saved_per_year",
)


# -- one scenario ------------------------------------------------------------------------------


def run_scenario(
    inputs: BatchInputs,
    scenario: BatchScenario,
    out_dir: str | Path,
    *,
    write: Writer | None = None,
    isochrones: bool = False,
    lang: str | None = None,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> dict[str, Any]:
    """Run one scenario and write its outputs; its row of the comparison table.

    ``progress`` follows its access analysis. Never raises for a failing scenario
    (`InputError`, any error of the analysis): the row has ``status = "failed"`` and ``error``,
    also written to ``error.txt`` in its folder. Only `Cancelled` propagates.
    """
    with using_language(lang or current_language()):
        folder = scenario_folder(out_dir, scenario.id)
        folder.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        try:
            result, hub_ids, referral = _analyse(
                inputs, scenario, isochrones=isochrones, progress=progress, cancel=cancel
            )
        except Cancelled:
            raise
        except Exception as exc:
            return _failed(scenario, folder, exc)
        row = scenario_row(scenario, result, new_hubs=hub_ids)
        if referral is not None:
            row.pop("error")
            row.update({f"referral_{k}": referral.get(k) for k in REFERRAL_COLUMNS})
            row["error"] = ""
            text = json.dumps(referral, indent=2, default=str, ensure_ascii=False)
            write_text_atomic(folder / "referral_summary.json", text + "\n")
        seconds = time.perf_counter() - started
        if write is not None:
            write(result, folder, project=inputs.project, run=_run_log(scenario, seconds))
        marker = {"ccgeo": ccgeo_version(), "scenario": scenario.id, "row": row}
        write_text_atomic(folder / DONE_MARKER, json.dumps(marker, indent=2) + "\n")
        return row


def _analyse(
    inputs: BatchInputs,
    scenario: BatchScenario,
    *,
    isochrones: bool,
    progress: ProgressCallback | None,
    cancel: threading.Event | None,
) -> tuple[Any, list[str], dict[str, Any] | None]:
    """The access result of a scenario, the ids of the hubs siting chose (if any) and the
    summary of its referral plan (None without one)."""
    network = inputs.networks.get(scenario.network_key)
    if network is None or isinstance(network, str):
        raise InputError(network or _("no network was built for this scenario"))
    facilities, hub_ids = _scenario_facilities(inputs, scenario, network, cancel=cancel)
    project = inputs.project
    result = access(
        network,
        facilities,
        project.demand,
        scenario.settings,
        districts=project.districts,
        isochrones=isochrones,
        progress=progress,
        cancel=cancel,
    )
    referral = None
    if scenario.referral is not None:
        referral = _referral(inputs, scenario, facilities, network, cancel=cancel)
    return result, hub_ids, referral


def _referral(
    inputs: BatchInputs,
    scenario: BatchScenario,
    facilities: Facilities,
    network: Network,
    *,
    cancel: threading.Event | None,
) -> dict[str, Any]:
    """The summary of a scenario's sample referral plan (its hubs, its couriers)."""
    from ccgeo.analysis.referral import load_referral_parameters, parameters_with, plan_referral

    settings = scenario.referral
    assert settings is not None
    couriers = inputs.networks.get(scenario.courier_key(_courier_mode(scenario)))
    if couriers is None or isinstance(couriers, str):
        raise InputError(couriers or _("no network was built for this scenario"))
    params = parameters_with(load_referral_parameters(settings.params), settings)
    plan = plan_referral(
        couriers,
        facilities,
        settings,
        params=params,
        patient_net=network,
        demand=inputs.project.demand,
        cancel=cancel,
    )
    summary = dict(plan.summary)
    summary.pop("solve_seconds", None)  # a timing: in the run log, not the table
    return summary


def _scenario_facilities(
    inputs: BatchInputs,
    scenario: BatchScenario,
    network: Network,
    *,
    cancel: threading.Event | None,
) -> tuple[Facilities, list[str]]:
    """The facilities of a scenario's hub set: new hubs, upgrades, removals and sited hubs."""
    hubs = scenario.hubs
    project = inputs.project
    added = [dict(h) for h in hubs.added]
    sited: list[str] = []
    if hubs.siting:
        from ccgeo.analysis.siting import site_hubs  # only batches that site pay for it

        chosen = site_hubs(
            network,
            project.demand,
            project.facilities,
            siting_settings(scenario),
            districts=project.districts,
            cancel=cancel,
        ).hubs
        for row in chosen.itertuples(index=False):
            sited.append(str(row.candidate_id))
            point = row.geometry
            added.append(
                {
                    "hub_id": f"sited-{row.candidate_id}",
                    "name": str(row.name),
                    "lon": float(point.x),
                    "lat": float(point.y),
                    "capabilities": [scenario.settings.capability],
                }
            )
    what_if = Scenario(
        name=scenario.id,
        added_hubs=tuple(added),
        upgrades={k: tuple(v) for k, v in hubs.upgrades},
        removed=hubs.removed,
    )
    if not (added or hubs.upgrades or hubs.removed):
        return project.facilities, sited
    changed = facilities_with_scenario(
        project.facilities, what_if, capability=scenario.settings.capability
    )
    return changed, sited


def comparison_frame(plan: BatchPlan, rows: Sequence[Mapping[str, Any]]) -> Any:
    """The comparison table: one row per scenario in plan order, results only (no timings).

    Columns: ``scenario``, ``status``, the plan's axes, then the results of `scenario_row`
    (thresholds in increasing order), ``error`` last.
    """
    import pandas as pd

    first = ["scenario", "status", *plan.axes]
    results: list[str] = []
    for row in rows:
        results += [k for k in row if k not in first and k not in results and k != "error"]
    within = sorted(
        (k for k in results if k.startswith(("within_", "share_"))),
        key=lambda k: (float(k.split("_")[1]), k.startswith("share_")),
    )
    head = [k for k in results if k in ("labs_used", "population")]
    tail = [k for k in results if k not in head and k not in within]
    columns = [*first, *head, *within, *tail, "error"]
    return pd.DataFrame([{c: row.get(c) for c in columns} for row in rows], columns=columns)


def scenario_row(
    scenario: BatchScenario, result: Any, *, new_hubs: Sequence[str] = ()
) -> dict[str, Any]:
    """A scenario's row of the comparison table: its axis values and results, no timings.

    Keys: ``scenario``, ``status``, the axis values, ``labs_used``, ``population``, per
    threshold ``within_<t>_min`` (people) and ``share_<t>_min`` (0..1), ``unreachable``,
    ``off_network``, ``mean_minutes`` (population-weighted, over the people who reach a lab),
    ``underserved_population``, ``new_hubs`` (ids siting chose) and ``error`` (empty).
    """
    summary = result.summary()
    demand = result.demand
    minutes = demand["minutes"].to_numpy(dtype=float)
    people = demand["population"].to_numpy(dtype=float)
    reached = np.isfinite(minutes) & (people > 0)
    mean = float(np.sum(minutes[reached] * people[reached]) / np.sum(people[reached]))
    row: dict[str, Any] = {"scenario": scenario.id, "status": "ok", **dict(scenario.values)}
    row["labs_used"] = summary["labs_used"]
    row["population"] = summary["population_analysed"]
    for entry in summary["coverage"]:
        t = f"{entry['threshold_min']:g}"
        row[f"within_{t}_min"] = entry["covered"]
        row[f"share_{t}_min"] = entry["share"]
    row["unreachable"] = summary["unreachable"]
    row["off_network"] = summary["off_network"]
    row["mean_minutes"] = mean if reached.any() else math.nan
    row["underserved_population"] = summary["underserved_population"]
    row["new_hubs"] = " ".join(new_hubs)
    row["error"] = ""
    return row


def _failed(scenario: BatchScenario, folder: Path, exc: BaseException) -> dict[str, Any]:
    """The row of a failed scenario; its error (and traceback) go to ``error.txt``."""
    message = str(exc) if isinstance(exc, CcgeoError) else f"{type(exc).__name__}: {exc}"
    details = "".join(traceback.format_exception(exc))
    write_text_atomic(folder / "error.txt", f"{message}\n\n{details}")
    return {"scenario": scenario.id, "status": "failed", **dict(scenario.values), "error": message}


def _run_log(scenario: BatchScenario, seconds: float) -> dict[str, Any]:
    """The run log of one scenario: what it ran and how long it took."""
    return {
        "ccgeo": ccgeo_version(),
        "command": "ccgeo batch",
        "scenario": scenario.id,
        "values": dict(scenario.values),
        "seconds": round(seconds, 3),
        "settings": scenario.settings.to_dict(),
        "closures": None if scenario.closures is None else scenario.closures.name,
        "hubs": scenario.hubs.name,
    }


# -- the executors -----------------------------------------------------------------------------

_WORKER_INPUTS: BatchInputs | None = None


def _start_worker(inputs: BatchInputs, lang: str) -> None:
    """A pool worker's initializer: keep the inputs shipped once, speak the caller's language.

    Ctrl+C on a terminal reaches every process of the command; the workers leave it to the
    caller, which cancels the batch and ends them (no traceback from each worker). They start
    with SIGINT blocked (`_sigint_blocked`), so one still starting up is not interrupted either.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    global _WORKER_INPUTS
    _WORKER_INPUTS = inputs
    from ccgeo.i18n import set_language

    set_language(lang)


@contextlib.contextmanager
def _sigint_blocked() -> Iterator[None]:
    """SIGINT blocked in this thread: the processes it starts inherit the mask (POSIX)."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def _pool_task(
    scenario: BatchScenario, out_dir: str, write: Writer | None, isochrones: bool
) -> dict[str, Any]:
    assert _WORKER_INPUTS is not None, "the worker was started without its inputs"
    return run_scenario(_WORKER_INPUTS, scenario, out_dir, write=write, isochrones=isochrones)


def run_batch(
    plan: BatchPlan,
    out_dir: str | Path,
    *,
    executor: str = "pool",
    workers: int | None = None,
    scheduler: str | None = None,
    write: Writer | None = None,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> BatchOutcome:
    """Run every scenario of ``plan`` not finished yet in ``out_dir``; the comparison rows.

    Parameters
    ----------
    plan
        The scenario file read by `ccgeo.tasks.batch.read_plan`.
    out_dir
        Output folder; each scenario writes ``scenarios/<id>/``.
    executor
        ``"serial"`` (this process), ``"pool"`` (a local process pool, the default) or
        ``"dask"`` (a Dask distributed cluster: ``scheduler`` or a local one of ``workers``).
    workers
        Processes of the pool or of the local Dask cluster (default: the CPU count).
    scheduler
        Address of a running Dask scheduler (``tcp://host:8786``). Its workers must see
        ``out_dir`` (a shared folder) and have ccgeo installed.
    write
        Writes a scenario's outputs: ``write(result, folder, project=, run=)``; None writes only
        the completion markers.
    progress, cancel
        ``progress(fraction, text)`` over the inputs, the networks and the scenarios (within
        each scenario too when they run serially), and a `threading.Event`: when set, the
        batch stops within a second; finished scenarios stay finished, the others are redone
        by a rerun.

    Raises
    ------
    InputError
        When the inputs cannot be read or the executor is unknown.
    Cancelled
        If ``cancel`` is set.
    """
    if executor not in EXECUTORS:
        msg = _("the executor should be one of {names}, got {value!r}")
        raise InputError(msg.format(names=", ".join(EXECUTORS), value=executor))
    started = time.perf_counter()
    outcome = BatchOutcome()
    done: dict[str, dict[str, Any]] = {}
    for scenario in plan.scenarios:
        row = finished_row(out_dir, scenario.id)
        if row is not None:
            done[scenario.id] = row
            outcome.skipped.append(scenario.id)
    todo = [s for s in plan.scenarios if s.id not in done]
    if todo:
        # reading the inputs counts as one scenario, and so does building each network
        steps = 1 + len(distinct_networks(todo))
        share = steps / (steps + len(todo))
        inputs = load_batch_inputs(
            plan, scenarios=todo, progress=scaled_progress(progress, 0.0, share), cancel=cancel
        )
        outcome.project = inputs.project
        run = {"serial": _run_serial, "pool": _run_pool, "dask": _run_dask}[executor]
        counter = _Counter(len(todo), scaled_progress(progress, share, 1.0))
        options = {"write": write, "isochrones": plan.isochrones}
        for row in run(inputs, todo, str(out_dir), options, workers, scheduler, counter, cancel):
            done[row["scenario"]] = row
            outcome.ran.append(row["scenario"])
    outcome.rows = [done[s.id] for s in plan.scenarios]
    outcome.failed = [r["scenario"] for r in outcome.rows if r["status"] != "ok"]
    outcome.seconds = time.perf_counter() - started
    return outcome


class _Counter:
    """Progress of the batch: one step per scenario finished."""

    def __init__(self, total: int, progress: ProgressCallback | None) -> None:
        self.total, self.n, self.progress = total, 0, progress

    def step(self, row: Mapping[str, Any]) -> None:
        self.n += 1
        text = _("{done} of {total} scenarios ({scenario}: {status})").format(
            done=self.n, total=self.total, scenario=row["scenario"], status=row["status"]
        )
        report_progress(self.progress, self.n / self.total, text)

    def within(self, scenario: BatchScenario) -> ProgressCallback | None:
        """The progress of the scenario running now (serially): its share of the batch."""
        scaled = scaled_progress(self.progress, self.n / self.total, (self.n + 1) / self.total)
        if scaled is None:
            return None
        outer = scaled
        names = {"number": self.n + 1, "total": self.total, "scenario": scenario.id}

        def inner(fraction: float, text: str) -> None:
            line = _("scenario {number} of {total} ({scenario}): {stage}")
            outer(fraction, line.format(stage=text, **names))

        return inner


def _run_serial(
    inputs: BatchInputs,
    todo: Sequence[BatchScenario],
    out_dir: str,
    options: Mapping[str, Any],
    workers: int | None,
    scheduler: str | None,
    counter: _Counter,
    cancel: threading.Event | None,
) -> Iterable[dict[str, Any]]:
    for scenario in todo:
        check_cancel(cancel)
        progress = counter.within(scenario)
        row = run_scenario(inputs, scenario, out_dir, progress=progress, cancel=cancel, **options)
        counter.step(row)
        yield row


def _run_pool(
    inputs: BatchInputs,
    todo: Sequence[BatchScenario],
    out_dir: str,
    options: Mapping[str, Any],
    workers: int | None,
    scheduler: str | None,
    counter: _Counter,
    cancel: threading.Event | None,
) -> Iterable[dict[str, Any]]:
    pool = ProcessPoolExecutor(
        max_workers=min(workers or multiprocessing.cpu_count(), len(todo)),
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start_worker,
        initargs=(inputs, current_language()),
    )
    with _sigint_blocked():  # the workers start as the tasks are submitted
        futures = [
            pool.submit(_pool_task, s, out_dir, options["write"], options["isochrones"])
            for s in todo
        ]
    try:
        yield from _collect(futures, counter, cancel)
    except BaseException:  # cancelled, Ctrl+C: stop the workers now, not after their scenario
        for process in list(getattr(pool, "_processes", {}).values()):
            process.terminate()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def _collect(
    futures: Sequence[Future], counter: _Counter, cancel: threading.Event | None
) -> Iterable[dict[str, Any]]:
    """The rows of ``futures`` as they finish, looking at ``cancel`` every `POLL_S`."""
    pending = set(futures)
    while pending:
        check_cancel(cancel)
        finished, pending = wait(pending, timeout=POLL_S, return_when=FIRST_COMPLETED)
        for future in sorted(finished, key=futures.index):
            row = future.result()
            counter.step(row)
            yield row


def _run_dask(
    inputs: BatchInputs,
    todo: Sequence[BatchScenario],
    out_dir: str,
    options: Mapping[str, Any],
    workers: int | None,
    scheduler: str | None,
    counter: _Counter,
    cancel: threading.Event | None,
) -> Iterable[dict[str, Any]]:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        msg = _(
            "running on Dask needs the dask and distributed packages: pip install "
            '"ccgeo[batch]" (or run without --scheduler and --dask-local)'
        )
        raise InputError(msg) from None
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(
            n_workers=workers or multiprocessing.cpu_count(),
            processes=True,
            threads_per_worker=1,
            dashboard_address=None,
        )
    client = Client(cluster if cluster is not None else scheduler)
    try:
        shipped = client.scatter(inputs, broadcast=True)
        lang = current_language()
        futures = [
            client.submit(
                run_scenario,
                shipped,
                s,
                out_dir,
                lang=lang,
                key=f"ccgeo-batch-{s.id}",
                pure=False,
                **options,
            )
            for s in todo
        ]
        try:
            yield from _collect_dask(client, futures, counter, cancel)
        except BaseException:
            client.cancel(futures)
            raise
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _collect_dask(
    client: Any, futures: Sequence[Any], counter: _Counter, cancel: threading.Event | None
) -> Iterable[dict[str, Any]]:
    from distributed import wait as dask_wait

    pending = list(futures)
    while pending:
        check_cancel(cancel)
        try:
            dask_wait(pending, timeout=POLL_S, return_when="FIRST_COMPLETED")
        except TimeoutError:
            continue
        finished = [f for f in pending if f.done()]
        pending = [f for f in pending if not f.done()]
        for future in finished:
            row = future.result()
            counter.step(row)
            yield row
