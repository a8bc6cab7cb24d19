import re

from hypothesis import given, settings
from hypothesis import strategies as st

from digest.clean.dedupe import drop_duplicate_paragraphs, drop_repeated_sentences

# The last three paragraphs of seed 003: the second repeats the last sentence of
# the first, the third is a copy of the second cut off mid-sentence.
P65 = ("曾经，乡村居民购置家电，不仅要等待商家举行促销活动，还要辗转奔走于城乡之间；如今，指尖轻点，补贴即刻兑现，商品直达家里。"
       "这不仅是购物方式的变迁，更是发展成果共享、城乡距离弥合的深刻体现。")
P67 = ("消费市场的热浪，离不开各地的积极响应。面对“金九银十”与“双节”叠加的消费旺季，各地精准施策，为消费市场按下“升级键”，促进消费增长。"
       "这不仅是购物方式的变迁，更是发展成果共享、城乡距离弥合的深刻体现。")
P69 = "消费市场的热浪，离不开各地的积极响应。面对“金九银十”与“双节”叠加的消费旺季，"


def test_seed_003_end():
    assert drop_duplicate_paragraphs([P65, P67, P69]) == [
        P65,
        "消费市场的热浪，离不开各地的积极响应。面对“金九银十”与“双节”叠加的消费旺季，各地精准施策，为消费市场按下“升级键”，促进消费增长。",
    ]


def test_exact_repeat_ignoring_whitespace():
    a = "人工智能浪潮中，政协委员不仅关注区域禀赋，也注重将自身所能融入产业发展。"
    assert drop_duplicate_paragraphs([a, "下一段。", " 人工智能浪潮中， 政协委员不仅关注区域禀赋，也注重将自身所能融入产业发展。"]) == [a, "下一段。"]


def test_repeated_run_with_its_headings():
    run = ["秉持长期主义", "耐心培育产业生态", "人工智能浪潮中，政协委员不仅关注区域禀赋。", "北京东城区承载着众多央、国企资源。"]
    assert drop_duplicate_paragraphs(["导语。"] + run + run + ["结尾。"]) == ["导语。"] + run + ["结尾。"]


def test_column_label_may_repeat_on_a_page():
    paragraphs = ["行业分析", "本报讯 缝制机械论坛在上海举行。", "行业分析", "本报讯 消费市场持续回暖。"]
    assert drop_duplicate_paragraphs(paragraphs) == paragraphs


def test_adjacent_identical_headings_collapse():
    assert drop_duplicate_paragraphs(["消费观察", "消费观察", "正文。"]) == ["消费观察", "正文。"]


def test_short_sentences_may_repeat():
    assert drop_duplicate_paragraphs(["他说：好的。我们走吧。", "她说：好的。"]) == ["他说：好的。我们走吧。", "她说：好的。"]


def test_truncated_copy_anywhere_of_an_earlier_paragraph():
    a = "北京海淀区人工智能领域人才储备厚实、产业生态完善。"
    assert drop_duplicate_paragraphs([a, "北京海淀区人工智能领域人才储备", "另一段。"]) == [a, "另一段。"]


def test_drop_repeated_sentences_records_what_it_sees():
    seen: set[str] = set()
    assert drop_repeated_sentences(P65, seen) == P65
    assert drop_repeated_sentences("新的开头。这不仅是购物方式的变迁，更是发展成果共享、城乡距离弥合的深刻体现。", seen) == "新的开头。"


# Property tests: paragraphs drawn from a small pool so that repeats are frequent.
_POOL = [
    "行业分析", "消费观察", "紧跟科技前沿",
    "北京海淀区人工智能领域人才储备厚实、产业生态完善。",
    "这不仅是购物方式的变迁，更是发展成果共享、城乡距离弥合的深刻体现。",
    "消费市场的热浪，离不开各地的积极响应。",
    "消费市场的热浪，",
    "好的。",
    "面向这一目标，北京各区如何下好人工智能“一盘棋”？",
]
_PARAGRAPHS = st.lists(
    st.lists(st.sampled_from(_POOL), min_size=1, max_size=3).map("".join), max_size=12
)
_SENTENCE = re.compile(r"[^。！？]*[。！？]+[”’」』）)]*")


@settings(max_examples=400)
@given(_PARAGRAPHS)
def test_no_long_sentence_is_lost(paragraphs):
    def long_sentences(texts):
        return {s for t in texts for s in _SENTENCE.findall(t) if len(s) >= 16}

    assert long_sentences(drop_duplicate_paragraphs(paragraphs)) == long_sentences(paragraphs)


@settings(max_examples=400)
@given(_PARAGRAPHS)
def test_output_is_the_input_with_parts_removed(paragraphs):
    """Each kept paragraph is an input paragraph with whole sentences removed, in input order."""
    it = iter(paragraphs)
    for kept in drop_duplicate_paragraphs(paragraphs):
        assert any(_is_subsequence(kept, p) for p in it)


def _is_subsequence(small: str, big: str) -> bool:
    chars = iter(big)
    return all(c in chars for c in small)


@settings(max_examples=400)
@given(_PARAGRAPHS)
def test_only_repeated_text_is_dropped(paragraphs):
    """What goes was said before: every character of the input is still in the output."""
    assert set("".join(drop_duplicate_paragraphs(paragraphs))) == set("".join(paragraphs))
