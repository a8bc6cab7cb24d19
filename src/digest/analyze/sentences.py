"""The sentence splitter, for the analysis stages; it lives in :mod:`digest.sentences`
so that the cleaning and splitting stages can use it too."""

from digest.sentences import paragraph_sentences, split_sentences

__all__ = ["paragraph_sentences", "split_sentences"]
