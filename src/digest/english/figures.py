"""Key figures in English: ``3000亿元`` -> ``CNY 300 billion``.

Chinese counts in 万 (10^4) and 亿 (10^8), English in thousands, millions,
billions (10^9) and trillions (10^12), so a figure is re-scaled from its
amount (``value * scale``), not translated word by word: 690亿元 is
69 billion, 5.7万亿美元 5.7 trillion, 2万人 20,000 people.

* currencies become ISO 4217 codes before the number (``CNY``, ``USD`` ...);
* measure units become English units or symbols after it (``tonnes``, ``km``, ``m²``);
* classifiers that only say "some things" (个, 家, 项, 座 ...) leave the
  number alone: what they count is in ``KeyFigure.counts``, put into English
  by :func:`figure_phrase`, because guessing ``companies`` for 家 would be
  wrong for 2,400 hospitals.
"""

from __future__ import annotations

import math
import re

from digest.english.glossary import best_sense, cedict_index, dictionary_pieces, first_sense, gloss
from digest.lexicon import cut
from digest.model import KeyFigure

CURRENCIES: dict[str, str] = {
    "元": "CNY", "人民币": "CNY", "元人民币": "CNY", "人民币元": "CNY",
    "美元": "USD", "美金": "USD", "欧元": "EUR", "日元": "JPY", "港元": "HKD", "港币": "HKD",
    "英镑": "GBP", "韩元": "KRW", "卢布": "RUB", "澳元": "AUD", "加元": "CAD",
    "新台币": "TWD", "台币": "TWD", "瑞士法郎": "CHF", "新加坡元": "SGD", "新元": "SGD",
    "印度卢比": "INR", "卢比": "INR", "澳门元": "MOP", "泰铢": "THB", "越南盾": "VND",
}

#: Units written after the number: (singular, plural). Symbols are the same in both.
UNITS: dict[str, tuple[str, str]] = {
    "人": ("person", "people"), "名": ("person", "people"), "位": ("person", "people"),
    "人次": ("visit", "visits"), "户": ("household", "households"),
    "台": ("unit", "units"), "套": ("set", "sets"), "件": ("item", "items"),
    "辆": ("vehicle", "vehicles"), "艘": ("ship", "ships"), "架": ("aircraft", "aircraft"),
    "吨": ("tonne", "tonnes"), "公斤": ("kg", "kg"), "千克": ("kg", "kg"), "克": ("g", "g"),
    "斤": ("jin", "jin"), "公里": ("km", "km"), "千米": ("km", "km"), "米": ("m", "m"),
    "厘米": ("cm", "cm"), "毫米": ("mm", "mm"), "纳米": ("nm", "nm"),
    "平方米": ("m²", "m²"), "平方公里": ("km²", "km²"), "平方千米": ("km²", "km²"),
    "立方米": ("m³", "m³"), "公顷": ("hectare", "hectares"), "亩": ("mu", "mu"),
    "升": ("litre", "litres"), "瓦": ("W", "W"), "千瓦": ("kW", "kW"), "兆瓦": ("MW", "MW"),
    "吉瓦": ("GW", "GW"), "千瓦时": ("kWh", "kWh"), "岁": ("year old", "years old"),
    "年": ("year", "years"), "个月": ("month", "months"), "天": ("day", "days"),
    "小时": ("hour", "hours"), "分钟": ("minute", "minutes"), "秒": ("second", "seconds"),
    "倍": ("time", "times"), "次": ("time", "times"),
    "个百分点": ("percentage point", "percentage points"),
    "百分点": ("percentage point", "percentage points"),
}

#: Units written straight after the number, without a space.
SUFFIXES: dict[str, str] = {"%": "%", "％": "%", "‰": "‰", "℃": "°C", "摄氏度": "°C"}

ENGLISH_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))

#: A magnitude word left inside the unit (``万吨`` with scale 1): peeled off.
#: Only 万 and 亿: 千 and 百 start real units (千克, 千米, 百分点).
_MAGNITUDE_PREFIX = re.compile(r"^(万亿|亿|万)(.+)$")
_MAGNITUDES = {"万亿": 1e12, "亿": 1e8, "万": 1e4}


def _plain_number(x: float) -> str:
    """``2400`` -> ``2,400``, ``5.70`` -> ``5.7``, ``0.125`` -> ``0.125``: at most three decimals."""
    text = f"{x:,.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def english_number(amount: float) -> str:
    """``3e11`` -> ``300 billion``, ``2e4`` -> ``20,000``: English magnitude words from a million up.

    Below a million the number is written out with thousands separators,
    as English news style does.
    """
    for size, word in ENGLISH_SCALES:
        if abs(amount) >= size:
            return f"{_plain_number(amount / size)} {word}"
    return _plain_number(amount)


