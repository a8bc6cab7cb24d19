import importlib.util
import subprocess
import sys
from datetime import date
from pathlib import Path

import polib
import pytest

from digest.model import Article, Block
from digest.publish.page import render_page

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "translations.py"


def _load_script():
    spec = importlib.util.spec_from_file_location("translations_script", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


cli = _load_script()


def echo_translate(text, source_lang, target_lang):
    return "EN " + text


def _write_page(articles_dir: Path, slug: str, title: str, summary: list[str]) -> None:
    article = Article(source_file=f"{slug}.txt", title=title, blocks=[Block("正文。")],
                      date=date(2024, 3, 5), summary=summary, slug=slug)
    (articles_dir / f"{slug}.md").write_text(render_page(article), encoding="utf-8")


@pytest.fixture
def content(tmp_path):
    articles = tmp_path / "content" / "articles"
    articles.mkdir(parents=True)
    _write_page(articles, "trade", "外贸稳中有进", ["出口增长5%。", "进口持平。"])
    _write_page(articles, "ai", "人工智能赋能制造业", ["人工智能加快落地。"])
    (articles / "broken.md").write_text("---\ntitle: [unclosed\n---\n", encoding="utf-8")
    return tmp_path / "content"


def test_cli_updates_catalog_and_reports_coverage(content, capsys):
    assert cli.main(["--content", str(content)]) == 0
    out, err = capsys.readouterr()
    catalog = content / "translations" / "en.po"
    assert out.strip() == (f"{catalog}: titles 0/2 translated, summary sentences 0/3 translated; "
                           "5 entries added")
    assert "broken.md: skipped" in err
    po = polib.pofile(str(catalog))
    po.find("外贸稳中有进").msgstr = "Foreign trade steady"
    po.save(str(catalog))
    assert cli.main(["--content", str(content)]) == 0
    assert "titles 1/2 translated" in capsys.readouterr().out


def test_cli_machine_prefill_and_custom_catalog(content, tmp_path, capsys):
    catalog = tmp_path / "elsewhere.po"
    spec = f"{__name__}:echo_translate"
    assert cli.main(["--content", str(content), "--catalog", str(catalog), "--machine", spec]) == 0
    out = capsys.readouterr().out
    assert "5 entries pre-filled" in out
    assert polib.pofile(str(catalog)).find("进口持平。").msgstr == "EN 进口持平。"


def test_cli_reports_malformed_catalog(content, capsys):
    catalog = content / "translations" / "en.po"
    catalog.parent.mkdir()
    catalog.write_text('msgid "x"\nnonsense\n', encoding="utf-8")
    assert cli.main(["--content", str(content)]) == 1
    assert "en.po" in capsys.readouterr().err


def test_cli_names_a_catalog_it_cannot_write(content, tmp_path, capsys):
    """The catalog's folder is a file: one line naming the catalog, no traceback, nothing left behind."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    catalog = blocker / "en.po"
    assert cli.main(["--content", str(content), "--catalog", str(catalog)]) == 1
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert err.startswith(f"translations: {catalog}: cannot write")
    assert blocker.read_text(encoding="utf-8") == "x"


def test_cli_help_runs_as_a_script():
    result = subprocess.run([sys.executable, str(SCRIPT), "--help"], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0 and "--machine" in result.stdout and "--catalog" in result.stdout
