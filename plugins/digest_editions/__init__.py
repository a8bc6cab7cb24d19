"""Pelican plugin: build the site once per language edition and link the editions.

The first entry of ``DIGEST_EDITIONS`` is the site Pelican was asked to build;
every further edition is built by a second Pelican run on the same content into
``OUTPUT_PATH/<path>`` with its own ``DEFAULT_LANG``, ``SITEURL`` and
``SITENAME``: in a forked process while the first one builds, or after it
(``finalized``) with ``DIGEST_JOBS = 1`` or when no core is idle (a second
process then only adds the work it cannot share). Whole-site
steps run once every edition is written. Templates get:

``EDITION``             the current edition (dict with lang, path, name, html_lang)
``EDITIONS``            every edition
``edition_url(lang, url)``  the URL of the same page in another edition
``absolute_url(lang, url)`` the absolute URL of a page in an edition (canonical, hreflang, sitemap)

The whole site (every edition, sitemap, search index) is written into a fresh
folder beside ``OUTPUT_PATH`` and swapped in when complete (:mod:`.staging`),
so ``output/`` is always a whole site, old or new, even after a failed or
killed build. ``DIGEST_ATOMIC_OUTPUT = False`` builds in place instead.

A build whose inputs are all as they were for the site in ``output/`` (content
after conversion, settings, theme, code, packages: :func:`.staging.inputs_key`),
with ``output/`` untouched since (every file's size and time as that build left
them), has nothing to do: it keeps ``output/`` and renders nothing. Any other
build renders everything; preview quick builds never take this path.

Each edition is a complete Pelican site, so feeds, archives and topic pages
need no special cases; the only link between editions is that a page has the
same URL path in each of them.
"""

from __future__ import annotations

import copy
import logging
import os
import pickle
import posixpath
import shutil
import signal
import sys
import traceback
from pathlib import Path

from jinja2 import pass_context
from pelican import signals

from digest.site.settings import current_edition, editions as _editions, root_siteurl, setting
from digest.publish import page as page_module
from digest.publish.workers import core_to_spare, exit_with_parent
from digest.site.signals import edition_fork_state, edition_written, editions_finalized

from .preview import PREVIEW_KEY, SERVE_KEY, preview_writer
from .staging import (build_inputs, clear_cache_if_code_changed, drop_broken_caches, editions_aside,
                      forget_site_record, inputs_key, mark_caches_complete, merge_into, new_staging,
                      output_manifest, reader_fingerprint, remove_stale, site_unchanged, swap_in,
                      write_site_record)

log = logging.getLogger(__name__)

__all__ = ["editions_finalized", "register"]

_OUR_GLOBALS = ("EDITION", "EDITIONS", "edition_url", "absolute_url")


class AbsoluteURL:
    """``absolute_url(lang, url)``: the absolute URL of a page in an edition.

    Classes rather than closures, so the settings that hold them can be pickled
    (Pelican's content cache pickles settings along with the pages it caches)."""

    def __init__(self, root: str, paths: dict[str, str]):
        self.root, self.paths = root, paths

    def __call__(self, lang: str, url: str = "") -> str:
        return "/".join(p for p in (self.root, self.paths[lang], url) if p) or "/"


class EditionURL:
    """``edition_url(lang, url)``: link from the page being rendered to ``url`` in edition ``lang``."""

    jinja_pass_arg = pass_context(lambda: None).jinja_pass_arg  # called with the template context

    def __init__(self, absolute: AbsoluteURL, current_path: str, relative: bool):
        self.absolute, self.current_path, self.relative = absolute, current_path, relative

    def __call__(self, context, lang: str, url: str = "") -> str:
        if not self.relative:
            return self.absolute(lang, url)
        here = context.get("SITEURL", ".") or "."
        rel = posixpath.relpath(self.absolute.paths[lang] or ".", self.current_path or ".")
        parts = [p for p in (here, rel, url) if p and p != "."]
        return "/".join(parts) if parts else "./"


def setup_context(pelican) -> None:
    """Add edition data and URL helpers to the Jinja environment of this run."""
    settings = pelican.settings
    editions = _editions(settings)
    current = current_edition(settings, editions)
    absolute_url = AbsoluteURL(root_siteurl(settings), {e["lang"]: e["path"] for e in editions})
    edition_url = EditionURL(absolute_url, current["path"], bool(settings.get("RELATIVE_URLS")))
    settings.setdefault("JINJA_GLOBALS", {}).update(
        EDITION=current, EDITIONS=editions, edition_url=edition_url, absolute_url=absolute_url)


