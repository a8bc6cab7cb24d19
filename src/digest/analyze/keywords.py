"""STUB."""
from digest.model import ArticleDraft


def keywords(draft: ArticleDraft, k: int = 8) -> list[str]:
    return []
