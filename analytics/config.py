"""Where things live, and what day it is.

The environment variable ``WALKTHROUGH_DB`` overrides the default database (SPEC 5); ``WALKTHROUGH_TZ`` names the
time zone whose calendar date is "today" (SPEC 4.5: default Asia/Shanghai, not the server's clock zone).
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = PROJECT_ROOT / "data" / "walkthrough.duckdb"
TZ_ENV = "WALKTHROUGH_TZ"
DEFAULT_TZ = "Asia/Shanghai"


def default_db_path() -> Path:
    return Path(os.environ.get("WALKTHROUGH_DB") or DEFAULT_DB)


def archive_dir(db_path: Path) -> Path:
    """Archived originals of imported files live beside the database, addressed by SHA-256."""
    return Path(db_path).parent / (Path(db_path).stem + ".archive")


def time_zone() -> ZoneInfo:
    """The zone of ``$WALKTHROUGH_TZ`` (an IANA name such as Asia/Shanghai), else Asia/Shanghai.

    An unknown name is refused with a message naming it (a typo must not silently fall back to another calendar).
    """
    from analytics.errors import UserFacingError
    from analytics.i18n import t

    name = (os.environ.get(TZ_ENV) or "").strip() or DEFAULT_TZ
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise UserFacingError(t("common.bad_time_zone", value=name, env=TZ_ENV, default=DEFAULT_TZ)) from exc


def _utc_now() -> dt.datetime:
    """The current instant (a seam for tests that fix the clock)."""
    return dt.datetime.now(dt.UTC)


def today() -> dt.date:
    """Today's calendar date in the configured time zone: the default as-of date everywhere (SPEC 4.5).

    The server may keep UTC: at 2026-12-06 23:30 UTC it is already 2026-12-07 in Beijing, and an executive asking
    for "today" means the Beijing date.
    """
    return _utc_now().astimezone(time_zone()).date()
