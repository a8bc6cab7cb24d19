"""A client of the preview server (``scripts/serve.py``), shared by its tests and
the benchmark: start it on a free port, fetch over HTTP, read its build state,
and wait for a state by polling until a deadline (only a hung server reaches
it), never for a fixed time."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from serve import ADDRESS, RELOAD_PATH

SERVE = Path(__file__).resolve().parent / "serve.py"
DEADLINE_S = 600
POLL_S = 0.02  # the benchmark's edit-to-page figure is no finer than this


def get(url: str) -> tuple[int, str]:
    """The status and text of ``url``; status 0 when the server did not answer."""
    try:
        with urllib.request.urlopen(url, timeout=60) as resp:
            return resp.status, resp.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")
    except OSError:
        return 0, ""


def wait_for(predicate, what: str, deadline_s: float = DEADLINE_S):
    """The first true value of ``predicate()``, polled; TimeoutError naming ``what`` past the deadline."""
    deadline = time.monotonic() + deadline_s
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {deadline_s:.0f} s waiting for {what}")
        time.sleep(POLL_S)


def build_state(url: str) -> dict | None:
    """The server's build state (``generation``, ``building``, ``full_due``, ``builds``), or None."""
    code, body = get(url + RELOAD_PATH)
    return json.loads(body) if code == 200 else None


def idle(url: str) -> bool:
    """A complete site is served, no build is running and none is due (a quick build
    is followed by a full one)."""
    state = build_state(url)
    return bool(state) and state["generation"] >= 1 and not state["building"] and not state["full_due"]


@contextmanager
def running_server(root: Path, log: Path, env: dict, python: str = sys.executable,
                   deadline_s: float = DEADLINE_S):
    """``serve.py --port 0`` on the project ``root``, its output in ``log``: yields
    ``(process, url)`` once it has printed its address; killed at the end."""
    with open(log, "w") as out:
        proc = subprocess.Popen([python, str(SERVE), "--port", "0", "--root", str(root)], cwd=root, env=env,
                                stdout=out, stderr=subprocess.STDOUT, text=True)
    try:
        def address() -> str:
            text = log.read_text(encoding="utf-8", errors="replace")
            if proc.poll() is not None:
                raise RuntimeError(f"serve.py ended (status {proc.returncode}):\n{text[-3000:]}")
            match = ADDRESS.search(text)
            return match.group(1) if match else ""

        yield proc, wait_for(address, "serve.py to print its address", deadline_s)
    finally:
        proc.kill()
        proc.wait()
