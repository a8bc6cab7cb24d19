"""STUB."""
import opencc

_T2S = opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    return _T2S.convert(text)
