"""Edit-to-preview latency through the real preview server (``scripts/serve.py``).

The server runs on the benchmark's project copy on a free port. For each edit
one seed gets a new sentence; the clock runs from the write until the article's
page, fetched over HTTP, shows the sentence. Meanwhile the home page and the
English home page are fetched too: every answer must be 200 (the server keeps
serving the last complete site while it rebuilds).
"""

from __future__ import annotations

import itertools
import json
import re
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from corpus import Corpus

from .builds import seed_to_touch, touch_one_seed
from .common import PYTHON, ROOT, say, snapshot_env

DEADLINE_S = 1800  # only a hung server ever reaches it


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=60) as resp:
            return resp.status, resp.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, ""
    except OSError:
        return 0, ""


def _wait(predicate, what: str):
    deadline = time.monotonic() + DEADLINE_S
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise RuntimeError(f"preview: timed out waiting for {what}")
        time.sleep(0.02)


def _idle(url: str) -> bool:
    """No build running and none due (a quick build is followed by a full one)."""
    code, body = _get(url + "/__digest/build")
    if code != 200:
        return False
    state = json.loads(body)
    return not state["building"] and not state.get("full_due")


def _pages_with(content: Path, sentence: str) -> list[str]:
    """Slugs of the generated pages whose text holds ``sentence``."""
    slugs = []
    for md in (content / "articles").glob("*.md"):
        text = md.read_text(encoding="utf-8", errors="replace")
        if sentence in text:
            match = re.search(r"^slug: *(\S+)", text, re.M)
            if match:
                slugs.append(match.group(1).strip("'\""))
    return slugs


def measure_preview(work: Path, corpus: Corpus, edits: int, digest_cache: Path) -> dict:
    """Start the server, let its first build finish, then time ``edits`` seed edits."""
    cache = work / ".digest-cache"  # pelicanconf's default, shared with the timed builds
    if digest_cache.is_dir() and not cache.exists():
        cache.symlink_to(digest_cache, target_is_directory=True)
    log = open(work / "logs" / "preview.log", "w")
    proc = subprocess.Popen([PYTHON, str(ROOT / "scripts" / "serve.py"), "--port", "0", "--root", str(work)],
                            cwd=work, env=snapshot_env(work), stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    try:
        url = None
        for line in proc.stdout:
            log.write(line)
            match = re.search(r"Serving \S+ on (http://\S+?)/ ", line)
            if match:
                url = match.group(1)
                break
        if not url:
            raise RuntimeError(f"preview: serve.py printed no address; see {log.name}")
        threading.Thread(target=lambda: [log.write(x) for x in proc.stdout], daemon=True).start()

        def generation() -> int:
            code, body = _get(url + "/__digest/build")
            return json.loads(body)["generation"] if code == 200 else -1

        start = time.perf_counter()
        _wait(lambda: generation() >= 1, "the server's first build")
        first = time.perf_counter() - start
        _wait(lambda: _idle(url), "the server to be idle")
        latencies, answers = [], []
        for i in range(edits):
            # unique to this run: an earlier run's edit in a kept work folder cannot answer for it
            sentence = f"据悉，第{i + 1}次修改后的页面由预览服务器重新生成，编号{time.time_ns() % 10**9}。"
            say(f"  preview edit {i + 1}/{edits}")
            # The seed's pages now: reading every page on each poll takes a second at 8,000 articles.
            known = _pages_with(work / "content", f"source_file: {seed_to_touch(corpus, i + 1).name}\n")
            polls = itertools.count()
            name = touch_one_seed(corpus, which=i + 1, sentence=sentence)
            start = time.perf_counter()

            def shown() -> bool:
                answers.append(_get(url + "/index.html")[0])
                answers.append(_get(url + "/en/index.html")[0])
                # every 25th poll, every page: an edit that gave the article a new slug
                slugs = known if next(polls) % 25 != 24 else _pages_with(work / "content", sentence)
                return any(sentence in _get(f"{url}/articles/{slug}.html")[1] for slug in slugs)

            _wait(shown, f"the edit of {name} to show")
            latencies.append(time.perf_counter() - start)
            _wait(lambda: _idle(url), "the rebuilds after the edit to finish")
        bad = sorted({a for a in answers if a != 200})
        return {"first_build_s": first, "latencies_s": latencies, "requests": len(answers),
                "non_200_answers": sum(1 for a in answers if a != 200), "bad_statuses": bad}
    finally:
        proc.kill()
        proc.wait()
        log.close()
