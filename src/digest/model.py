"""Small data types passed between pipeline stages.

Every stage is a plain function over strings or these dataclasses, so the core
can be tested, benchmarked and reused without Pelican.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date

#: Written in place of a character whose bytes are gone, once per character.
LOST = "□"


class StopBuild(Exception):
    """An error whose message tells the user what to fix (a wrong setting, a bad seed
    in strict mode, a damaged permalink record): the build ends with that message,
    without a traceback (``plugins/digest_settings``; ``pelican -D`` still prints it)."""


class SeedError(Exception):
    """A seed that cannot be converted at all (empty, binary, undecodable, too big).

    The message is meant for an editor: it names the file and says why.
    """

    def __init__(self, source_file: str, reason: str):
        super().__init__(f"{source_file}: {reason}")
        self.source_file = source_file
        self.reason = reason

    def __reduce__(self):
        # Rebuilt from both arguments when it crosses a process pool (the
        # default pickles only the formatted message and fails to rebuild).
        return type(self), (self.source_file, self.reason)


@dataclass(frozen=True)
class StageWarning:
    """What a cleaning stage did to a seed that an editor may want to check.

    ``kind`` names the repair (``mojibake``); ``place`` quotes the repaired text
    as an editor would search for it (a line break shown as a space); ``lost``
    counts the characters the bytes could not give back, each marked ``□``;
    ``file`` is the seed, filled in by the pipeline.  A warning with nothing
    lost is a note: the repair is complete.  ``repaired`` is False for damage
    found and left as it is.
    """

    kind: str
    place: str
    lost: int = 0
    file: str = ""
    #: False for damage found but left as it is (too much of it to repair: see the stage).
    repaired: bool = True

    @property
    def needs_check(self) -> bool:
        return self.lost > 0 or not self.repaired

    def __str__(self) -> str:
        if not self.repaired:
            return f"{self.kind} left as it is from '{self.place}' on (too much damage to repair)"
        message = f"{self.kind} repaired near '{self.place}'"
        if self.lost:
            message += f" ({self.lost} character{'s' if self.lost > 1 else ''} lost, marked {LOST})"
        return message

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> "StageWarning":
        return cls(kind=data["kind"], place=data["place"], lost=int(data.get("lost", 0)),
                   file=data.get("file", ""), repaired=bool(data.get("repaired", True)))


@dataclass
class Block:
    """One paragraph of an article; ``heading`` marks a subheading inside the body."""

    text: str
    heading: bool = False


@dataclass
class KeyFigure:
    """A number quoted in the article, with its unit and what it counts.

    ``text`` is the short phrase as it stands in the text (``3000亿元``,
    ``40%的顶尖人才``); ``value`` is the number as written (3000), ``scale`` the
    multiplier of a Chinese magnitude word (亿 → 1e8, 万 → 1e4, none → 1) and
    ``unit`` the counted unit after that word (``元``, ``美元``, ``%``, ``家``).
    """

    text: str
    value: float
    unit: str
    scale: float = 1.0
    counts: str = ""

    @property
    def amount(self) -> float:
        return self.value * self.scale


@dataclass
class ArticleDraft:
    """An article as cut out of a seed page, before analysis."""

    title: str
    blocks: list[Block]
    authors: list[str] = field(default_factory=list)
    source: str = ""
    date: date | None = None
    column: str = ""  # a column label such as 行业分析, kept as metadata only
    #: The title is the outlet's headline; False when none was printed and
    #: the title was made from the first sentence (it then says nothing new).
    headline: bool = True

    @property
    def paragraphs(self) -> list[str]:
        return [b.text for b in self.blocks]

    @property
    def body_text(self) -> str:
        return "\n".join(b.text for b in self.blocks if not b.heading)


@dataclass
class Article:
    """A fully converted article: what the JSON output and the Markdown page carry."""

    source_file: str
    title: str
    blocks: list[Block]
    authors: list[str] = field(default_factory=list)
    source: str = ""
    date: date | None = None
    column: str = ""
    topic: str = "other"
    topic_score: float = 0.0
    summary: list[str] = field(default_factory=list)
    key_figures: list[KeyFigure] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    warnings: list[StageWarning] = field(default_factory=list)
    encoding: str = ""
    slug: str = ""
    # Set by digest.publish.permalinks from the committed records, not by the
    # conversion (so not in the JSON output or the cache):
    modified: date | None = None
    permalink_id: str = ""

    @property
    def paragraphs(self) -> list[str]:
        return [b.text for b in self.blocks]

    def to_json(self) -> dict:
        """The object printed by ``digest convert --json``."""
        return {
            "source_file": self.source_file,
            "title": self.title,
            "slug": self.slug,
            "authors": list(self.authors),
            "source": self.source,
            "date": self.date.isoformat() if self.date else None,
            "column": self.column,
            "topic": self.topic,
            "topic_score": round(self.topic_score, 4),
            "summary": list(self.summary),
            "key_figures": [asdict(k) for k in self.key_figures],
            "keywords": list(self.keywords),
            "paragraphs": self.paragraphs,
            "headings": [i for i, b in enumerate(self.blocks) if b.heading],
            "encoding": self.encoding,
            "warnings": [w.to_json() for w in self.warnings],
        }

    @classmethod
    def from_json(cls, data: dict) -> "Article":
        """Inverse of :meth:`to_json` (used by the conversion cache)."""
        headings = set(data.get("headings", []))
        return cls(
            source_file=data["source_file"],
            title=data["title"],
            blocks=[Block(t, i in headings) for i, t in enumerate(data["paragraphs"])],
            authors=list(data.get("authors", [])),
            source=data.get("source", ""),
            date=date.fromisoformat(data["date"]) if data.get("date") else None,
            column=data.get("column", ""),
            topic=data.get("topic", "other"),
            topic_score=float(data.get("topic_score", 0.0)),
            summary=list(data.get("summary", [])),
            key_figures=[KeyFigure(**k) for k in data.get("key_figures", [])],
            keywords=list(data.get("keywords", [])),
            warnings=[StageWarning.from_json(w) for w in data.get("warnings", [])],
            encoding=data.get("encoding", ""),
            slug=data.get("slug", ""),
        )