def stage_output(pelican) -> None:
    """Point this build at a fresh staging folder; :func:`build_other_editions` swaps it in."""
    settings = pelican.settings
    if settings.get("DIGEST_EDITION_CHILD"):
        return
    cache = Path(settings["CACHE_PATH"])
    if settings.get("CACHE_CONTENT") or settings.get("LOAD_CONTENT_CACHE"):
        code = [Path(p) for p in settings.get("PLUGIN_PATHS") or []]
        code += [Path(page_module.__file__).parent]  # front matter, Markdown escaping
        if clear_cache_if_code_changed(cache, reader_fingerprint(code)):
            log.info("digest: the readers or plugins changed since the content cache was written; emptied it")
    for path in drop_broken_caches(cache):
        log.warning("digest: %s: a cache file left half written by an interrupted build; removed", path)
    if not setting(settings, "DIGEST_ATOMIC_OUTPUT"):
        return
    final = Path(pelican.output_path).absolute()
    if final.is_symlink():  # output/ -> /srv/www/site: build beside the real folder
        final = final.resolve()
    staging = new_staging(final, keep=list(settings.get("OUTPUT_RETENTION") or ()),
                          copy_all=not settings.get("DELETE_OUTPUT_DIRECTORY"))
    settings["_DIGEST_FINAL_OUTPUT_PATH"] = str(final)
    settings["OUTPUT_PATH"] = pelican.output_path = str(staging)
    if settings.get(PREVIEW_KEY) is None and not settings.get(SERVE_KEY) and getattr(pelican, "run", None) is not None:
        _skip_if_unchanged(pelican, final, cache)


def _code_folders(settings) -> list[Path]:
    """Our code: the plugins and the converter package (front matter, settings, orders)."""
    return [Path(p) for p in settings.get("PLUGIN_PATHS") or []] + [Path(page_module.__file__).parents[1]]


def _skip_if_unchanged(pelican, final: Path, cache: Path) -> None:
    """Wrap ``pelican.run``: keep ``output/`` when nothing it was made from changed.

    The inputs are hashed when the run starts (conversion has written the pages
    by then) and again when the site is complete; the site is recorded only if
    the two agree, so a build that changed its own inputs is never reused."""
    run = pelican.run

    def run_unless_unchanged(*args, **kwargs):
        settings = pelican.settings
        inputs = build_inputs(settings, _code_folders(settings), final)
        key = inputs_key(inputs)
        if site_unchanged(cache, key, final):
            from digest.publish import lock
            from pelican.log import console

            shutil.rmtree(settings["OUTPUT_PATH"], ignore_errors=True)  # the unused staging folder
            settings.pop("_DIGEST_FINAL_OUTPUT_PATH", None)
            settings["OUTPUT_PATH"] = pelican.output_path = str(final)
            lock.release(getattr(pelican, "digest_build_lock", None))
            console.print(f"digest: nothing changed since the last build; {final} kept as it is")
            try:  # the seeds' repair summary, which Pelican's `finalized` would have printed
                from digest_seeds import print_repair_summary
            except ImportError:
                pass
            else:
                print_repair_summary(pelican)
            return None
        forget_site_record(cache)  # the site in output/ is about to be replaced
        pelican.digest_inputs = key, inputs
        _start_other_editions(pelican)
        try:
            return run(*args, **kwargs)
        except BaseException:
            # The first edition failed (a fork not joined yet is ended) and the build removes
            # its own staging folders now, not at the next build: on a full disk they hold
            # the very space the user is told to free.
            _stop_other_editions(pelican)
            remove_stale(final)
            raise

    pelican.run = run_unless_unchanged


def _record_site(pelican, final: Path) -> None:
    """Remember the inputs and files of the site just swapped in (see :func:`_skip_if_unchanged`)."""
    key, inputs = getattr(pelican, "digest_inputs", (None, None))
    if key is None:
        return
    del pelican.digest_inputs
    if inputs_key(inputs) != key:
        log.info("digest: the build changed its own inputs; the next build renders everything again")
        return
    write_site_record(Path(pelican.settings["CACHE_PATH"]),
                      {"key": key, "output": str(final), "manifest": output_manifest(final)})


