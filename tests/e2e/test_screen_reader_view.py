"""A screen reader's view of the running kiosk, read over the real AT-SPI bus.

The test starts its own Xvfb, a private D-Bus session with the AT-SPI bus (`at-spi2-core`), and
`kiosk run` with `QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1`. Like a screen reader it reads the tree
(roles, names, what is showing, in order) and moves on with the controls' own actions: the start
screen, Home, a topic, an article page and an exercise page. On the exercise page it listens for
the counter's polite announcement while the demo plays.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from atspi import AtSpi, Node, ObjectGone, accessibility_bus
from jeepney import HeaderFields

from kiosk.content.bundled import bundled_pack_dir
from kiosk.content.loader import load_pack
from kiosk.content.pack import Pack
from kiosk.content.placeholders import fill
from kiosk.session.site import SiteDetails

pytestmark = pytest.mark.e2e

APP_NAME = "Clinic Kiosk"
WAIT_SECONDS = 30
POLITE = 1
"""`ATSPI_LIVE_POLITE`: the announcement waits until the reader has finished speaking."""


@pytest.fixture(scope="module")
def pack() -> Pack:
    loaded = load_pack(bundled_pack_dir())
    assert loaded.pack is not None
    return loaded.pack


@pytest.fixture
def reader(x_display: str, tmp_path: Path) -> Iterator[tuple[AtSpi, Node]]:
    """The kiosk running on the accessibility bus, and a client reading it."""
    with accessibility_bus(x_display, tmp_path / "runtime") as env:
        env["KIOSK_SPEECH"] = "none"
        kiosk = Path(sys.executable).parent / "kiosk"
        command = [str(kiosk)] if kiosk.exists() else [sys.executable, "-m", "kiosk"]
        process = subprocess.Popen(
            [*command, "run", "--windowed", "--size", "1920x1080"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        spi = AtSpi(env)
        try:
            yield spi, spi.application(APP_NAME, timeout=WAIT_SECONDS)
        finally:
            spi.close()
            process.terminate()
            process.wait(timeout=15)


def read_until(spi: AtSpi, app: Node, ready: Callable[[list[Node]], bool]) -> list[Node]:
    """Read the showing tree again until `ready` accepts it (the screen has changed) and a second
    reading agrees. One reading is many calls: when the screen changes during it, its start can
    be the old screen's (no top bar on the start screen) and its end the new one's."""
    deadline = time.monotonic() + WAIT_SECONDS
    order: list[Node] = []
    previous: list[tuple[str, str]] = []
    while True:
        try:
            order = spi.reading_order(app)
        except ObjectGone:  # the old screen went while it was being read: read the new one
            order = []
        heard = [(n.role, n.name) for n in order]
        if ready(order) and heard == previous:
            return order
        previous = heard
        if time.monotonic() > deadline:
            pytest.fail(
                "screen never showed; the reader saw:\n" + "\n".join(f"{n.role}: {n.name}" for n in order)
            )
        time.sleep(0.3)


def has_heading(name: str) -> Callable[[list[Node]], bool]:
    return lambda order: any(n.role == "heading" and n.name == name for n in order)


def index_of(order: list[Node], role: str, name: str) -> int:
    for index, node in enumerate(order):
        if node.role == role and node.name == name:
            return index
    raise AssertionError(f"no {role} {name!r}; the reader saw {[(n.role, n.name) for n in order]}")


def button(order: list[Node], name: str) -> Node:
    return order[index_of(order, "push button", name)]


def test_a_screen_reader_reads_home_a_page_and_an_exercise(reader: tuple[AtSpi, Node], pack: Pack) -> None:
    spi, app = reader
    start = read_until(spi, app, lambda order: any(n.role == "push button" for n in order))
    assert [n.name for n in start if n.role == "push button"] == ["Touch anywhere to start"]
    spi.press(button(start, "Touch anywhere to start"))

    # Home: the bar, then the pack's title as a heading, the welcome and disclaimer, the topics.
    title = pack.text(pack.manifest.title, "en")
    home = read_until(spi, app, has_heading(title))
    heading = index_of(home, "heading", title)
    assert index_of(home, "push button", "Home") < index_of(home, "push button", "Back") < heading
    assert index_of(home, "check box", "High contrast") < heading  # a toggle says it is one
    topics = [pack.text(topic.title, "en") for topic in pack.manifest.topics]
    tiles = [n.name for n in home[heading:] if n.role == "push button"]
    assert tiles == topics  # every topic, named, in the pack's order, after the heading
    # as shown: the kiosk fills {emergency.number} (no settings file here: the general phrase)
    disclaimer = fill(pack.text(pack.manifest.disclaimer, "en"), SiteDetails().words("en"))
    assert heading < index_of(home, "label", disclaimer) < index_of(home, "push button", topics[0])
    assert all(n.name for n in home if n.role in ("push button", "check box", "heading"))

    topic = pack.topic("exercise")
    spi.press(button(home, pack.text(topic.title, "en")))
    topic_screen = read_until(spi, app, has_heading(pack.text(topic.title, "en")))
    cards = [pack.page(page_id, "en").title for page_id in topic.pages]
    assert [n.name for n in topic_screen if n.role == "push button"][-len(cards) :] == cards

    # An article page: its title is the heading, read before its text, then Next.
    article = pack.page(topic.pages[0], "en")
    spi.press(button(topic_screen, article.title))
    page = read_until(spi, app, has_heading(article.title))
    headings = [n.name for n in page if n.role == "heading"]
    assert headings[0] == article.title
    first_words = article.body_html.split("<p>", 1)[1][:30]
    text = next(i for i, n in enumerate(page) if n.role == "label" and n.name.startswith(first_words))
    assert index_of(page, "heading", article.title) < text < index_of(page, "push button", "Next")
    assert any(n.name == article.front.illustration_alt for n in page)  # the picture is described

    # An exercise page: heading first, then the cautions and the steps in order; the demo's
    # controls and its counter are there too.
    exercise = pack.page(topic.pages[1], "en")
    spi.press(button(page, "Next"))
    demo = read_until(spi, app, has_heading(exercise.title))
    after_bar = [n for n in demo[index_of(demo, "push button", "Español") + 1 :] if n.name]
    assert after_bar[1] == Node(after_bar[1].bus_name, after_bar[1].path, "heading", exercise.title, True)
    steps = [step.text for step in exercise.front.steps]  # type: ignore[attr-defined]
    named_buttons = [n.name for n in demo if n.role == "push button"]
    first_step = named_buttons.index(steps[0])
    assert named_buttons[first_step : first_step + len(steps)] == steps
    for control in ("Play", "Slower", "Replay"):
        assert control in named_buttons
    counter = next(n for n in demo if n.role == "label" and n.name.startswith("Rep 1 of"))

    # While the demo plays, each new count is announced politely.
    rule = spi.listen("object:announcement")
    with spi.connection.filter(rule) as heard:
        spi.press(button(demo, "Play"))
        deadline = time.monotonic() + WAIT_SECONDS
        announcements: list[tuple[str, int]] = []
        while not any(words.startswith("Rep 2 of") for words, _ in announcements):
            left = deadline - time.monotonic()
            if left <= 0:
                pytest.fail(f"no announcement of the next rep; heard {announcements}")
            try:
                signal = spi.connection.recv_until_filtered(heard, timeout=left)
            except TimeoutError:
                continue
            if signal.header.fields.get(HeaderFields.member) == "Announcement":
                politeness, (_signature, words) = signal.body[1], signal.body[3]
                announcements.append((words, politeness))
    assert all(politeness == POLITE for _, politeness in announcements)
    assert spi.node(counter.bus_name, counter.path).name.startswith("Rep 2 of")
