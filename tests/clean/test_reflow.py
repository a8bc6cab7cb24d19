import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.clean.dedupe import drop_duplicate_paragraphs
from digest.clean.junk import drop_junk_lines
from digest.clean.punctuation import normalize_punctuation
from digest.clean.reflow import display_width, looks_like_heading, reflow, splits_word, wrap_width


def test_seed_003_mid_word_breaks_are_joined():
    lines = [
        "从“京西智谷”门头沟区的算力高地,到石景山区的大模型产业集聚",
        "区;从亦庄经济开发区的AI原生应用示范区,到海淀区的技术创新策源地。",
        "打造“金融+AI”融合创新高地。支持建设安全合规的大模型训练专区,为金融机构提供专属大模型定制服务,并为初创企",
        "业提供大模型测试验证环境。设立百亿级“金融AI”创投基金。",
        "“在国家补贴政策的引领下,近两年投资和消费动能强劲,有力拉动了经济增长。”北京大",
        "学经济学院教授、国民经济研究中心主任苏剑在接受记者采访时表示。",
    ]
    assert reflow(lines) == [
        "从“京西智谷”门头沟区的算力高地,到石景山区的大模型产业集聚区;从亦庄经济开发区的AI原生应用示范区,到海淀区的技术创新策源地。",
        "打造“金融+AI”融合创新高地。支持建设安全合规的大模型训练专区,为金融机构提供专属大模型定制服务,并为初创企业提供大模型测试验证环境。设立百亿级“金融AI”创投基金。",
        "“在国家补贴政策的引领下,近两年投资和消费动能强劲,有力拉动了经济增长。”北京大学经济学院教授、国民经济研究中心主任苏剑在接受记者采访时表示。",
    ]


def test_seed_003_titles_bylines_and_column_labels_stay_apart():
    lines = [
        "“三位一体”战略构筑首都人工智能全球竞争力",
        "本报记者 胡静 □ 周露楠 范明朋",
        "人工智能(AI)作为新一轮科技革命与产业变革的核心驱动力,已成为全球科技竞争的战略焦点。",
        "行业分析",
        "本报讯(记者 王薛滔)9月25日,上海新国际博览中心群贤毕至。",
        "必将为缝制机械全产业链带来可量化、可持续、可复制的深远价值。",
        "全球产业链格局变动 缝制机械如何破局",
        "消费观察",
        "“国补”持续发力 3000亿元资金如何点燃消费新热情?",
        "国庆期间,在山东德州一家电子产品专卖店内,醒目的补贴标识吸引了众多消费者。",
    ]
    assert reflow(lines) == lines


SEED_003 = Path(__file__).parents[2] / "seeds" / "003_2eec7245c6bb0a7a.txt"


@pytest.mark.skipif(not SEED_003.exists(), reason="seed 003 not present")
def test_seed_003_line_stages_end_to_end():
    lines = SEED_003.read_text(encoding="utf-8").splitlines()
    paragraphs = drop_duplicate_paragraphs([normalize_punctuation(p) for p in reflow(drop_junk_lines(lines))])
    headings = [p for p in paragraphs if not re.search(r"[。！？][”’）]*$", p)]
    assert headings == ["“三位一体”战略构筑首都人工智能全球竞争力", "本报记者 胡静 □ 周露楠 范明朋", "行业分析",
                        "全球产业链格局变动 缝制机械如何破局", "消费观察"]
    assert len(paragraphs) == 30
    assert "并为初创企业提供大模型测试验证环境。" in paragraphs[11]
    assert paragraphs[-1].endswith("各地精准施策，为消费市场按下“升级键”，促进消费增长。")


def test_seed_000_heading_pairs_stay_apart():
    lines = [
        "人工智能“潮”起北京 政协委员热议产业未来",
        "今年年初,《北京人工智能创新高地建设行动计划》发布,启动技术创新策源、全域应用赋能等九大行动。",
        "紧跟科技前沿",
        "汇聚街区创新合力",
        "北京海淀区人工智能领域人才储备厚实、产业生态完善。",
        "秉持长期主义",
        "耐心培育产业生态",
        "人工智能浪潮中,政协委员不仅关注区域禀赋,也注重将自身所能融入产业发展。",
    ]
    assert reflow(lines) == lines


