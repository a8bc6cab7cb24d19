"""`make serve` (scripts/serve.py): answers during rebuilds, watches seeds and hand edits
of generated pages, and swaps in complete sites only (issue 11, defects 7 and 9).

The server runs as a real process on a free port; every wait polls over HTTP
with a generous deadline, never a fixed sleep (``scripts/serve_client.py``, shared
with the benchmark)."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from sitebuild import ROOT, SEEDS

sys.path.insert(0, str(ROOT / "scripts"))

from serve_client import build_state, get, idle, running_server, wait_for  # noqa: E402

pytestmark = pytest.mark.build

INCREMENTAL_TITLE = "增量预览测试文章"


def preview_seed(version: str, title: str = "预览服务器测试文章") -> str:
    return "\n".join([
        title,
        "本报记者 王明",
        f"这是一篇用于测试预览服务器的文章，当前内容是{version}，编辑修改后页面应当很快更新。",
        "第二段正文说明预览服务器在重建期间继续提供上一次完整构建的网站，读者不会看到缺页。",
        "第三段正文补充一些文字，保证文章有足够的长度被识别为正文内容，并生成摘要和关键词。",
    ])


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    project = tmp_path_factory.mktemp("serve")
    shutil.copytree(ROOT / "content", project / "content", ignore=shutil.ignore_patterns("articles"))
    for name in ("theme", "plugins"):
        (project / name).symlink_to(ROOT / name)
    shutil.copy(ROOT / "pelicanconf.py", project)
    (project / "seeds").mkdir()
    shutil.copy(SEEDS / "000_f5b23160764b9db6.txt", project / "seeds")
    (project / "seeds" / "preview.txt").write_text(preview_seed("第一版本"), encoding="utf-8")
    (project / "seeds" / "incremental.txt").write_text(preview_seed("甲版本", INCREMENTAL_TITLE), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    log = project / "serve.log"  # the server's output, to read when a test fails
    try:
        with running_server(project, log, env) as (_, url):
            yield project, url
    finally:
        print(log.read_text(encoding="utf-8")[-3000:])  # shown by pytest when a test failed


def status(url: str) -> dict:
    state = build_state(url)
    assert state is not None, "the server did not answer its build state"
    return state


def article_url(project: Path, url: str, marker: str) -> str:
    for page in sorted((project / "output" / "articles").glob("*.html")):
        if marker in page.read_text(encoding="utf-8"):
            return f"{url}/articles/{page.name}"
    return ""


def test_a_missing_page_gets_the_edition_not_found_page(server):
    project, url = server
    wait_for(lambda: status(url)["generation"] >= 1, "the first build")
    for path, lang in (("/articles/no-such-page.html", "zh-Hans"), ("/en/articles/no-such-page.html", "en"),
                       ("/en/no/such/folder/", "en")):
        code, html = get(url + path)
        assert code == 404 and f'<html lang="{lang}"' in html, path


def test_edit_seed_then_hand_edit_page_each_reloads_and_site_stays_whole(server):
    project, url = server
    wait_for(lambda: status(url)["generation"] >= 1, "the first build")
    page = wait_for(lambda: article_url(project, url, "第一版本"), "the article page")
    code, html = get(page)
    assert code == 200 and "/__digest/reload.js" in html  # the page reloads itself

    # 1. An editor changes one sentence of a seed. (The slug may change with the
    # text, so the new page is looked up again; the other article's page stays.)
    generation = status(url)["generation"]
    other = wait_for(lambda: article_url(project, url, "王明") and next(
        f"{url}/articles/{p.name}" for p in (project / "output" / "articles").glob("*.html")
        if "第一版本" not in p.read_text(encoding="utf-8")), "the other article")
    (project / "seeds" / "preview.txt").write_text(preview_seed("第二版本"), encoding="utf-8")
    answers = []

    def updated():
        for path in (other, url + "/en/index.html", url + "/index.html", url + "/en/" + other[len(url) + 1:],
                     url + "/pagefind/pagefind-entry.json", url + "/sitemap.xml"):
            answers.append(get(path)[0])
        new = article_url(project, url, "第二版本")
        return new if new and "第二版本" in get(new)[1] else ""

    page = wait_for(updated, "the page to show the edited seed")
    assert set(answers) == {200}, "the server answered an error during the rebuild"
    wait_for(lambda: status(url)["generation"] > generation, "the reload signal")
    # The quick build is followed by a full one (search index, every page).
    wait_for(lambda: not status(url)["full_due"] and not status(url)["building"], "the full rebuild")
    assert "第二版本" in get(page)[1]
    assert get(url + "/pagefind/pagefind-entry.json")[0] == 200

    # 2. A hand edit of the generated page (defect 9).
    generation = status(url)["generation"]
    md = next(p for p in (project / "content" / "articles").glob("*.md")
              if "第二版本" in p.read_text(encoding="utf-8"))
    text = md.read_text(encoding="utf-8")
    md.write_text(text.replace("title: 预览服务器测试文章", "title: 编辑手改的标题"), encoding="utf-8")
    wait_for(lambda: "编辑手改的标题" in get(page)[1], "the page to show the hand edit")
    wait_for(lambda: status(url)["generation"] > generation, "the reload signal")
    assert "编辑手改的标题" in md.read_text(encoding="utf-8"), "the build kept the hand edit"


def test_seed_edit_and_title_hand_edit_are_shown_before_any_full_build(server):
    """Issue 16: the kept site re-renders the article page in both editions and the
    list pages holding it (kind "incremental"); the full build only follows."""
    project, url = server
    wait_for(lambda: idle(url), "the first build")
    page = wait_for(lambda: article_url(project, url, "甲版本"), "the article page")
    path = page[len(url):]
    before = status(url)["builds"]
    seed = project / "seeds" / "incremental.txt"
    seed.write_text(preview_seed("乙版本", INCREMENTAL_TITLE), encoding="utf-8")
    wait_for(lambda: "乙版本" in get(page)[1], "the page to show the edited seed")
    # the editions' pages are written one after the other: poll the second too
    wait_for(lambda: "乙版本" in get(url + "/en" + path)[1], "the English edition's page")
    after = wait_for(lambda: status(url)["builds"] != before and status(url)["builds"], "the build to end")
    assert after.get("incremental", 0) == before.get("incremental", 0) + 1
    assert after.get("full") == before.get("full") and after.get("quick") == before.get("quick")

    wait_for(lambda: idle(url), "the full build after the edit")
    before = status(url)["builds"]
    md = next(p for p in (project / "content" / "articles").glob("*.md")
              if "乙版本" in p.read_text(encoding="utf-8"))
    text = md.read_text(encoding="utf-8")
    md.write_text(text.replace(f"title: {INCREMENTAL_TITLE}", "title: 增量手改标题"), encoding="utf-8")
    wait_for(lambda: "增量手改标题" in get(url + "/index.html")[1], "the home page to list the title")
    after = wait_for(lambda: status(url)["builds"] != before and status(url)["builds"], "the build to end")
    assert "增量手改标题" in get(page)[1] and "增量手改标题" in get(url + "/archives.html")[1]
    assert after.get("incremental", 0) == before.get("incremental", 0) + 1
    assert after.get("full") == before.get("full")


def test_a_change_the_kept_site_cannot_take_falls_back_to_a_build(server):
    """A new title gives the article a new slug: the incremental path gives up and
    a quick build shows the article at its new address."""
    project, url = server
    wait_for(lambda: idle(url), "the previous builds")
    before = status(url)["builds"]
    seed = project / "seeds" / "incremental.txt"
    seed.write_text(preview_seed("丙版本", "增量预览改名文章"), encoding="utf-8")
    page = wait_for(lambda: article_url(project, url, "丙版本"), "the page at its new address")
    wait_for(lambda: "丙版本" in get(page)[1], "the page to be served")
    wait_for(lambda: status(url)["builds"].get("quick", 0) > before.get("quick", 0), "the quick build")
    assert status(url)["builds"].get("incremental", 0) == before.get("incremental", 0)


def test_the_client_reads_the_address_line_and_waits_by_deadline():
    from serve import ADDRESS, ADDRESS_LINE

    line = ADDRESS_LINE.format(output="output", url="http://127.0.0.1:41234") + "\n"
    assert ADDRESS.search("serve: no site yet\n" + line).group(1) == "http://127.0.0.1:41234"
    calls = []
    with pytest.raises(TimeoutError, match="the answer"):
        wait_for(lambda: calls.append(1), "the answer", deadline_s=0.05)
    assert len(calls) >= 2  # polled, not tried once
    assert wait_for(lambda: len(calls) > 2 and "yes", "a value") == "yes"
