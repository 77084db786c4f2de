"""The one-tap language switch in the top bar.

It shows the *other* language's name written in that language ("Español" while the kiosk is in
English, "English" while it is in Spanish), so a patient who cannot read the current language
still finds their own. It appears only when the pack has more than one language, and calls the
same `Navigator.toggle_language` command a key or a test would; the window rebuilds itself in the
new language. An idle reset returns to the fresh-start language with everything else.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QPushButton

from kiosk.session.navigation import Navigator, next_language
from kiosk.ui import resources
from kiosk.ui.strings import language_name
from kiosk.ui.top_bar import TopBar
from kiosk.ui.widgets import push_button


def add_language_switch(bar: TopBar, navigator: Navigator) -> QPushButton | None:
    """Put the switch in `bar` when the pack has a language to switch to; returns the button."""
    languages = navigator.pack.languages
    if len(languages) < 2:
        return None
    offered = next_language(languages, navigator.language)
    name = language_name(offered)
    button = push_button(
        name,
        navigator.toggle_language,
        name="language",
        icon=resources.icon("fa5s.globe-americas", bar.theme.palette.on_bar),
        icon_px=bar.theme.px(34),
    )
    button.setIconSize(QSize(bar.theme.px(34), bar.theme.px(34)))
    button.setProperty("language", offered)
    button.setAccessibleName(name)
    bar.add_control(button)
    return button
