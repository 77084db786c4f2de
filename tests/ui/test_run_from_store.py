"""`kiosk run` after a restart: the installed pack, or, when it no longer passes its checks, the last
good one, with the reason in the log. The real command in a child process, offscreen."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from kiosk.store.packstore import PackStore

MINI = Path(__file__).resolve().parents[1] / "packs" / "mini"


def pack_copy(folder: Path, version: str) -> Path:
    shutil.copytree(MINI, folder)
    manifest = folder / "pack.yaml"
    manifest.write_text(manifest.read_text().replace('version: "1.0.0"', f'version: "{version}"'))
    return folder


def run_until_ready(env: dict[str, str], timeout: float = 60) -> str:
    """Start `kiosk run --windowed`, wait for 'kiosk ready' in its log, stop it, return the log."""
    child = subprocess.Popen(
        [sys.executable, "-m", "kiosk.cli", "run", "--windowed", "--size", "1280x800"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stderr is not None
    lines: list[str] = []
    deadline = time.monotonic() + timeout
    try:
        for line in child.stderr:
            lines.append(line)
            if "kiosk ready" in line or time.monotonic() > deadline:
                break
    finally:
        child.terminate()
        child.wait(timeout=30)
    return "".join(lines)


def test_restart_with_a_refused_active_pack_shows_the_last_good_one(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store = PackStore(data / "packs")
    store.install(pack_copy(tmp_path / "v1", "1.0.0"))
    store.install(pack_copy(tmp_path / "v2", "1.1.0"))
    active = store.active()
    assert active is not None
    (active.folder / "pages" / "symptoms.es.md").unlink()
    (active.folder / "pages" / "symptoms.en.md").unlink()  # the disk lost files since the install
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "KIOSK_SPEECH": "none",
        "KIOSK_DATA_DIR": str(data),
        "KIOSK_CONFIG_DIR": str(tmp_path / "config"),
        "KIOSK_LOG_DIR": str(tmp_path / "log"),
    }
    log = run_until_ready(env)
    assert "kiosk ready" in log
    assert "mini 1.1.0 refused" in log
    assert "showing last-good" in log and "Showing the last good pack, mini 1.0.0" in log
    refusal = store.last_refusal()
    assert refusal is not None and refusal.what == "mini 1.1.0" and "symptoms" in refusal.reasons[0]
