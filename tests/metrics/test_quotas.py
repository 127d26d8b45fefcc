"""SPEC 4.1 quota rules with hand-computed expectations (article 6)."""

import datetime as dt

import pytest

from analytics.metrics.periods import UnknownPeriod
from analytics.metrics.quotas import UnknownRule, compute_quota_results, load_owed_people
from analytics.metrics.scope import UnknownCompany

AFTER = dt.date(2027, 1, 15)  # every 2026 period is over: not met -> missed
INSIDE = dt.date(2026, 6, 30)


def result(frame, rule, period, company, department=None):
    rows = frame[(frame["rule"] == rule) & (frame["period"] == period) & (frame["company"] == company)]
    if department is not None:
        rows = rows[rows["department"] == department]
    assert len(rows) == 1, rows
    return rows.iloc[0]


def hq(store, prefix, n, rank, department, dtype="其他部門"):
    for i in range(n):
        store.staff(f"{prefix}{i:02d}", "總部", level="總部", rank=rank, department=department, department_type=dtype)


def test_hq_managers_exactly_at_30_percent_and_one_short(store):
    hq(store, "A", 10, "三級經理", "市場部")  # 10 managers
    hq(store, "B", 8, "三級經理", "客服部")
    hq(store, "B8", 2, "部門領導", "客服部")  # 客服部: 8 + 2 = 10 managers
    for i in range(3):
        store.walk(f"A{i:02d}", "2026-05-01")  # 3 of 10: 3*100 >= 30*10 -> met (value 0.3)
    store.walk("B00", "2026-05-01")
    store.walk("B800", "2026-12-31")  # last day of the year counts: 2 of 10 = 20 % < 30 % -> missed
    store.walk("B01", "2027-01-01")  # next year: does not count for 2026
    store.walk("B02", "2025-12-31")  # previous year: does not count
    frame = compute_quota_results(store.con, 2026, as_of=AFTER, rules=["HQ-MGR-Y"])
    met = result(frame, "HQ-MGR-Y", "2026", "總部", "市場部")
    assert (met.population, met.participants, met.value, met.target, met.status) == (10, 3, 0.3, 0.3, "met")
    short = result(frame, "HQ-MGR-Y", "2026", "總部", "客服部")
    assert (short.population, short.participants, short.status) == (10, 2, "missed")
    inside = compute_quota_results(store.con, 2026, as_of=INSIDE, rules=["HQ-MGR-Y"])
    assert result(inside, "HQ-MGR-Y", "2026", "總部", "客服部").status == "in_progress"


def test_29_of_100_is_missed_and_30_of_100_met(store):
    hq(store, "A", 100, "三級經理", "市場部")
    hq(store, "B", 100, "三級經理", "網路部")
    for i in range(30):
        store.walk(f"A{i:02d}", "2026-03-01")
    for i in range(29):
        store.walk(f"B{i:02d}", "2026-03-01")
    frame = compute_quota_results(store.con, 2026, as_of=AFTER, rules=["HQ-MGR-Y"])
    assert result(frame, "HQ-MGR-Y", "2026", "總部", "市場部").status == "met"  # 30*100 >= 30*100
    assert result(frame, "HQ-MGR-Y", "2026", "總部", "網路部").status == "missed"  # 29*100 < 30*100


def test_hq_staff_10_percent_and_empty_population_is_na(store):
    hq(store, "S", 20, "員工", "辦公室")  # 20 staff, no managers
    store.walk("S00", "2026-02-02")
    store.walk("S01", "2026-02-03")  # 2 of 20 = 10 % -> met
    frame = compute_quota_results(store.con, 2026, as_of=AFTER, rules=["HQ-MGR-Y", "HQ-STAFF-Y"])
    staff = result(frame, "HQ-STAFF-Y", "2026", "總部", "辦公室")
    assert (staff.population, staff.participants, staff.value, staff.status) == (20, 2, 0.1, "met")
    managers = result(frame, "HQ-MGR-Y", "2026", "總部", "辦公室")  # no managers: n/a, value null
    assert (managers.population, managers.status) == (0, "n/a")
    assert managers.value != managers.value  # NaN


def test_hq_staff_one_short(store):
    hq(store, "S", 20, "員工", "辦公室")
    store.walk("S00", "2026-02-02")
    store.walk("S00", "2026-03-02")  # the same person twice: 1 participant, 1 of 20 = 5 % < 10 %
    frame = compute_quota_results(store.con, 2026, as_of=AFTER, rules=["HQ-STAFF-Y"])
    row = result(frame, "HQ-STAFF-Y", "2026", "總部", "辦公室")
    assert (row.participants, row.status) == (1, "missed")


