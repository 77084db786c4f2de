"""The system speech engine, kept in a process of its own so no call to it can freeze the kiosk.

`SystemSpeaker` starts `python -m kiosk.ui.speech_engine` in the background and talks to it
through pipes. Every call from the interface thread (`can_speak`, `say`, `stop`, `set_volume`)
returns at once: commands go on a queue that one supervising thread sends, one at a time, waiting
for each to be done. A command still waiting superseded by a newer one is dropped (flipping
through pages quickly says only the last page). If the engine does not start within
`START_SECONDS`, or any command is not done within `ANSWER_SECONDS`, the engine is given up on:
its process is killed, one log line says why, and `status.changed` tells the window to hide
Read aloud. A kiosk runs for months, so a give-up is not for ever: a fresh engine is tried again
after each of `RETRY_SECONDS` (then hourly), and Read aloud comes back once one starts. `close`
(the kiosk quits) waits at most `CLOSE_SECONDS` for speech to stop.
"""

from __future__ import annotations

import atexit
import json
import logging
import queue
import subprocess
import sys
import threading
import time
from typing import Any

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

START_SECONDS = 30.0
"""Starting the engine (speech-dispatcher is started on first contact: 2 to 10 s on a busy machine).
The kiosk never waits for it: Read aloud simply appears once it has started."""
ANSWER_SECONDS = 3.0
"""One say, stop or volume command."""
CLOSE_SECONDS = 0.5
"""At quit, how long to wait for speech to stop before the engine is killed anyway."""
RETRY_SECONDS = (60.0, 300.0, 900.0, 3600.0)
"""After a give-up, the waits before each new try; the last repeats. A stall of a moment (the sound
server restarting) costs a minute of speech, not the months until the next restart; an engine that
is missing or broken costs one process start an hour."""
STEADY_SECONDS = 3600.0
"""An engine that stayed ready this long was a real recovery: the next give-up starts the waits over."""
_CLOSE = {"do": "close"}


class SpeechStatus(QObject):
    """Emits `changed` (on the interface thread, if connected queued) when the engine becomes
    ready or is given up on, so the window can show or hide Read aloud at once."""

    changed = Signal()


