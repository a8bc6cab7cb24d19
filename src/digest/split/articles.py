"""STUB."""
from digest.model import ArticleDraft, Block


def split_articles(paragraphs: list[str]) -> list[ArticleDraft]:
    if not paragraphs:
        return []
    return [ArticleDraft(title=paragraphs[0], blocks=[Block(p) for p in paragraphs[1:]])]
