"""Generate a province's upward report and mark it submitted (SPEC 9.4).

Only the province's own lead department (role lead, company = the province) or an admin may submit; a local run
without users counts as the admin (SPEC 8). The submission records who, when, the as-of date and the data state
(the newest active import batch), and goes into the audit log.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from analytics.auth.model import ADMIN, LEAD, AuthError, User
from analytics.briefing import build_briefing, render
from analytics.i18n import t
from analytics.metrics.periods import parse_period
from analytics.metrics.quotas import compute_quota_results
from analytics.metrics.scope import load_companies, resolve_company_key
from analytics.report.datasheet import build_datasheet
from analytics.report.figures import (
    compute_scope_figures,
    default_as_of,
    province_and_cities,
    relevant_quota_results,
)
from analytics.report.sql import load_sql
from analytics.store.audit import record
from analytics.store.connection import connect


class ReportDenied(AuthError, PermissionError):
    """The user may not submit for this province."""


@dataclass
class UpwardReport:
    province_key: str
    province: str
    period: str
    as_of: dt.date
    batch_id: int | None
    briefing_docx: bytes
    datasheet_xlsx: bytes

    def file_names(self) -> dict[str, str]:
        stem = f"upward_report_{self.period}_{self.province}"
        return {"briefing": f"{stem}_briefing.docx", "datasheet": f"{stem}_data.xlsx"}


def can_submit(user: User | None, province_key: str) -> bool:
    if user is None or user.role == ADMIN:
        return True
    return user.role == LEAD and user.company_key == province_key


def build_upward_report(db_path: Path | str, province: str, period: str, *, as_of: dt.date | None = None,
                        lang: str = "zh-Hant") -> UpwardReport:
    """The report's two files for ``province`` (any spelling; must be a 省公司) and ``period``."""
    p = parse_period(period, lang)
    as_of = as_of or default_as_of(p)
    with connect(db_path, read_only=True) as con:
        key = resolve_company_key(con, province, lang)
        companies = load_companies(con)
        row = companies[companies["company_key"] == key].iloc[0]
        if row["level"] != "省公司":
            raise ReportDenied(t("report.err.not_province", lang, company=row["company"]))
        keys = province_and_cities(con, key)
        figures = compute_scope_figures(con, p, keys, as_of=as_of)
        results = relevant_quota_results(compute_quota_results(con, p.start.year, as_of=as_of, scope=key), p)
        batch_id = con.execute(load_sql("latest_active_batch")).fetchone()[0]
        briefing = build_briefing(con, p.code, scope=key, as_of=as_of, lang=lang)
    sheet = build_datasheet(figures, results, province=str(row["company"]), period=p.code, as_of=as_of,
                            batch_id=batch_id)
    return UpwardReport(key, str(row["company"]), p.code, as_of, batch_id, render(briefing, "docx"), sheet)


def submit_report(db_path: Path | str, report: UpwardReport, *, user: User | None, actor: str,
                  now: dt.datetime | None = None, lang: str = "zh-Hant") -> None:
    """Record the submission; refused (ReportDenied) unless ``user`` may submit for the report's province."""
    if not can_submit(user, report.province_key):
        raise ReportDenied(t("report.err.denied", lang, province=report.province))
    now = now or dt.datetime.now()
    names = report.file_names()
    with connect(db_path) as con:
        con.execute("begin transaction")
        con.execute(load_sql("submission_insert"), {
            "province_key": report.province_key, "province": report.province, "period": report.period,
            "submitted_at": now, "submitted_by": actor, "batch_id": report.batch_id, "as_of": report.as_of,
            "file_names": json.dumps(names, ensure_ascii=False)})
        record(con, actor, "report_submit", {"province": report.province, "period": report.period,
                                             "batch_id": report.batch_id, "as_of": report.as_of.isoformat()}, at=now)
        con.execute("commit")


def write_report(report: UpwardReport, out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    names = report.file_names()
    paths = [out_dir / names["briefing"], out_dir / names["datasheet"]]
    paths[0].write_bytes(report.briefing_docx)
    paths[1].write_bytes(report.datasheet_xlsx)
    return paths
