"""One edited seed synced alone gives the pages the whole-site sync gives (digest.publish.resync)."""

from __future__ import annotations

from digest.pipeline import ConvertOptions
from digest.publish.resync import resync_seeds
from digest.publish.sync import sync_seeds


def seed_text(title: str, version: str) -> str:
    return "\n".join([
        title,
        "本报记者 王明",
        f"这是一篇用于测试单个种子同步的文章，当前内容是{version}，编辑修改后页面应当很快更新。",
        "第二段正文说明单个种子同步只重写这个种子的页面，其余页面和它们的固定链接保持不变。",
        "第三段正文补充一些文字，保证文章有足够的长度被识别为正文内容，并生成摘要和关键词。",
    ])


def project(tmp_path):
    seeds, pages = tmp_path / "seeds", tmp_path / "content" / "articles"
    seeds.mkdir()
    (seeds / "a.txt").write_text(seed_text("单个种子同步测试", "第一版本"), encoding="utf-8")
    (seeds / "b.txt").write_text(seed_text("另一篇不变的文章", "不变版本"), encoding="utf-8")
    sync_seeds(seeds, pages, cache_dir=tmp_path / "cache")
    return seeds, pages


def test_an_edited_body_rewrites_that_page_only_and_matches_a_whole_sync(tmp_path):
    seeds, pages = project(tmp_path)
    (seeds / "a.txt").write_text(seed_text("单个种子同步测试", "第二版本"), encoding="utf-8")
    before = {p.name: p.read_text(encoding="utf-8") for p in pages.glob("*.md")}

    report = resync_seeds([seeds / "a.txt"], seeds, pages, options=ConvertOptions(), cache_dir=tmp_path / "cache")

    assert report is not None and len(report.store.written) == 1
    assert "第二版本" in report.store.written[0].read_text(encoding="utf-8")
    after = {p.name: p.read_text(encoding="utf-8") for p in pages.glob("*.md")}
    assert after.keys() == before.keys()
    records = (tmp_path / "content" / "permalinks.jsonl").read_text(encoding="utf-8")
    whole = sync_seeds(seeds, pages, cache_dir=tmp_path / "cache")
    assert whole.store.written == []  # the whole sync has nothing left to do
    assert (tmp_path / "content" / "permalinks.jsonl").read_text(encoding="utf-8") == records


def test_a_new_title_or_a_new_seed_is_left_to_the_whole_sync(tmp_path):
    seeds, pages = project(tmp_path)
    before = {p.name: p.read_text(encoding="utf-8") for p in pages.glob("*.md")}
    records = (tmp_path / "content" / "permalinks.jsonl").read_text(encoding="utf-8")
    (seeds / "a.txt").write_text(seed_text("改过标题的同步测试", "第二版本"), encoding="utf-8")
    (seeds / "c.txt").write_text(seed_text("新加入的一篇文章", "新版本"), encoding="utf-8")
    for changed in ("a.txt", "c.txt", "gone.txt"):
        assert resync_seeds([seeds / changed], seeds, pages, options=ConvertOptions()) is None, changed
    assert {p.name: p.read_text(encoding="utf-8") for p in pages.glob("*.md")} == before
    assert (tmp_path / "content" / "permalinks.jsonl").read_text(encoding="utf-8") == records
