"""Local preview: serve the site on 127.0.0.1 and rebuild + reload the browser
whenever a seed, a content page (hand edits of ``content/articles/*.md`` too),
the translation catalog, the theme, a plugin, the converter or the settings change.

The server never stops answering: builds run in a separate, long-lived build
process while the last complete site is served (the build writes a fresh folder and swaps it in
whole, see ``plugins/digest_editions/staging.py``). Open pages poll a tiny
endpoint (``/__digest/build``) and reload when a newer build is in place.

An edited seed or generated page is shown in well under a second: the build process
keeps the last build's site in memory and re-renders only the pages that show the
changed articles (``plugins/digest_editions/incremental.py``); a full build follows
when the edits pause, for the search index, the sitemap and the rest.

    python scripts/serve.py [--host 127.0.0.1] [--port 8000] [--output output] [--root .]

``--port 0`` takes a free port; the address is printed as ``Serving … on URL``.

The build process stays up between builds, so the converter's dictionaries, the
plugins and Pelican are loaded once, not on every save (about ten seconds on a
busy machine); it is started afresh when a Python file of the converter or the
plugins, or the settings, change.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import logging
import multiprocessing
import os
import re
import stat
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: What a change to rebuilds for (relative to the project folder).
WATCHED = ["seeds", "content", "theme", "plugins", "src/digest", "pelicanconf.py"]
#: Written by the build itself: a change there only counts if it did not come from a build.
BUILD_WRITES = ["content/articles", "content/permalinks.jsonl", "content/redirects.txt"]
POLL_S = 0.2     # how often the watcher looks at file times without inotify (watchfiles)
WAKE_S = 5.0     # with inotify: look at every file anyway this often (a change inotify missed)
STEP_MS = 30     # with inotify: a burst of events settles this long before the watcher looks
QUIET_S = 0.05   # a burst of saves settles this long before a build starts
START = "(start)"  # the pending "change" that asks for the first build
SHOWN = "shown"    # the build process, before its answer: the changed article pages are written
IDLE_S = 2.0     # after a quick build, this long without a change starts the full one

#: The line giving the server's address (``--port 0`` takes a free port); clients read it with ADDRESS.
ADDRESS_LINE = "Serving {output}/ on {url}/ (Ctrl-C to stop)"
ADDRESS = re.compile(r"Serving \S+ on (http://\S+?)/ ")
RELOAD_PATH = "/__digest/build"
RELOAD_SCRIPT_PATH = "/__digest/reload.js"
RELOAD_SCRIPT = f"""(function () {{
  var seen = null;
  function poll() {{
    fetch("{RELOAD_PATH}", {{cache: "no-store"}}).then(function (r) {{ return r.json(); }})
      .then(function (s) {{
        if (seen !== null && s.generation !== seen) {{ location.reload(); return; }}
        seen = s.generation; setTimeout(poll, 500);
      }}).catch(function () {{ setTimeout(poll, 2000); }});
  }}
  poll();
}})();
""".encode()
_INJECT = f'<script src="{RELOAD_SCRIPT_PATH}"></script>'.encode()


def _die_with_parent() -> None:
    """Linux: end this process when the server dies, even by kill -9 (no orphan builds)."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, 15)  # PR_SET_PDEATHSIG, SIGTERM
    except (OSError, AttributeError):
        pass


_SLUG_LINE = re.compile(r"^slug: *['\"]?([^'\"\n]+?)['\"]?\s*$", re.M)


def article_slugs(folder: Path, known: dict[str, tuple[int, str]]) -> dict[str, tuple[int, str]]:
    """``{page path: (mtime_ns, slug)}`` of the generated pages; a page whose time
    is unchanged since ``known`` is not read again."""
    found = {}
    for entry in os.scandir(folder) if folder.is_dir() else ():
        if not entry.name.endswith(".md") or not entry.is_file():
            continue
        mtime = entry.stat().st_mtime_ns
        old = known.get(entry.path)
        if old and old[0] == mtime:
            found[entry.path] = old
            continue
        try:
            with open(entry.path, encoding="utf-8", errors="replace") as fh:
                match = _SLUG_LINE.search(fh.read(4096))
        except OSError:
            continue
        found[entry.path] = (mtime, match.group(1).strip() if match else Path(entry.name).stem)
    return found


