import math

import pytest

from digest.analyze.topics import (
    DEFAULT_THRESHOLD,
    DEFAULT_TOPICS,
    Topic,
    classify,
    topic_score,
    topics_from_settings,
)

MADE_UP = {
    "ai-policy": ("深圳出台措施支持具身智能和大模型发展", [
        "深圳市近日印发行动方案，提出到2027年建成全国领先的具身智能创新高地，对人形机器人企业给予最高5000万元支持。",
        "方案明确，将开放政务、交通、医疗等领域数据资源，建设公共算力平台，降低中小企业训练大模型的算力成本。",
        "业内人士认为，算力补贴与场景开放相结合，有望吸引更多智能体和机器人企业落户深圳。"]),
    "sewing-machinery": ("台州缝纫机出口回暖 前8月增长12%", [
        "今年前8个月，台州缝纫机出口额达到18.6亿美元，同比增长12%，其中工业平缝机和包缝机出口量增长最快。",
        "台州是全国最大的缝制设备生产基地，聚集了上千家缝制机械整机和零部件企业。",
        "企业负责人表示，东南亚服装制造业持续扩张，带动了当地对缝纫设备的采购需求。"]),
    "consumer-subsidies": ("多地加码消费券 家电以旧换新持续升温", [
        "国庆前夕，杭州、成都等地陆续发放新一轮消费券，覆盖餐饮、零售、文旅等领域。",
        "商务部数据显示，今年以来全国家电以旧换新销售额已超过2000亿元，参与消费者超过6000万人次。",
        "业内人士表示，以旧换新政策与地方消费券叠加，进一步释放了消费潜力。"]),
    "sport": ("女排世锦赛：中国队3比1逆转日本队", [
        "北京时间9月6日晚，女排世锦赛八分之一决赛在曼谷进行，中国女排以3比1逆转战胜日本队，晋级八强。",
        "首局比赛中国队状态低迷，以21比25先失一局。随后主教练调整阵容，队长全场拿下24分。"]),
    "weather": ("寒潮来袭 北方多地气温骤降10℃以上", [
        "中央气象台今天早晨发布寒潮蓝色预警，受强冷空气影响，未来三天华北、东北等地气温将下降8至12℃。",
        "气象专家提醒，公众应及时添衣保暖，注意防范大风降温对交通出行和设施农业的不利影响。"]),
    "farm-subsidy": ("今年种粮农民一次性补贴发放到位", [
        "记者从农业农村部获悉，今年中央财政安排资金，向实际种粮农民发放一次性补贴，补贴资金已全部拨付到县。",
        "据介绍，补贴对象为实际承担种粮成本的农民，补贴标准由各省结合实际确定，确保补贴资金足额发放。"]),
}


@pytest.mark.parametrize("name, slug", [
    ("seed000", "ai-policy"), ("ai_capital", "ai-policy"),
    ("sewing", "sewing-machinery"), ("consumer", "consumer-subsidies"),
])
def test_seed_articles(seed_articles, name, slug):
    got, score = classify(seed_articles[name], DEFAULT_TOPICS, DEFAULT_THRESHOLD)
    assert got == slug
    assert score > DEFAULT_THRESHOLD + 1  # a clear margin, not a coin toss


@pytest.mark.parametrize("key, slug", [
    ("ai-policy", "ai-policy"), ("sewing-machinery", "sewing-machinery"),
    ("consumer-subsidies", "consumer-subsidies"),
    ("sport", "other"), ("weather", "other"),
    ("farm-subsidy", "other"),  # 补贴 alone is no anchor: not a consumer-subsidy story
])
def test_made_up_articles(make_draft, key, slug):
    title, paragraphs = MADE_UP[key]
    assert classify(make_draft(title, paragraphs), DEFAULT_TOPICS, DEFAULT_THRESHOLD)[0] == slug


