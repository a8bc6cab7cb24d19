"""Writing pages: atomic, edit-aware, never touching hand-written pages."""

from __future__ import annotations

from datetime import date

from digest.model import Article, Block
from digest.publish.page import render_page
from digest.publish.store import store_pages


def page(slug: str, text: str = "正文。") -> str:
    return render_page(Article(source_file="s.txt", title="标题", blocks=[Block(text)],
                               date=date(2026, 1, 1), slug=slug))


def test_new_unchanged_and_updated_pages(tmp_path):
    r = store_pages({"a": page("a")}, tmp_path)
    assert [p.name for p in r.written] == ["a.md"]
    r = store_pages({"a": page("a")}, tmp_path)
    assert r.written == [] and [p.name for p in r.unchanged] == ["a.md"]
    r = store_pages({"a": page("a", "新正文。")}, tmp_path)
    assert [p.name for p in r.written] == ["a.md"]
    assert "新正文" in (tmp_path / "a.md").read_text(encoding="utf-8")


def test_hand_edit_is_kept_with_a_message_unless_forced(tmp_path):
    store_pages({"a": page("a")}, tmp_path)
    edited = (tmp_path / "a.md").read_text(encoding="utf-8").replace("正文。", "编辑的正文。")
    (tmp_path / "a.md").write_text(edited, encoding="utf-8")
    r = store_pages({"a": page("a", "转换器的新正文。")}, tmp_path)
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == edited
    assert r.messages and "a.md" in r.messages[0] and "edited by hand" in r.messages[0]
    assert "DIGEST_FORCE=1 make html" in r.messages[0]  # what the README and the user type
    store_pages({"a": page("a", "转换器的新正文。")}, tmp_path, force=True)
    assert "转换器的新正文" in (tmp_path / "a.md").read_text(encoding="utf-8")


def test_deleted_seed_removes_generated_pages_but_never_hand_written_ones(tmp_path):
    store_pages({"a": page("a"), "b": page("b")}, tmp_path)
    (tmp_path / "about.md").write_text("---\ntitle: 关于\n---\n\n手写页面。\n", encoding="utf-8")
    r = store_pages({"a": page("a")}, tmp_path)
    assert [p.name for p in r.removed] == ["b.md"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "about.md"]


def test_hand_written_page_with_a_generated_name_is_not_overwritten(tmp_path):
    (tmp_path / "a.md").write_text("---\ntitle: 手写\n---\n\n手写。\n", encoding="utf-8")
    r = store_pages({"a": page("a")}, tmp_path)
    assert "手写" in (tmp_path / "a.md").read_text(encoding="utf-8")
    assert "hand-written" in r.messages[0]


def test_no_temporary_files_are_left_behind(tmp_path):
    (tmp_path / ".a.md.x1.tmp").write_text("half a page", encoding="utf-8")
    store_pages({"a": page("a")}, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md"]


def test_force_never_deletes_an_edited_page_whose_seed_is_gone(tmp_path):
    store_pages({"a": page("a"), "b": page("b")}, tmp_path)
    edited = (tmp_path / "b.md").read_text(encoding="utf-8").replace("正文。", "编辑的正文。")
    (tmp_path / "b.md").write_text(edited, encoding="utf-8")
    r = store_pages({"a": page("a")}, tmp_path, force=True)  # b's seed was deleted
    assert (tmp_path / "b.md").read_text(encoding="utf-8") == edited
    assert r.removed == [] and r.kept_orphaned == [tmp_path / "b.md"]
    [message] = r.messages
    assert message.startswith(f"{tmp_path / 'b.md'}: edited by hand, and no seed produces it")
    assert "FORCE" not in message


def test_clean_removes_generated_pages_and_keeps_edited_and_hand_written_ones(tmp_path):
    from digest.publish.store import main

    store_pages({"a": page("a"), "b": page("b")}, tmp_path)
    edited = (tmp_path / "b.md").read_text(encoding="utf-8").replace("正文。", "编辑的正文。")
    (tmp_path / "b.md").write_text(edited, encoding="utf-8")
    (tmp_path / "about.md").write_text("---\ntitle: 关于\n---\n\n手写页面。\n", encoding="utf-8")
    assert main(["clean", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["about.md", "b.md"]


def test_make_clean_keeps_hand_edited_pages(tmp_path):
    import os
    import subprocess
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    articles = tmp_path / "content" / "articles"
    store_pages({"a": page("a"), "b": page("b")}, articles)
    edited = (articles / "b.md").read_text(encoding="utf-8").replace("正文。", "编辑的正文。")
    (articles / "b.md").write_text(edited, encoding="utf-8")
    (tmp_path / "output").mkdir()
    (tmp_path / ".output.building-123-0").mkdir()  # left by a killed build
    env = {**os.environ, "PYTHONPATH": str(root / "src")}
    subprocess.run(["make", "-s", "-f", str(root / "Makefile"), "-C", str(tmp_path), "clean",
                    f"VENV={root / '.venv'}"], check=True, env=env, capture_output=True)
    assert not (tmp_path / "output").exists()
    assert not (tmp_path / ".output.building-123-0").exists()
    assert sorted(p.name for p in articles.iterdir()) == ["b.md"]
    assert articles.joinpath("b.md").read_text(encoding="utf-8") == edited


def test_written_files_respect_the_umask(tmp_path):
    import os
    import stat

    from digest.files import atomic_write

    for mask, mode in ((0o022, 0o644), (0o027, 0o640), (0o002, 0o664)):
        old = os.umask(mask)
        try:
            atomic_write(tmp_path / "p.md", "x")
        finally:
            os.umask(old)
        assert stat.S_IMODE((tmp_path / "p.md").stat().st_mode) == mode


def test_writes_are_synced_before_the_rename(tmp_path, monkeypatch):
    import os

    from digest import files

    calls = []
    monkeypatch.setattr(files.os, "fsync", lambda fd: calls.append("fsync"))
    real_replace = os.replace
    monkeypatch.setattr(files.os, "replace", lambda a, b: (calls.append("replace"), real_replace(a, b)))
    files.atomic_write(tmp_path / "p.md", "x")
    assert calls == ["fsync", "replace"]
    calls.clear()
    files.atomic_write(tmp_path / "p.md", "y", sync=False)  # a cache file: renamed, not synced
    assert calls == ["replace"]


def test_bytes_are_written_as_they_are(tmp_path):
    from digest.files import atomic_write

    data = b"\x00\r\n\xff\n"  # no newline translation, no encoding
    atomic_write(tmp_path / "t.bin", data)
    assert (tmp_path / "t.bin").read_bytes() == data
    atomic_write(tmp_path / "t.txt", "一\n")
    assert (tmp_path / "t.txt").read_bytes() == "一\n".encode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.bin", "t.txt"]


def test_a_full_disk_or_read_only_folder_is_one_line_naming_the_file(tmp_path, monkeypatch):
    import errno
    import os

    import pytest

    from digest import files

    def full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files.os, "fsync", full)
    with pytest.raises(files.WriteError) as err:
        store_pages({"a": page("a")}, tmp_path)
    assert str(err.value) == f"{tmp_path / 'a.md'}: cannot write (No space left on device)"
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # no temporary file left

    def read_only(*args, **kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(tmp_path / ".a.md.x.tmp"))

    monkeypatch.setattr(files.tempfile, "mkstemp", read_only)
    with pytest.raises(files.WriteError) as err:
        store_pages({"a": page("a")}, tmp_path)
    assert str(err.value) == f"{tmp_path / 'a.md'}: cannot write (Permission denied)"
