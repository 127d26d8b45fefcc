"""``python -m analytics users ...`` and ``audit``: a round trip on a temporary users file, audited when a DB exists."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest
import yaml

from analytics.cli import main
from analytics.config import PROJECT_ROOT

PASSWORD = "Walk-through-9"


def run_cli(monkeypatch, capsys, *argv: str, stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def make_database(path) -> None:
    from analytics.store.connection import connect

    with connect(path):  # a read-write open creates the file and applies every migration
        pass


def test_add_list_remove_round_trip(monkeypatch, capsys, private_paths):
    make_database(private_paths["db"])
    code, out, err = run_cli(monkeypatch, capsys, "users", "add", "Alice", "--role", "viewer", "--company", "東海省公司",
                             "--name", "陳主任", "--password-stdin", stdin=PASSWORD + "\n")
    assert code == 0 and "alice" in out
    assert "roster has no company" in err  # a warning only: users may be set up before the first roster
    code, _, _ = run_cli(monkeypatch, capsys, "users", "add", "root", "--role", "admin", "--password-stdin",
                         stdin=PASSWORD + "\n")
    assert code == 0

    code, out, _ = run_cli(monkeypatch, capsys, "users", "list", "--json")
    assert code == 0
    assert json.loads(out) == [
        {"username": "alice", "name": "陳主任", "role": "viewer", "company": "東海省公司", "department": None},
        {"username": "root", "name": "root", "role": "admin", "company": None, "department": None},
    ]
    text = private_paths["users"].read_text(encoding="utf-8")
    assert PASSWORD not in text  # only the bcrypt hash is stored
    assert yaml.safe_load(text)["credentials"]["usernames"]["alice"]["password"].startswith("$2b$")

    code, out, _ = run_cli(monkeypatch, capsys, "users", "passwd", "alice", "--password-stdin", stdin="New-secret-10\n")
    assert code == 0
    code, out, _ = run_cli(monkeypatch, capsys, "users", "remove", "alice")
    assert code == 0
    code, out, _ = run_cli(monkeypatch, capsys, "users", "list")
    assert "alice" not in out and out.startswith("root")

    # every change is in the audit log, newest first: remove, passwd, add root, add alice
    code, out, _ = run_cli(monkeypatch, capsys, "audit", "--json")
    entries = json.loads(out)
    assert [e["action"] for e in entries] == ["user_remove", "user_passwd", "user_add", "user_add"]
    assert entries[-1]["detail"] == {"username": "alice", "role": "viewer", "company": "東海省公司"}
    assert all(e["actor"].startswith("cli") for e in entries)
    assert PASSWORD not in out and "New-secret-10" not in out

    code, out, _ = run_cli(monkeypatch, capsys, "audit", "--action", "user_add")
    assert code == 0 and len(out.strip().splitlines()) == 2


def test_without_database_users_still_work_and_say_audit_is_missing(monkeypatch, capsys, private_paths):
    code, _, err = run_cli(monkeypatch, capsys, "users", "add", "bob", "--role", "lead", "--company", "南嶺省公司",
                           "--password-stdin", stdin=PASSWORD)
    assert code == 0 and "audit" in err
    assert not private_paths["db"].exists()  # an audit line never creates the database


@pytest.mark.parametrize(
    ("argv", "stdin", "fragment"),
    [
        (("users", "add", "x", "--role", "viewer", "--password-stdin"), PASSWORD, "--company"),
        (("users", "add", "x", "--role", "admin", "--password-stdin"), "short", "8"),
        (("users", "remove", "ghost"), "", "ghost"),
        (("users", "passwd", "ghost", "--password-stdin"), PASSWORD, "ghost"),
        (("users", "add", "x", "--role", "admin"), "", "--password-stdin"),  # stdin is not a terminal
    ],
)
def test_errors_are_sentences_with_exit_code_2(monkeypatch, capsys, private_paths, argv, stdin, fragment):
    code, out, err = run_cli(monkeypatch, capsys, *argv, stdin=stdin)
    assert code == 2 and fragment in err and "Traceback" not in err
    assert not private_paths["users"].exists()  # nothing was written


def test_duplicate_user_is_refused(monkeypatch, capsys, private_paths):
    run_cli(monkeypatch, capsys, "users", "add", "a", "--role", "admin", "--password-stdin", stdin=PASSWORD)
    code, _, err = run_cli(monkeypatch, capsys, "users", "add", "A", "--role", "admin", "--password-stdin",
                           stdin=PASSWORD)
    assert code == 2 and "already exists" in err


def test_audit_on_missing_database_is_a_sentence(monkeypatch, capsys, private_paths):
    code, _, err = run_cli(monkeypatch, capsys, "audit")
    assert code == 2 and "Traceback" not in err


def test_real_process_round_trip(private_paths):
    """The command as a person types it (python -m analytics), with the environment pointing at the temp file."""
    from analytics.auth import UserStore

    cmd = [sys.executable, "-m", "analytics", "users", "add", "carol", "--role", "viewer", "--company", "南城市分公司",
           "--password-stdin"]
    done = subprocess.run(cmd, input=PASSWORD + "\n", cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    carol = UserStore.load().verify_password("carol", PASSWORD)  # the trailing newline is not part of it
    assert (carol.username, carol.role, carol.company) == ("carol", "viewer", "南城市分公司")


def test_audit_text_output_neutralises_terminal_escapes():
    from analytics.auth.audit import detail_text

    # an uploaded file name with an ANSI "clear screen" and a carriage return must not reach the terminal raw
    text = detail_text('{"file_name": "a\\u001b[2Jb\\rc.xlsx", "batch_id": 3, "note": null}')
    assert text == "file_name=a\ufffd[2Jb\ufffdc.xlsx; batch_id=3"
