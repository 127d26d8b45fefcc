"""Issue #13 item 10: every test that needs Playwright carries the ``browser`` mark, so ``pytest -m "not browser"``
runs on a machine without Chromium or Playwright.

Read from the source (no import, no collection run): a function needs a browser when it imports playwright, calls
a function of its module that does, or asks for a fixture that does (the fixtures of every conftest.py). Each such
``test_*`` must be marked by a decorator, its class or the module's ``pytestmark``.
"""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def _is_browser_mark(node: ast.expr) -> bool:
    """``pytest.mark.browser`` (also called, or inside a list/tuple as ``pytestmark`` may be)."""
    if isinstance(node, (ast.List, ast.Tuple)):
        return any(_is_browser_mark(elt) for elt in node.elts)
    if isinstance(node, ast.Call):
        node = node.func
    return isinstance(node, ast.Attribute) and node.attr == "browser" and ast.unparse(node.value) == "pytest.mark"


def _imports_playwright(fn: ast.AST) -> bool:
    for node in ast.walk(fn):
        if isinstance(node, ast.Import) and any(a.name.split(".")[0] == "playwright" for a in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "playwright":
            return True
    return False


def _functions(tree: ast.Module) -> dict[str, ast.FunctionDef]:
    """Module-level functions and methods of module-level classes, by name."""
    found: dict[str, ast.FunctionDef] = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            found[node.name] = node
        elif isinstance(node, ast.ClassDef):
            found.update({f.name: f for f in node.body if isinstance(f, ast.FunctionDef)})
    return found


def _called_names(fn: ast.FunctionDef) -> set[str]:
    return {n.func.id for n in ast.walk(fn) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}


def _needing_browser(functions: dict[str, ast.FunctionDef], browser_fixtures: set[str]) -> set[str]:
    """Names of the functions that need a browser, closed over calls within the module and fixture arguments."""
    needing = {name for name, fn in functions.items() if _imports_playwright(fn)}
    while True:
        more = {
            name for name, fn in functions.items()
            if name not in needing
            and (_called_names(fn) & needing or {a.arg for a in fn.args.args} & (browser_fixtures | needing))
        }
        if not more:
            return needing
        needing |= more


def _browser_fixtures(test_file: Path) -> set[str]:
    """Browser-needing fixtures of the conftest.py files that apply to ``test_file`` (its folder and those above)."""
    names: set[str] = set()
    for folder in [test_file.parent, *test_file.parent.parents]:
        conftest = folder / "conftest.py"
        if conftest.exists():
            names |= _needing_browser(_functions(ast.parse(conftest.read_text(encoding="utf-8"))), names)
        if folder == TESTS:
            break
    return names


def unmarked_browser_tests(source: str, browser_fixtures: set[str]) -> list[str]:
    """The ``test_*`` functions of ``source`` that need a browser and do not carry the ``browser`` mark."""
    tree = ast.parse(source)
    module_marked = any(
        isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "pytestmark" for t in node.targets)
        and _is_browser_mark(node.value)
        for node in tree.body
    )
    needing = _needing_browser(_functions(tree), browser_fixtures)
    missing = []
    for node in tree.body:
        classes_marked = False
        candidates = [node]
        if isinstance(node, ast.ClassDef):
            classes_marked = any(_is_browser_mark(d) for d in node.decorator_list)
            candidates = [f for f in node.body if isinstance(f, ast.FunctionDef)]
        for fn in candidates:
            if not isinstance(fn, ast.FunctionDef) or not fn.name.startswith("test_") or fn.name not in needing:
                continue
            if not (module_marked or classes_marked or any(_is_browser_mark(d) for d in fn.decorator_list)):
                missing.append(fn.name)
    return missing


def test_every_test_that_needs_playwright_carries_the_browser_mark():
    # tests/browser/conftest.py's Chromium fixtures are recognised (and apply only below tests/browser)
    assert {"browser", "page"} <= _browser_fixtures(TESTS / "browser" / "test_dashboard.py")
    assert "page" not in _browser_fixtures(TESTS / "pages" / "test_shell.py")
    offenders = {
        str(path.relative_to(TESTS)): missing
        for path in sorted(TESTS.rglob("test_*.py"))
        if (missing := unmarked_browser_tests(path.read_text(encoding="utf-8"), _browser_fixtures(path)))
    }
    assert offenders == {}


def test_the_check_finds_an_unmarked_playwright_test():
    """The shape tests/trust/test_injection.py had before: Playwright in a helper, a fixture, or the test itself."""
    source = '''
import pytest

def _start():
    from playwright.sync_api import sync_playwright
    return sync_playwright

def test_helper():
    run(lambda: _start())

def test_direct():
    import playwright

def test_fixture(page):
    pass

@pytest.mark.browser
def test_marked(page):
    pass

def test_plain(tmp_path):
    pass

@pytest.mark.browser
class TestMarked:
    def test_in_class(self, browser):
        pass
'''
    assert unmarked_browser_tests(source, {"browser", "page"}) == ["test_helper", "test_direct", "test_fixture"]
    assert unmarked_browser_tests("import pytest\npytestmark = [pytest.mark.browser]\n" + source, {"page"}) == []
