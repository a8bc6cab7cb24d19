"""Permanent addresses, feed ids and true dates for articles, kept in committed files.

``content/articles/`` is rebuilt in every clone, so what must outlive a rebuild
is recorded next to it, in two small text files meant to be committed:

``permalinks.jsonl``
    one line per article ever published, sorted by its key (``<seed>#<n>``: the
    seed's file name and the article's place in it, where it was last seen):
    ``{"key": "003_x.txt#2", "id": "9f0c…", "slug": "…", "text": "…", "seed": "…"}``
    plus ``first_seen`` (only for an article whose seed gives no date) and
    ``modified`` (only once its text really changed). ``id`` is made once and
    never changes: feeds build their entry ids from it. ``text`` is a hash of
    the title and body, ``seed`` one of the seed file's bytes.
``redirects.txt``
    ``old-slug new-slug`` per line: the URLs an article had before its title
    was corrected. Chains are kept flat (every old slug names the newest one).

Rules (:func:`settle`):

* an article is its record's when its title is unchanged, at its place or
  elsewhere (see :func:`match_records`); it keeps its recorded slug and id. A
  new title at the same place gives a new slug, and the old one becomes a redirect;
* two different articles with the same title: the one that had the slug first
  (else the first by key) keeps it, the others get ``-`` and four hex digits of
  a hash of their key: the same on every build;
* a changed title or body in a changed seed sets ``modified``: the date of the
  seed's last git commit when the seed is committed and unchanged, else today.
  A text that changes while its seed does not was changed by a new version of
  the converter (a better repair, a cleaner split): that is not news, so it sets
  no ``modified`` and feed readers are not told every article was updated;
* an article without a date gets ``first_seen``: the date of the seed's first
  git commit, else today, recorded so that it never changes again.

"Today" is ``SOURCE_DATE_EPOCH`` when set (the reproducible-builds convention),
else the machine's date. One line per article keeps git merges of the records
line by line.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from digest.files import atomic_write
from digest.model import Article
from digest.publish.slug import make_slug, short_hash

RECORDS_FILE = "permalinks.jsonl"
REDIRECTS_FILE = "redirects.txt"
#: What a slug may be: a redirect page is written at the old one, so no path tricks.
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_FIELDS = ("key", "id", "slug", "text", "seed", "first_seen", "modified")


@dataclass
class Record:
    """What is remembered of one article across builds and clones."""

    key: str
    id: str
    slug: str
    text: str
    seed: str | None = None
    first_seen: str | None = None
    modified: str | None = None

    def line(self) -> str:
        data = {name: getattr(self, name) for name in _FIELDS if getattr(self, name) is not None}
        return json.dumps(data, ensure_ascii=False)


@dataclass
class PermalinkReport:
    moved: list[tuple[str, str, str]] = field(default_factory=list)  # (key, old slug, new slug)
    renamed_twins: list[tuple[str, str]] = field(default_factory=list)  # (key, slug)
    written: list[Path] = field(default_factory=list)

    @property
    def notes(self) -> list[str]:
        out = [f"{key}: title changed; {old} now redirects to {new}" for key, old, new in self.moved]
        out += [f"{key}: another article has the same title; published as {slug}"
                for key, slug in self.renamed_twins]
        return out


def content_fingerprint(article: Article) -> str:
    """A hash of what a reader reads (title and body): equal for a duplicate, changed by a correction."""
    return short_hash("\n".join([article.title, *article.paragraphs]), 16)


def today() -> date:
    """``SOURCE_DATE_EPOCH`` (seconds, UTC) if set, else the machine's date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
    return date.today()


def git_date(path: Path, first: bool) -> date | None:
    """The date of the first (or last) git commit of ``path``; ``None`` when
    git is missing, the file is not committed, or it has uncommitted changes."""
    def git(*args: str) -> str | None:
        try:
            done = subprocess.run(["git", *args, "--", path.name], cwd=path.parent,
                                  capture_output=True, text=True, check=False)
        except OSError:
            return None
        return done.stdout if done.returncode == 0 else None

    status = git("status", "--porcelain")
    if status is None or status.strip():
        return None
    log = git("log", "--format=%cI", *(["--follow", "--diff-filter=A"] if first else ["-n", "1"]))
    lines = (log or "").split()
    if not lines:
        return None
    return date.fromisoformat((lines[-1] if first else lines[0])[:10])


