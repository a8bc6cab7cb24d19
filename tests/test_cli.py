"""The `digest` command as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
KEYS = {"source_file", "title", "authors", "source", "date", "topic", "topic_score", "summary",
        "key_figures", "keywords", "paragraphs", "warnings"}


def digest(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "digest.cli", *args], capture_output=True,
                          text=True, encoding="utf-8")


def test_convert_json_prints_one_array_with_an_object_per_article():
    result = digest("convert", *sorted(map(str, SEEDS.glob("*.txt"))), "--json")
    assert result.returncode == 0, result.stderr
    articles = json.loads(result.stdout)
    assert len(articles) == 4
    for a in articles:
        assert KEYS <= set(a)
        assert isinstance(a["authors"], list) and isinstance(a["paragraphs"], list)
    assert [a["source_file"] for a in articles] == ["000_f5b23160764b9db6.txt"] + ["003_2eec7245c6bb0a7a.txt"] * 3


def test_bad_seed_gives_one_line_naming_the_file_and_no_traceback(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    result = digest("convert", str(bad), str(SEEDS / "000_f5b23160764b9db6.txt"), "--json")
    assert result.returncode == 0
    assert len(json.loads(result.stdout)) == 1
    assert str(bad) in result.stderr and "Traceback" not in result.stderr
    strict = digest("convert", str(bad), "--strict")
    assert strict.returncode == 1 and "Traceback" not in strict.stderr


def test_sync_with_a_damaged_permalink_record_is_one_line_not_a_traceback(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_bytes((SEEDS / "000_f5b23160764b9db6.txt").read_bytes())
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "permalinks.jsonl").write_text("<<<<<<< HEAD\n", encoding="utf-8")
    result = digest("sync", "--seeds", str(seeds), "--out", str(tmp_path / "content" / "articles"),
                    "--cache", str(tmp_path / "cache"))
    assert result.returncode == 1
    assert result.stderr.startswith(f"digest: {tmp_path / 'content' / 'permalinks.jsonl'}: line 1: ")
    assert "Traceback" not in result.stderr
