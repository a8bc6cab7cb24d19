"""Extractive summary: the article's news in one to three of its own sentences.

Method.  A news article states its point first (the inverted pyramid), so the
lead is the baseline to beat, and a summary beats it only by reading the lead
the way an editor does:

1. **Only statements compete.**  Never chosen: headings, fragments (no final
   punctuation, under MIN_CJK Chinese characters), credits and captions
   (``记者 王薛滔``, ``图/新华社``), enumeration items and the sentences that open
   them (``一是……``, ``……：一是``, ``原料：大米、红枣、黑芝麻。``), the writer's
   questions (they announce, they do not state; a question the story reports,
   ``有记者提问，……？``, is a fact and stays), and quotations that carry no
   figure (an opinion or a vox-pop, not the news).  A news lead glued to the
   first sentence (``本报讯（记者 王薛滔）``, ``新华社北京9月25日电``) is cut
   off; what remains is still a substring of the paragraph.
2. **Position prior, stepping over a scene-setting opening.**  A sentence's
   prior is ``1 / (1 + j / 2)`` for the j-th statement, so the lead wins unless a
   sentence close behind it says much more.  Feature stories open on a scene
   (a shopper, a quote, a question) and give the fact in paragraph two; a first
   paragraph with such a cue, no news figure and little of the headline is
   *scene-setting*: its sentences keep SCENE of their prior, and counting starts
   again at paragraph two.  Within the opening paragraph, a first statement
   that repeats nothing of the headline and quotes no figure
   (``9月25日，上海新国际博览中心群贤毕至。``) is stepped over the same way
   when the next one does.
3. **What the sentence says.**  The prior is multiplied by
   ``1 + headline + informativeness``: ``headline`` is the IDF-weighted share
   of the headline's content words the sentence repeats (the outlet's own
   choice of what matters; nothing when no headline was printed and the
   title was made from the lead, which would only vote for the lead); ``informativeness`` is 1/2 for a news figure (an
   amount, share or count: :func:`digest.analyze.figures.news_figures`) plus
   1/4 per named organisation, place, brand or policy title (jieba's
   dictionary tags nt/ns/nz/j, ``《…》``), at most 1.  A sentence that opens on a
   pronoun or connective (``他强调``, ``这背后``) leans on the sentence before
   it and keeps ANAPHORA of its score; one built on an indirect question
   (``如何携手构建……，成为……课题``) frames a topic rather than reporting, and
   keeps INDIRECT_QUESTION.
4. **Length and redundancy.**  Sentences are taken best first while they fit
   the budget (SUMMARY_CHARS, room for a long one-sentence lead) and bring at
   least NOVELTY of new content words, until the summary reaches TARGET_CHARS:
   an editor's summary is one or two sentences (50 to 100 characters), and
   every sentence past the news dilutes it.  They come back in article order,
   each exactly as it stands.

Cost is linear in the article: only the first MAX_CANDIDATES statements are
candidates (with the prior above, a later one cannot win), each scored from the
words the keywords segment anyway, and only while it could still be among the
ones taken (:func:`_ranked`); no sentence graph.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

from digest.analyze.figures import news_figures
from digest.analyze.sentences import paragraph_sentences
from digest.analyze.words import SENTENCE_CACHE_SIZE, WORD_CACHE_SIZE, content_words, idf
from digest.chardata import AUTHOR_ROLES, CJK_RANGES, CLOSERS, EDITOR_ROLES, SOURCE_ROLES, alternation, ends_sentence
from digest.credits import parse_byline, split_lead_credit
from digest.lexicon import cjk_count, word_tag
from digest.model import ArticleDraft

MAX_SENTENCES = 3
#: The summary box's budget, in characters: a news lead of one long sentence
#: (Taiwan's papers often write 150-200 characters) must fit whole.
SUMMARY_CHARS = 200
#: A summary sentence needs this many Chinese characters: shorter ones are
#: labels, captions or asides, not statements.
MIN_CJK = 12
#: Statements scored, in article order.  A score is at most 3 × the prior, so
#: the 20th statement (prior 1/10.5) cannot outrank even the third one of the
#: lead (1/2) unless a whole run of statements before it is ruled out.
MAX_CANDIDATES = 20
#: The summary stops growing once it is this long: an editor's summary is one or
#: two sentences of 50 to 100 characters (a smaller budget stops it sooner).
TARGET_CHARS = 75
#: Share of its prior a sentence of a scene-setting opening keeps.
SCENE = 0.3
#: Share of its score a sentence opening on a pronoun or connective keeps.
ANAPHORA = 0.75
#: Share of its score a sentence built on an indirect question keeps
#: (``如何携手构建……，成为……共同课题``): it frames a topic, like a question.
INDIRECT_QUESTION = 0.5
#: A sentence must bring this share of new content (IDF-weighted words the
#: summary does not have yet), or it repeats what is said.
NOVELTY = 0.5
#: Informativeness of a news figure, and of each named thing.
FIGURE_WEIGHT = 0.5
NAME_WEIGHT = 0.25
#: Dictionary tags of named things: organisations, places, other proper nouns, abbreviations (发改委).
_NAME_TAGS = frozenset({"nt", "ns", "nz", "j"})

#: Each pattern below needs one of its guard characters: :func:`_is_statement`
#: searches it only in a sentence holding one (most hold none).
_QUESTION_MARKS = "？?"
_COLONS = ":："
_PARENS = "（("
_ITEM_MARKS = "、．"
_QUOTE_PAIRS = ("“”", "「」", "『』")
_QUOTE_OPENERS = "".join(pair[0] for pair in _QUOTE_PAIRS)
#: A caption names a picture (图, 摄) or stands in brackets.
_CAPTION_GUARD = "图摄" + _PARENS

#: A question: ends on a question mark, possibly inside closing quotes.
_QUESTION = re.compile(f"[{_QUESTION_MARKS}][{re.escape(CLOSERS)}]*\\s*$")
#: A question someone asked, reported by the writer (``有记者提问，……会不会影响健康？``):
#: a fact of the story (what was asked at a press conference), not the writer's
#: rhetorical question to the reader.
#: (An interview's own ``问：……？`` lines are the interviewer's questions, not reported ones.)
_REPORTED_QUESTION = re.compile(r"(?<!^)(?:提问|问道|询问|追问|发问|质询|质疑)")
#: A credit inside a sentence (``《冰雪之约》作者：张三，……``): a role word and a colon.
#: One-character roles (文, 图, 摄) are left out: ``如图：`` is running text.
_ROLES = alternation(tuple(r for r in AUTHOR_ROLES + EDITOR_ROLES + SOURCE_ROLES if len(r) > 1))
_ROLE_COLON = re.compile(f"(?:{_ROLES})[{_COLONS}]")
#: What any credit line holds (a role word, 报道, 摄): only such a sentence is
#: worth the full credit parser.
_CREDIT_HINT = re.compile(f"{_ROLES}|报道|报导|摄")
#: A photo caption or credit: ``图为……``, ``（图/新华社）``, ``……（记者 张三 摄）``.
_CAPTION = re.compile(
    r"^(?:图为|图片为|上图|下图|左图|右图|资料图|视频截图|图[:：/／])"
    f"|[{_PARENS}](?:图|摄影?|资料图|供图|图片来源)[^）)]{{0,20}}[）)][。]?$"
    r"|(?:摄|供图)[）)]?[。]?$"
)
#: One item of an enumeration (``二是坚持结构调整……``, ``（三）……``, ``其次，……``):
#: meaningless without the other items.
_LIST_ITEM = re.compile(
    r"(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，、,]|其[一二三四五][，、,]|首先|其次|再次|"
    r"[（(]?[一二三四五六七八九十\d]{1,2}[）)、．.](?!\d))"
)
#: A sentence that opens an enumeration (``……转型升级：一是……``), for the same reason,
#: or is one: a label and its items (``原料：大米、红枣、黑芝麻。``).
_LIST_OPENER = re.compile(
    f"[{_COLONS}]"
    r"\s*(?:一是|第一|首先|[（(]?[一1][）)、．.]|(?:[^，,。；：:、]{1,12}、)+[^，,。；：:、]{1,12}[。！!]?$)"
)
#: Numbered items run together in one "sentence" (``1、姓名2、性别3、民族``): a form or
#: a list flattened by the page, not a statement.
_RUN_OF_ITEMS = re.compile(f"\\d(?<![\\d.]\\d)\\d?[{_ITEM_MARKS}](?!\\d)")  # a digit first: the scan skips to digits
#: A sentence leaning on the one before it: a pronoun or connective opens it.
_ANAPHORIC = re.compile(
    r"^(?:[他她它这该此其][们些]?|而|但|但是|然而|因此|所以|因而|同时|此外|另外|另一方面|与此同时|"
    r"对此|为此|不过|并且|而且|此前|随后|在这一|在此)"
)
#: An indirect question inside a statement: ``如何……成为……课题``.
_INDIRECT_QUESTION = re.compile(r"如何|怎样|怎么|为何|为什么")
#: Quotation marks whose content is someone's words (not ``《》`` titles).
_QUOTED = re.compile("|".join(f"{o}[^{c}]*{c}" for o, c in _QUOTE_PAIRS))
#: A policy, law or work named in title marks: ``《行动计划》``.
_TITLE_MARKS = re.compile(r"《[^》]{2,30}》")
#: Cues of a scene rather than news: a person's words or a question, first or
#: second person (not the institutional 我国, 我市), a private person on the
#: scene (``市民牛女士``, ``家住……的王大爷``).
_SCENE_CUE = re.compile(
    r"[“「？?]|我(?![国省市区县校院军方党])|[你您]|家住|走进|清晨|傍晚|深夜|凌晨|市民|村民|网友|顾客|游客|"
    f"[{CJK_RANGES}](?:女士|先生|大爷|大妈|阿姨|师傅)"
)
#: A paragraph repeating this share of the headline is the news, whatever its cues.
SCENE_MAX_HEADLINE = 0.3
#: Opening statements examined for the first one that is news, and the headline
#: share that makes one news.
OPENING = 2
NEWS_HEADLINE = 0.15


@dataclass
class _Candidate:
    text: str
    paragraph: int  # index among body paragraphs
    order: int  # position among the statements, in article order


def _strip_dateline(sentence: str) -> str:
    """Drop a news lead so the summary starts with the news.

    ``本报讯（记者 王薛滔）9月25日，上海……`` → ``9月25日，上海……``
    (:func:`digest.credits.split_lead_credit`); the result is still a
    substring of the paragraph.
    """
    return split_lead_credit(sentence)[0]


def _quote_share(sentence: str) -> float:
    """Share of the sentence's characters inside quotation marks."""
    return sum(map(len, _QUOTED.findall(sentence))) / len(sentence)


