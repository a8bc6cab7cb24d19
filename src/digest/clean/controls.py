"""Remove characters that no reader should ever receive.

Copy-paste and broken converters leave NUL bytes, other C0/C1 control codes,
zero-width characters and bidirectional overrides in text. None of them is
visible, all of them break things: NUL ends strings in C libraries and is
invalid in XML feeds; U+202E (right-to-left override) makes text display in
another order than it reads ("Trojan source"); U+200B splits words so search
and segmentation miss them. Removing them is safe: they carry no content.
Private-use characters (U+E000–U+F8FF) mean only what one font or tool
made them mean, and show as boxes; in news pages they are a tool's paragraph
mark (SogouCA's pages write U+E40C between paragraphs). After a sentence end
a run of them becomes a line break; elsewhere, where it may part a label from
its value or a heading from its text, a space (the splitter would take a
label line for a headline).
(:mod:`digest.ingest.decode` lets a text with a few stray NULs through to here;
it refuses only files where control bytes abound, i.e. binary data.)

    >>> strip_control_characters("政协\\x00委员\\u200b热议\\u202e")
    '政协委员热议'
    >>> strip_control_characters("正式启动。\\ue40c该活动")
    '正式启动。\\n该活动'
    >>> strip_control_characters("产品名称：\\ue40c规格")
    '产品名称： 规格'
"""

from __future__ import annotations

import re

from digest.chardata import CLOSERS, PRIVATE_USE, SENTENCE_END

_INVISIBLE_CHARS = (
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"  # C0 (but \t \n \r) and C1 controls
    "\u200b-\u200d\u2060\ufeff"  # zero-width space/joiners, word joiner, stray BOM
    "\u202a-\u202e\u2066-\u2069"  # bidirectional embeddings, overrides, isolates
    "\ufff9-\ufffb"  # interlinear annotation marks
)
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
_PRIVATE = re.compile(f"[{PRIVATE_USE}]+")
#: After a sentence end a private-use mark ends the paragraph; elsewhere it may
#: stand between a label and its value (``产品名称：\ue40c规格``), so it only separates.
_PRIVATE_AFTER_END = re.compile(f"([{re.escape(SENTENCE_END)}][{re.escape(CLOSERS)}]*)[{PRIVATE_USE}]+")
_SPACE_CHARS = "\t\u00a0\u2000-\u200a\u202f\u205f"
_SPACES = re.compile(f"[{_SPACE_CHARS}]")
#: Any character the patterns above replace: most pages hold none, and one
#: scan for them costs a quarter of the four substitutions.
_ANY = re.compile(f"[{_INVISIBLE_CHARS}{PRIVATE_USE}{_SPACE_CHARS}]")


def strip_control_characters(text: str) -> str:
    """Drop invisible control characters; private-use runs become line breaks after a
    sentence end and spaces elsewhere; tabs and exotic spaces become plain spaces."""
    if _ANY.search(text) is None:
        return text
    text = _PRIVATE_AFTER_END.sub("\\1\n", _INVISIBLE.sub("", text))
    return _SPACES.sub(" ", _PRIVATE.sub(" ", text))
