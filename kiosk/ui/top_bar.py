"""The bar that is always there: Home, Back and Get help now on the left, patient controls and staff
entry on the right.

Slots for later controls: `add_control(widget)` puts a widget in the patient-controls group
(text size, read aloud, high contrast; language next), which sits right of a stretch so Home and Back
never move. `staff_slot` holds the staff entry; `set_staff_widget` replaces it.

Its words grow with the patient's text size (`Theme.control_px`). When the patient controls no
longer fit beside Home, Back and Get help now (a portrait screen, large text, or Volume showing),
they move to a second row, right-aligned, so Home and Back still keep their place.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QVBoxLayout, QWidget

from kiosk.session.navigation import Navigator, can_make_text_bigger, can_make_text_smaller
from kiosk.session.state import HOME, VOLUME_STEPS, Snapshot
from kiosk.ui import resources
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme
from kiosk.ui.widgets import push_button


class TopBar(QWidget):
    def __init__(
        self,
        theme: Theme,
        navigator: Navigator,
        language: str,
        parent: QWidget | None = None,
        *,
        can_read_aloud: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("TopBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.theme = theme
        self._built = False  # controls are added while building; they are arranged once at the end
        pad = theme.px(12)
        self.row_height = max(theme.px(theme.metrics.bar_height), theme.target + theme.px(16))
        self.setFixedHeight(self.row_height)
        column = self._column = QVBoxLayout(self)
        column.setContentsMargins(theme.px(24), pad // 2, theme.px(24), pad // 2)
        column.setSpacing(pad)
        row = QHBoxLayout()
        row.setSpacing(theme.px(10))
        column.addLayout(row)
        self._row = row
        icon_px = theme.px(34)
        white = theme.palette.on_bar
        self.home = push_button(
            tr("home", language),
            navigator.go_home,
            name="home",
            icon=resources.icon("fa5s.home", white),
            icon_px=icon_px,
        )
        self.back = push_button(
            tr("back", language),
            navigator.back,
            name="back",
            icon=resources.icon("fa5s.arrow-left", white),
            icon_px=icon_px,
        )
        row.addWidget(self.home)
        row.addWidget(self.back)
        # Help is one tap away on every screen (the start screen hides the whole bar): it opens
        # the pack's "what to do now" page with the clinic's numbers.
        self.get_help = push_button(
            tr("get_help", language),
            navigator.get_help,
            name="get-help",
            icon=resources.icon("fa5s.life-ring", theme.palette.on_urgent),
            icon_px=icon_px,
        )
        self.get_help.setVisible(navigator.pack.help_page_id is not None)
        row.addWidget(self.get_help)
        row.addStretch(1)
        # The patient controls live in one box that `_arrange` puts at the end of the first row
        # or alone on a second row.
        self.controls_box = QWidget()
        self.controls_box.setObjectName("BarControls")
        self.controls = QHBoxLayout(self.controls_box)
        self.controls.setContentsMargins(0, 0, 0, 0)
        self.controls.setSpacing(theme.px(8))
        self._second = QHBoxLayout()
        self._second.addStretch(1)
        column.addLayout(self._second)
        row.addWidget(self.controls_box)
        self.two_rows = False
        self.smaller = push_button("A\u2212", navigator.smaller_text, name="smaller-text")
        self.smaller.setAccessibleName(tr("smaller_text", language))
        self.bigger = push_button("A+", navigator.bigger_text, name="bigger-text")
        self.bigger.setAccessibleName(tr("bigger_text", language))
        self.bigger.setStyleSheet(f"font-size: {theme.control_px(38)}px;")
        self.add_control(self.smaller)
        self.add_control(self.bigger)
        self.read_aloud = self._toggle(
            tr("read_aloud", language), "fa5s.volume-up", navigator.toggle_read_aloud, "read-aloud"
        )
        self.read_aloud.setVisible(can_read_aloud)
        self.volume = self._toggle(
            tr("volume", language), "fa5s.volume-down", navigator.change_volume, "volume"
        )
        self.volume.setCheckable(False)
        self.volume.setVisible(False)  # only while read aloud is on
        self._language = language
        self.high_contrast = self._toggle(
            tr("high_contrast", language), "fa5s.adjust", navigator.toggle_high_contrast, "high-contrast"
        )
        self.high_contrast.setAccessibleName(tr("high_contrast_name", language))
        self.add_control(self.read_aloud)
        # First in the right-aligned group: when it appears, nothing a patient just tapped moves.
        self.controls.insertWidget(0, self.volume)
        self.add_control(self.high_contrast)
        self.staff_slot = QHBoxLayout()
        row.addSpacing(theme.px(8))
        row.addLayout(self.staff_slot)
        # Empty until the staff entry fills it (`set_staff_widget`): nothing here ever leaves the kiosk.
        self.staff_widget: QWidget = QWidget()
        self.staff_slot.addWidget(self.staff_widget)
        self._built = True
        self._arrange()

    def _toggle(self, text: str, icon_name: str, on_tap: Callable[[], None], name: str) -> QToolButton:
        """An on/off control: icon over a short word; when on it is filled (light on the dark bar)."""
        theme = self.theme
        size = theme.px(34)
        icon = QIcon()
        for colour, state in ((theme.palette.on_bar, QIcon.State.Off), (theme.palette.bar, QIcon.State.On)):
            icon.addPixmap(resources.icon(icon_name, colour).pixmap(size, size), QIcon.Mode.Normal, state)
        button = QToolButton()
        button.setObjectName(name)
        button.setProperty("tappable", True)
        button.setText(text)
        button.setAccessibleName(text)
        button.setIcon(icon)
        button.setIconSize(QSize(size, size))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        button.setCheckable(True)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # keys and switches only: a tap never gives focus
        button.clicked.connect(lambda _checked=False: on_tap())
        return button

    def add_control(self, widget: QWidget) -> None:
        self.controls.addWidget(widget)
        self._arrange()

    def set_staff_widget(self, widget: QWidget) -> None:
        """Put the staff entry's widget (an empty corner, or the no-PIN note) in the bar."""
        self.staff_slot.removeWidget(self.staff_widget)
        self.staff_widget.hide()
        self.staff_widget.deleteLater()
        self.staff_widget = widget
        self.staff_slot.addWidget(widget)
        self._arrange()

    def _needs_two_rows(self, width: int) -> bool:
        """Whether the patient controls fit beside Home, Back and Get help now in `width` px."""
        if not self.theme.landscape:
            return True  # a portrait screen is too narrow for every control in one row
        left = [self.home, self.back, self.get_help, self.staff_widget]
        for widget in [*left, *self.controls_box.findChildren(QWidget)]:
            widget.ensurePolished()
        shown = [widget for widget in left if not widget.isHidden()]
        margins = self._column.contentsMargins()
        needed = (
            sum(widget.sizeHint().width() for widget in shown)
            + self._row.spacing() * (len(shown) + 1)
            + self.controls.sizeHint().width()
            + self.theme.px(8)
            + margins.left()
            + margins.right()
        )
        return needed > width

    def _arrange(self) -> None:
        """One row when everything fits, else the patient controls on a second row; the bar is as
        tall as its rows' tallest control (words under an icon are taller with large text)."""
        if not self._built:
            return
        # The bar spans the window the theme was made for; its own width may lag (hidden on the
        # start screen, or not laid out yet), and a bar that grew from a lagging width would
        # make the window grow.
        two_rows = self._needs_two_rows(self.theme.width)
        if two_rows != self.two_rows:
            self.two_rows = two_rows
            if two_rows:
                self._row.removeWidget(self.controls_box)
                self._second.addWidget(self.controls_box)
            else:
                self._second.removeWidget(self.controls_box)
                # before the gap that leads to the staff slot
                self._row.insertWidget(self._row.indexOf(self.staff_slot) - 1, self.controls_box)
        pad = self.theme.px(12)
        first = max(w.sizeHint().height() for w in (self.home, self.back, self.get_help, self.staff_widget))
        second = self.controls_box.sizeHint().height()
        if two_rows:
            height = max(self.row_height, first + pad) + second + pad
        else:
            height = max(self.row_height, max(first, second) + pad)
        self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def showEvent(self, event: QShowEvent) -> None:
        """First among the window's children, whenever it was made: a screen reader reads the bar
        (Home, Back ...) before the screen, as it is seen."""
        super().showEvent(event)
        self.lower()

    def show_state(self, snapshot: Snapshot) -> None:
        at_home = snapshot.route == HOME and not snapshot.history
        self.back.setEnabled(not at_home)
        self.smaller.setEnabled(can_make_text_smaller(snapshot))
        self.bigger.setEnabled(can_make_text_bigger(snapshot))
        # The state decides, not the tap: an idle reset turns both off again.
        self.read_aloud.setChecked(snapshot.read_aloud)
        self.volume.setVisible(snapshot.read_aloud and not self.read_aloud.isHidden())
        self.volume.setAccessibleName(
            tr("volume_of", self._language, number=snapshot.volume, count=VOLUME_STEPS)
        )
        icon = "fa5s.volume-up" if snapshot.volume == VOLUME_STEPS else "fa5s.volume-down"
        if snapshot.volume == 1:
            icon = "fa5s.volume-off"
        self.volume.setIcon(resources.icon(icon, self.theme.palette.on_bar))
        self.high_contrast.setChecked(snapshot.high_contrast)
        self._arrange()