def _is_statement(sentence: str, min_cjk: int, strict: bool = True) -> bool:
    """A whole sentence that states something: final punctuation, enough Chinese, not a
    credit, caption or list item; when ``strict``, not a question nor a quotation without a figure.

    Each pattern is searched only when the sentence holds one of its guard
    characters (a colon, a question mark, a quotation mark...): most hold none.
    """
    if not ends_sentence(sentence) or cjk_count(sentence) < min_cjk:
        return False
    holds = sentence.__contains__
    if any(map(holds, _CAPTION_GUARD)) and _CAPTION.search(sentence) is not None:
        return False
    if _LIST_ITEM.match(sentence) is not None:
        return False
    if any(map(holds, _COLONS)) and (
            _ROLE_COLON.search(sentence) is not None or _LIST_OPENER.search(sentence) is not None):
        return False
    if any(map(holds, _ITEM_MARKS)) and len(_RUN_OF_ITEMS.findall(sentence)) >= 2:
        return False
    if strict:
        if (any(map(holds, _QUESTION_MARKS)) and _QUESTION.search(sentence) is not None
                and _REPORTED_QUESTION.search(sentence) is None):
            return False
        if (any(map(holds, _QUOTE_OPENERS))
                and _quote_share(sentence) >= 0.5 and not news_figures(sentence)):
            return False
    return not (_CREDIT_HINT.search(sentence) and parse_byline(sentence))


