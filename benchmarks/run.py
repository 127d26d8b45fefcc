"""The national-scale benchmark (SPEC 7; issue #6 items 1 and 3).

    python -m benchmarks.run                 # scaling curve at 0.1x, 0.3x and 1x, 3 runs per figure
    python -m benchmarks.run --scale 1.0     # one scale
    python -m benchmarks.run --quick         # 0.1x only (about a minute)

For each scale it builds a national database by importing the year's files through the real importer
(``python -m analytics import``), then times each step in a child process of its own, several runs each, and prints
medians, the child's peak RSS (VmHWM via ``benchmarks.peak``: DuckDB's native memory included, which tracemalloc
would miss),
a straightforward baseline measured in the same run, and the target (judged at 1x only). Steps are plain functions
in ``STEPS``; add one (e.g. page renders in Chromium) by appending a function ``(Context) -> Figure``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from benchmarks.generate import OUT, YEAR, Dataset, generate

ROOT = Path(__file__).resolve().parent.parent
AS_OF = dt.date(YEAR + 1, 1, 15)  # the national year is complete: every rule is met, missed or n/a


@dataclass
class Figure:
    """One measured step: its runs, the baseline's runs and the target it is judged against at 1x."""

    step: str
    rows: int
    seconds: list[float] = field(default_factory=list)
    peak_mb: list[float] = field(default_factory=list)
    baseline_seconds: list[float] = field(default_factory=list)
    baseline_peak_mb: list[float] = field(default_factory=list)
    target_s: float | None = None
    target_mb: float | None = None
    value_mb: float | None = None  # for a size rather than a time (database on disk)
    note: str = ""
    alt_target_s: float | None = None  # a second, looser time target (issue #4: "under", i.e. strictly below)
    key: str = ""  # the same step at every scale (labels carry row counts); set by main()

    @property
    def median(self) -> float | None:
        return statistics.median(self.seconds) if self.seconds else None

    @property
    def ratio(self) -> float | None:
        if not self.seconds or not self.baseline_seconds:
            return None
        return self.median / statistics.median(self.baseline_seconds)

    def verdict(self) -> str:
        """OK / MISSED against every target, with the margin of a miss (e.g. ``MISSED +0.42 s``)."""
        parts = []
        if self.target_s is not None and self.median is not None:
            ok = self.median <= self.target_s
            parts.append("OK" if ok else f"MISSED +{self.median - self.target_s:.2f} s")
        if self.target_mb is not None and self.peak_mb:
            ok = max(self.peak_mb) <= self.target_mb
            parts.append("OK" if ok else f"MISSED +{max(self.peak_mb) - self.target_mb:.0f} MB")
        if self.target_mb is not None and self.value_mb is not None:
            ok = self.value_mb <= self.target_mb
            parts.append("OK" if ok else f"MISSED +{self.value_mb - self.target_mb:.1f} MB")
        main = "OK" if all(x == "OK" for x in parts) else ", ".join(x for x in parts if x != "OK")
        if self.alt_target_s is None or self.median is None:
            return main if parts else ""
        alt = "OK" if self.median < self.alt_target_s else f"MISSED +{self.median - self.alt_target_s:.2f} s"
        return f"#6 {main} · #4 {alt}"

    def target_text(self) -> str:
        """The targets as printed beside the figure: ``≤ 1.5 s (#6) · < 2 s (#4)``."""
        first = " & ".join(x for x in (f"≤ {self.target_s:g} s" if self.target_s else "",
                                       f"≤ {self.target_mb:g} MB" if self.target_mb else "") if x)
        if self.alt_target_s is None:
            return first
        return f"{first} (#6) · < {self.alt_target_s:g} s (#4)"


@dataclass
class Context:
    scale: float
    data: Dataset
    work: Path
    repeat: int
    db: Path
    page_runs: int = 2  # browser runs per page (each on a fresh server); 0 skips the page timings


@dataclass
class Run:
    seconds: float
    peak_mb: float
    output: str