def test_province_leaders_everyone_must_go(store):
    store.staff("P1", "廣東省公司", rank="公司領導")
    store.staff("P2", "廣東省公司", rank="部門領導")
    store.staff("P3", "廣東省公司", rank="三級經理")  # not in the population
    store.staff("Q1", "湖南省公司", rank="公司領導")
    store.staff("Q2", "湖南省公司", rank="部門領導")
    for who in ("P1", "P2", "Q1"):
        store.walk(who, "2026-08-08")
    frame = compute_quota_results(store.con, 2026, as_of=AFTER, rules=["PROV-LEAD-Y"])
    gd = result(frame, "PROV-LEAD-Y", "2026", "廣東省公司")
    assert (gd.population, gd.participants, gd.value, gd.status, gd.department) == (2, 2, 1.0, "met", None)
    hn = result(frame, "PROV-LEAD-Y", "2026", "湖南省公司")  # 1 of 2 = 50 % < 100 %
    assert (hn.population, hn.participants, hn.status) == (2, 1, "missed")


def test_province_departments_of_main_and_support_types_only(store):
    for i in range(4):
        store.staff(f"M{i}", "廣東省公司", department="市場部", department_type="主要業務部門")
        store.staff(f"N{i}", "廣東省公司", department="網路部", department_type="支撐部門")
        store.staff(f"O{i}", "廣東省公司", department="辦公室", department_type="其他部門")
    store.walk("M0", "2026-01-05")
    store.walk("M1", "2026-11-05")  # 市場部 2 of 4 = 50 % -> met
    store.walk("N0", "2026-04-05")  # 網路部 1 of 4 = 25 % -> missed
    frame = compute_quota_results(store.con, 2026, as_of=AFTER, rules=["PROV-DEPT-Y"])
    assert sorted(frame["department"]) == ["市場部", "網路部"]  # 辦公室 (其他部門) is not evaluated
    assert result(frame, "PROV-DEPT-Y", "2026", "廣東省公司", "市場部").status == "met"
    assert result(frame, "PROV-DEPT-Y", "2026", "廣東省公司", "網路部").status == "missed"


def test_reception_day_half_day_boundary_and_missing_hours(store):
    store.staff("P1", "廣東省公司", rank="公司領導")
    store.staff("P2", "廣東省公司", rank="部門領導")
    store.staff("P3", "廣東省公司", rank="三級經理")  # a 三級經理's reception day does not count
    store.walk("P1", "2026-01-10", category="客戶接待日", item=None, hours=3.5)  # Jan: 3.5 h < 4 -> no
    store.walk("P2", "2026-02-10", category="客戶接待日", item=None, hours=4)  # Feb: exactly half a day -> yes
    store.walk("P1", "2026-03-10", category="客戶接待日", item=None, hours=None)  # Mar: no hours -> no
    store.walk("P2", "2026-04-10", category="常規穿越", hours=8)  # Apr: not a reception day -> no
    store.walk("P3", "2026-05-10", category="客戶接待日", item=None, hours=8)  # May: not in the population
    store.walk("P1", "2026-06-30", category="客戶接待日", item=None, hours=8)  # Jun: last day of the month -> yes
    store.walk("P2", "2026-06-03", category="客戶接待日", item=None, hours=4)  # Jun: a second person
    frame = compute_quota_results(store.con, 2026, as_of=AFTER, rules=["PROV-RECEPT-M"])
    got = {r.period: (r.population, r.participants, r.value, r.status) for r in frame.itertuples()}
    assert got["2026-01"] == (2, 0, 0, "missed")
    assert got["2026-02"] == (2, 1, 1, "met")
    assert got["2026-03"] == (2, 0, 0, "missed")
    assert got["2026-04"] == (2, 0, 0, "missed")
    assert got["2026-05"] == (2, 0, 0, "missed")
    assert got["2026-06"] == (2, 2, 2, "met")
    assert len(got) == 12 and frame["target"].eq(1).all() and frame["unit"].eq("count").all()
    owed = load_owed_people(store.con, "PROV-RECEPT-M", "2026-02")
    assert owed["employee_id"].tolist() == ["P1"]
    assert load_owed_people(store.con, "PROV-RECEPT-M", "2026-02", qualified=True)["employee_id"].tolist() == ["P2"]


