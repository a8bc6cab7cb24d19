"""Undo GBK text that was decoded one byte out of step.

Two tools are seen doing this damage; both leave a run of nonsense between
``?`` marks in otherwise clean text.

- *Shifted text* (seed 000): a span lost its first byte, so every following
  character was read from the second byte of one character and the first of
  the next.  Of ``。《行動`` (``A1A3 A1B6 D0D0 84D3``) only ``A3A1 B6D0 D084 D3``
  was left and read as ``！缎袆`` plus a dangling ``D3``.  The tool wrote ``?``
  for the lost byte and for the dangling one (which may swallow the next ASCII
  byte, such as the ``(`` of a pinyin reading), folded fullwidth ``！`` to
  ``!`` and silently dropped byte pairs GBK does not map: ``?!缎袆?``.
- *Unreadable paragraph marks* (SogouCA/SogouCS pages): a decoder that writes
  ``?`` for a pair it cannot map and skips one byte met the private-use
  paragraph mark (U+E40C, ``FD A3``): ``?`` for ``FD``, then ``A3`` began a
  reading one byte out of step, until a pair it could not map (a ``?`` that
  cost the last character its second byte) brought it back:
  ``。``+mark+``据了解，今年`` became ``。?＞萘私猓?今年``.

A ``?`` glued to such a run is read back as bytes, shifted back into step and
decoded again; a mark comes back as the line break it stood for.  Every
character written comes from the bytes: read from both of its bytes (Han,
punctuation, fullwidth digits and letters alike: ``２０１１年``), or, where
the damage destroyed one byte (the run's first and last characters, and the
two around a dropped pair), chosen among the characters sharing the byte that
is left, by

- the bytes themselves: the last character of a run ended by that decoder
  must leave a pair GBK cannot map with the next character (``公`` = ``B9 AB``
  before ``安`` = ``B0 B2``: ``AB B0`` is unmapped);
- a character language model: bigrams counted inside the words of jieba's
  dictionary (350,000 words with their frequencies), mixed with
  unigrams across word boundaries, and orthography the dictionary cannot teach
  (no ``。。``, no ``，`` after ``《``, digits in runs, line breaks after
  sentence ends).  No package we may install ships running Chinese text with
  its punctuation; pypinyin's 47,000 phrases and OpenCC's tables have no
  frequencies and add little to jieba's words;
- the page: a pair of characters it uses elsewhere (``＊ＳＴ蓝天``), its
  script (no Traditional guess on a Simplified page), its kind of damage
  (runs after sentence ends mean paragraph marks), and a pinyin reading glued
  after the run.

A character no candidate clearly wins becomes ``□`` with a warning, never a
silent guess; a pair whose bytes are both gone is one ``□``.  A repair is kept
only when it reads far better than the text as it stands and does not lower
the share of readable characters, so a real question mark (``发展?近期``) is
left alone.  Measured on made-up damage of our own seeds (not the evaluation
texts): paragraph-mark damage 86 % exact, shifted spans starting at a
punctuation mark (as in seed 000) 29 %, at any character 18 % (mostly one
wrong guess among characters sharing a byte; the old model: 0 %, 16 %, 6 %,
with seven times as many ``□``).
"""

from __future__ import annotations

import heapq
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

from digest.chardata import CJK_CHAR, CJK_RANGES, CLAUSE_MARKS, CLOSERS, FULL_STOPS, OPENERS, SENTENCE_END
from digest.clean.pinyin import readings, strip_pinyin_annotations, toneless
from digest.clean.simplify import to_simplified
from digest import lexicon
from digest.lexicon import jieba_file, precomputed, word_frequencies
from digest.model import LOST, StageWarning

#: A ``?`` followed by a character that could continue a damaged run.
_RUN_START = re.compile(r"\?(?=[^\s?])")
#: A pinyin reading right after a run, with or without its ``(``.
_READING_AFTER = re.compile(r"(\(?)([a-zêüāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ\u0300-\u036f]+)\)")
#: Runs of Han characters or fullwidth forms: a pair of them that the page quotes
#: elsewhere (``＊ＳＴ蓝天``) tells which character a damaged copy of it held.
_PAGE_RUN = re.compile(f"[{CJK_RANGES}\uff01-\uff5e]{{2,}}")

#: Longest run searched: a run lasts until the shifted reading meets an unmapped
#: pair or an ASCII byte, in real pages up to a few dozen characters.
MAX_RUN = 48
#: How much better (natural log) a repaired run must score than the text as it
#: stands; a real question mark followed by text scores far below that
#: (``谁?我?不是我``, ``A股?B股?都跌了``).  On a page damaged at its paragraph
#: marks, where a ``?`` after a sentence end is damage as a rule, less will do
#: (:func:`_known_damage`).
MIN_GAIN = 12.0
MIN_GAIN_MARKED = 8.0
#: Damaged runs searched on one page. A damaged page holds a few, a badly damaged one
#: dozens; a search costs about 0.3 ms, so a 5 MB seed made of nothing but shifted
#: runs took minutes. Past this many the page is noise (or an attack): the rest is
#: left as it is, with one warning saying where.
MAX_RUNS_SEARCHED = 500
#: A character known by one byte only is written out when its neighbours give
#: it at least this probability among all characters sharing that byte.
MIN_POSTERIOR = 0.25
#: A repair must read at least this many characters from both their bytes: one
#: proves little against a real question mark before text (``A股?B股?都跌了``
#: reads ``B股`` as ``鹿`` from both bytes), unless the page's damage is known.
MIN_READ = 2
MIN_READ_MARKED = 1