def _statements(paragraphs: list[str], min_cjk: int, strict: bool) -> Iterator[_Candidate]:
    """The first MAX_CANDIDATES statements of the body paragraphs, without repeats, in order."""
    seen: set[str] = set()
    order = 0
    for p, para in enumerate(paragraphs):
        for sentence in paragraph_sentences(para):
            sentence = _strip_dateline(sentence)
            if sentence not in seen and _is_statement(sentence, min_cjk, strict):
                seen.add(sentence)
                yield _Candidate(sentence, p, order)
                order += 1
                if order == MAX_CANDIDATES:
                    return


class _Candidates:
    """The statements, found only as far as they are asked for (:func:`_statements`)."""

    def __init__(self, paragraphs: list[str], min_cjk: int, strict: bool) -> None:
        self.found: list[_Candidate] = []
        self._rest = _statements(paragraphs, min_cjk, strict)

    def has(self, n: int) -> bool:
        """Are there at least ``n`` statements (found now if need be)?"""
        found = self.found
        while len(found) < n:
            nxt = next(self._rest, None)
            if nxt is None:
                return False
            found.append(nxt)
        return True

    def first_after_opening(self) -> _Candidate | None:
        """The first statement past the first paragraph."""
        i = 0
        while self.has(i + 1):
            if self.found[i].paragraph > 0:
                return self.found[i]
            i += 1
        return None


