"""The further editions built in a forked process beside the first give the same site
as built one after another, and a failure there fails the build, old site kept."""

from __future__ import annotations

import os
import sys

import pytest

from sitebuild import ROOT, build_site, tree_differences

pytestmark = pytest.mark.build

sys.path.insert(0, str(ROOT / "plugins"))

import digest_editions  # noqa: E402


def _edition_lines(out: str) -> list[str]:
    return [ln.split(":")[0] for ln in out.splitlines() if ln.startswith(("zh-hans:", "en:"))]


def test_side_by_side_or_in_turn_the_same_site(tmp_path, monkeypatch, capsys):
    marker = tmp_path / "built-by"
    build = digest_editions._build_editions

    def recording(settings, root_output):
        marker.write_text(str(os.getpid()))
        return build(settings, root_output)

    monkeypatch.setattr(digest_editions, "_build_editions", recording)
    forked = build_site(tmp_path / "forked", DIGEST_JOBS=2)
    assert int(marker.read_text()) != os.getpid(), "the editions were not built in a second process"
    # the fork's build line comes back to be said after the first edition's, as in turn
    assert _edition_lines(capsys.readouterr().out) == ["zh-hans", "en"]
    assert not list((tmp_path / "forked").glob(".output.building-*"))
    in_turn = build_site(tmp_path / "in-turn", DIGEST_JOBS=1)
    assert int(marker.read_text()) == os.getpid()
    assert _edition_lines(capsys.readouterr().out) == ["zh-hans", "en"]
    assert (forked / "en" / "index.html").is_file()
    assert tree_differences(forked, in_turn) == []


def test_a_failure_in_the_fork_fails_the_build_and_keeps_the_old_site(tmp_path, monkeypatch):
    output = build_site(tmp_path, DIGEST_JOBS=1)
    before = {p: p.read_bytes() for p in output.rglob("*") if p.is_file()}

    def failing(settings, root_output):
        raise RuntimeError("simulated failure of the English edition")

    monkeypatch.setattr(digest_editions, "_build_editions", failing)
    (tmp_path / "pelican-cache" / "digest-site.json").unlink()  # render, though nothing changed
    with pytest.raises(RuntimeError, match="building the further editions failed"):
        build_site(tmp_path, DIGEST_JOBS=2)
    assert {p: p.read_bytes() for p in output.rglob("*") if p.is_file()} == before
