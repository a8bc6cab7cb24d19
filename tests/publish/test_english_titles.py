"""Titles with ASCII ``' " < > &`` are translated like any other (issue 11, defect 12).

The reader HTML-escapes titles, as Pelican treats titles as HTML; the catalog
holds the text an editor sees."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from markupsafe import Markup, escape

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "plugins"))

from digest.english.catalog import TranslationCatalog  # noqa: E402
from digest_i18n.english import annotate  # noqa: E402


@pytest.mark.parametrize("title_zh, title_en", [
    ("“AI & 实体经济”论坛", "'AI & the real economy' forum"),
    ('<新>政策"解读"', '<New> policy "explained"'),
    ("A股'回暖'", "A-shares 'recover'"),
])
def test_a_title_with_html_characters_is_translated_and_stays_text(title_zh, title_en):
    catalog = TranslationCatalog({title_zh: title_en, "第一句。": "First."})
    article = SimpleNamespace(title=escape(title_zh), metadata={"title": escape(title_zh)},
                              summary_sentences=["第一句。"])
    annotate(article, catalog, english_edition=True)
    assert article.translated is True
    assert article.title_en == title_en
    assert article.title == escape(title_en) and isinstance(article.title, Markup)
    assert article.title_zh == escape(title_zh)