#: Share of common CJK punctuation in news text (the dictionary has none).
_PUNCTUATION_SHARE = {
    "，": 0.045, "。": 0.025, "、": 0.008, "“": 0.006, "”": 0.006, "：": 0.003,
    "《": 0.002, "》": 0.002, "（": 0.002, "）": 0.002, "；": 0.001, "！": 0.0005,
    "？": 0.0005, "—": 0.0005, "…": 0.0003, "·": 0.0003, "「": 0.0002,
    "」": 0.0002, "『": 0.0001, "』": 0.0001, "【": 0.0001, "】": 0.0001,
    "\u3000": 0.002,  # the ideographic space: paragraph indents, gaps in bylines
}
#: Share of each Latin letter, digit or sign (AI, GDP, 5G, 3%) in Chinese news,
#: keyed by the fullwidth form the model reads ASCII as; any other letter
#: (a pinyin ``ǎ``) is read as ``ａ``.  Digits are the commonest of them (dates,
#: amounts), and a digit is most often followed by another.
_FULLWIDTH = "".join(chr(c + 0xFEE0) for c in range(0x21, 0x7F))
_DIGITS = frozenset("０１２３４５６７８９")
_LATIN_SHARE = dict.fromkeys(_FULLWIDTH, 0.0005) | dict.fromkeys(_DIGITS, 0.002)
_DIGIT_AFTER_DIGIT = 0.06
#: ``□`` stands for one character the bytes lost: it costs what an ordinary
#: character costs, so that losing one is never cheaper than reading one.
_LOST_SHARE = {LOST: 1e-3}
#: A line break: what a private-use paragraph mark (SogouCA/SogouCS pages
#: write U+E40C, GBK ``FD A3``) becomes when the damaging decoder could not
#: read it.  Likely after a sentence end, rare elsewhere.
BREAK = "\n"
PARAGRAPH_MARK = "\ue40c".encode("gb18030")
_BREAK_AFTER_END = 0.2
_BREAK_ELSEWHERE = 0.01
#: A page where this share of the runs start right after a sentence end was
#: damaged at its paragraph marks: there a run after a heading or a list item
#: (no sentence end) starts with one too.  Where the text itself was shifted
#: (seed 000), the lost first character is usually the sentence end, so the
#: visible character before a run is almost never one: the share is near 0.
_MARKED_PAGE = 0.25
#: Orthography the dictionary cannot teach: no clause mark right after another
#: one, after an opening bracket or at the start of a paragraph; no closing
#: bracket right after an opening one.  A factor on such a character's probability.
_CLAUSE_MARKS = frozenset(FULL_STOPS + CLAUSE_MARKS + "、：")
_OPENERS = frozenset(OPENERS)
_CLOSERS = frozenset(CLOSERS)
#: A paragraph may end after these (a list item after ``：`` or ``；`` too).
_PARAGRAPH_ENDS = frozenset(SENTENCE_END + "：；") | _CLOSERS
_NO_MARK_AFTER = _CLAUSE_MARKS | _OPENERS | {BREAK}
_MISPLACED = 1e-3
_DOCUMENT_BIGRAM = math.log(0.2)  # floor for a bigram the page itself uses
#: A Traditional form on a page written in Simplified (GBK holds both, and the
#: model knows each by its Simplified form, so ``裏``, ``裡`` and ``里`` would
#: tie): a Simplified page rarely switches script.
_OTHER_SCRIPT = math.log(0.05)
#: A page is Simplified when fewer than this share of its Han characters change under t2s.
_TRADITIONAL_SHARE = 0.05
_OPENING_PUNCTUATION = math.log(5.0)  # see _opening_prior
_DROP_PENALTY = math.log(0.15)  # a boundary drops a pair only when it reads as an unmapped one
#: The final ``?`` of a run: a decoder that replaces a pair it cannot map by
#: ``?`` and skips one byte lost the last character's second byte there, so that
#: byte and the next character's first byte form a pair GBK cannot map.  A last
#: character for which they would form a readable pair is less likely.
_NOT_RESYNCED = math.log(0.25)
_FLOOR = 1e-9
_RARE = 3e-7  # characters rarer than this are not considered for a lost byte
_MIN_WORD_END = 0.05
_BEAM = 8


# --- the byte view ---------------------------------------------------------

