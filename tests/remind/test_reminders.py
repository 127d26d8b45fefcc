"""Reminders (SPEC 9): contents for the hand-made case (tests/remind/handmade.py), .eml files, delivery through a
real SMTP server with STARTTLS on 127.0.0.1, no double sending, and a failing server retried and reported."""

from __future__ import annotations

import io
import json
from email import message_from_bytes, policy

import openpyxl
import pytest

from analytics.cli import main
from analytics.remind import smtp as smtp_module
from analytics.remind.content import build_contents
from analytics.remind.runs import load_reminder_runs
from analytics.store.connection import connect
from tests.remind.handmade import AS_OF, build_store
from tests.remind.smtpserver import free_smtp_port, self_signed, start_server


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("remind") / "walkthrough.duckdb")


@pytest.fixture
def fresh_store(tmp_path):
    return build_store(tmp_path / "data" / "walkthrough.duckdb")


def _by_email(contents):
    return {c.contact.email: c for c in contents}


def test_contents_of_the_handmade_case(store):
    with connect(store, read_only=True) as con:
        contents = _by_email(build_contents(con, AS_OF))
    chen = contents["chen@example.com"]
    assert chen.overdue["issue_id"].tolist() == ["Q1"]
    assert chen.due_soon["issue_id"].tolist() == ["Q6", "Q2"]
    assert chen.due_soon["days_left"].tolist() == [0, 5]
    assert contents["wang@example.com"].overdue["issue_id"].tolist() == ["Q5"]
    assert contents["kefu@example.com"].is_empty
    lead = contents["lead@example.com"]
    assert lead.overdue.empty and lead.due_soon.empty
    assert list(zip(lead.owed["rule"], lead.owed["period"], lead.owed["employee_id"], strict=True)) == [
        ("CITY-RECEPT-M", "2026-08", "001"), ("CITY-DEPT-Q", "2026Q3", "001"), ("CITY-DEPT-Q", "2026Q3", "003"),
        ("CITY-MGR-Q", "2026Q3", "001")]


def test_dry_run_writes_eml_files_in_the_contacts_language_with_tables_and_a_safe_attachment(store, tmp_path):
    out = tmp_path / "eml"
    assert main(["remind", "--as-of", AS_OF.isoformat(), "--out", str(out), "--db", str(store)]) == 0
    files = sorted(out.glob("*.eml"))
    assert len(files) == 3  # kefu@ has nothing due: no message
    messages = {m["To"]: m for m in (message_from_bytes(f.read_bytes(), policy=policy.default) for f in files)}
    chen = messages["chen@example.com"]
    assert chen["Subject"] == ("[Walkthrough] Reminder for 廣州市分公司 市場部: 1 overdue issue, "
                               "2 issues due within 7 days")
    text = chen.get_body(("plain",)).get_content()
    assert "Dear 陳市場," in text and "Issue ID: Q1" in text
    assert "Issue ID: Q3" not in text and "Issue ID: Q7" not in text and "Issue ID: Q4" not in text
    html = chen.get_body(("html",)).get_content()
    assert "<table" in html and "&lt;b&gt;系統&lt;/b&gt;卡頓" in html and "<b>系統</b>" not in html
    [attachment] = list(chen.iter_attachments())
    book = openpyxl.load_workbook(io.BytesIO(attachment.get_content()))
    assert book.sheetnames == ["Overdue", "Due soon"]
    due = [[c.value for c in row] for row in book["Due soon"].iter_rows(min_row=2)]
    assert [r[0] for r in due] == ["Q6", "Q2"]
    assert due[1][6] == "'=cmd|' /C calc'!A0"  # formula start neutralised
    lead = messages["lead@example.com"]
    assert lead["Subject"] == "【流程穿越】提醒 廣州市分公司：尚未穿越 4 人次"
    assert "李牽頭 您好" in lead.get_body(("plain",)).get_content()


