"""The order of article lists (home, archives, topics, keywords, feeds): newest first,
and among articles of the same date, by seed file name (editors number them), then slug.

Pelican reads the content folder into a ``set`` and sorts by date only, so articles of
the same day came out in an order that changed from one build to the next (string
hashing is randomised per process): two builds of the same commit differed in the
home page, the archives and the feeds. A total order makes the output reproducible.
"""

from __future__ import annotations

import os


def newest_first(article) -> tuple:
    """Sort key for Pelican's ``ARTICLE_ORDER_BY``: date descending, then seed file,
    then the page's file name (its slug)."""
    return (-article.date.timestamp(),
            str(getattr(article, "source_file", "") or ""),
            os.path.basename(getattr(article, "source_path", "") or ""))
