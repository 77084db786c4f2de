"""The staff panel: pack facts and checks, usage counts from route changes, reload, and its layout."""

from __future__ import annotations

import shutil
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from layout_check import layout_problems
from PySide6.QtWidgets import QLabel
from uihelpers import load, settle

from kiosk.session.settings_checks import check_site
from kiosk.session.state import TextSize
from kiosk.session.usage import add_counts, read_counts

MINI = Path(__file__).resolve().parents[1] / "packs" / "mini"
SIZES = [(1920, 1080), (1080, 1920), (1280, 800)]


def panel_text(operated: Any, name: str) -> str:
    return operated.window.overlay.current.findChild(QLabel, name).text()


def test_the_panel_shows_the_pack_its_review_dates_and_its_checks(operate: Any) -> None:
    operated = operate()
    operated.op.staff.open_panel()
    panel = operated.window.overlay.current
    assert panel_text(operated, "PackInfo-Pack") == "Mini pack (mini)"
    assert panel_text(operated, "PackInfo-Version") == "1.0.0"
    assert panel_text(operated, "PackInfo-Reviewed") == "2026-01-15 by Test Nurse, RN"
    assert panel_text(operated, "PackInfo-Nextreview") == "2099-12-31"
    assert panel_text(operated, "PackChecks") == "Checking the pack\u2026"
    panel.run_checks()
    assert panel.wait_for_checks()
    assert panel_text(operated, "PackChecks").startswith("Checks: ")
    assert "error" not in panel_text(operated, "PackChecks")


def test_the_panel_shows_the_clinic_details_and_warns_while_no_emergency_number_is_set(
    operate: Any,
) -> None:
    site = check_site(
        {"clinic": {"name": "Riverside", "phone": "555-0100", "take_home_url": "https://example.org/a"}}
    )
    operated = operate(site=site)
    operated.op.staff.open_panel()
    line = panel_text(operated, "SiteInfo")
    assert "Riverside" in line and "555-0100" in line and "https://example.org/a" in line
    assert "Emergency number: not set" in line and "hours: not set" in line
    operated.op.staff.close()

    configured = operate(site=check_site({"emergency": {"number": "112"}}))
    configured.op.staff.open_panel()
    assert panel_text(configured, "SiteInfo").startswith("Emergency number: 112.")


def test_a_draft_pack_says_it_is_not_yet_reviewed(operate: Any, tmp_path: Path) -> None:
    copy = tmp_path / "pack"
    shutil.copytree(MINI, copy)
    manifest = copy / "pack.yaml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(
        text[: text.index("review:\n")] + "review:\n  status: draft\n" + text[text.index("topics:\n") :]
    )
    operated = operate(pack=load(copy))
    operated.op.staff.open_panel()
    assert panel_text(operated, "PackInfo-Reviewed") == "Not yet reviewed by a clinician (draft)"
    assert operated.window.overlay.current.findChild(QLabel, "PackInfo-Nextreview") is None


def test_a_pack_with_problems_says_how_many(operate: Any, tmp_path: Path) -> None:
    copy = tmp_path / "pack"
    shutil.copytree(MINI, copy)
    (copy / "images" / "unused.svg").write_text((copy / "images" / "circle.svg").read_text())
    operated = operate(pack=load(copy))
    operated.op.staff.open_panel()
    operated.window.overlay.current.run_checks()
    assert operated.window.overlay.current.wait_for_checks()
    assert "1 warning" in panel_text(operated, "PackChecks")


def test_every_topic_and_page_opened_is_counted_once_and_nothing_else(operate: Any, tmp_path: Path) -> None:
    operated = operate()
    kiosk = operated.kiosk
    kiosk.tap("AttractScreen")
    kiosk.tap("topic/basics")
    kiosk.tap("page/basics/what-is-it")
    kiosk.tap("next")
    kiosk.tap("home")
    kiosk.tap("topic/basics")
    operated.op.shutdown()  # writes what is left
    counts = {row.page: row.count for row in read_counts(tmp_path / "usage.sqlite3")}
    assert counts == {"topic/basics": 2, "page/basics/what-is-it": 1, "page/basics/symptoms": 1}
    assert {row.day for row in read_counts(tmp_path / "usage.sqlite3")} == {date.today().isoformat()}


