"""split_articles: real fragments of both seeds, and made-up page layouts."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.model import Block
from digest.split.articles import split_articles
from digest.chardata import PAGE_HEADLINE_MAX
from digest.split.lines import Kind, classify, is_page_headline
from digest.split.titles import title_from_text

# The two real seeds as the cleaning stages hand them over: Simplified, pinyin
# and mojibake repaired, hard breaks joined, full-width punctuation, page junk
# (footer timestamp list, licence number) and duplicated paragraphs dropped.
SEED_000 = [
    '人工智能“潮”起北京 政协委员热议产业未来',
    '今年年初，《北京人工智能创新高地建设行动计划》（以下简称《行动计划》）发布，启动技术创新策源、全域应用赋能等九大行动，并支持海淀、朝阳等区建设首批人工智能创新街区，力争打造“全球人工智能创新高地”。',
    '面向这一目标，北京各区如何下好人工智能“一盘棋”，在优势互补、协同创新中实现高质量发展？近期，北京市各区两会陆续召开，多位政协委员分享了对北京“十五五”时期人工智能产业发展的构想。',
    '紧跟科技前沿',
    '汇聚街区创新合力',
    '北京海淀区人工智能领域人才储备厚实、产业生态完善。《行动计划》提出在海淀打造“原点社区”，突出技术策源、要素集聚。',
    '海淀区政协委员、中卓信（北京）科技有限公司总经理刘涛建议要把握人工智能海外人才回流趋势，“一人一议”精准引才，加大应用场景培育力度，以“中关村杯”AI赛事等载体推动成果转化，深化产学研协同。',
    '除海淀“原点社区”外，北京首批人工智能创新街区还包括朝阳区“光智空间”，搭建AI科创服务体系；石景山“文化智境”推动人工智能与文化加速融合；经开区“模数世界”布局具身智能和智能硬件等重点方向。',
    '“四个街区虽功能各异，但组合起来就是一个创新的‘生态雨林’，让企业间发生更多链接与变化，形成优势互补、差异化发展的格局。”北京市政协经济委员会副主任、振兴国际智库理事长李志起表示。',
    '西城区政协委员、北京知诚社会组织众扶发展促进会秘书长任宏艳表示，作为首都功能核心区，西城区治理需求复杂多样，形成了金融风险智能感知、城市运行超早期预警、重大活动智慧保障等应用场景，为AI技术验证提供“考场”。',
    '秉持长期主义',
    '耐心培育产业生态',
    '人工智能浪潮中，政协委员不仅关注区域禀赋，也注重将自身所能融入产业发展。',
    '北京东城区承载着众多央、国企资源，区政协委员、中关村中小型科技文化企业促进会会长甘迎新注意到，“十五五”时期，东城区要围绕“人工智能+央地合作”培育人工智能产业，搭建连接人工智能创新企业与央、国企间的创新平台。',
    '“我们致力于推动科技与文化产业融合发展，将积极收集企业发展诉求，反馈行业发展建议，推动完善适配中小企业的AI产业扶持政策，助力构建‘政产学研用’协同发展生态。”甘迎新表示。',
    '文化、医疗、民生……今年北京朝阳区两会期间，多位政协委员建议，朝阳区要以上述人工智能应用场景为导向，助推千行百业实现高质量发展。',
    '“朝阳是消费大区，产业空间广阔。要在北京市推广‘免审即享’惠企政策的过程中走在前面，打造服务标杆，吸引更多企业。”朝阳区政协委员、北京市新的社会阶层人士联谊会理事、北京握奇数据技术中心主任郭天光表示，新联会组织将持续开展对接活动，整合人工智能产业资源，为“十五五”开好局起好步贡献力量。',
    '密云区政协委员、通号创新投资集团有限公司副总经理钟刚表示，密云区近年来持续完善基础设施与人才政策，为承载各类新兴产业做好了准备，面向“十五五”，建议该区发挥生态与空间优势，积极招商引资，把握《行动计划》带来的发展机遇。（完）（《中国新闻》报 作者 任德辉 报道）',
]

SEED_003 = [
    '“三位一体”战略构筑首都人工智能全球竞争力',
    '本报记者 胡静 □ 周露楠 范明朋',
    '人工智能（AI）作为新一轮科技革命与产业变革的核心驱动力，已成为全球科技竞争的战略焦点，被党的二十大明确列为国家战略科技力量。今年7月份，国务院审议通过《关于深入实施“人工智能+”行动的意见》，标志着我国人工智能发展正式进入规模化应用新阶段。而同月在上海举办的2025世界人工智能大会则进一步展示了多模态融合、具身智能、AI智能体与绿色算力革新等全球人工智能技术新方向和新趋势。在这一背景下，北京作为我国人工智能发展的核心区，肩负着构建具有全球竞争力AI生态的重要使命。',
    '目前，针对人工智能创新与发展，北京已形成基础研究、技术转化与场景落地的全链条生态，汇聚了全国40%的顶尖人才、60%的国家级重点实验室和2400家核心企业，2023年产业规模达3500亿元，综合实力领跑全国。',
    '从“京西智谷”门头沟区的算力高地，到石景山区的大模型产业集聚区；从亦庄经济开发区的AI原生应用示范区，到海淀区的技术创新策源地；从东城区的央地协同数字化标杆，到西城区的“政策+空间+场景”综合服务体系——北京正以多点布局、功能互补的格局全力推进人工智能高质量发展。',
    '然而，对标全球先进水平，我国人工智能发展仍面临算力效能偏低、数据开放不足、产融结合薄弱、人才结构失衡四大突出瓶颈问题。',
    '在算力方面，仅北京专注于大模型企业的算力需求缺口就超过40%，同时国产芯片在实际算力使用中占比不足20%。这迫使不少企业为了维持研发和运营，不得不采用同时使用国外芯片和国产芯片的“混合算力”模式，但这种模式带来的数据安全风险比使用单一可控算力方案高出约20%。',
    '在数据方面，高质量中文数据集稀缺，政务、金融数据开放率不到15%。同时，隐私计算技术实际应用率不足30%，这使得医疗健康、社会保障这些包含大量有用信息但又高密度敏感的数据领域难以安全、合规地向AI产业开放。',
    '在产融结合方面，约70%的风险投资集中于AI技术研发企业，而应用层企业获投比例仅为15%。中小企业面临技术渗透率低、场景盈利模式不清晰等挑战，进一步加剧了产业商业化落地的困难。',
    '在人才结构方面，以北京为例，对算法工程师的需求缺口超2万人，且跨领域复合型AI人才占比不足8%，但领域内人才每年的流失率却平均高达18%。另一方面，高校AI相关专业的课程设置跨学科覆盖比例不足20%，人才供给与产业需求之间存在显著错配。',
    '上述问题不仅是技术问题，更是体制规划、生态建设和战略布局的系统性课题，成为制约北京乃至全国AI产业高质量发展的瓶颈。破局之道，在于构建“技术突破+场景牵引+治理护航”的“三位一体”战略体系。',
    '打造“金融+AI”融合创新高地。支持建设安全合规的大模型训练专区，同时联合国家级实验室共建垂直领域大模型调优平台，为金融机构提供专属大模型定制服务，并为初创企业提供大模型测试验证环境。设立百亿级“金融AI”创投基金，发挥“监管沙盒”机制作用，推进技术研发与合规应用双轮驱动。',
    '深化场景开放与央地协同。通过建设“城市治理大模型中枢”，推动政务、医疗、文化等领域高价值场景开放；依托央企资源共建创新联合体，制定AI伦理与算法备案标准；推进公共数据资源化运营，建立分级脱敏机制，加速AI技术在关键领域的落地。',
    '构建“AI人才驿站”生态。实施“首都AI人才绿卡”制度，强化产教融合与“AI+微学位”教育，建设国际人才社区和离岸创新基地，从根本上创新AI人才培养机制、改善AI人才结构。',
    '人工智能的竞争归根结底是创生生态的竞争。北京拥有政策、人才、技术、资本等多重优势，通过技术赋能、场景协同与人才聚合等“组合拳”突破发展瓶颈，才能真正建成具有全球影响力的人工智能创新高地。这不仅关乎首都AI产业的未来，更承载着中国在智能时代参与并引领全球科技竞争的战略使命。',
    '行业分析',
    '本报讯（记者 王薛滔）9月25日，上海新国际博览中心群贤毕至。以“坚持开放包容，携手创新发展”为主题的CISMA2025国际合作发展论坛在此举行，吸引了全球缝制机械行业的目光。在当前全球鞋服产业链经历深度调整与重塑的背景下，如何携手构建更具韧性且可持续的产业新生态，成为摆在所有从业者面前的共同课题。',
    '论坛上，中国缝制机械协会理事长杨晓京系统地梳理了中国缝制机械行业在新格局下的转型成果，并勾勒出清晰的未来发展方向。他指出，缝制机械是支撑服装、箱包、鞋帽、家纺乃至汽车等产业发展的关键环节，维系着下游5.7万亿美元产值、超1亿产业工人与爱好者的生活与发展，是连接市场、融合产业、促进创新、沟通文化的重要力量，更是推动全球经济、维护社会稳定、创造美好生活的的重要引擎。他强调，伴随用户需求变化与科技进步，中国缝制机械行业积极推动转型升级：一是坚持需求导向，推动产品创新。积极适应用户行业个性化定制、“小单快反”等新需求，加强有针对性的产品研发，加强科技成果转化应用。二是坚持结构调整，推动产业创新。在巩固传统应用领域的同时，不断拓展汽车内饰、医疗健康、智能家居、户外用品、产业用纺织品等新兴领域的定制化开发和整厂解决方案；推动信息技术、AI技术、机器人技术在行业中的应用。三是坚持对外开拓，推动市场创新。拓宽国际化视野，培育国际化团队，提升国际影响力，在印度、越南、美国、孟加拉、土耳其等传统市场的基础上，不断开拓东南亚、南亚、俄罗斯、中亚、中南美、中东、北非等新兴市场。四是坚持合作共赢，推动协同创新。不断强化整车分工协作关系、基础保障关系，以及制造企业与商贸企业的市场协同关系、服务支持关系；建立协同创新机制，实现资源共享、优势互补，提升产业链的整体效率。',
    '面对变革，杨晓京向全球同业发出三项倡议：一是聚焦新质生产力，携手在运动控制、智能传感等关键技术领域合作突破，打造协同创新优势；二是聚焦转型，共同拓展智能制造、绿色制造和数字化转型新模式；三是聚焦发展，培育开放融合、合作共赢的新体系，共筑健康的行业生态。',
    '此外，中国服装协会专职副会长焦培，中国缝制机械协会副理事长吴吉灵、日本缝制机械工业会秘书长内藤智分别就全球服装产业链格局、国内外市场变化、行业互访必要性等议题进行了深度分析。杰克科技、法国力克等企业代表也围绕服装企业转型和出海策略等实践话题分享了宝贵经验。',
    '在全球化的今天，信息碎片化是阻碍决策的一大难题。CISMA2025国际合作发展论坛的价值，正是在于打造了一个跨越国界的“零时差”对话平台。与会代表普遍认为，论坛将散落于世界各地的碎片化信息汇聚成“一张图”，既精准把脉合作风向，又第一时间锁定潜在商机。在新的产业格局下，该论坛不仅是思想碰撞的“加速器”，更是成果落地的“转化器”，必将为缝制机械全产业链带来可量化、可持续、可复制的深远价值。',
    '全球产业链格局变动 缝制机械如何破局',
    '消费观察',
    '“国补”持续发力 3000亿元资金如何点燃消费新热情？',
    '国庆期间，在山东德州一家电子产品专卖店内，醒目的补贴标识吸引了众多消费者体验产品，比价咨询。“这补贴政策真好！”市民牛女士欣喜地分享，用优惠券买电脑省下的钱，还能配一副好耳机，这波政策红包太受欢迎了，自己抢了10分钟才领到优惠券。',
    '这背后，是国家层面真金白银的持续注入。近日，国家发展改革委会同财政部，向地方下达了今年第四批690亿元超长期特别国债支持消费品以旧换新资金。至此，全年3000亿元中央资金已全部下达。',
    '一笔笔资金活水，如何悄然汇入经济的毛细血管，激活消费的“一池春水”？',
    '“在国家补贴政策的引领下，近两年投资和消费动能强劲，有力拉动了经济增长。‘国补’通过资金补贴降低消费成本，直接刺激消费；消费产生效益，推动经济增长；增长带动收入提升，进而再次拉动消费。”北京大学经济学院教授、国民经济研究中心主任苏剑在接受记者采访时表示，一个“补贴一消费—增长—收入—再消费”的良性循环逐渐形成，为经济发展注入源源不断的内生动力。',
    '曾经，乡村居民购置家电，不仅要等待商家举行促销活动，还要辗转奔走于城乡之间；如今，指尖轻点，补贴即刻兑现，商品直达家里。这不仅是购物方式的变迁，更是发展成果共享、城乡距离弥合的深刻体现。',
    '消费市场的热浪，离不开各地的积极响应。面对“金九银十”与“双节”叠加的消费旺季，各地精准施策，为消费市场按下“升级键”，促进消费增长。这不仅是购物方式的变迁，更是发展成果共享、城乡距离弥合的深刻体现。',
    '消费市场的热浪，离不开各地的积极响应。面对“金九银十”与“双节”叠加的消费旺季，',
]



def _body(article) -> list[str]:
    return [b.text for b in article.blocks if not b.heading]


def _headings(article) -> list[str]:
    return [b.text for b in article.blocks if b.heading]


# --- seed 000: one article, two-line subheadings, closing credit ---------------


def test_seed_000_is_one_article_with_its_title_first():
    [article] = split_articles(SEED_000)
    assert article.title == "人工智能“潮”起北京 政协委员热议产业未来"
    assert _body(article)[0].startswith("今年年初，《北京人工智能创新高地建设行动计划》")
    assert len(_body(article)) == 13


def test_seed_000_two_line_subheadings_stay_inside_the_article():
    [article] = split_articles(SEED_000)
    assert _headings(article) == ["紧跟科技前沿 汇聚街区创新合力", "秉持长期主义 耐心培育产业生态"]
    texts = article.paragraphs
    at = texts.index("紧跟科技前沿 汇聚街区创新合力")
    assert article.blocks[at] == Block("紧跟科技前沿 汇聚街区创新合力", heading=True)
    assert texts[at - 1].endswith("人工智能产业发展的构想。")
    assert texts[at + 1].startswith("北京海淀区人工智能领域人才储备厚实")


def test_seed_000_without_its_title_keeps_the_paired_subheadings():
    [article] = split_articles(SEED_000[1:])
    assert article.title == "今年年初，《北京人工智能创新高地建设行动计划》"
    assert _headings(article) == ["紧跟科技前沿 汇聚街区创新合力", "秉持长期主义 耐心培育产业生态"]
    assert len(_body(article)) == 13


def test_seed_000_closing_credit_becomes_source_and_author():
    [article] = split_articles(SEED_000)
    assert article.source == "中国新闻报"
    assert article.authors == ["任德辉"]
    assert _body(article)[-1].endswith("把握《行动计划》带来的发展机遇。")
    assert "（完）" not in article.body_text
    assert article.date is None  # no dateline: the pipeline falls back to the page date


def test_seed_000_credit_with_half_width_brackets():
    page = SEED_000[:-1] + [SEED_000[-1].replace("（", "(").replace("）", ")")]
    [article] = split_articles(page)
    assert article.source == "中国新闻报"
    assert article.authors == ["任德辉"]
    assert _body(article)[-1].endswith("发展机遇。")


# --- seed 003: three articles, column labels, headline after its body ----------


def test_seed_003_holds_three_articles():
    articles = split_articles(SEED_003)
    assert [a.title for a in articles] == [
        "“三位一体”战略构筑首都人工智能全球竞争力",
        "全球产业链格局变动 缝制机械如何破局",
        "“国补”持续发力 3000亿元资金如何点燃消费新热情？",
    ]
    assert [a.column for a in articles] == ["", "行业分析", "消费观察"]


def test_seed_003_first_article_byline_and_boundaries():
    first = split_articles(SEED_003)[0]
    assert first.authors == ["胡静", "周露楠", "范明朋"]
    assert first.source == ""
    body = _body(first)
    assert body[0].startswith("人工智能（AI）作为新一轮科技革命与产业变革的核心驱动力")
    assert body[-1].startswith("人工智能的竞争归根结底是创生生态的竞争。")
    assert len(body) == 13
    assert _headings(first) == []


def test_seed_003_second_article_lead_credit_and_headline_after_body():
    second = split_articles(SEED_003)[1]
    assert second.authors == ["王薛滔"]
    body = _body(second)
    assert body[0].startswith("9月25日，上海新国际博览中心群贤毕至。")  # 本报讯（记者 王薛滔） taken off
    assert body[-1].startswith("在全球化的今天，信息碎片化是阻碍决策的一大难题。")
    assert len(body) == 5
    assert "行业分析" not in second.paragraphs and second.title not in second.paragraphs
    assert second.date == date(2025, 9, 25)  # 9月25日 + CISMA2025


def test_seed_003_third_article_keeps_its_question_lines_as_text():
    third = split_articles(SEED_003)[2]
    body = _body(third)
    assert body[0].startswith("国庆期间，在山东德州一家电子产品专卖店内")
    assert "一笔笔资金活水，如何悄然汇入经济的毛细血管，激活消费的“一池春水”？" in body
    assert body[-1] == "消费市场的热浪，离不开各地的积极响应。面对“金九银十”与“双节”叠加的消费旺季，"
    assert third.authors == [] and third.date is None
    assert _headings(third) == []


def test_seed_003_with_page_year_dates_the_dateline():
    assert split_articles(SEED_003, page_year=2024)[1].date == date(2024, 9, 25)


# --- line kinds and fallback titles --------------------------------------------


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("人工智能“潮”起北京 政协委员热议产业未来", Kind.HEADING),
        ("“国补”持续发力 3000亿元资金如何点燃消费新热情？", Kind.HEADING),
        ("紧跟科技前沿", Kind.HEADING),
        ("一笔笔资金活水，如何悄然汇入经济的毛细血管，激活消费的“一池春水”？", Kind.TEXT),
        ("人工智能浪潮中，政协委员不仅关注区域禀赋，也注重将自身所能融入产业发展。", Kind.TEXT),
        ("消费市场的热浪，离不开各地的积极响应。面对“金九银十”与“双节”叠加的消费旺季，", Kind.TEXT),
        ("“这补贴政策真好！”", Kind.TEXT),
        ("目前交通已基本恢复。", Kind.TEXT),
        ("行业分析", Kind.COLUMN),
        ("【民生速递】", Kind.COLUMN),
        ("财经", Kind.COLUMN),
        ("记者手记", Kind.COLUMN),
        ("本报记者 胡静 □ 周露楠 范明朋", Kind.BYLINE),
        ("（完）", Kind.BYLINE),
        ("本报讯（记者 王薛滔）", Kind.BYLINE),
        ("2025年9月26日 星期五", Kind.DATE),
    ],
)
def test_line_kinds(line, kind):
    assert classify(line).kind is kind


def test_column_line_keeps_the_label_without_brackets():
    assert classify("【民生速递】").text == "民生速递"


@pytest.mark.parametrize(
    ("paragraph", "title"),
    [
        ("9月25日，上海新国际博览中心群贤毕至。以“坚持开放包容”为主题。", "上海新国际博览中心群贤毕至"),
        ("国庆期间，在山东德州一家电子产品专卖店内，醒目的补贴标识吸引了众多消费者体验产品。", "国庆期间，在山东德州一家电子产品专卖店内"),
        ("人工智能作为新一轮科技革命与产业变革的核心驱动力已成为全球科技竞争的战略焦点。", "人工智能作为新一轮科技革命与产业变革的核心驱动力已成为全球…"),
        ("这补贴政策真好！市民牛女士说。", "这补贴政策真好！"),
    ],
)
def test_title_from_first_sentence(paragraph, title):
    assert title_from_text(paragraph) == title
    assert len(title) <= 30


# --- made-up layouts -------------------------------------------------------------

BODY_A = [
    "今年以来，杭州市持续推进城市更新，老旧小区改造开工数量创历年新高，居民满意度明显提升。",
    "据介绍，改造内容涵盖管网更新、加装电梯和公共空间提升，惠及居民超过十二万户。",
]
BODY_B = [
    "近日，成都市发布新能源汽车推广应用实施方案，提出进一步完善充电基础设施网络。",
    "方案明确，到明年底全市公共充电桩将超过十万个，并在高速服务区实现快充全覆盖。",
]


def test_single_article_title_first():
    [article] = split_articles(["杭州老旧小区改造按下快进键", *BODY_A])
    assert article.title == "杭州老旧小区改造按下快进键"
    assert article.paragraphs == BODY_A
    assert article.authors == [] and article.column == ""


def test_two_title_first_articles_with_bylines():
    page = ["杭州老旧小区改造按下快进键", "记者 林小雨 通讯员 陈晨", *BODY_A,
            "成都新能源车推广再提速", "文/赵一鸣", *BODY_B]
    first, second = split_articles(page)
    assert (first.title, first.authors, first.paragraphs) == ("杭州老旧小区改造按下快进键", ["林小雨", "陈晨"], BODY_A)
    assert (second.title, second.authors, second.paragraphs) == ("成都新能源车推广再提速", ["赵一鸣"], BODY_B)


def test_headline_after_body_with_column_labels():
    page = ["城市观察", *BODY_A, "老旧小区改造提速 十二万户居民受益", "产业视点", "成都新能源车推广再提速", *BODY_B]
    first, second = split_articles(page)
    assert (first.title, first.column, first.paragraphs) == ("老旧小区改造提速 十二万户居民受益", "城市观察", BODY_A)
    assert (second.title, second.column, second.paragraphs) == ("成都新能源车推广再提速", "产业视点", BODY_B)


def test_page_that_starts_with_a_body_puts_each_headline_after_its_body():
    page = [*BODY_A, "杭州老旧小区改造按下快进键", *BODY_B, "成都新能源车推广再提速"]
    first, second = split_articles(page)
    assert (first.title, first.paragraphs) == ("杭州老旧小区改造按下快进键", BODY_A)
    assert (second.title, second.paragraphs) == ("成都新能源车推广再提速", BODY_B)


def test_bracketed_column_label_and_lead_credit_start_an_article():
    page = ["杭州老旧小区改造按下快进键", *BODY_A, "【民生速递】",
            "本报讯（记者 周明 实习生 吴佳）3月12日，" + BODY_B[0][3:], BODY_B[1]]
    first, second = split_articles(page)
    assert first.title == "杭州老旧小区改造按下快进键" and first.paragraphs == BODY_A
    assert second.column == "民生速递"
    assert second.authors == ["周明", "吴佳"]
    assert second.paragraphs[0] == "3月12日，" + BODY_B[0][3:]
    assert second.title == "成都市发布新能源汽车推广应用实施方案"  # from its first sentence, date clause dropped


def test_xinhua_lead_gives_source_authors_and_date():
    page = ["多地出台措施稳外贸", "新华社北京1月5日电（记者 张三、李四）记者从商务部获悉，2025年全国货物贸易进出口总值再创新高。",
            "商务部有关负责人表示，今年将继续推动外贸质升量稳。"]
    [article] = split_articles(page)
    assert article.title == "多地出台措施稳外贸"
    assert (article.source, article.authors) == ("新华社", ["张三", "李四"])
    assert article.paragraphs[0] == "记者从商务部获悉，2025年全国货物贸易进出口总值再创新高。"
    assert article.date == date(2025, 1, 5)


def test_dateline_without_any_year_gives_no_date():
    page = ["多地出台措施稳外贸", "新华社北京1月5日电（记者 张三）记者从商务部获悉，全国货物贸易进出口总值再创新高。"]
    assert split_articles(page)[0].date is None
    assert split_articles(page, page_year=2026)[0].date == date(2026, 1, 5)


def test_article_without_title_gets_its_first_sentence():
    [article] = split_articles(BODY_A)
    assert article.title == "今年以来，杭州市持续推进城市更新"
    assert article.paragraphs == BODY_A


def test_short_untitled_article_title_is_the_whole_first_sentence():
    [article] = split_articles(["暴雨过后，救援队连夜抢修道路。", "目前交通已基本恢复。"])
    assert article.title == "暴雨过后，救援队连夜抢修道路"


def test_page_of_only_headings_is_no_article():
    assert split_articles(["杭州老旧小区改造按下快进键", "行业分析", "记者 林小雨", "紧跟科技前沿"]) == []
    assert split_articles([]) == []
    assert split_articles(["", "  "]) == []


def test_closing_credit_then_next_title_without_signals():
    page = ["杭州老旧小区改造按下快进键", BODY_A[0], BODY_A[1] + "（完）", "成都", *BODY_B]
    first, second = split_articles(page)
    assert first.paragraphs == BODY_A and second.title == "成都"


def test_credit_line_after_body_belongs_to_that_article():
    page = ["杭州老旧小区改造按下快进键", *BODY_A, "（责任编辑：孙丽）", "成都新能源车推广再提速", *BODY_B]
    first, second = split_articles(page)
    assert first.paragraphs == BODY_A and first.authors == []  # editors are not authors
    assert second.title == "成都新能源车推广再提速" and second.paragraphs == BODY_B


def test_long_two_part_headline_after_complete_body_starts_an_article():
    page = ["杭州老旧小区改造按下快进键", *BODY_A, "新能源车推广再提速 成都充电桩将超十万个", *BODY_B]
    first, second = split_articles(page)
    assert second.title == "新能源车推广再提速 成都充电桩将超十万个"
    assert second.paragraphs == BODY_B


def test_single_short_heading_inside_a_titled_article_is_a_subheading():
    page = ["杭州老旧小区改造按下快进键", BODY_A[0], "一、管网更新", BODY_A[1], "惠民生", *BODY_B]
    [article] = split_articles(page)
    assert _headings(article) == ["一、管网更新", "惠民生"]
    assert _body(article) == [*BODY_A, *BODY_B]


def test_paired_subheadings_as_long_as_a_short_title_stay_subheadings():
    page = ["杭州旧改按下快进键", BODY_A[0], "管网更新让居民用水更安心", "加装电梯让老人出行更方便", BODY_A[1]]
    [article] = split_articles(page)
    assert _headings(article) == ["管网更新让居民用水更安心 加装电梯让老人出行更方便"]
    assert _body(article) == BODY_A


def test_kicker_and_subtitle_around_the_title():
    page = ["聚焦城市更新", "杭州老旧小区改造按下快进键", "——十二万户居民告别“爬楼难”", *BODY_A]
    [article] = split_articles(page)
    assert article.title == "杭州老旧小区改造按下快进键"
    assert _headings(article) == ["聚焦城市更新", "——十二万户居民告别“爬楼难”"]


def test_date_line_under_title_dates_the_article():
    [article] = split_articles(["杭州老旧小区改造按下快进键", "2025年9月26日", "作者：林小雨", "来源：杭州日报", *BODY_A])
    assert article.date == date(2025, 9, 26)
    assert (article.authors, article.source) == (["林小雨"], "杭州日报")
    assert article.paragraphs == BODY_A


LINES = [*SEED_000, *SEED_003, *BODY_A, "行业分析", "记者 林小雨", "（完）", "", "紧跟科技前沿", "【民生速递】"]


@settings(max_examples=80)
@given(st.lists(st.sampled_from(LINES), max_size=30))
def test_any_page_keeps_every_running_paragraph_in_order_and_titles_are_never_empty(page):
    articles = split_articles(page)
    running = [line.text for line in map(classify, filter(str.strip, page)) if line.kind is Kind.TEXT and line.text]
    if articles and running and articles[0].title == running[0] and is_page_headline(running[0]):
        running = running[1:]  # the page's first line, taken as its headline (nothing lost)
    assert [text for article in articles for text in _body(article)] == running
    for article in articles:
        assert article.title.strip() and len(article.title) <= PAGE_HEADLINE_MAX
        assert _body(article)


def test_section_label_before_each_title_is_a_column_not_text():
    page = [
        "体育新闻", "国足客场逆转取胜 晋级希望大增", "本报记者 赵六",
        "昨晚，中国男足在客场以2比1逆转对手，取得关键胜利。上半场中国队先失一球，下半场连扳两球。",
        "此役过后，中国队积分升至小组第二，出线形势明朗。",
        "天气", "明日全市晴转多云 气温回升",
        "据市气象台预报，明天全市晴转多云，最高气温将达到25摄氏度，最低气温12摄氏度。",
    ]
    articles = split_articles(page)
    assert [(a.column, a.title, a.authors) for a in articles] == [
        ("体育新闻", "国足客场逆转取胜 晋级希望大增", ["赵六"]),
        ("天气", "明日全市晴转多云 气温回升", []),
    ]
    assert all(not b.heading for a in articles for b in a.blocks)


def test_a_subheading_broken_over_two_lines_is_one_heading():
    page = ["河港新城迎来首批居民", BODY_A[0], "老街换新颜", "商户回流忙", BODY_A[1], "二、配套跟上", BODY_A[0] + "甲"]
    [article] = split_articles(page)
    assert _headings(article) == ["老街换新颜 商户回流忙", "二、配套跟上"]


def test_numbered_subheadings_in_a_row_stay_apart():
    page = ["河港新城迎来首批居民", BODY_A[0], "一、交通先行", "二、配套跟上", BODY_A[1]]
    [article] = split_articles(page)
    assert _headings(article) == ["一、交通先行", "二、配套跟上"]


def test_kicker_glued_before_a_bracketed_lead_becomes_a_subheading():
    page = ["湖畔新馆今开放", "市民赞：终于等到了〔记者柯以宁、莫小川／湖滨报导〕湖畔美术馆今天正式开放，首日参观者超过两千人。"]
    [article] = split_articles(page)
    assert article.title == "湖畔新馆今开放"
    assert _headings(article) == ["市民赞：终于等到了"]
    assert _body(article) == ["湖畔美术馆今天正式开放，首日参观者超过两千人。"]
    assert article.authors == ["柯以宁", "莫小川"]


def test_outlet_tag_line_gives_the_source():
    page = ["山区公路全线贯通", "【某某卫视】", "连接三个乡镇的山区公路今天全线贯通，沿线村民出行时间缩短一半。"]
    [article] = split_articles(page)
    assert article.source == "某某卫视" and _body(article) == [page[2]]


def test_newspaper_name_in_the_page_header_is_the_source_not_the_title():
    page = ["河源晚报", "山区公路全线贯通", "连接三个乡镇的山区公路今天全线贯通，沿线村民出行时间缩短一半。"]
    [article] = split_articles(page)
    assert (article.title, article.source) == ("山区公路全线贯通", "河源晚报")


def test_kicker_glued_before_the_papers_own_lead():
    page = ["老城区改造全面启动", "首批五个片区今年开工本报讯（记者 卢一舟）老城区改造今年全面启动，首批五个片区将在年内开工。"]
    [article] = split_articles(page)
    assert _headings(article) == ["首批五个片区今年开工"]
    assert _body(article) == ["老城区改造今年全面启动，首批五个片区将在年内开工。"]
    assert article.authors == ["卢一舟"]


def test_kicker_glued_before_the_papers_own_dateline():
    page = ["老城区改造全面启动", "首批五个片区今年开工本报江州5月6日电（记者 卢一舟）老城区改造今年全面启动，首批五个片区将在年内开工。"]
    [article] = split_articles(page)
    assert _headings(article) == ["首批五个片区今年开工"]
    assert article.authors == ["卢一舟"]


def test_kicker_glued_before_another_outlets_lead():
    page = ["老城区改造全面启动", "首批五个片区今年开工南城晨报讯　记者　卢一舟　报道　老城区改造今年全面启动，首批五个片区将在年内开工。"]
    [article] = split_articles(page)
    assert _headings(article) == ["首批五个片区今年开工"]
    assert (article.authors, article.source) == (["卢一舟"], "南城晨报")
    assert _body(article) == ["老城区改造今年全面启动，首批五个片区将在年内开工。"]


def test_outlet_word_inside_running_text_is_no_glued_lead():
    page = ["老城区改造全面启动", "记者从市住建局获悉，南城晨报讯息平台将同步发布各片区的开工进度。"]
    [article] = split_articles(page)
    assert _body(article) == [page[1]]


def test_five_character_paper_name_stays_whole():
    page = ["高考志愿填报开始", "考生家长齐关注江州教育周报讯 本周起全省高考志愿填报系统正式开放，考生可登录填报。"]
    [article] = split_articles(page)
    assert _headings(article) == ["考生家长齐关注"]
    assert article.source == "江州教育周报"
    page = ["高考志愿填报开始", "考生家长齐关注滨江都市报讯 本周起全省高考志愿填报系统正式开放，考生可登录填报。"]
    [article] = split_articles(page)
    assert (_headings(article), article.source) == (["考生家长齐关注"], "滨江都市报")


def test_on_a_credited_page_a_heading_alone_starts_no_article():
    """A page whose first article carries a lead credits each article: a long
    heading without a credit of its own is a subheading of the article above."""
    page = ["江州缉枪行动销毁万余支枪", "江州网6月12日电（记者 石磊）全省统一销毁非法枪支活动今天在江州举行。", "各地共收缴非法枪支一万余支。",
            "海关联手破获特大跨境走私武器案", "近日，海关与公安部门联手破获一起走私武器案，抓获嫌疑人二十三名。"]
    [article] = split_articles(page)
    assert _headings(article) == ["海关联手破获特大跨境走私武器案"]


@pytest.mark.parametrize("heading", ["这是否意味着繁荣期的终结？", "被罚千万元后，球场将何去何从？", "局长：现在我宣布，销毁行动开始！"])
def test_question_exclamation_or_comma_heading_is_a_subheading(heading):
    page = ["杭州老旧小区改造按下快进键", *BODY_A, heading, *BODY_B]
    [article] = split_articles(page)
    assert _headings(article) == [heading]


def test_a_byline_page_still_starts_an_article_at_a_long_headline():
    """A byline is often printed for a page's main article only: it does not stop the headline rule."""
    page = ["杭州老旧小区改造按下快进键", "本报记者 林小雨", *BODY_A, "新能源车推广再提速 成都充电桩将超十万个", *BODY_B]
    first, second = split_articles(page)
    assert (first.authors, second.title) == (["林小雨"], "新能源车推广再提速 成都充电桩将超十万个")


