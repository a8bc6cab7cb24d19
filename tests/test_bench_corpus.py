"""The benchmark corpus (scripts/corpus.py) is valid, varied, deterministic and
convertible, and the benchmark script's own pieces work. Nothing here is timed."""

from __future__ import annotations

import codecs
import json
import random
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))  # the bench package imports corpus.py as a sibling

import digest.pipeline  # noqa: E402,F401  (imported first: bench then measures this same package)

import bench  # noqa: E402
import corpus  # noqa: E402

DAMAGE = {"traditional", "pinyin", "footer", "hard_breaks", "duplicates", "byline", "column",
          "headline_after", "subheads", "mojibake", "indent"}
PINYIN_NOTE = re.compile(r"[\u4e00-\u9fff]\([a-zà-ǜ]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zà-ǜ]*\)")


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> corpus.Corpus:
    return corpus.make_corpus(tmp_path_factory.mktemp("corpus") / "seeds", articles=16, seed=7)


@pytest.fixture(scope="module")
def varied(tmp_path_factory) -> corpus.Corpus:
    """Large enough that every kind of damage and every main encoding occurs."""
    return corpus.make_corpus(tmp_path_factory.mktemp("varied") / "seeds", articles=200, seed=0)


def _text(c: corpus.Corpus, info: corpus.SeedInfo) -> str:
    return (c.folder / info.name).read_bytes().decode(info.encoding)


def test_corpus_holds_the_requested_articles_one_to_three_per_seed(small):
    assert small.articles == 16
    assert all(1 <= len(s.titles) <= 3 for s in small.seeds)
    names = sorted(p.name for p in small.folder.iterdir())
    assert names == [s.name for s in small.seeds]
    assert all(re.fullmatch(r"\d{5}_[0-9a-f]{16}\.txt", n) for n in names)


def test_titles_are_unique_and_headline_like(varied):
    titles = [t for s in varied.seeds for t in s.titles]
    assert len(titles) == len(set(titles)) == 200
    assert all(4 <= len(t) <= 40 and not t.endswith("。") for t in titles)


def test_every_seed_decodes_strictly_in_its_recorded_encoding(varied):
    for info in varied.seeds:
        data = (varied.folder / info.name).read_bytes()
        assert len(data) == info.bytes
        assert len(data.decode(info.encoding)) == info.chars
        if info.encoding == "utf-16":
            assert data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
        if info.encoding == "utf-8-sig":
            assert data.startswith(codecs.BOM_UTF8)
        if info.encoding in ("gbk", "gb18030", "big5"):
            with pytest.raises(UnicodeDecodeError):
                data.decode("utf-8")  # really legacy bytes, not UTF-8 under another name


def test_corpus_has_every_kind_of_damage_and_encoding(varied):
    assert {t for s in varied.seeds for t in s.traits} == DAMAGE
    assert {"utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16"} <= {s.encoding for s in varied.seeds}


def test_damage_recorded_is_damage_present(varied):
    for info in varied.seeds:
        text = _text(varied, info)
        assert ("pinyin" in info.traits) == bool(PINYIN_NOTE.search(text)), info.name
        if "traditional" in info.traits:
            assert corpus._opencc("t2s").convert(text) != text
        plain = corpus._opencc("t2s").convert(corpus._PINYIN_NOTE.sub("", text))
        if "footer" in info.traits:
            assert re.search(r"公网安备 \d+号", plain)
            assert re.search(r"^- \d{4}年\d\d月\d\d日 \d\d:\d\d:\d\d$", plain, re.M)
        if "byline" in info.traits and "mojibake" not in info.traits:
            assert re.search(r"本报记者 |本报讯（记者 |（完）", plain), info.name
        if "duplicates" in info.traits and "mojibake" not in info.traits:
            # pinyin notes are drawn per occurrence: copies are equal once they are stripped
            paragraphs = [p for p in plain.split("\n") if len(p) > 30]
            assert len(paragraphs) > len(set(paragraphs)), info.name


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path):
    a = corpus.make_corpus(tmp_path / "a", articles=12, seed=3)
    b = corpus.make_corpus(tmp_path / "b", articles=12, seed=3)
    c = corpus.make_corpus(tmp_path / "c", articles=12, seed=4)
    assert [s.name for s in a.seeds] == [s.name for s in b.seeds]
    assert all((a.folder / s.name).read_bytes() == (b.folder / s.name).read_bytes() for s in a.seeds)
    assert [s.name for s in a.seeds] != [s.name for s in c.seeds]


def test_pool_is_clean_simplified_text_of_the_real_seeds():
    pool = corpus.build_pool()
    assert "在数据方面,高质量中文数据集稀缺,政务、金融数据开放率不到15%。" in pool.sentences
    assert "紧跟科技前沿" in pool.headings  # from the Traditional seed, converted
    assert not any("本报记者" in h for h in pool.headings)
    joined = "".join(pool.sentences)
    assert "(xié)" not in joined and "缎袆" not in joined and "┦" not in joined
    assert not any(re.search(r"\d{4}年\d\d月\d\d日 \d\d:", s) for s in pool.sentences)


