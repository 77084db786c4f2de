"""Take-home QR: the code on the page decodes, with a real decoder, to exactly the address staff set."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QWidget
from uihelpers import Kiosk, load, settle

from kiosk.cli import main
from kiosk.session.settings_checks import check_site
from kiosk.session.site import SiteDetails
from kiosk.session.state import AppState, Route, Snapshot
from kiosk.ui.main_window import MainWindow
from kiosk.ui.take_home import QrCode, address_in_words

MINI = Path(__file__).resolve().parents[1] / "packs" / "mini"
BUNDLED = Path(__file__).resolve().parents[2] / "resources" / "packs" / "lower-back-pinched-nerve"
CLINIC_PAGE = "https://example.org/patients/back-pain?lang=en&from=kiosk"


def decode(image_file: Path) -> list[str]:
    """Every QR code zbarimg finds in the picture (zbar-tools is installed by scripts/setup.sh)."""
    done = subprocess.run(
        ["zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", str(image_file)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    return [line for line in done.stdout.splitlines() if line]


def window_on(qtbot: Any, pack_dir: Path, route: Route, site: SiteDetails, **snapshot: Any) -> MainWindow:
    window = MainWindow(AppState(Snapshot(route=route, **snapshot)), load(pack_dir), site=site)
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    qtbot.waitExposed(window)
    settle()
    return window


def shown_code(window: MainWindow, tmp_path: Path) -> tuple[QrCode, list[str]]:
    code = window.current_screen.findChild(QrCode)  # type: ignore[union-attr]
    assert code is not None and code.isVisible()
    target = tmp_path / "code.png"
    assert code.grab().save(str(target))
    return code, decode(target)


def test_the_clinic_address_is_drawn_as_a_code_that_decodes_to_exactly_it(qtbot: Any, tmp_path: Path) -> None:
    site = check_site({"clinic": {"take_home_url": CLINIC_PAGE}})
    window = window_on(qtbot, MINI, Route("page", topic="basics", page="what-is-it"), site)

    code, decoded = shown_code(window, tmp_path)

    assert decoded == [CLINIC_PAGE]
    line = window.current_screen.findChild(QLabel, "TakeHomeLine")  # type: ignore[union-attr]
    assert line.text() == "Scan to read this at home"
    address = window.current_screen.findChild(QLabel, "TakeHomeAddress")  # type: ignore[union-attr]
    assert address.text().replace("\u200b", "") == "example.org/patients/back-pain?lang=en&from=kiosk"
    before = window.state.current.route
    Kiosk(window).finger.tap(code.mapTo(window, code.rect().center()))
    assert window.state.current.route == before  # a tap on the code opens nothing


def test_a_page_address_beats_its_topic_and_the_topic_beats_the_clinic(qtbot: Any, tmp_path: Path) -> None:
    pack = Path(shutil.copytree(MINI, tmp_path / "pack"))
    manifest = pack / "pack.yaml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(
        text.replace("  - id: basics\n", "  - id: basics\n    take_home: https://example.org/topic\n")
    )
    page = pack / "pages" / "symptoms.en.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("---\n", "---\ntake_home: https://example.org/page\n", 1)
    )
    site = check_site({"clinic": {"take_home_url": CLINIC_PAGE}})

    on_page = window_on(qtbot, pack, Route("page", topic="basics", page="symptoms"), site)
    assert shown_code(on_page, tmp_path)[1] == ["https://example.org/page"]
    on_topic = window_on(qtbot, pack, Route("page", topic="basics", page="what-is-it"), site)
    assert shown_code(on_topic, tmp_path)[1] == ["https://example.org/topic"]
    elsewhere = window_on(qtbot, pack, Route("page", topic="help", page="when-to-call"), site)
    assert shown_code(elsewhere, tmp_path)[1] == [CLINIC_PAGE]


def test_without_any_address_no_code_is_shown(qtbot: Any) -> None:
    window = window_on(qtbot, MINI, Route("page", topic="basics", page="what-is-it"), SiteDetails())
    assert window.current_screen.findChild(QrCode) is None  # type: ignore[union-attr]
    assert window.current_screen.findChild(QWidget, "TakeHome") is None  # type: ignore[union-attr]


def test_long_addresses_can_wrap_between_their_parts() -> None:
    words = address_in_words("https://www.example.org/a/very-long/path/")
    assert words.replace("\u200b", "") == "example.org/a/very-long/path"
    assert words.count("\u200b") >= 5


@pytest.mark.parametrize("size", ["1920x1080", "1080x1920", "1280x800"])
def test_screenshots_with_a_settings_file_show_a_code_that_decodes_to_its_address(
    tmp_path: Path, size: str
) -> None:
    settings = tmp_path / "kiosk.toml"
    settings.write_text(
        f'[clinic]\nphone = "555-0100"\ntake_home_url = "{CLINIC_PAGE}"\n\n[emergency]\nnumber = "112"\n',
        encoding="utf-8",
    )
    out = tmp_path / "shots"

    code = main(
        [
            "screenshots",
            str(BUNDLED),
            "--out",
            str(out),
            "--size",
            size,
            "--text-size",
            "175",
            "--settings",
            str(settings),
        ]
    )

    assert code == 0
    assert decode(out / "page--about--what-is-it.png") == [CLINIC_PAGE]
