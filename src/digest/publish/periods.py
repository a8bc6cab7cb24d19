"""Digest periods: the articles of one day or one ISO week, grouped by topic.

A digest page lists what a period brought, topic by topic, from the front matter
the converter already wrote (title, source, summary, key figures): no text is
written by hand. This module holds the grouping only; it knows nothing of
Pelican, templates or languages, so it works on any objects through small
accessor functions (``date_of``, ``topic_of``, ``figures_of``).

Periods are named the way ISO 8601 writes them, which sorts and reads well in
a URL: ``2025-09-25`` for a day, ``2025-W39`` for the ISO week holding it (weeks
start on Monday; the first week of a year is the one holding its first
Thursday, so 2024-12-30 belongs to ``2025-W01``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Callable, Iterable

DAY = "day"
WEEK = "week"
KINDS = (DAY, WEEK)

_DAY_KEY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_WEEK_KEY = re.compile(r"^(\d{4})-W(\d{2})$")


@dataclass(frozen=True, order=True)
class Period:
    """A day or an ISO week; ``end`` is its last day (inclusive)."""

    start: date
    kind: str
    key: str
    end: date

    @property
    def week(self) -> int:
        return self.start.isocalendar().week

    @property
    def year(self) -> int:
        """The ISO year of a week (2024-12-30 is in 2025-W01), the calendar year of a day."""
        return self.start.isocalendar().year if self.kind == WEEK else self.start.year


def _as_date(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def day_of(value: date | datetime) -> Period:
    day = _as_date(value)
    return Period(day, DAY, day.isoformat(), day)


def week_of(value: date | datetime) -> Period:
    day = _as_date(value)
    iso = day.isocalendar()
    monday = day - timedelta(days=iso.weekday - 1)
    return Period(monday, WEEK, f"{iso.year}-W{iso.week:02d}", monday + timedelta(days=6))


PERIOD_OF: dict[str, Callable[[date | datetime], Period]] = {DAY: day_of, WEEK: week_of}


def parse_period(key: str) -> Period:
    """``"2025-09-25"`` or ``"2025-W39"`` -> its Period; ValueError naming the key otherwise."""
    key = key.strip()
    if m := _DAY_KEY.match(key):
        try:
            return day_of(date(int(m[1]), int(m[2]), int(m[3])))
        except ValueError:
            pass
    elif m := _WEEK_KEY.match(key):
        try:
            return week_of(date.fromisocalendar(int(m[1]), int(m[2]), 1))
        except ValueError:
            pass
    raise ValueError(f"{key!r} is not a period: write a day as 2025-09-25 or an ISO week as 2025-W39")


def topic_order(configured: Iterable[str], present: Iterable[str]) -> list[str]:
    """The topics present, in the configured order; topics not configured (a
    hand-set topic of an edited page) follow in alphabetical order."""
    present = set(present)
    configured = [t for t in configured if t in present]
    return configured + sorted(present.difference(configured))


@dataclass
class TopicGroup:
    """The items of one topic in a period, oldest first."""

    topic: str
    items: list = field(default_factory=list)


@dataclass
class Digest:
    """One period's items grouped by topic, with its neighbours of the same kind
    (``previous`` is the nearest earlier period that has items)."""

    period: Period
    groups: list[TopicGroup]
    previous: Period | None = None
    next: Period | None = None

    @property
    def items(self) -> list:
        return [item for group in self.groups for item in group.items]

    @property
    def count(self) -> int:
        return sum(len(g.items) for g in self.groups)


def group_by_topic(items: Iterable[Any], order: Iterable[str], topic_of: Callable[[Any], str],
                   sort_key: Callable[[Any], Any]) -> list[TopicGroup]:
    """Items by topic in ``order`` (see :func:`topic_order`), each group sorted by ``sort_key``."""
    by_topic: dict[str, list] = {}
    for item in items:
        by_topic.setdefault(str(topic_of(item)), []).append(item)
    return [TopicGroup(topic, sorted(by_topic[topic], key=sort_key))
            for topic in topic_order(order, by_topic)]


def build_digests(items: Iterable[Any], kind: str, order: Iterable[str], *,
                  date_of: Callable[[Any], date | datetime], topic_of: Callable[[Any], str],
                  sort_key: Callable[[Any], Any] | None = None) -> list[Digest]:
    """One Digest per period of ``kind`` that has items, oldest first, linked to
    their neighbours. Periods without items get no digest (no empty pages)."""
    if kind not in PERIOD_OF:
        raise ValueError(f"unknown period kind {kind!r}; expected one of {', '.join(KINDS)}")
    period_of = PERIOD_OF[kind]
    order = list(order)
    sort_key = sort_key or date_of
    by_period: dict[Period, list] = {}
    for item in items:
        by_period.setdefault(period_of(date_of(item)), []).append(item)
    digests = [Digest(period, group_by_topic(found, order, topic_of, sort_key))
               for period, found in sorted(by_period.items())]
    for earlier, later in zip(digests, digests[1:]):
        earlier.next, later.previous = later.period, earlier.period
    return digests


def figures_side_by_side(group: TopicGroup, figures_of: Callable[[Any], Iterable[dict]],
                         per_item: int | None = None) -> list[tuple[dict, Any]]:
    """The key figures of a topic's items as ``(figure, item)`` pairs, in item order.

    ``per_item`` keeps each item's first figures only (the front matter lists
    them most telling first). A figure another item of the group already gave
    (same text and same thing counted: two reports quoting the same 3000亿元)
    is listed once, with the first item that gave it.
    """
    seen: set[tuple[str, str]] = set()
    pairs = []
    for item in group.items:
        for figure in list(figures_of(item) or [])[:per_item]:
            key = (str(figure.get("text", "")), str(figure.get("counts") or ""))
            if key in seen:
                continue
            seen.add(key)
            pairs.append((figure, item))
    return pairs
