"""Shared Chinese-text primitives: word segmentation, word frequencies (character classes: :mod:`digest.chardata`).

Segmentation uses rjieba (jieba's algorithm in Rust, several times faster) with
jieba's own dictionary; frequencies and IDF come from jieba's bundled files, so
there is one vocabulary for every stage that asks "is this a word?".
"""

from __future__ import annotations

import hashlib
import importlib.util
import marshal
import math
import os
import sys
import zlib
from array import array
from functools import lru_cache
from pathlib import Path
from typing import Callable, TypeVar

from digest.chardata import CJK_RUN
from digest.files import WriteError, atomic_write

T = TypeVar("T")


def cjk_count(text: str) -> int:
    """Number of CJK ideographs in ``text`` (counted run by run: fewer objects than char by char)."""
    return sum(map(len, CJK_RUN.findall(text)))


@lru_cache(maxsize=8)
def jieba_file(name: str) -> Path:
    """A data file bundled with jieba (found without importing jieba, which takes 0.1 s)."""
    return Path(importlib.util.find_spec("jieba").origin).parent / name


# --- precomputed tables ------------------------------------------------------

#: Where tables built from bundled data files are kept between processes (one file per table).
TABLE_CACHE_DIR = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "digest-tables"
#: Versions of one table kept there, the most recently used (the jieba shelf is about 20 MB).
TABLE_VERSIONS = 3


def _file_hash(path: Path) -> bytes:
    stat = path.stat()
    return _hash_bytes(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=64)
def _hash_bytes(path: Path, mtime_ns: int, size: int) -> bytes:
    """SHA-256 of a file's bytes, hashed once per process while its time stamp and size stay."""
    return hashlib.sha256(path.read_bytes()).digest()


def precomputed(name: str, sources: tuple[Path, ...], build: Callable[[], T]) -> T:
    """``build()``, or its result saved by an earlier process (marshal, in TABLE_CACHE_DIR).

    Parsing jieba's or pypinyin's data files costs seconds per process; loading
    the parsed tables costs a fraction of it.  The saved file is keyed by the
    bytes of ``sources`` (the data files and the module holding ``build``) and
    the Python version, so a changed file or rule is rebuilt, never read stale;
    an unreadable or corrupt file is rebuilt too, and an unwritable folder only
    means building every time.  ``build`` must return what marshal can save.
    The TABLE_VERSIONS versions of a table used last are kept (two checkouts or
    virtual environments whose code differs share the folder: each keeps its own).
    """
    key = hashlib.sha256(f"{name} {sys.version_info[:2]} {marshal.version}".encode())
    for path in sources:
        key.update(_file_hash(path))
    digest = key.hexdigest()
    file = TABLE_CACHE_DIR / f"{name}-{digest[:16]}.marshal"
    try:
        saved = marshal.loads(file.read_bytes())
        if type(saved) is tuple and len(saved) == 2 and saved[0] == digest:
            os.utime(file)  # used now: the last to be pruned
            return saved[1]
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = build()
    try:
        atomic_write(file, marshal.dumps((digest, value)), sync=False)  # a cache: rebuilt if lost
        versions = sorted((p for p in TABLE_CACHE_DIR.glob(f"{name}-*.marshal") if len(p.stem) == len(file.stem)),
                          key=_used_last, reverse=True)
        for old in versions[TABLE_VERSIONS:]:
            old.unlink(missing_ok=True)
    except (OSError, WriteError):
        pass
    return value


