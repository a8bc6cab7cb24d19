"""The acceptance criteria of the converter, end to end on the two real seeds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from digest.chardata import CJK_CHAR
from digest.pipeline import convert_bytes, convert_file

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_000 = SEEDS / "000_f5b23160764b9db6.txt"
SEED_003 = SEEDS / "003_2eec7245c6bb0a7a.txt"


@pytest.fixture(scope="module")
def seed_000():
    return convert_file(SEED_000)


@pytest.fixture(scope="module")
def seed_003():
    return convert_file(SEED_003)


def test_seed_000_is_one_clean_article(seed_000):
    [a] = seed_000
    assert a.title == "人工智能“潮”起北京 政协委员热议产业未来"
    assert a.authors == ["任德辉"] and a.source == "中国新闻报"
    assert a.date.isoformat() == "2026-01-23"
    text = "\n".join(a.paragraphs)
    assert "(" not in text and "xié" not in text  # no pinyin annotation, no half-width bracket
    assert "产业生态完善。《行动计划》提出" in text
    assert "的格局。”北京市政协经济委员会副主任" in text
    assert "协同发展生态。”甘迎新表示。" in text
    assert "?!" not in text and "2026年01月" not in text and "公网安备" not in text
    assert "（完）" not in a.paragraphs[-1] and a.paragraphs[-1].endswith("发展机遇。")
    assert [p for i, p in enumerate(a.paragraphs) if a.blocks[i].heading] == [
        "紧跟科技前沿 汇聚街区创新合力", "秉持长期主义 耐心培育产业生态"]  # one subheading per pair of lines


def test_seed_003_is_three_articles_with_their_titles_and_authors(seed_003):
    assert [a.title for a in seed_003] == [
        "“三位一体”战略构筑首都人工智能全球竞争力",
        "全球产业链格局变动 缝制机械如何破局",
        "“国补”持续发力 3000亿元资金如何点燃消费新热情？",
    ]
    assert [a.authors for a in seed_003] == [["胡静", "周露楠", "范明朋"], ["王薛滔"], []]
    assert [a.column for a in seed_003] == ["", "行业分析", "消费观察"]
    assert seed_003[1].paragraphs[0].startswith("9月25日，上海新国际博览中心群贤毕至。")


def test_seed_003_has_no_broken_word_and_no_duplicate(seed_003):
    paragraphs = [p for a in seed_003 for p in a.paragraphs]
    text = "\n".join(paragraphs)
    assert "产业集聚区；从亦庄" in text
    assert "为初创企业提供大模型测试验证环境" in text
    assert "北京大学经济学院教授" in text
    assert len(paragraphs) == len(set(paragraphs))
    assert text.count("消费市场的热浪，离不开各地的积极响应。") == 1
    for p in paragraphs:
        heading = len(p) <= 30 and not p.endswith(("。", "！", "？", "”"))
        assert heading or p.endswith(("。", "！", "？", "”", "）")), p


def test_topics_of_the_seed_articles(seed_000, seed_003):
    assert [a.topic for a in seed_000 + seed_003] == [
        "ai-policy", "ai-policy", "sewing-machinery", "consumer-subsidies"]


def test_summaries_are_whole_sentences_and_figures_are_found(seed_000, seed_003):
    for a in seed_000 + seed_003:
        assert 1 <= len(a.summary) <= 3
        body = [b.text for b in a.blocks if not b.heading]
        for sentence in a.summary:
            assert any(sentence in p for p in body), sentence
            assert sentence.endswith(("。", "！", "？", "”"))
        assert 5 <= len(a.keywords) <= 8
    consumer = seed_003[2]
    texts = [k.text for k in consumer.key_figures]
    assert "3000亿元" in texts and "690亿元" in texts
    fig = consumer.key_figures[texts.index("3000亿元")]
    assert (fig.value, fig.scale, fig.unit) == (3000, 1e8, "元")


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "big5", "utf-16", "utf-16-le", "utf-8-sig"])
@pytest.mark.parametrize("seed", [SEED_000, SEED_003], ids=["000", "003"])
def test_same_seed_in_any_encoding_gives_the_same_articles(seed, encoding):
    text = seed.read_text(encoding="utf-8")
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        if encoding != "big5":
            raise
        # Big5 has no Simplified characters: write the page in Traditional ones
        # and keep the lines Big5 can represent (mojibake runs cannot be).
        import opencc

        text = opencc.OpenCC("s2t").convert(text)
        text = re.sub(r"\([a-z\u00c0-\u024f]+\)", "", text)  # toned pinyin is not in Big5
        text = "\n".join(line for line in text.splitlines() if _encodable(line, "big5"))
        data = text.encode("big5")
        expected = convert_bytes(text.encode("utf-8"), seed.name)
    else:
        expected = convert_file(seed)
    got = convert_bytes(data, seed.name)
    assert [a.to_json() | {"encoding": ""} for a in got] == [a.to_json() | {"encoding": ""} for a in expected]
    assert all(CJK_CHAR.search(a.title) for a in got)


def _encodable(line: str, encoding: str) -> bool:
    try:
        line.encode(encoding)
        return True
    except UnicodeEncodeError:
        return False


# A crawled Traditional page with web furniture, made up in the shape real crawls have:
# headline of spaced clauses with ！, a kicker glued before the bracketed dateline, a
# caption with its photo credit and share bar, a "more" link, a link bar and a page label.
CRAWLED_PAGE = "\n".join([
    "第B03版：地方新聞",
    "颱風過境！ 山區道路坍方 居民受困",
    "鄉民嘆：又斷路了〔記者范文傑、鍾曉萍／花蓮報導〕颱風昨夜過境，山區多處道路坍方，三個村落對外交通中斷，"
    "縣府緊急調派機具搶修。",
    "搶修人員冒雨清除土石。圖／花蓮縣政府提供   分享       facebook           縣府表示，預計明天傍晚前恢復單線通行。",
    "災民可向鄉公所申請臨時安置…［詳細］",
    "首頁 | 地方 | 社會 | 生活",
])


def test_crawled_page_furniture_title_and_credits():
    [a] = convert_bytes(CRAWLED_PAGE.encode("utf-8"), "crawled.txt")
    assert a.title == "台风过境！山区道路坍方 居民受困"
    assert a.authors == ["范文杰", "钟晓萍"]
    text = "\n".join(a.paragraphs)
    for furniture in ("分享", "facebook", "提供", "详细", "首页", "版", "报导"):
        assert furniture not in text
    assert a.paragraphs[0] == "乡民叹：又断路了" and a.blocks[0].heading
    assert "抢修人员冒雨清除土石。" in text and "县府表示，预计明天傍晚前恢复单线通行。" in text
    assert text.endswith("灾民可向乡公所申请临时安置……")


def test_multi_article_traditional_page_gives_each_article_its_headline_and_reporter():
    page = "\n".join([
        "第A06版：綜合新聞",
        "颱風過境！ 山區道路坍方 居民受困",
        "〔記者范文傑／花蓮報導〕颱風昨夜過境，山區多處道路坍方，三個村落對外交通中斷。",
        "縣府緊急調派機具搶修，預計明天恢復通行。",
        "夜市重開人氣旺 攤商笑開懷",
        "〔記者馬一鳴／台南報導〕停業半年的老街夜市昨晚重新開放，兩百多個攤位座無虛席。",
        "漁獲豐收價格跌？ 漁民盼政府收購",
        "【白若溪╱基隆報導】今年秋季漁獲量大增，魚價跌到五年新低。",
    ])
    articles = convert_bytes(page.encode("utf-8"), "page.txt")
    assert [(a.title, a.authors) for a in articles] == [
        ("台风过境！山区道路坍方 居民受困", ["范文杰"]),
        ("夜市重开人气旺 摊商笑开怀", ["马一鸣"]),
        ("渔获丰收价格跌？渔民盼政府收购", ["白若溪"]),
    ]
    assert [len(a.paragraphs) for a in articles] == [2, 1, 1]
