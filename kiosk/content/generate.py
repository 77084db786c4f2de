"""A synthetic pack of any size, for tests and the loading benchmark.

The pack is valid and clean (no errors, no warnings): every page has a picture, links to the next
page, and short plain sentences, so any problem reported on it is a regression.
"""

from __future__ import annotations

from pathlib import Path

PAGES_PER_TOPIC = 10
_PICTURE = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 600">
  <rect width="800" height="600" fill="#eef6f8"/>
  <circle cx="400" cy="300" r="{radius}" fill="#1f6f8b"/>
</svg>
"""


def write_generated_pack(dest: Path, pages: int) -> Path:
    """Write a pack with `pages` English pages (ten per topic) into the folder `dest`; returns `dest`."""
    if pages < 1:
        raise ValueError("a pack needs at least one page")
    (dest / "pages").mkdir(parents=True, exist_ok=True)
    (dest / "images").mkdir(exist_ok=True)
    page_ids = [f"page-{number}" for number in range(1, pages + 1)]
    topics: list[str] = []
    for start in range(0, pages, PAGES_PER_TOPIC):
        topic_number = start // PAGES_PER_TOPIC + 1
        listed = "\n".join(f"      - {page_id}" for page_id in page_ids[start : start + PAGES_PER_TOPIC])
        topics.append(
            f"  - id: topic-{topic_number}\n"
            f"    title: Topic {topic_number}\n"
            f"    picture: images/picture-{topic_number % 10}.svg\n"
            f"    pages:\n{listed}\n"
        )
    for number in range(10):
        (dest / "images" / f"picture-{number}.svg").write_text(_PICTURE.format(radius=100 + 10 * number))
    (dest / "pack.yaml").write_text(
        "id: generated\n"
        "title: Generated pack\n"
        'version: "1.0.0"\n'
        "languages: [en]\n"
        "welcome: Tap a topic to start.\n"
        "disclaimer: This is for learning only.\n"
        "review:\n"
        "  reviewed_by: Test Nurse, RN\n"
        "  reviewed_on: 2026-01-15\n"
        "  next_review: 2099-12-31\n"
        "topics:\n" + "".join(topics),
        encoding="utf-8",
    )
    for index, page_id in enumerate(page_ids):
        following = page_ids[(index + 1) % pages]
        (dest / "pages" / f"{page_id}.en.md").write_text(
            "---\n"
            f"title: Page {index + 1}\n"
            f"illustration: images/picture-{index % 10}.svg\n"
            "illustration_alt: A blue circle on a light background.\n"
            "---\n"
            "This is a short page. It has a few plain words.\n\n"
            "## What to do\n\n"
            "- Take a short walk.\n"
            "- Rest when you need to.\n\n"
            f"Go on to the [next page]({following}).\n",
            encoding="utf-8",
        )
    return dest
