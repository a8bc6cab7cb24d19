"""html_to_text: made-up news pages with the furniture real ones carry."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from digest.ingest.html import clean_title, html_to_text
from digest.split.articles import split_articles

NEWS_PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>缝制机械如何破局_财经频道_某某新闻网</title>
<meta property="og:title" content="全球产业链格局变动 缝制机械如何破局 - 某某新闻网">
<script>var ad = "<p>脚本里的段落</p>";</script>
<style>p { color: red }</style>
</head><body class="nav-open">
<header class="site-header"><div class="logo">某某新闻网</div>
  <nav><a href="/">首页</a><a href="/cj">财经</a></nav></header>
<div class="breadcrumb"><a href="/">首页</a> &gt; <a>财经频道</a></div>
<div class="ad-banner"><p>点击领取优惠券，限时特惠大促销活动进行中！</p></div>
<div class="wrap">
 <article class="news">
  <h1>全球产业链格局变动 缝制机械如何破局</h1>
  <div class="info"><time datetime="2025-09-26T08:30:00+08:00">2025-09-26 08:30</time>
   <span class="author">记者 王薛滔</span> <span class="source">来源：中国缝制机械网</span></div>
  <div class="share-bar"><a>微信</a><a>微博</a>分享到</div>
  <p>9月25日，上海新国际博览中心群贤毕至。以“坚持开放包容，携手创新发展”为主题的<b>CISMA2025</b>国际合作发展论坛在此举行。</p>
  <p>论坛上，有代表把 &lt;script&gt;alert(1)&lt;/script&gt; 写进了发言稿。</p>
  <h2>合作共赢</h2>
  <p>面对变革，杨晓京向全球同业发出三项倡议。<br>一是聚焦新质生产力。<br>二是聚焦转型。</p>
  <div class="related-news"><h3>相关新闻</h3><ul><li><a>另一篇新闻的标题</a></li></ul></div>
  <div class="recommend"><p>为你推荐：更多精彩内容</p></div>
 </article>
 <aside class="sidebar"><p>热门排行：第一名的新闻标题在这里</p></aside>
</div>
<div id="comments"><p>网友评论：说得好！</p></div>
<footer><p>版权所有 © 某某新闻网</p></footer>
<!-- <p>注释里的段落</p> -->
<iframe src="https://example.com/ad"></iframe>
<form><p>订阅我们的新闻简报</p></form>
<noscript><p>请启用脚本</p></noscript>
</body></html>"""


def test_news_page_gives_title_date_byline_source_and_paragraphs():
    assert html_to_text(NEWS_PAGE).splitlines() == [
        "全球产业链格局变动 缝制机械如何破局",
        "2025年9月26日",
        "记者 王薛滔",
        "来源：中国缝制机械网",
        "9月25日，上海新国际博览中心群贤毕至。以“坚持开放包容，携手创新发展”为主题的CISMA2025国际合作发展论坛在此举行。",
        "论坛上，有代表把 <script>alert(1)</script> 写进了发言稿。",
        "合作共赢",
        "面对变革，杨晓京向全球同业发出三项倡议。",
        "一是聚焦新质生产力。",
        "二是聚焦转型。",
    ]


def test_furniture_never_reaches_the_text():
    text = html_to_text(NEWS_PAGE)
    for junk in ("脚本里的段落", "color", "首页", "优惠券", "分享到", "相关新闻", "为你推荐", "热门排行",
                 "网友评论", "版权所有", "注释里的段落", "订阅", "请启用脚本"):
        assert junk not in text


def test_news_page_reads_as_one_article():
    [article] = split_articles(html_to_text(NEWS_PAGE).splitlines())
    assert article.title == "全球产业链格局变动 缝制机械如何破局"
    assert (article.authors, article.source) == (["王薛滔"], "中国缝制机械网")
    assert article.date.isoformat() == "2025-09-26"
    assert [b.text for b in article.blocks if b.heading] == ["合作共赢"]


