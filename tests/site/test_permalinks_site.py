"""Permalinks, dates and feeds in a real build (issue 15's acceptance).

Correcting a sentence keeps an article's URL and feed id and marks only that
entry as updated; a corrected title moves the URL and leaves a redirect at the
old one; the same commit built twice, at two different "now"s, is byte-identical.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup

from sitebuild import SEEDS, build_site, tree_differences

pytestmark = pytest.mark.build

SEED = "003_2eec7245c6bb0a7a.txt"  # three articles
BODY_BEFORE, BODY_AFTER = "如何悄然汇入经济的毛细血管", "如何迅速汇入经济的毛细血管"
TITLE_BEFORE, TITLE_AFTER = "全球产业链格局变动 缝制机械如何破局", "全球产业链格局生变 缝制机械如何破局"
#: The article URLs the seeds had before this scheme (body-hash slugs): they must keep working.
LEGACY_URLS = [
    "articles/guo-bu-chi-xu-fa-li-3000-yi-yuan-zi-jin-ru-he-b735a4.html",
    "articles/quan-qiu-chan-ye-lian-ge-ju-bian-dong-feng-zhi-82e140.html",
    "articles/ren-gong-zhi-neng-chao-qi-bei-jing-zheng-xie-wei-859b89.html",
    "articles/san-wei-yi-ti-zhan-lve-gou-zhu-shou-du-ren-gong-f9e45c.html",
]


def entries(output: Path, edition: str = "") -> dict[str, dict]:
    """``{entry id: entry}`` of an edition's Atom feed of all articles."""
    feed = feedparser.parse((output / edition / "feeds" / "all.atom.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    return {e.id: e for e in feed.entries}


def lastmod(output: Path) -> dict[str, str]:
    """``{url: lastmod}`` of the sitemap."""
    soup = BeautifulSoup((output / "sitemap.xml").read_text(encoding="utf-8"), "xml")
    return {u.loc.text: u.lastmod.text for u in soup.find_all("url") if u.lastmod}


def redirect_target(page: Path) -> tuple[str, str]:
    """(refresh target, canonical URL) of a redirect page; fails on a normal page."""
    head = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").head
    assert head.find("meta", attrs={"name": "robots", "content": "noindex"})
    refresh = head.find("meta", attrs={"http-equiv": "refresh"})["content"]
    return refresh.split("url=", 1)[1], head.find("link", rel="canonical")["href"]


def edit_seed(seeds: Path, before: str, after: str) -> None:
    path = seeds / SEED
    text = path.read_text(encoding="utf-8")
    assert before in text
    path.write_text(text.replace(before, after), encoding="utf-8")


def test_corrections_keep_urls_and_ids_and_a_title_change_redirects(tmp_path, monkeypatch):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    root = tmp_path / "clone"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")  # 2027-01-15
    first = entries(build_site(root, seeds))

    edit_seed(seeds, BODY_BEFORE, BODY_AFTER)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1810000000")  # 2027-05-11
    output = build_site(root, seeds)
    second = entries(output)
    assert set(second) == set(first)
    assert {i: e.link for i, e in second.items()} == {i: e.link for i, e in first.items()}
    changed = {i for i in second if second[i].updated != first[i].updated}
    assert len(changed) == 1 and "国补" in second[next(iter(changed))].title
    edited = second[changed.pop()]
    assert edited.updated.startswith("2027-05-11")
    path = edited.link.split("/", 3)[3]
    dates = lastmod(output)
    assert dates[edited.link] == dates[edited.link.replace("/articles/", "/en/articles/")] == "2027-05-11"
    # the other articles keep their publication date
    assert {d for url, d in dates.items() if "/articles/" in url and not url.endswith(path)} \
        <= {"2025-09-25", "2026-01-23"}
    page = BeautifulSoup((output / path).read_text(encoding="utf-8"), "html.parser")
    ld = json.loads(page.find("script", type="application/ld+json").string)
    assert ld["dateModified"].startswith("2027-05-11") and ld["datePublished"].startswith("2025-09-25")
    assert page.select_one(".byline time[datetime='2027-05-11']").find_parent("div").dt.text == "更新"
    others = [output / e.link.split("/", 3)[3] for i, e in second.items() if e.link != edited.link]
    assert not any("2027-05-11" in p.read_text(encoding="utf-8") for p in others)

    edit_seed(seeds, TITLE_BEFORE, TITLE_AFTER)
    output = build_site(root, seeds)
    third = entries(output)
    assert set(third) == set(first)
    moved = [i for i in third if third[i].link != second[i].link]
    assert len(moved) == 1 and "生变" in third[moved[0]].title
    old, new = second[moved[0]].link, third[moved[0]].link
    for edition in ("", "en/"):
        page = output / edition / old.split("/", 3)[3].removeprefix(edition)
        refresh, canonical = redirect_target(page)
        assert (page.parent / refresh).resolve() == (output / edition / new.split("/", 3)[3]).resolve()
        assert canonical.endswith(new.split("/", 3)[3])
    assert old.rsplit("/", 1)[1].removesuffix(".html") in (root / "content" / "redirects.txt").read_text()
    sitemap = (output / "sitemap.xml").read_text(encoding="utf-8")
    assert new in sitemap and old not in sitemap


def test_the_seeds_earlier_urls_still_lead_to_their_articles(site):
    for edition in ("", "en"):
        for url in LEGACY_URLS:
            page = site / edition / url
            refresh, _ = redirect_target(page)
            assert (page.parent / refresh).is_file(), url


def test_same_commit_builds_byte_identical_at_two_times(site, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "2000000000")  # 2033: another "now"
    # In another process with another string-hash seed, as a second `make html` is:
    # Pelican reads the content folder into a set, whose order follows the seed.
    monkeypatch.setenv("PYTHONHASHSEED", "2" if os.environ.get("PYTHONHASHSEED") == "1" else "1")
    build = "import sys; from pathlib import Path; from sitebuild import build_site; build_site(Path(sys.argv[1]))"
    subprocess.run([sys.executable, "-c", build, str(tmp_path)], check=True, cwd=Path(__file__).parents[1],
                   capture_output=True)
    assert tree_differences(site, tmp_path / "output") == []


def test_feed_entries_carry_permanent_ids_topic_names_and_the_publisher(site):
    for edition, topic, publisher in (("", "人工智能政策", "中文新闻摘要"), ("en", "AI policy", "Chinese News Digest")):
        feed = entries(site, edition)
        assert all(i.startswith("tag:127.0.0.1,") for i in feed)
        ai = [e for e in feed.values() if e.tags[0].term == "ai-policy"]
        assert ai and all(e.tags[0].label == topic for e in ai)
        unsigned = [e for e in feed.values() if e.author == publisher]
        for entry in unsigned:  # an article without a byline: the same author in the feed and in JSON-LD
            page = site / entry.link.split("/", 3)[3]
            ld = json.loads(BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
                            .find("script", type="application/ld+json").string)
            assert [a["name"] for a in ld["author"]] == [publisher]
    rss = feedparser.parse((site / "feeds" / "all.rss.xml").read_bytes())
    assert {t.term for e in rss.entries for t in e.tags} >= {"人工智能政策", "消费补贴"}
    assert all(e.id.startswith("tag:") and e.guidislink is False for e in rss.entries)


def test_topic_feeds_link_to_their_topic_page_and_every_feed_to_the_stylesheet(site):
    for name in ("ai-policy.atom.xml", "ai-policy.rss.xml"):
        feed = feedparser.parse((site / "feeds" / name).read_bytes())
        assert feed.feed.link == "http://127.0.0.1:8000/topics/ai-policy.html"
    for path in list(site.glob("feeds/*.xml")) + list(site.glob("en/feeds/*.xml")):
        head = path.read_text(encoding="utf-8")[:300]
        assert '<?xml-stylesheet type="text/xsl" href="../theme/feed.xsl"?>' in head, path
        assert (path.parent / "../theme/feed.xsl").resolve().is_file()


@pytest.mark.browser
def test_a_feed_opened_in_chromium_reads_as_a_page(site, serve, browser):
    with serve(site) as url:
        page = browser.new_page()
        try:
            for feed, heading, notice in (("feeds/all.atom.xml", "中文新闻摘要", "订阅源"),
                                          ("en/feeds/ai-policy.rss.xml", "AI policy", "web feed")):
                page.goto(f"{url}/{feed}")
                assert heading in page.locator("h1").inner_text()
                assert notice in page.locator(".about").inner_text()
                links = page.locator("li h2 a")
                assert links.count() >= 1
                assert "/articles/" in links.first.get_attribute("href")
                summary = page.locator("p.summary").first.inner_text()
                assert summary.strip() and "<p>" not in summary
        finally:
            page.close()


@pytest.mark.browser
def test_an_old_url_takes_the_reader_to_the_article_in_chromium(site, serve, browser):
    old = LEGACY_URLS[2]
    refresh, _ = redirect_target(site / old)
    with serve(site) as url:
        page = browser.new_page()
        try:
            page.goto(f"{url}/{old}")
            page.wait_for_url(f"{url}/articles/{refresh.rsplit('/', 1)[1]}")
            assert "人工智能" in page.locator("h1").inner_text()
        finally:
            page.close()


def test_an_entry_without_a_byline_is_credited_to_the_site_like_its_json_ld():
    import sys
    from types import SimpleNamespace

    sys.path.insert(0, str(SEEDS.parent / "plugins"))
    from digest_i18n.feeds import credit_authors
    from digest_reading import news_article

    unsigned = SimpleNamespace(url="articles/a.html", credited_authors=[], authors=[], title="标题",
                               lang="zh-hans", category="other", summary="", keywords=[])
    feed = SimpleNamespace(items=[{"link": "http://x/articles/a.html", "author_name": "Digest editors"}])
    credit_authors(feed, {"articles/a.html": unsigned}, "zh-hans", None, "中文新闻摘要")
    settings = {"SITENAME": "中文新闻摘要", "AUTHOR": "Digest editors", "SITEURL": "http://x"}
    assert feed.items[0]["author_name"] == news_article(unsigned, settings)["author"][0]["name"]

