"""Article lists have one order, whatever order Pelican reads the files in."""

from __future__ import annotations

import itertools
from datetime import datetime, timezone
from pathlib import Path
from types import SimpleNamespace

from digest.site.order import newest_first

ROOT = Path(__file__).resolve().parents[2]


def article(day: int, seed: str, slug: str) -> SimpleNamespace:
    return SimpleNamespace(date=datetime(2025, 9, day, tzinfo=timezone.utc), source_file=seed,
                           source_path=f"/any/clone/content/articles/{slug}.md", slug=slug)


def test_newest_first_then_seed_then_slug_from_any_reading_order():
    articles = [article(25, "003_b.txt", "san"), article(25, "003_b.txt", "guo"),
                article(25, "000_a.txt", "zzz"), article(26, "009_c.txt", "new"),
                article(24, "000_a.txt", "old")]
    orders = {tuple(a.slug for a in sorted(p, key=newest_first)) for p in itertools.permutations(articles)}
    assert orders == {("new", "zzz", "guo", "san", "old")}


def test_the_site_sorts_articles_with_it():
    from pelican.settings import read_settings

    assert read_settings(str(ROOT / "pelicanconf.py"))["ARTICLE_ORDER_BY"] is newest_first
