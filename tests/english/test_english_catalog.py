import polib
import pytest

from digest.english.catalog import TranslationCatalog, load_catalog, update_catalog
from digest.model import StopBuild


def _article(slug, title, *summary):
    return {"slug": slug, "title": title, "summary": list(summary), "source_file": f"{slug}.txt"}


ARTICLES = [
    _article("b-ai", "人工智能赋能制造业", "人工智能加快落地。", "企业投入增加。"),
    _article("a-trade", "外贸稳中有进", "出口增长5%。"),
]


def _translate(path, **translations):
    po = polib.pofile(str(path))
    for entry in po:
        if entry.msgid in translations:
            entry.msgstr = translations[entry.msgid]
    po.save(str(path))


def test_missing_catalog_is_empty(tmp_path):
    catalog = load_catalog(tmp_path / "nope.po")
    assert len(catalog) == 0 and catalog.get("标题") is None


def test_malformed_catalog_names_file_and_line(tmp_path):
    path = tmp_path / "en.po"
    path.write_text('msgid "标题"\nmsgstr "Title"\nbogus line\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"en\.po.*line 3"):
        load_catalog(path)


def test_a_merge_conflict_in_the_catalog_stops_the_build_with_its_line_not_a_traceback(tmp_path):
    path = tmp_path / "en.po"
    path.write_text('msgid "标题"\nmsgstr "Title"\n<<<<<<< HEAD\nmsgid "a"\nmsgstr "b"\n=======\n',
                    encoding="utf-8")
    with pytest.raises(StopBuild, match=r"en\.po: cannot read translation catalog: .*line 3"):
        load_catalog(path)


def test_update_adds_entries_in_page_order_with_occurrence_and_role(tmp_path):
    path = tmp_path / "translations" / "en.po"
    report = update_catalog(path, ARTICLES)
    assert (report.added, report.titles_total, report.sentences_total) == (5, 2, 3)
    assert report.format() == ("titles 0/2 translated, summary sentences 0/3 translated; "
                               "5 entries added")
    text = path.read_text(encoding="utf-8")
    assert text.index("外贸稳中有进") < text.index("出口增长5%。") < text.index("人工智能赋能制造业")
    assert '#. summary sentence 2\n#: articles/b-ai.md\nmsgid "企业投入增加。"\nmsgstr ""' in text
    assert '#. title\n#: articles/a-trade.md\nmsgid "外贸稳中有进"' in text
    assert 'msgid ""\nmsgstr ""\n"Project-Id-Version: digest\\n"' in text


def test_update_keeps_translations_obsoletes_unused_and_is_stable(tmp_path):
    path = tmp_path / "en.po"
    update_catalog(path, ARTICLES)
    _translate(path, **{"外贸稳中有进": "Foreign trade steady", "出口增长5%。": "Exports grew 5%.",
                        "人工智能加快落地。": "AI is being rolled out faster."})
    changed = [_article("a-trade", "外贸稳中有进", "出口增长5%。", "进口持平。"),
               _article("c-new", "外贸稳中有进")]  # same title twice: one entry
    report = update_catalog(path, changed)
    assert (report.added, report.obsoleted, report.removed) == (1, 1, 2)
    assert report.format() == ("titles 2/2 translated, summary sentences 1/2 translated; "
                               "1 entry added, 1 made obsolete, 2 unused untranslated removed")
    text = path.read_text(encoding="utf-8")
    assert "#: articles/a-trade.md articles/c-new.md" in text
    assert '#~ msgid "人工智能加快落地。"\n#~ msgstr "AI is being rolled out faster."' in text
    assert "人工智能赋能制造业" not in text
    catalog = load_catalog(path)
    assert catalog.title("外贸稳中有进") == "Foreign trade steady"
    assert catalog.get("人工智能加快落地。") is None  # obsolete: not shown
    before = path.stat().st_mtime_ns
    assert update_catalog(path, changed).added == 0
    assert path.read_text(encoding="utf-8") == text and path.stat().st_mtime_ns == before
    # the article comes back: its translation is found again
    report = update_catalog(path, changed + [ARTICLES[0]])
    assert load_catalog(path).get("人工智能加快落地。") == "AI is being rolled out faster."
    assert report.sentences_translated == 2


def test_fuzzy_and_empty_translations_do_not_count(tmp_path):
    path = tmp_path / "en.po"
    update_catalog(path, ARTICLES)
    po = polib.pofile(str(path))
    for entry in po:
        entry.msgstr = "x " + entry.msgid
        if entry.msgid == "企业投入增加。":
            entry.flags.append("fuzzy")
    po.save(str(path))
    catalog = load_catalog(path)
    assert catalog.get("企业投入增加。") is None
    assert catalog.summary(["人工智能加快落地。", "企业投入增加。"]) is None
    assert catalog.summary(["出口增长5%。"]) == ["x 出口增长5%。"]
    assert catalog.coverage(["出口增长5%。", "企业投入增加。", "出口增长5%。"]) == (2, 3)
    report = update_catalog(path, ARTICLES)
    assert (report.sentences_translated, report.titles_translated) == (2, 2)
    assert "#, fuzzy" in path.read_text(encoding="utf-8")  # flag kept for the reviewer


def test_lookup_collapses_whitespace():
    catalog = TranslationCatalog({"AI 芯片 出货": "AI chip shipments"})
    assert catalog.get(" AI  芯片\n出货 ") == "AI chip shipments"
    assert catalog.summary([]) is None


def test_no_leftover_temporary_files(tmp_path):
    update_catalog(tmp_path / "en.po", ARTICLES)
    assert [p.name for p in tmp_path.iterdir()] == ["en.po"]
