"""What a reader sees around the articles, in the built pages of the project's seeds:
keyword pages, feed labels, one link per related article, punctuation, the build's summary."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sitebuild import is_redirect

pytestmark = pytest.mark.build


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def article_soups(site: Path, edition: str = ""):
    return [(p, soup_of(p)) for p in sorted((site / edition / "articles").glob("*.html")) if not is_redirect(p)]


@pytest.mark.parametrize("edition", ["", "en"])
def test_rail_links_each_article_once(site, edition):
    """Related articles leave out the topic's older/newer article that the rail links already."""
    for path, soup in article_soups(site, edition):
        rail = soup.select_one(".story-rail")
        links = [a["href"] for a in rail.select(".related a, .topic-nav a")]
        assert len(links) == len(set(links)), path.name


@pytest.mark.parametrize("edition", ["", "en"])
def test_feed_labels_say_which_feed(site, edition):
    for path, soup in article_soups(site, edition)[:1]:
        labels = [a.get_text(" ", strip=True) for a in soup.select(".feed-links a")]
        assert len(labels) == len(set(labels)) == 4, labels  # the topic's and the site's, Atom and RSS


def test_keyword_pages_for_keywords_of_two_articles_in_both_editions(site):
    """人工智能 is a keyword of both AI articles: it has a page with a pinyin URL, in each edition."""
    for edition in ("", "en"):
        page = site / edition / "keywords" / "ren-gong-zhi-neng.html"
        soup = soup_of(page)
        assert "人工智能" in soup.select_one("main h1").get_text()
        assert len(soup.select("main article.card")) == 2
    chinese = {p.name for p in (site / "keywords").glob("*.html")}
    assert chinese == {p.name for p in (site / "en" / "keywords").glob("*.html")}
    # A keyword of one article only has no page, and its chip is plain text.
    _, soup = article_soups(site)[0]
    for chip in soup.select(".keywords li"):
        link = chip.select_one("a")
        assert link is None or link["href"].endswith(tuple(chinese))


def test_english_keyword_glossary_one_sense_no_mining(site):
    texts = " ".join(soup_of(p).select_one(".glossary").get_text(" ") for p in (site / "en" / "articles").glob("*.html")
                     if soup_of(p).select_one(".glossary"))
    assert "hash rate" not in texts and "Holy Trinity" not in texts
    for cell in (c for p in (site / "en" / "articles").glob("*.html")
                 for c in soup_of(p).select(".glossary td:nth-of-type(3)")):
        assert ";" not in cell.get_text(), cell


def test_english_figures_read_as_noun_phrases(site):
    values = [v.get_text() for p in (site / "en" / "articles").glob("*.html")
              for v in soup_of(p).select(".figures .figure-value")]
    assert "a shortfall of over 20,000 people" in values
    assert "40% of top talent" in values
    assert not any("+" in v for v in values), values


def test_english_home_says_nothing_of_untranslated_articles_when_all_are(site):
    soup = soup_of(site / "en" / "index.html")
    assert soup.select("main article.card") and soup.select_one(".badge") is None  # the seeds are translated
    assert "Not yet translated" not in soup.get_text()


def test_topic_page_items_do_not_repeat_the_topic(site):
    soup = soup_of(site / "topics" / "ai-policy.html")
    assert soup.select("main article.card") and not soup.select("main article.card .topic-tag")


def test_chinese_sentence_ends_with_a_chinese_full_stop(site):
    text = soup_of(site / "404.html").select_one("main p").get_text()
    assert "查看最新文章。" in text and "查看最新文章." not in text
    assert "Go to the latest articles." in soup_of(site / "en" / "404.html").get_text()


def test_build_prints_one_line_per_edition(tmp_path, capsys):
    from sitebuild import build_site

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("人工智能产业发展迅速\n\n北京市人工智能产业规模持续扩大，企业数量不断增加，应用场景日益丰富。",
                                 encoding="utf-8")
    output = build_site(tmp_path, seeds=seeds, DIGEST_SEARCH=False)
    out = capsys.readouterr().out
    # Its one article is not in the English catalog: now the English home says so.
    home = soup_of(output / "en" / "index.html")
    assert home.select_one(".badge") is not None and "Not yet translated" in home.select_one(".lede").get_text()
    assert "Done: Processed" not in out
    lines = [ln for ln in out.splitlines() if ln.startswith(("zh-hans:", "en:"))]
    assert [ln.split(":")[0] for ln in lines] == ["zh-hans", "en"], out
    assert lines[0].startswith("zh-hans: 1 article, ") and lines[0].endswith(" topic"), lines


def test_shared_keywords_need_two_articles_and_get_stable_pinyin_slugs():
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "plugins"))
    from digest_keywords import shared_keywords

    class A:
        def __init__(self, slug, date, keywords):
            self.slug, self.date, self.keywords = slug, date, keywords

    articles = [A("b", "2025-01-02", ["人工智能", "芯片", "AI"]), A("a", "2025-01-01", ["人工智能", "AI"]),
                A("c", "2025-01-03", ["芯片"])]
    assert shared_keywords(articles) == {"人工智能": "ren-gong-zhi-neng", "AI": "ai", "芯片": "xin-pian"}
    assert shared_keywords(articles[:2]) == {"人工智能": "ren-gong-zhi-neng", "AI": "ai"}


def test_keywords_written_as_one_string_are_split_alike_for_pages_related_and_json_ld():
    import sys
    from types import SimpleNamespace

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "plugins"))
    from digest_keywords import shared_keywords
    from digest_reading import keyword_set, keywords_of

    typed = SimpleNamespace(slug="a", date="2025-01-01", keywords="人工智能、芯片; AI, 芯片")
    listed = SimpleNamespace(slug="b", date="2025-01-02", keywords=["人工智能", "芯片"])
    assert keywords_of(typed) == ["人工智能", "芯片", "AI"]
    assert keyword_set(typed) == {"人工智能", "芯片", "ai"}
    assert shared_keywords([typed, listed]) == {"人工智能": "ren-gong-zhi-neng", "芯片": "xin-pian"}
