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
# Every other colour the product draws with, by use (issue #13 item 8: no hex colour outside this module).
PRIMARY = "#0B5CAD"  # the brand blue: .streamlit/config.toml primaryColor, titles on slides
MUTED = "#5F6B7A"  # notes and captions
WHITE = "#FFFFFF"  # text on a status fill; a cell without status
TABLE_HEADER = "#E8EEF7"  # briefing table headers (slides, workbook, the page's preview)
SHEET_HEADER = "#DDEBF7"  # header rows of the workbooks people fill in or read (template, demo files, datasheet)
SHEET_REQUIRED = "#FCE4D6"  # the template's required columns
NA_FILL = "#E9ECEF"  # no value / not yet: a cell of the discipline heatmap without data, a future month
RATE_MID = "#F6C453"  # the discipline heatmap's colour scale between missed (red) and met (green)
RATE_GOOD = "#A5D6A7"
AGE_LATE = "#D9622B"  # the issue age band between at risk and missed
BORDER = "#999999"  # table borders in the reminder e-mail
