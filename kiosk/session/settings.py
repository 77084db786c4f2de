"""Kiosk settings: one TOML file staff can read, checked field by field, never fatal.

The file lives at `paths.settings_file()` (`kiosk.toml` in the platform config folder, or in
`$KIOSK_CONFIG_DIR`). Every key is optional. A broken file must not keep the waiting-room screen
dark, so loading never raises: each problem becomes a `SettingsProblem` naming the file and line,
and the affected value falls back to its default while the good values are kept. A syntax error
loses the whole file; in that case staff entry is closed (not opened in setup mode) until the
file is fixed, because the PIN could not be read.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli_w

from kiosk.content.escape import escape
from kiosk.content.json_records import code_stamp, from_json, to_json
from kiosk.session.paths import data_dir, regular_file_problem, settings_file, write_atomically
from kiosk.session.site import Clinic, Emergency, SiteDetails

log = logging.getLogger(__name__)

MAX_SETTINGS_BYTES = 64 * 1024
"""A settings file is a dozen lines; anything far larger is refused before it is parsed."""
MAX_SETTINGS_NESTING = 32
"""Brackets inside brackets; the settings are flat, and deep nesting would exhaust the parser."""

CHECKED_SETTINGS_NAME = "settings-checked.json"
"""In the data folder: the outcome of the last check of the settings file, with the file's digest.
A start with the same file (and the same kiosk) takes it from here instead of checking it again,
which is what keeps pydantic out of the start (`settings_checks` holds the checks)."""


MAX_CHECKED_SETTINGS_BYTES = 4 * MAX_SETTINGS_BYTES
"""A kept check larger than this (a file of thousands of unknown keys) is not kept, nor read."""

PATH_SETTINGS = ("pack", "pack_store", "inbox", "status_folder")
"""Settings naming a folder; relative ones count from the settings file's folder."""


class SettingsError(ValueError):
    """Settings given on the command line (or by code) that cannot be used; the message says why."""


@dataclass(frozen=True, kw_only=True)
class Settings:
    """What the kiosk reads at start, checked. Defaults are what a fresh install needs; ranges and
    formats are checked by `settings_checks.SettingsModel`."""

    idle_seconds: int = 90
    """Seconds without a touch before the "Are you still reading?" question appears."""
    warning_seconds: int = 20
    """Seconds the question stays before the reset; at least 20 (WCAG 2.2.1 Timing Adjustable)."""
    pack: Path | None = None
    """Content pack folder; relative paths count from the settings file's folder. None: bundled pack."""
    pin_hash: str | None = None
    """Salted hash written by `kiosk set-pin`; None means setup mode (no PIN set yet)."""
    default_language: str = "en"
    """Language a fresh session starts in (and returns to after a reset)."""
    screen: str | int | None = None
    """Screen to fill: its name as the system reports it (e.g. "HDMI-1") or its number from 0."""
    switch_scan: bool = False
    """Single-switch scanning: one press starts a ring stepping through the controls, the next
    press chooses the ringed one (Space or Enter, which switch interfaces send)."""
    switch_scan_seconds: float = 2.0
    """How long the scanning ring stays on each control."""
    pack_store: Path | None = None
    """Folder of installed packs (`kiosk install`); None: `packs` in the data folder."""
    keep_old_packs: int = 3
    """How many earlier installed versions the pack store keeps for `kiosk rollback`."""
    inbox: Path | None = None
    """Folder a sync engine fills with packs (folders or zips); the kiosk installs what arrives."""
    inbox_check_seconds: int = 30
    """How often the running kiosk looks in its inbox (in the background)."""
    inbox_settle_seconds: int = 10
    """How long a pack in the inbox must stay unchanged before it is installed: sync engines write
    files one by one, and a pack taken half-written would be refused. Slow links need longer."""
    status_folder: Path | None = None
    """Folder where the kiosk writes `<kiosk_name>.json` (active pack, last refusal ...) for IT."""
    trusted_key: str | None = None
    """Public key (from `kiosk keygen`); when set, only packs signed with its private key go live."""
    kiosk_name: str | None = None
    """Name in the status file; None: the machine's host name."""
    clinic: Clinic = field(default_factory=Clinic)
    """The `[clinic]` table: name, phone, hours, front-desk words, take-home address (`session/site.py`)."""
    emergency: Emergency = field(default_factory=Emergency)
    """The `[emergency]` table: the number to call where the kiosk stands."""

    @property
    def site(self) -> SiteDetails:
        """The clinic's details, as pages and the staff panel show them."""
        return SiteDetails(clinic=self.clinic, emergency=self.emergency)

    @property
    def setup_mode(self) -> bool:
        """No PIN has been set: the staff panel guides setting one up."""
        return self.pin_hash is None

    def with_overrides(self, **flags: object) -> Settings:
        """A copy with command-line flags applied; flags that are None were not given.

        Raises `SettingsError` naming the flag when a value is out of range or of the wrong type.
        """
        given = {key: value for key, value in flags.items() if value is not None}
        if not given:
            return self
        unknown = sorted(set(given) - set(setting_names()))
        if unknown:
            raise SettingsError(f"unknown setting(s): {', '.join(unknown)}")
        from kiosk.session.settings_checks import check_overrides

        return check_overrides(self, given)


