import pytest

from digest.english.glossary import (CEDICT_CREDIT, GlossEntry, cedict_index, clean_definitions,
                                     dictionary_pieces, gloss, glossary, pinyin_with_marks,
                                     syllable_with_mark)


@pytest.fixture(scope="session")
def cedict() -> dict:
    """CC-CEDICT, read once per session (the glossary caches it for every later call)."""
    return cedict_index()


@pytest.fixture(autouse=True)
def _dictionary(cedict):
    """Every test here uses CC-CEDICT; the session fixture loads it once."""


def test_artificial_intelligence():
    entry = gloss("人工智能")
    assert entry == GlossEntry("人工智能", "réngōng zhìnéng", "artificial intelligence (AI)")
    assert "artificial intelligence" in entry.english


def test_first_three_definitions_without_classifier_noise():
    assert gloss("企业").english == "company; firm; enterprise"
    assert gloss("银行").english == "bank"  # "CL:家[jia1],個|个[ge4]" dropped
    assert gloss("芯片") == GlossEntry("芯片", "xīnpiàn", "computer chip; microchip")


def test_entry_chosen_by_reading_not_surname():
    assert gloss("任").english.startswith("to assign")
    assert gloss("曾").pinyin == "céng"


def test_proper_nouns_keep_capitals_word_by_word():
    assert gloss("中华人民共和国").pinyin == "Zhōnghuá Rénmín Gònghéguó"
    assert gloss("习近平").pinyin == "Xí Jìnpíng"
    assert gloss("西安").pinyin == "Xī'ān"


def test_variant_entry_follows_its_target():
    assert gloss("台湾").english == "Taiwan"


def test_long_definition_cut_at_first_comma_outside_parentheses():
    assert gloss("一带一路").english == "Belt and Road Initiative"
    assert clean_definitions("(particle, marks a change of state)/x") == [
        "(particle, marks a change of state)", "x"]


def test_cross_reference_becomes_readable():
    assert clean_definitions("used before 臺灣|台湾[Tai2 wan1] here") == ["used before 台湾 (Táiwān) here"]


def test_missing_word_is_composed_from_segments():
    entry = gloss("具身智能")
    assert entry.composed is True
    assert entry.pinyin == "jù shēn zhìnéng"
    assert entry.english.endswith("+ intelligent")
    assert gloss("AI芯片") == GlossEntry("AI芯片", "AI xīnpiàn", "AI + computer chip", composed=True)


def test_no_gloss_for_text_without_han_or_unknown_characters():
    assert gloss("GDP") is None
    assert gloss("𪚥") is None  # outside the BMP ranges: not a CJK word we know


def test_glossary_keeps_order_skips_unknown_and_repeats():
    entries = glossary(["芯片", "GDP", "银行", "芯片"])
    assert [e.word for e in entries] == ["芯片", "银行"]


def test_numbered_pinyin_to_tone_marks():
    assert syllable_with_mark("zhong1") == "zhōng"
    assert syllable_with_mark("lu:4") == "lǜ"
    assert syllable_with_mark("ma5") == "ma"
    assert syllable_with_mark("C") == "C"
    assert pinyin_with_marks("3C", "san1 C") == "sān C"
    assert pinyin_with_marks("AA制", "A A zhi4") == "A A zhì"


def test_credit_names_source_and_licence():
    assert CEDICT_CREDIT.url == "https://cc-cedict.org/"
    assert "CC BY-SA 4.0" in CEDICT_CREDIT.text and "MDBG" in CEDICT_CREDIT.text


def test_unknown_segment_is_spelled_with_fewest_dictionary_words():
    assert dictionary_pieces("今年年初") == ["今年", "年初"]
    assert gloss("今年年初").english == "this year + beginning of the year"
    assert gloss("九大新街") is None  # four single-character parts: no word salad


# ------------------------------------------------------------------ one sense per keyword

from digest.english.glossary import best_sense, keyword_gloss  # noqa: E402


def test_one_sense_chosen_by_the_articles_field():
    """A sense confined to a field (mining) needs a context naming it."""
    senses = "computing power/hash rate (digital currency mining)"
    assert best_sense(senses, "AI policy: artificial intelligence computing") == "computing power"
    assert best_sense(senses, "bitcoin mining farms") == "hash rate (digital currency mining)"
    assert keyword_gloss("算力", "AI policy").english == "computing power"


def test_words_shared_with_the_context_choose_among_synonyms():
    assert keyword_gloss("场景", "AI application scenarios").english == "scenario"
    assert keyword_gloss("场景", "").english == "scene"


def test_capitalised_proper_sense_needs_the_context():
    assert keyword_gloss("三位一体", "a three-in-one strategy for AI").english == "trinity"
    assert keyword_gloss("三位一体", "the Holy Trinity in Christian doctrine").english == "Holy Trinity"


def test_only_one_sense_is_shown():
    for word in ("人才", "企业", "模型", "补贴"):
        english = keyword_gloss(word, "").english
        assert english and ";" not in english and "/" not in english, (word, english)
    assert keyword_gloss("人才", "").english == "talent"


def test_no_fitting_sense_keeps_pinyin_without_a_gloss():
    entry = keyword_gloss("具身智能")  # not in CC-CEDICT: no literal "tool + body + intelligent"
    assert entry.english == "" and entry.pinyin
    assert keyword_gloss("国补").pinyin == "guó bǔ"
    assert best_sense("hash rate (digital currency mining)", "AI policy") is None


def test_glossary_with_context_lists_every_chinese_keyword_once():
    entries = glossary(["算力", "具身智能", "GDP", "算力"], "AI policy")
    assert [(e.word, e.english) for e in entries] == [("算力", "computing power"), ("具身智能", "")]


def test_a_field_sense_needs_its_field_word_not_any_word_of_its_label():
    senses = "computing power/hash rate (digital currency mining)"
    assert best_sense(senses, "the digital economy") == "computing power"


def test_sense_comes_from_the_chosen_entry_not_a_variant_line_with_the_same_reading():
    assert keyword_gloss("台湾").english == "Taiwan"  # 台湾 has a "variant of" line first


def test_gloss_reads_as_a_gloss():
    from digest.english.glossary import readable_sense

    assert readable_sense("Shenzhen subprovincial city in Guangdong") == "Shenzhen"
    assert readable_sense("Ministry of Foreign Affairs") == "Ministry of Foreign Affairs"
    assert readable_sense("Xi Jinping (1953-)") == "Xi Jinping"
    assert readable_sense("National People's Congress (abbr. for 全国人民代表大会 (Quánguó Rénmín Dàibiǎo Dàhuì))") \
        == "National People's Congress"
    assert readable_sense("(administrative) national-level") == "national-level"
    assert readable_sense("an exit") == "exit"


def test_noun_sense_before_verb_and_proper_name_only_beside_no_common_use():
    assert keyword_gloss("创新").english == "innovation"
    assert keyword_gloss("外交部").english == "Ministry of Foreign Affairs"  # "foreign office" is not its generic use
