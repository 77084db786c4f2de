"""The recurring people of the pack, so skin tones, ages and clothes vary across pictures."""

from __future__ import annotations

from . import palette as p
from .people import Look

SKIN = p.SKIN_TONES
HAIR = p.HAIR_COLOURS

MAYA = Look(skin=SKIN[1], hair=HAIR[0], top=p.CORAL, bottom=p.DENIM, hair_style="long")
SAM = Look(skin=SKIN[3], hair=HAIR[2], top=p.MUSTARD, bottom=p.INK, shoes="#5A3E2E")
RUTH = Look(skin=SKIN[0], hair=HAIR[3], top=p.PLUM, bottom=p.BLUE_GREY, hair_style="bun", long_sleeves=True)
LEE = Look(skin=SKIN[2], hair=HAIR[2], top=p.SAGE, bottom=p.DENIM)
OMAR = Look(skin=SKIN[1], hair=HAIR[1], top=p.BLUE_GREY, bottom=p.INK)
NURSE = Look(skin=SKIN[2], hair=HAIR[0], top=p.TEAL, bottom=p.TEAL, shoes=p.WHITE, hair_style="bun")
THERAPIST = Look(skin=SKIN[0], hair=HAIR[1], top=p.TEAL_MID, bottom=p.INK, hair_style="short")
PHARMACIST = Look(skin=SKIN[3], hair=HAIR[2], top=p.WHITE, bottom=p.INK, hair_style="long")
