"""The theme and the digest_i18n plugin, on a real build of the project's seeds.

One build per module: the seeds are converted (Pelican's ``initialized``), a
translation catalog is written for the converted articles — one article with
its title and every summary sentence in English, one with its title only (so
it stays untranslated) — and then both editions are built. A hand-written
page whose title carries markup checks escaping and a page that exists in one
edition only.
"""

from __future__ import annotations

import re
import shutil
import sys
from datetime import date
from pathlib import Path

import feedparser
import polib
import pytest
from bs4 import BeautifulSoup

from sitebuild import is_redirect, resolve_link

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "plugins"))

from digest.analyze.topics import DEFAULT_TOPICS  # noqa: E402
from digest.publish.page import split_page  # noqa: E402
from digest.english.catalog import TranslationCatalog  # noqa: E402
from digest_i18n.english import english_fields  # noqa: E402
from digest_i18n.feeds import drop_untranslated  # noqa: E402
from digest.site.settings import bcp47  # noqa: E402
from digest_i18n.interface import (babel_locale, date_formatter, interface_translations,  # noqa: E402
                                   join_names, topic_namer)

pytestmark = pytest.mark.build

SITEURL = "http://127.0.0.1:8000"
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
MARKUP_TITLE = "<script>alert(1)</script> 只有中文的页面"


class Site:
    """The built output plus what the test catalog made of the articles."""

    def __init__(self, output: Path, translated: dict, title_only: dict, articles: list[dict]):
        self.output, self.translated, self.title_only, self.articles = output, translated, title_only, articles

    def html(self, rel: str) -> BeautifulSoup:
        return BeautifulSoup((self.output / rel).read_text(encoding="utf-8"), "lxml")

    def pages(self, edition: str = "") -> list[str]:
        base = self.output / edition
        found = sorted(p.relative_to(self.output).as_posix() for p in base.rglob("*.html")
                       if not is_redirect(p))
        found = [p for p in found if not p.startswith("newsletter/")]  # email copies, not site pages
        return found if edition else [p for p in found if not p.startswith(("en/", "zh-hant/"))]


def _write_catalog(path: Path, articles: list[dict]) -> tuple[dict, dict]:
    with_summary = [a for a in articles if a.get("summary")]
    full, title_only = with_summary[0], with_summary[1]
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en"}
    po.append(polib.POEntry(msgid=full["title"], msgstr="Beijing bets on AI districts"))
    for n, sentence in enumerate(full["summary"], 1):
        po.append(polib.POEntry(msgid=" ".join(sentence.split()), msgstr=f"Summary sentence {n} in English."))
    po.append(polib.POEntry(msgid=title_only["title"], msgstr="A title without its summary"))
    po.save(str(path))
    return full, title_only


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Site:
    from pelican import Pelican
    from pelican.settings import read_settings

    tmp = tmp_path_factory.mktemp("theme")
    content = tmp / "content"
    shutil.copytree(ROOT / "content", content, ignore=shutil.ignore_patterns("articles", "translations"))
    (content / "pages" / "only-chinese.md").write_text(
        f"---\ntitle: '{MARKUP_TITLE}'\nslug: only-chinese\nlang: zh-hans\n---\n\n正文。\n", encoding="utf-8")
    catalog = tmp / "en.po"
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={
        "PATH": str(content), "OUTPUT_PATH": str(tmp / "output"),
        "DIGEST_SEEDS_PATH": str(ROOT / "seeds"), "DIGEST_CACHE_PATH": str(tmp / "digest-cache"),
        "CACHE_PATH": str(tmp / "pelican-cache"), "DIGEST_CATALOG": str(catalog),
    })
    pelican = Pelican(settings)  # `initialized`: the seeds become content/articles/*.md
    articles = [split_page(p.read_text(encoding="utf-8"))[0]
                for p in sorted((content / "articles").glob("*.md"))]
    full, title_only = _write_catalog(catalog, articles)
    pelican.run()
    return Site(tmp / "output", full, title_only, articles)




# ----------------------------------------------------------------- small units

