"""STUB."""
import re

_ANNOT = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")


def strip_pinyin_annotations(text: str) -> str:
    return _ANNOT.sub("", text)
