from hypothesis import given, strategies as st

from digest.english.names import compound_parts, join_syllables, org_name, person_name


def test_person_name_surname_first_given_name_joined():
    assert person_name("任德辉") == "Ren Dehui"
    assert person_name("任德辉", tones=True) == "Rén Déhuī"
    assert person_name(" 王 ") == "Wang"


def test_heteronymous_surnames_take_their_surname_reading():
    assert person_name("单雄信") == "Shan Xiongxin"
    assert person_name("曾国藩") == "Zeng Guofan"
    assert person_name("解缙") == "Xie Jin"
    assert person_name("仇英") == "Qiu Ying"
    assert person_name("朴槿惠") == "Piao Jinhui"
    assert person_name("区庄") == "Ou Zhuang"
    assert person_name("查良镛") == "Zha Liangyong"
    assert person_name("盖叫天") == "Ge Jiaotian"
    assert person_name("繁钦") == "Po Qin"
    assert person_name("乐毅") == "Yue Yi"
    assert person_name("缪昌期") == "Miao Changqi"
    assert person_name("翟志刚", tones=True) == "Zhái Zhìgāng"


def test_compound_surnames_stay_whole():
    assert person_name("欧阳修") == "Ouyang Xiu"
    assert person_name("尉迟恭", tones=True) == "Yùchí Gōng"
    assert person_name("万俟卨") == "Moqi Xie"
    assert person_name("长孙无忌") == "Zhangsun Wuji"
    assert person_name("诸葛亮") == "Zhuge Liang"
    assert person_name("上官婉儿") == "Shangguan Wan'er"
    assert person_name("令狐冲") == "Linghu Chong"
    assert person_name("皇甫谧") == "Huangfu Mi"


def test_given_name_apostrophe_and_umlaut():
    assert person_name("吕西安") == "Lü Xi'an"
    assert person_name("吕西安", tones=True) == "Lǚ Xī'ān"


def test_transliterated_foreign_name_keeps_its_parts():
    assert person_name("内藤·智") == "Neiteng Zhi"
    assert person_name("约翰・史密斯") == "Yuehan Shimisi"
    assert person_name("玛丽 · 居里", tones=True) == "Mǎlì Jūlǐ"


def test_non_chinese_text_is_unchanged():
    assert person_name("Li Wei") == "Li Wei"
    assert org_name("Reuters") == "Reuters"
    assert person_name("") == ""


def test_org_name_one_capitalised_word_per_word():
    assert org_name("中国新闻报") == "Zhongguo Xinwen Bao"
    assert org_name("人民日报") == "Renmin Ribao"
    assert org_name("中国人民银行") == "Zhongguo Renmin Yinhang"
    assert org_name("21世纪经济报道") == "21 Shiji Jingji Baodao"
    assert org_name("新华社（北京）") == "Xinhuashe (Beijing)"
    assert org_name("西安日报", tones=True) == "Xī'ān Rìbào"


def test_compound_parts_splits_only_into_known_words():
    assert compound_parts("中华人民共和国") == ["中华", "人民", "共和国"]
    assert compound_parts("新闻") == ["新闻"]
    assert compound_parts("翀翯翾翥") == ["翀翯翾翥"]  # no known pieces: stays whole


def test_join_syllables_apostrophe_only_before_a_o_e():
    assert join_syllables(["xi", "an"]) == "xi'an"
    assert join_syllables(["tiān", "ān", "mén"]) == "tiān'ānmén"
    assert join_syllables(["zhong", "guo"]) == "zhongguo"


_HAN = st.text(alphabet="任单曾欧阳王李张刘陈黄德辉国华明小爱安恩", min_size=2, max_size=4)


@given(_HAN)
def test_person_name_is_plain_latin_surname_then_given(name):
    out = person_name(name)
    assert set(out) <= set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZü' ")
    words = out.split(" ")
    assert len(words) == 2 and all(w[:1].isupper() for w in words)


@given(st.text(alphabet=st.characters(max_codepoint=0x2FFF)))
def test_text_without_han_characters_is_returned_unchanged(text):
    assert person_name(text) == text and org_name(text) == text
