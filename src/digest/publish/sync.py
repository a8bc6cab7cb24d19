"""Turn a folder of seeds into a folder of Markdown pages: the one entry point
that the Pelican plugin, the ``digest sync`` command and the benchmark share.

Each seed's conversion is cached by the hash of its bytes (and of the converter
version and options), so a rebuild re-converts only the seeds that changed. When
many seeds need converting, they are spread over all cores.
"""

from __future__ import annotations

import hashlib
import json
import os
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable

from digest.files import WriteError, atomic_write, code_fingerprint
from digest.model import LOST, Article, SeedError
from digest.pipeline import SEED_SUFFIXES, ConvertOptions, convert_bytes
from digest.publish.page import render_page
from digest.publish.seed_files import read_seed
from digest.publish.permalinks import PermalinkReport, content_fingerprint, settle
from digest.publish.store import PAGE_SUFFIX, StoreReport, store_pages
from digest.publish.workers import worker_pool

#: Below this many seeds to convert, worker start-up costs more than it saves.
PARALLEL_THRESHOLD = 24

Progress = Callable[[int, int, str], None]


@dataclass
class SyncReport:
    articles: list[Article] = field(default_factory=list)
    errors: list[SeedError] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    converted: int = 0
    cached: int = 0
    store: StoreReport = field(default_factory=StoreReport)
    permalinks: PermalinkReport = field(default_factory=PermalinkReport)
    #: Cache entries that could not be read (notes); a cache that could not be
    #: written, a worker that died (warnings).
    cache_notes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    cache_unwritable: bool = False

    @property
    def messages(self) -> list[str]:
        """Editor-facing lines for what needs a look: bad seeds, duplicates,
        characters the repairs could not give back, pages kept from regeneration."""
        out = [str(e) for e in self.errors]
        out += self.duplicates
        out += [f"{a.source_file}: {a.title}: {w}" for a in self.articles for w in a.warnings
                if w.needs_check]
        out += self.problems
        return out + self.store.messages

    @property
    def notes(self) -> list[str]:
        """Repairs that fully succeeded: worth a line in the log, not a warning."""
        return [f"{a.source_file}: {a.title}: {w}" for a in self.articles for w in a.warnings
                if not w.needs_check] + self.permalinks.notes + self.cache_notes

    @property
    def repair_summary(self) -> str:
        """One line for the end of a build: how many seeds were repaired, how
        many characters their bytes could not give back, and which pages to
        check for the ``□`` marking them."""
        seeds: dict[str, list[Article]] = {}
        for a in self.articles:
            if a.warnings:
                seeds.setdefault(a.source_file, []).append(a)
        if not seeds:
            return "repairs: none"
        # every article of a seed carries the seed's warnings: count them once
        lost = {name: sum(w.lost for w in arts[0].warnings) for name, arts in seeds.items()}
        check = []
        for name, arts in seeds.items():
            if lost[name]:
                marked = [a for a in arts if LOST in a.title or any(LOST in p for p in a.paragraphs)]
                check += [f"{a.slug}{PAGE_SUFFIX}" for a in marked or arts]
        line = (f"repairs: {len(seeds)} seed{'s' if len(seeds) > 1 else ''} repaired, "
                f"{sum(lost.values())} character{'s' if sum(lost.values()) != 1 else ''} lost (marked {LOST})")
        return line + (f"; check {', '.join(check)}" if check else "")


