"""Stage 5: drop page junk, whole lines only.

Web and e-paper pages carry lines that belong to the page, not to the
article: timestamp lists, "related news" headers, editor credits, ICP and
police licence numbers, copyright notices, share/print widgets, page numbers.

Every rule matches the *shape of a whole line* (anchored regexes on short
lines), never a keyword somewhere inside running text: a sentence such as
``责任编辑对稿件进行了审核。`` is never dropped. Lines are returned unchanged
(not stripped); blank lines are dropped because the seeds use them
inconsistently (between paragraphs, or inside a hard-broken paragraph), so
they carry no paragraph information for :func:`digest.clean.reflow.reflow`.

Author, reporter and source lines (``作者：`` ``记者`` ``来源：``) are kept: the
article splitter reads them.
"""

from __future__ import annotations

import re

from digest.chardata import EDITOR_ROLE, FIGURE, FULL_STOP, FULL_STOPS, UI_WORDS, alternation, ends_sentence

# A line holding a full stop (FULL_STOP) is running text; the rules below
# (except the anchored notice rule) never touch it.

#: List bullets that web pages put before link-list items.
_BULLET = r"[-–—*·•●○■□▪◆◇►▶>»]"
_OPEN = r"[\[【(（〔]"
_CLOSE = r"[\]】)）〕]"
_DATE = (
    r"(?:\d{4}\s*[年/.\-]\s*\d{1,2}\s*[月/.\-]\s*\d{1,2}\s*日?"
    r"|\d{1,2}\s*月\s*\d{1,2}\s*日)"
    r"(?:\s*(?:星期|周)[一二三四五六日天])?"
)
_TIME = r"\d{1,2}\s*[:：]\s*\d{2}(?:\s*[:：]\s*\d{2})?"
_STAMP = rf"(?:{_DATE}(?:\s*{_TIME})?|{_TIME})"

_TIMESTAMP_LINE = re.compile(rf"^\s*(?:{_BULLET}\s*)?{_OPEN}?\s*{_STAMP}\s*{_CLOSE}?\s*$")
_DATED_LIST_ITEM = re.compile(rf"^\s*{_BULLET}\s*[^{FULL_STOPS}]{{1,80}}?\s*{_OPEN}?\s*{_STAMP}\s*{_CLOSE}?\s*$")
_BULLET_ITEM = re.compile(rf"^\s*{_BULLET}\s*\S")

_EDITOR_CREDIT = re.compile(
    rf"^\s*{_OPEN}?\s*(?:本文|本期|本版)?(?:{EDITOR_ROLE})\s*(?:[:：]|\s)\s*[^{FULL_STOPS}]{{0,30}}$"
)

_LICENCE = re.compile(
    r"ICP\s*[备证]|公网安备|网安备\s*\d"
    r"|(?:增值电信业务|网络文化|互联网新闻信息服务|信息网络传播视听节目|广播电视节目制作)(?:经营)?许可证"
    r"|违法和不良信息举报|举报(?:电话|邮箱)\s*[:：]",
    re.IGNORECASE,
)

_COPYRIGHT = re.compile(r"版权所有|©|copyright|\(c\)\s*\d{4}|all rights reserved|转载请注明", re.IGNORECASE)
_RIGHTS_NOTICE_START = re.compile(
    rf"^\s*{_OPEN}?\s*(?:版权声明|免责声明|特别声明|版权所有|copyright|©|本文为.{{0,12}}原创|未经.{{0,10}}(?:授权|许可|同意))",
    re.IGNORECASE,
)

#: Phrases that only ever start a widget line (share bar, print/close links,
#: font-size switch, QR-code prompt, previous/next navigation).
_WIDGET_START = re.compile(
    rf"^\s*{_OPEN}?\s*(?:分享到|分享至|分享\s*[:：]|一键分享|打印本页|打印此页|打印文章|关闭窗口|关闭本页"
    r"|扫一扫|扫描二维码|微信扫一扫|手机扫描|用手机扫描|字号|字体\s*[:：]|返回顶部|返回首页|返回列表"
    r"|收藏本页|加入收藏|我要纠错|我要评论|[上下]一篇(?:\s*[:：]|\s|$)"
    r"|阅读全文|展开全文|查看更多|加载更多"
    r"|复制链接|复制网址|复制连结|字级|字体大小|调整字体|(?:欢迎|扫码|点击|长按)?关注我们|欢迎关注|扫码关注|点击关注"
    r"|长按(?:识别)?二维码|(?:阅读|看|点我看|点击看)更多|下载\s*(?:APP|客户端)|打开\s*(?:APP|客户端)|在\s*APP\s*内打开)",
    re.IGNORECASE,
)
#: A view counter: ``阅读量：1.2万``, ``浏览次数 356``.
_VIEW_COUNT = re.compile(rf"^\s*{_OPEN}?\s*(?:浏览|阅读|点击|访问)(?:次数|量|数)\s*[:：]?\s*[\d.]+万?")
#: Widget words that may make up a whole widget line together ("【打印】【关闭】").
_WIDGET_WORDS = re.compile(
    f"{alternation(UI_WORDS)}|打印本页|关闭窗口|关闭|纠错|返回|顶部|扫一扫|二维码|[大中小]|默认|上一页|下一页|首页|尾页|末页",
    re.IGNORECASE,
)
_WIDGET_LEFTOVER = re.compile(r"[\s\d\[\]【】()（）|｜/:：,，、·•>»<«\-]*")
_PAGE_NUMBER = re.compile(
    r"^[\s\-—–(（\[【]*(?:第\s*)?\d{1,4}\s*(?:[/／]\s*\d{1,4}\s*)?页?(?:\s*共\s*\d{1,4}\s*页)?[\s\-—–)）\]】]*$"
)
#: Breadcrumb navigation: ``当前位置：首页 > 新闻中心 > 国内``.
_BREADCRUMB = re.compile(
    r"^\s*(?:(?:当前位置|您的位置|你的位置|您现在的位置)\s*[:：].*"
    r"|(?:[^\s>›»]{1,12}\s*[>›»]+\s*){2,}[^\s>›»]{1,30})\s*$"
)
_RULE_LINE = re.compile(r"^[\s\-—–=_*~～·•#■□◆◇★☆●○▲△▼▽※+|]+$")

