import pytest

from digest.analyze.figures import key_figures, parse_chinese_number
from digest.model import KeyFigure


def _by_text(figures: list[KeyFigure]) -> dict[str, KeyFigure]:
    return {f.text: f for f in figures}


def test_consumer_article_money_first_title_figure_leading(consumer):
    figures = key_figures(consumer)
    assert figures[0] == KeyFigure("3000亿元", 3000.0, "元", 1e8, "资金")
    second = _by_text(figures)["690亿元"]
    assert (second.value, second.scale, second.unit) == (690.0, 1e8, "元")
    assert second.amount == 6.9e10
    assert [f.text for f in figures].count("3000亿元") == 1, "title and body mention it once"


def test_ai_article_figures_with_what_they_count(ai_capital):
    figures = key_figures(ai_capital)
    assert [f.text for f in figures] == ["3500亿元", "2400家核心企业", "超2万人", "40%的顶尖人才", "60%的国家级重点实验室"]
    by_text = _by_text(figures)
    assert by_text["3500亿元"].counts == "产业规模"
    assert by_text["2400家核心企业"] == KeyFigure("2400家核心企业", 2400.0, "家", 1.0, "核心企业")
    assert by_text["40%的顶尖人才"] == KeyFigure("40%的顶尖人才", 40.0, "%", 1.0, "顶尖人才")
    assert by_text["超2万人"].amount == 20000


def test_sewing_article_trillions_and_counted_people(sewing):
    figures = key_figures(sewing)
    assert figures == [
        KeyFigure("5.7万亿美元", 5.7, "美元", 1e12, "产值"),
        KeyFigure("超1亿产业工人", 1.0, "", 1e8, "产业工人"),
    ]


def test_years_dates_ordinals_and_model_names_are_not_figures(seed000, sewing, make_draft):
    assert key_figures(seed000) == []  # 九大行动, “十五五”, 一盘棋: no figure
    draft = make_draft("2025年展会", ["2025年9月25日，CISMA2025在沪举行。一是坚持创新，第3批企业入选，设立百亿级基金，5G基站开通。"])
    assert key_figures(draft) == []


def test_chinese_numerals_with_a_magnitude_and_approximate_amounts(make_draft):
    draft = make_draft("简讯", ["全年三千亿元资金已下达，两万人到场，约有2万余名志愿者参与，共投入4000多亿元。"])
    by_text = _by_text(key_figures(draft))
    assert (by_text["三千亿元"].value, by_text["三千亿元"].scale) == (3000.0, 1e8)
    assert by_text["两万人"].amount == 20000
    assert by_text["2万余名志愿者"].counts == "志愿者"
    assert by_text["4000多亿元"].amount == 4e11


def test_order_money_counts_shares_percentages_durations_at_most_five(make_draft):
    draft = make_draft("门店经营数据", [
        "项目历时10年，覆盖百分之三十的农户，利润增长3.5个百分点。",
        "1,200家门店营业额同比增长12.5%，营收达1.2万亿元，惠及8400万人次。",
    ])
    figures = key_figures(draft)
    assert [f.text for f in figures] == ["1.2万亿元", "1,200家门店营业额", "8400万人次", "百分之三十的农户", "3.5个百分点"]
    assert figures[0].counts == "营收"
    assert figures[3].unit == "%" and figures[3].value == 30


@pytest.mark.parametrize("text, value", [
    ("三千五百", 3500), ("十五", 15), ("二十", 20), ("三千零五", 3005), ("两", 2), ("二点五", 2.5),
])
def test_parse_chinese_number(text, value):
    assert parse_chinese_number(text) == value


def test_the_fast_start_check_admits_every_way_a_figure_can_begin():
    """``_FIGURE_START`` is a pre-check for speed: it must let through the first
    character of every qualifier, of 百分之 and of every digit form."""
    import re

    from digest.analyze import figures

    start = re.compile(figures._FIGURE_START)
    qualifiers = re.search(r"\(\?P<qual>(.*?)\)\?", figures._FIGURE.pattern).group(1)
    firsts = {re.sub(r"\(\?<!\[[^\]]*\]\)", "", q)[0] for q in qualifiers.split("|")}
    firsts |= set("百0123456789零〇一二两三四五六七八九十千")
    assert all(start.match(ch) for ch in firsts), sorted(ch for ch in firsts if not start.match(ch))


def test_consumer_article_key_figures_are_the_money_not_the_wait(consumer):
    """Seed 003: the subsidies are the news; how long a shopper waited (10分钟) is not a figure."""
    figures = key_figures(consumer)
    assert [f.text for f in figures] == ["3000亿元", "690亿元"]
    assert [f.counts for f in figures] == ["资金", "超长期特别国债"]


@pytest.mark.parametrize("text", [
    "排队等了10分钟，活动持续3天，项目历时2年，65岁的老人到场。",  # durations and ages
    "会议于2024年3月5日上午9时30分开幕，2025年召开第二次会议。",  # dates and times of day
    "咨询电话010-12345678，热线12345，iOS 17.2版本上线，排名第3位。",  # phones, versions, ordinals
])
def test_durations_times_dates_ages_phones_versions_ordinals_are_never_figures(make_draft, text):
    assert key_figures(make_draft("简讯", [text])) == []


def test_counts_each_say_what_they_count_and_repeat_once(make_draft):
    draft = make_draft("3000亿元资金下达", [
        "全年3000亿元资金已下达，其中690亿元超长期特别国债支持以旧换新，惠及1200万名消费者。",
        "3000亿元资金全部到位，100人参加会议。",
    ])
    figures = key_figures(draft)
    assert [(f.text, f.counts) for f in figures] == [
        ("3000亿元", "资金"), ("690亿元", "超长期特别国债"), ("1200万名消费者", "消费者"), ("100人", "")]


def test_model_numbers_one_of_something_and_units_inside_words_are_no_figures(make_draft):
    draft = make_draft("移民新政", [
        "美国鼓励外国企业家利用EB-5项目移民，1名官员介绍，54个村参与试点，带动3.4万个就业机会。"])
    assert [(f.text, f.counts) for f in key_figures(draft)] == [("3.4万个就业机会", "就业机会"), ("54个", "")]