def test_locales_dates_and_lists_per_edition():
    assert babel_locale("zh-hans") == "zh_Hans" and bcp47("zh-hans") == "zh-Hans"
    assert date_formatter("zh-hans")(date(2026, 1, 23)) == "2026年1月23日"
    assert date_formatter("en")(date(2026, 1, 23)) == "23 January 2026"
    assert date_formatter("en")(date(2026, 1, 23), skeleton="yMMMM") == "January 2026"
    assert join_names(["胡静", "周露楠", "范明朋"], "zh-hans") == "胡静、周露楠和范明朋"
    assert join_names(["Hu Jing", "Ren Dehui"], "en") == "Hu Jing and Ren Dehui"


def test_topic_names_follow_the_edition_and_unknown_slugs_stay():
    zh, en = topic_namer(DEFAULT_TOPICS, "zh-hans"), topic_namer(DEFAULT_TOPICS, "en")
    assert (zh("ai-policy"), en("ai-policy")) == ("人工智能政策", "AI policy")
    assert en("no-such-topic") == "no-such-topic"


def test_interface_catalog_is_compiled_from_po_and_english_needs_none():
    translations = ROOT / "theme" / "translations"
    zh = interface_translations(str(translations), "zh-hans")
    assert zh.gettext("Summary") == "摘要"
    assert zh.ngettext("%(num)d article", "%(num)d articles", 3) == "%(num)d 篇文章"
    assert interface_translations(str(translations), "en").gettext("Summary") == "Summary"


def test_every_template_string_is_in_the_pot_and_translated():
    from babel.messages.extract import extract_from_dir

    options = {"**.html": {"extensions": "jinja2.ext.i18n,jinja2.ext.do"}}
    used = {m[2] if isinstance(m[2], str) else m[2][0]
            for m in extract_from_dir(str(ROOT / "theme" / "templates"), [("**.html", "jinja2")], options)}
    pot = {e.msgid for e in polib.pofile(str(ROOT / "theme" / "translations" / "messages.pot"))}
    po = polib.pofile(str(ROOT / "theme" / "translations" / "zh_Hans" / "LC_MESSAGES" / "messages.po"))
    assert used == pot, "run pybabel extract (see theme/babel.cfg)"
    untranslated = [e.msgid for e in po if not e.translated() and not e.obsolete]
    assert {e.msgid for e in po if not e.obsolete} == pot and not untranslated


def test_an_article_is_translated_only_with_title_and_every_summary_sentence():
    catalog = TranslationCatalog({"新标题": "New title", "第一句。": "First.", "第二句。": "Second."})
    assert english_fields("新标题", ["第一句。", "第二句。"], catalog) == {
        "title_zh": "新标题", "title_en": "New title", "summary_en": ["First.", "Second."],
        "translated": True}
    half = english_fields("新标题", ["第一句。", "第三句。"], catalog)
    assert (half["title_en"], half["summary_en"], half["translated"]) == ("New title", None, False)
    assert english_fields("旧标题", ["第一句。"], catalog)["translated"] is False
    assert english_fields("新标题", [], catalog)["translated"] is True
    assert english_fields("新标题", ["第一句。"], None)["translated"] is False


def test_untranslated_entries_are_dropped_by_link():
    class Article:
        def __init__(self, url, translated):
            self.url, self.translated = url, translated

    class Feed:
        items = [{"link": f"{SITEURL}/en/articles/a.html"}, {"link": f"{SITEURL}/en/articles/b.html"},
                 {"link": f"{SITEURL}/en/pages/about.html"}]

    feed = Feed()
    by_url = {a.url: a for a in (Article("articles/a.html", True), Article("articles/b.html", False))}
    assert drop_untranslated(feed, by_url) == 1
    assert [i["link"].rsplit("/", 1)[1] for i in feed.items] == ["a.html", "about.html"]


# ----------------------------------------------------------------- the built site

def test_html_lang_is_the_edition_language(site):
    for page in site.pages():
        assert site.html(page).html["lang"] == "zh-Hans", page
    for page in site.pages("en"):
        assert site.html(page).html["lang"] == "en", page


def test_every_page_has_title_description_canonical_and_skip_link(site):
    for page in site.pages() + site.pages("en"):
        soup = site.html(page)
        assert soup.title.get_text(strip=True), page
        assert soup.find("meta", attrs={"name": "description"})["content"].strip(), page
        assert resolve_link(page, soup.find("link", rel="canonical")["href"]) == page
        skip = soup.find("a", class_="skip-link")
        assert soup.find(id=skip["href"][1:]).name == "main"
        assert [t.name for t in soup.body.find_all(["header", "main", "footer"], recursive=False)] == \
            ["header", "main", "footer"]


