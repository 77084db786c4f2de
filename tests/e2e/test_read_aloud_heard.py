"""Read aloud, heard: the real kiosk speaks through the real engine into a sound server we record.

The audio chain needs no sound hardware: a private PulseAudio server with a null sink (its own
runtime folder, so it never meets another sound server on the machine), speech-dispatcher with
espeak-ng (started by the kiosk's speech engine on first contact, as on a real kiosk), and `parec`
recording the sink's monitor to a WAV file that `sox` measures. Speech of a page is compared with
espeak-ng's own rendering of the same text in each language: the recording must last about as
long as the right language's rendering, and closer to it than to the other language's. Stop, a
page change and an idle reset must bring silence (or only the new page) within a second.

A second test runs the kiosk on the real engine with no sound server at all (where Qt's engine
blocks for ever on `stop`), taps through with Read aloud on, and ends it with SIGTERM.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import voice_match
from test_kiosk_e2e import WAIT_SECONDS, KioskProcess
from xserver import WIDTH

from kiosk.commands.run import STAFF_EXIT_STATUS
from kiosk.content.loader import load_pack
from kiosk.session.state import Route, Snapshot
from kiosk.ui.read_aloud import spoken_text

pytestmark = pytest.mark.e2e

MINI_PACK = Path(__file__).resolve().parents[1] / "packs" / "mini"
SINK = "kiosk_test"
SPEECH_RMS = 0.05
"""A sentence of espeak-ng through the chain measures about 0.15 RMS."""
SILENCE_RMS = 0.005
"""A null sink with nothing playing measures 0."""
IDLE_SECONDS, WARNING_SECONDS = 15, 20
"""The shortest the settings allow."""


def _require(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        pytest.fail(f"{tool} is not installed; run scripts/setup.sh")
    return found


def _end_speech_dispatcher(runtime: Path) -> None:
    """End the speech-dispatcher the kiosk started in `runtime` (it outlives its clients, and one
    stuck on a missing sound server ignores SIGTERM)."""
    for pid_file in runtime.glob("speech-dispatcher/pid/*.pid"):
        try:
            pid = int(pid_file.read_text().strip())
            os.kill(pid, signal.SIGTERM)
            time.sleep(0.5)
            os.kill(pid, signal.SIGKILL)
        except (ValueError, ProcessLookupError, PermissionError):
            pass


@pytest.fixture
def runtime_dir(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private XDG runtime folder for the kiosk: its speech-dispatcher and sound server live here.
    Short and directly in /tmp: the sockets inside must fit the 107-byte limit of a socket path."""
    runtime = Path(tempfile.mkdtemp(prefix="kiosk-rt-", dir="/tmp"))
    runtime.chmod(0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    monkeypatch.setenv("KIOSK_SPEECH", "system")
    monkeypatch.delenv("PULSE_SERVER", raising=False)
    try:
        yield runtime
    finally:
        _end_speech_dispatcher(runtime)
        shutil.rmtree(runtime, ignore_errors=True)


@pytest.fixture
def sound_server(runtime_dir: Path, tmp_path: Path) -> Iterator[Path]:
    """PulseAudio with one null sink, answering on `runtime_dir`/pulse/native."""
    home = tmp_path / "pulse-home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home)}
    server = subprocess.Popen(
        [
            _require("pulseaudio"),
            "--daemonize=no",
            "-n",  # no default script: only the modules below
            "--exit-idle-time=-1",
            "--load=module-native-protocol-unix auth-anonymous=1",
            f"--load=module-null-sink sink_name={SINK}",
            "--log-target=stderr",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + WAIT_SECONDS
        while subprocess.run([_require("pactl"), "info"], capture_output=True).returncode != 0:
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail("the PulseAudio null sink did not start")
            time.sleep(0.2)
        yield runtime_dir
    finally:
        server.terminate()
        server.wait(timeout=10)


class Recorder:
    """Records the null sink's monitor from now on (raw 16-bit mono, so a file still being written
    can be measured); times are seconds since recording began."""

    RATE = 48000
    RAW = ("-t", "raw", "-r", str(RATE), "-e", "signed-integer", "-b", "16", "-c", "1")

    def __init__(self, target: Path) -> None:
        self.target = target
        self.raw = target.with_suffix(".raw")
        self.process = subprocess.Popen(
            [
                _require("parec"),
                "-d",
                f"{SINK}.monitor",
                "--latency-msec=20",
                "--format=s16le",
                f"--rate={self.RATE}",
                "--channels=1",
                str(self.raw),
            ]
        )
        deadline = time.monotonic() + WAIT_SECONDS
        while not self.raw.exists() or self.raw.stat().st_size == 0:
            if self.process.poll() is not None or time.monotonic() > deadline:
                pytest.fail("parec did not start recording")
            time.sleep(0.01)
        # Where the recording's time 0 lies on our clock, from how much it holds already.
        self.started = time.monotonic() - self.raw.stat().st_size / (2 * self.RATE)

    def now(self) -> float:
        return time.monotonic() - self.started

    def stop(self) -> None:
        """End the recording and keep it as a WAV file to listen to when a test fails."""
        self.process.terminate()
        self.process.wait(timeout=10)
        subprocess.run([_require("sox"), *self.RAW, str(self.raw), str(self.target)], check=False)

    def _sox(self, start: float, length: float, *effects: str) -> str:
        run = subprocess.run(
            [
                _require("sox"),
                *self.RAW,
                str(self.raw),
                "-n",
                "trim",
                f"{max(0.0, start):.3f}",
                f"{length:.3f}",
                *effects,
                "stat",
            ],
            capture_output=True,
            text=True,
        )
        return run.stderr

    def rms(self, start: float, length: float) -> float:
        """Loudness between `start` and `start + length` (0 is silence)."""
        found = re.search(r"RMS\s+amplitude:\s+([\d.]+)", self._sox(start, length))
        assert found, f"sox could not measure the recording at {start:.1f} s"
        return float(found.group(1))

    def speech_seconds(self, start: float, length: float) -> float:
        """Seconds of sound between `start` and `start + length`, silences left out (so pauses the
        sound server adds on a busy machine do not count)."""
        report = self._sox(start, length, *voice_match.SPEECH_ONLY)
        found = re.search(r"Length \(seconds\):\s+([\d.]+)", report)
        return float(found.group(1)) if found else 0.0

    def features(self, start: float, length: float) -> voice_match.Features:
        """The speech between `start` and `start + length`, for `voice_match.distance`."""
        part = self.raw.with_name(f"part-{start:.1f}.wav")
        subprocess.run(
            [_require("sox"), *self.RAW, str(self.raw), str(part), "trim", f"{start:.3f}", f"{length:.3f}"],
            check=True,
        )
        return voice_match.features([str(part)])

    def wait_until_quiet(self, latest: float | None = None) -> None:
        """Wait until the last second was silent (but at most until `latest`, or 30 s from now)."""
        deadline = self.now() + 30 if latest is None else latest
        time.sleep(1.5)
        while self.now() < deadline:
            if self.rms(self.now() - 1.1, 1.0) < SILENCE_RMS:
                return
            time.sleep(0.3)

    def wait_until(self, moment: float) -> None:
        time.sleep(max(0.0, moment - self.now()))


def page_words(page: str, language: str) -> str:
    pack = load_pack(MINI_PACK).pack
    assert pack is not None
    return spoken_text(pack, Snapshot(route=Route("page", topic="basics", page=page), language=language))


def wait_for_log(kiosk: KioskProcess, *wanted: str) -> str:
    """Read the kiosk's log until a line contains one of `wanted` (use only between screens)."""
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        try:
            line = kiosk.lines.get(timeout=0.5)
        except Exception:
            continue
        kiosk.log.append(line)
        if any(text in line for text in wanted):
            return line
    pytest.fail(f"kiosk never logged {wanted}; log:\n" + "\n".join(kiosk.log[-40:]))


def write_settings(idle_seconds: int = 90, warning_seconds: int = 20) -> None:
    folder = Path(os.environ["KIOSK_CONFIG_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "kiosk.toml").write_text(
        f'pack = "{MINI_PACK}"\nidle_seconds = {idle_seconds}\nwarning_seconds = {warning_seconds}\n'
    )


def open_first_page(kiosk: KioskProcess) -> None:
    kiosk.wait_for_screen("attract")
    wait_for_log(kiosk, "read aloud uses the system speech engine", "read aloud is off")
    assert "read aloud is off" not in kiosk.log[-1], kiosk.log[-1]
    kiosk.wait_for_screen("attract")  # shown again, now offering read aloud in each language
    assert {"read-aloud-en", "read-aloud-es"} <= set(kiosk.tappables)
    kiosk.tap("AttractScreen")
    kiosk.wait_for_screen("home")
    kiosk.tap("topic/basics")
    kiosk.wait_for_screen("topic/basics")
    kiosk.tap("page/basics/what-is-it")
    kiosk.wait_for_screen("page/basics/what-is-it")


def assert_spoken_in(
    kiosk: KioskProcess, recorder: Recorder, start: float, text: str, right: str, wrong: str, folder: Path
) -> None:
    """From `start`, the kiosk says `text` in voice `right`: it asked its engine for that language,
    the sound lasts about as long as espeak-ng takes with that voice, and sounds like that voice
    rather than `wrong` reading the same words."""
    language = right.split("-")[0]
    asked = f"saying {len(text)} characters in {language}_"
    if not any(asked in line for line in kiosk.log):
        wait_for_log(kiosk, asked)
    reference = voice_match.espeak_rendering(text, right, folder / f"{right}.wav")
    other = voice_match.espeak_rendering(text, wrong, folder / f"{wrong}.wav")
    expected = voice_match.seconds(reference)
    recorder.wait_until_quiet(start + expected * 2 + 3)
    heard = recorder.speech_seconds(start, recorder.now() - start)
    assert recorder.rms(start + 0.5, expected - 1) > SPEECH_RMS, "no speech was heard"
    speech = recorder.features(start, recorder.now() - start)
    like_right = voice_match.distance(speech, voice_match.features([str(reference)]))
    like_wrong = voice_match.distance(speech, voice_match.features([str(other)]))
    print(
        f"heard {heard:.2f} s (espeak-ng {right}: {expected:.2f} s); "
        f"sounds like {right} {like_right:.3f}, like {wrong} {like_wrong:.3f}"
    )
    assert abs(heard - expected) < 0.25 * expected, (heard, expected)
    assert like_right < 0.9 * like_wrong, (like_right, like_wrong)


def test_read_aloud_is_heard_in_english_and_spanish_and_stops_at_once(
    x_display: str,
    sound_server: Path,
    tmp_path: Path,
) -> None:
    write_settings(IDLE_SECONDS, WARNING_SECONDS)
    recorder = Recorder(tmp_path / "kiosk.wav")
    kiosk = KioskProcess(x_display, tmp_path)
    try:
        open_first_page(kiosk)
        assert recorder.rms(0, recorder.now()) < SILENCE_RMS  # nothing is said until asked

        # English: the whole page, about as long as espeak-ng's American voice takes.
        start = recorder.now()
        kiosk.tap("read-aloud")
        assert_spoken_in(kiosk, recorder, start, page_words("what-is-it", "en"), "en-us", "es", tmp_path)

        # Stop (the same button): quiet within a second.
        kiosk.tap("read-aloud")  # off
        time.sleep(1)  # two quick taps on one spot would be a double tap
        kiosk.tap("read-aloud")  # on again: the page starts over
        recorder.wait_until(recorder.now() + 2)
        stop = recorder.now()
        kiosk.tap("read-aloud")
        recorder.wait_until(stop + 3.5)
        before, after = recorder.rms(stop - 1.5, 1.5), recorder.rms(stop + 1, 2.5)
        print(f"Stop: RMS {before:.3f} before, {after:.4f} from 1 s after")
        assert before > SPEECH_RMS
        assert after < SILENCE_RMS

        # A page change mid-sentence: the old page stops, only the new page is heard after it.
        kiosk.tap("read-aloud")
        recorder.wait_until(recorder.now() + 2)
        turn = recorder.now()
        kiosk.tap("next")
        kiosk.wait_for_screen("page/basics/symptoms")
        next_words = voice_match.seconds(
            voice_match.espeak_rendering(page_words("symptoms", "en"), "en-us", tmp_path / "next.wav")
        )
        recorder.wait_until_quiet(turn + next_words * 2 + 4)
        heard = recorder.speech_seconds(turn, recorder.now() - turn)
        print(f"page change: {heard:.2f} s of sound after it; the new page takes {next_words:.2f} s")
        assert heard < next_words * 1.2 + 1, (heard, next_words)  # not the rest of the old page too

        # Spanish: the same page, in a Spanish voice.
        kiosk.tap("previous")
        kiosk.wait_for_screen("page/basics/what-is-it")
        recorder.wait_until_quiet()  # the English page ends
        start = recorder.now()
        kiosk.tap("language")
        kiosk.wait_for_screen("page/basics/what-is-it")
        assert_spoken_in(kiosk, recorder, start, page_words("what-is-it", "es"), "es", "en-us", tmp_path)
        last_touch = start

        # Left alone: the question is spoken when it shows, and the reset brings silence.
        kiosk.wait_for_dialog("idle-warning")
        asked = recorder.now()
        assert asked - last_touch >= IDLE_SECONDS - 1
        recorder.wait_until(asked + 3)
        question = recorder.rms(asked, 3)
        print(f"idle question: RMS {question:.3f}")
        assert question > SPEECH_RMS, "the idle question was not spoken"
        kiosk.wait_for_screen("attract")
        reset = recorder.now()
        recorder.wait_until(reset + 3.5)
        after = recorder.rms(reset + 1, 2.5)
        print(f"idle reset: RMS {after:.4f} from 1 s after")
        assert after < SILENCE_RMS

        # The start screen offers read aloud in each language; staff exit mid-sentence is silence.
        kiosk.tap("read-aloud-es")
        kiosk.wait_for_screen("home")
        kiosk.tap("topic/basics")
        kiosk.wait_for_screen("topic/basics")
        kiosk.tap("page/basics/what-is-it")
        kiosk.wait_for_screen("page/basics/what-is-it")
        kiosk.xdotool("mousemove", WIDTH - 10, 10, "mousedown", 1, "sleep", 3.5, "mouseup", 1)
        kiosk.wait_for_dialog("staff-panel")  # held 3 s in the corner (no staff PIN is set)
        leave = recorder.now()
        kiosk.tap("staff-exit")
        assert kiosk.process.wait(timeout=WAIT_SECONDS) == STAFF_EXIT_STATUS
        recorder.wait_until(leave + 3.5)
        before, after = recorder.rms(leave - 1, 0.9), recorder.rms(leave + 1, 2.5)
        print(f"staff exit: RMS {before:.3f} before, {after:.4f} from 1 s after")
        assert before > SPEECH_RMS, "the Spanish page was not being read when staff left"
        assert after < SILENCE_RMS
    finally:
        recorder.stop()
        if kiosk.process.poll() is None:
            kiosk.process.kill()
            kiosk.process.wait()


def test_with_no_sound_server_the_kiosk_never_freezes_and_sigterm_ends_it(
    x_display: str,
    runtime_dir: Path,
    tmp_path: Path,
) -> None:
    """The real engine where speech-dispatcher has no audio output (Qt's `stop` then blocks for
    ever): every tap still works, and SIGTERM ends the kiosk, its speech engine included."""
    write_settings()
    kiosk = KioskProcess(x_display, tmp_path)
    try:
        kiosk.wait_for_screen("attract")
        started = wait_for_log(kiosk, "read aloud uses the system speech engine", "read aloud is off")
        if "uses the system speech engine" in started:
            kiosk.wait_for_screen("attract")  # shown again, with read aloud offered
        kiosk.tap("AttractScreen")
        kiosk.wait_for_screen("home")
        kiosk.tap("topic/basics")
        kiosk.wait_for_screen("topic/basics")
        kiosk.tap("page/basics/what-is-it")
        kiosk.wait_for_screen("page/basics/what-is-it")
        if "uses the system speech engine" in started:
            for _ in range(3):
                kiosk.tap("read-aloud")
                kiosk.tap("next")
                kiosk.wait_for_screen("page/basics/symptoms")
                kiosk.tap("previous")
                kiosk.wait_for_screen("page/basics/what-is-it")
                if "read-aloud" not in kiosk.tappables:
                    break  # the engine stopped answering and was given up on
        kiosk.tap("next")
        kiosk.wait_for_screen("page/basics/symptoms")  # still answering taps
        engines = subprocess.run(
            ["pgrep", "-P", str(kiosk.process.pid), "-f", "kiosk.ui.speech_engine"],
            capture_output=True,
            text=True,
        ).stdout.split()
        asked = time.monotonic()
        kiosk.process.send_signal(signal.SIGTERM)
        assert kiosk.process.wait(timeout=WAIT_SECONDS) == 0
        print(f"kiosk ended {time.monotonic() - asked:.2f} s after SIGTERM; engine was {engines}")
        for pid in engines:  # the engine process ended with the kiosk
            with pytest.raises(ProcessLookupError):
                os.kill(int(pid), 0)
    finally:
        if kiosk.process.poll() is None:
            kiosk.process.kill()
            kiosk.process.wait()
