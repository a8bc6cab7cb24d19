"""Bilingual Chinese news digest: the pure text-processing core.

Nothing in this package imports Pelican; ``plugins/`` wraps it. The stages run
in the order written in :mod:`digest.pipeline`, one subpackage per phase:

    ingest/   bytes -> text          (decode, HTML extraction)
    clean/    noisy text -> clean    (mojibake, pinyin, simplify, junk, reflow, dedupe)
    split/    page -> articles       (boundaries, titles, bylines, dates)
    analyze/  article -> facts       (summary, key figures, keywords, topic)
    publish/  article -> Markdown    (slugs, front matter, safe writes)
    english/  English edition        (catalog, pinyin names, units, glossary)
"""

__version__ = "0.1.0"
