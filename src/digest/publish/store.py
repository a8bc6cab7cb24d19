"""Write generated pages safely: atomically, and never over an editor's work.

Rules, page by page:

* a new page is written;
* a page still as we generated it (its hash matches) is replaced when its content changes;
* a page an editor changed (hash mismatch) is kept, with a warning, unless ``force``;
* a file without our hash line is a hand-written page: never written over, never deleted;
* a generated page whose article is gone (its seed was deleted) is removed, unless edited:
  an edited page is kept even with ``force`` (nothing could regenerate it), and said so.

Every write goes through :func:`digest.files.atomic_write`: never half a page,
even after a power cut, with the usual permissions.

``python -m digest.publish.store clean FOLDER`` (``make clean``) removes the
generated pages of FOLDER but keeps edited and hand-written ones.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from digest.files import WriteError, atomic_write, remove_temporaries
from digest.publish.page import page_state

PAGE_SUFFIX = ".md"


@dataclass
class StoreReport:
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    kept_edited: list[Path] = field(default_factory=list)
    kept_manual: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    kept_orphaned: list[Path] = field(default_factory=list)

    @property
    def messages(self) -> list[str]:
        out = [f"{p}: edited by hand since it was generated; kept your version "
               "(DIGEST_FORCE=1 make html, or digest sync --force, replaces it)" for p in self.kept_edited]
        out += [f"{p}: a hand-written page has the name of a generated article; not overwritten"
                for p in self.kept_manual]
        out += [f"{p}: edited by hand, and no seed produces it any more; kept your version "
                "(delete the file if it is no longer wanted)" for p in self.kept_orphaned]
        return out


def read_json_object(path: Path) -> dict:
    """The JSON object a build recorded in ``path``; ``{}`` when it is missing, unreadable
    or not an object (a record half written or from another version is never trusted)."""
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def store_pages(pages: dict[str, str], folder: Path, *, force: bool = False,
                prune: bool = True) -> StoreReport:
    """Bring ``folder`` in line with ``pages`` ({slug: page text}) under the rules above."""
    report = StoreReport()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WriteError(folder, exc) from None
    for slug, text in sorted(pages.items()):
        path = folder / f"{slug}{PAGE_SUFFIX}"
        if path.exists():
            current = path.read_text(encoding="utf-8", errors="replace")
            if current == text:
                report.unchanged.append(path)
                continue
            state = page_state(current)
            if state == "manual":
                report.kept_manual.append(path)
                continue
            if state == "edited" and not force:
                report.kept_edited.append(path)
                continue
        atomic_write(path, text)
        report.written.append(path)
    if prune:
        for path in sorted(folder.glob(f"*{PAGE_SUFFIX}")):
            if path.stem in pages:
                continue
            state = page_state(path.read_text(encoding="utf-8", errors="replace"))
            if state == "generated":
                _remove(path, report)
            elif state == "edited":
                report.kept_orphaned.append(path)
    remove_temporaries(folder, f"*{PAGE_SUFFIX}")  # what a killed build left
    return report


def _remove(path: Path, report: StoreReport) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise WriteError(path, exc) from None
    report.removed.append(path)


def remove_generated(folder: Path) -> StoreReport:
    """Remove the generated pages in ``folder`` (``make clean``); edited and
    hand-written pages stay, listed in ``kept_edited`` and ``kept_manual``."""
    report = StoreReport()
    if not folder.is_dir():
        return report
    for path in sorted(folder.glob(f"*{PAGE_SUFFIX}")):
        state = page_state(path.read_text(encoding="utf-8", errors="replace"))
        if state == "generated":
            _remove(path, report)
        else:
            (report.kept_edited if state == "edited" else report.kept_manual).append(path)
    remove_temporaries(folder, f"*{PAGE_SUFFIX}")  # what a killed build left
    return report


def main(argv: list[str] | None = None) -> int:
    """``python -m digest.publish.store clean FOLDER``: what ``make clean`` runs."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2 or args[0] != "clean":
        print("usage: python -m digest.publish.store clean FOLDER", file=sys.stderr)
        return 2
    report = remove_generated(Path(args[1]))
    for path in report.kept_edited + report.kept_manual:
        print(f"digest: {path}: edited or written by hand; kept (delete it yourself if unwanted)",
              file=sys.stderr)
    print(f"digest: {len(report.removed)} generated pages removed from {args[1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
