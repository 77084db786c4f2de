"""`--compare-chromium`: the kiosk beside Chromium in kiosk mode, on the same machine in one run.

A browser kiosk (Chromium `--kiosk`, FullPageOS) is what a clinic would use instead. Both are
started fresh, alternately, on the same display: the kiosk through `kiosk run`, Chromium on an
HTML page made from the same pack page (its title, text and picture, in the kiosk's font). Each
is timed from spawn to its first painted frame, then left to settle and its memory is summed over
all its processes (PSS, `/proc/<pid>/smaps_rollup`). Without a `chromium` binary the comparison
is skipped and says so.
"""

from __future__ import annotations

import contextlib
import html
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from kiosk.bench.processes import child_environment, first_paint_ms

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
FLAGS = [
    "--kiosk",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--enable-logging=stderr",
    "--v=0",
]
FIRST_FRAME = "KIOSK_BENCH_FIRST_FRAME"
"""Logged by the page's script once its first frame has been drawn (two animation frames in)."""


def find_chromium() -> str | None:
    return next((found for name in CHROMIUM_NAMES if (found := shutil.which(name))), None)


def page_html(folder: Path) -> Path:
    """Write `index.html` for the bundled pack's first page into `folder` (with its picture and the
    kiosk's font copied beside it) and return its path."""
    from kiosk.content.bundled import bundled_pack_dir, bundled_root
    from kiosk.content.loader import load_pack

    pack = load_pack(bundled_pack_dir()).pack
    if pack is None:
        raise RuntimeError("the bundled pack does not load")
    topic = pack.manifest.topics[0]
    page = pack.pages[(topic.pages[0], pack.default_language)]
    picture = pack.media_path(str(page.front.illustration))
    shutil.copy(picture, folder / f"picture{picture.suffix}")
    fonts = bundled_root() / "fonts"
    (folder / "font.ttf").write_bytes((fonts / "KioskHyperlegible-Regular.ttf").read_bytes())
    (folder / "font-bold.ttf").write_bytes((fonts / "KioskHyperlegible-Bold.ttf").read_bytes())
    document = f"""<!doctype html>
<html lang="{page.language}"><head><meta charset="utf-8"><title>{html.escape(page.title)}</title>
<style>
@font-face {{ font-family: Kiosk; src: url(font.ttf); }}
@font-face {{ font-family: Kiosk; font-weight: bold; src: url(font-bold.ttf); }}
body {{ margin: 0; background: #f7f3ee; color: #1f2933; font: 28px/1.5 Kiosk, sans-serif; }}
header {{ height: 96px; background: #24507a; }}
main {{ display: flex; gap: 48px; padding: 48px; }}
img {{ width: 40%; }}
h1 {{ font-size: 44px; margin-top: 0; }}
</style></head>
<body><header></header><main>
<img src="picture{picture.suffix}" alt="{html.escape(page.front.illustration_alt)}">
<div><h1>{html.escape(page.title)}</h1>{page.body_html}</div>
</main>
<script>
requestAnimationFrame(() => requestAnimationFrame(() => console.log("{FIRST_FRAME}")));
</script>
</body></html>
"""
    target = folder / "index.html"
    target.write_text(document, encoding="utf-8")
    return target


def _descendants(root: int) -> list[int]:
    """`root` and every process below it (by parent id in /proc)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                parents[int(entry.name)] = int(fields[1])
            except (OSError, IndexError, ValueError):
                continue
    found, frontier = [root], [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent]
        found += children
        frontier += children
    return found


def tree_pss_mb(root: int) -> float:
    """PSS of `root` and all its descendants, in MB."""
    total_kib = 0
    for pid in _descendants(root):
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total_kib += int(line.split()[1])
                    break
        except OSError:
            continue
    return round(total_kib / 1024, 1)


def _stop(process: subprocess.Popen[Any]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def chromium_run(binary: str, page: Path, settle_s: float, timeout_s: float = 60) -> dict[str, float]:
    """One fresh Chromium: ms from spawn to the page's first frame, and PSS after `settle_s`."""
    env = child_environment()
    platform = ["--ozone-platform=x11"] if env.get("DISPLAY") else ["--ozone-platform=headless"]
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-chromium-") as profile:
        command = [binary, *FLAGS, *platform, f"--user-data-dir={profile}", page.as_uri()]
        spawned = time.perf_counter()
        process = subprocess.Popen(
            command,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            start_new_session=True,
        )
        painted = threading.Event()
        stamp: list[float] = []

        def watch() -> None:
            assert process.stderr is not None
            for line in process.stderr:  # keep reading, so Chromium never blocks on a full pipe
                if FIRST_FRAME in line and not stamp:
                    stamp.append(time.perf_counter())
                    painted.set()

        threading.Thread(target=watch, daemon=True).start()
        try:
            if not painted.wait(timeout_s):
                raise RuntimeError(f"Chromium showed no frame in {timeout_s:.0f} s")
            time.sleep(settle_s)
            return {"first_frame_ms": (stamp[0] - spawned) * 1000, "pss_mb": tree_pss_mb(process.pid)}
        finally:
            _stop(process)


def kiosk_settled_pss_mb(settle_s: float) -> float:
    """PSS of a fresh `kiosk run` (all its processes) `settle_s` after its start."""
    command = [sys.executable, "-m", "kiosk", "run", "--log-level", "warning"]
    process = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=child_environment(),
        start_new_session=True,
    )
    try:
        time.sleep(settle_s)
        if process.poll() is not None:
            raise RuntimeError(f"kiosk run exited {process.returncode} before it settled")
        return tree_pss_mb(process.pid)
    finally:
        _stop(process)


def compare(runs: int, settle_s: float = 5.0) -> dict[str, Any]:
    """The side-by-side figures, or `{"skipped": reason}` without Chromium."""
    binary = find_chromium()
    if binary is None:
        return {"skipped": "no chromium binary on PATH"}
    kiosk_frames, kiosk_pss, chromium_frames, chromium_pss = [], [], [], []
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-page-") as folder:
        page = page_html(Path(folder))
        chromium_run(binary, page, 0)  # warm the disk cache once, as for the start figures
        for _ in range(runs):
            kiosk_frames.append(first_paint_ms("app"))
            kiosk_pss.append(kiosk_settled_pss_mb(settle_s))
            browser = chromium_run(binary, page, settle_s)
            chromium_frames.append(browser["first_frame_ms"])
            chromium_pss.append(browser["pss_mb"])
    kiosk_frame, chromium_frame = statistics.median(kiosk_frames), statistics.median(chromium_frames)
    kiosk_memory, chromium_memory = statistics.median(kiosk_pss), statistics.median(chromium_pss)
    return {
        "chromium": binary,
        "runs": runs,
        "kiosk_first_frame_ms": round(kiosk_frame, 1),
        "chromium_first_frame_ms": round(chromium_frame, 1),
        "first_frame_ratio": round(kiosk_frame / chromium_frame, 2),
        "kiosk_pss_mb": round(kiosk_memory, 1),
        "chromium_pss_mb": round(chromium_memory, 1),
        "pss_ratio": round(kiosk_memory / chromium_memory, 2),
    }
