"""Pinyin for people, newspapers and agencies on English pages.

English pages cannot show ``任德辉`` or ``中国新闻报``; they show Hanyu Pinyin
written the way the standard (GB/T 16159, GB/T 28039) writes names:

* a person: surname first, capitalised, then the given name as one word
  (``任德辉`` -> ``Ren Dehui``). Surnames are read with their *surname*
  reading, which for a few characters differs from the everyday one
  (任 Rén, 单 Shàn, 曾 Zēng, 解 Xiè ...), from :data:`SURNAME_READINGS`;
* an organisation: one capitalised word per word of the name
  (``中国新闻报`` -> ``Zhongguo Xinwen Bao``);
* a transliterated foreign name keeps its parts (``内藤·智`` -> ``Neiteng Zhi``).

Tone marks are optional (``tones=True``); without them ü stays ü (``吕`` -> ``Lü``),
as the standard writes it. Syllables joined in one word take an apostrophe
before a, o, e (``西安`` -> ``Xi'an``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from pypinyin import Style, lazy_pinyin
from pypinyin.contrib.tone_convert import to_normal

from digest.chardata import CJK_CHAR, CJK_RANGES, CJK_RUN
from digest.lexicon import cut, is_word, word_log_prob

#: Middle dots that separate the parts of a transliterated foreign name.
NAME_DOTS = "·・•‧∙"
_NAME_DOT = re.compile(f"\\s*[{NAME_DOTS}]\\s*")
_PERSON_NAME = re.compile(f"[{NAME_DOTS}{CJK_RANGES}]+")
_VOWEL_START = re.compile("[aoeāáǎàōóǒòēéěè]", re.IGNORECASE)
_SPACE_BEFORE_CLOSER = re.compile(r"\s+([)\]},.;:!?])")
_SPACE_AFTER_OPENER = re.compile(r"([(\[{])\s+")
_FULLWIDTH = str.maketrans({"（": "(", "）": ")", "【": "[", "】": "]", "，": ",", "、": ",",
                            "：": ":", "；": ";", "　": " "})

#: Surname readings that differ from the character's everyday reading (or that
#: pypinyin gets wrong for the character alone), and the compound surnames.
#: A name starting with a compound surname takes it whole (``欧阳修`` -> ``Ouyang Xiu``).
SURNAME_READINGS: dict[str, str] = {
    "任": "rén", "单": "shàn", "曾": "zēng", "解": "xiè", "仇": "qiú", "朴": "piáo",
    "区": "ōu", "查": "zhā", "盖": "gě", "繁": "pó", "乐": "yuè", "缪": "miào",
    "翟": "zhái", "覃": "qín", "黑": "hè", "冼": "xiǎn", "洗": "xiǎn", "员": "yùn",
    "种": "chóng", "秘": "bì", "隗": "wěi", "召": "shào", "纪": "jǐ", "柏": "bǎi",
    "薄": "bó", "过": "guō", "句": "gōu", "莘": "shēn", "折": "shé", "祭": "zhài",
    "宿": "sù", "尉": "wèi", "长": "cháng", "重": "chóng", "宁": "nìng", "燕": "yān",
    "蕃": "pí", "卜": "bǔ", "阚": "kàn", "沈": "shěn", "石": "shí", "曲": "qū",
    "都": "dū", "朝": "cháo", "万": "wàn", "尉迟": "yù chí", "万俟": "mò qí",
    "长孙": "zhǎng sūn", "欧阳": "ōu yáng", "司马": "sī mǎ", "诸葛": "zhū gě",
    "上官": "shàng guān", "令狐": "líng hú", "皇甫": "huáng fǔ", "司徒": "sī tú",
    "司空": "sī kōng", "夏侯": "xià hóu", "东方": "dōng fāng", "慕容": "mù róng",
    "宇文": "yǔ wén", "公孙": "gōng sūn", "轩辕": "xuān yuán", "澹台": "tán tái",
    "单于": "chán yú", "端木": "duān mù", "闻人": "wén rén", "赫连": "hè lián",
    "呼延": "hū yán", "独孤": "dú gū", "南宫": "nán gōng", "西门": "xī mén",
    "淳于": "chún yú", "太史": "tài shǐ", "申屠": "shēn tú", "公羊": "gōng yáng",
    "拓跋": "tuò bá", "钟离": "zhōng lí", "宗政": "zōng zhèng", "濮阳": "pú yáng",
    "百里": "bǎi lǐ", "东郭": "dōng guō", "仲孙": "zhòng sūn", "叔孙": "shū sūn",
    "羊舌": "yáng shé", "第五": "dì wǔ", "左丘": "zuǒ qiū", "乐正": "yuè zhèng",
    "公冶": "gōng yě", "亓官": "qí guān", "完颜": "wán yán", "鲜于": "xiān yú",
    "闾丘": "lǘ qiū", "司寇": "sī kòu", "子车": "zǐ jū", "漆雕": "qī diāo",
}
_COMPOUND_SURNAMES = frozenset(s for s in SURNAME_READINGS if len(s) == 2)


def capitalise(word: str) -> str:
    """``rén`` -> ``Rén``; ``ōuyáng`` -> ``Ōuyáng`` (only the first letter changes)."""
    return word[:1].upper() + word[1:]


def join_syllables(syllables: list[str]) -> str:
    """Write the syllables of one word as one word, as Hanyu Pinyin does.

    A syllable starting with a, o or e after another one takes an apostrophe,
    or the word would read differently (``xi an`` -> ``xi'an``, not ``xian``).
    """
    out = syllables[0] if syllables else ""
    for syllable in syllables[1:]:
        out += ("'" + syllable) if _VOWEL_START.match(syllable) else syllable
    return out


def _toneless(syllable: str) -> str:
    """``lǘ`` -> ``lü``: drop the tone mark, keep ü (it is a different vowel)."""
    return to_normal(syllable, v_to_u=True)


def syllables(text: str | list[str], tones: bool = False) -> list[str]:
    """Lower-case pinyin per character of a Chinese text, readings chosen in context.

    A list of strings is read piece by piece (``list(text)``: each character alone).
    """
    if tones:
        return lazy_pinyin(text, style=Style.TONE)
    return lazy_pinyin(text, style=Style.NORMAL, v_to_u=True)


def compound_parts(word: str, known=is_word) -> list[str]:
    """Split a long compound into the words Hanyu Pinyin writes separately.

    ``人民日报`` -> ``[人民, 日报]``, ``中华人民共和国`` -> ``[中华, 人民, 共和国]``:
    the standard writes names and terms of four or more syllables word by
    word. Pieces are known words of 2-3 characters; the split with the fewest
    pieces wins, ties going to the likelier words. A word that cannot be
    covered by such pieces stays whole, so an unknown name is never chopped.
    """
    n = len(word)
    if n < 4:
        return [word]
    # best[i]: (pieces, -log-probability, split) for word[:i]
    best: list[tuple[int, float, list[str]] | None] = [None] * (n + 1)
    best[0] = (0, 0.0, [])
    for end in range(2, n + 1):
        for size in (2, 3):
            start = end - size
            if start < 0 or best[start] is None:
                continue
            piece = word[start:end]
            if not known(piece):
                continue
            count, cost, split = best[start]
            candidate = (count + 1, cost - word_log_prob(piece), split + [piece])
            if best[end] is None or candidate[:2] < best[end][:2]:
                best[end] = candidate
    return best[n][2] if best[n] else [word]


def pinyin_words(text: str) -> list[str]:
    """Chinese text cut into the units written as one pinyin word each."""
    return [part for token in cut(text) for part in compound_parts(token)]


def _word_in_pinyin(word: str, tones: bool) -> str:
    return capitalise(join_syllables(syllables(word, tones)))


def _foreign_name(name: str, tones: bool) -> str:
    """``内藤·智`` -> ``Neiteng Zhi``: each part of a transliteration is one word.

    The characters only spell sounds of a foreign name, so each is read on its
    own, not as part of a Chinese word; there is no surname rule,
    and the original order is kept.
    """
    parts = [p for p in _NAME_DOT.split(name) if p]
    return " ".join(capitalise(join_syllables(syllables(list(p), tones))) for p in parts)


def _surname(name: str) -> str:
    """The surname of a Chinese personal name: a compound one if listed, else one character.

    A compound surname needs a given name after it, so a two-character name
    is always one-character surname + given name.
    """
    if len(name) >= 3 and name[:2] in _COMPOUND_SURNAMES:
        return name[:2]
    return name[:1]


def _surname_syllables(surname: str, tones: bool) -> list[str]:
    reading = SURNAME_READINGS.get(surname)
    if reading is None:
        return syllables(surname, tones)
    marked = reading.split()
    return marked if tones else [_toneless(s) for s in marked]


def person_name(name: str, tones: bool = False) -> str:
    """``任德辉`` -> ``Ren Dehui`` (``Rén Déhuī`` with ``tones=True``).

    Surname first with its surname reading, then the given name written as one
    word and read in context (pypinyin's phrase readings). Foreign names with
    a middle dot keep their parts; a name with other characters than Chinese
    ones is romanised like an organisation name; text without Chinese
    characters is returned unchanged.
    """
    if not CJK_CHAR.search(name):
        return name
    name = name.strip()
    if not _PERSON_NAME.fullmatch(name):
        return org_name(name, tones)
    if any(dot in name for dot in NAME_DOTS):
        return _foreign_name(name, tones)
    surname = _surname(name)
    given = name[len(surname):]
    out = capitalise(join_syllables(_surname_syllables(surname, tones)))
    if given:
        out += " " + _word_in_pinyin(given, tones)
    return out


def org_name(name: str, tones: bool = False) -> str:
    """``中国新闻报`` -> ``Zhongguo Xinwen Bao``: one capitalised pinyin word per word.

    Words come from the shared segmenter, long compounds split as in
    :func:`compound_parts` (``人民日报`` -> ``Renmin Ribao``). Latin letters and
    digits stay as they are (``21世纪经济报道`` -> ``21 Shiji Jingji Baodao``);
    full-width brackets and commas become ASCII ones. Text without Chinese
    characters is returned unchanged.
    """
    if not CJK_CHAR.search(name):
        return name
    return _romanise(name.strip(), tones)


@lru_cache(maxsize=4096)
def _romanise(text: str, tones: bool) -> str:
    parts: list[str] = []
    for chunk in _NAME_DOT.split(text.translate(_FULLWIDTH)):
        pos = 0
        for run in CJK_RUN.finditer(chunk):
            parts.append(chunk[pos:run.start()])
            parts.extend(_word_in_pinyin(w, tones) for w in pinyin_words(run.group()))
            pos = run.end()
        parts.append(chunk[pos:])
    out = " ".join(" ".join(p.split()) for p in parts if p.strip())
    return _SPACE_AFTER_OPENER.sub(r"\1", _SPACE_BEFORE_CLOSER.sub(r"\1", out))