def test_city_rules_quarter_boundaries_and_leader_in_city_under_province(store):
    store.staff("G0", "廣東省公司", rank="公司領導")
    store.staff("C1", "廣州市分公司", level="地市公司", parent="廣東省公司", rank="公司領導")
    store.staff("C2", "廣州市分公司", level="地市公司", parent="廣東省公司", rank="部門領導", department="網路部",
                department_type="支撐部門")
    store.staff("C3", "廣州市分公司", level="地市公司", parent="廣東省公司", rank="員工")
    store.staff("C4", "廣州市分公司", level="地市公司", parent="廣東省公司", rank="員工", department="網路部",
                department_type="支撐部門")
    store.walk("C1", "2026-03-31")  # Q1 (last day of the quarter)
    store.walk("C2", "2026-04-01")  # Q2 (first day)
    store.walk("C1", "2026-04-15", category="客戶接待日", item=None, hours=4)  # Q2 and April reception
    store.walk("C2", "2026-05-15", category="客戶接待日", item=None, hours=8)  # a 部門領導: not CITY-RECEPT-M
    store.walk("C3", "2026-01-20")
    frame = compute_quota_results(store.con, 2026, as_of=AFTER, rules=["CITY-MGR-Q", "CITY-DEPT-Q", "CITY-RECEPT-M"])
    mgr = {r.period: (r.population, r.participants, r.status) for r in frame[frame.rule == "CITY-MGR-Q"].itertuples()}
    # leaders C1, C2: Q1 only C1 (1/2 missed); Q2 both (2/2 met); Q3, Q4 nobody
    assert mgr == {"2026Q1": (2, 1, "missed"), "2026Q2": (2, 2, "met"), "2026Q3": (2, 0, "missed"),
                   "2026Q4": (2, 0, "missed")}
    dept = result(frame, "CITY-DEPT-Q", "2026Q1", "廣州市分公司", "市場部")  # C1, C3 of {C1, C3}: 2/2
    assert (dept.population, dept.participants, dept.status) == (2, 2, "met")
    net = result(frame, "CITY-DEPT-Q", "2026Q2", "廣州市分公司", "網路部")  # C2 of {C2, C4}: 1/2 = 50 % met
    assert (net.population, net.participants, net.status) == (2, 1, "met")
    net_q3 = result(frame, "CITY-DEPT-Q", "2026Q3", "廣州市分公司", "網路部")  # 0/2
    assert (net_q3.participants, net_q3.status) == (0, "missed")
    recept = {r.period: (r.population, r.participants) for r in frame[frame.rule == "CITY-RECEPT-M"].itertuples()}
    assert recept["2026-04"] == (1, 1) and recept["2026-05"] == (1, 0)  # population: C1 only
    assert set(frame["company"]) == {"廣州市分公司"}  # the province is not a city


def test_city_without_company_leader_is_na_for_reception(store):
    store.staff("C2", "佛山市分公司", level="地市公司", parent="廣東省公司", rank="部門領導")
    frame = compute_quota_results(store.con, 2026, as_of=AFTER, rules=["CITY-RECEPT-M"])
    assert len(frame) == 12 and frame["status"].eq("n/a").all() and frame["population"].eq(0).all()


def test_roster_snapshot_changes_mid_year(store):
    # Jan snapshot of 深圳: A, B, X; Jul snapshot: B, D (A left, D joined, X moved to 珠海 in Jul)
    for who in ("A", "B", "X"):
        store.staff(who, "深圳市分公司", level="地市公司", parent="廣東省公司", rank="部門領導", effective="2026-01-01")
    for who in ("B", "D"):
        store.staff(who, "深圳市分公司", level="地市公司", parent="廣東省公司", rank="部門領導", effective="2026-07-01")
    store.staff("X", "珠海市分公司", level="地市公司", parent="廣東省公司", rank="部門領導", effective="2026-07-01")
    store.staff("Z", "珠海市分公司", level="地市公司", parent="廣東省公司", rank="公司領導", effective="2026-03-01")
    for who, day in (("A", "2026-02-01"), ("X", "2026-03-01"), ("D", "2026-08-01"), ("X", "2026-08-02")):
        store.walk(who, day)
    frame = compute_quota_results(store.con, 2026, as_of=AFTER, rules=["CITY-MGR-Q"])
    sz = {r.period: (r.population, r.participants, str(r.snapshot_date)[:10])
          for r in frame[frame.company == "深圳市分公司"].itertuples()}
    # Q1, Q2 use the Jan snapshot {A, B, X}: Q1 A and X went -> 2/3. Q3, Q4 use Jul {B, D}: Q3 D went -> 1/2.
    assert sz == {"2026Q1": (3, 2, "2026-01-01"), "2026Q2": (3, 0, "2026-01-01"),
                  "2026Q3": (2, 1, "2026-07-01"), "2026Q4": (2, 0, "2026-07-01")}
    zh = {r.period: (r.population, r.participants, str(r.snapshot_date)[:10])
          for r in frame[frame.company == "珠海市分公司"].itertuples()}
    # 珠海: snapshots 03-01 {Z} and 07-01 {X}; Q1 ends 03-31 -> 03-01 snapshot; Q3 X went (08-02) -> 1/1 met.
    # (珠海 re-imports only X on 07-01, so Z is not in its 07-01 snapshot.)
    assert zh == {"2026Q1": (1, 0, "2026-03-01"), "2026Q2": (1, 0, "2026-03-01"),
                  "2026Q3": (1, 1, "2026-07-01"), "2026Q4": (1, 0, "2026-07-01")}


