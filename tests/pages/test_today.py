"""The default as-of date is today in the configured time zone (SPEC 4.5, issue #11 item 8).

The clock is fixed at 2026-12-06 23:30 UTC: in Beijing (UTC+8, no daylight saving) that is 2026-12-07 07:30, so
"today" is 2026-12-07; a server whose clock zone is UTC would still say 2026-12-06 until 08:00 Beijing time.
The CLI and the dashboard are also run at a second instant, 2027-03-31 20:00 UTC (2027-04-01 04:00 in Beijing), far
from the real date the tests run on, so a default taken from the machine's own clock cannot pass by chance.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from analytics import config
from analytics.cli import main
from tests.pages.conftest import open_page, texts

CLOCK = dt.datetime(2026, 12, 6, 23, 30, tzinfo=dt.UTC)
LATER = dt.datetime(2027, 3, 31, 20, 0, tzinfo=dt.UTC)


@pytest.fixture()
def fixed_clock(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(config, "_utc_now", lambda: CLOCK)
    monkeypatch.delenv(config.TZ_ENV, raising=False)


def test_today_is_the_date_in_shanghai_by_default(fixed_clock):
    assert config.today() == dt.date(2026, 12, 7)


def test_the_zone_is_configurable(fixed_clock, monkeypatch):
    monkeypatch.setenv(config.TZ_ENV, "UTC")
    assert config.today() == dt.date(2026, 12, 6)
    monkeypatch.setenv(config.TZ_ENV, "America/Los_Angeles")  # UTC-8 in December: 15:30 on the 6th
    assert config.today() == dt.date(2026, 12, 6)
    monkeypatch.setenv(config.TZ_ENV, "Asia/Tokyo")  # UTC+9: 08:30 on the 7th
    assert config.today() == dt.date(2026, 12, 7)


@pytest.mark.parametrize("bad", ["Mars/Olympus", "../../etc/passwd"])
def test_an_unknown_zone_is_refused_with_its_name(fixed_clock, monkeypatch, bad):
    from analytics.errors import UserFacingError

    monkeypatch.setenv(config.TZ_ENV, bad)
    with pytest.raises(UserFacingError, match="WALKTHROUGH_TZ") as caught:
        config.today()
    assert bad in str(caught.value)


def test_the_cli_defaults_to_the_configured_today(fixed_clock, sample_db, capsys):
    assert main(["issues", "--json", "--db", str(sample_db)]) == 0
    assert json.loads(capsys.readouterr().out)["as_of"] == "2026-12-07"
    assert main(["compliance", "--year", "2026", "--json", "--db", str(sample_db)]) == 0
    records = json.loads(capsys.readouterr().out)
    # every 2026 period has ended by 12-07 except December, whose month results are still in progress
    december = [r for r in records if r["period"] == "2026-12"]
    assert december and {r["status"] for r in december} <= {"in_progress", "n/a"}


def test_the_cli_follows_the_clock_not_the_machine_date(fixed_clock, monkeypatch, sample_db, capsys):
    monkeypatch.setattr(config, "_utc_now", lambda: LATER)
    assert main(["issues", "--json", "--db", str(sample_db)]) == 0
    assert json.loads(capsys.readouterr().out)["as_of"] == "2027-04-01"


@pytest.mark.parametrize(("clock", "shown"), [(CLOCK, "2026-12-07"), (LATER, "2027-04-01")])
def test_the_dashboard_defaults_to_the_configured_today(fixed_clock, monkeypatch, sample_db, use_db, clock, shown):
    monkeypatch.setattr(config, "_utc_now", lambda: clock)
    use_db(sample_db)
    at = open_page()
    assert not at.exception
    assert f"統計截至 {shown}" in texts(at)
