"""The exercise player: one clock, one timer, and everything it drives.

`ExerciseClock` (Qt-free) holds the program time. While playing, a single QTimer owned by the
player ticks about 60 times a second and advances that clock by the real time since the last tick
times the speed (0.5x or 1x); each tick then sets the figure's frame, the highlighted step and the
counters from the clock's one state, so they cannot drift apart at any speed. Paused means the
timer is stopped: a paused or hidden demo costs no CPU. The player pauses when it hides and offers
`is_playing()`, which keeps the idle reset away while a demo plays (for at most 10 minutes).

The demo opens paused, on its first pose, with a large Play button: a person in pain can read the
safety note and the steps first and start when ready, and nothing moves until they ask (WCAG 2.2.2).
Until then it says "Press Play to start" over an empty bar.

The step the figure is performing is written right under it (`CurrentStep`), so it is on screen
beside the figure at every screen size and text size, whatever the steps list below needs. Counters
break a line only between phrases ("Set 1 of 2 ·" / "Rep 3 of 10"), never inside one.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QElapsedTimer, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFontMetrics, QHideEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.content.pack_types import ExerciseFrontMatter
from kiosk.session.exercise_clock import ClockState, ExerciseClock, ExercisePlan, Phase, counter_phrases
from kiosk.ui import resources
from kiosk.ui.accessibility import announce_politely
from kiosk.ui.exercise.figures import DemoFigure
from kiosk.ui.exercise.steps import CurrentStep, StepList
from kiosk.ui.paint_errors import reports_errors
from kiosk.ui.screens.base import ScreenContext
from kiosk.ui.widgets import TextLabel, push_button

TICK_MS = 16
"""About 60 ticks a second while playing; none while paused."""
MAX_TICK_SECONDS = 0.25
"""A tick that comes late (a busy moment) moves the clock on by at most this much."""
SLOW = 0.5
COUNTER_PX = 42
"""The counters' words at 100 % (at a 1080 px short side): read from a step back, beside the figure."""
NO_BREAK = "\u00a0"


def unbroken(phrase: str) -> str:
    """A phrase whose words stay on one line (non-breaking spaces between them)."""
    return phrase.replace(" ", NO_BREAK)


def phrases_line(phrases: list[str]) -> str:
    """Phrases joined by a centred dot; a line may break after a dot, never inside a phrase."""
    return f"{NO_BREAK}· ".join(unbroken(phrase) for phrase in phrases)


class CountdownBar(QWidget):
    """A thick bar: how much of the hold, the rest or the timed round is left."""

    def __init__(self, context: ScreenContext) -> None:
        super().__init__()
        self.theme = context.theme
        self.fraction = 0.0
        self.setObjectName("CountdownBar")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self.theme.px(26))

    def set_fraction(self, fraction: float) -> None:
        fraction = min(1.0, max(0.0, fraction))
        if abs(fraction - self.fraction) > 1e-3:
            self.fraction = fraction
            self.update()

    def sizeHint(self) -> QSize:
        return QSize(self.theme.px(400), self.height())

    @reports_errors
    def paintEvent(self, event: QPaintEvent) -> None:
        p = self.theme.palette
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        radius = self.height() / 2
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(p.dot_inactive))
        painter.drawRoundedRect(QRectF(self.rect()), radius, radius)
        if self.fraction > 0:
            painter.setBrush(QColor(p.accent))
            width = max(self.height(), self.width() * self.fraction)
            painter.drawRoundedRect(QRectF(0, 0, width, self.height()), radius, radius)


