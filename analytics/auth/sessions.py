"""Server-side sign-out: a remembered sign-in cookie stops working when its user signs out (issue #12, finding 6).

The remember-me cookie of streamlit-authenticator is a signed token (HS256) holding the user name and its expiry
``exp_date`` = the moment it was issued + ``expiry_days``. Deleting it in the browser on sign-out is not enough: a
copy (another tab's, a stolen one) would sign in again until it expires. So signing out writes, per user, the
latest expiry any token issued until then can carry (``now + expiry_days``); a token of that user whose
``exp_date`` is not later is refused from then on. Tokens issued after the sign-out expire later, so they work.

The file lives next to the users file (``users.yaml`` → ``users.yaml.signouts.json``), mode 0600, written
atomically; entries whose cutoff has passed are dropped (every token they refuse has expired by itself). Signing
out thus ends every remembered sign-in of that user, in every browser, and (``signed_out_after``) every open
session signed in before it.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path

SUFFIX = ".signouts.json"


def signouts_path(users_file: Path | str) -> Path:
    users_file = Path(users_file)
    return users_file.with_name(users_file.name + SUFFIX)


def _read(path: Path) -> dict[str, dict]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        # A damaged file must not revive revoked tokens silently: treat every cookie as revoked (fail closed);
        # a password sign-in still works and rewrites the file on the next sign-out.
        return {"*": {"at": time.time(), "cutoff": float("inf")}}
    return data if isinstance(data, dict) else {}


def _write(path: Path, data: dict) -> None:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".signouts.", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, sort_keys=True)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def record_sign_out(users_file: Path | str, username: str, expiry_days: float, now: float | None = None) -> None:
    """Refuse from now on every token of ``username`` issued until now."""
    now = time.time() if now is None else now
    path = signouts_path(users_file)
    data = {name: entry for name, entry in _read(path).items()
            if isinstance(entry, dict) and float(entry.get("cutoff", 0)) > now}
    previous = data.get(username, {})
    cutoff = max(now + float(expiry_days) * 86400.0, float(previous.get("cutoff", 0)))
    data[username] = {"at": now, "cutoff": cutoff}
    _write(path, data)


def token_revoked(users_file: Path | str, username: str, exp_date: float) -> bool:
    """Whether a token of ``username`` expiring at ``exp_date`` was issued before a sign-out of that user."""
    data = _read(signouts_path(users_file))
    for entry in (data.get(username), data.get("*")):
        if isinstance(entry, dict) and exp_date <= float(entry.get("cutoff", 0)):
            return True
    return False


def signed_out_after(users_file: Path | str, username: str, signed_in_at: float) -> bool:
    """Whether ``username`` signed out (anywhere) after a session of theirs signed in at ``signed_in_at``."""
    entry = _read(signouts_path(users_file)).get(username)
    return isinstance(entry, dict) and float(entry.get("at", 0)) > signed_in_at
