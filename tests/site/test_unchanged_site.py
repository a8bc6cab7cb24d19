"""A rebuild with nothing changed keeps ``output/``; any changed input renders again.

plugins/digest_editions hashes a build's inputs (content after conversion,
settings, theme, code, packages) and records them with the files of the site
it swapped in; the next build with the same inputs and an untouched
``output/`` keeps it. Whether a build rendered is read from the files: a
rendering build writes new files (new inodes), a kept site has the same ones.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sitebuild import ROOT, SEEDS, build_site, tree_differences

pytestmark = pytest.mark.build

SEED = "003_2eec7245c6bb0a7a.txt"
BODY_BEFORE, BODY_AFTER = "如何悄然汇入经济的毛细血管", "如何迅速汇入经济的毛细血管"


def files(output: Path) -> dict[str, tuple[int, int]]:
    """``{path: (inode, mtime)}`` of every file of a site."""
    found = {}
    for root, _dirs, names in os.walk(output):
        for name in names:
            st = os.stat(Path(root) / name)
            found[os.path.relpath(Path(root) / name, output)] = (st.st_ino, st.st_mtime_ns)
    return found


def kept(before: dict, output: Path) -> bool:
    """True when the build left every file of ``output`` as it was; False when it wrote the site anew."""
    after = files(output)
    if after == before:
        return True
    assert after["index.html"] != before.get("index.html"), "a partly rewritten site"
    return False


@pytest.fixture
def project(tmp_path) -> tuple[Path, Path, Path]:
    """A build root, its own seeds and theme (to edit)."""
    seeds, theme = tmp_path / "seeds", tmp_path / "theme"
    shutil.copytree(SEEDS, seeds)
    shutil.copytree(ROOT / "theme", theme)
    return tmp_path / "root", seeds, theme


def test_nothing_changed_keeps_the_site_byte_identical_to_a_clean_build(tmp_path, monkeypatch):
    root = tmp_path / "root"
    first = files(build_site(root))
    output = build_site(root)
    assert kept(first, output)
    assert not list(root.glob(".output.building-*"))
    # a clean build in another process (another string-hash seed) gives the same bytes
    monkeypatch.setenv("PYTHONHASHSEED", "2" if os.environ.get("PYTHONHASHSEED") == "1" else "1")
    build = "import sys; from pathlib import Path; from sitebuild import build_site; build_site(Path(sys.argv[1]))"
    subprocess.run([sys.executable, "-c", build, str(tmp_path / "clean")], check=True,
                   cwd=Path(__file__).parents[1], capture_output=True)
    assert tree_differences(output, tmp_path / "clean" / "output") == []


def test_an_edited_template_seed_or_setting_renders_again(project):
    root, seeds, theme = project
    build_site(root, seeds, THEME=str(theme))
    before = files(root / "output")
    base = theme / "templates" / "base.html"
    base.write_text(base.read_text(encoding="utf-8") + "<!-- edited template -->\n", encoding="utf-8")
    output = build_site(root, seeds, THEME=str(theme))
    assert not kept(before, output)
    assert "edited template" in (output / "index.html").read_text(encoding="utf-8")

    before = files(output)
    seed = seeds / SEED
    seed.write_text(seed.read_text(encoding="utf-8").replace(BODY_BEFORE, BODY_AFTER), encoding="utf-8")
    output = build_site(root, seeds, THEME=str(theme))
    assert not kept(before, output)
    assert any(BODY_AFTER in p.read_text(encoding="utf-8") for p in (output / "articles").glob("*.html"))

    before = files(output)
    output = build_site(root, seeds, THEME=str(theme), SITENAME="另一个站名")
    assert not kept(before, output)
    assert "另一个站名" in (output / "index.html").read_text(encoding="utf-8")

    before = files(output)
    assert kept(before, build_site(root, seeds, THEME=str(theme), SITENAME="另一个站名"))


def test_a_corrupt_record_or_a_changed_output_is_not_trusted(tmp_path):
    root = tmp_path / "root"
    output = build_site(root)
    (root / "pelican-cache" / "digest-site.json").write_text("{not json", encoding="utf-8")
    before = files(output)
    assert not kept(before, build_site(root))

    (output / "index.html").unlink()
    (output / "articles" / "stray.html").write_text("left by hand", encoding="utf-8")
    output = build_site(root)
    assert (output / "index.html").is_file() and not (output / "articles" / "stray.html").exists()

    before = files(output)
    assert kept(before, build_site(root))


# ---------------------------------------------------------------- the key itself (no build)

def test_the_inputs_key_follows_files_named_in_settings_and_ignores_addresses(tmp_path):
    sys.path.insert(0, str(ROOT / "plugins"))
    from digest_editions.staging import build_inputs, inputs_key

    content, theme, catalog = tmp_path / "content", tmp_path / "theme", tmp_path / "elsewhere.po"
    content.mkdir(), theme.mkdir()
    catalog.write_text("msgid 1", encoding="utf-8")

    class Helper:  # an object in the settings: its repr names an address that differs per process
        def __init__(self):
            self.paths = {"en": "en"}

    def key() -> str:
        settings = {"PATH": str(content), "THEME": str(theme), "CATALOG": str(catalog), "HELPER": Helper(),
                    "OUTPUT_PATH": str(tmp_path / "staging-1"), "_PRIVATE": object()}
        return inputs_key(build_inputs(settings, [], tmp_path / "output"))

    first = key()
    assert key() == first
    catalog.write_text("msgid 2", encoding="utf-8")
    assert key() != first
    second = key()
    (content / "new.md").write_text("x", encoding="utf-8")
    assert key() != second
