"""A Pelican reader for Markdown files, built on markdown-it-py.

Reads ``.md`` files with YAML front matter (the format our converter writes and
editors use for hand-written pages) and renders the body as CommonMark with raw
HTML disabled: markup in a page's text is shown, never run.

Settings:
    MARKDOWN_IT_EXTENSIONS   file extensions to read (default ``["md", "markdown"]``)
    MARKDOWN_IT_PLUGINS      markdown-it rules to enable on top of CommonMark (default ``["table"]``)
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markupsafe import escape
from pelican import signals
from pelican.readers import BaseReader

from digest.publish.page import escape_markdown, split_page

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
        with open(source_path, encoding="utf-8") as fh:
            text = fh.read()
        raw_meta, body = split_page(text)
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
                    value = self.process_metadata(key, str(value))
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


def register():
    signals.readers_init.connect(add_reader)
    signals.generator_init.connect(silence_disabled_markdown)