#: Headers of link lists; dropped together with the bullet items they introduce.
_LIST_HEADER = re.compile(
    rf"^\s*{_OPEN}?\s*(?:精选|精彩推荐|推荐阅读|相关阅读|延伸阅读|相关新闻|相关报道|相关链接|相关文章"
    r"|猜你喜欢|热门推荐|热点推荐|编辑推荐|今日推荐|热门文章|热门新闻|热点新闻|最新文章|最新新闻"
    rf"|往期回顾|往期推荐|更多精彩|更多新闻|更多阅读|点击排行|阅读排行)\s*{_CLOSE}?\s*[:：>›»]*\s*$"
)
#: A short label ending with a colon ("精选:"); a list header only if a
#: junk list follows it or nothing but junk does.
_COLON_LABEL = re.compile(r"^\s*[^\s:：，,。；;！？!?]{1,12}\s*[:：]\s*$")


def is_blank(line: str) -> bool:
    """Empty or whitespace-only lines; see the module docstring for why they go."""
    return not line.strip()


def is_timestamp_line(line: str) -> bool:
    """A line that is only a date and/or time, possibly a list bullet.

    Link lists under an article (``- 2026年01月23日 09:47:54``) leave these behind;
    the page date is read from the raw text before this stage, so nothing is lost.
    """
    return _TIMESTAMP_LINE.match(line) is not None


def is_dated_list_item(line: str) -> bool:
    """A bulleted link-list item ending in its date: ``· 北京发布新政 2026-01-23``.

    A bullet plus a trailing timestamp and no sentence end is the shape of a
    "related news" link, never of article text.
    """
    return _DATED_LIST_ITEM.match(line) is not None


def is_editor_credit(line: str) -> bool:
    """Editorial staff credits: ``责任编辑：张三``, ``（编辑 李四 校对：王五）``.

    Anchored at the line start and limited to a short name part, so a sentence
    that mentions an editor is kept.
    """
    return _EDITOR_CREDIT.match(line) is not None and not FULL_STOP.search(line)


def is_licence_line(line: str) -> bool:
    """Site licence footers: ``京ICP备05070602号``, ``京公网安备 11010202009201号``.

    Only when the line is not running text (no 。！？).
    """
    return not FULL_STOP.search(line) and _LICENCE.search(line) is not None


def is_copyright_line(line: str) -> bool:
    """Copyright footers and rights notices: ``Copyright © 2026 人民网``, ``版权所有``.

    A notice with a sentence end is dropped only when it *starts* with the
    notice (``版权声明：…不得转载。``, ``未经授权，不得转载。``).
    """
    if _RIGHTS_NOTICE_START.match(line):
        return True
    return not FULL_STOP.search(line) and _COPYRIGHT.search(line) is not None


def is_widget_line(line: str) -> bool:
    """Share, print, font-size, copy-link, follow and navigation widgets:
    ``分享到：微信 微博``, ``【字号 大 中 小】``, ``打印本页 关闭窗口``,
    ``扫一扫在手机打开当前页``, ``复制链接``, ``欢迎关注我们的公众号``, ``分享 facebook``.

    A short line either starting with a widget phrase or made only of two or
    more widget words (one word alone, like ``评论``, may be a column label).
    A line with a sentence mark or a figure (``关注我们的三个理由：降价30%``) is text.
    """
    if len(line) > 40 or FULL_STOP.search(line):
        return False
    if _VIEW_COUNT.match(line):
        return True
    if FIGURE.search(line):
        return False
    if _WIDGET_START.match(line):
        return True
    rest, words = _WIDGET_WORDS.subn("", line)
    return words >= 2 and _WIDGET_LEFTOVER.fullmatch(rest) is not None


