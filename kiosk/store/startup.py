"""Which pack the kiosk shows at start, and a plain account of why, for the log and the staff panel.

Order: a pack given for preview (`kiosk run --pack`), else the store's active pack, else its last
good pack, else the `pack` folder in the settings, else the bundled pack. Every pack is checked
again before it is shown; one that fails is recorded as refused (with its first reasons), so the
staff panel can say "heel-pain 1.2 was refused at 07:02: pages/x.en.md:4: ..." instead of nothing.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.content.checked_index import load_checked
from kiosk.content.pack import Pack
from kiosk.session.paths import checked_index_dir
from kiosk.store.packstore import PackStore, StoreError
from kiosk.store.records import Refusal
from kiosk.store.text import printable

log = logging.getLogger(__name__)

MAX_REASONS_KEPT = 20


@dataclass(frozen=True)
class PackChoice:
    """The pack to show (None: nothing could be shown), where it came from and why."""

    pack: Pack | None
    origin: str
    """'preview', 'active', 'last-good', 'settings', 'bundled' or 'none'."""
    slot: str | None = None
    why: tuple[str, ...] = ()
    refusals: tuple[Refusal, ...] = field(default=())

    def summary(self) -> str:
        """One sentence: what is showing and why."""
        return " ".join(self.why)


@dataclass
class _Chooser:
    store: PackStore | None
    why: list[str] = field(default_factory=list)
    refusals: list[Refusal] = field(default_factory=list)

    def attempt(self, folder: Path, label: str, slot: str | None = None) -> Pack | None:
        if self.store is not None and slot is not None:
            unsigned = self.store.signature_problem(folder)
            if unsigned is not None:
                log.error("%s refused: %s", label, printable(unsigned))
                self.refusals.append(self.store.record_refusal(label, str(folder), [printable(unsigned)]))
                return None
        # Unchanged since it last passed its checks: rebuilt from the checked-pack index.
        result = load_checked(folder, checked_index_dir())
        for problem in result.problems:
            (log.error if problem.is_error else log.warning)("%s: %s", label, printable(problem.format()))
        if result.pack is not None:
            return result.pack
        reasons = [printable(problem.format()) for problem in result.errors][:MAX_REASONS_KEPT]
        log.error("%s refused (%d errors)", label, len(result.errors))
        if self.store is not None and slot is not None:
            self.refusals.append(self.store.record_refusal(label, str(folder), reasons))
        else:
            self.why.append(f"{label} has errors ({reasons[0] if reasons else 'unreadable'}).")
        return None

    def choice(self, pack: Pack | None, origin: str, reason: str, slot: str | None = None) -> PackChoice:
        self.why.extend(refusal.sentence() + "." for refusal in self.refusals)
        self.why.append(reason)
        log.info("showing %s: %s", origin, " ".join(self.why))
        return PackChoice(pack, origin, slot, tuple(self.why), tuple(self.refusals))


def choose_pack(
    store: PackStore | None,
    *,
    bundled: Path | None,
    preview: Path | None = None,
    configured: Path | None = None,
) -> PackChoice:
    chooser = _Chooser(store)
    if preview is not None:
        pack = chooser.attempt(preview, f"the pack in {printable(preview)}")
        if pack is not None:
            return chooser.choice(
                pack, "preview", f"Showing {_name(pack)} from {printable(preview)} (preview)."
            )
    elif store is not None:
        try:
            pointer = store.pointer()
        except StoreError as error:
            log.error("pack store: %s", error)
            chooser.why.append(f"The pack store cannot be read ({error}).")
        else:
            active, last_good = store.slot(pointer.active), store.slot(pointer.last_good)
            if pointer.active and active is None:
                chooser.why.append(f"The installed pack {pointer.active} is missing from the store.")
            if active is not None:
                pack = chooser.attempt(active.folder, active.label, active.name)
                if pack is not None:
                    reason = (
                        f"Showing {_name(pack)}, installed {active.installed_at[:16].replace('T', ' ')} UTC."
                    )
                    return chooser.choice(pack, "active", reason, active.name)
            if last_good is not None:
                pack = chooser.attempt(last_good.folder, last_good.label, last_good.name)
                if pack is not None:
                    reason = f"Showing the last good pack, {_name(pack)}."
                    return chooser.choice(pack, "last-good", reason, last_good.name)
    if configured is not None and preview is None:
        pack = chooser.attempt(configured, f"the pack in {printable(configured)}")
        if pack is not None:
            reason = f"Showing {_name(pack)} from the pack folder in the settings."
            return chooser.choice(pack, "settings", reason)
    pack = chooser.attempt(bundled, "the bundled pack") if bundled is not None else None
    if pack is not None:
        nothing = "" if chooser.why or store is None else " No pack is installed yet (kiosk install)."
        return chooser.choice(pack, "bundled", f"Showing the bundled pack, {_name(pack)}.{nothing}")
    return chooser.choice(None, "none", "No pack can be shown.")


def _name(pack: Pack) -> str:
    return f"{pack.id} {pack.manifest.version}"
