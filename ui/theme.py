"""One look for every page: status colours, the Plotly layout with CJK fonts, number formats.

The status colours are used by the heatmap, badges, charts and the briefing alike, so a status reads the same
everywhere (met green, in progress / on track blue, at risk amber, missed red, n/a grey).
"""

from __future__ import annotations

from typing import Any

# STATUS_COLORS is re-exported: the pages take every colour from here
from analytics.missing import is_missing
from analytics.palette import GRID, MUTED, PRIMARY, SERIES_COLORS, TEXT  # noqa: F401 - pages take colours from here
from analytics.palette import STATUS_COLORS as STATUS_COLORS

FONT_FAMILY = '"Noto Sans CJK TC", "Noto Sans CJK SC", "Microsoft JhengHei", "PingFang TC", sans-serif'


# Streamlit badge / markdown colour names for the same statuses (st.badge accepts these names).
STATUS_BADGE_COLORS: dict[str, str] = {
    "met": "green",
    "in_progress": "blue",
    "on_track": "blue",
    "not_started": "blue",
    "at_risk": "orange",
    "missed": "red",
    "n/a": "gray",
}
# Order in which statuses are listed in legends and counted in headlines.
STATUS_ORDER: tuple[str, ...] = ("met", "in_progress", "on_track", "at_risk", "missed", "n/a")


def plotly_layout(*, title: str | None = None, height: int | None = 360, **overrides: Any) -> dict[str, Any]:
    """Keyword arguments for ``fig.update_layout``: CJK font, white background, compact margins, legend on top."""
    layout: dict[str, Any] = {
        "font": {"family": FONT_FAMILY, "size": 13, "color": TEXT},
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "margin": {"l": 10, "r": 10, "t": 48 if title else 16, "b": 10},
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "xanchor": "left", "x": 0, "title": None},
        "hoverlabel": {"font": {"family": FONT_FAMILY}},
        "colorway": list(SERIES_COLORS),
    }
    if title:
        layout["title"] = {"text": title, "x": 0, "xanchor": "left", "font": {"size": 16}}
    if height:
        layout["height"] = height
    layout.update(overrides)
    return layout


def style_figure(fig: Any, *, title: str | None = None, height: int | None = 360, **overrides: Any) -> Any:
    """Apply :func:`plotly_layout` and light grid lines to ``fig``; returns the figure for chaining."""
    fig.update_layout(**plotly_layout(title=title, height=height, **overrides))
    fig.update_xaxes(showgrid=False, linecolor=GRID, automargin=True)
    fig.update_yaxes(gridcolor=GRID, zeroline=False, automargin=True)
    return fig


def fmt_int(value: Any) -> str:
    """``12,345``; a dash for a missing value."""
    return "—" if is_missing(value) else f"{int(round(float(value))):,}"


def fmt_pct(value: Any, digits: int = 1) -> str:
    """A share 0..1 as ``45.0%``; a dash for a missing value."""
    return "—" if is_missing(value) else f"{float(value) * 100:.{digits}f}%"


def fmt_num(value: Any, digits: int = 1) -> str:
    """A number with ``digits`` decimals (days, hours); a dash for a missing value."""
    return "—" if is_missing(value) else f"{float(value):,.{digits}f}"


def fmt_delta_int(current: Any, previous: Any) -> str | None:
    """The change ``+3`` / ``-2`` for st.metric; None when there is nothing to compare with."""
    if is_missing(current) or is_missing(previous):
        return None
    diff = int(round(float(current) - float(previous)))
    return f"{diff:+,}"


def fmt_delta_pct_points(current: Any, previous: Any) -> str | None:
    """The change of a share in percentage points, ``+4.2 pp``; None when not comparable."""
    if is_missing(current) or is_missing(previous):
        return None
    return f"{(float(current) - float(previous)) * 100:+.1f} pp"


def month_ticks(periods: list[str], lang: str) -> list[str]:
    """Short axis labels for a run of months (``YYYY-MM``): ``12月`` / ``Dec``, the year under the first month and
    under each January (``1月<br>2026年``).

    Twelve full labels (``2026年11月``) on a chart half the page wide overlapped even when Plotly tilted them
    (issue #16 item 8); the short ones fit upright and the year is still read where it changes.
    """
    from analytics.i18n import t
    from analytics.i18n.formats import month_short

    labels = []
    for i, period in enumerate(periods):
        year, month = int(period[:4]), int(period[5:7])
        short = month_short(month, lang)  # Babel's month names, as every other month label (#13 item 5)
        if i == 0 or month == 1:
            short += "<br>" + (str(year) if lang == "en" else t("ui.period.year_fmt", lang, year=year))
        labels.append(short)
    return labels


def whole_number_axis(fig: Any, values: Any, axis: str = "y") -> Any:
    """Steps of 1 on a count axis whose largest value is small; Plotly's own steps are whole from 10 up.

    Left to itself Plotly labels an axis up to 2 in steps of 0.25 and up to 5 in steps of 0.5: a count of issues
    or walks read as 0.25 of one (issue #16 item 8).
    """
    numbers = [float(v) for v in values if not is_missing(v)]
    top = max(numbers, default=0)
    # the first axis only: a second axis of shares (a Pareto's cumulative %) keeps its own ticks
    steps = {"tick0": 0, "dtick": 1} if top < 10 else {}
    fig.update_layout({f"{axis}axis": {**steps, "tickformat": ",d"}})
    return fig


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def streamlit_texts_css(lang: str, limit_mb: int) -> str:
    """A style sheet that puts the reader's language on the texts Streamlit's file uploader writes in English.

    The uploader's button (``Upload``) and its line ``50MB per file • XLSX, XLSM, XLS, CSV`` are fixed English in
    Streamlit's front end, with no parameter to set them (issue #16 item 9). In Chinese the English text is
    shrunk to nothing and the catalogue's text drawn in its place with ``::after``; in English nothing changes.
    Selectors are Streamlit's ``data-testid`` attributes, its stable hooks for tests; tests/browser checks every
    page for the English strings, so a Streamlit upgrade that moves them is caught.
    """
    from analytics.i18n import t

    if lang == "en":
        return ""
    button = _css_string(t("ui.st.upload_button", lang))
    limit = _css_string(t("ui.st.upload_limit", lang, limit=limit_mb))
    drop = '[data-testid="stFileUploaderDropzone"]'
    return (
        f'{drop} button [data-testid="stMarkdownContainer"] p {{font-size: 0;}}\n'
        f'{drop} button [data-testid="stMarkdownContainer"] p::after {{content: {button}; font-size: 0.875rem;}}\n'
        f'[data-testid="stFileUploaderDropzoneInstructions"] span {{font-size: 0;}}\n'
        f'[data-testid="stFileUploaderDropzoneInstructions"] span::after {{content: {limit}; font-size: 0.75rem;}}\n'
    )
