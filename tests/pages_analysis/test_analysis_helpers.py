"""The presentation helpers shared by the analysis pages (ui/analysis_data.py)."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ui.analysis_data import filter_rows, plot_text, present


def test_filter_folds_script_width_and_case():
    frame = pd.DataFrame({"id": ["WT-001", "WT-002", "wt-003"], "owner": ["廣州市分公司", "广东省公司", None],
                          "due": [dt.date(2026, 4, 1), None, dt.date(2026, 5, 1)]})
    assert filter_rows(frame, "廣東")["id"].tolist() == ["WT-002"]  # Traditional finds the Simplified spelling
    assert filter_rows(frame, "广州")["id"].tolist() == ["WT-001"]  # and the other way round
    assert filter_rows(frame, "ｗｔ-00")["id"].tolist() == ["WT-001", "WT-002", "wt-003"]  # full width, any case
    assert filter_rows(frame, "2026-05")["id"].tolist() == ["wt-003"]  # dates are searchable as shown
    assert filter_rows(frame, "  ").equals(frame)  # blank: everything
    assert filter_rows(frame, "上海").empty


def test_present_translates_headers_terms_and_yes_no():
    frame = pd.DataFrame({"status": ["處理中", None], "copy_sent": [True, pd.NA], "when": pd.to_datetime(
        ["2026-01-21", "2026-02-01"])})
    columns = [("status", "ui.an.col.status", "status"), ("copy_sent", "ui.an.col.copy_sent", "yesno"),
               ("when", "ui.an.col.due_on", None), ("absent", "ui.an.col.value", None)]
    shown = present(frame, columns, "en")
    assert list(shown.columns) == ["Status", "Copy sent", "Due on"]  # a column the frame lacks is skipped
    assert shown.values.tolist() == [["In progress", "Yes", dt.date(2026, 1, 21)], ["", "", dt.date(2026, 2, 1)]]
    assert present(frame, columns, "zh-Hans").columns.tolist() == ["状态", "记录已交被穿越单位", "计划完成日期"]


def test_plot_text_escapes_markup():
    assert plot_text("<b>總部</b> & 市場部") == "&lt;b&gt;總部&lt;/b&gt; &amp; 市場部"
    assert plot_text(None) == ""


def _long_list_page():
    import pandas as pd
    import streamlit as st

    from ui.widgets import long_table

    long_table(pd.DataFrame({"n": range(int(st.query_params.get("rows", "0")))}), key="t")


def test_long_list_sends_the_first_thousand_rows_and_says_so():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_function(_long_list_page)
    at.query_params["rows"] = "2500"
    at.run()
    assert not at.exception
    assert at.dataframe[0].value["n"].tolist() == list(range(1000))  # the first rows, in the caller's order
    assert [c.value for c in at.caption] == [
        "表中列出前 1,000 行（共 2,500 行，已按緊急程度排序）；以上方搜尋縮小範圍，下載檔含全部 2,500 行。"]

    at = AppTest.from_function(_long_list_page)
    at.query_params["rows"] = "1000"
    at.run()
    assert len(at.dataframe[0].value) == 1000 and len(at.caption) == 0  # a list that fits needs no note
