"""Keywords: the words that set an article apart, by TF-IDF.

Term frequency comes from rjieba segmentation of title and body, inverse
document frequency from jieba's IDF table.  Title words count extra, because a
headline names the subject.  Only nouns and noun-like words are kept (jieba's
dictionary tag: no verbs, adverbs, pronouns), besides the filters of
:func:`digest.analyze.words.is_content_word` (news-speak, numbers, single
characters).  Word pairs that jieba splits but the article always writes
together (缝制|机械) are joined back into one keyword.  A keyword must occur
at least twice in title and body together: the words an article is about
recur, while a vivid word used once (``热情``, ``活水``, ``城乡之间``) is style.

Score = (1 + ln tf) × idf: sublinear, so a word repeated thirty times does not
drown every other subject of the article.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from itertools import compress
from operator import and_

from digest.analyze.sentences import paragraph_sentences
from digest.analyze.words import WORD_CACHE_SIZE, idf, is_content_word, words_of
from digest.lexicon import is_word, word_tag
from digest.model import ArticleDraft

#: Each title occurrence counts as this many body occurrences.
TITLE_WEIGHT = 3
#: A keyword occurs this often in title and body together: a term the article
#: returns to.  A word used once is the writer's style (``热情``, ``活水``,
#: ``城乡之间`` in an article on consumer subsidies), not its subject.
MIN_OCCURRENCES = 2
#: A pair of adjacent words becomes one keyword if it occurs this often and
#: accounts for at least PAIR_SHARE of each word's occurrences.
PAIR_MIN_COUNT = 2
PAIR_SHARE = 0.6
MAX_PAIR_CHARS = 6
#: Dictionary tags of words that do not name a subject: verbs, adverbs,
#: adjectives, pronouns, idioms, numerals, time words...
_NON_NOUN_TAGS = frozenset("v vd vg d ad a ag r c p u m mq q t tg f y e o z zg k i".split())


#: Tags of characters that cannot open a term (measure words, numerals: ``个村``) or
#: close one (localizers and particles: ``周后``, ``会上``).
_NO_TERM_START = frozenset("q m mq".split())
_NO_TERM_END = frozenset("f u uj ul uz ug ud uv".split())


def _is_fragment(word: str) -> bool:
    """A word rjieba guessed (not in the dictionary) that is a piece of a phrase:
    it opens on a measure word or closes on a localizer or particle (``个村``, ``周后``)."""
    return not is_word(word) and (word_tag(word[0]) in _NO_TERM_START or word_tag(word[-1]) in _NO_TERM_END)


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _is_keyword_word(word: str) -> bool:
    """A content word that is not a verb, adverb, adjective... by its dictionary tag,
    nor a fragment of a phrase."""
    return is_content_word(word) and word_tag(word) not in _NON_NOUN_TAGS and not _is_fragment(word)


def _adjacent_pairs(tokens: list[str], is_keyword: list[bool]) -> list[tuple[str, str]]:
    """Adjacent keyword-word pairs ``(a, b)`` that could be one term, in text order.

    Only positions where both tokens are keyword words are visited; the two
    must differ and be short together (MAX_PAIR_CHARS).  A list, built in one
    comprehension: a generator resumed per pair cost more than the pairs.
    """
    both = map(and_, is_keyword, is_keyword[1:])
    return [(a, b) for a, b in compress(zip(tokens, tokens[1:]), both)
            if a != b and len(a) + len(b) <= MAX_PAIR_CHARS]


def _body_sentences(draft: ArticleDraft) -> Iterator[str]:
    """The sentences of the body paragraphs (headings excluded).

    jieba cuts at every punctuation mark and space anyway, and a sentence ends
    on punctuation, so segmenting sentence by sentence gives the body's words
    and no pair crosses a sentence end; the summary has segmented these same
    sentences already (:func:`words_of` is cached).
    """
    for block in draft.blocks:
        if not block.heading:
            yield from paragraph_sentences(block.text)


def _counts(texts: list[tuple[str, ...]]) -> tuple[Counter, Counter]:
    """Occurrences of keyword words and of adjacent keyword-word pairs in segmented texts.

    The texts are read as one token list with a line break after each, so no
    pair crosses from one text into the next.
    """
    tokens: list[str] = []
    for text in texts:
        tokens.extend(text)
        tokens.append("\n")
    is_keyword = list(map(_is_keyword_word, tokens))
    return Counter(compress(tokens, is_keyword)), Counter(_adjacent_pairs(tokens, is_keyword))


def _term_counts(draft: ArticleDraft) -> tuple[Counter, Counter, Counter]:
    """Weighted counts of keyword words and of adjacent keyword-word pairs (title x TITLE_WEIGHT),
    and the plain number of times each word and pair occurs."""
    title_words, title_pairs = _counts([words_of(draft.title)])
    body_words, body_pairs = _counts([words_of(s) for s in _body_sentences(draft)])
    seen = _added(title_pairs, body_pairs)
    dict.update(seen, _added(title_words, body_words))  # pairs and words: no key in common
    return _added(title_words, body_words, TITLE_WEIGHT), _added(title_pairs, body_pairs, TITLE_WEIGHT), seen


def _added(title: Counter, body: Counter, weight: int = 1) -> Counter:
    """``title`` × ``weight`` plus ``body``, keys in that order: ``Counter.update`` without
    its Python loop over the body's many keys (only the few shared with the title are added up)."""
    out = Counter({k: n * weight for k, n in title.items()})
    dict.update(out, body)
    for k in title.keys() & body.keys():
        out[k] = body[k] + title[k] * weight
    return out


def _join_pairs(words: Counter, pairs: Counter, seen: Counter, idfs: dict[str, float]) -> None:
    """Merge adjacent pairs that behave as one term into a single keyword, in place.

    ``缝制`` is followed by ``机械`` nearly every time it occurs, so ``缝制机械``
    is the article's term and neither half is.  A pair must occur PAIR_MIN_COUNT
    times and make up PAIR_SHARE of each half's remaining occurrences (a word
    already used up by a more frequent pair cannot join another).  Its IDF is
    that of its rarer half.  Punctuation is a token of its own, so no pair crosses it.
    ``seen`` (plain occurrences) gets the pair's count under the joined term.
    """
    for (a, b), n in sorted(pairs.items(), key=lambda item: -item[1]):
        if (seen[a, b] >= PAIR_MIN_COUNT and PAIR_SHARE * words[a] <= n <= words[a]
                and PAIR_SHARE * words[b] <= n <= words[b]):
            words[a + b] += n
            seen[a + b] += seen[a, b]  # the joined term occurs as often as the pair (plus any whole token)
            idfs[a + b] = max(idfs[a], idfs[b])
            words[a] -= n
            words[b] -= n


def keyword_scores(draft: ArticleDraft) -> list[tuple[str, float]]:
    """(keyword, TF-IDF score) for every candidate, best first."""
    words, pairs, seen = _term_counts(draft)
    idfs = {w: idf(w) for w in words}
    _join_pairs(words, pairs, seen, idfs)
    scored = [(w, (1 + math.log(n)) * idfs[w]) for w, n in words.items()
              if n > 0 and seen[w] >= MIN_OCCURRENCES]
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
