"""Search, sitemap, sharing metadata and reading aids, on a real build.

One build per module: the project's seeds plus three hand-written articles in
their own topic (``field-notes``), whose reading time, related articles and
topic order are known exactly. Where the theme does not yet include our
snippets (``includes/*.html``), the build uses a copy with them wired in.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urljoin

import pytest
from hypothesis import given
from hypothesis import strategies as st
from bs4 import BeautifulSoup
from lxml import etree

from sitebuild import ROOT, build_site, is_redirect

sys.path.insert(0, str(ROOT / "plugins"))

from digest_reading import (  # noqa: E402
    news_article, plain_text, reading_minutes, related_articles, topic_neighbours)
from digest_search import SearchIndexError, body_glob, build_search, scan_pages  # noqa: E402
from digest_sitemap import index_xml, is_listable, w3c_datetime, write_sitemaps  # noqa: E402

SITE = "http://127.0.0.1:8000"
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}

#: 600 Chinese characters and 100 Latin words: 600/400 + 100/200 = 2 minutes.
BODY_A = "\n\n".join(["新型显示面板产线今年投产" * 10] * 5) + "\n\n" + " ".join(["panel"] * 100)
#: 401 characters: just over one minute, so 2.
BODY_B = "晶圆" * 200 + "厂"
#: 400 characters: 1 minute.
BODY_C = "封装测试" * 100
#: Seed text must never end the JSON-LD script.
TITLE_C = "芯片</script><script>alert(1)</script>封测"


def handmade(slug: str, title: str, date: str, keywords: list[str], body: str, authors="[]") -> str:
    return (f"---\ntitle: '{title}'\ndate: '{date}'\nslug: {slug}\nlang: zh-hans\ntopic: field-notes\n"
            f"authors: {authors}\nkeywords: {json.dumps(keywords, ensure_ascii=False)}\n"
            f"summary:\n- {slug} 的摘要。\n---\n\n{body}\n")


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("search-site")
    content = tmp / "content"
    shutil.copytree(ROOT / "content", content, ignore=shutil.ignore_patterns("articles"))
    (content / "articles").mkdir()
    pages = {
        "field-note-a": handmade("field-note-a", "显示面板新产线投产", "2025-01-01", ["芯片", "算力"],
                                 BODY_A, authors="[王小明]"),
        "field-note-b": handmade("field-note-b", "晶圆厂扩产", "2025-01-02", ["芯片"], BODY_B),
        "field-note-c": handmade("field-note-c", TITLE_C, "2025-01-02", ["算力", "芯片"], BODY_C),
    }
    for slug, text in pages.items():
        (content / "articles" / f"{slug}.md").write_text(text, encoding="utf-8")
    return build_site(tmp)


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def jsonld_of(path: Path) -> dict:
    scripts = soup_of(path).find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


# ---------------------------------------------------------------- reading aids (pure)

@pytest.mark.parametrize("text,minutes", [
    ("", 1), ("中" * 400, 1), ("中" * 401, 2), ("中" * 800 + " word" * 100, 3),
    ("“人工智能+”行动," * 100, 2),  # 600 characters; the punctuation takes no time
    ("AI-driven growth, 3.5% in 2025. " * 40, 1),  # 200 words exactly
    ("AI-driven growth, 3.5% in 2025. " * 41, 2),
])
def test_reading_minutes(text, minutes):
    assert reading_minutes(text) == minutes


def test_plain_text_keeps_paragraphs_apart_and_words_whole():
    assert plain_text("<p>A &amp; B</p><p>人工<em>智能</em></p>\n<ul><li>x</li></ul>") == "A & B 人工智能 x"


def fake(slug, date, keywords, topic="t"):
    return SimpleNamespace(slug=slug, date=datetime.fromisoformat(date), keywords=keywords, category=topic)


def test_related_by_shared_keywords_and_topic_with_deterministic_ties():
    me = fake("me", "2025-03-01", ["芯片", "算力", "AI"])
    pool = [me,
            fake("old-two", "2025-01-01", ["芯片", "ai"], topic="other"),  # 2 keywords (case-folded)
            fake("new-two", "2025-02-01", ["算力"], topic="t"),            # 1 keyword + topic
            fake("b-one", "2025-02-15", ["芯片"], topic="x"),
            fake("a-one", "2025-02-15", [], topic="t"),
            fake("none", "2025-03-02", ["房地产"], topic="x")]
    # Equal scores: newer first; same date: slug order.
    assert [a.slug for a in related_articles(me, pool)] == ["new-two", "old-two", "a-one"]
    assert [a.slug for a in related_articles(me, pool, limit=5)] == ["new-two", "old-two", "a-one", "b-one"]
    assert related_articles(me, list(reversed(pool))) == related_articles(me, pool)


def test_topic_neighbours_by_date_then_slug():
    a, b, c = fake("a", "2025-01-01", []), fake("b", "2025-01-02", []), fake("c", "2025-01-02", [])
    other = fake("z", "2025-01-01", [], topic="elsewhere")
    near = topic_neighbours([c, other, a, b])
    assert near[id(a)] == (None, b)
    assert near[id(b)] == (a, c)
    assert near[id(c)] == (b, None)
    assert near[id(other)] == (None, None)


def test_jsonld_of_an_article_without_byline_names_the_publisher():
    from markupsafe import Markup

    article = SimpleNamespace(
        title=Markup("A &amp; B"), url="articles/x.html", lang="zh-hans", date=datetime(2025, 1, 2, 8, 0),
        authors=[SimpleNamespace(name="Digest editors")], summary="<p>要点</p>",
        keywords=[], category="ai-policy")
    data = news_article(article, {"SITEURL": SITE, "SITENAME": "站", "AUTHOR": "Digest editors"},
                        {"ai-policy": "人工智能政策"})
    assert data["headline"] == "A & B"
    assert data["author"] == [{"@type": "Organization", "name": "站"}]
    assert data["articleSection"] == "人工智能政策"
    assert data["description"] == "要点"
    assert "dateModified" not in data and "keywords" not in data


# ---------------------------------------------------------------- sitemap and search (pure)

def test_listable_reads_the_head_only():
    noindex = '<html><head><meta content="noindex, follow" name="ROBOTS"></head><body></body></html>'
    refresh = "<html><head><meta http-equiv='refresh' content='0; url=x.html'></head></html>"
    quoted = '<html><head><title>t</title></head><body><meta name="robots" content="noindex"></body></html>'
    assert not is_listable(noindex)
    assert not is_listable(refresh)
    assert is_listable(quoted)


_TAG_PARTS = ['<meta name="robots" content="noindex">', "<META NAME='Robots' CONTENT='NoIndex, follow'>",
              '<meta name="robots" content="index">', '<meta name="description" content="noindex refresh">',
              '<meta http-equiv="Refresh" content="0; url=x.html">', '<meta http-equiv="content-type">',
              "<title>refresh</title>", "<title>t</title>", '<meta charset="utf-8">', "noindex"]


@given(st.lists(st.sampled_from(_TAG_PARTS), max_size=5), st.lists(st.sampled_from(_TAG_PARTS), max_size=3))
def test_listable_shortcut_agrees_with_reading_every_meta_tag(head, body):
    """``is_listable`` returns early when neither ``noindex`` nor ``refresh`` is in the head;
    the answer must be the one of reading every tag."""
    from digest_sitemap import _HEAD_END, _meta_tags

    html = f"<html><head>{''.join(head)}</head><body>{''.join(body)}</body></html>"
    metas = _meta_tags(_HEAD_END.split(html, maxsplit=1)[0])
    plain = not any((m.get("name", "").lower() == "robots" and "noindex" in m.get("content", "").lower())
                    or m.get("http-equiv", "").lower() == "refresh" for m in metas)
    assert is_listable(html) is plain


def test_w3c_datetime():
    assert w3c_datetime(datetime(2026, 1, 23)) == "2026-01-23"
    assert w3c_datetime(datetime.fromisoformat("2026-01-23T09:30:05.5+08:00")) == "2026-01-23T09:30:05+08:00"


def test_sitemap_splits_past_the_url_limit(tmp_path, monkeypatch):
    import digest_sitemap

    monkeypatch.setattr(digest_sitemap, "MAX_URLS", 2)
    entries = [{"loc": f"{SITE}/{n}.html", "lastmod": None, "alternates": []} for n in range(5)]
    assert write_sitemaps(tmp_path, SITE, entries) == f"{SITE}/sitemap.xml"
    index = etree.parse(str(tmp_path / "sitemap.xml"))
    assert index.xpath("//sm:sitemap/sm:loc/text()", namespaces=NS) == [
        f"{SITE}/sitemap-1.xml", f"{SITE}/sitemap-2.xml", f"{SITE}/sitemap-3.xml"]
    last = etree.parse(str(tmp_path / "sitemap-3.xml"))
    assert last.xpath("//sm:loc/text()", namespaces=NS) == [f"{SITE}/4.html"]
    assert index_xml([]).startswith(b"<?xml")


def test_glob_takes_the_pages_that_mark_a_body_and_leaves_out_nested_editions(tmp_path):
    body, bare = "<main data-pagefind-body>文</main>", "<main>列表</main>"
    files = {"index.html": bare, "about.html": body, "articles/a.html": body, "articles/b.html": body,
             "articles/old.html": bare, "topics/t.html": bare, "topics/t2.html": bare, "topics/x.html": body,
             "en/articles/a.html": body, "pagefind/x.html": body, "feeds/all.xml": body}
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    skip = {(tmp_path / "en").resolve(), (tmp_path / "pagefind").resolve()}
    pages = scan_pages(tmp_path.resolve(), skip)
    assert sorted(rel for rel, digest in pages.items() if digest) == [
        "about.html", "articles/a.html", "articles/b.html", "topics/x.html"]
    # a folder mostly of bodies is taken whole (a redirect page in it costs only its reading);
    # elsewhere the pages are named; the nested edition and the bundle never come in
    assert body_glob(pages, {"en", "pagefind"}) == "{*.html,articles/**/*.html,topics/x.html}"
    assert body_glob({"index.html": None}) is None


def test_pagefind_failure_is_one_log_line_or_fails_in_strict_mode(tmp_path, monkeypatch, caplog):
    (tmp_path / "a.html").write_text('<html lang="zh-Hans"><body><p data-pagefind-body>文</p></body></html>',
                                     encoding="utf-8")
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", shutil.which("false"))
    monkeypatch.delenv("DIGEST_STRICT", raising=False)
    editions = [{"lang": "zh-hans", "html_lang": "zh-Hans", "name": "中文", "path": "", "output": str(tmp_path)}]
    pelican = SimpleNamespace(settings={"DIGEST_SEARCH": True, "DIGEST_STRICT": False})
    build_search(pelican, editions)
    errors = [r for r in caplog.records if r.levelname == "ERROR"]
    assert [r.getMessage() for r in errors] == [
        "digest_search: 中文: Pagefind failed: exit status 1; the 中文 edition is built without search"]
    assert errors[0].exc_info is None
    pelican.settings["DIGEST_STRICT"] = True
    with pytest.raises(SearchIndexError, match="Pagefind failed"):
        build_search(pelican, editions)


# ---------------------------------------------------------------- the built site

def edition_folders(out: Path) -> list[str]:
    """``""`` for the first edition, then ``"en/"``... (every edition the build has)."""
    nested = sorted(p.parent.name + "/" for p in out.glob("*/index.html") if (p.parent / "articles").is_dir())
    return ["", *nested]


@pytest.mark.build
def test_sitemap_lists_every_edition_with_reciprocal_alternates(out):
    tree = etree.parse(str(out / "sitemap.xml"))
    assert tree.getroot().tag == "{%s}urlset" % NS["sm"]
    locs = tree.xpath("//sm:url/sm:loc/text()", namespaces=NS)
    assert len(locs) == len(set(locs))
    assert all(loc.startswith(SITE + "/") for loc in locs)
    editions = edition_folders(out)
    assert "en/" in editions
    for edition in editions:
        for page in ("index.html", "articles/field-note-a.html", "topics/index.html"):
            assert f"{SITE}/{edition}{page}" in locs
        assert f"{SITE}/{edition}404.html" not in locs
        assert f"{SITE}/{edition}search.html" not in locs
    for loc in locs:  # every listed URL is a file of the build
        assert (out / loc[len(SITE) + 1:]).is_file(), loc
    alternates = {}
    for url in tree.xpath("//sm:url", namespaces=NS):
        loc = url.findtext("sm:loc", namespaces=NS)
        alternates[loc] = {link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)}
    page = "articles/field-note-a.html"
    expected = {soup_of(out / e / page).html["lang"]: f"{SITE}/{e}{page}" for e in editions}
    assert expected["zh-Hans"] == f"{SITE}/{page}" and expected["en"] == f"{SITE}/en/{page}"
    expected["x-default"] = f"{SITE}/{page}"
    for edition in editions:
        assert alternates[f"{SITE}/{edition}{page}"] == expected


@pytest.mark.build
def test_sitemap_lastmod_from_article_dates_only(out):
    tree = etree.parse(str(out / "sitemap.xml"))
    lastmod = {u.findtext("sm:loc", namespaces=NS): u.findtext("sm:lastmod", namespaces=NS)
               for u in tree.xpath("//sm:url", namespaces=NS)}
    assert lastmod[f"{SITE}/articles/field-note-a.html"] == "2025-01-01"
    assert lastmod[f"{SITE}/en/articles/field-note-c.html"] == "2025-01-02"
    assert lastmod[f"{SITE}/index.html"] is None


@pytest.mark.build
def test_robots_txt_names_the_sitemap(out):
    assert (out / "robots.txt").read_text(encoding="utf-8").splitlines()[-1] == f"Sitemap: {SITE}/sitemap.xml"


@pytest.mark.build
def test_jsonld_of_an_article_page(out):
    data = jsonld_of(out / "articles" / "field-note-a.html")
    url = f"{SITE}/articles/field-note-a.html"
    assert data == {
        "@context": "https://schema.org", "@type": "NewsArticle",
        "headline": "显示面板新产线投产",
        "datePublished": "2025-01-01T00:00:00+08:00",
        "author": [{"@type": "Person", "name": "王小明"}],
        "publisher": {"@type": "Organization", "name": "中文新闻摘要"},
        "inLanguage": "zh-Hans",
        "description": "field-note-a 的摘要。",
        "keywords": ["芯片", "算力"],
        "articleSection": "field-notes",
        "url": url, "mainEntityOfPage": {"@type": "WebPage", "@id": url},
    }
    english = jsonld_of(out / "en" / "articles" / "field-note-a.html")
    assert english["url"] == f"{SITE}/en/articles/field-note-a.html"
    assert english["publisher"]["name"] == "Chinese News Digest"


@pytest.mark.build
def test_jsonld_cannot_be_closed_by_seed_text(out):
    raw = (out / "articles" / "field-note-c.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in raw
    assert "\\u003c/script\\u003e" in raw
    assert jsonld_of(out / "articles" / "field-note-c.html")["headline"] == TITLE_C


@pytest.mark.build
def test_social_meta_of_article_and_home(out):
    soup = soup_of(out / "articles" / "field-note-a.html")
    og = {m["property"]: m["content"] for m in soup.find_all("meta", property=True)}
    assert og["og:type"] == "article"
    assert og["og:title"] == "显示面板新产线投产"
    assert og["og:url"] == f"{SITE}/articles/field-note-a.html"
    assert og["og:locale"] == "zh_CN"
    alternates = [m["content"] for m in soup.find_all("meta", property="og:locale:alternate")]
    assert "en_US" in alternates and "zh_CN" not in alternates
    assert og["og:site_name"] == "中文新闻摘要"
    assert og["og:description"] == "field-note-a 的摘要。"
    assert soup.find("meta", attrs={"name": "twitter:card"})["content"] == "summary"
    home = {m["property"]: m["content"] for m in soup_of(out / "en" / "index.html").find_all("meta", property=True)}
    assert home["og:type"] == "website" and home["og:locale"] == "en_US"
    assert home["og:url"] == f"{SITE}/en/index.html"


def minutes_shown(soup) -> int:
    return int(re.search(r"\d+", soup.select_one(".reading-time").get_text()).group())


@pytest.mark.build
def test_reading_time_and_topic_order_on_the_pages(out):
    a, b, c = (soup_of(out / "articles" / f"field-note-{x}.html") for x in "abc")
    assert minutes_shown(a) == minutes_shown(b) == 2 and minutes_shown(c) == 1
    assert a.select_one(".topic-nav a[rel=next]")["href"].endswith("articles/field-note-b.html")
    assert a.select_one(".topic-nav a[rel=prev]") is None
    assert b.select_one(".topic-nav a[rel=prev]")["href"].endswith("articles/field-note-a.html")
    assert b.select_one(".topic-nav a[rel=next]")["href"].endswith("articles/field-note-c.html")
    assert c.select_one(".topic-nav a[rel=next]") is None
    # a shares two keywords and the topic with c, one keyword and the topic with b;
    # b is linked as the newer article of the topic already: one link per article.
    related = [x["href"].rsplit("/", 1)[-1] for x in a.select(".related-reading a")]
    assert related[0] == "field-note-c.html" and "field-note-b.html" not in related


@pytest.mark.build
def test_not_found_page_links_from_the_host_root_in_both_editions(out):
    """The host serves 404.html at any missing address: its links must not be relative."""
    missing = "http://example.test/no/such/page.html"
    for edition in ("", "en/"):
        soup = soup_of(out / edition / "404.html")
        assert soup.select_one("main h1")
        stylesheets = [urljoin(missing, link["href"]) for link in soup.find_all("link", rel="stylesheet")]
        assert f"http://example.test/{edition}theme/css/site.css" in stylesheets
        for url in stylesheets:
            assert (out / url.removeprefix("http://example.test/")).is_file(), url
        assert urljoin(missing, soup.select_one("main a")["href"]) == f"http://example.test/{edition}index.html"


@pytest.mark.build
def test_search_index_per_edition_holds_articles_only(out):
    for edition, lang in (("", "zh-hans"), ("en/", "en")):
        entry = json.loads((out / edition / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
        articles = len([p for p in (out / edition / "articles").glob("*.html") if not is_redirect(p)])
        assert entry["languages"][lang]["page_count"] == articles
        assert set(entry["languages"]) == {lang}


@pytest.mark.build
@pytest.mark.skipif(shutil.which("node") is None, reason="needs node to run the page's pattern")
def test_the_search_page_takes_its_han_class_from_chardata(out):
    """search.js builds its Han pattern from the page's data-han, written from
    digest.chardata.CJK_RANGES: JavaScript and Python agree character by character."""
    import subprocess

    from digest.chardata import CJK_CHAR, CJK_RANGES

    assert not re.search(r"\\u(?:3400|4e00|\{3400\})", (ROOT / "theme/static/js/search.js").read_text(encoding="utf-8"))
    for edition in ("", "en/"):
        han = BeautifulSoup((out / edition / "search.html").read_text(encoding="utf-8"), "html.parser") \
            .select_one("#search")["data-han"]
        edges = sorted({ord(c) + d for c in CJK_RANGES if c != "-" for d in (-1, 0, 1)} | {0x41, 0x3002})
        sample = "".join(map(chr, edges))
        js = ("const re = new RegExp(`[${process.argv[1]}]`, 'u');"
              "console.log(JSON.stringify([...process.argv[2]].map(c => re.test(c))));")
        answer = subprocess.run(["node", "-e", js, han, sample], capture_output=True, text=True, check=True)
        assert json.loads(answer.stdout) == [bool(CJK_CHAR.match(c)) for c in sample]


# ---------------------------------------------------------------- in the browser

def indexed_text(page: Path) -> str:
    """The text Pagefind indexes on a page of the first edition."""
    soup = soup_of(page)
    for ignored in soup.select("[data-pagefind-ignore]"):
        ignored.decompose()
    return " ".join(e.get_text(" ") for e in soup.select("[data-pagefind-body]"))


def mentioning(out: Path, query: str) -> set[str]:
    """URLs of the first edition's articles whose indexed text holds ``query``."""
    return {f"/articles/{p.name}" for p in (out / "articles").glob("*.html") if query in indexed_text(p)}


