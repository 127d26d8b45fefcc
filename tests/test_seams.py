"""Issue #13 item 8: one place for each of these facts — colours in analytics/palette.py, the formula guard in
analytics/formula.py, the roles in analytics/auth/model.py."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [*(ROOT / "analytics").rglob("*.py"), *(ROOT / "ui").rglob("*.py"), *(ROOT / "pages").glob("*.py"),
           ROOT / "app.py"]
HEX = re.compile(r"""["'{ ;:(]#(?:[0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})\b""")


def _code_lines(path: Path):
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        code = line.split("  #", 1)[0]  # a trailing comment may name a colour
        if not code.lstrip().startswith("#"):
            yield number, code


def test_hex_colours_only_in_the_palette():
    offenders = [f"{p.relative_to(ROOT)}:{n}" for p in SOURCES if p.name != "palette.py" or p.parent.name != "analytics"
                 for n, code in _code_lines(p) if HEX.search(code)]
    assert offenders == [], "name the colour in analytics/palette.py and import it"


def test_hex_pattern_sees_the_shapes_that_were_there():
    assert HEX.search('fill="#E8EEF7"') and HEX.search("border:1px solid #999;") and HEX.search('"font_color": "#FFF"')
    assert not HEX.search("issue #13") and not HEX.search("see #12 finding 1")


def test_streamlit_theme_uses_the_palette_primary():
    from analytics.palette import PRIMARY

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["theme"]["primaryColor"] == PRIMARY


def test_one_formula_guard():
    from analytics.formula import neutralise

    assert [neutralise(s) for s in ("=1+1", "+x", "-2", "@SUM(A1)", "\tx", "\rx", "a=b", "")] == \
        ["'=1+1", "'+x", "'-2", "'@SUM(A1)", "'\tx", "'\rx", "a=b", ""]
    copies = [f"{p.relative_to(ROOT)}:{n}" for p in SOURCES if p.name != "formula.py"
              for n, code in _code_lines(p) if re.search(r"""\(\s*["']=["']\s*,\s*["']\+["']""", code)]
    assert copies == [], "use analytics.formula.neutralise"


def test_roles_are_one_enum():
    from analytics.auth.model import ROLES, Role

    assert ROLES == ("admin", "lead", "viewer", "department") and Role.LEAD == "lead"
    literal = re.compile(r"""(?:role\b[^#\n]*(?:==|!=|\bin\b)\s*\(?[^#\n]*["'](?:admin|lead|viewer)["'])""")
    offenders = [f"{p.relative_to(ROOT)}:{n}" for p in SOURCES for n, code in _code_lines(p) if literal.search(code)]
    assert offenders == [], "compare with analytics.auth.model.Role / ADMIN / LEAD / IMPORTING_ROLES"