def run_process(args: list[str], *, timed_inside: bool = False, ok_codes: tuple[int, ...] = (0,)) -> Run:
    """Run ``python ARGS`` (``-m MODULE ...``) and return its wall time (or the time it reports), peak RSS, output.

    The child runs under ``benchmarks.peak``, which records the command's own VmHWM (see there why not
    ``ru_maxrss``); the wrapper adds nothing measurable to time or memory.
    """
    with tempfile.TemporaryDirectory() as tmp:
        peak_file = Path(tmp) / "peak"
        env = {**os.environ, "PYTHONPATH": str(ROOT), "BENCH_PEAK_FILE": str(peak_file)}
        with open(Path(tmp) / "out", "w+b") as out, open(Path(tmp) / "err", "w+b") as err:
            started = time.perf_counter()
            child = subprocess.run([sys.executable, "-m", "benchmarks.peak", *args], cwd=ROOT, stdout=out,
                                   stderr=err, env=env, check=False)
            wall = time.perf_counter() - started
            out.seek(0)
            err.seek(0)
            text, errors = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
        peak_kb = int(peak_file.read_text()) if peak_file.exists() else 0
    if child.returncode not in ok_codes:
        raise RuntimeError(f"{' '.join(args[:3])} exited {child.returncode}:\n{errors[-2000:]}")
    seconds = json.loads(text.strip().splitlines()[-1])["seconds"] if timed_inside else wall
    return Run(seconds, peak_kb / 1024, text)


def _fresh_copy(ctx: Context) -> Path:
    """A copy of the national database, so every run of an import starts from the same state."""
    copy = ctx.work / "copy.duckdb"
    for leftover in (copy, copy.with_name("copy.duckdb.wal")):
        leftover.unlink(missing_ok=True)
    shutil.rmtree(ctx.work / "copy.archive", ignore_errors=True)
    shutil.copyfile(ctx.db, copy)
    return copy


def step_import_year(ctx: Context) -> Figure:
    """Build the national database: every roster, log and issue file of the year in one `import` command."""
    for leftover in (ctx.db, ctx.db.with_name(ctx.db.name + ".wal")):
        leftover.unlink(missing_ok=True)
    shutil.rmtree(ctx.db.with_name(ctx.db.stem + ".archive"), ignore_errors=True)
    files = [str(p) for p in ctx.data.paths()]
    c = ctx.data.counts
    fig = Figure(f"import the year ({len(files)} files)", c["staff"] + c["walk_rows"] + c["issues"], target_s=60.0,
                 note="one run: it builds the database the other steps use")
    run = run_process(["-m", "analytics", "import", *files, "--db", str(ctx.db), "--user", "bench", "--json"],
                      ok_codes=(0, 1))
    fig.seconds.append(run.seconds)
    fig.peak_mb.append(run.peak_mb)
    return fig


def step_import_plans(ctx: Context) -> Figure:
    """Issue #14: the plans (company lines of 2024-2026 and the individual plans) imported into the national
    database after the year, in one `import` command; the pages and the plans step below read them."""
    files = [str(Path(ctx.data.root) / p) for p in ctx.data.plan_files]
    c = ctx.data.counts
    fig = Figure(f"import the plans ({len(files)} files)", c["company_plan_lines"] + c["individual_plans"],
                 note=f"{c['company_plan_lines']:,} company plan lines, {c['individual_plans']:,} individual plans; "
                      "one run, into the database the other steps use")
    run = run_process(["-m", "analytics", "import", *files, "--db", str(ctx.db), "--user", "bench", "--json"],
                      ok_codes=(0, 1))
    fig.seconds.append(run.seconds)
    fig.peak_mb.append(run.peak_mb)
    return fig