def _quick_selection(pelican, known: dict) -> tuple[dict, set[str], set[str]]:
    """After the seeds were synced (Pelican's ``initialized``): the pages now, the
    slugs to render again, and the slugs whose pages are gone."""
    from digest.site.settings import setting

    articles = Path(pelican.settings["PATH"]) / setting(pelican.settings, "DIGEST_ARTICLES_DIR")
    now = article_slugs(articles, known)
    changed = {slug for path, (mtime, slug) in now.items() if known.get(path) != (mtime, slug)}
    gone = {slug for path, (_, slug) in known.items() if path not in now} | {
        known[path][1] for path in now if path in known and known[path][1] != now[path][1]}
    return now, changed, gone - {slug for _, slug in now.values()}


def _refresh(model, changed: list[str], shown) -> str:
    """The incremental path: convert the edited seeds alone and re-render, from the
    site kept in ``model``, only the pages that show the changed articles (see
    ``plugins/digest_editions/incremental.py``). Raises when a build is needed."""
    from digest_editions.incremental import Unsupported

    from digest.publish import lock
    from digest.site.settings import setting

    if not model.generators:
        raise Unsupported("no site kept in memory yet")
    settings = model.generators[0].settings
    base = Path(settings["PATH"]).resolve().parent
    cache = setting(settings, "DIGEST_CACHE_PATH")
    cache_dir = (base / cache) if cache else None
    held = lock.acquire(cache_dir) if cache_dir else None  # one build at a time, as builds do
    try:
        return _refresh_locked(model, changed, shown, settings, base, cache_dir)
    finally:
        lock.release(held)


def _refresh_locked(model, changed: list[str], shown, settings, base: Path, cache_dir: Path | None) -> str:
    from digest_editions.incremental import Unsupported

    from digest.publish.resync import resync_seeds
    from digest.site.settings import convert_options, setting

    seeds_dir = base / setting(settings, "DIGEST_SEEDS_PATH")
    pages_dir = Path(settings["PATH"]).resolve() / setting(settings, "DIGEST_ARTICLES_DIR")
    pages = [base / p for p in changed if p.endswith(".md")]
    seeds = [base / p for p in changed if not p.endswith(".md")]
    start = time.perf_counter()
    if seeds:
        report = resync_seeds(seeds, seeds_dir, pages_dir, options=convert_options(settings),
                              cache_dir=cache_dir,
                              force=setting(settings, "DIGEST_FORCE"), lang=settings["DEFAULT_LANG"])
        if report is None:
            raise Unsupported("a seed was added, removed, or its articles or titles changed")
        for message in report.messages:
            logging.warning("digest: %s", message)
        pages += report.store.written
    if not pages:
        return "no page changed"
    converted = time.perf_counter() - start
    written = model.refresh(sorted(set(pages)), shown)
    steps = ", ".join(f"{k} {v:.2f}" for k, v in {"seeds": converted, **model.seconds}.items())
    return f"{len(pages)} article page(s), {len(written)} file(s) written (seconds: {steps})"


def _warm_up(settings) -> bool:
    """Load every table of the converter (mojibake model, pinyin...) now: a build whose
    seeds all come from the cache loads none, and the first edited seed would wait seconds."""
    try:
        from digest.publish.sync import preload
        from digest.site.settings import convert_options

        preload(convert_options(settings))
    except Exception:  # noqa: BLE001 -- only the first save's speed is at stake
        logging.warning("serve: the converter's tables could not be loaded ahead", exc_info=True)
    return True


