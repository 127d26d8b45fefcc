"""The user store: a YAML file outside the repository with bcrypt-hashed passwords.

The file is the configuration format of streamlit-authenticator 0.4 (``cookie`` + ``credentials.usernames``), with
two fields of ours per user: ``roles`` (one of ``analytics.auth.model.ROLES``) and ``company``. It lives at
``~/.config/walkthrough/users.yaml`` unless ``$WALKTHROUGH_USERS`` names another file, so a clone of the repository
never carries credentials. Passwords are hashed with the ``bcrypt`` library (never hand-written crypto); a file
holding anything that is not a bcrypt hash in a password field is refused rather than trusted.
"""

from __future__ import annotations

import copy
import os
import re
import secrets
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import bcrypt

from analytics.auth.model import ADMIN, DEPARTMENT, ROLES, AuthError, User

ENV_VAR = "WALKTHROUGH_USERS"
BCRYPT_ROUNDS = 12  # bcrypt's own default cost; tests lower it to keep the suite fast
COOKIE_NAME = "walkthrough_auth"
COOKIE_EXPIRY_DAYS = 1.0
_BCRYPT_HASH = re.compile(r"^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$")
# Unicode word characters (so 張三 works) plus . @ -; lower case because streamlit-authenticator folds
# the typed name to lower case before looking it up.
_USERNAME = re.compile(r"^[\w.@-]{1,64}$")
_MIN_PASSWORD_CHARS = 8
_MAX_PASSWORD_BYTES = 72  # bcrypt only reads 72 bytes; bcrypt 5 refuses longer input instead of truncating
# Hashes to compare against when the user does not exist, so a wrong user name costs as long as a wrong password
# (no timing oracle for which user names exist). One per bcrypt cost, made on first use with the cost of the
# stored hashes: a cheaper dummy (it was cost 4 against the users' 12) would itself tell the names apart.
_DUMMY_HASHES: dict[int, str] = {}


def _dummy_hash(cost: int) -> str:
    if cost not in _DUMMY_HASHES:
        _DUMMY_HASHES[cost] = bcrypt.hashpw(b"not-a-real-password", bcrypt.gensalt(cost)).decode()
    return _DUMMY_HASHES[cost]


def hash_cost(password_hash: str) -> int:
    """The cost factor of a bcrypt hash (``$2b$12$...`` → 12)."""
    return int(password_hash.split("$")[2])


def users_path() -> Path:
    """The users file: ``$WALKTHROUGH_USERS`` or ``~/.config/walkthrough/users.yaml``."""
    configured = os.environ.get(ENV_VAR)
    return Path(configured).expanduser() if configured else Path.home() / ".config" / "walkthrough" / "users.yaml"


def normalize_username(username: str) -> str:
    """The stored form of a user name (trimmed, lower case) or an ``AuthError`` saying what is allowed."""
    name = (username or "").strip().lower()
    if not _USERNAME.match(name):
        raise AuthError(
            f"使用者名稱 {username!r} 無效：1–64 個字元，只可用文字、數字及 . @ - _ / "
            f"invalid user name {username!r}: 1-64 letters, digits or . @ - _"
        )
    return name


def check_password_rules(password: str) -> None:
    """Refuse passwords bcrypt or the sign-in form would treat differently from what was typed."""
    if password != password.strip():
        # streamlit-authenticator strips the typed password before checking it.
        raise AuthError("密碼不可以空白開頭或結尾 / a password must not start or end with a space")
    if len(password) < _MIN_PASSWORD_CHARS:
        raise AuthError(f"密碼至少 {_MIN_PASSWORD_CHARS} 個字元 / a password needs at least {_MIN_PASSWORD_CHARS} characters")
    if len(password.encode("utf-8")) > _MAX_PASSWORD_BYTES:
        raise AuthError(f"密碼最長 {_MAX_PASSWORD_BYTES} 位元組 / a password may be at most {_MAX_PASSWORD_BYTES} bytes")


def hash_password(password: str) -> str:
    """A bcrypt hash of ``password`` (after ``check_password_rules``)."""
    check_password_rules(password)
    return bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt(BCRYPT_ROUNDS)).decode("ascii")


