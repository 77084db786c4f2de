"""The small example pack that `kiosk new-pack DIR` writes: one page of each kind, every field of
pack.yaml and of the page front matter explained in a comment, and pictures with no words in them.

It passes `kiosk validate` with no errors and no warnings (a test keeps it so), so a nurse starts
from something that works and changes one thing at a time.
"""

from __future__ import annotations

import datetime as dt

PACK_YAML = """\
# pack.yaml: the list of what this pack shows. Lines starting with # are notes for you;
# the kiosk ignores them. Indent with spaces (never tabs). Check your work with: kiosk validate .

# A short name for the pack: lower-case letters, digits and dashes. Keep it the same for every
# version of the pack, so the kiosk knows an update from a different pack.
id: my-first-pack

# The pack's name on the Home screen, in each language of the pack.
title:
  en: Caring for your knee

# Raise this for every update you send (1.0.0, then 1.0.1 or 1.1.0 ...): a kiosk does not install
# a version that is not newer than the one it shows (kiosk install --force overrides this).
version: "1.0.0"

# The pack's languages, as two-letter codes. The first one is where a patient starts.
# Every page needs one file per language: pages/<page>.<language>.md
languages: [en]

# One or two short sentences under the title on the Home screen.
welcome:
  en: Tap a topic to learn more.

# Shown on the Home screen: the pack teaches, it does not replace the care team.
disclaimer:
  en: This is for learning only. Ask your care team about your own health.

# Whether a clinician has checked the facts. Keep "draft" until one has signed the pack off
# (docs/clinical-review.md); kiosk validate reminds you while it is a draft. Then write who
# checked it, when, and when it must be checked again (dates as YYYY-MM-DD), like this:
#   status: reviewed
#   reviewed_by: Jane Smith, RN
#   reviewed_on: {today}
#   next_review: {next_year}
review:
  status: draft

# The topics on the Home screen, in this order. Each one opens its list of pages.
topics:
  - id: about                    # a short name, as for the pack id
    title:
      en: About your knee        # the tile's words
    summary:
      en: What it is and what helps   # optional: a line under the title
    icon: fa5s.info-circle       # a qtawesome icon name (see docs/pack-format.md)
    picture: images/about.svg    # the tile's picture
    pages:                       # page ids, in reading order: pages/<id>.<language>.md
      - what-is-it
      - gentle-stretch
  - id: help
    title:
      en: Getting help
    icon: fa5s.phone-alt
    picture: images/help.svg
    pages:
      - when-to-get-help
      - sources

# Optional: the pack's own colours (as #rrggbb). The kiosk checks they stay easy to read.
theme:
  accent: "#1f6f8b"
"""

ARTICLE = """\
---
# An ordinary page: a picture and a few short paragraphs.
title: What is knee pain?            # at most 80 characters
kind: article                        # article, exercise, red-flag or references
illustration: images/about.svg       # the page's picture (SVG or PNG)
illustration_alt: A knee with a soft glow around it.   # the picture in words, for read aloud
source: https://medlineplus.gov/kneeinjuriesanddisorders.html   # optional: where the facts come from
---
Knee pain is common. It often gets better with time, rest and gentle movement.

**Most people feel better in a few weeks.**

- Keep moving a little every day.
- Rest when it hurts more.

Read about a [gentle stretch](page:gentle-stretch) next.
"""

EXERCISE = """\
---
# An exercise page: a moving demo with steps that light up as the figure does them.
title: Gentle knee stretch
kind: exercise
illustration: images/stretch.svg     # shown before the demo starts
illustration_alt: A leg resting straight on the floor, then bending a little at the knee.
animation: animations/stretch.svg    # one loop of the animation is one repetition
steps:                               # each step: what to do, and when in the loop (seconds)
  - text: Sit with your leg straight out in front of you.
    start: 0
    end: 1
  - text: Slowly bend your knee a little.
    start: 1
    end: 2
  - text: Hold it there. Keep breathing.
    start: 2
    end: 3
    hold: true                       # the player holds here for hold_seconds
  - text: Slowly straighten your leg again.
    start: 3
    end: 4
sets: 1                              # how many rounds
reps: 5                              # how many times in each round
hold_seconds: 5                      # how long the hold step lasts
rest_seconds: 0                      # rest between rounds
cautions:                            # shown beside the demo
  - Stop if the pain gets worse.
ask_care_team_first: true            # show "Check with your care team before you start"
---
This stretch helps your knee move more easily.

**Do it 5 times.**
"""

