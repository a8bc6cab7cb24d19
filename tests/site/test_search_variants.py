"""The Traditional/regional -> Simplified tables the search page converts queries with."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "plugins"))

from digest_search.variants import cached_variant_tables_json, variant_tables  # noqa: E402


def test_regional_words_and_characters_map_to_simplified():
    tables = variant_tables()
    assert tables["phrases"]["人工智慧"] == "人工智能"
    assert tables["phrases"]["資料"] == "数据"
    assert tables["phrases"]["軟體"] == "软件"
    assert tables["chars"]["資"] == "资" and tables["chars"]["機"] == "机"
    assert "人" not in tables["chars"]  # the same in both scripts


def test_a_regional_form_that_is_a_simplified_word_is_left_alone():
    """序列 is "sequence" in Simplified too: it must not pull in articles on 串行."""
    assert "序列" not in variant_tables()["phrases"]


def test_tables_are_cached_between_builds(tmp_path):
    first = cached_variant_tables_json(tmp_path)
    files = list(tmp_path.glob("zh-variants-*.json"))
    assert len(files) == 1
    files[0].write_text('{"chars": {}, "phrases": {"x": "y"}}', encoding="utf-8")
    assert json.loads(cached_variant_tables_json(tmp_path))["phrases"] == {"x": "y"}
    assert json.loads(first)["phrases"]["人工智慧"] == "人工智能"
