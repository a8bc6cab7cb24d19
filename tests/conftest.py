"""Shared fixtures: a real Pelican build of a seeds folder into a temporary folder."""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from sitebuild import build_site

# Property tests judge behaviour, never speed: a busy machine (two workers, a
# browser, a Pelican build beside them) must not fail them. No deadline, no
# "too slow" health check; examples stay few enough to keep the suite quick.
settings.register_profile("digest", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("digest")


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site built from the project's own seeds (once per test session)."""
    return build_site(tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def builder():
    """``build_site`` as a fixture, for tests that build their own seeds folder."""
    return build_site


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium (Debian's, driven by Playwright) for the whole session."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        pytest.fail("chromium is not installed (apt-get install chromium); .ci/run installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


@pytest.fixture
def page_options() -> dict:
    """Options of the browser context ``page`` opens in (a module may override it)."""
    return {}


@pytest.fixture
def page(browser, page_options):
    """A fresh page; ``page.errors`` collects the console errors and uncaught exceptions."""
    context = browser.new_context(**page_options)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.errors = errors
    yield pg
    context.close()


@contextlib.contextmanager
def serve_folder(folder: Path):
    """Serve ``folder`` over HTTP on 127.0.0.1 (a free port); yields the base URL."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


@pytest.fixture(scope="session")
def serve():
    """``serve_folder`` as a fixture: ``with serve(output) as url: ...``."""
    return serve_folder
