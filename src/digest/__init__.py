"""Bilingual Chinese news digest: the pure text-processing core.

Nothing in this package imports Pelican; ``plugins/`` wraps it. The stages run
in the order written in :mod:`digest.pipeline`, one subpackage per phase:

    ingest/   bytes -> text          (decode, HTML extraction)
    clean/    noisy text -> clean    (mojibake, pinyin, simplify, junk, reflow, dedupe)
    split/    page -> articles       (boundaries, titles, bylines, dates)
    analyze/  article -> facts       (summary, key figures, keywords, topic)
    publish/  article -> Markdown    (slugs, front matter, safe writes)
    english/  English edition        (catalog, pinyin names, units, glossary)
    site/     what the plugins share (DIGEST_* settings and defaults, editions, signals)

The phases are numbered 1-5 in their package docstrings; :mod:`digest.pipeline`
lists the steps inside them. A module imports only from its own phase and the
ones before it, and from the shared base (model, lexicon); tests/test_layers.py
checks it.
"""

__version__ = "0.1.0"
