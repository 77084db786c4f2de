"""Page: the page view (chosen by page kind), "2 of 5" dots, and Previous / Next.

The pager follows a horizontal drag: the neighbouring page slides in beside the current one, and
on release it either completes the turn (then calls `next_page` / `previous_page`) or springs back.
The animation belongs to the pager and stops when the pager hides.
"""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QRectF, QSize, Qt, QVariantAnimation
from PySide6.QtGui import QColor, QHideEvent, QPainter, QPaintEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.session.state import Route
from kiosk.ui import resources
from kiosk.ui.pages import view_class_for
from kiosk.ui.pages.base import PageView
from kiosk.ui.paint_errors import reports_errors
from kiosk.ui.screens.base import ScreenContext
from kiosk.ui.widgets import TextLabel, push_button

TURN_FRACTION = 0.2
"""A drag over this share of the width turns the page; so does a quick flick."""
FLICK_VELOCITY = 0.5  # px per ms


class PageDots(QWidget):
    """One dot per page of the topic, the current one larger and filled; they grow with the text."""

    def __init__(self, context: ScreenContext, number: int, count: int) -> None:
        super().__init__()
        self.setObjectName("PageDots")
        self.theme = context.theme
        self.number, self.count = number, count
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        step = self.theme.control_px(30)
        return QSize(max(1, self.count) * step, self.theme.control_px(24))

    @reports_errors
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        step = self.width() / max(1, self.count)
        middle = self.height() / 2
        for index in range(self.count):
            current = index + 1 == self.number
            radius = self.theme.control_px(11 if current else 7)
            colour = self.theme.palette.accent if current else self.theme.palette.dot_inactive
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colour))
            centre_x = step * index + step / 2
            painter.drawEllipse(QRectF(centre_x - radius, middle - radius, radius * 2, radius * 2))


