"""A real Pelican build of the project's seeds: pages, feeds, editions."""

from __future__ import annotations

from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup

from sitebuild import is_redirect

pytestmark = pytest.mark.build

#: The seeds hold four articles: one in seed 000, three in seed 003.
EXPECTED_ARTICLES = 4


def article_pages(output: Path, edition: str = "") -> list[Path]:
    return sorted(p for p in (output / edition / "articles").glob("*.html") if not is_redirect(p))


def test_one_page_per_article_in_each_edition(site):
    assert len(article_pages(site)) == EXPECTED_ARTICLES
    assert [p.name for p in article_pages(site, "en")] == [p.name for p in article_pages(site)]


def test_generated_markdown_has_front_matter(site):
    pages = sorted((site.parent / "content" / "articles").glob("*.md"))
    assert len(pages) == EXPECTED_ARTICLES
    from digest.publish.page import split_page

    for page in pages:
        meta, body = split_page(page.read_text(encoding="utf-8"))
        for key in ("title", "date", "source", "authors", "slug", "lang", "topic"):
            assert key in meta, f"{page.name} lacks {key}"
        assert meta["lang"] == "zh-hans"
        assert meta["slug"] == page.stem
        assert body.strip()


@pytest.mark.parametrize("edition,lang", [("", "zh-hans"), ("en", "en")])
def test_feeds_parse_with_language_and_absolute_links(site, edition, lang):
    for name in ("all.atom.xml", "all.rss.xml"):
        feed = feedparser.parse((site / edition / "feeds" / name).read_bytes())
        assert not feed.bozo, feed.get("bozo_exception")
        assert feed.entries
        for entry in feed.entries:
            assert entry.link.startswith("http://127.0.0.1:8000/")
            assert entry.summary.strip()
        assert feed.feed.get("language", "").lower() == lang


def test_topic_feeds_exist_per_topic(site):
    topics = {p.name.split(".")[0] for p in (site / "feeds").glob("*.atom.xml")} - {"all"}
    assert {"ai-policy", "sewing-machinery", "consumer-subsidies"} <= topics


def test_article_page_is_simplified_chinese_html(site):
    page = article_pages(site)[0]
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    assert soup.html["lang"] == "zh-Hans"
    assert soup.find("main").find("article")
    assert soup.find("meta", attrs={"name": "description"})["content"].strip()
