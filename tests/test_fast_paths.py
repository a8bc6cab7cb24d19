"""Each shortcut taken for speed gives what the plain rule gives.

The conversion skips a search when a cheap test proves it cannot match, and some
patterns are written class-first so that the regex engine can skip to the
characters a match opens on.  Here each one is checked against the plain form it
replaced (written out below as the reference), on text made of the characters
that matter to it.
"""

from __future__ import annotations

import math
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from digest import chardata, dates, sentences
from digest.analyze import summary
from digest.chardata import CLOSERS, ELLIPSIS, FULL_STOPS, OPENERS, SENTENCE_END
from digest.clean import controls, mojibake, punctuation


def _texts(alphabet: str, max_size: int = 14):
    return st.text(alphabet=alphabet, max_size=max_size)


@settings(max_examples=500)
@given(_texts(SENTENCE_END + CLOSERS + OPENERS + " \t\n\u3000\u2003中a"))
def test_ends_sentence_is_the_pattern_read_from_the_end(text):
    plain = re.compile(f"[{SENTENCE_END}][{re.escape(CLOSERS)}]*\\s*$")
    assert chardata.ends_sentence(text) == (plain.search(text) is not None)


@settings(max_examples=500)
@given(_texts(FULL_STOPS + ELLIPSIS + OPENERS + CLOSERS + "中 "))
def test_sentence_tokens_are_those_of_the_alternation(text):
    plain = re.compile(f"[{FULL_STOPS}]+|{ELLIPSIS}+|[{re.escape(OPENERS + CLOSERS)}]")
    assert [m.span() for m in sentences._TOKEN.finditer(text)] == [m.span() for m in plain.finditer(text)]


_PLAIN_CANDIDATES = re.compile(
    r"[,?!:;().\"'\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff05⋯]|。。|…{3,}|(?<!…)…(?!…)"
    r"|[ \t][，。、；：？！]|[，。、；：？！][ \t]"
)


@settings(max_examples=500)
@given(_texts("，。、；：？！…⋯ \t,?!:;().\"'ａ１％中a"))
def test_punctuation_candidates_are_found_as_before(text):
    assert (punctuation._CANDIDATES.search(text) is None) == (_PLAIN_CANDIDATES.search(text) is None)


@settings(max_examples=500)
@given(_texts("，。中文a1 \t,?!:;", max_size=20))
def test_widen_marks_is_the_substitution_of_spaced_mark_runs(text):
    """The scan from mark run to mark run, spaces taken on either side, is the plain substitution."""
    def fix(m):
        if punctuation._touches_chinese(text, m.start(), m.end()):
            return "".join(punctuation._HALF_MARKS[c] for c in m.group(1))
        return m.group()
    assert punctuation.widen_marks(text) == re.sub(r"[ \t]*([,?!:;]+)[ \t]*", fix, text)


_PLAIN_FULL_DATE = re.compile(
    r"(?=[12])(?<!\d)(?P<y>(?:19|20)\d\d)\s*"
    r"(?:年\s*(?P<m1>\d{1,2})\s*月\s*(?P<d1>\d{1,2})\s*日"
    r"|(?P<sep>[-/.])(?P<m2>\d{1,2})(?P=sep)(?P<d2>\d{1,2})(?!\d))"
)
_PLAIN_YEAR = re.compile(dates._YEAR.pattern.replace(
    r"(?P<y>[12](?<![\d.][12])(?:(?<=1)9[89]|(?<=2)0\d)\d)", r"(?<![\d.])(?P<y>(?:19[89]|20\d)\d)"))
_DATE_PIECES = st.lists(st.sampled_from(["1", "2", "9", "0", "5", "19", "20", "年", "月", "日", "-", "/", ".", " ",
                                         "万", "中", "2025年9月26日", "1998", "2025-09-26", "3"]), max_size=10)


