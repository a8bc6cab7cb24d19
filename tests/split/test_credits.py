"""Bylines and credits: names, roles, sources, leads and closing credits."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from digest.credits import (
    clean_source,
    parse_byline,
    parse_credit,
    split_lead_credit,
    split_trailing_credits,
)


@pytest.mark.parametrize(
    ("line", "authors", "source"),
    [
        ("本报记者 胡静 □ 周露楠 范明朋", ["胡静", "周露楠", "范明朋"], ""),  # seed 003
        ("记者 林小雨 通讯员 陈晨", ["林小雨", "陈晨"], ""),
        ("记者 张三、李四，王五", ["张三", "李四", "王五"], ""),
        ("文/赵一鸣", ["赵一鸣"], ""),
        ("文｜欧阳明月", ["欧阳明月"], ""),
        ("张三 摄", ["张三"], ""),
        ("新华社记者 李华 摄", ["李华"], "新华社"),
        ("阿卜杜勒·阿齐兹 摄", ["阿卜杜勒·阿齐兹"], ""),
        ("通讯员 李四", ["李四"], ""),
        ("作者：王五", ["王五"], ""),
        ("记者王薛滔", ["王薛滔"], ""),
        ("来源：人民日报", [], "人民日报"),
        ("来源：人民网-人民日报", [], "人民网-人民日报"),
        ("《中国新闻》报 作者 任德辉 报道", ["任德辉"], "中国新闻报"),  # seed 000
    ],
)
def test_byline_lines(line, authors, source):
    credit = parse_byline(line)
    assert credit is not None
    assert (credit.authors, credit.source) == (authors, source)


@pytest.mark.parametrize(
    "line",
    [
        "以下简称《行动计划》",
        "紧跟科技前沿",
        "文化强国",  # 文 glued to a word is no byline
        "记者手记",
        "作者简介",
        "中国 美国",  # bare words without a role
        "记者从市统计局获悉，今年经济平稳运行",
        "北京海淀区人工智能领域人才储备厚实",
        "",
    ],
)
def test_non_credits_are_left_alone(line):
    assert parse_byline(line) is None


def test_editors_and_end_marks_close_but_are_not_authors():
    credit = parse_byline("（编辑 赵六）")
    assert credit.closes and credit.authors == [] and credit.editors == ["赵六"]
    assert parse_credit("完").closes
    assert parse_byline("责任编辑：刘七").editors == ["刘七"]


def test_plain_byline_opens_and_bracketed_reporter_credit_closes():
    assert not parse_byline("本报记者 胡静").closes
    assert parse_byline("（记者 张三 通讯员 李四）").closes
    assert not parse_byline("（张三 摄）").closes  # a caption credit closes nothing


def test_clean_source_keeps_the_paper_suffix():
    assert clean_source("《中国新闻》报") == "中国新闻报"
    assert clean_source("《人民日报》") == "人民日报"


def test_seed_000_closing_credits():
    text, credit = split_trailing_credits("把握《行动计划》带来的发展机遇。（完）（《中国新闻》报 作者 任德辉 报道）")
    assert text == "把握《行动计划》带来的发展机遇。"
    assert (credit.authors, credit.source, credit.closes) == (["任德辉"], "中国新闻报", True)


def test_trailing_credits_half_width_and_in_square_brackets():
    text, credit = split_trailing_credits("发展机遇。(完)【编辑:王五】")
    assert text == "发展机遇。" and credit.closes and credit.editors == ["王五"]


def test_trailing_non_credit_brackets_stay():
    paragraph = "北京人工智能创新高地建设行动计划（以下简称《行动计划》）"
    assert split_trailing_credits(paragraph) == (paragraph, None)
    text, credit = split_trailing_credits("市民在选购家电。（新华社记者 张三 摄）")
    assert text == "市民在选购家电。" and credit.authors == ["张三"] and not credit.closes


def test_seed_003_lead_credit():
    text, credit = split_lead_credit("本报讯（记者 王薛滔）9月25日，上海新国际博览中心群贤毕至。")
    assert text == "9月25日，上海新国际博览中心群贤毕至。"
    assert (credit.authors, credit.source) == (["王薛滔"], "")


@pytest.mark.parametrize(
    ("paragraph", "rest", "authors", "source"),
    [
        ("新华社北京1月5日电（记者 张三、李四）记者从商务部获悉。", "记者从商务部获悉。", ["张三", "李四"], "新华社"),
        ("中新网上海3月2日电 (记者 陈静)上海今年将新增绿地。", "上海今年将新增绿地。", ["陈静"], "中新网"),
        ("本报北京9月25日电 国务院新闻办公室今天举行发布会。", "国务院新闻办公室今天举行发布会。", [], ""),
        ("本报讯 近日，市教育局发布通知。", "近日，市教育局发布通知。", [], ""),
        ("（记者 张三 通讯员 李四）近日，市教育局发布通知。", "近日，市教育局发布通知。", ["张三", "李四"], ""),
    ],
)
def test_news_leads(paragraph, rest, authors, source):
    text, credit = split_lead_credit(paragraph)
    assert text == rest
    assert (credit.authors, credit.source) == (authors, source)


@pytest.mark.parametrize(
    "paragraph",
    [
        "合作社电商平台发展迅速，带动农户增收。",
        "据新华社电，今年以来外贸平稳增长。",
        "记者3月5日从市统计局获悉，今年经济平稳运行。",
        "（以下简称《行动计划》）发布后反响热烈。",
    ],
)
def test_sentences_are_not_leads(paragraph):
    assert split_lead_credit(paragraph) == (paragraph, None)


@given(st.text(alphabet="的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质", max_size=40))
def test_credit_parsing_never_invents_text(line):
    credit = parse_credit(line)
    if credit is not None:
        for name in credit.authors + credit.editors:
            assert name in line
    text, trailing = split_trailing_credits(line)
    assert line.startswith(text.rstrip())


def test_a_date_line_can_carry_the_source_and_author():
    from digest.split.articles import split_articles

    [a] = split_articles(["缝纫机企业加速智能化", "2025年10月8日 来源：经济日报 作者：孙七",
                          "在浙江台州，多家缝纫机企业正加速引入人工智能技术，一台智能缝纫机可以自动识别面料厚度。"])
    assert (a.source, a.authors, a.date.isoformat()) == ("经济日报", ["孙七"], "2025-10-08")


# Datelines and credits of mainland, Hong Kong and Taiwan outlets (made-up names and outlets).
@pytest.mark.parametrize(
    ("paragraph", "rest", "authors", "source"),
    [
        ("〔记者江文远、白秋月／新竹报导〕新竹科学园区昨公布上半年营业额。", "新竹科学园区昨公布上半年营业额。",
         ["江文远", "白秋月"], ""),
        ("【方静宜╱综合报导】一部独立电影昨在影展拿下大奖。", "一部独立电影昨在影展拿下大奖。", ["方静宜"], ""),
        ("（远东社记者钟立群东京3日电）日本央行今天宣布维持利率不变。", "日本央行今天宣布维持利率不变。",
         ["钟立群"], "远东社"),
        ("【海峡之声新闻】台风今晨登陆东部沿海。", "台风今晨登陆东部沿海。", [], "海峡之声新闻"),
        ("本网讯（通讯员 孟小川）市图书馆昨日推出夜间阅读服务。", "市图书馆昨日推出夜间阅读服务。", ["孟小川"], ""),
        ("南方社广州4月8日电（记者 顾晓岚）广交会今日开幕。", "广交会今日开幕。", ["顾晓岚"], "南方社"),
    ],
)
def test_regional_leads(paragraph, rest, authors, source):
    text, credit = split_lead_credit(paragraph)
    assert text == rest
    assert (credit.authors, credit.source) == (authors, source)


@pytest.mark.parametrize(
    ("line", "authors", "source"),
    [
        ("（远东社记者钟立群、葛思远东京电）", ["钟立群", "葛思远"], "远东社"),
        ("〔记者江文远／新竹报导〕", ["江文远"], ""),
        ("【某某电视新闻】", [], "某某电视新闻"),
        ("河源晚报", [], "河源晚报"),
        ("来源：滨江日报", [], "滨江日报"),
        ("文/程一帆", ["程一帆"], ""),
        ("记者 沈墨 报道", ["沈墨"], ""),
        ("（记者梁亦舟摄）", ["梁亦舟"], ""),  # the photo mark is no part of the name
    ],
)
def test_regional_credit_lines(line, authors, source):
    credit = parse_byline(line)
    assert credit is not None
    assert (credit.authors, credit.source) == (authors, source)


@pytest.mark.parametrize("line", ["新闻", "让我们一起读书", "台北报导引发讨论，", "日报"])
def test_outlet_words_alone_are_no_source(line):
    credit = parse_byline(line)
    assert credit is None or not credit.source


def test_trailing_agency_dispatch_gives_source_and_author():
    text, credit = split_trailing_credits("两国将在年底前签署新协议。（远东社记者钟立群东京3日电）")
    assert text == "两国将在年底前签署新协议。"
    assert (credit.authors, credit.source) == (["钟立群"], "远东社")


def test_source_label_glued_to_the_end_of_a_paragraph():
    text, credit = split_trailing_credits("试用了一周，效果不错～～来源：某某论坛　美妆频道")
    assert (text, credit.source) == ("试用了一周，效果不错～～", "某某论坛")
    text, credit = split_trailing_credits("活动将持续到月底。来源：滨江日报")
    assert (text, credit.source) == ("活动将持续到月底。", "滨江日报")
    assert split_trailing_credits("他们的来源：网络") == ("他们的来源：网络", None)


def test_a_definition_in_brackets_is_no_outlet():
    paragraph = "两家报社合并为一家新报社。（以下简称滨江日报）"
    assert split_trailing_credits(paragraph) == (paragraph, None)
    assert split_trailing_credits("活动将持续到月底。（来源：滨江日报）")[1].source == "滨江日报"


def test_unbracketed_reporter_credit_after_the_lead():
    text, credit = split_lead_credit("南城晨报讯　记者　卢一舟　实习生　季小满　报道　老城区改造今年全面启动。")
    assert text == "老城区改造今年全面启动。"
    assert (credit.authors, credit.source) == (["卢一舟", "季小满"], "南城晨报")


def test_hong_kong_report_tag_gives_the_source():
    text, credit = split_lead_credit("【海港报专讯】渡轮公司昨宣布加开夜间航班。")
    assert (text, credit.source) == ("渡轮公司昨宣布加开夜间航班。", "海港报")
    generic = parse_byline("【综合报导】")  # a report mark alone names no outlet
    assert generic is None or not generic.source


def test_outlet_lead_set_apart_by_a_space():
    text, credit = split_lead_credit("南城晨报讯　据市气象台消息，今夜有大雨。")
    assert (text, credit.source) == ("据市气象台消息，今夜有大雨。", "南城晨报")
    assert split_lead_credit("南城晨报讯息平台今天上线。") == ("南城晨报讯息平台今天上线。", None)
