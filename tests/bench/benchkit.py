"""What every benchmark shares: where the real data is, timing, peak memory in a fresh process,
the rows of the results table and the command-line ending of each benchmark module.

A benchmark module exposes ``run(shared_data) -> dict`` (its numbers), ``rows(numbers) ->
list[Row]`` (one row per claim, ratio or limit, for ``run_all.py``'s table) and ends its
``__main__`` with `main`, which prints a one-line summary and exits 1 when a target is missed.
No timing is ever taken while ``tracemalloc`` runs: memory is the peak RSS of a separate
process (`peak_rss_mb`).
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parents[1]
SHARED_DATA = Path(os.environ.get("CCGEO_SHARED_DATA", ROOT.parent / "shared" / "data"))


# -- timing ----------------------------------------------------------------------------------------


def best_of(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """Fastest wall time of ``repeat`` runs, seconds, and the last result."""
    best, out = math.inf, None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


def median_of(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """Median wall time of ``repeat`` runs, seconds, and the last result."""
    times, out = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), out


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    """Wall time of one run, seconds, and its result."""
    return best_of(fn, 1)


@contextlib.contextmanager
def quiet_stdout() -> Iterator[None]:
    """Silence what C++ code prints to the process's standard output (pandana's progress)."""
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        with open(os.devnull, "w") as devnull:
            os.dup2(devnull.fileno(), 1)
            yield
    finally:
        sys.stdout.flush()
        os.dup2(saved, 1)
        os.close(saved)


def peak_rss_mb(module: str, call: str) -> float:
    """Peak resident memory, MB, of a fresh Python process that imports ``module`` and runs
    ``module.<call>`` (a Python expression, `pathlib.Path` in scope).

    The whole process counts: interpreter, imported libraries and the work itself. The peak is
    the ``VmHWM`` of ``/proc/self/status`` (the new process's own high-water mark); the child's
    ``ru_maxrss`` would not do, since Linux carries the parent's peak over into it at ``exec``.
    """
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        f"sys.path.insert(0, {str(BENCH_DIR)!r})\n"
        f"import benchkit, {module}\n"
        f"{module}.{call}\n"
        "print('MAXRSS_KB', benchkit.own_peak_kb())\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("MAXRSS_KB ")]
    if done.returncode != 0 or not lines:
        msg = f"measuring the memory of {module}.{call} failed:\n{done.stderr[-2000:]}"
        raise RuntimeError(msg)
    return int(lines[-1].split()[1]) / 1024.0


def own_peak_kb() -> int:
    """Peak resident memory of this process, KiB (``VmHWM``; ``ru_maxrss`` without /proc)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


# -- rows of the results table --------------------------------------------------------------------


def fmt_seconds(seconds: float) -> str:
    """``"4.80 ms"``, ``"48 ms"``, ``"1.23 s"``, ``"14.0 s"``."""
    if seconds < 1.0:
        return f"{seconds * 1000:.2f} ms" if seconds < 0.01 else f"{seconds * 1000:.0f} ms"
    return f"{seconds:.2f} s" if seconds < 10 else f"{seconds:.1f} s"


@dataclass(frozen=True)
class Row:
    """One claim of a benchmark: ccgeo against its peer (a ratio) or against a limit.

    Attributes
    ----------
    benchmark
        What was measured, on which data.
    ccgeo, peer
        The measured values as text (time or memory with the unit; the peer names itself).
    ratio
        Peer over ccgeo (how many times faster or smaller ccgeo is), None for a plain limit.
    target
        The claim as text (``"≥ 20×"``, ``"< 50 ms"``).
    met
        Whether the measurement meets the target.
    """

    benchmark: str
    ccgeo: str
    peer: str
    ratio: float | None
    target: str
    met: bool

    @classmethod
    def speedup(
        cls, benchmark: str, ccgeo_s: float, peer: str, peer_s: float, target: float
    ) -> Row:
        """ccgeo at least ``target`` times faster than ``peer`` (seconds each)."""
        ratio = peer_s / ccgeo_s
        return cls(
            benchmark,
            fmt_seconds(ccgeo_s),
            f"{peer} {fmt_seconds(peer_s)}",
            ratio,
            f"≥ {target:g}×",
            ratio >= target,
        )

    @classmethod
    def smaller(
        cls, benchmark: str, ccgeo_mb: float, peer: str, peer_mb: float, target: float
    ) -> Row:
        """ccgeo's peak memory at least ``target`` times smaller than the peer's (MB each)."""
        ratio = peer_mb / ccgeo_mb
        return cls(
            benchmark,
            f"{ccgeo_mb:.0f} MB",
            f"{peer} {peer_mb:.0f} MB",
            ratio,
            f"≥ {target:g}×",
            ratio >= target,
        )

    @classmethod
    def limit(cls, benchmark: str, value: float, unit: str, limit: float, peer: str = "—") -> Row:
        """A value (seconds when ``unit`` is ``"s"``, else in ``unit``) under ``limit``."""
        if unit == "s":
            shown, wanted = fmt_seconds(value), f"< {fmt_seconds(limit)}"
        else:
            shown, wanted = f"{value:.0f} {unit}", f"< {limit:g} {unit}"
        return cls(benchmark, shown, peer, None, wanted, value < limit)

    def markdown(self) -> str:
        """The row as a Markdown table line; a missed target says so."""
        ratio = "—" if self.ratio is None else f"{self.ratio:.1f}×"
        target = self.target if self.met else f"{self.target} (missed)"
        return f"| {self.benchmark} | {self.ccgeo} | {self.peer} | {ratio} | {target} |"

    def failure(self) -> str:
        """What was missed, as a readable line."""
        got = f"{self.ratio:.1f}×" if self.ratio is not None else self.ccgeo
        return f"{self.benchmark}: {got}, target {self.target} (peer {self.peer})"


TABLE_HEADER = "| benchmark | ccgeo | peer | ratio | target |\n| --- | ---: | --- | ---: | --- |"


def table(rows: Sequence[Row]) -> str:
    """The Markdown table of ``rows``, header included."""
    return "\n".join([TABLE_HEADER, *(r.markdown() for r in rows)])


def failures(rows: Sequence[Row]) -> list[str]:
    """The targets missed, one line each."""
    return [r.failure() for r in rows if not r.met]


def summary_line(name: str, rows: Sequence[Row]) -> str:
    """``"bench_x: 3 of 3 targets met; lowest ratio 4.0× (...)"``: a benchmark's last line."""
    met = sum(r.met for r in rows)
    out = f"{name}: {met} of {len(rows)} targets met"
    ratios = [r for r in rows if r.ratio is not None]
    if ratios:
        low = min(ratios, key=lambda r: r.ratio or 0.0)
        out += f"; lowest ratio {low.ratio:.1f}× ({low.benchmark}, against {low.peer})"
    missed = [r.benchmark for r in rows if not r.met]
    return out + (f"; MISSED: {', '.join(missed)}" if missed else "")


# -- the end of every benchmark module ------------------------------------------------------------


def main(
    name: str,
    run: Callable[[Path], dict[str, Any]],
    rows: Callable[[dict[str, Any]], list[Row]],
    needs: Sequence[str],
) -> None:
    """Run a benchmark from the command line: print its report, its table rows and a summary.

    ``python tests/bench/<name>.py [--json PATH]``; ``--json`` writes the numbers and rows for
    ``run_all.py``. Exits 1 when a target is missed, 2 when the real data is absent.
    """
    args = sys.argv[1:]
    json_path = Path(args[args.index("--json") + 1]) if "--json" in args else None
    missing = [p for p in needs if not (SHARED_DATA / p).exists()]
    if missing:
        sys.exit(
            f"{name}: real city data not found ({', '.join(missing)} under {SHARED_DATA}; "
            "set CCGEO_SHARED_DATA)"
        )
    numbers = run(SHARED_DATA)
    found = rows(numbers)
    print("\n" + table(found))
    missed = failures(found)
    for line in missed:
        print(f"MISSED {line}")
    if json_path is not None:
        payload = {"name": name, "numbers": numbers, "rows": [asdict(r) for r in found]}
        json_path.write_text(json.dumps(payload, indent=1, default=float))
    print(summary_line(name, found))
    sys.exit(1 if missed else 0)
