"""Freed memory goes back to the system after a large stage (`ccgeo.memory`)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from ccgeo.memory import _malloc_trim, release_free_memory

glibc = pytest.mark.skipif(
    not sys.platform.startswith("linux") or _malloc_trim() is None, reason="needs glibc"
)

#: In a fresh process: glibc told to serve blocks of 2 MB from its heap and never to shrink it by
#: itself (as it does after its mmap threshold has risen, in a long run), 80 such blocks, each
#: followed by a small one that stays; then the 160 MB are freed inside the heap.
_FREED_INSIDE_THE_HEAP = textwrap.dedent(
    """
    import ctypes, sys
    from pathlib import Path
    from ccgeo.memory import release_free_memory

    libc = ctypes.CDLL(None)
    libc.malloc.restype = ctypes.c_void_p
    libc.free.argtypes = [ctypes.c_void_p]
    M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3
    libc.mallopt(M_MMAP_THRESHOLD, 64 << 20)
    libc.mallopt(M_TRIM_THRESHOLD, 1 << 30)

    def rss_mb():
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0

    big, keep = [], []
    for _ in range(80):
        block = libc.malloc(2 << 20)
        ctypes.memset(block, 1, 2 << 20)
        big.append(block)
        keep.append(libc.malloc(64))
    for block in big:
        libc.free(block)
    before = rss_mb()
    if sys.argv[1] == "release":
        release_free_memory()
    print(before - rss_mb(), len(keep))
    """
)


def _given_back_mb(how: str) -> float:
    done = subprocess.run(
        [sys.executable, "-c", _FREED_INSIDE_THE_HEAP, how],
        capture_output=True,
        text=True,
        check=True,
    )
    given_back, kept = (float(x) for x in done.stdout.split())
    assert kept == 80
    return given_back


@glibc
def test_arrays_freed_inside_the_heap_go_back_to_the_system():
    assert _given_back_mb("keep") < 20.0  # left to itself, the heap keeps them
    assert _given_back_mb("release") > 80.0  # of the 160 MB freed


def test_it_is_safe_to_call_anywhere():
    release_free_memory()
    release_free_memory()
