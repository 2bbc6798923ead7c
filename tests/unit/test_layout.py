"""Imports run one way: facts -> (pure generation, scheduling) -> quizzes.models -> bank -> study / interchange
-> teaching -> forms -> views -> urls, admin, commands -> config.

A short AST check (every ``import``, including those deferred inside functions, which is where cycles
hide): a module may import its own package or a lower layer, never a higher one or a sibling of the same
rank, and no two modules import each other through any chain. The checker is tested on a small invented
package tree first, so a passing run on the real code means something.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Longest prefix wins. Equal ranks with different names are siblings and may not import each other.
LAYERS: dict[str, float] = {
    # Site infrastructure that imports no app of ours (Ctrl-C handling for commands, throttles, mail, backups).
    "config.commands": -1,
    "config.throttles": -1,
    "config.mail": -1,
    "config.backups": -1,
    "facts": 0,
    # Pure code of ours that the models build on: the kinds (generation) and the card states (scheduling).
    "quizzes.bank.generation": 0.5,
    "quizzes.study.scheduling": 0.5,
    "quizzes.models": 1,
    "quizzes.bank": 2,
    "quizzes.study": 3,
    "quizzes.interchange": 3,
    "quizzes.teaching": 4,
    "quizzes.permissions": 5,
    "quizzes.study.forms": 5,
    "quizzes.teaching.forms": 5,
    "quizzes.study.views": 6,
    "quizzes.teaching.views": 6,
    "quizzes.context_processors": 7,
    "quizzes.urls": 7,
    "quizzes.admin": 7,
    "quizzes.apps": 7,
    "quizzes.management": 7,
    "config": 8,
}
# Only these modules may import these libraries (one module owns each concern).
OWNERS: dict[str, str] = {
    "fsrs": "quizzes.study.scheduling.fsrs",
    "fsrs_rs_python": "quizzes.study.scheduling.fsrs",
    "spacy": "facts.language.nlp",
}


def module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(root: Path, path: Path, modules: frozenset[str] = frozenset()) -> set[str]:
    """Absolute names of every module ``path`` imports, anywhere in the file.

    ``from package import module`` counts as importing ``package.module`` when that is one of ``modules``
    (as import-linter reads it), else as importing ``package``."""
    name = module_name(root, path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            submodules = {f"{target}.{alias.name}" for alias in node.names} & modules
            found.update(submodules)
            if len(submodules) < len(node.names):
                found.add(target)
    return found


def import_graph(root: Path, packages: list[str]) -> dict[str, set[str]]:
    """Module -> project modules it imports (names that are not modules of ours are dropped)."""
    files = [p for package in packages for p in (root / package).rglob("*.py") if "migrations" not in p.parts]
    modules = {module_name(root, p): p for p in files}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found = imports_of(root, path, frozenset(modules))
        graph[name] = {target for target in found if target in modules and target != name}
    return graph


def layer_of(module: str, layers: dict[str, float]) -> tuple[str, float] | None:
    best = max(
        (key for key in layers if module == key or module.startswith(key + ".")), key=len, default=None
    )
    return (best, layers[best]) if best else None


def direction_violations(graph: dict[str, set[str]], layers: dict[str, float]) -> list[str]:
    problems = []
    for source, targets in sorted(graph.items()):
        here = layer_of(source, layers)
        for target in sorted(targets):
            there = layer_of(target, layers)
            if here is None or there is None or here[0] == there[0] or there[1] < here[1]:
                continue
            problems.append(f"{source} imports {target}")
    return problems


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of two or more modules (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def owner_violations(root: Path, packages: list[str], owners: dict[str, str]) -> list[str]:
    problems = []
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            name = module_name(root, path)
            for target in imports_of(root, path):
                library = target.split(".")[0]
                if library in owners and owners[library] != name:
                    problems.append(f"{name} imports {library}")
    return sorted(set(problems))


# --- the checker itself, on an invented tree -------------------------------------------------------


def _write(root: Path, files: dict[str, str]) -> None:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    _write(
        tmp_path,
        {
            "facts/__init__.py": "",
            "facts/models.py": "import os\n",
            "quizzes/__init__.py": "",
            "quizzes/models/__init__.py": "from facts.models import *\n",
            "quizzes/bank/__init__.py": "",
            "quizzes/bank/services.py": "from quizzes.models import Question\nfrom . import rules\n",
            "quizzes/bank/rules.py": "",
            "quizzes/study/__init__.py": "",
            "quizzes/study/services.py": "from quizzes.bank import services\n",
        },
    )
    return tmp_path


def test_checker_passes_a_tree_that_imports_downwards(tree):
    graph = import_graph(tree, ["facts", "quizzes"])
    assert graph["quizzes.bank.services"] == {"quizzes.models", "quizzes.bank.rules"}
    assert direction_violations(graph, LAYERS) == []
    assert cycles(graph) == []


def test_checker_catches_facts_importing_quizzes_even_inside_a_function(tree):
    _write(tree, {"facts/services.py": "def f():\n    from quizzes.bank.services import regenerate\n"})
    graph = import_graph(tree, ["facts", "quizzes"])
    assert direction_violations(graph, LAYERS) == ["facts.services imports quizzes.bank.services"]


def test_checker_catches_a_sibling_import_and_a_cycle(tree):
    _write(
        tree,
        {
            "quizzes/interchange/__init__.py": "from quizzes.study import services\n",
            "quizzes/bank/rules.py": "from .services import x\n",
        },
    )
    graph = import_graph(tree, ["facts", "quizzes"])
    assert direction_violations(graph, LAYERS) == ["quizzes.interchange imports quizzes.study.services"]
    assert cycles(graph) == [["quizzes.bank.rules", "quizzes.bank.services"]]


def test_checker_catches_a_second_importer_of_an_owned_library(tree):
    _write(tree, {"quizzes/study/views.py": "import fsrs\n"})
    assert owner_violations(tree, ["quizzes"], OWNERS) == ["quizzes.study.views imports fsrs"]


# --- the real code ------------------------------------------------------------------------------------

PACKAGES = ["facts", "quizzes", "config"]


def test_imports_run_one_way():
    assert direction_violations(import_graph(ROOT, PACKAGES), LAYERS) == []


def test_no_import_cycle():
    assert cycles(import_graph(ROOT, PACKAGES)) == []


def test_only_the_owning_module_imports_fsrs_and_spacy():
    assert owner_violations(ROOT, PACKAGES, OWNERS) == []


def test_every_package_says_what_it_owns_and_may_import():
    missing = []
    for package in (
        "quizzes/models",
        "quizzes/bank",
        "quizzes/study",
        "quizzes/teaching",
        "quizzes/interchange",
    ):
        doc = ast.get_docstring(ast.parse((ROOT / package / "__init__.py").read_text(encoding="utf-8"))) or ""
        if "import" not in doc:
            missing.append(package)
    assert missing == []