RED_FLAG = """\
---
# A red-flag page has an unmistakable red look: for signs that need help right away.
title: When to get help now
kind: red-flag
illustration: images/help.svg
illustration_alt: A telephone with a red cross beside it.
---
Here at the clinic? {clinic.front_desk}

At home? Call {emergency.number} right away if:

- Your knee is very swollen, red or hot.
- You cannot put any weight on your leg.
"""

REFERENCES = """\
---
# A references page lists where the facts come from. Its reading level is not checked.
title: Where this comes from
kind: references
illustration: images/sources.svg
illustration_alt: A small stack of books.
---
The facts on these pages come from:

- MedlinePlus. Knee injuries and disorders.

Your care team is the best place to ask about your own health.
"""

_FRAME = '<rect width="800" height="600" rx="36" fill="#FBF5EC"/>'


def _picture(body: str, title: str) -> str:
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 600" width="800" height="600">\n'
        f"<title>{title}</title>\n{_FRAME}\n{body}\n</svg>\n"
    )


ABOUT_SVG = _picture(
    '<circle cx="400" cy="300" r="170" fill="#F2D7B6"/>'
    '<rect x="360" y="60" width="80" height="480" rx="40" fill="#C98B5A"/>'
    '<circle cx="400" cy="300" r="70" fill="#E8A87C" opacity="0.8"/>',
    "A knee",
)
HELP_SVG = _picture(
    '<rect x="250" y="180" width="300" height="260" rx="40" fill="#1f6f8b"/>'
    '<rect x="310" y="240" width="180" height="60" rx="20" fill="#FBF5EC"/>'
    '<rect x="580" y="120" width="40" height="120" fill="#B3261E"/>'
    '<rect x="540" y="160" width="120" height="40" fill="#B3261E"/>',
    "A telephone and a red cross",
)
SOURCES_SVG = _picture(
    '<rect x="250" y="360" width="300" height="60" rx="8" fill="#1f6f8b"/>'
    '<rect x="270" y="300" width="280" height="60" rx="8" fill="#C98B5A"/>'
    '<rect x="240" y="240" width="300" height="60" rx="8" fill="#6A994E"/>',
    "A stack of books",
)
STRETCH_SVG = _picture(
    '<rect x="120" y="420" width="560" height="30" rx="15" fill="#C98B5A"/>'
    '<rect x="160" y="380" width="480" height="44" rx="22" fill="#E8A87C"/>',
    "A straight leg",
)
ANIMATION_SVG = _picture(
    '<rect x="120" y="470" width="560" height="24" rx="12" fill="#C98B5A"/>\n'
    '<rect x="150" y="420" width="260" height="44" rx="22" fill="#E8A87C"/>\n'
    '<g transform="translate(400 442)">\n'
    '<rect x="0" y="-22" width="260" height="44" rx="22" fill="#E8A87C">\n'
    '<animateTransform attributeName="transform" type="rotate" dur="4s" repeatCount="indefinite"'
    ' values="0;0;30;30;0"/>\n'
    "</rect>\n</g>",
    "Gentle knee stretch",
)

README = """\
This folder is a content pack for Clinic Kiosk, made by `kiosk new-pack`.

- pack.yaml lists the topics and pages; every field has a note above or beside it.
- pages/ holds one Markdown file per page and language.
- images/ and animations/ hold the pictures and the exercise demo.

Check it:    kiosk validate .
Preview it:  kiosk run --pack . --windowed --watch
Put it live: kiosk install .
The full guide is docs/pack-format.md.
"""


def starter_files(today: dt.date | None = None) -> dict[str, str]:
    """Relative path -> text of every file of the example pack."""
    today = today or dt.date.today()
    next_year = today.replace(year=today.year + 1, day=min(today.day, 28))
    return {
        "pack.yaml": PACK_YAML.format(today=today.isoformat(), next_year=next_year.isoformat()),
        "pages/what-is-it.en.md": ARTICLE,
        "pages/gentle-stretch.en.md": EXERCISE,
        "pages/when-to-get-help.en.md": RED_FLAG,
        "pages/sources.en.md": REFERENCES,
        "images/about.svg": ABOUT_SVG,
        "images/help.svg": HELP_SVG,
        "images/sources.svg": SOURCES_SVG,
        "images/stretch.svg": STRETCH_SVG,
        "animations/stretch.svg": ANIMATION_SVG,
        "README.md": README,
    }