def _unit_and_scale(fig: KeyFigure) -> tuple[str, float]:
    unit, scale = fig.unit.strip(), fig.scale or 1.0
    match = _MAGNITUDE_PREFIX.match(unit)
    if match and scale == 1.0:
        return match.group(2), _MAGNITUDES[match.group(1)]
    return unit, scale


def figure_in_english(fig: KeyFigure) -> str:
    """``3000亿元`` -> ``CNY 300 billion``, ``40%`` -> ``40%``, ``2万人`` -> ``20,000 people``.

    A unit without an English counterpart (a bare classifier) leaves the
    number only: ``2400家`` -> ``2,400``.
    """
    unit, scale = _unit_and_scale(fig)
    amount = fig.value * scale
    if not math.isfinite(amount):
        return fig.text
    if unit in SUFFIXES:
        return f"{_plain_number(amount)}{SUFFIXES[unit]}"
    number = english_number(amount)
    if unit in CURRENCIES:
        return f"{CURRENCIES[unit]} {number}"
    if unit in UNITS:
        singular, plural = UNITS[unit]
        return f"{number} {singular if amount == 1 else plural}"
    return number


# ------------------------------------------------------------------ figure phrases
#
# A key figure and what it counts, as one English noun phrase, by rules over the
# figure's unit and its counted noun (``KeyFigure.counts``):
#
# * a *measure* noun says what the amount is (缺口 a shortfall, 产值 output):
#   ``超2万人`` + ``缺口`` -> ``a shortfall of over 20,000 people``;
# * a share counts a part of a whole: ``40%`` + ``顶尖人才`` -> ``40% of top talent``;
# * money is spent *in* something: ``3000亿元`` + ``资金`` -> ``CNY 300 billion in funds``;
# * a classifier or a count of people is replaced by the noun it counts:
#   ``2400家`` + ``核心企业`` -> ``2,400 core companies``;
# * any other unit measures *of* it: ``120万吨`` + ``粮食`` -> ``1.2 million tonnes of grain``.
#
# The counted noun is the dictionary's word when it has one (产业工人 industrial
# worker), else its parts in order, which is English order for a Chinese
# compound (modifier before head). When a part has no English, the phrase is
# the figure alone: no guessed words.

#: Qualifiers before the number (as the figure extractor reads them) in English.
QUALIFIERS = {"超过": "over", "超出": "over", "超": "over", "逾": "over", "多达": "as many as",
              "将近": "nearly", "接近": "nearly", "近": "nearly", "约": "about",
              "不足": "under", "不到": "under", "仅": "only"}
_QUALIFIER = re.compile("^(" + "|".join(sorted(QUALIFIERS, key=len, reverse=True)) + ")")
#: 多/余 after the number or magnitude (``2万多人``): "more than".
_MORE_THAN = re.compile(r"[\d万亿千百十][多余]")

#: Nouns that say what an amount is: (English, takes "a"). ``a shortfall of ...``, ``output of ...``.
MEASURES: dict[str, tuple[str, bool]] = {
    "缺口": ("shortfall", True), "规模": ("scale", True), "总量": ("total", True), "总额": ("total", True),
    "产值": ("output", False), "产量": ("output", False), "营收": ("revenue", False),
    "营业收入": ("revenue", False), "收入": ("income", False), "销售额": ("sales", False),
    "销量": ("sales", False), "利润": ("profit", False), "净利润": ("net profit", False),
    "交易额": ("turnover", False), "成交额": ("turnover", False), "出口额": ("exports", False),
    "进口额": ("imports", False), "增加值": ("added value", False), "市值": ("market value", False),
    "估值": ("valuation", False), "增速": ("growth", False), "增幅": ("growth", False),
}
#: Modifiers whose first dictionary sense is a noun (顶尖 "peak"), in the sense
#: they have before a noun. Common words of news figures, not of any one text.
MODIFIERS = {
    "顶尖": "top", "重点": "key", "国家级": "national", "省级": "provincial", "市级": "municipal",
    "核心": "core", "龙头": "leading", "骨干": "backbone", "高端": "high-end", "重大": "major",
    "中小": "small and medium", "新增": "new", "全国": "national", "全球": "global",
    "全市": "citywide", "全省": "provincial", "国际": "international", "海外": "overseas",
    "规上": "large", "规模以上": "large", "高新技术": "high-tech", "科技型": "technology",
    "专精特新": "specialised", "优质": "high-quality", "知名": "well-known", "头部": "leading",
}
#: English nouns without a plural in this use.
UNCOUNTABLE = frozenset("""talent funds funding capital equipment machinery output revenue investment
    information data software personnel staff housing grain electricity power sales income profit
    aid support infrastructure research traffic""".split())
