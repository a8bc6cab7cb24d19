"""Permanent slugs, ids, dates and redirects across builds (digest.publish.permalinks)."""

from __future__ import annotations

import os
import subprocess
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from digest.model import Article, Block, StopBuild
from digest.publish.permalinks import (RECORDS_FILE, REDIRECTS_FILE, Record, content_fingerprint, git_date,
                                       match_records, read_records, read_redirects, same_title, seed_of, settle)
from digest.publish.slug import make_slug

DAY_1 = "1800000000"  # 2027-01-15 (UTC)
DAY_2 = "1810000000"  # 2027-05-11


@pytest.fixture
def site(tmp_path, monkeypatch):
    """A seeds folder (not in git) and a records folder, with a fake "today"."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", DAY_1)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))  # tmp_path is no repository
    (tmp_path / "seeds").mkdir()
    (tmp_path / "content").mkdir()
    return tmp_path


def art(title: str, body: str = "正文。", source: str = "a.txt", day: date | None = date(2027, 1, 1)):
    return Article(source_file=source, title=title, blocks=[Block(body)], date=day, slug=make_slug(title))


def build(site: Path, articles: list[Article], seeds: dict[str, str] | None = None) -> list[Article]:
    """Write the seeds (their bytes decide whether news changed) and settle the articles."""
    for name in {a.source_file for a in articles}:
        text = (seeds or {}).get(name, "|".join(a.title + a.paragraphs[0] for a in articles
                                                if a.source_file == name))
        (site / "seeds" / name).write_text(text, encoding="utf-8")
    settle(articles, site / "content", site / "seeds")
    return articles


def test_body_correction_keeps_url_and_id_and_dates_only_that_article(site, monkeypatch):
    first = build(site, [art("标题一", "原文。"), art("标题二", "另一篇。")])
    monkeypatch.setenv("SOURCE_DATE_EPOCH", DAY_2)
    second = build(site, [art("标题一", "改正后的原文。"), art("标题二", "另一篇。")])
    assert [a.slug for a in second] == [a.slug for a in first]
    assert [a.permalink_id for a in second] == [a.permalink_id for a in first]
    assert second[0].modified == date(2027, 5, 11)
    assert second[1].modified is None
    assert not (site / "content" / REDIRECTS_FILE).exists()


def test_modified_is_kept_by_later_builds_and_clones(site, monkeypatch):
    build(site, [art("标题一", "原文。")])
    monkeypatch.setenv("SOURCE_DATE_EPOCH", DAY_2)
    build(site, [art("标题一", "改正。")])
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1900000000")
    again = build(site, [art("标题一", "改正。")])
    assert again[0].modified == date(2027, 5, 11)


def test_a_new_converter_changing_the_text_is_not_an_update(site, monkeypatch):
    seeds = {"a.txt": "the seed's bytes"}
    build(site, [art("标题一", "原文。")], seeds)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", DAY_2)
    again = build(site, [art("标题一", "原文，修复更好。")], seeds)
    assert again[0].modified is None
    assert [r.text for r in read_records(site / "content" / RECORDS_FILE)] == [
        content_fingerprint(again[0])]  # the new text is recorded


def test_title_change_gives_new_url_and_redirects_the_old_one(site):
    old = build(site, [art("旧标题")])[0].slug
    new = build(site, [art("新标题")])[0]
    assert new.slug == make_slug("新标题") != old
    assert read_redirects(site / "content" / REDIRECTS_FILE) == {old: new.slug}


def test_redirect_chains_stay_flat_and_a_live_article_wins(site):
    a = build(site, [art("标题甲")])[0].slug
    b = build(site, [art("标题乙")])[0].slug
    c = build(site, [art("标题丙")])[0].slug
    assert read_redirects(site / "content" / REDIRECTS_FILE) == {a: c, b: c}
    back = build(site, [art("标题甲")])[0].slug
    assert back == a
    assert read_redirects(site / "content" / REDIRECTS_FILE) == {b: a, c: a}


def test_same_title_twice_gives_distinct_deterministic_slugs(site):
    twins = build(site, [art("同一标题", "甲。", "a.txt"), art("同一标题", "乙。", "b.txt")])
    assert twins[0].slug == make_slug("同一标题")
    assert twins[1].slug.startswith(make_slug("同一标题") + "-") and twins[1].slug != twins[0].slug
    # A third one arriving later, with a name sorting first, takes nobody's URL.
    again = build(site, [art("同一标题", "丙。", "0.txt"), art("同一标题", "甲。", "a.txt"),
                         art("同一标题", "乙。", "b.txt")])
    assert [a.slug for a in again[1:]] == [a.slug for a in twins]
    assert again[0].slug not in {a.slug for a in twins}


def test_undated_article_gets_a_recorded_date_never_now(site, monkeypatch):
    first = build(site, [art("无日期", day=None)])[0]
    assert first.date == date(2027, 1, 15)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", DAY_2)
    assert build(site, [art("无日期", day=None)])[0].date == date(2027, 1, 15)


def test_undated_article_in_a_committed_seed_takes_the_commit_date(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", DAY_2)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("无日期正文。", encoding="utf-8")
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
           "GIT_COMMITTER_DATE": "2026-03-04T10:00:00+00:00", "GIT_AUTHOR_DATE": "2026-03-04T10:00:00+00:00"}
    for args in (["init", "-q"], ["add", "a.txt"], ["commit", "-q", "-m", "seed"]):
        subprocess.run(["git", *args], cwd=seeds, env=env, check=True)
    assert git_date(seeds / "a.txt", first=True) == date(2026, 3, 4)
    article = art("无日期", day=None)
    settle([article], tmp_path / "content", seeds)
    assert article.date == date(2026, 3, 4)
    (seeds / "a.txt").write_text("改过，未提交。", encoding="utf-8")
    assert git_date(seeds / "a.txt", first=False) is None  # uncommitted changes: not git's date


def test_an_article_inserted_before_others_moves_nothing(site, monkeypatch):
    first = build(site, [art("甲", source="a.txt"), art("乙", source="a.txt")])
    monkeypatch.setenv("SOURCE_DATE_EPOCH", DAY_2)
    again = build(site, [art("新", source="a.txt"), art("甲", source="a.txt"), art("乙", source="a.txt")])
    assert [(a.slug, a.permalink_id) for a in again[1:]] == [(a.slug, a.permalink_id) for a in first]
    assert [a.modified for a in again] == [None, None, None]
    assert again[0].permalink_id not in {a.permalink_id for a in first}
    assert not (site / "content" / REDIRECTS_FILE).exists()


def test_renamed_seed_keeps_its_articles_ids(site):
    before = build(site, [art("标题", source="old-name.txt")])[0].permalink_id
    (site / "seeds" / "old-name.txt").unlink()
    after = build(site, [art("标题", source="new-name.txt")])[0]
    assert after.permalink_id == before


def test_records_are_one_sorted_line_per_article(site):
    build(site, [art("乙", source="b.txt"), art("甲", source="a.txt"), art("丙", source="a.txt")])
    lines = (site / "content" / RECORDS_FILE).read_text(encoding="utf-8").splitlines()
    assert [line.split('"')[3] for line in lines] == ["a.txt#1", "a.txt#2", "b.txt#1"]


def test_a_damaged_records_file_is_named_in_the_error(site):
    (site / "content" / RECORDS_FILE).write_text("{not json\n", encoding="utf-8")
    with pytest.raises(StopBuild, match=r"permalinks\.jsonl: line 1"):  # its message, no traceback
        build(site, [art("标题")])


@pytest.mark.parametrize("line", ["../../etc/passwd new-slug", "old-slug", "Old new", "a b c"])
def test_a_bad_redirect_line_is_named_not_followed(site, line):
    (site / "content" / REDIRECTS_FILE).write_text(f"# comment\n{line}\n", encoding="utf-8")
    with pytest.raises(StopBuild, match=r"redirects\.txt: line 2: expected"):
        read_redirects(site / "content" / REDIRECTS_FILE)



def _match_by_scanning(articles, keys, records):
    """The matching as first written: every free record scanned for every article."""
    free, found = list(records), [None] * len(articles)

    def bind(i, candidates):
        record = next(iter(candidates), None)
        if record is not None:
            found[i] = record
            free.remove(record)

    for i, (article, key) in enumerate(zip(articles, keys)):
        bind(i, [r for r in free if r.key == key and same_title(r, article.slug)])
    for i, article in enumerate(articles):
        if found[i] is None:
            bind(i, sorted((r for r in free if same_title(r, article.slug)),
                           key=lambda r: (seed_of(r.key) != article.source_file, r.key)))
    for i, key in enumerate(keys):
        if found[i] is None:
            bind(i, [r for r in free if r.key == key])
    return found


_slugs = st.lists(st.sampled_from(["a", "b", "ab", "a-b", "", "1f2e"]), min_size=1, max_size=3).map("-".join)
_keys = st.builds(lambda seed, n: f"{seed}#{n}", st.sampled_from(["a.txt", "b.txt"]), st.integers(0, 3))


@given(st.lists(st.tuples(_keys, _slugs), max_size=8, unique_by=lambda t: t[0]),
       st.lists(st.tuples(_keys, _slugs), max_size=8, unique_by=lambda t: t[0]))
def test_indexed_matching_binds_what_scanning_every_record_binds(wanted, kept):
    """The key and title-base indexes of match_records pick, pass by pass, the record a scan
    of every free record picked (a scan was quadratic: 7.6 s at 8,000 articles)."""
    records = [Record(key=key, id=f"id{n}", slug=slug, text="") for n, (key, slug) in enumerate(kept)]
    articles = [Article(source_file=seed_of(key), title="t", blocks=[], slug=slug) for key, slug in wanted]
    keys = [key for key, _ in wanted]
    assert match_records(articles, keys, records) == _match_by_scanning(articles, keys, records)
