"""Bring the pages of a few changed seeds up to date without going through every seed.

Why: the preview server shows an edit in under a second; :func:`digest.publish.sync.sync_seeds`
reads every seed, its cache entry and every page to settle slugs across the site.
When an edited seed still has the same articles under the same titles (the
usual typo fix), its pages keep their slugs, ids and dates, so settling that
seed alone gives what the whole-site settle would. Anything else (an article
added, removed or retitled; a seed added or deleted) returns ``None``, and the
caller runs the whole sync.
"""

from __future__ import annotations

from pathlib import Path

from digest.pipeline import ConvertOptions
from digest.publish.page import render_page
from digest.publish.permalinks import RECORDS_FILE, article_keys, read_records, same_title, seed_of, settle
from digest.publish.slug import make_slug
from digest.publish.store import PAGE_SUFFIX, store_pages
from digest.publish.sync import SyncReport, convert_seeds


def same_articles(articles, records, pages_dir: Path) -> bool:
    """Whether ``articles`` (one seed's, in order) are the ones that seed's pages
    now hold: as many, at the same places, under the same titles."""
    keys = article_keys(articles)
    name = articles[0].source_file
    live = {r.key: r for r in records if seed_of(r.key) == name
            and (pages_dir / f"{r.slug}{PAGE_SUFFIX}").is_file()}
    return sorted(live) == sorted(keys) and all(
        same_title(live[key], make_slug(article.title)) for article, key in zip(articles, keys))


def resync_seeds(seeds: list[Path], seeds_dir: Path, pages_dir: Path, *, options: ConvertOptions,
                 cache_dir: Path | None = None, force: bool = False,
                 lang: str = "zh-hans") -> SyncReport | None:
    """Convert ``seeds`` (existing files of ``seeds_dir``) and rewrite their pages;
    ``None`` when that is not enough (see the module): nothing is written then."""
    if not seeds or any(not p.is_file() or p.parent.resolve() != seeds_dir.resolve() for p in seeds):
        return None
    report = convert_seeds(sorted(seeds), options, cache_dir, jobs=1)
    if report.errors or report.duplicates or not report.articles:
        return None
    records = read_records(pages_dir.parent / RECORDS_FILE)
    for name in {a.source_file for a in report.articles}:
        if not same_articles([a for a in report.articles if a.source_file == name], records, pages_dir):
            return None
    report.permalinks = settle(report.articles, pages_dir.parent, seeds_dir)
    pages = {a.slug: render_page(a, lang) for a in report.articles}
    report.store = store_pages(pages, pages_dir, force=force, prune=False)
    return report