def step_plans(ctx: Context) -> Figure:
    """Issue #14: the 計畫 page's queries for 總部, timed in a child (parts in the note)."""
    fig = Figure("plans page queries (總部)", ctx.data.counts["individual_plans"], target_s=1.5)
    args = ["--db", str(ctx.db), "--year", str(YEAR), "--as-of", AS_OF.isoformat()]
    parts: dict[str, list[float]] = {}
    for _ in range(ctx.repeat):
        run = run_process(["-m", "benchmarks.child", "plans", *args], timed_inside=True)
        fig.seconds.append(run.seconds)
        fig.peak_mb.append(run.peak_mb)
        answer = json.loads(run.output.strip().splitlines()[-1])
        for part, seconds in answer["parts"].items():
            parts.setdefault(part, []).append(seconds)
    fig.note = "median s: " + ", ".join(f"{k} {statistics.median(v):.2f}" for k, v in parts.items())
    return fig


def _import_upload(ctx: Context, name: str, label: str, rows: int, target_s: float, target_mb: float | None
                   ) -> Figure:
    path = str(Path(ctx.data.root) / name)
    fig = Figure(label, rows, target_s=target_s, target_mb=target_mb,
                 note="whole `python -m analytics import` command; baseline: pandas dtype=str + one INSERT")
    for _ in range(ctx.repeat):
        run = run_process(["-m", "analytics", "import", path, "--db", str(_fresh_copy(ctx)), "--user", "bench",
                           "--json"], ok_codes=(0, 1))
        fig.seconds.append(run.seconds)
        fig.peak_mb.append(run.peak_mb)
        base = run_process(["-m", "benchmarks.child", "baseline_import", "--db", str(_fresh_copy(ctx)),
                            "--file", path])  # wall time too: both include start-up
        fig.baseline_seconds.append(base.seconds)
        fig.baseline_peak_mb.append(base.peak_mb)
    return fig


def step_import_xlsx(ctx: Context) -> Figure:
    rows = ctx.data.counts["upload_xlsx_rows"]
    return _import_upload(ctx, ctx.data.upload_xlsx, f"import a {rows:,}-row .xlsx", rows, 3.0, 600.0)


def step_import_csv(ctx: Context) -> Figure:
    rows = ctx.data.counts["upload_csv_rows"]
    return _import_upload(ctx, ctx.data.upload_csv, f"import a {rows:,}-row CSV", rows, 1.5, None)


def _child_step(ctx: Context, step: str, baseline: str | None, label: str, rows: int, **targets) -> Figure:
    fig = Figure(label, rows, **targets)
    common = ["--db", str(ctx.db), "--year", str(YEAR), "--as-of", AS_OF.isoformat()]
    for _ in range(ctx.repeat):
        run = run_process(["-m", "benchmarks.child", step, *common], timed_inside=True)
        fig.seconds.append(run.seconds)
        fig.peak_mb.append(run.peak_mb)
        if baseline:
            base = run_process(["-m", "benchmarks.child", baseline, *common], timed_inside=True)
            fig.baseline_seconds.append(base.seconds)
            fig.baseline_peak_mb.append(base.peak_mb)
            fig.note = "baseline agrees row for row: " + json.dumps(json.loads(base.output)["status"])
    return fig


def step_quotas(ctx: Context) -> Figure:
    return _child_step(ctx, "quotas", "baseline_quotas", "all quota rules, national year", ctx.data.counts["walk_rows"],
                       target_s=0.5, target_mb=500.0)


def step_compliance(ctx: Context) -> Figure:
    """The whole `compliance --json` command against a plain SQL script (both wall time, start-up included)."""
    fig = Figure("`compliance --json` command", ctx.data.counts["walk_rows"])
    args = ["--db", str(ctx.db), "--year", str(YEAR), "--as-of", AS_OF.isoformat()]
    for _ in range(ctx.repeat):
        run = run_process(["-m", "analytics", "compliance", *args, "--json"])
        fig.seconds.append(run.seconds)
        fig.peak_mb.append(run.peak_mb)
        base = run_process(["-m", "benchmarks.child", "sql_compliance", *args])
        fig.baseline_seconds.append(base.seconds)
        fig.baseline_peak_mb.append(base.peak_mb)
        ours, theirs = len(json.loads(run.output)), json.loads(base.output.splitlines()[-1])["results"]
        if ours != theirs:
            raise AssertionError(f"compliance printed {ours} results, the SQL baseline {theirs}")
        fig.note = f"{ours:,} results from each; baseline: benchmarks/baseline_compliance.sql"
    return fig


