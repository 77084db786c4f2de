"""The staff PIN: kept only as a salted scrypt hash, checked in constant time, with a lockout.

The hash is one self-describing string, `scrypt$n$r$p$salt$hash` (salt and hash in base64), so
the cost can be raised later without breaking PINs already set. Five wrong tries lock staff entry
for five minutes. The lockout is measured on the monotonic clock, so setting the wall clock
forward does not unlock it. It is written to a small file in the data folder (the count of wrong
tries and the monotonic end of the lockout, with the boot it belongs to), so pulling the plug does
not buy a guesser five fresh tries: after a reboot a lockout that was running starts again in full.
The file is read with limits; a damaged one closes staff entry for one lockout, with one log line.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import itertools
import json
import logging
import math
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from kiosk.content.escape import escape
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

# Bounds on what a stored hash may ask for, so a tampered file cannot make a check eat the memory
# or the processor: scrypt needs 128 * n * r bytes and time in proportion to n * r * p.
_MAX_N = 2**20
_MAX_R = 32
_MAX_P = 16
MAX_SCRYPT_MEMORY = 64 * 1024 * 1024
MAX_SCRYPT_WORK = 2**20
"""n * r * p, eight times the work of the PINs this program sets."""
_MAX_DIGEST_BYTES = 64
_MAX_SALT_BYTES = 64
MAX_LOCKOUT_FILE_BYTES = 4096
_BOOT_ID = Path("/proc/sys/kernel/random/boot_id")

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
    if 128 * n * r > MAX_SCRYPT_MEMORY or n * r * p > MAX_SCRYPT_WORK:
        raise PinHashError(
            "PIN hash asks for too much memory or time; set the PIN again with `kiosk set-pin`"
        )
    if not (8 <= len(salt) <= _MAX_SALT_BYTES and 16 <= len(digest) <= _MAX_DIGEST_BYTES):
        raise PinHashError(
            "PIN hash salt or digest has the wrong length; set the PIN again with `kiosk set-pin`"
        )
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

    `clock` is a monotonic clock (seconds), so changing the wall clock changes nothing; with a
    `state_file` the lockout survives a restart, without one it lives in memory only.
    """

    def __init__(
        self,
        pin_hash: str | None,
        *,
        state_file: Path | None = None,
        clock: Callable[[], float] = time.monotonic,
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
            self._lock_now()
            _log.warning("staff entry locked for %.0f seconds", self._lockout_seconds)
        self._save_state()
        return PinCheck.LOCKED_OUT if self._locked_until else PinCheck.REJECTED

    def seconds_locked(self) -> float:
        """How long staff entry stays locked (0 when it is open); for the pad's countdown."""
        if not self._locked_until:
            return 0.0
        left = self._locked_until - self._clock()
        return max(0.0, min(left, self._lockout_seconds))

    def _lock_now(self) -> None:
        self._failures = max(self._failures, self._max_failures)
        self._locked_until = self._clock() + self._lockout_seconds

    @property
    def tries_left(self) -> int:
        return max(0, self._max_failures - self._failures) if self.seconds_locked() == 0 else 0

    def _load_state(self) -> None:
        if self._state_file is None:
            return
        try:
            if not self._state_file.exists():
                return
            failures, locked_until, boot = _read_lockout_file(self._state_file)
        except (OSError, ValueError, RecursionError) as error:
            _log.warning(
                "the PIN lockout file %s is unreadable (%s); staff entry is locked for %.0f seconds",
                self._state_file,
                escape(str(error))[:200],
                self._lockout_seconds,
            )
            self._lock_now()
            return
        self._failures = min(failures, self._max_failures)
        now = self._clock()
        if locked_until and boot != _boot_id():
            self._lock_now()  # locked when the machine went down: the lockout starts again in full
        elif locked_until > now:
            self._locked_until = min(locked_until, now + self._lockout_seconds)
        elif locked_until:
            self._failures = 0

    def _save_state(self) -> None:
        if self._state_file is None:
            return
        payload = {"failures": self._failures, "locked_until": self._locked_until, "boot": _boot_id()}
        try:
            write_atomically(self._state_file, json.dumps(payload).encode("utf-8"))
        except OSError as error:
            _log.warning("cannot save the PIN lockout to %s: %s", self._state_file, error)


def _boot_id() -> str:
    """Which boot of the machine this is: the monotonic clock starts again at every boot."""
    try:
        return _BOOT_ID.read_text(encoding="ascii").strip()[:64]
    except (OSError, UnicodeDecodeError):
        return ""


def _read_lockout_file(path: Path) -> tuple[int, float, str]:
    """(wrong tries, monotonic end of the lockout or 0, boot id); ValueError for anything odd."""
    with path.open("rb") as stream:
        data = stream.read(MAX_LOCKOUT_FILE_BYTES + 1)
    if len(data) > MAX_LOCKOUT_FILE_BYTES:
        raise ValueError("the file is too large")
    document = json.loads(data.decode("utf-8"))  # a small file cannot nest deep enough to hurt
    if not isinstance(document, dict):
        raise ValueError("not a JSON object")
    failures, locked_until, boot = (
        document.get("failures"),
        document.get("locked_until"),
        document.get("boot", ""),
    )
    if not isinstance(failures, int) or isinstance(failures, bool) or not 0 <= failures <= 1000:
        raise ValueError("'failures' is not a small whole number")
    if not isinstance(locked_until, int | float) or isinstance(locked_until, bool):
        raise ValueError("'locked_until' is not a number")
    if not math.isfinite(locked_until) or locked_until < 0:
        raise ValueError("'locked_until' is not a usable time")
    if not isinstance(boot, str):
        raise ValueError("'boot' is not a text")
    return failures, float(locked_until), boot
