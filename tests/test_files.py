"""digest.files: the one code fingerprint that both the converter's cache and
Pelican's content cache are keyed by."""

from __future__ import annotations

import sys
from pathlib import Path

from digest.files import code_fingerprint
from digest.publish import sync

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))


def _tree(tmp_path: Path) -> Path:
    code = tmp_path / "code"
    (code / "sub").mkdir(parents=True)
    (code / "a.py").write_text("A = 1\n", encoding="utf-8")
    (code / "sub" / "b.py").write_text("B = 2\n", encoding="utf-8")
    return code


def test_a_changed_moved_or_added_module_changes_the_fingerprint(tmp_path):
    code = _tree(tmp_path)
    first = code_fingerprint([code])
    assert code_fingerprint([code]) == first
    (code / "sub" / "b.py").write_text("B = 3\n", encoding="utf-8")
    changed = code_fingerprint([code])
    assert changed != first
    (code / "sub" / "b.py").rename(code / "b.py")  # same bytes, another module
    assert code_fingerprint([code]) not in (first, changed)
    (code / "c.py").write_text("", encoding="utf-8")
    assert len({first, changed, code_fingerprint([code])}) == 3


def test_only_python_files_count_and_a_single_file_is_a_root(tmp_path):
    code = _tree(tmp_path)
    first = code_fingerprint([code])
    (code / "__pycache__").mkdir()
    (code / "__pycache__" / "a.cpython-311.pyc").write_bytes(b"\0\1")
    (code / "notes.txt").write_text("not code", encoding="utf-8")
    assert code_fingerprint([code]) == first
    single = code_fingerprint([code / "a.py"])
    (code / "a.py").write_text("A = 2\n", encoding="utf-8")
    assert code_fingerprint([code / "a.py"]) != single


def test_package_versions_count(tmp_path):
    code = _tree(tmp_path)
    assert code_fingerprint([code], ["pyyaml"]) != code_fingerprint([code])
    # an absent package counts as absent, not as an error
    assert code_fingerprint([code], ["no-such-package-here"]) != code_fingerprint([code])


def test_an_upgrade_of_a_package_the_converter_uses_empties_its_cache(monkeypatch):
    import importlib.metadata

    before = code_fingerprint([ROOT / "src" / "digest"], sync.CONVERTER_PACKAGES)
    real = importlib.metadata.version
    monkeypatch.setattr(importlib.metadata, "version", lambda name: "9.9" if name == "opencc" else real(name))
    assert code_fingerprint([ROOT / "src" / "digest"], sync.CONVERTER_PACKAGES) != before


def test_the_converter_cache_and_the_content_cache_share_the_fingerprint():
    from digest_editions.staging import reader_fingerprint

    assert sync._code_fingerprint() == code_fingerprint([ROOT / "src" / "digest"], sync.CONVERTER_PACKAGES)
    plugins = [ROOT / "plugins"]
    assert reader_fingerprint(plugins) == code_fingerprint(plugins, ["pelican", "markdown-it-py", "pyyaml"])


def test_the_temporary_a_killed_writer_leaves_is_found_by_its_name(tmp_path):
    from digest.files import atomic_open, remove_temporaries

    with atomic_open(tmp_path / "a.md") as fh:
        fh.write("page")
        [temporary] = [p.name for p in tmp_path.iterdir()]
    # as a writer killed before its rename would leave it, beside another kind of file's
    other = ".b.txt" + temporary[len(".a.md"):]
    for name in (temporary, other):
        (tmp_path / name).write_text("half", encoding="utf-8")
    remove_temporaries(tmp_path, "*.md")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["a.md", other])
