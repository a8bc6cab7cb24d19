"""Related articles stay linear when a keyword is in nearly every article (issue 16)."""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from types import SimpleNamespace

from sitebuild import ROOT

sys.path.insert(0, str(ROOT / "plugins"))
from digest_reading import RELATED_SCAN, RelatedIndex  # noqa: E402


def test_a_keyword_in_every_article_costs_a_bounded_number_of_comparisons():
    start = datetime(2025, 1, 1)
    pool = [SimpleNamespace(slug=f"a{i:05d}", date=start + timedelta(hours=i),
                            keywords=["人工智能", "AI", f"词{i % 50}"], category="tech")
            for i in range(3000)]
    index = RelatedIndex(pool)
    for article in pool:
        related = index.related(article)
        assert len(related) == 3 and article not in related
    # Each article looks at most at RELATED_SCAN articles per keyword and topic:
    # the work per article does not grow with the site.
    assert index.examined <= len(pool) * 4 * RELATED_SCAN
    newest = pool[-1]
    # Sharing all three keywords and the topic beats sharing two; newer first among equals.
    assert [a.slug for a in index.related(newest)] == ["a02949", "a02899", "a02849"]