def setting_names() -> list[str]:
    """Every setting a file may hold, in the order they are documented."""
    return [setting.name for setting in dataclasses.fields(Settings)]


@dataclass(frozen=True)
class SettingsProblem:
    """One thing wrong with the settings file, said so staff can find and fix it."""

    path: Path
    line: int | None
    message: str

    def __str__(self) -> str:
        """One line, safe for a terminal and the log (keys and values from the file are escaped)."""
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return escape(f"{where}: {self.message}")


@dataclass(frozen=True)
class LoadedSettings:
    settings: Settings
    path: Path
    problems: tuple[SettingsProblem, ...] = ()
    pin_unreadable: bool = False
    """The file exists but its PIN could not be read: keep staff entry closed, not in setup mode."""

    @property
    def setup_mode(self) -> bool:
        return self.settings.setup_mode and not self.pin_unreadable


def load_settings(path: Path | None = None, checked_folder: Path | None = None) -> LoadedSettings:
    """Read the settings file; a missing file gives the defaults, a bad one defaults plus problems.

    A path that is not a regular file (a named pipe would block the reader for ever) is refused
    before it is opened. The outcome of checking the file is kept in `checked_folder` (default:
    the data folder), and used again while the file's bytes stay the same."""
    path = path or settings_file()
    not_regular = regular_file_problem(path)
    if not_regular is not None:
        problem = SettingsProblem(path, None, f"refused: {not_regular}; using defaults")
        return LoadedSettings(Settings(), path, (problem,), pin_unreadable=True)
    try:
        raw = _read_limited(path)
        text = raw.decode("utf-8")
    except FileNotFoundError:
        return LoadedSettings(Settings(), path)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        problem = SettingsProblem(path, None, f"cannot read the settings file ({error}); using defaults")
        return LoadedSettings(Settings(), path, (problem,), pin_unreadable=True)
    kept = CheckedSettings(checked_folder or data_dir(), path, raw)
    remembered = kept.read()
    if remembered is not None:
        return _with_links_followed(remembered)
    try:
        data = _parse_toml(text)
    except tomllib.TOMLDecodeError as error:
        problem = _syntax_problem(path, text, error, "using the default for every setting")
        return LoadedSettings(Settings(), path, (problem,), pin_unreadable=True)
    for key in PATH_SETTINGS:
        if isinstance(data.get(key), str) and data[key]:
            data[key] = str(path.parent / Path(data[key]).expanduser())
    from kiosk.session.settings_checks import check_file_values

    loaded = check_file_values(data, text, path)
    kept.write(loaded)
    return _with_links_followed(loaded)


def _with_links_followed(loaded: LoadedSettings) -> LoadedSettings:
    """Folder settings resolved at every start, never kept resolved: a `pack` that is a symbolic
    link staff switch to a new version is followed to where it points now."""
    settings = loaded.settings
    resolved: dict[str, Any] = {
        key: folder.resolve() for key in PATH_SETTINGS if isinstance(folder := getattr(settings, key), Path)
    }
    return dataclasses.replace(loaded, settings=dataclasses.replace(settings, **resolved))


class CheckedSettings:
    """The outcome of checking one settings file's bytes, kept as JSON for the next start.

    The record is found again only when the file's path, its sha256 digest and the kiosk's version
    are the same, and when every value has the type its setting has (`json_records`); anything else
    (no record, a damaged one, another file) means the file is checked again. A file with a syntax
    error is not kept: it is quick to find again, and must be reported each time."""

    def __init__(self, folder: Path, path: Path, raw: bytes) -> None:
        self.file = folder / CHECKED_SETTINGS_NAME
        self.stamp = {
            "kiosk": _checks_version(),
            "path": str(path.resolve()),
            "sha256": hashlib.sha256(raw).hexdigest(),
        }
        self.path = path

    def read(self) -> LoadedSettings | None:
        try:
            with self.file.open("rb") as stream:
                document = json.loads(stream.read(MAX_CHECKED_SETTINGS_BYTES))
            if not isinstance(document, dict) or document.get("stamp") != self.stamp:
                return None
            problems = tuple(
                SettingsProblem(self.path, _line_number(line), _expect_text(message))
                for line, message in document["problems"]
            )
            pin_unreadable = document["pin_unreadable"]
            if not isinstance(pin_unreadable, bool):
                raise ValueError("pin_unreadable is not true or false")
            settings = from_json(Settings, document["settings"])
        except FileNotFoundError:
            return None
        except Exception as error:  # damaged: the file is simply checked again
            log.warning(
                "checked settings %s unusable (%s); checking the settings file again", self.file, error
            )
            return None
        return LoadedSettings(settings, self.path, problems, pin_unreadable=pin_unreadable)

    def write(self, loaded: LoadedSettings) -> None:
        document = {
            "stamp": self.stamp,
            "settings": to_json(loaded.settings),
            "problems": [[problem.line, problem.message] for problem in loaded.problems],
            "pin_unreadable": loaded.pin_unreadable,
        }
        data = json.dumps(document, ensure_ascii=False).encode("utf-8")
        if len(data) > MAX_CHECKED_SETTINGS_BYTES:
            return  # thousands of problems: checked again at each start, as they are logged anyway
        try:
            write_atomically(self.file, data)
        except OSError as error:
            log.warning("could not keep the checked settings in %s: %s", self.file, error)


