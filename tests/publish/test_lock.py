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
