"""Generate a benchmark corpus of noisy seeds from the project's real ones.

The real seeds are too few to time anything, so their sentences are recombined
into new articles and the articles packed into pages of one to three, like a
newspaper page, with the damage real seeds carry: Traditional characters with
pinyin glued after some of them, GBK-shift mojibake, page footers (timestamp
lists, ICP / 公网安备 lines), paragraphs hard-broken mid-word, duplicated
paragraphs, bylines, column labels, a headline standing after its body, and
legacy encodings (GBK, GB18030, Big5, UTF-16).

Everything is drawn from one ``random.Random(seed)``, so a corpus is the same
bytes on every machine and every run. The generator uses no code of the digest
package (the corpus must not depend on the code it benchmarks), only its
character facts (:mod:`digest.chardata`).

    python scripts/corpus.py OUT_DIR [--articles N] [--seed S]
"""

from __future__ import annotations

import argparse
import json
import random
import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

from digest.chardata import CJK_RANGES, CLOSERS, FULL_STOPS, SENTENCE_END, ends_sentence

ROOT = Path(__file__).resolve().parent.parent
REAL_SEEDS = sorted((ROOT / "seeds").glob("*.txt"))

CJK = CJK_RANGES
#: A pinyin annotation glued after a character, as in ``政協(xié)``.
_PINYIN_NOTE = re.compile(rf"(?<=[{CJK}])\([a-zà-ǜ]+\)")
#: Lines of a real seed that are page furniture, not text to recombine.
_FURNITURE = re.compile(r"^(?:-\s*\d{4}年|精选|.*(?:公网安备|ICP备))")
_SENTENCE = re.compile(f"[^{FULL_STOPS}\n]+[{FULL_STOPS}]+[{re.escape(CLOSERS)}]*")
_PHRASE_SPLIT = re.compile(r"[,，、；;：:“”‘’《》()（）—\s。！？!?…]+")
_LEAD_BYLINE = re.compile(r"^本报讯[(（][^)）]*[)）]")
#: Traces of the real seeds' own damage (mojibake, stray pinyin): such a
#: sentence is left out of the pool.
_DAMAGED = re.compile(r"[?？](?!$)|[\u2500-\u257f\ufffd]|[a-zà-ǜ]+\)")
_CLAUSE_SPLIT = re.compile(r"[,，;；]")
#: Figures to vary: not dates (``2025年``, ``9月25日``) and not part of a name (``CISMA2025``).
_NUMBER = re.compile(r"(?<![A-Za-z\d.])\d+(?:\.\d+)?(?![\d年月日号])")

