"""What the pack store commands share: opening the store the settings describe, and messages."""

from __future__ import annotations

import sys

from kiosk.session.settings import Settings, load_settings
from kiosk.store.config import open_store
from kiosk.store.packstore import PackStore, StoreError
from kiosk.store.text import printable

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


def settings_and_store(command: str) -> tuple[Settings, PackStore] | None:
    """The settings (problems printed as warnings) and the store; None after printing why not."""
    loaded = load_settings()
    for problem in loaded.problems:
        print(f"kiosk {command}: warning: settings: {printable(problem)}", file=sys.stderr)
    try:
        return loaded.settings, open_store(loaded.settings)
    except StoreError as error:
        print(f"kiosk {command}: {printable(error)}", file=sys.stderr)
        return None
