"""What keeps list pages linear in the size of the site (issue 16): keyword, topic and
author lists tested by identity, a keyword page's gloss looked up once per topic set,
and dates formatted once."""

from __future__ import annotations

import sys
from datetime import datetime
from types import SimpleNamespace

from sitebuild import ROOT

sys.path.insert(0, str(ROOT / "plugins"))
from digest.english.glossary import glossary  # noqa: E402
from digest.site.members import Members, write_each_list  # noqa: E402
from digest_i18n.english import keyword_entry  # noqa: E402
from digest_i18n.interface import date_formatter  # noqa: E402


class Item:
    """Compares equal to every other item: ``in`` on a plain list would find any (so lists
    of items are compared here by identity, :func:`ids`)."""

    def __eq__(self, other):
        return True

    __hash__ = object.__hash__


def ids(items) -> list[int]:
    return [id(x) for x in items]


def test_members_answer_in_by_identity():
    a, b = Item(), Item()
    assert b in [a]
    members = Members([a])
    assert a in members and b not in members
    assert ids(members) == [id(a)] and ids(members[:1]) == [id(a)]


def test_each_list_is_written_alone_with_its_articles_in_archive_order():
    """What Pelican's ``generate_tags`` sees per call: the pages it writes get
    ``dates = [a for a in generator.dates if a in articles]``, as over the whole site."""
    items = [Item() for _ in range(6)]
    dates = items[::-1]  # archive order differs from the lists' order
    tags = {"t": [items[0], items[2], items[5]], "u": [items[1]], "none": []}
    gen = SimpleNamespace(tags=tags, dates=dates)
    seen = []

    def generate_tags(write):
        for tag, articles in gen.tags.items():
            seen.append((tag, write, [a for a in gen.dates if a in articles]))

    write_each_list(gen, "tags", generate_tags, "w")
    everything = {t: [a for a in dates if any(a is x for x in arts)] for t, arts in tags.items()}
    assert [(t, w) for t, w, _ in seen] == [("t", "w"), ("u", "w"), ("none", "w")]
    assert all(ids(found) == ids(everything[t]) for t, _, found in seen)
    assert [a for _, _, found in seen for a in found] != []
    assert gen.tags is tags and gen.dates is dates
    categories = [("c", [items[3], items[0]])]
    gen.categories = categories
    write_each_list(gen, "categories", lambda write: seen.append(
        [a for _, arts in gen.categories for a in gen.dates if a in arts]), None)
    assert ids(seen[-1]) == ids([items[3], items[0]]) and gen.categories is categories


def _article(topic):
    return SimpleNamespace(category=SimpleNamespace(name=topic))


def test_a_keyword_page_gloss_is_the_one_its_articles_topics_give():
    names = {"ai-policy": "AI policy", "mining": "Cryptocurrency mining", "sewing": "Sewing machinery"}
    for topics in (["ai-policy"] * 5 + ["mining"], ["mining", "mining"], ["sewing", "ai-policy"]):
        articles = [_article(t) for t in topics]
        every = " ".join(names[t] for t in topics)  # what the template joined, page after page
        expected = (glossary(["算力"], every) or [None])[0]
        assert keyword_entry("算力", articles, names.get) == expected


def test_the_pages_of_one_keyword_gather_its_topics_once():
    """The pages of a keyword share one list of articles; another list is read afresh."""
    names = {"ai-policy": "AI policy", "mining": "Cryptocurrency mining"}
    asked = []

    def topic_name(slug):
        asked.append(slug)
        return names[slug]

    ai, mining = [_article("ai-policy")] * 4, [_article("mining")] * 3
    pages = [keyword_entry("算力", ai, topic_name) for _ in range(3)]
    assert len(asked) == 4 and pages == [(glossary(["算力"], "AI policy") or [None])[0]] * 3
    assert keyword_entry("算力", mining, topic_name) == (glossary(["算力"], "Cryptocurrency mining") or [None])[0]
    assert keyword_entry("算力", ai, topic_name) == pages[0]
    assert len(asked) == 4 + 3 + 4


def test_a_date_formatted_once_per_day_reads_the_same():
    local_date = date_formatter("en")
    morning, evening = datetime(2025, 9, 25, 8), datetime(2025, 9, 25, 23, 59)
    assert local_date(morning) == local_date(evening) == "25 September 2025"
    assert local_date(morning, format="medium") == "25 Sept 2025"
    assert local_date(datetime(2025, 9, 26)) == "26 September 2025"
