"""The systemd units and the GNOME Kiosk script in deploy/: restarts, staff exit, hardening, and a
`kiosk` found on PATH or through KIOSK_COMMAND, never at a path inside one particular checkout."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
from collections import defaultdict
from pathlib import Path

import pytest

from kiosk.commands.run import STAFF_EXIT_STATUS

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
UNITS = ["clinic-kiosk.service", "clinic-kiosk-cage.service"]

Unit = dict[str, dict[str, list[str]]]


def parse_unit(path: Path) -> Unit:
    """Sections -> key -> every value given (systemd allows a key more than once)."""
    unit: Unit = defaultdict(lambda: defaultdict(list))
    section = ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            continue
        key, _, value = line.partition("=")
        assert section and _, f"{path.name}: not a key=value line: {raw!r}"
        unit[section][key.strip()].append(value.strip())
    return unit


def one(unit: Unit, key: str, section: str = "Service") -> str:
    [value] = unit[section][key]
    return value


@pytest.fixture(params=UNITS)
def unit(request: pytest.FixtureRequest) -> Unit:
    return parse_unit(DEPLOY / request.param)


def test_the_kiosk_always_comes_back_except_after_staff_exit(unit: Unit) -> None:
    assert one(unit, "Restart") == "always"
    assert one(unit, "StartLimitIntervalSec", "Unit") == "0"
    assert one(unit, "Type") == "notify" and int(one(unit, "WatchdogSec")) > 0
    assert str(STAFF_EXIT_STATUS) in one(unit, "RestartPreventExitStatus").split()
    assert str(STAFF_EXIT_STATUS) in one(unit, "SuccessExitStatus").split()  # a stop, not a failure


def test_the_units_are_hardened(unit: Unit) -> None:
    service = unit["Service"]
    expected = {
        "NoNewPrivileges": "yes",
        "ProtectSystem": "strict",
        "ProtectHome": "read-only",
        "PrivateTmp": "yes",
        "UMask": "0077",
        "SystemCallFilter": "@system-service",
        "IPAddressDeny": "any",
    }
    assert {key: service[key] for key in expected} == {key: [value] for key, value in expected.items()}
    families = one(unit, "RestrictAddressFamilies").split()
    assert "AF_UNIX" in families and not {"AF_INET", "AF_INET6", "AF_PACKET"} & set(families)
    writable = " ".join(service["ReadWritePaths"])
    assert ".local/share/clinic-kiosk" in writable and ".local/state/clinic-kiosk" in writable
    assert one(unit, "OnFailure", "Unit") == "clinic-kiosk-failure@%n.service"
    assert (DEPLOY / "clinic-kiosk-failure@.service").exists()


def test_no_unit_names_a_checkout_path(unit: Unit) -> None:
    for key in ("ExecStart", "ExecStartPre"):
        for value in unit["Service"][key]:
            assert "clinic-kiosk/.venv" not in value and "/bin/kiosk" not in value, value


def exec_start_argv(unit: Unit) -> list[str]:
    """ExecStart as the process will get it: systemd turns `$$` into `$` (no variables of its own)."""
    command = one(unit, "ExecStart").lstrip("+-!@:")
    assert not re.search(r"(?<!\$)\$\{", command.replace("$$", "")), "systemd would expand this itself"
    return shlex.split(command.replace("$$", "$"))


def test_the_cage_unit_hands_the_watchdog_to_the_kiosk() -> None:
    argv = exec_start_argv(parse_unit(DEPLOY / "clinic-kiosk-cage.service"))
    assert argv[:3] == ["/usr/bin/cage", "-d", "--"]
    assert argv[3:6] == ["/usr/bin/env", "-u", "WATCHDOG_PID"]


def fake_program(folder: Path, name: str) -> Path:
    """A stand-in that prints how it was called."""
    folder.mkdir(parents=True, exist_ok=True)
    program = folder / name
    program.write_text(f'#!/bin/sh\necho "{name} $*"\n')
    program.chmod(0o755)
    return program


@pytest.mark.parametrize("name", UNITS)
def test_exec_start_finds_kiosk_on_path_or_in_kiosk_command(name: str, tmp_path: Path) -> None:
    argv = exec_start_argv(parse_unit(DEPLOY / name))
    shell = argv[argv.index("/bin/sh") :]  # what runs inside cage (or directly)
    bin_folder = tmp_path / ".local" / "bin"
    fake_program(bin_folder, "kiosk")
    base = {"PATH": f"{bin_folder}:/usr/bin:/bin"}
    found = subprocess.run(shell, env=base, capture_output=True, text=True, check=True, timeout=30)
    assert found.stdout == "kiosk run\n"
    venv_kiosk = fake_program(tmp_path / "venv" / "bin", "venv-kiosk")
    chosen = subprocess.run(
        shell,
        env={**base, "KIOSK_COMMAND": str(venv_kiosk)},
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    )
    assert chosen.stdout == "venv-kiosk run\n"
    path_entries = one(parse_unit(DEPLOY / name), "Environment").removeprefix("PATH=").split(":")
    assert path_entries[0].endswith("/.local/bin")  # where pipx installs `kiosk`


def test_the_gnome_kiosk_script_runs_the_unit_or_else_kiosk_itself(tmp_path: Path) -> None:
    script = DEPLOY / "gnome-kiosk-script"
    assert os.access(script, os.X_OK)
    home = tmp_path / "home"
    fake_program(home / ".local" / "bin", "kiosk")
    tools = tmp_path / "tools"
    tools.mkdir()
    (tools / "systemctl").write_text('#!/bin/sh\n[ "$2" = cat ] && exit 1\necho "systemctl $*"\n')
    (tools / "systemctl").chmod(0o755)
    env = {"HOME": str(home), "PATH": f"{tools}:/usr/bin:/bin"}
    without_unit = subprocess.run(
        [str(script)], env=env, capture_output=True, text=True, check=True, timeout=30
    )
    assert without_unit.stdout.splitlines()[-1] == "kiosk run"
    (tools / "systemctl").write_text('#!/bin/sh\necho "systemctl $*"\n')
    with_unit = subprocess.run([str(script)], env=env, capture_output=True, text=True, check=True, timeout=30)
    assert with_unit.stdout.splitlines()[-1] == "systemctl --user start --wait clinic-kiosk.service"
