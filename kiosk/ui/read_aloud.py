"""Read aloud: while the patient has it on, the screen they look at is spoken in its language.

`ReadAloud` follows the `AppState`: turning `read_aloud` on speaks the current screen, a new route
or language speaks the new screen (stopping the old one first), and turning it off, an idle reset
(which turns it off) or closing the kiosk stops speech at once. The idle question ("Are you still
reading?") is spoken when it appears, and `say_now` lets a widget speak a short cue (an exercise
step as the figure reaches it). The patient's volume step goes to the speaker as it changes, and
back to full at a reset. What is said comes from the pack:
a page's title then its text (for an exercise also its steps and cautions); the topic list and
Home say their titles, so a patient who cannot read can still find their way.
"""

from __future__ import annotations

from collections.abc import Callable

from kiosk.content.pack import Pack
from kiosk.session.state import VOLUME_STEPS, AppState, IdlePhase, Snapshot
from kiosk.ui.speech import Speaker
from kiosk.ui.strings import tr


def spoken_text(pack: Pack, snapshot: Snapshot) -> str:
    """What the screen for `snapshot` says out loud, in its language; empty for the start screen."""
    route, language = snapshot.route, snapshot.language
    try:
        if route.kind == "page":
            return page_text(pack, route.page, language)
        if route.kind == "topic":
            topic = pack.topic(route.topic)
            titles = [pack.page(page_id, language).title for page_id in topic.pages]
            return _sentences([pack.text(topic.title, language), *titles])
    except KeyError:
        return ""
    if route.kind == "home":
        return _sentences(
            [pack.text(pack.manifest.title, language)]
            + [pack.text(topic.title, language) for topic in pack.manifest.topics]
        )
    return ""


def page_text(pack: Pack, page_id: str, language: str) -> str:
    """Title, then the page text; for an exercise, then its numbered steps and its cautions."""
    page = pack.page(page_id, language)
    parts = [page.title, page.plain_text]
    steps = getattr(page.front, "steps", None) or []
    for number, step in enumerate(steps, start=1):
        parts.append(f"{tr('step_number', language, number=number)}: {step.text}")
    cautions = getattr(page.front, "cautions", None) or []
    if cautions:
        parts.append(tr("cautions", language))
        parts.extend(cautions)
    return _sentences(parts)


def _sentences(parts: list[str]) -> str:
    """Join parts so the voice pauses between them (a full stop where a part has no end mark)."""
    cleaned = [part.strip() for part in parts if part and part.strip()]
    return "\n".join(part if part[-1] in ".!?:;" else f"{part}." for part in cleaned)


class ReadAloud:
    """Speaks the current screen while `read_aloud` is on; owned by the window, closed with it."""

    def __init__(self, state: AppState, pack_of: Callable[[], Pack], speaker: Speaker) -> None:
        self.state = state
        self.pack_of = pack_of
        self.speaker = speaker
        self._unsubscribe = state.subscribe(self._on_change)
        self._closed = False

    def available(self, language: str) -> bool:
        return self.speaker.can_speak(language)

    def _on_change(self, old: Snapshot, new: Snapshot) -> None:
        if new.volume != old.volume:  # a patient's choice, or an idle reset bringing it back
            self.speaker.set_volume(new.volume / VOLUME_STEPS)
        if not new.read_aloud:
            if old.read_aloud:
                self.speaker.stop()
            return
        if new.idle is IdlePhase.WARNING and old.idle is not IdlePhase.WARNING:
            self.say_now(tr("still_reading_spoken", new.language), new.language)
        elif new.idle is IdlePhase.ACTIVE and old.idle is IdlePhase.WARNING:
            self.speaker.stop()  # the patient answered; the question is over
        elif not old.read_aloud or old.route != new.route or old.language != new.language:
            self.speak(new)

    def say_now(self, text: str, language: str) -> None:
        """Say `text` in place of whatever is being said, if read aloud is on and there is a voice
        (the idle question, an exercise step as the figure reaches it, a counter's end)."""
        if self.state.current.read_aloud and text and self.speaker.can_speak(language):
            self.speaker.say(text, language)

    def speak(self, snapshot: Snapshot) -> None:
        """Stop what is being said and say the screen of `snapshot` (nothing if it has no words)."""
        self.speaker.stop()
        text = spoken_text(self.pack_of(), snapshot)
        if text and self.speaker.can_speak(snapshot.language):
            self.speaker.say(text, snapshot.language)

    def close(self) -> None:
        """The kiosk is closing: quiet now, and stop following the state (once, however it closes)."""
        if self._closed:
            return
        self._closed = True
        self._unsubscribe()
        self.speaker.close()