def _finish_staging(pelican) -> None:
    settings = pelican.settings
    final = settings.pop("_DIGEST_FINAL_OUTPUT_PATH", None)
    if final is None:
        return
    swap_in(Path(settings["OUTPUT_PATH"]), Path(final))
    settings["OUTPUT_PATH"] = pelican.output_path = final
    log.info("digest: site complete; swapped into %s", final)
    _record_site(pelican, Path(final))


def _edition_settings(settings, edition: dict, root_output: str) -> dict:
    """The settings of the Pelican run of a further edition, written under ``root_output``."""
    root = root_siteurl(settings)
    child = copy.deepcopy({k: v for k, v in settings.items() if k != "JINJA_GLOBALS"})
    child.update({k: v for k, v in edition.items() if k.isupper()})
    siteurl = f"{root}/{edition['path']}" if root else ""
    child.update(
        DEFAULT_LANG=edition["lang"],
        OUTPUT_PATH=os.path.join(root_output, edition["path"]),
        SITEURL=siteurl,
        FEED_DOMAIN=siteurl if settings.get("FEED_DOMAIN") else None,
        DIGEST_ROOT_SITEURL=root,
        DIGEST_EDITION_CHILD=True,
        _DIGEST_EDITIONS_ROOT=root_output,
        DIGEST_CONVERT=False,
        DELETE_OUTPUT_DIRECTORY=False,
        JINJA_GLOBALS={k: v for k, v in settings.get("JINJA_GLOBALS", {}).items()
                       if k not in _OUR_GLOBALS},
        CACHE_PATH=os.path.join(settings.get("CACHE_PATH", "cache"), edition["lang"]),
    )
    return child


def _build_editions(settings, root_output: str) -> None:
    """Run Pelican for every edition but the first, into ``root_output``."""
    from pelican import Pelican  # here: pelican imports this module while it starts

    editions = _editions(settings)
    main = current_edition(settings, editions)
    for edition in editions:
        if edition is not main:
            child = _edition_settings(settings, edition, root_output)
            log.info("digest: building the %s edition into %s", edition["name"], child["OUTPUT_PATH"])
            Pelican(child).run()


#: Logged when the further editions are not built in a fork (the bench reads it from the log).
ONE_AFTER_ANOTHER = "no idle core; the editions are built one after another"


def _start_other_editions(pelican) -> None:
    """Build the further editions in a forked process beside this one, on the other core.

    The editions share nothing but the content (read, not written) and the
    staging folder; the fork writes into a folder of its own beside it
    (:func:`.staging.editions_aside`), moved into the staging folder when both
    are done (:func:`_join_other_editions`), so the first edition's run, which
    empties its output folder as it starts, cannot delete their pages."""
    settings = pelican.settings
    jobs = setting(settings, "DIGEST_JOBS")
    if len(_editions(settings)) < 2 or jobs == 1 or not hasattr(os, "fork"):
        return
    if jobs is None and not core_to_spare():
        log.info("digest: %s", ONE_AFTER_ANOTHER)
        return
    aside = editions_aside(Path(settings["OUTPUT_PATH"]))
    aside.mkdir()
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    reader, writer = os.pipe()
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:  # the fork: build, and never return into the caller's stack
        os.close(reader)
        code = 1
        try:
            exit_with_parent(parent)  # a killed build leaves no fork writing on (and holding the lock)
            global _fork_lines
            _fork_lines = []
            _build_editions(settings, str(aside))  # the fork's own copy: the first edition's run cannot touch it
            state = {_receiver_name(r): v for r, v in edition_fork_state.send(None)}
            with os.fdopen(writer, "wb") as fh:
                pickle.dump({"state": state, "lines": _fork_lines}, fh)
            code = 0
        except BaseException:  # noqa: BLE001 -- reported here, the parent fails the build
            traceback.print_exc()
        finally:
            logging.shutdown()
            for stream in (sys.stdout, sys.stderr):
                stream.flush()
            os._exit(code)
    os.close(writer)
    pelican.digest_editions_fork = pid, aside, reader


def _receiver_name(receiver) -> str:
    return f"{receiver.__module__}.{receiver.__qualname__}"


def _stop_other_editions(pelican) -> None:
    """The first edition failed: end the fork and drop what it wrote."""
    pid, aside, reader = getattr(pelican, "digest_editions_fork", (None, None, None))
    if pid is None:
        return
    del pelican.digest_editions_fork
    os.close(reader)
    try:
        os.kill(pid, signal.SIGTERM)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass
    shutil.rmtree(aside, ignore_errors=True)