def _idf_shares(text: str) -> dict[str, float]:
    """``text``'s content words with their IDF, normalised to sum to 1 (empty without any):
    the headline's weights, and what a summary sentence brings."""
    weights = {w: idf(w) for w in content_words(text)}
    total = sum(weights.values())
    return {w: v / total for w, v in weights.items()} if total else {}


def _headline_share(words: frozenset[str], headline: dict[str, float]) -> float:
    """IDF-weighted share of the headline's content words among ``words``."""
    return sum(v for w, v in headline.items() if w in words)


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _is_name(word: str) -> bool:
    return word_tag(word) in _NAME_TAGS


@lru_cache(maxsize=SENTENCE_CACHE_SIZE)
def _word_set(text: str) -> frozenset[str]:
    return frozenset(content_words(text))


def _informativeness(text: str) -> float:
    """1/2 for a news figure, 1/4 per distinct named thing (organisation, place, brand,
    policy title), at most 1."""
    score = FIGURE_WEIGHT if news_figures(text) else 0.0
    names = sum(map(_is_name, _word_set(text))) + len(_TITLE_MARKS.findall(text))
    return min(1.0, score + NAME_WEIGHT * names)


def _is_scene_setting(paragraph: str, headline: dict[str, float]) -> bool:
    """An opening paragraph that sets a scene (a person, a quote, a question) and
    carries neither a news figure nor much of the headline."""
    return (
        _SCENE_CUE.search(paragraph) is not None
        and not news_figures(paragraph)
        and _headline_share(_word_set(paragraph), headline) < SCENE_MAX_HEADLINE
    )


def _news_start(cands: _Candidates, first_paragraph: str, headline: dict[str, float]) -> int:
    """Position of the first statement past a scene-setting opening (0 if there is none).

    A scene-setting first paragraph (:func:`_is_scene_setting`) is stepped over
    when a second paragraph follows; then, within the first OPENING statements
    of that paragraph, a statement that repeats none of the headline and quotes
    no figure (``9月25日，上海新国际博览中心群贤毕至。``) is stepped over
    when a later one of them does.
    """
    start = 0
    if cands.found[0].paragraph == 0:
        later = cands.first_after_opening()
        if later is not None and _is_scene_setting(first_paragraph, headline):
            start = later.order
    cands.has(start + OPENING)
    for c in cands.found[start:start + OPENING]:
        if c.paragraph != cands.found[start].paragraph:
            break
        if _headline_share(_word_set(c.text), headline) >= NEWS_HEADLINE or news_figures(c.text):
            return c.order
    return start


