"""Issue #12 findings 2 and 4 through the running pages, signed in as the 東海省公司 lead (test_import_scope's set-up).

Batches of lead_db: 1 sample.xlsx (總部, 東海省公司, 海濱市分公司 — conftest's sample), 2 south.xlsx (南嶺省公司,
南城市分公司). Neither lies wholly in 東海's scope, so 匯入紀錄 lists nothing for the lead until it imports its own
file; the attack roster (東海省公司 re-levelled to 總部) is refused row by row and changes no scope.
"""

from __future__ import annotations

import datetime as dt

from tests.pages.conftest import ROSTER, workbook_bytes
from tests.pages.test_import_scope import HEADER, D, lead_db, signed_in_import_page, upload_and_commit

__all__ = ["lead_db"]  # the fixture, imported for pytest


def _to_batches(at):
    at.switch_page("pages/batches.py")
    at.run()
    assert not at.exception, at.exception
    return at


def test_the_lead_sees_and_downloads_only_its_own_scopes_batches(lead_db):
    at = _to_batches(signed_in_import_page())
    assert not at.dataframe  # batches 1 and 2 touch companies outside 東海's scope
    at.session_state["batches_selected"] = 2  # a remembered selection cannot open another company's batch
    at.run()
    assert not at.get("download_button") and not [b for b in at.button if b.key == "rollback_2"]
    at.switch_page("pages/data_import.py")
    at.run()
    roster = [HEADER, ("E201", "山城員工", "山城市分公司", "地市公司", "東海省公司", "服務部", "主要業務部門", "員工", D)]
    assert upload_and_commit(at, "own.xlsx", workbook_bytes({"名冊": roster})) == ""
    _to_batches(at)
    assert list(at.dataframe[0].value["批次"]) == [3]
    at.session_state["batches_selected"] = 3
    at.run()
    assert [b.label for b in at.get("download_button")] == ["下載原始檔案"]


def test_the_lead_cannot_relevel_its_company_from_the_upload_page(lead_db):
    from analytics.metrics.scope import load_companies
    from analytics.store.connection import connect

    at = signed_in_import_page()
    own = next(r for r in ROSTER if r[2] == "東海省公司")
    attack = [HEADER, own[:3] + ("總部",) + own[4:8] + (dt.date(2026, 12, 1),)]
    upload_and_commit(at, "attack.xlsx", workbook_bytes({"名冊": attack}))
    shown = "\n".join(str(m.value) for m in at.markdown)
    assert "attack\\.xlsx** · :red-badge[未匯入]" in shown
    with connect(lead_db, read_only=True) as con:
        levels = dict(load_companies(con)[["company_key", "level"]].itertuples(index=False, name=None))
    assert levels["东海省公司"] == "省公司"  # match_key folds to Simplified
    assert at.session_state["_import_results"][0].problems[0].code == "store.no_valid_rows"
    assert [p.code for p in at.session_state["_import_results"][0].problems if p.severity == "error"][-1] == (
        "store.scope.roster_level")
