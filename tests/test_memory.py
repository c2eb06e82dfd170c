"""Freed memory goes back to the system after a large stage (`ccgeo.memory`)."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from ccgeo.memory import _malloc_trim, release_free_memory

glibc = pytest.mark.skipif(
    not sys.platform.startswith("linux") or _malloc_trim() is None, reason="needs glibc"
)


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024.0
    raise AssertionError("no VmRSS")


@glibc
def test_arrays_freed_inside_the_heap_go_back_to_the_system():
    # freeing one large mapped block makes glibc serve blocks of that size from its heap,
    # where a small block kept after each one stops the heap from shrinking by itself
    first = _touched(4 << 20)
    del first
    big, keep = [], []
    for _ in range(80):
        big.append(_touched(2 << 20))
        keep.append(np.ones(64))
    del big
    before = _rss_mb()
    release_free_memory()
    assert before - _rss_mb() > 80.0  # of the 160 MB freed
    assert all(k.sum() == 64 for k in keep)


def _touched(nbytes: int) -> np.ndarray:
    arr = np.empty(nbytes // 8)
    arr.fill(1.0)
    return arr


def test_it_is_safe_to_call_anywhere():
    release_free_memory()
    release_free_memory()