@settings(max_examples=500)
@given(_DATE_PIECES)
def test_dates_and_years_match_as_before(pieces):
    text = "".join(pieces)
    assert _PLAIN_YEAR.pattern != dates._YEAR.pattern
    for fast, plain in ((dates._FULL_DATE, _PLAIN_FULL_DATE), (dates._YEAR, _PLAIN_YEAR)):
        assert ([(m.span(), m.groupdict()) for m in fast.finditer(text)]
                == [(m.span(), m.groupdict()) for m in plain.finditer(text)])


@given(st.text(alphabet="中。！”\n\t\x00\x85\u200b\u00a0\u2003\ue40c\ufeff a", max_size=16) | st.text(max_size=16))
def test_controls_fast_path_changes_nothing_the_substitutions_would(text):
    full = controls._PRIVATE_AFTER_END.sub("\\1\n", controls._INVISIBLE.sub("", text))
    full = controls._SPACES.sub(" ", controls._PRIVATE.sub(" ", full))
    assert controls.strip_control_characters(text) == full


@settings(max_examples=300)
@given(_texts("0123456789、．.中"))
def test_numbered_runs_are_counted_as_before(text):
    plain = re.compile(r"(?<![\d.])\d{1,2}[、．](?!\d)")
    assert summary._RUN_OF_ITEMS.findall(text) == plain.findall(text)


def _plain_is_statement(sentence: str, min_cjk: int, strict: bool = True) -> bool:
    s = summary
    return (
        chardata.ends_sentence(sentence)
        and s.cjk_count(sentence) >= min_cjk
        and s._CAPTION.search(sentence) is None
        and s._ROLE_COLON.search(sentence) is None
        and s._LIST_ITEM.match(sentence) is None
        and s._LIST_OPENER.search(sentence) is None
        and len(s._RUN_OF_ITEMS.findall(sentence)) < 2
        and not (strict and (
            (s._QUESTION.search(sentence) is not None and s._REPORTED_QUESTION.search(sentence) is None)
            or (s._quote_share(sentence) >= 0.5 and not s.news_figures(sentence))))
        and not (s._CREDIT_HINT.search(sentence) and s.parse_byline(sentence))
    )


_STATEMENT_PIECES = st.lists(st.sampled_from([
    "记者", "张三", "摄", "图为", "（", "）", "(", ")", "图", "：", ":", "一是", "1、", "2、", "３．", "？", "?",
    "“", "”", "「", "」", "『", "』", "提问", "报道", "新华社", "增长", "12%", "人工智能产业", "发展", "。", "，", "、",
    "供图", "（图/新华社）", "。", "．",
]), max_size=10)


@settings(max_examples=400)
@given(_STATEMENT_PIECES, st.sampled_from([4, 12]), st.booleans())
def test_statement_test_skips_only_patterns_that_cannot_match(pieces, min_cjk, strict):
    sentence = "".join(pieces)
    assert summary._is_statement(sentence, min_cjk, strict) == _plain_is_statement(sentence, min_cjk, strict)


_PLAIN_PAGE_BIGRAMS = re.compile(f"(?=([{chardata.CJK_RANGES}\uff01-\uff5e]{{2}}))")


@given(_texts("中文人工ＳＴ＊！a1 。?", max_size=16))
def test_page_bigrams_are_every_overlapping_pair_of_the_plain_search(page):
    assert mojibake._Scorer(page).page_bigrams == frozenset(_PLAIN_PAGE_BIGRAMS.findall(page))


@given(_texts("著名隨中a 。\n著", max_size=12))
def test_zhe_found_as_by_the_lookbehind_first_pattern(text):
    from digest.clean import simplify

    plain = re.compile(f"(?<=([{chardata.CJK_RANGES}]))著(?=(.?))", re.DOTALL)
    assert ([(m.span(), m.groups()) for m in simplify._ZHE.finditer(text)]
            == [(m.span(), m.groups()) for m in plain.finditer(text)])


