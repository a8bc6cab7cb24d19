"""STUB."""
import re

from digest.model import ArticleDraft


def summarize(draft: ArticleDraft, max_chars: int = 150) -> list[str]:
    body = draft.body_text
    sentences = re.findall(r"[^。！？\n]+[。！？]", body)
    return sentences[:2]
