"""Browser tests of the web chat: the real stack, driven through Debian's Chromium.

`make setup` installs Chromium (apt); Playwright only drives it, it never downloads a browser.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from service.stack import ROOT, Stack, free_port
from tests.staffing import always_staffed

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = ROOT / "var" / "screenshots"
# Rules are chosen by date; pin it so the expected amounts stay right as time passes.
SCREENING_DATE = "2026-11-24"
WEB_SECRET = "web-test-secret"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Skip the browser tests, saying why, only when Chromium is not installed."""
    if CHROMIUM.exists():
        return
    skip = pytest.mark.skip(reason=f"{CHROMIUM} is missing: `make setup` installs it (apt)")
    for item in items:
        if Path(str(item.fspath)).is_relative_to(Path(__file__).parent):
            item.add_marker(skip)


# Module scope: Playwright's sync API keeps an event loop running in the main thread while it
# is open, which other tests' asyncio.run() cannot share; so it (and the stack) end with the
# browser tests.
@pytest.fixture(scope="module")
def web_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """The running stack on free localhost ports, with its own databases and keys."""
    if not (ROOT / "models" / "anydoor.tar.gz").exists():
        pytest.fail("No trained model: run `make test`, which trains it first.")
    workdir = tmp_path_factory.mktemp("web-stack")
    # Staff are always in, so the handoff test does not depend on the time of day it runs.
    staffed_hours = always_staffed(workdir / "staffed_hours.yml")
    running = Stack(
        rasa_port=free_port(),
        service_port=free_port(),
        tracker_db=workdir / "rasa.db",
        log_dir=workdir / "log",
        extra_env={
            "ANYDOOR_TODAY": SCREENING_DATE,
            "ANYDOOR_VAR_DIR": str(workdir),
            "ANYDOOR_SECRET": WEB_SECRET,
            "ANYDOOR_DATABASE_URL": f"sqlite:///{workdir / 'anydoor.db'}",
            "ANYDOOR_STAFFED_HOURS": str(staffed_hours),
        },
    )
    running.start()
    yield running
    running.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's headless Chromium, driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any, web_stack: Stack) -> Iterator[Any]:
    """A new visitor (empty localStorage) on the demo agency page."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.set_default_timeout(15_000)
    visitor = context.new_page()
    visitor.goto(f"{web_stack.service_url}/")
    yield visitor
    context.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """Where the tests leave their screenshots (var/screenshots/)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
