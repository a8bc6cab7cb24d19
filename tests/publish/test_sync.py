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


def test_repair_summary_counts_seeds_and_lost_characters_and_names_the_pages_to_check():
    from digest.model import Article, Block, StageWarning
    from digest.publish.sync import SyncReport

    done = [StageWarning("mojibake", "完善。《行动", file="a.txt")]
    lossy = [StageWarning("mojibake", "格局。□", lost=1, file="b.txt"),
             StageWarning("mojibake", "表示□□", lost=2, file="b.txt")]
    report = SyncReport(articles=[
        Article(source_file="a.txt", title="甲", blocks=[Block("完善。《行动计划》")], warnings=done, slug="a-1"),
        Article(source_file="b.txt", title="乙", blocks=[Block("没有问题。")], warnings=lossy, slug="b-1"),
        Article(source_file="b.txt", title="丙", blocks=[Block("格局。□北京")], warnings=lossy, slug="b-2"),
        Article(source_file="c.txt", title="丁", blocks=[Block("正文。")], slug="c-1"),
    ])
    # b.txt's warnings ride on both its articles: its characters are counted once
    assert report.repair_summary == "repairs: 2 seeds repaired, 3 characters lost (marked □); check b-2.md"
    assert SyncReport().repair_summary == "repairs: none"


def test_a_complete_repair_is_summarised_without_pages_to_check(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEED_000, seeds)
    report = sync_seeds(seeds, tmp_path / "pages", cache_dir=tmp_path / "cache")
    assert report.repair_summary == "repairs: 1 seed repaired, 0 characters lost (marked □)"
    # the structured warnings survive the conversion cache
    cached = sync_seeds(seeds, tmp_path / "pages", cache_dir=tmp_path / "cache")
    assert cached.cached == 1
    assert [a.warnings for a in cached.articles] == [a.warnings for a in report.articles]
    assert all(w.file == SEED_000.name and w.kind == "mojibake" for a in cached.articles for w in a.warnings)


def test_the_seeds_plugin_prints_the_summary_when_the_build_ends(tmp_path, capsys):
    import sys

    sys.path.insert(0, str(SEEDS.parent / "plugins"))
    import digest_seeds

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEED_000, seeds)

    class FakePelican:
        settings = {"PATH": str(tmp_path / "content"), "DIGEST_SEEDS_PATH": str(seeds),
                    "DIGEST_CACHE_PATH": None}

    pelican = FakePelican()
    digest_seeds.convert_seeds(pelican)
    assert "repairs:" not in capsys.readouterr().out  # not before the build ends
    digest_seeds.print_repair_summary(pelican)
    assert capsys.readouterr().out.strip() == "digest: repairs: 1 seed repaired, 0 characters lost (marked □)"
    digest_seeds.print_repair_summary(pelican)  # once per build
    assert capsys.readouterr().out == ""