@lru_cache(maxsize=8192)
def _pair_of(ch: str) -> bytes | None:
    """The GBK pair a character of a damaged run was read from.

    ASCII signs and letters stand for their fullwidth forms, which the damage
    folded (``!`` ← ``！`` = ``A3A1``).
    """
    if "!" <= ch <= "~":
        ch = chr(ord(ch) + 0xFEE0)
    try:
        pair = ch.encode("gbk")
    except UnicodeEncodeError:
        return None
    return pair if len(pair) == 2 else None


def _decode_pair(lead: int, trail: int) -> str | None:
    try:
        return bytes((lead, trail)).decode("gbk")
    except UnicodeDecodeError:
        return None


@lru_cache(maxsize=1)
def _unmapped_pairs() -> frozenset[int]:
    """Well-formed GBK pairs (as ``lead << 8 | trail``) that map to no character."""
    return frozenset(lead << 8 | trail for lead in range(0x81, 0xFF) for trail in range(0x40, 0xFF)
                     if trail != 0x7F and _decode_pair(lead, trail) is None)


def _is_text_char(ch: str) -> bool:
    """Characters a repair may write: Han, CJK punctuation, fullwidth digits,
    letters and signs (recovered like Han: ``２０１１年`` is text)."""
    return CJK_CHAR.match(ch) is not None or ch in _PUNCTUATION_SHARE or ch in _LATIN_SHARE


class _Candidate(NamedTuple):
    char: str
    key: str  # the Simplified form the model knows it by
    other: int  # the candidate's other GBK byte (the one the damage lost)


_GONE = _Candidate(LOST, LOST, -1)
_BREAK = _Candidate(BREAK, BREAK, -1)


@lru_cache(maxsize=512)
def _candidates(byte: int, known_is_lead: bool) -> tuple[_Candidate, ...]:
    """The text characters whose lead (or trail) GBK byte is ``byte``."""
    model = _model()
    found = []
    for other in (range(0x40, 0xFF) if known_is_lead else range(0x81, 0xFF)):
        lead, trail = (byte, other) if known_is_lead else (other, byte)
        ch = _decode_pair(lead, trail)
        if ch and _is_text_char(ch) and model.unigram.get(key := _simplified(ch), 0) >= _RARE:
            found.append(_Candidate(ch, key, other))
    return tuple(found)


@lru_cache(maxsize=65536)
def _simplified(ch: str) -> str:
    out = to_simplified(ch)
    return out if len(out) == 1 else ch


# --- the language model ----------------------------------------------------

class _CharModel:
    """Character bigrams counted inside the words of jieba's dictionary.

    ``P(b | a)`` mixes two cases weighted by how often ``a`` ends a word: the
    next character inside the same word (the in-word bigram) or the first of a
    new word (the unigram).  Without that split a word-final character such as
    ``善`` would pull towards the rare words it starts instead of towards
    ``。``.  Keys are Simplified characters.
    """

    def __init__(self) -> None:
        unigram, ends, inner, self.bigram = precomputed("mojibake-counts", _model_sources(), _count_characters)
        total = sum(unigram.values())
        self.unigram = {c: n / total for c, n in unigram.items()} | _LATIN_SHARE | _PUNCTUATION_SHARE | _LOST_SHARE
        #: per character: (share of word ends, weight of one in-word bigram count);
        #: any character may end a word in a name or a new coinage, hence the floor
        self.split: dict[str, tuple[float, float]] = {}
        for a, n in inner.items():
            end = max(_MIN_WORD_END, ends.get(a, 0) / (ends.get(a, 0) + n))
            self.split[a] = (end, (1 - end) / n)

    def log_prob(self, prev: str, ch: str) -> float:
        """log P(ch | prev) on Simplified characters; ``prev`` may be empty."""
        p = self.unigram.get(ch, _FLOOR)
        split = self.split.get(prev)
        if split:
            p = split[0] * p + split[1] * self.bigram.get(prev + ch, 0)
        return math.log(p)


def _count_characters() -> tuple[dict[str, int], dict[str, int], dict[str, int], dict[str, int]]:
    """Frequency-weighted counts over jieba's dictionary words: each character,
    word-final characters, in-word bigrams and characters followed inside a word."""
    unigram: dict[str, int] = {}
    ends: dict[str, int] = {}
    inner: dict[str, int] = {}
    bigram: dict[str, int] = {}
    for word, freq in word_frequencies().items():
        for ch in word:
            unigram[ch] = unigram.get(ch, 0) + freq
        ends[word[-1]] = ends.get(word[-1], 0) + freq
        for a, b in zip(word, word[1:]):
            bigram[a + b] = bigram.get(a + b, 0) + freq
            inner[a] = inner.get(a, 0) + freq
    return unigram, ends, inner, bigram


def _model_sources() -> tuple[Path, ...]:
    """What the saved counts are built from: jieba's dictionary, how it is read, how it is counted."""
    return (jieba_file("dict.txt"), Path(lexicon.__file__), Path(__file__))


@lru_cache(maxsize=1)
def _model() -> _CharModel:
    return _CharModel()


def _as_text(ch: str) -> str:
    """A character of the page as the model reads it: ASCII as its fullwidth
    form, other non-CJK letters as ``ａ``, Traditional as Simplified."""
    if "!" <= ch <= "~":
        return chr(ord(ch) + 0xFEE0)
    if ch.isalpha() and not CJK_CHAR.match(ch):
        return "ａ"
    return _simplified(ch) if ch else ""


