"""A speech engine process that misbehaves on purpose, speaking the engine protocol of
`kiosk.ui.speech_engine`: `python fake_speech_engine.py silent` never says anything (not even that
it started); `python fake_speech_engine.py answers N` starts, carries out N commands (writing each
to stderr), then blocks for ever, like Qt's speech-dispatcher engine with no audio output.
`python fake_speech_engine.py stuck-once FILE` blocks like `answers 0` the first time (it creates
FILE), and every later time answers every command, writing each to FILE: a stall that passes."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def main(mode: str, answers: int) -> None:
    if mode == "silent":
        time.sleep(3600)
        return
    if mode == "stuck-once":
        record = Path(sys.argv[2])
        if not record.exists():
            record.write_text("")
            main("answers", 0)
            return
        print(json.dumps({"event": "ready", "voices": {"en": "en_US", "es": "es_ES"}}), flush=True)
        for line in sys.stdin:
            with record.open("a") as file:
                file.write(line)
            print(json.dumps({"event": "done", "id": json.loads(line)["id"]}), flush=True)
        return
    print(json.dumps({"event": "ready", "voices": {"en": "en_US", "es": "es_ES"}}), flush=True)
    for line in sys.stdin:
        if answers <= 0:
            time.sleep(3600)  # never answers again, and never reads its input again
        answers -= 1
        command = json.loads(line)
        print(json.dumps({"event": "done", "id": command["id"]}), flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if sys.argv[2:] and sys.argv[2].isdigit() else 0)
