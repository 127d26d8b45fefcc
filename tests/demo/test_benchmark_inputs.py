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
    # the plans (issue #14): company lines for 2024-2026, individual plans by month of 計畫日期 (imported apart)
    assert data.plan_files[0] == "plans_company.csv" and all(f.startswith("plans_") for f in data.plan_files)
    plans = pd.concat(pd.read_csv(Path(data.root) / f, dtype=str, encoding="utf-8-sig") for f in data.plan_files)
    assert plans["計畫編號"].is_unique and set(plans["計畫類型"]) == {"年度計畫", "階段計畫", "個人計畫"}
    company = plans[plans["計畫類型"] != "個人計畫"]
    assert set(company["計畫期間"].str[:4]) == {"2024", "2025", "2026"}
    assert len(company) == data.counts["company_plan_lines"]
    individual = plans[plans["計畫類型"] == "個人計畫"]
    assert len(individual) == data.counts["individual_plans"] and individual["工號"].isin(roster["工號"]).all()
    # about 80 % of the 6,000 walk rows planned, 3 % more never carried out, 0.5 % of staff in the coming weeks
    assert 0.8 * 6_000 < len(individual) < 0.9 * 6_000 + 0.005 * data.counts["staff"]


# --- the benchmark's bookkeeping (benchmarks/run.py, browser.py, page_calls.py) ---------------------------------

def _app_pages() -> list[tuple[str, str]]:
    """(file, url path) of every page in app.py's SECTIONS, read from the source (app.py imports streamlit)."""
    import ast

    tree = ast.parse((Path(__file__).resolve().parents[2] / "app.py").read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Tuple) and len(node.elts) == 5 and isinstance(node.elts[0], ast.Constant):
            file, url = node.elts[0].value, node.elts[3].value
            if isinstance(file, str) and file.startswith("pages/"):
                found.append((file, url))
    return found


def test_the_benchmark_times_every_page_of_the_navigation():
    from benchmarks.browser import PAGES
    from benchmarks.page_calls import PAGE_FILES

    pages = _app_pages()
    assert len(pages) == 12  # app.py lists 3 + 6 + 3 pages
    assert PAGES == [url for _, url in pages]  # same order as the sidebar
    assert PAGE_FILES == {url: file for file, url in pages}


def test_verdicts_name_both_targets_and_the_margin():
    from benchmarks.run import Figure

    # median of 1.2, 1.9, 2.5 = 1.9: 0.40 s over issue #6's 1.5 s, under issue #4's 2 s
    page = Figure("x", 0, seconds=[2.5, 1.2, 1.9], target_s=1.5, alt_target_s=2.0)
    assert page.verdict() == "#6 MISSED +0.40 s · #4 OK"
    assert page.target_text() == "≤ 1.5 s (#6) · < 2 s (#4)"
    # issue #4 says "under": exactly 1.0 s misses it by 0.00 s; 1.0 ≤ 0.5 fails by 0.50 s
    assert Figure("x", 0, seconds=[1.0], target_s=0.5, alt_target_s=1.0).verdict() == \
        "#6 MISSED +0.50 s · #4 MISSED +0.00 s"
    # median of 0.3, 0.6 = 0.45 ≤ 0.5 and < 1
    assert Figure("x", 0, seconds=[0.3, 0.6], target_s=0.5, alt_target_s=1.0).verdict() == "#6 OK · #4 OK"
    # time missed by 5.86 - 3 = 2.86 s, memory 543 ≤ 600 met: only the miss is named
    upload = Figure("x", 0, seconds=[5.86], peak_mb=[543.0], target_s=3.0, target_mb=600.0)
    assert upload.verdict() == "MISSED +2.86 s" and upload.target_text() == "≤ 3 s & ≤ 600 MB"
    assert Figure("x", 0, value_mb=56.5, target_mb=100.0).verdict() == "OK"
    assert Figure("x", 0, value_mb=112.25, target_mb=100.0).verdict() == "MISSED +12.2 MB"  # 12.25 → 12.2
    assert Figure("x", 0, seconds=[9.0]).verdict() == ""  # no target: no verdict


def test_curve_matches_steps_by_key_not_by_label(capsys):
    from benchmarks.run import Figure, print_curve

    small = [Figure("import a 10,000-row .xlsx", 0, seconds=[0.5], key="xlsx:0")]  # the small scale has no page
    large = [Figure("import a 100,000-row .xlsx", 0, seconds=[2.0], key="xlsx:0"),
             Figure("home: first render, cold", 0, seconds=[1.1], key="pages:0")]
    print_curve({0.1: small, 1.0: large}, {0.1: {"walk_rows": 60_000}, 1.0: {"walk_rows": 600_000}})
    lines = capsys.readouterr().out.splitlines()
    assert "rows grew 10.0x" in lines[1]
    xlsx = next(line for line in lines if line.startswith("import a 100,000-row"))
    assert xlsx.split()[-3:] == ["0.50", "2.00", "4.0"]  # growth 2.0 / 0.5 = 4.0
    home = next(line for line in lines if line.startswith("home:"))
    assert home.split()[-3:] == ["-", "1.10", "-"]  # nothing to compare with at 0.1x


def test_call_names_are_short_but_keep_what_tells_calls_apart():
    from benchmarks.run import _call_name

    call = "analytics.metrics.volume.compute_volume(2025, by='all', period_kind='month', scope=None)"
    assert _call_name(call) == "volume.compute_volume(by='all', period_kind='month')"
    assert _call_name("ui.analysis_data._volume_of_period(2025, 'company', None, 'year', '2025')") == \
        "analysis_data._volume_of_period('company', 'year', '2025')"
