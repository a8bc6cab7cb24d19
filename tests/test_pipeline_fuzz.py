"""Fuzz the whole conversion core: any text either converts or raises SeedError,
and conversion never invents characters."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from digest.chardata import CJK_CHAR
from digest.clean.simplify import to_simplified
from digest.model import SeedError
from digest.pipeline import convert_bytes, convert_text

PIECES = ["政協(xié)", "產(chǎn)業(yè)", "?!缎袆?dòng)", "。", "，", "\n", "\n\n", "本报记者 张三", "行业分析",
          "（完）", "京ICP备12345678号", "- 2026年01月23日 09:47:54", "<script>x</script>", "[a](b)",
          "人工智能", "缝制机械", "以旧换新", "3000亿元", "5.7万亿美元", "?", "!", "(", ")", " ", "——"]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=40).map("".join)


@settings(max_examples=150)
@given(texts)
def test_any_text_converts_or_raises_seed_error(text):
    try:
        articles = convert_text(text, "fuzz.txt")
    except SeedError as exc:
        assert exc.source_file == "fuzz.txt"
        return
    source_chars = set(CJK_CHAR.findall(to_simplified(text)))
    for article in articles:
        assert article.title.strip()
        for para in [article.title, *article.paragraphs, *article.summary]:
            assert "\x00" not in para
            invented = set(CJK_CHAR.findall(para)) - source_chars
            # the mojibake repair may restore characters from bytes; nothing else may appear
            assert not invented or article.warnings, invented


@settings(max_examples=60)
@given(st.binary(max_size=400))
def test_any_bytes_convert_or_raise_seed_error(data):
    try:
        convert_bytes(data, "fuzz.bin")
    except SeedError as exc:
        assert exc.source_file == "fuzz.bin" and exc.reason
