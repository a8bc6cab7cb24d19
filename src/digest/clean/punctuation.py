"""Stage 6b: half-width punctuation in Chinese text becomes full-width.

Seeds written on Western keyboards or converted from Traditional pages carry
``,`` ``?`` ``(…)`` between Chinese characters. A mark is widened only when
it touches Chinese text (a CJK character or a full-width mark on one side),
so numbers (``3,000`` ``9:30`` ``5.7万亿`` ``40%``), Latin text, URLs and
code stay as they are. Chinese characters and digits are never changed.

Quotes stay as the outlet typed them. A straight ``"`` is no damage (Taiwan and
Hong Kong outlets print it in headlines), unlike a half-width comma between
Chinese words; turning it into “…” would make our headline differ from the
outlet's, which readers and search engines quote, for no gain in reading.
"""

from __future__ import annotations

import re

from digest.chardata import CJK_CHAR, CJK_RANGES, run_of

#: What counts as "Chinese context" next to a mark: ideographs, CJK symbols
#: and full-width forms, Chinese quotes, ellipsis and dash.
_CJK_CONTEXT = f"{CJK_RANGES}\u3000-\u303f\uff01-\uff60“”‘’…—"
_CJK_CONTEXT_CHAR = re.compile(f"[{_CJK_CONTEXT}]")

#: Nothing to do unless one of these is present: a half-width mark, a full-width
#: letter or digit, two or more ``。``, a lone ``…`` or three of them, a space beside a mark.
#: Only ever searched for (is there one?), so it is written as one character class
#: first, with the rest checked around that character: the scan jumps from one to the next.
_MARKS = "，。、；：？！"
#: Any one of these is work: half-width marks, full-width digits and letters, ``％``, ``⋯``.
_SINGLE = r",?!:;().\"'\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff05⋯"
_CANDIDATES = re.compile(
    f"[{_SINGLE}。… \t{_MARKS}]"
    f"(?:(?<=[{_SINGLE}])|(?<=。)。|(?<=…)……"
    f"|(?<!……)(?<=…)(?!…)|(?<=[ \t])[{_MARKS}]|(?<=[{_MARKS}])[ \t])"
)

_FULLWIDTH_ALNUM = str.maketrans(
    {**{chr(0xFF10 + i): chr(0x30 + i) for i in range(10)},
     **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},
     **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)},
     "％": "%"}
)


_HALF_MARKS = {",": "，", "?": "？", "!": "！", ":": "：", ";": "；"}
_WIDENED = str.maketrans(_HALF_MARKS)
#: A run of half-width marks (written one mark first: the scan jumps from mark to mark).
_HALF_MARK_RUN = re.compile(run_of(re.escape("".join(_HALF_MARKS))))
#: The spaces that go with a widened mark, before and after it.
_MARK_SPACES = " \t"

_FINAL_AFTER_LATIN = re.compile(
    rf"([{CJK_RANGES}][0-9A-Za-z%.]{{1,20}})([?!])(?=[\s”’」』）)]|$)"
)
#: Exactly two full stops (three or more are an ellipsis).
_DOUBLED_STOP = re.compile("(?<!。)。。(?!。)")
_ELLIPSIS = re.compile(r"\.{3,}|。{3,}|…+|⋯+")
_PERIOD = re.compile(rf"([{CJK_RANGES}])\.(?=[{CJK_RANGES}“‘「（]|$)")
_PAREN = re.compile(r"[()（）]")
_SPACE_AROUND_MARK = re.compile(r"[ \t]+([，。、；：？！])[ \t]*|([，。、；：？！])[ \t]+")
_FULLWIDTH_ALNUM_CHAR = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a％]")
_ASCII_ALNUM = re.compile(r"[A-Za-z0-9]")


def widen_marks(text: str) -> str:
    """``, ? ! : ;`` touching Chinese on either side become ``，？！：；``:
    ``年初,《北京`` → ``年初，《北京``, ``精选:`` → ``精选：``. Between digits or Latin
    words (``3,000`` ``9:30`` ``e.g. 1,2``) they stay; spaces around a widened
    mark go with it."""
    if not any(mark in text for mark in _HALF_MARKS):
        return text  # nothing to widen (a space alone is left alone)
    out: list[str] = []
    copied = taken = 0  # copied to ``out`` up to; spaces taken by the last run up to
    for m in _HALF_MARK_RUN.finditer(text):
        start, end = m.span()
        while start > taken and text[start - 1] in _MARK_SPACES:
            start -= 1
        while end < len(text) and text[end] in _MARK_SPACES:
            end += 1
        taken = end
        if _touches_chinese(text, start, end):
            out += (text[copied:start], m.group().translate(_WIDENED))
            copied = end
    return "".join(out) + text[copied:] if out else text


def _touches_chinese(text: str, start: int, end: int) -> bool:
    """Is the character just before ``start`` or just at ``end`` Chinese context?"""
    return ((start > 0 and _CJK_CONTEXT_CHAR.match(text, start - 1) is not None)
            or _CJK_CONTEXT_CHAR.match(text, end) is not None)