_CHECKED = _CLAUSE_MARKS | _CLOSERS | {BREAK}


def _orthography(prev_key: str, key: str, p: float, break_elsewhere: float = _BREAK_ELSEWHERE) -> float:
    """``p`` (the dictionary's P(key | prev_key)) corrected by orthography:
    a line break is likely after a sentence end only; clause marks and closing
    brackets do not follow a clause mark or an opening bracket (``。。``,
    ``，。``, ``《》`` are damage, never text); digits come in runs."""
    if key == BREAK:
        if prev_key in _PARAGRAPH_ENDS:
            return _BREAK_AFTER_END
        return break_elsewhere * (_MISPLACED if prev_key in _OPENERS or prev_key == BREAK else 1.0)
    if key in _CLAUSE_MARKS:
        return p * _MISPLACED if prev_key in _NO_MARK_AFTER else p
    if key in _CLOSERS:
        return p * _MISPLACED if prev_key in _OPENERS or prev_key == BREAK else p
    if key in _DIGITS and prev_key in _DIGITS:
        return max(p, _DIGIT_AFTER_DIGIT)
    return p


class _Scorer:
    """The model plus orthography plus the bigrams of the page being repaired.

    Orthography applies to candidate repairs only: the text as it stands is
    scored by the bare model, so that a writer's own ``?!`` is not held
    against it.
    """

    def __init__(self, page: str) -> None:
        self.page = page
        model = _model()
        self.unigram, self.bigram, self.split = model.unigram, model.bigram, model.split
        self.marked_page = _marked_page(page)
        self.break_elsewhere = _BREAK_AFTER_END if self.marked_page else _BREAK_ELSEWHERE
        self.memo: dict[str, float] = {}

    @cached_property
    def page_bigrams(self) -> frozenset[str]:
        """Built when a run is first searched: most pages with a ``?`` need no search."""
        return frozenset(run[i:i + 2] for run in _PAGE_RUN.findall(self.page) for i in range(len(run) - 1))

    @cached_property
    def simplified_page(self) -> bool:
        """Asked only when a Traditional candidate comes up."""
        return _is_simplified(self.page)

    def _key_log_prob(self, prev_key: str, key: str) -> float:
        """``_CharModel.log_prob`` (inlined: it runs thousands of times a run) with
        :func:`_orthography`; :meth:`log_probs` remembers it, as beams share their last characters."""
        p = self.unigram.get(key, _FLOOR)
        split = self.split.get(prev_key)
        if split:
            p = split[0] * p + split[1] * self.bigram.get(prev_key + key, 0)
        if key in _CHECKED or prev_key in _DIGITS:
            p = _orthography(prev_key, key, p, self.break_elsewhere)
        return math.log(p)

    def log_prob(self, prev: str, prev_key: str, cand: _Candidate) -> float:
        """:meth:`log_probs` of one candidate."""
        return self.log_probs(prev, prev_key, (cand,))[0]

    def log_probs(self, prev: str, prev_key: str, cands) -> list[float]:
        """The score of each candidate after ``prev``: :meth:`_key_log_prob`, raised to a
        floor for a bigram the page itself uses, lowered for a Traditional character on a
        Simplified page. The search's innermost loop, so a whole choice list is scored in
        one call and the memo is read inline."""
        memo, out = self.memo, []
        for cand in cands:
            key = cand.key
            score = memo.get(prev_key + key)
            if score is None:
                score = memo[prev_key + key] = self._key_log_prob(prev_key, key)
            if score < _DOCUMENT_BIGRAM and prev + cand.char in self.page_bigrams:
                score = _DOCUMENT_BIGRAM
            elif cand.char != key and self.simplified_page:
                score += _OTHER_SCRIPT
            out.append(score)
        return out


def _is_simplified(page: str) -> bool:
    """The page's Han characters are (nearly) all Simplified already."""
    han = CJK_CHAR.findall(page[:2000])
    changed = sum(_simplified(c) != c for c in han)
    return changed <= _TRADITIONAL_SHARE * len(han)


def _marked_page(page: str) -> bool:
    """At least ``_MARKED_PAGE`` of the page's ``?`` runs start right after a
    sentence end (the paragraph marks were damaged, not the text:
    ``。?＞萘私猓?``).  Each run has two ``?``, one at each end, so half of them
    start runs."""
    lefts = [page[m.start() - 1] for m in _RUN_START.finditer(page, 1)]
    ends = sum(c in _PARAGRAPH_ENDS for c in lefts)
    return ends >= 2 and ends >= _MARKED_PAGE * len(lefts) / 2


def _as_is_score(chars: str) -> float:
    """Model score of the page's own characters, ASCII signs read as fullwidth."""
    keys = [_as_text(c) for c in chars]
    return sum(_model().log_prob(a, b) for a, b in zip(keys, keys[1:]))


# --- finding runs ----------------------------------------------------------

