"""Playwright driving Debian's Chromium (/usr/bin/chromium) against pytest-django's live server.

Playwright's own browser download does not work on our machines, so the system Chromium is
launched by path. Every page a test visits can be checked with axe-core (`assert_accessible`).
"""

import os
import re
import shutil
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.conftest import needs
from tests.second_factor import CodeSource

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
BLOCKING_IMPACTS = {"serious", "critical"}
# Every account the browser tests make signs in with this password (tests.factories).
PASSWORD = "a-Long-passphrase-42"
ARTIFACTS = Path(__file__).resolve().parent.parent.parent / "test-artifacts"


@pytest.fixture(scope="session")
def browser():
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        needs(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def _role_groups(live_server):
    # pytest-django flushes the database after every live-server test, and its flush keeps what
    # post_migrate recreates (permissions) but not what data migrations made (the role groups).
    from dbt_training.users.services import sync_role_groups

    sync_role_groups()


@pytest.fixture
def page(browser, live_server, request):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    problems: list[str] = []
    # A blocked inline script or an outside resource shows up as a console error: fail on it.
    page.on(
        "console",
        lambda msg: problems.append(msg.text) if msg.type == "error" else None,
    )
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    yield page
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=ARTIFACTS / f"{request.node.name}.png", full_page=True)
    context.close()
    # A test that breaks the network on purpose names the errors it expects, and only those pass.
    marker = request.node.get_closest_marker("expected_console_errors")
    expected = [re.compile(pattern) for pattern in (marker.args if marker else ())]
    problems = [p for p in problems if not any(e.search(p) for e in expected)]
    assert problems == [], f"browser console errors: {problems}"


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


_codes: dict[str, CodeSource] = {}


@pytest.fixture(autouse=True)
def _fresh_codes():
    # allauth's record of used codes lives in the cache, which each test starts without.
    _codes.clear()


def sign_in(page, email: str, password: str = PASSWORD, *, lands_on=r"/dashboard/$"):
    """Sign in through the form as a person would: email, password, and for staff the code
    their authenticator app shows (tests.second_factor), typed into allauth's second step.
    Whoever was signed in before is signed out first."""
    page.context.clear_cookies()
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(re.compile(rf"/accounts/2fa/authenticate/$|{lands_on}"))
    if "/accounts/2fa/authenticate/" in page.url:
        page.get_by_label("Code").fill(_codes.setdefault(email, CodeSource()).next())
        page.get_by_role("button", name="Sign In").click()
    expect(page).to_have_url(re.compile(lands_on))


_axe = Axe()


def assert_accessible(page) -> None:
    """Run axe-core on the page as it is now; fail on any serious or critical violation."""
    violations = [
        v for v in _axe.run(page).response["violations"] if v["impact"] in BLOCKING_IMPACTS
    ]
    details = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']]}"
        for v in violations
    ]
    assert details == [], f"axe-core on {page.url}: {details}"


def assert_fits_phone_width(page) -> None:
    """Nothing sticks out sideways at the current (phone) viewport width."""
    page.wait_for_load_state()
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px"