def widen_final_marks(text: str) -> str:
    """A ``?`` or ``!`` ending a Chinese sentence after a number or Latin word:
    ``增长40%!`` → ``增长40%！``, ``学习AI?`` → ``学习AI？``. ``Really?`` stays: the word
    before it must be glued to a Chinese character."""
    if "?" not in text and "!" not in text:
        return text
    return _FINAL_AFTER_LATIN.sub(lambda m: m.group(1) + _HALF_MARKS[m.group(2)], text)


def fullwidth_alnum_to_ascii(text: str) -> str:
    """Full-width digits, Latin letters and ``％`` become ASCII: ``２０２５年`` → ``2025年``,
    ``ＡＩ`` → ``AI``. Later stages (figures, keywords) then see one spelling."""
    return text.translate(_FULLWIDTH_ALNUM) if _FULLWIDTH_ALNUM_CHAR.search(text) else text


def drop_doubled_full_stop(text: str) -> str:
    """``平板电脑 32G。。Coway`` → ``平板电脑 32G。Coway``: a full stop typed twice,
    or left twice where the page cut something out between two sentences (a photo
    credit, a link). Two is never a mark of its own; three or more are an ellipsis
    (:func:`widen_ellipsis`) and stay."""
    return _DOUBLED_STOP.sub("。", text) if "。。" in text else text


def widen_ellipsis(text: str) -> str:
    """``...``, ``。。。`` or a lone ``…`` next to Chinese becomes ``……``:
    ``民生...今年`` → ``民生……今年``. Dots among Latin text stay."""
    if "…" not in text and "..." not in text and "。。。" not in text and "⋯" not in text:
        return text
    return _ELLIPSIS.sub(lambda m: "……" if _touches_chinese(text, m.start(), m.end()) else m.group(), text)


def widen_period(text: str) -> str:
    """A ``.`` after a Chinese character, before Chinese or at the end, is a
    full stop: ``发展.近期`` → ``发展。近期``. ``5.7万`` and ``公司.com`` stay."""
    return _PERIOD.sub(r"\1。", text) if "." in text else text


def widen_parentheses(text: str) -> str:
    """Parentheses that enclose or touch Chinese become full-width:
    ``中卓信(北京)科技`` → ``中卓信（北京）科技``, ``人工智能(AI)作为`` → ``人工智能（AI）作为``.

    Pairs are matched with a stack (nesting and a half/full mix are fine).
    Touching Chinese only on the right does not count after a Latin letter or
    digit, so ``f(x)在`` stays.
    """
    if "(" not in text and ")" not in text:
        return text
    chars = list(text)
    stack: list[int] = []
    for m in _PAREN.finditer(text):
        i = m.start()
        if text[i] in "(（":
            stack.append(i)
        elif stack:
            j = stack.pop()
            if text[j] == "（" and text[i] == "）":
                continue
            if _is_chinese_pair(text, j, i):
                chars[j], chars[i] = "（", "）"
    return "".join(chars)


def _is_chinese_pair(text: str, open_at: int, close_at: int) -> bool:
    """The rule of :func:`widen_parentheses` for one pair: Chinese inside, or
    Chinese just outside (on the right only if not glued to a Latin word)."""
    if CJK_CHAR.search(text, open_at + 1, close_at):
        return True
    if close_at == open_at + 1:
        return False
    before = text[open_at - 1] if open_at else ""
    after = text[close_at + 1] if close_at + 1 < len(text) else ""
    if before and before not in "（）" and _CJK_CONTEXT_CHAR.match(before):
        return True
    glued_to_latin = bool(before) and _ASCII_ALNUM.match(before) is not None
    return bool(after) and after not in "（）" and _CJK_CONTEXT_CHAR.match(after) is not None and not glued_to_latin


def drop_space_around_marks(text: str) -> str:
    """Spaces next to ``，。、；：？！`` are typing noise: ``年初， 《北京`` → ``年初，《北京``.
    Spaces between two Chinese words (headline style) are kept."""
    if " " not in text and "\t" not in text:
        return text
    return _SPACE_AROUND_MARK.sub(lambda m: m.group(1) or m.group(2), text)


#: One pass of the rules, in order.
RULES = (
    fullwidth_alnum_to_ascii,
    drop_doubled_full_stop,
    widen_ellipsis,
    widen_period,
    widen_parentheses,
    widen_marks,
    widen_final_marks,
    drop_space_around_marks,
)


def normalize_punctuation(text: str) -> str:
    """Half-width punctuation in Chinese context becomes full-width.

    A rule looks at neighbours another rule may just have changed (``(北京),`` :
    the comma is Chinese only once the ``)`` is), so the rules repeat until the
    text stops changing, which makes the function idempotent; two passes in practice.

    >>> normalize_punctuation("今年年初,《北京人工智能创新高地建设行动计划》(以下简称《行动计划》)发布,启动")
    '今年年初，《北京人工智能创新高地建设行动计划》（以下简称《行动计划》）发布，启动'
    """
    if not _CANDIDATES.search(text):
        return text
    while True:  # each round after the first only removes half-width marks, so this ends
        before = text
        for rule in RULES:
            text = rule(text)
        if text == before or not _CANDIDATES.search(text):
            return text
