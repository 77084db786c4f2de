"""How a demo moves over one loop: a pose and a highlight strength for every moment.

A demo is usually a short list of key poses (`Keyframes`); the figure eases from one to the next.
Walking and cycling are computed (`Procedural`), because their feet follow the floor or a pedal.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .skeleton import Pose, blend, ease


@dataclass(frozen=True)
class Key:
    """A pose the figure reaches `time` seconds into the loop, and how much the muscle glows."""

    time: float
    pose: Pose
    glow: float = 0.0


class Motion:
    """One loop of movement; the loop length is one repetition of the exercise."""

    duration: float

    def pose_at(self, time: float) -> Pose:
        raise NotImplementedError

    def glow_at(self, time: float) -> float:
        raise NotImplementedError


@dataclass(frozen=True)
class Keyframes(Motion):
    """Eases between key poses; the last key should repeat the first so the loop is seamless.

    Easing joint angles alone would let a planted foot slide between two keys; `settle` puts such
    parts back in place (e.g. re-bends the legs so the feet stay flat on the mat).
    """

    keys: tuple[Key, ...]
    settle: Callable[[Pose], Pose] | None = None

    def __post_init__(self) -> None:
        times = [key.time for key in self.keys]
        if times[0] != 0 or times != sorted(times) or len(times) < 2:
            raise ValueError("keys must start at 0 and go forward in time")

    @property
    def duration(self) -> float:  # type: ignore[override]
        return self.keys[-1].time

    def _around(self, time: float) -> tuple[Key, Key, float]:
        for before, after in zip(self.keys, self.keys[1:], strict=False):
            if before.time <= time <= after.time:
                span = after.time - before.time
                return before, after, ease((time - before.time) / span) if span else 1.0
        return self.keys[-1], self.keys[-1], 1.0

    def pose_at(self, time: float) -> Pose:
        before, after, fraction = self._around(time)
        pose = blend(before.pose, after.pose, fraction)
        return self.settle(pose) if self.settle else pose

    def glow_at(self, time: float) -> float:
        before, after, fraction = self._around(time)
        return before.glow + (after.glow - before.glow) * fraction


@dataclass(frozen=True)
class Procedural(Motion):
    """A movement computed from the time, for cyclic activities like walking and pedalling."""

    duration: float
    pose_fn: Callable[[float], Pose]
    glow_fn: Callable[[float], float]

    def pose_at(self, time: float) -> Pose:
        return self.pose_fn(time % self.duration)

    def glow_at(self, time: float) -> float:
        return self.glow_fn(time % self.duration)
