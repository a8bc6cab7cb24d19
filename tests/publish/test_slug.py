import re

from digest.publish.slug import make_slug


def test_slug_is_pinyin_with_a_hash_of_the_title():
    slug = make_slug("人工智能“潮”起北京")
    assert re.fullmatch(r"ren-gong-zhi-neng-chao-qi-bei-jing-[0-9a-f]{6}", slug)
    assert slug == make_slug("人工智能“潮”起北京")


def test_slug_depends_on_the_title_only():
    # The body is not an argument at all: correcting a sentence cannot move the URL.
    assert make_slug("人工智能“潮”起北京") != make_slug("人工智能“潮”起上海")


def test_titles_read_alike_get_distinct_slugs():
    # Same pinyin (homophones), or the same first 48 letters: the hash tells them apart.
    assert make_slug("公式") != make_slug("公示")
    long_a, long_b = "北京" * 40 + "甲", "北京" * 40 + "乙"
    assert make_slug(long_a).rsplit("-", 1)[0] == make_slug(long_b).rsplit("-", 1)[0]
    assert make_slug(long_a) != make_slug(long_b)


def test_hostile_titles_give_safe_slugs():
    for title in ["../../etc/passwd", "/abs/path", "！！！", "。。。", "", "x" * 500, "a\\b\0c", "名" * 300]:
        slug = make_slug(title)
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug), slug
        assert len(slug) <= 60
