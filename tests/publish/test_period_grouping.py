"""Digest periods: ISO days and weeks, grouping by topic, neighbours, figures side by side."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

import pytest

from digest.publish.periods import (DAY, WEEK, build_digests, day_of, figures_side_by_side,
                                    parse_period, topic_order, week_of)


@dataclass
class Item:
    slug: str
    when: date | datetime
    topic: str
    figures: list = field(default_factory=list)


def digests(items, kind, order=("ai-policy", "sewing-machinery", "consumer-subsidies", "other")):
    return build_digests(items, kind, order, date_of=lambda i: i.when, topic_of=lambda i: i.topic,
                         sort_key=lambda i: (i.when, i.slug))


@pytest.mark.parametrize("day, key, monday", [
    (date(2025, 9, 25), "2025-W39", date(2025, 9, 22)),
    (date(2025, 9, 28), "2025-W39", date(2025, 9, 22)),   # Sunday ends the ISO week
    (date(2025, 9, 29), "2025-W40", date(2025, 9, 29)),
    (date(2024, 12, 30), "2025-W01", date(2024, 12, 30)),  # ISO year differs from the calendar year
    (date(2021, 1, 3), "2020-W53", date(2020, 12, 28)),
])
def test_week_of_follows_iso_8601(day, key, monday):
    week = week_of(day)
    assert (week.key, week.start, week.end, week.kind) == (key, monday, monday + timedelta(days=6), WEEK)
    assert week.start <= day <= week.end
    assert week.year == int(key[:4])


def test_day_of_a_datetime_is_its_own_date():
    moment = datetime(2025, 9, 25, 23, 30, tzinfo=timezone(timedelta(hours=8)))
    assert day_of(moment).key == "2025-09-25" and day_of(moment).kind == DAY


@pytest.mark.parametrize("key", ["2025-09-25", "2025-W39", "2020-W53", " 2025-W01 "])
def test_parse_period_round_trips(key):
    assert parse_period(key).key == key.strip()


@pytest.mark.parametrize("key", ["2025-W54", "2025-13-01", "2025-02-30", "W39", "2025/09/25", "", "2025-W9"])
def test_parse_period_names_the_bad_key(key):
    with pytest.raises(ValueError, match="is not a period"):
        parse_period(key)


def test_topic_order_is_configured_then_alphabetical():
    assert topic_order(["b", "a", "c"], {"a", "zz", "b", "hand-set"}) == ["b", "a", "hand-set", "zz"]


def three_weeks():
    """Articles over three ISO weeks (W39, W40, W42: W41 has none) in every topic."""
    return [
        Item("s1", date(2025, 9, 22), "sewing-machinery"),
        Item("c1", date(2025, 9, 25), "consumer-subsidies"),
        Item("a1", date(2025, 9, 25), "ai-policy"),
        Item("a0", date(2025, 9, 25), "ai-policy"),
        Item("o1", date(2025, 9, 28), "other"),
        Item("a2", date(2025, 10, 1), "ai-policy"),
        Item("c2", date(2025, 10, 5), "consumer-subsidies"),
        Item("s2", date(2025, 10, 15), "sewing-machinery"),
        Item("x1", date(2025, 10, 16), "hand-set"),
    ]


def test_weeks_group_by_topic_in_configured_order():
    weeks = digests(three_weeks(), WEEK)
    assert [d.period.key for d in weeks] == ["2025-W39", "2025-W40", "2025-W42"]
    first = weeks[0]
    assert [g.topic for g in first.groups] == ["ai-policy", "sewing-machinery", "consumer-subsidies", "other"]
    assert [i.slug for i in first.groups[0].items] == ["a0", "a1"]  # same day: by slug
    assert first.count == 5
    assert [g.topic for g in weeks[2].groups] == ["sewing-machinery", "hand-set"]


def test_neighbours_skip_periods_without_articles():
    weeks = digests(three_weeks(), WEEK)
    assert weeks[0].previous is None and weeks[0].next.key == "2025-W40"
    assert weeks[1].next.key == "2025-W42" and weeks[2].previous.key == "2025-W40"
    assert weeks[2].next is None


def test_days_have_a_digest_only_when_they_have_articles():
    days = digests(three_weeks(), DAY)
    assert [d.period.key for d in days] == ["2025-09-22", "2025-09-25", "2025-09-28", "2025-10-01",
                                            "2025-10-05", "2025-10-15", "2025-10-16"]
    assert sum(d.count for d in days) == len(three_weeks())
    assert days[1].previous.key == "2025-09-22" and days[1].next.key == "2025-09-28"


def test_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="unknown period kind 'month'"):
        digests(three_weeks(), "month")


def fig(text, counts=""):
    return {"text": text, "counts": counts}


def test_figures_side_by_side_keep_item_order_and_drop_repeats():
    week = digests([
        Item("c1", date(2025, 9, 24), "consumer-subsidies", [fig("3000亿元", "资金"), fig("690亿元"), fig("10分钟")]),
        Item("c2", date(2025, 9, 25), "consumer-subsidies", [fig("3000亿元", "资金"), fig("3000亿元", "补贴")]),
    ], WEEK)[0]
    pairs = figures_side_by_side(week.groups[0], lambda i: i.figures)
    assert [(f["text"], f["counts"], i.slug) for f, i in pairs] == [
        ("3000亿元", "资金", "c1"), ("690亿元", "", "c1"), ("10分钟", "", "c1"), ("3000亿元", "补贴", "c2")]
    limited = figures_side_by_side(week.groups[0], lambda i: i.figures, per_item=1)
    assert [(f["text"], i.slug) for f, i in limited] == [("3000亿元", "c1")]  # c2's first repeats c1's


def test_items_without_figures_give_none():
    week = digests([Item("a", date(2025, 9, 24), "other")], WEEK)[0]
    assert figures_side_by_side(week.groups[0], lambda i: None) == []
