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
        "still_reading": "Are you still reading?",
        "starting_over_in": "To keep your reading private, this screen starts over in {seconds} seconds.",
        "starting_over_in_one": "To keep your reading private, this screen starts over in 1 second.",
        "keep_reading": "Keep reading",
        "touch_to_start": "Touch anywhere to start",
        "pause_slides": "Pause",
        "play_slides": "Play",
        "setup_mode": "Setup mode",
        "ask_front_desk": "Sorry, this screen needs a moment. Please ask at the front desk.",
        "read_aloud": "Read aloud",
        "high_contrast": "Contrast",
        "high_contrast_name": "High contrast",
        "step_number": "Step {number}",
        "cautions": "Be careful",
    },
}


def tr(key: str, language: str, **values: object) -> str:
    """The kiosk's own word `key` in `language`, else English, with `{name}` values filled in."""
    text = UI_TEXT.get(language, {}).get(key) or UI_TEXT["en"][key]
    return text.format(**values) if values else text
