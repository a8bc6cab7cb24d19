import re

from hypothesis import given, settings
from hypothesis import strategies as st

from digest.analyze.sentences import split_sentences


def test_closing_quote_and_speaker_stay_with_the_quotation():
    para = ("“我们致力于推动科技与文化产业融合发展，将积极收集企业发展诉求，反馈行业发展建议，"
            "推动完善适配中小企业的AI产业扶持政策，助力构建‘政产学研用’协同发展生态。”甘迎新表示。")
    assert split_sentences(para) == [para]


def test_exclamation_inside_quote_followed_by_speaker_is_one_sentence():
    para = ("国庆期间，在山东德州一家电子产品专卖店内，醒目的补贴标识吸引了众多消费者体验产品，比价咨询。"
            "“这补贴政策真好！”市民牛女士欣喜地分享，用优惠券买电脑省下的钱，还能配一副好耳机，"
            "这波政策红包太受欢迎了，自己抢了10分钟才领到优惠券。")
    assert split_sentences(para) == [
        "国庆期间，在山东德州一家电子产品专卖店内，醒目的补贴标识吸引了众多消费者体验产品，比价咨询。",
        "“这补贴政策真好！”市民牛女士欣喜地分享，用优惠券买电脑省下的钱，还能配一副好耳机，"
        "这波政策红包太受欢迎了，自己抢了10分钟才领到优惠券。",
    ]


def test_multi_sentence_quotation_then_attribution_then_new_sentence():
    para = ("“在国家补贴政策的引领下，有力拉动了经济增长。‘国补’通过资金补贴降低消费成本，进而再次拉动消费。”"
            "北京大学经济学院教授苏剑在接受记者采访时表示，一个良性循环逐渐形成。曾经，乡村居民购置家电很不方便。")
    assert split_sentences(para) == [
        "“在国家补贴政策的引领下，有力拉动了经济增长。‘国补’通过资金补贴降低消费成本，进而再次拉动消费。”"
        "北京大学经济学院教授苏剑在接受记者采访时表示，一个良性循环逐渐形成。",
        "曾经，乡村居民购置家电很不方便。",
    ]


def test_quotation_introduced_by_colon_ends_its_sentence():
    assert split_sentences("他说：“今天很好。”下一步，公司将扩大生产。") == [
        "他说：“今天很好。”", "下一步，公司将扩大生产。"]


def test_quotation_inside_running_text_does_not_end_it():
    assert split_sentences("他高呼“中国加油！”的口号。观众都站了起来。") == [
        "他高呼“中国加油！”的口号。", "观众都站了起来。"]
    assert split_sentences("“太好了！”，她回头喊道。") == ["“太好了！”，她回头喊道。"]


def test_quotation_followed_by_another_quotation_is_split():
    assert split_sentences("“第一句话。”“第二句话。”李明说。") == ["“第一句话。”", "“第二句话。”李明说。"]


def test_book_title_with_punctuation_is_never_split():
    assert split_sentences("纪录片《你好！中国？》今晚播出。观众反响热烈。") == [
        "纪录片《你好！中国？》今晚播出。", "观众反响热烈。"]


def test_decimal_numbers_and_semicolons_stay_inside_the_sentence():
    para = "维系着下游5.7万亿美元产值；带动超1亿产业工人就业。增长3.5%！"
    assert split_sentences(para) == ["维系着下游5.7万亿美元产值；带动超1亿产业工人就业。", "增长3.5%！"]


def test_ellipsis_after_a_list_does_not_end_the_sentence():
    para = "文化、医疗、民生……今年北京朝阳区两会期间，多位政协委员建议，助推千行百业实现高质量发展。"
    assert split_sentences(para) == [para]
    assert split_sentences("“我……我不知道……”他低声说。随后离开了。") == [
        "“我……我不知道……”他低声说。", "随后离开了。"]
    assert split_sentences("故事还没有结束……") == ["故事还没有结束……"]


def test_half_width_marks_and_parentheses():
    assert split_sentences("真的吗?是的!（完）") == ["真的吗?", "是的!", "（完）"]
    assert split_sentences("把握《行动计划》带来的发展机遇。(完)(《中国新闻》报 作者 任德辉 报道)") == [
        "把握《行动计划》带来的发展机遇。", "(完)(《中国新闻》报 作者 任德辉 报道)"]


def test_an_unclosed_quote_does_not_swallow_the_paragraph():
    assert split_sentences("“缺了后引号的一句。后面还有一句。") == ["“缺了后引号的一句。", "后面还有一句。"]


def test_line_breaks_always_end_a_sentence_and_fragments_are_kept():
    text = "第一段没有句号\n  第二段有句号。第二句话\n\n"
    assert split_sentences(text) == ["第一段没有句号", "第二段有句号。", "第二句话"]
    assert split_sentences("") == []


_ALPHABET = list("中文字句好他说是。！？!?…“”‘’《》（）()，、；：.5 \n")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=80))
def test_pieces_cover_the_text_in_order(text):
    pieces = split_sentences(text)
    assert all(p and p == p.strip() and "\n" not in p for p in pieces)
    assert re.sub(r"\s", "", "".join(pieces)) == re.sub(r"\s", "", text)
    position = 0
    for p in pieces:
        found = text.find(p, position)
        assert found >= 0
        position = found + len(p)


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["发展", "人工智能", "，", "。", "！", "？", "!", "?", " ", "　", "5.7万亿", "AI", "；"]),
                max_size=30).map("".join))
def test_a_paragraph_without_brackets_quotes_or_ellipses_splits_as_by_the_full_scan(para):
    from digest.sentences import _split_plain, _split_scanned

    assert _split_plain(para) == _split_scanned(para)
