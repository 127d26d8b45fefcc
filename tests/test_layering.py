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