def step_cli_startup(ctx: Context) -> Figure:
    """What a command costs before it answers (issue #17): `batches --json`, a few rows, against a bare DuckDB process
    printing the same table (both wall time, interpreter start-up included)."""
    fig = Figure("CLI start-up: `batches --json`", ctx.data.counts["walk_rows"])
    for _ in range(ctx.repeat):
        run = run_process(["-m", "analytics", "batches", "--db", str(ctx.db), "--json"])
        fig.seconds.append(run.seconds)
        fig.peak_mb.append(run.peak_mb)
        base = run_process(["-m", "benchmarks.child", "sql_batches", "--db", str(ctx.db)])
        fig.baseline_seconds.append(base.seconds)
        fig.baseline_peak_mb.append(base.peak_mb)
        ours, theirs = len(json.loads(run.output)), json.loads(base.output.splitlines()[-1])["results"]
        if ours != theirs:
            raise AssertionError(f"batches printed {ours} rows, the SQL baseline {theirs}")
        fig.note = f"{ours} batches; baseline: duckdb + json.dumps in a bare process"
    return fig


def step_volume(ctx: Context) -> Figure:
    return _child_step(ctx, "volume", None, "volume roll-up (compute_volume_summary)", ctx.data.counts["walk_rows"])


def step_issues(ctx: Context) -> Figure:
    return _child_step(ctx, "issues", None, "issues summary (compute_issue_summary)", ctx.data.counts["issues"])


def step_db_size(ctx: Context) -> Figure:
    size = sum(p.stat().st_size for p in (ctx.db, ctx.db.with_name(ctx.db.name + ".wal")) if p.exists())
    return Figure("database size on disk", 0, value_mb=size / 2**20, target_mb=100.0,
                  note="archived originals are kept beside it, not counted")


def step_briefing(ctx: Context) -> Figure:
    """Issue #5: the year's briefing of one province (the largest) built and rendered as .docx, .xlsx and .pptx."""
    fig = Figure("briefing: one province, docx+xlsx+pptx", ctx.data.counts["walk_rows"], target_s=10.0)
    args = ["--db", str(ctx.db), "--year", str(YEAR), "--as-of", AS_OF.isoformat()]
    parts: dict[str, list[float]] = {}
    for _ in range(ctx.repeat):
        run = run_process(["-m", "benchmarks.child", "briefing", *args], timed_inside=True)
        fig.seconds.append(run.seconds)
        fig.peak_mb.append(run.peak_mb)
        answer = json.loads(run.output.strip().splitlines()[-1])
        for part, seconds in answer["parts"].items():
            parts.setdefault(part, []).append(seconds)
        fig.note = (f"{answer['company']} ({answer['staff']:,} staff), year {YEAR}; median s: "
                    + ", ".join(f"{k} {statistics.median(v):.2f}" for k, v in parts.items()))
    return fig


# (measure in benchmarks.browser, label, issue #6 target, issue #4 target)
PAGE_MEASURES = [("cold", "first render, cold", 1.5, 2.0), ("warm", "first render, warm", 1.5, 2.0),
                 ("filter", "filter change 年→季", 0.5, 1.0), ("filter_back", "filter back 季→年 (cached)", 0.5, 1.0)]


def _page_calls(ctx: Context) -> dict:
    """benchmarks.page_calls in a child: each page's script time (AppTest) and its analytics calls, slowest first."""
    run = run_process(["-m", "benchmarks.page_calls", "--db", str(ctx.db)])
    return json.loads(run.output.strip().splitlines()[-1])


