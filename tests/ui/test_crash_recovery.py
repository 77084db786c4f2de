"""An error nobody caught is logged and the kiosk goes back to Home; repeated errors show a calm screen."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel
from uihelpers import settle

from kiosk.session.logs import configure_logging
from kiosk.session.state import HOME, Route
from kiosk.ui.paint_errors import reports_errors
from kiosk.ui.widgets import push_button


def add_broken_button(operated: Any) -> None:
    def broken() -> None:
        raise RuntimeError("a slot that fails on purpose")

    button = push_button("Broken", broken, name="broken", parent=operated.window.current_screen)
    button.setGeometry(40, 40, 300, 120)
    button.show()
    button.raise_()


@pytest.mark.qt_no_exception_capture
@pytest.mark.usefixtures("restore_logging")
def test_an_error_in_a_slot_is_logged_and_the_kiosk_goes_home(
    qtbot: Any, operate: Any, tmp_path: Path
) -> None:
    log_file = configure_logging(tmp_path / "logs", to_stderr=False)
    operated = operate()
    operated.op.install_exception_hook()
    operated.kiosk.tap("AttractScreen")
    operated.window.navigator.open_page("basics", "what-is-it")
    settle()
    add_broken_button(operated)
    operated.kiosk.tap("broken")
    qtbot.waitUntil(lambda: operated.kiosk.route == "home", timeout=3000)
    assert operated.window.isVisible()
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert log_file is not None
    text = log_file.read_text()
    assert "unhandled exception; returning to Home" in text
    assert "RuntimeError: a slot that fails on purpose" in text
    assert operated.op.crash.recoveries == 1


@pytest.mark.qt_no_exception_capture
@pytest.mark.usefixtures("restore_logging")
def test_errors_that_keep_coming_show_the_front_desk_screen_then_home_again(
    qtbot: Any, operate: Any, tmp_path: Path
) -> None:
    configure_logging(tmp_path / "logs", to_stderr=False)
    operated = operate()
    guard = operated.op.crash
    guard.rest_seconds = 0.3
    operated.op.install_exception_hook()
    operated.kiosk.tap("AttractScreen")
    for _ in range(3):
        operated.window.navigator.open_topic("basics")
        settle()
        add_broken_button(operated)
        operated.kiosk.tap("broken")
        settle()
    qtbot.waitUntil(lambda: guard.calm is not None and guard.calm.isVisible(), timeout=3000)
    calm = operated.window.findChild(QLabel, "CalmScreen")
    assert "front desk" in calm.text() and calm.geometry() == operated.window.rect()
    qtbot.waitUntil(lambda: guard.calm is None, timeout=5000)
    assert operated.kiosk.route == "home"


def test_a_few_errors_spread_out_do_not_count_as_a_loop(operate: Any) -> None:
    operated = operate()
    guard = operated.op.crash
    clock = [0.0]
    guard._clock = lambda: clock[0]
    for _ in range(5):
        guard.on_error()
        clock[0] += 61
    assert not guard.repeating
    settle()
    assert guard.calm is None


@pytest.mark.qt_no_exception_capture
@pytest.mark.parametrize("fails_in", ["build", "paint"])
def test_a_screen_that_fails_while_built_ahead_neither_takes_the_start_screen_away_nor_counts(
    qtbot: Any, operate: Any, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, fails_in: str
) -> None:
    """Screens are built and drawn ahead on the start screen (`MainWindow.prepare_ahead`); one that
    fails there is let go quietly: the start screen stays, the crash guard does not go Home or count
    it towards the front-desk screen, and the screen is built afresh if a patient opens it."""
    from kiosk.ui import main_window
    from kiosk.ui.screens.topic import TopicScreen

    if fails_in == "build":
        build = main_window.build_screen

        def broken_build(context: Any) -> Any:
            if context.route.kind == "topic":
                raise RuntimeError("a topic screen that fails to build on purpose")
            return build(context)

        monkeypatch.setattr(main_window, "build_screen", broken_build)
    else:

        @reports_errors  # as every paintEvent of the kiosk is (tests/ui/test_paint_errors.py)
        def broken_paint(self: Any, event: Any) -> None:
            raise RuntimeError("a topic screen that fails to paint on purpose")

        monkeypatch.setattr(TopicScreen, "paintEvent", broken_paint, raising=False)
    operated = operate()
    operated.op.install_exception_hook()
    window = operated.window
    with qtbot.waitSignal(window.prepared, timeout=10_000):
        window.prepare_ahead()
    settle()
    assert operated.kiosk.route == "attract" and window.current_screen.isVisible()
    assert operated.op.crash.recoveries == 0 and operated.op.crash.incidents == 0
    assert operated.op.crash.calm is None
    said = [r.getMessage() for r in caplog.records if r.levelno == logging.CRITICAL]
    if fails_in == "paint":  # the exception hook's line says what was done: nobody went Home
        assert said and all("drawn ahead" in line and "nobody is taken Home" in line for line in said), said
    else:  # caught where it was built, a warning
        assert not said and any("not built ahead" in r.getMessage() for r in caplog.records)
    topics = [Route("topic", topic=topic.id) for topic in window.pack.manifest.topics]
    assert not any(route in window.screens for route in topics)
    assert HOME in window.screens, "Home, which did not fail, is kept"
