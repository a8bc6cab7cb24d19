"""An edition's search index starts as soon as its pages are written and runs while
the build goes on; the build waits for it before the swap, and a failure there is
reported as a failure of a Pagefind run in turn would be."""

from __future__ import annotations

import shutil
import stat
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from sitebuild import ROOT

sys.path.insert(0, str(ROOT / "plugins"))

import digest_search  # noqa: E402
from digest_search import BUNDLE, KEYS_FILE, SearchIndexError, begin_build, build_search, edition_done  # noqa: E402
from digest.site.signals import editions_finalized  # noqa: E402

PAGE = '<html lang="zh-Hans"><body><main data-pagefind-body><h1>芯片</h1><p>{text}</p></main></body></html>'


@pytest.fixture
def site(tmp_path, monkeypatch):
    """A one-edition site, a build begun on it, and build_search connected as the plugin does."""
    folder = tmp_path / "output"
    (folder / "articles").mkdir(parents=True)
    (folder / "index.html").write_text('<html lang="zh-Hans"><body>首页</body></html>', encoding="utf-8")
    (folder / "articles" / "a.html").write_text(PAGE.format(text="晶圆厂投产"), encoding="utf-8")
    monkeypatch.delenv("DIGEST_STRICT", raising=False)
    settings = {"DIGEST_SEARCH": True, "DIGEST_STRICT": True, "CACHE_PATH": str(tmp_path / "cache"),
                "OUTPUT_PATH": str(folder)}
    pelican = SimpleNamespace(settings=settings)
    editions = [{"lang": "zh-hans", "html_lang": "zh-Hans", "name": "中文", "path": "", "output": str(folder)}]
    editions_finalized.connect(build_search)
    begin_build(pelican)
    yield pelican, editions, folder
    digest_search._build.stop()


def fake_pagefind(tmp_path: Path, script: str) -> str:
    exe = tmp_path / "fake-pagefind"
    exe.write_text("#!/bin/sh\n" + script + "\n", encoding="utf-8")
    exe.chmod(exe.stat().st_mode | stat.S_IXUSR)
    return str(exe)


def test_started_when_the_edition_is_written_and_finished_before_the_swap(site):
    pelican, editions, folder = site
    edition_done(pelican, editions[0], editions)
    job = digest_search._build.jobs["zh-hans"]
    assert job.proc is not None  # running (or done) in the background
    build_search(pelican, editions)
    assert (folder / BUNDLE / "pagefind-entry.json").is_file()
    assert not digest_search._build.jobs
    keys = (Path(pelican.settings["CACHE_PATH"]) / "digest-search" / KEYS_FILE).read_text(encoding="utf-8")
    assert job.key in keys


def test_a_failure_in_the_background_fails_a_strict_build_or_is_one_log_line(site, tmp_path, monkeypatch,
                                                                           caplog):
    pelican, editions, _ = site
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", shutil.which("false"))
    edition_done(pelican, editions[0], editions)
    with pytest.raises(SearchIndexError, match="中文: Pagefind failed"):
        build_search(pelican, editions)
    pelican.settings["DIGEST_STRICT"] = False
    begin_build(pelican)
    edition_done(pelican, editions[0], editions)
    build_search(pelican, editions)
    assert [r.getMessage() for r in caplog.records if r.levelname == "ERROR"] == [
        "digest_search: 中文: Pagefind failed: exit status 1; the 中文 edition is built without search"]


def test_a_new_build_stops_an_index_left_running_and_drops_its_half_bundle(site, tmp_path, monkeypatch):
    pelican, editions, folder = site
    # a Pagefind that has begun its bundle and would run on
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", fake_pagefind(
        tmp_path, f'mkdir -p "{folder / BUNDLE}"; touch "{folder / BUNDLE}/half"; exec sleep 300'))
    edition_done(pelican, editions[0], editions)
    proc = digest_search._build.jobs["zh-hans"].proc
    deadline = time.monotonic() + 60  # the bundle begun, or the drop below would prove nothing
    while not (folder / BUNDLE / "half").exists():
        assert proc.poll() is None and time.monotonic() < deadline
        time.sleep(0.01)
    begin_build(pelican)  # the build failed before build_search; the next one starts
    assert proc.poll() is not None
    assert not (folder / BUNDLE).exists()


def test_a_quick_preview_build_starts_no_index_and_keeps_the_one_it_has(site):
    pelican, editions, folder = site
    (folder / BUNDLE).mkdir()
    (folder / BUNDLE / "pagefind-entry.json").write_text("{}", encoding="utf-8")
    pelican.settings["DIGEST_SEARCH_INDEX"] = False  # as scripts/serve.py sets it for a quick build
    edition_done(pelican, editions[0], editions)
    assert not digest_search._build.jobs
    build_search(pelican, editions)
    assert (folder / BUNDLE / "pagefind-entry.json").read_text(encoding="utf-8") == "{}"
    assert not (Path(pelican.settings["CACHE_PATH"]) / "digest-search" / KEYS_FILE).exists()


def test_an_edition_whose_index_fails_goes_without_search_and_the_others_keep_theirs(site, tmp_path,
                                                                                   monkeypatch, caplog):
    pelican, editions, folder = site
    pelican.settings["DIGEST_STRICT"] = False
    english = folder / "en"
    (english / "articles").mkdir(parents=True)
    (english / "articles" / "a.html").write_text(
        '<html lang="en"><body><main data-pagefind-body><h1>Chips</h1><p>A new fab</p></main></body></html>',
        encoding="utf-8")
    editions.append({"lang": "en", "html_lang": "en", "name": "English", "path": "en", "output": str(english)})
    real = digest_search.pagefind_executable()
    # the Chinese run begins its bundle and fails; the English one is Pagefind's
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", fake_pagefind(tmp_path, (
        f'if [ "$2" = "{folder.resolve()}" ]; then mkdir -p "$2/{BUNDLE}"; touch "$2/{BUNDLE}/half"; exit 1; fi\n'
        f'exec "{real}" "$@"')))
    build_search(pelican, editions)
    assert [r.getMessage() for r in caplog.records if r.levelname == "ERROR"] == [
        "digest_search: 中文: Pagefind failed: exit status 1; the 中文 edition is built without search"]
    assert not (folder / BUNDLE).exists()
    assert (english / BUNDLE / "pagefind-entry.json").is_file()
