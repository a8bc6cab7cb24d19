"""The English edition and search as a reader meets them, in headless Chromium:
type, line breaks at a phone's width, and searches a reader would type."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.build]

CJK_FONT_WORDS = ("CJK", "Han Sans", "PingFang", "Hiragino", "YaHei", "JhengHei")


@pytest.fixture(scope="module")
def server(site, serve):
    with serve(site) as url:
        yield url


@pytest.fixture
def page_options():
    return {"viewport": {"width": 390, "height": 844}}  # a phone's


def rendered_fonts(page, selector: str) -> list[str]:
    """The fonts Chromium actually drew the element's text with (not the CSS list)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return [f["familyName"] for f in sorted(fonts, key=lambda f: -f["glyphCount"])]


def an_english_article(page, server) -> None:
    page.goto(f"{server}/en/index.html")
    page.locator("main article h2 a").first.click()
    page.wait_for_load_state()


def test_english_title_is_set_in_a_latin_font_and_chinese_in_a_cjk_one(page, server):
    an_english_article(page, server)
    assert page.locator("html").get_attribute("lang") == "en"
    css_first = page.eval_on_selector("h1", "e => getComputedStyle(e).fontFamily.split(',')[0]")
    assert not any(w.lower() in css_first.lower() for w in CJK_FONT_WORDS), css_first
    drawn = rendered_fonts(page, "h1")
    assert drawn and not any(w in drawn[0] for w in CJK_FONT_WORDS), drawn
    if page.locator(".original-title [lang='zh-Hans']").count():
        chinese = rendered_fonts(page, ".original-title [lang='zh-Hans']")
        assert any(w in chinese[0] for w in CJK_FONT_WORDS), chinese


def test_curly_quotes_in_english_take_latin_glyphs(page, server):
    """A title quoting “…” must not draw the quotes from the CJK font (full-width gaps)."""
    page.goto(f"{server}/en/index.html")
    quoted = page.locator("main article h2 a", has_text="“")
    if not quoted.count():
        pytest.skip("no English title with curly quotes in the seeds")
    quoted.first.click()
    page.wait_for_load_state()
    assert not any(any(w in f for w in CJK_FONT_WORDS) for f in rendered_fonts(page, "h1"))


WORD_BREAK_CHECK = """
(selector) => {
  // Every word of each element must sit on one rendered line: a Chinese label has
  // no spaces, so the whole label must; Latin labels may wrap at spaces.
  const broken = [];
  for (const el of document.querySelectorAll(selector)) {
    const text = el.textContent;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    for (const node of nodes) {
      const re = /\\S+/g;
      let m;
      while ((m = re.exec(node.data))) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (tops.size > 1) broken.push(m[0]);
      }
    }
  }
  return broken;
}
"""

LABELS = ".topic-tag, .topic-index a, .keywords li, .glossary td:first-child, .badge, .topic-card h2, .rail-topic h2"


@pytest.mark.parametrize("edition", ["", "en/"])
def test_no_label_or_keyword_breaks_inside_a_word_at_390px(page, server, edition):
    urls = [f"{server}/{edition}index.html", f"{server}/{edition}topics/index.html"]
    page.goto(urls[0])
    urls += [a.get_attribute("href") for a in page.locator("main article h2 a").all()]
    checked = 0
    for url in urls:
        page.goto(url if url.startswith("http") else f"{server}/{edition}{url.lstrip('./')}")
        checked += page.locator(LABELS).count()
        assert page.evaluate(WORD_BREAK_CHECK, LABELS) == [], url
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), url
    assert checked > 10
    assert page.errors == []


def test_titles_wrap_balanced(page, server):
    page.goto(f"{server}/index.html")
    page.locator("main article h2 a").first.click()
    page.wait_for_load_state()
    assert page.eval_on_selector("h1", "e => getComputedStyle(e).textWrap || getComputedStyle(e).textWrapStyle") \
        in ("balance", "wrap balance")


def search(page, url: str, query: str) -> list[str]:
    page.goto(url)
    page.fill("#search-q", query)
    page.wait_for_function("q => { const s = document.querySelector('.search-status').textContent;"
                           " return s.includes(q) && !s.endsWith('…'); }", arg=query, timeout=15_000)
    return [a.get_attribute("href") for a in page.locator(".search-results h2 a").all()]


def topic_articles(page, server, topic: str) -> set[str]:
    page.goto(f"{server}/topics/{topic}.html")
    return {"/articles/" + a.get_attribute("href").rsplit("/", 1)[-1] for a in page.locator("main article h2 a").all()}


def test_taiwan_form_finds_both_ai_articles_on_the_chinese_search_page(page, server):
    ai = topic_articles(page, server, "ai-policy")
    assert len(ai) == 2
    found = search(page, f"{server}/search.html", "人工智慧")
    assert ai <= set(found), found
    marks = page.locator(".search-results mark").all_inner_texts()
    assert marks and set(marks) == {"人工智能"}, marks  # the whole word, in its Simplified form
    assert page.errors == []


def test_english_search_for_hash_rate_finds_nothing(page, server):
    assert search(page, f"{server}/en/search.html", "hash rate") == []
    assert page.errors == []


def test_highlights_are_whole_words_and_snippets_hold_them(page, server):
    found = search(page, f"{server}/search.html", "算力")
    assert found
    for item in page.locator(".search-results li").all():
        snippet = item.locator("p").inner_text()
        assert "算力" in snippet
        assert set(item.locator("mark").all_inner_texts()) == {"算力"}
        assert ". " not in snippet  # Pagefind's joints become Chinese punctuation
    search(page, f"{server}/en/search.html", "AI")
    for mark in page.locator(".search-results mark").all_inner_texts():
        assert mark.upper() == "AI"


def test_chinese_query_on_english_pages_shows_english_titles(page, server):
    found = search(page, f"{server}/en/search.html", "人工智能")
    assert found and all(u.startswith("/en/articles/") for u in found)
    for title in page.locator(".search-results h2 a").all_inner_texts():
        assert title.isascii() or "“" in title, title


def test_language_switch_keeps_the_query(page, server):
    search(page, f"{server}/search.html", "人工智能")
    page.locator(".lang-switch a[hreflang='en']").click()
    page.wait_for_load_state()
    assert "/en/search.html" in page.url and page.input_value("#search-q") == "人工智能"
    page.wait_for_selector(".search-results li")
