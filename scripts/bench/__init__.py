"""Benchmark the digest on a generated corpus: start-up, conversion, full builds, one-seed rebuilds.

A digest site grows by a few hundred articles a month; a year of them must
still build in seconds, and an edit to one seed must show at once. One run
generates a corpus (``scripts/corpus.py``) and measures:

1. start-up: the dictionary loads, each timed in a fresh process;
2. conversion on one core, warm: ``convert_bytes`` over the corpus in this
   process (pinned to one CPU), after a warm-up; then the same pass split by
   pipeline stage, and once under cProfile for the hot spots;
3. conversion on all cores: ``digest.publish.sync.convert_seeds`` without a
   cache, in a fresh process (workers start cold, as in a real build);
4. the full build, ``pelican content -s pelicanconf.py`` with every plugin,
   both editions, empty caches (as a fresh clone's ``make html``);
5. "bare Pelican": the same Pelican on the same Markdown pages (the ones step 4
   wrote), same theme, same two editions, with only the ``markdown_it_reader``
   and ``digest_editions`` plugins -- i.e. the site without our conversion,
   cache check and other plugins. If the theme cannot render without
   ``digest_i18n`` (its filters and globals), that plugin is added and the
   table says so. Target: full build <= 1.5x bare;
6. the rebuild with a warm cache: unchanged (no-op), and after one seed's bytes
   changed (only that seed is re-converted; the rest come from the cache).

Everything runs on a snapshot of the project (converter, plugins, theme,
settings, hand-written content) copied into the work folder at the start, so
edits made to the tree meanwhile change nothing. Builds run as subprocesses
so their memory can be measured: "peak RSS" is the largest single process
(``wait4``), "tree peak" the sampled sum over the build and its worker processes.

    make bench [BENCHOPTS="--articles 8000 --rounds 3"]
    PYTHONPATH=scripts .venv/bin/python -m bench --help     (lists the options)

A table goes to stdout, progress lines to stderr. Numbers move with the stage
modules: re-run after changing them.
"""

from .builds import touch_one_seed  # noqa: E402,F401
from .conversion import measure_stages  # noqa: E402,F401
from .render import render, table  # noqa: E402,F401


def main(argv=None) -> int:
    from .__main__ import main as run

    return run(argv)
