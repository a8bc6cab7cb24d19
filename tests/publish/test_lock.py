"""One build at a time per checkout: the second waits, and says so."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from digest.publish import lock

ROOT = Path(__file__).resolve().parents[2]

#: A second build: says when it has to wait, then when it has the lock.
SECOND = """
import sys
from pathlib import Path
from digest.publish import lock

lock.acquire(Path(sys.argv[1]), lambda path: print("waiting for", path, flush=True))
print("got it", flush=True)
"""


def test_a_second_build_waits_for_the_first_and_says_so(tmp_path):
    held = lock.acquire(tmp_path)
    assert held == (tmp_path / lock.LOCK_NAME).resolve()
    assert lock.acquire(tmp_path) is None  # a nested run of the same process does not wait
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    second = subprocess.Popen([sys.executable, "-c", SECOND, str(tmp_path)], stdout=subprocess.PIPE,
                              text=True, env=env)
    try:
        assert second.stdout.readline() == f"waiting for {held}\n"
        lock.release(held)
        assert second.stdout.readline() == "got it\n"
        assert second.wait() == 0
    finally:
        lock.release(held)
        if second.poll() is None:
            second.kill()


def test_a_free_lock_is_taken_without_waiting(tmp_path):
    waits = []
    held = lock.acquire(tmp_path / "cache", waits.append)
    lock.release(held)
    assert waits == [] and held.exists()


#: A real build (tests/sitebuild.py) of one seed, in its own process.
BUILD = """
import logging, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from sitebuild import build_site
logging.basicConfig(level=logging.WARNING, stream=sys.stdout, format="%(message)s", force=True)
tmp = Path(sys.argv[2])
build_site(tmp, seeds=tmp / "seeds", DIGEST_SEARCH=False)
print("built", flush=True)
"""


def test_a_build_waits_for_the_lock_before_touching_anything(tmp_path):
    import shutil

    (tmp_path / "seeds").mkdir()
    shutil.copy(ROOT / "seeds" / "000_f5b23160764b9db6.txt", tmp_path / "seeds")
    held = lock.acquire(tmp_path / "digest-cache")  # the cache folder sitebuild uses
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    build = subprocess.Popen([sys.executable, "-c", BUILD, str(ROOT / "tests"), str(tmp_path)],
                             stdout=subprocess.PIPE, text=True, env=env)
    try:
        line = build.stdout.readline()
        assert line == f"digest: {held}: another build of this site is running; waiting for it to finish\n"
        assert not (tmp_path / "content" / "articles").exists()  # nothing written while it waits
        assert not (tmp_path / "output").exists()
        lock.release(held)
        assert build.stdout.read().splitlines()[-1] == "built"
        assert build.wait() == 0
        assert (tmp_path / "output" / "index.html").is_file()
    finally:
        lock.release(held)
        if build.poll() is None:
            build.kill()
