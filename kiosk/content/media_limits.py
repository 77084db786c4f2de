"""How many bytes of a picture are ever read: shared by the media checks and the code that draws.

Kept apart from the checks (`media`, `svg`), so that drawing a picture whose bytes were already
checked (`checked_media`) reads no more than the checks would, without importing them.
"""

MAX_PICTURE_BYTES = 20 * 1024 * 1024
MAX_SVG_BYTES = 2 * 1024 * 1024
