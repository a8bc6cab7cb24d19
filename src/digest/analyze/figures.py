"""Key figures: the amounts an article quotes, with unit and what they count.

A figure is a number followed by a Chinese magnitude word and/or a unit:
``3000亿元``, ``5.7万亿美元``, ``40%的顶尖人才``, ``超2万人``.  A number with
neither (``2025``, ``9月25日``, ``CISMA2025``, ``一是``) is a year, date, name or
list marker, not a figure, and is never taken; nor is a duration, time or age
(``10分钟``, ``3年``, ``65岁``), which tells how long, not how much.  Chinese numerals count only with
a magnitude word and a unit, or a currency (``三千亿元``, ``两万人``), because
otherwise they are mostly ordinals and idioms (``九大行动``, ``千万不要``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from digest.analyze.words import is_content_word
from digest.chardata import CJK_RUN
from digest.lexicon import cut, is_word, word_tag
from digest.model import ArticleDraft, KeyFigure

MAX_FIGURES = 5

SCALES = {
    "万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "十亿": 1e9, "亿": 1e8,
    "千万": 1e7, "百万": 1e6, "十万": 1e5, "万": 1e4, "千": 1e3,
}
CURRENCIES = ("美元", "欧元", "日元", "英镑", "港元", "港币", "澳元", "韩元", "卢布", "人民币", "元")
PERCENTS = ("%", "％", "‰", "个百分点")
TIME_UNITS = ("个月", "年", "天", "小时", "分钟", "秒", "周", "岁")
COUNTERS = (
    "人次 家 个 人 名 位 户 件 台 辆 套 项 座 所 款 张 部 条 架 艘 只 头 株 棵 吨 千克 公斤 克 "
    "平方公里 平方米 立方米 公里 千米 米 亩 公顷 千瓦时 千瓦 兆瓦 吉瓦 瓦 册 份 笔 场 批 枚 间 栋 "
    "篇 种 类 支 双 箱 瓶 单 票 次 倍 TB GB"
).split()

_DIGITS = r"\d+(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CN_DIGITS = r"[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?"


def _alternatives(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


#: The characters a figure can start with: the first character of a qualifier,
#: 百 (of 百分之), a digit or a Chinese numeral.  Checked first, so the scan
#: skips ordinary text without trying every branch (keep it in step with _FIGURE).
_FIGURE_START = r"[\d超逾将接近约不仅多百零〇一二两三四五六七八九十千]"

#: qualifier? number 多/余? magnitude 多/余? unit?  The magnitude 千 is not read in
#: 千克/千米/千瓦, the qualifier 近 not in 最近/附近.
_FIGURE = re.compile(
    rf"(?={_FIGURE_START})"
    rf"(?P<qual>超过|超出|超|逾|将近|接近|(?<![最附])近|约|不足|不到|仅|多达)?"
    rf"(?:百分之(?P<pct>{_DIGITS}|{_CN_DIGITS})"
    rf"|(?<![A-Za-z0-9.第])(?<![A-Za-z]-)(?P<num>{_DIGITS})(?![A-Za-z0-9])"
    rf"|(?<![零〇一二两三四五六七八九十百千第])(?P<cn>{_CN_DIGITS})(?=(?:多|余)?(?:[万亿千百十]|{_alternatives(CURRENCIES)})))"
    rf"(?:多|余)?"
    rf"(?P<scale>{_alternatives(SCALES)}(?!克|米|瓦))?(?:多|余)?"
    rf"(?P<unit>{_alternatives(CURRENCIES + PERCENTS + TIME_UNITS + tuple(COUNTERS))})?"
)

#: Dictionary tags that end a counted noun phrase: verbs, adverbs, pronouns,
#: prepositions, conjunctions, particles, numerals and measure words.
_BREAK_TAGS = frozenset("v vd vg d df ad r p c u m mq q uj ul uz ug ud uv y e o".split())
#: Linking verbs glued before a figure, cut off before segmenting (``营收达`` → ``营收``).
_TRAILING_LINK = re.compile(r"(?:达到|高达|达|仅为|为|约|共计|共|累计|总计|合计|超过|超|近|逾|仅|就|已|将|突破|同比|增长|下降|提高|提升)+$")
#: Words that end a counted noun phrase whatever their tag.
_PHRASE_BREAKS = frozenset(
    "和 与 及 以及 或 等 是 在 了 已 的 地 得 着 过 中 为 被 将 从 到 比 也 都 就 才 还 又 再 即 便 而 并 且 但 "
    "向 对 于 由 以 把 让 使 给 每 各 该 这 那 支持 用于 投入 下达 完成 实现 同比".split()
)
_MAX_COUNTS_CHARS = 8
#: Modifiers that may open a counted phrase before its noun: adverbs,
#: adjective-adverbs and one-character verbs used as prefixes (超长期, 特别);
#: a longer verb is an action (``100人参加会议`` counts nothing).
_MODIFIER_TAGS = frozenset("d ad v".split())
MAX_MODIFIERS = 3
_LOOK = 14


@dataclass
class _Found:
    """A figure as found: what ranks and tells it apart now, its phrase (segmentation) when chosen."""

    text: str  # the title or paragraph it is in
    match: re.Match
    unit: str
    value: float
    scale: float
    of_phrase: bool  # a share of something (``40%的顶尖人才``)
    counted: str  # what a share is of; found with the rest by :meth:`figure`
    rank: int  # class: lower is more informative
    order: int  # position: title first, then article order

    @property
    def key(self) -> tuple[float, str]:
        """Amount and unit: the same figure said twice is listed once (``KeyFigure.amount``)."""
        return self.value * self.scale, self.unit

    def figure(self) -> KeyFigure:
        """The figure with its phrase and what it counts: noun phrases after or before it."""
        text, start, end, unit = self.text, self.match.start(), self.match.end(), self.unit
        phrase, counted = text[start:end], self.counted
        if self.of_phrase:
            phrase += "的" + counted
        elif unit not in PERCENTS:
            counted = _counted_after(text[end:])
            if counted and unit not in CURRENCIES:
                phrase += counted
        counted = counted or _subject_before(text[:start])
        return KeyFigure(text=phrase, value=self.value, unit=unit, scale=self.scale, counts=counted)


def _parse_number(digits: str) -> float:
    """``3,000`` → 3000.0; Chinese numerals via :func:`parse_chinese_number`."""
    if digits[0].isdigit():
        return float(digits.replace(",", ""))
    return parse_chinese_number(digits)


_CN_VALUE = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNIT = {"十": 10, "百": 100, "千": 1000}


def parse_chinese_number(text: str) -> float:
    """A Chinese numeral below 10,000, digit by digit (``三千五百`` → 3500, ``十五`` → 15, ``二点五`` → 2.5).

    Magnitudes 万/亿 are not part of it: they are the figure's ``scale``.
    """
    whole, _, frac = text.partition("点")
    total, digit = 0, 0
    for ch in whole:
        if ch in _CN_UNIT:
            total += (digit or 1) * _CN_UNIT[ch]
            digit = 0
        else:
            digit = _CN_VALUE.get(ch, 0)
    total += digit
    if frac:
        total += float("0." + "".join(str(_CN_VALUE.get(c, 0)) for c in frac))
    return float(total)


def _is_cjk_word(token: str) -> bool:
    """Every character a CJK ideograph (one match of a run, not one per character)."""
    return CJK_RUN.fullmatch(token) is not None


def _counted_after(text: str) -> str:
    """The noun phrase right after a figure: ``核心企业，……`` → ``核心企业``.

    Takes whole words until punctuation, a verb, conjunction or particle
    (``产业工人与爱好者`` → ``产业工人``, ``风险投资集中于`` → ``风险投资``) or
    eight characters.  Up to MAX_MODIFIERS modifiers may open the phrase before
    its first noun (``690亿元超长期特别国债`` → ``超长期特别国债``), since
    jieba tags 超/长期/特别 as verb and adverbs.  A single character is no
    phrase (``百亿级`` counts nothing).
    """
    phrase, modifiers, has_noun = "", 0, False
    for token in cut(text[:_LOOK]):
        if not _is_cjk_word(token) or token in _PHRASE_BREAKS or len(phrase) + len(token) > _MAX_COUNTS_CHARS:
            break
        if word_tag(token) in _BREAK_TAGS:
            if (has_noun or modifiers == MAX_MODIFIERS or word_tag(token) not in _MODIFIER_TAGS
                    or (word_tag(token) == "v" and len(token) > 1)):
                break
            modifiers += 1
        else:
            has_noun = True
        phrase += token
    return phrase if has_noun and len(phrase) >= 2 else ""


def _subject_before(text: str) -> str:
    """Up to two nouns right before a figure, past linking verbs: ``产业规模达`` → ``产业规模``.

    A verb stops it (``方案高出约20%`` counts nothing, ``惠及消费者`` gives ``消费者``).
    """
    tokens = cut(_TRAILING_LINK.sub("", text[-_LOOK:]))
    words: list[str] = []
    while tokens and len(words) < 2:
        token = tokens.pop()
        if not _is_cjk_word(token) or not is_content_word(token) or word_tag(token) in _BREAK_TAGS:
            break
        if sum(map(len, words)) + len(token) > 6:
            break
        words.insert(0, token)
    return "".join(words)


def _informativeness(unit: str, amount: float, of_phrase: bool) -> int:
    """0 money, 1 large counts, 2 shares of something (``40%的顶尖人才``), 3 other
    percentages and ratios, 4 small counts."""
    if unit in CURRENCIES:
        return 0
    if unit in PERCENTS:
        return 2 if of_phrase else 3
    if unit == "倍":
        return 3
    return 1 if amount >= 100 else 4


def _starts_word(text: str, at: int) -> bool:
    """Does a dictionary word longer than one character start at ``at`` (``项目``, ``家庭``)?

    Only dictionary words count: rjieba's guesses for unknown words glue a
    counter to its noun (``54个村`` → ``个村``).
    """
    token = cut(text[at:at + 4])[0]
    return len(token) > 1 and is_word(token)


def _amounts(text: str):
    """The figure matches of ``text`` that are amounts, shares or counts.

    Skipped: a bare number (year, date, code, list marker, phone number: no
    unit and no magnitude), a model or version number (``EB-5``), a Chinese
    numeral without magnitude and unit (``千万不要``), an order of magnitude
    (``百亿级``), a count of one (``1名孕妇``), a "unit" that begins a longer
    word (``5项目``), and every duration, time or age (``10分钟``, ``3年``,
    ``65岁``): how long a shopper waited is a detail of the story, not its news.
    """
    for m in _FIGURE.finditer(text):
        unit = "%" if m["pct"] else (m["unit"] or "")
        if not unit and not m["scale"]:
            continue
        if unit in TIME_UNITS:
            continue
        if m["cn"] and not (unit in CURRENCIES or (m["scale"] and unit in COUNTERS)):
            continue
        if not unit and text.startswith("级", m.end()):
            continue
        if unit in COUNTERS and not m["scale"] and _parse_number(m["pct"] or m["num"] or m["cn"]) <= 1:
            continue  # 1名孕妇: one of something is a subject, not an amount
        if len(unit) == 1 and unit in COUNTERS and _starts_word(text, m.start("unit")):
            continue  # 5项目, 3家庭: the "unit" begins a longer word, so nothing is counted
        yield m, unit


@lru_cache(maxsize=4096)
def news_figures(text: str) -> tuple[str, ...]:
    """The amounts, shares and counts ``text`` quotes, as written (``690亿元``, ``12%``).

    The summary asks this of its candidate sentences: a figure is what makes a
    sentence news rather than comment.
    """
    return tuple(m.group() for m, _ in _amounts(text))


def _figures_in(text: str, offset: int) -> list[_Found]:
    found: list[_Found] = []
    for m, unit in _amounts(text):
        value = _parse_number(m["pct"] or m["num"] or m["cn"])
        scale = SCALES.get(m["scale"] or "", 1.0)
        end, counted = m.end(), ""
        of_phrase = unit in PERCENTS and text.startswith("的", end) and bool(counted := _counted_after(text[end + 1:]))
        found.append(_Found(text, m, unit, value, scale, of_phrase, counted,
                            _informativeness(unit, value * scale, of_phrase), offset + m.start()))
    return found


def key_figures(draft: ArticleDraft) -> list[KeyFigure]:
    """Up to five figures, most informative first.

    Order: money, then large counts, then shares (``40%的顶尖人才``), then bare
    percentages, then small counts; within a class a figure the
    title repeats comes first, then article order.  The same amount in the same
    unit is listed once.
    """
    found: list[_Found] = []
    offset = 0
    for text in [draft.title] + [b.text for b in draft.blocks if not b.heading]:
        found.extend(_figures_in(text, offset))
        offset += len(text) + 1
    title_amounts = {f.key for f in found if f.order < len(draft.title)}
    found.sort(key=lambda f: (f.rank, f.key not in title_amounts, f.order))
    seen: set[tuple[float, str]] = set()
    out: list[KeyFigure] = []
    for f in found:
        key = f.key
        if key not in seen:
            seen.add(key)
            out.append(f.figure())  # only the figures listed are segmented for their phrase
            if len(out) == MAX_FIGURES:
                break
    return out
