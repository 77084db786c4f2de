"""Staff screens speak the screen's language: the PIN pad and the staff panel take their words from
the same strings table as the patient screens, so a kiosk showing Spanish opens them in Spanish."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from layout_check import layout_problems
from operation_helpers import PIN
from PySide6.QtWidgets import QAbstractButton, QLabel
from uihelpers import load, settle

from kiosk.content.pack import Pack
from kiosk.session.usage import add_counts


def button_text(operated: Any, name: str) -> str:
    return operated.window.overlay.current.findChild(QAbstractButton, name).text()


def label_text(operated: Any, name: str) -> str:
    return operated.window.overlay.current.findChild(QLabel, name).text()


def in_spanish(operated: Any) -> None:
    operated.kiosk.tap("AttractScreen")
    operated.window.navigator.set_language("es")
    settle()


def test_the_pin_pad_is_in_spanish_on_a_spanish_screen(operate: Any) -> None:
    operated = operate()
    in_spanish(operated)
    operated.op.staff.open()
    assert operated.dialog() == "pin-pad"
    assert button_text(operated, "pin-enter") == "Entrar"
    assert button_text(operated, "pin-clear") == "Borrar"
    assert button_text(operated, "pin-cancel") == "Cancelar"
    assert label_text(operated, "PinMessage").startswith("Escriba el PIN del personal")
    for digit in "1357":
        operated.kiosk.tap(f"pin-{digit}")
    operated.kiosk.tap("pin-enter")
    assert label_text(operated, "PinMessage") == "PIN incorrecto. Quedan 4 intentos."
    for digit in PIN:
        operated.kiosk.tap(f"pin-{digit}")
    operated.kiosk.tap("pin-enter")
    assert operated.dialog() == "staff-panel"
    assert button_text(operated, "staff-exit") == "Salir"
    assert button_text(operated, "staff-return") == "Volver al quiosco"
    assert button_text(operated, "staff-reload") == "Recargar paquete"


def test_the_staff_panel_is_in_spanish_on_a_spanish_screen(operate: Any) -> None:
    operated = operate()
    in_spanish(operated)
    operated.op.staff.open_panel()
    panel = operated.window.overlay.current
    assert label_text(operated, "PackInfo-Reviewed") == "2026-01-15 por Test Nurse, RN"
    assert label_text(operated, "UsageEmpty") == "Aún no hay páginas vistas."
    assert label_text(operated, "PackChecks") == "Revisando el paquete\u2026"
    panel.run_checks()
    assert panel.wait_for_checks()
    assert label_text(operated, "PackChecks").startswith("Revisión: ")
    texts = [label.text() for label in panel.findChildren(QLabel)]
    assert "Panel del personal" in texts and "Paquete de contenido" in texts
    assert not any(english in texts for english in ("Staff panel", "Content pack", "Version", "Folder"))


def test_the_staff_screens_stay_english_on_an_english_screen(operate: Any) -> None:
    operated = operate()
    operated.op.staff.open()
    assert button_text(operated, "pin-enter") == "Enter"
    operated.op.staff.open_panel()
    assert button_text(operated, "staff-exit") == "Exit the kiosk"


SIZES = [(1920, 1080), (1080, 1920), (1280, 800)]


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
@pytest.mark.parametrize("dialog", ["pin-locked", "staff-panel", "setup-panel"])
def test_spanish_staff_dialogs_fit_every_screen(
    operate: Any, tmp_path: Path, bundled_pack_dir: Path, dialog: str, size: tuple[int, int]
) -> None:
    """Spanish words are longer: nothing is cut off, no button shrinks below a finger's size."""
    add_counts(
        tmp_path / "usage.sqlite3",
        Counter(
            {(f"2026-11-{day:02}", "back", "1.0", "page/what-is-it/what-is-it"): day for day in range(10, 25)}
        ),
    )
    pack: Pack = load(bundled_pack_dir)
    operated = operate(pack=pack, size=size, with_pin=dialog != "setup-panel")
    in_spanish(operated)
    staff = operated.op.staff
    if dialog == "pin-locked":
        staff.open_pad()
        pad = operated.window.overlay.current
        for _ in range(5):
            pad.digits = "1111"
            pad.enter()
        assert label_text(operated, "PinMessage").startswith("Demasiados intentos incorrectos")
    else:
        staff.open_panel()
        operated.window.overlay.current.run_checks()
        assert operated.window.overlay.current.wait_for_checks()
        shown = [label.text() for label in operated.window.overlay.current.findChildren(QLabel)]
        assert "mar 24 nov" in shown  # days of the usage table in Spanish
    settle()
    card = operated.window.overlay.current
    problems = layout_problems(operated.window.overlay, 72 if size == (1920, 1080) else 48)
    if card.height() > operated.window.height():
        problems.append(f"the dialog is {card.height()} px tall on a {operated.window.height()} px screen")
    assert not problems, "\n".join(problems)
