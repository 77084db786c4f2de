"""The staff PIN is stored only as a salted hash and guarded against guessing."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from kiosk.session.pin import (
    LOCKOUT_SECONDS,
    PinCheck,
    PinFormatError,
    PinGuard,
    PinHashError,
    check_new_pin,
    hash_pin,
    parse_pin_hash,
    verify_pin,
)


class FakeClock:
    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def stored() -> str:
    return hash_pin("2580")


def test_stored_hash_is_self_describing_and_holds_no_plain_pin(stored: str) -> None:
    scheme, n, r, p, salt, digest = stored.split("$")
    assert (scheme, n, r, p) == ("scrypt", "16384", "8", "1")
    assert len(base64.b64decode(salt)) == 16
    assert len(base64.b64decode(digest)) == 32
    assert "2580" not in stored


def test_right_pin_verifies_and_wrong_pin_does_not(stored: str) -> None:
    assert verify_pin("2580", stored)
    assert not verify_pin("2581", stored)
    assert not verify_pin("", stored)


def test_same_pin_gets_a_different_salt_each_time(stored: str) -> None:
    again = hash_pin("2580")
    assert again != stored
    assert verify_pin("2580", again)


@pytest.mark.parametrize("pin", ["2580", "739146", "73914628", "0852"])
def test_reasonable_pins_are_accepted(pin: str) -> None:
    check_new_pin(pin)


@pytest.mark.parametrize(
    ("pin", "says"),
    [
        ("258", "4 to 8 digits"),
        ("258025802", "4 to 8 digits"),
        ("25a0", "digits only"),
        ("\u0662\u0665\u0668\u0660", "digits only"),  # Arabic-Indic digits are not on the pad
        ("25 80", "digits only"),
        ("1111", "too easy"),
        ("1234", "too easy"),
        ("98765", "too easy"),
    ],
)
def test_unusable_pins_are_refused_with_a_reason(pin: str, says: str) -> None:
    with pytest.raises(PinFormatError, match=says):
        check_new_pin(pin)


@pytest.mark.parametrize(
    "bad",
    [
        "2580",
        "bcrypt$16384$8$1$c2FsdHNhbHRzYWx0$ZGlnZXN0ZGlnZXN0ZGlnZXN0",
        "scrypt$16384$8$1$not base64!$ZGlnZXN0ZGlnZXN0ZGlnZXN0",
        "scrypt$1073741824$8$1$c2FsdHNhbHRzYWx0$ZGlnZXN0ZGlnZXN0ZGlnZXN0",  # 2**30: memory bomb
        "scrypt$10000$8$1$c2FsdHNhbHRzYWx0$ZGlnZXN0ZGlnZXN0ZGlnZXN0",  # n not a power of two
        "scrypt$16384$8$1$c2FsdA==$ZGlnZXN0ZGlnZXN0ZGlnZXN0",  # salt too short
    ],
)
def test_malformed_stored_hashes_are_refused_with_the_fix(bad: str) -> None:
    with pytest.raises(PinHashError, match="kiosk set-pin"):
        parse_pin_hash(bad)


def test_five_wrong_tries_lock_entry_for_five_minutes(stored: str) -> None:
    clock = FakeClock()
    guard = PinGuard(stored, clock=clock)
    results = [guard.check("0000") for _ in range(5)]
    assert results == [PinCheck.REJECTED] * 4 + [PinCheck.LOCKED_OUT]
    assert guard.seconds_locked() == LOCKOUT_SECONDS == 300
    clock.now += 299
    assert guard.check("2580") is PinCheck.LOCKED_OUT  # even the right PIN, while locked
    clock.now += 1
    assert guard.seconds_locked() == 0
    assert guard.check("2580") is PinCheck.ACCEPTED


def test_after_a_lockout_runs_out_there_are_five_fresh_tries(stored: str) -> None:
    clock = FakeClock()
    guard = PinGuard(stored, clock=clock)
    for _ in range(5):
        guard.check("0000")
    clock.now += LOCKOUT_SECONDS
    assert guard.check("0000") is PinCheck.REJECTED
    assert guard.tries_left == 4


def test_right_pin_forgives_earlier_wrong_tries(stored: str) -> None:
    guard = PinGuard(stored, clock=FakeClock())
    for _ in range(4):
        guard.check("0000")
    assert guard.tries_left == 1
    assert guard.check("2580") is PinCheck.ACCEPTED
    assert guard.tries_left == 5


def test_lockout_survives_a_restart(stored: str, tmp_path: Path) -> None:
    clock, state = FakeClock(), tmp_path / "pin-lockout.json"
    guard = PinGuard(stored, clock=clock, state_file=state)
    for _ in range(5):
        guard.check("0000")
    clock.now += 60
    after_restart = PinGuard(stored, clock=clock, state_file=state)
    assert after_restart.check("2580") is PinCheck.LOCKED_OUT
    assert after_restart.seconds_locked() == 240


def test_wrong_tries_count_across_a_restart(stored: str, tmp_path: Path) -> None:
    clock, state = FakeClock(), tmp_path / "pin-lockout.json"
    guard = PinGuard(stored, clock=clock, state_file=state)
    for _ in range(3):
        guard.check("0000")
    after_restart = PinGuard(stored, clock=clock, state_file=state)
    assert after_restart.check("0000") is PinCheck.REJECTED
    assert after_restart.check("0000") is PinCheck.LOCKED_OUT


def test_clock_set_back_does_not_stretch_the_lockout(stored: str, tmp_path: Path) -> None:
    clock, state = FakeClock(), tmp_path / "pin-lockout.json"
    guard = PinGuard(stored, clock=clock, state_file=state)
    for _ in range(5):
        guard.check("0000")
    clock.now -= 86_400  # someone set the clock back a day
    assert PinGuard(stored, clock=clock, state_file=state).seconds_locked() == LOCKOUT_SECONDS


@pytest.mark.parametrize(
    "content",
    [
        b"\x00\xffnot json",
        b'{"failures": 1e999, "locked_until": 0}',
        b'{"failures": 0, "locked_until": 1e999}',
        b'{"failures": 0, "locked_until": NaN}',
        b'{"failures": "5", "locked_until": 0}',
        b'{"failures": ' + b"9" * 5000 + b', "locked_until": 0}',
        b"[" * 2000 + b"]" * 2000,
        b'{"failures": 0, "locked_until": 0, "pad": "' + b"x" * 10_000 + b'"}',
        b"[1, 2]",
    ],
)
def test_damaged_lockout_file_closes_entry_for_one_lockout(
    stored: str, tmp_path: Path, content: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    state = tmp_path / "pin-lockout.json"
    state.write_bytes(content)
    clock = FakeClock()
    guard = PinGuard(stored, clock=clock, state_file=state)
    assert guard.check("2580") is PinCheck.LOCKED_OUT
    assert [record.levelname for record in caplog.records] == ["WARNING"]
    assert "unreadable" in caplog.records[0].getMessage() and caplog.records[0].exc_info is None
    clock.now += LOCKOUT_SECONDS
    assert guard.check("2580") is PinCheck.ACCEPTED
    assert PinGuard(stored, clock=clock, state_file=state).check("2580") is PinCheck.ACCEPTED


def test_moving_the_wall_clock_forward_does_not_unlock(
    stored: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    state = tmp_path / "pin-lockout.json"
    guard = PinGuard(stored, state_file=state)
    for _ in range(5):
        guard.check("0000")
    monkeypatch.setattr(time, "time", lambda: 4_000_000_000.0)  # the wall clock jumps decades ahead
    assert guard.check("2580") is PinCheck.LOCKED_OUT
    assert PinGuard(stored, state_file=state).check("2580") is PinCheck.LOCKED_OUT


def test_a_lockout_running_at_a_reboot_starts_again_in_full(
    stored: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kiosk.session import pin

    clock, state = FakeClock(), tmp_path / "pin-lockout.json"
    guard = PinGuard(stored, clock=clock, state_file=state)
    for _ in range(5):
        guard.check("0000")
    monkeypatch.setattr(pin, "_boot_id", lambda: "another-boot")
    after_reboot = PinGuard(stored, clock=FakeClock(now=12.0), state_file=state)
    assert after_reboot.seconds_locked() == LOCKOUT_SECONDS


@pytest.mark.parametrize(
    "parameters",
    [(2**20, 8, 1), (2**17, 32, 1), (2**14, 8, 16)],
)
def test_hashes_asking_for_too_much_memory_or_time_are_refused(parameters: tuple[int, int, int]) -> None:
    n, r, p = parameters
    salt = base64.b64encode(b"s" * 16).decode()
    digest = base64.b64encode(b"d" * 32).decode()
    with pytest.raises(PinHashError, match="too much memory or time"):
        parse_pin_hash(f"scrypt${n}${r}${p}${salt}${digest}")
    guard = PinGuard(f"scrypt${n}${r}${p}${salt}${digest}", clock=FakeClock())
    assert guard.check("2580") is PinCheck.REJECTED


def test_without_a_pin_the_guard_reports_setup_mode() -> None:
    assert PinGuard(None).check("2580") is PinCheck.NO_PIN_SET


def test_unreadable_stored_hash_keeps_entry_closed() -> None:
    guard = PinGuard("scrypt$garbage", clock=FakeClock())
    assert guard.check("2580") is PinCheck.REJECTED
