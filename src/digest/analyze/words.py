"""Content words: the segmented words that can say what an article is about.

Summary similarity and keywords both need "the words that carry meaning", so the
filter lives here once.  rjieba gives no part of speech, so the filter is a list
of generic news words plus shape rules (length, digits) plus jieba's IDF.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from digest.chardata import CJK_RANGES
from digest import lexicon
from digest.lexicon import cut, idf_table, jieba_file, precomputed, word_idf

#: Words that are frequent in Chinese news whatever the story: reporting verbs,
#: officialese (推动, 助力, 高质量), time words, connectives, vague quantities.
#: jieba's IDF comes from a general corpus and rates much of this news-speak as
#: rare (助力 8.8, 聚焦 8.3), so IDF alone does not remove it.
STOPWORDS = frozenset("""
表示 认为 指出 强调 介绍 称 说 说道 坦言 透露 告诉 提到 谈到 分享 建议 呼吁 希望
记者 本报 报道 本报讯 通讯员 编辑 责任编辑 责编 作者 来源 采访 接受 据悉 获悉 了解 新闻 消息 图片 摄
国家 今年 去年 明年 今天 昨天 明天 近日 日前 近期 目前 当前 此前 以来 期间 时期 未来 同时 随后 至此 如今 曾经 近年来 年初 年底
一是 二是 三是 四是 五是 其中 此外 另外 以及 并且 而且 不仅 更是 也是 还是 就是 只是 但是 然而 因此 所以 因为 如果 虽然 进而 从而 甚至
我们 他们 你们 我国 大家 自己 这一 这些 那些 这个 那个 一个 一些 一种 各个 各类 各种 多个 多位 众多 大量 更多 不少 许多 部分 整体
进行 推动 推进 促进 助力 助推 打造 构建 加快 加大 加强 坚持 聚焦 围绕 开展 实现 提升 提高 增强 深化 强化 完善 落实 推出 发挥 形成 带来 带动 拉动 注入
发展 高质量 持续 发力 积极 不断 进一步 全面 深入 有效 有力 显著 真正 直接 逐渐 共同 携手 深度 正在 已经 能够 可以 需要 应该 必须 不得不
相关 有关 重要 主要 关键 核心 重点 一系列 相应 一定 具有 作为 成为 提供 包括 通过 对于 关于 根据 按照 面对 面向 依托 借助 基于
方面 工作 问题 方向 领域 水平 能力 作用 效率 质量 成果 举措 措施 方式 体系 机制 环境 格局 基础 优势 价值 意义 情况 过程 阶段 背景 趋势 目标 任务
如何 什么 怎么 为何 怎样 哪些 为什么 多少
""".split())

#: Tokens that are numbers or numbers with a counter/date word: 2025, 5.7, 亿元, 第四批, 万人.
_NUMERIC = re.compile(
    r"^[第\d.,，%％一二两三四五六七八九十百千万亿零〇]*[\d一二两三四五六七八九十百千万亿零〇]+"
    r"[\d.%％]*(?:亿元|万元|美元|元|年|月|日|号|个|家|位|名|人|次|批|项|倍|成|期|届)?$"
    r"|^(?:万|亿|万亿)?(?:元|美元|亿元|万元|欧元|日元|人次)$"
)
#: A token worth looking at: Chinese, or a Latin name such as AI or CISMA.
_WORDLIKE = re.compile(f"[{CJK_RANGES}]|[A-Za-z]{{2,}}")

#: IDF below this is a word found in most documents (发展 3.6, 经济 3.6, 一个 2.8).
MIN_IDF = 4.0


@lru_cache(maxsize=1)
def unknown_idf() -> float:
    """IDF given to words jieba's table does not list (names, new terms, HMM guesses).

    jieba uses the table's median (about 11.9), the IDF of a very rare word;
    that lets one-off names and mis-segmented fragments outrank the article's
    real subject words.  The 10th percentile (about 9.3, like 人工智能) treats an
    unknown word as specific but not exotic.
    """
    return precomputed("unknown-idf", (jieba_file("analyse/idf.txt"), Path(lexicon.__file__), Path(__file__)),
                       _idf_decile)


def _idf_decile() -> float:
    values = sorted(idf_table().values())  # 50 ms: saved between processes by unknown_idf
    return values[len(values) // 10]


#: Per-word verdicts are cached: every article repeats the common words of
#: the language; this many entries hold them (a few MB) and bound the memory.
WORD_CACHE_SIZE = 1 << 16


@lru_cache(maxsize=WORD_CACHE_SIZE)
def idf(word: str) -> float:
    """jieba's IDF of ``word``; unknown words get :func:`unknown_idf`."""
    return word_idf(word) or unknown_idf()


@lru_cache(maxsize=WORD_CACHE_SIZE)
def is_content_word(word: str) -> bool:
    """True for a word that can carry an article's subject.

    Drops punctuation and spaces, single characters (mostly particles: 的, 了,
    在), numbers and number-with-counter tokens (``690``, ``亿元``, ``第四批``),
    listed news-speak and words jieba's IDF marks as everywhere.

    >>> [w for w in ["的", "人工智能", "690", "亿元", "推动", "AI"] if is_content_word(w)]
    ['人工智能', 'AI']
    """
    if len(word) < 2 or word in STOPWORDS or not _WORDLIKE.search(word):
        return False
    if _NUMERIC.match(word):
        return False
    return idf(word) >= MIN_IDF


#: Sentences kept segmented: more than any article holds, so the summary and
#: the keywords of an article share one segmentation of each sentence.
SENTENCE_CACHE_SIZE = 4096


@lru_cache(maxsize=SENTENCE_CACHE_SIZE)
def words_of(text: str) -> tuple[str, ...]:
    """rjieba's words of one sentence or title, in order (cached).

    Segmentation is the costly step of analysis, and the summary and the
    keywords read the same sentences: each is cut once.
    """
    return tuple(cut(text))


@lru_cache(maxsize=SENTENCE_CACHE_SIZE)
def content_words(text: str) -> tuple[str, ...]:
    """The content words of ``text`` in order, repeats kept (cached)."""
    return tuple(filter(is_content_word, words_of(text)))
