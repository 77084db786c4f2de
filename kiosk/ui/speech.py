"""Speakers: what turns page text into sound, chosen by setting so tests never need a sound card.

`Speaker` is the small interface the read-aloud control uses; every method returns at once.
`SystemSpeaker` (`kiosk.ui.system_speech`) is the real one: Qt Text to Speech on the system engine
(speech-dispatcher with espeak-ng on Linux) in a process of its own, given up on when it stops
answering. `RecordingSpeaker` remembers what it was asked to say, for tests and previews;
`NoSpeaker` is what a kiosk without a working engine gets, so the Read aloud button is not offered.

`speaker_from_setting` reads `KIOSK_SPEECH` (`system`, `fake` or `none`; default `system`).
"""

from __future__ import annotations

import logging
import os
from typing import Protocol

from kiosk.ui.system_speech import SpeechStatus, SystemSpeaker

log = logging.getLogger(__name__)

SPEECH_SETTING = "KIOSK_SPEECH"
DEFAULT_VOLUME = 1.0
"""The volume every patient starts with, and the one an idle reset returns to (Section 508 §402.2.4)."""


class Speaker(Protocol):
    @property
    def status(self) -> SpeechStatus | None:
        """Emits `changed` when the speaker starts or stops being able to speak (None: it never does)."""

    def can_speak(self, language: str) -> bool:
        """True when there is a voice for `language` (an ISO 639-1 code like `en` or `es`)."""

    def say(self, text: str, language: str) -> None:
        """Start speaking `text`, replacing anything still being spoken; returns at once."""

    def stop(self) -> None:
        """Stop speaking now (mid-word is fine: the patient asked for quiet)."""

    def set_volume(self, volume: float) -> None:
        """Speak at `volume` (0.0 to 1.0) from now on."""

    def close(self) -> None:
        """The kiosk is quitting: quiet now, and let go of the engine."""


class NoSpeaker:
    """No speech on this kiosk: the Read aloud control is not offered."""

    status: SpeechStatus | None = None

    def can_speak(self, language: str) -> bool:
        return False

    def say(self, text: str, language: str) -> None:
        return None

    def stop(self) -> None:
        return None

    def set_volume(self, volume: float) -> None:
        return None

    def close(self) -> None:
        return None


class RecordingSpeaker:
    """Remembers every request instead of making sound; `speaking` is what would be heard now."""

    status: SpeechStatus | None = None

    def __init__(self, languages: tuple[str, ...] = ("en", "es")) -> None:
        self.languages = languages
        self.spoken: list[tuple[str, str]] = []
        self.stops = 0
        self.speaking: tuple[str, str] | None = None
        self.volume = DEFAULT_VOLUME
        self.closed = False

    def can_speak(self, language: str) -> bool:
        return language in self.languages and not self.closed

    def say(self, text: str, language: str) -> None:
        self.spoken.append((text, language))
        self.speaking = (text, language)

    def stop(self) -> None:
        self.stops += 1
        self.speaking = None

    def set_volume(self, volume: float) -> None:
        self.volume = volume

    def close(self) -> None:
        self.stop()
        self.closed = True


def speaker_from_setting(value: str | None = None) -> Speaker:
    """The speaker `value` (or the `KIOSK_SPEECH` environment variable) asks for.

    `system` gives a `SystemSpeaker`: it never blocks, and falls back to no speech, with a log line,
    when the engine cannot start, has no voice, or stops answering.
    """
    choice = (value if value is not None else os.environ.get(SPEECH_SETTING, "system")).strip().lower()
    if choice == "fake":
        return RecordingSpeaker()
    if choice == "none":
        return NoSpeaker()
    if choice not in ("system", ""):
        log.warning("%s=%r is not one of system, fake, none; using system", SPEECH_SETTING, choice)
    return SystemSpeaker()
