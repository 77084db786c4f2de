"""Speakers: what turns page text into sound, chosen by setting so tests never need a sound card.

`Speaker` is the small interface the read-aloud control uses. `QtSpeaker` is the real one (Qt Text
to Speech on the system engine, speech-dispatcher with espeak-ng on Linux); `RecordingSpeaker`
remembers what it was asked to say, for tests and previews; `NoSpeaker` is what a kiosk without a
working engine gets, so the Read aloud button is simply not offered.

`speaker_from_setting` reads `KIOSK_SPEECH` (`system`, `fake` or `none`; default `system`). A system
engine that fails to start, or has no voice for a language, is logged once and never crashes the
kiosk or blocks the screen: Qt speaks asynchronously, and `stop` cuts speech off at once.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
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
        result = subprocess.run([sys.executable, "-c", _PROBE], timeout=timeout, capture_output=True)
    except subprocess.TimeoutExpired:
        log.warning("speech engine did not answer within %.0f s", timeout)
        return False
    except OSError as error:
        log.warning("cannot test the speech engine: %s", error)
        return False
    return result.returncode == 0


def speaker_from_setting(value: str | None = None) -> Speaker:
    """The speaker `value` (or the `KIOSK_SPEECH` environment variable) asks for.

    `system` falls back to no speech, with a log line, when the engine cannot start or has no voice.
    """
    choice = (value if value is not None else os.environ.get(SPEECH_SETTING, "system")).strip().lower()
    if choice == "fake":
        return RecordingSpeaker()
    if choice == "none":
        return NoSpeaker()
    if choice not in ("system", ""):
        log.warning("%s=%r is not one of system, fake, none; using system", SPEECH_SETTING, choice)
    if not system_engine_answers():
        log.warning("read aloud is off on this kiosk: the system speech engine cannot speak")
        return NoSpeaker()
    speaker = QtSpeaker()
    problem = speaker.problem
    if problem:
        log.warning("read aloud is off on this kiosk: %s", problem)
        return NoSpeaker()
    log.info("read aloud uses speech engine %r", speaker._tts.engine())
    return speaker
