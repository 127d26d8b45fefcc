"""One reminder run (SPEC 9): build every contact's message, write .eml files or send, record the run."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from analytics.remind.content import PlannedWalks, build_contents
from analytics.remind.message import build_message, content_hash
from analytics.remind.runs import finish_run, load_sent_hashes, record_sent, start_run
from analytics.remind.smtp import Mailer
from analytics.store.connection import connect

DRY_RUN_SENDER = "walkthrough-reminders@localhost"


@dataclass
class RunResult:
    run_id: int
    mode: str  # out | send
    messages: int = 0
    sent: int = 0  # delivered (send) or written as .eml (out)
    skipped: int = 0  # the same content was already delivered to this recipient
    failures: list[dict] = field(default_factory=list)  # {"email", "reason"}
    files: list[Path] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def _file_name(index: int, email: str) -> str:
    safe = re.sub(r"[^A-Za-z0-9@._-]", "_", email)[:80]
    return f"{index:04d}-{safe}.eml"


def run_reminders(db_path: Path | str, as_of: dt.date, *, user: str, out_dir: Path | None = None,
                  mailer: Mailer | None = None, sender: str | None = None,
                  planned_walks: PlannedWalks | None = None, now: dt.datetime | None = None) -> RunResult:
    """``out_dir`` (dry run: .eml files) or ``mailer`` (SMTP delivery), exactly one.

    The run is recorded before the first message and finished in a ``finally``: an SMTP failure, or any error,
    still leaves the run with its counts and reasons on 系統管理.
    """
    if (out_dir is None) == (mailer is None):
        raise ValueError("give exactly one of out_dir and mailer")
    mode = "out" if out_dir is not None else "send"
    clock = (lambda: now) if now is not None else dt.datetime.now
    with connect(db_path, read_only=True) as con:
        contents = [c for c in build_contents(con, as_of, planned_walks=planned_walks) if not c.is_empty]
        already = load_sent_hashes(con)
    result = RunResult(start_run(db_path, run_by=user, as_of=as_of, mode=mode, messages=len(contents),
                                 now=clock()), mode, len(contents))
    from_address = sender or (mailer.config.sender if mailer is not None else DRY_RUN_SENDER)
    try:
        if out_dir is not None:
            out_dir.mkdir(parents=True, exist_ok=True)
        for index, content in enumerate(contents, start=1):
            digest = content_hash(content)
            email = content.contact.email
            if content.problem is not None:
                result.failures.append({"email": email, "reason": content.problem})
                continue
            if (email, digest) in already:
                result.skipped += 1
                continue
            message = build_message(content, from_address, clock())
            if out_dir is not None:
                path = out_dir / _file_name(index, email)
                path.write_bytes(message.as_bytes())
                result.files.append(path)
                result.sent += 1
                continue
            assert mailer is not None
            reason = mailer.send(message)
            if reason is None:
                record_sent(db_path, result.run_id, email, digest, clock())
                already.add((email, digest))
                result.sent += 1
            else:
                result.failures.append({"email": email, "reason": reason})
    except Exception as exc:  # recorded, then re-raised for the command to report
        result.failures.append({"email": "", "reason": f"{type(exc).__name__}: {exc}"})
        raise
    finally:
        if mailer is not None:
            mailer.close()
        finish_run(db_path, result.run_id, sent=result.sent, skipped=result.skipped, failures=result.failures,
                   now=clock(), run_by=user)
    return result
