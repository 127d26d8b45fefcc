"""National-scale inputs for the benchmark (SPEC 7), deterministic for a (scale, seed), cached under benchmarks/out/.

At scale 1.0: 402 companies (1 總部, 31 province companies, 370 city companies), 300,000 staff on one roster
snapshot, 600,000 walkthrough rows and 400,000 issues for the year 2025 in monthly files, plus the uploads timed on
their own: a 100,000-row .xlsx (January 2026) and a 45,000-row CSV (February 2026), and the plans of SPEC 2.6 (issue
#14: every company's annual or phase plans for 2024-2026, individual plans for most walks, some never carried out,
and the coming weeks' plans after the benchmark's as-of date). The company tree keeps its
full size at every scale; staff, rows and uploads scale linearly. Files are in the users' formats: roster and
monthly CSVs in UTF-8 with BOM and Chinese headers, the upload written by xlsxwriter in constant_memory mode.

    python -m benchmarks.generate --scale 0.1
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

OUT = Path(__file__).resolve().parent / "out"
YEAR = 2025
FULL = {"staff": 300_000, "walk_rows": 600_000, "issues": 400_000, "upload_xlsx_rows": 100_000,
        "upload_csv_rows": 45_000}
N_PROVINCES, N_CITIES = 31, 370

ROSTER_HEADERS = ["工號", "姓名", "公司", "層級", "上級公司", "部門", "部門類別", "職級", "生效日期"]
LOG_HEADERS = ["穿越編號", "工號", "姓名", "穿越日期", "穿越類別", "穿越項目", "穿越主題", "組織方式", "穿越地域",
               "被穿越單位", "時長(小時)", "需被穿越單位支持", "告知日期", "總結提交日期", "記錄已交被穿越單位",
               "問題建議數", "備註"]
PLAN_HEADERS = ["計畫編號", "計畫類型", "公司", "部門", "計畫期間", "計畫次數", "工號", "計畫日期", "穿越類別", "穿越項目",
                "組織方式", "需被穿越單位支持", "報備日期"]
ISSUE_HEADERS = ["問題編號", "穿越編號", "提出人工號", "提出日期", "類型", "問題類別", "問題描述", "責任單位", "責任部門",
                 "狀態", "計畫完成日期", "解決日期", "最新進展", "工單號"]
DEPTS = {  # (name, type) per level; HQ 20, province 12, city 9 departments
    "總部": [("市場部", "主要業務部門"), ("客戶服務部", "主要業務部門"), ("集團客戶部", "主要業務部門"),
           ("網路部", "支撐部門"), ("資訊科技部", "支撐部門"), ("業務支撐部", "支撐部門"), ("辦公室", "其他部門"),
           ("財務部", "其他部門"), ("人力資源部", "其他部門")]
          + [(f"專業{i}部", "其他部門") for i in range(1, 12)],
    "省公司": [("市場部", "主要業務部門"), ("客戶服務部", "主要業務部門"), ("集團客戶部", "主要業務部門"),
            ("網路部", "支撐部門"), ("業務支撐部", "支撐部門"), ("資訊科技部", "支撐部門"), ("辦公室", "其他部門"),
            ("財務部", "其他部門"), ("人力資源部", "其他部門"), ("紀檢部", "其他部門"), ("工會", "其他部門"),
            ("法律部", "其他部門")],
    "地市公司": [("市場部", "主要業務部門"), ("客戶服務部", "主要業務部門"), ("集團客戶部", "主要業務部門"),
             ("網路部", "支撐部門"), ("賬務中心", "支撐部門"), ("辦公室", "其他部門"), ("財務部", "其他部門"),
             ("人力資源部", "其他部門"), ("黨建部", "其他部門")],
}
ITEMS = ["門市客戶扮演", "門市客戶接待", "門市業務受理", "客服熱線歷史錄音收聽", "客服熱線線上旁聽", "集團客戶拜訪",
         "投訴案例分析", "新業務體驗", "電子渠道體驗", "延伸服務", "網路撥測", "其他"]
ISSUE_CATEGORIES = ["服務規範", "業務流程", "IT系統支撐", "網路質量", "渠道與環境", "資費計費", "產品體驗", "其他",
                    "營業廳排隊"]
_A = "東南西北中華安寧長平永興嘉泰和昌遠雲海山川江河湖嶺清明"
_B = "寧川原陵江陽州山海峰谷城林溪灣岡源浦渡橋"
_GIVEN = np.array(list("志明俊傑建宏家豪冠宇承翰彥廷淑芬美玲雅婷怡君欣佳穎宗文彬國華素珍麗秀英子軒思妤柏詠晴品妍偉誠振德惠如"))
_SURNAMES = np.array(list("陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周徐蘇葉莊呂江何蕭羅高潘簡朱鍾彭游詹胡施沈余趙盧梁顏柯孫"))


@dataclass
class Dataset:
    """The generated files of one (scale, seed): ``year_files`` in import order, the two uploads, row counts."""

    root: str
    scale: float
    seed: int
    year_files: list[str]
    upload_xlsx: str
    upload_csv: str
    counts: dict[str, int]
    plan_files: list[str] = field(default_factory=list)  # imported after the year (benchmarks/run.py)

    def paths(self) -> list[Path]:
        return [Path(self.root) / p for p in self.year_files]


def dataset_dir(scale: float, seed: int, out_root: Path = OUT) -> Path:
    return Path(out_root) / f"scale{scale:g}-seed{seed}"


def _companies() -> pd.DataFrame:
    """The company tree: 總部, 31 provinces, 370 cities spread 12 or 11 per province (29 x 12 + 2 x 11 = 370)."""
    names = [a + b for a in _A for b in _B]
    rows = [("總部", "總部", None)]
    per = [12] * 29 + [11] * 2
    k = 0
    for i in range(N_PROVINCES):
        province = names[i] + "省公司"
        rows.append((province, "省公司", None))
        for _ in range(per[i]):
            rows.append((names[N_PROVINCES + k] + "市分公司", "地市公司", province))
            k += 1
    return pd.DataFrame(rows, columns=["company", "level", "parent"])


def _names(rng: np.random.Generator, n: int) -> np.ndarray:
    given = _GIVEN[rng.integers(0, len(_GIVEN), n)].astype(object) + np.where(
        rng.random(n) < 0.8, _GIVEN[rng.integers(0, len(_GIVEN), n)], "").astype(object)
    return _SURNAMES[rng.integers(0, len(_SURNAMES), n)].astype(object) + given


def _roster(rng: np.random.Generator, companies: pd.DataFrame, staff: int) -> pd.DataFrame:
    share = {"總部": 0.02, "省公司": 0.25 / N_PROVINCES, "地市公司": 0.73 / N_CITIES}
    leaders = {"總部": 5, "省公司": 4, "地市公司": 3}
    parts = []
    for company, level, parent in companies.itertuples(index=False):
        n = max(len(DEPTS[level]) * 3 + leaders[level], round(staff * share[level]))
        depts = DEPTS[level]
        dept_idx = np.concatenate([np.full(leaders[level], -1), np.arange(n - leaders[level]) % len(depts)])
        rank = np.full(n, "員工", dtype=object)
        rank[: leaders[level]] = "公司領導"
        first_in_dept = np.zeros(n, dtype=bool)
        for d in range(len(depts)):  # the first two of each department lead it
            first_in_dept[np.flatnonzero(dept_idx == d)[:2]] = True
        rank[first_in_dept] = "部門領導"
        l3 = (rank == "員工") & (rng.random(n) < (0.02 if level == "地市公司" else 0.06))
        rank[l3] = "三級經理"
        names = np.array(["領導班子"] + [d for d, _ in depts], dtype=object)
        types = np.array(["其他部門"] + [t for _, t in depts], dtype=object)
        parts.append(pd.DataFrame({"公司": company, "層級": level, "上級公司": parent, "部門": names[dept_idx + 1],
                                   "部門類別": types[dept_idx + 1], "職級": rank}))
    roster = pd.concat(parts, ignore_index=True)
    roster.insert(0, "工號", [f"{100_000 + i:08d}" for i in range(len(roster))])
    roster.insert(1, "姓名", _names(rng, len(roster)))
    roster["生效日期"] = f"{YEAR}-01-01"
    return roster


def _dates(rng: np.random.Generator, n: int, year: int, month: np.ndarray) -> np.ndarray:
    days = np.array([31, 28 + (year % 4 == 0), 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])[month - 1]
    day = (rng.random(n) * days).astype(int) + 1
    return (np.array([f"{year}-{m:02d}-" for m in range(1, 13)], dtype=object)[month - 1]
            + np.char.zfill(day.astype(str), 2).astype(object))


def _walkthroughs(rng: np.random.Generator, roster: pd.DataFrame, n: int, year: int, months: np.ndarray,
                  prefix: str) -> pd.DataFrame:
    """``n`` participant rows; 3 % are 客戶接待日 by leaders, a fifth belong to groups of three sharing a 穿越編號."""
    leaders = np.flatnonzero(roster["職級"].isin(["公司領導", "部門領導"]).to_numpy())
    person = rng.integers(0, len(roster), n)
    reception = rng.random(n) < 0.03
    person[reception] = leaders[rng.integers(0, len(leaders), int(reception.sum()))]
    month = np.sort(months[rng.integers(0, len(months), n)])
    date = _dates(rng, n, year, month)
    number = np.arange(n)
    grouped = (rng.random(n) < 0.2) & ~reception
    number[grouped] -= number[grouped] % 3
    date[grouped] = date[number[grouped]]
    category = np.where(reception, "客戶接待日", np.where(rng.random(n) < 0.22, "專項穿越", "常規穿越"))
    item = np.where(category == "常規穿越", np.array(ITEMS, dtype=object)[rng.integers(0, len(ITEMS), n)], None)
    hours = np.array([1.0, 2.0, 3.0, 3.5, 4.0, 8.0, np.nan])[rng.integers(0, 7, n)]
    needs = rng.random(n) < 0.25
    staff = roster.iloc[person]
    ts = pd.to_datetime(pd.Series(date))
    notified = (ts - pd.to_timedelta(rng.integers(1, 10, n), unit="D")).dt.strftime("%Y-%m-%d").where(needs, None)
    summary = (ts + pd.to_timedelta(rng.integers(0, 12, n), unit="D")).dt.strftime("%Y-%m-%d")
    return pd.DataFrame({
        "穿越編號": [f"{prefix}{i:08d}" for i in number], "工號": staff["工號"].to_numpy(),
        "姓名": staff["姓名"].to_numpy(), "穿越日期": date, "穿越類別": category, "穿越項目": item,
        "穿越主題": np.where(category == "專項穿越", "專項主題", None),
        "組織方式": np.where(grouped, "小組穿越", "個人穿越"), "穿越地域": np.where(rng.random(n) < 0.08, "跨地", "本地"),
        "被穿越單位": staff["公司"].to_numpy() + "營業廳", "時長(小時)": hours,
        "需被穿越單位支持": np.where(needs, "是", "否"), "告知日期": notified.to_numpy(),
        "總結提交日期": summary.to_numpy(), "記錄已交被穿越單位": np.where(rng.random(n) < 0.8, "是", "否"),
        "問題建議數": rng.integers(0, 3, n), "備註": None,
    })


def _issues(rng: np.random.Generator, roster: pd.DataFrame, walks: pd.DataFrame, n: int) -> pd.DataFrame:
    source = walks.iloc[np.sort(rng.integers(0, len(walks), n))]
    raised = pd.to_datetime(source["穿越日期"].to_numpy()) + pd.to_timedelta(rng.integers(0, 6, n), unit="D")
    raised = raised.where(raised.year == YEAR, pd.Timestamp(f"{YEAR}-12-31"))
    r = rng.random(n)
    status = np.select([r < 0.55, r < 0.62, r < 0.85], ["已解決", "已關閉", "處理中"], "待處理")
    closed = np.isin(status, ["已解決", "已關閉"])
    resolved = (raised + pd.to_timedelta(rng.integers(1, 120, n), unit="D")).strftime("%Y-%m-%d")
    due = (raised + pd.to_timedelta(rng.choice([15, 30, 60, 90], n), unit="D")).strftime("%Y-%m-%d")
    owner = roster.set_index("工號").loc[source["工號"].to_numpy()]
    return pd.DataFrame({
        "問題編號": [f"Q{i:08d}" for i in range(n)], "穿越編號": source["穿越編號"].to_numpy(),
        "提出人工號": source["工號"].to_numpy(), "提出日期": raised.strftime("%Y-%m-%d"),
        "類型": np.where(rng.random(n) < 0.25, "建議", "問題"),
        "問題類別": rng.choice(np.array(ISSUE_CATEGORIES, dtype=object), n, p=[0.99 / 8] * 8 + [0.01]),
        "問題描述": source["被穿越單位"].to_numpy() + "：客戶反映辦理時間過長", "責任單位": owner["公司"].to_numpy(),
        "責任部門": owner["部門"].to_numpy(), "狀態": status, "計畫完成日期": due,
        "解決日期": np.where(closed, resolved, None), "最新進展": np.where(closed, "已完成整改", "跟進中"),
        "工單號": [f"GD{i:010d}" for i in range(n)],
    })


def _day(base: pd.Series, days: np.ndarray) -> np.ndarray:
    """ISO dates ``days`` after the ISO dates (or timestamps) of ``base``."""
    shifted = pd.to_datetime(pd.Series(np.asarray(base))) + pd.to_timedelta(days, unit="D")
    return shifted.dt.strftime("%Y-%m-%d").to_numpy(dtype=object)


def _company_plans(rng: np.random.Generator, companies: pd.DataFrame, roster: pd.DataFrame,
                   walks: pd.DataFrame) -> pd.DataFrame:
    """Every company's plan lines for 2024-2026: most file one annual plan in January; 10 % file late (February),
    15 % file two half-year phase plans, 10 % one annual line per main department, 5 % nothing. 計畫次數 is
    about the company's activities of the data year."""
    company_of = dict(zip(roster["工號"], roster["公司"], strict=True))
    activities = walks.drop_duplicates("穿越編號")["工號"].map(company_of).value_counts()
    rows = []
    for year in (YEAR - 1, YEAR, YEAR + 1):
        pick = rng.random(len(companies))
        factor = rng.uniform(0.7, 1.3, len(companies))
        day = rng.integers(2, 28, len(companies))
        for i, (company, level, _parent) in enumerate(companies.itertuples(index=False)):
            planned = max(1, round(activities.get(company, 1) * factor[i]))
            jan, feb = f"{year}-01-{day[i]:02d}", f"{year}-02-{day[i]:02d}"
            key = f"CP{year}-{i:03d}"
            if pick[i] < 0.05:
                continue
            if pick[i] < 0.15:
                rows.append((key, "年度計畫", company, None, str(year), planned, feb))
            elif pick[i] < 0.30:
                rows.append((key + "H1", "階段計畫", company, None, f"{year}H1", max(1, planned // 2), jan))
                rows.append((key + "H2", "階段計畫", company, None, f"{year}H2", max(1, planned - planned // 2), jan))
            elif pick[i] < 0.40:
                main = [d for d, t in DEPTS[level] if t == "主要業務部門"]
                for j, dept in enumerate(main):
                    rows.append((f"{key}D{j}", "年度計畫", company, dept, str(year), max(1, planned // len(main)),
                                 jan))
            else:
                rows.append((key, "年度計畫", company, None, str(year), planned, jan))
    frame = pd.DataFrame(rows, columns=["計畫編號", "計畫類型", "公司", "部門", "計畫期間", "計畫次數", "報備日期"])
    return frame.reindex(columns=PLAN_HEADERS)


def _individual_plans(rng: np.random.Generator, roster: pd.DataFrame, walks: pd.DataFrame) -> pd.DataFrame:
    """80 % of the walk rows had a plan dated within 6 days of the walk (filed 2-20 days ahead, a tenth after the
    walk), naming the walk's category and item in 70 % of plans; 3 % of the rows' count again as plans nobody
    carried out; and the plans of the four weeks after the benchmark's as-of date (2026-01-15), a third needing
    the target unit's support, 5 % 大規模穿越."""
    n = len(walks)
    chosen = np.flatnonzero(rng.random(n) < 0.8)
    done = walks.iloc[chosen]
    planned_on = _day(done["穿越日期"], rng.integers(-6, 7, len(chosen)))
    after = rng.random(len(chosen)) < 0.1
    filed = np.where(after, _day(done["穿越日期"], rng.integers(1, 6, len(chosen))),
                     _day(pd.Series(planned_on), -rng.integers(2, 21, len(chosen))))
    named = rng.random(len(chosen)) < 0.7
    carried = pd.DataFrame({
        "工號": done["工號"].to_numpy(), "計畫日期": planned_on,
        "穿越類別": np.where(named, done["穿越類別"].to_numpy(), None),
        "穿越項目": np.where(named, done["穿越項目"].to_numpy(), None),
        "組織方式": done["組織方式"].to_numpy(), "需被穿越單位支持": done["需被穿越單位支持"].to_numpy(),
        "報備日期": filed})
    k = max(1, round(n * 0.03))
    people = roster.iloc[rng.integers(0, len(roster), k)]
    dates = _dates(rng, k, YEAR, rng.integers(1, 13, k))
    missed = pd.DataFrame({"工號": people["工號"].to_numpy(), "計畫日期": dates, "穿越類別": "常規穿越",
                           "穿越項目": np.array(ITEMS, dtype=object)[rng.integers(0, len(ITEMS), k)],
                           "組織方式": "個人穿越", "需被穿越單位支持": "否",
                           "報備日期": _day(pd.Series(dates), -rng.integers(2, 21, k))})
    u = max(1, round(len(roster) * 0.005))
    people = roster.iloc[rng.integers(0, len(roster), u)]
    as_of = pd.Timestamp(YEAR + 1, 1, 15)
    coming = _day(pd.Series([as_of] * u), rng.integers(0, 29, u))
    large = rng.random(u) < 0.05
    upcoming = pd.DataFrame({"工號": people["工號"].to_numpy(), "計畫日期": coming, "穿越類別": "常規穿越",
                             "穿越項目": np.array(ITEMS, dtype=object)[rng.integers(0, len(ITEMS), u)],
                             "組織方式": np.where(large, "大規模穿越", "個人穿越"),
                             "需被穿越單位支持": np.where(rng.random(u) < 0.33, "是", "否"),
                             "報備日期": _day(pd.Series([as_of] * u), -rng.integers(1, 21, u))})
    plans = pd.concat([carried, missed, upcoming], ignore_index=True)
    company = dict(zip(roster["工號"], roster["公司"], strict=True))
    plans["公司"] = plans["工號"].map(company)
    plans["計畫類型"] = "個人計畫"
    plans["計畫編號"] = [f"IP{i:08d}" for i in range(len(plans))]
    return plans.reindex(columns=PLAN_HEADERS)


def _write_csv(frame: pd.DataFrame, path: Path) -> None:
    frame.to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\r\n")


def _write_upload_xlsx(frame: pd.DataFrame, path: Path) -> None:
    """A monthly upload as Excel saves it: a title row, then the table; dates as Excel date cells."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_numbers": False,
                                           "strings_to_formulas": False, "strings_to_urls": False})
    book.set_properties({"created": dt.datetime(2026, 1, 1)})
    sheet = book.add_worksheet("穿越記錄")
    date_format = book.add_format({"num_format": "yyyy-mm-dd"})
    sheet.write_string(0, 0, "2026年1月流程穿越記錄")
    sheet.write_row(1, 0, LOG_HEADERS)
    date_col = LOG_HEADERS.index("穿越日期")
    values = frame.astype(object).where(frame.notna(), None).to_numpy().tolist()
    for r, row in enumerate(values, start=2):
        sheet.write_row(r, 0, row[:date_col])
        sheet.write_datetime(r, date_col, dt.datetime.fromisoformat(row[date_col]), date_format)
        sheet.write_row(r, date_col + 1, row[date_col + 1:])
    book.close()


def generate(scale: float = 1.0, seed: int = 1, *, force: bool = False, out_root: Path = OUT) -> Dataset:
    """Generate (or reuse from the cache under ``out_root``) the files of one (scale, seed)."""
    root = dataset_dir(scale, seed, out_root)
    manifest = root / "manifest.json"
    if manifest.exists() and not force:
        cached = Dataset(**json.loads(manifest.read_text(encoding="utf-8")))
        if cached.plan_files:  # a cache written before the plans were generated is made again
            return cached
    root.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    size = {k: max(1, round(v * scale)) for k, v in FULL.items()}
    companies = _companies()
    roster = _roster(rng, companies, size["staff"])
    files: list[str] = []
    province_of = dict(zip(companies["company"], companies["parent"].fillna(companies["company"]), strict=True))
    for i, (_, part) in enumerate(roster.groupby(roster["公司"].map(province_of), sort=True)):
        name = f"roster_{i:02d}.csv"  # one file per province (with its cities), and one for 總部
        _write_csv(part, root / name)
        files.append(name)
    walks = _walkthroughs(rng, roster, size["walk_rows"], YEAR, np.arange(1, 13), "W")
    month = walks["穿越日期"].str.slice(5, 7)
    for m, part in walks.groupby(month, sort=True):
        name = f"walkthroughs_{YEAR}-{m}.csv"
        _write_csv(part, root / name)
        files.append(name)
    issues = _issues(rng, roster, walks, size["issues"])
    for m, part in issues.groupby(issues["提出日期"].str.slice(5, 7), sort=True):
        name = f"issues_{YEAR}-{m}.csv"
        _write_csv(part, root / name)
        files.append(name)
    upload = _walkthroughs(rng, roster, size["upload_xlsx_rows"], YEAR + 1, np.array([1]), "U")
    _write_upload_xlsx(upload, root / "upload.xlsx")
    _write_csv(_walkthroughs(rng, roster, size["upload_csv_rows"], YEAR + 1, np.array([2]), "C"), root / "upload.csv")
    # The plans draw from a generator of their own, so the files above stay byte for byte what they were.
    plan_rng = np.random.default_rng([seed, 14])
    company_plans = _company_plans(plan_rng, companies, roster, walks)
    _write_csv(company_plans, root / "plans_company.csv")
    plan_files = ["plans_company.csv"]
    individual = _individual_plans(plan_rng, roster, walks)
    for m, part in individual.groupby(individual["計畫日期"].str.slice(0, 7), sort=True):
        name = f"plans_{m}.csv"
        _write_csv(part, root / name)
        plan_files.append(name)
    counts = {"companies": len(companies), "staff": len(roster), "walk_rows": len(walks), "issues": len(issues),
              "upload_xlsx_rows": size["upload_xlsx_rows"], "upload_csv_rows": size["upload_csv_rows"],
              "company_plan_lines": len(company_plans), "individual_plans": len(individual)}
    data = Dataset(str(root), scale, seed, files, "upload.xlsx", "upload.csv", counts, plan_files)
    manifest.write_text(json.dumps(asdict(data), ensure_ascii=False, indent=1), encoding="utf-8")
    return data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--force", action="store_true", help="regenerate even if cached")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    data = generate(args.scale, args.seed, force=args.force)
    print(f"{data.root}: {data.counts} ({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
