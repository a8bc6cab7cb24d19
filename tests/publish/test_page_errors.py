"""A page whose front matter cannot be read is named with its line and reason
(Pelican alone only logs "Could not process"), and fails a strict build."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from pelican.settings import DEFAULT_CONFIG

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "plugins"))

import markdown_it_reader  # noqa: E402
from markdown_it_reader import FrontMatterError, MarkdownItReader  # noqa: E402

GOOD = "---\ntitle: 标题\ndate: 2025-09-25\nslug: a\nlang: zh-hans\n---\n\n正文。\n"


def _reader():
    settings = dict(DEFAULT_CONFIG)
    settings["TIMEZONE"] = "Asia/Shanghai"
    return MarkdownItReader(settings)


@pytest.mark.parametrize("name, data, line, reason", [
    ("tab.md", "---\ntitle: 标题\n\tslug: a\n---\n\n正文。\n".encode(), 3,
     "found character '\\t' that cannot start any token"),
    ("yaml.md", "---\ntitle: [标题\nslug: a\n---\n\n正文。\n".encode(), 3, "expected ',' or ']'"),
    ("month.md", GOOD.replace("2025-09-25", "2025-13-45").encode(), 3, "month must be in 1..12"),
    ("quoted.md", GOOD.replace("2025-09-25", "'2025-13-45'").encode(), 3, "date: "),
    ("list.md", "---\n- 标题\n- a\n---\n\n正文。\n".encode(), 2, "not a mapping"),
    ("gbk.md", GOOD.encode("gbk"), 2, "is not UTF-8"),
])
def test_a_broken_front_matter_names_the_file_the_line_and_the_reason(
        tmp_path, caplog, name, data, line, reason):
    path = tmp_path / name
    path.write_bytes(data)
    markdown_it_reader._failed.clear()
    with caplog.at_level(logging.ERROR), pytest.raises(FrontMatterError) as err:
        _reader().read(str(path))
    assert str(err.value).startswith(f"{path}:{line}: ")
    assert reason in str(err.value)
    [record] = [r for r in caplog.records if r.name == "markdown_it_reader"]
    assert str(err.value) in record.getMessage()
    assert markdown_it_reader._failed == [str(err.value)]


def test_a_good_page_still_reads(tmp_path):
    (tmp_path / "a.md").write_text(GOOD, encoding="utf-8")
    body, meta = _reader().read(str(tmp_path / "a.md"))
    assert "正文" in body and meta["date"].year == 2025


def test_strict_mode_fails_the_build_naming_every_unreadable_page(tmp_path):
    class Generator:
        settings = {"DIGEST_STRICT": True}

    markdown_it_reader._failed[:] = ["a.md:3: front matter: x", "b.md:2: is not UTF-8"]
    markdown_it_reader.fail_if_strict([type("Lenient", (), {"settings": {}})()])  # not strict: logged only
    with pytest.raises(markdown_it_reader.PagesNotRead) as err:
        markdown_it_reader.fail_if_strict([Generator()])
    assert str(err.value) == ("2 page(s) could not be read (strict mode): "
                              "a.md:3: front matter: x | b.md:2: is not UTF-8")


@pytest.mark.build
def test_a_strict_build_fails_naming_a_page_with_a_broken_front_matter(tmp_path, caplog, builder):
    import shutil

    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content, ignore=shutil.ignore_patterns("articles"))
    broken = content / "pages" / "broken.md"
    broken.write_text("---\ntitle: 关于\nlang: zh-hans\n\tslug: about-2\n---\n\n正文。\n", encoding="utf-8")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(ROOT / "seeds" / "000_f5b23160764b9db6.txt", seeds)
    with pytest.raises(markdown_it_reader.PagesNotRead) as err:
        builder(tmp_path, seeds=seeds, DIGEST_STRICT=True, DIGEST_SEARCH=False)
    assert str(err.value).startswith(f"1 page(s) could not be read (strict mode): {broken}:4: front matter:")
    assert any(f"{broken}:4: " in r.getMessage() for r in caplog.records if r.name == "markdown_it_reader")
