"""Scaling of ccgeo on synthetic national road grids over Malawi: edges → time and peak memory.

Run ``python tests/bench/scaling.py --sizes 1e6,4e6,8e6 [--before] [--plot PATH]``. Each size
runs in a fresh process (`national.national_grid`, car network, 16 labs at the largest centres,
people on the 1 km WorldPop raster) and measures, in order:

- generate: the `RoadData` of the grid (stands in for reading a file at that size);
- build: `build_network(roads, "car")`;
- access: `access` without isochrones (nearest lab, snapping, coverage, underserved areas),
  once more (its indexes now built), then the isochrones of its 30/60/120 min bands alone
  (`isochrone_bands`), and their share of a run (second access + isochrones); ``--before``
  also times the exact per-cell surface of Step 10 (``exact=True`` on the old 4M-cell grid),
  the isochrones before this step;
- cancel: seconds from setting Cancel, 0.2 s into the isochrones, to `Cancelled`;
- what-if: `AccessWhatIf.add_hub` at the worst-served reachable person, median of 5.

Peak memory is the process's high-water mark (``VmHWM``) after each stage, so it includes the
stages before it. The table is printed in Markdown; the plot (matplotlib) goes to ``--plot``
(default ``docs/scaling.png`` when matplotlib is installed).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from benchkit import ROOT, fmt_seconds, own_peak_kb
from national import MALAWI, national_demand, national_grid

THRESHOLDS = (30.0, 60.0, 120.0)
STAGES = ("generate", "build", "access", "isochrones", "what-if")


def _stage(out: dict[str, Any], name: str, fn):
    t0 = time.perf_counter()
    result = fn()
    out[f"{name}_s"] = time.perf_counter() - t0
    out[f"{name}_mb"] = own_peak_kb() / 1024.0
    return result


def _cancel_latency(net, node_seconds) -> float:
    """Seconds from setting Cancel (0.2 s into the isochrones) to `Cancelled`."""
    from ccgeo.errors import Cancelled
    from ccgeo.network.isochrones import isochrone_bands

    cancel, stamp = threading.Event(), []

    def fire() -> None:
        stamp.append(time.perf_counter())
        cancel.set()

    timer = threading.Timer(0.2, fire)
    timer.start()
    try:
        isochrone_bands(net, node_seconds, THRESHOLDS, cancel=cancel)
    except Cancelled:
        return time.perf_counter() - stamp[0]
    finally:
        timer.cancel()
    return 0.0  # finished before Cancel was set


def one_size(edges: int, *, before: bool) -> dict[str, Any]:
    """Every stage at one size, in this process."""
    from ccgeo.analysis.access import AccessWhatIf, access
    from ccgeo.model.settings import ANY_CAPABILITY, AccessSettings
    from ccgeo.network.build import build_network
    from ccgeo.network.isochrones import isochrone_bands
    from ccgeo.network.routing import nearest_lab_times

    out: dict[str, Any] = {"target_edges": edges}
    grid = _stage(out, "generate", lambda: national_grid(edges=edges, seed=1))
    out["edges"] = grid.roads.n_edges
    demand = national_demand(raster=MALAWI)
    net = _stage(out, "build", lambda: build_network(grid.roads, "car"))
    settings = AccessSettings(capability=ANY_CAPABILITY, thresholds_minutes=THRESHOLDS)
    result = _stage(
        out, "access", lambda: access(net, grid.labs_lonlat, demand, settings, isochrones=False)
    )
    t0 = time.perf_counter()
    access(net, grid.labs_lonlat, demand, settings, isochrones=False)
    out["access_warm_s"] = time.perf_counter() - t0  # indexes built by the first run
    labs, _ = net.snap(grid.labs_lonlat)
    near = nearest_lab_times(net, labs).seconds
    _stage(out, "isochrones", lambda: isochrone_bands(net, near, THRESHOLDS))
    out["iso_share"] = out["isochrones_s"] / (out["access_warm_s"] + out["isochrones_s"])
    if before:
        t0 = time.perf_counter()
        isochrone_bands(net, near, THRESHOLDS, exact=True)
        out["iso_before_s"] = time.perf_counter() - t0
        warm = out["access_warm_s"]
        out["iso_before_share"] = out["iso_before_s"] / (warm + out["iso_before_s"])
    out["cancel_s"] = _cancel_latency(net, near)
    whatif = AccessWhatIf(net, result)
    reached = result.demand[result.demand["status"] == "reached"]
    far = reached.sort_values("seconds").iloc[-5:]
    times = []
    for x, y in zip(far.geometry.x, far.geometry.y, strict=True):
        t0 = time.perf_counter()
        whatif.add_hub(float(x), float(y))
        times.append(time.perf_counter() - t0)
    out["what-if_s"] = statistics.median(times)
    out["what-if_mb"] = own_peak_kb() / 1024.0
    out["kb_per_edge"] = out["what-if_mb"] * 1024.0 / out["edges"]
    return out


def table(results: list[dict[str, Any]]) -> str:
    """The Markdown table: one row per size, time (peak MB) per stage."""
    head = ["edges", *STAGES, "access again", "iso share", "iso before", "cancel", "KB/edge"]
    lines = ["| " + " | ".join(head) + " |", "|" + " ---: |" * len(head)]
    for r in results:
        cells = [f"{r['edges']:,}"]
        cells += [f"{fmt_seconds(r[f'{s}_s'])} ({r[f'{s}_mb']:.0f} MB)" for s in STAGES]
        cells.append(fmt_seconds(r["access_warm_s"]))
        cells.append(f"{100 * r['iso_share']:.0f} %")
        before = r.get("iso_before_s")
        cells.append(
            "—"
            if before is None
            else f"{fmt_seconds(before)} ({100 * r['iso_before_share']:.0f} %)"
        )
        cells += [f"{r['cancel_s']:.2f} s", f"{r['kb_per_edge']:.2f}"]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def plot(results: list[dict[str, Any]], path: Path) -> str:
    """Time and peak memory against edges, one line per stage; what was written."""
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
    ax_m.plot(edges, [r["what-if_mb"] / 1024 for r in results], marker="o", label="peak")
    ax_t.set(xlabel="edges (millions)", ylabel="seconds", title="time per stage", yscale="log")
    ax_m.set(xlabel="edges (millions)", ylabel="GB", title="peak memory")
    ax_t.legend()
    fig.suptitle("ccgeo on synthetic national road grids (Malawi)")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=120)
    return f"plot written to {path}"


def _main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1e6,4e6,8e6")
    parser.add_argument("--before", action="store_true", help="also time the Step 10 isochrones")
    parser.add_argument("--plot", type=Path, default=ROOT / "docs" / "scaling.png")
    parser.add_argument("--one", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print("RESULT " + json.dumps(one_size(int(args.one), before=args.before)))
        return
    if not MALAWI.exists():
        sys.exit(f"scaling: {MALAWI} not found (set CCGEO_SHARED_DATA)")
    results = []
    for size in (int(float(s)) for s in args.sizes.split(",")):
        cmd = [sys.executable, __file__, "--one", str(size)] + (["--before"] * args.before)
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        line = [ln for ln in done.stdout.splitlines() if ln.startswith("RESULT ")]
        if done.returncode or not line:
            sys.exit(f"scaling: size {size:,} failed:\n{done.stderr[-3000:]}")
        results.append(json.loads(line[-1][7:]))
        print(f"{size:,} edges done", file=sys.stderr)
    print(table(results))
    print(plot(results, args.plot))


if __name__ == "__main__":
    _main()
