"""Seed text is never markup: hostile seeds build into a site where nothing runs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup

from sitebuild import is_redirect


pytestmark = pytest.mark.build

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

#: OWASP filter-evasion kinds, one per line of running text, plus Markdown,
#: Jinja and front-matter look-alikes.
VECTORS = [
    "<script>alert('xss')</script>",
    "<img src=x onerror=alert(1)>",
    "<svg/onload=alert(2)>",
    "<a href=\"javascript:alert(3)\">点我</a>",
    "<iframe src=\"javascript:alert(4)\"></iframe>",
    "<body onload=alert(5)>",
    "<IMG SRC=JaVaScRiPt:alert(6)>",
    "<scr<script>ipt>alert(7)</script>",
    "\"><script>alert(8)</script>",
    "[点我](javascript:alert(9))",
    "![图](javascript:alert(10))",
    "<details open ontoggle=alert(11)>",
    "{{ 7*7 }} {% for x in range(3) %}循环{% endfor %}",
]

HOSTILE_SEED = "\n".join([
    "<script>alert('title')</script>恶意标题测试",
    "本报记者 张三",
    *[f"这是第{i}段正文，其中包含可疑内容{v}，读者应当看到原样文字而不是执行结果。" for i, v in enumerate(VECTORS)],
    "Title: 伪造的标题",
    "---",
    "# 不是标题",
    "这是最后一段正文，用来结束这篇文章，并且保证文章有足够的长度被识别为正文内容。",
])


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory, builder) -> Path:
    tmp = tmp_path_factory.mktemp("hostile")
    seeds = tmp / "seeds"
    seeds.mkdir()
    (seeds / "hostile.txt").write_text(HOSTILE_SEED, encoding="utf-8")
    shutil.copy(SEEDS / "000_f5b23160764b9db6.txt", seeds)
    return builder(tmp, seeds=seeds)


def hostile_pages(site: Path) -> list[Path]:
    return [p for p in site.rglob("*.html") if "可疑内容" in p.read_text(encoding="utf-8")]


def test_vectors_are_shown_as_text_in_html(hostile_site):
    pages = hostile_pages(hostile_site)
    assert pages, "the hostile article was not published"
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(True):
            assert not any(a.lower().startswith("on") for a in tag.attrs), (page, tag)
            for attr in ("href", "src"):
                assert not str(tag.get(attr, "")).strip().lower().startswith("javascript:"), (page, tag)
        assert not soup.find_all("iframe")
        assert not soup.find_all("img", src="x")
        for script in soup.find_all("script"):
            if script.get("type") == "application/ld+json":
                json.loads(script.string)  # data, and it parses: tojson escaped every "<"
                assert "<" not in script.string
            else:
                assert "alert" not in script.get_text()
    # the hostile article's own page (not a page that links to it as a related article)
    article = next(p for p in pages if "/articles/" in p.as_posix() and "/en/" not in p.as_posix()
                   and "可疑内容" in BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser").title.get_text())
    text = BeautifulSoup(article.read_text(encoding="utf-8"), "html.parser").get_text()
    assert "<script>alert('xss')</script>" in text
    assert "{{ 7*7 }}" in text and "49" not in text


def test_vectors_stay_text_in_feeds(hostile_site):
    for feed_file in (hostile_site / "feeds").glob("all.*.xml"):
        feed = feedparser.parse(feed_file.read_bytes(), sanitize_html=False)
        for entry in feed.entries:
            for html in [entry.get("summary", "")] + [c.value for c in entry.get("content", [])]:
                soup = BeautifulSoup(html, "html.parser")
                assert not soup.find_all(["script", "img", "svg", "iframe"]), feed_file
        titles = [e.title for e in feed.entries]
        assert any("<script>" in t for t in titles), titles  # shown as text, not stripped


def test_vectors_stay_text_in_digest_pages_feeds_and_email(hostile_site):
    """The period pages, their feeds and the email copies show seed text as text too."""
    pages = [p.relative_to(hostile_site).as_posix() for p in hostile_pages(hostile_site)]
    for kind in ("digest/", "en/digest/", "newsletter/zh-hans/", "newsletter/en/"):
        assert any(p.startswith(kind) for p in pages), (kind, pages)  # and checked above
    for feed_file in (hostile_site / "feeds").glob("digest-*.xml"):
        feed = feedparser.parse(feed_file.read_bytes(), sanitize_html=False)
        assert not feed.bozo, feed_file
        for entry in feed.entries:
            for html in [entry.get("summary", "")] + [c.value for c in entry.get("content", [])]:
                soup = BeautifulSoup(html, "html.parser")
                assert not soup.find_all(["script", "img", "svg", "iframe"]), feed_file
                assert all(a["href"].startswith("http") for a in soup.find_all("a")), feed_file
    texts = list((hostile_site / "newsletter").rglob("*.txt"))
    assert texts
    for text_file in texts:
        text = text_file.read_text(encoding="utf-8")
        if "可疑内容" in text:  # the plain-text part: the seed's characters, not HTML entities
            assert any(v in text for v in VECTORS if "<" in v) and "&lt;" not in text, text_file


def test_no_dialog_opens_in_a_browser(hostile_site, browser):
    dialogs: list[str] = []
    page = browser.new_page()
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for html in hostile_pages(hostile_site):
        page.goto(html.as_uri())
        page.wait_for_timeout(50)
    page.close()
    assert dialogs == []


def test_bad_seeds_are_skipped_and_strict_mode_fails_the_build(tmp_path, caplog, builder):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEEDS / "000_f5b23160764b9db6.txt", seeds)
    (seeds / "empty.txt").write_bytes(b"")
    (seeds / "random.txt").write_bytes(bytes((i * 7919) % 256 for i in range(5000)))
    with open(seeds / "huge.txt", "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    (seeds / "undecodable.txt").write_bytes(("中文".encode("gbk") + b"\x80\xff") * 50)
    (seeds / "headings.txt").write_text("目录\n第一版 要闻\n第二版 经济\n", encoding="utf-8")
    (seeds / "links.html").write_text("<html><body><nav><a href='/'>首页</a></nav></body></html>",
                                      encoding="utf-8")
    output = builder(tmp_path, seeds=seeds)
    assert len([p for p in (output / "articles").glob("*.html") if not is_redirect(p)]) == 1
    logged = "\n".join(r.getMessage() for r in caplog.records)
    for name in ("empty.txt", "random.txt", "huge.txt", "undecodable.txt", "headings.txt", "links.html"):
        assert f"digest: {name}: " in logged, name
    assert "Traceback" not in logged

    from digest_seeds import SeedErrors

    with pytest.raises(SeedErrors, match="6 seed"):
        builder(tmp_path / "strict", seeds=seeds, DIGEST_STRICT=True)
