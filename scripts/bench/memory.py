"""Running a measured subprocess: wall time, peak RSS of the largest process
(``wait4``) and the sampled sum over the process and its workers (``/proc``)."""

from __future__ import annotations

import json
import os
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from .common import PYTHON, snapshot_env

def _proc_tree_rss(root: int) -> int:
    """Resident bytes of a process and all its descendants, from /proc."""
    parent: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry.name)
        parent[pid] = int(fields[1])
        rss[pid] = int(fields[21])
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        for child, ppid in parent.items():
            if ppid == pid and child not in tree:
                tree.add(child)
                frontier.append(child)
    return sum(rss.get(pid, 0) for pid in tree) * os.sysconf("SC_PAGE_SIZE")


@dataclass
class Run:
    seconds: float
    returncode: int
    stdout: str
    maxrss_mb: float  # the largest single process of the tree
    tree_peak_mb: float | None  # sampled sum over the tree
    cpu_seconds: float = 0.0  # user + system time of the process and every descendant it waited for

    def json(self) -> dict:
        return {"seconds": round(self.seconds, 3), "returncode": self.returncode,
                "cpu_seconds": round(self.cpu_seconds, 2), "peak_rss_mb": round(self.maxrss_mb, 1),
                "tree_peak_rss_mb": None if self.tree_peak_mb is None else round(self.tree_peak_mb, 1)}


def run_measured(cmd: list[str], log: Path | None = None, env: dict | None = None,
                 cwd: Path | None = None) -> Run:
    """Run ``cmd`` to completion; wall time, peak RSS (wait4) and sampled tree RSS."""
    stderr = open(log, "w") if log else subprocess.DEVNULL
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=stderr, text=True)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            try:
                peak[0] = max(peak[0], _proc_tree_rss(proc.pid))
            except (OSError, ValueError, IndexError):
                pass
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    if Path("/proc/self/stat").exists():
        sampler.start()
    stdout = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    done.set()
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stdout.close()
    if log:
        stderr.close()
    largest = usage.ru_maxrss / 1024
    # samples can miss a short-lived peak; the sum is never below the largest process
    return Run(seconds, proc.returncode, stdout, largest, max(peak[0] / 2**20, largest) if peak[0] else None,
               usage.ru_utime + usage.ru_stime)


def run_probe(name: str, code: str, *args: str, work: Path) -> tuple[dict | list, Run]:
    """Run a probe script in a fresh interpreter on the snapshot; it prints one JSON line."""
    log = work / "logs" / f"{name}.log"
    run = run_measured([PYTHON, "-c", code, *args], log, snapshot_env(work), work)
    if run.returncode:
        tail = "\n".join(log.read_text(errors="replace").splitlines()[-15:])
        raise RuntimeError(f"probe failed (exit {run.returncode}); last lines of {log}:\n{tail}")
    return json.loads(run.stdout.strip().splitlines()[-1]), run
