"""What the child process of the atomic-install test runs. Importing it loads the reading-level
dictionary in the test process, so every forked install starts warm and takes a fraction of a second."""

from __future__ import annotations

import os
from pathlib import Path

from kiosk.content.validator import reading_grade
from kiosk.store.packstore import PackStore

reading_grade("A short sentence to load the dictionary before the first install.")


def install(store_root: str, source: str) -> None:
    PackStore(Path(store_root)).install(Path(source), force=True)
    os._exit(0)  # a forked child leaves without running the test process's clean-up