def test_a_shorter_version_of_the_headline_above_it_is_the_title():
    page = ["滨江球场非法占地被罚千万", "滨江球场运营五年背后：非法占地被罚千万", *BODY_A]
    [article] = split_articles(page)
    assert article.title == "滨江球场非法占地被罚千万"
    assert _headings(article) == ["滨江球场运营五年背后：非法占地被罚千万"]


@pytest.mark.parametrize("headline", [
    "从旧书摊、夜市到老剧场，更多的问题还在于城市记忆的流失、街区活力的消退",  # a long web headline with commas
    "<b>青石镇</b>启用新渡口 两岸居民往来不再绕行三十公里山路",  # markup look-alikes are text, not a reason to cut
])
def test_a_page_opens_with_its_headline_however_long(headline):
    body = "镇政府表示，新渡口每天往返二十班，两岸居民过江时间由两小时缩短到十五分钟。" * 2
    [article] = split_articles([headline, "本报记者 李四", body])
    assert article.title == headline and article.authors == ["李四"]
    assert [b.text for b in article.blocks] == [body]


def test_a_first_line_that_ends_a_clause_is_no_headline():
    lines = ["今年以来，青石镇新渡口每天往返二十班，两岸居民过江时间大大缩短；",
             "镇政府表示，明年还将增开夜班渡船，方便两岸居民往来。" * 2]
    [article] = split_articles(lines)
    assert article.blocks[0].text == lines[0]


