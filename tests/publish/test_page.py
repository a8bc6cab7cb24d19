"""Markdown pages: seed text stays text, front matter round-trips, edits are detected."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from digest.model import Article, Block, KeyFigure
from digest.publish.page import escape_markdown, page_state, render_page, split_page

MD = MarkdownIt("commonmark", {"html": False})


def article(**kw) -> Article:
    base = dict(source_file="s.txt", title="标题", blocks=[Block("小标题", heading=True), Block("正文。")],
                authors=["任德辉"], source="中国新闻报", date=date(2026, 1, 23), topic="ai-policy",
                summary=["正文。"], key_figures=[KeyFigure("3000亿元", 3000, "元", 1e8)],
                keywords=["人工智能"], slug="biao-ti-abc123")
    base.update(kw)
    return Article(**base)


def test_markup_in_seed_text_renders_as_text():
    raw = '<script>alert(1)</script> [x](javascript:alert(1)) ![i](x.png) **b** # h {{ x }}'
    html = MD.render(escape_markdown(raw))
    assert "<script>" not in html and "<a " not in html and "<img" not in html
    assert "<strong>" not in html and "<h1>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "[x](javascript:alert(1))" in html


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=80))
def test_escaped_text_renders_to_one_paragraph_of_the_same_text(text):
    from html import unescape

    escaped = escape_markdown(text)
    html = MD.render(escaped)
    if not " ".join(text.split()):
        return
    assert html.startswith("<p>") and html.endswith("</p>\n")
    assert unescape(html[3:-5]) == " ".join(text.split())


def test_front_matter_round_trips_and_hostile_titles_stay_strings():
    for title in ["---", "Title: x", "a: b\nc: d", "{{ 7*7 }}", "- list", "'quoted'", "null"]:
        meta, body = split_page(render_page(article(title=title)))
        assert meta["title"] == title
    meta, body = split_page(render_page(article()))
    assert meta["authors"] == ["任德辉"] and meta["source"] == "中国新闻报"
    assert meta["date"] == "2026-01-23" and meta["topic"] == "ai-policy"
    assert meta["key_figures"][0]["text"] == "3000亿元"
    assert body == "\n## 小标题\n\n正文。\n"


def test_page_state_tells_generated_edited_and_manual_apart():
    text = render_page(article())
    assert page_state(text) == "generated"
    assert page_state(text.replace("正文。", "编辑改过的正文。")) == "edited"
    assert page_state("---\ntitle: about\n---\n\nhello\n") == "manual"


def test_front_matter_states_modified_only_when_the_text_changed():
    meta, _ = split_page(render_page(article(permalink_id="a8f17a4df1f65b00")))
    assert "modified" not in meta and meta["permalink_id"] == "a8f17a4df1f65b00"
    meta, _ = split_page(render_page(article(modified=date(2026, 2, 1))))
    assert meta["date"] == "2026-01-23" and meta["modified"] == "2026-02-01"
