"""The quick preview build's writer skips unchanged article pages only (plugins/digest_editions/preview.py)."""

from __future__ import annotations

import sys

from sitebuild import ROOT

sys.path.insert(0, str(ROOT / "plugins"))
from digest_editions.preview import PREVIEW_KEY, PreviewWriter, preview_writer  # noqa: E402


class FakePelican:
    def __init__(self, settings):
        self.settings = settings


def writer(selection):
    w = PreviewWriter.__new__(PreviewWriter)
    w.settings = {PREVIEW_KEY: selection} if selection is not None else {}
    return w


def test_only_changed_article_pages_are_rendered_again():
    w = writer({"new-slug-1a2b3c"})
    assert not w._skipped("articles/new-slug-1a2b3c.html")
    assert w._skipped("articles/other-9f8e7d.html")
    for page in ("index.html", "index2.html", "topics/tech.html", "keywords/ren-gong-zhi-neng.html",
                 "archives.html", "feeds/all.atom.xml", "pages/about.html", "search.html"):
        assert not w._skipped(page), page


def test_a_normal_build_writes_everything():
    assert not writer(None)._skipped("articles/other-9f8e7d.html")
    assert preview_writer(FakePelican({})) is None
    assert preview_writer(FakePelican({PREVIEW_KEY: set()})) is PreviewWriter
