"""The article translation catalog: a gettext PO file that editors fill.

``content/translations/en.po`` holds one entry per Chinese title and summary
sentence (``msgid``) with its English translation (``msgstr``). Any PO editor
(Poedit, Weblate, a text editor) works on it, and it diffs well in git:

* :func:`update_catalog` adds entries for new texts, never touches a
  translation, and marks entries of texts that are gone as obsolete
  (``#~``) instead of deleting them: a title edited back, or an article
  restored, finds its translation again;
* a ``fuzzy`` entry (a machine suggestion, or a translation whose source
  changed) is not shown until an editor reviews it and removes the flag;
* the file is written atomically and in a stable order (articles by slug,
  each title before its sentences), so an update changes only what changed.

Text is looked up with runs of whitespace collapsed, so a reflowed title still
finds its entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polib

from digest.files import atomic_write

HEADER = (
    "English translations of the digest's article titles and summary sentences.\n"
    "Fill in msgstr; remove the fuzzy flag once a suggestion is checked.\n"
    "Regenerate with `make translations`; translations are never overwritten."
)
METADATA = {
    "Project-Id-Version": "digest",
    "Language": "en",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
}


def _key(text: str) -> str:
    """The msgid of a text: whitespace runs collapsed, ends trimmed."""
    return " ".join(text.split())


def is_translated(entry: polib.POEntry) -> bool:
    """An entry whose translation may be shown: not obsolete, not fuzzy, not empty."""
    return bool(entry.msgid) and not entry.obsolete and not entry.fuzzy and bool(entry.msgstr.strip())


class TranslationCatalog:
    """Read-only lookup of the shown translations: ``catalog.get('标题') -> 'Title' | None``."""

    def __init__(self, translations: dict[str, str] | None = None):
        self._translations = dict(translations or {})

    @classmethod
    def from_po(cls, po: polib.POFile) -> "TranslationCatalog":
        translations: dict[str, str] = {}
        for entry in po:
            if is_translated(entry):
                translations.setdefault(entry.msgid, entry.msgstr)
        return cls(translations)

    def __len__(self) -> int:
        return len(self._translations)

    def get(self, zh: str) -> str | None:
        """The English text for a Chinese one; None if missing, empty or fuzzy."""
        return self._translations.get(_key(zh)) if zh else None

    def title(self, zh_title: str) -> str | None:
        return self.get(zh_title)

    def summary(self, sentences: list[str]) -> list[str] | None:
        """Every sentence in English, or None: a half-English summary would mislead."""
        english = [self.get(s) for s in sentences]
        if not english or any(e is None for e in english):
            return None
        return english

    def coverage(self, items: list[str]) -> tuple[int, int]:
        """(translated, total) over the items, counting repeats."""
        return sum(self.get(i) is not None for i in items), len(items)


def read_po(path: str | Path) -> polib.POFile:
    """Parse a PO file; a missing file is an empty catalog, a broken one a ValueError.

    polib's own message already names the line (``Syntax error in po file
    content/translations/en.po(line 12)``); it is re-raised as ValueError so
    callers handle one exception type for "the editors' file is broken".
    """
    path = Path(path)
    if not path.exists():
        return new_po()
    try:
        return polib.pofile(str(path), encoding="utf-8")
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ValueError(f"{path}: cannot read translation catalog: {exc}") from exc


def new_po() -> polib.POFile:
    po = polib.POFile(encoding="utf-8")
    po.header = HEADER
    po.metadata = dict(METADATA)
    return po


def write_po(po: polib.POFile, path: str | Path) -> bool:
    """Write atomically (:func:`digest.files.atomic_write`); False if the file is unchanged.

    An unchanged catalog is not rewritten, so its mtime does not trigger a rebuild.
    """
    path = Path(path)
    text = str(po).rstrip("\n") + "\n"
    if path.exists() and path.read_text(encoding="utf-8", errors="replace") == text:
        return False
    atomic_write(path, text)
    return True


def load_catalog(path: str | Path) -> TranslationCatalog:
    """The shown translations of a PO file (missing file: empty; malformed: ValueError)."""
    return TranslationCatalog.from_po(read_po(path))


@dataclass
class CatalogReport:
    titles_translated: int = 0
    titles_total: int = 0
    sentences_translated: int = 0
    sentences_total: int = 0
    added: int = 0
    obsoleted: int = 0
    removed: int = 0  # unused entries without a translation: nothing worth keeping

    def format(self) -> str:
        """``titles 3/4 translated, summary sentences 7/10 translated; 3 entries added, 1 made obsolete``."""
        text = (f"titles {self.titles_translated}/{self.titles_total} translated, "
                f"summary sentences {self.sentences_translated}/{self.sentences_total} translated; "
                f"{self.added} {'entry' if self.added == 1 else 'entries'} added")
        if self.obsoleted:
            text += f", {self.obsoleted} made obsolete"
        if self.removed:
            text += f", {self.removed} unused untranslated removed"
        return text


@dataclass
class _Use:
    """Where one msgid is used: occurrence files and the role it plays there."""

    occurrences: list[str]
    roles: list[str]

    def add(self, occurrence: str, role: str) -> None:
        if occurrence not in self.occurrences:
            self.occurrences.append(occurrence)
        if role not in self.roles:
            self.roles.append(role)


def _uses(articles: list[dict]) -> dict[str, _Use]:
    """Every text to translate, in page order: articles by slug, title before sentences."""
    uses: dict[str, _Use] = {}

    def use(text: str, occurrence: str, role: str) -> None:
        msgid = _key(text or "")
        if msgid:  # msgid "" is the PO header: never an entry
            uses.setdefault(msgid, _Use([], [])).add(occurrence, role)

    for article in sorted(articles, key=_slug):
        occurrence = f"articles/{_slug(article)}.md"
        use(article.get("title", ""), occurrence, "title")
        for n, sentence in enumerate(article.get("summary") or [], 1):
            use(sentence, occurrence, f"summary sentence {n}")
    return uses


def _slug(article: dict) -> str:
    return str(article.get("slug") or Path(str(article.get("source_file", ""))).stem)


def update_catalog(path: str | Path, articles: list[dict]) -> CatalogReport:
    """Bring the catalog in line with the articles; translations are never changed.

    Each article dict has ``slug``, ``title``, ``summary`` (list of sentences)
    and ``source_file``. New texts get an empty entry with ``#:
    articles/<slug>.md`` and an extracted comment (``#.``, the comment meant
    for translators) saying ``title`` or ``summary sentence N``; entries no
    longer used become obsolete if translated and are removed if not.
    """
    po = read_po(path)
    existing: dict[str, polib.POEntry] = {}
    for entry in po:
        if entry.msgid:
            existing.setdefault(entry.msgid, entry)
    report = CatalogReport()
    entries: list[polib.POEntry] = []
    for msgid, use in _uses(articles).items():
        entry = existing.pop(msgid, None)
        if entry is None:
            entry = polib.POEntry(msgid=msgid, msgstr="")
            report.added += 1
        entry.obsolete = False
        entry.occurrences = [(o, "") for o in use.occurrences]
        entry.comment = "\n".join(use.roles)
        entries.append(entry)
    for msgid in sorted(existing):
        entry = existing[msgid]
        if entry.msgstr.strip():
            report.obsoleted += not entry.obsolete
            entry.obsolete = True
            entries.append(entry)
        else:
            report.removed += 1
    updated = polib.POFile(encoding="utf-8", wrapwidth=po.wrapwidth)
    updated.header, updated.metadata = po.header, po.metadata
    updated.extend(entries)
    write_po(updated, path)
    _count_coverage(report, TranslationCatalog.from_po(updated), articles)
    return report


def _count_coverage(report: CatalogReport, catalog: TranslationCatalog, articles: list[dict]) -> None:
    titles = [a["title"] for a in articles if a.get("title")]
    sentences = [s for a in articles for s in (a.get("summary") or []) if _key(s)]
    report.titles_translated, report.titles_total = catalog.coverage(titles)
    report.sentences_translated, report.sentences_total = catalog.coverage(sentences)
