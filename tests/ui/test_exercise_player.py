"""The exercise player: one clock drives the figure, the highlighted step and the counters.

The player's clock is moved with fixed steps of real time (`advance(dt)`, what each timer tick
does), so the tests are exact and never wait on a clock.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget
from uihelpers import Kiosk, load, settle

from kiosk.content.pack import Pack
from kiosk.session.exercise_clock import Phase, counter_label
from kiosk.ui.exercise.figures import SvgFigure
from kiosk.ui.exercise.player import ExercisePlayer

BUNDLED_PACK = Path(__file__).resolve().parents[2] / "resources" / "packs" / "lower-back-pinched-nerve"
EXERCISES = ["pelvic-tilt", "bridge", "knee-to-chest", "walking", "cycling"]


def shown(label: Any) -> str:
    """A counter's words as a patient reads them (its phrases hold together with no-break spaces)."""
    return str(label.text()).replace("\u00a0", " ")


@pytest.fixture(scope="module")
def bundled() -> Pack:
    from kiosk.ui.app import application

    application()
    return load(BUNDLED_PACK)


def open_exercise(make_kiosk: Any, pack: Pack, page: str, size: tuple[int, int] = (1920, 1080)) -> Kiosk:
    kiosk = make_kiosk(size=size, pack=pack)
    topic = next(t for t in pack.manifest.topics if page in t.pages)
    kiosk.window.navigator.open_page(topic.id, page)
    settle()
    return kiosk


def player_of(kiosk: Kiosk) -> ExercisePlayer:
    players = kiosk.window.current_screen.findChildren(ExercisePlayer)  # type: ignore[union-attr]
    assert len(players) == 1
    return players[0]


def highlighted_rows(player: ExercisePlayer) -> list[int]:
    return [index for index, row in enumerate(player.steps.rows) if row.current]


def assert_agrees_with_clock(player: ExercisePlayer, elapsed: float) -> None:
    """Figure frame, highlighted step and counter all show what the Qt-free clock says."""
    expected = player.plan.state_at(elapsed)
    assert player.clock.elapsed == pytest.approx(elapsed)
    figure = player.figure
    assert isinstance(figure, SvgFigure)
    frame = round(expected.animation_seconds * 30)
    assert figure.frame == frame
    assert abs(figure.renderer.currentFrame() - frame) <= 1  # its own clock may tick once meanwhile
    step = [] if expected.step_index is None else [expected.step_index]
    assert highlighted_rows(player) == step
    words = counter_label(player.plan, expected, "Set {number} of {count}", "Rep {number} of {count}")
    if expected.elapsed == 0 and expected.set_remaining is not None:
        words = words.replace("left", "in all")  # a timed demo not yet started says its whole time
    assert shown(player.counter) == words


@pytest.mark.parametrize("speed", [0.5, 1.0])
@pytest.mark.parametrize("page", ["pelvic-tilt", "knee-to-chest", "walking"])
def test_one_clock_drives_frame_step_and_counter_at_every_speed(
    make_kiosk: Any, bundled: Pack, page: str, speed: float
) -> None:
    player = player_of(open_exercise(make_kiosk, bundled, page))
    player.set_speed(speed)
    player.play()
    elapsed = 0.0
    seen_steps: set[int] = set()
    for _ in range(400):
        player.advance(0.1)  # 0.1 s of real time per tick
        elapsed = min(elapsed + 0.1 * speed, player.plan.total_seconds)
        assert_agrees_with_clock(player, elapsed)
        seen_steps.update(highlighted_rows(player))
    assert seen_steps == set(range(len(player.steps.rows)))
    player.pause()


def test_slow_motion_halves_progress_per_real_second(make_kiosk: Any, bundled: Pack) -> None:
    player = player_of(open_exercise(make_kiosk, bundled, "bridge"))
    player.play()
    player.advance(2.0)
    normal = player.clock.elapsed
    player.replay()
    player.speed_button.click()
    assert player.speed_button.accessibleName() == "Normal speed"
    player.advance(2.0)
    assert player.clock.elapsed == pytest.approx(normal / 2)
    player.speed_button.click()
    assert player.speed_button.accessibleName() == "Slower"
    player.pause()


