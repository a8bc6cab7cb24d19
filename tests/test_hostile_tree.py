"""Acceptance test of issue 11: a hostile seeds folder, built at real size.

One seeds folder holds at once a link to a file outside it, a FIFO, a folder
named ``x.txt``, an empty seed, a binary seed, a file name that is not UTF-8,
a seed with a few stray NUL bytes and 30 good seeds (recombined from the real
seeds' sentences by scripts/corpus.py), so more than ``PARALLEL_THRESHOLD``
seeds are converted on the process pool. The build finishes with every good
article, names each bad seed once, never opens the outside file, and in strict
mode fails naming them all.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from pathlib import Path

import pytest

from digest.publish.page import split_page
from digest.publish.sync import PARALLEL_THRESHOLD

ROOT = Path(__file__).resolve().parent
SEED_000 = ROOT.parent / "seeds" / "000_f5b23160764b9db6.txt"
sys.path.insert(0, str(ROOT.parent / "scripts"))

import corpus  # noqa: E402

pytestmark = pytest.mark.build

MARK = "ZQXJ7K9W"  # in no dictionary or template: its presence anywhere means the file was read
SECRET = f"口令{MARK}：这份文件在种子文件夹之外，绝不能被读取或发布。\n" * 30
NOT_UTF8 = os.fsdecode(b"caf\xe9.txt")
#: Bad seed -> the name printed for it.
#: (Names no other test logs: Pelican's log filter drops a warning already logged in the process.)
BAD = {"b06.txt": "b06.txt", "pipe.txt": "pipe.txt", "x.txt": "x.txt", "blank.txt": "blank.txt",
       "photo.txt": "photo.txt", NOT_UTF8: "caf\\xe9.txt"}

#: Paths of the outside file opened while the hook records (sys.addaudithook cannot be removed,
#: so the hook stays installed and records only during the build).
_opened: list[str] | None = None


def _audit(event, args):
    if _opened is not None and event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
        _opened.append(os.fsdecode(args[0]))


sys.addaudithook(_audit)


def _hostile_folder(tmp_path: Path) -> tuple[Path, list[str], Path]:
    seeds = tmp_path / "seeds"
    made = corpus.make_corpus(tmp_path / "corpus", articles=60, seed=11)
    good = [info.name for info in made.seeds[:30]]
    seeds.mkdir()
    for name in good:
        (seeds / name).write_bytes((made.folder / name).read_bytes())
    lines = SEED_000.read_bytes().split(b"\n")
    for i in (3, 9, 15):
        lines[i] += b"\x00"
    (seeds / "nul.txt").write_bytes(b"\n".join(lines))
    secret = tmp_path / "outside" / "passwd"
    secret.parent.mkdir()
    secret.write_text(SECRET, encoding="utf-8")
    (seeds / "b06.txt").symlink_to(secret)
    os.mkfifo(seeds / "pipe.txt")
    (seeds / "x.txt").mkdir()
    (seeds / "blank.txt").write_bytes(b"")
    (seeds / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 16)
    (seeds / NOT_UTF8).write_bytes(SEED_000.read_bytes())
    assert len(good) + 1 >= PARALLEL_THRESHOLD  # converted on the pool
    return seeds, good + ["nul.txt"], secret


def test_a_hostile_seeds_folder_builds_names_each_bad_seed_once_and_fails_strict(
        tmp_path, caplog, builder, monkeypatch):
    global _opened
    seeds, good, secret = _hostile_folder(tmp_path)
    monkeypatch.delenv("DIGEST_STRICT", raising=False)
    _opened = []
    try:
        with caplog.at_level(logging.INFO):
            output = builder(tmp_path, seeds=seeds)
    finally:
        opened, _opened = _opened, None

    assert not [p for p in opened if Path(p).resolve() == secret.resolve()]
    published = {}
    for page in (tmp_path / "content" / "articles").glob("*.md"):
        meta, _ = split_page(page.read_text(encoding="utf-8"))
        published.setdefault(meta["source_file"], []).append(meta["slug"])
    assert sorted(published) == sorted(good)
    for slugs in published.values():
        for slug in slugs:
            assert (output / "articles" / f"{slug}.html").is_file()
            assert (output / "en" / "articles" / f"{slug}.html").is_file()
    everything = [p.read_text(encoding="utf-8", errors="replace")
                  for p in output.rglob("*") if p.is_file() and p.suffix in (".html", ".xml", ".json")]
    assert not any(MARK in text for text in everything)

    logged = [r.getMessage() for r in caplog.records]
    for shown in BAD.values():
        naming = [m for m in logged if re.search(rf"(^|[ /]){re.escape(shown)}: ", m)]
        assert len(naming) == 1, (shown, naming)
    assert not any("Traceback" in m or "BrokenProcessPool" in m for m in logged)

    from digest_seeds import SeedErrors

    monkeypatch.setenv("DIGEST_STRICT", "1")
    with pytest.raises(SeedErrors) as err:
        builder(tmp_path / "strict", seeds=seeds, DIGEST_CACHE_PATH=str(tmp_path / "digest-cache"))
    assert str(err.value).startswith(f"{len(BAD)} seed(s) could not be converted (strict mode)")
    for shown in BAD.values():
        assert f"{shown}: " in str(err.value)


def _full(*args, **kwargs):
    import errno

    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _two_seeds(tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for seed in sorted(SEED_000.parent.glob("*.txt"))[:2]:
        (seeds / seed.name).write_bytes(seed.read_bytes())
    return seeds


def test_a_full_disk_for_the_pages_stops_the_build_with_one_line_naming_the_file(
        tmp_path, caplog, builder, monkeypatch):
    from digest import files

    seeds = _two_seeds(tmp_path)
    monkeypatch.setattr(files.os, "fsync", _full)
    with pytest.raises(SystemExit) as exit_:
        builder(tmp_path, seeds=seeds, DIGEST_CACHE_PATH=None)
    assert exit_.value.code == 1
    [line] = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert re.fullmatch(rf"digest: {re.escape(str(tmp_path / 'content' / 'articles'))}/\S+\.md: "
                        r"cannot write \(No space left on device\)", line)


def test_a_full_disk_for_the_site_stops_the_build_with_one_line_naming_the_folder(
        tmp_path, caplog, builder, monkeypatch):
    from pelican.writers import Writer

    seeds = _two_seeds(tmp_path)
    monkeypatch.setattr(Writer, "write_file", _full)
    with pytest.raises(SystemExit):
        builder(tmp_path, seeds=seeds)
    [line] = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert line == f"digest: {tmp_path / 'output'}: cannot write the site (No space left on device)"
    from digest.publish import lock

    assert (tmp_path / "digest-cache" / lock.LOCK_NAME).resolve() not in lock._held  # released
