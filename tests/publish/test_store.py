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
