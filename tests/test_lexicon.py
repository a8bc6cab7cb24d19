"""The tables saved between processes (:func:`digest.lexicon.precomputed`): never stale, never a crash."""

from __future__ import annotations

import marshal
import math

import pytest

from digest import lexicon
from digest.clean import mojibake
from digest.lexicon import precomputed


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "tables"
    monkeypatch.setattr(lexicon, "TABLE_CACHE_DIR", folder)
    return folder


@pytest.fixture
def source(tmp_path):
    path = tmp_path / "data.txt"
    path.write_text("一 1\n")
    return path


def _counting_build(calls: list, value):
    def build():
        calls.append(1)
        return value
    return build


def test_a_saved_table_is_read_back_without_building(cache, source):
    calls = []
    assert precomputed("t", (source,), _counting_build(calls, {"一": 1})) == {"一": 1}
    assert precomputed("t", (source,), _counting_build(calls, {"other": 2})) == {"一": 1}
    assert len(calls) == 1 and len(list(cache.glob("t-*.marshal"))) == 1


def test_a_changed_source_rebuilds_and_replaces_the_saved_table(cache, source):
    calls = []
    precomputed("t", (source,), _counting_build(calls, {"一": 1}))
    source.write_text("一 1\n二 2\n")
    assert precomputed("t", (source,), _counting_build(calls, {"一": 1, "二": 2})) == {"一": 1, "二": 2}
    assert len(calls) == 2 and len(list(cache.glob("t-*.marshal"))) == 2


def test_the_versions_used_last_are_kept_side_by_side(cache, source, monkeypatch):
    """Two checkouts whose code differs share the folder: each keeps its table
    instead of rebuilding the one the other replaced; the least recently used go."""
    import os

    monkeypatch.setattr(lexicon, "TABLE_VERSIONS", 2)
    other = source.with_name("other.txt")
    other.write_text("x")
    precomputed("t-long", (other,), lambda: "another table whose name starts the same")
    clock = iter(range(1_000_000_000, 10**12, 10**9))  # older than any real time: a table written now is newer

    def use(text):
        source.write_text(text)
        calls = []
        value = precomputed("t", (source,), _counting_build(calls, text))
        for saved in cache.glob("t-*.marshal"):  # mtimes in the order of use, whatever the file system's clock
            if len(saved.stem) == len("t-") + 16 and marshal.loads(saved.read_bytes())[1] == text:
                os.utime(saved, ns=(next(clock),) * 2)
        return value, len(calls)

    assert use("a") == ("a", 1) and use("b") == ("b", 1)
    assert use("a") == ("a", 0)  # both kept: no rebuild when switching back
    assert use("c") == ("c", 1)  # a third: "b" was used least recently
    assert use("a") == ("a", 0) and use("b") == ("b", 1)
    assert len([p for p in cache.glob("t-*.marshal") if len(p.stem) == 18]) == 2
    assert len(list(cache.glob("t-long-*.marshal"))) == 1  # another table is not a version of this one


@pytest.mark.parametrize("damage", [b"", b"\x00garbage", "truncate", "other key"])
def test_a_corrupt_or_foreign_file_is_rebuilt_not_a_crash(cache, source, damage):
    precomputed("t", (source,), lambda: {"一": 1})
    (saved,) = cache.glob("t-*.marshal")
    if damage == "truncate":
        saved.write_bytes(saved.read_bytes()[:-3])
    elif damage == "other key":
        saved.write_bytes(marshal.dumps(("not the key", {"一": 99})))
    else:
        saved.write_bytes(damage)
    calls = []
    assert precomputed("t", (source,), _counting_build(calls, {"一": 1})) == {"一": 1}
    assert calls == [1]
    assert marshal.loads(saved.read_bytes())[1] == {"一": 1}


def test_an_unwritable_cache_folder_only_means_building(tmp_path, monkeypatch, source):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setattr(lexicon, "TABLE_CACHE_DIR", blocker / "tables")
    assert precomputed("t", (source,), lambda: [1, 2]) == [1, 2]


def test_the_saved_shelf_answers_as_the_parsed_dictionary(cache):
    (freqs, tags), idf = lexicon._dictionary(), lexicon.idf_table()
    for fresh_process in (True, False):  # first built, then read back from the saved file
        lexicon._shelf.cache_clear()
        lexicon._groups.clear()
        words = list(freqs)[::997] + list(idf)[::991] + ["具身智能", "A", "", "人工智能"]
        assert [lexicon.is_word(w) for w in words] == [w in freqs for w in words]
        assert [lexicon.word_tag(w) for w in words] == [tags.get(w, "") for w in words]
        assert [lexicon.word_idf(w) for w in words] == [idf.get(w) for w in words]
        total = sum(freqs.values())
        assert [lexicon.word_log_prob(w) for w in words] == [
            math.log((freqs.get(w, 0) + 0.5) / total) for w in words]
    assert list(cache.glob("jieba-shelf-*.marshal"))


def test_saved_mojibake_counts_equal_a_fresh_count(cache):
    counts = mojibake._count_characters()
    precomputed("counts", mojibake._model_sources(), mojibake._count_characters)
    assert precomputed("counts", mojibake._model_sources(), lambda: None) == counts


def test_a_full_disk_leaves_no_half_table_behind(cache, source, monkeypatch):
    """The table is written like every file (digest.files.atomic_write): a write that
    fails at the rename leaves neither the table nor its temporary file."""
    import errno
    import os

    def full(src, dst):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "replace", full)
    assert precomputed("t", (source,), lambda: {"一": 1}) == {"一": 1}
    assert list(cache.iterdir()) == []
