"""How ccgeo's compiled functions (numba) are compiled: once, then cached beside their module."""

from __future__ import annotations

import sys

#: Keep compiled code in a cache beside the module (``__pycache__``), except in a frozen app
#: (PyInstaller), which has no source files to key a cache on: it compiles in memory there.
CACHE = not getattr(sys, "frozen", False)
