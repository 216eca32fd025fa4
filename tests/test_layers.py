"""warta's packages import downwards only, and no module imports itself round a cycle.

The layers, lowest first: the shared base (article, errors, settings, lang), then
ingest → clean → language → actors → events → geo → pipeline → store → scale → relations → interfaces.
A package may import its own layer and those below it; every import counts, including those
inside functions (a lazy import is still a dependency). The walk reads the source with `ast`.
"""

from __future__ import annotations

import ast
from pathlib import Path

from support import REPO

SRC = REPO / "src" / "warta"
LAYERS: list[set[str]] = [
    {"article", "errors", "settings", "lang", "version", "split"},
    {"ingest"}, {"clean"}, {"language"}, {"syntax"}, {"actors"}, {"events"}, {"geo"}, {"pipeline"},
    {"store"}, {"scale"},
    {"relations"}, {"api"}, {"web"}, {"cli"},
]
LEVEL = {name: level for level, names in enumerate(LAYERS) for name in names}
ROOT = "warta"  # the package's own __init__ re-exports the public API: it sits on top


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, modules: set[str]) -> set[str]:
    """Every warta module `path` imports: `from x import module` is an import of that module only."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base)
    return {name for name in found if name == ROOT or name.startswith(ROOT + ".")}


def graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in SRC.rglob("*.py")}
    return {name: {m for m in imports_of(path, set(modules)) if m in modules and m != name}
            for name, path in modules.items()}


def layer(module: str) -> int:
    parts = module.split(".")
    return len(LAYERS) if len(parts) == 1 else LEVEL.get(parts[1], len(LAYERS))


def package(module: str) -> str:
    return ".".join(module.split(".")[:2])


def test_every_package_has_a_layer() -> None:
    packages = {p.stem if p.is_file() else p.name for p in SRC.iterdir()
                if (p.suffix == ".py" or (p / "__init__.py").exists()) and p.name != "__init__.py"}
    assert packages - set(LEVEL) == set()


def test_no_import_points_up_a_layer() -> None:
    upward = sorted(f"{source} imports {target}" for source, targets in graph().items() for target in targets
                    if layer(target) > layer(source))
    assert upward == []


def test_no_import_cycles_between_packages_or_modules() -> None:
    modules = graph()
    packages: dict[str, set[str]] = {}
    for source, targets in modules.items():
        outside = {package(t) for t in targets} - {package(source)}
        packages.setdefault(package(source), set()).update(outside)
    assert find_cycles(packages) == []
    assert find_cycles(modules) == []


def find_cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """One cycle per strongly connected component with more than one node (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return cycles