def _plain_score(page: str, prev: str, prev_key: str, cand) -> float:
    """A candidate's score as first written: the character model, the orthography rules,
    the page's own bigrams and the other-script penalty, with no memo."""
    m = mojibake._model()
    p = m.unigram.get(cand.key, mojibake._FLOOR)
    split = m.split.get(prev_key)
    if split:
        p = split[0] * p + split[1] * m.bigram.get(prev_key + cand.key, 0)
    if cand.key in mojibake._CHECKED or prev_key in mojibake._DIGITS:
        p = mojibake._orthography(prev_key, cand.key, p, mojibake._BREAK_ELSEWHERE)
    score = math.log(p)
    if score < mojibake._DOCUMENT_BIGRAM and prev + cand.char in set(_PLAIN_PAGE_BIGRAMS.findall(page)):
        return mojibake._DOCUMENT_BIGRAM
    if cand.char != cand.key and mojibake._is_simplified(page):
        return score + mojibake._OTHER_SCRIPT
    return score


def test_mojibake_scores_a_candidate_list_as_the_plain_rule():
    """The search's batched, memoised scoring (:meth:`_Scorer.log_probs`) gives the plain
    arithmetic's floats, on a Simplified page whose paragraphs end unmarked (the usual break rule),
    so that every branch counts: page bigrams, Traditional candidates, digits, breaks."""
    page = "完善?!缎袆?今年人工智能产业发展，2025年增长１２％。"
    assert not mojibake._marked_page(page) and mojibake._is_simplified(page)
    scorer = mojibake._Scorer(page)
    cands = (list(mojibake._candidates(0xA3, known_is_lead=True)) + list(mojibake._candidates(0xB6, known_is_lead=False))
             + [mojibake._BREAK])
    for _ in range(2):  # the second round reads the memo
        for prev in ("", "。", "人", "２", "完"):
            prev_key = mojibake._as_text(prev)
            assert scorer.log_probs(prev, prev_key, cands) == [_plain_score(page, prev, prev_key, c) for c in cands]


@given(_texts("中文a1，\u3400\uf900 "))
def test_a_cjk_word_is_all_ideographs(token):
    from digest.analyze.figures import _is_cjk_word

    assert _is_cjk_word(token) == (bool(token) and all(chardata.CJK_CHAR.match(c) for c in token))


_GUARDED = [  # (pattern, its guard characters)
    (summary._CAPTION, summary._CAPTION_GUARD),
    (summary._ROLE_COLON, summary._COLONS),
    (summary._LIST_OPENER, summary._COLONS),
    (summary._RUN_OF_ITEMS, summary._ITEM_MARKS),
    (summary._QUESTION, summary._QUESTION_MARKS),
    (summary._QUOTED, summary._QUOTE_OPENERS),
]


@settings(max_examples=400)
@given(_STATEMENT_PIECES, st.sampled_from(range(len(_GUARDED))))
def test_a_statement_pattern_never_matches_without_its_guard_characters(pieces, which):
    """The guards of :func:`summary._is_statement` come from the constants the patterns
    are built from; a sentence holding none of a pattern's guard characters never matches it."""
    pattern, guard = _GUARDED[which]
    sentence = "".join(pieces)
    if pattern.search(sentence) is not None:
        assert any(c in sentence for c in guard)
    stripped = sentence.translate(dict.fromkeys(map(ord, guard), "中"))
    assert pattern.search(stripped) is None


def _plain_ranking(draft, min_cjk, strict):
    """Every candidate scored, then sorted: what :func:`summary._ranked` must give lazily."""
    paragraphs = [b.text for b in draft.blocks if not b.heading]
    cands = list(summary._statements(paragraphs, min_cjk, strict))
    if not cands:
        return []
    headline = summary._idf_shares(draft.title) if draft.headline else {}
    lazy = summary._Candidates(paragraphs, min_cjk, strict)
    assert lazy.has(1)
    start = summary._news_start(lazy, paragraphs[0], headline)
    ranked = [(c.text, summary._score(c, start, headline), c.order) for c in cands]
    return sorted(ranked, key=lambda r: (-r[1], r[2]))


