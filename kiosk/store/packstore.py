"""The pack store: one folder per installed pack version, and a pointer naming the active one.

```
<store>/current.json        {"active": "<slot>", "last_good": "<slot>"}, replaced atomically
<store>/slots/<slot>/pack/  the pack as installed (never changed afterwards)
<store>/slots/<slot>/slot.json   id, version, installed at, review dates, source
<store>/last-refusal.json   the last pack that was not put live, and why
```

Installing copies the pack into a hidden `.incoming-*` folder, checks the copy (the same checks as
`kiosk validate`, and the signature when a trusted key is set), renames it into place and only then
replaces the pointer. Killed at any moment, the store still points at a complete slot: the old one
or the new one. Leftover `.incoming-*` and `.trash-*` folders are cleared by the next install.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.content.checked_index import Fingerprint, fingerprint, write_index
from kiosk.store.copying import CopyRefused, copy_pack, sync_folder
from kiosk.store.pointer import Pointer, PointerError, read_pointer, write_pointer
from kiosk.store.records import (
    PACK_FOLDER,
    Refusal,
    SlotInfo,
    now_utc,
    read_refusal,
    read_slot_record,
    slot_info_for,
    write_refusal,
    write_slot_record,
)
from kiosk.store.source import SourceError, pack_folder
from kiosk.store.text import printable

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    from kiosk.content.validator import ValidationReport

# The checks (loader, validator, YAML) and signatures (cryptography) are imported by the methods
# that use them: `kiosk run` only reads the pointer and slot records before its first frame.

log = logging.getLogger(__name__)

DEFAULT_KEEP_OLD = 3
POINTER_FILE = "current.json"
REFUSAL_FILE = "last-refusal.json"
SLOTS_FOLDER = "slots"


class StoreError(RuntimeError):
    """A store command cannot be done (nothing to roll back to, a damaged pointer ...)."""


class InstallRefused(StoreError):
    """The pack was not installed; `reasons` are the lines to show (validator lines, signature ...)."""

    def __init__(self, what: str, reasons: list[str]) -> None:
        super().__init__(f"{what} was not installed")
        self.what = what
        self.reasons = reasons


class AlreadyActive(StoreError):
    """The pack offered is the active one, file for file: there is nothing to install.

    Not a refusal: a sync engine delivering the same zip twice, or staff installing it again,
    must not leave a "refused" mark behind."""

    def __init__(self, slot: SlotInfo) -> None:
        super().__init__(f"{slot.label} is already installed and active, with the same files; nothing to do")
        self.slot = slot


@dataclass(frozen=True)
class Installed:
    slot: SlotInfo
    previous: SlotInfo | None
    warnings: tuple[str, ...]


def _label_of_broken_pack(folder: Path) -> str | None:
    """'heel-pain 1.2.0' read from a pack that failed its checks, when its pack.yaml says so much;
    staff recognise a pack by its id and version more readily than by a folder or zip name."""
    from kiosk.content.loader import MANIFEST
    from kiosk.content.textfiles import MAX_MANIFEST_BYTES, read_text
    from kiosk.content.yamltext import parse_yaml

    text = read_text(folder, MANIFEST, MAX_MANIFEST_BYTES)
    if not isinstance(text, str):
        return None
    document = parse_yaml(text)
    data = getattr(document, "data", None)
    if not isinstance(data, dict):
        return None
    pack_id, version = data.get("id"), data.get("version")
    if isinstance(pack_id, str) and isinstance(version, str) and pack_id and version:
        return printable(f"{pack_id} {version}", limit=80)
    return None


def _same_files(first: Path, second: Path) -> bool:
    """Whether two pack folders hold the same files (paths and SHA-256; `pack.sig` aside)."""
    from kiosk.store.signing import SignatureError, manifest

    try:
        return manifest(first) == manifest(second)
    except (OSError, SignatureError):
        return False


def _remember_checked(report: ValidationReport, files: Fingerprint, final: Path) -> None:
    """Write the checked-pack index for the pack just checked, under the folder it will start from,
    so the kiosk's next start paints it without checking it again (`checked_index`)."""
    from kiosk.session.paths import checked_index_dir

    try:
        write_index(report.load_result(), checked_index_dir(), files, root=final)
    except OSError as error:  # the install itself is sound; the next start checks the pack in full
        log.warning("could not write the checked-pack index: %s", error)


def version_key(version: str) -> tuple[int, ...]:
    """'1.10.0' -> (1, 10, 0): versions compare by number, so 1.10 is newer than 1.9."""
    return tuple(int(part) for part in version.split(".") if part.isdigit())


