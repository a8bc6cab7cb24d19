"""Remove pinyin readings glued after characters: ``政協(xié)`` → ``政協``.

Some wire copy prints the Mandarin reading of every Traditional character
whose Simplified form differs.  The readings are noise for a reader of the
digest, but a parenthesis after a character is also how Chinese text writes
abbreviations, places, bylines and asides (``(AI)``, ``(北京)``, ``(完)``,
``(以下简称《行动计划》)``, ``咖啡(café)``), so a parenthesis is removed only
when its content is provably a reading; see :func:`is_pinyin_annotation`.
"""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from digest.chardata import CJK_RANGES
from digest.lexicon import precomputed

#: Tone marks written on pinyin vowels (macron, acute, caron, grave).
_TONE_MARKS = "\u0304\u0301\u030c\u0300"
_TONE_MARK = re.compile(f"[{_TONE_MARKS}]")
_PINYIN_LETTERS = "a-zêüāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿếề" + _TONE_MARKS
_SYLLABLE_SPLIT = re.compile(r"[\s']+")

#: A reading and its closing bracket (group 1: the reading).
_READING = f"([{_PINYIN_LETTERS}]+(?:[ '][{_PINYIN_LETTERS}]+)*)[)）]"
_PAREN = f"[(（]{_READING}"
#: One ``(...)`` or ``（...）`` holding only lowercase pinyin letters.
_ONE_ANNOTATION = re.compile(_PAREN)
#: A chain of such parentheses right after a CJK character; whether each one
#: really is a reading is decided in Python.  The pattern opens on the bracket
#: (the CJK character is checked behind it) so that the scan skips to brackets.
_ANNOTATIONS = re.compile(f"[(（](?<=[{CJK_RANGES}][(（]){_READING}(?:{_PAREN})*")
#: The CJK characters that end the text before an annotation.
_CJK_TAIL = re.compile(f"[{CJK_RANGES}]+$")


def toneless(syllable: str) -> str:
    """``xié`` → ``xie``, ``lǜ`` → ``lü``, ``lv`` → ``lü`` (the keyboard spelling)."""
    bare = _TONE_MARK.sub("", unicodedata.normalize("NFD", syllable))
    return unicodedata.normalize("NFC", bare).replace("v", "ü")


def has_tone(syllable: str) -> bool:
    return _TONE_MARK.search(unicodedata.normalize("NFD", syllable)) is not None


def _pinyin_tables() -> tuple[dict[int, str], frozenset[str]]:
    """pypinyin's readings of each character (``{ord: "dòng,tóng"}``) and every toneless syllable."""
    from pypinyin.pinyin_dict import pinyin_dict

    return dict(pinyin_dict), frozenset(toneless(s) for value in pinyin_dict.values() for s in value.split(","))


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[int, str], frozenset[str]]:
    """:func:`_pinyin_tables`, saved between processes (importing pypinyin's data takes 0.4 s)."""
    package = Path(importlib.util.find_spec("pypinyin").origin).parent
    return precomputed("pinyin", (package / "pinyin_dict.py", Path(__file__)), _pinyin_tables)


def mandarin_syllables() -> frozenset[str]:
    """Every toneless Mandarin syllable (about 420), from pypinyin's character data."""
    return _tables()[1]


def readings(char: str) -> frozenset[str]:
    """The toneless readings pypinyin knows for one character (``動`` → ``{'dong'}``)."""
    value = _tables()[0].get(ord(char), "")
    return frozenset(toneless(s) for s in value.split(",") if s)


@lru_cache(maxsize=4096)  # wire copy repeats the same readings after the same characters
def is_pinyin_annotation(content: str, before: str) -> bool:
    """Decide whether ``(content)`` after the characters ``before`` is their reading.

    The rule, from strict to loose:

    * every space-separated piece must be a real Mandarin syllable, and there
      cannot be more syllables than characters before the parenthesis
      (``咖啡(café)``, ``(ok)``, ``(app)`` fail here);
    * a reading spelled with a tone mark or ü (``(xié)``, ``(zhèng xié)``) is
      accepted: English words and abbreviations do not carry pinyin tones;
    * a toneless reading (``(men)``, ``(ma)``) could be an abbreviation, so it
      is accepted only when it is a reading of the very characters it follows
      (``們(men)`` goes, ``能(ai)`` stays).
    """
    syllables = _SYLLABLE_SPLIT.split(content.strip())
    if len(syllables) > len(before):
        return False
    known = mandarin_syllables()
    if not all(toneless(s) in known for s in syllables):
        return False
    if any(has_tone(s) or "ü" in s for s in syllables):
        return True
    chars = before[len(before) - len(syllables):]
    return all(toneless(s) in readings(c) for s, c in zip(syllables, chars))


def strip_pinyin_annotations(text: str) -> str:
    """Drop every parenthesised pinyin reading that follows CJK characters.

    ``政協(xié)委員`` → ``政協委員``; ``政协(zhèng xié)`` → ``政协``; ``(AI)``,
    ``(北京)``, ``(完)`` and ``咖啡(café)`` stay.  Only the parenthesis is
    removed, never a character.  A chain ``產(chǎn)(chǎn)`` is handled in one
    go up to its first non-reading, so a second pass finds nothing more to strip.
    """
    if "(" not in text and "（" not in text:
        return text

    def replace(match: re.Match[str]) -> str:
        tail = _CJK_TAIL.search(text, max(0, match.start() - 8), match.start())
        before = tail.group() if tail else ""
        chain = match.group()
        for paren in _ONE_ANNOTATION.finditer(chain):
            if not is_pinyin_annotation(paren.group(1), before):
                return chain[paren.start():]
        return ""

    return _ANNOTATIONS.sub(replace, text)
