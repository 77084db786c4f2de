"""The store as the settings describe it: where it lives, how many versions it keeps, whose
signature it trusts. Every command and the running kiosk open it the same way."""

from __future__ import annotations

import os
from pathlib import Path

from kiosk.session.paths import data_dir
from kiosk.session.settings import Settings
from kiosk.store.packstore import PackStore, StoreError

STORE_DIR_ENV = "KIOSK_PACK_STORE"
STORE_FOLDER_NAME = "packs"


def store_root(settings: Settings) -> Path:
    """`$KIOSK_PACK_STORE`, else the `pack_store` setting, else `packs` in the data folder."""
    value = os.environ.get(STORE_DIR_ENV, "").strip()
    if value:
        return Path(value).expanduser()
    return settings.pack_store or data_dir() / STORE_FOLDER_NAME


def open_store(settings: Settings) -> PackStore:
    """Raises `StoreError` when the trusted key in the settings cannot be used: a kiosk that was
    told to check signatures must not quietly stop checking them."""
    key = None
    if settings.trusted_key:
        from kiosk.store.signing import SignatureError, parse_public_key  # cryptography: only if set

        try:
            key = parse_public_key(settings.trusted_key)
        except SignatureError as error:
            raise StoreError(f"trusted_key setting: {error}") from None
    return PackStore(store_root(settings), keep_old=settings.keep_old_packs, trusted_key=key)
