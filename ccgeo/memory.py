"""Memory handed back to the system after a large stage.

The C allocator keeps the memory a program frees for its next requests. After a stage that
makes and drops many arrays of a few megabytes (reading a country's roads, building its road
index), hundreds of megabytes can lie free inside the process while the next stage asks the
system for more, and a laptop runs out sooner than it should. `release_free_memory` gives those
pages back (glibc's ``malloc_trim``); on other C libraries and systems it does nothing.
"""

from __future__ import annotations

import ctypes
import functools
import sys
from collections.abc import Callable


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, or None where the C library has none."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        trim = ctypes.CDLL(None).malloc_trim  # the C library the process runs on
    except (OSError, AttributeError):  # musl, or no C library to load
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


def release_free_memory() -> None:
    """Give the memory freed so far back to the system (a few milliseconds; see the module)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
