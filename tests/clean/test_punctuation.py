import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.clean.punctuation import normalize_punctuation


def test_seed_000_sentence():
    text = ("今年年初,《北京人工智能创新高地建设行动计划》(以下简称《行动计划》)发布,启动技术创新策源、全域应用赋能等九大行动,"
            "并支持海淀、朝阳等区建设首批人工智能创新街区,力争打造“全球人工智能创新高地”。")
    assert normalize_punctuation(text) == (
        "今年年初，《北京人工智能创新高地建设行动计划》（以下简称《行动计划》）发布，启动技术创新策源、全域应用赋能等九大行动，"
        "并支持海淀、朝阳等区建设首批人工智能创新街区，力争打造“全球人工智能创新高地”。")


def test_seed_003_sentences():
    assert normalize_punctuation("人工智能(AI)作为新一轮科技革命与产业变革的核心驱动力,已成为全球科技竞争的战略焦点") == \
        "人工智能（AI）作为新一轮科技革命与产业变革的核心驱动力，已成为全球科技竞争的战略焦点"
    assert normalize_punctuation("“国补”持续发力 3000亿元资金如何点燃消费新热情?") == \
        "“国补”持续发力 3000亿元资金如何点燃消费新热情？"
    assert normalize_punctuation("以“坚持开放包容,携手创新发展”为主题的CISMA2025国际合作发展论坛,维系着下游5.7万亿美元产值") == \
        "以“坚持开放包容，携手创新发展”为主题的CISMA2025国际合作发展论坛，维系着下游5.7万亿美元产值"
    assert normalize_punctuation("(完)(《中国新闻》报 作者 任德辉 报道)") == "（完）（《中国新闻》报 作者 任德辉 报道）"


@pytest.mark.parametrize("text, expected", [
    ("精选:", "精选："),
    ("你学习AI?", "你学习AI？"),
    ("北京时间:9:30开幕", "北京时间：9:30开幕"),
    ("规模达3,000亿元;增长40%!", "规模达3,000亿元；增长40%！"),
    ("文化、医疗、民生...今年", "文化、医疗、民生……今年"),
    ("他停了一下…然后说", "他停了一下……然后说"),
    ("发展。。。近期", "发展……近期"),
    ("平板电脑 32G。。Coway空气清净机", "平板电脑 32G。Coway空气清净机"),  # typed twice: one full stop
    ("会员价22,888元。。再送", "会员价22,888元。再送"),
    ("发展。。。。近期", "发展……近期"),  # four: still an ellipsis
    ("已经“十五五”……了", "已经“十五五”……了"),
    ("发展.近期,北京", "发展。近期，北京"),
    ("取得新进展.", "取得新进展。"),
    ("年初, 《北京》 , 发布", "年初，《北京》，发布"),
    # quotes stay as the outlet typed them (a headline must read as it was printed)
    ('他说:"我们要加快发展。"', '他说："我们要加快发展。"'),
    ('"国补"和"以旧换新"', '"国补"和"以旧换新"'),
    ("构建'政产学研用'协同生态", "构建'政产学研用'协同生态"),
    ('"青银共居"计划 打破世代隔阂!', '"青银共居"计划 打破世代隔阂！'),
    ("中卓信(北京)科技", "中卓信（北京）科技"),
    ("(1)加强研发", "（1）加强研发"),
    ("GDP(国内生产总值)增长", "GDP（国内生产总值）增长"),
    ("２０２５年ＡＩ产业增长１５％", "2025年AI产业增长15%"),
    ("新华社北京9月25日电(记者 王薛滔)", "新华社北京9月25日电（记者 王薛滔）"),
])
def test_chinese_context(text, expected):
    assert normalize_punctuation(text) == expected


@pytest.mark.parametrize("text", [
    "e.g. 1,2 and 3",
    "Hello, world! Is it 9:30? Yes; f(x) = 3.",
    "访问 https://www.example.com/a?b=1 获取",
    "函数f(x)在",
    "CISMA2025",
    "他问 Really?",
    "5.7万亿",
    "It's don't",
    '他说"OK"吗',  # a pair around Latin text only: ambiguous, left alone
    '一个"孤立的引号',
    "“国补”持续发力 3000亿元资金",
])
def test_left_alone(text):
    assert normalize_punctuation(text) == text


def test_mixed_pair_of_parentheses_is_made_full_width():
    assert normalize_punctuation("中关村(北京）科技") == "中关村（北京）科技"


def test_nested_parentheses():
    assert normalize_punctuation("会议(由北京(海淀)主办)举行") == "会议（由北京（海淀）主办）举行"


# Property tests
_PIECES = st.sampled_from(["北京", "发展", "人工智能", ",", "?", "!", ":", ";", "(", ")", "（", "）", ".", "...", "…",
                           '"', "'", "“", "”", " ", "AI", "model", "e.g.", "3", "000", "9", "30", "%", "《", "》",
                           "，", "。", "http://x.com/?a=1"])
_TEXTS = st.lists(_PIECES, max_size=20).map("".join)
_CJK_OR_DIGIT = re.compile(r"[\u4e00-\u9fff0-9]")


@settings(max_examples=400)
@given(_TEXTS)
def test_chinese_characters_and_digits_are_unchanged(text):
    assert _CJK_OR_DIGIT.findall(normalize_punctuation(text)) == _CJK_OR_DIGIT.findall(text)


@settings(max_examples=200)
@given(st.text(alphabet="abc XYZ019,.?!:;()'\"-/%", max_size=40))
def test_text_without_chinese_is_unchanged(text):
    assert normalize_punctuation(text) == text
