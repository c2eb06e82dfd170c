"""Start the ccgeo desktop app: ``python main.py [PROJECT] [--screenshot OUT.png]``."""

from __future__ import annotations

import sys

from ccgeo.gui.app import run

if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
