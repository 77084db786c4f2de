"""The speech engine can never freeze the kiosk: it runs in a process of its own, and one that does
not start or stops answering is given up on (one log line, Read aloud hidden, process killed).

The misbehaving engines are `fake_speech_engine.py` processes; one test runs the real engine
process on Qt's built-in test engine. The real system engine with and without sound is tried by
the end-to-end tests in `tests/e2e/test_read_aloud_heard.py`.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from uihelpers import Kiosk, settle

from kiosk.content.pack import Pack
from kiosk.session.state import AppState, Route, Snapshot
from kiosk.ui.main_window import MainWindow
from kiosk.ui.system_speech import SystemSpeaker

FAKE_ENGINE = Path(__file__).with_name("fake_speech_engine.py")
WHAT_IS_IT = Route("page", topic="basics", page="what-is-it")
GIVEN_UP = "read aloud is off on this kiosk"


def fake_engine(mode: str, answers: int = 0) -> list[str]:
    return [sys.executable, str(FAKE_ENGINE), mode, str(answers)]


def open_kiosk(qtbot: Any, pack: Pack, speaker: SystemSpeaker) -> Kiosk:
    window = MainWindow(AppState(Snapshot(route=WHAT_IS_IT)), pack, speaker=speaker)
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    qtbot.waitExposed(window)
    settle()
    return Kiosk(window)


def test_an_engine_that_never_starts_is_given_up_with_one_log_line(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="kiosk.ui.system_speech"):
        speaker = SystemSpeaker(command=fake_engine("silent"), start_seconds=0.5)
        assert not speaker.can_speak("en")  # answers at once while the engine is still starting
        speaker.say("Hello", "en")
        speaker.stop()
        assert speaker.wait_until_started(10)
        assert not speaker.can_speak("en")
    assert speaker.phase == "given up"
    assert caplog.text.count(GIVEN_UP) == 1
    assert "did not start within" in caplog.text
    assert not speaker.running()


def test_an_engine_that_stops_answering_hides_read_aloud_and_the_kiosk_carries_on(
    qtbot: Any, mini_pack: Pack, caplog: pytest.LogCaptureFixture
) -> None:
    speaker = SystemSpeaker(command=fake_engine("answers", 0), answer_seconds=0.5)
    assert speaker.wait_until_started(10)
    kiosk = open_kiosk(qtbot, mini_pack, speaker)
    assert kiosk.window.top_bar is not None and kiosk.window.top_bar.read_aloud.isVisible()
    with caplog.at_level(logging.WARNING, logger="kiosk.ui.system_speech"):
        kiosk.tap("read-aloud")  # the engine started, but never answers this
        kiosk.tap("next")
        assert kiosk.route == "page/basics/symptoms"  # the tap was not held up
        qtbot.waitUntil(lambda: not kiosk.window.state.current.read_aloud, timeout=10_000)
    assert not kiosk.window.top_bar.read_aloud.isVisible()
    assert caplog.text.count(GIVEN_UP) == 1
    assert "did not answer within" in caplog.text
    assert not speaker.running()
    kiosk.tap("previous")
    assert kiosk.route == "page/basics/what-is-it"
    assert "read-aloud" not in [name for name, _ in kiosk.window.tappables()]
    kiosk.window.close()


def test_after_a_stall_that_passes_read_aloud_comes_back_at_the_patients_volume(
    qtbot: Any, mini_pack: Pack, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A kiosk runs for months: one engine that stopped answering must not mean no speech until
    the next restart."""
    record = tmp_path / "heard.jsonl"
    command = [sys.executable, str(FAKE_ENGINE), "stuck-once", str(record)]
    # the next try waits 2 s: long enough for the test to see the button hidden in between
    speaker = SystemSpeaker(command=command, answer_seconds=0.5, retry_seconds=(2.0,))
    assert speaker.wait_until_started(10)
    kiosk = open_kiosk(qtbot, mini_pack, speaker)
    bar = kiosk.window.top_bar
    assert bar is not None
    with caplog.at_level(logging.INFO, logger="kiosk.ui.system_speech"):
        kiosk.tap("read-aloud")  # the first engine never answers this
        qtbot.waitUntil(lambda: not bar.read_aloud.isVisible(), timeout=10_000)
        kiosk.window.read_aloud.speaker.set_volume(0.4)  # the patient turned it down meanwhile
        qtbot.waitUntil(lambda: bar.read_aloud.isVisible(), timeout=10_000)  # a fresh engine started
        assert speaker.tries == 2
        kiosk.tap("read-aloud")
        assert kiosk.window.state.current.read_aloud
        qtbot.waitUntil(lambda: '"say"' in record.read_text(), timeout=10_000)
    heard = [json.loads(line) for line in record.read_text().splitlines()]
    assert heard[0]["do"] == "volume" and heard[0]["value"] == 0.4
    assert any(command["do"] == "say" and command["language"] == "en" for command in heard)
    assert caplog.text.count(GIVEN_UP) == 1
    assert "uses the system speech engine again" in caplog.text
    kiosk.window.close()
    assert not speaker.running()


