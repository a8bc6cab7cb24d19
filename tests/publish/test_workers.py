"""Conversion workers end with the build that started them (kill -9 included)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from digest.publish.sync import PARALLEL_THRESHOLD

ROOT = Path(__file__).resolve().parents[2]
SEED_000 = ROOT / "seeds" / "000_f5b23160764b9db6.txt"

#: Converts the seeds on a pool, prints its workers' pids when the first result
#: arrives, and is killed (SIGKILL: no clean-up runs) while they are still busy.
CHILD = """
import multiprocessing, os, signal, sys
from pathlib import Path
from digest.pipeline import ConvertOptions
from digest.publish.sync import convert_seeds

def progress(done, total, name):
    print(" ".join(str(p.pid) for p in multiprocessing.active_children()), flush=True)
    os.kill(os.getpid(), signal.SIGKILL)

convert_seeds(sorted(Path(sys.argv[1]).glob("*.txt")), ConvertOptions(), jobs=2, progress=progress)
"""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"  # a zombie has exited; only its parent's record remains


def test_workers_exit_when_the_build_is_killed(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    text = SEED_000.read_text(encoding="utf-8")
    short = text[: text.index("\n", 600) + 1]  # a small page: quick to convert
    for i in range(PARALLEL_THRESHOLD + 8):
        (seeds / f"{i:03}.txt").write_text(short, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    # Output to files, not pipes: an orphaned worker would hold a pipe open and
    # keep the test waiting for its end instead of failing.
    out, err = tmp_path / "out", tmp_path / "err"
    with out.open("w") as stdout, err.open("w") as stderr:
        code = subprocess.run([sys.executable, "-c", CHILD, str(seeds)], stdout=stdout,
                              stderr=stderr, env=env).returncode
    assert code == -signal.SIGKILL, err.read_text()
    workers = [int(p) for p in out.read_text().split()]
    assert len(workers) == 2
    try:
        # The kernel kills them at once; the deadline only bounds a failing run.
        deadline = time.monotonic() + 60
        while any(map(_alive, workers)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(map(_alive, workers))
    finally:
        for pid in filter(_alive, workers):
            os.kill(pid, signal.SIGKILL)


#: Starts a command (standing in for Pagefind) as the search index does, prints its
#: pid and is killed.
COMMAND_CHILD = """
import os, signal, subprocess
from digest.publish.workers import die_with_this_process

proc = subprocess.Popen(["sleep", "300"], preexec_fn=die_with_this_process())
print(proc.pid, flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_command_started_for_the_build_exits_when_the_build_is_killed(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    out = tmp_path / "out"
    with out.open("w") as stdout:
        code = subprocess.run([sys.executable, "-c", COMMAND_CHILD], stdout=stdout, env=env).returncode
    assert code == -signal.SIGKILL
    pid = int(out.read_text())
    try:
        deadline = time.monotonic() + 60  # only bounds a failing run
        while _alive(pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _alive(pid)
    finally:
        if _alive(pid):
            os.kill(pid, signal.SIGKILL)