@pytest.fixture(scope="module")
def server(out, serve):
    with serve(out) as url:
        yield url


def results_for(page, url: str, query: str) -> list[str]:
    """Open the search page ``url``, type ``query``; the result links once they are shown.

    A fresh page per query: the previous query's results would satisfy the wait."""
    page.goto(url)
    page.fill("#search-q", query)
    page.wait_for_function("q => document.querySelector('.search-status').textContent.includes(q)"
                           " && document.querySelector('.search-results li')", arg=query, timeout=10_000)
    return [a.get_attribute("href") for a in page.locator(".search-results h2 a").all()]


@pytest.mark.build
@pytest.mark.browser
def test_search_finds_chinese_terms_in_both_editions(browser, server, out):
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    for query in ("人工智能", "以旧换新"):
        expected = mentioning(out, query)
        assert expected, f"no seed article mentions {query}"
        found = results_for(page, f"{server}/search.html", query)
        # Pagefind matches the words of a query anywhere in a page, not only as one phrase.
        assert expected <= set(found), query
        assert all(u.startswith("/articles/") for u in found), found
        assert len(found) == len(set(found))
    # The English edition finds them through the Chinese index, as its own pages.
    found = results_for(page, f"{server}/en/search.html", "以旧换新")
    assert all(u.startswith("/en/articles/") for u in found), found
    assert {f"/en{u}" for u in mentioning(out, "以旧换新")} <= set(found)
    # A word in both indexes (a figure in the Chinese text and the English
    # title) lists its article once.
    found = results_for(page, f"{server}/en/search.html", "2025")
    assert found and len(found) == len(set(found))
    # The header box leads to the search page with the query run.
    page.goto(f"{server}/index.html")
    page.fill("#site-search-q", "人工智能")
    page.press("#site-search-q", "Enter")
    page.wait_for_selector(".search-results a")
    assert "/search.html?q=" in page.url
    assert page.input_value("#search-q") == "人工智能"
    assert errors == []
    context.close()


def test_related_index_matches_the_pairwise_definition_on_random_sites():
    import random

    from digest_reading import RelatedIndex, keyword_set

    rng = random.Random(7)
    words = [f"词{i}" for i in range(12)]
    pool = [fake(f"a{i:03d}", f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                 rng.sample(words, rng.randint(0, 4)), topic=rng.choice("xyz")) for i in range(120)]
    index = RelatedIndex(pool)

    def brute(me):
        scored = []
        for other in pool:
            if other is me:
                continue
            score = len(keyword_set(me) & keyword_set(other)) + (other.category == me.category)
            if score:
                scored.append(((-score, -other.date.timestamp(), other.slug), other))
        return [o for _, o in sorted(scored, key=lambda x: x[0])[:3]]

    for me in pool:
        assert index.related(me) == brute(me)
