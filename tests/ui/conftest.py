"""UI fixtures: a demo-filled journal with a frozen clock, and an app factory.

The demo journal is built once per session (it is the slow part) and copied for each test, so every
test gets its own file and can write to it freely. The clock is frozen at `DEMO_NOW`, so headers,
snapshots and screenshots never change with the day they run.

Pane helpers: add your snapshot tests in your own file (e.g. `tests/ui/test_mood_snapshots.py`)
using `demo_app` / `make_app` from here; the shell's snapshots live in `test_snapshots.py`.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest

from journal.demo import DEMO_NOW, build_demo
from journal.storage import Store, open_store
from journal.ui.app import JournalApp

#: The seed every UI test and screenshot uses for the demo journal.
DEMO_SEED = 7


def frozen_clock() -> datetime:
    return DEMO_NOW


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo journal built once; tests get copies."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with open_store(path) as store:
        build_demo(store, now=DEMO_NOW, seed=DEMO_SEED)
        store.set_setting("welcomed", True)
    return path


@pytest.fixture
def demo_store(demo_template: Path, tmp_path: Path) -> Iterator[Store]:
    """This test's own copy of the demo journal, welcome already seen."""
    path = tmp_path / "demo.db"
    shutil.copyfile(demo_template, path)
    wal = demo_template.with_name(demo_template.name + "-wal")
    if wal.exists():
        shutil.copyfile(wal, path.with_name(path.name + "-wal"))
    store = open_store(path)
    yield store
    store.close()


@pytest.fixture
def empty_store(tmp_path: Path) -> Iterator[Store]:
    """A brand-new journal, as on the very first run."""
    store = open_store(tmp_path / "empty.db")
    yield store
    store.close()


@pytest.fixture
def welcomed_store(db_path: Path) -> Iterator[Store]:
    """A new journal that has been opened before: no welcome in the way."""
    store = open_store(db_path)
    store.set_setting("welcomed", True)
    yield store
    store.close()


AppFactory = Callable[..., JournalApp]


@pytest.fixture
def make_app() -> AppFactory:
    """Build a `JournalApp` on a given store with the frozen clock."""

    def factory(store: Store, **kwargs: object) -> JournalApp:
        kwargs.setdefault("clock", frozen_clock)
        return JournalApp(store, **kwargs)  # type: ignore[arg-type]

    return factory


@pytest.fixture
def demo_app(demo_store: Store, make_app: AppFactory) -> JournalApp:
    """The app on this test's demo journal."""
    return make_app(demo_store)