def in_git_work_tree(folder: Path) -> bool:
    """Whether ``folder`` is in a git checkout (asked once, not once per seed)."""
    try:
        done = subprocess.run(["git", "rev-parse", "--is-inside-work-tree"], cwd=folder,
                              capture_output=True, text=True, check=False)
    except OSError:
        return False
    return done.returncode == 0 and done.stdout.strip() == "true"


def read_records(path: Path) -> list[Record]:
    if not path.exists():
        return []
    records = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            record = Record(**{k: data.get(k) for k in _FIELDS})
        except (ValueError, TypeError) as exc:
            raise ValueError(f"{path}: line {n}: not a permalink record ({exc})") from None
        records.append(record)
    return records


def read_redirects(path: Path) -> dict[str, str]:
    """``{old_slug: new_slug}`` from ``old new`` lines (``#`` starts a comment)."""
    if not path.exists():
        return {}
    out = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        words = line.split("#", 1)[0].split()
        if not words:
            continue
        if len(words) != 2 or not all(_SLUG.fullmatch(w) for w in words):
            raise ValueError(f"{path}: line {n}: expected “old-slug new-slug” (a-z, 0-9, -), "
                             f"got {line.strip()!r}")
        out[words[0]] = words[1]
    return out


_REDIRECTS_HEADER = ("# Old article slugs and the slug they redirect to (digest.publish.permalinks).\n"
                     "# Written by the build; commit it, so every clone keeps the old URLs working.\n")


def _write_if_changed(path: Path, text: str, report: PermalinkReport) -> None:
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        atomic_write(path, text)
        report.written.append(path)


def article_keys(articles: list[Article]) -> list[str]:
    """``<seed>#<n>``: each article's seed and its place among that seed's articles."""
    counts: dict[str, int] = {}
    keys = []
    for article in articles:
        counts[article.source_file] = counts.get(article.source_file, 0) + 1
        keys.append(f"{article.source_file}#{counts[article.source_file]}")
    return keys


def seed_of(key: str) -> str:
    """The seed of an article key (``<seed>#<n>``, :func:`article_keys`)."""
    return key.rsplit("#", 1)[0]


def same_title(record: Record, base: str) -> bool:
    """Whether ``record``'s slug was made from the title that gives ``base``
    (that slug itself, or it told apart from a same-titled twin)."""
    return record.slug == base or record.slug.startswith(base + "-")


def match_records(articles: list[Article], keys: list[str], records: list[Record]) -> list[Record | None]:
    """The record of each article (``None``: a new article), matched in three passes:

    1. same place in the same seed, same title: the usual case;
    2. same title elsewhere (the same seed first): an article moved within its
       seed (another was inserted before it, or the split changed) or its seed
       was renamed; it keeps its id, URL and dates;
    3. same place, another title: a corrected title (new URL, old one redirected).
    """
    free = [True] * len(records)
    found: list[Record | None] = [None] * len(articles)
    by_key: dict[str, list[int]] = {}
    by_base: dict[str, list[int]] = {}  # every base that same_title() accepts for the record
    for n, record in enumerate(records):
        by_key.setdefault(record.key, []).append(n)
        parts = record.slug.split("-")
        for j in range(1, len(parts) + 1):
            by_base.setdefault("-".join(parts[:j]), []).append(n)

    def bind(i: int, candidates) -> None:
        n = next((n for n in candidates if free[n]), None)
        if n is not None:
            found[i] = records[n]
            free[n] = False

    # Indexed by key and by title base, so that matching stays linear in the site's size
    # (a scan of every free record per article was 7.6 s at 8,000 articles).
    for i, (article, key) in enumerate(zip(articles, keys)):
        bind(i, (n for n in by_key.get(key, ()) if same_title(records[n], article.slug)))
    for i, article in enumerate(articles):
        if found[i] is None:
            bind(i, sorted((n for n in by_base.get(article.slug, ()) if free[n]),
                           key=lambda n: (seed_of(records[n].key) != article.source_file, records[n].key)))
    for i, key in enumerate(keys):
        if found[i] is None:
            bind(i, by_key.get(key, ()))
    return found


