"""A stage never imports a later one: ingest < clean < split < analyze < publish.

The shared facts and parsers below every stage (:mod:`digest.chardata`,
:mod:`digest.sentences`, :mod:`digest.credits`, :mod:`digest.dates`,
:mod:`digest.lexicon`, :mod:`digest.model`) import no stage at all. Read from
the source (``import`` statements, also inside functions), not by importing.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "digest"
STAGES = ["ingest", "clean", "split", "analyze", "publish"]
BASE = ["chardata", "sentences", "credits", "dates", "lexicon", "model"]


def _layer(module: str) -> int | None:
    """0 for the base modules, 1.. for the stages in order, None for the rest (pipeline, cli, english)."""
    parts = module.split(".")
    if parts[0] != "digest" or len(parts) < 2:
        return None
    if parts[1] in BASE:
        return 0
    if parts[1] in STAGES:
        return STAGES.index(parts[1]) + 1
    return None


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def _modules():
    for path in sorted(SRC.rglob("*.py")):
        module = ".".join(("digest", *path.relative_to(SRC).with_suffix("").parts)).removesuffix(".__init__")
        if _layer(module) is not None:
            yield pytest.param(module, path, id=module)


@pytest.mark.parametrize(("module", "path"), list(_modules()))
def test_imports_only_same_or_lower_layers(module, path):
    own = _layer(module)
    higher = sorted(m for m in _imports(path) if (layer := _layer(m)) is not None and layer > own)
    assert not higher, f"{module} (layer {own}) imports {higher}"