_SENTENCES = st.sampled_from([
    "今年前8个月，缝制机械出口额同比增长12%。", "北京人工智能产业规模达3500亿元，综合实力领跑全国。",
    "市民牛女士说：“这补贴政策真好！”", "他强调，要推动人工智能与实体经济深度融合发展。",
    "如何携手构建人工智能生态，成为各区共同面对的课题。", "一是加强算力基础设施建设，提升数据开放水平。",
    "人工智能“潮”起北京，政协委员热议产业未来发展。", "海淀区政协委员刘涛建议加大应用场景培育力度。",
    "清晨，走进上海新国际博览中心，展馆里人头攒动。", "国务院审议通过《关于深入实施“人工智能+”行动的意见》。",
    "近期，北京市各区两会陆续召开，多位政协委员分享构想。", "这背后，是企业多年的技术积累与市场开拓。",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(_SENTENCES, min_size=1, max_size=6), min_size=1, max_size=8),
       st.sampled_from(["人工智能产业规模达3500亿元", "缝制机械出口回暖", "海淀原点社区"]), st.booleans(),
       st.sampled_from([(12, True), (4, True), (4, False)]))
def test_lazy_ranking_is_the_full_ranking(paragraphs, title, headline, rule):
    from digest.model import ArticleDraft, Block

    draft = ArticleDraft(title, [Block("".join(p)) for p in paragraphs], headline=headline)
    assert summary.rank_sentences(draft, *rule) == _plain_ranking(draft, *rule)


def _plain_key_figures(draft):
    """Every figure built with its phrase, then sorted and deduplicated (the eager rule)."""
    from digest.analyze import figures

    found, offset = [], 0
    for text in [draft.title] + [b.text for b in draft.blocks if not b.heading]:
        found += [(f.figure(), f.rank, f.order) for f in figures._figures_in(text, offset)]
        offset += len(text) + 1
    title = {(fig.amount, fig.unit) for fig, _, order in found if order < len(draft.title)}
    found.sort(key=lambda f: (f[1], (f[0].amount, f[0].unit) not in title, f[2]))
    out, seen = [], set()
    for fig, _, _ in found:
        if (fig.amount, fig.unit) not in seen:
            seen.add((fig.amount, fig.unit))
            out.append(fig)
    return out[:figures.MAX_FIGURES]


_FIGURE_PIECES = st.lists(st.sampled_from([
    "产业规模达", "3500亿元", "40%", "的", "顶尖人才", "2400家", "核心企业", "，", "。", "增长12%", "690亿元",
    "超长期特别国债", "1名孕妇", "5项目", "三千亿元", "两万人", "3.5倍", "出口额", "同比", "10分钟", "消费者",
]), max_size=12)


@settings(max_examples=300, deadline=None)
@given(_FIGURE_PIECES, st.lists(_FIGURE_PIECES, max_size=4))
def test_key_figures_build_only_the_listed_ones_as_the_eager_rule(title, paragraphs):
    from digest.analyze.figures import key_figures
    from digest.model import ArticleDraft, Block

    draft = ArticleDraft("".join(title), [Block("".join(p)) for p in paragraphs])
    assert key_figures(draft) == _plain_key_figures(draft)


