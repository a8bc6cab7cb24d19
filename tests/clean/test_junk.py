import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.clean.junk import drop_junk_lines, is_junk_line

# The end of seed 000 after t2s: body, list header, timestamp list, blank lines, licence footer.
SEED_000_TAIL = [
    "密云区政协委员、通号创新投资集团有限公司副总经理钟刚表示，把握《行动计划》带来的发展机遇。(完)(《中国新闻》报 作者 任德辉 报道)",
    "精选:",
    "- 2026年01月23日 09:47:54",
    "- 2026年01月22日 17:32:17",
    "- 2025年12月28日 14:10:31",
    "",
    "   ",
    "",
    "京公网安备 11010202009201号",
]


def test_seed_000_footer_is_dropped():
    assert drop_junk_lines(SEED_000_TAIL) == [SEED_000_TAIL[0]]


def test_seed_003_layout_lines_stay_and_blank_lines_go():
    lines = ["", "", "“三位一体”战略构筑首都人工智能全球竞争力", "", "本报记者 胡静 □ 周露楠 范明朋", "",
             "从“京西智谷”门头沟区的算力高地，到石景山区的大模型产业集聚", "", "区；从亦庄经济开发区的AI原生应用示范区。",
             "", "行业分析", "", "全球产业链格局变动 缝制机械如何破局", "", "消费观察"]
    assert drop_junk_lines(lines) == [line for line in lines if line]


@pytest.mark.parametrize("line", [
    "- 2026年01月23日 09:47:54",
    "2025年9月26日 星期五",
    "[2025-09-26 10:30]",
    "· 14:05",
    "· 北京发布人工智能行动计划 2026-01-23",
    "责任编辑：张三",
    "（责任编辑：王五）",
    "【责任编辑：刘洋】",
    "编辑 李四 校对：王五",
    "本文编辑：赵六",
    "京ICP备05070602号-1",
    "ICP证：京B2-20050304",
    "京公网安备 11010202009201号",
    "违法和不良信息举报电话：12377",
    "互联网新闻信息服务许可证：10120170009",
    "Copyright © 2026 人民网 All Rights Reserved",
    "版权所有 中国新闻网",
    "版权声明：本文为原创，未经授权不得转载。",
    "（本文为新华社原创稿件，未经许可不得转载。）",
    "分享到：微信 微博 QQ空间",
    "打印本页 关闭窗口",
    "【字号 大 中 小】",
    "【打印】【关闭】",
    "扫一扫在手机打开当前页",
    "上一篇：北京发布新政",
    "上一页 1 2 3 下一页",
    "3",
    "- 3 -",
    "第3页",
    "第 2 页 共 5 页",
    "----------",
    "★★★",
    "\u3000\u3000",
    "当前位置：首页 > 新闻中心 > 国内新闻",
    "首页 > 财经 > 正文",
    "阅读量：1.2万",
    "特别声明：以上内容为自媒体平台用户上传并发布，本平台仅提供信息存储服务。",
])
def test_junk_line_shapes(line):
    assert is_junk_line(line)


@pytest.mark.parametrize("line", [
    "责任编辑对稿件进行了审核。",
    "他说：“版权所有者的权益应当得到保护。”",
    "记者扫一扫二维码，就能看到全部产品信息。",
    "编辑部的故事",
    "评论",
    "分享经济如何破局",
    "2025年GDP增长5%",
    "作者：张三",
    "来源：新华社",
    "本报记者 胡静 □ 周露楠 范明朋",
    "（完）",
    "行业分析",
    "全球产业链格局变动 缝制机械如何破局",
    "9月25日，上海新国际博览中心群贤毕至。",
    "增速 > 5%",
    "当前位置显示，该企业已完成转型。",
])
def test_article_lines_are_not_junk(line):
    assert not is_junk_line(line)


def test_known_list_header_goes_with_its_bullet_items():
    lines = ["正文最后一段。", "相关新闻：", "· 北京发布人工智能行动计划", "· 上海举办世界人工智能大会", "下一篇章：新标题"]
    assert drop_junk_lines(lines) == ["正文最后一段。", "下一篇章：新标题"]


