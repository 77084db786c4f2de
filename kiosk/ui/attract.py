"""The attract screen: what the kiosk shows when nobody is using it, and where every visit starts.

A calm loop of the pack's highlights (each topic's picture, title and one-line summary), then the
pack's welcome in each of its languages, each with a button that starts in that language ("Start in
English", "Empezar en español") and, where a voice speaks it, "Read aloud" in that language; under
them "Touch anywhere to start". A touch anywhere else except the Pause button opens Home in the
screen's language. Nothing here leaves the kiosk: every button opens Home.

It is cheap and quiet on purpose:
- one timer, firing once per slide (never faster), and a crossfade animation that runs only while
  one slide changes to the next;
- a visible Pause / Play button (WCAG 2.2.2: moving content can be paused);
- after `settle_after_cycles` rounds it stops on the first slide and stays still, so a screen
  nobody looks at does not move (and costs nothing) all afternoon;
- the timer and the animation stop whenever the screen is hidden.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QPointF, QTimer
from PySide6.QtGui import QHideEvent, QPainter, QPaintEvent, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui import resources
from kiosk.ui.input_settings import keys_only_focus, pass_taps_through, set_by_name
from kiosk.ui.paint_errors import reports_errors
from kiosk.ui.strings import language_name, start_in_words, tr
from kiosk.ui.theme import Theme
from kiosk.ui.widgets import Picture, TextLabel, push_button

if TYPE_CHECKING:
    from PySide6.QtCore import QVariantAnimation

    from kiosk.content.pack import Pack
    from kiosk.ui.screens.base import ScreenContext

SLIDE_SECONDS = 9.0
"""How long each highlight stays; also the only timer interval on this screen."""
SETTLE_AFTER_CYCLES = 3
"""Full rounds of the highlights before the screen rests on the first one (about 3-4 minutes)."""
FADE_MS = 900


class Slide(NamedTuple):
    picture: Path
    title: str
    teaser: str


def highlights(pack: Pack, language: str) -> list[Slide]:
    """One slide per topic, in pack order; a topic made only of reference lists is left out."""
    slides = []
    for topic in pack.manifest.topics:
        kinds = {pack.page(page_id, language).kind for page_id in topic.pages}
        if kinds == {"references"}:
            continue
        teaser = pack.text(topic.summary, language) if topic.summary else ""
        slides.append(Slide(pack.media_path(topic.picture), pack.text(topic.title, language), teaser))
    if not slides:  # a pack of only references still gets a start screen
        topic = pack.manifest.topics[0]
        slides.append(Slide(pack.media_path(topic.picture), pack.text(topic.title, language), ""))
    return slides


class AttractWords(NamedTuple):
    """Everything the start screen says, in one language: plain text taken from the pack once, so the
    screen can also be built before the pack is loaded (`first_screen`)."""

    pack_title: str
    slides: tuple[Slide, ...]
    welcomes: tuple[tuple[str, str], ...]
    """(language, welcome) for each pack language, in pack order."""

    @classmethod
    def of(cls, pack: Pack, language: str) -> AttractWords:
        welcomes = tuple((each, pack.text(pack.manifest.welcome, each)) for each in pack.languages)
        return cls(pack.text(pack.manifest.title, language), tuple(highlights(pack, language)), welcomes)

    @property
    def languages(self) -> list[str]:
        return [language for language, _welcome in self.welcomes]


def _nothing(*_args: object) -> None:
    """What a tap does on a start screen shown before the kiosk is ready (it takes no taps)."""


class AttractContext(NamedTuple):
    """What the start screen needs: its words, the theme, and what its buttons do."""

    theme: Theme
    language: str
    words: AttractWords
    can_speak: Callable[[str], bool] = lambda language: False
    go_home: Callable[[], None] = _nothing
    start_in: Callable[[str], None] = _nothing
    start_reading_aloud: Callable[[str], None] = _nothing

    @classmethod
    def of(cls, context: ScreenContext) -> AttractContext:
        navigator = context.navigator
        return cls(
            context.theme,
            context.language,
            AttractWords.of(context.pack, context.language),
            context.can_speak,
            navigator.go_home,
            navigator.start_in,
            navigator.start_reading_aloud,
        )

    def tr(self, key: str, **values: object) -> str:
        return tr(key, self.language, **values)

    @property
    def landscape(self) -> bool:
        return self.theme.landscape


class SlideView(QWidget):
    """One highlight: the picture beside (landscape) or above (portrait) its title and teaser."""

    def __init__(self, context: AttractContext, slide: Slide, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Slide")
        pass_taps_through(self)
        theme = context.theme
        landscape = context.landscape
        box = QHBoxLayout(self) if landscape else QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(theme.px(56 if landscape else 36))
        max_height = round(theme.height * (0.42 if landscape else 0.34))
        picture = Picture(slide.picture, slide.title, max_height)
        picture.setObjectName("SlidePicture")
        texts = QVBoxLayout()
        texts.setSpacing(theme.px(18))
        texts.addStretch(1)
        title = TextLabel(slide.title, "title")
        title.setObjectName("SlideTitle")
        title.setStyleSheet(f"font-size: {theme.px(68)}px; font-weight: bold;")
        texts.addWidget(title)
        if slide.teaser:
            teaser = TextLabel(slide.teaser, "lead")
            teaser.setObjectName("SlideTeaser")
            teaser.setStyleSheet(f"font-size: {theme.px(42)}px;")
            texts.addWidget(teaser)
        texts.addStretch(1)
        if landscape:
            box.addWidget(picture, 50)
            box.addLayout(texts, 50)
        else:
            for index in range(texts.count()):
                item = texts.itemAt(index)
                label = item.widget() if item is not None else None
                if isinstance(label, TextLabel):
                    set_by_name(label, "alignment", "AlignHCenter")
            box.addStretch(1)
            box.addWidget(picture)
            box.addLayout(texts)
            box.addStretch(1)


class FadeCover(QWidget):
    """The previous slide as a picture, fading out over the new one during a change."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("FadeCover")
        pass_taps_through(self)
        self.pixmap = QPixmap()
        self.opacity = 1.0
        self.hide()

    @reports_errors
    def paintEvent(self, event: QPaintEvent) -> None:
        if self.pixmap.isNull():
            return
        painter = QPainter(self)
        painter.setOpacity(self.opacity)
        painter.drawPixmap(QPointF(0, 0), self.pixmap)