def _plain_split_scanned(para: str) -> list[str]:
    """The splitter's scan as first written, reading the regex matches themselves."""
    tokens = list(sentences._TOKEN.finditer(para))
    pairs = sentences._matched_brackets([m.start() for m in tokens], "".join(m.group()[0] for m in tokens))
    out, start, depth, outer, i = [], 0, 0, -1, 0
    while i < len(tokens):
        m = tokens[i]
        ch = m.group()[0]
        i += 1
        if ch in OPENERS or ch in CLOSERS:
            if m.start() in pairs:
                depth += 1 if ch in OPENERS else -1
                if ch in OPENERS and depth == 1:
                    outer = m.start()
            continue
        end, closed = m.end(), False
        while i < len(tokens) and tokens[i].start() == end and tokens[i].group()[0] not in OPENERS:
            t = tokens[i]
            if t.group()[0] in CLOSERS and t.start() in pairs:
                depth -= 1
                closed = closed or depth == 0
            end = t.end()
            i += 1
        if depth > 0:
            continue
        if closed:
            if sentences._quote_continues(para, start, outer, end):
                continue
        elif ch == ELLIPSIS and not sentences._FULL_STOP.search(para, m.start(), end) and para[end:].strip():
            continue
        if para[start:end].strip():
            out.append(para[start:end].strip())
        start = end
    return out + ([para[start:].strip()] if para[start:].strip() else [])


@settings(max_examples=500)
@given(st.lists(st.sampled_from(["“", "”", "「", "」", "《", "》", "（", "）", "。", "！", "？", "…", "……", "，", "：",
                                 "真好", "市民分享", "他说", " ", "中"]), max_size=16))
def test_sentence_scan_on_plain_lists_is_the_scan_of_matches(pieces):
    para = "".join(pieces)
    assert sentences._split_scanned(para) == _plain_split_scanned(para)


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["这不仅是购物方式的变迁，更是发展成果共享的深刻体现。", "新的开头。", " ", "\u3000",
                                 "消费市场的热浪，离不开各地的积极响应！", "”", "短句。"]), max_size=8), st.booleans())
def test_repeated_sentences_dropped_as_with_a_key_per_sentence(pieces, twice):
    from digest.clean import dedupe

    def plain(text, seen):
        parts, end = [], 0
        for m in chardata.SENTENCE_END_RUN.finditer(text):
            sentence, end = text[end:m.end()], m.end()
            key = dedupe.paragraph_key(sentence)
            if len(sentence) >= dedupe.MIN_SENTENCE_CHARS and len(key) >= dedupe.MIN_SENTENCE_CHARS:
                if key in seen:
                    continue
                seen.add(key)
            parts.append(sentence)
        return "".join(parts + [text[end:]]).strip()

    text = "".join(pieces)
    fast, slow = set(), set()
    for _ in range(2 if twice else 1):
        assert dedupe.drop_repeated_sentences(text, fast) == plain(text, slow)
        assert fast == slow


def _class_first_runs():
    """Each run pattern written with :func:`chardata.run_of`, with the plain ``[x]+`` form it replaced."""
    from digest.clean import furniture
    from digest.ingest import decode
    from digest.split import lines

    space = " \t\u3000\u00a0"
    return [
        (chardata.CJK_RUN, f"[{chardata.CJK_RANGES}]+"),
        (chardata.SENTENCE_END_RUN, f"[{FULL_STOPS}]+[{re.escape(CLOSERS)}]*"),
        (sentences._FULL_STOP, f"[{FULL_STOPS}]+"),
        (dates._FULLWIDTH_RUN, "[０-９：／．－]+"),
        (lines._SPACES, f"[{space}]+"),
        (furniture._GAP, f"[{space}]{{2,}}"),
        (decode._TEXT_RUN, decode._TEXT_RUN.pattern.split("][", 1)[0] + "]+"),
    ]


@settings(max_examples=300)
@given(_texts("中文。！？!?”）」 \t\u3000\u00a0０９：a.한\ue40c", max_size=16))
def test_runs_written_class_first_match_as_the_plain_runs(text):
    for fast, plain in _class_first_runs():
        assert fast.pattern != plain
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in re.finditer(plain, text)]


# --------------------------------------------------------------- bounded work on hostile seeds

