"""Large text is drawn from Qt's glyph cache, as small text is.

Qt's raster paint engine keeps each glyph's pixels for reuse only up to 64 px; larger text has its
outlines filled again at every paint. The kiosk's titles are larger than that: 68 px on the start
screen at 1080p, more with a bigger text size or on a 4K screen. Filling the start screen's slide
title as outlines costs about 9 million instructions (1.5 ms on a small machine) at each paint,
the first frame's included. From the cache, each glyph is drawn once by FreeType and then copied.
The text looks the same (checked side by side at 1920x1080).

Qt reads the limit (`QT_MAX_CACHED_GLYPH_SIZE`) once, at the first text it draws, so it is set when
`kiosk.ui` is imported, before any. A value already in the environment is kept, so IT can still
choose another one.
"""

from __future__ import annotations

import os

LIMIT_VARIABLE = "QT_MAX_CACHED_GLYPH_SIZE"

MAX_CACHED_GLYPH_PX = 256
"""Above the largest text the kiosk draws, about 145 px: a page title at the largest text size
(175 %) on a 2160 px short side (4K), or the start screen's 68 px slide title there (136 px). A
glyph this size is at most 64 KiB of alpha pixels, kept only for the characters and sizes a
screen shows."""


def cache_large_glyphs() -> None:
    """Raise Qt's glyph-cache limit to `MAX_CACHED_GLYPH_PX`, unless the environment sets one."""
    os.environ.setdefault(LIMIT_VARIABLE, str(MAX_CACHED_GLYPH_PX))
