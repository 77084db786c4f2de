"""Kiosk settings: one TOML file staff can read, checked field by field, never fatal.

The file lives at `paths.settings_file()` (`kiosk.toml` in the platform config folder, or in
`$KIOSK_CONFIG_DIR`). Every key is optional. A broken file must not keep the waiting-room screen
dark, so loading never raises: each problem becomes a `SettingsProblem` naming the file and line,
and the affected value falls back to its default while the good values are kept. A syntax error
loses the whole file; in that case staff entry is closed (not opened in setup mode) until the
file is fixed, because the PIN could not be read.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import tomli_w
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from kiosk.content.escape import escape
from kiosk.session.paths import settings_file, write_atomically
from kiosk.session.pin import parse_pin_hash
from kiosk.session.site import Clinic, Emergency, SiteDetails

MAX_SETTINGS_BYTES = 64 * 1024
"""A settings file is a dozen lines; anything far larger is refused before it is parsed."""
MAX_SETTINGS_NESTING = 32
"""Brackets inside brackets; the settings are flat, and deep nesting would exhaust the parser."""

LanguageCode = Annotated[str, Field(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]


PATH_SETTINGS = ("pack", "pack_store", "inbox", "status_folder")
"""Settings naming a folder; relative ones count from the settings file's folder."""


class SettingsError(ValueError):
    """Settings given on the command line (or by code) that cannot be used; the message says why."""


class Settings(BaseModel):
    """What the kiosk reads at start. Defaults are what a fresh install needs."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    idle_seconds: int = Field(default=90, ge=15, le=3600)
    """Seconds without a touch before the "Are you still reading?" question appears."""
    warning_seconds: int = Field(default=20, ge=20, le=300)
    """Seconds the question stays before the reset; at least 20 (WCAG 2.2.1 Timing Adjustable)."""
    pack: Path | None = None
    """Content pack folder; relative paths count from the settings file's folder. None: bundled pack."""
    pin_hash: str | None = None
    """Salted hash written by `kiosk set-pin`; None means setup mode (no PIN set yet)."""
    default_language: LanguageCode = "en"
    """Language a fresh session starts in (and returns to after a reset)."""
    screen: str | int | None = None
    """Screen to fill: its name as the system reports it (e.g. "HDMI-1") or its number from 0."""
    switch_scan: bool = False
    """Single-switch scanning: one press starts a ring stepping through the controls, the next
    press chooses the ringed one (Space or Enter, which switch interfaces send)."""
    switch_scan_seconds: float = Field(default=2.0, ge=0.5, le=10)
    """How long the scanning ring stays on each control."""
    pack_store: Path | None = None
    """Folder of installed packs (`kiosk install`); None: `packs` in the data folder."""
    keep_old_packs: int = Field(default=3, ge=1, le=20)
    """How many earlier installed versions the pack store keeps for `kiosk rollback`."""
    inbox: Path | None = None
    """Folder a sync engine fills with packs (folders or zips); the kiosk installs what arrives."""
    status_folder: Path | None = None
    """Folder where the kiosk writes `<kiosk_name>.json` (active pack, last refusal ...) for IT."""
    trusted_key: str | None = None
    """Public key (from `kiosk keygen`); when set, only packs signed with its private key go live."""
    kiosk_name: str | None = Field(default=None, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$")
    """Name in the status file; None: the machine's host name."""
    clinic: Clinic = Field(default_factory=Clinic)
    """The `[clinic]` table: name, phone, hours, front-desk words, take-home address (`session/site.py`)."""
    emergency: Emergency = Field(default_factory=Emergency)
    """The `[emergency]` table: the number to call where the kiosk stands."""

    @field_validator("pin_hash")
    @classmethod
    def _pin_hash_is_readable(cls, value: str | None) -> str | None:
        if value is not None:
            parse_pin_hash(value)
        return value

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
        unknown = sorted(set(given) - set(type(self).model_fields))
        if unknown:
            raise SettingsError(f"unknown setting(s): {', '.join(unknown)}")
        try:
            return type(self).model_validate({**self.model_dump(), **given})
        except ValidationError as error:
            raise SettingsError("; ".join(_describe(e) for e in error.errors())) from None


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


def load_settings(path: Path | None = None) -> LoadedSettings:
    """Read the settings file; a missing file gives the defaults, a bad one defaults plus problems."""
    path = path or settings_file()
    try:
        text = _read_limited(path)
    except FileNotFoundError:
        return LoadedSettings(Settings(), path)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        problem = SettingsProblem(path, None, f"cannot read the settings file ({error}); using defaults")
        return LoadedSettings(Settings(), path, (problem,), pin_unreadable=True)
    try:
        data = _parse_toml(text)
    except tomllib.TOMLDecodeError as error:
        problem = _syntax_problem(path, text, error, "using the default for every setting")
        return LoadedSettings(Settings(), path, (problem,), pin_unreadable=True)
    return _validate(data, text, path)


def _read_limited(path: Path) -> str:
    """The file's text; ValueError when it is far larger than any settings file."""
    with path.open("rb") as stream:
        data = stream.read(MAX_SETTINGS_BYTES + 1)
    if len(data) > MAX_SETTINGS_BYTES:
        raise ValueError(f"the file is larger than {MAX_SETTINGS_BYTES // 1024} KB")
    return data.decode("utf-8")


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


def _validate(data: dict[str, Any], text: str, path: Path) -> LoadedSettings:
    problems: list[SettingsProblem] = []
    for key in sorted(set(data) - set(Settings.model_fields)):
        known = ", ".join(Settings.model_fields)
        message = f"unknown setting '{key}' ignored (known settings: {known})"
        problems.append(SettingsProblem(path, _line_of(key, text), message))
        del data[key]
    for key in PATH_SETTINGS:
        if isinstance(data.get(key), str) and data[key]:
            data[key] = (path.parent / Path(data[key]).expanduser()).resolve()
    pin_unreadable = False
    try:
        settings = Settings.model_validate(data)
    except ValidationError as error:
        bad_keys: set[str] = set()
        for detail in error.errors():
            key = str(detail["loc"][0]) if detail["loc"] else ""
            bad_keys.add(key)
            default = Settings.model_fields[key].default if key in Settings.model_fields else None
            if key == "pin_hash":
                fallback = "no PIN is usable"
            elif key in ("clinic", "emergency"):
                fallback = f"the [{key}] details are not shown until this is fixed"
            else:
                fallback = f"using the default {default!r}"
            problems.append(SettingsProblem(path, _line_of(key, text), f"{_describe(detail)}; {fallback}"))
        pin_unreadable = "pin_hash" in bad_keys
        settings = Settings.model_validate({k: v for k, v in data.items() if k not in bad_keys})
    return LoadedSettings(settings, path, tuple(problems), pin_unreadable=pin_unreadable)


def _describe(detail: Any) -> str:
    key = ".".join(str(part) for part in detail["loc"]) or "settings"
    message = str(detail["msg"])
    if message.startswith("Value error, "):
        message = message.removeprefix("Value error, ")
    return f"{key}: {message} (got {detail['input']!r})" if "input" in detail else f"{key}: {message}"


def _line_of(key: str, text: str) -> int | None:
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
    rewriting it would silently throw away what staff wrote there.
    """
    if key not in Settings.model_fields:
        raise SettingsError(f"unknown setting '{key}'")
    path = path or settings_file()
    try:
        text = _read_limited(path)
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
    number = _line_of(key, text)
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
