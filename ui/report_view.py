"""簡報 page, upward report (SPEC 9.4): a province's 上報總部 button, and 總部's 各省上報 section.

The rights live in analytics (analytics.report.submit.can_submit, analytics.report.ranking.may_see_ranking); this
module only decides what to draw and calls them, so a hand-made request cannot submit for another province.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics.briefing.cells import display
from analytics.report.ranking import RANK_FIGURES, compute_province_ranking, load_submissions, may_see_ranking
from analytics.report.submit import ReportDenied, build_upward_report, can_submit, submit_report
from ui.data import companies, loader
from ui.db import clear_caches, data_version, db_path, read
from ui.import_view import md_escape
from ui.session import current_user
from ui.state import Controls, format_period, tr
from ui.widgets import caption_safe

_RESULT_KEY = "report_submitted"
_REQUEST_KEY = "report_submit_requested"
_PCT = ("quota_share_met", "resolution_rate")


def _level_of(scope_key: str | None) -> str | None:
    if scope_key is None:
        return None
    tree = companies()
    match = tree.loc[tree["company_key"] == scope_key, "level"]
    return str(match.iloc[0]) if len(match) else None


def render_upward_report(c: Controls) -> None:
    """The section that fits the scope: a province → its report button; 總部 or everything → 各省上報."""
    level = _level_of(c.scope_key)
    if level == "省公司":
        render_submit(c)
    elif level in (None, "總部"):
        render_province_reports(c)


def render_submit(c: Controls) -> None:
    user = current_user()
    if not can_submit(user, c.scope_key or ""):
        return  # a viewer or a city's lead sees the briefing, not the button
    with st.container(border=True):
        st.subheader(tr("report.page.title"), anchor=False)
        caption_safe("report.page.caption", province=c.scope_name, period=format_period(c.period, c.lang))
        done = read(load_submissions, c.period)
        mine = done[done["province_key"] == c.scope_key]
        if len(mine):
            last = mine.iloc[0]
            caption_safe("report.page.last", at=pd.Timestamp(last["submitted_at"]).strftime("%Y-%m-%d %H:%M"),
                         who=last["submitted_by"], batch=last["batch_id"])
        else:
            st.caption(tr("report.page.not_yet"))
        # a callback, not the button's return value: the request survives a rerun that routing or sign-in may add
        st.button(tr("report.page.submit"), type="primary", icon=":material/outbox:", key="report_submit",
                  on_click=_request_submit, args=(c.scope_key, c.period))
        if st.session_state.pop(_REQUEST_KEY, None) == (c.scope_key, c.period):
            try:
                report = build_upward_report(db_path(), c.scope_key, c.period, as_of=c.as_of, lang=c.lang)
                actor = user.username if user is not None else "local"
                submit_report(db_path(), report, user=user, actor=actor, lang=c.lang)
                clear_caches()  # 總部's ranking shows the submission (the one invalidation point after a commit)
            except ReportDenied as exc:
                st.error(md_escape(str(exc)), icon=":material/block:")
                return
            st.session_state[_RESULT_KEY] = report
            st.rerun()
        report = st.session_state.get(_RESULT_KEY)
        if report is not None and report.province_key == c.scope_key and report.period == c.period:
            st.success(tr("report.page.done", province=md_escape(report.province), period=report.period,
                          at=report.as_of.isoformat(), batch=report.batch_id), icon=":material/check_circle:")
            names = report.file_names()
            left, right = st.columns(2)
            left.download_button(tr("report.page.download_brief"), report.briefing_docx, file_name=names["briefing"],
                                 key="report_dl_docx", on_click="ignore", width="stretch")
            right.download_button(tr("report.page.download_sheet"), report.datasheet_xlsx,
                                  file_name=names["datasheet"], key="report_dl_xlsx", on_click="ignore",
                                  width="stretch")


def _change(value: object, fmt: str) -> str:
    if fmt == "num" and not pd.isna(value):
        return f"{float(value):+,.1f}"
    return display(value, "d" + fmt)


def _request_submit(scope_key: str | None, period: str) -> None:
    st.session_state[_REQUEST_KEY] = (scope_key, period)


def ranking_frame(ranking: pd.DataFrame) -> pd.DataFrame:
    """The ranking with translated headers; rates as percentages, changes signed."""
    out = {tr("report.col.rank"): ranking["rank"].astype(int), tr("report.col.company"): ranking["company"],
           tr("report.col.submitted"): [tr("report.yes") if s else tr("report.no") for s in ranking["submitted"]],
           tr("report.col.submitted_at"): [("" if pd.isna(v) else pd.Timestamp(v).strftime("%Y-%m-%d %H:%M"))
                                           for v in ranking["submitted_at"]],
           tr("report.col.submitted_by"): [("" if pd.isna(v) else str(v)) for v in ranking["submitted_by"]]}
    for figure in RANK_FIGURES:
        fmt = "pct" if figure in _PCT else "int" if figure == "issues_overdue" else "num"
        label = tr(f"report.col.{figure}")
        out[label] = [display(v, fmt) for v in ranking[figure]]
        out[tr("report.col.change", figure=label)] = [_change(v, fmt) for v in ranking[f"{figure}_change"]]
    return pd.DataFrame(out)


def render_province_reports(c: Controls) -> None:
    user = current_user()
    if not read(may_see_ranking, user):
        return
    st.subheader(tr("report.hq.title"), anchor=False)
    ranking = _ranking(data_version(), c.period, user, c.as_of, c.lang)
    if ranking.empty:
        st.info(tr("report.hq.empty"), icon=":material/info:")
        return
    from analytics.metrics.periods import previous_period

    caption_safe("report.hq.caption", period=format_period(c.period, c.lang), n=len(ranking),
                 done=int(ranking["submitted"].sum()), previous=format_period(previous_period(c.period).code, c.lang))
    st.dataframe(ranking_frame(ranking), hide_index=True, width="stretch", key="report_ranking")


@loader
def _ranking(version: tuple, period: str, user, as_of, lang: str) -> pd.DataFrame:
    """compute_province_ranking for 總部 (the user is part of the key: it decides what may be seen)."""
    return read(compute_province_ranking, period, user=user, as_of=as_of, lang=lang)
