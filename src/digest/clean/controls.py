"""Remove characters that no reader should ever receive.

Copy-paste and broken converters leave NUL bytes, other C0/C1 control codes,
zero-width characters and bidirectional overrides in text. None of them is
visible, all of them break things: NUL ends strings in C libraries and is
invalid in XML feeds; U+202E (right-to-left override) makes text display in
another order than it reads ("Trojan source"); U+200B splits words so search
and segmentation miss them. Removing them is safe: they carry no content.
(:mod:`digest.ingest.decode` lets a text with a few stray NULs through to here;
it refuses only files where control bytes abound, i.e. binary data.)

    >>> strip_control_characters("政协\\x00委员\\u200b热议\\u202e")
    '政协委员热议'
"""

from __future__ import annotations

import re

_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"  # C0 (but \t \n \r) and C1 controls
    "\u200b-\u200d\u2060\ufeff"  # zero-width space/joiners, word joiner, stray BOM
    "\u202a-\u202e\u2066-\u2069"  # bidirectional embeddings, overrides, isolates
    "\ufff9-\ufffb]"  # interlinear annotation marks
)
_SPACES = re.compile("[\t\u00a0\u2000-\u200a\u202f\u205f]")


def strip_control_characters(text: str) -> str:
    """Drop invisible control characters; tabs and exotic spaces become plain spaces."""
    return _SPACES.sub(" ", _INVISIBLE.sub("", text))
