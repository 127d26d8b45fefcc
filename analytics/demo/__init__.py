"""The demo operator's year (issue #2 item 7): real spreadsheet files, imported through the ordinary importer.

``write_demo_files(out_dir)`` writes the files (same bytes every run for the same seed); ``load_demo(db_path)``
writes them and imports them in chronological order as user "demo" (see ``analytics.demo.load``).
"""

from __future__ import annotations

from pathlib import Path

from analytics.demo.activities import TODAY, build_activities
from analytics.demo.files import DemoFile, write_files
from analytics.demo.issues import build_issues
from analytics.demo.org import build_org

DEMO_SEED = 2026

__all__ = ["DEMO_SEED", "TODAY", "DemoFile", "write_demo_files"]


def write_demo_files(out_dir: Path, *, seed: int = DEMO_SEED) -> list[DemoFile]:
    """Write the demo year's files under ``out_dir`` and return them in the order they are to be imported."""
    org = build_org(seed)
    activities = build_activities(org, seed)
    # 南嶺's individual rows are logged without 穿越編號 (files.py), so their issues cannot link to them.
    links = {a.activity_id for a in activities if not (a.company == "南嶺省公司" and a.mode == "個人穿越")}
    issues = build_issues(org, activities, seed, links)
    files = write_files(Path(out_dir), org, activities, issues)
    from analytics.demo.followup import write_contacts_file  # issue #15: contacts, after the last monthly file
    from analytics.demo.plans import write_plans_file  # issue #14: the year's plans, after the contacts

    contacts = write_contacts_file(Path(out_dir), org, files[-1].imported_at)
    plans = write_plans_file(Path(out_dir), org, activities, seed, contacts.imported_at)
    return [*files, contacts, plans]
