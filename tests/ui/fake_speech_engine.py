"""A speech engine process that misbehaves on purpose, speaking the engine protocol of
`kiosk.ui.speech_engine`: `python fake_speech_engine.py silent` never says anything (not even that
it started); `python fake_speech_engine.py answers N` starts, carries out N commands (writing each
to stderr), then blocks for ever, like Qt's speech-dispatcher engine with no audio output."""

from __future__ import annotations

import json
import sys
import time


def main(mode: str, answers: int) -> None:
    if mode == "silent":
        time.sleep(3600)
        return
    print(json.dumps({"event": "ready", "voices": {"en": "en_US", "es": "es_ES"}}), flush=True)
    for line in sys.stdin:
        if answers <= 0:
            time.sleep(3600)  # never answers again, and never reads its input again
        answers -= 1
        command = json.loads(line)
        print(json.dumps({"event": "done", "id": command["id"]}), flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 0)
