"""Run every benchmark, each in its own process, and write the results table.

Run ``python tests/bench/run_all.py`` (about 6 minutes on the 2-core machine). Each benchmark's
own report streams by; then the Markdown table ``| benchmark | ccgeo | peer | ratio | target |``
of all of them is printed and written to ``tests/bench/latest.md``, ready to be quoted in the
README as it is. Exits 1 when a target is missed or a benchmark fails, 2 when the real data is
absent.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from benchkit import BENCH_DIR, SHARED_DATA, TABLE_HEADER, Row, summary_line

BENCHMARKS = (
    "bench_load_osm",
    "bench_routing",
    "bench_access",
    "bench_siting",
    "bench_referral",
    "bench_canvas",
    "bench_zonal",
    "bench_batch",
)
LATEST = BENCH_DIR / "latest.md"


def run_one(name: str, folder: Path) -> tuple[list[Row], str | None]:
    """Run one benchmark in a fresh process; its rows, and what went wrong (None if nothing)."""
    out = folder / f"{name}.json"
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    print(f"\n=== {name}", flush=True)
    t0 = time.perf_counter()
    done = subprocess.run(
        [sys.executable, str(BENCH_DIR / f"{name}.py"), "--json", str(out)], env=env, check=False
    )
    print(f"=== {name}: {time.perf_counter() - t0:.0f} s, exit code {done.returncode}", flush=True)
    if not out.exists():
        return [], f"{name} failed with exit code {done.returncode} (see its output above)"
    rows = [Row(**r) for r in json.loads(out.read_text())["rows"]]
    return rows, None


def header() -> str:
    """What the table was measured on, in one line."""
    return (
        f"Measured {date.today().isoformat()} on {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, {platform.system()} {platform.machine()}, with "
        "`python tests/bench/run_all.py`. Ratio: the peer's time (or memory) over ccgeo's, both "
        "measured in the same run on the same data; every ratio and limit is asserted by its "
        "benchmark, which also checks that ccgeo and the peer give the same numbers."
    )


def main() -> int:
    if not SHARED_DATA.is_dir():
        print(f"real city data not found at {SHARED_DATA} (set CCGEO_SHARED_DATA)")
        return 2
    rows: list[Row] = []
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in BENCHMARKS:
            found, problem = run_one(name, Path(tmp))
            rows += found
            if problem:
                problems.append(problem)
    lines = [TABLE_HEADER, *(r.markdown() for r in rows)]
    lines += [f"| {p} | — | — | — | — |" for p in problems]
    text = header() + "\n\n" + "\n".join(lines) + "\n"
    LATEST.write_text(text, encoding="utf-8")
    print("\n" + text)
    print(f"written to {LATEST}")
    print(summary_line("run_all", rows) + (f"; FAILED: {'; '.join(problems)}" if problems else ""))
    return 1 if problems or not all(r.met for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