@pytest.mark.parametrize("lines, expected", [
    # other words cut at the line end
    (["人工智能作为新一轮科技革命与产业变革的核心驱", "动力，已成为全球科技竞争的战略焦点。"],
     ["人工智能作为新一轮科技革命与产业变革的核心驱动力，已成为全球科技竞争的战略焦点。"]),
    (["他说的话让城乡距", "离弥合的过程更快了。"], ["他说的话让城乡距离弥合的过程更快了。"]),
    (["北京大", "学教授张三表示。"], ["北京大学教授张三表示。"]),
    # a line that starts with a mark, or a number cut from its unit
    (["汇聚了全国40", "%的顶尖人才。"], ["汇聚了全国40%的顶尖人才。"]),
    (["他强调", "，要持续推进。"], ["他强调，要持续推进。"]),
    (["“这补贴政策真好！", "”市民牛女士说。"], ["“这补贴政策真好！”市民牛女士说。"]),
    # ends with a mark that needs more text
    (["今年年初，北京市发布了", "《行动计划》。"], ["今年年初，北京市发布了《行动计划》。"]),
    (["他表示：", "“我们将继续推进。”"], ["他表示：“我们将继续推进。”"]),
    # running text with a comma broken at a word boundary
    (["今年年初，北京市", "发布了行动计划。"], ["今年年初，北京市发布了行动计划。"]),
    # a break early in a paragraph, at a word boundary, leaving a particle or preposition
    (["北京海淀区人工智能领域的", "人才储备厚实、产业生态完善。"], ["北京海淀区人工智能领域的人才储备厚实、产业生态完善。"]),
    (["北京海淀区人工智能领域", "的人才储备厚实、产业生态完善。"], ["北京海淀区人工智能领域的人才储备厚实、产业生态完善。"]),
    (["推动科技与", "文化产业融合发展。"], ["推动科技与文化产业融合发展。"]),
    (["秉持长期主义", "了解产业生态。"], ["秉持长期主义", "了解产业生态。"]),
    # a heading ending in a word that, with the next line's start, also reads as a word
    (["人工智能“潮”起北京", "大学生创业热情高涨。"], ["人工智能“潮”起北京", "大学生创业热情高涨。"]),
    (["推动高质量发展", "中国经济稳中向好。"], ["推动高质量发展", "中国经济稳中向好。"]),
    # English words
    (["该公司发布了新的 AI", "model，引发关注。"], ["该公司发布了新的 AI model，引发关注。"]),
    (["打造“金融+A", "I”融合创新高地。"], ["打造“金融+AI”融合创新高地。"]),
    (["“国补”持续发力 30", "00亿元资金如何点燃消费新热情?"], ["“国补”持续发力 3000亿元资金如何点燃消费新热情?"]),
    # an unclosed quote, a one-character clause after a mark
    (["从“京西", "智谷”门头沟区的算力高地出发。"], ["从“京西智谷”门头沟区的算力高地出发。"]),
    (["海淀区政协委员、中", "卓信科技有限公司总经理刘涛建议。"], ["海淀区政协委员、中卓信科技有限公司总经理刘涛建议。"]),
    # a bracketed note continues; an enumeration starts a new paragraph
    (["本报讯", "（记者 王薛滔）9月25日，论坛在上海举行。"], ["本报讯（记者 王薛滔）9月25日，论坛在上海举行。"]),
    (["主要任务", "（一）加强基础研究。"], ["主要任务", "（一）加强基础研究。"]),
    (["一笔笔资金活水，如何汇入经济的毛细血管，激活消费的", "“一池春水”？"],
     ["一笔笔资金活水，如何汇入经济的毛细血管，激活消费的“一池春水”？"]),
    (["一笔笔资金活水，如何汇入经济的毛细血管，激活", "消费的“一池春水”？"],
     ["一笔笔资金活水，如何汇入经济的毛细血管，激活消费的“一池春水”？"]),
    (["本报讯（记者 王薛滔）9月25", "日，论坛在上海举行。"], ["本报讯（记者 王薛滔）9月25日，论坛在上海举行。"]),
    (["2023年产业规模达35", "00亿元"], ["2023年产业规模达3500亿元"]),
    (["2023年产业规模达3500", "亿元"], ["2023年产业规模达3500亿元"]),
    (["The company released a new AI", "model on Monday."], ["The company released a new AI model on Monday."]),
    # indentation and surrounding spaces are stripped
    (["\u3000\u3000第一段。", "  第二段。  "], ["第一段。", "第二段。"]),
    # a sentence end followed by bracketed notes ends the paragraph
    (["把握《行动计划》带来的发展机遇。(完)(《中国新闻》报 作者 任德辉 报道)", "本报讯 今天上午，会议在北京召开。"],
     ["把握《行动计划》带来的发展机遇。(完)(《中国新闻》报 作者 任德辉 报道)", "本报讯 今天上午，会议在北京召开。"]),
    # a question title ends its line
    (["如何点燃消费新热情?", "国庆期间，消费火热。"], ["如何点燃消费新热情?", "国庆期间，消费火热。"]),
])
def test_made_up_breaks(lines, expected):
    assert reflow(lines) == expected