def test_a_title_made_from_the_text_is_marked_as_no_headline():
    body = "今年以来，本市持续推进老旧小区改造工作，全市已完成改造小区186个，惠及居民5.6万户。"
    [made_up] = split_articles([body, "下一步，本市将重点推进加装电梯和停车设施建设。"])
    assert made_up.title == "今年以来，本市持续推进老旧小区改造工作" and not made_up.headline
    [printed] = split_articles(["本市老旧小区改造惠及5.6万户", body])
    assert printed.title == "本市老旧小区改造惠及5.6万户" and printed.headline


def test_a_standfirst_under_the_headline_does_not_split_the_story_from_it():
    """A web page: headline, the editor's summary, then the paper's story with its lead."""
    standfirst = ["成都首批16所学校中，有15所学校的1197名学生有望获得补贴。"]
    story = ["本报讯（记者 周明）3月12日，" + BODY_B[0][3:], BODY_B[1]]
    [article] = split_articles(["成都新能源车推广再提速", *standfirst, *story])
    assert article.title == "成都新能源车推广再提速"
    assert article.paragraphs == [*standfirst, "3月12日，" + BODY_B[0][3:], BODY_B[1]]
    assert article.authors == ["周明"]
    # with a byline of its own above it, the short first article is an article
    first, second = split_articles(["杭州老旧小区改造按下快进键", "记者 林小雨", *standfirst, *story])
    assert first.paragraphs == standfirst and second.authors == ["周明"]


def test_label_and_value_lines_are_no_headings():
    from digest.split.lines import is_heading_like

    assert not is_heading_like("产品名称：规格及价格：30ml／300 元")
    assert is_heading_like("学者：今年是严峻一年")
