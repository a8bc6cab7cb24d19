"""The search index of an unchanged edition is reused, never a stale one.

Pagefind runs for real on a two-page site: built once into a "served" folder,
then into a fresh staging folder as plugins/digest_editions does."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from sitebuild import ROOT

sys.path.insert(0, str(ROOT / "plugins"))

from digest_search import BUNDLE, KEYS_FILE, bundle_digest, build_search  # noqa: E402

PAGE = '<html lang="zh-Hans"><body><main data-pagefind-body><h1>{title}</h1><p>{text}</p></main></body></html>'


def write_site(folder: Path, extra: str = "") -> None:
    (folder / "articles").mkdir(parents=True)
    (folder / "index.html").write_text("<html lang=\"zh-Hans\"><body>首页</body></html>", encoding="utf-8")
    (folder / "articles" / "a.html").write_text(PAGE.format(title="芯片", text="晶圆厂投产" + extra),
                                                encoding="utf-8")
    (folder / "articles" / "b.html").write_text(PAGE.format(title="算力", text="数据中心扩容"),
                                                encoding="utf-8")


def search(folder: Path, cache: Path, served: Path | None) -> tuple[Path, bool]:
    """Index ``folder`` as a build staged beside ``served``; returns the bundle and
    whether it was reused (its files are links to the served bundle's)."""
    editions = [{"lang": "zh-hans", "html_lang": "zh-Hans", "name": "中文", "path": "", "output": str(folder)}]
    settings = {"DIGEST_SEARCH": True, "DIGEST_STRICT": True, "CACHE_PATH": str(cache)}
    if served is not None:
        settings["_DIGEST_FINAL_OUTPUT_PATH"] = str(served)
    build_search(SimpleNamespace(settings=settings), editions)
    entry, old = folder / BUNDLE / "pagefind-entry.json", (served or folder) / BUNDLE / "pagefind-entry.json"
    return folder / BUNDLE, served is not None and old.exists() and os.path.samefile(entry, old)


def indexed_text(bundle: Path) -> str:
    """The text of every page in a Pagefind bundle (its fragments are gzipped JSON)."""
    text = []
    for path in (bundle / "fragment").glob("*.pf_fragment"):
        raw = gzip.decompress(path.read_bytes())
        text.append(json.loads(raw[raw.index(b"{"):])["content"])
    return " ".join(text).replace("\u200b", "")  # the zero-width spaces of its word segmentation


@pytest.fixture
def served(tmp_path) -> tuple[Path, Path]:
    """A served site with its index, and the cache that recorded it."""
    site, cache = tmp_path / "output", tmp_path / "cache"
    write_site(site)
    bundle, reused = search(site, cache, None)
    assert not reused and "晶圆厂投产" in indexed_text(bundle)
    return site, cache


def test_unchanged_pages_reuse_the_served_index_byte_for_byte(served, tmp_path):
    site, cache = served
    staging = tmp_path / "staging"
    write_site(staging)
    bundle, reused = search(staging, cache, site)
    assert reused
    assert bundle_digest(bundle) == bundle_digest(site / BUNDLE)
    assert (bundle / "zh-variants.json").is_file()
    fresh = tmp_path / "fresh"
    write_site(fresh)
    shutil.copytree(bundle, tmp_path / "kept")
    assert bundle_digest(search(fresh, tmp_path / "other-cache", None)[0]) == bundle_digest(tmp_path / "kept")


def test_an_edited_page_is_indexed_again_and_finds_the_new_word(served, tmp_path):
    site, cache = served
    staging = tmp_path / "staging"
    write_site(staging, extra="光刻机")
    bundle, reused = search(staging, cache, site)
    assert not reused
    assert "光刻机" in indexed_text(bundle) and "光刻机" not in indexed_text(site / BUNDLE)
    # and the next build, unchanged again, reuses the new index, not the old one
    shutil.rmtree(site)
    staging.rename(site)
    again = tmp_path / "again"
    write_site(again, extra="光刻机")
    bundle, reused = search(again, cache, site)
    assert reused and "光刻机" in indexed_text(bundle)


def test_a_new_page_is_indexed_again(served, tmp_path):
    site, cache = served
    staging = tmp_path / "staging"
    write_site(staging)
    (staging / "articles" / "c.html").write_text(PAGE.format(title="新", text="封装测试"), encoding="utf-8")
    bundle, reused = search(staging, cache, site)
    assert not reused and "封装测试" in indexed_text(bundle)


@pytest.mark.parametrize("damage", ["keys", "bundle"])
def test_a_corrupt_record_or_bundle_is_not_trusted(served, tmp_path, damage):
    site, cache = served
    if damage == "keys":
        (cache / "digest-search" / KEYS_FILE).write_text("{not json", encoding="utf-8")
    else:
        fragment = next((site / BUNDLE / "fragment").glob("*.pf_fragment"))
        os.truncate(fragment, 10)
    staging = tmp_path / "staging"
    write_site(staging)
    bundle, reused = search(staging, cache, site)
    assert not reused and "数据中心扩容" in indexed_text(bundle)
    assert json.loads((cache / "digest-search" / KEYS_FILE).read_text(encoding="utf-8"))["zh-hans"]["bundle"] \
        == bundle_digest(bundle)
