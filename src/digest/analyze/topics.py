"""Topic tagging: weighted keyword lexicons, scored per 1000 characters.

Score of a topic for an article::

    hits    = Σ weight(term) × (body occurrences + TITLE_WEIGHT × title occurrences)
    density = hits × 1000 / max(characters, MIN_CHARS)        # hits per 1000 chars
    score   = ln(1 + density)

* Dividing by length keeps a long article from winning on volume alone; the
  floor MIN_CHARS keeps a three-line brief from scoring high on one mention.
* The log damps the scale: 1 hit per 1000 chars scores 0.7, 6.4 score 2.0
  (DEFAULT_THRESHOLD), 50 (an article that keeps naming its subject) about 3.9.
* Terms are matched longest first and without overlap, so ``消费补贴`` counts as
  itself, not again as ``补贴``; Latin terms (``AI``) match case-insensitively
  and only as whole words (not inside ``MAIL``).

* Light terms only support: a topic scores zero unless one *anchor* term
  (weight ≥ ANCHOR_WEIGHT) occurs.  Seven mentions of 补贴 in a report on
  grain-farmer subsidies do not make it a consumer-subsidy story; one 以旧换新
  or 消费券 does.

The best topic at or above the threshold wins, else ``other``.

Borderline rule, written into the weights: the industry an article is about
beats the technology it uses.  Terms that name one industry (缝纫机, 缝制设备,
以旧换新) weigh 3-4; general technology terms (AI, 算法, 机器人) weigh 1-2.  So
a report on AI quality control in a garment factory, which names its sewing
machines as often as its AI, is ``sewing-machinery``; it becomes ``ai-policy``
only when AI vocabulary clearly dominates.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

from digest.model import ArticleDraft

TITLE_WEIGHT = 3
MIN_CHARS = 500
#: A topic scores only if one of its terms of at least this weight occurs
#: (or its heaviest term, for a lexicon of light terms only).
ANCHOR_WEIGHT = 2.0
#: ln(1 + 6.4): about six weighted hits per 1000 characters, e.g. two specific
#: terms (weight 3) in a 1000-character article.
DEFAULT_THRESHOLD = 2.0
OTHER = "other"

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Topic:
    """A tag an article can carry: ``lexicon`` maps terms to positive weights."""

    slug: str
    name_zh: str
    name_en: str
    lexicon: dict[str, float] = field(default_factory=dict, hash=False, compare=True)


AI_POLICY = {
    "人工智能": 3, "人工智能+": 3, "通用人工智能": 3, "AI": 2, "AIGC": 2.5, "AGI": 2,
    "大模型": 3, "大语言模型": 3, "生成式": 2, "多模态": 2, "智能体": 2.5, "具身智能": 3,
    "人形机器人": 2, "机器人": 1, "算力": 2.5, "智算": 2.5, "算法": 1.5, "芯片": 1,
    "数据要素": 2, "数据中心": 1, "数据集": 1.5, "语料": 2, "机器学习": 2, "深度学习": 2,
    "神经网络": 2, "自动驾驶": 1.5, "DeepSeek": 2, "ChatGPT": 2, "开源模型": 2,
    "创新高地": 1, "科技创新": 1, "数字经济": 1, "智慧城市": 1, "新质生产力": 0.5,
}
SEWING_MACHINERY = {
    "缝制机械": 4, "缝制设备": 4, "缝纫机": 4, "缝纫设备": 4, "服装机械": 4, "缝制": 3,
    "缝纫": 2.5, "针车": 3, "绣花机": 4, "刺绣机": 3, "裁床": 3, "包缝机": 4, "平缝机": 4,
    "绷缝机": 4, "套结机": 3, "锁眼机": 3, "钉扣机": 3, "铺布机": 3, "模板机": 3,
    "CISMA": 3, "制衣": 2, "制衣厂": 2.5, "服装厂": 2, "成衣": 1.5, "鞋服": 1.5,
    "服装": 1, "纺织": 1, "箱包": 1, "家纺": 1, "鞋帽": 1,
}
CONSUMER_SUBSIDIES = {
    "以旧换新": 4, "国补": 4, "国家补贴": 4, "消费补贴": 4, "购新补贴": 4, "购车补贴": 3,
    "消费券": 3.5, "促消费": 3, "提振消费": 3, "超长期特别国债": 3, "特别国债": 2,
    "报废更新": 2.5, "置换更新": 2.5, "换新": 2, "立减": 2, "补贴": 1, "优惠券": 2,
    "扩大内需": 2, "社会消费品零售总额": 3, "零售额": 1.5, "消费品": 1.5, "消费市场": 1.5,
    "家电": 1.5, "家装": 1.5, "数码产品": 1, "消费者": 1, "消费": 0.5,
}

DEFAULT_TOPICS: list[Topic] = [
    Topic("ai-policy", "人工智能政策", "AI policy", AI_POLICY),
    Topic("sewing-machinery", "缝制机械", "Sewing machinery", SEWING_MACHINERY),
    Topic("consumer-subsidies", "消费补贴", "Consumer subsidies", CONSUMER_SUBSIDIES),
    Topic(OTHER, "其他", "Other", {}),
]


@lru_cache(maxsize=64)
def _matcher(terms: tuple[str, ...]) -> re.Pattern:
    """One alternation over a lexicon, longest term first, Latin terms as whole words.

    A lookahead for the terms' first characters lets the scan skip the many
    positions where no term can start without trying every alternative there.
    """
    parts = []
    for term in sorted(terms, key=len, reverse=True):
        part = re.escape(term)
        if term[0].isascii() and term[0].isalnum():
            part = r"(?<![A-Za-z])" + part
        if term[-1].isascii() and term[-1].isalnum():
            part += r"(?![A-Za-z])"
        parts.append(part)
    first_chars = re.escape("".join(sorted({term[0] for term in terms})))
    return re.compile(f"(?=[{first_chars}])(?:{'|'.join(parts)})", re.IGNORECASE)


@lru_cache(maxsize=64)
def _lexicon_weights(lexicon: tuple[tuple[str, float], ...]) -> dict[str, float]:
    """{lower-cased term: weight}, to look up a match found case-insensitively."""
    return {term.lower(): w for term, w in lexicon}


def _weighted_hits(text: str, lexicon: dict[str, float]) -> tuple[float, float]:
    """(sum of weights of all term occurrences, largest weight that occurred)."""
    if not lexicon or not text:
        return 0.0, 0.0
    weights = _lexicon_weights(tuple(lexicon.items()))
    found = [weights[term.lower()] for term in _matcher(tuple(lexicon)).findall(text)]
    return sum(found), max(found, default=0.0)


def topic_score(draft: ArticleDraft, topic: Topic) -> float:
    """ln(1 + weighted hits per 1000 characters); title hits count TITLE_WEIGHT times.

    Zero unless an anchor term occurs (see the module docstring).
    """
    body = draft.body_text
    body_hits, body_top = _weighted_hits(body, topic.lexicon)
    title_hits, title_top = _weighted_hits(draft.title, topic.lexicon)
    anchor = min(ANCHOR_WEIGHT, max(topic.lexicon.values(), default=0.0))
    if max(body_top, title_top) < anchor or not anchor:
        return 0.0
    density = (body_hits + TITLE_WEIGHT * title_hits) * 1000 / max(len(body) + len(draft.title), MIN_CHARS)
    return math.log1p(density)


def classify(draft: ArticleDraft, topics: list[Topic] | None = None,
             threshold: float = DEFAULT_THRESHOLD) -> tuple[str, float]:
    """(slug, score) of the best-scoring topic, or ``("other", best score)`` below the threshold.

    Ties go to the topic listed first.  The score is returned even for
    ``other`` so an editor can see how near the article came to a tag.
    """
    best, best_score = OTHER, 0.0
    for topic in DEFAULT_TOPICS if topics is None else topics:
        if topic.lexicon:
            score = topic_score(draft, topic)
            if score > best_score:
                best, best_score = topic.slug, score
    return (best, best_score) if best_score >= threshold else (OTHER, best_score)


def _weights(where: str, keywords) -> dict[str, float]:
    """A keywords setting as {term: weight}; a plain list gives every term weight 1."""
    if isinstance(keywords, (list, tuple)):
        keywords = {term: 1.0 for term in keywords}
    if not isinstance(keywords, dict):
        raise ValueError(f"{where}: 'keywords' must be a dict of {{term: weight}} or a list of terms")
    lexicon: dict[str, float] = {}
    for term, weight in keywords.items():
        if not isinstance(term, str) or not term.strip():
            raise ValueError(f"{where}: keyword {term!r} must be a non-empty string")
        if isinstance(weight, bool) or not isinstance(weight, (int, float)) or not weight > 0:
            raise ValueError(f"{where}: keyword {term!r} has weight {weight!r}; weights must be positive numbers")
        lexicon[term.strip()] = float(weight)
    return lexicon


def topics_from_settings(raw: list[dict]) -> list[Topic]:
    """Build topics from settings (pelicanconf ``DIGEST_TOPICS``), checking them.

    Each entry: ``{"slug": "ai-policy", "name_zh": "人工智能政策", "name_en":
    "AI policy", "keywords": {"人工智能": 3, "算力": 2.5}}``.  Raises ValueError
    naming the entry for a missing or unknown field, a bad slug, a duplicate
    slug, an empty or non-positive keyword.  ``other`` (no keywords) is
    appended when absent.
    """
    if not isinstance(raw, (list, tuple)):
        raise ValueError(f"topics must be a list of dicts, not {type(raw).__name__}")
    required = ("slug", "name_zh", "name_en")
    topics: list[Topic] = []
    seen: set[str] = set()
    for i, entry in enumerate(raw):
        where = f"topic #{i + 1}"
        if not isinstance(entry, dict):
            raise ValueError(f"{where}: must be a dict, not {type(entry).__name__}")
        unknown = sorted(set(entry) - {*required, "keywords"})
        if unknown:
            raise ValueError(f"{where}: unknown field(s) {', '.join(map(repr, unknown))}")
        missing = [k for k in required if not isinstance(entry.get(k), str) or not entry[k].strip()]
        if missing:
            raise ValueError(f"{where}: missing or empty field(s) {', '.join(map(repr, missing))}")
        slug = entry["slug"].strip()
        where = f"topic #{i + 1} ({slug!r})"
        if not _SLUG.match(slug):
            raise ValueError(f"{where}: slug must be lowercase letters, digits and single hyphens")
        if slug in seen:
            raise ValueError(f"{where}: duplicate slug")
        seen.add(slug)
        if slug == OTHER:
            if entry.get("keywords"):
                raise ValueError(f"{where}: 'other' is the fallback and takes no keywords")
            lexicon = {}
        else:
            if "keywords" not in entry:
                raise ValueError(f"{where}: missing field 'keywords'")
            lexicon = _weights(where, entry["keywords"])
            if not lexicon:
                raise ValueError(f"{where}: needs at least one keyword")
        topics.append(Topic(slug, entry["name_zh"].strip(), entry["name_en"].strip(), lexicon))
    if OTHER not in seen:
        topics.append(DEFAULT_TOPICS[-1])
    return topics
