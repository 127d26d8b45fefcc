"""Issue status as of a date on the demo (SPEC 4.5, issue #11 item 2): the figures of the issues CLI, the briefing
and the open-issue trend equal a plain recomputation from the stored rows and the status history.

The issue quoted 1895 closed / 1104 open / 63.2 % as of 2026-09-30 on the demo of its day; the demo has changed
since: the recomputation below gives 1882 / 1117 / 62.8 %, and the trend's end of September is the same 1117.
"""

from __future__ import annotations

import datetime as dt
import json

from analytics.briefing import build_briefing
from analytics.cli import main
from analytics.metrics.issues import compute_issue_summary, compute_open_trend

SEP = dt.date(2026, 9, 30)

# Independent of issue_state.sql: closed on D = 解決日期 <= D when it has one, else the latest status recorded by
# the end of D is closed (every demo issue has history: each arrives through an import).
ORACLE = """
with h as (
    select issue_id, arg_max(new_status, changed_at) as st
    from issue_status_history where changed_at < ?::date + 1 group by issue_id
)
select count(*) as total,
       count(*) filter (where case when i.status in ('已解決', '已關閉') and i.resolved_on is not null
                               then i.resolved_on <= ? else coalesce(h.st in ('已解決', '已關閉'), false) end) as closed
from issues as i left join h using (issue_id)
where i.raised_on <= ?
"""


def _oracle(con, day: dt.date) -> tuple[int, int]:
    total, closed = con.execute(ORACLE, [day, day, day]).fetchone()
    return int(total), int(closed)


def test_as_of_september_every_reader_agrees_with_the_recomputation(demo, con, capsys):
    total, closed = _oracle(con, SEP)
    assert (total, closed) == (2999, 1882)
    assert main(["issues", "--as-of", SEP.isoformat(), "--json", "--db", str(demo.db_path)]) == 0
    cli = json.loads(capsys.readouterr().out)
    assert (cli["total"], cli["closed"], cli["open"]) == (2999, 1882, 1117)
    assert round(cli["resolution_rate"] * 100, 1) == 62.8
    figures = build_briefing(con, "2026Q3", as_of=SEP).section("resolution").tables[0].frame.iloc[0]
    assert (figures["問題總數"], figures["已結案"], figures["未結案"]) == (2999, 1882, 1117)
    trend = compute_open_trend(con, start=dt.date(2026, 1, 1), end=SEP)
    assert int(trend.iloc[-1]["open"]) == 1117


def test_quarter_on_quarter_change_uses_the_state_at_both_ends(con):
    jun = dt.date(2026, 6, 30)
    total_jun, closed_jun = _oracle(con, jun)
    total_sep, closed_sep = _oracle(con, SEP)
    got_jun, got_sep = compute_issue_summary(con, jun), compute_issue_summary(con, SEP)
    assert (got_jun["total"], got_jun["closed"]) == (total_jun, closed_jun) == (2039, 1135)
    change = got_sep["resolution_rate"] - got_jun["resolution_rate"]
    # 1882 / 2999 - 1135 / 2039 = 62.75 % - 55.66 % = +7.1 points (the issue measured +7.2 on its demo; today's
    # status at both ends had shown a fall)
    assert round(change * 100, 1) == round((closed_sep / total_sep - closed_jun / total_jun) * 100, 1) == 7.1
