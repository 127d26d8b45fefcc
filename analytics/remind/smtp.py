"""SMTP delivery with STARTTLS and bounded retries (SPEC 9).

Configuration (docs/reminders.md): environment variables, or a JSON file named by ``WALKTHROUGH_SMTP_CONFIG`` that
lives outside the repository (keys host, port, user, from, starttls, cafile, timeout). The password is read only
from the environment variable ``WALKTHROUGH_SMTP_PASSWORD``; a password key in the file is refused, so it cannot
end up committed next to the settings.
"""

from __future__ import annotations

import json
import os
import smtplib
import ssl
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

from analytics.errors import UserFacingError

PASSWORD_ENV = "WALKTHROUGH_SMTP_PASSWORD"
CONFIG_ENV = "WALKTHROUGH_SMTP_CONFIG"
_ENV = {"host": "WALKTHROUGH_SMTP_HOST", "port": "WALKTHROUGH_SMTP_PORT", "user": "WALKTHROUGH_SMTP_USER",
        "from": "WALKTHROUGH_SMTP_FROM", "starttls": "WALKTHROUGH_SMTP_STARTTLS", "cafile": "WALKTHROUGH_SMTP_CAFILE",
        "timeout": "WALKTHROUGH_SMTP_TIMEOUT"}
ATTEMPTS = 3  # per message: the first try and two retries
BACKOFF_SECONDS = (1.0, 4.0)  # waits before the retries


class SmtpConfigError(UserFacingError):
    """The SMTP settings are missing or unsafe; the message says which setting to fix."""


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int = 587
    sender: str = ""
    user: str | None = None
    password: str | None = None
    starttls: bool = True
    cafile: str | None = None  # a CA bundle to trust instead of the system's (a company's own mail CA)
    timeout: float = 30.0


def _truthy(value: object) -> bool:
    return str(value).strip().lower() not in ("0", "false", "no", "off", "")


def load_smtp_config(environ: Mapping[str, str] | None = None) -> SmtpConfig:
    env = os.environ if environ is None else environ
    settings: dict[str, object] = {}
    path = env.get(CONFIG_ENV)
    if path:
        try:
            settings.update(json.loads(Path(path).read_text(encoding="utf-8")))
        except (OSError, ValueError) as exc:
            raise SmtpConfigError(f"{CONFIG_ENV}={path}: cannot read the JSON settings ({exc})") from exc
        if "password" in settings:
            raise SmtpConfigError(f"{path}: remove the password; set it in the environment variable {PASSWORD_ENV}")
    for key, name in _ENV.items():
        if env.get(name):
            settings[key] = env[name]
    host = str(settings.get("host") or "").strip()
    sender = str(settings.get("from") or settings.get("user") or "").strip()
    if not host or not sender:
        raise SmtpConfigError(f"set {_ENV['host']} and {_ENV['from']} (or {CONFIG_ENV}) to send reminders")
    try:
        port = int(settings.get("port") or 587)
        timeout = float(settings.get("timeout") or 30)
    except ValueError as exc:
        raise SmtpConfigError(f"{_ENV['port']} / {_ENV['timeout']}: expected numbers") from exc
    return SmtpConfig(host, port, sender, str(settings["user"]) if settings.get("user") else None,
                      env.get(PASSWORD_ENV) or None, _truthy(settings.get("starttls", True)),
                      str(settings["cafile"]) if settings.get("cafile") else None, timeout)


class Mailer:
    """One SMTP session for a run, reopened when a delivery fails; ``send`` retries a message ATTEMPTS times."""

    def __init__(self, config: SmtpConfig, sleep: Callable[[float], None] = time.sleep) -> None:
        self.config = config
        self.sleep = sleep
        self._smtp: smtplib.SMTP | None = None

    def _open(self) -> smtplib.SMTP:
        c = self.config
        smtp = smtplib.SMTP(c.host, c.port, timeout=c.timeout)
        try:
            smtp.ehlo()
            if c.starttls:
                context = ssl.create_default_context(cafile=c.cafile)
                smtp.starttls(context=context)
                smtp.ehlo()
            elif c.user:
                raise SmtpConfigError("refusing to send the SMTP password without STARTTLS")
            if c.user:
                smtp.login(c.user, c.password or "")
        except BaseException:
            smtp.close()
            raise
        return smtp

    def send(self, message: EmailMessage) -> str | None:
        """Deliver ``message``; None on success, else the last failure's reason (after the bounded retries)."""
        reason = ""
        for attempt in range(ATTEMPTS):
            if attempt:
                self.sleep(BACKOFF_SECONDS[min(attempt - 1, len(BACKOFF_SECONDS) - 1)])
            try:
                if self._smtp is None:
                    self._smtp = self._open()
                refused = self._smtp.send_message(message)
                if refused:
                    return "; ".join(f"{k}: {v[0]} {v[1]!r}" for k, v in refused.items())
                return None
            except SmtpConfigError:
                raise
            except smtplib.SMTPResponseException as exc:
                text = exc.smtp_error
                reason = f"{exc.smtp_code} {text.decode('utf-8', 'replace') if isinstance(text, bytes) else text}"
                self._drop()
                if 500 <= exc.smtp_code < 600:  # permanent: retrying cannot help
                    return reason
            except (TimeoutError, smtplib.SMTPException, OSError, ssl.SSLError) as exc:
                reason = f"{type(exc).__name__}: {exc}"
                self._drop()
        return reason

    def _drop(self) -> None:
        if self._smtp is not None:
            try:
                self._smtp.close()
            finally:
                self._smtp = None

    def close(self) -> None:
        if self._smtp is not None:
            try:
                self._smtp.quit()
            except (smtplib.SMTPException, OSError):
                pass
            self._smtp = None