def test_an_engine_that_fails_every_try_costs_one_log_line_and_no_leftover_process(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.INFO, logger="kiosk.ui.system_speech"):
        speaker = SystemSpeaker(command=fake_engine("silent"), start_seconds=0.3, retry_seconds=(0.1, 0.2))
        deadline = time.monotonic() + 20
        while speaker.tries < 4 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert speaker.tries >= 4
        assert not speaker.can_speak("en")
        speaker.close()
    assert caplog.text.count(GIVEN_UP) == 1
    assert speaker.phase == "closed"
    time.sleep(0.5)  # a try that was due is not started after the close
    assert not speaker.running() and speaker.phase == "closed"


def test_closing_the_kiosk_while_the_engine_hangs_ends_the_engine(qtbot: Any, mini_pack: Pack) -> None:
    speaker = SystemSpeaker(command=fake_engine("answers", 0))
    assert speaker.wait_until_started(10)
    kiosk = open_kiosk(qtbot, mini_pack, speaker)
    kiosk.tap("read-aloud")  # the engine never answers this
    kiosk.window.close()
    assert speaker.phase == "closed"
    assert not speaker.running()


def test_the_button_appears_as_soon_as_the_engine_has_started(qtbot: Any, mini_pack: Pack) -> None:
    slow_start = "import time; time.sleep(1); print(READY, flush=True); time.sleep(60)".replace(
        "READY", repr('{"event": "ready", "voices": {"en": "en_US"}}')
    )
    speaker = SystemSpeaker(command=[sys.executable, "-c", slow_start])
    kiosk = open_kiosk(qtbot, mini_pack, speaker)
    assert kiosk.window.top_bar is not None
    assert not kiosk.window.top_bar.read_aloud.isVisible()  # not yet: the engine is starting
    qtbot.waitUntil(lambda: kiosk.window.top_bar.read_aloud.isVisible(), timeout=10_000)  # type: ignore[union-attr]
    kiosk.window.close()
    assert not speaker.running()


def test_the_engine_process_on_qt_test_engine_speaks_english_only(caplog: pytest.LogCaptureFixture) -> None:
    """The real engine process and protocol, on Qt's built-in `mock` engine (English voices only)."""
    speaker = SystemSpeaker(command=[sys.executable, "-m", "kiosk.ui.speech_engine", "mock"])
    assert speaker.wait_until_started(20)
    if speaker.phase != "ready":
        pytest.skip(f"Qt's test speech engine is not installed: {speaker.problem}")
    assert speaker.can_speak("en") and speaker.voice_for("en") == "en_US"
    assert not speaker.can_speak("es")
    with caplog.at_level(logging.WARNING, logger="kiosk.ui.system_speech"):
        speaker.set_volume(0.5)
        speaker.say("Hello", "en")
        speaker.stop()
        speaker.say("Hello again", "en")
        speaker.close()
    assert GIVEN_UP not in caplog.text
    assert speaker.phase == "closed" and not speaker.running()


def test_a_review_render_waits_for_the_engine_so_read_aloud_shows_as_on_the_kiosk(mini_pack: Pack) -> None:
    """`kiosk screenshots` once rendered some screens before a slow engine answered: Read aloud was
    missing from some sets and not others."""
    from kiosk.ui.render import review_window

    slow_start = "import time; time.sleep(1); print(READY, flush=True); time.sleep(60)".replace(
        "READY", repr('{"event": "ready", "voices": {"en": "en_US"}}')
    )
    speaker = SystemSpeaker(command=[sys.executable, "-c", slow_start])
    _state, window = review_window(mini_pack, (1280, 800), 100, None, speaker=speaker)
    try:
        assert window.top_bar is not None
        assert window.top_bar.read_aloud.isVisible()
    finally:
        window.close()
    assert not speaker.running()
