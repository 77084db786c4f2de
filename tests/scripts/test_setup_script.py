"""scripts/setup.sh runs pip only when pyproject.toml or setup.py changed since the last install.

The script runs on a copy of the checkout's packaging files, with a stand-in `.venv/bin/python`
that only notes how it was called, so no package is installed and the test takes about a second.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    (tmp_path / "scripts").mkdir()
    shutil.copy(REPO_ROOT / "scripts" / "setup.sh", tmp_path / "scripts" / "setup.sh")
    for name in ("pyproject.toml", "setup.py"):
        shutil.copy(REPO_ROOT / name, tmp_path / name)
    bin_dir = tmp_path / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    python = bin_dir / "python"
    python.write_text(f'#!/bin/sh\necho "$@" >> "{tmp_path}/python-calls"\n')
    python.chmod(0o755)
    kiosk = bin_dir / "kiosk"
    kiosk.write_text("#!/bin/sh\n")
    kiosk.chmod(0o755)
    return tmp_path


def run_setup(checkout: Path) -> list[str]:
    """Run setup.sh; return the pip commands it ran this time."""
    calls = checkout / "python-calls"
    calls.unlink(missing_ok=True)
    result = subprocess.run(
        ["bash", str(checkout / "scripts" / "setup.sh")], capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr
    return calls.read_text().splitlines() if calls.exists() else []


def test_pip_runs_once_then_only_when_the_package_description_changes(checkout: Path) -> None:
    first = run_setup(checkout)
    assert any("install -q -e .[test]" in call for call in first), first
    assert run_setup(checkout) == []  # nothing changed: no pip at all
    with (checkout / "pyproject.toml").open("a") as pyproject:
        pyproject.write("\n# a new dependency would go here\n")
    assert any("install -q -e .[test]" in call for call in run_setup(checkout))
    assert run_setup(checkout) == []


def test_a_missing_kiosk_command_means_pip_runs_again(checkout: Path) -> None:
    run_setup(checkout)
    (checkout / ".venv" / "bin" / "kiosk").unlink()
    assert any("install" in call for call in run_setup(checkout))