def _prior(order: int, start: int) -> float:
    """The position prior of the statement at ``order`` when the news starts at ``start``."""
    if order >= start:
        return 1.0 / (1.0 + (order - start) / 2.0)
    return SCENE / (1.0 + order / 2.0)


#: A score is at most its prior times this: 1 + headline share (shares sum to 1,
#: give or take rounding) + informativeness (at most 1); the rest only lower it.
_MAX_FACTOR = 3.0 + 1e-9


def _score(c: _Candidate, start: int, headline: dict[str, float]) -> float:
    """Position prior × (1 + headline share + informativeness), lowered for an anaphor or
    an indirect question."""
    score = _prior(c.order, start) * (1.0 + _headline_share(_word_set(c.text), headline) + _informativeness(c.text))
    if _ANAPHORIC.match(c.text):
        score *= ANAPHORA
    if _INDIRECT_QUESTION.search(c.text):
        score *= INDIRECT_QUESTION
    return score


def _ranked(draft: ArticleDraft, min_cjk: int, strict: bool) -> Iterator[tuple[str, float, int]]:
    """(sentence, score, position among the statements) for each candidate, best first
    (ties in article order), each scored only when it might come next.

    Past the news start, priors fall with position, so once a scored sentence
    beats the most the next unscored one could reach (:data:`_MAX_FACTOR`), it is
    the next best; the summary takes two or three, so most statements are
    never scored, nor looked for.
    """
    paragraphs = [b.text for b in draft.blocks if not b.heading]
    cands = _Candidates(paragraphs, min_cjk, strict)
    if not cands.has(1):
        return
    headline = _idf_shares(draft.title) if draft.headline else {}
    start = _news_start(cands, paragraphs[0], headline)
    scored: list[tuple[float, int, str]] = []
    j = 0
    while True:
        while cands.has(j + 1) and (j < start or not scored
                                    or _prior(j, start) * _MAX_FACTOR >= -scored[0][0]):
            c = cands.found[j]
            heapq.heappush(scored, (-_score(c, start, headline), c.order, c.text))
            j += 1
        if not scored:
            return
        score, order, text = heapq.heappop(scored)
        yield text, -score, order


def rank_sentences(draft: ArticleDraft, min_cjk: int = MIN_CJK,
                   strict: bool = True) -> list[tuple[str, float, int]]:
    """(sentence, score, position among the statements) for each candidate, best first."""
    return list(_ranked(draft, min_cjk, strict))


def _novelty(text: str, said: set[str]) -> float:
    """IDF-weighted share of ``text``'s content words not in ``said`` (1.0 for no content words)."""
    shares = _idf_shares(text)
    return sum(v for w, v in shares.items() if w not in said) if shares else 1.0


def summarize(draft: ArticleDraft, max_chars: int = SUMMARY_CHARS) -> list[str]:
    """One to three of the best sentences, in article order, within ``max_chars`` characters.

    Sentences are taken best first while they fit and bring new content,
    until the summary reaches TARGET_CHARS (or ``max_chars``).  If none
    fits, the best is returned alone: a whole long sentence beats a cut one.
    If the article has no sentence of ``MIN_CJK`` characters, shorter finished
    sentences are allowed, and if it has only questions and quotations, those;
    an article with no finished sentence at all gets an empty summary rather
    than a fragment.
    """
    for min_cjk, strict in ((MIN_CJK, True), (4, True), (4, False)):
        ranked = _ranked(draft, min_cjk, strict)
        best = next(ranked, None)
        if best is not None:
            break
    else:
        return []
    target = min(TARGET_CHARS, max_chars)
    chosen: list[tuple[str, float, int]] = []
    said: set[str] = set()
    used = 0
    for text, score, order in chain((best,), ranked):
        if len(chosen) == MAX_SENTENCES or used >= target:
            break
        if used + len(text) > max_chars or _novelty(text, said) < NOVELTY:
            continue
        chosen.append((text, score, order))
        said.update(content_words(text))
        used += len(text)
    if not chosen:
        chosen = [best]
    return [text for text, _, _ in sorted(chosen, key=lambda r: r[2])]
