"""Where the kiosk keeps its settings, usage counts and logs, and how it writes files safely.

The locations follow the platform's conventions (through platformdirs), so the same code finds
`~/.config/clinic-kiosk` on Linux and `%APPDATA%` on Windows. Each can be moved with an
environment variable, which deployments use to put everything on one partition and tests use to
work in a temporary folder.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

import platformdirs

APP_NAME = "clinic-kiosk"
CONFIG_DIR_ENV = "KIOSK_CONFIG_DIR"
DATA_DIR_ENV = "KIOSK_DATA_DIR"
LOG_DIR_ENV = "KIOSK_LOG_DIR"

SETTINGS_FILE_NAME = "kiosk.toml"
USAGE_DB_NAME = "usage.sqlite3"
PIN_LOCKOUT_FILE_NAME = "pin-lockout.json"
LOG_FILE_NAME = "kiosk.log"


def _from_env(variable: str) -> Path | None:
    value = os.environ.get(variable, "").strip()
    return Path(value).expanduser() if value else None


def config_dir() -> Path:
    """Folder of `kiosk.toml`: `$KIOSK_CONFIG_DIR`, else the platform's user config folder."""
    return _from_env(CONFIG_DIR_ENV) or platformdirs.user_config_path(APP_NAME)


def data_dir() -> Path:
    """Folder of the usage counts and the PIN lockout state: `$KIOSK_DATA_DIR`, else user data."""
    return _from_env(DATA_DIR_ENV) or platformdirs.user_data_path(APP_NAME)


def log_dir() -> Path:
    """Folder of the rotating log: `$KIOSK_LOG_DIR`, else the platform's user log folder."""
    return _from_env(LOG_DIR_ENV) or platformdirs.user_log_path(APP_NAME)


def checked_index_dir() -> Path:
    """Where the checked-pack index keeps packs that passed their checks (`content.checked_index`)."""
    return data_dir() / "checked-packs"


def settings_file() -> Path:
    return config_dir() / SETTINGS_FILE_NAME


def usage_db_file() -> Path:
    return data_dir() / USAGE_DB_NAME


def pin_lockout_file() -> Path:
    return data_dir() / PIN_LOCKOUT_FILE_NAME


_KINDS = {
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFDIR: "a folder",
}


def regular_file_problem(path: Path) -> str | None:
    """Why `path` cannot be used as a data file, or None if it is a regular file or absent.

    Only `stat` is used, which never blocks: opening a named pipe to read it would wait for a
    writer for ever, before the kiosk has told systemd it is up. Symbolic links are followed, so a
    link to a regular file is fine.
    """
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return None
    except OSError as error:
        return f"{path} cannot be examined ({error.strerror or error})"
    if stat.S_ISREG(mode):
        return None
    kind = _KINDS.get(stat.S_IFMT(mode), "not a regular file")
    return f"{path} is {kind}, not a regular file"


def write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that a power cut leaves either the old or the new file.

    The bytes go to a temporary file in the same folder, are flushed to disk, and the temporary
    file is then renamed over the target (`os.replace` is atomic on one file system).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows opening a folder (not Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