def step_pages(ctx: Context) -> list[Figure]:
    """Every page in headless Chromium (benchmarks/browser.py): cold and warm first render, a filter change and
    back; the peak column is the dashboard server's VmHWM. The cold row's note names the page's slowest analytics
    calls, timed in a child process (benchmarks/page_calls.py), so a miss can be traced to the call behind it."""
    if ctx.page_runs <= 0:
        return []
    from benchmarks.browser import PAGES

    child = subprocess.run([sys.executable, "-m", "benchmarks.browser", "--db", str(ctx.db), "--runs",
                            str(ctx.page_runs)], cwd=ROOT, capture_output=True, text=True, check=False,
                           env={**os.environ, "PYTHONPATH": str(ROOT)})
    if child.returncode != 0:
        raise RuntimeError(f"benchmarks.browser exited {child.returncode}:\n{child.stderr[-2000:]}")
    timings = json.loads(child.stdout.strip().splitlines()[-1])
    try:
        calls = _page_calls(ctx)
    except (RuntimeError, ValueError) as exc:  # the browser figures stand without the breakdown
        calls = {}
        print(f"  page_calls failed: {exc}", file=sys.stderr)
    figures = []
    for name in PAGES:
        got = timings[name]
        for measure, label, target, alt in PAGE_MEASURES:
            fig = Figure(f"{name}: {label}", ctx.data.counts["walk_rows"], seconds=got[measure],
                         peak_mb=got["server_peak_mb"] if measure == "cold" else [], target_s=target,
                         alt_target_s=alt)
            if measure == "cold":
                notes = []
                if got["error"]:
                    notes.append(f"FAILED: {got['error']}")
                if got["problems"]:
                    notes.append("the page showed: " + " | ".join(got["problems"])[:300])
                if name in calls:
                    c = calls[name]
                    slowest = "; ".join(f"{_call_name(x['call'])} {x['seconds']:.2f}" for x in c["calls"][:3])
                    notes.append(f"server script {c['cold_s']:.2f} s cold / {c['warm_s']:.2f} s warm, "
                                 f"{len(c['calls'])} analytics calls {c['calls_s']:.2f} s; slowest: {slowest or '-'}")
                    busiest = "; ".join(f"{x['function'].removeprefix('pages.')} {x['seconds']:.2f}"
                                        for x in c.get("warm_top", [])[:3])
                    notes.append(f"warm script time by function (sampled, inclusive): {busiest or '-'}")
                fig.note = "\n    ".join(notes)
            figures.append(fig)
    return figures


def _call_name(call: str) -> str:
    """``analytics.metrics.volume.compute_volume(2025, by='all', ...)`` → ``volume.compute_volume(by='all')``."""
    head, _, args = call.partition("(")
    short = ".".join(head.split(".")[-2:])
    keep = [a.strip() for a in args.rstrip(")").split(", ") if a.startswith(("by=", "period_kind=", "'"))]
    return f"{short}({', '.join(keep)})"


STEPS: list[Callable[[Context], Figure | list[Figure]]] = [
    step_import_year, step_import_plans, step_import_xlsx, step_import_csv, step_quotas, step_compliance,
    step_cli_startup, step_volume, step_issues, step_plans, step_db_size, step_briefing, step_pages]


def _fmt(value: float | None, spec: str = ".2f") -> str:
    return "-" if value is None else format(value, spec)


def print_scale(scale: float, data: Dataset, figures: list[Figure]) -> None:
    c = data.counts
    print(f"\n== scale {scale:g}x: {c['companies']:,} companies, {c['staff']:,} staff, {c['walk_rows']:,} walkthrough "
          f"rows, {c['issues']:,} issues (year {YEAR}), as of {AS_OF} ==")
    print(f"{'step':<42}{'median s':>10}{'peak MB':>9}{'base s':>9}{'base MB':>9}{'ratio':>7}  target (at 1x)")
    for f in figures:
        target = f.target_text()
        verdict = f.verdict() if scale == 1.0 else ""
        if f.value_mb is not None:
            print(f"{f.step:<42}{'':>10}{f.value_mb:>9.1f}{'':>34}  {target} {verdict}")
        else:
            print(f"{f.step:<42}{_fmt(f.median):>10}{_fmt(max(f.peak_mb) if f.peak_mb else None, '.0f'):>9}"
                  f"{_fmt(statistics.median(f.baseline_seconds) if f.baseline_seconds else None):>9}"
                  f"{_fmt(max(f.baseline_peak_mb) if f.baseline_peak_mb else None, '.0f'):>9}"
                  f"{_fmt(f.ratio, '.1f'):>7}  {target} {verdict}")
        if f.note:
            print(f"{'':<4}{f.note}")


