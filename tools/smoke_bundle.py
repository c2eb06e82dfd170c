"""Try the built bundle as a user would, from a folder outside the checkout.

``python tools/smoke_bundle.py [dist/ccgeo]``: the command line prints its version and Spanish
help, makes the demo city, runs an access analysis on it and writes its HTML map (in French) and
PDF report; the desktop app starts offscreen in screenshot mode (in English and Portuguese) and
writes a picture of the demo city. Exits 1 on the first failure. Works
on Linux, Windows and macOS (``.ci/run`` and ``.github/workflows/bundle.yml`` run it).
"""

from __future__ import annotations

import argparse
import json
import os
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: People in the demo city (``ccgeo.demo``): the analysis must account for every one of them.
DEMO_PEOPLE = 1_850_000
#: A blank or broken window compresses to a few KB; the demo city's window is about 450 KB.
MIN_SCREENSHOT_BYTES = 100_000
#: The demo city's HTML map (Leaflet inlined) is about 1.4 MB and its PDF report about 1 MB.
MIN_MAP_BYTES = 500_000
MIN_PDF_BYTES = 200_000


def program(bundle: Path, name: str) -> Path:
    """The path of a bundled program (``ccgeo.exe`` on Windows)."""
    path = bundle / (name + (".exe" if sys.platform == "win32" else ""))
    if not path.is_file():
        sys.exit(f"smoke test: {path} is missing; build it with python tools/build_bundle.py")
    return path


def run(args: list[str | Path], *, cwd: Path, env: dict[str, str]) -> str:
    """Run a bundled program; its standard output, or exit 1 showing what it printed."""
    start = time.perf_counter()
    done = subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",  # the bundle runs in UTF-8 mode (packaging/ccgeo.spec)
        errors="replace",
        timeout=600,
        check=False,
    )
    took = time.perf_counter() - start
    shown = " ".join(str(a) for a in [Path(args[0]).name, *args[1:]])
    print(f"  {shown}: exit {done.returncode}, {took:.1f} s")
    if done.returncode != 0:
        print(done.stdout[-3000:], done.stderr[-3000:], sep="\n", file=sys.stderr)
        sys.exit(f"smoke test failed: {shown} exited with {done.returncode}")
    return done.stdout


def check(condition: bool, what: str) -> None:
    """Exit 1 naming ``what`` unless ``condition``."""
    if not condition:
        sys.exit(f"smoke test failed: {what}")


def png_size(path: Path) -> tuple[int, int]:
    """Width and height of a PNG file, pixels (from its IHDR chunk)."""
    head = path.read_bytes()[:24]
    check(head[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG file")
    return struct.unpack(">II", head[16:24])


def smoke(bundle: Path, work: Path) -> None:
    """Every check, run in ``work`` (a folder outside the checkout)."""
    cli, app = program(bundle, "ccgeo"), program(bundle, "ccgeo-app")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONPATH", None)  # the bundle must not need the checkout or a venv
    for name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "CCGEO_CACHE_DIR"):
        env[name] = str(work / "home" / name.lower())  # no settings of the user who builds
    version = run([cli, "--version"], cwd=work, env=env).strip()
    expected = _checkout_version()
    check(version == f"ccgeo {expected}", f"--version printed {version!r}, not 'ccgeo {expected}'")
    spanish = run([cli, "--lang", "es", "--help"], cwd=work, env=env)
    check("uso:" in spanish and "argumentos" in spanish, "--lang es --help is not in Spanish")
    run([cli, "demo", "vila"], cwd=work, env=env)
    demo = [
        "--roads", "vila/demo_city.osm.pbf", "--facilities", "vila/demo_facilities.xlsx",
        "--sheet", "facilities", "--population", "vila/demo_population.tif",
        "--districts", "vila/demo_districts.geojson", "--mode", "walk",
    ]  # fmt: skip
    run([cli, "access", *demo, "--out", "access"], cwd=work, env=env)
    summary = json.loads((work / "access" / "summary.json").read_text(encoding="utf-8"))
    people = round(summary["population_total"])
    check(people == DEMO_PEOPLE, f"summary.json counts {people:,} people, not {DEMO_PEOPLE:,}")
    check(summary["labs_used"] > 0 and summary["coverage"], "summary.json has no coverage")
    check_outputs(cli, demo, work, env)
    for lang in ("en", "pt"):
        shot = work / f"shot_{lang}.png"
        run([app, "--lang", lang, "--screenshot", shot], cwd=work, env=env)
        check(shot.is_file(), f"the app wrote no {shot.name}")
        size = shot.stat().st_size
        check(size > MIN_SCREENSHOT_BYTES, f"{shot.name} is {size:,} bytes: a blank window?")
        check(png_size(shot) == (1366, 768), f"{shot.name} is {png_size(shot)}, not 1366x768")
    print(f"bundle smoke test passed: {bundle} ({expected}), {people:,} people in the demo city")


def check_outputs(cli: Path, demo: list[str], work: Path, env: dict[str, str]) -> None:
    """The HTML map (folium, branca, Leaflet inlined; in French) and the PDF report (Qt)."""
    run([cli, "map", *demo, "--lang", "fr", "-o", "map_fr.html"], cwd=work, env=env)
    page = (work / "map_fr.html").read_text(encoding="utf-8")
    check('<html lang="fr"' in page and "Légende" in page, "the HTML map is not in French")
    check("L.map(" in page and len(page) > MIN_MAP_BYTES, "the HTML map has no Leaflet map")
    run([cli, "report", *demo, "-o", "report.pdf"], cwd=work, env=env)
    pdf = (work / "report.pdf").read_bytes()
    check(pdf.startswith(b"%PDF") and len(pdf) > MIN_PDF_BYTES, "the PDF report is empty")


def _checkout_version() -> str:
    """``__version__`` of the checkout's ``ccgeo/__init__.py``, read without importing."""
    for line in (ROOT / "ccgeo" / "__init__.py").read_text(encoding="utf-8").splitlines():
        if line.startswith("__version__"):
            return line.split("=", 1)[1].strip().strip("\"'")
    sys.exit("smoke test: no __version__ in ccgeo/__init__.py")


def main(argv: list[str] | None = None) -> int:
    """Smoke-test the bundle folder given (default ``dist/ccgeo``) in a temporary folder."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", nargs="?", type=Path, default=ROOT / "dist" / "ccgeo")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args(argv)
    bundle = args.bundle.resolve()
    if args.keep is not None:
        args.keep.mkdir(parents=True, exist_ok=True)
        smoke(bundle, args.keep.resolve())
    else:
        with tempfile.TemporaryDirectory(prefix="ccgeo-smoke-") as work:
            smoke(bundle, Path(work))
    return 0


if __name__ == "__main__":
    sys.exit(main())