def test_switcher_links_lead_to_the_same_page_in_the_other_edition(site):
    for page in site.pages():
        link = site.html(page).select_one("nav.lang-switch a[hreflang='en']")
        target = resolve_link(page, link["href"])
        assert (site.output / target).is_file(), (page, target)
        expected = "en/index.html" if page == "pages/only-chinese.html" else "en/" + page
        assert target == expected
    for page in site.pages("en"):
        link = site.html(page).select_one("nav.lang-switch a[hreflang='zh-Hans']")
        assert resolve_link(page, link["href"]) == page[len("en/"):]


def test_hreflang_alternates_point_both_ways(site):
    for page in site.pages() + site.pages("en"):
        alternates = {l["hreflang"]: resolve_link(page, l["href"])
                      for l in site.html(page).find_all("link", rel="alternate", hreflang=True)}
        if page == "pages/only-chinese.html":
            assert alternates == {"zh-Hans": page, "x-default": page}
            continue
        zh_page = page[len("en/"):] if page.startswith("en/") else page
        assert alternates == {"zh-Hans": zh_page, "en": "en/" + zh_page, "x-default": zh_page}
        for target in alternates.values():
            back = {resolve_link(target, l["href"])
                    for l in site.html(target).find_all("link", rel="alternate", hreflang=True)}
            assert page in back


def test_chinese_article_has_localised_date_topic_and_summary_box(site):
    for meta in site.articles:
        soup = site.html(f"articles/{meta['slug']}.html")
        box = soup.find("section", class_="summary-box")
        assert box.h2.get_text() == "摘要"
        assert [li.get_text() for li in box.select(".summary-points li")] == \
            [" ".join(s.split()) for s in meta["summary"]]
        assert re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", soup.select_one(".byline time").get_text())
        topic = soup.select_one(".story-head .topic-tag")
        assert topic.get_text() == next(t.name_zh for t in DEFAULT_TOPICS if t.slug == meta["topic"])
        assert soup.find("article").find("h1").get_text() == meta["title"]


def test_translated_article_is_english_with_the_chinese_marked(site):
    meta = site.translated
    soup = site.html(f"en/articles/{meta['slug']}.html")
    assert soup.h1.get_text() == "Beijing bets on AI districts" and not soup.h1.get("lang")
    assert soup.select_one(".original-title span[lang='zh-Hans']").get_text() == meta["title"]
    points = soup.select(".summary-box .summary-points li")
    assert [p.get_text() for p in points] == [f"Summary sentence {n} in English."
                                               for n in range(1, len(meta["summary"]) + 1)]
    assert soup.find(class_="notice") is None
    assert re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}", soup.select_one(".byline time").get_text())
    assert soup.select_one(".story-body .prose")["lang"] == "zh-Hans"
    assert soup.find("meta", attrs={"name": "description"})["content"].startswith("Summary sentence 1")


def test_untranslated_article_says_so_and_links_the_chinese_page(site):
    page = f"en/articles/{site.title_only['slug']}.html"
    soup = site.html(page)
    notice = soup.find(class_="notice")
    assert "English translation not yet available." in notice.get_text()
    assert resolve_link(page, notice.a["href"]) == f"articles/{site.title_only['slug']}.html"
    assert soup.h1["lang"] == "zh-Hans" and soup.h1.get_text() == site.title_only["title"]
    assert soup.select_one(".summary-points")["lang"] == "zh-Hans"
    assert "A title without its summary" not in soup.get_text()
    card = next(c for c in site.html("en/index.html").select("article.card")
                if c.h2.a["href"].endswith(site.title_only["slug"] + ".html"))
    assert card.select_one(".badge").get_text() == "Not yet translated"


