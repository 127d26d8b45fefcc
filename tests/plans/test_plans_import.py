"""Plans (SPEC 2.6) through the ordinary importer: tolerant headers and values, rejects with reasons, the key,
batches, re-import in place and rollback; half-year periods."""

from __future__ import annotations

import datetime as dt

from analytics.store.batches import rollback_batch
from analytics.store.importer import import_files
from tests.store.conftest import rows

# Simplified headers and an alias (计划类型, 期间): recognised by headers only.
PLANS_CSV = (
    "计划编号,计划类型,公司,部门,期间,计划次数,工号,计划日期,穿越类别,穿越项目,组织方式,需被穿越单位支持,报备日期\n"
    "P1,年度计划,廣州市分公司,市場部,2026,24,,,,,,,2026-01-20\n"       # row 2: annual plan
    "P2,阶段计划,廣州市分公司,,2026年上半年,10,,,,,,,\n"                # row 3: phase plan, H1, filed = import date
    "P3,个人计划,廣州市分公司,,,,00123,2026-10-12,常規穿越,门市客户扮演,大規模,是,2026-09-30\n"  # row 4
    "P4,年度計畫,廣州市分公司,,2026Q3,5,,,,,,,\n"                          # row 5: annual plan, not a year
    "P5,階段計畫,廣州市分公司,,,3,,,,,,,\n"                                # row 6: no period
    "P6,個人計畫,廣州市分公司,,,,,2026-10-12,,,,,\n"                       # row 7: no 工號
    "P7,階段計畫,廣州市分公司,,2026H3,3,,,,,,,\n"                          # row 8: no such half-year
    "P8,階段計畫,廣州市分公司,,2026H2,0,,,,,,,\n"                          # row 9: count 0
    "P1,個人計畫,廣州市分公司,,,,00124,2026-10-13,,,,,\n"                  # row 10: P1 again
    "P9,個人計畫,廣州市分公司,,,,00125,,,,,,\n"                            # row 11: no 計畫日期
)


def _import(db, content: str = PLANS_CSV, name: str = "計畫.csv"):
    return import_files([(name, content.encode("utf-8"))], db_path=db, user="lead_gz")[0]


def test_plans_import_stores_valid_rows_and_rejects_the_rest_with_reasons(db):
    result = _import(db)
    assert result.status == "partial"
    assert rows(db, "select plan_id, plan_kind, company_key, department, period, period_start, period_end, "
                    "planned_count, employee_id, planned_on, item, mode, needs_support, filed_on "
                    "from plans order by plan_id") == [
        ("P1", "年度計畫", "广州市分公司", "市場部", "2026", dt.date(2026, 1, 1), dt.date(2026, 12, 31), 24, None, None,
         None, None, False, dt.date(2026, 1, 20)),
        # 2026年上半年 -> 2026H1 = Jan 1 - Jun 30; blank 報備日期 -> the import date
        ("P2", "階段計畫", "广州市分公司", None, "2026H1", dt.date(2026, 1, 1), dt.date(2026, 6, 30), 10, None, None,
         None, None, False, dt.date.today()),
        ("P3", "個人計畫", "广州市分公司", None, None, None, None, None, "00123", dt.date(2026, 10, 12),
         "門市客戶扮演", "大規模穿越", True, dt.date(2026, 9, 30)),
    ]
    reasons = {int(r): reason for r, reason in zip(result.rejects["plans"]["_row"],
                                                   result.rejects["plans"]["_reason"], strict=True)}
    assert set(reasons) == {5, 6, 7, 8, 9, 10, 11}
    assert "2026Q3" in reasons[5] and "整年" in reasons[5]
    assert "計畫期間" in reasons[6] or "期间" in reasons[6]
    assert "工號" in reasons[7] or "工号" in reasons[7]
    assert "2026H3" in reasons[8] and "2026H1" in reasons[8]  # the message shows the accepted forms
    assert "至少為 1" in reasons[9]
    assert "2" in reasons[10]  # a repeated 計畫編號 names its first row
    assert "計畫日期" in reasons[11]
    assert result.counts["plans"]["new"] == 3 and result.counts["plans"]["rejected"] == 7


def test_plans_reimport_updates_in_place_and_rollback_restores(db):
    first = _import(db)
    second = _import(db, "計畫編號,計畫類型,公司,計畫期間,計畫次數\nP1,年度計畫,廣州市分公司,2026,30\n", "更新.csv")
    assert second.status == "imported" and second.counts["plans"]["updated"] == 1
    assert rows(db, "select planned_count from plans where plan_id = 'P1'") == [(30,)]
    assert rows(db, "select count(*) from plans") == [(3,)]
    assert rollback_batch(db, second.batch_id, user="lead_gz").ok
    assert rows(db, "select planned_count, department, batch_id from plans where plan_id = 'P1'") == [
        (24, "市場部", first.batch_id)]
    # the same file again: already imported, nothing changes
    assert _import(db).status == "already_imported"
    assert rollback_batch(db, first.batch_id, user="lead_gz").ok
    assert rows(db, "select count(*) from plans") == [(0,)]


def test_a_date_cell_on_the_first_of_a_month_is_that_month_and_other_dates_are_rejected(db, tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["計畫編號", "計畫類型", "公司", "計畫期間", "計畫次數"])
    sheet.append(["M1", "階段計畫", "廣州市分公司", dt.datetime(2026, 7, 1), 2])  # Excel's reading of 2026-07
    sheet.append(["M2", "階段計畫", "廣州市分公司", dt.datetime(2026, 7, 15), 2])
    path = tmp_path / "p.xlsx"
    book.save(path)
    result = import_files([(path.name, path.read_bytes())], db_path=db, user="x")[0]
    assert rows(db, "select plan_id, period from plans") == [("M1", "2026-07")]
    assert list(result.rejects["plans"]["_row"]) == [3]


def test_a_formula_in_a_plan_theme_is_kept_as_text(db):
    hostile = '計畫編號,計畫類型,公司,工號,計畫日期,穿越主題\nX1,個人計畫,廣州市分公司,001,2026-10-01,"=1+2"\n'
    assert _import(db, hostile).status == "imported"
    assert rows(db, "select theme, employee_id from plans") == [("=1+2", "001")]
