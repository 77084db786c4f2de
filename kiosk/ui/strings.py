"""Words the kiosk itself shows (not pack content), per language.

A language missing a word falls back to English, so a new language can be added step by step.
"""

from __future__ import annotations

UI_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "home": "Home",
        "back": "Back",
        "previous": "Previous",
        "next": "Next",
        "done": "Done",
        "smaller_text": "Smaller text",
        "bigger_text": "Bigger text",
        "page_of": "{number} of {count}",
        "pages_in_topic": "{count} pages",
        "one_page_in_topic": "1 page",
        "urgent_banner": "Get help now",
        "setup_quit": "Setup mode · Quit",
        "out_of_order": "This screen is being set up. Please ask at the front desk.",
    },
}


def tr(key: str, language: str, **values: object) -> str:
    """The kiosk's own word `key` in `language`, else English, with `{name}` values filled in."""
    text = UI_TEXT.get(language, {}).get(key) or UI_TEXT["en"][key]
    return text.format(**values) if values else text