def test_the_counter_reads_set_rep_hold_and_rest(make_kiosk: Any, bundled: Pack) -> None:
    player = player_of(open_exercise(make_kiosk, bundled, "pelvic-tilt"))
    plan = player.plan
    span = plan.hold_span
    assert span is not None
    player.advance(0)
    player.clock.elapsed = 2 * plan.rep_seconds + span.start + 1.2  # third rep, 1.2 s into the hold
    player.advance(0)
    assert player.clock.state.phase is Phase.HOLD
    assert shown(player.counter) == f"Rep 3 of {plan.reps}"
    assert shown(player.status) == f"Hold {round(plan.hold_seconds - 1.2 + 0.5)}"
    assert 0 < player.bar.fraction < 1


def test_knee_to_chest_names_the_leg_and_the_figure_switches_legs(make_kiosk: Any, bundled: Pack) -> None:
    player = player_of(open_exercise(make_kiosk, bundled, "knee-to-chest"))
    plan = player.plan
    player.advance(0)
    assert shown(player.counter) == "Right leg · Rep 1 of 3"
    assert player.counter.accessibleName() == "Right leg · Rep 1 of 3"  # plain spaces for a reader
    player.clock.elapsed = plan.rep_seconds + 2.0  # the second repetition: the left leg
    player.advance(0)
    assert shown(player.counter) == "Left leg · Rep 1 of 3"
    assert player.clock.state.animation_seconds > plan.loop_seconds / 2  # the demo's left-leg half
    assert_agrees_with_clock(player, player.clock.elapsed)
    player.clock.elapsed = 5 * plan.rep_seconds + 2.0
    player.advance(0)
    assert shown(player.counter) == "Left leg · Rep 3 of 3"


def test_a_timed_activity_shows_the_time_left(make_kiosk: Any, bundled: Pack) -> None:
    player = player_of(open_exercise(make_kiosk, bundled, "walking"))
    # not started: the whole time, an invitation and an empty bar (not "5:00 left · Paused", full)
    assert shown(player.counter) == "5:00 in all"
    assert shown(player.status) == "Press Play to start"
    assert player.bar.fraction == 0.0
    player.play()
    player.advance(30)
    player.advance(0.2)
    assert shown(player.counter) == "4:30 left"
    assert shown(player.status) == "Keep going"
    player.pause()


def test_tapping_a_step_jumps_figure_and_counters_there(make_kiosk: Any, bundled: Pack) -> None:
    kiosk = open_exercise(make_kiosk, bundled, "knee-to-chest")
    player = player_of(kiosk)
    player.play()
    player.advance(1.0)
    player.pause()
    # the safety box comes first; below it the steps scroll into view, as a flick would bring them
    view = kiosk.window.current_screen.findChild(QWidget, "PageView")  # type: ignore[union-attr]
    view.text_column.ensureWidgetVisible(view.findChild(QWidget, "Step3"))  # type: ignore[union-attr]
    kiosk.tap("Step3")
    state = player.clock.state
    assert state.step_index == 2
    assert highlighted_rows(player) == [2]
    assert_agrees_with_clock(player, player.clock.elapsed)
    assert not player.is_playing()


def test_play_pause_and_replay_by_touch(make_kiosk: Any, bundled: Pack) -> None:
    kiosk = open_exercise(make_kiosk, bundled, "bridge")
    player = player_of(kiosk)
    assert not player.is_playing(), "the demo waits for Play"
    assert player.play_button.accessibleName() == "Play"
    kiosk.tap("PlayPause")
    assert player.is_playing()
    assert player.play_button.accessibleName() == "Pause"
    player.advance(30)
    assert player.clock.state.rep_index > 0
    kiosk.tap("PlayPause")
    assert not player.is_playing()
    assert not [t for t in player.findChildren(QTimer) if t.isActive()]
    kiosk.tap("Replay")
    state = player.clock.state
    assert (state.set_index, state.rep_index, state.elapsed) == (0, 0, 0)
    assert shown(player.counter) == "Rep 1 of 10"
    assert highlighted_rows(player) == [0]