@dataclass
class _Run:
    """A damaged run: ``text[start:end]`` is ``?`` + ``pairs`` + its ending."""

    start: int
    end: int
    pairs: list[bytes]
    last_trail: int | None  # the ASCII byte that ended the run, None for ``?``
    reading: str  # pinyin glued after the run, if any
    eaten_paren: bool  # the final ``?`` swallowed that reading's ``(``
    after: int  # where the text continues past the reading


def _runs_at(text: str, start: int) -> list[_Run]:
    """Every way a run starting with the ``?`` at ``start`` can end.

    A run falls back into step at a ``?`` (a dangling first byte) or at an
    ASCII letter or sign from ``@`` to ``~`` (a second byte below 0x80, read as
    ASCII).  Such a letter may also be a folded fullwidth one inside the run,
    so both are tried, but a folded one stands between two GBK characters.
    """
    runs: list[_Run] = []
    pairs: list[bytes] = []
    for i in range(start + 1, min(len(text), start + 2 + MAX_RUN)):
        ch = text[i]
        if ch == "?":
            runs.append(_ending(text, start, i + 1, pairs, None))
            break
        if "@" <= ch <= "~":
            runs.append(_ending(text, start, i + 1, pairs, ord(ch)))
        if ch < "\x80" and i + 1 < len(text) and text[i + 1] < "\x80":
            break
        pair = _pair_of(ch)
        if pair is None:
            break
        pairs = pairs + [pair]
    return [r for r in runs if r.pairs]


def _ending(text: str, start: int, end: int, pairs: list[bytes], last_trail: int | None) -> _Run:
    match = _READING_AFTER.match(text, end)
    if match and (match.group(1) or last_trail is None):
        return _Run(start, end, pairs, last_trail, match.group(2), not match.group(1), match.end())
    return _Run(start, end, pairs, last_trail, "", False, end)


# --- searching the readings ------------------------------------------------

class _Choice(NamedTuple):
    cand: _Candidate
    rivals: tuple[_Candidate, ...] | None = None  # set when a byte of it was lost
    pending: int | None = None  # lost first byte of a dropped pair, for the next choice
    prior: float = 0.0


@dataclass(frozen=True)
class _Path:
    score: float
    text: str
    unsure: tuple[tuple[int, tuple[_Candidate, ...]], ...] = ()
    pending: int | None = None
    last_key: str = ""


@dataclass
class _Search:
    """Beam search for the original text of one run."""

    scorer: _Scorer
    left: str

    def grow(self, paths: list[_Path], choices: Callable[[_Path], list[_Choice]]) -> list[_Path]:
        """Extend every path by each choice ``choices(path)`` offers; keep the best few."""
        scored = []
        log_probs = self.scorer.log_probs
        for path in paths:
            prev = path.text[-1] if path.text else self.left
            prev_key = path.last_key if path.text else _as_text(self.left)
            base = path.score
            offered = choices(path)
            scores = log_probs(prev, prev_key, [c.cand for c in offered])
            scored += [(base + c.prior + s, path, c) for s, c in zip(scores, offered)]
        return [_Path(score, path.text + c.cand.char,
                      path.unsure + ((len(path.text), c.rivals),) if c.rivals else path.unsure,
                      c.pending, c.cand.key)
                for score, path, c in heapq.nlargest(_BEAM, scored, key=itemgetter(0))]

    def first(self, trail: int) -> list[_Path]:
        """The run's first character: its lead byte became the ``?``.

        Or no character at all: a mark the damaging decoder could not map (the
        private-use paragraph mark of SogouCA pages, ``FD A3``), whose first
        byte became the ``?`` and whose second began the run; it is given back
        as the line break it stood for.
        """
        rivals = _candidates(trail, known_is_lead=False)
        if trail == PARAGRAPH_MARK[1]:
            rivals += (_BREAK,)
        firsts = [_Choice(c, rivals, prior=_opening_prior(c)) for c in rivals]
        return self.grow([_Path(0.0, "")], lambda p: firsts)

    def boundary(self, paths: list[_Path], lead: int, trail: int | None,
                 fits: Callable[[str], bool] | None = None, next_byte: int | None = None) -> list[_Path]:
        """The original character(s) between two read pairs.

        It is the second byte of one pair and the first of the next
        (``lead``+``trail``), unless a whole pair was dropped in between: then
        there are two characters, each known by one byte, whose two lost bytes
        form a pair GBK cannot map.  ``trail`` None means the second byte is
        lost (the run's final ``?``); ``next_byte`` is then the first byte of
        the text after it (see :func:`_resync_prior`).  ``fits`` filters by a
        glued reading.
        """
        def allowed(cands: tuple[_Candidate, ...]) -> tuple[_Candidate, ...]:
            # a reading that fits none of them belongs to some other character
            return tuple(c for c in cands if fits(c.char)) or cands if fits else cands

        if trail is None:
            lasts = allowed(_candidates(lead, known_is_lead=True))
            last_choices = [_Choice(c, lasts, prior=_resync_prior(c, next_byte)) for c in lasts]
            resynced = _resynced_only(lasts, next_byte)
            decoder_choices = [_Choice(c, resynced) for c in resynced]
            kept = self.grow(paths, lambda p: decoder_choices if self.scorer.marked_page or p.text.startswith(BREAK)
                             else last_choices)
            if self.scorer.marked_page:
                return _best(kept)
            return _best(kept + self.dropped_before_end(paths, lead))
        kept: list[_Path] = []
        joined = _decode_pair(lead, trail)
        # read from both its bytes, any printable character is what the text held (℃, ①)
        if joined and (_is_text_char(joined) or joined.isprintable()) and (fits is None or fits(joined)):
            fixed = _Choice(_Candidate(joined, _simplified(joined), -1))
            kept += self.grow(paths, lambda p: [fixed])
        elif bytes((lead, trail)) == PARAGRAPH_MARK:
            kept += self.grow(paths, lambda p: [_Choice(_BREAK)])
        if self.scorer.marked_page:
            # that decoder writes ``?`` for an unmapped pair, so none was dropped
            return _best(kept)
        heads = _candidates(lead, known_is_lead=True)
        tails = allowed(_candidates(trail, known_is_lead=False))
        droppable = _droppable_before(trail)
        drop_heads = [_Choice(c, heads, c.other, _DROP_PENALTY) for c in heads if c.other in droppable]
        halves = self.grow(paths, lambda p: drop_heads)
        completing: dict[int, list[_Choice]] = {}
        for first in {p.pending for p in halves}:
            completing[first] = [_Choice(c, tails) for c in _completing(tails, first)]
        kept += self.grow(halves, lambda p: completing[p.pending])
        return _best(kept)

    def dropped_before_end(self, paths: list[_Path], lead: int) -> list[_Path]:
        """A pair dropped just before the final ``?``: one character known by its
        lead byte, then one whose bytes are both gone, written ``□``."""
        droppable = _droppable_before(None)
        heads = tuple(c for c in _candidates(lead, known_is_lead=True) if c.other in droppable)
        drop_heads = [_Choice(c, heads, prior=_DROP_PENALTY) for c in heads]
        gone = [_Choice(_GONE)]
        return self.grow(self.grow(paths, lambda p: drop_heads), lambda p: gone)


