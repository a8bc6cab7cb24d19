"""Page dates and article datelines."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from digest.dates import dateline, find_article_date, find_page_date, mentioned_year, parse_date

# The end of seed 000 after t2s and pinyin removal: a related-links timestamp list.
SEED_000_FOOTER = """密云区政协委员、通号创新投资集团有限公司副总经理钟刚表示，把握《行动计划》带来的发展机遇。(完)(《中国新闻》报 作者 任德辉 报道)
精选:
- 2026年01月20日 21:55:59
- 2026年01月23日 09:47:54
- 2026年01月22日 17:32:17
- 2026年01月11日 10:14:46
- 2025年12月28日 14:10:31



京公网安备 11010202009201号"""


def test_seed_000_footer_gives_the_newest_timestamp():
    assert find_page_date(SEED_000_FOOTER) == date(2026, 1, 23)


def test_seed_003_has_no_page_date():
    # Only years inside sentences (2023年产业规模, 2025世界人工智能大会): no date line.
    assert find_page_date("今年7月份，国务院审议通过。\n2023年产业规模达3500亿元。\n9月25日，上海新国际博览中心群贤毕至。") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("发布时间：2025-09-26 10:00", date(2025, 9, 26)),
        ("2025/09/26", date(2025, 9, 26)),
        ("2025.9.26", date(2025, 9, 26)),
        ("2025年9月26日 星期五", date(2025, 9, 26)),
        ("来源：人民网 2025年09月26日08:30", date(2025, 9, 26)),
        ("二〇二五年九月二十六日 星期五", date(2025, 9, 26)),
        ("２０２５年１０月３１日", date(2025, 10, 31)),
    ],
)
def test_date_line_forms(text, expected):
    assert find_page_date(f"标题在这里\n{text}\n正文第一段，说了一些事情。") == expected


def test_labelled_date_wins_over_a_newer_list():
    page = "标题\n发布时间：2025-09-26 10:00\n正文。\n相关新闻\n- 2025年10月03日 09:00\n- 2025年10月01日 09:00"
    assert find_page_date(page) == date(2025, 9, 26)


@pytest.mark.parametrize(
    "text",
    [
        "到2030年12月31日，全市将建成充电桩十万个，覆盖所有街道。",
        "2025年9月25日，上海新国际博览中心群贤毕至。",
        "2025年2月30日",  # no such day
        "",
    ],
)
def test_dates_inside_sentences_or_invalid_are_no_page_date(text):
    assert find_page_date(text) is None


def test_parse_date_reads_iso_timestamps():
    assert parse_date("2025-09-26T08:00:00+08:00") == date(2025, 9, 26)
    assert parse_date("no date") is None


def test_seed_003_dateline_year_from_cisma2025():
    paragraphs = [
        "本报讯（记者 王薛滔）9月25日，上海新国际博览中心群贤毕至。以“坚持开放包容，携手创新发展”为主题的CISMA2025国际合作发展论坛在此举行。",
        "论坛上，中国缝制机械协会理事长杨晓京系统地梳理了转型成果。",
    ]
    assert find_article_date(paragraphs, None) == date(2025, 9, 25)
    assert find_article_date(paragraphs, 2024) == date(2024, 9, 25)  # the page's year wins


def test_xinhua_dateline():
    paragraphs = ["多地出台措施稳外贸", "新华社北京1月5日电（记者 张三、李四）记者从商务部获悉，外贸再创新高。"]
    assert dateline(paragraphs[1]) == (None, 1, 5)
    assert find_article_date(paragraphs, 2026) == date(2026, 1, 5)
    assert find_article_date(paragraphs, None) is None  # no year anywhere: no guess


def test_full_dateline_and_date_line_under_title():
    assert find_article_date(["2025年9月25日，上海新国际博览中心群贤毕至。"], None) == date(2025, 9, 25)
    assert find_article_date(["标题", "2025年9月26日", "近日，市教育局发布通知。"], None) == date(2025, 9, 26)


def test_only_the_first_paragraph_holds_a_dateline():
    paragraphs = ["近日，市教育局发布通知，今年将新建学校十所。", "9月1日，新学期开学。2025年秋季学期启动。"]
    assert find_article_date(paragraphs, 2025) is None


def test_mentioned_year_rules():
    assert mentioned_year(["2023年产业规模达3500亿元", "2025世界人工智能大会"]) == 2025
    assert mentioned_year(["CISMA2025国际合作发展论坛"]) == 2025
    assert mentioned_year(["到2030年建成", "2030年前实现碳达峰", "2024年增长5%"]) == 2024
    assert mentioned_year(["投资2000亿元，2400家企业，增长2020%"]) is None
    assert mentioned_year([]) is None


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31)))
def test_every_date_form_round_trips(day):
    forms = [f"{day.year}年{day.month}月{day.day}日", f"{day:%Y-%m-%d}", f"{day:%Y/%m/%d}",
             f"{day.year}.{day.month}.{day.day}", f"{day:%Y年%m月%d日 %H:%M:%S}"]
    for form in forms:
        assert parse_date(form) == day
        assert find_page_date(f"- {form}") == day
