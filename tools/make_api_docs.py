"""Build the API reference from the docstrings: ``python tools/make_api_docs.py [OUT]``.

Writes ``docs/api/`` (or OUT): HTML pages of the public names of ``ccgeo`` (its ``__all__``,
loaded through the package's lazy attributes) with pdoc, numpydoc sections rendered. The pages
work offline: pdoc's styles and scripts are inlined, and math and mermaid (which load scripts
from the web) stay off. Open ``docs/api/index.html``. Needs ``pip install -e ".[docs]"``.
The HTML is built, not committed (``tests/test_api_docs.py`` builds it into a temporary folder).
"""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "api"


def build(out: Path) -> list[Path]:
    """Write the reference into ``out``; returns the HTML pages written.

    Raises
    ------
    RuntimeError
        When a name of ``ccgeo.__all__`` cannot be loaded (pdoc would leave it out).
    """
    try:
        import pdoc
        import pdoc.render
    except ModuleNotFoundError:
        sys.exit('pdoc is missing: pip install -e ".[docs]"')
    import ccgeo

    pdoc.render.configure(
        docformat="numpy",
        footer_text=f"ccgeo {ccgeo.__version__}",
        math=False,  # would load KaTeX from a CDN
        mermaid=False,  # would load mermaid.js from a CDN
        search=True,  # search.js is written beside the pages
        show_source=True,
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        # the package page only: its public names are what __all__ lists
        pdoc.pdoc("ccgeo", "!ccgeo\\..*", output_directory=out)
    unresolved = [str(w.message) for w in caught if "does not resolve" in str(w.message)]
    if unresolved:
        raise RuntimeError("; ".join(unresolved))
    return sorted(out.glob("*.html"))


def main(argv: list[str] | None = None) -> int:
    """Build the reference; print where it is."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=OUT, help="output folder")
    args = parser.parse_args(argv)
    pages = build(args.out)
    print(f"API reference: {len(pages)} pages in {args.out} (open index.html)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
