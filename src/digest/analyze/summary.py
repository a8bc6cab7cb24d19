"""Extractive summary: the two or three most central whole sentences of an article.

Centrality is sentence TextRank: a personalised PageRank over a graph whose
edges are the IDF-weighted word overlap (cosine) of two sentences.  The random
jump goes preferentially to the lead and to sentences that echo the title,
because a news article states its point first.  Sentences come back in article
order, each exactly as it stands in a body paragraph.

Never chosen: headings, fragments (no final punctuation, under MIN_CJK Chinese
characters), credit lines, enumeration items (``二是……``), exact repeats.
Demoted: rhetorical questions and sentences that open on a pronoun or
connective.  A dateline glued to the lead (``本报讯（记者 王薛滔）``) is cut off.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from operator import sub

from digest.analyze.sentences import paragraph_sentences
from digest.analyze.words import content_words, idf
from digest.lexicon import cjk_count
from digest.model import ArticleDraft

MAX_SENTENCES = 3
#: A summary sentence needs this many Chinese characters: shorter ones are
#: labels, captions or asides, not statements.
MIN_CJK = 12
#: Share of rank that flows along similarity edges; the rest jumps by the lead
#: prior.  Lower than PageRank's 0.85 because in news the lead matters more
#: than in the generic texts TextRank was tuned on.
DAMPING = 0.7
#: Two sentences this similar say the same thing; keep only the better one.
REDUNDANT = 0.5
#: Only the first sentences compete (the graph is quadratic); news states its point early.
MAX_CANDIDATES = 100
#: Rhetorical questions (``……如何点燃消费新热情？``) announce rather than state.
QUESTION_PENALTY = 0.5
#: A sentence opening on a pronoun or connective (``他强调``, ``而同月``, ``这背后``)
#: leans on the sentence before it, which the summary may not show.
ANAPHORA_PENALTY = 0.75

#: Ends with sentence-final punctuation, optionally inside closing quotes/brackets.
_FINISHED = re.compile(r"[。！？!?…][”’」』》）)】]*$")
#: A dateline or byline lead glued to the first sentence: ``本报讯(记者 王薛滔)``,
#: ``新华社北京9月25日电（记者 张三）``, ``（通讯员 李四）``.
_DATELINE = re.compile(
    r"^(?:本报讯|[\u4e00-\u9fff]{1,8}?\d{1,2}月\d{1,2}日电)?\s*"
    r"(?:[（(【]\s*(?:记者|通讯员|见习记者|特约记者|本报记者)[^）)】]{0,30}[）)】])?\s*"
)
#: A sentence that is a credit line rather than content.  The lookahead lists
#: the characters a match can start with, so the search skips other positions fast.
_BYLINE = re.compile(
    r"(?=[本记通作编责来文图摄（(\s])"
    r"(?:^(?:本报记者|记者|通讯员|作者|编辑|责编|责任编辑|来源|文/|图/|摄影?)[\s:：/]"
    r"|(?:^|[（(\s])(?:作者|记者|编辑|来源)[:：]?\s*[\u4e00-\u9fff]{2,4}\s*(?:报道|摄|整理)?[）)]?[。]?$)"
)

#: One item of an enumeration (``二是坚持结构调整……``, ``（三）……``, ``其次，……``):
#: meaningless without the other items.
_LIST_ITEM = re.compile(
    r"(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，、,]|其[一二三四五][，、,]|首先|其次|再次|"
    r"[（(]?[一二三四五六七八九十\d]{1,2}[）)、．.](?!\d))"
)
#: A sentence that opens an enumeration (``……转型升级：一是……``), for the same reason.
_LIST_OPENER = re.compile(r"[：:]\s*(?:一是|第一|首先|[（(]?[一1][）)、])")
_ANAPHORIC = re.compile(
    r"^(?:[他她它这该此其][们些]?|而|但|但是|然而|因此|所以|因而|同时|此外|另外|另一方面|与此同时|"
    r"对此|为此|不过|并且|而且|此前|随后|在这一|在此)"
)


@dataclass
class _Candidate:
    text: str
    paragraph: int  # index among body paragraphs: the lead prior
    order: int  # position in the article


def _strip_dateline(sentence: str) -> str:
    """Drop a dateline/byline lead so the summary starts with the news.

    ``本报讯(记者 王薛滔)9月25日，上海……`` → ``9月25日，上海……``; the result
    is still a substring of the paragraph.
    """
    m = _DATELINE.match(sentence)
    return sentence[m.end():] if m and m.end() else sentence


def _is_statement(sentence: str, min_cjk: int) -> bool:
    """A whole sentence that says something: final punctuation, enough Chinese, no byline, not a list item."""
    return (
        _FINISHED.search(sentence) is not None
        and cjk_count(sentence) >= min_cjk
        and _BYLINE.search(sentence) is None
        and _LIST_ITEM.match(sentence) is None
        and _LIST_OPENER.search(sentence) is None
    )


def _candidates(draft: ArticleDraft, min_cjk: int) -> list[_Candidate]:
    """The first MAX_CANDIDATES body sentences eligible for the summary, without repeats or headings."""
    seen: set[str] = set()
    out: list[_Candidate] = []
    paragraphs = [b.text for b in draft.blocks if not b.heading]
    for p, para in enumerate(paragraphs):
        for sentence in paragraph_sentences(para):
            sentence = _strip_dateline(sentence)
            if sentence not in seen and _is_statement(sentence, min_cjk):
                seen.add(sentence)
                out.append(_Candidate(sentence, p, len(out)))
                if len(out) == MAX_CANDIDATES:
                    return out
    return out


def _vector(text: str) -> dict[str, float]:
    """IDF-weighted bag of content words, L2-normalised."""
    vec: dict[str, float] = {}
    for w in content_words(text):
        vec[w] = vec.get(w, 0.0) + idf(w)
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {w: v / norm for w, v in vec.items()}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Dot product of two normalised vectors, summed over the shorter one's words."""
    if len(a) > len(b):
        a, b = b, a
    total = 0.0
    for w, v in a.items():
        if w in b:
            total += v * b[w]
    return total


