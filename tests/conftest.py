"""Shared fixtures: a real Pelican build of a seeds folder into a temporary folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def build_site(tmp: Path, seeds: Path = SEEDS, **overrides) -> Path:
    """Build the site like `make html`, with content, cache and output under ``tmp``.

    Returns the output folder. Hand-written content (pages, translation catalog)
    is copied from the project so the build sees exactly what a user's does.
    """
    from pelican import Pelican
    from pelican.settings import read_settings

    content = tmp / "content"
    if not content.exists():
        shutil.copytree(ROOT / "content", content, ignore=shutil.ignore_patterns("articles"))
    output = tmp / "output"
    settings = {
        "PATH": str(content),
        "OUTPUT_PATH": str(output),
        "DIGEST_SEEDS_PATH": str(seeds),
        "DIGEST_CACHE_PATH": str(tmp / "digest-cache"),
        "CACHE_PATH": str(tmp / "pelican-cache"),
        "DIGEST_CATALOG": str(content / "translations" / "en.po"),
    }
    settings.update(overrides)
    Pelican(read_settings(str(ROOT / "pelicanconf.py"), override=settings)).run()
    return output


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site built from the project's own seeds (once per test session)."""
    return build_site(tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def builder():
    """``build_site`` as a fixture, for tests that build their own seeds folder."""
    return build_site
