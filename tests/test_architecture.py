"""The shape of the code: modules small and named for one job, imports flowing one way, no cycle.

Counted from the source itself (module-level imports; those inside a function or under
``if TYPE_CHECKING`` do not make a module load another one).
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "pipeline"
MAX_LINES = 400
# Generated data tables; and modules over the limit that are still to split. Remove a name once its module is
# split: the list must only shrink. Known debts: generated data.
LONGER_ALLOWED = {"pipeline/catalog/_unidata.py"}
# Plumbing: what every stage may use, so it must not depend on any stage.
PLUMBING = {"pipeline.core", "pipeline.core.errors", "pipeline.core.fileio", "pipeline.core.lock",
            "pipeline.core.parallel", "pipeline.core.progress", "pipeline.core.languages"}


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


def _top_level_imports(name: str, path: Path, known: set[str]) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()

    def visit(nodes: list[ast.stmt]) -> None:
        for node in nodes:
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                continue
            if isinstance(node, (ast.If, ast.Try)):
                visit(node.body)
                visit(getattr(node, "orelse", []))
                for h in getattr(node, "handlers", []):
                    visit(h.body)
                continue
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*up, base] if base else up)
                targets = [base] + [f"{base}.{a.name}" for a in node.names]
            for t in targets:
                while t and t not in known:
                    t = t.rpartition(".")[0]
                if t and t != name:
                    found.add(t)

    visit(tree.body)
    return found


def _graph() -> dict[str, set[str]]:
    mods = _modules()
    return {name: _top_level_imports(name, path, set(mods)) for name, path in mods.items()}


def test_no_module_is_longer_than_about_400_lines():
    long = {str(p.relative_to(ROOT)): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert set(long) <= LONGER_ALLOWED, {k: v for k, v in long.items() if k not in LONGER_ALLOWED}


def test_no_import_cycle():
    graph = _graph()
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def walk(node: str, stack: list[str]) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(nxt_ := node, ())):  # noqa: B020
            if state.get(nxt) == 1:
                cycles.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in state:
                walk(nxt, stack)
        stack.pop()
        state[nxt_] = 2

    for node in sorted(graph):
        if node not in state:
            walk(node, [])
    assert not cycles, cycles


def test_plumbing_imports_no_stage():
    graph = _graph()
    for name in PLUMBING:
        if name in graph:
            assert graph[name] <= PLUMBING | {"pipeline"}, (name, graph[name] - PLUMBING)
