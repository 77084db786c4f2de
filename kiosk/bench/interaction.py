"""Scenarios that touch the running kiosk: tap to paint, the page slide and memory (the soak, on a
real X server, is `soak`).

Each takes a `Kiosk` (see `harness`) and returns a dict of figures for the report.
"""

from __future__ import annotations

import random
from functools import partial
from typing import Any

from PySide6.QtCore import QAbstractAnimation, QPoint

from kiosk.bench.harness import Kiosk, memory_mb_settled, settle
from kiosk.bench.stats import summary


def _pick_tap(kiosk: Kiosk, rng: random.Random, taps_done: int) -> tuple[str, str, QPoint] | None:
    """(kind, name, point) of the next tap a reading patient would make on this screen."""
    targets = kiosk.tappables()
    kind = kiosk.window.state.current.route.kind
    if kind == "page":
        wanted = [t for t in targets if t[0] == "next"]
        if wanted and taps_done % 12:
            return ("next", *wanted[0])
        wanted = [t for t in targets if t[0] == "home"]
        return ("home", *wanted[0]) if wanted else None
    prefix = "topic/" if kind == "home" else "page/"
    tiles = [t for t in targets if t[0].startswith(prefix)]
    if not tiles:
        home = [t for t in targets if t[0] == "home"]
        return ("home", *home[0]) if home else None
    return ("tile", *rng.choice(tiles))


def tap_latency(kiosk: Kiosk, count: int, seed: int = 6) -> dict[str, Any]:
    """Tap tiles, page cards and Next like a reader; time each from release to new screen painted."""
    rng = random.Random(seed)
    by_kind: dict[str, list[float]] = {"tile": [], "next": [], "home": []}
    for done in range(count):
        choice = _pick_tap(kiosk, rng, done)
        if choice is None:
            kiosk.window.navigator.go_home()
            settle()
            continue
        kind, _name, point = choice
        by_kind[kind].append(kiosk.tap_until_painted(point))
    every = [ms for values in by_kind.values() for ms in values]
    return {"all": summary(every), **{kind: summary(values) for kind, values in by_kind.items()}}


def _first_page_with_next(kiosk: Kiosk) -> None:
    navigator = kiosk.window.navigator
    for topic in navigator.pack.manifest.topics:
        if len(topic.pages) > 1:
            navigator.open_page(topic.id, topic.pages[0])
            settle()
            return
    raise RuntimeError("no topic with two pages to slide between")


def page_slide(kiosk: Kiosk, swipes: int, frame_ms: int = 16) -> dict[str, Any]:
    """Frame times of the page slide: the page following the finger, then the animated finish.

    Each frame is the work for one step (moving the pages, painting, flushing). The animation is
    stepped by hand at 60 Hz so every frame is measured; the turn to the next page's own screen
    at the end is reported apart (`settle_frame`), since it builds a new screen.
    """
    slide: list[float] = []
    settle_frames: list[float] = []
    for _ in range(swipes):
        _first_page_with_next(kiosk)
        pager = kiosk.window.current_screen.pager
        y = kiosk.window.height() // 2
        start, end, steps = 1500, 900, 12
        kiosk.touch("press", QPoint(start, y))
        settle(1)
        for step in range(1, steps + 1):
            point = QPoint(start + (end - start) * step // steps, y)
            slide.append(kiosk.frame(partial(kiosk.touch, "move", point)))
        animation = pager.animation
        slide.append(kiosk.frame(partial(kiosk.touch, "release", QPoint(end, y))))
        animation.pause()
        route_before = kiosk.route
        for moment in range(frame_ms, animation.duration(), frame_ms):
            slide.append(kiosk.frame(partial(animation.setCurrentTime, moment)))
        animation.resume()
        settle_frames.append(kiosk.frame(partial(animation.setCurrentTime, animation.duration())))
        if animation.state() != QAbstractAnimation.State.Stopped or kiosk.route == route_before:
            raise RuntimeError("the slide did not turn the page")
        settle()
    return {"frames": summary(slide), "settle_frame": summary(settle_frames)}


def random_navigation(kiosk: Kiosk, rng: random.Random) -> None:
    """One random navigation command, as a tap, swipe or link would send it."""
    navigator = kiosk.window.navigator
    pack = navigator.pack
    topic = rng.choice(pack.manifest.topics)
    command = rng.randrange(6)
    if command == 0:
        navigator.open_topic(topic.id)
    elif command == 1:
        navigator.open_page(topic.id, rng.choice(topic.pages))
    elif command == 2:
        navigator.next_page()
    elif command == 3:
        navigator.previous_page()
    elif command == 4:
        navigator.back()
    else:
        navigator.go_home()


def memory_growth(kiosk: Kiosk, navigations: int, seed: int = 7) -> dict[str, Any]:
    """PSS after start, after `navigations` random navigations (each painted), and the growth.

    Private memory is reported beside PSS, and both again after the first tenth of the run
    (`*_after_warmup_*`): by then every bounded cache (drawn pictures, Qt's pixmap and glyph
    caches) has filled, so what still grows is a leak.
    """
    rng = random.Random(seed)
    start = memory_mb_settled()
    warm = start
    for done in range(1, navigations + 1):
        random_navigation(kiosk, rng)
        settle(1)
        if done == navigations // 10:
            warm = memory_mb_settled()
    end = memory_mb_settled()
    after_reset = _after_an_idle_reset(kiosk)
    return {
        "navigations": navigations,
        "pss_after_idle_reset_mb": after_reset["pss"],
        "growth_after_idle_reset_mb": round(after_reset["pss"] - start["pss"], 1),
        "pss_after_start_mb": start["pss"],
        "pss_after_warmup_mb": warm["pss"],
        "pss_after_mb": end["pss"],
        "growth_mb": round(end["pss"] - start["pss"], 1),
        "growth_after_warmup_mb": round(end["pss"] - warm["pss"], 1),
        "private_after_start_mb": start["private"],
        "private_after_mb": end["private"],
        "private_growth_mb": round(end["private"] - start["private"], 1),
        "private_growth_after_warmup_mb": round(end["private"] - warm["private"], 1),
        "anon_growth_mb": round(end["anon"] - start["anon"], 1),
        "anon_growth_after_warmup_mb": round(end["anon"] - warm["anon"], 1),
        "anon_growth_after_idle_reset_mb": round(after_reset.get("anon", float("nan")) - start["anon"], 1),
        "heap_after_start_mb": start["heap"],
        "heap_after_mb": end["heap"],
        "heap_growth_mb": round(end["heap"] - start["heap"], 1),
        "heap_growth_after_warmup_mb": round(end["heap"] - warm["heap"], 1),
    }


def _after_an_idle_reset(kiosk: Kiosk) -> dict[str, float]:
    """Memory once the visit has ended as every visit ends: the idle reset, then the moment after
    it when the kiosk gives the memory the visit freed back (`ui/operation.py`)."""
    from PySide6.QtCore import QEventLoop, QTimer

    from kiosk.ui.operation import RETURN_MEMORY_DELAY_MS, KioskOperation

    operation = kiosk.window.findChild(KioskOperation)
    if operation is None:
        return {"pss": float("nan")}
    operation.policy.reset()
    loop = QEventLoop()
    QTimer.singleShot(RETURN_MEMORY_DELAY_MS + 500, loop.quit)
    loop.exec()
    return memory_mb_settled()
