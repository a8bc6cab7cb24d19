"""output/ is always a complete site: a failed or killed build leaves the old one (issue 11, defect 7)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from blinker import signal as named_signal

from sitebuild import ROOT, build_site

pytestmark = pytest.mark.build

DEADLINE_S = 600  # generous: only a hung build ever reaches it


def listing(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def staging_folders(tmp: Path) -> list[Path]:
    return [p for p in tmp.iterdir() if p.name.startswith(".output.building-")]


def render_next_time(tmp: Path) -> None:
    """Make the next build of ``tmp`` render: with nothing changed it would keep output/
    as it is (tests/site/test_unchanged_site.py), and these tests need a build that writes."""
    (tmp / "pelican-cache" / "digest-site.json").unlink(missing_ok=True)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("swap")
    output = build_site(tmp)
    return tmp, output


def test_complete_site_and_no_staging_left(built):
    tmp, output = built
    assert (output / "index.html").is_file()
    assert (output / "en" / "index.html").is_file()
    assert (output / "sitemap.xml").is_file()
    assert staging_folders(tmp) == []


def test_failed_build_keeps_the_old_site(built):
    tmp, output = built
    before = listing(output)

    def fail(sender, **kwargs):
        raise RuntimeError("simulated failure after every edition was written")

    finalized = named_signal("digest_editions_finalized")
    render_next_time(tmp)
    with finalized.connected_to(fail):
        with pytest.raises(RuntimeError, match="simulated failure"):
            build_site(tmp)
    assert listing(output) == before
    assert staging_folders(tmp) == []  # removed by the failed build itself (a full disk: its space)
    build_site(tmp)
    assert staging_folders(tmp) == []
    assert (output / "en" / "index.html").is_file()


def test_kill_9_mid_build_keeps_the_old_site(built):
    tmp, output = built
    before = listing(output)
    code = f"import sys; sys.path.insert(0, {str(ROOT / 'tests')!r}); from sitebuild import build_site; " \
           f"from pathlib import Path; build_site(Path({str(tmp)!r}))"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    render_next_time(tmp)
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + DEADLINE_S
        # Kill once the build has started writing pages into its staging folder.
        while not any((s / "articles").is_dir() for s in staging_folders(tmp)):
            assert proc.poll() is None, "the build ended before it wrote any page"
            assert time.monotonic() < deadline, "the build never started writing"
            time.sleep(0.01)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert listing(output) == before
    assert staging_folders(tmp), "the killed build's folder is left until the next build"
    build_site(tmp)
    assert staging_folders(tmp) == []
    assert listing(output).keys() == before.keys()


def test_a_cache_file_left_half_written_is_removed_not_fatal(built, caplog):
    """Pelican pickles its content cache in place; a build killed meanwhile leaves
    a truncated file, which would stop every later build with EOFError."""
    tmp, output = built
    caches = [p for p in (tmp / "pelican-cache").rglob("*") if p.is_file() and not p.name.startswith(".")]
    assert caches, "the content cache is on (pelicanconf.py)"
    victim = caches[0]
    victim.write_bytes(victim.read_bytes()[: max(1, victim.stat().st_size // 2)])
    build_site(tmp)
    assert f"{victim}: a cache file left half written" in caplog.text
    assert (output / "index.html").is_file()


def test_the_content_cache_is_emptied_when_the_reader_code_changes(tmp_path):
    import sys

    sys.path.insert(0, str(ROOT / "plugins"))
    from digest_editions.staging import clear_cache_if_code_changed

    cache = tmp_path / "cache"
    (cache / "en").mkdir(parents=True)
    (cache / "ArticlesGenerator-Readers").write_bytes(b"old")
    assert clear_cache_if_code_changed(cache, "code-1")  # no stamp yet: the cache is of unknown code
    assert sorted(p.name for p in cache.iterdir()) == [".code-stamp"]
    (cache / "ArticlesGenerator-Readers").write_bytes(b"new")
    assert not clear_cache_if_code_changed(cache, "code-1")
    assert (cache / "ArticlesGenerator-Readers").exists()
    assert clear_cache_if_code_changed(cache, "code-2")
    assert not (cache / "ArticlesGenerator-Readers").exists()
