"""What every screen receives, and the layouts they share (a kinetic scroll column, a tile grid)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QScrollArea, QVBoxLayout, QWidget

from kiosk.content.pack import Pack
from kiosk.session.navigation import Navigator
from kiosk.session.site import SiteDetails
from kiosk.session.state import Route
from kiosk.ui.paint_errors import reports_errors
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme
from kiosk.ui.touch import make_kinetic


@dataclass(frozen=True)
class ScreenContext:
    """Everything a screen needs to draw one route: the pack, the commands, the theme, the language."""

    pack: Pack
    navigator: Navigator
    theme: Theme
    language: str
    route: Route
    can_speak: Callable[[str], bool] = lambda language: False
    """Whether read aloud has a voice for a language now (the start screen offers it per language)."""
    site: SiteDetails = field(default_factory=SiteDetails)
    """This clinic's details (the take-home address default)."""

    def tr(self, key: str, **values: object) -> str:
        return tr(key, self.language, **values)

    @property
    def landscape(self) -> bool:
        return self.theme.landscape


class MoreBelowFade(QWidget):
    """A soft fade at the bottom of a scrolling column, shown only while more text lies below,
    so a patient can see that the page goes on."""

    def __init__(self, colour: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("MoreBelowFade")
        self.colour = QColor(colour)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()

    @reports_errors
    def paintEvent(self, event: QPaintEvent) -> None:
        gradient = QLinearGradient(0, 0, 0, self.height())
        clear = QColor(self.colour)
        clear.setAlpha(0)
        gradient.setColorAt(0, clear)
        gradient.setColorAt(1, self.colour)
        QPainter(self).fillRect(self.rect(), gradient)


class ScrollColumn(QScrollArea):
    """A vertical column that scrolls with a finger flick when its content is taller than the screen."""

    def __init__(
        self,
        theme: Theme,
        margins: tuple[int, int, int, int] | None = None,
        parent: QWidget | None = None,
        fade_colour: str = "",
    ) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.content = QWidget()
        self.content.setObjectName("ScrollContent")
        self.column = QVBoxLayout(self.content)
        m = margins if margins is not None else (theme.px(theme.metrics.margin),) * 4
        self.column.setContentsMargins(*m)
        self.column.setSpacing(theme.px(theme.metrics.gap))
        self.setWidget(self.content)
        make_kinetic(self)
        self.fade = MoreBelowFade(fade_colour or theme.palette.background, self.viewport())
        self.fade_height = theme.px(40)
        bar = self.verticalScrollBar()
        bar.valueChanged.connect(self._update_fade)
        bar.rangeChanged.connect(self._update_fade)

    def _update_fade(self, *_: object) -> None:
        bar = self.verticalScrollBar()
        viewport = self.viewport()
        self.fade.setGeometry(0, viewport.height() - self.fade_height, viewport.width(), self.fade_height)
        self.fade.setVisible(bar.value() < bar.maximum())
        self.fade.raise_()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_fade()


class TileGrid(QWidget):
    """A grid of tiles whose column count follows the width, so tiles never get too narrow to read."""

    def __init__(
        self,
        tiles: list[QWidget],
        min_tile_width: int,
        spacing: int,
        max_columns: int = 4,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.tiles = tiles
        self.setProperty("arrowGroup", True)  # arrow keys move between tiles (`kiosk.ui.focus`)
        self.min_tile_width = min_tile_width
        self.max_columns = max_columns
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(spacing)
        self.columns = 0
        self._arrange(self.columns_for(1920))

    def columns_for(self, width: int) -> int:
        spacing = self.grid.spacing()
        fit = (width + spacing) // (self.min_tile_width + spacing)
        return max(1, min(self.max_columns, fit, len(self.tiles)))

    def _arrange(self, columns: int) -> None:
        if columns == self.columns:
            return
        for tile in self.tiles:
            self.grid.removeWidget(tile)
        for column in range(max(self.columns, columns)):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)
        self.columns = columns
        for index, tile in enumerate(self.tiles):
            self.grid.addWidget(tile, index // columns, index % columns)
        self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(self.columns_for(event.size().width()))
        super().resizeEvent(event)


def clear_layout_spacing(layout: QVBoxLayout) -> None:
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
