"""Path safety: whatever a pack writes, the resolved file stays inside the pack folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.content.paths import UnsafePath, path_problem, resolve_inside


@pytest.mark.parametrize(
    "path",
    [
        "../x.svg",
        "images/../../x.svg",
        "/etc/passwd",
        "C:\\pictures\\a.png",
        "C:/a.png",
        "c:a.png",
        "images\\a.svg",
        "",
        " ",
        "a//b.svg",
        "./a.svg",
        "~/a.svg",
        "a\x00.svg",
        "images/a.svg ",
    ],
)
def test_unsafe_paths_are_refused(tmp_path: Path, path: str) -> None:
    assert path_problem(path) is not None
    with pytest.raises(UnsafePath):
        resolve_inside(tmp_path, path)


def test_plain_relative_paths_are_accepted(tmp_path: Path) -> None:
    assert resolve_inside(tmp_path, "images/spine.svg") == tmp_path.resolve() / "images" / "spine.svg"
    assert path_problem("pages/what-is-it.en.md") is None


def test_symlinked_folder_pointing_out_is_refused(tmp_path: Path) -> None:
    root, outside = tmp_path / "pack", tmp_path / "outside"
    root.mkdir()
    outside.mkdir()
    os.symlink(outside, root / "images")
    with pytest.raises(UnsafePath, match="outside the pack"):
        resolve_inside(root, "images/a.svg")


_SEGMENTS = st.sampled_from(
    [
        "..",
        ".",
        "",
        "images",
        "a.svg",
        "C:",
        "c:\\",
        "\\..",
        "~",
        " ",
        "..\\..",
        "%2e%2e",
        "link",
        "loop",
        "\x00",
        "é",
        "/",
    ]
)
_PATHS = st.one_of(st.lists(_SEGMENTS, max_size=6).map("/".join), st.text(max_size=40))


@pytest.fixture(scope="module")
def hostile_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("paths")
    root = base / "pack"
    (root / "images").mkdir(parents=True)
    (base / "outside").mkdir()
    os.symlink(base / "outside", root / "link")
    os.symlink(root / "loop", root / "loop")
    return root


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(relative=_PATHS)
def test_nothing_resolves_outside_the_root(hostile_root: Path, relative: str) -> None:
    try:
        resolved = resolve_inside(hostile_root, relative)
    except UnsafePath:
        return
    assert resolved.is_relative_to(hostile_root.resolve())
    assert (
        os.path.realpath(resolved).startswith(str(hostile_root.resolve()) + os.sep)
        or resolved == hostile_root.resolve()
    )