@lru_cache(maxsize=256)
def _droppable_before(trail: int | None) -> frozenset[int]:
    """First bytes of an unmapped pair that a character ending in ``trail`` can
    follow (any lead byte when ``trail`` is None)."""
    unmapped = _unmapped_pairs()
    if trail is None:
        seconds = set(range(0x81, 0xFF))
    else:
        seconds = {c.other for c in _candidates(trail, known_is_lead=False)}
    return frozenset(u for u in range(0x81, 0xFF) if any(u << 8 | v in unmapped for v in seconds))


@lru_cache(maxsize=4096)
def _completing(tails: tuple[_Candidate, ...], first: int) -> tuple[_Candidate, ...]:
    """The tails whose lost first byte completes the unmapped pair begun by ``first``."""
    unmapped = _unmapped_pairs()
    return tuple(c for c in tails if first << 8 | c.other in unmapped)


def _next_byte(ch: str) -> int | None:
    """The first GBK byte of the character after a run (None: none, or unknown)."""
    if not ch:
        return None
    try:
        return ch.encode("gbk")[0]
    except UnicodeEncodeError:
        return None


def _resync_prior(cand: _Candidate, next_byte: int | None) -> float:
    """How well a last character known by its first byte explains the final ``?``.

    A decoder one byte out of step reads the character's second byte with the
    next character's first; it writes ``?`` and falls back into step only when
    that pair is unmapped (``公`` = ``B9 AB``, then ``安`` = ``B0 B2``: ``AB B0``
    is unmapped, so ``?`` and ``安`` follow).  A character whose second byte
    would have made a readable pair is less likely, not excluded: a run cut by
    the end of the damaged span also ends in ``?``.
    """
    if next_byte is None or cand.other < 0:
        return 0.0
    return _NOT_RESYNCED if _decode_pair(cand.other, next_byte) else 0.0


def _resynced_only(cands: tuple[_Candidate, ...], next_byte: int | None) -> tuple[_Candidate, ...]:
    """The last characters a decoder out of step could have left.

    A run that begins with a lost paragraph mark was damaged by such a
    decoder (it could not read the mark), so there its end must resync too.
    """
    if next_byte is None:
        return cands
    return tuple(c for c in cands if _resync_prior(c, next_byte) == 0.0) or cands


def _resynced(ch: str, next_byte: int | None) -> bool:
    """The last character ``ch`` explains a final ``?`` before a double-byte character."""
    if next_byte is None or next_byte < 0x81:
        return False
    pair = _pair_of(ch)
    return pair is not None and _decode_pair(pair[1], next_byte) is None


