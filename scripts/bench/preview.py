"""Edit-to-preview latency through the real preview server (``scripts/serve.py``).

The server runs on the benchmark's project copy on a free port. For each edit
one seed gets a new sentence; the clock runs from the write until the article's
page, fetched over HTTP, shows the sentence. Meanwhile the home page and the
English home page are fetched too: every answer must be 200 (the server keeps
serving the last complete site while it rebuilds).
"""

from __future__ import annotations

import itertools
import re
import time
from pathlib import Path

from corpus import Corpus
from serve_client import build_state, get, idle, running_server, wait_for

from .builds import seed_to_touch, touch_one_seed
from .common import PYTHON, say, snapshot_env

DEADLINE_S = 1800  # only a hung server ever reaches it (the first build at 8,000 articles is long)


def _wait(predicate, what: str):
    return wait_for(predicate, f"preview: {what}", DEADLINE_S)


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
    with running_server(work, work / "logs" / "preview.log", snapshot_env(work), PYTHON, DEADLINE_S) as (_, url):
        start = time.perf_counter()
        _wait(lambda: (build_state(url) or {}).get("generation", 0) >= 1, "the server's first build")
        first = time.perf_counter() - start
        _wait(lambda: idle(url), "the server to be idle")
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
                answers.append(get(url + "/index.html")[0])
                answers.append(get(url + "/en/index.html")[0])
                # every 25th poll, every page: an edit that gave the article a new slug
                slugs = known if next(polls) % 25 != 24 else _pages_with(work / "content", sentence)
                return any(sentence in get(f"{url}/articles/{slug}.html")[1] for slug in slugs)

            _wait(shown, f"the edit of {name} to show")
            latencies.append(time.perf_counter() - start)
            _wait(lambda: idle(url), "the rebuilds after the edit to finish")
        bad = sorted({a for a in answers if a != 200})
        return {"first_build_s": first, "latencies_s": latencies, "requests": len(answers),
                "non_200_answers": sum(1 for a in answers if a != 200), "bad_statuses": bad}
