"""The incremental preview re-renders, from the site kept in memory, only the pages
that show a changed article (plugins/digest_editions/incremental.py, issue 16)."""

from __future__ import annotations

import re
import shutil
import sys

import pytest
from pelican import signals

from sitebuild import ROOT, SEEDS, build_site

sys.path.insert(0, str(ROOT / "plugins"))
from digest_editions.incremental import SiteModel, Unsupported  # noqa: E402
from digest_editions.preview import SERVE_KEY  # noqa: E402

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """Four seeds, one article per home page, so the home page has several pages."""
    tmp = tmp_path_factory.mktemp("incremental")
    seeds = tmp / "seeds"
    seeds.mkdir()
    for path in sorted(SEEDS.glob("*.txt"))[:4]:
        shutil.copy(path, seeds)
    model = SiteModel()
    signals.all_generators_finalized.connect(model.capture)
    try:
        output = build_site(tmp, seeds, DEFAULT_PAGINATION=1, **{SERVE_KEY: True})  # as serve.py builds
    finally:
        signals.all_generators_finalized.disconnect(model.capture)
    model.build_done(str(output))
    assert len(model.generators) == 2  # one per edition, both in this process
    return tmp, output, model


def snapshot(output):
    return {p.relative_to(output).as_posix(): p.read_bytes() for p in output.rglob("*") if p.is_file()}


def test_a_retitled_page_is_rewritten_where_it_is_shown_and_nowhere_else(site):
    tmp, output, model = site
    pages = sorted((tmp / "content" / "articles").glob("*.md"))
    page = pages[len(pages) // 2]
    text = page.read_text(encoding="utf-8")
    slug = re.search(r"^slug: *(\S+)", text, re.M).group(1)
    title = re.search(r"^title: *(.+)$", text, re.M).group(1)
    before = snapshot(output)
    page.write_text(text.replace(f"title: {title}", "title: 编辑改过的标题"), encoding="utf-8")

    written = model.refresh([page])

    after = snapshot(output)
    changed = {name for name in after if after[name] != before.get(name)}
    assert {f"articles/{slug}.html", f"en/articles/{slug}.html"} <= changed
    for name in (f"articles/{slug}.html", f"en/articles/{slug}.html", "archives.html"):
        assert "编辑改过的标题" in after[name].decode("utf-8"), name
    homes = [n for n in after if re.fullmatch(r"index\d*\.html", n)]
    assert len(homes) > 2
    shown = [n for n in homes if "编辑改过的标题" in after[n].decode("utf-8")]
    assert len(shown) == 1 and shown[0] in changed
    assert not changed & (set(homes) - set(shown)), "home pages without the article are left alone"
    assert not any(n.startswith(("pagefind/", "sitemap")) for n in changed)
    assert sorted(str(p) for p in output.rglob("*.tmp")) == []
    assert len(written) == len(changed)


def test_a_change_of_topic_is_left_to_a_build(site):
    tmp, output, model = site
    page = sorted((tmp / "content" / "articles").glob("*.md"))[0]
    text = page.read_text(encoding="utf-8")
    topic = re.search(r"^topic: *(\S+)", text, re.M).group(1)
    other = "ai-policy" if topic != "ai-policy" else "other"
    page.write_text(text.replace(f"topic: {topic}", f"topic: {other}"), encoding="utf-8")
    with pytest.raises(Unsupported, match="category"):
        model.refresh([page])
    assert model.generators == []  # forgotten: the next change goes to a build
    with pytest.raises(Unsupported):
        model.refresh([page])
