"""Convert Traditional Chinese characters to Simplified ones.

The digest is published in Simplified Chinese, but seeds arrive in either
script, often mixed (a Hong Kong wire story quoted in a mainland page).
"""

from __future__ import annotations

from functools import lru_cache

import opencc


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Convert characters (and a few fixed phrases) with OpenCC's plain ``t2s``.

    ``t2s`` changes the script only: ``政協委員熱議產業`` → ``政协委员热议产业``.
    The regional profiles (``tw2sp``, ``hk2sp``) also swap vocabulary (``核心``
    → ``内核``, ``軟體`` → ``软件``) and would put words in a reporter's mouth, so
    they are not used.  Simplified text is left unchanged, so the stage is
    idempotent.
    """
    return _t2s().convert(text)