def test_delivery_over_starttls_then_no_double_sending(fresh_store, tmp_path, monkeypatch):
    cert, key = self_signed(tmp_path)
    port = free_smtp_port()
    controller, recorder = start_server(port, cert, key)
    try:
        for name, value in {"WALKTHROUGH_SMTP_HOST": "127.0.0.1", "WALKTHROUGH_SMTP_PORT": str(port),
                            "WALKTHROUGH_SMTP_FROM": "reminders@example.com", "WALKTHROUGH_SMTP_CAFILE": str(cert)
                            }.items():
            monkeypatch.setenv(name, value)
        argv = ["remind", "--as-of", AS_OF.isoformat(), "--send", "--db", str(fresh_store), "--user", "cron"]
        assert main(argv) == 0
        assert sorted(m["To"] for m in recorder.messages) == [
            "chen@example.com", "lead@example.com", "wang@example.com"]
        assert recorder.tls_seen == [True, True, True]  # every message went after STARTTLS
        wang = next(m for m in recorder.messages if m["To"] == "wang@example.com")
        assert "Q5" in wang.get_body(("plain",)).get_content()
        assert main(argv) == 0  # the same content again: nothing goes out
        assert len(recorder.messages) == 3
        # the next day: wang's and the lead's lists are the same (day counts are not content) and are skipped;
        # chen's changed (Q6, due 08-20, is now overdue; Q3, due 08-28, is now within 7 days): one new message
        assert main([*argv[:2], "2026-08-21", *argv[3:]]) == 0
        assert [m["To"] for m in recorder.messages[3:]] == ["chen@example.com"]
        latest = recorder.messages[3].get_body(("plain",)).get_content()
        assert "Overdue issues (2)" in latest and "Issues due within 7 days (2)" in latest
    finally:
        controller.stop()
    with connect(fresh_store, read_only=True) as con:
        runs = load_reminder_runs(con)
    assert runs[["mode", "messages", "sent", "skipped", "failed"]].values.tolist() == [
        ["send", 3, 1, 2, 0], ["send", 3, 0, 3, 0], ["send", 3, 3, 0, 0]]
    assert runs["run_by"].tolist() == ["cron"] * 3 and runs["finished_at"].notna().all()


def test_a_failing_server_is_retried_recorded_and_reported(fresh_store, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(smtp_module, "BACKOFF_SECONDS", (0.0, 0.0))
    cert, key = self_signed(tmp_path)
    monkeypatch.setenv("WALKTHROUGH_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("WALKTHROUGH_SMTP_FROM", "reminders@example.com")
    monkeypatch.setenv("WALKTHROUGH_SMTP_CAFILE", str(cert))
    # 1. connection refused: nothing listens on 8789
    monkeypatch.setenv("WALKTHROUGH_SMTP_PORT", "8789")
    argv = ["remind", "--as-of", AS_OF.isoformat(), "--send", "--db", str(fresh_store)]
    assert main(argv) == 1
    printed = capsys.readouterr().out
    assert "失敗 3" in printed and "ConnectionRefusedError" in printed
    # 2. a 451 twice, then accepted: the retry delivers; a third 451 streak (3 attempts) fails that message
    port = free_smtp_port()
    controller, recorder = start_server(port, cert, key)
    monkeypatch.setenv("WALKTHROUGH_SMTP_PORT", str(port))
    try:
        recorder.fail_next = 2
        assert main(argv) == 0
        assert len(recorder.messages) == 3
    finally:
        controller.stop()
    with connect(fresh_store, read_only=True) as con:
        runs = load_reminder_runs(con)
    newest, first = runs.iloc[0], runs.iloc[1]
    assert (int(newest["sent"]), int(newest["failed"])) == (3, 0)
    assert (int(first["sent"]), int(first["failed"])) == (0, 3)
    assert {f["email"] for f in first["failures"]} == {"chen@example.com", "lead@example.com", "wang@example.com"}
    assert all("ConnectionRefusedError" in f["reason"] for f in first["failures"])


def test_the_password_never_comes_from_a_file(tmp_path):
    settings = tmp_path / "smtp.json"
    settings.write_text(json.dumps({"host": "mail.example.com", "from": "r@example.com", "password": "x"}))
    with pytest.raises(smtp_module.SmtpConfigError, match="WALKTHROUGH_SMTP_PASSWORD"):
        smtp_module.load_smtp_config({"WALKTHROUGH_SMTP_CONFIG": str(settings)})
    settings.write_text(json.dumps({"host": "mail.example.com", "from": "r@example.com", "user": "r", "port": 2525}))
    config = smtp_module.load_smtp_config({"WALKTHROUGH_SMTP_CONFIG": str(settings),
                                           "WALKTHROUGH_SMTP_PASSWORD": "secret"})
    assert (config.host, config.port, config.user, config.password, config.starttls) == (
        "mail.example.com", 2525, "r", "secret", True)
    with pytest.raises(smtp_module.SmtpConfigError):
        smtp_module.load_smtp_config({})


def test_a_contact_of_an_unknown_company_is_reported_and_the_others_still_go(fresh_store, tmp_path, capsys):
    from analytics.store.importer import import_files

    typo = "公司,姓名,電子郵件\n廣州市分公同,錯字,typo@example.com\n".encode()
    assert import_files([("typo.csv", typo)], db_path=fresh_store, user="t")[0].status == "imported"
    out = tmp_path / "eml"
    assert main(["remind", "--as-of", AS_OF.isoformat(), "--out", str(out), "--db", str(fresh_store)]) == 1
    assert len(list(out.glob("*.eml"))) == 3  # the three real messages are written all the same
    printed = capsys.readouterr().out
    assert "typo@example.com" in printed and "廣州市分公同" in printed and "不在人員名冊中" in printed