def test_hard_wrapped_page_is_rejoined_at_its_width():
    text = ("北京市各区两会陆续召开，多位政协委员分享了对北京十五五时期人工智能产业发展的构想。"
            "海淀区政协委员建议要把握人工智能海外人才回流趋势精准引才加大应用场景培育力度推动成果转化深化产学研协同发展")
    paragraph2 = "石景山文化智境推动人工智能与文化加速融合。"
    lines = [text[i:i + 20] for i in range(0, len(text), 20)] + ["新的标题", paragraph2]
    assert wrap_width(lines) == 40
    assert reflow(lines) == [text, "新的标题", paragraph2]


def test_equal_headings_are_not_a_hard_wrap():
    lines = ["紧跟科技前沿", "正文。", "汇聚街区创新", "正文。", "秉持长期主义", "正文。", "耐心培育产业", "正文。"]
    assert wrap_width(lines) is None


def test_headings_of_equal_length_between_long_paragraphs_are_not_a_hard_wrap():
    """A page of links: a heading, then its blurb on one long line, again and again."""
    blurb = "此次活动主要针对的人群是在校大学生，目的是在广大同学中宣传和普及艾滋病预防知识，加强全社会对艾滋病的了解与关注。"
    headings = ["红丝带神州行－预防艾滋病列车宣传活动", "世界艾滋病日－十大高校公益宣传活动",
                "世界艾滋病日－遏制艾滋并履行承诺", "红丝带情系打工者慰问演出在京举行", "志愿者积极参与红丝带家园支教活动"]
    lines = [line for i, heading in enumerate(headings) for line in (heading, blurb[: 40 + 12 * i] + "。")]
    assert wrap_width(lines) is None
    assert reflow(lines) == lines


def test_helpers():
    assert splits_word("…并为初创企", "业提供大模型")
    assert not splits_word("紧跟科技前沿", "汇聚街区创新合力")
    assert looks_like_heading("本报记者 胡静 □ 周露楠 范明朋")
    assert looks_like_heading("全球产业链格局变动 缝制机械如何破局")
    assert not looks_like_heading("今年年初，北京市")
    assert display_width("AI产业") == 6


# Property tests
_PIECES = st.sampled_from(["北京", "大", "学", "企", "业", "人工", "智能", "产业", "集聚", "区", "，", "。", "？", "：",
                           "“", "”", "（", "）", "、", "AI", "model", "2025", "%", " ", "\u3000", "发展", "的", "标题",
                           "日", "9", "(", "《", "了", "A", "I", "中"])
_LINE_LISTS = st.lists(st.lists(_PIECES, min_size=1, max_size=14).map("".join), max_size=10)
_SPACE = re.compile(r"\s+")
_WORD_CHARS = re.compile(r"\w")


@settings(max_examples=300)
@given(_LINE_LISTS)
def test_no_character_is_lost_or_added(lines):
    out = reflow(lines)
    assert _SPACE.sub("", "".join(out)) == _SPACE.sub("", "".join(lines))
    assert all(p and p == p.strip() for p in out)


@settings(max_examples=200)
@given(_LINE_LISTS)
def test_reflow_then_dedupe_only_drops_repeated_text(lines):
    out = drop_duplicate_paragraphs(reflow(lines))
    assert set(_WORD_CHARS.findall("".join(out))) == set(_WORD_CHARS.findall("".join(lines)))


def test_headline_of_spaced_clauses_with_exclamation_stays_on_its_line():
    """``！``/``？`` between the spaced parts of a headline is no sentence end to join after."""
    lines = ["太冷了! 山村学校照常上课 操场结冰", "当地气温降到零下四十度，学生们仍然按时到校。"]
    assert reflow(lines) == lines
    lines = ["值得吗？ 青年辞职返乡养蜂", "去年春天，他辞去城里的工作回到家乡。"]
    assert reflow(lines) == lines


def test_exclamation_inside_a_short_line_without_spaces_is_a_cut_sentence():
    assert reflow(["他笑着说：“太好了！我们", "终于成功了。”"]) == ["他笑着说：“太好了！我们终于成功了。”"]
