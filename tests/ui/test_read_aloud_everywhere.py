"""Read aloud wherever a patient who cannot read needs it: the start screen offers it in each
language, the idle question is spoken, and an exercise's steps are said as the figure reaches them.

The kiosk speaks through a `RecordingSpeaker` (`KIOSK_SPEECH=fake`), so the tests hear exactly
what would be said; `tests/e2e/test_read_aloud_heard.py` records the real voice.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pytest
from layout_check import layout_problems
from uihelpers import Kiosk, load, settle

from kiosk.content.pack import Pack
from kiosk.session.exercise_clock import Phase
from kiosk.session.state import ATTRACT, VOLUME_STEPS, AppState, IdlePhase, Route, Snapshot
from kiosk.ui.exercise.player import ExercisePlayer
from kiosk.ui.main_window import MainWindow
from kiosk.ui.speech import NoSpeaker, RecordingSpeaker
from kiosk.ui.strings import tr

WHAT_IS_IT = Route("page", topic="basics", page="what-is-it")
BUNDLED_PACK = Path(__file__).resolve().parents[2] / "resources" / "packs" / "lower-back-pinched-nerve"


def open_kiosk(qtbot: Any, pack: Pack, speaker: Any, snapshot: Snapshot | None = None) -> Kiosk:
    window = MainWindow(AppState(snapshot or Snapshot(route=ATTRACT)), pack, speaker=speaker)
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    qtbot.waitExposed(window)
    settle()
    return Kiosk(window)


@pytest.mark.parametrize(("language", "words"), [("en", "Read aloud"), ("es", "Escuchar")])
def test_the_start_screen_offers_read_aloud_in_each_language(
    qtbot: Any, mini_pack: Pack, language: str, words: str
) -> None:
    speaker = RecordingSpeaker()
    kiosk = open_kiosk(qtbot, mini_pack, speaker)
    button = kiosk.window.current_screen.findChild(object, f"read-aloud-{language}")  # type: ignore[union-attr]
    assert button is not None and button.text().strip() == words
    kiosk.tap(f"read-aloud-{language}")
    state = kiosk.window.state.current
    assert (kiosk.route, state.language, state.read_aloud) == ("home", language, True)
    text, spoken_language = speaker.spoken[-1]
    assert spoken_language == language
    assert text.startswith(mini_pack.text(mini_pack.manifest.title, language))


def test_without_a_voice_the_start_screen_offers_no_read_aloud(qtbot: Any, mini_pack: Pack) -> None:
    kiosk = open_kiosk(qtbot, mini_pack, NoSpeaker())
    names = [name for name, _ in kiosk.window.tappables()]
    assert not [name for name in names if name.startswith("read-aloud")]
    assert "AttractScreen" in names


def test_only_languages_with_a_voice_are_offered(qtbot: Any, mini_pack: Pack) -> None:
    kiosk = open_kiosk(qtbot, mini_pack, RecordingSpeaker(languages=("es",)))
    names = [name for name, _ in kiosk.window.tappables()]
    assert "read-aloud-es" in names and "read-aloud-en" not in names


def test_the_idle_question_is_spoken_when_read_aloud_is_on(operate: Any) -> None:
    operated = operate()
    speaker = operated.window.read_aloud.speaker
    kiosk = operated.kiosk
    kiosk.tap("AttractScreen")
    kiosk.tap("topic/basics")
    kiosk.tap("read-aloud")
    operated.clock.advance(91)
    operated.op.idle.timer.timeout.emit()
    settle()
    assert operated.dialog() == "idle-warning"
    assert speaker.speaking == (tr("still_reading_spoken", "en"), "en")
    kiosk.tap("keep-reading")
    assert operated.window.state.current.idle is IdlePhase.ACTIVE
    assert speaker.speaking is None  # answered: the question is not read on


def test_the_idle_question_is_silent_when_read_aloud_is_off(operate: Any) -> None:
    operated = operate()
    speaker = operated.window.read_aloud.speaker
    operated.kiosk.tap("AttractScreen")
    operated.kiosk.tap("topic/basics")
    operated.clock.advance(91)
    operated.op.idle.timer.timeout.emit()
    settle()
    assert operated.dialog() == "idle-warning"
    assert speaker.spoken == []


@pytest.fixture(scope="module")
def bundled() -> Pack:
    return load(BUNDLED_PACK)


def exercise_kiosk(
    qtbot: Any, pack: Pack, language: str = "en"
) -> tuple[Kiosk, ExercisePlayer, RecordingSpeaker]:
    speaker = RecordingSpeaker()
    kiosk = open_kiosk(qtbot, pack, speaker, Snapshot(language=language))
    topic = next(t for t in pack.manifest.topics if "knee-to-chest" in t.pages)
    kiosk.window.navigator.open_page(topic.id, "knee-to-chest")
    settle()
    players = kiosk.window.current_screen.findChildren(ExercisePlayer)  # type: ignore[union-attr]
    assert len(players) == 1
    return kiosk, players[0], speaker


def step_cues(speaker: RecordingSpeaker, language: str = "en") -> list[str]:
    prefix = tr("step_number", language, number=0)[:-1]
    return [text for text, _ in speaker.spoken if text.startswith(prefix)]


def test_exercise_steps_are_spoken_as_the_figure_reaches_them(qtbot: Any, bundled: Pack) -> None:
    kiosk, player, speaker = exercise_kiosk(qtbot, bundled)
    kiosk.tap("read-aloud")
    assert step_cues(speaker) == []  # the page is read first; the demo waits for Play
    player.play()
    steps = bundled.page("knee-to-chest", "en").front.steps  # type: ignore[attr-defined]
    seen = []
    for _ in range(1200):  # a tenth of a second at a time, until every step has come once
        player.advance(0.1)
        index = player.clock.state.step_index
        if index is not None and (not seen or seen[-1] != index):
            seen.append(index)
        if len(seen) == len(steps):
            break
    player.pause()
    expected = [f"Step {index + 1}: {steps[index].text}" for index in seen]
    assert len(seen) == len(steps) >= 2
    assert step_cues(speaker)[: len(expected)] == expected
    assert speaker.speaking is not None and speaker.speaking[0] == step_cues(speaker)[-1]


def test_a_touched_step_is_spoken_and_nothing_is_said_with_read_aloud_off(qtbot: Any, bundled: Pack) -> None:
    kiosk, player, speaker = exercise_kiosk(qtbot, bundled)
    kiosk.tap("Step2")
    assert player.clock.state.step_index == 1
    assert step_cues(speaker) == []  # read aloud is off
    kiosk, player, speaker = exercise_kiosk(qtbot, bundled)
    kiosk.tap("read-aloud")
    kiosk.tap("Step2")  # (the steps below it lie under the page's Previous/Next at this size)
    assert player.clock.state.step_index == 1
    steps = bundled.page("knee-to-chest", "en").front.steps  # type: ignore[attr-defined]
    assert step_cues(speaker) == [f"Step 2: {steps[1].text}"]
    assert speaker.spoken[-1][1] == "en"
    assert not player.is_playing()


def with_counter_cues(pack: Pack, rest_seconds: float = 0) -> Pack:
    """The pack with `read_aloud: {counter_cues: true}`; knee-to-chest gets 2 rounds with a rest."""
    manifest = dataclasses.replace(
        pack.manifest, read_aloud=dataclasses.replace(pack.manifest.read_aloud, counter_cues=True)
    )
    pages = dict(pack.pages)
    for key, page in pack.pages.items():
        if key[0] == "knee-to-chest" and rest_seconds:
            front = dataclasses.replace(page.front, sets=2, rest_seconds=rest_seconds)
            pages[key] = dataclasses.replace(page, front=front)
    return dataclasses.replace(pack, manifest=manifest, pages=MappingProxyType(pages))


def play_until(player: ExercisePlayer, done: Any, limit: float = 300) -> None:
    elapsed = 0.0
    while not done() and elapsed < limit:
        player.advance(0.1)
        elapsed += 0.1
    player.pause()


@pytest.mark.parametrize("cues", [True, False], ids=["pack-asks", "pack-does-not"])
def test_the_end_of_a_hold_and_of_a_rest_is_spoken_when_the_pack_asks(
    qtbot: Any, bundled: Pack, cues: bool
) -> None:
    pack = with_counter_cues(bundled, rest_seconds=5) if cues else bundled
    kiosk, player, speaker = exercise_kiosk(qtbot, pack, language="es")
    kiosk.tap("read-aloud")
    player.play()
    play_until(player, lambda: player.clock.state.set_index == 1 and player.clock.state.phase is Phase.MOVE)
    said = [text for text, _ in speaker.spoken]
    holds = [text for text in said if text.startswith("Relájese.")]
    rests = [text for text in said if text.startswith("Terminó el descanso.")]
    if cues:
        assert len(holds) >= 1 and holds[0].startswith("Relájese. Paso")  # then the next step
        assert rests == [rests[0]] and "Paso 1:" in rests[0]
    else:
        assert holds == [] and rests == []


def test_the_volume_steps_down_and_an_idle_reset_brings_it_back(qtbot: Any, mini_pack: Pack) -> None:
    speaker = RecordingSpeaker()
    kiosk = open_kiosk(qtbot, mini_pack, speaker, Snapshot(route=WHAT_IS_IT))
    assert "volume" not in [name for name, _ in kiosk.window.tappables()]  # only while reading aloud
    kiosk.tap("read-aloud")
    heard = []
    for _ in range(VOLUME_STEPS):
        kiosk.tap("volume")
        heard.append(speaker.volume)
    assert heard == [0.75, 0.5, 0.25, 1.0]  # softer each tap, then full again
    kiosk.tap("volume")
    kiosk.tap("volume")
    assert speaker.volume == 0.5
    assert kiosk.window.top_bar.volume.accessibleName().startswith("Volume 2 of 4")  # type: ignore[union-attr]
    kiosk.window.state.reset()
    settle()
    assert speaker.volume == 1.0 and kiosk.window.state.current.volume == VOLUME_STEPS
    assert "volume" not in [name for name, _ in kiosk.window.tappables()]


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (1280, 800)], ids=str)
@pytest.mark.parametrize("language", ["en", "es"])
def test_the_bar_with_read_aloud_on_fits_every_screen(
    qtbot: Any, mini_pack: Pack, size: tuple[int, int], language: str
) -> None:
    window = MainWindow(
        AppState(Snapshot(route=WHAT_IS_IT, language=language)), mini_pack, speaker=RecordingSpeaker()
    )
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.navigator.toggle_read_aloud()
    settle()
    assert window.top_bar is not None and window.top_bar.volume.isVisible()
    problems = layout_problems(window, 72 if size == (1920, 1080) else 48)
    assert not problems, "\n".join(problems)


def test_turning_read_aloud_on_moves_no_button(qtbot: Any, mini_pack: Pack) -> None:
    """The Volume button appears left of the others, so a second tap to stop lands on Read aloud."""
    kiosk = open_kiosk(qtbot, mini_pack, RecordingSpeaker(), Snapshot(route=WHAT_IS_IT))
    before = dict(kiosk.window.tappables())
    kiosk.tap("read-aloud")
    after = dict(kiosk.window.tappables())
    assert "volume" in after
    moved = [name for name in before if after.get(name) != before[name]]
    assert moved == []
