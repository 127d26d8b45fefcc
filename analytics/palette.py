"""The colours shared by the dashboard (ui/theme.py) and the briefing (analytics/briefing/charts.py).

Kept here, not in ui/, because analytics/ may not import ui/ (tests/test_layering.py): a status then reads the same
on screen and on paper (met green, in progress / on track blue, at risk amber, missed red, n/a grey).
"""

from __future__ import annotations

# Quota statuses of SPEC 4.1 plus the pace verdicts (on_track / at_risk / not_started) of the projection.
STATUS_COLORS: dict[str, str] = {
    "met": "#2E7D32",
    "in_progress": "#1F6FD1",
    "on_track": "#1F6FD1",
    "not_started": "#8FB3E6",
    "at_risk": "#E0A100",
    "missed": "#C62828",
    "n/a": "#A7AFB8",
}
# A qualitative palette for categories (walkthrough categories, items, issue categories).
SERIES_COLORS: tuple[str, ...] = (
    "#0B5CAD", "#2AA198", "#E0A100", "#C05A8B", "#6C5CE7", "#3D9970", "#D9622B", "#7A8B99", "#1F9BD1", "#A3B536",
)
TEXT = "#1F2A37"  # chart text
GRID = "#E6EAF0"  # grid and axis lines
