"""Property: rolling back the newest active batch always restores the state before it (SPEC 2.5), whatever the
sequence of roster / log / issue files before it."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analytics.store.batches import rollback_batch
from analytics.store.importer import commit_parsed
from tests.store.conftest import state
from tests.store.factory import issue_row, parsed, roster_row, walk_row

IDS = ["001", "002", "003"]
STATUSES = ["待處理", "處理中", "已解決"]

roster_rows = st.lists(st.tuples(st.sampled_from(IDS), st.sampled_from(["員工", "部門領導"]),
                                 st.sampled_from([dt.date(2026, 1, 1), dt.date(2026, 7, 1)])),
                       max_size=3, unique_by=lambda r: (r[0], r[2]))
walk_rows = st.lists(st.tuples(st.sampled_from(IDS), st.sampled_from(["A1", "A2"]), st.sampled_from([1.0, 4.0])),
                     max_size=3, unique_by=lambda r: (r[0], r[1]))
issue_rows = st.lists(st.tuples(st.sampled_from(["I1", "I2"]), st.sampled_from(STATUSES)), max_size=2,
                      unique_by=lambda r: r[0])
files = st.lists(st.tuples(roster_rows, walk_rows, issue_rows), min_size=1, max_size=4)


@pytest.mark.slow
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files)
def test_rolling_back_the_newest_batch_restores_the_previous_state(sequence):
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "w.duckdb"
        states = [state(db)] if db.exists() else []
        batch_ids = []
        for n, (ro, wa, iss) in enumerate(sequence):
            content = f"file {n}".encode()
            pf = parsed(f"f{n}.xlsx", content,
                        roster=[roster_row(e, "張三", rank=r, effective_date=d) for e, r, d in ro] or None,
                        walkthroughs=[walk_row(e, a, hours=h) for e, a, h in wa] or None,
                        issues=[issue_row(i, s) for i, s in iss] or None)
            if not states:
                commit_parsed(parsed("empty.xlsx", b"empty"), b"empty", db_path=db, user="t")
                states.append(state(db))
            result = commit_parsed(pf, content, db_path=db, user="t", now=dt.datetime(2026, 1, 1 + n))
            batch_ids.append(result.batch_id)
            states.append(state(db))
        for batch_id in reversed(batch_ids):  # newest first: never refused, each restores the state before it
            outcome = rollback_batch(db, batch_id, user="t")
            assert outcome.ok, outcome.message
            states.pop()
            assert state(db) == states[-1]
