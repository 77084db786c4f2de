"""Read aloud: a patient taps the speaker button and hears the screen, in the page's language.

The kiosk here speaks through a `RecordingSpeaker`, so the tests hear exactly what would be said.
An engine that hangs is tested in `test_speech_engine.py`; real sound in `tests/e2e/`.
"""

from __future__ import annotations

import logging
from typing import Any

import pytest
from uihelpers import Kiosk, settle

from kiosk.content.pack import Pack
from kiosk.session.state import AppState, Route, Snapshot
from kiosk.ui.main_window import MainWindow
from kiosk.ui.read_aloud import spoken_text
from kiosk.ui.speech import NoSpeaker, RecordingSpeaker, SystemSpeaker, speaker_from_setting
from kiosk.ui.speech_engine import QtSpeaker

WHAT_IS_IT = Route("page", topic="basics", page="what-is-it")


def open_kiosk(
    qtbot: Any, pack: Pack, speaker: Any, language: str = "en", size: tuple[int, int] = (1920, 1080)
) -> Kiosk:
    window = MainWindow(AppState(Snapshot(route=WHAT_IS_IT, language=language)), pack, speaker=speaker)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    settle()
    return Kiosk(window)


def test_tapping_read_aloud_speaks_the_page_title_then_its_text(qtbot: Any, mini_pack: Pack) -> None:
    speaker = RecordingSpeaker()
    kiosk = open_kiosk(qtbot, mini_pack, speaker)
    assert speaker.spoken == []  # nothing is said until the patient asks
    kiosk.tap("read-aloud")
    assert kiosk.window.state.current.read_aloud
    assert kiosk.window.top_bar is not None and kiosk.window.top_bar.read_aloud.isChecked()
    text, language = speaker.spoken[-1]
    page = mini_pack.page("what-is-it", "en")
    assert language == "en"
    assert text.startswith(page.title)
    assert "A nerve" in text.split("\n", 1)[1] or page.plain_text.split()[0] in text


def test_turning_the_page_speaks_the_new_page_and_a_second_tap_stops_at_once(
    qtbot: Any, mini_pack: Pack
) -> None:
    speaker = RecordingSpeaker()
    kiosk = open_kiosk(qtbot, mini_pack, speaker)
    kiosk.tap("read-aloud")
    kiosk.tap("next")
    assert kiosk.route == "page/basics/symptoms"
    assert speaker.speaking is not None
    assert speaker.speaking[0].startswith(mini_pack.page("symptoms", "en").title)
    assert len(speaker.spoken) == 2
    kiosk.tap("read-aloud")
    assert speaker.speaking is None
    assert not kiosk.window.top_bar.read_aloud.isChecked()  # type: ignore[union-attr]
    kiosk.tap("previous")
    assert len(speaker.spoken) == 2  # off means off: a new page is not spoken


def test_idle_reset_stops_speech_and_turns_read_aloud_off(qtbot: Any, mini_pack: Pack) -> None:
    speaker = RecordingSpeaker()
    kiosk = open_kiosk(qtbot, mini_pack, speaker)
    kiosk.tap("read-aloud")
    assert speaker.speaking is not None
    kiosk.window.state.reset()
    settle()
    assert speaker.speaking is None
    assert not kiosk.window.state.current.read_aloud
    assert not kiosk.window.top_bar.read_aloud.isChecked()  # type: ignore[union-attr]


def test_closing_the_kiosk_stops_speech(qtbot: Any, mini_pack: Pack) -> None:
    speaker = RecordingSpeaker()
    kiosk = open_kiosk(qtbot, mini_pack, speaker)
    kiosk.tap("read-aloud")
    kiosk.window.close()
    assert speaker.speaking is None


def test_a_spanish_page_is_spoken_in_spanish(qtbot: Any, mini_pack: Pack) -> None:
    speaker = RecordingSpeaker()
    kiosk = open_kiosk(qtbot, mini_pack, speaker, language="es")
    kiosk.tap("read-aloud")
    text, language = speaker.spoken[-1]
    assert language == "es"
    assert text.startswith("¿Qué es?")
    assert "Un nervio puede quedar apretado" in text


def test_home_and_topic_lists_are_spoken_too(mini_pack: Pack) -> None:
    home = spoken_text(mini_pack, Snapshot(language="en"))
    assert "Mini pack" in home and "The basics" in home and "Getting help" in home
    topic = spoken_text(mini_pack, Snapshot(route=Route("topic", topic="basics"), language="es"))
    assert topic.splitlines()[0] == "Lo básico."
    assert spoken_text(mini_pack, Snapshot(route=Route("attract"))) == ""


def test_without_a_voice_the_button_is_not_offered(qtbot: Any, mini_pack: Pack) -> None:
    kiosk = open_kiosk(qtbot, mini_pack, NoSpeaker())
    names = [name for name, _ in kiosk.window.tappables()]
    assert "read-aloud" not in names and "high-contrast" in names


def test_read_aloud_is_a_big_target_at_every_size(qtbot: Any, mini_pack: Pack) -> None:
    for size, smallest in (((1920, 1080), 72), ((1080, 1920), 72), ((1280, 800), 48)):
        kiosk = open_kiosk(qtbot, mini_pack, RecordingSpeaker(), size=size)
        rects = dict(kiosk.window.tappables())
        for name in ("read-aloud", "high-contrast"):
            assert min(rects[name].width(), rects[name].height()) >= smallest, (size, name)
        kiosk.window.close()


def test_the_setting_picks_the_speaker(caplog: pytest.LogCaptureFixture) -> None:
    assert isinstance(speaker_from_setting("fake"), RecordingSpeaker)
    assert isinstance(speaker_from_setting("none"), NoSpeaker)
    with caplog.at_level(logging.WARNING, logger="kiosk.ui.speech"):
        speaker = speaker_from_setting("loud")
    assert "not one of system, fake, none" in caplog.text
    assert isinstance(speaker, SystemSpeaker)
    speaker.close()


def test_qt_speaker_picks_the_voice_of_the_language(qtbot: Any, caplog: pytest.LogCaptureFixture) -> None:
    """The real speaker class on Qt's built-in test engine (English voices, no Spanish one)."""
    speaker = QtSpeaker("mock")
    if speaker.problem:
        pytest.skip(f"Qt's test speech engine is not installed: {speaker.problem}")
    assert speaker.can_speak("en")
    speaker.say("Hello", "en")
    assert speaker.locale_name == "en_US"
    speaker.stop()
    assert not speaker.can_speak("es")
    with caplog.at_level(logging.WARNING, logger="kiosk.ui.speech"):
        speaker.say("Hola", "es")
    assert "no voice for language 'es'" in caplog.text


def test_quitting_the_kiosk_stops_speech_even_before_the_window_closes(qtbot: Any, mini_pack: Pack) -> None:
    """Staff exit and SIGTERM quit the application; speech must not run on after the kiosk."""
    from PySide6.QtWidgets import QApplication

    speaker = RecordingSpeaker()
    kiosk = open_kiosk(qtbot, mini_pack, speaker)
    kiosk.tap("read-aloud")
    assert speaker.speaking is not None
    QApplication.instance().aboutToQuit.emit()  # type: ignore[union-attr]
    assert speaker.speaking is None and speaker.closed
    kiosk.window.close()  # closing afterwards is harmless
    assert speaker.stops == 2  # the page's own stop before speaking, and the quit
