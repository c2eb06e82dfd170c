"""The benchmarks import their shared kit (`benchkit`) as a sibling module, as they do when run as
scripts (``python tests/bench/<name>.py``); under pytest this folder is put on the path first.
"""

from __future__ import annotations

import sys
from pathlib import Path

BENCH_DIR = str(Path(__file__).resolve().parent)
if BENCH_DIR not in sys.path:
    sys.path.insert(0, BENCH_DIR)
