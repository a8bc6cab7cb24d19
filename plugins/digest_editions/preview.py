"""A quick preview build: re-render only the article pages that changed.

Why: in ``make serve`` an editor's save should show in the browser at once, but
a full build renders every page of every edition (Jinja is about a third of a
build) and re-indexes the search. Pelican 4.12 dropped ``WRITE_SELECTED``; its
``get_writer`` signal lets a plugin supply the writer instead. When the build's
settings carry ``_DIGEST_PREVIEW_ARTICLES`` (a set of slugs), this writer skips
every article page except those, and writes every other page (home, topics,
keywords, archives, feeds) as usual. The build starts from a copy of the last
complete site (``DELETE_OUTPUT_DIRECTORY = False``), so the skipped pages are
the previous ones; the preview server follows a quick build with a full one,
which refreshes what a quick build leaves as it was (other articles' related
links, the search index). ``make html`` never sets the key: it is unaffected.
"""

from __future__ import annotations

import posixpath

from pelican.writers import Writer

PREVIEW_KEY = "_DIGEST_PREVIEW_ARTICLES"
#: Set on every build of the preview server: every edition in its own process, which
#: keeps them for the incremental preview (``incremental.py``), and never a skipped build.
SERVE_KEY = "_DIGEST_PREVIEW_SERVER"
ARTICLES_DIR = "articles/"


class PreviewWriter(Writer):
    """Pelican's writer, writing article pages only for the slugs of ``_DIGEST_PREVIEW_ARTICLES``."""

    def write_file(self, name, template, context, *args, **kwargs):
        if name and self._skipped(str(name)):
            return None
        return super().write_file(name, template, context, *args, **kwargs)

    def _skipped(self, name: str) -> bool:
        wanted = self.settings.get(PREVIEW_KEY)
        if wanted is None:
            return False
        name = posixpath.normpath(name.replace("\\", "/"))
        if not name.startswith(ARTICLES_DIR):
            return False
        slug = posixpath.splitext(name[len(ARTICLES_DIR):])[0]
        return "/" not in slug and slug not in wanted


def preview_writer(pelican):
    """``get_writer``: the preview writer for a quick preview build, else nothing (Pelican's own)."""
    if pelican.settings.get(PREVIEW_KEY) is None:
        return None
    return PreviewWriter
