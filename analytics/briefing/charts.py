"""Charts of the Word briefing as PNG images, drawn with matplotlib in a CJK font (no tofu boxes).

Uses ``matplotlib.figure.Figure`` directly (no pyplot global state), so it is safe inside the dashboard process.
Colours are those of the dashboard (analytics/palette.py): statuses read the same on screen and on paper.
"""

from __future__ import annotations

import io

from analytics.briefing.fonts import find_cjk_font
from analytics.briefing.model import ChartSpec
from analytics.palette import GRID, SERIES_COLORS, STATUS_COLORS, TEXT, WHITE

_MAX_HEATMAP_ROWS = 40  # a page holds about 40 readable rows; the table beside it has them all


def render_png(spec: ChartSpec, *, lang: str = "zh-Hant", width_in: float = 6.3, dpi: int = 144) -> bytes:
    """Draw ``spec`` and return the PNG bytes."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib import rc_context
    from matplotlib.figure import Figure

    spec = spec.with_short_labels()  # issue #12: uploaded text is cut before it reaches matplotlib
    font = find_cjk_font(lang)
    with rc_context({"font.family": [font.family, "DejaVu Sans"], "axes.unicode_minus": False,
                     "font.size": 9, "axes.edgecolor": GRID, "axes.labelcolor": TEXT,
                     "xtick.color": TEXT, "ytick.color": TEXT}):
        height = _height(spec, width_in)
        fig = Figure(figsize=(width_in, height), dpi=dpi)
        ax = fig.add_subplot()
        _DRAW[spec.kind](fig, ax, spec)
        ax.set_title(spec.title, loc="left", fontsize=11, color=TEXT)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        buf = io.BytesIO()
        # bbox_inches="tight" trims to what was drawn (long Chinese labels included); cheaper than tight_layout
        # or a constrained layout, which solve the layout with extra draws.
        fig.savefig(buf, format="png", facecolor="white", bbox_inches="tight", pad_inches=0.08)
    return buf.getvalue()


def chart_width_in(spec: ChartSpec, full: float = 6.3) -> float:
    """Drawing width in inches: a heatmap with few period columns is narrower, so its cells stay near square."""
    if spec.kind != "heatmap":
        return full
    longest = max((len(r) for r in spec.rows), default=4)
    return min(full, 0.09 * longest + 1.0 + 0.42 * max(1, len(spec.categories)))


def _height(spec: ChartSpec, width_in: float) -> float:
    if spec.kind == "heatmap":
        return min(9.0, 1.4 + 0.28 * min(len(spec.rows), _MAX_HEATMAP_ROWS))
    if spec.kind == "barh":
        return min(8.0, 1.2 + 0.32 * len(spec.categories))
    return width_in * 0.5


def _fmt(value: float, kind: str) -> str:
    if kind == "pct":
        return f"{value * 100:.0f}%"
    if kind == "num":
        return f"{value:,.1f}"
    return f"{value:,.0f}"


def _grouped(ax, spec: ChartSpec, *, horizontal: bool, stacked: bool = False) -> None:
    n = len(spec.series)
    positions = list(range(len(spec.categories)))
    width = 0.8 if stacked else 0.8 / max(n, 1)
    base = [0.0] * len(positions)
    for i, (name, values) in enumerate(spec.series):
        color = SERIES_COLORS[i % len(SERIES_COLORS)]
        vals = [float(v or 0) for v in values]
        if stacked:
            pos = positions
        else:
            pos = [p - 0.4 + width * (i + 0.5) for p in positions]
        if horizontal:
            bars = ax.barh(pos, vals, height=width, left=base if stacked else None, color=color, label=name)
        else:
            bars = ax.bar(pos, vals, width=width, bottom=base if stacked else None, color=color, label=name)
        if not stacked and len(positions) * n <= 24:
            ax.bar_label(bars, labels=[_fmt(v, spec.value_format) for v in vals], fontsize=7, padding=2)
        if stacked:
            base = [b + v for b, v in zip(base, vals, strict=True)]
    if horizontal:
        ax.set_yticks(positions, spec.categories)
        ax.invert_yaxis()
        ax.xaxis.grid(True, color=GRID)
    else:
        ax.set_xticks(positions, spec.categories, rotation=30 if len(spec.categories) > 6 else 0, ha="right"
                      if len(spec.categories) > 6 else "center")
        ax.yaxis.grid(True, color=GRID)
    ax.set_axisbelow(True)
    if n > 1:
        ax.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(0, -0.12 if not horizontal else -0.05),
                  ncol=min(n, 4))


def _bar(fig, ax, spec: ChartSpec) -> None:
    _grouped(ax, spec, horizontal=False)


def _barh(fig, ax, spec: ChartSpec) -> None:
    _grouped(ax, spec, horizontal=True)


def _stacked(fig, ax, spec: ChartSpec) -> None:
    _grouped(ax, spec, horizontal=False, stacked=True)


def _line(fig, ax, spec: ChartSpec) -> None:
    for i, (name, values) in enumerate(spec.series):
        ax.plot(spec.categories, [float(v or 0) for v in values], marker="o", markersize=3,
                color=SERIES_COLORS[i % len(SERIES_COLORS)], label=name)
    ax.yaxis.grid(True, color=GRID)
    if len(spec.categories) > 8:
        ax.tick_params(axis="x", labelrotation=45)
    if len(spec.series) > 1:
        ax.legend(fontsize=8, frameon=False)


def _pareto(fig, ax, spec: ChartSpec) -> None:
    name, values = spec.series[0]
    vals = [float(v or 0) for v in values]
    bars = ax.bar(range(len(vals)), vals, color=SERIES_COLORS[0], label=name)
    ax.bar_label(bars, labels=[_fmt(v, "int") for v in vals], fontsize=7, padding=2)
    ax.set_xticks(range(len(vals)), spec.categories, rotation=30 if len(vals) > 5 else 0,
                  ha="right" if len(vals) > 5 else "center")
    total = sum(vals) or 1.0
    cumulative, running = [], 0.0
    for v in vals:
        running += v
        cumulative.append(running / total)
    ax2 = ax.twinx()
    ax2.plot(range(len(vals)), cumulative, color=SERIES_COLORS[2], marker="o", markersize=3)
    ax2.set_ylim(0, 1.05)
    ax2.yaxis.set_major_formatter(lambda y, _pos: f"{y * 100:.0f}%")
    ax2.spines["top"].set_visible(False)
    ax.yaxis.grid(True, color=GRID)
    ax.set_axisbelow(True)


def _heatmap(fig, ax, spec: ChartSpec) -> None:
    from matplotlib.colors import to_rgb
    from matplotlib.patches import Patch

    rows = spec.rows[:_MAX_HEATMAP_ROWS]
    grid = []
    for r in range(len(rows)):
        grid.append([to_rgb(STATUS_COLORS.get(spec.statuses[r][c] or "", WHITE))
                     if spec.statuses[r][c] else (1.0, 1.0, 1.0) for c in range(len(spec.categories))])
    ax.imshow(grid, aspect="auto", interpolation="nearest")
    for r in range(len(rows)):
        for c in range(len(spec.categories)):
            text = spec.annotations[r][c] if spec.annotations else ""
            if text:
                ax.text(c, r, text, ha="center", va="center", fontsize=7, color="white")
    ax.set_xticks(range(len(spec.categories)), spec.categories, fontsize=8)
    ax.set_yticks(range(len(rows)), rows, fontsize=8)
    ax.xaxis.tick_top()
    ax.tick_params(length=0)
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    if spec.legend:
        handles = [Patch(color=color, label=label) for label, color in spec.legend]
        ax.legend(handles=handles, fontsize=7, frameon=False, loc="upper left",
                  bbox_to_anchor=(0, -0.02), ncol=len(handles))
    if len(spec.rows) > _MAX_HEATMAP_ROWS:
        ax.set_xlabel(f"… +{len(spec.rows) - _MAX_HEATMAP_ROWS}", fontsize=7)
    ax.set_xlim(-0.5, max(len(spec.categories), 1) - 0.5)


_DRAW = {"bar": _bar, "barh": _barh, "stacked_bar": _stacked, "line": _line, "pareto": _pareto, "heatmap": _heatmap}