def _build_worker(conn, root: str, output: str, siteurl: str) -> None:
    """The build process: one Pelican run per request, modules and dictionaries kept loaded.

    A request is ``"full"``, ``"quick"`` or ``("refresh", [changed paths])``; the
    answer is ``(error or "", kind of build done)``, after :data:`SHOWN` once a refresh
    has written the changed article pages (it writes the lists next). A refresh
    re-renders from the site kept in memory only what the changed pages touch
    (:func:`_refresh`); if it cannot, or fails, a quick build does the work. A quick build (only seeds or
    generated pages changed) starts from a copy of the served site, renders again
    only the article pages that changed plus every list page and feed, and leaves
    the search index as it was (see ``plugins/digest_editions/preview.py``)."""
    _die_with_parent()
    os.chdir(root)
    os.environ["SITEURL"] = siteurl  # feeds and canonical links: this server
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s", stream=sys.stdout)
    from pelican import Pelican, signals
    from pelican.settings import read_settings

    sys.path.insert(0, os.path.join(root, "plugins"))  # the project's plugins, as Pelican loads them
    from digest_editions.incremental import SiteModel, Unsupported
    from digest_editions.preview import SERVE_KEY

    model = SiteModel()
    signals.all_generators_finalized.connect(model.capture)
    final = os.path.abspath(output)
    known: dict[str, tuple[int, str]] = {}  # the generated pages as the last build saw them
    warm = False
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return  # the server is gone
        if request is None:
            return
        if isinstance(request, tuple):
            try:
                print(f"serve: incremental: {_refresh(model, request[1], lambda: conn.send(SHOWN))}",
                      flush=True)
                conn.send(("", "incremental"))
                continue
            except Unsupported as exc:
                print(f"serve: incremental preview not possible ({exc}); quick build instead", flush=True)
            except Exception:
                logging.exception("serve: the incremental preview failed; quick build instead")
            request = "quick"
        quick = request == "quick" and bool(known) and os.path.isfile(os.path.join(final, "index.html"))
        model.start_build()
        try:
            override = {"OUTPUT_PATH": final, SERVE_KEY: True}  # every edition kept in this process
            if quick:
                override["DELETE_OUTPUT_DIRECTORY"] = False  # the build starts from a copy of the site
                override["DIGEST_SEARCH_INDEX"] = False  # its index too; the full build that follows re-indexes
            settings = read_settings("pelicanconf.py", override=override)
            pelican = Pelican(settings)  # converts changed seeds (``initialized``)
            now, changed, gone = _quick_selection(pelican, known)
            if quick:
                pelican.settings["_DIGEST_PREVIEW_ARTICLES"] = changed
                for edition in pelican.settings.get("DIGEST_EDITIONS") or [{"path": ""}]:
                    for slug in gone:
                        page = Path(pelican.output_path, edition.get("path", ""), "articles", f"{slug}.html")
                        page.unlink(missing_ok=True)
                print(f"serve: quick build: {len(changed)} article page(s) to render again", flush=True)
            pelican.run()
            model.build_done(final)
            known = now
            if not warm:  # before answering: the editor's first save must not wait for it
                warm = _warm_up(settings)
            conn.send(("", "quick" if quick else "full"))
        except BaseException as exc:  # a broken build is reported; the process stays for the next one
            model.start_build()
            log_failure(exc)
            conn.send((f"{type(exc).__name__}: {exc}"[:500] or type(exc).__name__, ""))
        sys.stdout.flush()


def log_failure(exc: BaseException) -> None:
    """A failed build's traceback, in the build process's log; not for a :class:`StopBuild`
    (a bad setting, a broken catalog in strict mode...), whose message is the whole story:
    the server prints it in its ``serve: build failed (…)`` line."""
    from digest.model import StopBuild

    if not isinstance(exc, StopBuild):
        logging.error("serve: the build failed", exc_info=exc)


def ignored(path: str) -> bool:
    """Hidden files and folders, Python caches, editors' backup and swap files: never an edit."""
    return (any(p.startswith(".") or p == "__pycache__" for p in path.split(os.sep))
            or path.endswith((".pyc", "~", ".swp")))


def snapshot(root: Path, entries: list[str]) -> dict[str, tuple[int, int]]:
    """``{path: (mtime_ns, size)}`` of every file under ``entries`` (hidden files skipped)."""
    state = {}
    for entry in entries:
        top = root / entry
        if top.is_file():
            st = top.stat()
            state[entry] = (st.st_mtime_ns, st.st_size)
            continue
        for folder, dirs, files in os.walk(top):
            dirs[:] = [d for d in dirs if not ignored(d)]
            for name in files:
                if ignored(name):
                    continue
                path = os.path.join(folder, name)
                try:
                    st = os.stat(path)
                except OSError:
                    continue  # deleted between listing and stat
                state[os.path.relpath(path, root)] = (st.st_mtime_ns, st.st_size)
    return state


