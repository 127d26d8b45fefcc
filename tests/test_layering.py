"""STYLE 1 and issue #2: analytics/ never imports streamlit or plotly; the command line starts without them."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = {"streamlit", "plotly"}


def _imported_top_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def test_analytics_package_never_imports_the_ui_stack():
    offenders = {
        str(p.relative_to(ROOT)): sorted(_imported_top_modules(p) & FORBIDDEN)
        for p in (ROOT / "analytics").rglob("*.py")
        if _imported_top_modules(p) & FORBIDDEN
    }
    assert offenders == {}


def test_command_line_help_does_not_load_streamlit_or_plotly():
    code = (
        "import sys\n"
        "from analytics.cli import build_parser\n"
        "build_parser()\n"
        "print(','.join(sorted(m for m in ('streamlit', 'plotly') if m in sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def project_import_graph() -> dict[str, set[str]]:
    """Module → the project modules it imports, at the top or inside a function (a late import is still a tie)."""
    files = [*(ROOT / "analytics").rglob("*.py"), *(ROOT / "ui").rglob("*.py"), *(ROOT / "pages").glob("*.py"),
             ROOT / "app.py"]
    modules = {_module_name(p): p for p in files}

    def known(name: str) -> str | None:  # "ui.state.tr" → "ui.state"; outside the project → None
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets: set[str | None] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(known(alias.name) for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                    base = ".".join([*anchor, *([node.module] if node.module else [])])
                targets.update(known(f"{base}.{alias.name}") for alias in node.names)
        graph[name] = {target for target in targets if target and target != name}
    return graph


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return cycles


def test_no_import_cycle_in_the_project():
    """Issue #13 item 7: ui.auth ↔ ui.state (through current_lang / allowed_scope) was one; none may come back."""
    graph = project_import_graph()
    assert "ui.session" in graph["ui.auth"] and "ui.import_view" in graph["ui.session"]  # late imports are seen
    assert import_cycles(graph) == []


def test_import_cycles_finds_the_old_circle():
    old = {"ui.auth": {"ui.state"}, "ui.state": {"ui.auth", "analytics.i18n"}, "analytics.i18n": set()}
    assert import_cycles(old) == [["ui.auth", "ui.state"]]
