"""Article lists whose ``in`` is a set lookup, for Pelican's topic, keyword and author pages.

Pelican writes each topic, keyword and author with its articles in archive order,
found as ``[a for a in generator.dates if a in articles]``: a walk of the list for
every article of the site, once per topic, keyword and author. A keyword such as
人工智能 is in most articles, so that grew with the square of the site. Pelican's
content objects compare by identity, so a set of ``id`` answers ``in`` the same.
"""

from __future__ import annotations

from contextlib import contextmanager

#: The generator attributes that hold ``(name, articles)`` pairs (Pelican's ``ArticlesGenerator``):
#: ``tags`` is a dict, ``categories`` and ``authors`` are lists of pairs.
LISTS = ("tags", "categories", "authors")


class Members(list):
    """A list of articles whose ``in`` is by identity through a set. Build it once
    its items are final: the set does not follow later changes to the list."""

    def __init__(self, items=()):
        super().__init__(items)
        self._ids = {id(x) for x in self}

    def __contains__(self, item):
        return id(item) in self._ids


@contextmanager
def lists_by_identity(generator):
    """While writing: ``generator``'s topics, keywords and authors with :class:`Members`
    lists; the generator's own lists (which the preview edits in place) are put back after."""
    saved = {name: getattr(generator, name) for name in LISTS if hasattr(generator, name)}
    for name, value in saved.items():
        pairs = value.items() if isinstance(value, dict) else value
        wrapped = [(key, Members(articles)) for key, articles in pairs]
        setattr(generator, name, dict(wrapped) if isinstance(value, dict) else wrapped)
    try:
        yield generator
    finally:
        for name, value in saved.items():
            setattr(generator, name, value)
