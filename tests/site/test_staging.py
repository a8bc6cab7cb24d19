"""The swap of a finished build into output/ (plugins/digest_editions/staging.py), without Pelican."""

from __future__ import annotations

import pytest

import subprocess
import sys

from sitebuild import ROOT

sys.path.insert(0, str(ROOT / "plugins"))
from digest_editions import staging  # noqa: E402


def site(folder, text):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(text, encoding="utf-8")
    (folder / "en").mkdir(exist_ok=True)
    (folder / "en" / "index.html").write_text(text + " en", encoding="utf-8")


def test_first_build_is_renamed_into_place(tmp_path):
    final = tmp_path / "output"
    new = staging.new_staging(final)
    site(new, "new")
    staging.swap_in(new, final)
    assert (final / "index.html").read_text(encoding="utf-8") == "new"
    assert not new.exists()


def test_swap_replaces_the_old_site_whole_and_deletes_it(tmp_path):
    final = tmp_path / "output"
    site(final, "old")
    (final / "gone.html").write_text("only in the old site", encoding="utf-8")
    new = staging.new_staging(final)
    site(new, "new")
    staging.swap_in(new, final)
    assert (final / "en" / "index.html").read_text(encoding="utf-8") == "new en"
    assert not (final / "gone.html").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["output"]


def test_retained_entries_and_copy_of_the_old_site(tmp_path):
    final = tmp_path / "output"
    site(final, "old")
    (final / ".git").mkdir()
    (final / ".git" / "HEAD").write_text("ref", encoding="utf-8")
    kept = staging.new_staging(final, keep=[".git", "missing"])
    assert (kept / ".git" / "HEAD").read_text(encoding="utf-8") == "ref"
    assert not (kept / "index.html").exists()
    copied = staging.new_staging(final, copy_all=True)
    assert (copied / "en" / "index.html").read_text(encoding="utf-8") == "old en"


def test_staging_of_a_dead_build_is_removed_a_live_ones_kept(tmp_path):
    final = tmp_path / "output"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    stale = tmp_path / f".output.building-{dead.stdout.strip()}-0"
    stale_old = tmp_path / f".output.building-{dead.stdout.strip()}-0-old"
    live = tmp_path / ".output.building-1-0"  # pid 1 is always running
    for folder in (stale, stale_old, live):
        site(folder, "x")
    removed = staging.remove_stale(final)
    assert sorted(removed) == sorted([stale, stale_old])
    assert live.exists()


def test_without_renameat2_two_renames_give_the_same_result(tmp_path, monkeypatch):
    monkeypatch.setattr(staging, "_exchange", lambda a, b: False)
    final = tmp_path / "output"
    site(final, "old")
    new = staging.new_staging(final)
    site(new, "new")
    staging.swap_in(new, final)
    assert (final / "index.html").read_text(encoding="utf-8") == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["output"]


@pytest.mark.parametrize("kind", ["file", "link to a folder"])
def test_an_output_path_that_is_not_a_folder_stops_the_build_before_it_renders(tmp_path, kind):
    """Was found only at the swap, after every page was rendered, as an OSError with a
    traceback; a link to a folder too (the swap would replace the link, not the site)."""
    from digest.model import StopBuild

    final = tmp_path / "output"
    if kind == "file":
        final.write_text("not a site", encoding="utf-8")
    else:
        (tmp_path / "elsewhere").mkdir()
        final.symlink_to(tmp_path / "elsewhere")
    try:
        staging.new_staging(final)
    except StopBuild as exc:
        assert str(exc) == f"{final} is not a folder; remove it and build again"
    else:
        raise AssertionError("no StopBuild")
    assert "output" in [p.name for p in tmp_path.iterdir()] and not list(tmp_path.glob(".output.*"))
