from digest.publish.slug import make_slug


def test_slug_is_pinyin_with_a_stable_hash():
    slug = make_slug("人工智能“潮”起北京", ["正文。"])
    assert slug.startswith("ren-gong-zhi-neng-chao-qi-bei-jing-")
    assert slug == make_slug("人工智能“潮”起北京", ["正文。"])


def test_same_title_different_text_gives_distinct_slugs():
    assert make_slug("同一标题", ["甲。"]) != make_slug("同一标题", ["乙。"])


def test_hostile_titles_give_safe_slugs():
    import re

    for title in ["../../etc/passwd", "/abs/path", "！！！", "。。。", "", "x" * 500, "a\\b\0c", "名" * 300]:
        slug = make_slug(title, ["正文。"])
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug), slug
        assert len(slug) <= 60
