"""Shared fixtures: a real Pelican build of a seeds folder into a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitebuild import build_site


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site built from the project's own seeds (once per test session)."""
    return build_site(tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def builder():
    """``build_site`` as a fixture, for tests that build their own seeds folder."""
    return build_site