def _checks_version() -> str:
    """The kiosk's version and the size and time of the files that check settings: a kiosk whose
    checks changed (an upgrade, or a developer's edit) checks the settings file again."""
    here = Path(__file__).parent
    return code_stamp(here / name for name in ("settings.py", "settings_checks.py", "site.py", "pin.py"))


def _line_number(value: object) -> int | None:
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    raise ValueError("a problem's line is not a number")


def _expect_text(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError("a problem's message is not text")
    return value


def _read_limited(path: Path) -> bytes:
    """The file's bytes; ValueError when it is far larger than any settings file."""
    with path.open("rb") as stream:
        data = stream.read(MAX_SETTINGS_BYTES + 1)
    if len(data) > MAX_SETTINGS_BYTES:
        raise ValueError(f"the file is larger than {MAX_SETTINGS_BYTES // 1024} KB")
    return data


def _parse_toml(text: str) -> dict[str, Any]:
    """tomllib with a bound on nesting, so a file of brackets cannot exhaust the parser's stack."""
    depth = deepest = 0
    for character in text:
        if character in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif character in "]}":
            depth = max(0, depth - 1)
    if deepest > MAX_SETTINGS_NESTING:
        raise tomllib.TOMLDecodeError(
            f"values are nested more than {MAX_SETTINGS_NESTING} deep (at line 1, column 1)"
        )
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise tomllib.TOMLDecodeError("values are nested too deep (at line 1, column 1)") from None


def _syntax_problem(
    path: Path, text: str, error: tomllib.TOMLDecodeError, consequence: str
) -> SettingsProblem:
    """tomllib puts the place in its message: "(at line 3, column 5)" or "(at end of document)"."""
    message = str(error)
    match = re.search(r"\(at line (\d+), column \d+\)|\(at end of document\)", message)
    line: int | None = None
    if match:
        line = int(match.group(1)) if match.group(1) else max(1, len(text.splitlines()))
    reason = message[: match.start()].strip() if match else message
    return SettingsProblem(path, line, f"not valid TOML: {reason}; {consequence}")


def line_of(key: str, text: str) -> int | None:
    """The line where `key` is assigned at the top of the file, or its `[key]` table starts (TOML
    reports lines only for syntax)."""
    name = re.escape(key)
    pattern = re.compile(rf"^\s*(?:(?:{name}|\"{name}\")\s*=|\[\s*{name}\s*[\].])")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line):
            return number
    return None


def save_setting(key: str, value: str | int | None, path: Path | None = None) -> Path:
    """Set (or with None, remove) one top-level key in the settings file, atomically.

    Other keys and the staff's comments are kept: the one line holding `key` is replaced (or a
    line is added at the top). If that cannot be done safely the whole file is rewritten from its
    parsed content. Raises `SettingsError` when the file exists but is not valid TOML, because
    rewriting it would silently throw away what staff wrote there, and when the path is not a
    regular file (a named pipe, a device, a folder).
    """
    if key not in setting_names():
        raise SettingsError(f"unknown setting '{key}'")
    path = path or settings_file()
    not_regular = regular_file_problem(path)
    if not_regular is not None:  # opening a named pipe to read it would wait for ever
        raise SettingsError(f"{not_regular}; move it away, then try again (nothing was changed)")
    try:
        text = _read_limited(path).decode("utf-8")
    except FileNotFoundError:
        text = ""
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise SettingsError(f"{path}: cannot read the settings file ({error})") from None
    try:
        data = _parse_toml(text)
    except tomllib.TOMLDecodeError as error:
        raise SettingsError(str(_syntax_problem(path, text, error, "fix or delete the file first"))) from None
    wanted = {k: v for k, v in data.items() if k != key}
    if value is not None:
        wanted[key] = value
    new_text = _splice(text, key, value)
    if _parses_to(new_text, wanted) is False:
        new_text = tomli_w.dumps(wanted)
    write_atomically(path, new_text.encode("utf-8"))
    return path


def _splice(text: str, key: str, value: str | int | None) -> str:
    lines = text.splitlines(keepends=True)
    new_line = tomli_w.dumps({key: value}) if value is not None else ""
    number = line_of(key, text)
    if number is not None:
        lines[number - 1] = new_line
        return "".join(lines)
    if not new_line:
        return text
    insert_at = 0
    while insert_at < len(lines) and lines[insert_at].lstrip().startswith("#"):
        insert_at += 1  # after the file's opening comment block
    lines.insert(insert_at, new_line)
    return "".join(lines)


def _parses_to(text: str, wanted: dict[str, Any]) -> bool:
    try:
        return tomllib.loads(text) == wanted
    except tomllib.TOMLDecodeError:
        return False
