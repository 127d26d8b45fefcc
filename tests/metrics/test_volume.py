"""SPEC 4.3 task volume with roll-up, hand-computed."""

import pytest

from analytics.metrics.volume import compute_volume, compute_volume_summary


def tree(store):
    store.staff("H1", "總部", level="總部")
    store.staff("P1", "廣東省公司")
    store.staff("C1", "廣州市分公司", level="地市公司", parent="廣東省公司")
    store.staff("C2", "廣州市分公司", level="地市公司", parent="廣東省公司", department="網路部")
    store.staff("D1", "深圳市分公司", level="地市公司", parent="廣東省公司")
    store.staff("N1", "湖南省公司")


def test_rollup_counts_activities_person_times_and_people(store):
    tree(store)
    store.walk("C1", "2026-02-01", activity_id="G1", mode="小組穿越")
    store.walk("C2", "2026-02-01", activity_id="G1", mode="小組穿越")  # G1: one activity, 2 person-times
    store.walk("C1", "2026-05-01")  # C1 again: 廣州 has 2 activities, 3 person-times, 2 people
    store.walk("D1", "2026-05-02", category="客戶接待日", item=None, hours=4)
    store.walk("P1", "2026-08-03", scope="跨地")
    store.walk("N1", "2026-08-03")
    store.walk("H1", "2025-12-31")  # other year: left out
    store.walk("ZZ", "2026-09-09")  # not on the roster: totals only
    summary = compute_volume_summary(store.con, 2026)
    assert summary["unmatched_rows"] == 1
    # all: activities G1, C1 row, D1 row, P1 row, N1 row, ZZ row = 6; rows 7; people C1 C2 D1 P1 N1 ZZ = 6
    assert summary["all"]["year"] == {"activities": 6, "person_times": 7, "distinct_participants": 6}
    assert summary["all"]["by_quarter"]["2026Q1"] == {"activities": 1, "person_times": 2, "distinct_participants": 2}
    assert summary["all"]["by_month"]["2026-05"] == {"activities": 2, "person_times": 2, "distinct_participants": 2}
    assert summary["all"]["by_mode"]["小組穿越"] == {"activities": 1, "person_times": 2, "distinct_participants": 2}
    assert summary["all"]["by_scope"]["跨地"]["person_times"] == 1
    assert summary["all"]["by_item"]["（未填）"]["person_times"] == 1  # the reception day has no item
    assert summary["all"]["by_category"]["客戶接待日"]["activities"] == 1
    companies = {c: v["year"]["person_times"] for c, v in summary["by_company_rollup"].items()}
    # 廣州 3; 深圳 1; 廣東 = itself 1 + 廣州 3 + 深圳 1 = 5; 湖南 1; 總部 = all matched rows 3 + 1 + 1 + 1 = 6
    assert companies == {"總部": 6, "廣東省公司": 5, "湖南省公司": 1, "廣州市分公司": 3, "深圳市分公司": 1}
    assert list(summary["by_company_rollup"]) == ["總部", "廣東省公司", "湖南省公司", "廣州市分公司", "深圳市分公司"]
    gd = summary["by_company_rollup"]["廣東省公司"]["year"]
    assert gd == {"activities": 4, "person_times": 5, "distinct_participants": 4}  # G1, C1, D1, P1 rows; C1 C2 D1 P1


def test_scope_and_dimensions(store):
    tree(store)
    store.walk("C2", "2026-02-01")
    store.walk("N1", "2026-02-01")
    store.walk("ZZ", "2026-02-01")
    scoped = compute_volume_summary(store.con, 2026, scope="广东省公司")
    assert scoped["all"]["year"]["person_times"] == 1 and scoped["unmatched_rows"] == 0
    assert set(scoped["by_company_rollup"]) == {"廣東省公司", "廣州市分公司"}
    dept = compute_volume(store.con, 2026, by="department", period_kind="year")
    assert dept[["company", "group", "person_times"]].values.tolist() == [
        ["湖南省公司", "市場部", 1], ["廣州市分公司", "網路部", 1], [None, None, 1]]  # unmatched row last
    level = compute_volume(store.con, 2026, by="level", period_kind="month")
    assert level[["group", "period", "person_times"]].values.tolist()[:2] == [["地市公司", "2026-02", 1],
                                                                             ["省公司", "2026-02", 1]]


def test_month_masks_agree_with_plain_distinct_counts(store):
    """An independent oracle: count(distinct) over (row x period) for 3,000 seeded rows in group activities."""
    tree(store)
    store.con.execute(
        """
        insert into walkthroughs
        select 'id:A' || (hash(i, 1) % 900), ['C1', 'C2', 'D1', 'P1', 'N1', 'ZZ'][(1 + hash(i, 2) % 6)::bigint], null, null,
            date '2026-01-01' + (hash(i, 3) % 365)::integer,
            ['常規穿越', '專項穿越', '客戶接待日'][(1 + hash(i, 4) % 3)::bigint], null, null, '個人穿越', '本地', null, null,
            false, null, null, null, null, null, 1, null
        from range(3000) t(i)
        """
    )
    expected = {
        (row[0], row[1]): row[2:]
        for row in store.con.execute(
            """
            select category, p, count(distinct activity_key), count(*), count(distinct employee_id)
            from (select *, unnest([strftime(date, '%Y'), strftime(date, '%Y') || 'Q' || quarter(date),
                                    strftime(date, '%Y-%m')]) as p from walkthroughs)
            group by all
            """
        ).fetchall()
    }
    got = {(r.group, r.period): (r.activities, r.person_times, r.distinct_participants)
           for r in compute_volume(store.con, 2026, by="category").itertuples()}
    assert got == expected and len(got) == 3 * 17


def test_one_period_reads_only_its_rows_and_counts_the_same(store):
    tree(store)
    store.walk("C1", "2026-02-01", activity_id="G1", mode="小組穿越")
    store.walk("C2", "2026-02-01", activity_id="G1", mode="小組穿越")
    store.walk("C1", "2026-05-01")
    store.walk("D1", "2026-05-02")
    store.walk("C1", "2026-06-30")
    q2 = compute_volume(store.con, 2026, by="company", period="2026Q2")
    # Q2: 廣州 (C1) two rows, two activities, one person; 深圳 (D1) one row
    assert q2[["group", "period", "activities", "person_times", "distinct_participants"]].values.tolist() == [
        ["廣州市分公司", "2026Q2", 2, 2, 1], ["深圳市分公司", "2026Q2", 1, 1, 1]]
    quarters = compute_volume(store.con, 2026, by="company", period_kind="quarter")
    assert q2.equals(quarters[quarters["period"] == "2026Q2"].reset_index(drop=True))
    with pytest.raises(ValueError, match="not in 2026"):
        compute_volume(store.con, 2026, period="2025Q4")
