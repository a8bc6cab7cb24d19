"""Seeds folder -> pages folder: cache, duplicates, bad seeds."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from digest.publish.sync import sync_seeds

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED_000 = SEEDS / "000_f5b23160764b9db6.txt"


def test_second_run_is_served_from_the_cache(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEED_000, seeds)
    first = sync_seeds(seeds, tmp_path / "pages", cache_dir=tmp_path / "cache")
    second = sync_seeds(seeds, tmp_path / "pages", cache_dir=tmp_path / "cache")
    assert (first.converted, first.cached) == (1, 0)
    assert (second.converted, second.cached) == (0, 1)
    assert [a.to_json() for a in first.articles] == [a.to_json() for a in second.articles]
    assert second.store.written == []


def test_same_article_in_two_seeds_is_published_once(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEED_000, seeds / "a.txt")
    shutil.copy(SEED_000, seeds / "b.txt")
    report = sync_seeds(seeds, tmp_path / "pages")
    assert len(report.articles) == 1
    assert len(list((tmp_path / "pages").glob("*.md"))) == 1
    assert any("b.txt" in m and "published once" in m for m in report.messages)


def test_bad_seeds_are_reported_by_name_and_the_rest_still_builds(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEED_000, seeds / "good.txt")
    (seeds / "empty.txt").write_bytes(b"")
    (seeds / "binary.txt").write_bytes(bytes(range(256)) * 40)
    report = sync_seeds(seeds, tmp_path / "pages")
    assert len(report.articles) == 1
    names = sorted(e.source_file for e in report.errors)
    assert names == ["binary.txt", "empty.txt"]
    assert all(m.startswith(("binary.txt: ", "empty.txt: ")) for m in map(str, report.errors))


def test_deleting_a_seed_removes_its_pages(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEED_000, seeds)
    sync_seeds(seeds, tmp_path / "pages")
    (seeds / SEED_000.name).unlink()
    report = sync_seeds(seeds, tmp_path / "pages")
    assert len(report.store.removed) == 1
    assert list((tmp_path / "pages").glob("*.md")) == []


def test_lost_characters_are_warnings_and_complete_repairs_are_notes():
    from digest.model import Article, StageWarning
    from digest.publish.sync import SyncReport

    article = Article(source_file="s.txt", title="标题", blocks=[], warnings=[
        StageWarning("mojibake", "完善。《行动", file="s.txt"),
        StageWarning("mojibake", "格局。□", lost=1, file="s.txt")])
    report = SyncReport(articles=[article])
    assert report.notes == ["s.txt: 标题: mojibake repaired near '完善。《行动'"]
    assert report.messages == ["s.txt: 标题: mojibake repaired near '格局。□' (1 character lost, marked □)"]


def test_repair_summary_counts_seeds_and_lost_characters_and_names_the_pages_to_check():
    from digest.model import Article, Block, StageWarning
    from digest.publish.sync import SyncReport

    done = [StageWarning("mojibake", "完善。《行动", file="a.txt")]
    lossy = [StageWarning("mojibake", "格局。□", lost=1, file="b.txt"),
             StageWarning("mojibake", "表示□□", lost=2, file="b.txt")]
    report = SyncReport(articles=[
        Article(source_file="a.txt", title="甲", blocks=[Block("完善。《行动计划》")], warnings=done, slug="a-1"),
        Article(source_file="b.txt", title="乙", blocks=[Block("没有问题。")], warnings=lossy, slug="b-1"),
        Article(source_file="b.txt", title="丙", blocks=[Block("格局。□北京")], warnings=lossy, slug="b-2"),
        Article(source_file="c.txt", title="丁", blocks=[Block("正文。")], slug="c-1"),
    ])
    # b.txt's warnings ride on both its articles: its characters are counted once
    assert report.repair_summary == "repairs: 2 seeds repaired, 3 characters lost (marked □); check b-2.md"
    assert SyncReport().repair_summary == "repairs: none"


def test_a_complete_repair_is_summarised_without_pages_to_check(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEED_000, seeds)
    report = sync_seeds(seeds, tmp_path / "pages", cache_dir=tmp_path / "cache")
    assert report.repair_summary == "repairs: 1 seed repaired, 0 characters lost (marked □)"
    # the structured warnings survive the conversion cache
    cached = sync_seeds(seeds, tmp_path / "pages", cache_dir=tmp_path / "cache")
    assert cached.cached == 1
    assert [a.warnings for a in cached.articles] == [a.warnings for a in report.articles]
    assert all(w.file == SEED_000.name and w.kind == "mojibake" for a in cached.articles for w in a.warnings)


def test_the_seeds_plugin_prints_the_summary_when_the_build_ends(tmp_path, capsys):
    import sys

    sys.path.insert(0, str(SEEDS.parent / "plugins"))
    import digest_seeds

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEED_000, seeds)

    class FakePelican:
        settings = {"PATH": str(tmp_path / "content"), "DIGEST_SEEDS_PATH": str(seeds),
                    "DIGEST_CACHE_PATH": None}

    pelican = FakePelican()
    digest_seeds.convert_seeds(pelican)
    assert "repairs:" not in capsys.readouterr().out  # not before the build ends
    digest_seeds.print_repair_summary(pelican)
    assert capsys.readouterr().out.strip() == "digest: repairs: 1 seed repaired, 0 characters lost (marked □)"
    digest_seeds.print_repair_summary(pelican)  # once per build
    assert capsys.readouterr().out == ""


def _seeds(tmp_path, *names):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in names:
        shutil.copy(SEED_000, seeds / name)
    return seeds


def test_links_out_of_the_seeds_folder_and_non_files_are_refused_by_name(tmp_path):
    import os

    seeds = _seeds(tmp_path, "good.txt")
    secret = tmp_path / "secret.txt"
    secret.write_text("机密文件的内容，不能发布。" * 20, encoding="utf-8")
    (seeds / "b06.txt").symlink_to(secret)
    (seeds / "up.txt").symlink_to("../secret.txt")
    (seeds / "inside.txt").symlink_to("good.txt")  # a link inside the folder is a seed
    os.mkfifo(seeds / "pipe.txt")
    (seeds / "x.txt").mkdir()
    report = sync_seeds(seeds, tmp_path / "pages")
    errors = {e.source_file: e.reason for e in report.errors}
    assert sorted(errors) == ["b06.txt", "pipe.txt", "up.txt", "x.txt"]
    assert errors["b06.txt"] == f"is a link to {secret}, outside the seeds folder; not read"
    assert errors["pipe.txt"] == "is a named pipe (FIFO), not a file; not read"
    assert errors["x.txt"] == "is a folder, not a file; not read"
    assert {a.source_file for a in report.articles} == {"good.txt"}
    assert any("inside.txt" in d for d in report.duplicates)
    pages = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "pages").glob("*.md"))
    assert "机密" not in pages


def test_a_bad_seed_among_many_is_named_when_converted_in_parallel(tmp_path, monkeypatch):
    import pickle

    from digest.model import SeedError
    from digest.publish import sync

    err = pickle.loads(pickle.dumps(SeedError("empty.txt", "is empty")))
    assert (err.source_file, err.reason, str(err)) == ("empty.txt", "is empty", "empty.txt: is empty")
    monkeypatch.setattr(sync, "PARALLEL_THRESHOLD", 2)  # the pool path without 24 real seeds
    seeds = _seeds(tmp_path, "a.txt")
    (seeds / "b.txt").write_bytes(SEED_000.read_bytes().replace("。".encode(), "！".encode(), 1))
    (seeds / "empty.txt").write_bytes(b"")
    report = sync.sync_seeds(seeds, tmp_path / "pages", jobs=2)
    assert [str(e) for e in report.errors] == ["empty.txt: is empty"]
    assert "a.txt" in {a.source_file for a in report.articles}
    assert report.converted == 3


def test_a_file_name_that_is_not_utf8_is_named_and_the_rest_builds(tmp_path):
    import os

    seeds = _seeds(tmp_path, "good.txt")
    bad = seeds / os.fsdecode(b"b\xff\xfe.txt")
    bad.write_bytes(SEED_000.read_bytes())
    report = sync_seeds(seeds, tmp_path / "pages")
    assert [str(e) for e in report.errors] == [
        "b\\xff\\xfe.txt: the file name is not valid UTF-8; rename the file"]
    assert [a.source_file for a in report.articles] == ["good.txt"]
    assert len(list((tmp_path / "pages").glob("*.md"))) == 1


def test_a_corrupt_cache_entry_is_ignored_with_a_note_and_the_seed_converted_again(tmp_path):
    seeds = _seeds(tmp_path, "a.txt")
    cache = tmp_path / "cache"
    first = sync_seeds(seeds, tmp_path / "pages", cache_dir=cache)
    for damage in ("", "[{\"title\": 1", "{}", "[{\"title\": \"x\"}]"):
        [entry] = cache.glob("*.json")
        entry.write_text(damage, encoding="utf-8")
        again = sync_seeds(seeds, tmp_path / "pages", cache_dir=cache)
        assert (again.converted, again.cached, again.errors) == (1, 0, [])
        assert [a.to_json() for a in again.articles] == [a.to_json() for a in first.articles]
        [note] = [n for n in again.notes if "cache" in n]
        assert note.startswith(f"{entry}: unreadable cache entry for a.txt (")
        assert note.endswith("ignored, the seed is converted again")
    assert sync_seeds(seeds, tmp_path / "pages", cache_dir=cache).cached == 1  # rewritten


def test_a_cache_that_cannot_be_written_is_one_warning_and_the_build_goes_on(tmp_path, monkeypatch):
    import errno
    import os

    from digest import files

    def full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    seeds = _seeds(tmp_path, "a.txt")
    (seeds / "b.txt").write_bytes(SEED_000.read_bytes() + "\n补充一段正文。\n".encode())
    pages = tmp_path / "pages"
    pages.mkdir()
    cache = tmp_path / "cache"
    monkeypatch.setattr(files.os, "fsync", lambda fd: full(fd) if os.path.realpath(
        f"/proc/self/fd/{fd}").startswith(str(cache)) else None)
    report = sync_seeds(seeds, pages, cache_dir=cache)
    problems = [m for m in report.messages if "cache" in m]
    assert len(problems) == 1 and "No space left on device" in problems[0]
    assert problems[0].startswith(str(tmp_path / "cache"))
    assert report.articles


_PARENT = None
_REAL_CONVERT = None


def _killed_in_workers(args):
    """``_convert_one`` that dies on b.txt in a worker, as under the OOM killer.
    (Module level: the pool pickles the function by name.)"""
    import os

    if args[1] == "b.txt" and os.getpid() != _PARENT:
        os._exit(1)
    return _REAL_CONVERT(args)


def test_a_worker_that_dies_costs_no_seed(tmp_path, monkeypatch):
    import os

    from digest.publish import sync

    here = sys.modules[__name__]
    monkeypatch.setattr(here, "_PARENT", os.getpid())
    monkeypatch.setattr(here, "_REAL_CONVERT", sync._convert_one)
    monkeypatch.setattr(sync, "_convert_one", _killed_in_workers)
    monkeypatch.setattr(sync, "PARALLEL_THRESHOLD", 2)
    seeds = _seeds(tmp_path, "a.txt")
    (seeds / "b.txt").write_bytes(SEED_000.read_bytes() + "\n另一篇文章的正文段落。\n".encode())
    (seeds / "empty.txt").write_bytes(b"")
    report = sync.sync_seeds(seeds, tmp_path / "pages", jobs=2)
    assert report.converted == 3 and [str(e) for e in report.errors] == ["empty.txt: is empty"]
    assert "b.txt" in {a.source_file for a in report.articles} | {
        d.split(":")[0] for d in report.duplicates}
    assert any(m.startswith("a conversion worker died") for m in report.messages)


def test_an_unreadable_seed_is_named_with_the_reason(tmp_path, monkeypatch):
    import errno
    import os

    from digest.publish import seed_files

    seeds = _seeds(tmp_path, "a.txt", "locked.txt")
    real_open = os.open

    def deny(path, *args, **kwargs):
        if str(path).endswith("locked.txt"):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(seed_files.os, "open", deny)
    report = sync_seeds(seeds, tmp_path / "pages")
    assert [str(e) for e in report.errors] == ["locked.txt: cannot be read (Permission denied)"]
    assert {a.source_file for a in report.articles} == {"a.txt"}
