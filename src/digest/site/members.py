"""Pelican's topic, keyword and author pages in time linear in the site.

Pelican writes each topic, keyword and author with its articles in archive order,
found as ``[a for a in generator.dates if a in articles]``: a walk of that list for
every article of the site, once per topic, keyword and author. A keyword such as
人工智能 is in most articles, and there are more keywords and authors the bigger the
site: at 8,000 articles this was a minute of a build under cProfile, 13 to 33 times
its cost at 2,000. :func:`write_each_list` hands Pelican's own method one list at a
time, with ``generator.dates`` narrowed to that list's articles in archive order and
an ``in`` that is a set lookup (Pelican's content objects compare by identity).
"""

from __future__ import annotations


class Members(list):
    """A list of articles whose ``in`` is by identity through a set. Build it once
    its items are final: the set does not follow later changes to the list."""

    def __init__(self, items=()):
        super().__init__(items)
        self._ids = {id(x) for x in self}

    def __contains__(self, item):
        return id(item) in self._ids


def write_each_list(generator, name: str, write_lists, write) -> None:
    """Call ``write_lists`` (Pelican's ``generate_tags``, ``generate_categories`` or
    ``generate_authors``) once per pair of ``generator.<name>`` (a dict for tags, a
    list of pairs otherwise), each time with that pair alone and ``generator.dates``
    holding just its articles, in the order of the whole ``dates``. The pages are
    those Pelican writes; the generator's own lists are put back after."""
    lists, dates = getattr(generator, name), generator.dates
    rank = {id(a): i for i, a in enumerate(dates)}
    pairs = list(lists.items() if isinstance(lists, dict) else lists)
    try:
        for key, articles in pairs:
            members = Members(articles)
            one = {id(a): a for a in members if id(a) in rank}
            generator.dates = sorted(one.values(), key=lambda a: rank[id(a)])
            setattr(generator, name, {key: members} if isinstance(lists, dict) else [(key, members)])
            write_lists(write)
    finally:
        generator.dates = dates
        setattr(generator, name, lists)
