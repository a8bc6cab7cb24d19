"""The C YAML loader/dumper (libyaml) write and read front matter exactly as the
pure-Python safe ones do (issue 16: they are used for speed only)."""

from __future__ import annotations

import pytest
import yaml

from digest.publish import page

TRICKY = {
    "title": "--- Title: x # 不是注释",
    "empty": "",
    "none": None,
    "yes": "yes",
    "number_like": "2025",
    "date_like": "2025-13-45",
    "quotes": "他说：“'好'\"的\"”",
    "colon": "a: b",
    "leading_space": "  缩进",
    "trailing_space": "结尾 ",
    "unicode": "人工智能 \u3000全角空格 ①②③",
    "controls": "a\u0085b\u2028c\u2029d\te",
    "newline": "第一行\n第二行",
    "long": "长" * 3000,
    "list": ["一", "二: 三", "- 四", ""],
    "nested": [{"value": "12%", "label": "增长"}],
    "score": 0.125,
}


@pytest.mark.skipif(not hasattr(yaml, "CSafeDumper"), reason="PyYAML built without libyaml")
def test_c_dumper_writes_what_the_python_dumper_writes():
    kwargs = {"allow_unicode": True, "sort_keys": False, "width": 10_000}
    assert yaml.dump(TRICKY, Dumper=page._DUMPER, **kwargs) == yaml.safe_dump(TRICKY, **kwargs)


@pytest.mark.skipif(not hasattr(yaml, "CSafeDumper"), reason="PyYAML built without libyaml")
def test_characters_beyond_the_bmp_are_escaped_but_read_back_the_same():
    """libyaml writes 😀 or 𠮷 (a name character of CJK Extension B) as ``\\U…``
    escapes where PyYAML writes them as they are: both read back the same."""
    value = {"title": "吉野家𠮷 😀"}
    kwargs = {"allow_unicode": True, "sort_keys": False, "width": 10_000}
    c_text = yaml.dump(value, Dumper=page._DUMPER, **kwargs)
    assert page.split_page(f"---\n{c_text}---\n")[0] == value
    assert yaml.safe_load(c_text) == value == yaml.safe_load(yaml.safe_dump(value, **kwargs))


@pytest.mark.skipif(not hasattr(yaml, "CSafeLoader"), reason="PyYAML built without libyaml")
def test_c_loader_reads_what_the_python_loader_reads():
    text = yaml.safe_dump(TRICKY, allow_unicode=True, sort_keys=False, width=10_000)
    meta, body = page.split_page(f"---\n{text}---\n\n正文\n")
    assert meta == yaml.safe_load(text) == TRICKY
    assert body == "\n正文\n"