DIV_PAGE = """<html><head><title>杭州老旧小区改造按下快进键 | 杭州新闻网</title>
<meta name="author" content="林小雨">
<meta property="article:published_time" content="2025-03-12T10:00:00+08:00"></head>
<body><div id="nav"><ul><li>首页</li><li>本地</li></ul></div>
<div class="main-content has-sidebar">
 <div class="text">
  <p>今年以来，杭州市持续推进城市更新，老旧小区改造开工数量创历年新高，居民满意度明显提升。</p>
  <p>据介绍，改造内容涵盖管网更新、加装电梯和公共空间提升，惠及居民超过十二万户。</p>
 </div>
 <div class="side"><p>广告位招租</p></div>
</div>
<div class="footer">杭州新闻网 版权所有</div></body></html>"""


def test_page_without_article_tag_uses_the_densest_container_and_meta_tags():
    assert html_to_text(DIV_PAGE).splitlines() == [
        "杭州老旧小区改造按下快进键",
        "2025年3月12日",
        "作者：林小雨",
        "来源：杭州新闻网",  # the site, from the title's suffix
        "今年以来，杭州市持续推进城市更新，老旧小区改造开工数量创历年新高，居民满意度明显提升。",
        "据介绍，改造内容涵盖管网更新、加装电梯和公共空间提升，惠及居民超过十二万户。",
    ]


def test_text_set_with_line_breaks_and_a_date_line():
    page = """<html><body><h1>暴雨过后道路恢复通行</h1>
    <div class="pubtime">2025年7月3日 09:15</div>
    <div>暴雨过后，救援队连夜抢修道路。<br/><br/>目前交通已基本恢复，市民出行有序。</div></body></html>"""
    lines = html_to_text(page).splitlines()
    assert lines[:2] == ["暴雨过后道路恢复通行", "2025年7月3日"]
    assert lines[2:] == ["暴雨过后，救援队连夜抢修道路。", "目前交通已基本恢复，市民出行有序。"]


def test_clean_title_drops_the_site_suffix():
    assert clean_title("缝制机械如何破局_财经频道_某某新闻网") == "缝制机械如何破局"
    assert clean_title("杭州老旧小区改造按下快进键 | 杭州新闻网") == "杭州老旧小区改造按下快进键"
    assert clean_title("某某网 - 成都新能源车推广再提速") == "成都新能源车推广再提速"
    assert clean_title("COVID-19疫苗研发进展") == "COVID-19疫苗研发进展"


@given(st.text(alphabet="<>&;/\"'=ab p中文。", max_size=80))
def test_output_never_carries_markup_it_was_not_given_as_text(fragment):
    text = html_to_text(f"<html><body><article><h1>标题</h1><p>{fragment}</p><script>bad()</script></article></body></html>")
    assert "bad()" not in text and "<article" not in text and "<h1" not in text


def test_source_on_the_date_line_is_kept():
    page = ("<html><body><article><h1>缝纫机企业加速智能化</h1>"
            "<p class='date'>2025年10月8日 来源：经济日报</p><p>记者 孙七</p>"
            "<p>在浙江台州，多家缝纫机企业正加速引入人工智能技术，一台智能缝纫机可以自动识别面料厚度。</p>"
            "</article></body></html>")
    lines = html_to_text(page).splitlines()
    assert lines[:2] == ["缝纫机企业加速智能化", "2025年10月8日"]
    assert "来源：经济日报" in lines


def test_site_name_meta_is_the_source_when_the_page_names_none():
    page = ("<html><head><title>夜市重开人气旺 - 城南晚报</title>"
            "<meta property='og:site_name' content='城南晚报网'></head><body><article><h1>夜市重开人气旺</h1>"
            "<p>停业半年的老街夜市昨晚重新开放，两百多个摊位座无虚席，不少市民专程赶来。</p></article></body></html>")
    assert "来源：城南晚报网" in html_to_text(page).splitlines()
    page = page.replace("<meta property='og:site_name' content='城南晚报网'>", "")
    assert "来源：城南晚报" in html_to_text(page).splitlines()