def test_hiding_the_page_stops_the_player(make_kiosk: Any, bundled: Pack) -> None:
    kiosk = open_exercise(make_kiosk, bundled, "cycling")
    player = player_of(kiosk)
    player.play()
    assert player.is_playing()
    player.window().hide()
    assert not player.is_playing()
    active = [t for t in player.findChildren(QTimer) if t.isActive()]
    assert not active, "a hidden demo runs no timer (nor does the SVG renderer's own)"


def test_the_player_stops_itself_when_the_program_ends(make_kiosk: Any, bundled: Pack) -> None:
    player = player_of(open_exercise(make_kiosk, bundled, "pelvic-tilt"))
    player.play()
    for _ in range(int(player.plan.total_seconds / 0.25) + 8):
        player.advance(0.25)
    assert player.clock.state.finished
    assert not player.is_playing()
    assert shown(player.status) == "All done. Well done!"
    player.play()  # Play after the end starts again from the top
    assert player.clock.state.rep_index == 0
    player.pause()


@pytest.mark.parametrize("page", EXERCISES)
def test_the_safety_note_is_on_screen_without_scrolling(make_kiosk: Any, bundled: Pack, page: str) -> None:
    kiosk = open_exercise(make_kiosk, bundled, page)
    note = kiosk.window.current_screen.findChild(QWidget, "SafetyNote")  # type: ignore[union-attr]
    assert note is not None and note.isVisible()
    bottom = note.mapTo(kiosk.window, note.rect().bottomLeft()).y()
    pager = kiosk.window.current_screen.findChild(QWidget, "Pager")  # type: ignore[union-attr]
    assert bottom <= pager.mapTo(kiosk.window, pager.rect().bottomLeft()).y()
    scroll = kiosk.window.current_screen.findChild(QWidget, "PageView").text_column  # type: ignore[union-attr]
    assert scroll.verticalScrollBar().value() == 0
    words = [label.text() for label in note.findChildren(QWidget, "SafetyLine")]  # type: ignore[attr-defined]
    front = bundled.page(page, "en").front
    assert words[0] == "Check with your care team before you start."
    assert words[1:] == list(front.cautions)  # type: ignore[attr-defined]


def test_a_still_picture_demo_moves_steps_and_counters(make_kiosk: Any, bundled: Pack) -> None:
    from kiosk.ui.exercise.figures import StillFigure, make_figure

    kiosk = open_exercise(make_kiosk, bundled, "pelvic-tilt")
    view = kiosk.window.current_screen.findChild(QWidget, "PageView")  # type: ignore[union-attr]
    page = bundled.page("pelvic-tilt", "en")
    still = make_figure(None, bundled.media_path(page.front.illustration), "", "")
    assert isinstance(still, StillFigure) and still.loop_seconds is None
    player = ExercisePlayer(view.context, page.front, still, 800)  # type: ignore[arg-type,attr-defined]
    try:
        assert player.plan.loop_seconds == page.front.steps[-1].end  # type: ignore[attr-defined]
        player.advance(1.0)
        assert highlighted_rows(player) == [1]
        assert shown(player.counter) == "Rep 1 of 10"
    finally:
        player.deleteLater()
        player.steps.deleteLater()


def test_a_demo_that_cannot_be_drawn_falls_back_to_the_picture(tmp_path: Any, bundled: Pack) -> None:
    from kiosk.ui.exercise.figures import StillFigure, make_figure

    broken = tmp_path / "broken.svg"
    broken.write_text("<svg this is not", encoding="utf-8")
    still = bundled.media_path(bundled.page("bridge", "en").front.illustration)
    figure = make_figure(broken, still, "", "")
    assert isinstance(figure, StillFigure)
    figure.deleteLater()
