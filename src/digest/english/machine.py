"""Optional machine-translation hook that pre-fills the catalog for human review.

No translation model ships with the project, but a site may have one (a local
model, a paid API). ``make translations MACHINE=package.module:function``
names a callable ``(text, source_lang, target_lang) -> str``; its output fills
only EMPTY entries and is marked ``fuzzy``, so nothing machine-made reaches a
page until an editor has read it and removed the flag.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Callable

from digest.english.catalog import read_po, write_po

Translator = Callable[[str, str, str], str]


class TranslatorError(ValueError):
    """The translator spec names nothing callable, or the translator failed."""


def load_translator(spec: str | None) -> Translator | None:
    """``'package.module:function'`` -> that function; None or ``''`` -> no hook.

    Raises :class:`TranslatorError` with the spec in the message when the
    module cannot be imported or the attribute is missing or not callable.
    """
    if not spec:
        return None
    module_name, sep, attribute = spec.partition(":")
    if not sep or not module_name or not attribute:
        raise TranslatorError(f"translator {spec!r}: expected 'package.module:function'")
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise TranslatorError(f"translator {spec!r}: cannot import {module_name!r} ({exc})") from exc
    target = module
    for part in attribute.split("."):
        target = getattr(target, part, None)
        if target is None:
            raise TranslatorError(f"translator {spec!r}: {module_name!r} has no {attribute!r}")
    if not callable(target):
        raise TranslatorError(f"translator {spec!r}: {attribute!r} is not callable")
    return target


def prefill(catalog_path: str | Path, translator: Translator | None,
            source_lang: str = "zh", target_lang: str = "en") -> int:
    """Fill empty entries with the translator's output, flagged ``fuzzy``; returns how many.

    Entries already translated (fuzzy or not) and obsolete ones are left
    alone; an empty answer leaves the entry empty. If the translator raises,
    what was filled before is still saved and the error names the text.
    """
    if translator is None:
        return 0
    po = read_po(catalog_path)
    filled = 0
    try:
        for entry in po:
            if not entry.msgid or entry.obsolete or entry.msgstr.strip():
                continue
            try:
                english = translator(entry.msgid, source_lang, target_lang)
            except Exception as exc:
                raise TranslatorError(f"translator failed on {entry.msgid!r}: {exc}") from exc
            english = " ".join(str(english or "").split())
            if english:
                entry.msgstr = english
                if "fuzzy" not in entry.flags:
                    entry.flags.append("fuzzy")
                filled += 1
    finally:
        if filled:
            write_po(po, catalog_path)
    return filled
