"""Seeds folder -> pages folder: cache, duplicates, bad seeds."""

from __future__ import annotations

import shutil
from pathlib import Path

from digest.publish.sync import sync_seeds

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED_000 = SEEDS / "000_f5b23160764b9db6.txt"


def test_second_run_is_served_from_the_cache(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEED_000, seeds)
    first = sync_seeds(seeds, tmp_path / "pages", cache_dir=tmp_path / "cache")
    second = sync_seeds(seeds, tmp_path / "pages", cache_dir=tmp_path / "cache")
    assert (first.converted, first.cached) == (1, 0)
    assert (second.converted, second.cached) == (0, 1)
    assert [a.to_json() for a in first.articles] == [a.to_json() for a in second.articles]
    assert second.store.written == []


def test_same_article_in_two_seeds_is_published_once(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEED_000, seeds / "a.txt")
    shutil.copy(SEED_000, seeds / "b.txt")
    report = sync_seeds(seeds, tmp_path / "pages")
    assert len(report.articles) == 1
    assert len(list((tmp_path / "pages").glob("*.md"))) == 1
    assert any("b.txt" in m and "published once" in m for m in report.messages)


def test_bad_seeds_are_reported_by_name_and_the_rest_still_builds(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEED_000, seeds / "good.txt")
    (seeds / "empty.txt").write_bytes(b"")
    (seeds / "binary.txt").write_bytes(bytes(range(256)) * 40)
    report = sync_seeds(seeds, tmp_path / "pages")
    assert len(report.articles) == 1
    names = sorted(e.source_file for e in report.errors)
    assert names == ["binary.txt", "empty.txt"]
    assert all(m.startswith(("binary.txt: ", "empty.txt: ")) for m in map(str, report.errors))


def test_deleting_a_seed_removes_its_pages(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEED_000, seeds)
    sync_seeds(seeds, tmp_path / "pages")
    (seeds / SEED_000.name).unlink()
    report = sync_seeds(seeds, tmp_path / "pages")
    assert len(report.store.removed) == 1
    assert list((tmp_path / "pages").glob("*.md")) == []


def test_lost_characters_are_warnings_and_complete_repairs_are_notes():
    from digest.model import Article, StageWarning
    from digest.publish.sync import SyncReport

    article = Article(source_file="s.txt", title="标题", blocks=[], warnings=[
        StageWarning("mojibake", "完善。《行动", file="s.txt"),
        StageWarning("mojibake", "格局。□", lost=1, file="s.txt")])
    report = SyncReport(articles=[article])
    assert report.notes == ["s.txt: 标题: mojibake repaired near '完善。《行动'"]
    assert report.messages == ["s.txt: 标题: mojibake repaired near '格局。□' (1 character lost, marked □)"]
