"""Scaling of ccgeo on synthetic national road grids over Malawi: edges → time and peak memory.

Run ``python tests/bench/scaling.py --sizes 1e6,4e6,8e6 [--plot PATH]``. For each size, the grid
(`national.national_grid`, seed 1) is written once as an OSM PBF with its labs (16, at the largest
centres) in a cache folder (``--cache``, default the system's temporary folder), then a fresh
process measures, in order, with the peak memory (``VmHWM``) after each stage:

- read: `ccgeo.io.osm.read_roads` of the PBF;
- build: `build_network(roads, "car")`;
- access: `access` without isochrones (road index, snapping the 1 km WorldPop people, nearest
  lab, coverage, underserved areas), then once more (its indexes built: "access again");
- isochrones: the 30/60/120 min bands (`isochrone_bands`) and their share of an access run
  (access again + isochrones);
- what-if: `AccessWhatIf.add_hub` at the five worst-served reachable people, median;
- siting: MCLP, 100,000 of the people (a seeded sample) × 2,000 candidate nodes (seeded), the
  existing labs fixed, 60 min, p = 10: the coverage pairs by bounded searches, then the MILP
  (HiGHS, 30 s limit; without the 1..p coverage curve the app also draws), with its gap;
- cancel: for each stage again, seconds from setting Cancel (at 40 % of the stage's time) to
  `Cancelled`.

``KB/edge`` is the memory the network costs: the peak after every stage, less the process's
resident memory before reading (Python and the libraries, the people), per road edge; the line
under the table gives the peak's growth per edge between the two largest sizes (what one more
edge costs) and the peak it predicts for a 30M-edge country. The table is printed in Markdown;
the plot (matplotlib) goes to ``--plot`` (default ``docs/scaling.png``).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from benchkit import ROOT, fmt_seconds, own_peak_kb
from national import MALAWI, national_demand, national_grid, write_pbf

THRESHOLDS = (30.0, 60.0, 120.0)
STAGES = ("read", "build", "access", "isochrones", "what-if", "siting")
#: The siting instance of the issue: people × candidate sites, minutes, hubs.
SITING_PEOPLE, SITING_SITES, SITING_MINUTES, SITING_HUBS = 100_000, 2_000, 60.0, 10
#: When Cancel is set in a stage, as a share of the stage's own time.
CANCEL_AT = 0.4


def _rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return own_peak_kb()


def _stage(out: dict[str, Any], name: str, fn: Callable[[], Any]) -> Any:
    t0 = time.perf_counter()
    result = fn()
    out[f"{name}_s"] = time.perf_counter() - t0
    out[f"{name}_mb"] = own_peak_kb() / 1024.0
    return result


def cancel_latency(fn: Callable[[threading.Event], Any], after_s: float) -> float:
    """Seconds from setting Cancel, ``after_s`` into ``fn(cancel)``, to `Cancelled` (0 if ``fn``
    finished first)."""
    from ccgeo.errors import Cancelled

    cancel, stamp = threading.Event(), []

    def fire() -> None:
        stamp.append(time.perf_counter())
        cancel.set()

    timer = threading.Timer(after_s, fire)
    timer.start()
    try:
        fn(cancel)
    except Cancelled:
        return time.perf_counter() - stamp[0]
    finally:
        timer.cancel()
    return 0.0


def prepared(edges: int, cache: Path) -> tuple[Path, Path]:
    """The PBF and the labs (``.npy``, lon/lat) of the grid of ``edges``, written once."""
    pbf = cache / f"ccgeo_national_{edges}.osm.pbf"
    labs = cache / f"ccgeo_national_{edges}_labs.npy"
    if not (pbf.exists() and labs.exists()):
        grid = national_grid(edges=edges, seed=1)
        write_pbf(grid.roads, pbf)
        np.save(labs, grid.labs_lonlat)
    return pbf, labs


def siting_inputs(net, people) -> tuple[Any, Any]:
    """A seeded sample of the people and candidate sites at seeded nodes of the main network."""
    from ccgeo.analysis.siting import candidates_from_points

    rng = np.random.default_rng(11)
    sample = people.iloc[np.sort(rng.choice(len(people), SITING_PEOPLE, replace=False))]
    main = np.flatnonzero(net.main_component_mask())
    at = net.node_lonlat[np.sort(rng.choice(main, SITING_SITES, replace=False))]
    sites = candidates_from_points(at, [f"site-{i}" for i in range(len(at))])
    return sample.reset_index(drop=True), sites


def one_size(edges: int, cache: Path, *, cancel_probes: bool = True) -> dict[str, Any]:
    """Every stage at one size, in this process (and Cancel in each, with ``cancel_probes``)."""
    from ccgeo.analysis.access import AccessWhatIf, access
    from ccgeo.analysis.siting import MCLP
    from ccgeo.io.osm import read_roads
    from ccgeo.model.settings import ANY_CAPABILITY, AccessSettings
    from ccgeo.network.build import build_network
    from ccgeo.network.isochrones import isochrone_bands
    from ccgeo.network.routing import nearest_lab_times

    pbf, labs_file = prepared(edges, cache)
    labs_lonlat = np.load(labs_file)
    people = national_demand(raster=MALAWI)
    out: dict[str, Any] = {"target_edges": edges, "people": len(people)}
    base_kb = _rss_kb()
    roads = _stage(out, "read", lambda: read_roads(pbf, mode="all"))
    out["edges"] = roads.n_edges
    net = _stage(out, "build", lambda: build_network(roads, "car"))
    out["arcs"] = net.n_edges
    settings = AccessSettings(capability=ANY_CAPABILITY, thresholds_minutes=THRESHOLDS)

    def run_access(network, cancel=None):
        return access(network, labs_lonlat, people, settings, isochrones=False, cancel=cancel)

    result = _stage(out, "access", lambda: run_access(net))
    t0 = time.perf_counter()
    run_access(net)
    out["access_warm_s"] = time.perf_counter() - t0
    labs, _ = net.snap(labs_lonlat)
    near = nearest_lab_times(net, labs).seconds
    _stage(out, "isochrones", lambda: isochrone_bands(net, near, THRESHOLDS))
    del near  # the app keeps these times in the access result; the probes make them again
    out["iso_share"] = out["isochrones_s"] / (out["access_warm_s"] + out["isochrones_s"])
    whatif = AccessWhatIf(net, result)
    reached = result.demand[result.demand["status"] == "reached"]
    far = reached.sort_values("seconds").iloc[-5:]
    times = []
    for x, y in zip(far.geometry.x, far.geometry.y, strict=True):
        t0 = time.perf_counter()
        whatif.add_hub(float(x), float(y))
        times.append(time.perf_counter() - t0)
        whatif.reset()
    out["what-if_s"] = statistics.median(times)
    out["what-if_mb"] = own_peak_kb() / 1024.0
    sample, sites = siting_inputs(net, people)

    def run_siting(cancel=None):
        model = MCLP.from_network(
            net, sample, sites, labs_lonlat, minutes=SITING_MINUTES, cancel=cancel
        )
        return model, model.solve(SITING_HUBS, time_limit_s=30.0, curve_hubs=0, cancel=cancel)

    model, solved = _stage(out, "siting", run_siting)
    out["siting_pairs"] = int(model.cost.nnz)
    out["siting_gap"] = float(solved.gap)
    out["siting_solver"] = f"{solved.solver} ({solved.status})"
    out["peak_mb"] = own_peak_kb() / 1024.0
    out["kb_per_edge"] = (own_peak_kb() - base_kb) / out["edges"]
    del model, solved, whatif
    if not cancel_probes:
        return out
    # Cancel, stage by stage, at CANCEL_AT of each stage's time
    at = {s: CANCEL_AT * out[f"{s}_s"] for s in STAGES}
    near = nearest_lab_times(net, labs).seconds
    out["cancel"] = {
        "read": cancel_latency(lambda c: read_roads(pbf, mode="all", cancel=c), at["read"]),
        "build": cancel_latency(lambda c: build_network(roads, "car", cancel=c), at["build"]),
        "access": cancel_latency(
            lambda c: run_access(build_network(roads, "car"), cancel=c),
            out["build_s"] + at["access"],
        ),
        "isochrones": cancel_latency(
            lambda c: isochrone_bands(net, near, THRESHOLDS, cancel=c), at["isochrones"]
        ),
        "siting": cancel_latency(run_siting, at["siting"]),
    }
    return out


def table(results: list[dict[str, Any]]) -> str:
    """The Markdown table: one row per size, time (peak MB after it) per stage."""
    head = ["edges", *STAGES, "access again", "iso share", "siting gap", "slowest cancel"]
    head.append("KB/edge")
    lines = ["| " + " | ".join(head) + " |", "|" + " ---: |" * len(head)]
    for r in results:
        cells = [f"{r['edges']:,}"]
        cells += [f"{fmt_seconds(r[f'{s}_s'])} ({r[f'{s}_mb']:,.0f} MB)" for s in STAGES]
        cells.append(fmt_seconds(r["access_warm_s"]))
        cells.append(f"{100 * r['iso_share']:.0f} %")
        cells.append(f"{100 * r['siting_gap']:.2f} %")
        if "cancel" in r:
            slowest = max(r["cancel"], key=r["cancel"].get)
            cells.append(f"{r['cancel'][slowest]:.2f} s ({slowest})")
        else:
            cells.append("—")
        cells.append(f"{r['kb_per_edge']:.2f}")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def memory_line(results: list[dict[str, Any]], *, edges_then: float = 30e6) -> str:
    """What one more edge costs (the peak's growth between the two largest sizes, per edge) and
    the peak it predicts at ``edges_then`` edges."""
    if len(results) < 2:
        return ""
    small, large = sorted(results, key=lambda r: r["edges"])[-2:]
    kb = (large["peak_mb"] - small["peak_mb"]) * 1024.0 / (large["edges"] - small["edges"])
    then_gb = (large["peak_mb"] * 1024.0 + kb * (edges_then - large["edges"])) / 1024.0**2
    return (
        f"Memory: {kb:.2f} KB per more edge (peak {small['edges']:,} → {large['edges']:,} "
        f"edges); a {edges_then / 1e6:.0f}M-edge country would peak near {then_gb:.1f} GB."
    )


def plot(results: list[dict[str, Any]], path: Path) -> str:
    """Time per stage and peak memory against edges; what was written."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return "matplotlib is not installed: no plot (pip install matplotlib)"
    edges = [r["edges"] / 1e6 for r in results]
    fig, (ax_t, ax_m) = plt.subplots(1, 2, figsize=(10, 4))
    for s in STAGES:
        ax_t.plot(edges, [r[f"{s}_s"] for r in results], marker="o", label=s)
    ax_m.plot(edges, [r["peak_mb"] / 1024 for r in results], marker="o", label="peak")
    ax_t.set(xlabel="road edges (millions)", ylabel="seconds", title="time per stage")
    ax_t.set_yscale("log")
    ax_m.set(xlabel="road edges (millions)", ylabel="GB", title="peak memory, whole run")
    ax_m.set_ylim(bottom=0)
    ax_t.legend(fontsize=8)
    fig.suptitle("ccgeo on synthetic national road grids over Malawi (a 2-core machine)")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    return f"plot written to {path}"


def _main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1e6,4e6,8e6")
    parser.add_argument("--plot", type=Path, default=ROOT / "docs" / "scaling.png")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()))
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    parser.add_argument("--no-cancel", action="store_true", help="skip the Cancel probes")
    parser.add_argument("--one", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        found = one_size(int(args.one), args.cache, cancel_probes=not args.no_cancel)
        print("RESULT " + json.dumps(found))
        return
    if not MALAWI.exists():
        sys.exit(f"scaling: {MALAWI} not found (set CCGEO_SHARED_DATA)")
    results = []
    for size in (int(float(s)) for s in args.sizes.split(",")):
        prepared(size, args.cache)  # written here, so that the measuring process only reads
        cmd = [sys.executable, __file__, "--one", str(size), "--cache", str(args.cache)]
        cmd += ["--no-cancel"] * args.no_cancel
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        line = [ln for ln in done.stdout.splitlines() if ln.startswith("RESULT ")]
        if done.returncode or not line:
            sys.exit(f"scaling: size {size:,} failed:\n{done.stderr[-3000:]}")
        results.append(json.loads(line[-1][7:]))
        print(f"{size:,} edges done", file=sys.stderr, flush=True)
    print(table(results))
    print(memory_line(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    print(plot(results, args.plot))


if __name__ == "__main__":
    _main()
