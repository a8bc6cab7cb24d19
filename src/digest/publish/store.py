"""Write generated pages safely: atomically, and never over an editor's work.

Rules, page by page:

* a new page is written;
* a page still as we generated it (its hash matches) is replaced when its content changes;
* a page an editor changed (hash mismatch) is kept, with a warning, unless ``force``;
* a file without our hash line is a hand-written page: never written over, never deleted;
* a generated page whose article is gone (its seed was deleted) is removed, unless edited.

Every write goes to a temporary file in the same folder and is renamed into
place, so an interrupted build never leaves half a page.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from digest.publish.page import page_state

PAGE_SUFFIX = ".md"


@dataclass
class StoreReport:
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    kept_edited: list[Path] = field(default_factory=list)
    kept_manual: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)

    @property
    def messages(self) -> list[str]:
        out = [f"{p}: edited by hand since it was generated; kept your version "
               "(regenerate with --force / DIGEST_FORCE = True)" for p in self.kept_edited]
        out += [f"{p}: a hand-written page has the name of a generated article; not overwritten"
                for p in self.kept_manual]
        return out


def atomic_write(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file and ``os.replace``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def store_pages(pages: dict[str, str], folder: Path, *, force: bool = False,
                prune: bool = True) -> StoreReport:
    """Bring ``folder`` in line with ``pages`` ({slug: page text}) under the rules above."""
    report = StoreReport()
    folder.mkdir(parents=True, exist_ok=True)
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
            if state == "generated" or (state == "edited" and force):
                path.unlink()
                report.removed.append(path)
            elif state == "edited":
                report.kept_edited.append(path)
    for stale in folder.glob(f".*{PAGE_SUFFIX}.*.tmp"):
        stale.unlink(missing_ok=True)
    return report
