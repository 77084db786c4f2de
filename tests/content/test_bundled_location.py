"""Where the kiosk finds the data it ships with: from any working folder, and a clear refusal when
the install cannot give it as files."""

from __future__ import annotations

import os
from pathlib import Path

import kiosk.bundled
import pytest

from kiosk.content.bundled import (
    BUNDLED_PACK_ID,
    BundledDataMissing,
    bundled_pack_dir,
    bundled_pack_ids,
    bundled_root,
)


def test_the_bundled_data_is_found_from_any_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    root = bundled_root()
    assert root.is_absolute() and root == Path(kiosk.bundled.__file__).parent
    assert (bundled_pack_dir() / "pack.yaml").is_file()
    assert BUNDLED_PACK_ID in bundled_pack_ids()
    assert (root / "fonts" / "KioskHyperlegible-Regular.ttf").is_file()
    assert os.getcwd() == str(tmp_path)  # nothing moved to find it


@pytest.mark.parametrize(
    "package_file",
    ["/opt/kiosk/clinic_kiosk.whl/kiosk/bundled/__init__.py", None],
    ids=["inside a zip", "no package file"],
)
def test_an_install_that_cannot_give_files_is_refused_with_a_clear_reason(
    package_file: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(kiosk.bundled, "__file__", package_file)
    with pytest.raises(BundledDataMissing, match=r"not a folder on disk .*reinstall the kiosk unzipped"):
        bundled_pack_dir()