def test_colon_label_before_content_stays():
    lines = ["主要措施：", "", "一是坚持需求导向，推动产品创新。"]
    assert drop_junk_lines(lines) == ["主要措施：", "一是坚持需求导向，推动产品创新。"]


def test_colon_label_at_page_end_goes():
    assert drop_junk_lines(["正文。", "热门标签:", "", "Copyright © 2026"]) == ["正文。"]


def test_bullet_list_without_header_stays():
    lines = ["- 加强科技成果转化", "- 推进产业协同创新"]
    assert drop_junk_lines(lines) == lines


# Property tests: lines built from words that trigger the rules, plus sentence ends.
_WORDS = st.sampled_from(["责任编辑", "编辑", "：", ":", "版权所有", "ICP备", "分享到", "打印", "关闭", "大", "中",
                          "- ", "2026年01月23日", " 09:47:54", "精选", "推荐阅读", "北京", "人工智能", "。", "，",
                          "3", " ", "【", "】", "·", "第", "页", "\u3000"])
_LINES = st.lists(st.lists(_WORDS, max_size=8).map("".join), max_size=12)
_NOTICE_START = re.compile(r"^\s*[\[【(（〔]?\s*(?:版权声明|免责声明|版权所有|copyright|©|本文为|未经)", re.I)


@settings(max_examples=300)
@given(_LINES)
def test_running_text_is_kept_and_order_preserved(lines):
    kept = drop_junk_lines(lines)
    it = iter(lines)
    assert all(any(k == line for line in it) for k in kept)  # a subsequence of the input
    for line in lines:
        if "。" in line and not _NOTICE_START.match(line) and not line.lstrip().startswith(("-", "·")):
            assert line in kept


# Furniture lines of web and e-paper pages (made-up outlets and sections).
@pytest.mark.parametrize("line", [
    "首页 | 本地 | 国际 | 体育",
    "关于本站｜联系方式｜广告刊登｜招聘",
    "第B07版：城市周刊",
    "A12版",
    "【第5版 文体】",
    "版面：国际新闻",
    "上一版 下一版",
    "复制链接",
    "字级",
    "欢迎关注我们的公众号",
    "长按识别二维码",
    "看更多",
    "分享 facebook line",
    "打开APP阅读",
    "阅读量：3.5万 评论：12",
])
def test_furniture_lines(line):
    assert is_junk_line(line)


@pytest.mark.parametrize("line", [
    "营收 | 3000亿元 | 增长5%",  # a row of figures
    "首页 | 新闻 | 体育。",  # ends a sentence
    "关注我们的三个理由：降价30%",  # a figure
    "请关注我们的后续报道。",
    "第3版刊登的文章引起广泛讨论，",
    "版面设计获得好评",
    "分享经济的新机遇",
])
def test_furniture_words_in_text_stay(line):
    assert not is_junk_line(line)


#: Pieces of junk and text lines, and the full stops: lines made of them hold
#: every rule's shapes with a sentence mark somewhere.
_PIECES = ["- ", "· ", "2026年01月23日", " 09:47:54", "责任编辑：", "张三", "京ICP备05070602号", "版权所有",
           "版权声明：", "未经授权", "分享到：", "微信 微博", "【打印】", "【关闭】", "第3页", "第B07版：",
           "城市周刊", "版面：", "首页 | ", "国际 | ", "首页 > ", "新闻 > ", "当前位置：", "----", "★",
           "阅读量：", "1.2万", "共5页", "[", "]", "（", "）", " ", "正文", "。", "！", "？", "!", "?"]


@settings(max_examples=500)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=8).map("".join))
def test_junk_line_tries_only_the_text_rules_on_a_line_with_a_full_stop(line):
    """is_junk_line skips the rules that cannot match running text; the verdict is the same as all rules'."""
    from digest.clean.junk import LINE_RULES

    assert is_junk_line(line) == any(rule(line) for rule in LINE_RULES)
