"""A newly installed pack goes live at a safe moment: at once on an untouched kiosk, otherwise at
the next idle reset, never while a patient reads. The staff panel says what shows and what was
refused. `--watch` previews follow every save."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel
from test_idle_reset import fire_idle_timer, read_a_page
from uihelpers import load

from kiosk.store.packstore import InstallRefused, PackStore
from kiosk.store.startup import choose_pack
from kiosk.ui.pack_switch import PackSwitcher
from kiosk.ui.preview_watch import PreviewReloader

MINI = Path(__file__).resolve().parents[1] / "packs" / "mini"
BUNDLED = Path(__file__).resolve().parents[2] / "resources" / "packs" / "lower-back-pinched-nerve"
BROKEN = Path(__file__).resolve().parents[1] / "broken_packs" / "missing-page-file"


def pack_copy(folder: Path, version: str, words: str = "") -> Path:
    shutil.copytree(MINI, folder)
    manifest = folder / "pack.yaml"
    manifest.write_text(manifest.read_text().replace('version: "1.0.0"', f'version: "{version}"'))
    if words:
        page = folder / "pages" / "what-is-it.en.md"
        page.write_text(page.read_text().replace("title: ", f"title: {words} ", 1))
    return folder


@pytest.fixture
def installed(tmp_path: Path, operate: Any) -> Iterator[tuple[Any, PackStore, PackSwitcher]]:
    """A kiosk on mini 1.0.0 installed in a store, with its switcher."""
    store = PackStore(tmp_path / "store")
    store.install(pack_copy(tmp_path / "v1", "1.0.0"))
    choice = choose_pack(store, bundled=BUNDLED)
    operated = operate(pack=choice.pack)
    switcher = PackSwitcher(operated.window, operated.op.policy, store, choice, bundled=BUNDLED)
    operated.op.staff.pack_report = switcher.report
    yield operated, store, switcher
    switcher.stop()


def showing(operated: Any) -> str:
    return str(operated.window.pack.manifest.version)


def test_a_new_pack_waits_for_the_idle_reset_while_a_patient_reads(
    installed: Any, qtbot: Any, tmp_path: Path
) -> None:
    operated, store, switcher = installed
    read_a_page(operated)
    store.install(pack_copy(tmp_path / "v2", "1.1.0", words="Fresh"))
    qtbot.waitUntil(lambda: switcher.pending is not None, timeout=10_000)
    assert showing(operated) == "1.0.0"
    assert operated.kiosk.route == "page/basics/what-is-it"  # nothing moved under the finger
    operated.clock.advance(90)
    fire_idle_timer(operated)
    assert showing(operated) == "1.0.0" and operated.dialog() == "idle-warning"
    operated.clock.advance(20)
    fire_idle_timer(operated)
    assert showing(operated) == "1.1.0"
    assert operated.kiosk.route == "attract"
    operated.kiosk.tap("AttractScreen")
    operated.kiosk.tap("topic/basics")
    assert operated.window.pack.page("what-is-it", "en").title.startswith("Fresh ")


def test_an_untouched_kiosk_switches_at_once(installed: Any, qtbot: Any, tmp_path: Path) -> None:
    operated, store, _switcher = installed
    store.install(pack_copy(tmp_path / "v2", "1.1.0"))
    qtbot.waitUntil(lambda: showing(operated) == "1.1.0", timeout=10_000)
    assert operated.kiosk.route == "attract"


def test_a_rollback_goes_live_too(installed: Any, qtbot: Any, tmp_path: Path) -> None:
    operated, store, _switcher = installed
    store.install(pack_copy(tmp_path / "v2", "1.1.0"))
    qtbot.waitUntil(lambda: showing(operated) == "1.1.0", timeout=10_000)
    store.rollback()
    qtbot.waitUntil(lambda: showing(operated) == "1.0.0", timeout=10_000)


def test_the_staff_panel_names_the_refused_pack_and_never_says_no_problems(
    installed: Any, tmp_path: Path
) -> None:
    operated, store, _switcher = installed
    with pytest.raises(InstallRefused):
        store.install(BROKEN)
    operated.op.staff.open_panel()
    panel = operated.window.overlay.current
    why = panel.findChild(QLabel, "PackInfo-Why").text()
    assert "Showing mini 1.0.0" in why
    refused = panel.findChild(QLabel, "PackInfo-Refused").text()
    assert "was refused at" in refused and ": error: " in refused
    panel.run_checks()
    assert panel.wait_for_checks()
    checks = panel.findChild(QLabel, "PackChecks").text()
    assert "no problems" not in checks and "refused" in checks


def test_watch_reloads_the_preview_on_save_and_keeps_the_last_good_version(
    operate: Any, qtbot: Any, tmp_path: Path
) -> None:
    folder = pack_copy(tmp_path / "draft", "0.1")
    operated = operate(pack=load(folder))
    operated.kiosk.tap("AttractScreen")
    operated.kiosk.tap("topic/basics")
    route = operated.kiosk.route
    reloader = PreviewReloader(operated.window, folder, quiet_ms=50)
    page = folder / "pages" / "what-is-it.en.md"
    with qtbot.waitSignal(reloader.reloaded, timeout=10_000) as reloaded:
        page.write_text(page.read_text().replace("title: ", "title: Edited ", 1))
    assert reloaded.args == [True]
    assert operated.window.pack.page("what-is-it", "en").title.startswith("Edited ")
    assert operated.kiosk.route == route  # the preview stays where staff were looking

    with qtbot.waitSignal(reloader.reloaded, timeout=10_000) as reloaded:
        (folder / "pack.yaml").write_text("id: [broken", encoding="utf-8")
    assert reloaded.args == [False]
    assert operated.window.pack.page("what-is-it", "en").title.startswith("Edited ")
    reloader.stop()


def test_a_pack_dropped_in_the_inbox_goes_live_and_the_status_file_says_so(
    tmp_path: Path, operate: Any, qtbot: Any
) -> None:
    import json

    store = PackStore(tmp_path / "store")
    choice = choose_pack(store, bundled=BUNDLED)
    operated = operate(pack=choice.pack)
    inbox, status = tmp_path / "inbox", tmp_path / "status"
    switcher = PackSwitcher(
        operated.window,
        operated.op.policy,
        store,
        choice,
        bundled=BUNDLED,
        inbox=inbox,
        status_folder=status,
        name="front-desk",
        inbox_settle_seconds=0,
    )
    try:
        assert switcher.inbox_timer.isActive()
        pack_copy(inbox / "mini-2.0", "2.0.0")
        switcher.look_in_inbox()
        qtbot.waitUntil(lambda: showing(operated) == "2.0.0", timeout=10_000)
        data = json.loads((status / "front-desk.json").read_text(encoding="utf-8"))
        assert data["showing"]["pack"] == "mini" and data["showing"]["version"] == "2.0.0"
        assert data["active"]["version"] == "2.0.0"
        assert (inbox / "installed" / "mini-2.0").is_dir()
    finally:
        switcher.stop()


def test_an_installed_pack_damaged_on_disk_is_refused_once_and_the_kiosk_stays(
    installed: Any, qtbot: Any, tmp_path: Path
) -> None:
    operated, store, switcher = installed
    switcher.watcher.blockSignals(True)  # install and damage it before the kiosk looks
    store.install(pack_copy(tmp_path / "v2", "1.1.0"))
    active = store.active()
    assert active is not None
    (active.folder / "pages" / "symptoms.en.md").unlink()
    switcher.watcher.blockSignals(False)
    switcher.check()
    qtbot.waitUntil(lambda: store.last_refusal() is not None and not switcher._checking, timeout=10_000)
    refusal = store.last_refusal()
    assert refusal is not None and refusal.what == "mini 1.1.0"
    stamp = store.refusal_file.stat().st_mtime_ns
    qtbot.wait(1_000)  # recording the refusal changed the store folder: it must not start a new check
    assert store.refusal_file.stat().st_mtime_ns == stamp and not switcher._checking
    assert showing(operated) == "1.0.0"


def test_with_an_unusable_trusted_key_the_inbox_is_left_alone(operate: Any, tmp_path: Path) -> None:
    from kiosk.session.settings import Settings
    from kiosk.ui.pack_start import follow_pack_changes, start_pack

    inbox = tmp_path / "inbox"
    pack_copy(inbox / "unsigned", "9.0.0")
    settings = Settings(trusted_key="not-a-key", inbox=inbox, pack_store=tmp_path / "store")
    started = start_pack(None, settings)
    assert not started.can_install and started.choice.origin == "bundled"
    operated = operate(pack=started.choice.pack)
    switcher = follow_pack_changes(started, operated.window, operated.op, settings, watch=False)
    assert isinstance(switcher, PackSwitcher)
    try:
        assert not switcher.inbox_timer.isActive()
        switcher.look_in_inbox()
        assert (inbox / "unsigned").is_dir() and started.store is not None and started.store.slots() == []
    finally:
        switcher.stop()


def test_after_a_start_on_the_last_good_pack_the_panel_names_the_refused_one(
    operate: Any, tmp_path: Path
) -> None:
    store = PackStore(tmp_path / "store")
    store.install(pack_copy(tmp_path / "v1", "1.0.0"))
    store.install(pack_copy(tmp_path / "v2", "1.1.0"))
    active = store.active()
    assert active is not None
    (active.folder / "pages" / "symptoms.en.md").unlink()
    choice = choose_pack(store, bundled=BUNDLED)
    assert choice.origin == "last-good"
    operated = operate(pack=choice.pack)
    switcher = PackSwitcher(operated.window, operated.op.policy, store, choice, bundled=BUNDLED)
    operated.op.staff.pack_report = switcher.report
    try:
        operated.op.staff.open_panel()
        panel = operated.window.overlay.current
        assert "Showing the last good pack, mini 1.0.0" in panel.findChild(QLabel, "PackInfo-Why").text()
        assert "mini 1.1.0 was refused at" in panel.findChild(QLabel, "PackInfo-Refused").text()
        panel.run_checks()
        assert panel.wait_for_checks()
        assert "no problems" not in panel.findChild(QLabel, "PackChecks").text()
    finally:
        switcher.stop()


def test_a_refusal_settled_by_a_later_install_is_not_reported(
    installed: Any, qtbot: Any, tmp_path: Path
) -> None:
    import json

    operated, store, switcher = installed
    with pytest.raises(InstallRefused):
        store.install(BROKEN)
    assert switcher.report()[1] is not None
    record = json.loads(store.refusal_file.read_text())
    store.refusal_file.write_text(json.dumps({**record, "at": "2026-01-01T00:00:00+00:00"}))  # long ago
    store.install(pack_copy(tmp_path / "v2", "1.1.0"))
    qtbot.waitUntil(lambda: showing(operated) == "1.1.0", timeout=10_000)
    assert switcher.report()[1] is None
