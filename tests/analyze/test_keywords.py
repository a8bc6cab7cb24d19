import re

import pytest

from digest.analyze.keywords import keywords
from digest.analyze.words import STOPWORDS, is_content_word

NUMBERISH = re.compile(r"^[\d.,%％第一二两三四五六七八九十百千万亿]+[元年月日个家人批]?$")


@pytest.mark.parametrize("name, expected", [
    ("seed000", {"人工智能", "政协委员", "行动计划"}),
    ("ai_capital", {"人工智能", "AI", "算力"}),
    ("sewing", {"缝制机械", "产业链", "论坛"}),
    ("consumer", {"国补", "优惠券", "补贴"}),
])
def test_seed_keywords(seed_articles, name, expected):
    words = keywords(seed_articles[name])
    assert 5 <= len(words) <= 8
    assert expected <= set(words)
    assert not set(words) & STOPWORDS
    assert not any(NUMBERISH.match(w) or len(w) < 2 for w in words)
    assert not any(a != b and a in b for a in words for b in words), "no keyword inside another"


def test_split_compound_is_joined_back(sewing):
    words = keywords(sewing)
    assert "缝制机械" in words and "缝制" not in words and "机械" not in words


def test_title_words_are_boosted(make_draft):
    body = ["今年以来，城市更新行动在老旧小区改造、管网更新和社区服务等方面取得进展。",
            "多个城市推出老旧小区改造项目，居民对加装电梯的呼声较高，电梯企业订单增加。"]
    plain = keywords(make_draft("城市更新取得进展", body))
    boosted = keywords(make_draft("加装电梯走进千家万户", body))
    assert plain.index("电梯") > boosted.index("电梯") == 0


def test_generic_news_words_and_numbers_never_count(make_draft):
    draft = make_draft("记者表示", [
        "记者表示，今年推动发展进行了2025次，第四批690亿元资金已经到位，目前各方面工作持续推进，资金到位。"])
    assert keywords(draft) == ["资金"]


def test_k_limits_and_tiny_texts(consumer, make_draft):
    assert len(keywords(consumer, k=3)) == 3
    assert keywords(make_draft("", [])) == []


@pytest.mark.parametrize("word, ok", [
    ("人工智能", True), ("AI", True), ("的", False), ("690", False), ("亿元", False), ("第四批", False),
    ("推动", False), ("发展", False), ("十五五", False), ("，", False),
])
def test_content_word_filter(word, ok):
    assert is_content_word(word) is ok


def test_a_word_used_once_is_style_not_subject(consumer, make_draft):
    """热情 (title only), 活水 and 城乡之间 (once each) name nothing the article is about."""
    words = keywords(consumer)
    assert not {"热情", "活水", "城乡之间"} & set(words)
    draft = make_draft("新能源汽车下乡", [
        "新能源汽车下乡活动在河南启动，乡镇电池回收网点同步建设。",
        "活动带来消费热情，新能源汽车销量增长，电池回收网点覆盖更多乡镇。",
    ])
    words = keywords(draft)
    assert {"新能源汽车", "乡镇", "电池"} <= set(words)
    assert "热情" not in words and "河南" not in words


def test_fragments_rjieba_guessed_are_no_keywords(make_draft):
    """个村 (a measure word glued to its noun) and 周后 (a time and a localizer) are pieces of phrases."""
    draft = make_draft("雄安新区启动征迁", [
        "雄安新区涉及54个村，其中整体搬迁10个村。两周后，征迁工作全面展开，三周后完成公示。",
        "征迁工作在雄安新区有序推进。",
    ])
    words = keywords(draft)
    assert "雄安新区" in words
    assert not {"个村", "周后"} & set(words)


def test_a_joined_pair_counts_its_occurrences_even_when_also_seen_whole():
    """One whole-token 缝制机械 beside two 缝制+机械 pairs is a term seen three times, not once."""
    from collections import Counter

    from digest.analyze.keywords import _join_pairs

    words = Counter({"缝制": 2, "机械": 2, "缝制机械": 1})
    pairs = Counter({("缝制", "机械"): 2})
    seen = Counter({("缝制", "机械"): 2, "缝制": 2, "机械": 2, "缝制机械": 1})
    idfs = {"缝制": 9.0, "机械": 7.0, "缝制机械": 10.0}
    _join_pairs(words, pairs, seen, idfs)
    assert words["缝制机械"] == 3 and seen["缝制机械"] == 3
    assert words["缝制"] == words["机械"] == 0
