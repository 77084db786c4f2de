"""Speakers: what turns page text into sound, chosen by setting so tests never need a sound card.

`Speaker` is the small interface the read-aloud control uses. `QtSpeaker` is the real one (Qt Text
to Speech on the system engine, speech-dispatcher with espeak-ng on Linux); `RecordingSpeaker`
remembers what it was asked to say, for tests and previews; `NoSpeaker` is what a kiosk without a
working engine gets, so the Read aloud button is simply not offered.

`speaker_from_setting` reads `KIOSK_SPEECH` (`system`, `fake` or `none`; default `system`). A system
engine that fails to start, or has no voice for a language, is logged once and never crashes the
kiosk or blocks the screen: the engine is first tried in the background, Qt speaks
asynchronously, and `stop` cuts speech off at once.
"""

from __future__ import annotations

import atexit
import logging
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QLocale
from PySide6.QtTextToSpeech import QTextToSpeech

log = logging.getLogger(__name__)

SPEECH_SETTING = "KIOSK_SPEECH"
PREFERRED_LOCALES = {"en": "en_US", "es": "es_ES"}
"""The voice locale to pick first for a pack language; any locale of the same language will do."""


class Speaker(Protocol):
    def can_speak(self, language: str) -> bool:
        """True when there is a voice for `language` (an ISO 639-1 code like `en` or `es`)."""

    def say(self, text: str, language: str) -> None:
        """Start speaking `text`, replacing anything still being spoken; returns at once."""

    def stop(self) -> None:
        """Stop speaking now (mid-word is fine: the patient asked for quiet)."""


class NoSpeaker:
    """No speech on this kiosk: the Read aloud control is not offered."""

    def can_speak(self, language: str) -> bool:
        return False

    def say(self, text: str, language: str) -> None:
        return None

    def stop(self) -> None:
        return None


class RecordingSpeaker:
    """Remembers every request instead of making sound; `speaking` is what would be heard now."""

    def __init__(self, languages: tuple[str, ...] = ("en", "es")) -> None:
        self.languages = languages
        self.spoken: list[tuple[str, str]] = []
        self.stops = 0
        self.speaking: tuple[str, str] | None = None

    def can_speak(self, language: str) -> bool:
        return language in self.languages

    def say(self, text: str, language: str) -> None:
        self.spoken.append((text, language))
        self.speaking = (text, language)

    def stop(self) -> None:
        self.stops += 1
        self.speaking = None


class QtSpeaker:
    """Qt Text to Speech on `engine` (empty: the platform default, speech-dispatcher on Linux)."""

    def __init__(self, engine: str = "") -> None:
        self.engine = engine
        self._tts = QTextToSpeech(engine) if engine else QTextToSpeech()
        self._warned: set[str] = set()
        if self._tts.state() == QTextToSpeech.State.Error:
            log.warning(
                "speech engine %r cannot start: %s",
                self._tts.engine(),
                self._tts.errorString() or "no reason given",
            )

    @property
    def problem(self) -> str:
        """Why the engine cannot speak, or empty when it can."""
        if self._tts.state() == QTextToSpeech.State.Error:
            return self._tts.errorString() or "the speech engine reported an error"
        if not self._tts.availableLocales():
            return "the speech engine has no voices"
        return ""

    def locale_for(self, language: str) -> QLocale | None:
        """The engine's locale for `language`, preferring `PREFERRED_LOCALES`; None if it has none."""
        if self._tts.state() == QTextToSpeech.State.Error:
            return None
        wanted = QLocale(language).language()
        matching = [loc for loc in self._tts.availableLocales() if loc.language() == wanted]
        preferred = PREFERRED_LOCALES.get(language)
        for loc in matching:
            if loc.name() == preferred:
                return loc
        return matching[0] if matching else None

    def can_speak(self, language: str) -> bool:
        return self.locale_for(language) is not None

    def say(self, text: str, language: str) -> None:
        locale = self.locale_for(language)
        if locale is None:
            if language not in self._warned:
                self._warned.add(language)
                log.warning("no voice for language %r (%s); not reading aloud", language, self.problem)
            return
        self._tts.stop(QTextToSpeech.BoundaryHint.Immediate)
        if self._tts.locale() != locale:
            self._tts.setLocale(locale)
        self._tts.say(text)

    def stop(self) -> None:
        self._tts.stop(QTextToSpeech.BoundaryHint.Immediate)

    @property
    def locale_name(self) -> str:
        """The locale the engine speaks in now, e.g. `en_US` (for logs and tests)."""
        return str(self._tts.locale().name())


