"""The benchmark's national-scale generator (benchmarks/generate.py), at a tiny scale: deterministic, the right
shape, cached by (scale, seed)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import python_calamine as pc

from benchmarks.generate import generate


def _digests(root: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.iterdir())
            if p.name != "manifest.json"}


def test_same_bytes_for_the_same_scale_and_seed_and_cached(tmp_path):
    a = generate(0.01, 3, out_root=tmp_path / "a")
    b = generate(0.01, 3, out_root=tmp_path / "b")
    assert _digests(Path(a.root)) == _digests(Path(b.root))
    marker = Path(a.root) / "walkthroughs_2025-01.csv"
    marker.write_text("changed", encoding="utf-8")
    assert generate(0.01, 3, out_root=tmp_path / "a").year_files == a.year_files  # served from the cache
    assert marker.read_text(encoding="utf-8") == "changed"


def test_national_shape_at_a_hundredth(tmp_path):
    data = generate(0.01, 1, out_root=tmp_path)
    # 1 總部 + 31 provinces + 370 cities; 300,000 x 0.01 = 3,000 staff requested, but every company keeps at least
    # 3 people per department plus its leaders (a city: 9 x 3 + 3 = 30), so small companies are padded.
    assert data.counts["companies"] == 402
    assert data.counts["walk_rows"] == 6_000 and data.counts["issues"] == 4_000
    files = data.year_files
    # 32 roster files (31 provinces with their cities, 總部), 12 monthly logs, 12 monthly issue files.
    assert len([f for f in files if f.startswith("roster_")]) == 32 and len(files) == 32 + 12 + 12
    roster = pd.concat(pd.read_csv(p, dtype=str, encoding="utf-8-sig") for p in data.paths() if "roster_" in p.name)
    assert roster["工號"].is_unique and roster["工號"].str.match(r"^00\d{6}$").all()
    levels = roster.drop_duplicates("公司")["層級"].value_counts().to_dict()
    assert levels == {"地市公司": 370, "省公司": 31, "總部": 1}
    sheet = pc.CalamineWorkbook.from_path(str(Path(data.root) / data.upload_xlsx)).get_sheet_by_index(0).to_python()
    assert sheet[0][0] == "2026年1月流程穿越記錄" and sheet[1][1] == "工號" and len(sheet) == 2 + 1_000