#: A link bar: three or more short items between ``|`` separators.
_LINK_BAR = re.compile(r"^\s*(?:[^|｜。！？]{1,14}[|｜]){2,}[^|｜。！？]{0,14}\s*$")
#: A newspaper page or section label: ``第A03版：要闻``, ``A12版``, ``版面：国际新闻``, ``上一版 下一版``.
_PAGE_LABEL = re.compile(
    r"^\s*[\[【(（]?\s*(?:第\s*)?[A-Za-z]?\d{1,3}\s*版(?:\s*[:：]?\s*[^\s。，！？]{0,12})?\s*[\]】)）]?\s*$"
    r"|^\s*(?:版面|版次|版名|栏目|频道)\s*[:：]\s*[^\s。，！？]{1,12}\s*$"
    r"|^\s*(?:[上下]一版|返回目录|本版目录|版面导航)(?:\s+(?:[上下]一版|返回目录|本版目录|版面导航))*\s*$"
)


def is_link_bar(line: str) -> bool:
    """Site navigation set with ``|``: ``首页 | 国内 | 国际 | 财经``, ``关于我们｜联系我们｜广告服务``.

    Three or more short items; a line that ends a sentence or quotes a figure
    (``营收 | 3000亿元 | 增长5%``, a table row) stays.
    """
    return (_LINK_BAR.match(line) is not None and not ends_sentence(line)
            and FIGURE.search(line) is None)


def is_page_label(line: str) -> bool:
    """A newspaper page or section label: ``第A03版：要闻``, ``版面：国际``, ``上一版 下一版``.

    The section name printed on a page is not the article's title; the column
    (``行业分析``) is read by the splitter from its own line, not from these.
    """
    return _PAGE_LABEL.match(line) is not None


def is_page_number(line: str) -> bool:
    """A lone page number: ``3``, ``- 3 -``, ``第3页``, ``2/5``, ``第2页 共5页``."""
    return _PAGE_NUMBER.match(line) is not None


def is_breadcrumb(line: str) -> bool:
    """Site navigation: ``当前位置：首页 > 新闻中心``, ``首页 > 国内 > 正文``.

    Two or more ``>`` between short items, or a "you are here" label, and no sentence end.
    """
    return _BREADCRUMB.match(line) is not None and not FULL_STOP.search(line)


def is_rule_line(line: str) -> bool:
    """A decoration-only separator: ``--------``, ``★★★``, ``■``."""
    return _RULE_LINE.match(line) is not None


#: Rules for lines that are junk wherever they stand.
LINE_RULES = (
    is_blank,
    is_timestamp_line,
    is_dated_list_item,
    is_editor_credit,
    is_licence_line,
    is_copyright_line,
    is_widget_line,
    is_page_number,
    is_page_label,
    is_link_bar,
    is_breadcrumb,
    is_rule_line,
)


#: The rules of LINE_RULES that can match a line holding a full stop (。！？!?): the
#: others exclude it by their pattern or say so. Most lines are running text, so
#: :func:`is_junk_line` tries only these on them.
TEXT_LINE_RULES = (is_copyright_line, is_page_label, is_link_bar)


def is_junk_line(line: str) -> bool:
    """True if any rule of :data:`LINE_RULES` matches the whole line."""
    rules = LINE_RULES if FULL_STOP.search(line) is None else TEXT_LINE_RULES
    return any(rule(line) for rule in rules)


def _is_list_item(line: str) -> bool:
    """An item of a link list: a bullet line without a sentence end."""
    return _BULLET_ITEM.match(line) is not None and not FULL_STOP.search(line)


def drop_junk_lines(lines: list[str]) -> list[str]:
    """Drop page-junk lines and the headers of junk link lists.

    A known list header (``推荐阅读``, ``相关新闻：``) goes with the bullet items
    right after it. A generic short label ending in a colon (``精选:``) goes
    only when a junk line follows it (after blank lines) or when nothing but
    junk follows it to the end of the page; otherwise it is an ordinary
    label such as ``主要措施：`` and stays.

    >>> drop_junk_lines(["正文。", "精选:", "- 2026年01月23日 09:47:54", "", "京公网安备 11010202009201号"])
    ['正文。']
    """
    junk = [is_junk_line(line) for line in lines]
    keep = [not j for j in junk]
    for i, line in enumerate(lines):
        if keep[i] and _LIST_HEADER.match(line):
            keep[i] = False
            j = i + 1
            while j < len(lines) and (junk[j] or _is_list_item(lines[j])):
                keep[j] = False
                j += 1
    next_kept = len(lines)  # index of the next kept line, scanning backwards
    for i in range(len(lines) - 1, -1, -1):
        if keep[i] and _COLON_LABEL.match(lines[i]):
            j = i + 1
            while j < len(lines) and is_blank(lines[j]):
                j += 1
            if next_kept == len(lines) or (j < len(lines) and junk[j]):
                keep[i] = False
        if keep[i]:
            next_kept = i
    return [line for line, k in zip(lines, keep) if k]
