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
        "out_of_order": "This screen is being set up. Please ask at the front desk.",
        "still_reading": "Are you still reading?",
        "starting_over_in": "To keep your reading private, this screen starts over in {seconds} seconds.",
        "starting_over_in_one": "To keep your reading private, this screen starts over in 1 second.",
        "keep_reading": "Keep reading",
        "touch_to_start": "Touch anywhere to start",
        "pause_slides": "Pause",
        "play_slides": "Play",
        "no_staff_pin": "No staff PIN set",
        "ask_front_desk": "Sorry, this screen needs a moment. Please ask at the front desk.",
        "read_aloud": "Read aloud",
        "high_contrast": "Contrast",
        "high_contrast_name": "High contrast",
        "step_number": "Step {number}",
        "cautions": "Be careful",
        "play_demo": "Play",
        "pause_demo": "Pause",
        "slower": "Slower",
        "normal_speed": "Normal speed",
        "replay": "Replay",
        "set_of": "Set {number} of {count}",
        "rep_of": "Rep {number} of {count}",
        "time_left": "{minutes}:{seconds:02d} left",
        "hold_for": "Hold {seconds}",
        "rest_for": "Rest {minutes}:{seconds:02d}",
        "all_done": "All done. Well done!",
        "keep_going": "Keep going",
        "paused": "Paused",
        "press_play": "Press Play to start",
        "follow_figure": "Move with the figure",
        "ask_care_team_first": "Check with your care team before you start.",
        "steps_heading": "Steps (tap one to see it)",
        "how_to": "How to do it",
        "video_unavailable": "The moving demo cannot play on this screen. Follow the steps and the picture.",
    },
    # Plain, warm Latin-American Spanish in the "usted" form, as US clinics use in patient materials.
    "es": {
        "home": "Inicio",
        "back": "Atrás",
        "previous": "Anterior",
        "next": "Siguiente",
        "done": "Listo",
        "smaller_text": "Letra más pequeña",
        "bigger_text": "Letra más grande",
        "page_of": "{number} de {count}",
        "pages_in_topic": "{count} páginas",
        "one_page_in_topic": "1 página",
        "urgent_banner": "Busque ayuda ahora",
        "out_of_order": "Esta pantalla se está preparando. Por favor, pregunte en la recepción.",
        "still_reading": "¿Sigue leyendo?",
        "starting_over_in": (
            "Para proteger su privacidad, esta pantalla vuelve a empezar en {seconds} segundos."
        ),
        "starting_over_in_one": "Para proteger su privacidad, esta pantalla vuelve a empezar en 1 segundo.",
        "keep_reading": "Seguir leyendo",
        "touch_to_start": "Toque la pantalla para empezar",
        "pause_slides": "Pausa",
        "play_slides": "Reproducir",
        "no_staff_pin": "Sin PIN del personal",
        "ask_front_desk": (
            "Lo sentimos, esta pantalla necesita un momento. Por favor, pregunte en la recepción."
        ),
        "read_aloud": "Escuchar",
        "high_contrast": "Contraste",
        "high_contrast_name": "Alto contraste",
        "step_number": "Paso {number}",
        "cautions": "Tenga cuidado",
        "play_demo": "Ver",
        "pause_demo": "Pausa",
        "slower": "Más lento",
        "normal_speed": "Velocidad normal",
        "replay": "Repetir",
        "set_of": "Serie {number} de {count}",
        "rep_of": "Vez {number} de {count}",
        "time_left": "Faltan {minutes}:{seconds:02d}",
        "hold_for": "Sostenga {seconds}",
        "rest_for": "Descanse {minutes}:{seconds:02d}",
        "all_done": "Terminó. ¡Muy bien!",
        "keep_going": "Siga así",
        "paused": "En pausa",
        "press_play": "Toque Ver para empezar",
        "follow_figure": "Muévase con la figura",
        "ask_care_team_first": "Hable con su equipo de salud antes de empezar.",
        "steps_heading": "Pasos (toque uno para verlo)",
        "how_to": "Cómo hacerlo",
        "video_unavailable": "El video no se puede ver en esta pantalla. Siga los pasos y el dibujo.",
    },
}

LANGUAGE_NAMES: dict[str, str] = {"en": "English", "es": "Español"}
"""Each language's name written in that language, so a patient who cannot read the screen's
current language still recognises their own on the language switch."""


def language_name(language: str) -> str:
    """`Español` for `es`; the upper-case code for a language without a name here."""
    return LANGUAGE_NAMES.get(language, language.upper())


def tr(key: str, language: str, **values: object) -> str:
    """The kiosk's own word `key` in `language`, else English, with `{name}` values filled in."""
    text = UI_TEXT.get(language, {}).get(key) or UI_TEXT["en"][key]
    return text.format(**values) if values else text