class Pager(QWidget):
    """Holds the current page view and, while a finger drags, its neighbours beside it."""

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Pager")
        self.context = context
        self.offset = 0.0
        self.current = self._view_for(context.route)
        self.neighbours: dict[int, PageView | None] = {}
        self.animation = QVariantAnimation(self)
        self.animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self.animation.valueChanged.connect(self._set_offset)
        self.animation.finished.connect(self._turn)
        self._after_animation = 0

    def _view_for(self, route: Route | None) -> PageView | None:
        if route is None:
            return None
        page = self.context.pack.page(route.page, self.context.language)
        view = view_class_for(page.kind)(self.context, page, self)
        view.show()
        return view

    def _neighbour(self, step: int) -> PageView | None:
        if step not in self.neighbours:
            view = self._view_for(self.context.navigator.neighbour(step, self.context.route))
            self.neighbours[step] = view
            self._place()
        return self.neighbours[step]

    def _set_offset(self, value: object) -> None:
        self.offset = float(value)  # type: ignore[arg-type]
        self._place()

    def _place(self) -> None:
        width, height = self.width(), self.height()
        if self.current is not None:
            self.current.setGeometry(round(self.offset), 0, width, height)
        for step, view in self.neighbours.items():
            if view is not None:
                view.setGeometry(round(self.offset) + step * width, 0, width, height)
                view.setVisible(step * self.offset < 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()

    # --- SwipeTarget -------------------------------------------------------------------------

    def swipe_moved(self, dx: float) -> None:
        self.animation.stop()
        step = -1 if dx > 0 else 1
        if dx != 0 and self._neighbour(step) is None:
            dx /= 4  # at the first or last page the page resists, so the patient feels the end
        self._set_offset(dx)

    def swipe_finished(self, dx: float, velocity: float) -> None:
        step = -1 if dx > 0 else 1
        flick = abs(velocity) > FLICK_VELOCITY and (velocity > 0) == (dx > 0)
        turns = dx != 0 and (abs(dx) > self.width() * TURN_FRACTION or flick)
        if turns and self._neighbour(step) is not None:
            self._animate_to(-step * self.width(), step)
        else:
            self._animate_to(0, 0)

    def _animate_to(self, target: float, step: int) -> None:
        self._after_animation = step
        self.animation.stop()
        self.animation.setStartValue(self.offset)
        self.animation.setEndValue(float(target))
        self.animation.setDuration(max(1, int(abs(target - self.offset) / max(1, self.width()) * 400)))
        self.animation.start()

    def _turn(self) -> None:
        step, self._after_animation = self._after_animation, 0
        if step > 0:
            self.context.navigator.next_page()
        elif step < 0:
            self.context.navigator.previous_page()

    def hideEvent(self, event: QHideEvent) -> None:
        self.animation.stop()
        super().hideEvent(event)

    def reset_for_reuse(self) -> None:
        """Shown again from the screen cache: the page at rest in the middle, no neighbour beside
        it (they are built again, fresh, by the next drag)."""
        self.animation.stop()
        self._after_animation = 0
        self.offset = 0.0
        for view in self.neighbours.values():
            if view is not None:
                view.hide()
                view.deleteLater()
        self.neighbours = {}
        self._place()


class PageScreen(QWidget):
    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PageScreen")
        self.context = context
        theme = context.theme
        nav = context.navigator
        number, count = nav.position(context.route)
        self.setProperty("position", f"{number}/{count}")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.pager = Pager(context)
        column.addWidget(self.pager, 1)

        bar = QWidget()
        bar.setObjectName("PageNav")
        row = QGridLayout(bar)
        margin = theme.px(theme.metrics.margin)
        large = theme.text_percent >= 150  # closer to the page, which needs the room for its text
        row.setContentsMargins(margin, theme.px(8 if large else 16), margin, theme.px(10 if large else 20))
        row.setHorizontalSpacing(theme.px(theme.metrics.gap))
        icon_px = theme.text_px(30)
        on_accent = theme.palette.on_accent
        self.previous = push_button(
            context.tr("previous"),
            nav.previous_page,
            name="previous",
            icon=resources.icon("fa5s.chevron-left", on_accent),
            icon_px=icon_px,
        )
        policy = self.previous.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.previous.setSizePolicy(policy)
        self.previous.setVisible(number > 1)
        last = number == count
        self.next = push_button(
            context.tr("done" if last else "next"),
            nav.next_page,
            name="next",
            icon=resources.icon("fa5s.check" if last else "fa5s.chevron-right", on_accent),
            icon_px=icon_px,
            icon_after=True,
        )
        for button in (self.previous, self.next):
            # the theme's least height is all the height they need: no padding on top of it, so
            # the row leaves the page its room for text
            button.setStyleSheet(f"padding: 0px {theme.px(28)}px;")
        # Two equally stretching side columns keep the page dots in the middle of the screen.
        row.setColumnStretch(0, 1)
        row.setColumnStretch(2, 1)
        row.addWidget(self.previous, 0, 0, Qt.AlignmentFlag.AlignLeft)
        middle = QVBoxLayout()
        middle.setSpacing(theme.px(6))
        middle.addWidget(PageDots(context, number, count), 0, Qt.AlignmentFlag.AlignHCenter)
        where = TextLabel(context.tr("page_of", number=number, count=count), "small")
        where.setObjectName("PagePosition")
        where.setStyleSheet(f"font-size: {theme.control_px(theme.metrics.small)}px;")
        where.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        where.setWordWrap(False)
        middle.addWidget(where, 0, Qt.AlignmentFlag.AlignHCenter)
        row.addLayout(middle, 0, 1)
        row.addWidget(self.next, 0, 2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        self._nav_row = row
        column.addWidget(bar)

    def showEvent(self, event: QShowEvent) -> None:
        """Once styled, each side column is at least as wide as its button's words, so a long word
        (Spanish "Siguiente" at the largest text) is never cut; the dots may move off centre a little."""
        super().showEvent(event)
        for index, button in ((0, self.previous), (2, self.next)):
            self._nav_row.setColumnMinimumWidth(index, button.sizeHint().width())
