"""Merge catalogue keys that mean the same thing into one key (issue #13 item 5), mechanically, so a re-run after a
rebase is cheap: ``.venv/bin/python scripts/i18n_merge.py`` (idempotent; ``--check`` only reports;
``--list-duplicates`` prints the groups of keys that share a text in some language, in the format of
analytics/i18n/duplicates_allowed.txt, which tests/test_i18n.py reads; ``--write-allowed`` rewrites that file's groups,
keeping its leading comment).

For each merge below: the texts of ``source`` become the one key ``target`` in ``analytics/i18n/catalog_common.py``,
every key under the ``old`` prefixes is removed from its catalogue, and every use of an old prefix in the code and the
tests (a string or f-string starting with it) is rewritten to the target prefix.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = ROOT / "analytics" / "i18n"
COMMON = CATALOGUES / "catalog_common.py"

# (target prefix, prefix whose texts are kept, other prefixes of the same meaning)
MERGES: list[tuple[str, str, tuple[str, ...]]] = [
    # quota statuses and pace verdicts: the pages said 有風險, the briefing 進度落後, the CLI 按進度
    ("status.", "ui.status.", ("brief.status.", "metrics.status.", "metrics.pace.")),
    # a quota rule's full name: the pages and the briefing had two wordings of each rule
    ("rule.name.", "ui.rule.", ("brief.rule.",)),
    # the four discipline checks of SPEC 4.2: three wordings (pages, briefing, CLI); the pages' short ones fit a
    # heatmap's column
    ("check.", "ui.an.check.", ("brief.check.", "metrics.check.")),
]


def _entries(path: Path) -> list[tuple[str, int, int]]:
    """(key, first line, last line) of each entry of the module's ``MESSAGES`` dict literal."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "MESSAGES" for t in node.targets):
            return [(k.value, k.lineno, v.end_lineno) for k, v in zip(node.value.keys, node.value.values, strict=True)
                    if isinstance(k, ast.Constant)]
    return []


def _source_texts(prefix: str) -> dict[str, str]:
    """key suffix -> the entry's source text (``{"zh-Hant": ..., "en": ...}``) for keys under ``prefix``."""
    found: dict[str, str] = {}
    for path in sorted(CATALOGUES.glob("catalog_*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for key, first, last in _entries(path):
            if key.startswith(prefix):
                text = "\n".join(lines[first - 1:last]).strip()
                found[key[len(prefix):]] = text.split(":", 1)[1].strip().rstrip(",")
    return found


def _remove(prefixes: tuple[str, ...], keep: Path | None) -> int:
    removed = 0
    for path in sorted(CATALOGUES.glob("catalog_*.py")):
        if path == keep:
            continue
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        drop: set[int] = set()
        for key, first, last in _entries(path):
            if key.startswith(prefixes):
                drop.update(range(first - 1, last))
                removed += 1
        if drop:
            path.write_text("".join(line for i, line in enumerate(lines) if i not in drop), encoding="utf-8")
    return removed


def _add_to_common(target: str, texts: dict[str, str]) -> None:
    present = {key for key, _, _ in _entries(COMMON)}
    new = [f'    "{target}{suffix}": {text},\n' for suffix, text in texts.items() if f"{target}{suffix}" not in present]
    if not new:
        return
    source = COMMON.read_text(encoding="utf-8")
    end = source.rindex("}")
    COMMON.write_text(source[:end] + "".join(new) + source[end:], encoding="utf-8")


def _rewrite_uses(old: tuple[str, ...], target: str) -> int:
    # the prefix as a string of its own too ("ui.status" given to a helper that appends ".met")
    alternatives = "|".join(re.escape(p.rstrip(".")) for p in old)
    pattern = re.compile(r"""(?<=["'])(?:""" + alternatives + r""")(?=["'.])""")
    target = target.rstrip(".")
    changed = 0
    files = [*ROOT.glob("app.py"), *(ROOT / "analytics").rglob("*.py"), *(ROOT / "ui").rglob("*.py"),
             *(ROOT / "pages").glob("*.py"), *(ROOT / "tests").rglob("*.py"), *(ROOT / "benchmarks").rglob("*.py")]
    for path in files:
        if path.parent == CATALOGUES and path.name.startswith("catalog_"):
            continue
        text = path.read_text(encoding="utf-8")
        new = pattern.sub(target, text)
        if new != text:
            path.write_text(new, encoding="utf-8")
            changed += 1
    return changed


def duplicate_groups() -> list[list[str]]:
    """Groups (sorted) of keys whose text is the same in at least one language, merged where they overlap."""
    sys.path.insert(0, str(ROOT))
    from analytics.i18n import LANGUAGES, _catalogue, _template

    groups: list[set[str]] = []
    for lang in LANGUAGES:
        by_text: dict[str, set[str]] = {}
        for key in _catalogue():
            by_text.setdefault(_template(key, lang), set()).add(key)
        groups += [keys for keys in by_text.values() if len(keys) > 1]
    merged: list[set[str]] = []
    for group in groups:
        for other in [m for m in merged if m & group]:
            group = group | other
            merged.remove(other)
        merged.append(group)
    return sorted(sorted(g) for g in merged)


def main(argv: list[str]) -> int:
    if "--list-duplicates" in argv or "--write-allowed" in argv:
        groups = duplicate_groups()  # puts the project on sys.path
        from analytics.i18n import _template

        lines = [" ".join(group) + "  # " + _template(group[0], "zh-Hant")[:30] for group in groups]
        if "--write-allowed" in argv:
            allowed = CATALOGUES / "duplicates_allowed.txt"
            head = [line for line in allowed.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
            allowed.write_text("\n".join([*head, *lines]) + "\n", encoding="utf-8")
        else:
            print("\n".join(lines))
        return 0
    check = "--check" in argv
    for target, source, others in MERGES:
        texts = _source_texts(source)
        if check:
            left = [k for p in CATALOGUES.glob("catalog_*.py") for k, _, _ in _entries(p) if k.startswith((source, *others))]
            print(f"{target}: {len(left)} old keys left")
            continue
        if texts:
            _add_to_common(target, texts)
        removed = _remove((source, *others), keep=None)
        files = _rewrite_uses((source, *others), target)
        print(f"{target}: {removed} old keys removed, uses rewritten in {files} files")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