class SystemSpeaker:
    """The system engine in its own process; never blocks the caller for more than `CLOSE_SECONDS`."""

    def __init__(
        self,
        command: list[str] | None = None,
        env: dict[str, str] | None = None,
        start_seconds: float = START_SECONDS,
        answer_seconds: float = ANSWER_SECONDS,
        retry_seconds: tuple[float, ...] = RETRY_SECONDS,
    ) -> None:
        self.command = command or [sys.executable, "-m", "kiosk.ui.speech_engine"]
        self.env = env
        self.start_seconds = start_seconds
        self.answer_seconds = answer_seconds
        self.retry_seconds = retry_seconds
        self.status = SpeechStatus()
        self.phase = "starting"
        """starting, ready, given up (the engine failed or stopped answering; tried again later) or
        closed."""
        self.problem = ""
        self.tries = 0
        """Engines started so far (1 for the first; more after give-ups)."""
        self._logged_problem = ""
        self._volume: float | None = None
        self._voices: dict[str, str] = {}
        self._done = 0
        self._next_id = 0
        self._sent: list[dict[str, Any]] = []
        self._changed = threading.Condition()
        self._commands: queue.Queue[dict[str, Any]] = queue.Queue()
        self._process: subprocess.Popen[str] | None = None
        threading.Thread(target=self._supervise, name="speech-supervisor", daemon=True).start()

    # --- the interface thread's side: all of it returns at once -------------------------------

    def can_speak(self, language: str) -> bool:
        return self.phase == "ready" and language in self._voices

    def voice_for(self, language: str) -> str:
        """The locale that speaks `language` (e.g. `es_ES`), empty when there is none."""
        return self._voices.get(language, "") if self.phase == "ready" else ""

    def say(self, text: str, language: str) -> None:
        if self.can_speak(language):
            log.debug("speech: saying %d characters in %s", len(text), self._voices[language])
            self._commands.put({"do": "say", "text": text, "language": language})

    def stop(self) -> None:
        if self.phase == "ready":
            self._commands.put({"do": "stop"})

    def set_volume(self, volume: float) -> None:
        self._volume = volume  # a fresh engine after a give-up starts at the patient's volume too
        if self.phase in ("starting", "ready"):
            self._commands.put({"do": "volume", "value": volume})

    def running(self) -> bool:
        """True while the engine's process is alive (it never outlives `close` or a give-up)."""
        return self._process is not None and self._process.poll() is None

    def wait_until_started(self, timeout: float | None = None) -> bool:
        """Block until the engine is ready or given up on (for tests and tools); True if it is settled."""
        with self._changed:
            return self._changed.wait_for(lambda: self.phase != "starting", timeout)

    def close(self) -> None:
        """The kiosk is quitting: stop speech (waiting at most `CLOSE_SECONDS`), then end the engine."""
        if self.phase == "ready":
            self._commands.put({"do": "stop"})
            self._commands.put(_CLOSE)
            with self._changed:
                self._changed.wait_for(lambda: self.phase != "ready", CLOSE_SECONDS)
        with self._changed:
            self.phase = "closed"
            self._changed.notify_all()
            self._kill()

    # --- the supervising thread ---------------------------------------------------------------

    def _supervise(self) -> None:
        """Run engines one after another: after a give-up, wait, then start a fresh one."""
        waits = 0
        while True:
            started = time.monotonic()
            self.tries += 1
            self._run_engine()
            if time.monotonic() - started >= STEADY_SECONDS:
                waits = 0
            wait = self.retry_seconds[min(waits, len(self.retry_seconds) - 1)]
            waits += 1
            with self._changed:
                self._changed.wait_for(lambda: self.phase == "closed", wait)
                if self.phase == "closed":
                    return
                self.phase = "starting"
                self._voices, self._done, self._next_id = {}, 0, 0
                while not self._commands.empty():  # what was asked of the last engine is over
                    self._commands.get_nowait()
                if self._volume is not None:
                    self._commands.put({"do": "volume", "value": self._volume})
            log.debug("speech: trying the engine again")

    def _run_engine(self) -> None:
        """One engine, from its start until it is given up on or the kiosk quits."""
        try:
            self._process = subprocess.Popen(
                self.command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
                env=self.env,
            )
        except OSError as error:
            self._give_up(f"the speech engine cannot start: {error}")
            return
        with self._changed:
            if self.phase == "closed":  # the kiosk quit while the process was starting
                self._kill()
                return
            _running.add(self._process)
        process = self._process
        threading.Thread(target=self._read_events, args=(process,), name="speech-events", daemon=True).start()
        with self._changed:
            self._changed.wait_for(lambda: self.phase != "starting", self.start_seconds)
        if self.phase == "starting":
            self._give_up(f"the speech engine did not start within {self.start_seconds:g} s")
            return
        if self.phase != "ready":
            return
        again = " again" if self._logged_problem else ""
        log.info(
            "read aloud uses the system speech engine%s (voices for %d languages)", again, len(self._voices)
        )
        self._logged_problem = ""
        self.status.changed.emit()
        while self._send_next():
            pass

    def _send_next(self) -> bool:
        """Send the newest pending command (and any volume change); False when this engine is over."""
        pending = [self._commands.get()]
        while not self._commands.empty():
            pending.append(self._commands.get_nowait())
        if self.phase != "ready":
            return False
        speech = [item for item in pending if item["do"] in ("say", "stop")]
        volume = [item for item in pending if item["do"] == "volume"]
        for item in volume[-1:] + speech[-1:]:
            if not self._send_and_wait(item):
                return False
        if _CLOSE in pending:
            self._set_phase("closed")
            return False
        return True

    def _send_and_wait(self, command: dict[str, Any]) -> bool:
        self._next_id += 1
        number = self._next_id
        process = self._process
        assert process is not None and process.stdin is not None
        try:
            process.stdin.write(json.dumps({**command, "id": number}) + "\n")
            process.stdin.flush()
        except (OSError, ValueError) as error:
            self._give_up(f"the speech engine went away ({error})")
            return False
        with self._changed:
            done = self._changed.wait_for(
                lambda: self._done >= number or self.phase != "ready", self.answer_seconds
            )
        if self.phase != "ready":
            return False
        if not done:
            limit = self.answer_seconds
            self._give_up(f"the speech engine did not answer within {limit:g} s ({command['do']})")
            return False
        return True

    def _read_events(self, process: subprocess.Popen[str]) -> None:
        """Read one engine's events; an engine already replaced by a newer one is not listened to."""
        assert process.stdout is not None
        for line in process.stdout:
            if process is not self._process:
                break
            try:
                event = json.loads(line)
            except ValueError:
                continue
            if not isinstance(event, dict):
                continue
            kind = event.get("event")
            if kind == "ready" and isinstance(event.get("voices"), dict):
                self._voices = {str(k): str(v) for k, v in event["voices"].items()}
                self._set_phase("ready")
            elif kind == "failed":
                self._give_up(str(event.get("reason", "the speech engine cannot speak")))
            elif kind == "done" and isinstance(event.get("id"), int):
                with self._changed:
                    self._done = max(self._done, event["id"])
                    self._changed.notify_all()
            elif kind == "state":
                log.debug("speech: %s", event.get("state"))
        process.wait()
        if process is self._process and self.phase in ("starting", "ready"):
            self._give_up("the speech engine ended unexpectedly")

    def _set_phase(self, phase: str) -> None:
        with self._changed:
            self.phase = phase
            self._changed.notify_all()

    def _give_up(self, reason: str) -> None:
        """One log line, the engine killed, Read aloud hidden: the kiosk carries on without speech."""
        with self._changed:
            if self.phase in ("given up", "closed"):
                return
            if reason != self._logged_problem:  # an engine failing the same way every hour: one line
                log.warning("read aloud is off on this kiosk: %s (it is tried again later)", reason)
                self._logged_problem = reason
            else:
                log.debug("speech: the engine failed again: %s", reason)
            self._kill()
            self.phase = "given up"
            self.problem = reason
            self._changed.notify_all()
        self._commands.put(_CLOSE)  # wakes the supervisor if it waits for a command
        self.status.changed.emit()

    def _kill(self) -> None:
        process = self._process
        if process is not None and process.poll() is None:
            process.kill()
            process.wait()
        if process is not None:
            _running.discard(process)


_running: set[subprocess.Popen[str]] = set()
"""Engine processes still alive; killed when the kiosk exits, so none is ever left behind."""


@atexit.register
def _kill_running_engines() -> None:
    for process in list(_running):
        if process.poll() is None:
            process.kill()
