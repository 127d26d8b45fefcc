"""總覽 Overview (issue #4 item 1): headline figures against the previous period, trend, laggards; the welcome."""

from __future__ import annotations

from tests.pages.conftest import open_page, texts

Q2 = {"period": "2026Q2", "kind": "quarter", "as_of": "2026-06-30"}


def _metrics(at) -> dict[str, tuple[str, str]]:
    return {m.label: (m.value, m.delta) for m in at.metric}


def test_headline_figures_of_a_quarter_against_the_previous_one(sample_db, use_db):
    use_db(sample_db)
    at = open_page(**Q2)
    assert not at.exception
    assert not at.error
    m = _metrics(at)
    # Q2: A3 (Apr 15), A4 (Apr 16), A5 (May 5, X999 off the roster but counted in volume) = 3 activities, 3 rows,
    # 3 people. Q1: A1 (2 people) + A2 = 2 activities, 3 rows, 3 people -> +1, +0, +0.
    assert m["穿越活動"] == ("3", "+1")
    assert m["參與人次"] == ("3", "+0")
    assert m["參與人數"] == ("3", "+0")
    # issues raised up to 06-30 (I1, I2, I3) minus up to 03-31 (I1) = 2; closed I1 of 3 = 33.3 %;
    # overdue at 06-30: I2 (due 05-31, 處理中); I3 is due 07-31
    # Q1: I1 only (raised 03-12; nothing before March, the first month with data) -> +1;
    # overdue at 03-31: none (I1 due 04-30) -> +1
    assert m["提出問題建議"] == ("2", "+1")
    assert m["問題解決率"][0] == "33.3%"
    assert m["逾期未解決"] == ("1", "+1")
    # quota results inside Q2 as of 06-30 (every one has ended by 06-30):
    # met: CITY-DEPT-Q Q2 (C001 + C003 of 4 = 50 %); missed: CITY-MGR-Q Q2 (C001 of C001/C002),
    # PROV-RECEPT-M Apr/May/Jun (P001's reception day was in March), CITY-RECEPT-M Apr/May/Jun -> 7
    # each count beside the 8 evaluated results (1 met + 7 missed, nothing in progress) with its share under it
    # (issue #16 item 4): 1/8 = 12.5 % and 7/8 = 87.5 % shown whole (Python rounds half to even: 12 %, 88 %)
    assert m["配額達標"] == ("1 / 8", "佔 12%")
    assert m["未達標"] == ("7 / 8", "佔 88%")
    assert m["進行中有風險"] == ("0 / 8", "佔 0%")


def test_laggards_list_the_lowest_values_first(sample_db, use_db):
    use_db(sample_db)
    at = open_page(**Q2)
    table = at.dataframe[0].value
    # six count results with 0 qualifying people come before CITY-MGR-Q at 50 %; at equal value the larger
    # population first: PROV-RECEPT-M counts P001 + P002 (2), CITY-RECEPT-M only C001 (1)
    # rows read the rule's short name (issue #16.4): PROV-RECEPT-M, CITY-RECEPT-M, CITY-MGR-Q
    assert list(table["規則"]) == ["省公司每月接待日"] * 3 + ["地市每月接待日"] * 3 + ["地市經理每季一次"]
    assert list(table["達成"]) == ["0"] * 6 + ["50%"]
    assert list(table["單位"])[-1] == "海濱市分公司"


def test_scope_narrows_the_figures(sample_db, use_db):
    use_db(sample_db)
    at = open_page(scope="海滨市分公司", **Q2)
    m = _metrics(at)
    # 海濱市分公司 alone in Q2: A3 (C001) and A4 (C003); X999 is in no company
    assert m["穿越活動"][0] == "2"
    assert m["參與人數"][0] == "2"
    assert "海濱市分公司 · 2026年第2季" in texts(at)


def test_a_period_without_data_shows_zeros_and_no_error(sample_db, use_db):
    use_db(sample_db)
    at = open_page(period="2026-03", kind="month", as_of="2026-06-30", level="總部")
    assert not at.exception
    assert not at.error
    m = _metrics(at)
    # March: A1 (H002, H003) and A2 (P001); HQ's only quota results are yearly, so none lies inside March.
    # March is the first month with any data, so there is no change against February to show.
    assert m["穿越活動"] == ("2", "")
    assert m["配額達標"] == ("0 / 0", "")  # nothing to divide by: no share


def test_welcome_offers_the_template_and_the_demo(empty_db):
    at = open_page()
    assert not at.exception
    assert not at.error
    shown = texts(at)
    assert "① 下載範本" in shown and "② 匯入資料" in shown and "③ 先看示範資料" in shown
    assert at.button(key="load_demo").label == "載入示範資料"


def test_load_demo_button_runs_the_demo_command_and_shows_the_overview(empty_db, monkeypatch):
    """The welcome's button runs `python -m analytics demo --db <the dashboard's database>` (here a stand-in that
    imports conftest's workbook, so the test stays fast), clears the caches and shows the overview."""
    import subprocess

    from tests.pages.conftest import sample_workbook

    calls = []

    def fake_run(args, **kwargs):
        from analytics.store.importer import import_files

        calls.append(args)
        import_files([("sample.xlsx", sample_workbook())], db_path=args[args.index("--db") + 1], user="demo")
        return subprocess.CompletedProcess(args, 0, "", "")

    monkeypatch.setattr(subprocess, "run", fake_run)
    at = open_page(**Q2)
    at.button(key="load_demo").click().run()
    assert not at.exception
    assert calls and calls[0][1:4] == ["-m", "analytics", "demo"] and calls[0][-1] == str(empty_db)
    assert {m.label: m.value for m in at.metric}["穿越活動"] == "3"
