"""Pelican plugin: the old URLs of articles whose title was corrected keep working.

``content/redirects.txt`` (kept by :mod:`digest.publish.permalinks`, committed)
lists ``old-slug new-slug``. After each edition's articles are written
(``article_writer_finalized``), every old slug whose article is published gets
a small page at the old address, rendered from the theme's ``redirect.html``:
``<meta http-equiv="refresh">`` to the article, ``rel=canonical`` naming it, and
``noindex``, so search engines move their link and the sitemap skips it. An old
slug that is a live article again, or whose article is gone, gets no page.
"""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals

from digest.publish.permalinks import REDIRECTS_FILE, read_redirects

log = logging.getLogger(__name__)


def redirect_pages(settings, articles) -> list[tuple[str, object]]:
    """``[(save_as of the old address, target article), ...]`` for this edition."""
    by_slug = {str(a.slug): a for a in articles}
    pages = []
    for old, new in sorted(read_redirects(Path(settings["PATH"]) / REDIRECTS_FILE).items()):
        target = by_slug.get(new)
        if target is None or old in by_slug:
            continue
        pages.append((settings["ARTICLE_SAVE_AS"].format(**{**target.url_format, "slug": old}), target))
    return pages


def write_redirects(generator, writer) -> None:
    pages = redirect_pages(generator.settings, generator.articles)
    if not pages:
        return
    template = generator.get_template("redirect")
    for save_as, target in pages:
        writer.write_file(save_as, template, generator.context, target=target,
                          relative_urls=generator.settings.get("RELATIVE_URLS"))
    log.info("digest_redirects: %d old article URL(s) redirect to their article", len(pages))


def register():
    signals.article_writer_finalized.connect(write_redirects)