def _under(path: str, entries: list[str]) -> bool:
    return any(path == e or path.startswith(e + os.sep) for e in entries)


def is_content(path: str) -> bool:
    """A change a quick build handles: a seed, or a generated page edited by hand."""
    path = path.replace(os.sep, "/")
    return path.startswith("seeds/") or (path.startswith("content/articles/") and path.endswith(".md"))


def is_code(path: str) -> bool:
    """A change the running build process cannot pick up: Python code or the settings."""
    return path.endswith(".py")


def changed(before: dict, after: dict) -> list[str]:
    return sorted(p for p in before.keys() | after.keys() if before.get(p) != after.get(p))


def edited_by_hand(root: Path, before: dict, after: dict) -> list[str]:
    """The generated pages that changed between ``before`` and ``after`` (states of
    what builds write) and no longer match their hash line: an editor's save during a
    build, which the build may have read too early. What the build writes itself
    matches its hash, and it never rewrites an edited page (``DIGEST_FORCE`` makes it
    generated again)."""
    from digest.publish.page import page_state

    out = []
    for path in changed(before, after):
        if path in after and is_content(path):
            try:
                text = (root / path).read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            if page_state(text) != "generated":
                out.append(path)
    return out


class Preview:
    """The watcher, the builder and what the HTTP handler needs to know."""

    def __init__(self, root: Path, output: str, siteurl: str):
        self.root = root
        self.output = output
        self.siteurl = siteurl
        self._worker = None
        self._conn = None
        self.generation = 0          # complete builds swapped in so far
        self.full_due = False        # a quick build left the search index and other pages to refresh
        self.building = False
        self.last_error = ""
        self.last_seconds = 0.0
        self.builds: dict[str, int] = {}  # builds done so far by kind: full, quick, incremental
        self._wake = threading.Event()
        self._pending: list[str] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._ours_after: dict | None = None  # BUILD_WRITES as the last build left them
        self._ours_seen: dict = {}  # BUILD_WRITES as the watcher last accounted for them

    # -- building -------------------------------------------------------------
    def _start_worker(self) -> None:
        self._stop_worker()
        ctx = multiprocessing.get_context("spawn")  # no fork of the server's threads
        self._conn, child = ctx.Pipe()
        # Not a daemon: the conversion starts worker processes of its own. It
        # ends when the server closes its end of the pipe, or dies.
        self._worker = ctx.Process(target=_build_worker,
                                   args=(child, str(self.root), self.output, self.siteurl))
        self._worker.start()
        child.close()

    def _stop_worker(self) -> None:
        if self._worker is not None and self._worker.is_alive():
            try:
                self._conn.send(None)
            except OSError:
                pass
            self._worker.join(timeout=10)
            if self._worker.is_alive():
                self._worker.kill()
                self._worker.join()
        self._worker = None

    def _run_build(self, fresh: bool, request) -> tuple[str, str]:
        """One build; returns ("" or what went wrong, the kind of build done)."""
        if fresh or self._worker is None or not self._worker.is_alive():
            self._start_worker()
        try:
            self._conn.send(request)
            while (answer := self._conn.recv()) == SHOWN:
                self.generation += 1  # the article pages are in place: open pages reload now
            return answer
        except (EOFError, OSError):
            self._worker = None  # it died (killed, out of memory): a new one next time
            return "the build process ended unexpectedly", ""

    def build(self, fresh: bool = False, quick: bool = False, changed: list[str] | None = None) -> bool:
        """Build the site; ``fresh`` restarts the build process first (code changed);
        ``quick`` renders again only what changed pages touch (seeds or pages edited),
        from the site kept in memory when ``changed`` names them (else a quick build)."""
        start = time.perf_counter()
        self.building = True  # from now on the watcher leaves BUILD_WRITES to this method
        with self._lock:
            before = self._ours_seen
        request = ("refresh", changed) if quick and changed and not fresh else "quick" if quick else "full"
        try:
            error, kind = self._run_build(fresh, request)
        finally:
            after = self._build_owned(snapshot(self.root, BUILD_WRITES))
            edited = edited_by_hand(self.root, before, after)  # saved while it built: not its own
            with self._lock:
                self._ours_after = after  # the watcher's new baseline for what builds write
                self._ours_seen = after
                self._pending.extend(edited)
            self.building = False
            if edited:
                self._wake.set()
        self.last_seconds = time.perf_counter() - start
        if error:
            self.last_error = error
            print(f"serve: build failed ({error}); the preview keeps serving the last complete "
                  "site. Fix the error above and save.", file=sys.stderr, flush=True)
            return False
        self.last_error = ""
        self.generation += 1
        self.builds[kind] = self.builds.get(kind, 0) + 1
        print(f"serve: site rebuilt ({kind}) in {self.last_seconds:.2f} s; open pages reload", flush=True)
        return True

    def watch(self, baseline: dict) -> None:
        """Look at the files on each wake-up; a change (outside what the build writes itself) queues a build.

        The pages, permalinks and redirects a build writes are not edits: the builder
        hands over their state as it leaves them, and they are compared only between builds."""
        ours, theirs = self._build_owned(baseline), self._not_build_owned(baseline)
        state = baseline
        for paths in self._wake_ups():
            was_building = self.building
            now = None if paths is None else self._restat(state, paths)
            if now is None:
                now = snapshot(self.root, WATCHED)
            state = now
            with self._lock:
                handed, self._ours_after = self._ours_after, None
            diff = changed(theirs, self._not_build_owned(now))
            theirs = self._not_build_owned(now)
            if handed is not None:
                ours = handed
            elif not was_building and not self.building:
                diff += changed(ours, self._build_owned(now))
                ours = self._build_owned(now)
                with self._lock:
                    self._ours_seen = ours
            if diff:
                with self._lock:
                    self._pending.extend(diff)
                self._wake.set()

    def _restat(self, state: dict, paths: set[str]) -> dict | None:
        """``state`` with only ``paths`` looked at again (a full :func:`snapshot` of a
        big site costs a fifth of a second); ``None`` when a folder changed."""
        now = dict(state)
        for path in paths:
            if not _under(path, WATCHED) or ignored(path):
                continue
            try:
                st = os.stat(self.root / path)
            except FileNotFoundError:
                if now.pop(path, None) is None and any(p.startswith(path + os.sep) for p in state):
                    return None  # a folder removed
                continue
            if not stat.S_ISREG(st.st_mode):
                return None
            now[path] = (st.st_mtime_ns, st.st_size)
        return now

    def _wake_ups(self):
        """Yield, whenever the watched files may have changed, the paths that did
        (relative to the project), or ``None``: look at every file. Inotify events
        (watchfiles, which Pelican depends on) once they settle, and ``None`` every
        ``WAKE_S``; without inotify, ``None`` every ``POLL_S``."""
        try:
            import watchfiles
        except ImportError:
            watchfiles = None
        paths = [str(self.root / e) for e in WATCHED if (self.root / e).exists()]
        if watchfiles is not None and paths:
            try:
                for events in watchfiles.watch(*paths, stop_event=self._stop, step=STEP_MS,
                                               rust_timeout=int(WAKE_S * 1000), yield_on_timeout=True,
                                               raise_interrupt=False, watch_filter=None):
                    yield {os.path.relpath(p, self.root) for _, p in events} if events else None
                return
            except Exception as exc:  # no inotify left (limits), a file system that has none
                print(f"serve: file events unavailable ({exc}); polling", file=sys.stderr, flush=True)
        while not self._stop.wait(POLL_S):
            yield None

    def builder(self) -> None:
        """Build on each settled burst of changes; after a quick build, a full one when idle."""
        while not self._stop.is_set():
            woke = self._wake.wait(timeout=IDLE_S)
            if self._stop.is_set():
                return
            if not woke:
                if self.full_due:  # nothing new for a moment: refresh what the quick build left
                    print("serve: full rebuild (search index, every page)", flush=True)
                    self.build()
                    self.full_due = False
                continue
            while self._wake.is_set():  # let a burst of saves settle
                self._wake.clear()
                time.sleep(QUIET_S)
            with self._lock:
                paths, self._pending = self._pending, []
            if paths:
                shown = ", ".join(paths[:3]) + (f" and {len(paths) - 3} more" if len(paths) > 3 else "")
                quick = self.generation > 0 and all(is_content(p) for p in paths)
                if paths != [START]:
                    print(f"serve: {shown} changed; {'updating' if quick else 'rebuilding'}", flush=True)
                due = self.full_due
                if quick:  # before the build ends: no moment looks idle between it and the full one
                    self.full_due = True
                ok = self.build(fresh=any(is_code(p) for p in paths), quick=quick, changed=paths)
                self.full_due = (ok and quick) or (due and not ok)

    def _build_owned(self, state: dict) -> dict:
        return {p: v for p, v in state.items() if _under(p, BUILD_WRITES)}

    def _not_build_owned(self, state: dict) -> dict:
        return {p: v for p, v in state.items() if not _under(p, BUILD_WRITES)}

    def start(self) -> None:
        """Take the watcher's first look now, then build: an edit made while the
        first build runs (or right after it) is never missed."""
        baseline = snapshot(self.root, WATCHED)
        self._ours_seen = self._build_owned(baseline)
        threading.Thread(target=self.watch, args=(baseline,), daemon=True).start()
        threading.Thread(target=self.builder, daemon=True).start()
        with self._lock:
            self._pending.append(START)
        self._wake.set()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        self._stop_worker()

    def status(self) -> dict:
        return {"generation": self.generation, "building": self.building, "full_due": self.full_due,
                "error": self.last_error, "seconds": round(self.last_seconds, 2), "builds": dict(self.builds)}