def unique_slugs(wanted: dict[str, str], holders: dict[str, str]) -> dict[str, str]:
    """``{key: slug}`` with no slug twice. ``holders``: ``{slug: key}`` of the
    articles whose record already has that slug; they keep it (see the module)."""
    groups: dict[str, list[str]] = {}
    for key in sorted(wanted):
        groups.setdefault(wanted[key], []).append(key)
    taken = set(wanted.values())
    final = {}
    for slug, keys in groups.items():
        holder = holders.get(slug) if holders.get(slug) in keys else keys[0]
        final[holder] = slug
        for key in keys:
            if key == holder:
                continue
            digits = 4
            while (candidate := f"{slug}-{short_hash(key, digits)}") in taken:
                digits += 2
            taken.add(candidate)
            final[key] = candidate
    return final


def _new_id(key: str, used: set[str]) -> str:
    """A permanent id from the article's first key, unique among the records."""
    made, n = short_hash(key, 16), 1
    while made in used:
        n += 1
        made = short_hash(f"{key}\n{n}", 16)
    used.add(made)
    return made


def _move(redirects: dict[str, str], old: str, new: str) -> None:
    for source, target in list(redirects.items()):
        if target == old:
            redirects[source] = new
    redirects[old] = new
    for source, target in list(redirects.items()):
        if source == target:
            del redirects[source]


def settle(articles: list[Article], folder: Path, seeds_dir: Path | None = None) -> PermalinkReport:
    """Give every article its permanent slug, id, date and ``modified``; update
    ``folder/permalinks.jsonl`` and ``folder/redirects.txt`` (see the module)."""
    report = PermalinkReport()
    for article in articles:
        article.slug = make_slug(article.title)
    records = read_records(folder / RECORDS_FILE)
    redirects = read_redirects(folder / REDIRECTS_FILE)
    keys = article_keys(articles)
    bound = match_records(articles, keys, records)
    wanted = {k: r.slug if r and same_title(r, a.slug) else a.slug for a, k, r in zip(articles, keys, bound)}
    final = unique_slugs(wanted, {r.slug: k for k, r in zip(keys, bound) if r})
    used_ids = {r.id for r in records}

    in_git = seeds_dir is not None and in_git_work_tree(seeds_dir)
    seed_dates: dict[tuple[str, bool], date] = {}

    def seed_date(article: Article, first: bool) -> date:
        key = (article.source_file, first)
        if key not in seed_dates:
            found = git_date(seeds_dir / article.source_file, first) if in_git else None
            seed_dates[key] = found or today()
        return seed_dates[key]

    seed_hashes: dict[str, str | None] = {}

    def seed_hash(article: Article) -> str | None:
        if article.source_file not in seed_hashes:
            path = seeds_dir / article.source_file if seeds_dir else None
            seed_hashes[article.source_file] = (
                hashlib.sha256(path.read_bytes()).hexdigest()[:16] if path and path.is_file() else None)
        return seed_hashes[article.source_file]

    for article, key, record in zip(articles, keys, bound):
        slug = final[key]
        if slug != wanted[key]:
            report.renamed_twins.append((key, slug))
        fingerprint = content_fingerprint(article)
        if record is None:
            record = Record(key=key, id=_new_id(key, used_ids), slug=slug, text=fingerprint,
                            seed=seed_hash(article))
            records.append(record)
        else:
            record.key = key
            if record.slug != slug:
                report.moved.append((key, record.slug, slug))
                _move(redirects, record.slug, slug)
                record.slug = slug
            if record.text != fingerprint:
                if record.seed != seed_hash(article):  # else the converter changed, not the news
                    record.modified = seed_date(article, first=False).isoformat()
                record.text = fingerprint
            record.seed = seed_hash(article)
        if article.date is None:
            if not record.first_seen:
                record.first_seen = seed_date(article, first=True).isoformat()
            article.date = date.fromisoformat(record.first_seen)
        modified = date.fromisoformat(record.modified) if record.modified else None
        article.modified = modified if modified and modified > article.date else None
        article.slug = slug
        article.permalink_id = record.id

    live = {a.slug for a in articles}
    redirects = {old: new for old, new in redirects.items() if old not in live}
    _write_if_changed(folder / RECORDS_FILE, "".join(
        r.line() + "\n" for r in sorted(records, key=lambda r: (r.key, r.id))), report)
    if redirects or (folder / REDIRECTS_FILE).exists():
        _write_if_changed(folder / REDIRECTS_FILE, _REDIRECTS_HEADER + "".join(
            f"{old} {new}\n" for old, new in sorted(redirects.items())), report)
    return report