def test_company_whose_first_snapshot_is_after_the_period_uses_its_earliest(store):
    store.staff("L", "湖南省公司", rank="公司領導", effective="2026-05-01")
    store.walk("L", "2026-01-20", category="客戶接待日", item=None, hours=4)
    frame = compute_quota_results(store.con, 2026, as_of=AFTER, rules=["PROV-RECEPT-M"])
    jan = result(frame, "PROV-RECEPT-M", "2026-01", "湖南省公司")  # no snapshot <= 01-31: earliest (05-01)
    assert (jan.population, jan.participants, jan.status, str(jan.snapshot_date)[:10]) == (1, 1, "met", "2026-05-01")


def test_status_as_of_before_inside_on_last_day_and_after(store):
    store.staff("C1", "廣州市分公司", level="地市公司", parent="廣東省公司", rank="公司領導")
    store.walk("C1", "2026-02-01")

    def q(as_of, period):
        frame = compute_quota_results(store.con, 2026, as_of=as_of, rules=["CITY-MGR-Q"])
        return frame[frame.period == period].iloc[0].status

    # SPEC 4.5 (issue #11): the 02-01 walk has not happened on 01-15, so Q1 is not met yet (this line used to
    # expect "met regardless of the as-of date"); on 02-01 itself it counts.
    assert q(dt.date(2026, 1, 15), "2026Q1") == "in_progress"
    assert q(dt.date(2026, 2, 1), "2026Q1") == "met"
    assert q(dt.date(2026, 1, 15), "2026Q2") == "in_progress"  # before the period
    assert q(dt.date(2026, 5, 15), "2026Q2") == "in_progress"  # inside
    assert q(dt.date(2026, 6, 29), "2026Q2") == "in_progress"  # the day before the last day
    assert q(dt.date(2026, 6, 30), "2026Q2") == "missed"  # last day is not after the as-of date
    assert q(dt.date(2026, 7, 1), "2026Q2") == "missed"


def test_scope_accepts_simplified_spelling_and_rolls_up(store):
    store.staff("G0", "廣東省公司", rank="公司領導")
    store.staff("C1", "廣州市分公司", level="地市公司", parent="廣東省公司", rank="公司領導")
    store.staff("H0", "湖南省公司", rank="公司領導")
    store.staff("HQ", "總部", level="總部", rank="部門領導")
    companies = lambda scope: set(compute_quota_results(store.con, 2026, as_of=AFTER, scope=scope)["company"])  # noqa: E731
    assert companies("广东省公司") == {"廣東省公司", "廣州市分公司"}
    assert companies("广州市分公司") == {"廣州市分公司"}
    assert companies("總部") == {"總部", "廣東省公司", "廣州市分公司", "湖南省公司"} == companies(None)
    with pytest.raises(UnknownCompany):
        compute_quota_results(store.con, 2026, as_of=AFTER, scope="北京市分公司")


def test_owed_people_names_and_errors(store):
    store.staff("C1", "廣州市分公司", level="地市公司", parent="廣東省公司", rank="公司領導", name="張三")
    store.staff("C2", "廣州市分公司", level="地市公司", parent="廣東省公司", rank="部門領導", name="李四",
                department="網路部")
    store.walk("C1", "2026-07-07")
    owed = load_owed_people(store.con, "city-mgr-q", "2026Q3", company="广州市分公司")
    assert owed[["employee_id", "name", "company", "department", "rank"]].values.tolist() == [
        ["C2", "李四", "廣州市分公司", "網路部", "部門領導"]]
    with pytest.raises(UnknownRule):
        load_owed_people(store.con, "CITY-MGR-Y", "2026")
    with pytest.raises(UnknownRule):
        load_owed_people(store.con, "CITY-MGR-Q", "2026-07")  # a month for a quarterly rule
    with pytest.raises(UnknownPeriod):
        load_owed_people(store.con, "CITY-MGR-Q", "2026Q9")
    with pytest.raises(UnknownCompany):
        load_owed_people(store.con, "CITY-MGR-Q", "2026Q3", company="不存在公司")


def test_only_roster_ids_count(store):
    store.staff("C1", "廣州市分公司", level="地市公司", parent="廣東省公司", rank="公司領導")
    store.walk("NOTONROSTER", "2026-02-01")
    frame = compute_quota_results(store.con, 2026, as_of=AFTER, rules=["CITY-MGR-Q"])
    assert frame["participants"].sum() == 0 and frame["population"].tolist() == [1, 1, 1, 1]