def find_seeds(folder: Path) -> list[Path]:
    """Seed candidates in ``folder`` (not recursive; hidden files skipped), in name order.

    Every entry with a seed suffix is listed, whatever it is: :func:`read_seed`
    refuses a link leading out of the folder, a FIFO or a directory named
    ``x.txt`` by name, instead of skipping it silently."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir()
                  if not p.name.startswith(".") and p.suffix.lower() in SEED_SUFFIXES)


#: The installed packages whose behaviour or data shape a converted page: decoding,
#: HTML reading, OpenCC's tables, jieba's dictionary and rjieba, pinyin, the front matter.
CONVERTER_PACKAGES = ("charset-normalizer", "beautifulsoup4", "opencc", "jieba", "rjieba", "pypinyin", "pyyaml")


@lru_cache(maxsize=1)
def _code_fingerprint() -> str:
    """Hash of the converter's own source and of the packages it converts with, so a
    code change or an upgrade (new OpenCC tables, a new jieba dictionary) invalidates
    the cache instead of serving pages the old ones made."""
    return code_fingerprint([Path(__file__).resolve().parent.parent], CONVERTER_PACKAGES)


def _options_key(options: ConvertOptions) -> str:
    raw = json.dumps([_code_fingerprint(), repr(options)], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


def _convert_one(args: tuple[bytes, str, ConvertOptions]) -> list[dict] | SeedError:
    data, name, options = args
    try:
        return [a.to_json() for a in convert_bytes(data, name, options)]
    except SeedError as exc:
        return exc
    except Exception as exc:  # a converter bug costs this seed, not the whole build
        return SeedError(name, f"could not be converted ({type(exc).__name__}: {exc}); "
                               "please report this seed")


def _read_cache(cache_file: Path, name: str, report: SyncReport) -> list[Article] | None:
    """The cached articles of a seed, or ``None`` (not cached, or an entry that a
    crash or a full disk left empty or corrupt: noted, and the seed converted again)."""
    try:
        raw = cache_file.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or exc
    else:
        try:
            cached = json.loads(raw)
            if not isinstance(cached, list):
                raise ValueError("not a list of articles")
            return [Article.from_json(dict(a, source_file=name)) for a in cached]
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            reason = f"{type(exc).__name__}: {exc}"
    report.cache_notes.append(f"{cache_file}: unreadable cache entry for {name} ({reason}); "
                              "ignored, the seed is converted again")
    return None


def _write_cache(cache_file: Path, result: list[dict], report: SyncReport) -> None:
    if report.cache_unwritable:  # one line per build is enough
        return
    try:
        atomic_write(cache_file, json.dumps(result, ensure_ascii=False))
    except WriteError as exc:
        report.cache_unwritable = True
        report.problems.append(f"{exc}; the conversion cache is not updated "
                               "(the next build converts these seeds again)")


def convert_seeds(seeds: list[Path], options: ConvertOptions, cache_dir: Path | None = None,
                  jobs: int | None = None, progress: Progress | None = None) -> SyncReport:
    """Convert seeds to articles, from the cache where a seed's bytes are unchanged."""
    report = SyncReport()
    key = _options_key(options)
    results: dict[int, list[Article] | list[dict] | SeedError] = {}
    todo: list[tuple[int, Path, bytes, Path | None]] = []
    for i, path in enumerate(seeds):
        try:
            data = read_seed(path, options)
        except SeedError as exc:
            results[i] = exc
            continue
        cache_file = None
        if cache_dir is not None:
            cache_file = cache_dir / f"{hashlib.sha256(data).hexdigest()}-{key}.json"
            if (cached := _read_cache(cache_file, path.name, report)) is not None:
                results[i] = cached
                report.cached += 1
                continue
        todo.append((i, path, data, cache_file))

    jobs = jobs or os.cpu_count() or 1
    work = [(data, path.name, options) for _, path, data, _ in todo]
    converted: list[list[dict] | SeedError] = []
    if len(todo) >= PARALLEL_THRESHOLD and jobs > 1:
        preload(options)  # forked workers then share the loaded dictionaries
        try:
            with worker_pool(jobs) as pool:
                outputs = pool.map(_convert_one, work, chunksize=8)
                for output in _with_progress(outputs, len(todo), todo, progress):
                    converted.append(output)
        except BrokenProcessPool:
            # A worker was killed (the OOM killer, a crash in a C extension):
            # the seeds it had not returned are converted here, one by one.
            report.problems.append(
                f"a conversion worker died (out of memory?); the last {len(todo) - len(converted)} "
                "seeds are converted without workers")
    done = len(converted)
    converted += _with_progress(map(_convert_one, work[done:]), len(todo), todo[done:], progress,
                                start=done)
    for (i, _path, _data, cache_file), result in zip(todo, converted):
        results[i] = result
        report.converted += 1
        if cache_file is not None and not isinstance(result, SeedError):
            _write_cache(cache_file, result, report)

    seen: dict[str, str] = {}
    for i in sorted(results):
        result = results[i]
        if isinstance(result, SeedError):
            report.errors.append(result)
            continue
        for data in result:
            article = data if isinstance(data, Article) else Article.from_json(data)
            same = content_fingerprint(article)
            if same in seen:
                report.duplicates.append(
                    f"{article.source_file}: article “{article.title}” repeats one in "
                    f"{seen[same]}; published once")
                continue
            seen[same] = article.source_file
            report.articles.append(article)
    return report


#: A made-up page with every kind of damage, so that converting it loads every
#: lazily built table (dictionaries, IDF, the mojibake model, pinyin syllables).
_WARM_UP_PAGE = ("人工智能产业(chǎn)发展观察\n本报记者 张三\n"
                 "北京市政协委员表示?!缎袆?，将推动人工智能与实体经济融合，"
                 "今年投入3000亿元资金支持消费品以旧换新。\n京ICP备12345678号\n")


def preload(options: ConvertOptions) -> None:
    """Load every table in this process before workers fork from it."""
    try:
        convert_bytes(_WARM_UP_PAGE.encode("utf-8"), "warm-up.txt", options)
    except SeedError:
        pass


def _with_progress(outputs, total, todo, progress, start=0):
    for n, (item, output) in enumerate(zip(todo, outputs), start + 1):
        if progress:
            progress(n, total, item[1].name)
        yield output


def sync_seeds(seeds_dir: Path, pages_dir: Path, *, options: ConvertOptions | None = None,
               cache_dir: Path | None = None, force: bool = False, jobs: int | None = None,
               lang: str = "zh-hans", progress: Progress | None = None) -> SyncReport:
    """Convert every seed in ``seeds_dir`` and bring ``pages_dir`` in line with the result."""
    options = options or ConvertOptions()
    report = convert_seeds(find_seeds(seeds_dir), options, cache_dir, jobs, progress)
    report.permalinks = settle(report.articles, pages_dir.parent, seeds_dir)  # slugs, ids, dates
    pages = {a.slug: render_page(a, lang) for a in report.articles}
    report.store = store_pages(pages, pages_dir, force=force)
    return report
