"""STUB."""
from digest.model import ArticleDraft, KeyFigure


def key_figures(draft: ArticleDraft) -> list[KeyFigure]:
    return []
