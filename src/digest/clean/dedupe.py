"""Stage 7: drop duplicated paragraphs, repeated sentences and truncated copies.

Scraped pages repeat content: a paragraph (or a run of them) appears twice, a
sentence is pasted onto the end of another paragraph, and a page may end with
a copy of an earlier paragraph that stops mid-sentence. The first occurrence
is always the one kept.

Comparison ignores whitespace. Only *running text* (at least
:data:`MIN_RUNNING_CHARS` characters, or holding a clause mark ``。，；`` ) is dropped
wherever it repeats: it is too specific to repeat by chance. Short lines
(headings, column labels such as ``行业分析``) legitimately repeat on a
newspaper page, so a short line is dropped only when it repeats the line kept
just before it, or when it belongs to a repeated run (its neighbour is a
dropped duplicate of the neighbour of its first occurrence).
"""

from __future__ import annotations

import re

from digest.chardata import CLAUSE_MARKS, FULL_STOPS, SENTENCE_END_RUN

#: Running text at least this long (without whitespace) is unique enough to drop on repeat.
MIN_RUNNING_CHARS = 12
#: A repeated sentence at least this long is dropped even inside a new paragraph.
MIN_SENTENCE_CHARS = 16
#: A running-text paragraph at least this long that an earlier paragraph starts with is a truncated copy.
MIN_FRAGMENT_CHARS = 8

_CLAUSE_MARK = re.compile(f"[{FULL_STOPS}{CLAUSE_MARKS}]")
_CONTENT = re.compile(r"\w")
_end_of = re.Match.end


def paragraph_key(text: str) -> str:
    """The text compared for duplicates: whitespace removed."""
    return "".join(text.split())


def is_running_text(key: str) -> bool:
    """Long enough, or holding a clause mark (headings have none): repeating it
    is never legitimate."""
    return len(key) >= MIN_RUNNING_CHARS or _CLAUSE_MARK.search(key) is not None


class _Seen:
    """What the kept paragraphs so far contain."""

    def __init__(self) -> None:
        self.paragraphs: set[str] = set()
        self.sentences: set[str] = set()
        self.by_start: dict[str, list[str]] = {}

    def add(self, *keys: str) -> None:
        for key in keys:
            self.paragraphs.add(key)
            self.by_start.setdefault(key[:MIN_FRAGMENT_CHARS], []).append(key)

    def repeats(self, key: str) -> bool:
        """An earlier paragraph equals it, or starts with it (a truncated copy)."""
        if key in self.paragraphs:
            return True
        if len(key) < MIN_FRAGMENT_CHARS:
            return False
        return any(k.startswith(key) for k in self.by_start.get(key[:MIN_FRAGMENT_CHARS], ()))


def drop_repeated_sentences(text: str, seen_sentences: set[str]) -> str:
    """Remove sentences already seen (and record new ones); short sentences stay.

    ``消费市场的热浪，离不开各地的积极响应。这不仅是购物方式的变迁，更是发展成果共享的深刻体现。``
    loses its second sentence when an earlier paragraph ended with it.
    """
    parts: list[str] = []
    end = 0
    # A text without whitespace is its own key, and so is each of its sentences.
    keyed = str if paragraph_key(text) == text else paragraph_key
    # Cut at sentence ends; matching whole sentences instead (``[^。！？]*[。！？]+``)
    # retries the unpunctuated tail from every position, quadratic in its length.
    for stop in map(_end_of, SENTENCE_END_RUN.finditer(text)):
        sentence = text[end:stop]
        end = stop
        if len(sentence) >= MIN_SENTENCE_CHARS and len(key := keyed(sentence)) >= MIN_SENTENCE_CHARS:
            if key in seen_sentences:
                continue
            seen_sentences.add(key)
        parts.append(sentence)
    parts.append(text[end:])
    return "".join(parts).strip()


def _drop_running_duplicates(paragraphs: list[str], keys: list[str]) -> list[str | None]:
    """Each running-text paragraph as kept (maybe without repeated sentences), or
    None when dropped; short lines pass through unchanged."""
    seen = _Seen()
    result: list[str | None] = []
    for text, key in zip(paragraphs, keys):
        if not is_running_text(key):
            result.append(text)  # short lines are decided by _dedupe_once
            continue
        if seen.repeats(key):
            result.append(None)
            continue
        reduced = drop_repeated_sentences(text, seen.sentences)
        reduced_key = paragraph_key(reduced)
        if not _CONTENT.search(reduced) or (reduced_key != key and seen.repeats(reduced_key)):
            result.append(None)
            continue
        seen.add(key, reduced_key)
        result.append(reduced)
    return result


def _in_repeated_run(i: int, first: int, keys: list[str], dropped: list[bool]) -> bool:
    """The short line at ``i`` repeats the one at ``first`` and stands next to a
    dropped duplicate of its first occurrence's neighbour (a copied block)."""
    for step in (-1, 1):
        a, b = i + step, first + step
        if 0 <= a < len(keys) and 0 <= b < len(keys) and a != first and dropped[a] and keys[a] == keys[b]:
            return True
    return False


def _dedupe_once(paragraphs: list[str]) -> list[str]:
    keys = [paragraph_key(p) for p in paragraphs]
    texts = _drop_running_duplicates(paragraphs, keys)
    dropped = [t is None or not keys[i] for i, t in enumerate(texts)]
    first: dict[str, int] = {}
    for i, key in enumerate(keys):
        first.setdefault(key, i)
    changed = True
    while changed:  # runs of short lines: each drop may expose the next one
        changed = False
        last_kept = None
        for i, key in enumerate(keys):
            if dropped[i]:
                continue
            if not is_running_text(key) and (
                key == last_kept or (first[key] != i and _in_repeated_run(i, first[key], keys, dropped))
            ):
                dropped[i] = changed = True
                continue
            last_kept = key
    return [t for t, d in zip(texts, dropped) if not d]


def drop_duplicate_paragraphs(paragraphs: list[str]) -> list[str]:
    """Drop repeated paragraphs, repeated long sentences and truncated copies.

    Dropping changes what is adjacent and what was seen first, so passes repeat
    until nothing changes; the function is idempotent.

    >>> drop_duplicate_paragraphs(["行业分析", "面向这一目标，北京各区如何下好人工智能“一盘棋”。",
    ...                            "行业分析", "面向这一目标，北京各区如何下好人工智能“一盘棋”。", "面向这一目标，北京各区"])
    ['行业分析', '面向这一目标，北京各区如何下好人工智能“一盘棋”。']
    """
    while True:
        result = _dedupe_once(paragraphs)
        if result == paragraphs:
            return result
        paragraphs = result
