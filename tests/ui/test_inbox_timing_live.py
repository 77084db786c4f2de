"""The running kiosk looks in its inbox as often as the settings say, and takes a pack only once it
has stayed unchanged for the settle time the settings give."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path
from typing import Any

from kiosk.session.settings import Settings
from kiosk.ui.pack_start import follow_pack_changes, start_pack
from kiosk.ui.pack_switch import PackSwitcher

MINI = Path(__file__).resolve().parents[1] / "packs" / "mini"


def test_the_kiosk_uses_the_inbox_timings_from_the_settings(operate: Any, qtbot: Any, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    arriving = Path(shutil.copytree(MINI, inbox / "mini"))
    moment = time.time() - 30  # changed half a minute ago: settled for the default 10 s, not for 60 s
    for path in [arriving, *arriving.rglob("*")]:
        os.utime(path, (moment, moment))
    settings = Settings(
        inbox=inbox, pack_store=tmp_path / "store", inbox_check_seconds=45, inbox_settle_seconds=60
    )
    started = start_pack(None, settings)
    operated = operate(pack=started.choice.pack)
    switcher = follow_pack_changes(started, operated.window, operated.op, settings, watch=False)
    assert isinstance(switcher, PackSwitcher)
    try:
        assert switcher.inbox_timer.isActive() and switcher.inbox_timer.interval() == 45_000
        with qtbot.waitSignal(switcher.inbox_done, timeout=10_000) as looked:
            switcher.look_in_inbox()
        assert looked.args == [[]]  # still settling: left where it is
        assert arriving.is_dir() and started.store is not None and started.store.slots() == []
    finally:
        switcher.stop()
