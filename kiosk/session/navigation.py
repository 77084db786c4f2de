"""Named navigation commands: the one path every tap, swipe, link, key and timer goes through.

Each command is a method of `Navigator`, which holds the `AppState` and the `Pack`. Screens never
change the route themselves; they call a command, the command updates the state, and every screen
that subscribed redraws. Keeping this Qt-free means the rules below are tested in milliseconds.

Rules a patient would notice:
- `open_topic`, `open_page` and `follow_link` remember where the patient was, so Back returns there.
- `next_page` / `previous_page` turn pages inside a topic without growing the history: Back from
  any page of a topic returns to what was before the topic's pages (usually the topic list).
- `next_page` on the last page of a topic returns to the topic's list of pages ("Done").
- `get_help` opens the pack's emergency page from any screen; Back returns where the patient was.
- `go_home` starts afresh: the history is cleared, so Back on Home does nothing.
- `toggle_language` / `set_language` change only the language: the patient stays on the same page.
- An unknown topic, page or link is logged and ignored; the patient stays where they are.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from kiosk.content.pack import Pack
from kiosk.session.state import HOME, VOLUME_STEPS, AppState, Route, Snapshot, TextSize

log = logging.getLogger(__name__)

MAX_HISTORY = 50
"""Enough for any visit; a bound keeps a kiosk that runs for weeks from growing without end."""

PAGE_LINK_PREFIX = "page:"


class Navigator:
    """The named commands. Create one per pack; call `set_pack` when a new pack goes live."""

    def __init__(self, state: AppState, pack: Pack) -> None:
        self.state = state
        self.pack = pack

    # --- where am I ------------------------------------------------------------------------

    @property
    def route(self) -> Route:
        return self.state.current.route

    def pages_of(self, topic_id: str) -> list[str]:
        """Page ids of a topic, in reading order; empty for an unknown topic."""
        try:
            return list(self.pack.topic(topic_id).pages)
        except KeyError:
            return []

    def position(self, route: Route | None = None) -> tuple[int, int]:
        """(1-based page number, page count) of the current page (or of `route`) in its topic;
        (0, 0) elsewhere."""
        route = route or self.route
        pages = self.pages_of(route.topic)
        if route.kind != "page" or route.page not in pages:
            return (0, 0)
        return (pages.index(route.page) + 1, len(pages))

    def neighbour(self, step: int, route: Route | None = None) -> Route | None:
        """The page `step` pages away from the current page (or from `route`) in the same topic,
        or None past either end."""
        route = route or self.route
        pages = self.pages_of(route.topic)
        if route.kind != "page" or route.page not in pages:
            return None
        index = pages.index(route.page) + step
        if 0 <= index < len(pages):
            return Route("page", topic=route.topic, page=pages[index])
        return None

    # --- commands ------------------------------------------------------------------------------

    def go_home(self) -> None:
        self.state.update(route=HOME, history=())

    def open_topic(self, topic_id: str) -> None:
        if not self.pages_of(topic_id):
            log.warning("no topic %r in pack %r; staying on %s", topic_id, self.pack.id, self.route.name)
            return
        self._go(Route("topic", topic=topic_id))

    def open_page(self, topic_id: str, page_id: str) -> None:
        if page_id not in self.pages_of(topic_id):
            log.warning("no page %r in topic %r; staying on %s", page_id, topic_id, self.route.name)
            return
        self._go(Route("page", topic=topic_id, page=page_id))

    def next_page(self) -> None:
        """Turn to the next page; on the last page, return to the topic's list of pages."""
        route = self.route
        if route.kind != "page":
            return
        following = self.neighbour(+1)
        if following is not None:
            self.state.update(route=following)
        else:
            self._return_to(Route("topic", topic=route.topic))

    def previous_page(self) -> None:
        previous = self.neighbour(-1)
        if previous is not None:
            self.state.update(route=previous)

    def back(self) -> None:
        history = self.state.current.history
        if not history:
            if self.route != HOME:
                self.go_home()
            return
        self.state.update(route=history[-1], history=history[:-1])

    def follow_link(self, href: str) -> None:
        """Open the page an internal link in page text points to (`page:<page-id>`).

        The page opens in the current topic when it belongs to it, else in the first topic that
        lists it, so the page dots and Next keep making sense.
        """
        page_id = href[len(PAGE_LINK_PREFIX) :] if href.startswith(PAGE_LINK_PREFIX) else href
        current_topic = self.route.topic
        if page_id in self.pages_of(current_topic):
            self.open_page(current_topic, page_id)
            return
        try:
            topic = self.pack.topic_of_page(page_id)
        except KeyError:
            log.warning("link %r leads to no page of pack %r; ignored", href, self.pack.id)
            return
        self.open_page(topic.id, page_id)

    def get_help(self) -> None:
        """Open the pack's "what to do now" page (`Pack.help_page_id`) from wherever the patient is;
        Back returns there. Nothing happens in a pack without one."""
        page_id = self.pack.help_page_id
        if page_id is None:
            log.warning("pack %r has no red-flag page for Get help now", self.pack.id)
            return
        self.follow_link(page_id)

    def set_text_size(self, size: TextSize) -> None:
        self.state.update(text_size=size)

    def bigger_text(self) -> None:
        self._step_text_size(+1)

    def smaller_text(self) -> None:
        self._step_text_size(-1)

    def toggle_read_aloud(self) -> None:
        """Read the screen aloud, or stop reading; an idle reset turns it off again."""
        self.state.update(read_aloud=not self.state.current.read_aloud)

    def change_volume(self) -> None:
        """Read aloud one step softer; from the softest, back to full volume (one button does it all)."""
        volume = self.state.current.volume
        self.state.update(volume=volume - 1 if volume > 1 else VOLUME_STEPS)

    def start_in(self, language: str) -> None:
        """From the start screen: open Home in `language` (the patient chose their language there)."""
        if language not in self.pack.languages:
            log.warning("pack %r has no language %r; not starting", self.pack.id, language)
            return
        self.state.update(route=HOME, history=(), language=language)

    def start_reading_aloud(self, language: str) -> None:
        """From the start screen: open Home in `language`, read aloud (a patient who cannot read the
        screen's language can start in their own, listening)."""
        if language not in self.pack.languages:
            log.warning("pack %r has no language %r; not starting", self.pack.id, language)
            return
        self.state.update(route=HOME, history=(), language=language, read_aloud=True)

    def toggle_high_contrast(self) -> None:
        """Switch every screen to the high-contrast colours, or back; an idle reset switches back."""
        self.state.update(high_contrast=not self.state.current.high_contrast)

    def set_pack(self, pack: Pack) -> None:
        """A new pack went live: start from Home, since old routes may not exist in it."""
        self.pack = pack
        self.go_home()

    def set_language(self, language: str) -> None:
        """Show every screen in `language`, staying where the patient is (same page, same history).

        A language the pack does not have is logged and ignored, so the screen never goes blank.
        """
        if language not in self.pack.languages:
            log.warning("pack %r has no language %r; staying in %r", self.pack.id, language, self.language)
            return
        self.state.update(language=language)

    def toggle_language(self) -> None:
        """The one-tap language switch: to the pack's next language (English <-> Spanish)."""
        self.set_language(next_language(self.pack.languages, self.language))

    @property
    def language(self) -> str:
        return self.state.current.language

    # --- helpers -------------------------------------------------------------------------------

    def _go(self, route: Route) -> None:
        current = self.state.current
        if route == current.route:
            return
        history = (*current.history, current.route)[-MAX_HISTORY:]
        self.state.update(route=route, history=history)

    def _return_to(self, route: Route) -> None:
        """Go to `route`, dropping history back to it when it is the last place remembered."""
        history = self.state.current.history
        if history and history[-1] == route:
            self.state.update(route=route, history=history[:-1])
        else:
            self._go(route)

    def _step_text_size(self, step: int) -> None:
        sizes = list(TextSize)
        index = sizes.index(self.state.current.text_size) + step
        self.set_text_size(sizes[max(0, min(index, len(sizes) - 1))])


def can_make_text_bigger(snapshot: Snapshot) -> bool:
    return snapshot.text_size is not list(TextSize)[-1]


def can_make_text_smaller(snapshot: Snapshot) -> bool:
    return snapshot.text_size is not next(iter(TextSize))


def next_language(languages: list[str], current: str) -> str:
    """The language the switch offers: the one after `current` in the pack's order, wrapping
    round; the pack's first language when `current` is not one of its languages."""
    if current not in languages:
        return languages[0]
    return languages[(languages.index(current) + 1) % len(languages)]


def log_route_changes(state: AppState, logger: logging.Logger | None = None) -> Callable[[], None]:
    """Log every route change at DEBUG as `route: page/about/what-is-it`, for previews and tests.

    DEBUG only: at INFO the log and the journal would keep a timed trail of every visit.
    """
    target = logger or logging.getLogger("kiosk.route")

    def on_change(old: Snapshot, new: Snapshot) -> None:
        if old.route != new.route:
            target.debug("route: %s", new.route.name)

    return state.subscribe(on_change)