def _join_other_editions(pelican) -> bool:
    """Wait for the forked editions and move them into this build's folder; False when none was forked."""
    pid, aside, reader = getattr(pelican, "digest_editions_fork", (None, None, None))
    if pid is None:
        return False
    del pelican.digest_editions_fork
    with os.fdopen(reader, "rb") as fh:  # read before waiting: the fork blocks on a full pipe
        raw = fh.read()
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0 or not raw:
        shutil.rmtree(aside, ignore_errors=True)
        raise RuntimeError("digest: building the further editions failed (see the messages above)")
    target = Path(pelican.settings["OUTPUT_PATH"])
    merge_into(aside, target)
    sent = pickle.loads(raw)
    for receiver in edition_fork_state.receivers_for(pelican):  # each gets back what it returned there
        receiver(pelican, state=sent["state"].get(_receiver_name(receiver)), moved=(aside, target))
    from pelican.log import console

    for line in sent["lines"]:  # after this edition's own line, as a build in turn says them
        console.print(line)
    return True


def editions_with_folders(settings) -> list[dict]:
    """Every edition with its ``output`` folder, as this run (first edition or a further one) lays them out."""
    root = settings.get("_DIGEST_EDITIONS_ROOT") or settings["OUTPUT_PATH"]
    editions = _editions(settings)
    for edition in editions:
        edition["output"] = os.path.join(root, edition["path"])
    return editions


def build_other_editions(pelican) -> None:
    settings = pelican.settings
    editions = editions_with_folders(settings)
    edition_written.send(pelican, edition=current_edition(settings, editions), editions=editions)
    if setting(settings, "DIGEST_EDITION_CHILD"):
        return
    if not _join_other_editions(pelican):
        _build_editions(settings, settings["OUTPUT_PATH"])
    editions_finalized.send(pelican, editions=editions)
    _finish_staging(pelican)
    mark_caches_complete(Path(settings["CACHE_PATH"]))


def count_edition(generators) -> None:
    """Remember what this run built, for :func:`report_edition`."""
    from pelican.generators import ArticlesGenerator, PagesGenerator

    for gen in generators:
        if isinstance(gen, ArticlesGenerator):
            gen.settings["_DIGEST_BUILT"] = {"articles": len(gen.articles), "topics": len(gen.categories)}
    for gen in generators:
        if isinstance(gen, PagesGenerator):
            gen.settings.setdefault("_DIGEST_BUILT", {})["pages"] = len(gen.pages)


def built_line(lang: str, built: dict) -> str:
    """``zh-hans: 4 articles, 2 pages, 3 topics``: one line per edition."""
    def n(count: int, one: str, many: str) -> str:
        return f"{count} {one if count == 1 else many}"
    return (f"{lang}: {n(built.get('articles', 0), 'article', 'articles')}, "
            f"{n(built.get('pages', 0), 'page', 'pages')}, {n(built.get('topics', 0), 'topic', 'topics')}")


#: In a forked edition build, the build lines it would print, sent back to the parent
#: (:func:`_join_other_editions`) so that the editions are reported in order, whichever finished first.
_fork_lines: list[str] | None = None


def report_edition(pelican) -> None:
    """Say what this edition's run built, in place of Pelican's "Done: Processed …",
    which every edition's run would print alike, without saying which edition it was."""
    from pelican.log import console

    line = built_line(pelican.settings["DEFAULT_LANG"].lower(), pelican.settings.get("_DIGEST_BUILT", {}))
    if _fork_lines is not None:
        _fork_lines.append(line)
    else:
        console.print(line)


def _without_pelican_done(print_):
    def print_unless_done(*objects, **kwargs):
        if objects and isinstance(objects[0], str) and objects[0].startswith("Done: Processed"):
            return None
        return print_(*objects, **kwargs)
    print_unless_done.digest_quiet = True
    return print_unless_done


def register():
    from pelican.log import console

    if not getattr(console.print, "digest_quiet", False):
        console.print = _without_pelican_done(console.print)
    signals.initialized.connect(setup_context)
    signals.initialized.connect(stage_output)
    signals.get_writer.connect(preview_writer)
    signals.all_generators_finalized.connect(count_edition)
    signals.finalized.connect(report_edition)
    signals.finalized.connect(build_other_editions)
