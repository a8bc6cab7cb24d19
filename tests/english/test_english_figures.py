import pytest
from hypothesis import given, strategies as st

from digest.english.figures import counted_noun, english_number, figure_in_english, figure_phrase, plural
from digest.english.glossary import cedict_index
from digest.model import KeyFigure


@pytest.fixture(scope="session")
def cedict() -> dict:
    """CC-CEDICT, read once per session (the glossary caches it for every later call)."""
    return cedict_index()


@pytest.mark.parametrize("fig, english", [
    (KeyFigure("3000亿元", 3000, "元", 1e8), "CNY 300 billion"),
    (KeyFigure("5.7万亿美元", 5.7, "美元", 1e12), "USD 5.7 trillion"),
    (KeyFigure("690亿元", 690, "元", 1e8), "CNY 69 billion"),
    (KeyFigure("1.2万亿元人民币", 1.2, "元人民币", 1e12), "CNY 1.2 trillion"),
    (KeyFigure("35亿欧元", 35, "欧元", 1e8), "EUR 3.5 billion"),
    (KeyFigure("800万港元", 800, "港元", 1e4), "HKD 8 million"),
    (KeyFigure("50万元", 50, "元", 1e4), "CNY 500,000"),
    (KeyFigure("40%的顶尖人才", 40, "%", 1, "顶尖人才"), "40%"),
    (KeyFigure("12.5%", 12.5, "%"), "12.5%"),
    (KeyFigure("0.3个百分点", 0.3, "个百分点"), "0.3 percentage points"),
    (KeyFigure("2万人", 2, "人", 1e4), "20,000 people"),
    (KeyFigure("14亿人", 14, "人", 1e8), "1.4 billion people"),
    (KeyFigure("1人", 1, "人"), "1 person"),
    (KeyFigure("120万吨", 120, "吨", 1e4), "1.2 million tonnes"),
    (KeyFigure("350平方米", 350, "平方米"), "350 m²"),
    (KeyFigure("2400家核心企业", 2400, "家", 1, "核心企业"), "2,400"),
    (KeyFigure("30万吨", 30, "万吨"), "300,000 tonnes"),  # magnitude left in the unit
    (KeyFigure("3.14159亿", 3.14159, "", 1e8), "314.159 million"),
])
def test_figure_in_english(fig, english):
    assert figure_in_english(fig) == english


@given(st.floats(min_value=0, max_value=1e15, allow_nan=False))
def test_english_number_keeps_the_amount(amount):
    words = {"trillion": 1e12, "billion": 1e9, "million": 1e6}
    number, _, word = english_number(amount).partition(" ")
    value = float(number.replace(",", "")) * words.get(word, 1)
    assert value == pytest.approx(amount, rel=1e-3, abs=1e-3 * words.get(word, 1))


@pytest.mark.parametrize("fig, phrase", [
    (KeyFigure("超2万人", 2, "人", 1e4, "缺口"), "a shortfall of over 20,000 people"),
    (KeyFigure("40%的顶尖人才", 40, "%", 1, "顶尖人才"), "40% of top talent"),
    (KeyFigure("60%的国家级重点实验室", 60, "%", 1, "国家级重点实验室"), "60% of national key laboratories"),
    (KeyFigure("2400家核心企业", 2400, "家", 1, "核心企业"), "2,400 core companies"),
    (KeyFigure("3500亿元", 3500, "元", 1e8, "产业规模"), "an industry worth CNY 350 billion"),
    (KeyFigure("5.7万亿美元", 5.7, "美元", 1e12, "产值"), "output of USD 5.7 trillion"),
    (KeyFigure("超1亿产业工人", 1, "", 1e8, "产业工人"), "over 100 million industrial workers"),
    (KeyFigure("3000亿元", 3000, "元", 1e8, "资金"), "CNY 300 billion in funds"),
    (KeyFigure("2万多名志愿者", 2, "名", 1e4, "志愿者"), "over 20,000 volunteers"),
    (KeyFigure("1家银行", 1, "家", 1, "银行"), "1 bank"),
    (KeyFigure("690亿元", 690, "元", 1e8), "CNY 69 billion"),
    (KeyFigure("约10分钟", 10, "分钟"), "about 10 minutes"),
])
def test_figure_phrase_is_an_english_noun_phrase(cedict, fig, phrase):
    assert figure_phrase(fig) == phrase


def test_figure_phrase_without_an_english_noun_is_the_figure_alone(cedict):
    """A counted noun the dictionary cannot give in English adds no guessed words."""
    assert counted_noun("缝纫机械龘") is None
    assert figure_phrase(KeyFigure("5家缝纫龘", 5, "家", 1, "缝纫龘")) == "5"


def test_plural_of_the_head_noun():
    assert plural("core company") == "core companies"
    assert plural("laboratory") == "laboratories"
    assert plural("top talent") == "top talent"
    assert plural("box") == "boxes"
