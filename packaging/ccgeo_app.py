"""Entry point of the bundle's ``ccgeo-app`` desktop app (windowed)."""

import sys

from ccgeo.gui.app import run

if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