def test_borderline_ai_in_a_garment_factory_goes_to_the_industry(make_draft):
    draft = make_draft("智能缝纫机走进服装厂 AI质检让次品率减半", [
        "在浙江台州一家服装厂的车间里，数百台智能缝纫机正在高速运转。这批缝制设备搭载了AI视觉系统，能够自动识别布料厚度并实时调整针距。",
        "厂长告诉记者，引入AI质检和算法排产后，次品率下降了一半，每条产线少用了3名工人。",
        "当地缝制机械企业负责人介绍，越来越多服装企业开始用人工智能改造缝纫车间，智能缝制设备订单同比增长了30%。",
    ])
    ai = topic_score(draft, DEFAULT_TOPICS[0])
    sewing = topic_score(draft, DEFAULT_TOPICS[1])
    assert ai > DEFAULT_THRESHOLD and sewing > ai
    assert classify(draft, DEFAULT_TOPICS, DEFAULT_THRESHOLD)[0] == "sewing-machinery"


def test_borderline_ai_dominant_article_stays_ai(make_draft):
    draft = make_draft("国产大模型加速落地 算力需求持续攀升", [
        "多家人工智能企业近日发布新一代大模型，支持多模态理解与智能体调用，训练所需算力较上一代提升三倍。",
        "业内人士认为，大模型正从互联网向制造、医疗、服装设计等行业渗透，算力和高质量数据集成为竞争焦点。",
    ])
    assert classify(draft, DEFAULT_TOPICS, DEFAULT_THRESHOLD)[0] == "ai-policy"


def test_score_is_weighted_hits_per_1000_chars_log_damped(make_draft):
    topic = Topic("t", "测试", "Test", {"消费补贴": 4, "补贴": 1})
    long_draft = make_draft("无关标题", ["消费补贴" + "无" * 996])  # 1004 characters with the title
    # 消费补贴 counts once as itself (weight 4), never again as 补贴
    assert topic_score(long_draft, topic) == pytest.approx(math.log1p(4 * 1000 / 1004))
    short_draft = make_draft("无关标题", ["消费补贴，补贴。"])  # below MIN_CHARS: divided by 500
    assert topic_score(short_draft, topic) == pytest.approx(math.log1p(5 * 1000 / 500))


def test_title_hits_weigh_three_times(make_draft):
    topic = Topic("t", "测试", "Test", {"缝纫机": 3})
    body = ["工厂添置了新设备。" * 60]
    in_title = topic_score(make_draft("缝纫机", body), topic)
    in_body = topic_score(make_draft("新设备", body + ["缝纫机"]), topic)
    assert in_title > in_body > 0
    assert math.expm1(in_title) == pytest.approx(3 * math.expm1(in_body), rel=0.01)


def test_long_articles_are_not_favoured(make_draft, consumer):
    topic = DEFAULT_TOPICS[2]
    paragraphs = [b.text for b in consumer.blocks]
    once = topic_score(make_draft(consumer.title, paragraphs), topic)
    padded = topic_score(make_draft(consumer.title, paragraphs + ["与主题无关的长篇背景介绍文字。" * 200]), topic)
    doubled_body = topic_score(make_draft(consumer.title, paragraphs * 2), topic)
    assert padded < once - 1
    assert doubled_body < once  # same body density, title weighs less in a longer text


def test_latin_terms_match_whole_words_in_any_case(make_draft):
    topic = Topic("t", "测试", "Test", {"AI": 3})
    assert topic_score(make_draft("", ["请发送EMAIL或访问MAIN站点。"]), topic) == 0
    assert topic_score(make_draft("", ["ai应用和AI芯片。"]), topic) == pytest.approx(math.log1p(6 * 1000 / 500))


def test_below_threshold_is_other_with_its_score(make_draft):
    draft = make_draft("社区活动", ["社区开展了以旧换新宣传活动。" + "居民踊跃参加了各项文体活动。" * 60])
    slug, score = classify(draft, DEFAULT_TOPICS, DEFAULT_THRESHOLD)
    assert slug == "other" and 0 < score < DEFAULT_THRESHOLD
    assert classify(draft, DEFAULT_TOPICS, threshold=score)[0] == "consumer-subsidies"