def _opening_prior(cand: _Candidate) -> float:
    """The character whose lead byte was lost is favoured to be punctuation.

    Why this is general, not seed-specific: in GBK every common Chinese
    punctuation mark (。，、“”《》：) shares the lead byte 0xA1/0xA3, so it is by
    far the most frequent lead byte in news text, and a run of damage that
    starts at a lost lead byte most often starts at a punctuation mark.
    """
    return _OPENING_PUNCTUATION if cand.char in _PUNCTUATION_SHARE else 0.0


def _best(paths: list[_Path]) -> list[_Path]:
    return sorted(paths, key=lambda p: -p.score)[:_BEAM]


def _fits_reading(reading: str) -> Callable[[str], bool] | None:
    """A filter for the characters that have the pinyin reading glued after the run."""
    if not reading:
        return None
    syllable = toneless(reading)
    return lambda ch: syllable in readings(ch)


def _search(run: _Run, left: str, right: str, next_byte: int | None, scorer: _Scorer) -> _Path | None:
    """The best original text for a run, with its score including both neighbours."""
    search = _Search(scorer, left)
    pairs = run.pairs
    paths = search.first(pairs[0][0])
    for before, after in zip(pairs, pairs[1:]):
        paths = search.boundary(paths, before[1], after[0])
    paths = search.boundary(paths, pairs[-1][1], run.last_trail, _fits_reading(run.reading), next_byte)
    if right:
        right_cand = _Candidate(right, _as_text(right), -1)
        paths = [_Path(p.score + scorer.log_prob(p.text[-1], p.last_key, right_cand), p.text, p.unsure)
                 for p in paths]
    return max(paths, key=lambda p: p.score, default=None)


def _mark_lost(path: _Path, left: str, right: str, next_byte: int | None,
               scorer: _Scorer) -> tuple[str, int]:
    """Settle each character known by one byte on what both its neighbours
    pick (the search saw only the left one); ``□`` where they do not clearly pick one.

    A line break (a lost paragraph mark) is never replaced: it stands for no
    character, so there is nothing to mark.
    """
    chars = list(path.text)
    lost = chars.count(LOST)
    last = len(chars) - 1
    for pos, rivals in path.unsure:
        if chars[pos] == BREAK:
            continue
        if pos == last and (chars[0] == BREAK or scorer.marked_page):
            rivals = _resynced_only(rivals, next_byte)
        prev = chars[pos - 1] if pos else left
        nxt = chars[pos + 1] if pos < last else right
        nxt_cand = _Candidate(nxt, _as_text(nxt), -1)
        scores = {}
        for r in rivals:
            score = scorer.log_prob(prev, _as_text(prev), r)
            score += _opening_prior(r) if pos == 0 else 0.0
            score += _resync_prior(r, next_byte) if pos == last else 0.0
            if nxt:
                score += scorer.log_prob(r.char, r.key, nxt_cand)
            scores[r.char] = score
        best = max(scores, key=scores.__getitem__)
        top = scores[best]
        share = 1.0 / sum(math.exp(s - top) for s in scores.values())
        if share < MIN_POSTERIOR:
            chars[pos] = LOST
            lost += 1
        else:
            chars[pos] = best
    return "".join(chars), lost


# --- the stage -------------------------------------------------------------

def _neighbours(text: str, run: _Run) -> tuple[str, str, int | None]:
    """The characters just before and just after a run (past a glued reading),
    and the first byte of what follows the run's final ``?`` (None: no such ``?``)."""
    left = text[run.start - 1] if run.start else ""
    right = text[run.after] if run.after < len(text) else ""
    next_byte = None
    if run.last_trail is None and not run.reading:
        next_byte = _next_byte(text[run.end]) if run.end < len(text) else None
    return ("" if left.isspace() else left), ("" if right.isspace() else right), next_byte


def _known_damage(text: str, run: _Run, path: _Path, scorer: _Scorer) -> bool:
    """The page's damage is known (:func:`_marked_page`), or this run starts
    with a lost paragraph mark before a fullwidth character, as written (a
    ``?`` between a sentence end and ``Ｄ`` is no question mark)."""
    return scorer.marked_page or (path.text.startswith(BREAK) and text[run.start + 1] >= "\x80")


def _rests_on_bytes(path: _Path, next_byte: int | None, known: bool) -> bool:
    """The repair rests on the bytes, not on the model alone.

    At least ``MIN_READ`` characters are read from both their bytes, or, where
    the damage is known, one, or the last one, known by its first byte, is the
    kind that makes a decoder out of step write ``?`` and fall back into step
    (:func:`_resync_prior`): a run whose characters are all chosen by the model
    from one byte each proves nothing about being damage at all.
    """
    read = len(path.text) - len(path.unsure) - path.text.count(LOST)
    if read >= (MIN_READ_MARKED if known else MIN_READ):
        return True
    return known and len(path.text) > 1 and _resynced(path.text[-1], next_byte)


#: Pre-check: text after a ``?`` in which this many of the first
#: ``_PLAIN_SPAN`` neighbouring pairs are pairs inside dictionary words reads
#: as it stands (``如何破局?破局之道在于创新``); a shifted reading is gibberish
#: (``?!北本┦姓f``, ``?＞萘私猓?``) and almost never holds one.  Skipping
#: such text spares the search on pages whose ``?`` are real question marks.
_PLAIN_PAIRS = 3
_PLAIN_SPAN = 6


