"""The kiosk as IT installs it: a wheel built from this checkout, in a fresh environment, run from `/`.

`python -m build` makes the sdist and then the wheel from that sdist (so the sdist must carry the
bundled pack too). The wheel goes, non-editable, into a new virtual environment that borrows the
test environment's installed libraries through a .pth file instead of downloading them, so the
whole check takes seconds. From `/` (nowhere near the checkout) the installed `kiosk` must report
its version, validate and render its bundled pack, and start in a window under Xvfb.
"""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import sysconfig
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from xserver import xvfb

import kiosk

pytestmark = pytest.mark.e2e

REPO_ROOT = Path(__file__).resolve().parents[2]
BUNDLED_SOURCE = REPO_ROOT / "resources" / "packs"
TIMEOUT = 300  # generous: only so a hang fails instead of blocking the run


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist and wheel of this checkout, built offline with the backend installed for the tests."""
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(REPO_ROOT)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return out


@pytest.fixture(scope="module")
def installed(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with the wheel installed (not editable); returns its bin folder."""
    venv = tmp_path_factory.mktemp("installed") / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=TIMEOUT)
    python = venv / "bin" / "python"
    wheel = next(built.glob("*.whl"))
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "-q",
            "--no-deps",
            "--no-index",
            str(wheel),
        ],
        check=True,
        timeout=TIMEOUT,
    )
    # The libraries the kiosk needs come from the test environment, after the venv's own packages.
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
        timeout=TIMEOUT,
    ).stdout.strip()
    (Path(site) / "borrowed-test-libraries.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return venv / "bin"


def run_installed(bin_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [str(bin_dir / "kiosk"), *args], cwd="/", env=env, capture_output=True, text=True, timeout=TIMEOUT
    )


def test_the_wheel_and_sdist_carry_every_file_of_the_bundled_pack(built: Path) -> None:
    sources = {
        path.relative_to(BUNDLED_SOURCE).as_posix()
        for path in BUNDLED_SOURCE.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    assert "lower-back-pinched-nerve/pack.yaml" in sources
    with zipfile.ZipFile(next(built.glob("*.whl"))) as wheel:
        in_wheel = {
            name.removeprefix("kiosk/bundled/packs/")
            for name in wheel.namelist()
            if name.startswith("kiosk/bundled/packs/")
        }
        licence = [name for name in wheel.namelist() if name.endswith("licenses/LICENSE")]
    assert sources <= in_wheel, sorted(sources - in_wheel)[:10]
    assert licence, "the wheel has no LICENSE"
    import tarfile

    with tarfile.open(next(built.glob("*.tar.gz"))) as sdist:
        in_sdist = {
            name.split("/resources/packs/", 1)[1] for name in sdist.getnames() if "/resources/packs/" in name
        }
    assert sources <= in_sdist, sorted(sources - in_sdist)[:10]


def test_the_installed_kiosk_uses_its_own_copy_not_the_checkout(installed: Path) -> None:
    venv = installed.parent
    python = installed / "python"
    found = subprocess.run(
        [
            str(python),
            "-c",
            "import kiosk, kiosk.content.bundled as b; print(kiosk.__file__); print(b.bundled_pack_dir())",
        ],
        cwd="/",
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert found.returncode == 0, found.stderr
    module, pack = (Path(line) for line in found.stdout.split())
    assert module.is_relative_to(venv) and pack.is_relative_to(venv), found.stdout
    assert (pack / "pack.yaml").is_file()


def test_the_installed_kiosk_reports_its_version(installed: Path) -> None:
    result = run_installed(installed, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"kiosk {kiosk.__version__}"


def test_the_installed_kiosk_validates_its_bundled_pack(installed: Path) -> None:
    result = run_installed(installed, "validate", "--bundled")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors" in result.stdout


def test_the_installed_kiosk_renders_its_bundled_pack(installed: Path, tmp_path: Path) -> None:
    out = tmp_path / "shots"
    result = run_installed(installed, "screenshots", "--bundled", "--out", str(out), "--size", "1280x800")
    assert result.returncode == 0, result.stdout + result.stderr
    home = QImage(str(out / "home.png"))
    assert (home.width(), home.height()) == (1280, 800)
    colours = {home.pixel(x, y) for x in range(0, 1280, 16) for y in range(0, 800, 16)}
    assert len(colours) > 20, f"home.png looks blank ({len(colours)} colours)"
    assert len(list(out.glob("page--*.png"))) >= 10


@pytest.fixture
def display() -> Iterator[str]:
    with xvfb(1280, 800) as name:
        yield name


def test_the_installed_kiosk_starts_and_shows_its_first_screen(installed: Path, display: str) -> None:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env["DISPLAY"] = display
    process = subprocess.Popen(
        [str(installed / "kiosk"), "--windowed", "--size", "1280x800", "--log-level", "debug"],
        cwd="/",
        env=env,
        text=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    lines: queue.Queue[str] = queue.Queue()

    def read() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            lines.put(line.rstrip("\n"))

    threading.Thread(target=read, daemon=True).start()
    seen: list[str] = []
    deadline = time.monotonic() + TIMEOUT
    try:
        while time.monotonic() < deadline and not any("kiosk ready" in line for line in seen):
            try:
                seen.append(lines.get(timeout=0.5))
            except queue.Empty:
                if process.poll() is not None:
                    break
        assert any("route: attract" in line for line in seen), "\n".join(seen[-30:])
        assert any("kiosk ready" in line for line in seen), "\n".join(seen[-30:])
        assert not any("refused" in line for line in seen), "\n".join(seen[-30:])
        assert any("no staff PIN is set" in line for line in seen)  # the warning at every start
        assert process.poll() is None, "the kiosk stopped by itself"
    finally:
        process.terminate()
        process.wait(timeout=30)
