"""The speech engine's own process: Qt Text to Speech, driven by one line of JSON per command.

Qt's speech-dispatcher engine can block for ever inside `QTextToSpeech()`, `say()` or `stop()`
(seen when speech-dispatcher has no working audio output: `stop()` waited on a lock for 15
minutes). A kiosk must never freeze, so the engine lives here, in a process of its own that the
kiosk can give up on and kill (`kiosk.ui.system_speech.SystemSpeaker`). Run as
`python -m kiosk.ui.speech_engine [ENGINE]` (ENGINE: a Qt engine name such as `mock`; default: the
platform's, speech-dispatcher on Linux).

Commands on stdin (one JSON object a line, each with an `id`):
  {"id": 3, "do": "say", "text": "...", "language": "es"}   stop what is said, then say this
  {"id": 4, "do": "stop"}                                    quiet now
  {"id": 5, "do": "volume", "value": 0.8}                     0.0 to 1.0
Events on stdout: `{"event": "ready", "voices": {"en": "en_US", ...}}` once the engine has started,
or `{"event": "failed", "reason": "..."}`; `{"event": "done", "id": 3}` when a command has returned;
`{"event": "state", "state": "speaking" | "ready"}` as speech starts and ends.
When stdin closes (the kiosk quit or died) speech stops and the process ends, within a second even
if the engine is stuck.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import threading
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, Signal
from PySide6.QtTextToSpeech import QTextToSpeech

log = logging.getLogger(__name__)

PREFERRED_LOCALES = {"en": "en_US", "es": "es_ES"}
"""The voice locale to pick first for a pack language; any locale of the same language will do."""
EXIT_GRACE_SECONDS = 1.0
"""After stdin closes, how long stopping speech may take before the process ends regardless."""


class QtSpeaker:
    """Qt Text to Speech on `engine` (empty: the platform default, speech-dispatcher on Linux).

    Its calls can block for ever on a broken engine: only ever use it where that can be given up
    on (this module's process, or a test on Qt's `mock` engine)."""

    def __init__(self, engine: str = "") -> None:
        self.engine = engine
        self._tts = QTextToSpeech(engine) if engine else QTextToSpeech()
        self._warned: set[str] = set()

    @property
    def tts(self) -> QTextToSpeech:
        return self._tts

    @property
    def problem(self) -> str:
        """Why the engine cannot speak, or empty when it can."""
        if self._tts.state() == QTextToSpeech.State.Error:
            return self._tts.errorString() or "the speech engine reported an error"
        if not self._tts.availableLocales():
            return "the speech engine has no voices"
        return ""

    def voices(self) -> dict[str, str]:
        """Language code -> the locale name that will speak it, e.g. {"en": "en_US"}."""
        found: dict[str, str] = {}
        for locale in self._tts.availableLocales():
            name = str(locale.name())
            language = name.split("_", 1)[0]
            if language not in found or name == PREFERRED_LOCALES.get(language):
                found[language] = name
        return found

    def locale_for(self, language: str) -> QLocale | None:
        """The engine's locale for `language`, preferring `PREFERRED_LOCALES`; None if it has none."""
        if self._tts.state() == QTextToSpeech.State.Error:
            return None
        name = self.voices().get(language)
        return QLocale(name) if name else None

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

    def set_volume(self, volume: float) -> None:
        self._tts.setVolume(max(0.0, min(1.0, volume)))

    @property
    def locale_name(self) -> str:
        """The locale the engine speaks in now, e.g. `en_US` (for logs and tests)."""
        return str(self._tts.locale().name())


def _send(event: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(event) + "\n")
    sys.stdout.flush()


class _Commands(QObject):
    """Carries each stdin line from the reading thread to the engine's (Qt main) thread."""

    arrived = Signal(str)
    ended = Signal()


def _read_stdin(commands: _Commands) -> None:
    for line in sys.stdin:
        commands.arrived.emit(line)
    commands.ended.emit()
    # The kiosk is gone: give stopping a moment, then end whatever the engine is doing.
    threading.Timer(EXIT_GRACE_SECONDS, os._exit, args=(0,)).start()


def run(command: dict[str, Any], speaker: QtSpeaker) -> None:
    """Carry out one command (this is where a broken engine blocks)."""
    action = command.get("do")
    if action == "say":
        speaker.say(str(command.get("text", "")), str(command.get("language", "")))
    elif action == "stop":
        speaker.stop()
    elif action == "volume":
        speaker.set_volume(float(command.get("value", 1.0)))


def main(argv: list[str]) -> int:
    app = QCoreApplication(argv[:1])
    speaker = QtSpeaker(argv[1] if len(argv) > 1 else "")
    problem = speaker.problem
    if problem:
        _send({"event": "failed", "reason": problem})
        return 3
    _send({"event": "ready", "voices": speaker.voices()})
    speaker.tts.stateChanged.connect(lambda state: _send({"event": "state", "state": state.name.lower()}))

    def on_line(line: str) -> None:
        try:
            command = json.loads(line)
        except ValueError:
            return
        if isinstance(command, dict):
            run(command, speaker)
            _send({"event": "done", "id": command.get("id")})

    def on_end() -> None:
        speaker.stop()
        app.quit()

    commands = _Commands()
    # Queued: the engine is only ever touched on this (its own) thread.
    commands.arrived.connect(on_line, Qt.ConnectionType.QueuedConnection)
    commands.ended.connect(on_end, Qt.ConnectionType.QueuedConnection)
    threading.Thread(target=_read_stdin, args=(commands,), name="speech-commands", daemon=True).start()
    app.exec()
    os._exit(0)  # the reading thread may still wait on stdin


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
