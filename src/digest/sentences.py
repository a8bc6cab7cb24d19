"""Chinese sentence splitting that keeps quotations and titles whole.

A sentence ends at 。！？ (or ! ?) outside any quotation or bracket, together
with the closing quotes and brackets that follow it.  Everything else is decided
where a quotation closes right after its own final punctuation (``……生态。”``):
that is the end of the sentence unless the text carries on (``“真好！”市民牛女士
欣喜地分享，……。`` is one sentence).

Not sentence ends, on purpose:

* ``；`` joins parallel clauses (``一是……；二是……``) whose parts do not stand
  alone, so splitting there would make fragments;
* ``…``/``……`` mostly trails a list (``文化、医疗、民生……今年……``) and the
  sentence goes on; it ends one only before a closing quote, before 。！？
  or at the end of the paragraph;
* ``.`` is never one, so ``5.7万亿`` stays whole.

Pieces keep their exact text (only surrounding whitespace is stripped), so each
is a substring of the input.
"""

from __future__ import annotations

import re
from functools import lru_cache

from digest.chardata import CLOSERS, ELLIPSIS, FULL_STOPS, OPENERS, QUOTE_OPENERS, TITLE_OPENERS, run_of

_OPENER_OF = dict(zip(CLOSERS, OPENERS))

_FULL_STOP = re.compile(run_of(FULL_STOPS))
#: A run of full stops, a run of ellipses, or one quote or bracket mark.  Written as
#: one character class first (then the run it opens) so that the scan jumps from mark to mark.
_TOKEN = re.compile(f"[{FULL_STOPS}{ELLIPSIS}{re.escape(OPENERS + CLOSERS)}]"
                    f"(?:(?<=[{FULL_STOPS}])[{FULL_STOPS}]*|(?<={ELLIPSIS}){ELLIPSIS}*)?")

#: Punctuation right after a closing quote that shows the sentence carries on.
_CONTINUES = "，、；：,;:—"

#: A short clause naming the speaker of a quotation: ``市民牛女士欣喜地分享``,
#: ``……理事长李志起表示``.  Only read right after a quotation that opens its sentence.
_ATTRIBUTION = re.compile(
    r"[^，。！？；：,;:!?“”‘’\n]{0,40}?"
    r"(?:表示|说道?|称|指出|强调|介绍|认为|坦言|告诉|透露|分享|感叹|感慨|笑道|问道|答道|"
    r"解释|补充|直言|建议|提到|谈到|呼吁|总结|坦承|回忆|提醒|预测|判断|说明|写道|如是说)"
)


def _matched_brackets(starts: list[int], marks: str) -> dict[int, int]:
    """Pair openers with closers; returns {closer position: opener position}, openers too as keys.

    ``starts`` are the tokens' positions and ``marks`` their first characters.
    Unmatched marks (a quote lost to noise) are left out, so a stray “ cannot
    swallow the rest of the paragraph.  A closer skips over unclosed openers
    above its partner: in ``“甲（乙”`` the quote still pairs.
    """
    stack: list[tuple[str, int]] = []
    pairs: dict[int, int] = {}
    for ch, start in zip(marks, starts):
        if ch in OPENERS:
            stack.append((ch, start))
        elif ch in CLOSERS:
            want = _OPENER_OF[ch]
            for i in range(len(stack) - 1, -1, -1):
                if stack[i][0] == want:
                    opener = stack[i][1]
                    pairs[start] = opener
                    pairs[opener] = opener
                    del stack[i:]
                    break
    return pairs


def _quote_continues(para: str, start: int, opener: int, end: int) -> bool:
    """After a quotation, title or bracket closed at ``end``: does the same sentence go on?

    * punctuation such as ，、： follows → yes (``“好！”，他说``);
    * a title (``《你好！中国》今晚播出``) is a name inside its sentence → yes;
    * a bracket (``（注：数据来自统计局。）``) closes its sentence → no;
    * the quotation opens the sentence → yes only if a speaker clause follows
      (``“好！”市民分享，……``), otherwise the next text is a new sentence;
    * the quotation was introduced by a colon (``他说：“好。”``) → no;
    * the quotation sits inside running text (``他高呼“加油！”的口号``) → yes.
    """
    rest = para[end:].lstrip()
    if not rest:
        return False
    if rest[0] in _CONTINUES:
        return True
    if para[opener] in TITLE_OPENERS:
        return True
    if para[opener] not in QUOTE_OPENERS:
        return False
    before = para[start:opener].rstrip()
    if not before:
        return _ATTRIBUTION.match(rest) is not None
    return before[-1] not in "：:"


#: What makes a paragraph need the full scan: a quotation, title or bracket mark, or an ellipsis.
_STRUCTURE = re.compile(f"[{re.escape(OPENERS + CLOSERS)}{ELLIPSIS}]")


def _split_paragraph(para: str) -> list[str]:
    return _split_plain(para) if _STRUCTURE.search(para) is None else _split_scanned(para)


def _split_plain(para: str) -> list[str]:
    """:func:`_split_scanned` of a paragraph without brackets, quotes or ellipses:
    each run of full stops ends a sentence."""
    sentences: list[str] = []
    start = 0
    for m in _FULL_STOP.finditer(para):
        piece = para[start:m.end()].strip()
        if piece:
            sentences.append(piece)
        start = m.end()
    tail = para[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def _split_scanned(para: str) -> list[str]:
    # the tokens as plain lists (positions, first characters): read many times below
    spans = [m.span() for m in _TOKEN.finditer(para)]
    starts = [a for a, _ in spans]
    marks = "".join(para[a] for a in starts)
    pairs = _matched_brackets(starts, marks)
    sentences: list[str] = []
    start = depth = 0
    outer = -1  # position of the outermost open bracket
    i = 0
    n = len(spans)
    while i < n:
        ch = marks[i]
        at, end = spans[i]
        i += 1
        if ch in OPENERS:
            if at in pairs:
                depth += 1
                if depth == 1:
                    outer = at
            continue
        if ch in CLOSERS:
            if at in pairs:
                depth -= 1
            continue
        # a run of final punctuation: absorb the closers (and marks) glued to it
        closed = False
        while i < n and starts[i] == end and marks[i] not in OPENERS:
            if marks[i] in CLOSERS and starts[i] in pairs:
                depth -= 1
                closed = closed or depth == 0
            end = spans[i][1]
            i += 1
        if depth > 0:
            continue
        if closed:
            if _quote_continues(para, start, outer, end):
                continue
        elif ch == ELLIPSIS and not _FULL_STOP.search(para, at, end) and para[end:].strip():
            continue  # a trailing list, the sentence goes on
        piece = para[start:end].strip()
        if piece:
            sentences.append(piece)
        start = end
    tail = para[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def split_sentences(text: str) -> list[str]:
    """Split Chinese text into sentences; a line break always ends one.

    >>> split_sentences("“这补贴政策真好！”市民牛女士欣喜地分享。至此，全年资金已全部下达。")
    ['“这补贴政策真好！”市民牛女士欣喜地分享。', '至此，全年资金已全部下达。']
    >>> split_sentences("规模达5.7万亿美元。《你好！中国》上映了。")
    ['规模达5.7万亿美元。', '《你好！中国》上映了。']
    """
    out: list[str] = []
    for para in text.split("\n"):
        if para.strip():
            out.extend(_split_paragraph(para))
    return out


@lru_cache(maxsize=1024)
def paragraph_sentences(paragraph: str) -> tuple[str, ...]:
    """:func:`split_sentences` of one paragraph, cached: the summary and the
    keywords both read an article sentence by sentence."""
    return tuple(split_sentences(paragraph))
