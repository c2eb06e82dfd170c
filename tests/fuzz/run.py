"""Run the fuzz tests with the thorough profile and print the tally.

    python tests/fuzz/run.py --cases 10000

The cases are shared among the fuzz tests (`fuzzkit.WEIGHTS`); every case is checked by the
invariants of `fuzzkit` and counted there, failures are recorded (not stopped at) and the files
that failed are kept in ``--out`` with a note each. The exit status is 0 only when no traceback,
no unaccounted row, no moved row, no wrong swap and no warning reaching the user was counted.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
FIGURES = ("tracebacks", "unaccounted_rows", "moved_rows", "wrong_swaps", "leaked_warnings")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000, help="cases in all (default 10000)")
    parser.add_argument("--seed", type=int, default=8, help="hypothesis seed (default 8)")
    parser.add_argument("--out", type=Path, help="folder for the files that failed")
    args = parser.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="ccgeo_fuzz_"))
    tally_path = out / "tally.json"
    out.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "CCGEO_FUZZ": str(args.cases),
        "CCGEO_FUZZ_COLLECT": "1",
        "CCGEO_FUZZ_TALLY": str(tally_path),
        "CCGEO_FUZZ_OUT": str(out / "cases"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    command = [
        sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
        f"--hypothesis-seed={args.seed}", str(HERE),
    ]  # fmt: skip
    finished = subprocess.run(command, cwd=ROOT, env=env, check=False)
    if not tally_path.is_file():
        print(f"no tally written (pytest exit {finished.returncode})", file=sys.stderr)
        return 2
    tally = json.loads(tally_path.read_text(encoding="utf-8"))
    print(
        f"\nfuzz run: {args.cases} cases asked, seed {args.seed}, pytest exit {finished.returncode}"
    )
    print(f"cases run: {tally['cases']}  ({tally['cases_by_kind']})")
    for key in FIGURES:
        print(f"{key.replace('_', ' ')}: {tally[key]}")
    print(
        f"rows written in files of known size: {tally['rows_written']}; rows checked in place: "
        f"{tally['rows_checked_in_place']}; files refused with an input error: "
        f"{tally['input_errors']}"
    )
    firsts = Counter(p.splitlines()[0][:160] for p in tally["problems"])
    for line, n in firsts.most_common(20):
        print(f"  {n} x {line}")
    if any(tally[k] for k in FIGURES):
        print(f"failing files and notes: {out / 'cases'}")
        return 1
    return 0 if finished.returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