class Handler(http.server.SimpleHTTPRequestHandler):
    """Static files of the output folder, with the reload script added to HTML pages."""

    preview: Preview

    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def do_GET(self):
        path = self.path.split("?", 1)[0]
        if path == RELOAD_PATH:
            return self._send(json.dumps(self.preview.status()).encode(), "application/json")
        if path == RELOAD_SCRIPT_PATH:
            return self._send(RELOAD_SCRIPT, "text/javascript")
        file = Path(self.translate_path(path))
        if file.is_dir() and path.endswith("/"):
            file = file / "index.html"
        if file.suffix == ".html" and file.is_file():
            try:
                body = file.read_bytes()
            except OSError:
                return super().do_GET()
            at = body.rfind(b"</body>")
            body = body[:at] + _INJECT + body[at:] if at >= 0 else body + _INJECT
            return self._send(body, "text/html; charset=utf-8")
        return super().do_GET()

    def send_error(self, code, message=None, explain=None):
        """A missing page gets the site's own ``404.html``, the edition's (``en/404.html``
        under ``/en/``), as a static host serves it; other errors as usual."""
        page = self._not_found_page() if code == 404 else None
        if page is None:
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _not_found_page(self) -> Path | None:
        root = Path(self.directory).resolve()
        folder = Path(self.translate_path(self.path.split("?", 1)[0])).resolve().parent
        while folder == root or root in folder.parents:
            if (folder / "404.html").is_file():
                return folder / "404.html"
            folder = folder.parent
        return None

    def _send(self, body: bytes, ctype: str):
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def make_server(preview: Preview, host: str, port: int) -> http.server.ThreadingHTTPServer:
    directory = str((preview.root / preview.output).absolute())
    handler = type("PreviewHandler", (Handler,), {"preview": preview})
    server = http.server.ThreadingHTTPServer((host, port), functools.partial(handler, directory=directory))
    server.daemon_threads = True
    return server


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000, help="0 takes a free port")
    parser.add_argument("--output", default="output")
    parser.add_argument("--root", type=Path, default=ROOT, help="the project folder (default: this one)")
    args = parser.parse_args(argv)
    preview = Preview(args.root.resolve(), args.output, "")
    try:
        server = make_server(preview, args.host, args.port)
    except OSError as exc:  # a port in use (another preview?) or a host not of this machine
        print(f"serve: cannot serve on {args.host}:{args.port} ({exc.strerror or exc}); "
              "stop what uses it, or pick another port: make serve PORT=8001", file=sys.stderr)
        return 2
    host, port = server.server_address[:2]
    preview.siteurl = f"http://{host}:{port}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    if not (preview.root / args.output / "index.html").is_file():
        print("serve: no site yet; building it (the server answers meanwhile)", flush=True)
    else:
        print("serve: serving the last complete site while it is rebuilt", flush=True)
    print(ADDRESS_LINE.format(output=args.output, url=preview.siteurl), flush=True)
    preview.start()
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        preview.stop()
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