#: Units that count people: the counted noun replaces them (``2万名志愿者`` -> ``20,000 volunteers``).
PEOPLE_UNITS = frozenset({"人", "名", "位"})
#: Classifiers: the unit only says "some things"; the counted noun names them.
CLASSIFIERS = frozenset("个 家 项 座 所 条 只 款 批 种 类 处 间 支 场 起 例 张 份 篇 部 本 块 片".split())


def plural(noun: str) -> str:
    """``company`` -> ``companies``, ``core company`` -> ``core companies``, ``talent`` -> ``talent``."""
    head, _, last = noun.rpartition(" ")
    if last in UNCOUNTABLE or not last.isalpha() or last.endswith("s") and not last.endswith("ss"):
        return noun
    if last.endswith("y") and last[-2:-1] not in "aeiou":
        last = last[:-1] + "ies"
    elif last.endswith(("s", "x", "z", "ch", "sh")):
        last += "es"
    else:
        last += "s"
    return f"{head} {last}" if head else last


def _a(phrase: str) -> str:
    return ("an " if phrase[:1].lower() in "aeio" else "a ") + phrase


def _word_sense(word: str) -> str | None:
    """One English sense of a dictionary word, without labels or usage notes."""
    if word in MODIFIERS:
        return MODIFIERS[word]
    entries = cedict_index().get(word)
    if not entries:
        return None
    if len(entries) == 1:
        sense = best_sense(entries[0][1])
    else:
        sense = (entry := gloss(word)) and first_sense(entry.english)
    if not sense:
        return None
    sense = re.sub(r"\s*\([^()]*\)", "", sense).strip()
    return sense if sense and not sense.startswith("to ") else None


def counted_noun(counts: str) -> tuple[str, str] | None:
    """The counted noun split into (modifiers, head) in English, or None.

    ``产业工人`` -> ``("", "industrial worker")``, ``核心企业`` -> ``("core", "company")``,
    ``国家级重点实验室`` -> ``("national key", "laboratory")``; a part without an
    English noun sense gives None.
    """
    counts = counts.strip()
    if not counts:
        return None
    whole = _word_sense(counts) if counts not in MEASURES else None
    if whole:
        return "", whole
    parts: list[str] = []
    for segment in cut(counts):
        pieces = [segment] if segment in MODIFIERS or segment in MEASURES else dictionary_pieces(segment)
        if not pieces:
            return None
        parts.extend(pieces)
    if not 1 <= len(parts) <= 4:
        return None
    head = parts[-1]
    english_head = MEASURES[head][0] if head in MEASURES else _word_sense(head)
    modifiers = [_word_sense(p) for p in parts[:-1]]
    if english_head is None or None in modifiers:
        return None
    return " ".join(modifiers), english_head


def figure_phrase(fig: KeyFigure) -> str:
    """The figure and what it counts as one English noun phrase (rules above).

    ``超2万人`` counting ``缺口`` -> ``a shortfall of over 20,000 people``;
    ``40%的顶尖人才`` -> ``40% of top talent``; ``2400家核心企业`` ->
    ``2,400 core companies``; without a counted noun in English, the figure
    alone (``CNY 69 billion``).
    """
    amount = figure_in_english(fig)
    match = _QUALIFIER.match(fig.text)
    qualifier = QUALIFIERS[match.group(1)] if match else ("over" if _MORE_THAN.search(fig.text) else "")
    figure = f"{qualifier} {amount}".strip()
    noun = counted_noun(fig.counts)
    if noun is None:
        return figure
    modifiers, head = noun
    unit, _ = _unit_and_scale(fig)
    last = fig.counts.strip()
    for measure in sorted(MEASURES, key=len, reverse=True):
        if last.endswith(measure):
            english, countable = MEASURES[measure]
            if english == "scale" and modifiers and unit in CURRENCIES:
                return f"{_a(modifiers)} worth {figure}"  # 产业规模: an industry worth CNY 350 billion
            named = f"{modifiers} {english}".strip()
            return f"{_a(named) if countable else named} of {figure}"
    named = f"{modifiers} {head}".strip()
    if unit in SUFFIXES:
        return f"{figure} of {plural(named)}"
    if unit in CURRENCIES:
        return f"{figure} in {plural(named)}"
    if not unit or unit in CLASSIFIERS or unit in PEOPLE_UNITS:
        number = f"{qualifier} {english_number(fig.value * _unit_and_scale(fig)[1])}".strip()
        return f"{number} {named if fig.amount == 1 else plural(named)}"
    return f"{figure} of {plural(named) if head not in UNCOUNTABLE else named}"
