"""The staff PIN: kept only as a salted scrypt hash, checked in constant time, with a lockout.

The hash is one self-describing string, `scrypt$n$r$p$salt$hash` (salt and hash in base64), so
the cost can be raised later without breaking PINs already set. Five wrong tries lock staff entry
for five minutes. The lockout is written to a small file in the data folder, so pulling the plug
does not buy a guesser five fresh tries; it uses the wall clock for that reason, and a lockout
that seems to reach further than its length (the clock was set back) is cut to its length.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import itertools
import json
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from kiosk.session.paths import write_atomically

SCHEME = "scrypt"
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
HASH_BYTES = 32
PIN_MIN_DIGITS = 4
PIN_MAX_DIGITS = 8
MAX_FAILURES = 5
LOCKOUT_SECONDS = 300.0

# Bounds on what a stored hash may ask for, so a tampered file cannot make a check eat the memory.
_MAX_N = 2**20
_MAX_R = 32
_MAX_P = 16

_log = logging.getLogger(__name__)


class PinFormatError(ValueError):
    """A PIN someone typed that cannot be used (wrong length, not digits, too easy to guess)."""


class PinHashError(ValueError):
    """A stored PIN hash that is not a well-formed `scrypt$n$r$p$salt$hash` string."""


def check_new_pin(pin: str) -> None:
    """Raise `PinFormatError` with a plain message unless `pin` is 4-8 digits and not trivial."""
    if not (pin.isascii() and pin.isdigit()):
        raise PinFormatError("The PIN must be digits only (0-9).")
    if not PIN_MIN_DIGITS <= len(pin) <= PIN_MAX_DIGITS:
        raise PinFormatError(f"The PIN must be {PIN_MIN_DIGITS} to {PIN_MAX_DIGITS} digits long.")
    steps = {int(b) - int(a) for a, b in itertools.pairwise(pin)}
    if steps in ({0}, {1}, {-1}):
        raise PinFormatError("That PIN is too easy to guess (all one digit, or a run like 1234).")


@dataclass(frozen=True)
class PinHash:
    n: int
    r: int
    p: int
    salt: bytes
    digest: bytes

    def __str__(self) -> str:
        salt = base64.b64encode(self.salt).decode("ascii")
        digest = base64.b64encode(self.digest).decode("ascii")
        return f"{SCHEME}${self.n}${self.r}${self.p}${salt}${digest}"


def _derive(pin: str, salt: bytes, n: int, r: int, p: int, length: int) -> bytes:
    return hashlib.scrypt(
        pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=length, maxmem=256 * n * r + 2**20
    )


def hash_pin(pin: str, *, salt: bytes | None = None) -> str:
    """The string to store for `pin`: a fresh random salt unless one is given (tests)."""
    salt = os.urandom(SALT_BYTES) if salt is None else salt
    digest = _derive(pin, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P, HASH_BYTES)
    return str(PinHash(SCRYPT_N, SCRYPT_R, SCRYPT_P, salt, digest))


def parse_pin_hash(stored: str) -> PinHash:
    """Read a stored hash, or raise `PinHashError` saying what is wrong with it."""
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != SCHEME:
        raise PinHashError("expected 'scrypt$n$r$p$salt$hash'; set the PIN again with `kiosk set-pin`")
    try:
        n, r, p = (int(part) for part in parts[1:4])
        salt = base64.b64decode(parts[4], validate=True)
        digest = base64.b64decode(parts[5], validate=True)
    except (ValueError, binascii.Error) as error:
        raise PinHashError(f"unreadable PIN hash ({error}); set the PIN again with `kiosk set-pin`") from None
    if not (2 <= n <= _MAX_N and n & (n - 1) == 0 and 1 <= r <= _MAX_R and 1 <= p <= _MAX_P):
        raise PinHashError("PIN hash cost parameters out of range; set the PIN again with `kiosk set-pin`")
    if len(salt) < 8 or len(digest) < 16:
        raise PinHashError("PIN hash salt or digest too short; set the PIN again with `kiosk set-pin`")
    return PinHash(n, r, p, salt, digest)


def verify_pin(pin: str, stored: str) -> bool:
    """True when `pin` matches the stored hash; the final comparison takes constant time."""
    parsed = parse_pin_hash(stored)
    candidate = _derive(pin, parsed.salt, parsed.n, parsed.r, parsed.p, len(parsed.digest))
    return hmac.compare_digest(candidate, parsed.digest)


class PinCheck(StrEnum):
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    LOCKED_OUT = "locked-out"
    NO_PIN_SET = "no-pin-set"


class PinGuard:
    """Checks PINs typed on the staff pad and enforces the lockout after repeated wrong tries.

    `clock` is the wall clock (seconds since the epoch) so the lockout survives a restart when a
    `state_file` is given; without one the lockout lives in memory only.
    """

    def __init__(
        self,
        pin_hash: str | None,
        *,
        state_file: Path | None = None,
        clock: Callable[[], float] = time.time,
        max_failures: int = MAX_FAILURES,
        lockout_seconds: float = LOCKOUT_SECONDS,
    ) -> None:
        self._pin_hash = pin_hash
        self._state_file = state_file
        self._clock = clock
        self._max_failures = max_failures
        self._lockout_seconds = lockout_seconds
        self._failures = 0
        self._locked_until = 0.0
        self._load_state()

    def check(self, pin: str) -> PinCheck:
        """Check one attempt. While locked out, attempts are not even looked at."""
        if self._pin_hash is None:
            return PinCheck.NO_PIN_SET
        if self.seconds_locked() > 0:
            return PinCheck.LOCKED_OUT
        if self._locked_until:  # a lockout has just run out: a fresh set of tries
            self._failures, self._locked_until = 0, 0.0
        try:
            accepted = verify_pin(pin, self._pin_hash)
        except PinHashError:
            _log.error("the stored PIN hash is unreadable; staff entry stays closed")
            accepted = False
        if accepted:
            self._failures, self._locked_until = 0, 0.0
            self._save_state()
            return PinCheck.ACCEPTED
        self._failures += 1
        _log.warning("wrong staff PIN (%d of %d tries)", self._failures, self._max_failures)
        if self._failures >= self._max_failures:
            self._locked_until = self._clock() + self._lockout_seconds
            _log.warning("staff entry locked for %.0f seconds", self._lockout_seconds)
        self._save_state()
        return PinCheck.LOCKED_OUT if self._locked_until else PinCheck.REJECTED

    def seconds_locked(self) -> float:
        """How long staff entry stays locked (0 when it is open); for the pad's countdown."""
        if not self._locked_until:
            return 0.0
        left = self._locked_until - self._clock()
        return max(0.0, min(left, self._lockout_seconds))

    @property
    def tries_left(self) -> int:
        return max(0, self._max_failures - self._failures) if self.seconds_locked() == 0 else 0

    def _load_state(self) -> None:
        if self._state_file is None or not self._state_file.exists():
            return
        try:
            data = json.loads(self._state_file.read_text(encoding="utf-8"))
            failures, locked_until = int(data["failures"]), float(data["locked_until"])
        except (OSError, ValueError, KeyError, TypeError) as error:
            _log.warning("ignoring unreadable PIN lockout file %s: %s", self._state_file, error)
            return
        self._failures = max(0, failures)
        now = self._clock()
        # A clock set back must not stretch the lockout beyond its length.
        self._locked_until = min(locked_until, now + self._lockout_seconds) if locked_until > now else 0.0
        if locked_until and locked_until <= now:
            self._failures = 0

    def _save_state(self) -> None:
        if self._state_file is None:
            return
        payload = {"failures": self._failures, "locked_until": self._locked_until}
        try:
            write_atomically(self._state_file, json.dumps(payload).encode("utf-8"))
        except OSError as error:
            _log.warning("cannot save the PIN lockout to %s: %s", self._state_file, error)
