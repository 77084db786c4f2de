"""Killing `kiosk install` at any moment never leaves a half pack on screen.

An install runs in a child process that is killed (SIGKILL: no clean-up code runs) after a random
short delay, over and over, alternating between two versions with different content. After every
kill the store must point at a complete pack that is exactly one of the two versions and passes
its checks, and the next install must clear what the killed one left behind.
"""

from __future__ import annotations

import multiprocessing
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

import install_worker
import pytest
from store_helpers import fingerprint

from kiosk.content.loader import load_pack
from kiosk.store.packstore import PackStore

KILLS = 100

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and fork are POSIX")


def test_an_install_killed_at_random_moments_leaves_the_old_or_the_new_pack(
    pack_at: Callable[..., Path], tmp_path: Path
) -> None:
    context = multiprocessing.get_context("fork")  # a fork starts in milliseconds, warm
    root = tmp_path / "store"
    versions = [pack_at("1.0.0", words="Version A words."), pack_at("1.0.0", words="Version B words.")]
    prints = [fingerprint(folder) for folder in versions]
    assert prints[0] != prints[1]
    store = PackStore(root)

    def run_install(source: Path, kill_after: float | None) -> None:
        child = context.Process(target=install_worker.install, args=(str(root), str(source)))
        child.start()
        if kill_after is not None:
            time.sleep(kill_after)
            child.kill()
        child.join(timeout=60)
        assert child.exitcode is not None, "an install hung"

    run_install(versions[0], None)  # runs to the end
    started = time.monotonic()
    run_install(versions[1], None)  # times one whole install, to spread the kills over it
    full_install = time.monotonic() - started
    assert store.active() is not None

    rng = random.Random(20261204)  # Process.kill sends SIGKILL: no clean-up code runs
    outcomes = {"old": 0, "new": 0}
    for _ in range(KILLS):
        active = store.active()
        assert active is not None
        showing = prints.index(fingerprint(active.folder))
        run_install(versions[1 - showing], rng.uniform(0, full_install * 1.2))
        after = store.active()
        assert after is not None, "the store lost its active pack"
        after_print = fingerprint(after.folder)
        assert after_print in prints, "the active pack is a mix of two versions"
        assert load_pack(after.folder).pack is not None
        last_good = store.last_good()
        if last_good is not None:
            assert fingerprint(last_good.folder) in prints
        outcomes["new" if prints.index(after_print) != showing else "old"] += 1
    # The random delays reached both sides of the switch; otherwise the test proved nothing.
    assert outcomes["old"] > 0 and outcomes["new"] > 0, outcomes
    run_install(versions[0], None)
    assert not [entry for entry in store.slots_dir.iterdir() if entry.name.startswith(".")]
