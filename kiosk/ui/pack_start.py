"""Which pack `kiosk run` starts on, and how it follows changes: the glue between the command, the
pack store and the window.

- `kiosk run --pack DIR|ZIP` is a preview of that pack (a zip is unpacked safely for the run);
  with `--watch` it reloads on every save.
- Otherwise the store decides (`store.startup.choose_pack`: active, else last good, else the
  settings' pack folder, else bundled), and a `PackSwitcher` follows installs, rollbacks and the
  inbox, switching at an idle reset.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.content import bundled
from kiosk.session.settings import Settings
from kiosk.store.config import open_store, store_root
from kiosk.store.packstore import PackStore, StoreError
from kiosk.store.source import KeptOpen, SourceError
from kiosk.store.startup import PackChoice, choose_pack
from kiosk.store.text import printable

if TYPE_CHECKING:
    from kiosk.ui.main_window import MainWindow
    from kiosk.ui.operation import KioskOperation
    from kiosk.ui.pack_switch import PackSwitcher
    from kiosk.ui.preview_watch import PreviewReloader

log = logging.getLogger(__name__)


@dataclass
class StartPack:
    choice: PackChoice
    store: PackStore | None
    kept: KeptOpen | None = None
    """The unpacked copy of a zip given with --pack; deleted when the kiosk quits."""
    can_install: bool = True
    """False when the store could only be opened for reading (an unusable trusted key): then the
    inbox is left alone, so a broken key never lets unsigned packs in."""

    def close(self) -> None:
        if self.kept is not None:
            self.kept.close()
            self.kept = None


def bundled_folder() -> Path | None:
    """The bundled pack's folder; None (logged) when the installed kiosk has lost its data."""
    try:
        return bundled.bundled_pack_dir()
    except bundled.BundledDataMissing as error:
        log.error("%s", error)
        return None


def open_store_for_showing(settings: Settings) -> tuple[PackStore, bool]:
    """The store, and whether it may install. With an unusable trusted key the installed packs
    (checked when they were installed) still show; installing waits until the key is fixed."""
    try:
        return open_store(settings), True
    except StoreError as error:
        log.error("%s; new packs cannot be installed until it is fixed", error)
        return PackStore(store_root(settings), keep_old=settings.keep_old_packs), False


def start_pack(preview: Path | None, settings: Settings) -> StartPack:
    store, can_install = open_store_for_showing(settings)
    kept = None
    if preview is not None:
        try:
            kept = KeptOpen(preview)
        except SourceError as error:
            log.error(
                "--pack %s cannot be used: %s; showing the installed pack instead",
                printable(preview),
                error.line(),
            )
    folder = kept.folder if kept is not None else None
    choice = choose_pack(
        None if folder is not None else store,
        bundled=bundled_folder(),
        preview=folder,
        configured=settings.pack,
    )
    return StartPack(choice, store, kept, can_install=can_install)


def follow_pack_changes(
    started: StartPack, window: MainWindow, operation: KioskOperation, settings: Settings, *, watch: bool
) -> PreviewReloader | PackSwitcher | None:
    """Preview with --watch: reload on save. Running from the store: switch at idle resets.

    `kiosk run` calls this after the first paint (`first_paint`): watching is not for the first frame."""
    from kiosk.ui.pack_switch import PackSwitcher
    from kiosk.ui.preview_watch import PreviewReloader

    summary = started.choice.summary()
    operation.staff.pack_report = lambda: (summary, None)
    if started.choice.origin == "preview":
        if not watch:
            return None
        assert started.choice.pack is not None
        return PreviewReloader(window, started.choice.pack.root)
    if watch:
        log.warning("--watch needs --pack with a pack folder; ignored")
    if started.store is None:
        return None
    switcher = PackSwitcher(
        window,
        operation.policy,
        started.store,
        started.choice,
        bundled=bundled_folder(),
        configured=settings.pack,
        inbox=settings.inbox if started.can_install else None,
        status_folder=settings.status_folder,
        name=settings.kiosk_name,
        inbox_interval_ms=settings.inbox_check_seconds * 1000,
        inbox_settle_seconds=settings.inbox_settle_seconds,
    )
    operation.staff.pack_report = switcher.report
    return switcher
