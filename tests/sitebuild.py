"""Build the site like `make html` into a temporary folder (used by tests/conftest.py).

A module with its own name, so tests can import it: every conftest.py is
imported as ``conftest``, and the first one on sys.path wins."""

from __future__ import annotations

import shutil
from pathlib import Path

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
        # Editions in turn: a fork only when a core is idle would make the messages tests
        # read depend on the machine's load; tests/site/test_editions_fork.py covers the fork.
        "DIGEST_JOBS": 1,
    }
    settings.update(overrides)
    Pelican(read_settings(str(ROOT / "pelicanconf.py"), override=settings)).run()
    return output




def tree_differences(a: Path, b: Path) -> list[str]:
    """The paths (relative) of files in only one of two folders or different in bytes."""
    import filecmp

    found: list[str] = []

    def compare(cmp: filecmp.dircmp, rel: str = "") -> None:
        found.extend(f"{rel}{n}" for n in cmp.left_only + cmp.right_only + cmp.funny_files)
        _, diff, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        found.extend(f"{rel}{n}" for n in diff + errors)
        for name, sub in cmp.subdirs.items():
            compare(sub, f"{rel}{name}/")

    compare(filecmp.dircmp(a, b))
    return found


#: The SITEURL of a test build (pelicanconf.py's default preview address).
SITEURL = "http://127.0.0.1:8000"


def resolve_link(page: str, href: str, siteurl: str = SITEURL) -> str:
    """The output path (relative to the output folder) a link on ``page`` points to,
    whether it is relative or an absolute URL under ``siteurl``."""
    from urllib.parse import urlsplit

    if href.startswith(siteurl):
        path = urlsplit(href).path.lstrip("/")
    else:
        path = (Path(page).parent / urlsplit(href).path).as_posix()
    parts: list[str] = []
    for part in path.split("/"):
        if part == "..":
            parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)


def is_redirect(page: Path) -> bool:
    """A page left at an article's old address (plugins/digest_redirects), not content."""
    with open(page, encoding="utf-8") as fh:
        return 'http-equiv="refresh"' in fh.read(2000)