ENGINE_PROBE_SECONDS = 5.0
_PROBE = (
    "from PySide6.QtCore import QCoreApplication\n"
    "from PySide6.QtTextToSpeech import QTextToSpeech\n"
    "app = QCoreApplication([])\n"
    "tts = QTextToSpeech()\n"
    "raise SystemExit(0 if tts.state() != QTextToSpeech.State.Error and tts.availableLocales() else 3)\n"
)


def system_engine_answers(timeout: float = ENGINE_PROBE_SECONDS) -> bool:
    """True when the system speech engine starts and has voices, tried in a separate process.

    Qt connects to speech-dispatcher inside the `QTextToSpeech` constructor and can wait there for
    ever (seen with a daemon whose audio output failed); a kiosk must never freeze, so the first
    contact happens where it can be given up on."""
    try:
        probe = subprocess.Popen(
            [sys.executable, "-c", _PROBE], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
    except OSError as error:
        log.warning("cannot test the speech engine: %s", error)
        return False
    _running_probes.add(probe)
    try:
        return probe.wait(timeout) == 0
    except subprocess.TimeoutExpired:
        log.warning("speech engine did not answer within %.0f s", timeout)
        probe.kill()
        return False
    finally:
        _running_probes.discard(probe)


_running_probes: set[subprocess.Popen[bytes]] = set()
"""Probes still waiting; killed if the kiosk quits first, so a hung engine leaves no process behind."""


@atexit.register
def _kill_running_probes() -> None:
    for probe in list(_running_probes):
        probe.kill()


class SystemSpeaker:
    """The system engine, tried in the background so start-up never waits for it.

    The first contact with speech-dispatcher happens in a separate process (`probe`, on a thread);
    until it has answered, `can_speak` is False and the Read aloud button is simply not offered.
    The kiosk opens on its start screen, so by the time a patient reaches a page the answer is in.
    Only after a good answer is the real `QtSpeaker` built, on the interface thread where Qt wants it.
    """

    def __init__(
        self,
        probe: Callable[[], bool] = system_engine_answers,
        factory: Callable[[], Speaker] = QtSpeaker,
    ) -> None:
        self._factory = factory
        self._answered = threading.Event()
        self._engine_answers = False
        self._speaker: Speaker | None = None
        self._failed = False
        threading.Thread(target=self._run_probe, args=(probe,), name="speech-probe", daemon=True).start()

    def _run_probe(self, probe: Callable[[], bool]) -> None:
        try:
            self._engine_answers = probe()
        finally:
            self._answered.set()

    def wait_for_probe(self, timeout: float | None = None) -> bool:
        """Block until the probe has answered (for tests and tools); True if it has."""
        return self._answered.wait(timeout)

    def _ready(self) -> Speaker | None:
        if self._speaker is not None or self._failed or not self._answered.is_set():
            return self._speaker
        if not self._engine_answers:
            log.warning("read aloud is off on this kiosk: the system speech engine cannot speak")
            self._failed = True
            return None
        speaker = self._factory()
        problem = getattr(speaker, "problem", "")
        if problem:
            log.warning("read aloud is off on this kiosk: %s", problem)
            self._failed = True
            return None
        log.info("read aloud uses the system speech engine")
        self._speaker = speaker
        return speaker

    def can_speak(self, language: str) -> bool:
        speaker = self._ready()
        return speaker is not None and speaker.can_speak(language)

    def say(self, text: str, language: str) -> None:
        speaker = self._ready()
        if speaker is not None:
            speaker.say(text, language)

    def stop(self) -> None:
        if self._speaker is not None:
            self._speaker.stop()


def speaker_from_setting(value: str | None = None) -> Speaker:
    """The speaker `value` (or the `KIOSK_SPEECH` environment variable) asks for.

    `system` gives a `SystemSpeaker`: it never blocks, and falls back to no speech, with a log line,
    when the engine cannot start or has no voice.
    """
    choice = (value if value is not None else os.environ.get(SPEECH_SETTING, "system")).strip().lower()
    if choice == "fake":
        return RecordingSpeaker()
    if choice == "none":
        return NoSpeaker()
    if choice not in ("system", ""):
        log.warning("%s=%r is not one of system, fake, none; using system", SPEECH_SETTING, choice)
    return SystemSpeaker()
