"""Key figures in English: ``3000亿元`` -> ``CNY 300 billion``.

Chinese counts in 万 (10^4) and 亿 (10^8), English in thousands, millions,
billions (10^9) and trillions (10^12), so a figure is re-scaled from its
amount (``value * scale``), not translated word by word: 690亿元 is
69 billion, 5.7万亿美元 5.7 trillion, 2万人 20,000 people.

* currencies become ISO 4217 codes before the number (``CNY``, ``USD`` ...);
* measure units become English units or symbols after it (``tonnes``, ``km``, ``m²``);
* classifiers that only say "some things" (个, 家, 项, 座 ...) leave the
  number alone: what they count is in ``KeyFigure.counts``, glossed by
  :func:`counts_gloss`, because guessing ``companies`` for 家 would be wrong
  for 2,400 hospitals.
"""

from __future__ import annotations

import math
import re

from digest.english.glossary import first_sense, gloss
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


def counts_gloss(fig: KeyFigure) -> str | None:
    """What the figure counts, in English from CC-CEDICT: ``核心企业`` -> ``core + company``.

    Only the first sense of each part, without parenthetical qualifiers, so it
    reads as a label; None when there is nothing counted or no gloss.
    """
    if not fig.counts:
        return None
    entry = gloss(fig.counts)
    if entry is None:
        return None
    return first_sense(entry.english)


def figure_with_counts(fig: KeyFigure) -> str:
    """``2400家核心企业`` -> ``2,400 (core + company)``: the figure and, if known, what it counts."""
    english = figure_in_english(fig)
    counted = counts_gloss(fig)
    return f"{english} ({counted})" if counted else english