class PackStore:
    def __init__(
        self,
        root: Path,
        *,
        keep_old: int = DEFAULT_KEEP_OLD,
        trusted_key: Ed25519PublicKey | None = None,
    ) -> None:
        self.root = root
        self.keep_old = max(1, keep_old)
        self.trusted_key = trusted_key
        self.pointer_file = root / POINTER_FILE
        self.slots_dir = root / SLOTS_FOLDER
        self.refusal_file = root / REFUSAL_FILE

    # --- reading --------------------------------------------------------------------------------

    def pointer(self) -> Pointer:
        try:
            return read_pointer(self.pointer_file)
        except PointerError as error:
            raise StoreError(f"{error}; install a pack again to replace it") from None

    def slot(self, name: str | None) -> SlotInfo | None:
        return read_slot_record(self.slots_dir / name) if name else None

    def slots(self) -> list[SlotInfo]:
        """Complete slots, oldest install first."""
        try:
            names = [entry.name for entry in self.slots_dir.iterdir() if not entry.name.startswith(".")]
        except FileNotFoundError:
            return []
        found = [info for info in (self.slot(name) for name in names) if info is not None]
        return sorted(found, key=lambda info: (info.stamp, info.name))

    def active(self) -> SlotInfo | None:
        return self.slot(self.pointer().active)

    def last_good(self) -> SlotInfo | None:
        return self.slot(self.pointer().last_good)

    def last_refusal(self) -> Refusal | None:
        return read_refusal(self.refusal_file)

    def record_refusal(self, what: str, source: str, reasons: list[str]) -> Refusal:
        refusal = Refusal(
            printable(what),
            now_utc().isoformat(timespec="seconds"),
            printable(source),
            tuple(printable(reason) for reason in reasons),
            pointer_changed_at=self._readable_pointer().changed_at or "",
        )
        self.root.mkdir(parents=True, exist_ok=True)
        write_refusal(self.refusal_file, refusal)
        return refusal

    # --- changing -------------------------------------------------------------------------------

    def install(self, source: Path, *, force: bool = False, today: dt.date | None = None) -> Installed:
        """Check the pack in `source` (folder or zip) and make it the active pack.

        Raises `InstallRefused` (and records the refusal) when it has errors, a bad or missing
        signature (with a trusted key set), or is not newer than the active version of the same
        pack (unless `force`; the same version with other files is refused the same way, unless
        the installed copy could no longer go live: then the new one repairs it). Raises
        `AlreadyActive`, recording nothing, when it is the active pack file for file. Nothing
        changes then.
        """
        with self._locked():
            self._clear_leftovers()
            incoming = self.slots_dir / f".incoming-{os.getpid()}-{now_utc().strftime('%Y%m%dT%H%M%S%f')}"
            try:
                info, warnings = self._check_into(source, incoming, force, today)
                final = self.slots_dir / info.name
                os.rename(incoming, final)
                sync_folder(self.slots_dir)
            except InstallRefused as refused:
                shutil.rmtree(incoming, ignore_errors=True)
                self.record_refusal(refused.what, str(source), refused.reasons)
                raise
            except BaseException:
                shutil.rmtree(incoming, ignore_errors=True)
                raise
            old = self._readable_pointer()
            previous = self.slot(old.active)
            replaced_whole = previous is not None and previous.label == info.label  # --force, same version
            last_good = old.active if previous is not None and not replaced_whole else old.last_good
            write_pointer(self.pointer_file, Pointer(active=info.name, last_good=last_good))
            self._prune()
        installed = self.slot(info.name)
        assert installed is not None
        return Installed(installed, previous, tuple(warnings))

    def _check_into(
        self, source: Path, incoming: Path, force: bool, today: dt.date | None
    ) -> tuple[SlotInfo, list[str]]:
        from kiosk.content.validator import validate_pack
        from kiosk.store.signing import SignatureError, verify_folder

        what = printable(source.name)
        try:
            with pack_folder(source) as folder:
                copy_pack(folder, incoming / PACK_FOLDER)
        except SourceError as error:
            raise InstallRefused(what, [error.line()]) from None
        except CopyRefused as error:
            raise InstallRefused(what, [str(error)]) from None
        files = fingerprint(incoming / PACK_FOLDER)  # before the check: see `checked_index`
        report = validate_pack(incoming / PACK_FOLDER, today)
        lines = [printable(problem.format()) for problem in report.problems]
        if report.pack is None:
            what = _label_of_broken_pack(incoming / PACK_FOLDER) or what
            raise InstallRefused(what, [line for line in lines if ": error: " in line] or lines)
        pack = report.pack
        what = f"{pack.id} {pack.manifest.version}"
        signed = False
        if self.trusted_key is not None:
            try:
                verify_folder(incoming / PACK_FOLDER, self.trusted_key)
            except SignatureError as error:
                raise InstallRefused(what, [str(error)]) from None
            signed = True
        current = self.slot(self._readable_pointer().active)
        if current is not None and current.label == what:
            same = _same_files(incoming / PACK_FOLDER, current.folder)
            if same and self.signature_problem(current.folder) is None:
                raise AlreadyActive(current)
            # Otherwise a damaged (or, under a trusted key, unsigned) installed copy is repaired.
            if not same and not force and self._intact(current):
                reason = (
                    f"{what} is already active, but this copy's files differ from it; raise version "
                    "in pack.yaml (so every kiosk reports which copy it shows), or use --force to replace it"
                )
                raise InstallRefused(what, [reason])
            force = True  # replacing this version is decided: forced, or repairing a damaged copy
        if (
            not force
            and current is not None
            and current.pack_id == pack.id
            and version_key(pack.manifest.version) <= version_key(current.version)
        ):
            raise InstallRefused(
                what,
                [
                    f"version {pack.manifest.version} is not newer than the active {current.label}; "
                    "raise version in pack.yaml, or use --force to install it anyway"
                ],
            )
        name = f"{pack.id}-{pack.manifest.version}-{now_utc().strftime('%Y%m%dT%H%M%S%f')}"
        info = slot_info_for(name, self.slots_dir / name, pack, printable(source), signed)
        write_slot_record(incoming, info)
        _remember_checked(report, files, self.slots_dir / name / PACK_FOLDER)
        return info, [line for line in lines if ": warning: " in line]

    def rollback(self) -> tuple[SlotInfo, SlotInfo | None]:
        """Make the last good pack active again; returns (now active, the one it replaced)."""
        from kiosk.content.loader import load_pack

        with self._locked():
            pointer = self.pointer()
            target = self.slot(pointer.last_good)
            if target is None:
                raise StoreError("there is no earlier pack to go back to")
            if load_pack(target.folder).pack is None:
                raise StoreError(f"the earlier pack {target.label} no longer passes its checks")
            unsigned = self.signature_problem(target.folder)
            if unsigned is not None:
                raise StoreError(f"the earlier pack {target.label} cannot go live: {unsigned}")
            replaced = self.slot(pointer.active)
            earlier = [
                info
                for info in self.slots()
                if info.stamp < target.stamp and info.name not in (target.name, pointer.active)
            ]
            new_last_good = earlier[-1].name if earlier else None
            write_pointer(self.pointer_file, Pointer(active=target.name, last_good=new_last_good))
        return target, replaced

    def _intact(self, slot: SlotInfo) -> bool:
        """Whether an installed slot could still go live: its checks and its signature pass."""
        from kiosk.content.loader import load_pack

        return self.signature_problem(slot.folder) is None and load_pack(slot.folder).pack is not None

    def signature_problem(self, folder: Path) -> str | None:
        """Why an installed pack may not be shown under this kiosk's trusted key (None: it may).

        A pack installed before the key was set stays in the store; rollback and start-up must not
        bring it back once only signed packs may show."""
        if self.trusted_key is None:
            return None
        from kiosk.store.signing import SignatureError, verify_folder

        try:
            verify_folder(folder, self.trusted_key)
        except SignatureError as error:
            return str(error)
        return None

    # --- housekeeping ---------------------------------------------------------------------------

    def _readable_pointer(self) -> Pointer:
        try:
            return read_pointer(self.pointer_file)
        except PointerError:
            return Pointer()  # a damaged pointer is replaced by the install that is under way

    def _prune(self) -> None:
        """Keep the active slot, the last good one, and the newest others up to `keep_old`; one slot
        per version, so a version installed again (after a rollback, or forced) is listed once."""
        pointer = self._readable_pointer()
        old = [info for info in reversed(self.slots()) if info.name != pointer.active]
        kept = {pointer.last_good} if pointer.last_good else set()
        labels = {info.label for info in (self.slot(pointer.active), self.slot(pointer.last_good)) if info}
        for info in old:
            if info.name in kept or info.label in labels:
                continue
            labels.add(info.label)
            if len(kept) < self.keep_old:
                kept.add(info.name)
        for info in old:
            if info.name not in kept:
                trash = self.slots_dir / f".trash-{info.name}"
                os.rename(self.slots_dir / info.name, trash)
                shutil.rmtree(trash, ignore_errors=True)

    def _clear_leftovers(self) -> None:
        """Remove what an install killed half-way left behind (never referenced by the pointer)."""
        with contextlib.suppress(FileNotFoundError):
            for entry in self.slots_dir.iterdir():
                if entry.name.startswith((".incoming-", ".trash-")):
                    shutil.rmtree(entry, ignore_errors=True)

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """One store change at a time (the inbox and a staff command may meet)."""
        self.slots_dir.mkdir(parents=True, exist_ok=True)
        try:
            import fcntl
        except ImportError:  # Windows: no advisory locks; store changes are rare enough
            yield
            return
        with open(self.root / ".lock", "a+b") as handle:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
