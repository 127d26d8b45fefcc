"""The planned-walks section of a lead department's reminder (SPEC 9, 4.6): upcoming individual plans of the
contact's own company whose notice deadline is within 3 days or has passed (the walk has not happened yet).

Own company only, like the people who owe a walkthrough (docs/reminders.md): each city's lead department has its own
contact. Plugged into ``run_reminders(planned_walks=...)`` by ``python -m analytics remind``.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from analytics.metrics.plans import UPCOMING_DAYS, upcoming_walks
from analytics.metrics.scope import ResolvedScope
from analytics.remind.content import PLAN_COLUMNS, Contact


def planned_walks_near_deadline(con: duckdb.DuckDBPyConnection, contact: Contact, as_of: dt.date) -> pd.DataFrame:
    coming = upcoming_walks(con, as_of=as_of, days=UPCOMING_DAYS,
                            scope=ResolvedScope(contact.company, (contact.company_key,)))
    near = coming[coming["notice_flag"].isin(("passed", "due_soon"))]
    return near.reindex(columns=PLAN_COLUMNS).reset_index(drop=True)
