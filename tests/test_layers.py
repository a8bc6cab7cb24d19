"""The import graph of the core: each stage imports only stages below it, and nothing imports Pelican.

The stage order is the pipeline's (``src/digest/pipeline.py``); a module that a
stage needs from a higher one belongs below both. Read from the source with
``ast``, so the test sees every import, also those inside functions.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "digest"

#: Layer of each top-level module or package of ``digest``; a module may import
#: its own layer and those below. english sits beside publish (both present an article).
LAYERS = {
    "model": 0, "lexicon": 0, "chardata": 0, "sentences": 0, "credits": 0, "dates": 0, "files": 0,
    "ingest": 1,
    "clean": 2,
    "split": 3,
    "analyze": 4,
    "pipeline": 5,
    "publish": 6, "english": 6,
    "site": 7,
    "cli": 8, "__init__": 8,
}

#: Known violations, each to be fixed; strict xfail turns a fix into a reminder to delete the line.
KNOWN: dict[tuple[str, str], str] = {}


def _unit(path: Path) -> str:
    rel = path.relative_to(SRC)
    return rel.parts[0].removesuffix(".py")


def _imports(path: Path, source: str) -> set[str]:
    """Dotted names the module imports (absolute, relative ones resolved)."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level:
            base = path.parent.relative_to(SRC).parts[: len(path.parent.relative_to(SRC).parts) - node.level + 1]
            module = ".".join(("digest", *base, *(node.module.split(".") if node.module else [])))
            found.add(module)
    return found


MODULES = sorted(SRC.rglob("*.py"))


def _violations(path: Path, source: str | None = None) -> list[tuple[str, str]]:
    mine = LAYERS[_unit(path)]
    bad = []
    for name in sorted(_imports(path, source if source is not None else path.read_text(encoding="utf-8"))):
        parts = name.split(".")
        if parts[0] == "pelican":
            bad.append((name, "pelican"))
        if parts[0] != "digest" or len(parts) < 2 or parts[1] not in LAYERS:
            continue
        if LAYERS[parts[1]] > mine:
            bad.append((name, parts[1]))
    return bad


def test_every_module_has_a_layer():
    assert {_unit(p) for p in MODULES} <= set(LAYERS)


def _cases():
    for path in MODULES:
        rel = path.relative_to(SRC).as_posix()
        marks = [pytest.mark.xfail(strict=True, reason=reason)
                 for (where, _), reason in KNOWN.items() if where == rel]
        yield pytest.param(path, id=rel, marks=marks)


@pytest.mark.parametrize("path", list(_cases()))
def test_imports_only_lower_layers(path):
    assert _violations(path) == []


def test_the_layer_check_sees_a_violation():
    """The check itself can fail: a clean/ module importing analyze/ or pelican is caught."""
    probe = SRC / "clean" / "probe.py"
    assert _violations(probe, "from digest.analyze import summary\nimport pelican.signals\n") == [
        ("digest.analyze", "analyze"), ("digest.analyze.summary", "analyze"), ("pelican.signals", "pelican")]
    assert _violations(probe, "from ..analyze import summary\n") == [("digest.analyze", "analyze")]
    assert _violations(probe, "from digest.model import Block\nfrom . import junk\n") == []
