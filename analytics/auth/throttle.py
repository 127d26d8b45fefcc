"""Back-off after failed sign-ins, per user name and per client address (issue #12, finding 9).

Without it 40 guesses took 26 s. Each key (a user name, an address) may fail ``free`` times; after that it must
wait ``base_s × 2^(failures − free)`` seconds (capped at ``cap_s``) after its last failure before the next
password is even checked — the right password is refused too while the wait lasts, or the wait would stop
nothing. A try refused for waiting is not counted (it tested no password). A successful sign-in clears the user
name's count but not the address's (one known account must not wash an address that sprays other names). A key
with no failure for ``forget_s`` is forgotten.

The per-address limit is looser (many people may share an office's NAT address); the per-user limit stops
guessing one account from many addresses. The price, stated in docs/security.md: anyone can keep a known user
name waiting by failing on purpose (at most ``cap_s`` after their last try).

The state lives in the server process (lost on restart, shared by every session); pure, clock injectable.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Policy:
    free: int  # failures allowed before any wait
    base_s: float  # wait after the first failure beyond ``free``
    cap_s: float  # longest wait
    forget_s: float  # a key quiet this long starts again from zero


USER = Policy(free=5, base_s=30.0, cap_s=900.0, forget_s=3600.0)
ADDRESS = Policy(free=20, base_s=30.0, cap_s=900.0, forget_s=3600.0)


def wait_after(failures: int, policy: Policy) -> float:
    """Seconds a key must wait after its last failure, having failed ``failures`` times."""
    if failures < policy.free:
        return 0.0
    return min(policy.cap_s, policy.base_s * 2.0 ** (failures - policy.free))


class Throttle:
    """Failure counts per key; ``wait_s`` before checking a password, ``failed``/``succeeded`` after."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._state: dict[str, tuple[int, float]] = {}  # key -> (failures, time of the last failure)

    def _current(self, key: str, policy: Policy, now: float) -> tuple[int, float]:
        failures, last = self._state.get(key, (0, -math.inf))
        if now - last > policy.forget_s:
            self._state.pop(key, None)
            return 0, -math.inf
        return failures, last

    def wait_s(self, keys: Iterable[tuple[str, Policy]]) -> float:
        """How long until a password may be checked for all ``keys`` (0 = now)."""
        with self._lock:
            now = self._clock()
            waits = [0.0]
            for key, policy in keys:
                failures, last = self._current(key, policy, now)
                waits.append(last + wait_after(failures, policy) - now if failures else 0.0)
            return max(0.0, max(waits))

    def failed(self, keys: Iterable[tuple[str, Policy]]) -> None:
        with self._lock:
            now = self._clock()
            for key, policy in keys:
                failures, _ = self._current(key, policy, now)
                self._state[key] = (failures + 1, now)

    def succeeded(self, key: str) -> None:
        with self._lock:
            self._state.pop(key, None)

    def reset(self) -> None:
        """Forget every count (tests: one test's failures must not make the next one wait)."""
        with self._lock:
            self._state.clear()


def sign_in_keys(username: str | None, address: str | None) -> list[tuple[str, Policy]]:
    """The keys one sign-in attempt counts against: its user name (as the form folds it) and its address."""
    keys = [("user:" + (username or "").strip().lower(), USER)]
    if address:
        keys.append(("addr:" + address, ADDRESS))
    return keys


SIGN_INS = Throttle()  # the server process's one instance
