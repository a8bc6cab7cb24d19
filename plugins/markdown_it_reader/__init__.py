"""A Pelican reader for Markdown files, built on markdown-it-py.

Reads ``.md`` files with YAML front matter (the format our converter writes and
editors use for hand-written pages) and renders the body as CommonMark with raw
HTML disabled: markup in a page's text is shown, never run.

A page that cannot be read (a YAML error, a tab indent, ``date: 2025-13-45``,
a list as front matter, a page re-saved in GBK) is logged as one error naming
the file, the line and the reason (Pelican itself only says "Could not process")
and left out of the site; with ``DIGEST_STRICT`` the build then fails.

Settings:
    MARKDOWN_IT_EXTENSIONS   file extensions to read (default ``["md", "markdown"]``)
    MARKDOWN_IT_PLUGINS      markdown-it rules to enable on top of CommonMark (default ``["table"]``)
    DIGEST_STRICT            a page that cannot be read fails the build
"""

from __future__ import annotations

import logging
import re

import yaml
from markdown_it import MarkdownIt
from markupsafe import escape
from pelican import signals
from pelican.readers import BaseReader

from digest.publish.page import escape_markdown, split_page
from digest.model import StopBuild
from digest.site.settings import setting

log = logging.getLogger(__name__)


class FrontMatterError(ValueError):
    """A page whose front matter cannot be read; ``str()`` is ``path:line: reason``."""

    def __init__(self, path: str, line: int | None, reason: str):
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {reason}")


class PagesNotRead(StopBuild):
    """Raised in strict mode when any page could not be read."""


#: Pages that could not be read in this process, for the strict check.
_failed: list[str] = []


def _line_of_key(text: str, key: str) -> int | None:
    """Line number (1-based, in the file) of ``key:`` in the front matter."""
    match = re.search(rf"^{re.escape(key)}\s*:", text, re.MULTILINE | re.IGNORECASE)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _first_bad_line(text: str) -> int | None:
    """The front-matter line whose value YAML cannot build (``date: 2025-13-45``
    parses as a timestamp, then fails as a date, with no position)."""
    for number, line in enumerate(text.split("\n")[1:], 2):
        if line.strip() == "---":
            return None
        try:
            yaml.safe_load(line)
        except (yaml.YAMLError, ValueError):
            return number
    return None


def _read_text(source_path) -> str:
    with open(source_path, "rb") as fh:
        data = fh.read()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise FrontMatterError(source_path, line, "is not UTF-8 (saved in another encoding?); "
                                                  "re-save it as UTF-8") from None


def _split(source_path, text: str) -> tuple[dict, str]:
    try:
        return split_page(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 2 if mark else None  # the front matter starts on line 2
        reason = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        raise FrontMatterError(source_path, line, f"front matter: {reason}") from None
    except (yaml.YAMLError, ValueError) as exc:
        raise FrontMatterError(source_path, _first_bad_line(text) or 2,
                               f"front matter: {exc}") from None


#: Front-matter keys whose values Pelican must parse (dates, authors, categories…).
_PELICAN_KEYS = {"title", "date", "modified", "slug", "lang", "category", "tags",
                 "author", "authors", "summary", "status", "template", "save_as", "url",
                 "translation"}


class MarkdownItReader(BaseReader):
    """Markdown with YAML front matter, rendered by markdown-it-py (HTML off)."""

    enabled = True
    file_extensions = ["md", "markdown"]

    def __init__(self, settings):
        super().__init__(settings)
        self.file_extensions = settings.get("MARKDOWN_IT_EXTENSIONS", self.file_extensions)
        self._md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
        self._md.enable(settings.get("MARKDOWN_IT_PLUGINS", ["table"]))

    def read(self, source_path):
        try:
            return self._read(source_path)
        except FrontMatterError as exc:
            log.error("markdown_it_reader: %s; the page is left out of the site", exc)
            _failed.append(str(exc))
            raise

    def _read(self, source_path):
        text = _read_text(source_path)
        raw_meta, body = _split(source_path, text)
        metadata = {}
        for key, value in raw_meta.items():
            key = key.lower()
            if key == "topic" and "category" not in raw_meta:
                metadata["category"] = self.process_metadata("category", str(value))
            if key in ("authors", "tags") and isinstance(value, list):
                value = ", ".join(str(v) for v in value)
            if key in _PELICAN_KEYS:
                if key == "summary" and isinstance(value, list):
                    # Our summary box is a list of sentences; Pelican wants one HTML string.
                    metadata["summary_sentences"] = value
                    value = self._md.render(escape_markdown("".join(value))).strip()
                elif value in (None, ""):
                    continue
                else:
                    try:
                        value = self.process_metadata(key, str(value))
                    except (ValueError, TypeError, OverflowError) as exc:
                        raise FrontMatterError(source_path, _line_of_key(text, key),
                                               f"front matter: {key}: {exc}") from None
            metadata[key] = value
        if "title" in metadata:
            # Pelican treats titles as HTML (feeds strip their tags); ours are text.
            metadata["title"] = escape(str(metadata["title"]))
        return self._md.render(body), metadata


def add_reader(readers):
    for ext in readers.settings.get("MARKDOWN_IT_EXTENSIONS", MarkdownItReader.file_extensions):
        readers.reader_classes[ext] = MarkdownItReader


def silence_disabled_markdown(generator):
    """Pelican keeps its own (disabled, python-markdown) reader for ``.md`` in a
    side table and warns about every page it "cannot" read; ours reads them."""
    for ext in list(generator.readers.disabled_readers):
        if ext in generator.readers.readers:
            del generator.readers.disabled_readers[ext]


def forget_failures(pelican) -> None:
    _failed.clear()


def fail_if_strict(generators) -> None:
    """In strict mode a page left out fails the build (after every page was tried,
    so all of them are named)."""
    if _failed and generators and setting(generators[0].settings, "DIGEST_STRICT"):
        failed = list(_failed)
        _failed.clear()
        raise PagesNotRead(f"{len(failed)} page(s) could not be read (strict mode): "
                           + " | ".join(failed))


def register():
    signals.readers_init.connect(add_reader)
    signals.generator_init.connect(silence_disabled_markdown)
    signals.initialized.connect(forget_failures)
    signals.all_generators_finalized.connect(fail_if_strict)