def print_curve(results: dict[float, list[Figure]], counts: dict[float, dict]) -> None:
    scales = sorted(results)
    first, last = scales[0], scales[-1]
    rows_growth = counts[last]["walk_rows"] / counts[first]["walk_rows"]
    print(f"\n== scaling curve (time in s; growth = time at {last:g}x / time at {first:g}x; rows grew "
          f"{rows_growth:.1f}x) ==")
    print(f"{'step':<42}" + "".join(f"{f'{s:g}x':>9}" for s in scales) + f"{'growth':>9}")
    by_key = {s: {f.key: f for f in results[s]} for s in scales}
    for fig in results[last]:  # labelled as at the largest scale; matched by key (labels carry row counts)
        same = [by_key[s].get(fig.key) for s in scales]
        times = [f.median if f else None for f in same]
        if fig.value_mb is not None:
            times = [f.value_mb if f else None for f in same]  # a size: the same columns, in MB
            label = fig.step + " (MB)"
        else:
            label = fig.step
        growth = times[-1] / times[0] if None not in (times[0], times[-1]) else None
        print(f"{label:<42}" + "".join(f"{_fmt(t):>9}" for t in times) + f"{_fmt(growth, '.1f'):>9}")


def _memory_gb() -> float:
    with open("/proc/meminfo", encoding="ascii") as info:
        return int(info.readline().split()[1]) / 2**20


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="National-scale benchmark (SPEC 7).")
    parser.add_argument("--scale", type=float, action="append", help="a scale (repeatable); default 0.1, 0.3, 1")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (default 3)")
    parser.add_argument("--quick", action="store_true", help="0.1x only")
    parser.add_argument("--page-runs", type=int, default=2,
                        help="browser runs per page, each on a fresh server (default 2; 0 skips the page timings)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="keep the national databases under benchmarks/out/work-*")
    args = parser.parse_args(argv)
    scales = [0.1] if args.quick else sorted(args.scale or [0.1, 0.3, 1.0])
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, {_memory_gb():.0f} GB, Python "
          f"{platform.python_version()}, load average {load} at {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    results: dict[float, list[Figure]] = {}
    counts: dict[float, dict] = {}
    for scale in scales:
        started = time.perf_counter()
        data = generate(scale, args.seed)
        print(f"generated/cached {data.root} in {time.perf_counter() - started:.1f} s", flush=True)
        work = OUT / f"work-{scale:g}"
        work.mkdir(parents=True, exist_ok=True)
        ctx = Context(scale, data, work, max(1, args.repeat), work / "national.duckdb", max(0, args.page_runs))
        results[scale] = []
        for step in STEPS:
            try:
                made = step(ctx)
            except Exception as exc:  # one broken step must not lose the other figures of a long run
                reason = (str(exc).strip().splitlines() or [type(exc).__name__])[-1]
                made = Figure(step.__name__.removeprefix("step_"), 0, note=f"FAILED: {reason[:300]}")
            for i, figure in enumerate(made if isinstance(made, list) else [made]):
                figure.key = f"{step.__name__}:{i}"
                results[scale].append(figure)
                print(f"  {figure.step}: {'FAILED' if 'FAILED' in figure.note else 'done'}", file=sys.stderr,
                      flush=True)
        counts[scale] = data.counts
        print_scale(scale, data, results[scale])
        if not args.keep:  # the database, its copy and their archives take several hundred MB at 1x
            shutil.rmtree(work, ignore_errors=True)
    if len(scales) > 1:
        print_curve(results, counts)
    report = {str(s): [asdict(f) for f in figs] for s, figs in results.items()}
    (OUT / "last_run.json").write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
