"""A reminder as an RFC 5322 message: plain text plus an HTML alternative, lists as tables, an .xlsx attached.

Every cell comes from imported data, so the HTML escapes it and the workbook neutralises formula starts (SPEC 6).
``content_hash`` covers what the recipient reads (subject, text, attachment rows) and not the date, so the same
reminder built on another day hashes the same and is not sent again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import io
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

import pandas as pd
import xlsxwriter

from analytics.briefing.cells import is_missing, neutralise
from analytics.i18n import t
from analytics.palette import BORDER
from analytics.remind.content import ISSUE_COLUMNS, OWED_COLUMNS, PLAN_COLUMNS, ReminderContent


@dataclass(frozen=True)
class Section:
    key: str  # overdue | due_soon | owed | planned
    columns: tuple[str, ...]
    frame: pd.DataFrame


def sections(content: ReminderContent) -> list[Section]:
    found = [Section("overdue", ISSUE_COLUMNS, content.overdue), Section("due_soon", ISSUE_COLUMNS, content.due_soon),
             Section("owed", OWED_COLUMNS, content.owed), Section("planned", PLAN_COLUMNS, content.planned)]
    return [s for s in found if not s.frame.empty]


def _text(value: object) -> str:
    if is_missing(value):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _rows(section: Section) -> list[list[str]]:
    return [[_text(v) for v in row] for row in section.frame.reindex(columns=section.columns).itertuples(index=False)]


def _headers(section: Section, lang: str) -> list[str]:
    return [t(f"remind.col.{c}", lang) for c in section.columns]


def subject(content: ReminderContent) -> str:
    lang = content.contact.lang
    c = content.contact
    who = c.company if c.is_lead else f"{c.company} {c.department}"
    counts = {s.key: len(s.frame) for s in sections(content)}
    parts = [t(f"remind.count.{k}", lang, n=n) for k, n in counts.items()]
    return t("remind.subject", lang, who=who, what="、".join(parts) if lang != "en" else ", ".join(parts))


def render_text(content: ReminderContent) -> str:
    lang = content.contact.lang
    lines = [t("remind.greeting", lang, name=content.contact.name), "",
             t("remind.intro_lead" if content.contact.is_lead else "remind.intro_dept", lang,
               as_of=content.as_of.isoformat()), ""]
    for section in sections(content):
        lines += [f"{t(f'remind.section.{section.key}', lang)} ({len(section.frame)})", ""]
        headers = _headers(section, lang)
        for row in _rows(section):
            lines.append(" | ".join(f"{h}: {v}" for h, v in zip(headers, row, strict=True) if v))
        lines.append("")
    lines += [t("remind.footer", lang)]
    return "\n".join(lines) + "\n"


def render_html(content: ReminderContent) -> str:
    lang = content.contact.lang
    esc = html.escape
    intro = t("remind.intro_lead" if content.contact.is_lead else "remind.intro_dept", lang,
              as_of=content.as_of.isoformat())
    parts = [f"<p>{esc(t('remind.greeting', lang, name=content.contact.name))}</p>", f"<p>{esc(intro)}</p>"]
    for section in sections(content):
        parts.append(f"<h3>{esc(t(f'remind.section.{section.key}', lang))} ({len(section.frame)})</h3>")
        head = "".join(f"<th style=\"border:1px solid {BORDER};padding:4px\">{esc(h)}</th>"
                       for h in _headers(section, lang))
        body = "".join("<tr>" + "".join(f"<td style=\"border:1px solid {BORDER};padding:4px\">{esc(v)}</td>"
                                        for v in row) + "</tr>" for row in _rows(section))
        parts.append(f"<table style=\"border-collapse:collapse\"><thead><tr>{head}</tr></thead>"
                     f"<tbody>{body}</tbody></table>")
    parts.append(f"<p>{esc(t('remind.footer', lang))}</p>")
    return f"<!DOCTYPE html><html lang=\"{esc(lang)}\"><body>{''.join(parts)}</body></html>"


def render_xlsx(content: ReminderContent) -> bytes:
    """One sheet per section; every text cell written as a string with formula starts neutralised."""
    lang = content.contact.lang
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False})
    bold = book.add_format({"bold": True})
    for section in sections(content):
        sheet = book.add_worksheet(t(f"remind.sheet.{section.key}", lang)[:31])
        for col, header in enumerate(_headers(section, lang)):
            sheet.write_string(0, col, header, bold)
            sheet.set_column(col, col, 16)
        for r, row in enumerate(_rows(section), start=1):
            for col, value in enumerate(row):
                sheet.write_string(r, col, neutralise(value))
    book.close()
    return buffer.getvalue()


def attachment_name(content: ReminderContent) -> str:
    return f"reminder-{content.as_of.isoformat()}.xlsx"


def content_hash(content: ReminderContent) -> str:
    """SHA-256 of what the reminder is about: recipient, language, and each section's rows without ``days_left``.

    Dates of the run and the day counts are left out on purpose: the same overdue issues tomorrow are the same
    reminder and are not sent again; a new issue, a changed status or due date, or a person who went, changes it.
    """
    digest = hashlib.sha256()
    digest.update(f"{content.contact.email}\x00{content.contact.lang}\x00".encode())
    for section in sections(content):
        keep = [c for c in section.columns if c != "days_left"]
        digest.update(section.key.encode() + b"\x1d")
        for row in section.frame.reindex(columns=keep).itertuples(index=False):
            digest.update("\x1f".join(_text(v) for v in row).encode("utf-8") + b"\x1e")
    return digest.hexdigest()


def build_message(content: ReminderContent, sender: str, now: dt.datetime | None = None) -> EmailMessage:
    now = now or dt.datetime.now(dt.UTC)
    message = EmailMessage()
    message["Subject"] = subject(content)
    message["From"] = sender
    message["To"] = content.contact.email
    message["Date"] = format_datetime(now if now.tzinfo else now.replace(tzinfo=dt.UTC))
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or "localhost")
    message["X-Walkthrough-Content"] = content_hash(content)
    message.set_content(render_text(content))
    message.add_alternative(render_html(content), subtype="html")
    message.add_attachment(render_xlsx(content), maintype="application",
                           subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                           filename=attachment_name(content))
    return message
