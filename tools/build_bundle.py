"""Build the one-folder bundle of the app and the command line: ``python tools/build_bundle.py``.

Runs PyInstaller on ``packaging/ccgeo.spec`` and leaves ``dist/ccgeo/`` with two programs sharing
one folder: ``ccgeo`` (the command line) and ``ccgeo-app`` (the desktop app). ``--zip`` also
writes ``dist/ccgeo-<version>-<system>-<machine>.zip`` for handing on. Needs
``pip install -e ".[bundle]"``; ``tools/smoke_bundle.py`` tries the result.
"""

from __future__ import annotations

import argparse
import ast
import platform
import shutil
import sys
import time
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "ccgeo.spec"


def folder_size(folder: Path) -> int:
    """Bytes of every file under ``folder`` (symbolic links not followed)."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def zip_name(version: str) -> str:
    """``ccgeo-<version>-<system>-<machine>`` (``ccgeo-0.10.0-windows-amd64``)."""
    return f"ccgeo-{version}-{platform.system().lower()}-{platform.machine().lower()}"


def checkout_version() -> str:
    """``__version__`` of the checkout's ``ccgeo/__init__.py``, read without importing it."""
    tree = ast.parse((ROOT / "ccgeo" / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "__version__":
            return str(ast.literal_eval(node.value))
    sys.exit("no __version__ in ccgeo/__init__.py")


def check_installed(version: str) -> None:
    """Exit unless ccgeo is installed at the checkout's version (the bundle carries its metadata
    and the checkout's code: the two must agree)."""
    try:
        installed = metadata.version("ccgeo")
    except metadata.PackageNotFoundError:
        sys.exit('ccgeo is not installed: pip install -e ".[bundle]"')
    if installed != version:
        sys.exit(f"ccgeo {installed} is installed but the checkout is {version}: pip install -e .")


def build(dist: Path, work: Path) -> Path:
    """Run PyInstaller on the spec; returns the bundle's folder (``dist/ccgeo``)."""
    try:
        import PyInstaller.__main__ as pyinstaller
    except ModuleNotFoundError:
        sys.exit('PyInstaller is missing: pip install -e ".[bundle]"')
    pyinstaller.run(
        [
            str(SPEC),
            "--noconfirm",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            "--log-level",
            "WARN",
        ]
    )
    return dist / "ccgeo"


def main(argv: list[str] | None = None) -> int:
    """Build, then print the build time and the size of the bundle (and of its zip)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument(
        "--work", type=Path, default=ROOT / "build" / "bundle", help="PyInstaller's work folder"
    )
    parser.add_argument("--zip", action="store_true", help="also zip the bundle for handing on")
    args = parser.parse_args(argv)
    version = checkout_version()
    check_installed(version)
    start = time.perf_counter()
    bundle = build(args.dist.resolve(), args.work.resolve())
    seconds = time.perf_counter() - start
    size = folder_size(bundle)
    print(f"bundle: {bundle} ({size / 1e6:.0f} MB), built in {seconds:.0f} s")
    if args.zip:
        archive = shutil.make_archive(
            str(args.dist / zip_name(version)), "zip", bundle.parent, bundle.name
        )
        print(f"zip: {archive} ({Path(archive).stat().st_size / 1e6:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
