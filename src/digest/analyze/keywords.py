"""Keywords: the words that set an article apart, by TF-IDF.

Term frequency comes from rjieba segmentation of title and body, inverse
document frequency from jieba's IDF table.  Title words count extra, because a
headline names the subject.  Only nouns and noun-like words are kept (jieba's
dictionary tag: no verbs, adverbs, pronouns), besides the filters of
:func:`digest.analyze.words.is_content_word` (news-speak, numbers, single
characters).  Word pairs that jieba splits but the article always writes
together (缝制|机械) are joined back into one keyword.

Score = (1 + ln tf) × idf: sublinear, so a word repeated thirty times does not
drown every other subject of the article.
"""

from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache

from digest.analyze.words import idf, is_content_word
from digest.lexicon import cut, word_tag
from digest.model import ArticleDraft

#: Each title occurrence counts as this many body occurrences.
TITLE_WEIGHT = 3
#: A pair of adjacent words becomes one keyword if it occurs this often and
#: accounts for at least PAIR_SHARE of each word's occurrences.
PAIR_MIN_COUNT = 2
PAIR_SHARE = 0.6
MAX_PAIR_CHARS = 6
#: Dictionary tags of words that do not name a subject: verbs, adverbs,
#: adjectives, pronouns, idioms, numerals, time words...
_NON_NOUN_TAGS = frozenset("v vd vg d ad a ag r c p u m mq q t tg f y e o z zg k i".split())


@lru_cache(maxsize=65536)
def _is_keyword_word(word: str) -> bool:
    return is_content_word(word) and word_tag(word) not in _NON_NOUN_TAGS


def _term_counts(draft: ArticleDraft) -> tuple[Counter, Counter, Counter]:
    """Weighted counts of keyword words and of adjacent keyword-word pairs (title x TITLE_WEIGHT),
    and the plain number of times each pair occurs."""
    words: Counter = Counter()
    pairs: Counter = Counter()
    seen: Counter = Counter()
    for text, weight in ((draft.title, TITLE_WEIGHT), (draft.body_text, 1)):
        tokens = cut(text)
        for w in tokens:
            if _is_keyword_word(w):
                words[w] += weight
        for a, b in zip(tokens, tokens[1:]):
            if a != b and len(a) + len(b) <= MAX_PAIR_CHARS and _is_keyword_word(a) and _is_keyword_word(b):
                pairs[a, b] += weight
                seen[a, b] += 1
    return words, pairs, seen


def _join_pairs(words: Counter, pairs: Counter, seen: Counter, idfs: dict[str, float]) -> None:
    """Merge adjacent pairs that behave as one term into a single keyword, in place.

    ``缝制`` is followed by ``机械`` nearly every time it occurs, so ``缝制机械``
    is the article's term and neither half is.  A pair must occur PAIR_MIN_COUNT
    times and make up PAIR_SHARE of each half's remaining occurrences (a word
    already used up by a more frequent pair cannot join another).  Its IDF is
    that of its rarer half.  Punctuation is a token of its own, so no pair crosses it.
    """
    for (a, b), n in sorted(pairs.items(), key=lambda item: -item[1]):
        if (seen[a, b] >= PAIR_MIN_COUNT and PAIR_SHARE * words[a] <= n <= words[a]
                and PAIR_SHARE * words[b] <= n <= words[b]):
            words[a + b] += n
            idfs[a + b] = max(idfs[a], idfs[b])
            words[a] -= n
            words[b] -= n


def keyword_scores(draft: ArticleDraft) -> list[tuple[str, float]]:
    """(keyword, TF-IDF score) for every candidate, best first."""
    words, pairs, seen = _term_counts(draft)
    idfs = {w: idf(w) for w in words}
    _join_pairs(words, pairs, seen, idfs)
    scored = [(w, (1 + math.log(n)) * idfs[w]) for w, n in words.items() if n > 0]
    scored.sort(key=lambda ws: (-ws[1], ws[0]))
    return scored


def keywords(draft: ArticleDraft, k: int = 8) -> list[str]:
    """The ``k`` best keywords, skipping any that is part of (or contains) a better one.

    >>> from digest.model import Block
    >>> keywords(ArticleDraft("缝制机械出口回暖", [Block(
    ...     "今年前8个月，缝制机械出口额同比增长12%。缝制机械企业表示，东南亚服装订单增加。")]), k=4)
    ['缝制机械', '出口', '东南亚', '订单']
    """
    chosen: list[str] = []
    for word, _ in keyword_scores(draft):
        if not any(word in c or c in word for c in chosen):
            chosen.append(word)
            if len(chosen) == k:
                break
    return chosen
