"""Large text is drawn from Qt's glyph cache: the limit is raised before any text is drawn, covers
every text size the kiosk uses, and leaves a value IT set alone."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from kiosk.ui.glyph_cache import LIMIT_VARIABLE, MAX_CACHED_GLYPH_PX
from kiosk.ui.theme import Theme

START_SCREEN_TITLE_PX = 68
"""The slide title on the start screen (`attract.SlideView`): sized with `Theme.px`, outside the
style sheet."""


def limit_after_importing_kiosk_ui(env: dict[str, str]) -> str:
    done = subprocess.run(
        [sys.executable, "-c", f"import os, kiosk.ui; print(os.environ.get({LIMIT_VARIABLE!r}))"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return done.stdout.strip()


def test_importing_the_ui_raises_the_limit_before_qt_draws_any_text() -> None:
    env = {k: v for k, v in os.environ.items() if k != LIMIT_VARIABLE}
    assert limit_after_importing_kiosk_ui(env) == str(MAX_CACHED_GLYPH_PX)


def test_a_limit_set_by_it_is_kept() -> None:
    assert limit_after_importing_kiosk_ui({**os.environ, LIMIT_VARIABLE: "96"}) == "96"


def test_every_text_size_up_to_4k_at_the_largest_text_size_fits_the_cache() -> None:
    theme = Theme.for_screen(3840, 2160, text_percent=175)
    sizes = [int(px) for px in re.findall(r"font-size:\s*(\d+)px", theme.stylesheet())]
    assert sizes and max(sizes) > 64  # larger than Qt's own limit: without the change, outlines
    assert max(*sizes, theme.px(START_SCREEN_TITLE_PX)) <= MAX_CACHED_GLYPH_PX
