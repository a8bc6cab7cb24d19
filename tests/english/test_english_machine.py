import polib
import pytest

from digest.english.catalog import load_catalog, update_catalog
from digest.english.machine import TranslatorError, load_translator, prefill

CALLS = []


def fake_translate(text, source_lang, target_lang):
    """Test double of a machine translator."""
    CALLS.append((text, source_lang, target_lang))
    return f"[{target_lang}] {text}"


def broken_translate(text, source_lang, target_lang):
    raise RuntimeError("service down")


NOT_CALLABLE = 42


def test_load_translator_resolves_dotted_spec():
    assert load_translator(None) is None and load_translator("") is None
    assert load_translator(f"{__name__}:fake_translate") is fake_translate


@pytest.mark.parametrize("spec, message", [
    ("no_such_module_xyz:f", "cannot import 'no_such_module_xyz'"),
    (f"{__name__}:missing", "has no 'missing'"),
    (f"{__name__}:NOT_CALLABLE", "is not callable"),
    ("just_a_module", "expected 'package.module:function'"),
])
def test_bad_spec_is_a_clear_error(spec, message):
    with pytest.raises(TranslatorError, match=message):
        load_translator(spec)


def test_prefill_fills_only_empty_entries_as_fuzzy(tmp_path):
    path = tmp_path / "en.po"
    update_catalog(path, [{"slug": "s", "title": "标题", "summary": ["第一句。", "第二句。"],
                           "source_file": "s.txt"}])
    po = polib.pofile(str(path))
    po.find("标题").msgstr = "Human title"
    po.save(str(path))
    CALLS.clear()
    assert prefill(path, load_translator(f"{__name__}:fake_translate")) == 2
    assert CALLS == [("第一句。", "zh", "en"), ("第二句。", "zh", "en")]
    po = polib.pofile(str(path))
    assert po.find("第一句。").msgstr == "[en] 第一句。" and po.find("第一句。").fuzzy
    assert po.find("标题").msgstr == "Human title" and not po.find("标题").fuzzy
    catalog = load_catalog(path)
    assert catalog.get("第一句。") is None and catalog.title("标题") == "Human title"
    assert prefill(path, fake_translate) == 0  # nothing empty any more
    assert prefill(path, None) == 0


def test_failing_translator_names_the_text(tmp_path):
    path = tmp_path / "en.po"
    update_catalog(path, [{"slug": "s", "title": "标题", "summary": [], "source_file": "s.txt"}])
    with pytest.raises(TranslatorError, match="标题.*service down"):
        prefill(path, broken_translate)
