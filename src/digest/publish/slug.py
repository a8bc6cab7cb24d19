"""URL slugs for generated articles.

A slug is pinyin of the title (readable, ASCII, safe in any path) cut at a word
boundary, plus six hex digits of a hash of the title. It depends on the title
only, never on the body: correcting a sentence keeps the article's URL, and a
corrected title gives a new one (:mod:`digest.publish.permalinks` then keeps the
old URL as a redirect). The hash keeps apart titles whose pinyin is the same or
is cut at the same place (同音 titles, long titles); two articles with the very
same title are told apart by :mod:`digest.publish.permalinks`. Only
``[a-z0-9-]`` ever comes out, so a slug can never climb out of ``content/`` or
``output/``.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from pypinyin import Style, lazy_pinyin
from pypinyin.seg.simpleseg import seg as pinyin_segments

MAX_WORDS_CHARS = 48
_NON_SLUG = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=16384)
def _segment_pinyin(segment: str) -> tuple[str, ...]:
    """pypinyin's reading of one segment of its own segmentation (cached).

    pypinyin converts a text segment by segment, each on its own, in pure
    Python character by character; titles share most of their words, so
    converting each word once makes slugs cheap and changes nothing.
    """
    return tuple(lazy_pinyin([segment], style=Style.NORMAL, errors="default"))


def pinyin_words(text: str) -> list[str]:
    """ASCII words for a mixed Chinese/Latin text: ``人工智能AI`` -> ``ren gong zhi neng ai``."""
    words: list[str] = []
    for segment in pinyin_segments(text):
        for token in _segment_pinyin(segment):
            words.extend(w for w in _NON_SLUG.split(token.lower()) if w)
    return words


def short_hash(text: str, digits: int = 6) -> str:
    """The first ``digits`` hex digits of the SHA-256 of ``text``."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:digits]


def make_slug(title: str) -> str:
    """``人工智能“潮”起北京`` -> ``ren-gong-zhi-neng-chao-qi-bei-jing-5d1e0b``."""
    digest = short_hash(title)
    kept: list[str] = []
    length = 0
    for word in pinyin_words(title):
        if length + len(word) > MAX_WORDS_CHARS:
            break
        kept.append(word)
        length += len(word) + 1
    return "-".join([*kept, digest]) if kept else f"article-{digest}"