def _used_last(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def word_frequencies() -> dict[str, int]:
    """jieba's dictionary as {word: frequency}, in file order; about 350,000 entries.

    Parsed from the file each time (a third of a second): for tables built from
    the whole dictionary and saved.  A word's own entry is looked up in the saved shelf instead
    (:func:`is_word`, :func:`word_tag`, :func:`word_log_prob`, :func:`word_idf`).
    """
    return _dictionary()[0]


def _dictionary() -> tuple[dict[str, int], dict[str, str]]:
    """jieba's dictionary file, read once: {word: frequency} and {word: tag} (words with a tag)."""
    freqs: dict[str, int] = {}
    tags: dict[str, str] = {}
    with open(jieba_file("dict.txt"), encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 2:
                freqs[parts[0]] = int(parts[1])
                if len(parts) == 3:
                    tags[parts[0]] = sys.intern(parts[2])
    return freqs, tags


def idf_table() -> dict[str, float]:
    """jieba's IDF table, parsed from the file each time (for tables built from all of it)."""
    idf: dict[str, float] = {}
    with open(jieba_file("analyse/idf.txt"), encoding="utf-8") as fh:
        for line in fh:
            word, _, value = line.rstrip("\n").partition(" ")
            if value:
                idf[word] = float(value)
    return idf


#: Buckets of the shelf: a few words each, so a look-up unmarshals little besides its word.
_BUCKETS = 1 << 16


def _bucket(word: str) -> int:
    """A word's bucket on the shelf (CRC-32: the same in every process, unlike ``hash``)."""
    return zlib.crc32(word.encode("utf-8", "surrogatepass")) & (_BUCKETS - 1)


def _build_shelf() -> tuple[bytes, bytes, int]:
    """Each word's frequency, tag and IDF, spread over _BUCKETS buckets.

    Returns ``(bucket offsets as 8-byte integers, the buckets marshalled one
    after another, total frequency)``.  A process unmarshals only the buckets of
    the words it asks about: converting one seed asks about a thousand or two
    words, a few per cent of the tables, where loading them whole takes 0.4 s.
    """
    buckets: list[tuple[dict[str, int], dict[str, str], dict[str, float]]] = [
        ({}, {}, {}) for _ in range(_BUCKETS)]
    freqs, tags = _dictionary()
    for table, values in enumerate((freqs, tags, idf_table())):
        for word, value in values.items():
            buckets[_bucket(word)][table][word] = value
    chunks = [marshal.dumps(bucket) for bucket in buckets]
    offsets = array("Q", [0])
    for chunk in chunks:
        offsets.append(offsets[-1] + len(chunk))
    return offsets.tobytes(), b"".join(chunks), sum(freqs.values())


@lru_cache(maxsize=1)
def _shelf() -> tuple[array, memoryview, int]:
    sources = (jieba_file("dict.txt"), jieba_file("analyse/idf.txt"), Path(__file__))
    offsets, blob, total = precomputed("jieba-shelf", sources, _build_shelf)
    return array("Q", offsets), memoryview(blob), total


_groups: dict[int, tuple[dict[str, int], dict[str, str], dict[str, float]]] = {}


def _group(word: str) -> tuple[dict[str, int], dict[str, str], dict[str, float]]:
    """(frequencies, tags, IDF) of the dictionary words in ``word``'s bucket."""
    bucket = _bucket(word)
    group = _groups.get(bucket)
    if group is None:
        offsets, blob, _ = _shelf()
        group = _groups[bucket] = marshal.loads(blob[offsets[bucket]:offsets[bucket + 1]])
    return group


def word_log_prob(word: str) -> float:
    """Unigram log-probability of a word; unknown words get a small floor."""
    freq = _group(word)[0].get(word, 0)
    return math.log((freq + 0.5) / _shelf()[2])


def word_idf(word: str) -> float | None:
    """jieba's IDF of ``word``, None for a word its table lacks."""
    return _group(word)[2].get(word)


def cut(text: str) -> list[str]:
    """Segment text into words (rjieba, jieba's dictionary, HMM for unknown words)."""
    import rjieba

    return rjieba.cut(text)


def is_word(text: str) -> bool:
    return text in _group(text)[0]


def word_tag(word: str) -> str:
    """The dictionary tag of ``word``, or ``""`` for a word jieba's dictionary lacks.

    jieba's part-of-speech tags (n noun, v verb, vn verbal noun, d adverb...):
    rjieba segments without tagging; the dictionary tag is the word's usual part
    of speech, not read in context, which is enough to keep nouns and drop verbs
    and adverbs when picking keywords or the noun a figure counts.
    """
    return _group(word)[1].get(word, "")
