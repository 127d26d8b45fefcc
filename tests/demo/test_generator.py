"""The demo files: the same bytes every run, and the shapes lead departments really send (issue #2 item 7)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import python_calamine as pc

from analytics.demo import write_demo_files
from analytics.demo.issues import HYPERLINK_TEXT
from analytics.demo.org import COMPANY_LEADER, build_org


def _digests(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list]:
    root = tmp_path_factory.mktemp("files")
    return root, write_demo_files(root)


def _rows(path: Path, sheet: int = 0) -> list[list]:
    return pc.CalamineWorkbook.from_path(str(path)).get_sheet_by_index(sheet).to_python()


def test_same_sha256_every_run(files, tmp_path):
    root, written = files
    write_demo_files(tmp_path)
    assert _digests(root) == _digests(tmp_path)
    # 7 roster files (January: 總部, 東海, 西川; July: those three and 南嶺), 11 months x 4 logs (January's 南嶺
    # log is the roster-and-log workbook), 11 issue-tracking files, the contacts workbook and the plans workbook
    # (issue #14): 7 + 44 + 11 + 1 + 1 = 64.
    assert len(written) == 64 == len(_digests(root))


def test_files_are_in_chronological_import_order(files):
    _, written = files
    times = [f.imported_at for f in written]
    assert times == sorted(times)
    assert written[0].path.name.startswith("總部人員名冊")  # rosters first
    assert written[-3].path.name == "2026年11月問題跟蹤表.xlsx"
    assert written[-2].path.name == "聯繫人名單.xlsx"  # contacts after the monthly files (issue #15)
    assert written[-1].path.name == "2026年穿越計畫.xlsx"  # the plans last (issue #14)


def test_title_row_merged_above_the_headers(files):
    root, _ = files
    path = root / "2026-10" / "東海省公司2026年10月流程穿越記錄.xlsx"
    sheet = pc.CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
    rows = sheet.to_python()
    assert rows[0][0] == "東海省公司2026年10月流程穿越記錄"
    assert rows[2][:4] == ["穿越編號", "工號", "姓名", "穿越日期"]
    assert ((0, 0), (0, 15)) in sheet.merged_cell_ranges  # the title spans all 16 columns
    body = rows[3:]
    assert ["10/5/2026"] == [r[3] for r in body if r[3] == "10/5/2026"]  # the planned ambiguous date, once
    assert any("、" in r[1] for r in body)  # a group's 工號 in one cell
    assert all("/" in r[3] for r in body)  # dates typed as 2026/10/5


def test_roster_and_log_in_one_workbook(files):
    root, _ = files
    path = root / "2026-01" / "南嶺省公司_2026年1月_名冊及穿越記錄.xlsx"
    book = pc.CalamineWorkbook.from_path(str(path))
    assert book.sheet_names == ["人員名冊", "1月穿越記錄"]
    log = book.get_sheet_by_name("1月穿越記錄").to_python()
    assert log[0][1] == "穿越人工號" and log[0][3] == "日期"
    assert type(log[1][3]).__name__ == "date"  # real Excel date cells


def test_gb18030_csv_with_simplified_headers(files):
    root, _ = files
    csvs = sorted(root.rglob("西川省公司_*.csv"))
    assert len(csvs) == 11
    raw = csvs[0].read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    text = raw.decode("gb18030")
    assert text.startswith("穿越编号,工号,姓名,穿越日期,穿越类别,穿越项目")
    assert "年" in text.splitlines()[1].split(",")[3]  # 2026年1月5日
    assert any("网络拨测" in p.read_bytes().decode("gb18030") for p in csvs)  # 網路撥測 in mainland wording


def test_english_headers_and_leading_zeros(files):
    root, _ = files
    hq = _rows(root / "2026-03" / "2026-03_HQ_walkthrough_log.xlsx")
    assert hq[0][:4] == ["Activity ID", "Employee ID", "Name", "Date"]
    roster = _rows(root / "2026-01" / "總部人員名冊_20260101.xlsx")
    assert roster[1][0] == "工號"
    ids = [r[0] for r in roster[2:]]
    assert all(isinstance(i, str) and len(i) == 8 and i.startswith("000") for i in ids)


def test_hyperlink_text_is_a_plain_text_cell(files):
    root, _ = files
    found = [c for p in root.rglob("*問題跟蹤表.xlsx") for r in _rows(p) for c in r if c == HYPERLINK_TEXT]
    assert found  # written as text (xlsxwriter write_string), so a reader sees the characters, not a formula


def test_organisation_proportions():
    org = build_org(2026)
    levels = [c.level for c in org.companies]
    assert (levels.count("總部"), levels.count("省公司"), levels.count("地市公司")) == (1, 3, 10)
    for company in org.companies:
        leaders = [p for p in org.jan if p.company == company.name and p.rank == COMPANY_LEADER]
        assert 1 <= len(leaders) <= 3
    ranks = [p.rank for p in org.jan]
    assert 1_500 <= len(org.jan) <= 5_000
    assert ranks.count("員工") / len(ranks) > 0.75  # mostly staff
    assert len(org.movers) == 5 and all(old.company != new.company for old, new in org.movers)
    jan, jul = {p.employee_id for p in org.jan}, {p.employee_id for p in org.jul}
    assert jan - jul and jul - jan  # leavers and joiners