def test_the_panel_lists_views_of_the_last_days(operate: Any, tmp_path: Path) -> None:
    add_counts(
        tmp_path / "usage.sqlite3",
        Counter(
            {
                ("2026-11-24", "mini", "1.0.0", "page/basics/what-is-it"): 12,
                ("2026-11-24", "mini", "1.0.0", "topic/basics"): 5,
                ("2026-11-25", "mini", "1.0.0", "page/help/emergency"): 3,
            }
        ),
    )
    operated = operate()
    operated.op.staff.open_panel()
    assert panel_text(operated, "UsageViews-2026-11-24") == "17"
    assert panel_text(operated, "UsageViews-2026-11-25") == "3"
    texts = [label.text() for label in operated.window.overlay.current.findChildren(QLabel)]
    assert "What is it?" in texts or any("what" in text.lower() for text in texts)


def test_no_views_yet_is_said_plainly(operate: Any) -> None:
    operated = operate(usage=False)
    operated.op.staff.open_panel()
    assert panel_text(operated, "UsageEmpty") == "No page views recorded yet."


def test_reload_puts_a_changed_pack_live_and_refuses_a_broken_one(operate: Any, tmp_path: Path) -> None:
    copy = tmp_path / "pack"
    shutil.copytree(MINI, copy)
    operated = operate(pack=load(copy))
    operated.kiosk.tap("AttractScreen")
    manifest = copy / "pack.yaml"
    manifest.write_text(manifest.read_text().replace('version: "1.0.0"', 'version: "1.1.0"'))
    operated.op.staff.open_panel()
    operated.kiosk.tap("staff-reload")
    assert panel_text(operated, "StaffMessage") == "Pack reloaded: version 1.1.0."
    assert operated.window.pack.manifest.version == "1.1.0"
    manifest.write_text("id: [broken\n")
    operated.kiosk.tap("staff-reload")
    assert "was not loaded" in panel_text(operated, "StaffMessage")
    assert operated.window.pack.manifest.version == "1.1.0"
    assert operated.dialog() == "staff-panel"


@pytest.mark.parametrize("text_size", [TextSize.NORMAL, TextSize.LARGEST], ids=["100", "175"])
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
@pytest.mark.parametrize("dialog", ["pin-pad", "pin-locked", "staff-panel", "setup-panel"])
def test_staff_dialogs_fit_every_screen(
    operate: Any, tmp_path: Path, bundled_pack_dir: Any, dialog: str, size: tuple[int, int], text_size: Any
) -> None:
    add_counts(
        tmp_path / "usage.sqlite3",
        Counter(
            {(f"2026-11-{day:02}", "back", "1.0", "page/what-is-it/what-is-it"): day for day in range(10, 25)}
        ),
    )
    operated = operate(pack=load(bundled_pack_dir), size=size, with_pin=dialog != "setup-panel")
    operated.kiosk.tap("AttractScreen")
    operated.window.navigator.set_text_size(text_size)
    settle()
    staff = operated.op.staff
    if dialog.startswith("pin"):
        staff.open_pad()
        if dialog == "pin-locked":
            pad = operated.window.overlay.current
            for _ in range(5):
                pad.digits = "1111"
                pad.enter()
    else:
        staff.open_panel()
        operated.window.overlay.current.run_checks()
        operated.window.overlay.current.wait_for_checks()
    settle()
    min_target = 72 if size == (1920, 1080) else 48
    card = operated.window.overlay.current
    problems = layout_problems(operated.window.overlay, min_target)
    if card.height() > operated.window.height():
        problems.append(f"the dialog is {card.height()} px tall on a {operated.window.height()} px screen")
    assert not problems, "\n".join(problems)


def test_the_panel_checks_in_the_background_with_progress(operate: Any, tmp_path: Path, qtbot: Any) -> None:
    from kiosk.content.generate import write_generated_pack

    big = write_generated_pack(tmp_path / "big", 120)
    operated = operate(pack=load(big))
    operated.op.staff.open_panel()
    panel = operated.window.overlay.current
    seen: list[tuple[int, int]] = []
    panel.run_checks()
    panel._check.progress.connect(lambda done, total: seen.append((done, total)))
    assert panel_text(operated, "PackChecks") == "Checking the pack\u2026"  # the panel did not wait
    assert panel.wait_for_checks()
    assert panel_text(operated, "PackChecks").startswith("Checks: ")
    assert seen and seen[-1][1] == 120 and seen[-1][0] < 120