COLUMNS = ["行业分析", "消费观察", "要闻", "经济观察", "本地新闻", "科技前沿", "评论", "综合"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢"
GIVEN = "静明华伟芳涛军磊洋勇艳杰娟强敏丽秀英宏志新天光楠朋滔露晓京吉灵培剑辉刚迎德智"
SOURCES = ["《中国新闻》报", "新华社", "经济日报", "人民网", "中国日报网", "北京日报"]
#: Share of seeds saved in each encoding; GBK/Big5 fall back to GB18030/UTF-8
#: when a page holds a character they cannot encode. Big5 is offered to
#: Traditional pages only, and pages with pinyin notes (tone marks) get a
#: Unicode encoding or GB18030.
ENCODINGS = {
    "simplified": [("utf-8", 65), ("utf-8-sig", 5), ("gbk", 12), ("gb18030", 10), ("utf-16", 8)],
    "traditional": [("utf-8", 45), ("big5", 30), ("gbk", 10), ("utf-16", 15)],
    "pinyin": [("utf-8", 60), ("gb18030", 25), ("utf-16", 15)],
}


@dataclass
class Pool:
    """What new articles are made of: sentences, their clauses, heading-like lines and short phrases."""

    sentences: list[str]
    clauses: list[str]
    headings: list[str]
    phrases: list[str]


@dataclass
class SeedInfo:
    name: str
    encoding: str
    chars: int  # characters of the page text before encoding
    bytes: int
    titles: list[str]  # the articles' titles as generated (Simplified, before damage)
    traits: list[str] = field(default_factory=list)


@dataclass
class Corpus:
    folder: Path
    seed: int
    seeds: list[SeedInfo]

    @property
    def articles(self) -> int:
        return sum(len(s.titles) for s in self.seeds)

    @property
    def chars(self) -> int:
        return sum(s.chars for s in self.seeds)

    @property
    def bytes(self) -> int:
        return sum(s.bytes for s in self.seeds)

    def to_json(self) -> dict:
        return {"folder": str(self.folder), "seed": self.seed, "articles": self.articles,
                "chars": self.chars, "bytes": self.bytes, "seeds": [asdict(s) for s in self.seeds]}


@lru_cache(maxsize=None)
def _opencc(config: str):
    import opencc

    return opencc.OpenCC(config)


def _plain_lines(text: str) -> list[str]:
    """A real seed's lines in Simplified script, pinyin notes and furniture removed."""
    text = _opencc("t2s").convert(_PINYIN_NOTE.sub("", text))
    lines = [line.strip() for line in text.splitlines()]
    return [line for line in lines if line and not _FURNITURE.match(line)]


def _paragraphs(lines: list[str]) -> list[str]:
    """Join hard-broken lines: a long line without a sentence end runs on into the next."""
    out: list[str] = []
    carry = ""
    for line in lines:
        line = carry + line
        if len(line) > 25 and not ends_sentence(line):
            carry = line
            continue
        carry = ""
        out.append(line)
    return out + ([carry] if carry else [])


def build_pool(paths: list[Path] = REAL_SEEDS) -> Pool:
    """Split the real seeds into sentences, heading-like lines and title phrases.

    Sentences with traces of the real seeds' damage are left out; the
    generator adds its own damage where it wants it.
    """
    sentences: list[str] = []
    headings: list[str] = []
    for path in paths:
        for para in _paragraphs(_plain_lines(path.read_text("utf-8"))):
            if len(para) <= 25 and not ends_sentence(para):
                if len(para) >= 5 and "记者" not in para:
                    headings.append(para)
                continue
            for s in _SENTENCE.findall(para):
                s = _LEAD_BYLINE.sub("", s.strip())
                if len(s) >= 8 and not _DAMAGED.search(s):
                    sentences.append(s)
    sentences = list(dict.fromkeys(sentences))
    clauses = [c for s in sentences for c in _CLAUSE_SPLIT.split(s.rstrip(SENTENCE_END + CLOSERS)) if len(c) >= 4]
    phrases = [p for s in sentences for p in _PHRASE_SPLIT.split(s)
               if 4 <= len(p) <= 12 and re.match(f"[{CJK}]", p)]
    return Pool(sentences, list(dict.fromkeys(clauses)), list(dict.fromkeys(headings)),
                list(dict.fromkeys(phrases)))


def _vary_numbers(sentence: str, rng: random.Random) -> str:
    """New figures in an old sentence; years (``2025年``) are kept."""
    def swap(m: re.Match) -> str:
        value = float(m[0]) * rng.uniform(0.4, 2.5)
        return f"{value:.{len(m[0].split('.')[1])}f}" if "." in m[0] else str(max(1, round(value)))
    return _NUMBER.sub(swap, sentence)


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def make_title(rng: random.Random, pool: Pool, used: set[str]) -> str:
    """A headline from one or two phrases, never the same twice in a corpus."""
    forms = ["{a} {b}", "{a}：{b}", "{a}，{b}", "“{a}”{b}", "{a}{b}", "{a} {b}？"]
    for attempt in range(100):
        a, b = rng.sample(pool.phrases, 2)
        title = rng.choice(forms).format(a=a, b=b)
        if attempt > 50:
            title += f"（{attempt}）"
        if title not in used:
            used.add(title)
            return title
    raise RuntimeError("phrase pool too small for unique titles")


def make_sentence(rng: random.Random, pool: Pool) -> str:
    """A real sentence, or a new one joined from 2-4 clauses of different ones,
    with new figures: few strings repeat, so no per-string cache in the
    converter is flattered by the corpus."""
    if rng.random() < 0.4:
        sentence = rng.choice(pool.sentences)
    else:
        sentence = "，".join(rng.choice(pool.clauses) for _ in range(rng.randint(2, 4))) + "。"
    return _vary_numbers(sentence, rng)


def make_body(rng: random.Random, pool: Pool) -> list[str]:
    """4-12 paragraphs of 1-5 sentences."""
    return ["".join(make_sentence(rng, pool) for _ in range(rng.randint(1, 5)))
            for _ in range(rng.randint(4, 12))]


def _hard_break(paragraph: str, rng: random.Random) -> str:
    """Break a paragraph mid-word, as a narrow text column or a PDF copy does."""
    if len(paragraph) < 20:
        return paragraph
    at = rng.randint(len(paragraph) // 4, 3 * len(paragraph) // 4)
    return paragraph[:at] + rng.choice(("\n", "\n\n")) + paragraph[at:]


def make_article(rng: random.Random, pool: Pool, used: set[str], traits: set[str]) -> tuple[str, list[str]]:
    """One article's lines (paragraphs, headings, labels) and its title."""
    title = make_title(rng, pool, used)
    body = make_body(rng, pool)
    if rng.random() < 0.3:
        at = rng.randint(1, len(body) - 1)
        subhead = [rng.choice(pool.headings)] + ([rng.choice(pool.phrases)] if rng.random() < 0.5 else [])
        body[at:at] = subhead
        traits.add("subheads")
    byline = rng.random()
    if byline < 0.3:
        names = [_name(rng) for _ in range(rng.randint(1, 3))]
        body.insert(0, f"本报记者 {' □ '.join(names) if rng.random() < 0.5 else ' '.join(names)}")
        traits.add("byline")
    elif byline < 0.5:
        body[0] = f"本报讯（记者 {_name(rng)}）{body[0]}"
        traits.add("byline")
    elif byline < 0.65:
        body[-1] += f"（完）（{rng.choice(SOURCES)} 作者 {_name(rng)} 报道）"
        traits.add("byline")
    if rng.random() < 0.2:
        body = [_hard_break(p, rng) if rng.random() < 0.3 else p for p in body]
        traits.add("hard_breaks")
    long_paragraphs = [i for i, p in enumerate(body) if len(p) > 30]
    if long_paragraphs and rng.random() < 0.12:
        dup = rng.choice(long_paragraphs)
        body.insert(rng.randint(dup + 1, len(body)), body[dup])
        traits.add("duplicates")
    if rng.random() < 0.1:
        lines = body + [title]
        traits.add("headline_after")
    else:
        lines = [title] + body
    if rng.random() < 0.3:
        lines.insert(0, rng.choice(COLUMNS))
        traits.add("column")
    return "\n".join(lines), title


def make_footer(rng: random.Random) -> str:
    """Page furniture after the text: a list of timestamps, blank lines, licence lines."""
    year = rng.choice((2024, 2025, 2026))
    stamps = sorted(((rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59),
                      rng.randint(0, 59)) for _ in range(rng.randint(3, 10))), reverse=True)
    lines = [rng.choice(("精选:", "相关新闻：", "热门推荐"))]
    lines += [f"- {year}年{m:02d}月{d:02d}日 {h:02d}:{mi:02d}:{s:02d}" for m, d, h, mi, s in stamps]
    lines += [""] * rng.randint(2, 30)
    province = rng.choice("京沪粤浙苏鲁")
    lines.append(f"{province}公网安备 {rng.randint(10**13, 10**14 - 1)}号")
    if rng.random() < 0.5:
        lines.append(f"{province}ICP备{rng.randint(10**7, 10**8 - 1)}号-{rng.randint(1, 9)}")
    if rng.random() < 0.4:
        lines.append(f"责任编辑：{_name(rng)}")
    return "\n".join(lines)


def annotate_pinyin(simplified: str, traditional: str, rng: random.Random, rate: float) -> str:
    """Glue tone-marked pinyin after some characters: ``政協(xié)委員``.

    Characters whose Traditional form differs are annotated at ``rate``, the
    others at a fifth of it (real pages gloss mostly the "hard" characters).
    """
    from pypinyin import Style, lazy_pinyin

    readings = lazy_pinyin(simplified, style=Style.TONE, errors=lambda chunk: [""] * len(chunk))
    if len(readings) != len(simplified) or len(traditional) != len(simplified):
        return traditional
    out = []
    for s, t, py in zip(simplified, traditional, readings):
        out.append(t)
        if py and rng.random() < (rate if s != t else rate / 5):
            out.append(f"({py})")
    return "".join(out)


def gbk_shift(text: str, rng: random.Random, spots: int) -> str:
    """Damage a few runs the way a one-byte-off GBK decode does: ``。《行動`` → ``?！缎袆?``.

    The run's GBK bytes are read from their second byte on, so every pair
    straddles two characters; the lost first byte and a dangling last one
    become ``?``.
    """
    for _ in range(spots):
        runs = list(re.finditer(rf"[{CJK}。，《》“”]{{3,8}}", text))
        if not runs:
            break
        m = rng.choice(runs)
        try:
            raw = m[0].encode("gbk")
        except UnicodeEncodeError:
            continue
        damaged = "?" + raw[1:].decode("gbk", errors="replace").replace("\ufffd", "?")
        text = text[:m.start()] + damaged + text[m.end():]
    return text


def _choose_encoding(rng: random.Random, traits: set[str]) -> str:
    kind = "pinyin" if "pinyin" in traits else "traditional" if "traditional" in traits else "simplified"
    names, weights = zip(*ENCODINGS[kind])
    return rng.choices(names, weights)[0]


def encode_page(text: str, encoding: str) -> tuple[bytes, str]:
    """The page's bytes; GBK falls back to GB18030 and Big5 to UTF-8 for characters they lack."""
    try:
        return text.encode(encoding), encoding
    except UnicodeEncodeError:
        fallback = {"gbk": "gb18030"}.get(encoding, "utf-8")
        return text.encode(fallback), fallback


def make_page(rng: random.Random, pool: Pool, n_articles: int, used: set[str]) -> tuple[str, list[str], set[str]]:
    """A seed page's text, its article titles and the kinds of damage it got."""
    traits: set[str] = set()
    parts, titles = [], []
    for _ in range(n_articles):
        text, title = make_article(rng, pool, used, traits)
        parts.append(text)
        titles.append(title)
    text = "\n".join(parts)
    if rng.random() < 0.6:  # blank lines between paragraphs, as in many web copies
        text = text.replace("\n", "\n\n")
    if rng.random() < 0.15:
        text = "\n".join("　　" + line if len(line) > 30 else line for line in text.split("\n"))
        traits.add("indent")
    if rng.random() < 0.35:
        text += "\n" + make_footer(rng)
        traits.add("footer")
    if rng.random() < 0.25:
        simplified = text
        text = _opencc(rng.choice(("s2t", "s2tw", "s2hk"))).convert(simplified)
        traits.add("traditional")
        if rng.random() < 0.6:
            text = annotate_pinyin(simplified, text, rng, rng.uniform(0.15, 0.45))
            traits.add("pinyin")
    if rng.random() < 0.06:
        text = gbk_shift(text, rng, rng.randint(1, 2))
        traits.add("mojibake")
    if rng.random() < 0.3:
        text = "\n" * rng.randint(1, 3) + text
    return text, titles, traits


def make_corpus(folder: Path, articles: int = 2000, seed: int = 0, pool: Pool | None = None) -> Corpus:
    """Write seeds holding ``articles`` articles in total into ``folder`` (1-3 per seed)."""
    rng = random.Random(seed)
    pool = pool or build_pool()
    folder.mkdir(parents=True, exist_ok=True)
    used: set[str] = set()
    seeds: list[SeedInfo] = []
    left = articles
    while left > 0:
        n = min(left, rng.choices((1, 2, 3), (40, 35, 25))[0])
        left -= n
        text, titles, traits = make_page(rng, pool, n, used)
        data, encoding = encode_page(text, _choose_encoding(rng, traits))
        name = f"{len(seeds):05d}_{rng.getrandbits(64):016x}.txt"
        (folder / name).write_bytes(data)
        seeds.append(SeedInfo(name, encoding, len(text), len(data), titles, sorted(traits)))
    return Corpus(folder, seed, seeds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    corpus = make_corpus(args.folder, args.articles, args.seed)
    manifest = args.folder.parent / f"{args.folder.name}.corpus.json"
    manifest.write_text(json.dumps(corpus.to_json(), ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(corpus.seeds)} seeds, {corpus.articles} articles, {corpus.chars:,} chars -> {args.folder}; "
          f"manifest {manifest}")


if __name__ == "__main__":
    main()