class AttractScreen(QAbstractButton):
    """The start screen. The whole screen is one target: a tap anywhere opens Home."""

    def __init__(
        self,
        context: AttractContext,
        parent: QWidget | None = None,
        *,
        slide_seconds: float = SLIDE_SECONDS,
        settle_after_cycles: int = SETTLE_AFTER_CYCLES,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("AttractScreen")
        self.setProperty("tappable", True)
        keys_only_focus(self)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(context.tr("touch_to_start"))
        self.context = context
        self.slides = list(context.words.slides)
        self.index = 0
        self.cycles = 0
        self.settle_after_cycles = settle_after_cycles
        self.paused = False
        self.settled = False
        self.clicked.connect(context.go_home)

        theme = context.theme
        margin = theme.px(theme.metrics.margin) * 3 // 2
        column = QVBoxLayout(self)
        column.setContentsMargins(margin, margin, margin, theme.px(36))
        column.setSpacing(theme.px(32))
        pack_title = TextLabel(context.words.pack_title, "heading")
        pack_title.setObjectName("AttractPackTitle")
        pack_title.setStyleSheet(f"color: {theme.palette.accent}; font-size: {theme.px(44)}px;")
        set_by_name(pack_title, "alignment", "AlignHCenter")
        column.addWidget(pack_title)
        self.slide_host = QWidget()
        self.slide_host.setObjectName("SlideHost")
        pass_taps_through(self.slide_host)
        self._slide_layout = QVBoxLayout(self.slide_host)
        self._slide_layout.setContentsMargins(0, 0, 0, 0)
        self.slide = SlideView(context, self.slides[0])
        self._slide_layout.addWidget(self.slide)
        column.addWidget(self.slide_host, 1)
        column.addLayout(self._welcome_row())
        column.addLayout(self._footer())

        self.cover = FadeCover(self.slide_host)
        self.timer = QTimer(self)
        self.timer.setObjectName("AttractSlideTimer")
        self.timer.setInterval(max(1, round(slide_seconds * 1000)))
        self.timer.timeout.connect(self.advance)
        self._fade: QVariantAnimation | None = None
        self.pressed.connect(lambda: self._show_pressed(True))
        self.released.connect(lambda: self._show_pressed(False))

    def _welcome_row(self) -> QBoxLayout:
        """The welcome in each pack language, side by side (stacked in portrait), each with its own
        way in: start in that language, or start listening in it."""
        context = self.context
        row: QBoxLayout = QHBoxLayout() if context.landscape else QVBoxLayout()
        row.setSpacing(context.theme.px(24))
        self.read_aloud_buttons: list[QAbstractButton] = []
        self.start_buttons: list[QAbstractButton] = []
        for language, welcome in context.words.welcomes:
            row.addWidget(self._welcome(language, welcome), 1)
        return row

    def _welcome(self, language: str, welcome: str) -> QWidget:
        theme, context = self.context.theme, self.context
        p = theme.palette
        card = QWidget()  # a plain QWidget: Qt's style sheet style draws its background and border
        card.setObjectName(f"welcome-{language}")
        card.setStyleSheet(
            f"#welcome-{language} {{ background: {p.surface}; border: {theme.px(3)}px solid {p.border};"
            f" border-radius: {theme.px(theme.metrics.radius)}px; }}"
        )
        column = QVBoxLayout(card)
        pad = theme.px(20)
        column.setContentsMargins(pad, pad, pad, pad)
        column.setSpacing(theme.px(14))
        words = TextLabel(welcome, "lead")
        words.setObjectName("WelcomeText")
        words.setProperty("language", language)
        words.setStyleSheet(f"font-size: {theme.px(30)}px; color: {p.text};")
        column.addWidget(words)
        buttons = QHBoxLayout()
        buttons.setSpacing(theme.px(16))
        if len(context.words.welcomes) > 1:
            start = push_button(
                start_in_words(language),
                partial(context.start_in, language),
                name=f"start-{language}",
                icon=resources.icon("fa5s.arrow-right", p.on_accent),
                icon_px=theme.px(26),
                icon_after=True,
            )
            start.setStyleSheet(f"font-size: {theme.px(28)}px;")
            self.start_buttons.append(start)
            buttons.addWidget(start)
        if context.can_speak(language):
            buttons.addWidget(self._read_aloud_button(language))
        buttons.addStretch(1)
        column.addLayout(buttons)
        return card

    def _read_aloud_button(self, language: str) -> QAbstractButton:
        """ "Read aloud" in its own language: it opens Home in that language and reads it out, for a
        patient who cannot read the screen."""
        theme, context = self.context.theme, self.context
        button = push_button(
            tr("read_aloud", language),
            partial(context.start_reading_aloud, language),
            name=f"read-aloud-{language}",
            icon=resources.icon("fa5s.volume-up", theme.palette.accent),
            icon_px=theme.px(26),
            role="quiet",
        )
        button.setAccessibleName(f"{tr('read_aloud', language)} ({language_name(language)})")
        button.setStyleSheet(
            f"QPushButton {{ background: {theme.palette.surface}; color: {theme.palette.accent};"
            f" border: {theme.px(3)}px solid {theme.palette.accent}; font-size: {theme.px(28)}px; }}"
            f" QPushButton:pressed {{ background: {theme.palette.surface_pressed}; }}"
        )
        self.read_aloud_buttons.append(button)
        return button

    def _footer(self) -> QGridLayout:
        """The invitation in the middle, Pause at the right. Two equally stretching side columns
        centre the invitation on a wide screen; on a narrow one it moves left to make room."""
        theme, context = self.context.theme, self.context
        row = QGridLayout()
        row.setHorizontalSpacing(theme.px(24))
        row.setColumnStretch(0, 1)
        row.setColumnStretch(2, 1)
        self.invitation = TextLabel(context.tr("touch_to_start"), "title")
        self.invitation.setObjectName("TouchToStart")
        self.invitation.setWordWrap(False)
        set_by_name(self.invitation, "alignment", "AlignCenter")
        self._show_pressed(False)
        row.addWidget(self.invitation, 0, 1)
        on_accent = theme.palette.accent
        self.pause_button = push_button(
            context.tr("pause_slides"),
            self.toggle_pause,
            name="attract-pause",
            icon=resources.icon("fa5s.pause", on_accent),
            icon_px=theme.px(26),
            role="quiet",
        )
        self.pause_button.setStyleSheet(
            f"QPushButton {{ background: {theme.palette.surface}; color: {on_accent};"
            f" border: {theme.px(3)}px solid {on_accent}; font-size: {theme.px(28)}px; }}"
            f" QPushButton:pressed {{ background: {theme.palette.surface_pressed}; }}"
        )
        # At its own size in the bottom right corner of its cell: stretches fill the rest.
        corner = QVBoxLayout()
        corner.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.pause_button)
        corner.addLayout(bottom)
        row.addLayout(corner, 0, 2 if context.landscape else 3)
        return row

    def _show_pressed(self, down: bool) -> None:
        theme = self.context.theme
        p = theme.palette
        background = p.accent_pressed if down else p.accent
        self.invitation.setStyleSheet(
            f"background: {background}; color: {p.on_accent}; font-size: {theme.px(46)}px;"
            f" font-weight: bold; border-radius: {theme.px(44)}px;"
            f" padding: {theme.px(20)}px {theme.px(56)}px;"
        )

    # --- the loop -----------------------------------------------------------------------------

    @property
    def moving(self) -> bool:
        return not (self.paused or self.settled or len(self.slides) < 2)

    def advance(self) -> None:
        """The timer's slot: cross-fade to the next highlight; rest on the first after enough rounds."""
        following = (self.index + 1) % len(self.slides)
        if following == 0:
            self.cycles += 1
            if self.cycles >= self.settle_after_cycles:
                self.settled = True
                self.timer.stop()
                self._label_pause_button()
        self.show_slide(following)

    def show_slide(self, index: int, fade: bool = True) -> None:
        if index == self.index:
            return
        if fade and self.isVisible() and self.slide_host.width() > 0:
            self.fade.stop()
            self.cover.pixmap = self.slide_host.grab()
            self.cover.setGeometry(self.slide_host.rect())
            self.cover.opacity = 1.0
            self.cover.show()
            self.cover.raise_()
        self.index = index
        old = self.slide
        self.slide = SlideView(self.context, self.slides[index])
        self._slide_layout.replaceWidget(old, self.slide)
        old.hide()
        old.deleteLater()
        if self.cover.isVisible():
            self.cover.raise_()
            self.fade.start()

    @property
    def fade(self) -> QVariantAnimation:
        """The cross-fade from one highlight to the next, made for the first change of slide: Qt's
        animation types (7 million instructions) then load after the start screen's first frame."""
        if self._fade is None:
            from PySide6.QtCore import QEasingCurve, QVariantAnimation

            self._fade = QVariantAnimation(self)
            self._fade.setDuration(FADE_MS)
            self._fade.setStartValue(1.0)
            self._fade.setEndValue(0.0)
            self._fade.setEasingCurve(QEasingCurve.Type.InOutSine)
            self._fade.valueChanged.connect(self._set_cover_opacity)
            self._fade.finished.connect(self._end_fade)
        return self._fade

    def _stop_fade(self) -> None:
        """Stop a cross-fade under way, showing the new highlight at once."""
        if self._fade is not None and self._fade.state() == self._fade.State.Running:
            self._fade.stop()
            self._end_fade()

    def _set_cover_opacity(self, value: object) -> None:
        self.cover.opacity = float(value)  # type: ignore[arg-type]
        self.cover.update()

    def _end_fade(self) -> None:
        self.cover.hide()
        self.cover.pixmap = QPixmap()

    def toggle_pause(self) -> None:
        if self.moving:
            self.pause()
        else:
            self.play()

    def pause(self) -> None:
        self.paused = True
        self.timer.stop()
        self._stop_fade()
        self._label_pause_button()

    def play(self) -> None:
        """Start the loop again (also after it settled)."""
        self.paused = False
        if self.settled:
            self.settled = False
            self.cycles = 0
        self._label_pause_button()
        self._start_if_moving()

    def _label_pause_button(self) -> None:
        accent = self.context.theme.palette.accent
        moving = self.moving
        self.pause_button.setText("\u2002" + self.context.tr("pause_slides" if moving else "play_slides"))
        self.pause_button.setAccessibleName(self.context.tr("pause_slides" if moving else "play_slides"))
        self.pause_button.setIcon(resources.icon("fa5s.pause" if moving else "fa5s.play", accent))

    def _start_if_moving(self) -> None:
        if self.moving and self.isVisible() and not self.timer.isActive():
            self.timer.start()

    # --- Qt -----------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._start_if_moving()

    def hideEvent(self, event: QHideEvent) -> None:
        self.timer.stop()
        self._stop_fade()
        super().hideEvent(event)

    @reports_errors
    def paintEvent(self, event: QPaintEvent) -> None:
        """Nothing of its own to draw: the screen stack behind it paints the background (the
        theme's `#ScreenStack` rule), and its labels and buttons draw themselves. Qt requires a
        button to define this all the same."""
