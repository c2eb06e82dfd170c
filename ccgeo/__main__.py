"""``python -m ccgeo`` runs the command line."""

from ccgeo.cli import main

raise SystemExit(main())