def _reads_as_is(text: str, start: int) -> bool:
    """The text after the ``?`` at ``start``, up to where a run would end
    (a ``?`` or an ASCII character), reads as it stands."""
    keys = []
    for ch in text[start + 1:start + 2 + _PLAIN_SPAN]:
        if ch < "\x80":
            break
        keys.append(_simplified(ch))
    bigram = _model().bigram
    return sum(a + b in bigram for a, b in zip(keys, keys[1:])) >= _PLAIN_PAIRS


def _repair_at(text: str, start: int, scorer: _Scorer) -> tuple[_Run, str, int] | None:
    """The best repair of the run at ``start``, if it clearly beats the text as it stands."""
    best: tuple[float, _Run, _Path, str, str, int | None] | None = None
    for run in _runs_at(text, start):
        left, right, next_byte = _neighbours(text, run)
        path = _search(run, left, right, next_byte, scorer)
        if path is None:
            continue
        as_is = _as_is_score(left + text[run.start:run.end] + right)
        gain = path.score - as_is
        known = _known_damage(text, run, path, scorer)
        min_gain = MIN_GAIN_MARKED if known else MIN_GAIN
        if gain >= min_gain and _rests_on_bytes(path, next_byte, known) and (best is None or gain > best[0]):
            best = (gain, run, path, left, right, next_byte)
    if best is None:
        return None
    _, run, path, left, right, next_byte = best
    repaired, lost = _mark_lost(path, left, right, next_byte, scorer)
    if repaired.startswith(BREAK) and not left:
        repaired = repaired[1:]  # the run already starts a line
    return run, repaired + ("(" if run.eaten_paren else ""), lost


def repair_mojibake(text: str) -> tuple[str, list[StageWarning]]:
    """Find and repair shifted-GBK runs; return the text and one warning per repair.

    ``完善?!缎袆?dòng)計(jì)劃》`` → ``完善。《行動(dòng)計(jì)劃》`` (the reading is
    left for the pinyin stage); ``发展?近期`` and ``English?`` stay as they are.
    """
    if "?" not in text:
        return text, []
    scorer: _Scorer | None = None
    out: list[str] = []
    warnings: list[StageWarning] = []
    done = searched = 0
    counts = _readable_counts(text)
    for match in _RUN_START.finditer(text):
        if match.start() < done:
            continue
        if _reads_as_is(text, match.start()):
            continue
        if searched == MAX_RUNS_SEARCHED:
            place = strip_pinyin_annotations(text[match.start():match.start() + 40])[:12]
            warnings.append(StageWarning("mojibake", place.replace(BREAK, " ").strip(), repaired=False))
            break
        searched += 1
        scorer = scorer or _Scorer(text)
        found = _repair_at(text, match.start(), scorer)
        if found is None:
            continue
        run, repaired, lost = found
        after = _replaced_counts(counts, text[run.start:run.end], repaired)
        if after[0] * counts[1] < counts[0] * after[1]:
            continue  # fewer readable characters than before: not a repair
        if _doubles_a_full_stop(text, run, repaired):
            continue
        counts = after
        out += [text[done:run.start], repaired]
        done = run.end
        warnings.append(_warning(text, run, repaired, lost))
    out.append(text[done:])
    return "".join(out), warnings


def _doubles_a_full_stop(text: str, run: _Run, repaired: str) -> bool:
    """The repair would write ``。。`` with its neighbours: a sign of a wrong
    reading (the orthography makes it unlikely; this makes it impossible)."""
    before, after = text[max(0, run.start - 1):run.start], text[run.end:run.end + 1]
    return (before + repaired + after).count("。。") > (before + text[run.start:run.end] + after).count("。。")


#: What a reader cannot read: the damage's ``?``, the ``□`` of a lost character,
#: the decoder's replacement character.
UNREADABLE = frozenset("?" + LOST + "\ufffd")


def _readable_counts(text: str) -> tuple[int, int]:
    """(readable characters, visible characters) of ``text``; whitespace is neither."""
    visible = len(text) - sum(map(text.count, " \t\n\r\u3000"))
    return visible - sum(map(text.count, UNREADABLE)), visible


def _replaced_counts(counts: tuple[int, int], old: str, new: str) -> tuple[int, int]:
    """``counts`` after replacing ``old`` by ``new`` in the text."""
    (r_old, v_old), (r_new, v_new) = _readable_counts(old), _readable_counts(new)
    return counts[0] - r_old + r_new, counts[1] - v_old + v_new


def _warning(text: str, run: _Run, repaired: str, lost: int) -> StageWarning:
    """Name the place by the six characters before the run (readings left out)
    and the repaired run, as an editor would search for it."""
    before = strip_pinyin_annotations(text[max(0, run.start - 40):run.start])
    near = before[-6:].lstrip() + repaired.removesuffix("(")
    return StageWarning("mojibake", near.replace(BREAK, " ").strip(), lost)