def test_gbk_shift_damages_a_run_like_the_real_seed():
    # the real seed has `?!缎袆?dòng)計(jì)劃》` where `。《行動(dòng)計(jì)劃》` stood
    assert corpus.gbk_shift("。《行動(dòng)計", random.Random(0), 1) == "?！缎袆?(dòng)計"


def test_annotate_pinyin_glues_readings_after_characters():
    simplified = "政协委员热议产业，AI赛事"
    traditional = corpus._opencc("s2t").convert(simplified)
    # rate 1: every character whose Traditional form differs gets its reading;
    # the others are drawn at a fifth of the rate (here 政 is, 委 is not)
    assert corpus.annotate_pinyin(simplified, traditional, random.Random(1), rate=1.0) == (
        "政(zhèng)協(xié)委員(yuán)熱(rè)議(yì)產(chǎn)業(yè)，AI賽(sài)事(shì)")


def test_vary_numbers_keeps_dates_and_names():
    varied = corpus._vary_numbers("9月25日CISMA2025论坛吸引2400家企业，占40%。", random.Random(2))
    assert varied.startswith("9月25日CISMA2025论坛吸引")
    assert re.fullmatch(r"9月25日CISMA2025论坛吸引\d+家企业，占\d+%。", varied)
    assert varied != "9月25日CISMA2025论坛吸引2400家企业，占40%。"


def test_every_seed_converts_to_articles(small):
    from digest.pipeline import convert_bytes

    for info in small.seeds:
        articles = convert_bytes((small.folder / info.name).read_bytes(), info.name)
        assert articles, info.name
        assert all(a.title and a.paragraphs for a in articles)


def test_touch_one_seed_changes_bytes_but_keeps_the_encoding(tmp_path):
    c = corpus.make_corpus(tmp_path / "seeds", articles=30, seed=5)
    before = {s.name: (c.folder / s.name).read_bytes() for s in c.seeds}
    name = bench.touch_one_seed(c)
    info = next(s for s in c.seeds if s.name == name)
    after = (c.folder / name).read_bytes()
    assert after != before[name]
    assert "据悉，有关部门将持续跟进。" in after.decode(info.encoding)
    assert all((c.folder / n).read_bytes() == data for n, data in before.items() if n != name)


def test_table_aligns_first_column_left_and_numbers_right():
    assert bench.table([["a", "1.5"], ["long name", "12,000"]], ["step", "s"], indent="") == (
        "step            s\n"
        "a             1.5\n"
        "long name  12,000")


def test_stage_breakdown_accounts_for_the_whole_pass(small):
    seeds = [(s.name, (small.folder / s.name).read_bytes()) for s in small.seeds[:5]]
    rows = bench.measure_stages(seeds, sum(s.chars for s in small.seeds[:5]))
    stages = {r["stage"] for r in rows}
    assert {"ingest.decode", "clean.simplify", "split.articles", "analyze.summary"} <= stages
    assert sum(r["share"] for r in rows) == pytest.approx(1.0)
    assert next(r for r in rows if r["stage"] == "ingest.decode")["calls"] == 5
    assert digest.pipeline._timer is None  # the pipeline's timer is off again


@pytest.mark.build
def test_quick_benchmark_runs_end_to_end_and_writes_json(tmp_path, capsys):
    out = tmp_path / "bench.json"
    assert bench.main(["--quick", "--articles", "6", "--no-build", "--profile", "3",
                       "--workdir", str(tmp_path / "work"), "--json", str(out)]) == 0
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["corpus"]["articles"] == 6
    assert result["single_core"]["outcomes"].get("crash", 0) == 0
    assert result["single_core"]["chars_per_s"] > 0 and result["parallel"]["articles"] >= 6
    assert len(result["profile"]) == 3
    assert {"cpu", "cores", "python"} <= set(result["machine"])
    assert any(s["step"] == "import digest.pipeline" and s["seconds"] for s in result["startup"]["steps"])
    table = capsys.readouterr().out
    assert "one core, warm: chars/s" in table and "Conversion by stage" in table


def test_the_edition_mode_of_each_build_is_read_from_its_log(tmp_path):
    """The bench says how many builds forked the English edition: wall times differ with the mode."""
    from bench.builds import _editions_forked, _plugins_importable
    from bench.stats import forked_text

    _plugins_importable()
    from digest_editions import ONE_AFTER_ANOTHER

    forked, serial = tmp_path / "a.log", tmp_path / "b.log"
    forked.write_text("digest: building the en edition into …\n", encoding="utf-8")
    serial.write_text(f"digest: {ONE_AFTER_ANOTHER}\n", encoding="utf-8")
    assert _editions_forked(forked) is True and _editions_forked(serial) is False
    runs = {"ours_cold": [{"editions_forked": True}, {"editions_forked": False}],
            "ours_render": [{"editions_forked": True}, {"editions_forked": True}]}
    assert forked_text({"all_runs": runs}) == "1 of 2 full builds, 2 of 2 rendering rebuilds"
    assert forked_text({"runs": {"ours_cold": [1.0]}}) == ""  # a result from before the record