def _similarity_edges(vectors: list[dict[str, float]]) -> list[list[tuple[int, float]]]:
    """Each sentence's neighbours ``(index, cosine)`` in ascending index order.

    Sentences that share no content word (half the pairs in practice) have no
    edge; ``isdisjoint`` rules them out before the dot product is computed.
    """
    edges: list[list[tuple[int, float]]] = [[] for _ in vectors]
    for i, a in enumerate(vectors):
        words = a.keys()
        for j in range(i + 1, len(vectors)):
            b = vectors[j]
            if not words.isdisjoint(b):
                sim = _cosine(a, b)
                edges[i].append((j, sim))
                edges[j].append((i, sim))
    return edges


def _pagerank(edges: list[list[tuple[int, float]]], prior: list[float],
              iterations: int = 50, tol: float = 1e-6) -> list[float]:
    """Personalised PageRank by power iteration; a sentence with no edge jumps by the prior.

    The tolerance only has to keep the order of the scores, not their digits.
    """
    links = []  # (source, [(target, transition probability)])
    for i, row in enumerate(edges):
        total = sum(w for _, w in row)
        if total:
            links.append((i, [(j, w / total) for j, w in row]))
    linked = {i for i, _ in links}
    dangling_nodes = [i for i in range(len(prior)) if i not in linked]
    rank = prior[:]
    for _ in range(iterations):
        jump = 1 - DAMPING + DAMPING * sum(rank[i] for i in dangling_nodes)
        new = [jump * p for p in prior]
        for i, row in links:
            share = DAMPING * rank[i]
            for j, p in row:
                new[j] += share * p
        delta = sum(map(abs, map(sub, new, rank)))
        rank = new
        if delta < tol:
            break
    return rank


def _lead_prior(cands: list[_Candidate], vectors: list[dict[str, float]],
                title: dict[str, float]) -> list[float]:
    """Jump probabilities: 2/(2+paragraph index), raised by similarity to the title."""
    raw = [2.0 / (2 + c.paragraph) * (1.0 + _cosine(v, title)) for c, v in zip(cands, vectors)]
    total = sum(raw)
    return [r / total for r in raw]


def rank_sentences(draft: ArticleDraft, min_cjk: int = MIN_CJK) -> list[tuple[str, float, int]]:
    """(sentence, centrality, article position) for each candidate, most central first."""
    cands = _candidates(draft, min_cjk)
    if not cands:
        return []
    vectors = [_vector(c.text) for c in cands]
    edges = _similarity_edges(vectors)
    scores = _pagerank(edges, _lead_prior(cands, vectors, _vector(draft.title)))
    ranked = []
    for c, s in zip(cands, scores):
        if c.text.rstrip("”’」』》）)】").endswith(("？", "?")):
            s *= QUESTION_PENALTY
        if _ANAPHORIC.match(c.text):
            s *= ANAPHORA_PENALTY
        ranked.append((c.text, s, c.order))
    ranked.sort(key=lambda r: -r[1])
    return ranked


def summarize(draft: ArticleDraft, max_chars: int = 150) -> list[str]:
    """Pick up to three central sentences totalling at most ``max_chars`` characters.

    Sentences are taken in rank order while they fit and do not repeat one
    already taken; only the better half of the ranking (at least five) may
    fill the budget.  If none of those fits, the best is returned alone: a
    whole long sentence beats a cut one.  If the article has no sentence of
    ``MIN_CJK`` characters, shorter finished sentences are allowed; an article
    with no finished sentence at all gets an empty summary rather than a fragment.
    """
    ranked = rank_sentences(draft) or rank_sentences(draft, min_cjk=4)
    if not ranked:
        return []
    pool = ranked[: max(5, len(ranked) // 2)]
    chosen: list[tuple[str, float, int]] = []
    chosen_vectors: list[dict[str, float]] = []
    used = 0
    for text, score, order in pool:
        if len(chosen) == MAX_SENTENCES:
            break
        if used + len(text) > max_chars:
            continue
        vec = _vector(text)
        if any(_cosine(vec, v) >= REDUNDANT for v in chosen_vectors):
            continue
        chosen.append((text, score, order))
        chosen_vectors.append(vec)
        used += len(text)
    if not chosen:
        chosen = [ranked[0]]
    return [text for text, _, _ in sorted(chosen, key=lambda r: r[2])]
