"""Traditional and regional forms of Chinese search queries, for the search page.

A Taiwan or Hong Kong reader types 人工智慧 or 資料 where the Simplified
articles say 人工智能 and 数据; Pagefind, indexing the Simplified text, finds
nothing, or matches half the word. The search page therefore also searches the
query converted to Simplified, with two tables made here from OpenCC (the
converter the pipeline uses, so query and text are converted alike):

* ``chars``: every Traditional character and its Simplified form (OpenCC
  ``t2s``, character by character: 資 -> 资);
* ``phrases``: regional words whose Simplified form is another word, not just
  other characters (OpenCC ``s2twp``/``s2hk`` of each CC-CEDICT word, kept when
  ``t2s`` does not give the word back): 人工智慧 -> 人工智能, 資料 -> 数据.
  A regional form that is itself a Simplified word (序列 "sequence", which
  OpenCC also uses for 串行) is left out unless the dictionary marks it as
  Taiwanese usage: its own meaning must not pull in another word's articles.

theme/js/search.js converts a query with the longest phrase first, then
character by character, and searches the query, its character conversion and
its phrase conversion, merging the results. Making the tables takes a few
seconds; :func:`cached_variant_tables_json` keeps them in the build cache,
keyed by the OpenCC version and the dictionary file, so a rebuild copies them.
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import lru_cache
from pathlib import Path

from digest.chardata import CJK_CHAR


#: CC-CEDICT's marks of Taiwan and Hong Kong usage: ``artificial intelligence (Tw)``.
_REGIONAL = re.compile(r"\((?:Tw|HK|Taiwan)\b|Taiwanese term|Taiwan usage|in Taiwan")


def _convert_lines(converter, items: list[str]) -> list[str]:
    """Convert many short strings in one call (one per line); OpenCC keeps line breaks."""
    out = converter.convert("\n".join(items)).split("\n")
    if len(out) != len(items):  # never seen; convert one by one rather than misalign
        out = [converter.convert(i) for i in items]
    return out


@lru_cache(maxsize=1)
def variant_tables() -> dict[str, dict[str, str]]:
    """``{"chars": {Traditional: Simplified}, "phrases": {regional word: Simplified word}}``."""
    import opencc

    from digest.english.glossary import cedict_index

    t2s = opencc.OpenCC("t2s")
    chars = [chr(c) for c in range(0x10000) if CJK_CHAR.match(chr(c))]  # the ideographs chardata knows
    char_map = {c: s for c, s in zip(chars, _convert_lines(t2s, chars)) if s != c and len(s) == 1}

    def simplified_chars(text: str) -> str:
        return "".join(char_map.get(c, c) for c in text)

    index = cedict_index()
    words = [w for w in index if len(w) >= 2 and "\n" not in w]
    phrases: dict[str, str] = {}
    for config in ("s2twp", "s2hk"):
        for word, regional in zip(words, _convert_lines(opencc.OpenCC(config), words)):
            if regional == word or simplified_chars(regional) == word:
                continue
            if regional in index and not any(_REGIONAL.search(senses) for _, senses in index[regional]):
                continue
            phrases.setdefault(regional, word)
    return {"chars": char_map, "phrases": phrases}


def variant_tables_json() -> str:
    return json.dumps(variant_tables(), ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _tables_key() -> str:
    """Changes when OpenCC, CC-CEDICT or this module changes."""
    import opencc

    from digest.english.glossary import _cedict_path

    cedict = _cedict_path().stat()
    source = Path(__file__).read_bytes()
    raw = f"{getattr(opencc, '__version__', '')}|{cedict.st_size}|{cedict.st_mtime_ns}|".encode() + source
    return hashlib.sha256(raw).hexdigest()[:16]


def cached_variant_tables_json(cache_dir: Path | None) -> str:
    """:func:`variant_tables_json`, read from ``cache_dir`` when made there before."""
    if cache_dir is None:
        return variant_tables_json()
    path = Path(cache_dir) / f"zh-variants-{_tables_key()}.json"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        pass
    text = variant_tables_json()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError:
        pass  # no cache folder: made again next time
    return text
