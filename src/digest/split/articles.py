"""Cut a cleaned page into articles: titles, subheadings, bylines, column labels, dates.

A page is read as alternating runs: a *head run* of non-text lines (headings,
column labels, bylines, date lines) and a *body run* of running text. A body
run is also cut before a paragraph that opens with a news lead (``本报讯…``,
``新华社…电``) and after one that ends with a closing credit (``（完）``).
Each head run between two bodies is then decided as a whole:

0. **Standfirst.** On a page whose first article has a title, no credit and so
   far only one or two short unled paragraphs, a lead or byline without a column
   label starts the story those paragraphs summarise (an editor's 导语 above
   ``本报讯…``), not a new article.
1. Closing credits at its start (``（完）``, ``（编辑 X）``, ``来源：X``)
   belong to the article before it, and close that article.
2. **Headline after body.** If the article before has no title, the run's
   first heading is that article's headline when more head lines follow it
   (a column label, byline or the next title): ``…body / 全球产业链格局变动
   缝制机械如何破局 / 消费观察 / next title``. A lone heading closes it too
   when the page itself started with a body (headlines follow their bodies on
   that page) or a signal below says an article ends here.
3. **New article or subheading.** Otherwise the run starts a new article if
   the article before ended with a closing credit, the run holds a column
   label, byline or date line, the next body opens with a news lead, or — the
   previous body ending on a complete sentence, on a page whose first article
   opens without a news lead — a heading reads as a headline (two halves set apart by
   a space, or as long as the page's first title; not a question, an
   exclamation or a line with a comma).
   Numbered lines (``一、``) and short paired lines (``紧跟科技前沿`` /
   ``汇聚街区创新合力``) are subheadings, as is anything without a signal:
   wrongly cutting an article in two loses more than keeping a title as a
   subheading.

In a new article's head run the longest heading is the title, other headings
become leading subheadings, column labels go to ``column`` and bylines to
``authors``/``source``. Text without any running-text paragraph is no article.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from digest.chardata import ends_sentence
from digest.model import ArticleDraft, Block
from digest.credits import Credit
from digest.dates import find_article_date, mentioned_year
from digest.split.lines import Kind, Line, classify_paragraph, is_page_headline
from digest.split.titles import (
    is_numbered,
    looks_like_headline,
    looks_like_subheading_pair,
    pick_title,
    title_from_text,
)

_HEAD_SIGNALS = (Kind.COLUMN, Kind.BYLINE, Kind.DATE)


@dataclass
class _Draft:
    """An article being assembled while the page is read."""

    title: str = ""
    column: str = ""
    blocks: list[Block] = field(default_factory=list)
    credit: Credit = field(default_factory=Credit)
    header_lines: list[str] = field(default_factory=list)  # date lines, for the article date
    body_lines: list[str] = field(default_factory=list)  # raw paragraphs, leads included
    closed: bool = False
    ends_sentence: bool = False
    led: bool = False  # its body opens with a news lead (新华社…电, 本报讯（记者…）)

    @classmethod
    def from_head(cls, head: list[Line]) -> _Draft:
        draft = cls()
        headings = [line for line in head if line.kind is Kind.HEADING]
        headings = [line for line in headings if not line.kicker] or headings
        title_at = pick_title([line.text for line in headings]) if headings else -1
        if title_at >= 0:
            draft.title = headings[title_at].text
        draft.blocks.extend(_subheadings(head, skip=headings[title_at] if title_at >= 0 else None))
        for line in head:
            draft.take_meta(line)
        draft.led = any(line.opens for line in head)
        draft.closed = False  # a closing credit above the body closes nothing
        return draft

    def take_meta(self, line: Line) -> None:
        if line.kind is Kind.COLUMN:
            self.column = self.column or line.text
        elif line.kind is Kind.BYLINE:
            self.credit.merge(line.credit)
            self.closed = self.closed or line.closes
        elif line.kind is Kind.DATE:
            self.header_lines.append(line.text)
            if line.credit:  # a credit on a date line heads the article; it closes nothing
                self.credit.merge(line.credit)

    def add_body(self, body: list[Line]) -> None:
        if body and not self.has_body():
            self.led = self.led or body[0].opens
        for line in body:
            if line.text:
                self.blocks.append(Block(line.text))
            self.body_lines.append(line.raw)
            self.credit.merge(line.credit)
            self.closed = self.closed or line.closes
        if body:
            self.ends_sentence = ends_sentence(body[-1].text)

    def has_body(self) -> bool:
        return any(not b.heading for b in self.blocks)


def _subheadings(head: list[Line], skip: Line | None = None) -> list[Block]:
    """The head run's headings (but ``skip``, the title) as subheading blocks.

    Headings on consecutive lines are one subheading that the page broke over
    two lines (``紧跟科技前沿`` / ``汇聚街区创新合力``): they become one block,
    joined with a space as two-part headings are written, not two headings in
    a row. A numbered line (``二、…``) always starts its own subheading.
    """
    blocks: list[Block] = []
    joinable = False  # the previous line was a subheading the next may continue
    for line in head:
        if line.kind is not Kind.HEADING or line is skip:
            joinable = False
            continue
        if joinable and not is_numbered(line.text):
            blocks[-1] = Block(f"{blocks[-1].text} {line.text}", heading=True)
        else:
            blocks.append(Block(line.text, heading=True))
        joinable = True
    return blocks


def _runs(lines: list[Line]) -> list[tuple[list[Line], list[Line]]]:
    """Pair each head run with the body run after it; the last body may be empty.

    A body run is cut before a paragraph with a news lead and after one with a
    closing credit, which gives that cut an empty head run.
    """
    runs: list[tuple[list[Line], list[Line]]] = []
    head: list[Line] = []
    body: list[Line] = []
    for line in lines:
        if line.kind is Kind.TEXT:
            if body and (line.opens or body[-1].closes):
                runs.append((head, body))
                head, body = [], []
            body.append(line)
        else:
            if body:
                runs.append((head, body))
                head, body = [], []
            head.append(line)
    runs.append((head, body))
    return runs


def _take_closing_credits(draft: _Draft, head: list[Line]) -> list[Line]:
    """Give the credits that open a head run to the article they close; return the rest."""
    i = 0
    while i < len(head) and head[i].kind is Kind.BYLINE and head[i].closes:
        draft.take_meta(head[i])
        i += 1
    return head[i:]


#: A standfirst (导语) is at most this many paragraphs and characters: an editor's
#: summary of one or two sentences, shorter than any article.
STANDFIRST_PARAGRAPHS = 2
STANDFIRST_MAX = 150


def _ends_standfirst(draft: _Draft, head: list[Line], body: list[Line]) -> bool:
    """Is the page's first article so far only its standfirst, its story starting here? (rule 0)

    Web pages set an editor's summary under the headline, then the story with
    its lead or byline, sometimes under the paper's own headline:
    ``新能源车推广再提速 / 本市今年将新建充电桩1万个。 / 本报讯（记者 X）3月12日，…``.
    The lead or byline would start a new article; after a titled, uncredited,
    unled body of one or two short paragraphs it starts the story that body
    summarises (a short article of a paper's page carries its own byline).
    """
    text = [b.text for b in draft.blocks if not b.heading]
    return (bool(draft.title) and not draft.led and not draft.closed
            and not (draft.credit.authors or draft.credit.source)
            and len(text) <= STANDFIRST_PARAGRAPHS and sum(map(len, text)) <= STANDFIRST_MAX
            and not any(line.kind is Kind.COLUMN for line in head)
            and (body[0].opens or any(line.kind in _HEAD_SIGNALS for line in head)))


def _closes_untitled(draft: _Draft, head: list[Line], body: list[Line], title_first: bool) -> bool:
    """Is the run's first heading the headline of the untitled article before it? (rule 2)"""
    if draft.title or not head or head[0].kind is not Kind.HEADING:
        return False
    if len(head) >= 2:
        texts = [line.text for line in head]
        all_headings = all(line.kind is Kind.HEADING for line in head)
        return not (all_headings and looks_like_subheading_pair(texts) and not body[0].opens)
    return not title_first and draft.ends_sentence and not is_numbered(head[0].text)


def _starts_article(draft: _Draft, head: list[Line], body: list[Line], first_title_len: int,
                    led_page: bool = False) -> bool:
    """Does this head run (with the body after it) start a new article? (rule 3)

    On a page whose first article opens with a news lead (``某某网X月X日电``),
    a heading alone starts none: a dateline opens each story, so a story
    without one is a section of the one above (a byline, by contrast, is often
    printed for a page's main article only).
    """
    if draft.closed or body[0].opens:
        return True
    if any(line.kind in _HEAD_SIGNALS for line in head):
        return True
    headings = [line.text for line in head if line.kind is Kind.HEADING]
    if not headings or not draft.ends_sentence or led_page or looks_like_subheading_pair(headings):
        return False
    return any(looks_like_headline(text, first_title_len) for text in headings)


def _finish_page(draft: _Draft, head: list[Line]) -> None:
    """Lines after the last body: a headline for an untitled article, and its credits."""
    for line in head:
        if line.kind is Kind.HEADING and not draft.title:
            draft.title = line.text
        elif line.kind is Kind.BYLINE:
            draft.take_meta(line)


def _assemble(lines: list[Line]) -> list[_Draft]:
    drafts: list[_Draft] = []
    current: _Draft | None = None
    title_first = False
    first_title_len = 0
    for head, body in _runs(lines):
        if current is None:
            current = _Draft.from_head(head)
            title_first = bool(current.title)
            first_title_len = len(current.title)
        else:
            head = _take_closing_credits(current, head)
            if not body:
                _finish_page(current, head)
                break
            if not drafts and _ends_standfirst(current, head, body):
                for line in head:
                    current.take_meta(line)
                current.blocks.extend(_subheadings(head))
                new = False
            elif _closes_untitled(current, head, body, title_first):
                current.title = head[0].text
                first_title_len = first_title_len or len(current.title)
                head = head[1:]
                new = True
            else:
                led = (drafts[0] if drafts else current).led
                new = _starts_article(current, head, body, first_title_len, led)
            if new:
                drafts.append(current)
                current = _Draft.from_head(head)
                first_title_len = first_title_len or len(current.title)
            else:
                current.blocks.extend(_subheadings(head))
        current.add_body(body)
    if current is not None:
        drafts.append(current)
    return [d for d in drafts if d.has_body()]


def _to_article(draft: _Draft, page_year: int | None, fallback_year: int | None) -> ArticleDraft:
    headline = bool(draft.title)
    if not headline:
        draft.title = title_from_text(next(b.text for b in draft.blocks if not b.heading))
    return ArticleDraft(
        title=draft.title,
        blocks=draft.blocks,
        authors=list(draft.credit.authors),
        source=draft.credit.source,
        date=find_article_date(draft.header_lines + draft.body_lines, page_year, fallback_year),
        column=draft.column,
        headline=headline,
    )


def split_articles(paragraphs: list[str], page_year: int | None = None) -> list[ArticleDraft]:
    """Cut cleaned paragraphs into articles (see the module docstring for the rules).

    ``page_year`` (the year of the page's own date, when the caller knows it)
    completes datelines without a year; without it the year comes from the
    article's text, then from the rest of the page (``CISMA2025`` → 2025).
    Returns ``[]`` for a page without running text.
    """
    lines = [line for p in paragraphs if p and p.strip() for line in classify_paragraph(p)]
    if not any(line.kind is Kind.TEXT for line in lines):
        return []
    first = lines[0]
    if (first.kind is Kind.TEXT and first.credit is None and is_page_headline(first.text)
            and any(line.kind is Kind.TEXT for line in lines[1:])):
        lines[0] = Line(Kind.HEADING, first.text, first.raw)  # a long web headline
    fallback_year = None if page_year else mentioned_year(paragraphs)
    return [_to_article(draft, page_year, fallback_year) for draft in _assemble(lines)]
