"""Shared Chinese-text primitives: word segmentation, word frequencies (character classes: :mod:`digest.chardata`).

Segmentation uses rjieba (jieba's algorithm in Rust, several times faster) with
jieba's own dictionary; frequencies and IDF come from jieba's bundled files, so
there is one vocabulary for every stage that asks "is this a word?".
"""

from __future__ import annotations

import math
import sys
from functools import lru_cache
from pathlib import Path

# Re-exported for the stages that ask the lexicon and the character classes together.
from digest.chardata import CJK_CHAR, CJK_RANGES, CJK_RUN  # noqa: F401


def cjk_count(text: str) -> int:
    """Number of CJK ideographs in ``text`` (counted run by run: fewer objects than char by char)."""
    return sum(map(len, CJK_RUN.findall(text)))


def _jieba_file(name: str) -> Path:
    import jieba  # only for the location of its data files

    return Path(jieba.__file__).parent / name


@lru_cache(maxsize=1)
def word_frequencies() -> dict[str, int]:
    """jieba's dictionary as {word: frequency}; about 350,000 entries."""
    freqs: dict[str, int] = {}
    with open(_jieba_file("dict.txt"), encoding="utf-8") as fh:
        for line in fh:
            parts = line.split(" ", 2)
            if len(parts) >= 2:
                freqs[parts[0]] = int(parts[1])
    return freqs


@lru_cache(maxsize=1)
def _total_frequency() -> int:
    return sum(word_frequencies().values())


def word_log_prob(word: str) -> float:
    """Unigram log-probability of a word; unknown words get a small floor."""
    freq = word_frequencies().get(word, 0)
    return math.log((freq + 0.5) / _total_frequency())


@lru_cache(maxsize=1)
def idf_table() -> tuple[dict[str, float], float]:
    """jieba's IDF table and its median (the IDF of an unknown word)."""
    idf: dict[str, float] = {}
    with open(_jieba_file("analyse/idf.txt"), encoding="utf-8") as fh:
        for line in fh:
            word, _, value = line.rstrip("\n").partition(" ")
            if value:
                idf[word] = float(value)
    values = sorted(idf.values())
    return idf, values[len(values) // 2]


def cut(text: str) -> list[str]:
    """Segment text into words (rjieba, jieba's dictionary, HMM for unknown words)."""
    import rjieba

    return rjieba.cut(text)


def is_word(text: str) -> bool:
    return text in word_frequencies()


@lru_cache(maxsize=1)
def word_tags() -> dict[str, str]:
    """jieba's part-of-speech tag of each dictionary word (n noun, v verb, vn verbal noun, d adverb...).

    rjieba segments without tagging; the dictionary tag is the word's usual part
    of speech, not read in context, which is enough to keep nouns and drop verbs
    and adverbs when picking keywords or the noun a figure counts.
    """
    tags: dict[str, str] = {}
    with open(_jieba_file("dict.txt"), encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3:
                tags[parts[0]] = sys.intern(parts[2])
    return tags


def word_tag(word: str) -> str:
    """The dictionary tag of ``word``, or ``""`` for a word jieba's dictionary lacks."""
    return word_tags().get(word, "")
