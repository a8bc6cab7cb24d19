"""The Traditional-Chinese edition (``/zh-hant/``): the Simplified edition in Traditional characters.

Unit tests of the conversion (plugins/digest_i18n/traditional.py) and the
derived interface catalog, then one real build per module of the project's
seeds and pages plus a hand-written page that has a Traditional version of
its own (``notice``) and no English one.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from datetime import date
from pathlib import Path

import feedparser
import polib
import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup

from sitebuild import ROOT, build_site, is_redirect, resolve_link

sys.path.insert(0, str(ROOT / "plugins"))

from digest.analyze.topics import DEFAULT_TOPICS  # noqa: E402
from digest.site.settings import bcp47  # noqa: E402
from digest_i18n.interface import date_formatter, interface_translations, join_names  # noqa: E402
from digest_i18n.traditional import (made_from, rebase_cross_edition_links, to_traditional,  # noqa: E402
                                     traditional_html, traditional_value)

SITEURL = "http://127.0.0.1:8000"
EDITIONS = {"": ("zh-Hans", "简体中文"), "zh-hant/": ("zh-Hant", "繁體中文"), "en/": ("en", "English")}
SEED_000_TITLE = "人工智能“潮”起北京 政协委员热议产业未来"
SEED_000_TRADITIONAL = "人工智能“潮”起北京 政協委員熱議產業未來"
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
NOTICE_TITLE = "<b>公告</b> 简体版"


# ----------------------------------------------------------------- conversion

def test_characters_are_converted_and_vocabulary_is_kept():
    assert to_traditional(SEED_000_TITLE) == SEED_000_TRADITIONAL
    # s2t only: no Taiwanese vocabulary (s2twp: 信息 -> 資訊, 软件 -> 軟體).
    assert to_traditional("首都功能核心区，推动信息技术和软件") == "首都功能核心區，推動信息技術和軟件"
    # Phrases decide the one-to-many characters.
    assert to_traditional("头发和发展") == "頭髮和發展"


def test_html_text_is_converted_but_tags_attributes_and_urls_are_not():
    html = '<p class="说明">发展<a href="https://zh.wikipedia.org/wiki/人工智能发展" title="链接">人工智能发展</a> &amp; 产业</p>'
    assert traditional_html(html) == (
        '<p class="说明">發展<a href="https://zh.wikipedia.org/wiki/人工智能发展" title="链接">'
        "人工智能發展</a> &amp; 產業</p>")


def test_escaped_markup_stays_escaped_markup():
    title = Markup("&lt;b&gt;公告&lt;/b&gt; 简体版")
    converted = traditional_html(title)
    assert isinstance(converted, Markup) and converted == Markup("&lt;b&gt;公告&lt;/b&gt; 簡體版")
    assert isinstance(to_traditional(Markup("简体")), Markup)


def test_nested_values_are_converted_into_new_containers():
    figures = [{"text": "2400家核心企业", "value": 2400.0, "unit": "家", "scale": 1.0, "counts": "核心企业"}]
    assert traditional_value(figures) == [
        {"text": "2400家核心企業", "value": 2400.0, "unit": "家", "scale": 1.0, "counts": "核心企業"}]
    assert figures[0]["text"] == "2400家核心企业", "the reader's metadata is not changed in place"
    assert traditional_value(("国补", 3, None)) == ("國補", 3, None)


TEXT = st.text(alphabet=st.sampled_from(list("发头后里干面云台只AZaz09 &;#\"'=/.-“”，。、《》（）")), max_size=30)
TAGS = st.builds(lambda name, value: f'<{name} href="{value}">', st.sampled_from(["a", "span", "/p"]), TEXT)


@given(st.lists(st.one_of(TEXT, TAGS), max_size=12))
def test_conversion_keeps_tags_and_every_non_cjk_character(parts):
    html = "".join(parts)
    out = traditional_html(html)
    tag = re.compile(r"<[^>]*>")
    assert tag.findall(out) == tag.findall(html)
    assert len(out) == len(html)
    assert CJK.sub("", out) == CJK.sub("", html)


def test_links_out_of_the_edition_reach_the_same_file_from_one_folder_deeper():
    editions = ["", "zh-hant", "en"]
    html = ('<a href="../en/index.html#top">英文版</a> <a href="../articles/a.html">文</a> '
            '<a href="https://example.org/x">外</a> <a href="/abs.html">根</a> <a href="#note">注</a> '
            '<img src="../../logo.png" alt=""> <a href="../zh-hant/">繁</a>')
    assert rebase_cross_edition_links(html, "pages", "", "zh-hant", editions) == (
        '<a href="../../en/index.html#top">英文版</a> <a href="../articles/a.html">文</a> '
        '<a href="https://example.org/x">外</a> <a href="/abs.html">根</a> <a href="#note">注</a> '
        '<img src="../../../logo.png" alt=""> <a href="../">繁</a>')
    # From a nested source edition: leaving it is what counts.
    assert rebase_cross_edition_links('<a href="../../pages/b.html">b</a>', "pages", "cn", "tw", ["cn", "tw"]) == \
        '<a href="../../pages/b.html">b</a>'
    assert rebase_cross_edition_links('<a href="../b.html">b</a>', "pages", "cn", "tw/x", ["cn", "tw/x"]) == \
        '<a href="../b.html">b</a>'


def test_editions_made_from_simplified():
    assert made_from("zh-hans", ["zh-hans", "zh-hant", "en"]) == {"zh-hant"}
    assert made_from("en", ["zh-hans", "zh-hant", "en"]) == set()


# ----------------------------------------------------------------- interface

def test_interface_catalog_is_derived_from_the_simplified_one():
    hant = interface_translations(str(ROOT / "theme" / "translations"), "zh-hant")
    assert hant.gettext("Key figures") == "關鍵數字"
    assert hant.gettext("Language") == "語言"
    assert hant.gettext("Summary") == "摘要"
    assert hant.ngettext("%(num)d min read", "%(num)d min read", 3) == "閱讀約 %(num)d 分鐘"
    assert hant.gettext("%(name)s (Atom feed)") == "%(name)s（Atom 訂閱）"
    assert not (ROOT / "theme" / "translations" / "zh_Hant").exists(), "one Chinese catalog to maintain"


def test_a_hand_written_traditional_catalog_wins(tmp_path):
    for locale, text in (("zh_Hans", "关键数字"), ("zh_Hant", "重要數據")):
        po = polib.POFile()
        po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
        po.append(polib.POEntry(msgid="Key figures", msgstr=text))
        (tmp_path / locale / "LC_MESSAGES").mkdir(parents=True)
        po.save(str(tmp_path / locale / "LC_MESSAGES" / "messages.po"))
    assert interface_translations(str(tmp_path), "zh-hant").gettext("Key figures") == "重要數據"
    shutil.rmtree(tmp_path / "zh_Hant")
    assert interface_translations(str(tmp_path), "zh-hant").gettext("Key figures") == "關鍵數字"


def test_dates_lists_and_tags_of_the_traditional_edition():
    assert date_formatter("zh-hant")(date(2026, 1, 23)) == "2026年1月23日"
    assert date_formatter("zh-hant")(date(2026, 1, 23), skeleton="yMMMM") == "2026年1月"
    assert join_names(["胡靜", "周露楠", "范明朋"], "zh-hant") == "胡靜、周露楠和范明朋"
    assert bcp47("zh-hant") == "zh-Hant"


# ----------------------------------------------------------------- the built site

class Site:
    def __init__(self, output: Path):
        self.output = output

    def html(self, rel: str) -> BeautifulSoup:
        return BeautifulSoup((self.output / rel).read_text(encoding="utf-8"), "lxml")

    def pages(self, edition: str) -> set[str]:
        """HTML pages of an edition, as paths inside it (nested editions and Pagefind left out)."""
        base = self.output / edition
        nested = [e for e in EDITIONS if e and e != edition]
        found = {p.relative_to(base).as_posix() for p in base.rglob("*.html") if not is_redirect(p)}
        return {p for p in found if not p.startswith(("pagefind/", "newsletter/", *nested))}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Site:
    tmp = tmp_path_factory.mktemp("hant")
    shutil.copytree(ROOT / "content", tmp / "content", ignore=shutil.ignore_patterns("articles"))
    pages = tmp / "content" / "pages"
    (pages / "notice.md").write_text(
        f"---\ntitle: '{NOTICE_TITLE}'\nslug: notice\nlang: zh-hans\n---\n\n简体中文的说明。\n", encoding="utf-8")
    (pages / "notice.zh-hant.md").write_text(
        "---\ntitle: 告示\nslug: notice\nlang: zh-hant\n---\n\n編輯親手寫的繁體說明。\n", encoding="utf-8")
    from pelican.settings import read_settings

    conf = read_settings(str(ROOT / "pelicanconf.py"))
    editions = [conf["EDITION_ZH_HANS"], conf["EDITION_ZH_HANT"], conf["EDITION_EN"]]
    return Site(build_site(tmp, DIGEST_EDITIONS=editions))




def _articles(site) -> list[str]:
    return sorted(p for p in site.pages("") if p.startswith("articles/"))


@pytest.mark.build
def test_every_article_has_its_traditional_page_at_the_same_path(site):
    articles = _articles(site)
    assert len(articles) == 4
    assert {p for p in site.pages("zh-hant/") if p.startswith("articles/")} == set(articles)
    titles = {site.html(f"zh-hant/{a}").find("article").h1.get_text() for a in articles}
    assert SEED_000_TRADITIONAL in titles and SEED_000_TITLE not in titles


@pytest.mark.build
def test_article_fields_are_the_simplified_ones_converted(site):
    for rel in _articles(site):
        hans, hant = site.html(rel), site.html(f"zh-hant/{rel}")
        for selector in ("article h1", ".byline", ".summary-points", ".figures", ".keywords",
                         ".story-head .topic-tag", ".story-body .prose"):
            a, b = hans.select_one(selector), hant.select_one(selector)
            if a is None:
                assert b is None, (rel, selector)
                continue
            assert b.get_text() == to_traditional(a.get_text()), (rel, selector)
        # Tags and attributes of the body are untouched: only its text changed.
        body = str(hans.select_one(".story-body .prose"))
        assert str(hant.select_one(".story-body .prose")) == traditional_html(body)
        assert hant.title.get_text() == to_traditional(hans.title.get_text())
        description = hant.find("meta", attrs={"name": "description"})["content"]
        assert description == to_traditional(hans.find("meta", attrs={"name": "description"})["content"])
        assert re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", hant.select_one(".byline time").get_text())
        jsonld = json.loads(hant.find("script", type="application/ld+json").string)
        assert jsonld["inLanguage"] == "zh-Hant" and jsonld["headline"] == hant.find("article").h1.get_text()


@pytest.mark.build
def test_seed_000_byline_and_a_word_without_a_traditional_form(site):
    rel = next(a for a in _articles(site) if SEED_000_TITLE in site.html(a).h1.get_text())
    soup = site.html(f"zh-hant/{rel}")
    byline = soup.select_one(".byline").get_text(" ")
    assert "任德輝" in byline and "中國新聞報" in byline
    assert "首都功能核心區" in soup.select_one(".prose").get_text()
    three = next(a for a in _articles(site) if a.startswith("articles/san-wei-yi-ti-zhan-lve-"))
    figures = site.html(f"zh-hant/{three}")
    assert "2400家核心企業" in figures.select_one(".figures").get_text()


@pytest.mark.build
def test_interface_site_name_and_topics_are_traditional(site):
    home = site.html("zh-hant/index.html")
    assert home.select_one(".site-name").get_text(strip=True) == "中文新聞摘要"
    assert home.select_one(".site-tagline").get_text(strip=True) == "每日中文新聞要點"
    assert home.select_one("nav.lang-switch")["aria-label"] == "語言"
    assert home.select_one("#latest-title").get_text() == "最新文章"
    for topic in {t.slug for t in DEFAULT_TOPICS} & {p[len("topics/"):-5] for p in site.pages("zh-hant/")}:
        name = next(t.name_zh for t in DEFAULT_TOPICS if t.slug == topic)
        assert site.html(f"zh-hant/topics/{topic}.html").h1.get_text() == to_traditional(name)
    assert site.html("zh-hant/topics/sewing-machinery.html").h1.get_text() == "縫製機械"


@pytest.mark.build
def test_pages_come_converted_unless_the_edition_has_its_own(site):
    about = site.html("zh-hant/pages/about.html")
    assert about.h1.get_text() == "關於本站" and about.html["lang"] == "zh-Hant"
    assert site.html("zh-hant/pages/notice.html").h1.get_text() == "告示"
    notice = site.html("pages/notice.html")
    assert notice.h1.get_text() == NOTICE_TITLE
    assert "<b>公告" not in (site.output / "zh-hant" / "pages" / "about.html").read_text(encoding="utf-8")
    assert not (site.output / "en" / "pages" / "notice.html").exists()
    english = about.select_one("main .prose a")  # about.md links the English edition relatively
    assert resolve_link("zh-hant/pages/about.html", english["href"]) == "en/index.html"
    assert not (site.output / "zh-hant" / "pages" / "notice-zh-hans.html").exists()


@pytest.mark.build
def test_html_lang_of_every_page_is_its_edition(site):
    for edition, (lang, _) in EDITIONS.items():
        for page in site.pages(edition):
            assert site.html(edition + page).html["lang"] == lang, edition + page


@pytest.mark.build
def test_switcher_lists_the_three_editions_and_leads_to_the_same_page(site):
    for edition, (lang, _) in EDITIONS.items():
        for page in site.pages(edition):
            here = edition + page
            items = site.html(here).select("nav.lang-switch li")
            assert [(i.find(lang=True)["lang"], i.get_text(strip=True)) for i in items] == list(EDITIONS.values())
            current = site.html(here).select("nav.lang-switch [aria-current]")
            assert [c["lang"] for c in current] == [lang] and current[0].name == "span", here
            for link in site.html(here).select("nav.lang-switch a"):
                other = next(e for e, (tag, _) in EDITIONS.items() if tag == link["hreflang"])
                expected = other + (page if page in site.pages(other) else "index.html")
                assert resolve_link(here, link["href"]) == expected, (here, link["href"])


@pytest.mark.build
def test_hreflang_alternates_are_reciprocal_across_the_editions(site):
    for edition in EDITIONS:
        for page in site.pages(edition):
            here = edition + page
            alternates = {l["hreflang"]: resolve_link(here, l["href"])
                          for l in site.html(here).find_all("link", rel="alternate", hreflang=True)}
            holders = {tag: e + page for e, (tag, _) in EDITIONS.items() if page in site.pages(e)}
            assert alternates == {**holders, "x-default": page}, here
            for target in holders.values():
                back = {resolve_link(target, l["href"])
                        for l in site.html(target).find_all("link", rel="alternate", hreflang=True)}
                assert here in back, (here, target)
    notice = {l["hreflang"] for l in site.html("zh-hant/pages/notice.html").find_all("link", hreflang=True)}
    assert notice == {"zh-Hans", "zh-Hant", "x-default"}


@pytest.mark.build
def test_traditional_feeds_parse_with_their_language(site):
    articles = _articles(site)
    for name in ("all.atom.xml", "all.rss.xml"):
        feed = feedparser.parse((site.output / "zh-hant" / "feeds" / name).read_bytes())
        assert not feed.bozo and feed.feed.language == "zh-Hant"
        assert feed.feed.title == "中文新聞摘要"
        assert len(feed.entries) == len(articles)
        assert SEED_000_TRADITIONAL in {e.title for e in feed.entries}
        assert all(e.link.startswith(f"{SITEURL}/zh-hant/articles/") for e in feed.entries)
    topic = feedparser.parse((site.output / "zh-hant" / "feeds" / "sewing-machinery.atom.xml").read_bytes())
    assert topic.feed.title == "中文新聞摘要 - 縫製機械" and topic.feed.language == "zh-Hant"


@pytest.mark.build
def test_sitemap_lists_the_traditional_pages_with_their_alternates(site):
    sitemap = (site.output / "sitemap.xml").read_text(encoding="utf-8")
    rel = _articles(site)[0]
    assert f"<loc>{SITEURL}/zh-hant/{rel}</loc>" in sitemap
    assert f'hreflang="zh-Hant" href="{SITEURL}/zh-hant/{rel}"' in sitemap


@pytest.mark.build
def test_traditional_edition_has_its_own_search_index(site):
    entry = json.loads((site.output / "zh-hant" / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert set(entry["languages"]) == {"zh-hant"}
    assert entry["languages"]["zh-hant"]["page_count"] == len(_articles(site))
    # Its search page does not merge the Simplified index (that one is for editions in another language).
    box = site.html("zh-hant/search.html").find(id="search")
    assert box is not None and not box.has_attr("data-merge-bundle")
    assert site.html("en/search.html").find(id="search").has_attr("data-merge-bundle")


@pytest.mark.build
@pytest.mark.browser
def test_search_in_the_traditional_edition_finds_traditional_pages(site, browser, serve):
    with serve(site.output) as server:
        page = browser.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(f"{server}/zh-hant/search.html?q=政協委員")
        page.wait_for_selector(".search-results a", timeout=10_000)
        links = page.locator(".search-results h2 a").all()
        found = {a.get_attribute("href"): a.inner_text() for a in links}
        page.close()
    assert errors == []
    assert all(url.startswith("/zh-hant/articles/") for url in found), found
    seed = next(url for url, title in found.items() if title == SEED_000_TRADITIONAL)
    assert (site.output / seed.lstrip("/")).is_file()
