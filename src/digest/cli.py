"""``digest``: the converter on the command line.

    digest convert FILE... [--json]      convert seeds and print the articles
    digest sync [--seeds DIR] [--out DIR] [--force] [--strict]
                                          write Markdown pages like the Pelican plugin does

Expected problems (a bad seed, a missing file) print one line naming the file
and never a traceback; ``--strict`` turns them into a non-zero exit.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
from pathlib import Path

from digest.files import WriteError
from digest.model import SeedError, StopBuild
from digest.pipeline import convert_file
from digest.publish.slug import make_slug
from digest.publish.sync import sync_seeds
from digest.site.settings import setting


def _convert(args) -> int:
    articles, failed = [], 0
    for name in args.files:
        try:
            articles.extend(convert_file(name))
        except SeedError as exc:
            failed += 1
            print(f"digest: skipped {exc}", file=sys.stderr)
    for a in articles:  # the URL before digest.publish.permalinks tells same-titled articles apart
        a.slug = make_slug(a.title)
    if args.json:
        json.dump([a.to_json() for a in articles], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for a in articles:
            print(f"{a.source_file}\t{a.date or '-'}\t{a.topic}\t{a.title}")
            for w in a.warnings:
                print(f"  warning: {w}", file=sys.stderr)
    if failed and (args.strict or not articles):
        return 1
    return 0


def _sync(args) -> int:
    def progress(done: int, total: int, name: str) -> None:
        if sys.stderr.isatty():
            print(f"\rconverting {done}/{total} {name[:40]:<40}", end="", file=sys.stderr)
            if done == total:
                print(file=sys.stderr)

    report = sync_seeds(Path(args.seeds), Path(args.out), force=args.force,
                        cache_dir=Path(args.cache) if args.cache else None, progress=progress)
    for message in report.notes + report.messages:
        print(f"digest: {message}", file=sys.stderr)
    print(f"{len(report.articles)} articles; {len(report.store.written)} pages written, "
          f"{len(report.store.unchanged)} unchanged, {len(report.store.removed)} removed")
    return 1 if report.errors and args.strict else 0


def main(argv: list[str] | None = None) -> int:
    if hasattr(signal, "SIGPIPE"):  # `digest convert … | head` ends quietly
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    parser = argparse.ArgumentParser(prog="digest", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    conv = sub.add_parser("convert", help="convert seed files and print the articles found")
    conv.add_argument("files", nargs="+", metavar="FILE")
    conv.add_argument("--json", action="store_true", help="print one JSON array of articles")
    conv.add_argument("--strict", action="store_true", help="exit 1 if any seed could not be converted")
    conv.set_defaults(func=_convert)
    syn = sub.add_parser("sync", help="convert seeds/ into Markdown pages (what `make html` does first)")
    syn.add_argument("--seeds", default=setting(None, "DIGEST_SEEDS_PATH"), help="the seeds folder (%(default)s)")
    syn.add_argument("--out", default=f"content/{setting(None, 'DIGEST_ARTICLES_DIR')}",
                     help="the pages folder (%(default)s); permalinks.jsonl and redirects.txt go in "
                          "the folder that holds it")
    syn.add_argument("--cache", default=setting(None, "DIGEST_CACHE_PATH"),
                     help="the conversion cache (%(default)s)")
    syn.add_argument("--force", action="store_true", help="regenerate pages an editor changed")
    syn.add_argument("--strict", action="store_true", help="exit 1 if any seed could not be converted")
    syn.set_defaults(func=_sync)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except (StopBuild, WriteError) as exc:  # a damaged permalink record, a full disk: its own line
        print(f"digest: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
