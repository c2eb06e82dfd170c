"""Shared fixtures: the real city data in ../shared/data (skipped with a reason when absent), and
the demo city read once per test run.

The demo city (`demo_project`) is one `Project` for the whole session: tests read it and never
change it. Building a network caches it in the project, saving it sets its path, storing settings
or scenarios writes into it: a test that does any of these takes its own copy, `fresh_demo` (or
``copy_demo()`` in a module-scoped fixture). After every test that used the shared project its
fingerprint is checked, so a test that changes it fails by name, and the session ends with a check
against the project as it was read.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from demokit import DemoWatch

    from ccgeo.project import Project

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The tests read ccgeo's English whatever the computer's locale; tests/test_i18n.py chooses
# the other languages itself.
os.environ["CCGEO_LANG"] = "en"

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("CCGEO_SHARED_DATA", ROOT.parent / "shared" / "data"))
DEMO_DIR = ROOT / "layers" / "demo"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "run_last: run after every other test (checks of the whole session)"
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Move the tests marked ``run_last`` to the end, keeping the order of the others."""
    items.sort(key=lambda item: item.get_closest_marker("run_last") is not None)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """Folder of real city data; tests using it skip when it is not beside the project."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"real city data not found at {SHARED_DATA} (set CCGEO_SHARED_DATA)")
    return SHARED_DATA


@pytest.fixture(scope="session")
def demo_dir() -> Path:
    """The bundled demo city."""
    return DEMO_DIR


# -- the demo city, read once ---------------------------------------------------------------------


_CHANGED_MESSAGE = (
    "changed the session-wide demo project ({parts}); every test shares it. Take your own copy: "
    "the `fresh_demo` fixture, or `copy_demo()` in a module-scoped fixture"
)


@pytest.fixture(scope="session")
def demo_watch() -> Iterator[DemoWatch]:
    """The session's demo project with its fingerprint as read (see `demokit.DemoWatch`)."""
    from demokit import DemoWatch

    from ccgeo.demo import load_demo_project

    watch = DemoWatch(load_demo_project())
    yield watch
    changed = watch.changed_since_read()
    if changed:
        pytest.fail("a test " + _CHANGED_MESSAGE.format(parts=", ".join(changed)))


@pytest.fixture(scope="session")
def demo_project(demo_watch: DemoWatch) -> Project:
    """The demo city read once per test run (session-scoped): read it, never change it.

    No network is built in it; a test that needs one, or changes anything, uses `fresh_demo`.
    """
    return demo_watch.project


@pytest.fixture(scope="session")
def copy_demo(demo_project: Project) -> Callable[[], Project]:
    """``copy_demo()`` gives a copy of the demo city that its caller may change (see
    `demokit.copy_of_demo`); for fixtures that live longer than one test."""
    from demokit import copy_of_demo

    return lambda: copy_of_demo(demo_project)


@pytest.fixture
def fresh_demo(copy_demo: Callable[[], Project]) -> Project:
    """This test's own copy of the demo city: build networks in it, store settings, edit it."""
    return copy_demo()


@pytest.fixture(autouse=True)
def _demo_left_as_read(request: pytest.FixtureRequest) -> Iterator[None]:
    """After a test that used the shared demo project, check that it did not change it."""
    yield
    if "demo_watch" not in request.fixturenames:
        return
    watch: DemoWatch = request.getfixturevalue("demo_watch")
    changed = watch.changed_since_last_check()
    if changed:
        pytest.fail(f"{request.node.nodeid} " + _CHANGED_MESSAGE.format(parts=", ".join(changed)))
