"""Update the English translation catalog from the generated article pages (`make translations`).

Reads the front matter of every ``<content>/articles/*.md`` page, adds an
entry to the PO catalog for each title and summary sentence not yet in it,
marks entries no longer used as obsolete, optionally pre-fills empty entries
with a machine translator (flagged fuzzy, for review), and prints the coverage:

    titles 3/4 translated, summary sentences 7/10 translated; 3 entries added

Exit status: 0 on success, 1 if the catalog is malformed or the translator fails.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

try:
    import digest  # noqa: F401
except ImportError:  # run from a checkout without the package installed
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import yaml

from digest.english.catalog import update_catalog
from digest.english.machine import TranslatorError, load_translator, prefill
from digest.files import WriteError
from digest.publish.page import split_page


def read_articles(articles_dir: Path) -> tuple[list[dict], list[str]]:
    """Front matter of the Chinese pages as update_catalog wants it, and problems met."""
    articles, problems = [], []
    for page in sorted(articles_dir.glob("*.md")):
        try:
            meta, _ = split_page(page.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError) as exc:
            problems.append(f"{page}: skipped ({exc})")
            continue
        if not meta.get("title") or str(meta.get("lang", "")).lower().startswith("en"):
            continue
        summary = meta.get("summary") or []
        articles.append({
            "slug": str(meta.get("slug") or page.stem),
            "title": str(meta["title"]),
            "summary": [str(s) for s in summary] if isinstance(summary, list) else [str(summary)],
            "source_file": str(meta.get("source_file", "")),
        })
    return articles, problems


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="translations",
        description="Add every article title and summary sentence to the English PO catalog "
                    "(existing translations are kept; unused ones become obsolete) and report coverage.",
    )
    parser.add_argument("--content", type=Path, default=Path("content"),
                        help="content directory holding articles/*.md (default: %(default)s)")
    parser.add_argument("--catalog", type=Path, default=None,
                        help="PO catalog to update (default: <content>/translations/en.po)")
    parser.add_argument("--machine", metavar="MODULE:FUNCTION", default=None,
                        help="pre-fill empty entries with this translator, a callable "
                             "(text, source_lang, target_lang) -> str; its output is marked fuzzy")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    catalog = args.catalog or args.content / "translations" / "en.po"
    articles, problems = read_articles(args.content / "articles")
    for problem in problems:
        print(problem, file=sys.stderr)
    if args.machine and "" not in sys.path and os.getcwd() not in sys.path:
        sys.path.insert(0, os.getcwd())  # a translator module in the project folder
    try:
        translator = load_translator(args.machine)
        report = update_catalog(catalog, articles)
        filled = prefill(catalog, translator)
    except (ValueError, TranslatorError, WriteError) as exc:
        print(f"translations: {exc}", file=sys.stderr)
        return 1
    print(f"{catalog}: {report.format()}")
    if translator is not None:
        print(f"{filled} entries pre-filled by {args.machine} (fuzzy: review them, then remove the flag)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
