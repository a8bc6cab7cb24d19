"""Convert Traditional Chinese characters to Simplified ones.

The digest is published in Simplified Chinese, but seeds arrive in either
script, often mixed (a Hong Kong wire story quoted in a mainland page).
"""

from __future__ import annotations

import re
from functools import lru_cache

import opencc

from digest.chardata import CJK_RANGES

#: Words in which 著 is zhù ("notable", "to write") and stays 著 in Simplified.
_ZHU_WORDS = frozenset(
    "著名 著作 著称 著述 著录 著书 著文 著者 著译 著有 显著 专著 土著 名著 论著 卓著 "
    "合著 巨著 编著 译著 原著 遗著 撰著 杂著 新著 拙著 昭著 较著".split()
)
#: 著 right after a CJK character, with its neighbours (written 著 first, the
#: character before it checked behind: the search jumps from one 著 to the next).
_ZHE = re.compile(f"著(?<=([{CJK_RANGES}])著)(?=(.?))", re.DOTALL)


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def _fix_zhe(text: str) -> str:
    """Write the aspect particle 著 as 着: ``隨著``/``承載著`` → ``随着``/``承载着``.

    OpenCC keeps 著 because Simplified Chinese still uses it for zhù
    (``著名``, ``显著``); as the particle after a verb it is 着.  A 著 that
    forms a zhù word with a neighbour is kept, and so is one that does not
    follow a character (``鲁迅 著``, a byline).
    """
    if "著" not in text:
        return text

    def replace(match: re.Match[str]) -> str:
        before, after = match.group(1), match.group(2)
        return "著" if before + "著" in _ZHU_WORDS or "著" + after in _ZHU_WORDS else "着"

    return _ZHE.sub(replace, text)


def to_simplified(text: str) -> str:
    """Convert with OpenCC's plain ``t2s``, then fix the particle 著.

    ``t2s`` changes the script only: ``政協委員熱議產業`` → ``政协委员热议产业``.
    The regional profiles (``tw2sp``, ``hk2sp``) also swap vocabulary (``核心``
    → ``内核``, ``軟體`` → ``软件``) and would put words in a reporter's mouth, so
    they are not used.  Simplified text is left unchanged (bar a particle 著),
    so the stage is idempotent.
    """
    return _fix_zhe(_t2s().convert(text))
