"""Entry point of the bundle's ``ccgeo`` command (console)."""

import sys

from ccgeo.cli import main

if __name__ == "__main__":
    sys.exit(main())
