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
        "get_help": "Get help now",
        "take_home": "Scan to read this at home",
        "out_of_order": "This screen is being set up. Please ask at the front desk.",
        "still_reading": "Are you still reading?",
        "still_reading_spoken": "Are you still reading? To keep reading, touch the screen.",
        "hold_over": "Relax.",
        "rest_over": "Rest is over.",
        "starting_over_in": "To keep your reading private, this screen starts over in {seconds} seconds.",
        "starting_over_in_one": "To keep your reading private, this screen starts over in 1 second.",
        "keep_reading": "Keep reading",
        "touch_to_start": "Touch anywhere to start",
        "start_in_language": "Start in English",
        "pause_slides": "Pause",
        "play_slides": "Play",
        "no_staff_pin": "No staff PIN set",
        "ask_front_desk": "Sorry, this screen needs a moment. Please ask at the front desk.",
        "read_aloud": "Read aloud",
        "volume": "Volume",
        "volume_of": "Volume {number} of {count}. Tap for softer.",
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
        "time_in_all": "{minutes}:{seconds:02d} in all",
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
        # Staff screens (PIN pad and staff panel): same table, so staff see the screen's language.
        "staff_pin": "Staff PIN",
        "pin_prompt": "Enter the staff PIN ({low} to {high} digits).",
        "pin_length": "The PIN has {low} to {high} digits.",
        "pin_wrong": "Wrong PIN. {tries} tries left.",
        "pin_wrong_one": "Wrong PIN. 1 try left.",
        "pin_locked": "Too many wrong tries. Staff entry is locked for {minutes} more minutes.",
        "pin_locked_one": "Too many wrong tries. Staff entry is locked for 1 more minute.",
        "pin_clear": "Clear",
        "pin_enter": "Enter",
        "cancel": "Cancel",
        "staff_panel": "Staff panel",
        "setup_note": (
            "Setup mode: no staff PIN is set, so anyone can open this panel. Set one on this "
            "machine with the command  kiosk set-pin  and restart the kiosk."
        ),
        "reload_pack": "Reload pack",
        "exit_kiosk": "Exit the kiosk",
        "return_to_kiosk": "Return to the kiosk",
        "content_pack": "Content pack",
        "info_pack": "Pack",
        "info_version": "Version",
        "info_reviewed": "Reviewed",
        "info_next_review": "Next review",
        "info_folder": "Folder",
        "reviewed_by": "{date} by {name}",
        "overdue": "(overdue)",
        "not_reviewed": "Not yet reviewed by a clinician (draft)",
        "checking_pack": "Checking the pack\u2026",
        "checks_failed": "The pack could not be checked; see the log.",
        "pack_why": "Why",
        "pack_refused": "Refused",
        "checks_progress": "Checking the pack\u2026 {done} of {total} pages",
        "checks_refused_other": "The pack showing passes its checks, but the last pack sent was refused: "
        "see Refused below.",
        "checks_refused_other_problems": "The pack showing has {summary}, and the last pack sent was "
        "refused: see Refused below.",
        "checks_ok": "Checks: no problems found.",
        "checks_problems": "Checks: {summary}. Run  kiosk validate  for the details.",
        "page_views_days": "Page views, last {days} days",
        "no_page_views": "No page views recorded yet.",
        "column_day": "Day",
        "column_views": "Views",
        "column_most_read": "Most read",
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
        "get_help": "Ayuda urgente",
        "take_home": "Escanee para leer esto en casa",
        "out_of_order": "Esta pantalla se está preparando. Por favor, pregunte en la recepción.",
        "still_reading": "¿Sigue leyendo?",
        "still_reading_spoken": "¿Sigue leyendo? Para seguir leyendo, toque la pantalla.",
        "hold_over": "Relájese.",
        "rest_over": "Terminó el descanso.",
        "starting_over_in": (
            "Para proteger su privacidad, esta pantalla vuelve a empezar en {seconds} segundos."
        ),
        "starting_over_in_one": "Para proteger su privacidad, esta pantalla vuelve a empezar en 1 segundo.",
        "keep_reading": "Seguir leyendo",
        "touch_to_start": "Toque la pantalla para empezar",
        "start_in_language": "Empezar en español",
        "pause_slides": "Pausa",
        "play_slides": "Reproducir",
        "no_staff_pin": "Sin PIN del personal",
        "ask_front_desk": (
            "Lo sentimos, esta pantalla necesita un momento. Por favor, pregunte en la recepción."
        ),
        "read_aloud": "Escuchar",
        "volume": "Volumen",
        "volume_of": "Volumen {number} de {count}. Toque para bajarlo.",
        "high_contrast": "Contraste",
        "high_contrast_name": "Alto contraste",
        "step_number": "Paso {number}",
        "cautions": "Tenga cuidado",
        "play_demo": "Ver",
        "pause_demo": "Pausa",
        "slower": "Más lento",
        "normal_speed": "Normal",
        "replay": "Repetir",
        "set_of": "Serie {number} de {count}",
        "rep_of": "Vez {number} de {count}",
        "time_left": "Faltan {minutes}:{seconds:02d}",
        "time_in_all": "{minutes}:{seconds:02d} en total",
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
        "staff_pin": "PIN del personal",
        "pin_prompt": "Escriba el PIN del personal (de {low} a {high} dígitos).",
        "pin_length": "El PIN tiene de {low} a {high} dígitos.",
        "pin_wrong": "PIN incorrecto. Quedan {tries} intentos.",
        "pin_wrong_one": "PIN incorrecto. Queda 1 intento.",
        "pin_locked": (
            "Demasiados intentos incorrectos. La entrada del personal está bloqueada {minutes} minutos más."
        ),
        "pin_locked_one": (
            "Demasiados intentos incorrectos. La entrada del personal está bloqueada 1 minuto más."
        ),
        "pin_clear": "Borrar",
        "pin_enter": "Entrar",
        "cancel": "Cancelar",
        "staff_panel": "Panel del personal",
        "setup_note": (
            "Modo de instalación: no hay un PIN del personal, así que cualquiera puede abrir este "
            "panel. Póngalo en esta máquina con el comando  kiosk set-pin  y reinicie el quiosco."
        ),
        "reload_pack": "Recargar paquete",
        "exit_kiosk": "Salir",
        "return_to_kiosk": "Volver al quiosco",
        "content_pack": "Paquete de contenido",
        "info_pack": "Paquete",
        "info_version": "Versión",
        "info_reviewed": "Revisado",
        "info_next_review": "Próxima revisión",
        "info_folder": "Carpeta",
        "reviewed_by": "{date} por {name}",
        "overdue": "(vencida)",
        "not_reviewed": "Todavía sin revisar por un profesional clínico (borrador)",
        "checking_pack": "Revisando el paquete\u2026",
        "checks_failed": "No se pudo revisar el paquete; vea el registro.",
        "pack_why": "Por qué",
        "pack_refused": "Rechazado",
        "checks_progress": "Revisando el paquete\u2026 {done} de {total} páginas",
        "checks_refused_other": "El paquete que se muestra pasa la revisión, pero el último paquete "
        "enviado fue rechazado: vea Rechazado abajo.",
        "checks_refused_other_problems": "El paquete que se muestra tiene {summary}, y el último paquete "
        "enviado fue rechazado: vea Rechazado abajo.",
        "checks_ok": "Revisión: no se encontraron problemas.",
        "checks_problems": "Revisión: {summary}. Ejecute  kiosk validate  para ver los detalles.",
        "page_views_days": "Páginas vistas, últimos {days} días",
        "no_page_views": "Aún no hay páginas vistas.",
        "column_day": "Día",
        "column_views": "Vistas",
        "column_most_read": "Lo más leído",
    },
}

LANGUAGE_NAMES: dict[str, str] = {"en": "English", "es": "Español"}
"""Each language's name written in that language, so a patient who cannot read the screen's
current language still recognises their own on the language switch."""


def language_name(language: str) -> str:
    """`Español` for `es`; the upper-case code for a language without a name here."""
    return LANGUAGE_NAMES.get(language, language.upper())


def start_in_words(language: str) -> str:
    """ "Start in English" / "Empezar en español", each in its own language; a language without
    these words here shows its own name."""
    return UI_TEXT.get(language, {}).get("start_in_language") or language_name(language)


def tr(key: str, language: str, **values: object) -> str:
    """The kiosk's own word `key` in `language`, else English, with `{name}` values filled in."""
    text = UI_TEXT.get(language, {}).get(key) or UI_TEXT["en"][key]
    return text.format(**values) if values else text