@settings(max_examples=300)
@given(st.lists(st.sampled_from(["（记者 张三）", "（完）", "(以下简称《计划》)", "【编辑 李四】", "发展。", " ", "（",
                                 "（" + "长" * 61 + "）", "来源：某某网"]), max_size=8))
def test_trailing_credits_are_read_from_the_tail_as_from_the_whole_paragraph(parts):
    """``split_trailing_credits`` searches each group in the last characters only (a group
    is at most _TRAILING_GROUP_SPAN long); searching the whole paragraph gives the same."""
    from digest import credits

    paragraph = "今年出口增长。" + "".join(parts)
    whole = re.compile(credits._TRAILING_GROUP.pattern)

    class _Whole:  # the plain rule: the pattern searched from the paragraph's start
        def search(self, text, pos=0):
            return whole.search(text)

    fast = credits.split_trailing_credits(paragraph)
    original, credits._TRAILING_GROUP = credits._TRAILING_GROUP, _Whole()
    try:
        plain = credits.split_trailing_credits(paragraph)
    finally:
        credits._TRAILING_GROUP = original
    assert fast[0] == plain[0] and repr(fast[1]) == repr(plain[1])


@settings(max_examples=500)
@given(st.lists(st.sampled_from(["到", "至", "迄", " ", "\u3000", "\t", "2030", "1998", "年", "前", "底", "以", "中"]),
                max_size=10).map("".join))
def test_a_target_year_is_found_by_stepping_back_over_spaces(text):
    plain_before = re.compile(r"(?:到|至|迄)\s*$")
    for m in dates._YEAR.finditer(text):
        plain = (plain_before.search(text, 0, m.start()) is not None
                 or dates._TARGET_YEAR_AFTER.match(text, m.end()) is not None)
        assert dates._is_target_year(text, m.start(), m.end()) == plain


def test_a_line_of_many_dates_is_text_and_not_read_again_for_each_date(monkeypatch):
    """A seed that is one line of thousands of dates took minutes: each date read the whole
    line again. A line that long is text: none of its dates is looked at as a date line."""
    looked = []
    real = dates._is_date_line
    monkeypatch.setattr(dates, "_is_date_line", lambda before, after: looked.append(1) or real(before, after))
    assert dates.find_page_date("2025年9月25日 " * 5000) is None
    assert looked == []
    assert dates.find_page_date("标题\n发布时间：2025年9月25日 10:00" + " " * 500 + "\n正文。") == dates.date(2025, 9, 25)
    assert dates.date_line_date("2025年9月25日 星期四 " * 20) is None
    assert dates.date_line_date("2025年9月25日 星期四") == dates.date(2025, 9, 25)


@settings(max_examples=400)
@given(st.lists(st.sampled_from(["2025年9月26日", "2025\n年9月26日", "2025-09-26", "\n", " ", "星期五", "10:00",
                                 "发布时间：", "来源：新华社", "会议召开。", "二〇二五年九月二十六日"]), max_size=8))
def test_page_date_reads_each_date_with_the_text_around_it_on_its_lines(pieces):
    """:class:`dates._Lines` finds the text around a date from line starts found once; the
    plain rule looked for the line breaks around each date again (short lines: no cap)."""
    text = dates._ascii_digits("".join(pieces))

    def plain():
        labelled = newest = None
        for pattern in (dates._FULL_DATE, dates._HAN_DATE):
            for m in pattern.finditer(text):
                found = dates._match_date(m)
                if found is None:
                    continue
                line_start = text.rfind("\n", 0, m.start()) + 1
                line_end = text.find("\n", m.end())
                before, after = text[line_start:m.start()], text[m.end():len(text) if line_end < 0 else line_end]
                if not dates._is_date_line(before, after):
                    continue
                if labelled is None and dates._LABEL_BEFORE.search(before):
                    labelled = found
                if newest is None or found > newest:
                    newest = found
        return labelled or newest

    assert dates.find_page_date(text) == plain()