def test_default_topics():
    assert [(t.slug, t.name_zh, t.name_en) for t in DEFAULT_TOPICS] == [
        ("ai-policy", "人工智能政策", "AI policy"),
        ("sewing-machinery", "缝制机械", "Sewing machinery"),
        ("consumer-subsidies", "消费补贴", "Consumer subsidies"),
        ("other", "其他", "Other"),
    ]
    assert DEFAULT_TOPICS[-1].lexicon == {}
    assert all(w > 0 for t in DEFAULT_TOPICS for w in t.lexicon.values())


def test_topics_from_settings():
    topics = topics_from_settings([
        {"slug": "ev", "name_zh": "新能源汽车", "name_en": "EVs", "keywords": {"新能源汽车": 3, "充电桩": 2}},
        {"slug": "housing", "name_zh": "住房", "name_en": "Housing", "keywords": ["房贷", "楼市"]},
    ])
    assert [t.slug for t in topics] == ["ev", "housing", "other"]
    assert topics[0].lexicon == {"新能源汽车": 3.0, "充电桩": 2.0}
    assert topics[1].lexicon == {"房贷": 1.0, "楼市": 1.0}


def test_topics_from_settings_light_lexicon_still_classifies(make_draft):
    topics = topics_from_settings([{"slug": "housing", "name_zh": "住房", "name_en": "Housing",
                                    "keywords": ["房贷", "楼市"]}])
    draft = make_draft("楼市新政出台", ["多地下调首套房贷利率，楼市成交回暖，房贷需求明显增加。"])
    assert classify(draft, topics, DEFAULT_THRESHOLD)[0] == "housing"


@pytest.mark.parametrize("raw, message", [
    ({"slug": "a"}, "must be a list"),
    (["ai"], r"topic #1: must be a dict"),
    ([{"slug": "ai", "name_zh": "人工智能"}], r"topic #1: missing or empty field\(s\) 'name_en'"),
    ([{"slug": "ai", "name_zh": "人工智能", "name_en": "AI"}], r"topic #1 \('ai'\): missing field 'keywords'"),
    ([{"slug": "ai", "name_zh": "人工智能", "name_en": "AI", "keywords": {"人工智能": 0}}],
     r"keyword '人工智能' has weight 0; weights must be positive"),
    ([{"slug": "ai", "name_zh": "人工智能", "name_en": "AI", "keywords": {"AI": -1.5}}], "weight -1.5"),
    ([{"slug": "ai", "name_zh": "人工智能", "name_en": "AI", "keywords": {"AI": True}}], "weight True"),
    ([{"slug": "ai", "name_zh": "人工智能", "name_en": "AI", "keywords": {"AI": "3"}}], "weight '3'"),
    ([{"slug": "ai", "name_zh": "人工智能", "name_en": "AI", "keywords": {}}], "at least one keyword"),
    ([{"slug": "ai", "name_zh": "人工智能", "name_en": "AI", "keywords": {"AI": 1}},
      {"slug": "ai", "name_zh": "AI", "name_en": "AI2", "keywords": {"AI": 1}}], r"topic #2 \('ai'\): duplicate slug"),
    ([{"slug": "AI Policy", "name_zh": "人工智能", "name_en": "AI", "keywords": {"AI": 1}}], "slug must be lowercase"),
    ([{"slug": "ai", "name_zh": "人工智能", "name_en": "AI", "keyword": {"AI": 1}}], "unknown field"),
    ([{"slug": "other", "name_zh": "其他", "name_en": "Other", "keywords": {"AI": 1}}], "takes no keywords"),
])
def test_topics_from_settings_rejects_bad_entries(raw, message):
    with pytest.raises(ValueError, match=message):
        topics_from_settings(raw)
