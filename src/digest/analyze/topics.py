"""STUB."""
from dataclasses import dataclass, field

from digest.model import ArticleDraft


@dataclass(frozen=True)
class Topic:
    slug: str
    name_zh: str
    name_en: str
    lexicon: dict = field(default_factory=dict, hash=False)


DEFAULT_TOPICS = [
    Topic("ai-policy", "人工智能政策", "AI policy", {"人工智能": 3.0}),
    Topic("sewing-machinery", "缝制机械", "Sewing machinery", {"缝制机械": 3.0}),
    Topic("consumer-subsidies", "消费补贴", "Consumer subsidies", {"以旧换新": 3.0, "补贴": 2.0}),
    Topic("other", "其他", "Other", {}),
]


def classify(draft: ArticleDraft, topics, threshold: float) -> tuple[str, float]:
    text = draft.title + draft.body_text
    best, score = "other", 0.0
    for t in topics:
        s = sum(w * text.count(k) for k, w in t.lexicon.items())
        if s > score:
            best, score = t.slug, s
    return (best, score) if score >= threshold else ("other", score)


def topics_from_settings(raw):
    return [Topic(t["slug"], t["name_zh"], t["name_en"], dict(t.get("keywords", {}))) for t in raw]