class ExercisePlayer(QWidget):
    """The demo shown large, its counters, and Play/Pause, Slower/Normal speed and Replay."""

    spoken_cue = Signal(str)
    """Words to say now, when read aloud is on: a step as the figure reaches it (while playing, or
    when it is touched), and, if the pack asks for it, the end of a hold or a rest."""

    def __init__(
        self, context: ScreenContext, front: ExerciseFrontMatter, figure: DemoFigure, column_width: int
    ) -> None:
        super().__init__()
        self.column_width = column_width
        """The width the page gives the player, known before layout: it decides what fits in a row."""
        self.context = context
        self.setObjectName("ExercisePlayer")
        self.figure = figure
        self.plan = ExercisePlan.from_page(front, figure.loop_seconds)
        self.clock = ExerciseClock(self.plan)
        self.step_texts = [step.text for step in front.steps]
        self.steps = StepList(context.theme, self.step_texts, self.jump_to_step)
        self._spoken_step: int | None = None
        self._counter_cues = context.pack.manifest.read_aloud.counter_cues
        self._last_phase = self.clock.state.phase
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.wall = QElapsedTimer()
        self._build()
        self._show(self.clock.state)

    # --- building -------------------------------------------------------------------------------

    def _build(self) -> None:
        theme = self.context.theme
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.px(14 if theme.text_percent < 150 else 8))
        column.addWidget(self.figure, 1)
        if self.figure.note:
            column.addWidget(TextLabel(self.figure.note, "small"))
        self.current_step = CurrentStep(self.context, self.step_texts, self._column_width())
        column.addWidget(self.current_step)
        self.counter = TextLabel("", "counter")
        self.counter.setObjectName("ExerciseCounter")
        self.status = TextLabel("", "counter")
        self.status.setObjectName("ExerciseStatus")
        big = f"font-size: {theme.control_px(COUNTER_PX)}px; font-weight: bold; color: {theme.palette.text};"
        self.counter.setStyleSheet(big)
        self.status.setStyleSheet(big.replace(theme.palette.text, theme.palette.accent))
        column.addLayout(self._readout(big))
        self.bar = CountdownBar(self.context)
        column.addWidget(self.bar)
        icon_px = theme.px(34)
        self.play_button = self._control("play_demo", "fa5s.play", self.toggle_play, "PlayPause", icon_px)
        self.play_button.setProperty("role", "primary")
        self.speed_button = self._control("slower", "mdi6.tortoise", self.toggle_speed, "Speed", icon_px)
        self.replay_button = self._control("replay", "fa5s.undo-alt", self.replay, "Replay", icon_px)
        self._fit_labels(self.play_button, ("play_demo", "pause_demo"))
        self._fit_labels(self.speed_button, ("slower", "normal_speed"))
        buttons = (self.play_button, self.speed_button, self.replay_button)
        gap = theme.px(16)
        controls = QGridLayout()
        controls.setSpacing(gap)
        needed = sum(button.minimumWidth() for button in buttons) + 2 * gap
        if needed <= self._column_width():
            for index, button in enumerate(buttons):
                controls.addWidget(button, 0, index)
        else:  # a narrow column or long words: Play on a row of its own
            controls.addWidget(self.play_button, 0, 0, 1, 2)
            controls.addWidget(self.speed_button, 1, 0)
            controls.addWidget(self.replay_button, 1, 1)
        column.addLayout(controls)

    def _readout(self, style: str) -> QBoxLayout:
        """Counter and status side by side when their longest words fit the column, else stacked."""
        theme = self.context.theme
        metrics = QFontMetrics(theme.font(theme.control_px(COUNTER_PX), bold=True))
        gap = theme.px(18)
        widest = max(metrics.horizontalAdvance(text) for text in self._counter_examples())
        widest_status = max(metrics.horizontalAdvance(text) for text in self._status_examples())
        side_by_side = widest + widest_status + gap <= self._column_width()
        readout = QHBoxLayout() if side_by_side else QVBoxLayout()
        readout.setSpacing(gap if side_by_side else theme.px(4))
        if side_by_side:
            self.status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        readout.addWidget(self.counter, 1)
        readout.addWidget(self.status, 1)
        return readout

    def _counter_examples(self) -> list[str]:
        """The counter at its widest: the last set, the last repetition, each side."""
        plan, tr = self.plan, self.context.tr
        last = plan.state_at(max(0.0, plan.total_seconds - plan.rest_seconds - plan.set_seconds / 2))
        return [
            phrases_line(
                counter_phrases(plan, state, tr("set_of"), tr("rep_of"), tr("time_left"), tr("time_in_all"))
            )
            for state in (plan.state_at(0.0), last)
        ]

    def _status_examples(self) -> list[str]:
        tr = self.context.tr
        texts = [tr(key) for key in ("all_done", "keep_going", "paused", "press_play", "follow_figure")]
        return [*texts, unbroken(tr("hold_for", seconds=99)), unbroken(tr("rest_for", minutes=9, seconds=59))]

    def _column_width(self) -> int:
        return self.column_width

    def _fit_labels(self, button: QPushButton, keys: tuple[str, ...]) -> None:
        """Wide enough for each of the words the button can show, so it never jumps or clips."""
        current = button.text()
        widths = []
        for key in keys:
            button.setText(f"\u2002{self.context.tr(key)}")
            button.ensurePolished()
            widths.append(button.sizeHint().width())
        button.setText(current)
        button.setMinimumWidth(max(widths))

    def _control(self, key: str, icon: str, action: object, name: str, icon_px: int) -> QPushButton:
        button = push_button(
            self.context.tr(key),
            action,  # type: ignore[arg-type]
            icon=resources.icon(icon, self.context.theme.palette.on_accent),
            name=name,
            icon_px=icon_px,
        )
        button.setProperty("control", name)
        button.setSizePolicy(QSizePolicy.Policy.MinimumExpanding, QSizePolicy.Policy.Fixed)
        theme = self.context.theme
        # words that grow with the text, like the top bar's (`Theme.control_px`)
        button.setStyleSheet(f"font-size: {theme.control_px(30)}px; padding: 0px {theme.px(14)}px;")
        self._fit_labels(button, (key,))
        return button

    def _relabel(self, button: QPushButton, key: str, icon: str) -> None:
        text = self.context.tr(key)
        button.setText(f"\u2002{text}")
        button.setAccessibleName(text)
        button.setIcon(resources.icon(icon, self.context.theme.palette.on_accent))

    # --- commands (buttons and taps) -------------------------------------------------------------

    def is_playing(self) -> bool:
        return self.timer.isActive()

    def play(self) -> None:
        if self.clock.state.finished:
            self.clock.replay()
        self.wall.start()
        self.timer.start()
        self._show(self.clock.state)

    def pause(self) -> None:
        self.timer.stop()
        self._show(self.clock.state)

    def stop(self) -> None:
        """At an idle reset: stop and go back to the start, so the next person sees a fresh demo."""
        self.timer.stop()
        self.clock.replay()
        self._show(self.clock.state)

    def reset_for_reuse(self) -> None:
        """Shown again from the screen cache: stopped at the start, at normal speed, as when built
        (and silent: nothing is said until the next patient plays or touches a step)."""
        self.timer.stop()
        if self.clock.speed != 1.0:
            self.set_speed(1.0)
        self.clock.replay()
        self._spoken_step = None
        self._last_phase = self.clock.state.phase
        self._show(self.clock.state)

    def toggle_play(self) -> None:
        self.pause() if self.is_playing() else self.play()

    def toggle_speed(self) -> None:
        self.set_speed(1.0 if self.clock.speed == SLOW else SLOW)

    def set_speed(self, speed: float) -> None:
        self.clock.speed = speed
        slow = speed == SLOW
        self._relabel(
            self.speed_button,
            "normal_speed" if slow else "slower",
            "mdi6.speedometer" if slow else "mdi6.tortoise",
        )

    def replay(self) -> None:
        self.clock.replay()
        self._show(self.clock.state)

    def jump_to_step(self, index: int) -> None:
        self._spoken_step = None  # a touched step is said again
        self._show(self.clock.jump_to_step(index), touched=True)

    def advance(self, wall_seconds: float) -> ClockState:
        """Move the clock on by real time (the timer's tick, or a test's fixed step) and show it."""
        state = self.clock.advance(wall_seconds)
        if state.finished:
            self.timer.stop()
        self._show(state)
        return state

    def _tick(self) -> None:
        seconds = self.wall.restart() / 1000.0
        self.advance(min(seconds, MAX_TICK_SECONDS))

    def hideEvent(self, event: QHideEvent) -> None:
        self.pause()
        super().hideEvent(event)

    # --- showing the clock's state ---------------------------------------------------------------

    def _show(self, state: ClockState, touched: bool = False) -> None:
        self.figure.show_time(state.animation_seconds)
        self.steps.highlight(state.step_index)
        self.current_step.show_step(state.step_index)
        cue = " ".join(
            part for part in (self._counter_cue(state.phase), self._step_cue(state, touched)) if part
        )
        if cue:  # one cue at a time, so one never cuts off the other
            self.spoken_cue.emit(cue)
        tr = self.context.tr
        counter = phrases_line(
            counter_phrases(self.plan, state, tr("set_of"), tr("rep_of"), tr("time_left"), tr("time_in_all"))
        )
        if self.counter.text() != counter:
            self.counter.setText(counter)
            spoken = counter.replace(NO_BREAK, " ")  # a screen reader gets plain spaces
            self.counter.setAccessibleName(spoken)
            announce_politely(self.counter, spoken)
        status, fraction = self._status(state)
        if self.status.text() != status:
            self.status.setText(status)
            self.status.setAccessibleName(status.replace(NO_BREAK, " "))
        self.bar.set_fraction(fraction)
        playing = self.is_playing()
        key, icon = ("pause_demo", "fa5s.pause") if playing else ("play_demo", "fa5s.play")
        if self.play_button.accessibleName() != tr(key):
            self._relabel(self.play_button, key, icon)

    def _counter_cue(self, phase: Phase) -> str:
        """If the pack asks for it: "Relax." as a hold ends, "Rest is over." as a rest ends."""
        ended, self._last_phase = self._last_phase, phase
        if not self._counter_cues or not self.is_playing() or phase is ended:
            return ""
        if ended is Phase.HOLD:
            return self.context.tr("hold_over")
        if ended is Phase.REST:
            return self.context.tr("rest_over")
        return ""

    def _step_cue(self, state: ClockState, touched: bool) -> str:
        """A step, once, as the playing figure reaches it (or when it is touched)."""
        index = state.step_index
        if index is None or index == self._spoken_step or not (touched or self.is_playing()):
            return ""
        self._spoken_step = index
        if not 0 <= index < len(self.step_texts):
            return ""
        return f"{self.context.tr('step_number', number=index + 1)}: {self.step_texts[index]}"

    def _status(self, state: ClockState) -> tuple[str, float]:
        """The words beside the counter and how full the countdown bar is."""
        tr = self.context.tr
        plan = self.plan
        if state.finished:
            return tr("all_done"), 0.0
        if state.elapsed == 0 and not self.is_playing():  # not started (or just replayed)
            return tr("press_play"), 0.0
        if state.phase is Phase.HOLD:
            return unbroken(
                tr("hold_for", seconds=math.ceil(state.hold_remaining))
            ), state.hold_remaining / plan.hold_seconds
        if state.phase is Phase.REST:
            seconds = math.ceil(state.rest_remaining)
            text = unbroken(tr("rest_for", minutes=seconds // 60, seconds=seconds % 60))
            return text, state.rest_remaining / plan.rest_seconds
        if state.set_remaining is not None:
            return (
                tr("keep_going") if self.is_playing() else tr("paused")
            ), state.set_remaining / plan.set_seconds
        if not self.is_playing():
            return (tr("paused") if state.elapsed > 0 else tr("press_play")), 0.0
        return tr("follow_figure"), 0.0