def test_english_pages_hold_chinese_only_inside_lang_zh_elements(site):
    """Interface text and the description are English; Chinese article text is marked.
    (Metadata for machines, such as og:title of an untranslated article, is the article's own.)"""
    for page in site.pages("en"):
        soup = site.html(page)
        for element in soup.find_all(lang=re.compile(r"^zh")):
            element.decompose()
        for element in soup.find_all(["script", "style"]):
            element.decompose()
        text = soup.get_text(" ")
        assert not CJK.search(text), (page, CJK.findall(text)[:10])
        for element in soup.find_all(True):
            for name in ("title", "aria-label", "alt", "placeholder"):
                assert not CJK.search(element.get(name) or ""), (page, name, element.get(name))
        description = soup.find("meta", attrs={"name": "description"})["content"]
        assert not CJK.search(description), (page, description)


def test_english_article_names_people_in_pinyin_and_glosses_keywords(site):
    with_authors = [a for a in site.articles if a.get("authors")]
    assert with_authors, "the seeds name authors"
    soup = site.html(f"en/articles/{with_authors[0]['slug']}.html")
    byline = soup.select_one(".byline").get_text(" ")
    for name in with_authors[0]["authors"]:
        assert f"({name})" in byline.replace("( ", "(").replace(" )", ")")
    with_keywords = next(a for a in site.articles if a.get("keywords"))
    table = site.html(f"en/articles/{with_keywords['slug']}.html").find("table", class_="glossary")
    assert [th.get_text() for th in table.select("thead th")] == ["Chinese", "Pinyin", "English"]
    assert table.select("tbody td[lang='zh-Hans']")[0].get_text() in with_keywords["keywords"]
    footer = site.html("en/index.html").find("footer", class_="site-footer").get_text(" ")
    assert "CC-CEDICT" in footer and "CC BY-SA 4.0" in footer


def test_topic_pages_show_names_never_slugs(site):
    for topic in {a["topic"] for a in site.articles}:
        known = next(t for t in DEFAULT_TOPICS if t.slug == topic)
        assert site.html(f"topics/{topic}.html").h1.get_text() == known.name_zh
        assert site.html(f"en/topics/{topic}.html").h1.get_text() == known.name_en
        index = site.html("en/topics/index.html").get_text(" ")
        assert known.name_en in index and topic not in index


def test_feeds_have_their_language_and_english_feeds_only_translated_entries(site):
    translated_url = f"{SITEURL}/en/articles/{site.translated['slug']}.html"
    for edition, lang in (("", "zh-hans"), ("en", "en")):
        for name in ("all.atom.xml", "all.rss.xml"):
            feed = feedparser.parse((site.output / edition / "feeds" / name).read_bytes())
            assert not feed.bozo and feed.feed.language.lower() == lang
            links = [e.link for e in feed.entries]
            if edition:
                assert links == [translated_url]
                assert feed.entries[0].title == "Beijing bets on AI districts"
                assert feed.entries[0].summary.startswith("<p>Summary sentence 1 in English.")
            else:
                assert len(links) == len(site.articles)


def test_topic_feeds_are_named_and_linked_only_where_they_have_entries(site):
    topic = site.translated["topic"]
    en_feed = feedparser.parse((site.output / "en" / "feeds" / f"{topic}.atom.xml").read_bytes())
    name_en = next(t.name_en for t in DEFAULT_TOPICS if t.slug == topic)
    assert en_feed.feed.title == f"Chinese News Digest - {name_en}"
    for other in {a["topic"] for a in site.articles} - {topic}:
        assert not (site.output / "en" / "feeds" / f"{other}.atom.xml").exists()
        soup = site.html(f"en/topics/{other}.html")
        assert not soup.find("link", type="application/atom+xml", href=re.compile(other))
    zh = site.html(f"topics/{topic}.html")
    feed_links = {resolve_link(f"topics/{topic}.html", l["href"]) for l in zh.select(".list-head .feed-links a")}
    assert feed_links == {f"feeds/{topic}.atom.xml", f"feeds/{topic}.rss.xml"}


def test_each_edition_has_its_own_about_page(site):
    assert site.html("pages/about.html").html["lang"] == "zh-Hans"
    assert site.html("en/pages/about.html").h1.get_text() == "About this site"
    assert not (site.output / "pages" / "about-en.html").exists()
    assert not (site.output / "en" / "pages" / "only-chinese.html").exists()


def test_text_from_content_is_escaped(site):
    raw = (site.output / "pages" / "only-chinese.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in raw
    assert site.html("pages/only-chinese.html").h1.get_text() == MARKUP_TITLE