@dataclass
class UserStore:
    """The users file in memory. ``load`` it, change it, ``save`` it (atomically, mode 0600)."""

    path: Path
    cookie: dict = field(default_factory=dict)
    records: dict[str, dict] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path | str | None = None) -> UserStore:
        """Read the users file; a missing file is an empty store. A malformed file raises ``AuthError``."""
        path = Path(path) if path is not None else users_path()
        if not path.exists():
            return cls(path)
        import yaml  # here, not at the top: local mode (no users file) never needs it (issue #17 start-up)

        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            raise AuthError(f"無法讀取使用者檔 {path} / cannot read the users file {path}: {exc}") from exc
        usernames = (data.get("credentials") or {}).get("usernames") if isinstance(data, dict) else None
        if not isinstance(data, dict) or not isinstance(usernames or {}, dict):
            raise AuthError(f"使用者檔格式不正確 / the users file {path} is not in the expected format")
        records: dict[str, dict] = {}
        for name, record in (usernames or {}).items():
            record = dict(record or {})
            if not _BCRYPT_HASH.match(str(record.get("password", ""))):
                # Never accept (or silently hash) a plain-text password someone typed into the file.
                raise AuthError(
                    f"使用者檔 {path} 中 {name} 的密碼不是 bcrypt 雜湊，請用 `python -m analytics users passwd {name}` "
                    f"重設 / the password of {name} in {path} is not a bcrypt hash; reset it with the command above"
                )
            roles = record.get("roles") or []
            if not roles or roles[0] not in ROLES:
                raise AuthError(f"使用者檔 {path} 中 {name} 的角色無效 / {name} has no valid role in {path}")
            records[normalize_username(str(name))] = record
        cookie = dict(data.get("cookie") or {})
        store = cls(path, cookie, records)
        try:
            store.users()  # every record must make a valid User (a lead/viewer needs a company)
        except AuthError as exc:
            raise AuthError(f"使用者檔 {path} 有誤 / the users file {path} is invalid: {exc}") from exc
        return store

    # -- reading -----------------------------------------------------------------------------------------------
    def users(self) -> list[User]:
        """Every user, sorted by user name."""
        return [self._user(name) for name in sorted(self.records)]

    def get(self, username: str) -> User | None:
        """The user called ``username`` (any case), or ``None``."""
        name = (username or "").strip().lower()
        return self._user(name) if name in self.records else None

    def password_hash(self, username: str) -> str | None:
        record = self.records.get((username or "").strip().lower())
        return None if record is None else str(record["password"])

    def verify_password(self, username: str, password: str) -> User | None:
        """The user when ``password`` is theirs, else ``None`` (same bcrypt cost either way)."""
        stored = self.password_hash(username) or _dummy_hash(self.usual_cost())
        try:
            ok = bcrypt.checkpw(password.encode("utf-8"), stored.encode("ascii"))
        except ValueError:  # over-long input: bcrypt 5 refuses rather than truncating
            ok = False
        return self.get(username) if ok and self.password_hash(username) else None

    def usual_cost(self) -> int:
        """The bcrypt cost most stored hashes use (``BCRYPT_ROUNDS`` without users): the dummy check's cost."""
        costs = [hash_cost(str(record["password"])) for record in self.records.values()]
        return max(set(costs), key=costs.count) if costs else BCRYPT_ROUNDS

    def _user(self, name: str) -> User:
        record = self.records[name]
        return User(
            username=name,
            display_name=str(record.get("name") or name),
            role=record["roles"][0],
            company=record.get("company") or None,
            department=record.get("department") or None,
        )

    # -- changing ----------------------------------------------------------------------------------------------
    def add(self, username: str, *, role: str, password: str, company: str | None = None,
            display_name: str | None = None, department: str | None = None) -> User:
        """Add a user; lead, viewer and department need a company (department also a department), an admin has
        none (everything)."""
        name = normalize_username(username)
        if name in self.records:
            raise AuthError(f"使用者 {name} 已存在 / user {name} already exists")
        if role not in ROLES:
            raise AuthError(f"角色須為 {' / '.join(ROLES)} / role must be one of {', '.join(ROLES)}")
        company = (company or "").strip() or None
        if role == ADMIN and company:
            raise AuthError("管理員不綁定公司（可看全部）/ an admin has no company (sees everything)")
        if role != ADMIN and not company:
            raise AuthError(f"{role} 角色必須指定 --company / role {role} needs --company")
        department = (department or "").strip() or None
        if role == DEPARTMENT and not department:
            raise AuthError("department 角色必須指定 --department（責任部門）/ role department needs --department")
        if role != DEPARTMENT and department:
            raise AuthError("只有 department 角色綁定部門 / only role department has a --department")
        self.records[name] = {
            "name": (display_name or "").strip() or name,
            "password": hash_password(password),
            "roles": [str(role)],  # plain text in YAML even when given a Role member
            "company": company,
            **({"department": department} if department else {}),
            "email": "",
        }
        return self._user(name)

    def remove(self, username: str) -> User:
        """Remove a user and rotate the sign-in cookie key so their remembered sessions end."""
        user = self.require(username)
        del self.records[user.username]
        self.rotate_cookie_key()
        return user

    def set_password(self, username: str, password: str) -> User:
        """Give a user a new password and rotate the cookie key (remembered sign-ins must sign in again)."""
        user = self.require(username)
        self.records[user.username]["password"] = hash_password(password)
        self.rotate_cookie_key()
        return user

    def rotate_cookie_key(self) -> None:
        self.cookie["key"] = secrets.token_hex(32)

    def require(self, username: str) -> User:
        """The user called ``username`` or an ``AuthError`` saying there is none."""
        user = self.get(username)
        if user is None:
            raise AuthError(f"沒有使用者 {username} / no user {username}")
        return user

    # -- writing -----------------------------------------------------------------------------------------------
    def cookie_settings(self) -> dict:
        """Cookie name, signing key and expiry for streamlit-authenticator (a key is created when missing)."""
        cookie = {"name": COOKIE_NAME, "expiry_days": COOKIE_EXPIRY_DAYS, **self.cookie}
        if not cookie.get("key"):
            cookie["key"] = secrets.token_hex(32)
            self.cookie = cookie
        return cookie

    def credentials(self) -> dict:
        """A deep copy in streamlit-authenticator's shape; the library may mutate it, never our file."""
        return {"usernames": copy.deepcopy(self.records)}

    def save(self) -> None:
        """Write the file atomically (temp file + rename), readable by its owner only."""
        import yaml

        self.cookie_settings()
        data = {"cookie": self.cookie, "credentials": {"usernames": self.records}}
        text = (
            "# 流程穿越 analytics users — managed with `python -m analytics users ...`; passwords are bcrypt hashes.\n"
            + yaml.safe_dump(data, allow_unicode=True, sort_keys=True)
        )
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".users.", suffix=".yaml", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            os.chmod(tmp, 0o600)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
